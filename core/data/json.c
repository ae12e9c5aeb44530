/*
 * json.c - JSON documents with source positions, on top of cJSON.
 *
 * Loading a document takes four passes.  Each can fail with a diagnostic that
 * names file:line:column; the first error stops the load except in pass 4,
 * which reports every problem it finds.
 *
 *   1. Limits and encoding: the size limit, an empty file, a UTF-8 byte-order
 *      mark (skipped), invalid UTF-8 anywhere (reported at the bad byte).
 *   2. A strict scanner (the RFC 8259 grammar plus JSON_MAX_DEPTH) walks the
 *      text.  It finds syntax errors itself, so it can say what was expected
 *      where ("',' or '}' after an object member") and what was found.  It
 *      records the position of every value (and of its key) in pre-order.
 *   3. cJSON builds the values: number conversion, string unescaping.
 *   4. A walk over the cJSON tree in the same pre-order builds our jnode tree,
 *      gives each node the next recorded position (cJSON keeps members and
 *      elements in source order, duplicate keys included), and reports
 *      duplicate keys and numbers out of double's range.
 *
 * Why our own scanner rather than cJSON's error pointer: cJSON 1.7 accepts
 * more than JSON does (leading zeros, "1.", raw control characters in
 * strings, any byte <= 0x20 as white space, \u0000 which would cut a string
 * short) and its error pointer does not say what was expected.  After pass 2
 * cJSON only fails on out of memory; that is reported at cJSON's error
 * pointer.
 *
 * Layout: all nodes of a document live in one array; the children of a
 * container are contiguous in it, so jnode_at() is an index.  jnode_get() uses
 * one hash table per document keyed on (object, key), which also finds
 * duplicate keys while the tree is built.  Paths are built on first use and
 * kept by the document.
 *
 * Positions: line and column start at 1; the column counts characters
 * (UTF-8 code points), a tab counts as one, and a byte-order mark is not
 * counted.  A node's position is that of the first character of its value;
 * a member's key has its own position (jnode_key_pos).
 *
 * Paths: members are written ".name" (no dot at the start), or ["key"] when
 * the key is not an ASCII identifier [A-Za-z_][A-Za-z0-9_]*; elements are
 * written [3].  Example: sections[3].title, meta["publication date"].  The
 * root's path is "" and diag prints no path for it.
 */
#include "data/json.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/file.h"
#include "base/hash.h"
#include "base/utf8.h"

#define NO_NODE UINT32_MAX

/* Characters shown of a string in "found ..." texts. */
#define SHOW_STRING_CHARS 40
#define SHOW_TOKEN_BYTES  24
/* cJSON 1.7.15 copies a number into a 64-byte buffer before strtod(). */
#define MAX_NUMBER_CHARS 63

struct jnode {
	const cJSON *cj;
	jdoc *doc;
	uint32_t parent;       /* index in doc->nodes; NO_NODE for the root */
	uint32_t index;        /* position within the parent */
	uint32_t first;        /* index of the first child (containers) */
	uint32_t count;        /* number of children */
	uint32_t offset;       /* byte offset of the value in the text */
	int line, col;         /* of the value */
	int key_line, key_col; /* of the key (object members), else 0 */
	int kind;
};

/* A slot of the member table: node index + 1 (0: empty), and bits of the
 * key's hash, compared before the node itself is looked at. */
struct key_slot {
	uint32_t node;
	uint32_t tag;
};

struct jdoc {
	char *name;
	cJSON *cj;
	arena *cj_mem; /* holds every allocation of the cJSON tree */
	jnode *nodes;
	uint32_t n_nodes;
	char **paths;           /* per node, built on first use; NULL = not yet */
	struct key_slot *table; /* (object, key) -> node; node 0 = empty slot */
	size_t table_mask;      /* table size - 1 (a power of two) */
};

/* ------------------------------------------------------------ small helpers */

static int is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_hex(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static unsigned hex_value(int c)
{
	if (is_digit(c))
		return (unsigned)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (unsigned)(c - 'a' + 10);
	return (unsigned)(c - 'A' + 10);
}

/* Writes str as a quoted, escaped string into buf: "abc", with \" \\ \n \t
 * and \u00XX for the other control characters; after max_chars characters,
 * or when buf is full, it ends with ..." instead.  str is NUL-terminated. */
static void quote_string(const char *str, size_t max_chars, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)str;
	size_t o = 0, chars = 0;

	if (size < 6) {
		utf8_copy_trunc(buf, size, "\"...\"");
		return;
	}
	buf[o++] = '"';
	while (*p) {
		char esc[8];
		const char *piece = esc;
		size_t plen, step;

		if (chars == max_chars)
			goto truncated;
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			plen = 2;
			step = 1;
		} else if (*p == '\n' || *p == '\t' || *p == '\r') {
			esc[0] = '\\';
			esc[1] = *p == '\n' ? 'n' : *p == '\t' ? 't' : 'r';
			plen = 2;
			step = 1;
		} else if (*p < 0x20 || *p == 0x7F) {
			snprintf(esc, sizeof esc, "\\u%04X", (unsigned)*p);
			plen = 6;
			step = 1;
		} else {
			piece = (const char *)p;
			step = 1;
			while (step < 4 && (p[step] & 0xC0) == 0x80)
				step++;
			plen = step;
		}
		/* keep room for the closing quote and the NUL, and for ... before
		 * it unless this is the last character */
		if (o + plen + (p[step] ? 5 : 2) > size)
			goto truncated;
		memcpy(buf + o, piece, plen);
		o += plen;
		p += step;
		chars++;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return;
truncated:
	memcpy(buf + o, "...\"", 5);
}

/* --------------------------------------------------------- pass 1: encoding */

/* Checks that text[start, len) is valid UTF-8; reports the first bad byte. */
static int check_utf8(const char *name, const unsigned char *text, size_t start, size_t len,
                      diag *d)
{
	size_t i = start;
	int line = 1, col = 1;

	while (i < len) {
		size_t n = utf8_valid_len(text + i, len - i);
		diag_pos pos = {name, line, col, NULL};

		if (n == 0) {
			diag_error(
			        d, &pos,
			        "invalid UTF-8 (byte 0x%02X); the file must be encoded in UTF-8, "
			        "not Latin-1 or Windows-1252",
			        text[i]);
			return -1;
		}
		if (text[i] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
		i += n;
	}
	return 0;
}

/* ----------------------------------------------------- pass 2: the scanner */

/* Position of one value, recorded in pre-order. */
struct spos {
	uint32_t offset;
	int line, col;
	int key_line, key_col;
	int kind;
};

struct scanner {
	const unsigned char *text; /* the whole text, byte-order mark included */
	size_t len;
	size_t pos;
	int line, col;         /* of text[pos] */
	int end_line, end_col; /* just after the last non-blank byte consumed */
	int depth;
	struct spos *out;
	size_t n_out, cap_out;
	size_t n_members;
	const char *name;
	diag *d;
};

/* What fail_expected() may add a hint for. */
enum { EXPECT_KEY = 1, AFTER_COMMA = 2 };

static int peek(const struct scanner *s)
{
	return s->pos < s->len ? s->text[s->pos] : -1;
}

static int peek_at(const struct scanner *s, size_t ahead)
{
	return s->pos + ahead < s->len ? s->text[s->pos + ahead] : -1;
}

static void advance(struct scanner *s)
{
	unsigned char c = s->text[s->pos++];

	if (c == '\n') {
		s->line++;
		s->col = 1;
	} else if ((c & 0xC0) != 0x80) {
		s->col++;
	}
	if (!is_blank(c)) {
		s->end_line = s->line;
		s->end_col = s->col;
	}
}

static void advance_n(struct scanner *s, size_t n)
{
	while (n-- > 0)
		advance(s);
}

static void skip_blank(struct scanner *s)
{
	while (s->pos < s->len && is_blank(s->text[s->pos]))
		advance(s);
}

static int scan_error(struct scanner *s, int line, int col, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* Reports an error at line:col; always returns -1. */
static int scan_error(struct scanner *s, int line, int col, const char *fmt, ...)
{
	diag_pos pos = {s->name, line, col, NULL};
	va_list ap;

	va_start(ap, fmt);
	diag_verror(s->d, &pos, fmt, ap);
	va_end(ap);
	return -1;
}

/* Length of the run of word characters [A-Za-z0-9_] at the scanner. */
static size_t word_length(const struct scanner *s)
{
	size_t n = 0;
	int c;

	while ((c = peek_at(s, n)) >= 0 && (is_alpha(c) || is_digit(c) || c == '_'))
		n++;
	return n;
}

/* Renders the token at the scanner for "found ...": end of file, a string
 * as "abc", a word or number as 'abc', a character as '}'. */
static const char *describe_found(const struct scanner *s, char *buf, size_t size)
{
	const unsigned char *p = s->text + s->pos;
	size_t left = s->len - s->pos;
	size_t n, chars;
	int c = peek(s);

	if (c < 0)
		return "end of file";
	if (c == '"') {
		/* the raw source of the string, up to its end or the line's */
		n = 1;
		chars = 0;
		while (n < left && p[n] != '"' && p[n] != '\n' && p[n] != '\r' &&
		       chars < SHOW_STRING_CHARS) {
			if (p[n] == '\\' && n + 1 < left && p[n + 1] != '\n')
				n++;
			n++;
			while (n < left && (p[n] & 0xC0) == 0x80)
				n++;
			chars++;
		}
		if (n < left && p[n] == '"')
			snprintf(buf, size, "%.*s\"", (int)n, (const char *)p);
		else
			snprintf(buf, size, "%.*s...", (int)n, (const char *)p);
		return buf;
	}
	if (is_alpha(c) || is_digit(c) || c == '_' || c == '-' || c == '+' || c == '.') {
		n = 0;
		while (n < left && (is_alpha(p[n]) || is_digit(p[n]) || p[n] == '_' ||
		                    p[n] == '-' || p[n] == '+' || p[n] == '.'))
			n++;
		if (n > SHOW_TOKEN_BYTES)
			snprintf(buf, size, "'%.*s...'", SHOW_TOKEN_BYTES, (const char *)p);
		else
			snprintf(buf, size, "'%.*s'", (int)n, (const char *)p);
		return buf;
	}
	if (c == 0)
		return "a NUL byte";
	if (c < 0x20 || c == 0x7F) {
		snprintf(buf, size, "control character U+%04X", (unsigned)c);
		return buf;
	}
	if (c >= 0x80) {
		const char *q = (const char *)p;
		n = utf8_valid_len(p, left); /* valid: pass 1 checked */
		unsigned cp = n ? (unsigned)utf8_next(&q, q + n) : (unsigned)c;
		if (n == 0)
			n = 1;
		snprintf(buf, size, "'%.*s' (U+%04X)", (int)n, (const char *)p, cp);
		return buf;
	}
	if (c == '\'')
		return "\"'\"";
	snprintf(buf, size, "'%c'", c);
	return buf;
}

/* Reports "expected <what>, found <token at the scanner>", with a hint for
 * the usual slips; at the end of the file the position is just after the
 * last token.  Returns -1. */
static int fail_expected(struct scanner *s, const char *what, int flags)
{
	char buf[128];
	const char *found = describe_found(s, buf, sizeof buf);
	const char *hint = "";
	int c = peek(s);
	size_t w = word_length(s);

	if ((flags & AFTER_COMMA) && (c == '}' || c == ']'))
		hint = " (JSON allows no comma before a closing bracket)";
	else if (c == '\'')
		hint = " (JSON strings are written in double quotes)";
	else if ((flags & EXPECT_KEY) && w > 0)
		hint = " (keys are strings in double quotes)";
	else if ((w == 4 && (!strncasecmp((const char *)s->text + s->pos, "true", 4) ||
	                     !strncasecmp((const char *)s->text + s->pos, "null", 4))) ||
	         (w == 5 && !strncasecmp((const char *)s->text + s->pos, "false", 5)))
		hint = " (true, false and null are written in lower case)";
	if (c < 0)
		return scan_error(s, s->end_line, s->end_col, "expected %s, found %s%s", what,
		                  found, hint);
	return scan_error(s, s->line, s->col, "expected %s, found %s%s", what, found, hint);
}

/* Records the position of the value at the scanner; returns 0, or -1 when
 * out of memory. */
static int record_value(struct scanner *s, int kind, int key_line, int key_col)
{
	struct spos *sp;

	if (s->n_out == s->cap_out) {
		size_t cap = s->cap_out ? 2 * s->cap_out : 256;
		struct spos *out = realloc(s->out, cap * sizeof *out);

		if (!out) {
			scan_error(s, s->line, s->col, "out of memory");
			return -1;
		}
		s->out = out;
		s->cap_out = cap;
	}
	sp = &s->out[s->n_out];
	sp->offset = (uint32_t)s->pos;
	sp->line = s->line;
	sp->col = s->col;
	sp->key_line = key_line;
	sp->key_col = key_col;
	sp->kind = kind;
	s->n_out++;
	return 0;
}

static const char *escape_advice(int c)
{
	switch (c) {
	case '\t':
		return "\\t";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	default:
		return "\\u00XX";
	}
}

/* Reads 4 hex digits at the scanner into *cp; returns 0, or -1 (nothing
 * consumed) if they are not there. */
static int scan_hex4(struct scanner *s, unsigned *cp)
{
	size_t i;

	*cp = 0;
	for (i = 0; i < 4; i++) {
		int c = peek_at(s, i);

		if (c < 0 || !is_hex(c))
			return -1;
		*cp = (*cp << 4) | hex_value(c);
	}
	advance_n(s, 4);
	return 0;
}

/* An escape sequence; the scanner is at the backslash. */
static int scan_escape(struct scanner *s, int str_line, int str_col)
{
	int line = s->line, col = s->col;
	unsigned cp, low;
	int c;

	advance(s);
	c = peek(s);
	switch (c) {
	case -1:
		return scan_error(
		        s, str_line, str_col,
		        "unterminated string: no closing '\"' before the end of the file");
	case '"':
	case '\\':
	case '/':
	case 'b':
	case 'f':
	case 'n':
	case 'r':
	case 't':
		advance(s);
		return 0;
	case 'u':
		advance(s);
		if (scan_hex4(s, &cp) < 0)
			return scan_error(s, line, col, "invalid escape: \\u needs 4 hex digits");
		if (cp == 0)
			return scan_error(s, line, col, "\\u0000 (NUL) is not allowed in strings");
		if (cp >= 0xDC00 && cp <= 0xDFFF)
			return scan_error(s, line, col, "unpaired surrogate \\u%04X in a string",
			                  cp);
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			if (peek(s) != '\\' || peek_at(s, 1) != 'u')
				return scan_error(s, line, col,
				                  "unpaired surrogate \\u%04X in a string (a low "
				                  "surrogate \\uDC00-\\uDFFF must follow)",
				                  cp);
			advance_n(s, 2);
			if (scan_hex4(s, &low) < 0 || low < 0xDC00 || low > 0xDFFF)
				return scan_error(s, line, col,
				                  "unpaired surrogate \\u%04X in a string (a low "
				                  "surrogate \\uDC00-\\uDFFF must follow)",
				                  cp);
		}
		return 0;
	default: {
		char found[64];

		return scan_error(s, line, col,
		                  "invalid escape in a string: expected one of \\\" \\\\ \\/ \\b "
		                  "\\f \\n \\r \\t \\uXXXX after '\\', found %s",
		                  describe_found(s, found, sizeof found));
	}
	}
}

/* A string; the scanner is at the opening quote. */
static int scan_string(struct scanner *s)
{
	int line = s->line, col = s->col;
	size_t start = s->pos;

	advance(s);
	for (;;) {
		int c = peek(s);

		if (s->pos - start > JSON_MAX_STRING_BYTES)
			return scan_error(
			        s, line, col,
			        "string too long: more than %u bytes (at most %u allowed)",
			        JSON_MAX_STRING_BYTES, JSON_MAX_STRING_BYTES);

		if (c < 0)
			return scan_error(s, line, col,
			                  "unterminated string: no closing '\"' before the end of "
			                  "the file");
		if (c == '"') {
			advance(s);
			return 0;
		}
		if (c == '\n' || c == '\r')
			return scan_error(s, line, col,
			                  "unterminated string: no closing '\"' before the end of "
			                  "the line");
		if (c < 0x20)
			return scan_error(s, s->line, s->col,
			                  "control character U+%04X in a string; write it as %s",
			                  (unsigned)c, escape_advice(c));
		if (c == '\\') {
			if (scan_escape(s, line, col) < 0)
				return -1;
			continue;
		}
		/* A run of plain characters at once: no newline in it, so only the
		 * column moves, and the closing quote's advance() sets end_line and
		 * end_col (byte by byte this loop was 4% of a 1000-page build). */
		size_t p = s->pos + 1;
		int ncol = s->col + 1;
		while (p < s->len) {
			unsigned char b = s->text[p];
			if (b < 0x20 || b == '"' || b == '\\')
				break;
			ncol += (b & 0xC0) != 0x80;
			p++;
		}
		s->pos = p;
		s->col = ncol;
	}
}

/* A number; the scanner is at '-' or a digit. */
static int scan_number(struct scanner *s)
{
	char why[64] = "";
	size_t n = 0, tok;
	int c;

	if (peek_at(s, n) == '-')
		n++;
	if (peek_at(s, n) == '0') {
		n++;
		if (is_digit(peek_at(s, n)))
			snprintf(why, sizeof why, "leading zeros are not allowed");
	} else if (is_digit(peek_at(s, n))) {
		while (is_digit(peek_at(s, n)))
			n++;
	} else {
		snprintf(why, sizeof why, "a digit must follow '-'");
	}
	if (!*why && peek_at(s, n) == '.') {
		n++;
		if (!is_digit(peek_at(s, n)))
			snprintf(why, sizeof why, "a digit must follow '.'");
		while (is_digit(peek_at(s, n)))
			n++;
	}
	if (!*why && (peek_at(s, n) == 'e' || peek_at(s, n) == 'E')) {
		n++;
		if (peek_at(s, n) == '+' || peek_at(s, n) == '-')
			n++;
		if (!is_digit(peek_at(s, n)))
			snprintf(why, sizeof why, "the exponent has no digits");
		while (is_digit(peek_at(s, n)))
			n++;
	}
	c = peek_at(s, n);
	if (!*why && (is_alpha(c) || is_digit(c) || c == '_' || c == '.' || c == '+' || c == '-'))
		snprintf(why, sizeof why, "unexpected '%c'", c);
	if (!*why && n > MAX_NUMBER_CHARS)
		snprintf(why, sizeof why, "longer than %d characters", MAX_NUMBER_CHARS);
	if (*why) {
		tok = 0;
		while ((c = peek_at(s, tok)) >= 0 &&
		       (is_alpha(c) || is_digit(c) || c == '_' || c == '.' || c == '+' || c == '-'))
			tok++;
		if (tok > SHOW_TOKEN_BYTES)
			return scan_error(s, s->line, s->col, "invalid number '%.*s...': %s",
			                  SHOW_TOKEN_BYTES, (const char *)s->text + s->pos, why);
		return scan_error(s, s->line, s->col, "invalid number '%.*s': %s", (int)tok,
		                  (const char *)s->text + s->pos, why);
	}
	advance_n(s, n);
	return 0;
}

static int scan_value(struct scanner *s, const char *what, int flags, int key_line, int key_col);

/* An object; the scanner is at '{'. */
static int scan_object(struct scanner *s)
{
	int flags = 0;

	advance(s);
	skip_blank(s);
	if (peek(s) == '}') {
		advance(s);
		return 0;
	}
	for (;;) {
		int key_line = s->line, key_col = s->col;
		int c;

		if (peek(s) != '"')
			return fail_expected(s, flags ? "a string key" : "a string key or '}'",
			                     flags | EXPECT_KEY);
		if (scan_string(s) < 0)
			return -1;
		skip_blank(s);
		if (peek(s) != ':')
			return fail_expected(s, "':' after the key", 0);
		advance(s);
		skip_blank(s);
		if (scan_value(s, "a value", 0, key_line, key_col) < 0)
			return -1;
		s->n_members++;
		skip_blank(s);
		c = peek(s);
		if (c == '}') {
			advance(s);
			return 0;
		}
		if (c != ',')
			return fail_expected(s, "',' or '}' after an object member", 0);
		advance(s);
		skip_blank(s);
		flags = AFTER_COMMA;
	}
}

/* An array; the scanner is at '['. */
static int scan_array(struct scanner *s)
{
	advance(s);
	skip_blank(s);
	if (peek(s) == ']') {
		advance(s);
		return 0;
	}
	if (scan_value(s, "a value or ']'", 0, 0, 0) < 0)
		return -1;
	for (;;) {
		int c;

		skip_blank(s);
		c = peek(s);
		if (c == ']') {
			advance(s);
			return 0;
		}
		if (c != ',')
			return fail_expected(s, "',' or ']' after an array element", 0);
		advance(s);
		skip_blank(s);
		if (scan_value(s, "a value", AFTER_COMMA, 0, 0) < 0)
			return -1;
	}
}

/* A value at the scanner (blanks already skipped).  `what` and `flags` say
 * what to report when there is none. */
static int scan_value(struct scanner *s, const char *what, int flags, int key_line, int key_col)
{
	int c = peek(s);
	size_t w;
	int r;

	switch (c) {
	case '{':
	case '[':
		if (s->depth >= JSON_MAX_DEPTH)
			return scan_error(s, s->line, s->col,
			                  "nesting deeper than %d levels of arrays and objects",
			                  JSON_MAX_DEPTH);
		if (record_value(s, c == '{' ? J_OBJECT : J_ARRAY, key_line, key_col) < 0)
			return -1;
		s->depth++;
		r = c == '{' ? scan_object(s) : scan_array(s);
		s->depth--;
		return r;
	case '"':
		if (record_value(s, J_STRING, key_line, key_col) < 0)
			return -1;
		return scan_string(s);
	case 't':
	case 'f':
	case 'n':
		w = word_length(s);
		if ((w == 4 && !memcmp(s->text + s->pos, "true", 4)) ||
		    (w == 5 && !memcmp(s->text + s->pos, "false", 5))) {
			if (record_value(s, J_BOOL, key_line, key_col) < 0)
				return -1;
		} else if (w == 4 && !memcmp(s->text + s->pos, "null", 4)) {
			if (record_value(s, J_NULL, key_line, key_col) < 0)
				return -1;
		} else {
			return fail_expected(s, what, flags);
		}
		advance_n(s, w);
		return 0;
	default:
		if (c == '-' || is_digit(c)) {
			if (record_value(s, J_NUMBER, key_line, key_col) < 0)
				return -1;
			return scan_number(s);
		}
		return fail_expected(s, what, flags);
	}
}

/* The whole text: one value between optional blanks. */
static int scan_document(struct scanner *s)
{
	skip_blank(s);
	if (peek(s) < 0) {
		diag_pos pos = {s->name, 0, 0, NULL};

		diag_error(s->d, &pos, "empty file: only white space, expected a JSON value");
		return -1;
	}
	if (scan_value(s, "a value", 0, 0, 0) < 0)
		return -1;
	skip_blank(s);
	if (peek(s) >= 0)
		return fail_expected(s, "the end of the file after the value", 0);
	return 0;
}

/* ------------------------------------------------- pass 4: building nodes */

static int kind_of(const cJSON *cj)
{
	if (cJSON_IsObject(cj))
		return J_OBJECT;
	if (cJSON_IsArray(cj))
		return J_ARRAY;
	if (cJSON_IsString(cj))
		return J_STRING;
	if (cJSON_IsNumber(cj))
		return J_NUMBER;
	if (cJSON_IsBool(cj))
		return J_BOOL;
	if (cJSON_IsNull(cj))
		return J_NULL;
	return J_MISSING;
}

static uint32_t node_index(const jnode *n)
{
	return (uint32_t)(n - n->doc->nodes);
}

static size_t key_hash(uint32_t parent, const char *key)
{
	uint64_t h = fnv_str(FNV_BASIS ^ ((uint64_t)parent * 0x9E3779B97F4A7C15ull), key);
	return (size_t)(h ^ (h >> 29));
}

/* The table slot of member `key` of object `parent`: the slot that holds it,
 * or the empty slot where it would go (its tag, to store with the node, in
 * *tag).  The table is never more than half full. */
static struct key_slot *find_slot(const jdoc *doc, uint32_t parent, const char *key,
                                  uint32_t *tag_out)
{
	size_t h = key_hash(parent, key), i = h & doc->table_mask;
	uint32_t tag = (uint32_t)(h >> 32) | 1;

	*tag_out = tag;
	for (;;) {
		struct key_slot *e = &doc->table[i];

		if (e->node == 0)
			return e;
		if (e->tag == tag && doc->nodes[e->node - 1].parent == parent &&
		    !strcmp(doc->nodes[e->node - 1].cj->string, key))
			return e;
		i = (i + 1) & doc->table_mask;
	}
}

static int is_identifier(const char *k)
{
	if (!is_alpha((unsigned char)*k) && *k != '_')
		return 0;
	for (k++; *k; k++)
		if (!is_alpha((unsigned char)*k) && !is_digit((unsigned char)*k) && *k != '_')
			return 0;
	return 1;
}

/* Writes key escaped for ["key"] into dst (if not NULL); returns the length. */
static size_t escape_key(const char *key, char *dst)
{
	size_t n = 0;

	for (; *key; key++) {
		unsigned char c = (unsigned char)*key;
		char tmp[8];
		size_t len;

		if (c == '"' || c == '\\') {
			tmp[0] = '\\';
			tmp[1] = (char)c;
			len = 2;
		} else if (c < 0x20 || c == 0x7F) {
			snprintf(tmp, sizeof tmp, "\\u%04X", (unsigned)c);
			len = 6;
		} else {
			tmp[0] = (char)c;
			len = 1;
		}
		if (dst)
			memcpy(dst + n, tmp, len);
		n += len;
	}
	return n;
}

/* The path of n, built on first use and kept in doc->paths. */
static const char *node_path(const jnode *n)
{
	jdoc *doc = n->doc;
	uint32_t idx = node_index(n);
	const jnode *parent;
	const char *pp;
	size_t plen, len;
	char *path;

	if (n->parent == NO_NODE)
		return "";
	if (doc->paths[idx])
		return doc->paths[idx];
	parent = &doc->nodes[n->parent];
	pp = node_path(parent);
	plen = strlen(pp);
	if (parent->kind == J_ARRAY) {
		char seg[16];

		len = (size_t)snprintf(seg, sizeof seg, "[%u]", (unsigned)n->index);
		path = malloc(plen + len + 1);
		if (!path)
			return "";
		memcpy(path, pp, plen);
		memcpy(path + plen, seg, len + 1);
	} else if (is_identifier(n->cj->string)) {
		size_t klen = strlen(n->cj->string);

		path = malloc(plen + 1 + klen + 1);
		if (!path)
			return "";
		memcpy(path, pp, plen);
		len = plen;
		if (plen > 0)
			path[len++] = '.';
		memcpy(path + len, n->cj->string, klen + 1);
	} else {
		size_t elen = escape_key(n->cj->string, NULL);

		path = malloc(plen + elen + 5);
		if (!path)
			return "";
		memcpy(path, pp, plen);
		memcpy(path + plen, "[\"", 2);
		escape_key(n->cj->string, path + plen + 2);
		memcpy(path + plen + 2 + elen, "\"]", 3);
	}
	doc->paths[idx] = path;
	return path;
}

struct builder {
	jdoc *doc;
	const struct spos *pos;
	size_t n_pos, next_pos;
	uint32_t next_node;
	size_t n_keys, max_keys;
	diag *d;
	int bad_data; /* duplicate keys or numbers out of range were reported */
};

/* Fills node idx (whose cj, doc, parent and index are set) and, recursively,
 * its children.  Returns -1 when the cJSON tree and the positions recorded by
 * the scanner do not match, which would be a bug. */
static int build_node(struct builder *b, uint32_t idx)
{
	jdoc *doc = b->doc;
	jnode *n = &doc->nodes[idx];
	const struct spos *sp;
	const cJSON *child;
	uint32_t k, i;

	if (b->next_pos >= b->n_pos)
		return -1;
	sp = &b->pos[b->next_pos++];
	n->kind = kind_of(n->cj);
	if (n->kind != sp->kind)
		return -1;
	n->offset = sp->offset;
	n->line = sp->line;
	n->col = sp->col;
	n->key_line = sp->key_line;
	n->key_col = sp->key_col;

	if (n->parent != NO_NODE && doc->nodes[n->parent].kind == J_OBJECT) {
		struct key_slot *slot;
		uint32_t tag;

		if (!n->cj->string || b->n_keys >= b->max_keys)
			return -1;
		slot = find_slot(doc, n->parent, n->cj->string, &tag);
		if (slot->node) {
			const jnode *first = &doc->nodes[slot->node - 1];
			diag_pos pos = jnode_pos(&doc->nodes[n->parent]);
			char key[128];

			pos.line = n->key_line;
			pos.column = n->key_col;
			quote_string(n->cj->string, SHOW_STRING_CHARS, key, sizeof key);
			diag_error(b->d, &pos, "duplicate key %s (first at line %d)", key,
			           first->key_line);
			b->bad_data = 1;
		} else {
			slot->node = idx + 1;
			slot->tag = tag;
			b->n_keys++;
		}
	}
	if (n->kind == J_NUMBER && !isfinite(n->cj->valuedouble)) {
		diag_pos pos = jnode_pos(n);

		diag_error(b->d, &pos, "number out of range (larger than about 1.8e308)");
		b->bad_data = 1;
	}
	if (n->kind != J_ARRAY && n->kind != J_OBJECT)
		return 0;

	k = 0;
	for (child = n->cj->child; child; child = child->next)
		k++;
	if (k > doc->n_nodes - b->next_node)
		return -1;
	n->first = b->next_node;
	n->count = k;
	b->next_node += k;
	for (i = 0, child = n->cj->child; child; child = child->next, i++) {
		jnode *c = &doc->nodes[n->first + i];

		c->cj = child;
		c->doc = doc;
		c->parent = idx;
		c->index = i;
	}
	for (i = 0; i < k; i++)
		if (build_node(b, n->first + i) < 0)
			return -1;
	return 0;
}

/* Line and column of byte offset `off` (text starts at `start`, after any
 * byte-order mark). */
static void offset_position(const unsigned char *text, size_t start, size_t off, int *line,
                            int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = start; i < off; i++) {
		if (text[i] == '\n') {
			++*line;
			*col = 1;
		} else if ((text[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

/* ------------------------------------------------- cJSON's allocations */

/* cJSON allocates every value, key and string separately, and cJSON_Delete
 * frees them one by one: a fifth of the loading time of a 1000-page report's
 * data.  While a document is parsed, its allocations come from the
 * document's own arena instead (the hooks are global, so the arena is set,
 * for the parsing thread only, around the parse; cJSON trees made elsewhere,
 * such as the archive manifest, use malloc), and the document frees the
 * arena at once.  cJSON frees memory only when a parse fails: then the
 * arena goes too. */
static _Thread_local arena *cj_arena;

static void *cj_malloc(size_t size)
{
	return cj_arena ? arena_alloc(cj_arena, size) : malloc(size);
}

static void cj_free(void *p)
{
	if (!cj_arena)
		free(p);
}

static void install_hooks(void)
{
	static cJSON_Hooks hooks = {cj_malloc, cj_free};
	cJSON_InitHooks(&hooks);
}

static cJSON *cj_parse(jdoc *doc, const char *text, size_t len, const char **end)
{
	static pthread_once_t hooked = PTHREAD_ONCE_INIT;
	pthread_once(&hooked, install_hooks);
	doc->cj_mem = arena_new();
	cj_arena = doc->cj_mem;
	cJSON *cj = cJSON_ParseWithLengthOpts(text, len, end, 0);
	cj_arena = NULL;
	return cj;
}

/* --------------------------------------------------------------- the API */

void jdoc_free(jdoc *doc)
{
	uint32_t i;

	if (!doc)
		return;
	if (doc->paths)
		for (i = 0; i < doc->n_nodes; i++)
			free(doc->paths[i]);
	free(doc->paths);
	free(doc->table);
	free(doc->nodes);
	arena_free(doc->cj_mem); /* the cJSON tree (cj_parse) */
	free(doc->name);
	free(doc);
}

/* Passes 3 and 4: cJSON, then our nodes.  s holds the scanner's results. */
static jdoc *build_document(const char *name, const unsigned char *text, size_t start, size_t len,
                            const struct scanner *s, diag *d)
{
	diag_pos fpos = {name, 0, 0, NULL};
	struct builder b;
	const char *end = NULL;
	size_t tsize;
	jdoc *doc;

	doc = calloc(1, sizeof *doc);
	if (!doc)
		goto nomem;
	doc->name = strdup(name);
	doc->n_nodes = (uint32_t)s->n_out;
	doc->nodes = calloc(s->n_out, sizeof *doc->nodes);
	doc->paths = calloc(s->n_out, sizeof *doc->paths);
	for (tsize = 8; tsize < 2 * s->n_members + 2; tsize *= 2)
		;
	doc->table = calloc(tsize, sizeof *doc->table);
	doc->table_mask = tsize - 1;
	if (!doc->name || !doc->nodes || !doc->paths || !doc->table)
		goto nomem;

	doc->cj = cj_parse(doc, (const char *)text + start, len - start, &end);
	if (!doc->cj) {
		/* The scanner accepted the text, so this is most likely memory. */
		int line = 0, col = 0;

		if (end && (const unsigned char *)end >= text + start &&
		    (const unsigned char *)end <= text + len)
			offset_position(text, start, (size_t)((const unsigned char *)end - text),
			                &line, &col);
		fpos.line = line;
		fpos.column = col;
		diag_error(d, &fpos, "the JSON parser failed here (out of memory?)");
		jdoc_free(doc);
		return NULL;
	}

	memset(&b, 0, sizeof b);
	b.doc = doc;
	b.pos = s->out;
	b.n_pos = s->n_out;
	b.next_node = 1;
	b.max_keys = tsize / 2;
	b.d = d;
	doc->nodes[0].cj = doc->cj;
	doc->nodes[0].doc = doc;
	doc->nodes[0].parent = NO_NODE;
	if (build_node(&b, 0) < 0 || b.next_pos != b.n_pos || b.next_node != doc->n_nodes) {
		diag_error(d, &fpos, "internal error: cJSON and the position scanner disagree");
		jdoc_free(doc);
		return NULL;
	}
	if (b.bad_data) {
		jdoc_free(doc);
		return NULL;
	}
	return doc;

nomem:
	diag_error(d, &fpos, "out of memory");
	jdoc_free(doc);
	return NULL;
}

jdoc *jdoc_parse(const char *name, const char *text, size_t len, diag *d)
{
	const unsigned char *u = (const unsigned char *)text;
	diag_pos fpos = {name, 0, 0, NULL};
	struct scanner s;
	size_t start = 0;
	jdoc *doc;

	if (!name)
		name = "(input)";
	fpos.file = name;
	if (len > JSON_MAX_FILE_BYTES) {
		diag_error(d, &fpos, "file too large: %zu bytes, at most %u allowed", len,
		           JSON_MAX_FILE_BYTES);
		return NULL;
	}
	if (!text || len == 0) {
		diag_error(d, &fpos, "empty file, expected a JSON value");
		return NULL;
	}
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		diag_error(d, &fpos, "the file is encoded in UTF-16; it must be UTF-8");
		return NULL;
	}
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		start = 3;
	if (check_utf8(name, u, start, len, d) < 0)
		return NULL;

	memset(&s, 0, sizeof s);
	s.text = u;
	s.len = len;
	s.pos = start;
	s.line = s.end_line = 1;
	s.col = s.end_col = 1;
	s.name = name;
	s.d = d;
	if (scan_document(&s) < 0) {
		free(s.out);
		return NULL;
	}
	doc = build_document(name, u, start, len, &s, d);
	free(s.out);
	return doc;
}

jdoc *jdoc_load_file(const char *path, diag *d)
{
	diag_pos fpos = {path, 0, 0, NULL};
	unsigned char *buf;
	size_t len;

	switch (file_read(path, JSON_MAX_FILE_BYTES, &buf, &len)) {
	case FILE_READ_OK: {
		jdoc *doc = jdoc_parse(path, (const char *)buf, len, d);
		free(buf);
		return doc;
	}
	case FILE_CANNOT_OPEN:
		diag_error(d, &fpos, "cannot open: %s", strerror(errno));
		break;
	case FILE_CANNOT_READ:
		diag_error(d, &fpos, "cannot read: %s", strerror(errno));
		break;
	case FILE_TOO_LARGE:
		if (len)
			diag_error(d, &fpos, "file too large: %zu bytes, at most %u allowed", len,
			           JSON_MAX_FILE_BYTES);
		else
			diag_error(d, &fpos, "file too large: more than %u bytes",
			           JSON_MAX_FILE_BYTES);
		break;
	}
	return NULL;
}

const jnode *jdoc_root(const jdoc *doc)
{
	return doc && doc->n_nodes > 0 ? &doc->nodes[0] : NULL;
}

const char *jdoc_name(const jdoc *doc)
{
	return doc ? doc->name : NULL;
}

int jnode_kind(const jnode *n)
{
	return n ? n->kind : J_MISSING;
}

const char *jkind_name(int kind)
{
	switch (kind) {
	case J_MISSING:
		return "nothing";
	case J_NULL:
		return "null";
	case J_BOOL:
		return "a boolean";
	case J_NUMBER:
		return "a number";
	case J_STRING:
		return "a string";
	case J_ARRAY:
		return "an array";
	case J_OBJECT:
		return "an object";
	default:
		return "a value";
	}
}

const jnode *jnode_get(const jnode *n, const char *key)
{
	uint32_t e;

	if (!n || n->kind != J_OBJECT || !key || n->count == 0)
		return NULL;
	uint32_t tag;
	e = find_slot(n->doc, node_index(n), key, &tag)->node;
	return e ? &n->doc->nodes[e - 1] : NULL;
}

size_t jnode_length(const jnode *n)
{
	return n && (n->kind == J_ARRAY || n->kind == J_OBJECT) ? n->count : 0;
}

const jnode *jnode_at(const jnode *n, size_t i)
{
	if (i >= jnode_length(n))
		return NULL;
	return &n->doc->nodes[n->first + i];
}

/* For an object: the key of its i-th member (NULL if i is out of range).
 * For anything else: n's own key in its parent object (NULL if n is the root
 * or an array element); i is then ignored. */
const char *jnode_key_at(const jnode *n, size_t i)
{
	if (!n)
		return NULL;
	if (n->kind == J_OBJECT) {
		const jnode *m = jnode_at(n, i);

		return m ? m->cj->string : NULL;
	}
	return jnode_key(n);
}

const char *jnode_key(const jnode *n)
{
	if (!n || n->parent == NO_NODE || n->doc->nodes[n->parent].kind != J_OBJECT)
		return NULL;
	return n->cj->string;
}

const jnode *jnode_parent(const jnode *n)
{
	if (!n || n->parent == NO_NODE)
		return NULL;
	return &n->doc->nodes[n->parent];
}

const char *jnode_string(const jnode *n, const char *fallback)
{
	return n && n->kind == J_STRING ? n->cj->valuestring : fallback;
}

double jnode_number(const jnode *n, double fallback)
{
	return n && n->kind == J_NUMBER ? n->cj->valuedouble : fallback;
}

int jnode_bool(const jnode *n, int fallback)
{
	if (!n || n->kind != J_BOOL)
		return fallback;
	return cJSON_IsTrue(n->cj) ? 1 : 0;
}

int jnode_is_int(const jnode *n)
{
	double v;

	if (!n || n->kind != J_NUMBER)
		return 0;
	v = n->cj->valuedouble;
	/* -(double)LONG_MIN is 2^63 (or 2^31) exactly; LONG_MAX is not exact. */
	if (!isfinite(v) || v < (double)LONG_MIN || v >= -(double)LONG_MIN)
		return 0;
	return v == (double)(long)v;
}

diag_pos jnode_pos(const jnode *n)
{
	diag_pos pos = {NULL, 0, 0, NULL};

	if (!n)
		return pos;
	pos.file = n->doc->name;
	pos.line = n->line;
	pos.column = n->col;
	pos.path = node_path(n);
	return pos;
}

diag_pos jnode_key_pos(const jnode *n)
{
	diag_pos pos = jnode_pos(n);

	if (n && n->key_line > 0) {
		pos.line = n->key_line;
		pos.column = n->key_col;
	}
	return pos;
}

/* Shortest %g rendering that reads back as the same double, with '.' as the
 * decimal point whatever LC_NUMERIC says. */
static void format_double(double v, char *buf, size_t size)
{
	int prec;
	char *p;

	/* whole numbers as written (2020, not 2.02e+03) */
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, size, "%.0f", v);
		return;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	for (p = buf; *p; p++)
		if (*p == ',')
			*p = '.';
}

const char *jnode_describe(const jnode *n, char *buf, size_t size)
{
	char num[40];

	if (!buf || size == 0)
		return "";
	switch (jnode_kind(n)) {
	case J_NULL:
		return utf8_copy_trunc(buf, size, "null");
	case J_BOOL:
		return utf8_copy_trunc(buf, size, cJSON_IsTrue(n->cj) ? "true" : "false");
	case J_NUMBER:
		format_double(n->cj->valuedouble, num, sizeof num);
		return utf8_copy_trunc(buf, size, num);
	case J_STRING:
		quote_string(n->cj->valuestring, SHOW_STRING_CHARS, buf, size);
		return buf;
	case J_ARRAY:
		return utf8_copy_trunc(buf, size, "an array");
	case J_OBJECT:
		return utf8_copy_trunc(buf, size, "an object");
	default:
		return utf8_copy_trunc(buf, size, "nothing");
	}
}
