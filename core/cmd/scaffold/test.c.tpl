/*
 * test_@NAME@.c - the @NAME@ section alone, against rapport's fake host: it
 * runs validate() and emit() on the sample data and records every block, so
 * the tests assert on what a reader would see.  `make test` builds and runs
 * it (it needs cmocka and cJSON).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "@NAME@.c" /* the plugin itself, to reach its entry point */

#include "fakehost.h"

static int setup(void **state)
{
	fakehost *fh = fh_new();
	if (fh_register(fh, RAPPORT_PLUGIN_ENTRY) != RAPPORT_OK ||
	    fh_load_report(fh, "report.json") != 0) {
		print_error("%s\n", fh_last_load_error(fh));
		fh_free(fh);
		return -1;
	}
	*state = fh;
	return 0;
}

static int teardown(void **state)
{
	fh_free(*state);
	return 0;
}

static void table_and_totals(void **state)
{
	fakehost *fh = *state;
	FH_RUN_OK(fh, "@NAME@");
	const fh_block *t = fh_find(fh, NULL, FH_TABLE, "@NAME@ per år");
	assert_non_null(t);
	assert_int_equal(t->nrows, 6); /* two items and a total, two years */
	FH_ASSERT_STR(fh_cell(t, 2, 2), "165");
	assert_int_equal(t->row_flags[2], RAPPORT_ROW_TOTAL);
	FH_ASSERT_CONTAINS(fh, "Summan för 2024 var 188,5.");
	assert_non_null(fh_find_chart(fh, RAPPORT_CHART_BAR));
}

static void empty_year_refused(void **state)
{
	fakehost *fh = *state;
	assert_int_equal(fh_add_year_json(fh, "{\"format\": 1, \"year\": 2024, "
	                                      "\"@NAME@\": {\"items\": []}}"),
	                 0);
	assert_int_equal(fh_run(fh, "@NAME@"), RAPPORT_FAIL);
	assert_true(fh_error_contains(fh, "expected at least one item"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(table_and_totals, setup, teardown),
	        cmocka_unit_test_setup_teardown(empty_year_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
