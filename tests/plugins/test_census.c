/*
 * test_census.c - the "census" section against the fake host: the figures a
 * reader checks in the tables, charts and generated sentences, a single-year
 * build, validation errors and English labels.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../plugins/census/census.c"
#include "fakehost.h"

#define NBSP   "\u00a0"
#define MINUS  "\u2212"
#define REPORT "slutrapport-2016-2020.json"

#include "plugin_test.h"

static const fh_block *table(const fakehost *fh, const char *caption)
{
	const fh_block *t = fh_find(fh, NULL, FH_TABLE, caption);
	if (t == NULL)
		fail_msg("no table \"%s\"", caption);
	return t;
}

static const char *const year_2016 =
        "{\"format\": 1, \"year\": 2016, \"census\": {\"companies\": 34,"
        " \"employees\": {\"total\": 1257, \"women\": 1000, \"men\": 257},"
        " \"placed\": {\"total\": 10, \"arbetsformedlingen\": 5, \"kommun\": 4, \"ovriga\": 1}}}";

static void full_report_tables(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	FH_RUN_OK(fh, "census");
	t = table(fh, "Personer placerade");
	assert_int_equal(t->nrows, 5);
	FH_ASSERT_STR(fh_lookup(t, "2018", "Totalt"), "244");
	FH_ASSERT_STR(fh_lookup(t, "2018", "Arbetsförmedlingen"), "152");
	FH_ASSERT_STR(fh_lookup(t, "2018", "Kommun"), "74");
	FH_ASSERT_STR(fh_lookup(t, "2018", "Övriga"), "17");
	FH_ASSERT_STR(fh_lookup(t, "2020", "Totalt"), "123");
	FH_ASSERT_STR(fh_lookup(t, "2016", "Totalt"), "156");

	t = table(fh, "Registrerade företag och anställda");
	FH_ASSERT_STR(fh_lookup(t, "2016", "Företag"), "34");
	FH_ASSERT_STR(fh_lookup(t, "2016", "Anställda kvinnor"), "113");
	FH_ASSERT_STR(fh_lookup(t, "2016", "Anställda män"), "66");
	FH_ASSERT_STR(fh_lookup(t, "2016", "Anställda totalt"), "179");
	FH_ASSERT_STR(fh_lookup(t, "2019", "Anställda totalt"), "206");

	t = table(fh, "per region");
	FH_ASSERT_STR(fh_lookup(t, "2017", "Hälsingland"), "24");
	FH_ASSERT_STR(fh_lookup(t, "2017", "Gästrikland"), "10");
	FH_ASSERT_STR(fh_lookup(t, "2018", "Företag totalt"), "30");
}

static void full_report_charts(void **state)
{
	fakehost *fh = *state;
	const fh_block *c;

	FH_RUN_OK(fh, "census");
	c = fh_find_chart(fh, RAPPORT_CHART_STACKED_BAR);
	assert_non_null(c);
	assert_int_equal(c->ncat, 5);
	assert_int_equal(c->nseries, 3);
	assert_true(fh_chart_value(c, "Arbetsförmedlingen", "2018") == 152.0);
	assert_true(fh_chart_value(c, "Kommun", "2020") == 26.0);
	assert_true(fh_chart_value(c, "Övriga", "2017") == 10.0);
	assert_non_null(c->alt);

	c = fh_find_chart(fh, RAPPORT_CHART_LINE);
	assert_non_null(c);
	assert_true(fh_chart_value(c, "Företag", "2019") == 28.0);
	assert_true(fh_chart_value(c, "Anställda", "2017") == 228.0);
}

static void full_report_sentences(void **state)
{
	fakehost *fh = *state;

	FH_RUN_OK(fh, "census");
	FH_ASSERT_CONTAINS(fh, "Antalet registrerade företag minskade från 34 år 2016 till 28 år "
	                       "2020 (" MINUS "6, " MINUS "17,6" NBSP "%).");
	FH_ASSERT_CONTAINS(fh, "Antalet anställda ökade från 179 år 2016 till 209 år 2020 (+30, "
	                       "+16,8" NBSP "%).");
	FH_ASSERT_CONTAINS(fh, "minskade från 156 år 2016 till 123 år 2020 (" MINUS "33, " MINUS
	                       "21,2" NBSP "%).");
}

/* Stated totals are shown as stated, with a note where the parts differ. */
static void notes_on_disagreements(void **state)
{
	fakehost *fh = *state;

	FH_RUN_OK(fh, "census");
	assert_int_equal(fh_count(fh, FH_PARAGRAPH, "Anm."), 2);
	assert_non_null(fh_find(fh, NULL, FH_PARAGRAPH,
	                        "För 2018 anges 244 placerade personer "
	                        "totalt, medan Arbetsförmedlingen, kommun "
	                        "och övriga tillsammans är 243."));
	assert_non_null(fh_find(fh, NULL, FH_PARAGRAPH, "För 2020 anges 123"));
	assert_non_null(fh_find(fh, NULL, FH_PARAGRAPH, "tillsammans är 117."));
	FH_ASSERT_LACKS(fh, "För 2016 anges");
}

static void single_year(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	fh_select_years(fh, 2018, 2018);
	FH_RUN_OK(fh, "census");
	t = table(fh, "Personer placerade");
	assert_int_equal(t->nrows, 1);
	FH_ASSERT_STR(fh_lookup(t, "2018", "Totalt"), "244");
	assert_int_equal(fh_find_chart(fh, RAPPORT_CHART_STACKED_BAR)->ncat, 1);
	assert_null(fh_find_chart(fh, RAPPORT_CHART_LINE));
	FH_ASSERT_CONTAINS(fh,
	                   "År 2018 fanns 30 registrerade företag med sammantaget 204 anställda, "
	                   "113 kvinnor och 91 män.");
	FH_ASSERT_CONTAINS(fh, "I företagen var 244 personer placerade: 152 av Arbetsförmedlingen");
	FH_ASSERT_LACKS(fh, "2017");
	FH_ASSERT_LACKS(fh, "minskade");
	assert_int_equal(fh_count(fh, FH_PARAGRAPH, "Anm."), 1);
}

static void english(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	fh_set_lang(fh, "en");
	FH_RUN_OK(fh, "census");
	t = table(fh, "People placed");
	FH_ASSERT_STR(t->header[0], "Year");
	FH_ASSERT_STR(fh_lookup(t, "2018", "Total"), "244");
	FH_ASSERT_CONTAINS(fh, "The number of registered companies decreased from 34 in 2016 to 28 "
	                       "in 2020 (" MINUS "6, " MINUS "17.6%).");
	FH_ASSERT_CONTAINS(fh, "Note: for 2018 the stated total of people placed is 244");
	FH_ASSERT_LACKS(fh, "Antalet");
}

static void thousands_separator(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_add_year_json(fh, year_2016), 0);
	FH_RUN_OK(fh, "census");
	FH_ASSERT_STR(fh_lookup(table(fh, "Registrerade företag"), "2016", "Anställda totalt"),
	              "1" NBSP "257");
	assert_null(fh_find(fh, NULL, FH_TABLE, "per region"));
	assert_int_equal(fh_count(fh, FH_PARAGRAPH, "Anm."), 0);
}

static void negative_count(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(
	        fh_add_year_json(fh, "{\"year\": 2019, \"census\": {\"companies\": 3,"
	                             " \"employees\": {\"total\": 2, \"women\": 1, \"men\": 1},"
	                             " \"placed\": {\"total\": 1, \"arbetsformedlingen\": 1,"
	                             " \"kommun\": -3, \"ovriga\": 0}}}"),
	        0);
	assert_int_equal(fh_run(fh, "census"), RAPPORT_FAIL);
	assert_int_equal(fh_error_count(fh), 1);
	assert_true(fh_error_contains(fh, "2019.json: census.placed.kommun"));
	assert_true(fh_error_contains(fh, "found -3"));
	assert_int_equal(fh_block_count(fh), 0);
	assert_int_equal(fh_violation_count(fh), 0);
}

static void wrong_types(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_add_year_json(fh,
	                                  "{\"year\": 2019, \"census\": {\"companies\": \"30\","
	                                  " \"employees\": [1, 2],"
	                                  " \"placed\": {\"total\": 1.5, \"arbetsformedlingen\": 1,"
	                                  " \"kommun\": 0, \"ovriga\": 0},"
	                                  " \"regions\": {\"Hälsingland\": true}}}"),
	                 0);
	assert_int_equal(fh_run(fh, "census"), RAPPORT_FAIL);
	assert_true(fh_error_contains(fh, "census.companies: expected a whole number"));
	assert_true(fh_error_contains(fh, "census.employees: expected an object"));
	assert_true(fh_error_contains(fh, "census.placed.total: expected a whole number"));
	assert_true(fh_error_contains(fh, "census.regions.Hälsingland"));
	assert_int_equal(fh_error_count(fh), 4);
	assert_int_equal(fh_violation_count(fh), 0);
}

static void missing_members(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_add_year_json(fh, "{\"year\": 2019, \"census\": {\"companies\": 3,"
	                                      " \"placed\": {\"total\": 1}}}"),
	                 0);
	assert_int_equal(fh_add_year_json(fh, "{\"year\": 2020, \"census\": 12}"), 0);
	assert_int_equal(fh_run(fh, "census"), RAPPORT_FAIL);
	assert_true(fh_error_contains(fh, "2019.json: census: missing \"employees\": expected an "
	                                  "object"));
	assert_true(fh_error_contains(fh, "2019.json: census.placed: missing \"kommun\""));
	assert_true(fh_error_contains(fh, "2020.json: census: expected an object"));
	assert_int_equal(fh_violation_count(fh), 0);
}

static void no_census_at_all(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_add_year_json(fh, "{\"year\": 2021}"), 0);
	FH_RUN_OK(fh, "census");
	assert_int_equal(fh_block_count(fh), 1);
	assert_non_null(fh_find(fh, NULL, FH_PARAGRAPH, "inga uppgifter"));
}

/* Every label has both languages. */
static void labels_complete(void **state)
{
	const rapport_label *l;

	(void)state;
	for (l = census_labels; l->key != NULL; l++) {
		assert_non_null(l->sv);
		assert_non_null(l->en);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(full_report_tables, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(full_report_charts, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(full_report_sentences, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(notes_on_disagreements, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(single_year, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(english, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(thousands_separator, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(negative_count, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(wrong_types, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(missing_members, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(no_census_at_all, setup_empty, teardown),
	        cmocka_unit_test(labels_complete),
	};

	return cmocka_run_group_tests_name("census", tests, NULL, NULL);
}
