/*
 * test_budget.c - the tutorial's "budget" section alone, against the fake
 * host (tests/plugins/fakehost.h): what a reader checks in its tables,
 * sentences and chart, and the errors its own validation reports.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "budget.c"
#include "fakehost.h"

#define NBSP  "\u00a0"
#define MINUS "\u2212"

static int setup(void **state)
{
	fakehost *fh = fh_new();
	if (fh_register(fh, RAPPORT_PLUGIN_ENTRY) != RAPPORT_OK ||
	    fh_load_report(fh, ABS_TOP_SRCDIR "/tests/tutorial/report.json") != 0) {
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

static void tables_per_year(void **state)
{
	fakehost *fh = *state;
	FH_RUN_OK(fh, "budget");
	const fh_block *t = fh_find(fh, NULL, FH_TABLE, "Budget och utfall 2023 (tkr)");
	assert_non_null(t);
	assert_int_equal(t->nrows, 4);
	FH_ASSERT_STR(fh_lookup(t, "Insatser", "Utfall"), "2" NBSP "310,5");
	FH_ASSERT_STR(fh_lookup(t, "Insatser", "Avvikelse"), MINUS "189,5");
	FH_ASSERT_STR(fh_lookup(t, "Administration", "Avvikelse %"), "+6,0" NBSP "%");
	FH_ASSERT_STR(fh_lookup(t, "Summa", "Budget"), "4" NBSP "000");
	assert_int_equal(t->row_flags[3], RAPPORT_ROW_TOTAL);
	t = fh_find(fh, t, FH_TABLE, "Budget och utfall 2024 (tkr)");
	assert_non_null(t);
	FH_ASSERT_STR(fh_lookup(t, "Summa", "Avvikelse"), "+96");
}

static void sentences_and_chart(void **state)
{
	fakehost *fh = *state;
	FH_RUN_OK(fh, "budget");
	FH_ASSERT_CONTAINS(fh, "År 2023 användes 94,8" NBSP "% av budgeten: 3" NBSP
	                       "792,5 av 4" NBSP "000 tkr.");
	FH_ASSERT_CONTAINS(fh, "en ny arbetsträningsinsats");
	const fh_block *c = fh_find_chart(fh, RAPPORT_CHART_BAR);
	assert_non_null(c);
	assert_true(fabs(fh_chart_value(c, "Utfall", "2024") - 4246) < 1e-9);
	assert_true(fabs(fh_chart_value(c, "Budget", "2023") - 4000) < 1e-9);
}

static void one_year_has_no_chart(void **state)
{
	fakehost *fh = *state;
	fh_select_years(fh, 2024, 2024);
	FH_RUN_OK(fh, "budget");
	assert_null(fh_find_chart(fh, RAPPORT_CHART_BAR));
	assert_int_equal(fh_count(fh, FH_TABLE, NULL), 1);
}

static void english(void **state)
{
	fakehost *fh = *state;
	fh_set_lang(fh, "en");
	FH_RUN_OK(fh, "budget");
	FH_ASSERT_CONTAINS(fh, "In 2024, 102.3% of the budget was used: 4,246 of 4,150 tkr.");
}

static void spending_without_budget_refused(void **state)
{
	fakehost *fh = *state;
	assert_int_equal(fh_add_year_json(fh, "{\"format\": 1, \"year\": 2024, \"budget\": "
	                                      "{\"lines\": [{\"item\": \"Resor\", \"budgeted\": 0, "
	                                      "\"spent\": 12}]}}"),
	                 0);
	assert_int_equal(fh_run(fh, "budget"), RAPPORT_FAIL);
	assert_true(fh_error_contains(fh, "needs a budget above 0"));
	assert_int_equal(fh_block_count(fh), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(tables_per_year, setup, teardown),
	        cmocka_unit_test_setup_teardown(sentences_and_chart, setup, teardown),
	        cmocka_unit_test_setup_teardown(one_year_has_no_chart, setup, teardown),
	        cmocka_unit_test_setup_teardown(english, setup, teardown),
	        cmocka_unit_test_setup_teardown(spending_without_budget_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
