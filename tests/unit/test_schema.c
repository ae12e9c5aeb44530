/*
 * test_schema.c - the generic checker of declared fields (core/data/schema.c):
 * what it accepts, what it reports and how, and the "did you mean".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/diag.h"
#include "data/json.h"
#include "data/schema.h"

static const char *const colours[] = {"red", "green", NULL};

static const rapport_field item_fields[] = {
        {.key = "name", .type = RAPPORT_T_STRING, .required = 1, .min = 1, .max = 40},
        {.key = "count", .type = RAPPORT_T_INT, .min = 0, .max = 100},
        {.key = NULL},
};

static const rapport_field map_fields[] = {
        {.key = "*", .type = RAPPORT_T_INT, .min = 0, .max = 9},
        {.key = NULL},
};

static const rapport_field fields[] = {
        {.key = "total", .type = RAPPORT_T_INT, .required = 1, .min = 0, .max = 1000},
        {.key = "share", .type = RAPPORT_T_NUMBER, .min = 0, .max = 1},
        {.key = "colour", .type = RAPPORT_T_STRING, .values = colours},
        {.key = "flag", .type = RAPPORT_T_BOOL},
        {.key = "items", .type = RAPPORT_T_ARRAY, .fields = item_fields},
        {.key = "tags", .type = RAPPORT_T_ARRAY, .items = RAPPORT_T_STRING, .min = 1, .max = 3},
        {.key = "regions", .type = RAPPORT_T_OBJECT, .fields = map_fields},
        {.key = "anything", .type = RAPPORT_T_ANY},
        {.key = NULL},
};

/* Checks text against `fields`; returns schema_check's result, with the
 * diagnostics in *d (quiet). */
static int check(const char *text, diag *d)
{
	diag_init(d);
	d->quiet = 1;
	jdoc *doc = jdoc_parse("t.json", text, strlen(text), d);
	assert_non_null(doc);
	int errors = schema_check(jdoc_root(doc), fields, d, "section type test");
	jdoc_free(doc);
	return errors;
}

/* Asserts one error whose text is `message`. */
static void one_error(const char *text, const char *message)
{
	diag d;
	assert_int_equal(check(text, &d), 1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.last, message);
}

static void accepts_valid_data(void **state)
{
	(void)state;
	diag d;
	assert_int_equal(
	        check("{\"total\": 12, \"share\": 0.5, \"colour\": \"red\", \"flag\": true,"
	              " \"items\": [{\"name\": \"a\", \"count\": 3}], \"tags\": [\"x\"],"
	              " \"regions\": {\"Gävle\": 2, \"Ockelbo\": 0}, \"anything\": null}",
	              &d),
	        0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 0);
}

static void reports_types_with_position_path_expected_found(void **state)
{
	(void)state;
	one_error(
	        "{\"total\": \"tolv\"}",
	        "t.json:1:11: error: total: expected a whole number from 0 to 1000, found \"tolv\" "
	        "(section type test)");
	one_error("{\"total\": 12.5}",
	          "t.json:1:11: error: total: expected a whole number from 0 to "
	          "1000, found 12.5 (section type test)");
	one_error("{\"total\": 1, \"flag\": 1}",
	          "t.json:1:22: error: flag: expected true or false, found 1 (section type test)");
	one_error("{\"total\": null}",
	          "t.json:1:11: error: total: expected a whole number from 0 to "
	          "1000, found null (section type test)");
	one_error("[1]",
	          "t.json:1:1: error: expected an object, found an array (section type test)");
}

static void reports_ranges_lengths_and_values(void **state)
{
	(void)state;
	one_error("{\"total\": -1}", "t.json:1:11: error: total: expected a whole number from 0 to "
	                             "1000, found -1 (section type test)");
	one_error("{\"total\": 1, \"share\": 1.5}", "t.json:1:23: error: share: expected a number "
	                                            "from 0 to 1, found 1.5 (section type test)");
	one_error("{\"total\": 1, \"colour\": \"blue\"}",
	          "t.json:1:24: error: colour: expected one of \"red\", \"green\", found \"blue\" "
	          "(section type test)");
	one_error("{\"total\": 1, \"tags\": []}",
	          "t.json:1:22: error: tags: expected an array of 1 "
	          "to 3 elements, found an empty array (section type test)");
	one_error("{\"total\": 1, \"tags\": [\"a\", 2]}",
	          "t.json:1:28: error: tags[1]: expected a string, found 2 (section type test)");
}

static void reports_missing_members_with_their_path(void **state)
{
	(void)state;
	one_error("{}", "t.json:1:1: error: total: missing: expected a whole number from 0 to 1000 "
	                "(section type test)");
	one_error("{\"total\": 1, \"items\": [{\"name\": \"a\"}, {\"count\": 2}]}",
	          "t.json:1:39: error: items[1].name: missing: expected a string of 1 to 40 "
	          "characters (section type test)");
}

static void checks_maps_and_counts_every_error(void **state)
{
	(void)state;
	diag d;
	assert_int_equal(
	        check("{\"total\": -1, \"items\": [{\"name\": \"\"}], \"regions\": {\"A\": 10,"
	              " \"B\": \"x\"}}",
	              &d),
	        4);
	assert_int_equal(d.errors, 4);
	assert_string_equal(d.last,
	                    "t.json:1:66: error: regions.B: expected a whole number from 0 to "
	                    "9, found \"x\" (section type test)");
}

static void warns_about_unknown_keys_with_a_suggestion(void **state)
{
	(void)state;
	diag d;
	assert_int_equal(check("{\"total\": 1, \"totla\": 2}", &d), 0);
	assert_int_equal(d.warnings, 1);
	assert_string_equal(d.last,
	                    "t.json:1:14: warning: totla: unknown key \"totla\" ignored; did "
	                    "you mean \"total\"? (section type test)");
	assert_int_equal(check("{\"total\": 1, \"budget\": 2}", &d), 0);
	assert_string_equal(d.last, "t.json:1:14: warning: budget: unknown key \"budget\" ignored "
	                            "(section type test)");
}

static void suggests_the_closest_key(void **state)
{
	(void)state;
	assert_string_equal(schema_suggest("colur", fields), "colour");
	assert_string_equal(schema_suggest("itmes", fields), "items"); /* a swap is one edit */
	assert_string_equal(schema_suggest("Total", fields), "total");
	assert_null(schema_suggest("x", fields));
	assert_null(schema_suggest("something", fields));
	assert_null(schema_suggest("*", map_fields)); /* the wildcard is never suggested */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(accepts_valid_data),
	        cmocka_unit_test(reports_types_with_position_path_expected_found),
	        cmocka_unit_test(reports_ranges_lengths_and_values),
	        cmocka_unit_test(reports_missing_members_with_their_path),
	        cmocka_unit_test(checks_maps_and_counts_every_error),
	        cmocka_unit_test(warns_about_unknown_keys_with_a_suggestion),
	        cmocka_unit_test(suggests_the_closest_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
