/*
 * test_analysis.c - the "analysis" section against the fake host: changes
 * over time, utilisation, objectives with their evidence, and the
 * consistency findings (every stated total that differs from its parts), on
 * the bundled report, on a consistent and an inconsistent small dataset, for
 * a single year, in English, and with invalid data.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "../../plugins/analysis/analysis.c"
#include "fakehost.h"

#define NBSP   "\u00a0"
#define MINUS  "\u2212"
#define REPORT "slutrapport-2016-2020.json"

#include "plugin_test.h"

/* ------------------------------------------------------------- fixtures */

static const char *const small_report =
        "{\"period\": {\"first\": 2021, \"last\": 2022},"
        " \"objectives\": [{\"id\": \"k\", \"text\": \"Öka kunskapen.\","
        " \"assessment\": \"uppfyllt\"}, {\"id\": \"s\", \"text\": \"Bygga strukturer.\","
        " \"assessment\": \"ej-bedomt\", \"comment\": \"Går inte att bedöma.\"}],"
        " \"stated\": {\"outreach\": {\"reached\": 30},"
        " \"placements\": {\"first\": 2021, \"last\": 2021, \"granted\": %d, \"used\": 3,"
        " \"outcomes\": [{\"result\": \"arbete\", \"count\": %d, \"gender\": \"man\","
        " \"municipality\": \"Gävle\"}, {\"result\": \"ater\", \"count\": 2}]}}}";
static const char *const small_2021 =
        "{\"year\": 2021, \"outreach\": {\"reached\": 10, \"milestones\": ["
        "{\"kind\": \"utbildning\", \"objectives\": [\"k\"], \"figures\": {\"deltagare\": 12},"
        " \"text\": \"En utbildning.\"},"
        " {\"kind\": \"policy\", \"municipalities\": [\"Gävle\"], \"objectives\": [\"k\"],"
        " \"text\": \"En policy.\"}]},"
        " \"placements\": [{\"municipality\": \"Gävle\", \"granted\": 5, \"used\": 3,"
        " \"women\": %d, \"men\": 1, \"outcomes\": [{\"result\": \"arbete\", \"count\": 1,"
        " \"gender\": \"man\"}, {\"result\": \"ater\", \"count\": 2}]}],"
        " \"census\": {\"companies\": 5, \"employees\": {\"total\": %d, \"women\": 6, \"men\": 4},"
        " \"placed\": {\"total\": 7, \"arbetsformedlingen\": 3, \"kommun\": 3, \"ovriga\": 1},"
        " \"regions\": {\"A\": 2, \"B\": %d}}}";
static const char *const small_2022 =
        "{\"year\": 2022, \"outreach\": {\"reached\": 20, \"milestones\": []},"
        " \"census\": {\"companies\": 6, \"employees\": {\"total\": 12, \"women\": 6, \"men\": 6},"
        " \"placed\": {\"total\": 8, \"arbetsformedlingen\": 4, \"kommun\": 4, \"ovriga\": 0}}}";

/* Loads the small dataset; consistent: every total agrees with its parts. */
static void load_small(fakehost *fh, int consistent)
{
	char buf[2048];

	snprintf(buf, sizeof buf, small_report, consistent ? 5 : 6, consistent ? 1 : 2);
	assert_int_equal(fh_set_report_json(fh, buf), 0);
	snprintf(buf, sizeof buf, small_2021, consistent ? 2 : 1, consistent ? 10 : 11,
	         consistent ? 3 : 2);
	assert_int_equal(fh_add_year_json(fh, buf), 0);
	assert_int_equal(fh_add_year_json(fh, small_2022), 0);
}

static const fh_block *table(const fakehost *fh, const char *caption)
{
	const fh_block *t = fh_find(fh, NULL, FH_TABLE, caption);
	if (t == NULL)
		fail_msg("no table \"%s\"", caption);
	return t;
}

/* The consistency table, or NULL when there is none. */
static const fh_block *findings(const fakehost *fh)
{
	const fh_block *t = fh_find(fh, NULL, FH_TABLE, "skiljer sig från summan");
	return t ? t : fh_find(fh, NULL, FH_TABLE, "differ from the sum");
}

/* Asserts that some finding's "where" contains all of needle and needle2
 * and that its numbers are stated, parts and diff. */
static void assert_finding(const fh_block *t, const char *needle, const char *needle2,
                           const char *stated, const char *parts, const char *diff)
{
	size_t r;

	assert_non_null(t);
	for (r = 0; r < t->nrows; r++) {
		const char *where = fh_cell(t, r, 0);
		if (strstr(where, needle) == NULL || strstr(where, needle2) == NULL)
			continue;
		FH_ASSERT_STR(fh_cell(t, r, 1), stated);
		FH_ASSERT_STR(fh_cell(t, r, 2), parts);
		FH_ASSERT_STR(fh_cell(t, r, 3), diff);
		return;
	}
	fail_msg("no finding with \"%s\" and \"%s\"", needle, needle2);
}

/* ----------------------------------------------------------- full report */

static void change_over_time(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	FH_RUN_OK(fh, "analysis");
	t = table(fh, "Förändring från 2016 till 2020");
	FH_ASSERT_STR(t->header[1], "2016");
	FH_ASSERT_STR(t->header[2], "2020");
	FH_ASSERT_STR(fh_lookup(t, "Registrerade företag", "2016"), "34");
	FH_ASSERT_STR(fh_lookup(t, "Registrerade företag", "2020"), "28");
	FH_ASSERT_STR(fh_lookup(t, "Registrerade företag", "Förändring"), MINUS "6");
	FH_ASSERT_STR(fh_lookup(t, "Registrerade företag", "Förändring (%)"),
	              MINUS "17,6" NBSP "%");
	FH_ASSERT_STR(fh_lookup(t, "Anställda i företagen", "Förändring"), "+30");
	FH_ASSERT_STR(fh_lookup(t, "Personer placerade i företagen", "2020"), "123");
	FH_ASSERT_STR(fh_lookup(t, "Personer som fått information", "2016"), "95");
	FH_ASSERT_STR(fh_lookup(t, "Personer som fått information", "Förändring (%)"),
	              "+85,3" NBSP "%");
	FH_ASSERT_CONTAINS(fh, "Antalet registrerade företag minskade från 34 år 2016 till 28 år "
	                       "2020 (" MINUS "6, " MINUS "17,6" NBSP "%).");
	FH_ASSERT_CONTAINS(fh,
	                   "Antalet personer i målgruppen som fått information ökade från 95 år "
	                   "2016 till 176 år 2020 (+81, +85,3" NBSP "%).");
}

static void utilisation(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	FH_RUN_OK(fh, "analysis");
	t = table(fh, "Beviljade och nyttjade platser");
	FH_ASSERT_STR(fh_lookup(t, "2016", "Nyttjandegrad"), "0,0" NBSP "%");
	FH_ASSERT_STR(fh_lookup(t, "2017", "Nyttjandegrad"), "25,0" NBSP "%");
	FH_ASSERT_STR(fh_lookup(t, "2018", "Nyttjandegrad"), "66,7" NBSP "%");
	FH_ASSERT_STR(fh_lookup(t, "Totalt", "Beviljade"), "23");
	FH_ASSERT_STR(fh_lookup(t, "Totalt", "Nyttjade"), "11");
	FH_ASSERT_STR(fh_lookup(t, "Totalt", "Nyttjandegrad"), "47,8" NBSP "%");
	FH_ASSERT_CONTAINS(fh, "Totalt nyttjades 11 av 23 beviljade platser, en nyttjandegrad på "
	                       "47,8" NBSP "%. Nyttjandegraden var högst 2018 (66,7" NBSP
	                       "%) och lägst 2016 (0,0" NBSP "%).");
}

static void objectives(void **state)
{
	fakehost *fh = *state;
	const fh_block *p;

	FH_RUN_OK(fh, "analysis");
	assert_int_equal(fh_count(fh, FH_PARAGRAPH, "**Mål "), 4);
	assert_int_equal(fh_count(fh, FH_PARAGRAPH, "Förbundets bedömning: uppfyllt."), 2);
	assert_int_equal(fh_count(fh, FH_PARAGRAPH, "Förbundets bedömning: delvis uppfyllt."), 2);
	FH_ASSERT_CONTAINS(fh, "Personer i målgruppen som fått information 2016–2020: 1" NBSP
	                       "275 enligt årens uppgifter och 1" NBSP
	                       "257 enligt den sammanställda uppgiften.");
	FH_ASSERT_CONTAINS(fh, "Nyttjandegrad för individuella placeringar 2016–2018: 47,8" NBSP
	                       "% (11 av 23 beviljade platser).");
	p = fh_find(fh, NULL, FH_PARAGRAPH, "**Mål 2: Sprida kännedom");
	assert_non_null(p);
	assert_non_null(fh_find(fh, p, FH_LIST_ITEM,
	                        "Antagna policyer och handlingsplaner: 4 (Hudiksvall 2016, Bollnäs "
	                        "2018, Bollnäs 2019, Nordanstig 2019)."));
	p = fh_find(fh, NULL, FH_PARAGRAPH, "**Mål 3:");
	assert_non_null(fh_find(fh, p, FH_LIST_ITEM,
	                        "Kommuner med lokala samverkansgrupper: 6 "
	                        "(Bollnäs, Söderhamn, Nordanstig, Hofors, Gävle "
	                        "och Hudiksvall)."));
	p = fh_find(fh, NULL, FH_PARAGRAPH, "**Mål 4:");
	assert_non_null(fh_find(fh, p, FH_LIST_ITEM,
	                        "Milstolpar kopplade till målet: 4 (2 "
	                        "utbildningar, 1 samverkansgrupp och 1 "
	                        "upphandling)."));
	assert_non_null(fh_find(fh, p, FH_LIST_ITEM,
	                        "Utbildningsinsatser: 2, med sammanlagt 45 "
	                        "deltagare"));
}

/* Every disagreement of the bundled data is listed, none is invented. */
static void consistency_findings(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	FH_RUN_OK(fh, "analysis");
	t = findings(fh);
	assert_non_null(t);
	assert_int_equal(t->nrows, 6);
	FH_ASSERT_STR(t->header[0], "Var");
	FH_ASSERT_STR(t->header[3], "Differens");
	assert_finding(t, "2016–2020", "stated.outreach.reached", "1" NBSP "257", "1" NBSP "275",
	               MINUS "18");
	assert_finding(t, "2018:", "census.placed.total i årsfilen för 2018", "244", "243", "+1");
	assert_finding(t, "2020:", "census.placed.total i årsfilen för 2020", "123", "117", "+6");
	assert_finding(t, "åter i offentlig försörjning", "stated.placements.outcomes", "8", "7",
	               "+1");
	assert_finding(t, "vidare till Arbetsförmedlingen” för kvinnor", "2016–2018", "1", "0",
	               "+1");
	assert_finding(t, "vidare till Arbetsförmedlingen” för män", "2016–2018", "0", "1",
	               MINUS "1");
	FH_ASSERT_CONTAINS(fh,
	                   "Av 31 kontrollerade summor skiljer sig 6 från summan av sina delar.");
	FH_ASSERT_LACKS(fh, "census.employees.total i årsfilen");
}

static void single_year(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	fh_select_years(fh, 2018, 2018);
	FH_RUN_OK(fh, "analysis");
	FH_ASSERT_CONTAINS(fh, "Rapporten omfattar bara 2018, så ingen förändring över tid kan "
	                       "beräknas.");
	assert_null(fh_find(fh, NULL, FH_TABLE, "Förändring från"));
	t = table(fh, "Beviljade och nyttjade platser");
	assert_int_equal(t->nrows, 1);
	FH_ASSERT_STR(fh_lookup(t, "2018", "Nyttjandegrad"), "66,7" NBSP "%");
	/* Only the 2018 census disagrees; the period totals are not checked. */
	t = findings(fh);
	assert_int_equal(t->nrows, 1);
	assert_finding(t, "2018:", "census.placed.total", "244", "243", "+1");
	FH_ASSERT_LACKS(fh, "stated.outreach.reached");
	FH_ASSERT_LACKS(fh, "sammanställda uppgiften");
	FH_ASSERT_CONTAINS(fh, "Antagna policyer och handlingsplaner: 1 (Bollnäs 2018).");
}

static void english(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	fh_set_lang(fh, "en");
	FH_RUN_OK(fh, "analysis");
	assert_non_null(fh_find(fh, NULL, FH_HEADING, "Change over time"));
	assert_non_null(fh_find(fh, NULL, FH_HEADING, "Stated totals and the sum of their parts"));
	FH_ASSERT_CONTAINS(fh, "The number of registered companies decreased from 34 in 2016 to 28 "
	                       "in 2020 (" MINUS "6, " MINUS "17.6%).");
	FH_ASSERT_CONTAINS(fh, "In all, 11 of 23 places granted were used, a utilisation rate of "
	                       "47.8%.");
	FH_ASSERT_CONTAINS(fh, "The organisation's assessment: partly achieved.");
	FH_ASSERT_CONTAINS(fh, "Of 31 checked totals, 6 differ from the sum of their parts.");
	t = findings(fh);
	FH_ASSERT_STR(t->header[1], "Stated total");
	assert_finding(t, "2016–2020", "stated.outreach.reached in the report definition", "1,257",
	               "1,275", MINUS "18");
	FH_ASSERT_LACKS(fh, "Förbundets");
	FH_ASSERT_LACKS(fh, "kontrollerade");
}

/* --------------------------------------------------------- small datasets */

static void consistent_dataset(void **state)
{
	fakehost *fh = *state;

	load_small(fh, 1);
	FH_RUN_OK(fh, "analysis");
	FH_ASSERT_CONTAINS(fh, "Samtliga 14 kontrollerade summor stämmer med summan av sina delar; "
	                       "ingen angiven summa skiljer sig.");
	assert_null(findings(fh));
	/* Evidence from the milestones tagged with the objective. */
	FH_ASSERT_CONTAINS(fh, "Milstolpar kopplade till målet: 2 (1 utbildning och 1 policy).");
	FH_ASSERT_CONTAINS(fh, "Utbildningsinsatser: 1, med sammanlagt 12 deltagare");
	FH_ASSERT_CONTAINS(fh, "Antagna policyer och handlingsplaner: 1 (Gävle 2021).");
	FH_ASSERT_CONTAINS(fh, "**Mål 2: Bygga strukturer.** Förbundets bedömning: inte bedömt. "
	                       "Går inte att bedöma.");
	FH_ASSERT_CONTAINS(fh, "Inga milstolpar är kopplade till målet.");
	FH_ASSERT_CONTAINS(fh, "Antalet registrerade företag ökade från 5 år 2021 till 6 år 2022 "
	                       "(+1, +20,0" NBSP "%).");
}

static void inconsistent_dataset(void **state)
{
	fakehost *fh = *state;
	const fh_block *t;

	load_small(fh, 0);
	FH_RUN_OK(fh, "analysis");
	t = findings(fh);
	assert_non_null(t);
	assert_int_equal(t->nrows, 7);
	assert_finding(t, "2021:", "census.employees.total i årsfilen för 2021) mot kvinnor + män",
	               "11", "10", "+1");
	assert_finding(t, "2021:", "census.companies i årsfilen för 2021", "5", "4", "+1");
	assert_finding(t, "2021, Gävle:", "placements[0].used i årsfilen för 2021", "3", "2", "+1");
	assert_finding(t, "2021:", "stated.placements.granted", "6", "5", "+1");
	assert_finding(t, "utfallet ”vidare till arbete” enligt",
	               "summan av utfallen per beviljande", "2", "1", "+1");
	assert_finding(t, "utfallet ”vidare till arbete” för män", "2021", "2", "1", "+1");
	assert_finding(t, "utfallet ”vidare till arbete” i Gävle",
	               "utfallen per beviljande i Gävle", "2", "1", "+1");
	FH_ASSERT_CONTAINS(fh,
	                   "Av 14 kontrollerade summor skiljer sig 7 från summan av sina delar.");
}

/* An outcome without a count is not summed: nothing is assumed. */
static void uncounted_outcome_not_compared(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_set_report_json(fh, "{\"objectives\": [], \"stated\": {\"placements\":"
	                                        " {\"first\": 2021, \"last\": 2021, \"granted\": 2,"
	                                        " \"used\": 1, \"outcomes\": [{\"result\":"
	                                        " \"forlangning\", \"count\": 1}]}}}"),
	                 0);
	assert_int_equal(fh_add_year_json(fh,
	                                  "{\"year\": 2021, \"placements\": [{\"municipality\":"
	                                  " \"Gävle\", \"granted\": 2, \"used\": 1, \"outcomes\":"
	                                  " [{\"result\": \"forlangning\"}]}]}"),
	                 0);
	FH_RUN_OK(fh, "analysis");
	FH_ASSERT_CONTAINS(fh, "Samtliga 2 kontrollerade summor stämmer");
}

static void nothing_to_check(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_set_report_json(fh, "{\"objectives\": []}"), 0);
	assert_int_equal(fh_add_year_json(fh, "{\"year\": 2021}"), 0);
	FH_RUN_OK(fh, "analysis");
	FH_ASSERT_CONTAINS(fh, "Det finns inga angivna summor att kontrollera för rapportens år.");
	FH_ASSERT_CONTAINS(fh, "Inga individuella placeringar beviljades");
}

static void bad_values(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(
	        fh_set_report_json(fh, "{\"objectives\": [{\"id\": \"k\", \"text\": \"T\","
	                               " \"assessment\": \"kanske\"}, 3],"
	                               " \"stated\": {\"outreach\": {\"reached\": \"1257\"}}}"),
	        0);
	assert_int_equal(fh_add_year_json(fh,
	                                  "{\"year\": 2021, \"outreach\": {\"reached\": 1,"
	                                  " \"milestones\": [{\"kind\": \"film\", \"objectives\":"
	                                  " [\"x\"], \"figures\": {\"deltagare\": 2.5},"
	                                  " \"text\": \"t\"}]},"
	                                  " \"census\": {\"companies\": -1, \"employees\":"
	                                  " {\"total\": 1, \"women\": 1, \"men\": 0}, \"placed\":"
	                                  " {\"total\": 0, \"arbetsformedlingen\": 0, \"kommun\":"
	                                  " 0, \"ovriga\": 0}},"
	                                  " \"placements\": [{\"municipality\": \"G\", \"granted\":"
	                                  " 1, \"used\": 1, \"outcomes\": [{\"result\": \"ater\","
	                                  " \"gender\": \"barn\"}]}]}"),
	                 0);
	assert_int_equal(fh_run(fh, "analysis"), RAPPORT_FAIL);
	assert_true(fh_error_contains(fh, "report.json: objectives[0].assessment: unknown value"));
	assert_true(fh_error_contains(fh, "report.json: objectives[1]: expected an object"));
	assert_true(
	        fh_error_contains(fh, "report.json: stated.outreach.reached: expected a whole"));
	assert_true(fh_error_contains(fh, "2021.json: outreach.milestones[0].objectives[0]: no "
	                                  "objective with id \"x\""));
	assert_true(fh_error_contains(fh, "outreach.milestones[0].figures.deltagare: expected a "
	                                  "whole number"));
	assert_true(fh_error_contains(fh, "2021.json: census.companies: expected a whole number"));
	assert_true(fh_error_contains(fh, "found -1"));
	assert_true(
	        fh_error_contains(fh, "placements[0].outcomes[0].gender: unknown value \"barn\""));
	assert_int_equal(fh_error_count(fh), 7);
	assert_int_equal(fh_block_count(fh), 0);
	assert_int_equal(fh_violation_count(fh), 0);
}

static void missing_objectives(void **state)
{
	fakehost *fh = *state;

	assert_int_equal(fh_set_report_json(fh, "{}"), 0);
	assert_int_equal(fh_add_year_json(fh, "{\"year\": 2021, \"placements\": {}}"), 0);
	assert_int_equal(fh_run(fh, "analysis"), RAPPORT_FAIL);
	assert_true(fh_error_contains(fh, "objectives: expected an array"));
	assert_true(fh_error_contains(fh, "2021.json: placements: expected an array"));
	assert_int_equal(fh_error_count(fh), 2);
}

/* Every label has both languages; every kind, result and assessment has
 * the labels the plugin builds from it. */
static void labels_complete(void **state)
{
	const char *const *lists[] = {kinds, kinds, results, assessments};
	const char *const fmts[] = {"kind_%s_one", "kind_%s_other", "res_%s", "assess_%s"};
	const rapport_label *l;
	size_t i, j;

	(void)state;
	for (l = analysis_labels; l->key != NULL; l++) {
		assert_non_null(l->sv);
		assert_non_null(l->en);
	}
	for (i = 0; i < 4; i++) {
		for (j = 0; lists[i][j] != NULL; j++) {
			char key[64];
			snprintf(key, sizeof key, fmts[i], lists[i][j]);
			for (l = analysis_labels; l->key != NULL && strcmp(l->key, key) != 0; l++)
				;
			if (l->key == NULL)
				fail_msg("no label %s", key);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(change_over_time, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(utilisation, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(objectives, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(consistency_findings, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(single_year, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(english, setup_report, teardown),
	        cmocka_unit_test_setup_teardown(consistent_dataset, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(inconsistent_dataset, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(uncounted_outcome_not_compared, setup_empty,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(nothing_to_check, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(bad_values, setup_empty, teardown),
	        cmocka_unit_test_setup_teardown(missing_objectives, setup_empty, teardown),
	        cmocka_unit_test(labels_complete),
	};

	return cmocka_run_group_tests_name("analysis", tests, NULL, NULL);
}
