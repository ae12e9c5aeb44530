/*
 * test_outreach.c - the "outreach" section against the fake host: people
 * reached per year and their total, the stated period total beside it, the
 * chart, the year headings and milestone lists, a single-year build,
 * validation errors and English labels.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "../../plugins/outreach/outreach.c"
#include "fakehost.h"

#define NBSP   "\u00a0"
#define REPORT "slutrapport-2016-2020.json"

#include "plugin_test.h"

static const fh_block *reached_table(const fakehost *fh)
{
	const fh_block *t = fh_find(fh, NULL, FH_TABLE, "Personer i målgruppen");
	if (t == NULL)
		t = fh_find(fh, NULL, FH_TABLE, "People in the target group");
	if (t == NULL)
		fail_msg("no table of people reached");
	return t;
}

/* A two-year period whose stated total agrees with the years. */
static const char *const small_report = "{\"period\": {\"first\": 2021, \"last\": 2022},"
                                        " \"stated\": {\"outreach\": {\"reached\": 1500}}}";
static const char *const year_2021 =
        "{\"year\": 2021, \"outreach\": {\"reached\": 1000,"
        " \"main_activities\": [\"konferenser\"],"
        " \"milestones\": [{\"kind\": \"podd\", \"title\": \"ASF-podden\", \"when\": \"våren\","
        " \"text\": \"Fem avsnitt spelades in.\"}]}}";
static const char *const year_2022 =
        "{\"year\": 2022, \"outreach\": {\"reached\": 500, \"milestones\": []}}";

static void reached_per_year(void **state)
{
	static const char *const years[] = {"2016", "2017", "2018", "2019", "2020"};
	static const char *const values[] = {"95", "586", "235", "183", "176"};
	fakehost *fh = *state;
	const fh_block *t;
	size_t i;

	FH_RUN_OK(fh, "outreach");
	t = reached_table(fh);
	assert_int_equal(t->nrows, 6);
	for (i = 0; i < 5; i++)
		FH_ASSERT_STR(fh_lookup(t, years[i], "Nådda personer"), values[i]);
	FH_ASSERT_STR(fh_lookup(t, "2020", "Anmärkning"), "exklusive podd-lyssnare");
	FH_ASSERT_STR(fh_lookup(t, "2019", "Anmärkning"), "");
	/* The total row is computed from the years. */
	FH_ASSERT_STR(fh_cell(t, 5, 0), "Totalt 2016–2020");
	FH_ASSERT_STR(fh_cell(t, 5, 1), "1" NBSP "275");
	assert_true(t->row_flags[5] & RAPPORT_ROW_TOTAL);
	assert_false(t->row_flags[4] & RAPPORT_ROW_TOTAL);
}

/* The stated total 1 257 is shown beside the sum 1 275, not instead of it. */
static void stated_total_disagrees(void **state)
{
	fakehost *fh = *state;

	FH_RUN_OK(fh, "outreach");
	FH_ASSERT_CONTAINS(fh, "Enligt den sammanställda uppgiften nåddes totalt 1" NBSP
	                       "257 personer under perioden augusti 2016 – december 2020 "
	                       "(exklusive podd-lyssnare).");
	FH_ASSERT_CONTAINS(fh, "Det är 18 färre än summan av årens uppgifter i tabellen (1" NBSP
	                       "275).");
}

static void stated_total_agrees(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_set_report_json(fh, small_report), 0);
	assert_int_equal(fh_add_year_json(fh, year_2021), 0);
	assert_int_equal(fh_add_year_json(fh, year_2022), 0);
	FH_RUN_OK(fh, "outreach");
	FH_ASSERT_CONTAINS(fh, "nåddes totalt 1" NBSP "500 personer under perioden 2021–2022. "
	                       "Det stämmer med summan av årens uppgifter.");
	FH_ASSERT_LACKS(fh, "färre");
}

static void chart_of_reached(void **state)
{
	fakehost *fh = *state;
	const fh_block *c;

	FH_RUN_OK(fh, "outreach");
	c = fh_find_chart(fh, RAPPORT_CHART_BAR);
	assert_non_null(c);
	assert_int_equal(c->ncat, 5);
	assert_int_equal(c->nseries, 1);
	assert_true(fh_chart_value(c, "Nådda personer", "2016") == 95.0);
	assert_true(fh_chart_value(c, "Nådda personer", "2017") == 586.0);
	assert_true(fh_chart_value(c, "Nådda personer", "2020") == 176.0);
	assert_non_null(c->alt);
}

static void years_and_milestones(void **state)
{
	fakehost *fh = *state;
	const fh_block *h2016, *h2017, *b;
	size_t n = 0;

	FH_RUN_OK(fh, "outreach");
	assert_int_equal(fh_count(fh, FH_HEADING, NULL), 5);
	h2016 = fh_find(fh, NULL, FH_HEADING, "2016");
	h2017 = fh_find(fh, NULL, FH_HEADING, "2017");
	assert_non_null(h2016);
	assert_non_null(h2017);
	assert_int_equal(h2016->level, 1);
	/* 2016 has seven milestones between its heading and the next. */
	for (b = h2016; (b = fh_find(fh, b, FH_LIST_ITEM, NULL)) != NULL && b < h2017;)
		n++;
	assert_int_equal(n, 7);
	b = fh_find(fh, h2016, FH_PARAGRAPH, NULL);
	FH_ASSERT_STR(b->text, "Under 2016 registrerades 95 personer i målgruppen som fått "
	                       "information. Huvudsakliga aktiviteter var informationsmöten, "
	                       "frukostmöten, seminarier och workshoppar.");
	b = fh_find(fh, h2017, FH_LIST_ITEM, NULL);
	assert_non_null(strstr(b->text, "**Konferens, februari, Bollnäs:** Förbundet höll"));
	FH_ASSERT_CONTAINS(fh, "**Policy:** Hudiksvalls kommun antog");
	FH_ASSERT_CONTAINS(fh, "fått information (exklusive podd-lyssnare).");
}

/* The title is added in quotes when the text does not name it. */
static void title_when_not_in_text(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_set_report_json(fh, small_report), 0);
	assert_int_equal(fh_add_year_json(fh, year_2021), 0);
	assert_int_equal(fh_add_year_json(fh, year_2022), 0);
	FH_RUN_OK(fh, "outreach");
	assert_non_null(fh_find(fh, NULL, FH_LIST_ITEM,
	                        "**Podd, våren:** ”ASF-podden”. Fem avsnitt spelades in."));
	/* A year without milestones gets its paragraph but no empty list. */
	assert_int_equal(fh_count(fh, FH_LIST_BEGIN, NULL), 1);
	assert_non_null(fh_find(fh, NULL, FH_HEADING, "2022"));
}

static void single_year(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	fh_select_years(fh, 2018, 2018);
	FH_RUN_OK(fh, "outreach");
	t = reached_table(fh);
	assert_int_equal(t->nrows, 1);
	FH_ASSERT_STR(fh_lookup(t, "2018", "Nådda personer"), "235");
	FH_ASSERT_LACKS(fh, "sammanställda uppgiften");
	FH_ASSERT_LACKS(fh, "Totalt");
	assert_int_equal(fh_count(fh, FH_HEADING, NULL), 1);
	assert_int_equal(fh_find_chart(fh, RAPPORT_CHART_BAR)->ncat, 1);
}

static void english(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	fh_set_lang(fh, "en");
	FH_RUN_OK(fh, "outreach");
	t = reached_table(fh);
	FH_ASSERT_STR(t->header[1], "People reached");
	FH_ASSERT_STR(fh_cell(t, 5, 0), "Total 2016–2020");
	FH_ASSERT_STR(fh_cell(t, 5, 1), "1,275");
	FH_ASSERT_CONTAINS(fh,
	                   "According to the compiled figure, 1,257 people in all were reached");
	FH_ASSERT_CONTAINS(fh, "That is 18 fewer than the sum of the yearly figures in the table "
	                       "(1,275).");
	FH_ASSERT_CONTAINS(fh, "**Conference, februari, Bollnäs:**");
	FH_ASSERT_LACKS(fh, "Nådda");
}

static void bad_values(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(
	        fh_add_year_json(fh, "{\"year\": 2021, \"outreach\": {\"reached\": -1,"
	                             " \"main_activities\": [\"a\", 3],"
	                             " \"milestones\": [{\"kind\": \"kalas\", \"text\": \"x\"},"
	                             " {\"kind\": \"podd\", \"when\": 5, \"place\": []}, 7]}}"),
	        0);
	assert_int_equal(
	        fh_add_year_json(fh, "{\"year\": 2022, \"outreach\": {\"reached\": \"many\"}}"), 0);
	assert_int_equal(fh_run(fh, "outreach"), RAPPORT_FAIL);
	assert_true(fh_error_contains(fh, "2021.json: outreach.reached: expected a whole number"));
	assert_true(fh_error_contains(fh, "found -1"));
	assert_true(fh_error_contains(fh, "outreach.main_activities[1]: expected a string"));
	assert_true(fh_error_contains(fh, "outreach.milestones[0].kind: unknown milestone kind"));
	assert_true(fh_error_contains(fh, "outreach.milestones[1]: missing \"text\": expected a "
	                                  "non-empty string"));
	assert_true(fh_error_contains(fh, "outreach.milestones[1].when: expected a non-empty string"));
	assert_true(fh_error_contains(fh, "outreach.milestones[1].place: expected a non-empty "
	                                  "string, found an array"));
	assert_true(fh_error_contains(fh, "outreach.milestones[2]: expected an object"));
	assert_true(fh_error_contains(fh, "2022.json: outreach.reached: expected a whole number"));
	assert_true(fh_error_contains(fh, "found \"many\""));
	assert_true(fh_error_contains(fh, "2022.json: outreach: missing \"milestones\": expected an "
	                                  "array"));
	assert_int_equal(fh_error_count(fh), 9);
	assert_int_equal(fh_block_count(fh), 0);
	assert_int_equal(fh_violation_count(fh), 0);
}

static void bad_stated_total(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(
	        fh_set_report_json(fh, "{\"stated\": {\"outreach\": {\"reached\": 12.5}}}"), 0);
	assert_int_equal(fh_add_year_json(fh, year_2022), 0);
	assert_int_equal(fh_run(fh, "outreach"), RAPPORT_FAIL);
	assert_true(fh_error_contains(fh, "report.json: stated.outreach.reached"));
	assert_int_equal(fh_error_count(fh), 1);
}

static void year_without_outreach(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_add_year_json(fh, year_2022), 0);
	assert_int_equal(fh_add_year_json(fh, "{\"year\": 2023}"), 0);
	FH_RUN_OK(fh, "outreach");
	assert_int_equal(reached_table(fh)->nrows, 1);
	assert_null(fh_find(fh, NULL, FH_HEADING, "2023"));
}

static void no_outreach_at_all(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_add_year_json(fh, "{\"year\": 2023}"), 0);
	FH_RUN_OK(fh, "outreach");
	assert_int_equal(fh_block_count(fh), 1);
	assert_non_null(fh_find(fh, NULL, FH_PARAGRAPH, "inga uppgifter"));
}

/* Every label has both languages, and every milestone kind has a label. */
static void labels_complete(void **state)
{
	const rapport_label *l;
	size_t i;

	(void)state;
	for (l = outreach_labels; l->key != NULL; l++) {
		assert_non_null(l->sv);
		assert_non_null(l->en);
	}
	for (i = 0; milestone_kinds[i] != NULL; i++) {
		char key[64];
		snprintf(key, sizeof key, "kind_%s", milestone_kinds[i]);
		for (l = outreach_labels; l->key != NULL && strcmp(l->key, key) != 0; l++)
			;
		if (l->key == NULL)
			fail_msg("no label %s", key);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(reached_per_year, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(stated_total_disagrees, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(stated_total_agrees, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(chart_of_reached, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(years_and_milestones, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(title_when_not_in_text, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(single_year, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(english, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(bad_values, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(bad_stated_total, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(year_without_outreach, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(no_outreach_at_all, setup_empty, teardown),
	        cmocka_unit_test(labels_complete),
	};

	return cmocka_run_group_tests_name("outreach", tests, NULL, NULL);
}
