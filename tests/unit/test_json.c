/*
 * test_json.c - the JSON loader: positions, paths, accessors and every kind
 * of error it reports; and the diagnostics it reports through.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/diag.h"
#include "data/json.h"

#define INVALID_UTF8_ADVICE "; the file must be encoded in UTF-8, not Latin-1 or Windows-1252"

/* Parses text as "t.json" with a quiet diag. */
static jdoc *parse(const char *text, diag *d)
{
	diag_init(d);
	d->quiet = 1;
	return jdoc_parse("t.json", text, strlen(text), d);
}

/* Asserts that text fails to load with `message` as the last diagnostic. */
static void check_error(const char *text, const char *message)
{
	diag d;
	jdoc *doc = parse(text, &d);

	if (doc)
		jdoc_free(doc);
	assert_null(doc);
	assert_true(d.errors >= 1);
	assert_string_equal(d.last, message);
}

static void assert_pos(const jnode *n, int line, int col, const char *path)
{
	diag_pos pos = jnode_pos(n);

	assert_non_null(n);
	assert_string_equal(pos.file, "t.json");
	assert_int_equal(pos.line, line);
	assert_int_equal(pos.column, col);
	assert_string_equal(pos.path, path);
}

/* ---------------------------------------------------------- positions */

static void test_positions_nested_utf8(void **state)
{
	/* Columns count characters: å, ä, ö are two bytes each, the emoji four,
	 * a tab one. */
	const char *text = "{\n"
	                   "  \"titel\": \"Årsrapport för Öresund\",\n"
	                   "  \"år\": 2021, \"värden\": [1, 2.5, {\"namn\": \"Å\"}],\n"
	                   "\t\"😀\": true,\n"
	                   "  \"sist\":\n"
	                   "    null\n"
	                   "}\n";
	const jnode *root, *v;
	diag d;
	jdoc *doc = parse(text, &d);

	(void)state;
	assert_non_null(doc);
	assert_int_equal(d.errors, 0);
	root = jdoc_root(doc);
	assert_pos(root, 1, 1, "");
	assert_pos(jnode_get(root, "titel"), 2, 12, "titel");
	assert_pos(jnode_get(root, "år"), 3, 9, "[\"år\"]");
	v = jnode_get(root, "värden");
	assert_pos(v, 3, 25, "[\"värden\"]");
	assert_pos(jnode_at(v, 0), 3, 26, "[\"värden\"][0]");
	assert_pos(jnode_at(v, 1), 3, 29, "[\"värden\"][1]");
	assert_pos(jnode_at(v, 2), 3, 34, "[\"värden\"][2]");
	assert_pos(jnode_get(jnode_at(v, 2), "namn"), 3, 43, "[\"värden\"][2].namn");
	assert_pos(jnode_get(root, "😀"), 4, 7, "[\"😀\"]");
	assert_pos(jnode_get(root, "sist"), 6, 5, "sist");
	assert_string_equal(jnode_string(jnode_get(root, "titel"), NULL), "Årsrapport för Öresund");
	assert_string_equal(jdoc_name(doc), "t.json");
	jdoc_free(doc);
}

static void test_key_positions(void **state)
{
	const char *text = "{\"a\": 1,\n  \"bb\" :\n   [2]}";
	const jnode *root, *bb;
	diag_pos pos;
	diag d;
	jdoc *doc = parse(text, &d);

	(void)state;
	assert_non_null(doc);
	root = jdoc_root(doc);
	bb = jnode_get(root, "bb");
	pos = jnode_key_pos(bb);
	assert_int_equal(pos.line, 2);
	assert_int_equal(pos.column, 3);
	assert_string_equal(pos.path, "bb");
	assert_pos(bb, 3, 4, "bb");
	/* not a member: the value's own position */
	pos = jnode_key_pos(jnode_at(bb, 0));
	assert_int_equal(pos.line, 3);
	assert_int_equal(pos.column, 5);
	pos = jnode_key_pos(root);
	assert_int_equal(pos.line, 1);
	assert_int_equal(pos.column, 1);
	jdoc_free(doc);
}

static void test_bom_skipped(void **state)
{
	const char *text = "\xef\xbb\xbf{\"a\": 1}";
	diag d;
	jdoc *doc = parse(text, &d);

	(void)state;
	assert_non_null(doc);
	assert_pos(jdoc_root(doc), 1, 1, "");
	assert_pos(jnode_get(jdoc_root(doc), "a"), 1, 7, "a");
	jdoc_free(doc);
	check_error("\xef\xbb\xbf",
	            "t.json: error: empty file: only white space, expected a JSON value");
	check_error("\xff\xfe{\0",
	            "t.json: error: the file is encoded in UTF-16; it must be UTF-8");
}

/* -------------------------------------------------------------- paths */

static void test_paths(void **state)
{
	const char *text = "{\"sections\": [{}, {}, {}, {\"title\": \"x\"}],"
	                   " \"weird key\": {\"a.b\": 1, \"q\\\"\\\\\": 2, \"\": 3, \"_x9\": 4,"
	                   " \"9x\": 5, \"tab\\there\": 6}}";
	const jnode *root, *w;
	diag d;
	jdoc *doc = parse(text, &d);

	(void)state;
	assert_non_null(doc);
	root = jdoc_root(doc);
	assert_string_equal(jnode_pos(root).path, "");
	assert_string_equal(
	        jnode_pos(jnode_get(jnode_at(jnode_get(root, "sections"), 3), "title")).path,
	        "sections[3].title");
	w = jnode_get(root, "weird key");
	assert_string_equal(jnode_pos(w).path, "[\"weird key\"]");
	assert_string_equal(jnode_pos(jnode_get(w, "a.b")).path, "[\"weird key\"][\"a.b\"]");
	assert_string_equal(jnode_pos(jnode_get(w, "q\"\\")).path,
	                    "[\"weird key\"][\"q\\\"\\\\\"]");
	assert_string_equal(jnode_pos(jnode_get(w, "")).path, "[\"weird key\"][\"\"]");
	assert_string_equal(jnode_pos(jnode_get(w, "_x9")).path, "[\"weird key\"]._x9");
	assert_string_equal(jnode_pos(jnode_get(w, "9x")).path, "[\"weird key\"][\"9x\"]");
	assert_string_equal(jnode_pos(jnode_get(w, "tab\there")).path,
	                    "[\"weird key\"][\"tab\\u0009here\"]");
	/* asking twice gives the same, stored string */
	assert_ptr_equal(jnode_pos(w).path, jnode_pos(w).path);
	jdoc_free(doc);

	doc = parse("[[1, {\"a\": [true]}]]", &d);
	assert_non_null(doc);
	root = jdoc_root(doc);
	assert_string_equal(
	        jnode_pos(jnode_at(jnode_get(jnode_at(jnode_at(root, 0), 1), "a"), 0)).path,
	        "[0][1].a[0]");
	jdoc_free(doc);
}

/* ----------------------------------------------------- syntax errors */

static void test_missing_comma(void **state)
{
	(void)state;
	check_error("{\n  \"a\": 1\n  \"b\": 2\n}",
	            "t.json:3:3: error: expected ',' or '}' after an object member, found \"b\"");
	check_error("[1,\n 2\n  3]",
	            "t.json:3:3: error: expected ',' or ']' after an array element, found '3'");
}

static void test_trailing_comma(void **state)
{
	(void)state;
	check_error("{\"a\": 1,}", "t.json:1:9: error: expected a string key, found '}' "
	                           "(JSON allows no comma before a closing bracket)");
	check_error("[1, 2,\n]", "t.json:2:1: error: expected a value, found ']' "
	                         "(JSON allows no comma before a closing bracket)");
}

static void test_unterminated_string(void **state)
{
	(void)state;
	check_error("{\"a\": \"abc",
	            "t.json:1:7: error: unterminated string: no closing '\"' before the end of "
	            "the file");
	check_error("{\"a\": \"abc\n}",
	            "t.json:1:7: error: unterminated string: no closing '\"' before the end of "
	            "the line");
	check_error("[\"abc\\",
	            "t.json:1:2: error: unterminated string: no closing '\"' before the end of "
	            "the file");
}

static void test_bad_literal(void **state)
{
	(void)state;
	check_error("{\"a\": tru}", "t.json:1:7: error: expected a value, found 'tru'");
	check_error("{\"a\": True}", "t.json:1:7: error: expected a value, found 'True' "
	                             "(true, false and null are written in lower case)");
	check_error("[nulll]", "t.json:1:2: error: expected a value or ']', found 'nulll'");
	check_error("[NaN]", "t.json:1:2: error: expected a value or ']', found 'NaN'");
	check_error("{'a': 1}", "t.json:1:2: error: expected a string key or '}', found \"'\" "
	                        "(JSON strings are written in double quotes)");
	check_error("{a: 1}", "t.json:1:2: error: expected a string key or '}', found 'a' "
	                      "(keys are strings in double quotes)");
	check_error("{\"a\" 1}", "t.json:1:6: error: expected ':' after the key, found '1'");
	check_error("[\xc2\xa0]",
	            "t.json:1:2: error: expected a value or ']', found '\xc2\xa0' (U+00A0)");
	check_error("[\x01]",
	            "t.json:1:2: error: expected a value or ']', found control character U+0001");
}

static void test_bad_numbers(void **state)
{
	(void)state;
	check_error("[01]",
	            "t.json:1:2: error: invalid number '01': leading zeros are not allowed");
	check_error("[1.]", "t.json:1:2: error: invalid number '1.': a digit must follow '.'");
	check_error("[-]", "t.json:1:2: error: invalid number '-': a digit must follow '-'");
	check_error("[1e+]", "t.json:1:2: error: invalid number '1e+': the exponent has no digits");
	check_error("[1.5.3]", "t.json:1:2: error: invalid number '1.5.3': unexpected '.'");
	check_error("[12abc]", "t.json:1:2: error: invalid number '12abc': unexpected 'a'");
	check_error("[+1]", "t.json:1:2: error: expected a value or ']', found '+1'");
	check_error("{\"x\": [1e999]}",
	            "t.json:1:8: error: x[0]: number out of range (larger than about 1.8e308)");
	check_error("[0.1234567890123456789012345678901234567890123456789012345678901234]",
	            "t.json:1:2: error: invalid number '0.1234567890123456789012...': longer "
	            "than 63 characters");
}

static void test_bad_strings(void **state)
{
	(void)state;
	check_error("[\"a\tb\"]",
	            "t.json:1:4: error: control character U+0009 in a string; write it as \\t");
	check_error("[\"a\\qb\"]",
	            "t.json:1:4: error: invalid escape in a string: expected one of "
	            "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after '\\', found 'qb'");
	check_error("[\"\\u12g4\"]", "t.json:1:3: error: invalid escape: \\u needs 4 hex digits");
	check_error("[\"\\u0000\"]", "t.json:1:3: error: \\u0000 (NUL) is not allowed in strings");
	check_error("[\"\\udc00\"]", "t.json:1:3: error: unpaired surrogate \\uDC00 in a string");
	check_error("[\"\\ud800x\"]", "t.json:1:3: error: unpaired surrogate \\uD800 in a string "
	                              "(a low surrogate \\uDC00-\\uDFFF must follow)");
}

static void test_empty_file(void **state)
{
	diag d;

	(void)state;
	check_error("", "t.json: error: empty file, expected a JSON value");
	check_error(" \n\t\r\n",
	            "t.json: error: empty file: only white space, expected a JSON value");
	diag_init(&d);
	d.quiet = 1;
	assert_null(jdoc_parse("t.json", NULL, 0, &d));
	assert_int_equal(d.errors, 1);
}

static void test_unexpected_end(void **state)
{
	(void)state;
	/* at the end of the file the position is just after the last token */
	check_error("[", "t.json:1:2: error: expected a value or ']', found end of file");
	check_error("{\"a\": 1\n\n",
	            "t.json:1:8: error: expected ',' or '}' after an object member, found end of "
	            "file");
	check_error("{\"a\":", "t.json:1:6: error: expected a value, found end of file");
}

static void test_trailing_garbage(void **state)
{
	(void)state;
	check_error("{} x", "t.json:1:4: error: expected the end of the file after the value, "
	                    "found 'x'");
	check_error("{\"a\": 1}}", "t.json:1:9: error: expected the end of the file after the "
	                           "value, found '}'");
	check_error("{\"a\":1}\n{\"b\":2}", "t.json:2:1: error: expected the end of the file after "
	                                    "the value, found '{'");
}

static void test_nul_inside(void **state)
{
	static const char text[] = "[1]\n\0";
	diag d;

	(void)state;
	diag_init(&d);
	d.quiet = 1;
	assert_null(jdoc_parse("t.json", text, sizeof text - 1, &d));
	assert_string_equal(d.last, "t.json:2:1: error: expected the end of the file after the "
	                            "value, found a NUL byte");
}

/* depth levels of nested arrays around 7 */
static char *nested(int depth)
{
	char *s = malloc((size_t)depth * 2 + 2);
	int i;

	assert_non_null(s);
	for (i = 0; i < depth; i++)
		s[i] = '[';
	s[depth] = '7';
	for (i = 0; i < depth; i++)
		s[depth + 1 + i] = ']';
	s[2 * depth + 1] = '\0';
	return s;
}

static void test_deep_nesting(void **state)
{
	char *text = nested(JSON_MAX_DEPTH);
	const jnode *n;
	diag d;
	jdoc *doc = parse(text, &d);
	int i;

	(void)state;
	assert_non_null(doc);
	for (n = jdoc_root(doc), i = 0; i < JSON_MAX_DEPTH; i++)
		n = jnode_at(n, 0);
	assert_int_equal(jnode_kind(n), J_NUMBER);
	assert_pos(n, 1, JSON_MAX_DEPTH + 1,
	           "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
	           "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
	           "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
	           "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]");
	jdoc_free(doc);
	free(text);

	text = nested(JSON_MAX_DEPTH + 1);
	check_error(text,
	            "t.json:1:65: error: nesting deeper than 64 levels of arrays and objects");
	free(text);
	/* deeper than cJSON's own limit (1000): ours comes first */
	text = nested(5000);
	check_error(text,
	            "t.json:1:65: error: nesting deeper than 64 levels of arrays and objects");
	free(text);
	check_error(
	        "{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":["
	        "{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":["
	        "{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":[{\"a\":["
	        "{\"a\":[{\"a\":[{\"a\":[]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}"
	        "]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}",
	        "t.json:1:193: error: nesting deeper than 64 levels of arrays and objects");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* Latin-1 "kål" after a two-byte character on the same line */
	check_error("{\n  \"ö\": \"k\xe5l\"}",
	            "t.json:2:10: error: invalid UTF-8 (byte 0xE5)" INVALID_UTF8_ADVICE);
	check_error("[\"\xc0\xaf\"]", /* overlong '/' */
	            "t.json:1:3: error: invalid UTF-8 (byte 0xC0)" INVALID_UTF8_ADVICE);
	check_error("[\"\xed\xa0\x80\"]", /* an encoded surrogate */
	            "t.json:1:3: error: invalid UTF-8 (byte 0xED)" INVALID_UTF8_ADVICE);
	check_error("[\"\xf4\x90\x80\x80\"]", /* above U+10FFFF */
	            "t.json:1:3: error: invalid UTF-8 (byte 0xF4)" INVALID_UTF8_ADVICE);
	check_error("[\"ok\"] \x80", /* a lone continuation byte outside strings */
	            "t.json:1:8: error: invalid UTF-8 (byte 0x80)" INVALID_UTF8_ADVICE);
	check_error("[\"\xe2\x82", /* cut at the end of the file */
	            "t.json:1:3: error: invalid UTF-8 (byte 0xE2)" INVALID_UTF8_ADVICE);
}

static void test_duplicate_key(void **state)
{
	diag d;
	jdoc *doc;

	(void)state;
	check_error("{\n  \"a\": 1,\n  \"a\": 2\n}",
	            "t.json:3:3: error: duplicate key \"a\" (first at line 2)");
	check_error("{\"s\": [{\"t\": 1,\n \"t\": 2}]}",
	            "t.json:2:2: error: s[0]: duplicate key \"t\" (first at line 1)");
	/* every duplicate is reported, with the key escaped */
	doc = parse("{\"x\\n\": 1, \"x\\n\": 2, \"y\": 3, \"y\": 4}", &d);
	assert_null(doc);
	assert_int_equal(d.errors, 2);
	assert_string_equal(d.last, "t.json:1:30: error: duplicate key \"y\" (first at line 1)");
	/* the same key in different objects is fine */
	doc = parse("{\"a\": {\"a\": {\"a\": 1}}, \"b\": {\"a\": 2}}", &d);
	assert_non_null(doc);
	assert_int_equal(d.errors, 0);
	assert_true(jnode_number(jnode_get(jnode_get(jdoc_root(doc), "b"), "a"), 0) == 2);
	jdoc_free(doc);
}

static void test_too_large(void **state)
{
	size_t len = JSON_MAX_FILE_BYTES + 1u;
	char *big = malloc(len);
	diag d;

	(void)state;
	assert_non_null(big);
	memset(big, ' ', len);
	big[0] = '1';
	diag_init(&d);
	d.quiet = 1;
	assert_null(jdoc_parse("t.json", big, len, &d));
	assert_string_equal(
	        d.last, "t.json: error: file too large: 16777217 bytes, at most 16777216 allowed");
	/* exactly at the limit is fine */
	diag_init(&d);
	d.quiet = 1;
	jdoc_free(jdoc_parse("t.json", big, len - 1, &d));
	assert_int_equal(d.errors, 0);
	free(big);
}

/* ---------------------------------------------------------- accessors */

static void test_missing_nodes(void **state)
{
	const char *text = "{\"a\": [1, \"two\", true, null], \"o\": {\"k\": 1.5}}";
	const jnode *root, *a, *none;
	char buf[64];
	diag_pos pos;
	diag d;
	jdoc *doc = parse(text, &d);

	(void)state;
	assert_non_null(doc);
	root = jdoc_root(doc);
	a = jnode_get(root, "a");
	none = jnode_get(root, "nope");
	assert_null(none);
	assert_null(jnode_get(none, "x"));
	assert_null(jnode_get(jnode_get(none, "x"), "y"));
	assert_null(jnode_get(a, "0")); /* not an object */
	assert_null(jnode_get(root, NULL));
	assert_null(jnode_at(a, 4));
	assert_null(jnode_at(none, 0));
	assert_null(jnode_at(jnode_at(a, 0), 0)); /* not a container */
	assert_int_equal(jnode_kind(none), J_MISSING);
	assert_int_equal(jnode_length(none), 0);
	assert_int_equal(jnode_length(jnode_at(a, 1)), 0);
	assert_string_equal(jnode_string(none, "fallback"), "fallback");
	assert_string_equal(jnode_string(jnode_at(a, 0), "fallback"), "fallback");
	assert_null(jnode_string(none, NULL));
	assert_true(jnode_number(none, 7.5) == 7.5);
	assert_true(jnode_number(jnode_at(a, 1), -1) == -1);
	assert_int_equal(jnode_bool(none, -1), -1);
	assert_int_equal(jnode_bool(jnode_at(a, 0), -1), -1);
	assert_null(jnode_key_at(none, 0));
	assert_null(jnode_key(none));
	assert_null(jnode_parent(none));
	pos = jnode_pos(none);
	assert_null(pos.file);
	assert_null(pos.path);
	assert_int_equal(pos.line, 0);
	assert_int_equal(pos.column, 0);
	assert_string_equal(jnode_describe(none, buf, sizeof buf), "nothing");
	assert_null(jdoc_root(NULL));
	assert_null(jdoc_name(NULL));
	jdoc_free(NULL);

	/* and the present ones */
	assert_int_equal(jnode_length(a), 4);
	assert_int_equal(jnode_length(root), 2);
	assert_int_equal(jnode_kind(jnode_at(a, 3)), J_NULL);
	assert_string_equal(jnode_string(jnode_at(a, 1), NULL), "two");
	assert_int_equal(jnode_bool(jnode_at(a, 2), -1), 1);
	assert_true(jnode_number(jnode_get(jnode_get(root, "o"), "k"), 0) == 1.5);
	assert_ptr_equal(jnode_at(root, 1), jnode_get(root, "o"));
	assert_string_equal(jnode_key_at(root, 0), "a");
	assert_string_equal(jnode_key_at(root, 1), "o");
	assert_null(jnode_key_at(root, 2));
	assert_string_equal(jnode_key_at(a, 99), "a"); /* not an object: its own key */
	assert_null(jnode_key_at(jnode_at(a, 0), 0));  /* an element has no key */
	assert_null(jnode_key(root));
	assert_string_equal(jnode_key(jnode_get(root, "o")), "o");
	assert_ptr_equal(jnode_parent(jnode_at(a, 2)), a);
	assert_ptr_equal(jnode_parent(a), root);
	assert_null(jnode_parent(root));
	jdoc_free(doc);
}

static void test_is_int(void **state)
{
	const char *text = "[3, -3, 0, -0.0, 3.5, 1.0, 1e2, 1e18, 1e300, 9223372036854775807,"
	                   " -9223372036854775808, \"3\", 2.5e-1, true]";
	static const int expect[] = {1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0};
	const jnode *root;
	diag d;
	jdoc *doc = parse(text, &d);
	size_t i;

	(void)state;
	assert_non_null(doc);
	root = jdoc_root(doc);
	assert_int_equal(jnode_length(root), sizeof expect / sizeof expect[0]);
	for (i = 0; i < jnode_length(root); i++) {
		if (jnode_is_int(jnode_at(root, i)) != expect[i])
			fail_msg("element %zu: jnode_is_int should be %d", i, expect[i]);
	}
	assert_int_equal(jnode_is_int(NULL), 0);
	jdoc_free(doc);
}

static void test_string_values(void **state)
{
	const char *text = "[\"\\u00e5\\u00E4\", \"\\ud83d\\ude00\", \"a\\\"b\\\\c\\/d\\n\","
	                   " \"\\b\\f\\r\\t\", \"\"]";
	const jnode *root;
	diag d;
	jdoc *doc = parse(text, &d);

	(void)state;
	assert_non_null(doc);
	root = jdoc_root(doc);
	assert_string_equal(jnode_string(jnode_at(root, 0), NULL), "åä");
	assert_string_equal(jnode_string(jnode_at(root, 1), NULL), "\xf0\x9f\x98\x80");
	assert_string_equal(jnode_string(jnode_at(root, 2), NULL), "a\"b\\c/d\n");
	assert_string_equal(jnode_string(jnode_at(root, 3), NULL), "\b\f\r\t");
	assert_string_equal(jnode_string(jnode_at(root, 4), NULL), "");
	jdoc_free(doc);
}

static void test_describe(void **state)
{
	const char *text =
	        "[12.5, 0.1, 1257, -3, 1e21, \"abc\", \"say \\\"hi\\\"\\n\", true, false,"
	        " null, [], {},"
	        " \"Åtta långa ord som tillsammans blir en mycket lång mening här\"]";
	static const char *const expect[] = {"12.5",
	                                     "0.1",
	                                     "1257",
	                                     "-3",
	                                     "1e+21",
	                                     "\"abc\"",
	                                     "\"say \\\"hi\\\"\\n\"",
	                                     "true",
	                                     "false",
	                                     "null",
	                                     "an array",
	                                     "an object",
	                                     "\"Åtta långa ord som tillsammans blir en m...\""};
	const jnode *root;
	char buf[80], small[8];
	diag d;
	jdoc *doc = parse(text, &d);
	size_t i;

	(void)state;
	assert_non_null(doc);
	root = jdoc_root(doc);
	assert_int_equal(jnode_length(root), sizeof expect / sizeof expect[0]);
	for (i = 0; i < jnode_length(root); i++)
		assert_string_equal(jnode_describe(jnode_at(root, i), buf, sizeof buf), expect[i]);
	/* a small buffer: still a terminated, quoted string */
	assert_string_equal(jnode_describe(jnode_at(root, 5), small, sizeof small), "\"abc\"");
	assert_string_equal(jnode_describe(jnode_at(root, 12), small, sizeof small), "\"Å...\"");
	assert_string_equal(jkind_name(J_OBJECT), "an object");
	assert_string_equal(jkind_name(J_STRING), "a string");
	assert_string_equal(jkind_name(J_MISSING), "nothing");
	jdoc_free(doc);
}

static void test_many_keys(void **state)
{
	char *text = malloc(64 * 1024);
	const jnode *root;
	size_t len = 0;
	char key[32];
	diag d;
	jdoc *doc;
	int i;

	(void)state;
	assert_non_null(text);
	len += (size_t)sprintf(text + len, "{");
	for (i = 0; i < 1000; i++)
		len += (size_t)sprintf(text + len, "%s\"k%d\": {\"k%d\": %d}", i ? ", " : "", i,
		                       999 - i, i);
	sprintf(text + len, "}");
	doc = parse(text, &d);
	assert_non_null(doc);
	root = jdoc_root(doc);
	assert_int_equal(jnode_length(root), 1000);
	for (i = 0; i < 1000; i++) {
		const jnode *m;

		snprintf(key, sizeof key, "k%d", i);
		m = jnode_get(root, key);
		assert_ptr_equal(m, jnode_at(root, (size_t)i));
		snprintf(key, sizeof key, "k%d", 999 - i);
		assert_true(jnode_number(jnode_get(m, key), -1) == i);
		assert_null(jnode_get(m, "k1000"));
	}
	assert_null(jnode_get(root, "k1000"));
	assert_null(jnode_get(root, "K1"));
	jdoc_free(doc);
	free(text);
}

/* ------------------------------------------------------------ files */

static void test_load_file(void **state)
{
	char path[] = "/tmp/rapport-test-XXXXXX";
	const char *text = "{\n  \"år\": 2021\n}\n";
	diag d;
	jdoc *doc;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	diag_init(&d);
	d.quiet = 1;
	doc = jdoc_load_file(path, &d);
	assert_non_null(doc);
	assert_string_equal(jdoc_name(doc), path);
	assert_int_equal(jnode_pos(jnode_get(jdoc_root(doc), "år")).line, 2);
	assert_string_equal(jnode_pos(jnode_get(jdoc_root(doc), "år")).file, path);
	jdoc_free(doc);

	/* an error names the file */
	fd = open(path, O_WRONLY | O_TRUNC);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "[1,,2]", 6), 6);
	close(fd);
	assert_null(jdoc_load_file(path, &d));
	assert_true(strncmp(d.last, path, strlen(path)) == 0);
	assert_string_equal(d.last + strlen(path), ":1:4: error: expected a value, found ','");
	unlink(path);
}

static void test_load_file_errors(void **state)
{
	char msg[256];
	diag d;

	(void)state;
	diag_init(&d);
	d.quiet = 1;
	assert_null(jdoc_load_file("/nonexistent/data.json", &d));
	snprintf(msg, sizeof msg, "/nonexistent/data.json: error: cannot open: %s",
	         strerror(ENOENT));
	assert_string_equal(d.last, msg);
	assert_null(jdoc_load_file("/tmp", &d));
	snprintf(msg, sizeof msg, "/tmp: error: cannot read: %s", strerror(EISDIR));
	assert_string_equal(d.last, msg);
	assert_int_equal(d.errors, 2);
}

static void test_load_file_too_large(void **state)
{
	char path[] = "/tmp/rapport-test-XXXXXX";
	char msg[256];
	diag d;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)JSON_MAX_FILE_BYTES + 10), 0);
	close(fd);
	diag_init(&d);
	d.quiet = 1;
	assert_null(jdoc_load_file(path, &d));
	snprintf(msg, sizeof msg,
	         "%s: error: file too large: 16777226 bytes, at most 16777216 allowed", path);
	assert_string_equal(d.last, msg);
	unlink(path);
}

/* ------------------------------------------------------- diagnostics */

static void test_diag_format(void **state)
{
	diag_pos full = {"data/2018.json", 12, 7, "census.placed.total"};
	diag_pos nopath = {"data/2018.json", 12, 7, NULL};
	diag_pos root = {"data/2018.json", 1, 1, ""};
	diag_pos nocol = {"data/2018.json", 12, 0, NULL};
	diag_pos fileonly = {"data/2018.json", 0, 0, NULL};
	diag_pos nothing = {NULL, 0, 0, NULL};
	diag d;

	(void)state;
	diag_init(&d);
	assert_int_equal(d.limit, 50);
	d.quiet = 1;
	diag_error(&d, &full, "expected a whole number >= 0, found %s", "\"abc\"");
	assert_string_equal(d.last, "data/2018.json:12:7: error: census.placed.total: expected a "
	                            "whole number >= 0, found \"abc\"");
	diag_error(&d, &nopath, "x");
	assert_string_equal(d.last, "data/2018.json:12:7: error: x");
	diag_error(&d, &root, "x");
	assert_string_equal(d.last, "data/2018.json:1:1: error: x");
	diag_error(&d, &nocol, "x");
	assert_string_equal(d.last, "data/2018.json:12: error: x");
	diag_error(&d, &fileonly, "x");
	assert_string_equal(d.last, "data/2018.json: error: x");
	diag_error(&d, &nothing, "x");
	assert_string_equal(d.last, "rapport: error: x");
	diag_error(&d, NULL, "no position %d", 42);
	assert_string_equal(d.last, "rapport: error: no position 42");
	diag_warning(&d, &full, "odd");
	assert_string_equal(d.last, "data/2018.json:12:7: warning: census.placed.total: odd");
	diag_warning(&d, NULL, "odd");
	assert_string_equal(d.last, "rapport: warning: odd");
	assert_int_equal(d.errors, 7);
	assert_int_equal(d.warnings, 2);
}

static void test_diag_long_message(void **state)
{
	char longmsg[2000];
	diag d;

	(void)state;
	memset(longmsg, 'x', sizeof longmsg - 1);
	longmsg[sizeof longmsg - 1] = '\0';
	diag_init(&d);
	d.quiet = 1;
	diag_error(&d, NULL, "%s", longmsg);
	assert_int_equal(strlen(d.last), sizeof d.last - 1);
	assert_memory_equal(d.last, "rapport: error: xxx", 19);
}

/* Runs `report` with stderr sent to a file; returns what was printed
 * (malloc'd). */
static char *capture_stderr(void (*report)(diag *), diag *d)
{
	FILE *tmp = tmpfile();
	int saved = dup(2);
	char *out = calloc(1, 4096);

	assert_non_null(tmp);
	assert_non_null(out);
	fflush(stderr);
	dup2(fileno(tmp), 2);
	report(d);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	assert_true(fread(out, 1, 4095, tmp) < 4095);
	fclose(tmp);
	return out;
}

static void five_errors_and_a_warning(diag *d)
{
	int i;

	for (i = 1; i <= 5; i++)
		diag_error(d, NULL, "error %d", i);
	diag_warning(d, NULL, "late warning");
}

static void test_diag_limit(void **state)
{
	char *out;
	diag d;

	(void)state;
	diag_init(&d);
	d.limit = 2;
	out = capture_stderr(five_errors_and_a_warning, &d);
	assert_string_equal(out, "rapport: error: error 1\n"
	                         "rapport: error: error 2\n"
	                         "rapport: too many errors; stopping output\n");
	assert_int_equal(d.errors, 5);
	assert_int_equal(d.warnings, 1);
	assert_string_equal(d.last, "rapport: warning: late warning");
	free(out);

	diag_init(&d);
	d.quiet = 1;
	out = capture_stderr(five_errors_and_a_warning, &d);
	assert_string_equal(out, "");
	assert_int_equal(d.errors, 5);
	free(out);

	diag_init(&d);
	d.limit = 0; /* no limit */
	out = capture_stderr(five_errors_and_a_warning, &d);
	assert_string_equal(out, "rapport: error: error 1\nrapport: error: error 2\n"
	                         "rapport: error: error 3\nrapport: error: error 4\n"
	                         "rapport: error: error 5\nrapport: warning: late warning\n");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_positions_nested_utf8),
	        cmocka_unit_test(test_key_positions),
	        cmocka_unit_test(test_bom_skipped),
	        cmocka_unit_test(test_paths),
	        cmocka_unit_test(test_missing_comma),
	        cmocka_unit_test(test_trailing_comma),
	        cmocka_unit_test(test_unterminated_string),
	        cmocka_unit_test(test_bad_literal),
	        cmocka_unit_test(test_bad_numbers),
	        cmocka_unit_test(test_bad_strings),
	        cmocka_unit_test(test_empty_file),
	        cmocka_unit_test(test_unexpected_end),
	        cmocka_unit_test(test_trailing_garbage),
	        cmocka_unit_test(test_nul_inside),
	        cmocka_unit_test(test_deep_nesting),
	        cmocka_unit_test(test_invalid_utf8),
	        cmocka_unit_test(test_duplicate_key),
	        cmocka_unit_test(test_too_large),
	        cmocka_unit_test(test_missing_nodes),
	        cmocka_unit_test(test_is_int),
	        cmocka_unit_test(test_string_values),
	        cmocka_unit_test(test_describe),
	        cmocka_unit_test(test_many_keys),
	        cmocka_unit_test(test_load_file),
	        cmocka_unit_test(test_load_file_errors),
	        cmocka_unit_test(test_load_file_too_large),
	        cmocka_unit_test(test_diag_format),
	        cmocka_unit_test(test_diag_long_message),
	        cmocka_unit_test(test_diag_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
