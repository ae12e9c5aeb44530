/*
 * test_placements.c - the "placements" section against the fake host: the
 * grants per year, the table and its totals, the utilisation rate, the chart,
 * the summary from the stated figures, a single-year build, validation errors
 * and English labels.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "../../plugins/placements/placements.c"
#include "fakehost.h"

#define NBSP   "\u00a0"
#define REPORT "slutrapport-2016-2020.json"

#include "plugin_test.h"

static const fh_block *grant_table(const fakehost *fh)
{
	const fh_block *t = fh_find(fh, NULL, FH_TABLE, NULL);
	if (t == NULL)
		fail_msg("no table");
	return t;
}

/* The row of `municipality` in `year`, or a failed test. */
static size_t grant_row(const fh_block *t, const char *municipality, const char *year)
{
	size_t r;

	for (r = 0; r < t->nrows; r++)
		if (strcmp(fh_cell(t, r, 0), municipality) == 0 &&
		    strcmp(fh_cell(t, r, 1), year) == 0)
			return r;
	fail_msg("no row %s %s", municipality, year);
	return 0;
}

static void table_and_totals(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;
	size_t r;

	FH_RUN_OK(fh, "placements");
	t = grant_table(fh);
	assert_int_equal(t->ncols, 8);
	FH_ASSERT_STR(t->header[0], "Kommun");
	FH_ASSERT_STR(t->header[7], "Utfall");
	assert_int_equal(t->nrows, 6);
	r = grant_row(t, "Nordanstig", "2018");
	FH_ASSERT_STR(fh_cell(t, r, 2), "7");
	FH_ASSERT_STR(fh_cell(t, r, 3), "7");
	FH_ASSERT_STR(fh_cell(t, r, 4), "6");
	FH_ASSERT_STR(fh_cell(t, r, 5), "1");
	FH_ASSERT_STR(fh_cell(t, r, 6), "Utrikes födda, företrädesvis kvinnor");
	FH_ASSERT_STR(fh_cell(t, r, 7), "1 arbete (man), 1 Arbetsförmedlingen (man), 5 åter");
	r = grant_row(t, "Hofors", "2016");
	FH_ASSERT_STR(fh_cell(t, r, 3), "0");
	FH_ASSERT_STR(fh_cell(t, r, 4), "–");
	r = grant_row(t, "Hudiksvall", "2017");
	FH_ASSERT_STR(fh_cell(t, r, 7), "förlängning");
	/* Totals computed from the rows. */
	assert_true(t->row_flags[5] & RAPPORT_ROW_TOTAL);
	FH_ASSERT_STR(fh_cell(t, 5, 0), "Totalt");
	FH_ASSERT_STR(fh_cell(t, 5, 1), "2016–2018");
	FH_ASSERT_STR(fh_cell(t, 5, 2), "23");
	FH_ASSERT_STR(fh_cell(t, 5, 3), "11");
	FH_ASSERT_STR(fh_cell(t, 5, 4), "9");
	FH_ASSERT_STR(fh_cell(t, 5, 5), "2");
}

static void utilisation(void **state)
{
	fakehost *fh = *state;

	FH_RUN_OK(fh, "placements");
	FH_ASSERT_CONTAINS(fh, "Av sammanlagt 23 beviljade platser nyttjades 11, en nyttjandegrad "
	                       "på 47,8" NBSP "%.");
	FH_ASSERT_CONTAINS(fh, "Nyttjandegraden per år var 0,0" NBSP "% (2016), 25,0" NBSP
	                       "% (2017) och 66,7" NBSP "% (2018).");
	FH_ASSERT_CONTAINS(fh, "År 2018 beviljades medel för 15 platser, varav 10 nyttjades. "
	                       "Nyttjandegraden var 66,7" NBSP "%.");
}

static void chart_granted_used(void **state)
{
	fakehost *fh = *state;
	const fh_block *c;

	FH_RUN_OK(fh, "placements");
	c = fh_find_chart(fh, RAPPORT_CHART_BAR);
	assert_non_null(c);
	assert_int_equal(c->ncat, 3);
	assert_true(fh_chart_value(c, "Beviljade platser", "2018") == 15.0);
	assert_true(fh_chart_value(c, "Nyttjade platser", "2018") == 10.0);
	assert_true(fh_chart_value(c, "Beviljade platser", "2016") == 4.0);
	assert_true(fh_chart_value(c, "Nyttjade platser", "2016") == 0.0);
}

static void grants_per_year(void **state)
{
	fakehost *fh = *state;
	const fh_block *h;

	FH_RUN_OK(fh, "placements");
	/* 2016, 2017, 2018 and the summary; 2019 and 2020 have no grants. */
	assert_int_equal(fh_count(fh, FH_HEADING, NULL), 4);
	assert_null(fh_find(fh, NULL, FH_HEADING, "2019"));
	h = fh_find(fh, NULL, FH_HEADING, "2018");
	assert_non_null(h);
	assert_int_equal(h->level, 1);
	assert_non_null(
	        fh_find(fh, h, FH_LIST_ITEM,
	                "**Nordanstig:** 7 platser beviljades, 7 nyttjades (6 kvinnor, 1 man)."));
	assert_non_null(fh_find(fh, h, FH_LIST_ITEM,
	                        "Utfall: 1 vidare till arbete (man), 1 vidare till "
	                        "Arbetsförmedlingen (man) och 5 åter i offentlig försörjning."));
	assert_non_null(fh_find(fh, NULL, FH_LIST_ITEM,
	                        "**Hudiksvall:** 4 platser beviljades, 1 "
	                        "nyttjades (1 kvinna)."));
	/* An outcome without a count gets no number. */
	assert_non_null(fh_find(fh, NULL, FH_LIST_ITEM, "Utfall: förlängning av insatsen."));
	assert_non_null(fh_find(fh, NULL, FH_HEADING, "Sammanställning 2016–2018"));
}

static void stated_summary(void **state)
{
	fakehost *fh = *state;

	FH_RUN_OK(fh, "placements");
	FH_ASSERT_CONTAINS(fh, "Enligt den sammanställda uppgiften för 2016–2018 beviljades totalt "
	                       "medel för 23 handledda placeringar, varav 11 nyttjades av 10 unika "
	                       "individer, med 6 månader per placering.");
	FH_ASSERT_CONTAINS(fh, "Utfall för de nyttjade placeringarna: 1 vidare till arbete (man, "
	                       "Nordanstig), 1 vidare till Arbetsförmedlingen (kvinna, Nordanstig) "
	                       "och 8 åter i offentlig försörjning (kvinnor).");
	FH_ASSERT_CONTAINS(fh, "Antalet beviljade och nyttjade platser stämmer med summan");
}

static const char *const small_report =
        "{\"stated\": {\"placements\": {\"first\": 2021, \"last\": 2021, \"granted\": 6,"
        " \"used\": 1, \"unique_individuals\": 1, \"months_per_placement\": 1}}}";
static const char *const year_2021 =
        "{\"year\": 2021, \"placements\": ["
        "{\"municipality\": \"Gävle\", \"granted\": 3, \"used\": 1, \"men\": 1},"
        "{\"municipality\": \"Ockelbo\", \"granted\": 2, \"used\": 1,"
        " \"outcomes\": [{\"result\": \"arbete\", \"count\": 2, \"gender\": \"kvinna\"}]}]}";

static void stated_summary_differs(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_set_report_json(fh, small_report), 0);
	assert_int_equal(fh_add_year_json(fh, year_2021), 0);
	FH_RUN_OK(fh, "placements");
	FH_ASSERT_CONTAINS(fh,
	                   "för 2021 beviljades totalt medel för 6 handledda placeringar, varav "
	                   "1 nyttjades av 1 unik individ, med 1 månad per placering.");
	FH_ASSERT_CONTAINS(fh, "Summan av de enskilda beviljandena är 5 beviljade och 2 nyttjade "
	                       "platser.");
	FH_ASSERT_CONTAINS(fh, "**Gävle:** 3 platser beviljades, 1 nyttjades (1 man).");
	FH_ASSERT_CONTAINS(fh, "Utfall: 2 vidare till arbete (kvinnor).");
	FH_ASSERT_CONTAINS(fh, "| 2 arbete (kvinnor) |");
	/* One year: no rate per year, the total row names the year. */
	FH_ASSERT_LACKS(fh, "per år var");
	FH_ASSERT_STR(fh_cell(grant_table(fh), 2, 1), "2021");
}

static void single_year(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	fh_select_years(fh, 2018, 2018);
	FH_RUN_OK(fh, "placements");
	t = grant_table(fh);
	assert_int_equal(t->nrows, 4);
	FH_ASSERT_STR(fh_cell(t, 3, 1), "2018");
	FH_ASSERT_STR(fh_cell(t, 3, 2), "15");
	FH_ASSERT_STR(fh_cell(t, 3, 3), "10");
	FH_ASSERT_CONTAINS(fh, "en nyttjandegrad på 66,7" NBSP "%.");
	/* The stated figures cover 2016-2018, which this build does not. */
	FH_ASSERT_LACKS(fh, "sammanställda uppgiften");
	FH_ASSERT_LACKS(fh, "2016");
}

static void english(void **state)
{
	fakehost *fh = *state;

	fh_set_lang(fh, "en");
	FH_RUN_OK(fh, "placements");
	FH_ASSERT_STR(grant_table(fh)->header[2], "Granted");
	FH_ASSERT_CONTAINS(fh, "**Nordanstig:** 7 places granted, 7 used (6 women, 1 man).");
	FH_ASSERT_CONTAINS(fh, "a utilisation rate of 47.8%.");
	FH_ASSERT_CONTAINS(fh, "23 supervised placements");
	FH_ASSERT_CONTAINS(fh, "Summary 2016–2018");
	FH_ASSERT_LACKS(fh, "beviljades");
}

static void bad_values(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_set_report_json(fh,
	                                    "{\"stated\": {\"placements\": {\"first\": 2020,"
	                                    " \"last\": 2019, \"granted\": 1, \"used\": \"x\"}}}"),
	                 0);
	assert_int_equal(
	        fh_add_year_json(fh, "{\"year\": 2021, \"placements\": ["
	                             "{\"municipality\": \"Gävle\", \"granted\": -2, \"used\": 0,"
	                             " \"women\": \"två\", \"outcomes\": ["
	                             "{\"result\": \"pension\", \"gender\": \"annat\"},"
	                             " {\"count\": 1}]}, 4]}"),
	        0);
	assert_int_equal(fh_add_year_json(fh, "{\"year\": 2022, \"placements\": {}}"), 0);
	assert_int_equal(fh_run(fh, "placements"), RAPPORT_FAIL);
	assert_true(fh_error_contains(fh, "stated.placements.last"));
	assert_true(fh_error_contains(fh, "stated.placements.used"));
	assert_true(
	        fh_error_contains(fh, "2021.json: placements[0].granted: expected a whole number"));
	assert_true(fh_error_contains(fh, "found -2"));
	assert_true(fh_error_contains(fh, "placements[0].women"));
	assert_true(fh_error_contains(
	        fh, "placements[0].outcomes[0].result: unknown value \"pension\""));
	assert_true(fh_error_contains(fh, "placements[0].outcomes[0].gender: unknown value"));
	assert_true(fh_error_contains(fh, "placements[0].outcomes[1]: missing \"result\""));
	assert_true(fh_error_contains(fh, "2021.json: placements[1]: expected an object"));
	assert_true(fh_error_contains(fh, "2022.json: placements: expected an array"));
	assert_int_equal(fh_error_count(fh), 9);
	assert_int_equal(fh_block_count(fh), 0);
	assert_int_equal(fh_violation_count(fh), 0);
}

static void more_used_than_granted(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_add_year_json(fh, "{\"year\": 2021, \"placements\": [{\"municipality\":"
	                                      " \"Gävle\", \"granted\": 1, \"used\": 2}]}"),
	                 0);
	FH_RUN_OK(fh, "placements");
	assert_int_equal(fh_warning_count(fh), 1);
	assert_non_null(strstr(fh_warning_at(fh, 0), "placements[0].used"));
	FH_ASSERT_CONTAINS(fh, "en nyttjandegrad på 200,0" NBSP "%.");
}

static void no_placements(void **state)
{
	fakehost *fh = *state;

	fh_select_years(fh, 2019, 2020);
	FH_RUN_OK(fh, "placements");
	assert_int_equal(fh_block_count(fh), 1);
	assert_non_null(fh_find(fh, NULL, FH_PARAGRAPH, "Inga individinriktade placeringar"));
}

/* Every label has both languages; every result has its long and short name. */
static void labels_complete(void **state)
{
	static const char *const prefixes[] = {"res", "short"};
	const rapport_label *l;
	size_t i, p;

	(void)state;
	for (l = placements_labels; l->key != NULL; l++) {
		assert_non_null(l->sv);
		assert_non_null(l->en);
	}
	for (i = 0; results[i] != NULL; i++) {
		for (p = 0; p < 2; p++) {
			char key[64];
			snprintf(key, sizeof key, "%s_%s", prefixes[p], results[i]);
			for (l = placements_labels; l->key != NULL && strcmp(l->key, key) != 0; l++)
				;
			if (l->key == NULL)
				fail_msg("no label %s", key);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(table_and_totals, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(utilisation, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(chart_granted_used, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(grants_per_year, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(stated_summary, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(stated_summary_differs, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(single_year, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(english, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(bad_values, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(more_used_than_granted, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(no_placements, setup_report, teardown),
	        cmocka_unit_test(labels_complete),
	};

	return cmocka_run_group_tests_name("placements", tests, NULL, NULL);
}
