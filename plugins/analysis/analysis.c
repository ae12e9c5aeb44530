/*
 * analysis.c - the "analysis" section: findings computed from the data, in
 * sentences generated from the data (Swedish, or English with lang "en").
 *
 * Four subsections, each a level-1 heading:
 *   1. Change over time: companies, employees, people placed and people
 *      reached, first against last year of the build (absolute and %).
 *   2. Utilisation of the individual placements (used/granted), overall and
 *      per year.
 *   3. Objectives: the indicators of the initiative as a whole (people
 *      reached, utilisation), then each objective of the report definition
 *      with its assessment and the evidence from the milestones tagged with
 *      it: milestones by kind, trainings and participants, policies and
 *      action plans adopted, municipalities with partnership groups.
 *   4. Consistency: every stated total compared with the sum of its parts;
 *      the ones that differ in a table (where, stated, sum of parts,
 *      difference), or a sentence saying that none differs.
 */
#include <stdlib.h>
#include <string.h>

#include <rapport/plugin.h>

#define COUNT_MAX 1000000000L /* largest count accepted in the data */
#define MAX_NAMES 64          /* distinct municipalities listed per objective */
#define NRESULTS  4

static const char *const kinds[] = {
        "konferens", "temadag",       "frukostmote", "seminarium", "utbildning",  "samverkansgrupp",
        "policy",    "handlingsplan", "pris",        "film",       "podd",        "projekt",
        "forstudie", "rekrytering",   "forankring",  "granskning", "upphandling", "publikation",
        "natverk",   "bemanning",     "omvarld",     NULL,
};
static const char *const results[] = {"arbete", "arbetsformedlingen", "ater", "forlangning", NULL};
static const char *const genders[] = {"kvinna", "man", NULL};
static const char *const assessments[] = {"uppfyllt", "delvis", "ej", "ej-bedomt", NULL};

static const rapport_label analysis_labels[] = {
        {"h_change", "Förändring över tid", "Change over time"},
        {"h_utilisation", "Nyttjande av individuella placeringar", "Use of individual placements"},
        {"h_objectives", "Måluppfyllelse", "Achievement of objectives"},
        {"h_consistency", "Angivna summor och summan av delarna",
         "Stated totals and the sum of their parts"},
        {"none", "–", "–"},
        {"col_measure", "Mått", "Measure"},
        {"col_change", "Förändring", "Change"},
        {"col_change_pct", "Förändring (%)", "Change (%)"},
        {"col_year", "År", "Year"},
        {"col_granted", "Beviljade", "Granted"},
        {"col_used", "Nyttjade", "Used"},
        {"col_rate", "Nyttjandegrad", "Utilisation"},
        {"col_where", "Var", "Where"},
        {"col_stated", "Angiven summa", "Stated total"},
        {"col_parts", "Summa av delarna", "Sum of the parts"},
        {"col_diff", "Differens", "Difference"},
        {"row_total", "Totalt", "Total"},
        {"cap_change", "Förändring från %s till %s", "Change from %s to %s"},
        {"cap_utilisation", "Beviljade och nyttjade platser per år",
         "Places granted and used per year"},
        {"cap_consistency", "Angivna summor som skiljer sig från summan av delarna",
         "Stated totals that differ from the sum of their parts"},
        {"m_companies", "Registrerade företag", "Registered companies"},
        {"m_employees", "Anställda i företagen", "Employees of the companies"},
        {"m_placed", "Personer placerade i företagen", "People placed in the companies"},
        {"m_reached", "Personer som fått information", "People informed"},
        {"what_companies", "Antalet registrerade företag", "The number of registered companies"},
        {"what_employees", "Antalet anställda i företagen",
         "The number of employees of the companies"},
        {"what_placed", "Antalet personer placerade i företagen",
         "The number of people placed in the companies"},
        {"what_reached", "Antalet personer i målgruppen som fått information",
         "The number of people in the target group who were informed"},
        {"verb_up", "ökade", "increased"},
        {"verb_down", "minskade", "decreased"},
        /* Templates: printf formats whose arguments are all strings (%s). */
        {"range", "%s–%s", "%s–%s"},
        {"and", " och ", " and "},
        {"count_noun", "%s %s", "%s %s"},
        {"quote", "”%s”", "“%s”"},
        {"s_change", "%s %s från %s år %s till %s år %s (%s, %s).",
         "%s %s from %s in %s to %s in %s (%s, %s)."},
        {"s_change_nopct", "%s %s från %s år %s till %s år %s (%s).",
         "%s %s from %s in %s to %s in %s (%s)."},
        {"s_same", "%s var detsamma år %s som år %s: %s.", "%s was the same in %s as in %s: %s."},
        {"s_one_year", "Rapporten omfattar bara %s, så ingen förändring över tid kan beräknas.",
         "The report covers %s only, so no change over time can be computed."},
        {"s_rate_total", "Totalt nyttjades %s av %s beviljade platser, en nyttjandegrad på %s.",
         "In all, %s of %s places granted were used, a utilisation rate of %s."},
        {"s_rate_range", "Nyttjandegraden var högst %s (%s) och lägst %s (%s).",
         "The utilisation rate was highest in %s (%s) and lowest in %s (%s)."},
        {"s_no_placements", "Inga individuella placeringar beviljades under rapportens år.",
         "No individual placements were granted in the years of this report."},
        {"s_overall",
         "Underlag för insatsen som helhet:", "Evidence for the initiative as a whole:"},
        {"e_reached", "Personer i målgruppen som fått information %s: %s enligt årens uppgifter.",
         "People in the target group informed %s: %s according to the yearly figures."},
        {"e_reached_stated",
         "Personer i målgruppen som fått information %s: %s enligt årens "
         "uppgifter och %s enligt den sammanställda uppgiften.",
         "People in the target group informed %s: %s according to the yearly figures and %s "
         "according to the compiled figure."},
        {"e_rate",
         "Nyttjandegrad för individuella placeringar %s: %s (%s av %s beviljade platser).",
         "Utilisation of individual placements %s: %s (%s of %s places granted)."},
        {"s_objective", "**Mål %s: %s** Förbundets bedömning: %s.",
         "**Objective %s: %s** The organisation's assessment: %s."},
        {"e_milestones", "Milstolpar kopplade till målet: %s (%s).",
         "Milestones linked to the objective: %s (%s)."},
        {"e_no_milestones", "Inga milstolpar är kopplade till målet.",
         "No milestones are linked to the objective."},
        {"e_trainings", "Utbildningsinsatser: %s, med sammanlagt %s deltagare enligt uppgifterna.",
         "Training efforts: %s, with %s participants in all according to the figures."},
        {"e_trainings_nofig", "Utbildningsinsatser: %s.", "Training efforts: %s."},
        {"e_policies", "Antagna policyer och handlingsplaner: %s (%s).",
         "Policies and action plans adopted: %s (%s)."},
        {"e_groups", "Kommuner med lokala samverkansgrupper: %s (%s).",
         "Municipalities with local partnership groups: %s (%s)."},
        {"s_consistent",
         "Samtliga %s stämmer med summan av sina delar; ingen angiven summa skiljer sig.",
         "All %s agree with the sum of their parts; no stated total differs."},
        {"s_inconsistent",
         "Av %s skiljer sig %s från summan av sina delar. Differensen i tabellen är "
         "den angivna summan minus summan av delarna.",
         "Of %s, %s differ from the sum of their parts. The difference in the table is the "
         "stated total minus the sum of the parts."},
        {"s_nothing_checked", "Det finns inga angivna summor att kontrollera för rapportens år.",
         "There are no stated totals to check for the years of this report."},
        {"checked_one", "kontrollerad summa", "checked total"},
        {"checked_other", "kontrollerade summor", "checked totals"},
        {"w_placed",
         "%s: personer placerade i företagen, totalt (census.placed.total i årsfilen för "
         "%s) mot Arbetsförmedlingen + kommun + övriga",
         "%s: people placed in the companies, total (census.placed.total in the %s year file) "
         "against Employment Service + municipality + others"},
        {"w_employees",
         "%s: anställda totalt (census.employees.total i årsfilen för %s) mot kvinnor "
         "+ män",
         "%s: employees, total (census.employees.total in the %s year file) against women + men"},
        {"w_regions",
         "%s: registrerade företag (census.companies i årsfilen för %s) mot summan av "
         "regionerna (census.regions)",
         "%s: registered companies (census.companies in the %s year file) against the sum of the "
         "regions (census.regions)"},
        {"w_used",
         "%s, %s: nyttjade platser (placements[%s].used i årsfilen för %s) mot kvinnor + män",
         "%s, %s: places used (placements[%s].used in the %s year file) against women + men"},
        {"w_reached",
         "%s: personer som fått information enligt den sammanställda uppgiften "
         "(stated.outreach.reached i rapportdefinitionen) mot summan av årens outreach.reached",
         "%s: people informed according to the compiled figure (stated.outreach.reached in the "
         "report definition) against the sum of the yearly outreach.reached"},
        {"w_granted",
         "%s: beviljade platser enligt sammanställningen (stated.placements.granted i "
         "rapportdefinitionen) mot summan av placements[].granted",
         "%s: places granted according to the summary (stated.placements.granted in the report "
         "definition) against the sum of placements[].granted"},
        {"w_used_total",
         "%s: nyttjade platser enligt sammanställningen (stated.placements.used i "
         "rapportdefinitionen) mot summan av placements[].used",
         "%s: places used according to the summary (stated.placements.used in the report "
         "definition) against the sum of placements[].used"},
        {"w_outcome",
         "%s: utfallet %s enligt sammanställningen (stated.placements.outcomes i "
         "rapportdefinitionen) mot summan av utfallen per beviljande (placements[].outcomes)",
         "%s: the outcome %s according to the summary (stated.placements.outcomes in the report "
         "definition) against the sum of the outcomes per grant (placements[].outcomes)"},
        {"w_outcome_gender",
         "%s: utfallet %s för %s enligt sammanställningen "
         "(stated.placements.outcomes i rapportdefinitionen) mot utfallen per beviljande "
         "(placements[].outcomes)",
         "%s: the outcome %s for %s according to the summary (stated.placements.outcomes in the "
         "report definition) against the outcomes per grant (placements[].outcomes)"},
        {"w_outcome_muni",
         "%s: utfallet %s i %s enligt sammanställningen (stated.placements.outcomes "
         "i rapportdefinitionen) mot utfallen per beviljande i %s (placements[].outcomes)",
         "%s: the outcome %s in %s according to the summary (stated.placements.outcomes in the "
         "report definition) against the outcomes per grant in %s (placements[].outcomes)"},
        {"assess_uppfyllt", "uppfyllt", "achieved"},
        {"assess_delvis", "delvis uppfyllt", "partly achieved"},
        {"assess_ej", "inte uppfyllt", "not achieved"},
        {"assess_ej-bedomt", "inte bedömt", "not assessed"},
        {"res_arbete", "vidare till arbete", "went on to work"},
        {"res_arbetsformedlingen", "vidare till Arbetsförmedlingen",
         "referred on to the Public Employment Service"},
        {"res_ater", "åter i offentlig försörjning", "back to public support"},
        {"res_forlangning", "förlängning av insatsen", "placement extended"},
        {"gender_kvinna", "kvinnor", "women"},
        {"gender_man", "män", "men"},
        {"milestone_one", "milstolpe", "milestone"},
        {"milestone_other", "milstolpar", "milestones"},
        {"kind_konferens_one", "konferens", "conference"},
        {"kind_konferens_other", "konferenser", "conferences"},
        {"kind_temadag_one", "temadag", "theme day"},
        {"kind_temadag_other", "temadagar", "theme days"},
        {"kind_frukostmote_one", "frukostmöte", "breakfast meeting"},
        {"kind_frukostmote_other", "frukostmöten", "breakfast meetings"},
        {"kind_seminarium_one", "seminarium", "seminar"},
        {"kind_seminarium_other", "seminarier", "seminars"},
        {"kind_utbildning_one", "utbildning", "training effort"},
        {"kind_utbildning_other", "utbildningar", "training efforts"},
        {"kind_samverkansgrupp_one", "samverkansgrupp", "partnership group"},
        {"kind_samverkansgrupp_other", "samverkansgrupper", "partnership groups"},
        {"kind_policy_one", "policy", "policy"},
        {"kind_policy_other", "policyer", "policies"},
        {"kind_handlingsplan_one", "handlingsplan", "action plan"},
        {"kind_handlingsplan_other", "handlingsplaner", "action plans"},
        {"kind_pris_one", "pris", "award"},
        {"kind_pris_other", "priser", "awards"},
        {"kind_film_one", "film", "film"},
        {"kind_film_other", "filmer", "films"},
        {"kind_podd_one", "podd", "podcast"},
        {"kind_podd_other", "poddar", "podcasts"},
        {"kind_projekt_one", "projekt", "project"},
        {"kind_projekt_other", "projekt", "projects"},
        {"kind_forstudie_one", "förstudie", "feasibility study"},
        {"kind_forstudie_other", "förstudier", "feasibility studies"},
        {"kind_rekrytering_one", "rekrytering", "recruitment"},
        {"kind_rekrytering_other", "rekryteringar", "recruitments"},
        {"kind_forankring_one", "förankringsinsats", "briefing round"},
        {"kind_forankring_other", "förankringsinsatser", "briefing rounds"},
        {"kind_granskning_one", "granskning", "audit"},
        {"kind_granskning_other", "granskningar", "audits"},
        {"kind_upphandling_one", "upphandling", "procurement"},
        {"kind_upphandling_other", "upphandlingar", "procurements"},
        {"kind_publikation_one", "publikation", "publication"},
        {"kind_publikation_other", "publikationer", "publications"},
        {"kind_natverk_one", "nätverk", "network"},
        {"kind_natverk_other", "nätverk", "networks"},
        {"kind_bemanning_one", "bemanningsändring", "staffing change"},
        {"kind_bemanning_other", "bemanningsändringar", "staffing changes"},
        {"kind_omvarld_one", "omvärldshändelse", "outside event"},
        {"kind_omvarld_other", "omvärldshändelser", "outside events"},
        {NULL, NULL, NULL},
};

/* ============================================================ validation */

static int is_missing(const rapport_host *h, const rapport_node *obj, const char *key)
{
	return h->kind(h->get(obj, key)) == RAPPORT_MISSING;
}

/* Index of s in a NULL-terminated list, or -1. */
static int find(const char *const *list, const char *s)
{
	int i;

	for (i = 0; s != NULL && list[i] != NULL; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

/* Each of keys[0..n) must be a count; returns the number of failures. */
static int need_counts(const rapport_host *h, rapport_ctx *ctx, const rapport_node *obj,
                       const char *const *keys, size_t n, int optional)
{
	int bad = 0;
	size_t i;
	long v;

	for (i = 0; i < n; i++) {
		if (optional && is_missing(h, obj, keys[i]))
			continue;
		bad += h->need_int(ctx, obj, keys[i], 0, COUNT_MAX, &v) != RAPPORT_OK;
	}
	return bad;
}

/* A string member (optional unless required) from a list of allowed values;
 * allowed NULL: any string.  Returns 1 on a problem. */
static int check_string(const rapport_host *h, rapport_ctx *ctx, const rapport_node *obj,
                        const char *key, const char *const *allowed, int required)
{
	const char *s;

	if (!required && is_missing(h, obj, key))
		return 0;
	if (h->need_string(ctx, obj, key, &s) != RAPPORT_OK)
		return 1;
	if (allowed != NULL && find(allowed, s) < 0) {
		h->error(ctx, h->get(obj, key), "unknown value \"%s\"", s);
		return 1;
	}
	return 0;
}

/* An optional array whose elements must all be of `kind`; returns failures. */
static int check_array_of(const rapport_host *h, rapport_ctx *ctx, const rapport_node *obj,
                          const char *key, int kind)
{
	const rapport_node *arr;
	int bad = 0;
	size_t i;

	if (is_missing(h, obj, key))
		return 0;
	if (h->need_array(ctx, obj, key, &arr) != RAPPORT_OK)
		return 1;
	for (i = 0; i < h->length(arr); i++) {
		if (h->kind(h->at(arr, i)) != kind) {
			h->error(ctx, h->at(arr, i), "expected %s",
			         kind == RAPPORT_STRING ? "a string" : "an object");
			bad++;
		}
	}
	return bad;
}

static int check_objectives(const rapport_host *h, rapport_ctx *ctx)
{
	const rapport_node *objs = h->report(ctx, "objectives");
	int bad = 0;
	size_t i;

	if (h->kind(objs) != RAPPORT_ARRAY) {
		h->error(ctx, objs, "objectives: expected an array in the report definition");
		return 1;
	}
	for (i = 0; i < h->length(objs); i++) {
		const rapport_node *o = h->at(objs, i);
		if (h->kind(o) != RAPPORT_OBJECT) {
			h->error(ctx, o, "expected an object");
			bad++;
			continue;
		}
		bad += check_string(h, ctx, o, "id", NULL, 1);
		bad += check_string(h, ctx, o, "text", NULL, 1);
		bad += check_string(h, ctx, o, "assessment", assessments, 1);
		bad += check_string(h, ctx, o, "comment", NULL, 0);
	}
	return bad;
}

/* Is id the id of an objective of the report definition? */
static int objective_exists(const rapport_host *h, rapport_ctx *ctx, const char *id)
{
	const rapport_node *objs = h->report(ctx, "objectives");
	size_t i;

	for (i = 0; i < h->length(objs); i++)
		if (strcmp(h->string(h->get(h->at(objs, i), "id"), ""), id) == 0)
			return 1;
	return 0;
}

/* Outcomes of a grant or of stated.placements; returns failures. */
static int check_outcomes(const rapport_host *h, rapport_ctx *ctx, const rapport_node *obj)
{
	static const char *const count[] = {"count"};
	const rapport_node *arr = h->get(obj, "outcomes");
	int bad = check_array_of(h, ctx, obj, "outcomes", RAPPORT_OBJECT);
	size_t i;

	if (bad > 0)
		return bad;
	for (i = 0; i < h->length(arr); i++) {
		const rapport_node *o = h->at(arr, i);
		bad += check_string(h, ctx, o, "result", results, 1);
		bad += need_counts(h, ctx, o, count, 1, 1);
		bad += check_string(h, ctx, o, "gender", genders, 0);
		bad += check_string(h, ctx, o, "municipality", NULL, 0);
	}
	return bad;
}

static int check_stated(const rapport_host *h, rapport_ctx *ctx)
{
	static const char *const reached[] = {"reached"};
	static const char *const counts[] = {"granted", "used"};
	static const char *const opt[] = {"unique_individuals", "months_per_placement"};
	const rapport_node *stated = h->report(ctx, "stated"), *o;
	int bad = 0;
	long first = 1900, v;

	if (h->kind(stated) != RAPPORT_OBJECT)
		return 0;
	if (!is_missing(h, stated, "outreach")) {
		if (h->need_object(ctx, stated, "outreach", &o) != RAPPORT_OK)
			bad++;
		else
			bad += need_counts(h, ctx, o, reached, 1, 0);
	}
	if (is_missing(h, stated, "placements"))
		return bad;
	if (h->need_object(ctx, stated, "placements", &o) != RAPPORT_OK)
		return bad + 1;
	bad += h->need_int(ctx, o, "first", 1900, 2999, &first) != RAPPORT_OK;
	bad += h->need_int(ctx, o, "last", first, 2999, &v) != RAPPORT_OK;
	bad += need_counts(h, ctx, o, counts, 2, 0);
	bad += need_counts(h, ctx, o, opt, 2, 1);
	return bad + check_outcomes(h, ctx, o);
}

static int check_census(const rapport_host *h, rapport_ctx *ctx, const rapport_node *c)
{
	static const char *const companies[] = {"companies"};
	static const char *const emp[] = {"total", "women", "men"};
	static const char *const placed[] = {"total", "arbetsformedlingen", "kommun", "ovriga"};
	const rapport_node *o;
	int bad = need_counts(h, ctx, c, companies, 1, 0);
	size_t i;

	if (h->need_object(ctx, c, "employees", &o) == RAPPORT_OK)
		bad += need_counts(h, ctx, o, emp, 3, 0);
	else
		bad++;
	if (h->need_object(ctx, c, "placed", &o) == RAPPORT_OK)
		bad += need_counts(h, ctx, o, placed, 4, 0);
	else
		bad++;
	if (is_missing(h, c, "regions"))
		return bad;
	if (h->need_object(ctx, c, "regions", &o) != RAPPORT_OK)
		return bad + 1;
	for (i = 0; i < h->length(o); i++) {
		const char *key = h->key_at(o, i);
		bad += need_counts(h, ctx, o, &key, 1, 0);
	}
	return bad;
}

/* A milestone: kind, objectives (ids of the definition), figures (counts),
 * municipalities and place. */
static int check_milestone(const rapport_host *h, rapport_ctx *ctx, const rapport_node *m)
{
	const rapport_node *ids = h->get(m, "objectives"), *figs;
	int bad = check_string(h, ctx, m, "kind", kinds, 1);
	size_t i;

	bad += check_string(h, ctx, m, "place", NULL, 0);
	bad += check_array_of(h, ctx, m, "municipalities", RAPPORT_STRING);
	bad += check_array_of(h, ctx, m, "objectives", RAPPORT_STRING);
	for (i = 0; h->kind(ids) == RAPPORT_ARRAY && i < h->length(ids); i++) {
		const char *id = h->string(h->at(ids, i), NULL);
		if (id != NULL && !objective_exists(h, ctx, id)) {
			h->error(ctx, h->at(ids, i),
			         "no objective with id \"%s\" in the report definition", id);
			bad++;
		}
	}
	if (is_missing(h, m, "figures"))
		return bad;
	if (h->need_object(ctx, m, "figures", &figs) != RAPPORT_OK)
		return bad + 1;
	for (i = 0; i < h->length(figs); i++) {
		const char *key = h->key_at(figs, i);
		bad += need_counts(h, ctx, figs, &key, 1, 0);
	}
	return bad;
}

static int check_outreach(const rapport_host *h, rapport_ctx *ctx, const rapport_node *o)
{
	static const char *const reached[] = {"reached"};
	const rapport_node *ms;
	int bad = need_counts(h, ctx, o, reached, 1, 0);
	size_t i;

	if (h->need_array(ctx, o, "milestones", &ms) != RAPPORT_OK)
		return bad + 1;
	for (i = 0; i < h->length(ms); i++) {
		if (h->kind(h->at(ms, i)) != RAPPORT_OBJECT) {
			h->error(ctx, h->at(ms, i), "expected an object");
			bad++;
		} else {
			bad += check_milestone(h, ctx, h->at(ms, i));
		}
	}
	return bad;
}

static int check_grant(const rapport_host *h, rapport_ctx *ctx, const rapport_node *g)
{
	static const char *const counts[] = {"granted", "used"};
	static const char *const opt[] = {"women", "men"};
	int bad;

	if (h->kind(g) != RAPPORT_OBJECT) {
		h->error(ctx, g, "expected an object");
		return 1;
	}
	bad = check_string(h, ctx, g, "municipality", NULL, 1);
	bad += need_counts(h, ctx, g, counts, 2, 0);
	bad += need_counts(h, ctx, g, opt, 2, 1);
	return bad + check_outcomes(h, ctx, g);
}

/* Checks a member of a year file that must be of `kind` when present. */
static int year_member(const rapport_host *h, rapport_ctx *ctx, const rapport_node *n, int kind)
{
	if (h->kind(n) == RAPPORT_MISSING || h->kind(n) == kind)
		return 0;
	h->error(ctx, n, "expected %s", kind == RAPPORT_ARRAY ? "an array" : "an object");
	return 1;
}

static int analysis_validate(const rapport_host *h, rapport_ctx *ctx)
{
	int bad = check_objectives(h, ctx) + check_stated(h, ctx);
	size_t i, j;

	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *c = h->year_data(ctx, i, "census");
		const rapport_node *o = h->year_data(ctx, i, "outreach");
		const rapport_node *p = h->year_data(ctx, i, "placements");
		int b = year_member(h, ctx, c, RAPPORT_OBJECT);
		b += year_member(h, ctx, o, RAPPORT_OBJECT);
		b += year_member(h, ctx, p, RAPPORT_ARRAY);
		bad += b;
		if (b > 0)
			continue;
		if (h->kind(c) == RAPPORT_OBJECT)
			bad += check_census(h, ctx, c);
		if (h->kind(o) == RAPPORT_OBJECT)
			bad += check_outreach(h, ctx, o);
		for (j = 0; j < h->length(p); j++)
			bad += check_grant(h, ctx, h->at(p, j));
	}
	return bad ? RAPPORT_FAIL : RAPPORT_OK;
}

/* ============================================================= helpers */

static long get_long(const rapport_host *h, const rapport_node *obj, const char *key)
{
	return (long)h->number(h->get(obj, key), 0);
}

static const char *year_str(const rapport_host *h, rapport_ctx *ctx, long year)
{
	return h->fmt(ctx, "%ld", year);
}

static const char *year_range(const rapport_host *h, rapport_ctx *ctx, long first, long last)
{
	if (first == last)
		return year_str(h, ctx, first);
	return h->fmt(ctx, h->label(ctx, "range"), year_str(h, ctx, first), year_str(h, ctx, last));
}

/* "4 konferenser": n and the noun `key`_one or `key`_other. */
static const char *count_noun(const rapport_host *h, rapport_ctx *ctx, long n, const char *key)
{
	const char *noun = h->label(ctx, h->fmt(ctx, "%s_%s", key, n == 1 ? "one" : "other"));
	return h->fmt(ctx, h->label(ctx, "count_noun"), h->fmt_int(ctx, n), noun);
}

/* Adds item to a joined list: "a", "a, b", and "a, b och c" once last. */
static const char *join_add(const rapport_host *h, rapport_ctx *ctx, const char *acc,
                            const char *item, int last)
{
	if (acc[0] == '\0')
		return item;
	return h->fmt(ctx, "%s%s%s", acc, last ? h->label(ctx, "and") : ", ", item);
}

static const char *rate(const rapport_host *h, rapport_ctx *ctx, long used, long granted)
{
	return h->fmt_percent(ctx, 100.0 * (double)used / (double)granted, 1);
}

/* Sums of granted and used over one year's grants. */
static void year_sums(const rapport_host *h, const rapport_node *arr, long *granted, long *used)
{
	size_t j;

	*granted = *used = 0;
	for (j = 0; j < h->length(arr); j++) {
		*granted += get_long(h, h->at(arr, j), "granted");
		*used += get_long(h, h->at(arr, j), "used");
	}
}

/* ===================================================== 1. change over time */

enum { M_COMPANIES, M_EMPLOYEES, M_PLACED, M_REACHED, NMEASURES };
static const char *const measure_keys[] = {"companies", "employees", "placed", "reached"};

/* Measure m in the i-th year of the build; 0 when the year lacks it. */
static int measure(const rapport_host *h, rapport_ctx *ctx, size_t i, int m, long *out)
{
	const rapport_node *c = h->year_data(ctx, i, "census"), *n;

	if (m == M_COMPANIES)
		n = h->get(c, "companies");
	else if (m == M_EMPLOYEES)
		n = h->get(h->get(c, "employees"), "total");
	else if (m == M_PLACED)
		n = h->get(h->get(c, "placed"), "total");
	else
		n = h->get(h->year_data(ctx, i, "outreach"), "reached");
	if (h->kind(n) != RAPPORT_NUMBER)
		return 0;
	*out = (long)h->number(n, 0);
	return 1;
}

/* One sentence on how measure `what_key` changed from a (year y0) to b (y1). */
static const char *change_sentence(const rapport_host *h, rapport_ctx *ctx, const char *what_key,
                                   long y0, long a, long y1, long b)
{
	const char *what = h->label(ctx, what_key);
	const char *verb = h->label(ctx, b > a ? "verb_up" : "verb_down");
	const char *diff = h->fmt_change(ctx, (double)(b - a), 0, 0);

	if (a == b)
		return h->fmt(ctx, h->label(ctx, "s_same"), what, year_str(h, ctx, y1),
		              year_str(h, ctx, y0), h->fmt_int(ctx, b));
	if (a == 0)
		return h->fmt(ctx, h->label(ctx, "s_change_nopct"), what, verb, h->fmt_int(ctx, a),
		              year_str(h, ctx, y0), h->fmt_int(ctx, b), year_str(h, ctx, y1), diff);
	return h->fmt(ctx, h->label(ctx, "s_change"), what, verb, h->fmt_int(ctx, a),
	              year_str(h, ctx, y0), h->fmt_int(ctx, b), year_str(h, ctx, y1), diff,
	              h->fmt_change(ctx, 100.0 * (double)(b - a) / (double)a, 1, 1));
}

/* The table of the measures in the first and last year of the build and a
 * sentence per measure; a single-year build gets one sentence saying so. */
static void emit_change(const rapport_host *h, rapport_ctx *ctx)
{
	size_t n = h->year_count(ctx), last = n - 1;
	long y0 = h->year(ctx, 0), y1 = h->year(ctx, last);
	const char *head[5], *row[5], *text = "";
	int m;

	h->heading(ctx, 1, h->label(ctx, "h_change"));
	if (n < 2) {
		h->paragraph(ctx, h->fmt(ctx, h->label(ctx, "s_one_year"), year_str(h, ctx, y0)));
		return;
	}
	head[0] = h->label(ctx, "col_measure");
	head[1] = year_str(h, ctx, y0);
	head[2] = year_str(h, ctx, y1);
	head[3] = h->label(ctx, "col_change");
	head[4] = h->label(ctx, "col_change_pct");
	h->table_begin(ctx, h->fmt(ctx, h->label(ctx, "cap_change"), head[1], head[2]), 5, head,
	               NULL);
	for (m = 0; m < NMEASURES; m++) {
		long a, b;
		int ok = measure(h, ctx, 0, m, &a) && measure(h, ctx, last, m, &b);
		row[0] = h->label(ctx, h->fmt(ctx, "m_%s", measure_keys[m]));
		row[1] = row[2] = row[3] = row[4] = h->label(ctx, "none");
		if (ok) {
			row[1] = h->fmt_int(ctx, a);
			row[2] = h->fmt_int(ctx, b);
			row[3] = h->fmt_change(ctx, (double)(b - a), 0, 0);
			if (a != 0)
				row[4] = h->fmt_change(ctx, 100.0 * (double)(b - a) / (double)a, 1,
				                       1);
			text = h->fmt(ctx, "%s%s%s", text, text[0] ? " " : "",
			              change_sentence(h, ctx,
			                              h->fmt(ctx, "what_%s", measure_keys[m]), y0,
			                              a, y1, b));
		}
		h->table_row(ctx, row, 0);
	}
	h->table_end(ctx);
	if (text[0] != '\0')
		h->paragraph(ctx, text);
}

/* ========================================================= 2. utilisation */

/* The table of places granted and used per year (a totals row when there is
 * more than one year) and the utilisation rate, overall and at its extremes. */
static void emit_utilisation(const rapport_host *h, rapport_ctx *ctx)
{
	const char *head[4], *row[4];
	long granted = 0, used = 0, g, u, best_y = 0, worst_y = 0;
	double best = -1.0, worst = 1e300;
	size_t i, nrates = 0, nrows = 0;

	h->heading(ctx, 1, h->label(ctx, "h_utilisation"));
	for (i = 0; i < h->year_count(ctx); i++) {
		year_sums(h, h->year_data(ctx, i, "placements"), &g, &u);
		granted += g;
		used += u;
	}
	if (granted == 0) {
		h->paragraph(ctx, h->label(ctx, "s_no_placements"));
		return;
	}
	head[0] = h->label(ctx, "col_year");
	head[1] = h->label(ctx, "col_granted");
	head[2] = h->label(ctx, "col_used");
	head[3] = h->label(ctx, "col_rate");
	h->table_begin(ctx, h->label(ctx, "cap_utilisation"), 4, head, NULL);
	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *arr = h->year_data(ctx, i, "placements");
		long y = h->year(ctx, i);
		if (h->length(arr) == 0)
			continue;
		year_sums(h, arr, &g, &u);
		nrows++;
		row[0] = year_str(h, ctx, y);
		row[1] = h->fmt_int(ctx, g);
		row[2] = h->fmt_int(ctx, u);
		row[3] = g > 0 ? rate(h, ctx, u, g) : h->label(ctx, "none");
		h->table_row(ctx, row, 0);
		if (g == 0)
			continue;
		nrates++;
		if ((double)u / (double)g > best) {
			best = (double)u / (double)g;
			best_y = y;
		}
		if ((double)u / (double)g < worst) {
			worst = (double)u / (double)g;
			worst_y = y;
		}
	}
	if (nrows > 1) {
		row[0] = h->label(ctx, "row_total");
		row[1] = h->fmt_int(ctx, granted);
		row[2] = h->fmt_int(ctx, used);
		row[3] = rate(h, ctx, used, granted);
		h->table_row(ctx, row, RAPPORT_ROW_TOTAL);
	}
	h->table_end(ctx);
	row[0] = h->fmt(ctx, h->label(ctx, "s_rate_total"), h->fmt_int(ctx, used),
	                h->fmt_int(ctx, granted), rate(h, ctx, used, granted));
	if (nrates > 1 && best_y != worst_y)
		row[0] = h->fmt(ctx, "%s %s", row[0],
		                h->fmt(ctx, h->label(ctx, "s_rate_range"), year_str(h, ctx, best_y),
		                       h->fmt_percent(ctx, 100.0 * best, 1),
		                       year_str(h, ctx, worst_y),
		                       h->fmt_percent(ctx, 100.0 * worst, 1)));
	h->paragraph(ctx, row[0]);
}

/* ========================================================== 3. objectives */

/* Evidence gathered from the milestones tagged with one objective. */
struct evidence {
	long by_kind[sizeof kinds / sizeof kinds[0]];
	long total, trainings, participants;
	int has_participants;
	long policies;
	const char *policy_list;
	const char *groups[MAX_NAMES];
	size_t ngroups;
};

/* Adds the municipalities of a partnership-group milestone to e->groups. */
static void add_groups(const rapport_host *h, struct evidence *e, const rapport_node *m)
{
	const rapport_node *ms = h->get(m, "municipalities");
	size_t i, j;

	for (i = 0; i < h->length(ms); i++) {
		const char *name = h->string(h->at(ms, i), "");
		for (j = 0; j < e->ngroups && strcmp(e->groups[j], name) != 0; j++)
			;
		if (j == e->ngroups && e->ngroups < MAX_NAMES)
			e->groups[e->ngroups++] = name;
	}
}

/* "Hudiksvall 2016": who adopted a policy milestone, and when. */
static const char *adopter(const rapport_host *h, rapport_ctx *ctx, const rapport_node *m, long y)
{
	const rapport_node *ms = h->get(m, "municipalities");
	const char *who = h->string(h->get(m, "place"), "");
	size_t i;

	if (h->length(ms) > 0) {
		who = "";
		for (i = 0; i < h->length(ms); i++)
			who = join_add(h, ctx, who, h->string(h->at(ms, i), ""),
			               i + 1 == h->length(ms));
	}
	return who[0] ? h->fmt(ctx, "%s %s", who, year_str(h, ctx, y)) : year_str(h, ctx, y);
}

/* Appends ", item" (or the first item) to the malloc'd list *buf of length
 * *len and capacity *cap: the adopters of a long period are joined in linear
 * time, not copied whole for each new one. */
static void list_append(char **buf, size_t *len, size_t *cap, const char *item)
{
	size_t add = strlen(item) + 2;
	if (*len + add + 1 > *cap) {
		size_t ncap = *cap ? *cap : 256;
		while (*len + add + 1 > ncap)
			ncap *= 2;
		char *nbuf = realloc(*buf, ncap);
		if (!nbuf)
			return; /* out of memory: the list stays as it is */
		*buf = nbuf;
		*cap = ncap;
	}
	if (*len) {
		memcpy(*buf + *len, ", ", 2);
		*len += 2;
	}
	memcpy(*buf + *len, item, add - 2);
	*len += add - 2;
	(*buf)[*len] = '\0';
}

/* A list of policy adopters being built for one objective. */
struct adopters {
	char *text;
	size_t len, cap;
};

/* Counts milestone m (of kind kinds[k], in year index i) as evidence e. */
static void add_evidence(const rapport_host *h, rapport_ctx *ctx, size_t i, const rapport_node *m,
                         int k, struct evidence *e, struct adopters *a)
{
	const char *kind = kinds[k];

	e->by_kind[k]++;
	e->total++;
	if (strcmp(kind, "utbildning") == 0) {
		const rapport_node *d = h->get(h->get(m, "figures"), "deltagare");
		e->trainings++;
		if (h->kind(d) == RAPPORT_NUMBER) {
			e->participants += (long)h->number(d, 0);
			e->has_participants = 1;
		}
	} else if (strcmp(kind, "policy") == 0 || strcmp(kind, "handlingsplan") == 0) {
		e->policies++;
		list_append(&a->text, &a->len, &a->cap, adopter(h, ctx, m, h->year(ctx, i)));
	} else if (strcmp(kind, "samverkansgrupp") == 0) {
		add_groups(h, e, m);
	}
}

/* Fills ev[0..n) from the milestones of the build, ev[o] from those tagged
 * with objective o's id: one pass over the milestones for all objectives
 * (a long period has tens of thousands). */
static void gather(const rapport_host *h, rapport_ctx *ctx, const rapport_node *objs,
                   struct evidence *ev, size_t n)
{
	struct adopters *a = calloc(n ? n : 1, sizeof(*a));
	unsigned char *seen = calloc(n ? n : 1, 1);
	size_t i, j, t, o;

	memset(ev, 0, n * sizeof(*ev));
	for (i = 0; a && seen && i < h->year_count(ctx); i++) {
		const rapport_node *ms = h->get(h->year_data(ctx, i, "outreach"), "milestones");
		for (j = 0; j < h->length(ms); j++) {
			const rapport_node *m = h->at(ms, j);
			int k = find(kinds, h->string(h->get(m, "kind"), ""));
			const rapport_node *tags = h->get(m, "objectives");
			if (k < 0 || h->length(tags) == 0)
				continue;
			memset(seen, 0, n); /* a milestone counts once per objective */
			for (t = 0; t < h->length(tags); t++) {
				const char *tag = h->string(h->at(tags, t), "");
				for (o = 0; o < n; o++) {
					if (seen[o] ||
					    strcmp(tag, h->string(h->get(h->at(objs, o), "id"),
					                          "")) != 0)
						continue;
					seen[o] = 1;
					add_evidence(h, ctx, i, m, k, &ev[o], &a[o]);
				}
			}
		}
	}
	for (o = 0; o < n; o++) {
		ev[o].policy_list = a && a[o].text ? h->fmt(ctx, "%s", a[o].text) : "";
		if (a)
			free(a[o].text);
	}
	free(a);
	free(seen);
}

/* Sum of reached over the build and whether every year gives it. */
static long sum_reached(const rapport_host *h, rapport_ctx *ctx, size_t *nyears)
{
	long sum = 0, v;
	size_t i;

	*nyears = 0;
	for (i = 0; i < h->year_count(ctx); i++) {
		if (measure(h, ctx, i, M_REACHED, &v)) {
			sum += v;
			(*nyears)++;
		}
	}
	return sum;
}

/* The indicators of the initiative as a whole: people reached, utilisation. */
static void emit_overall(const rapport_host *h, rapport_ctx *ctx)
{
	const rapport_node *stated =
	        h->get(h->get(h->report(ctx, "stated"), "outreach"), "reached");
	const char *period =
	        year_range(h, ctx, h->year(ctx, 0), h->year(ctx, h->year_count(ctx) - 1));
	long reached, granted = 0, used = 0, g, u, first = 0, last = 0;
	size_t i, nyears;

	reached = sum_reached(h, ctx, &nyears);
	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *arr = h->year_data(ctx, i, "placements");
		if (h->length(arr) == 0)
			continue;
		year_sums(h, arr, &g, &u);
		granted += g;
		used += u;
		last = h->year(ctx, i);
		if (first == 0)
			first = last;
	}
	if (nyears == 0 && granted == 0)
		return;
	h->paragraph(ctx, h->label(ctx, "s_overall"));
	h->list_begin(ctx, 0);
	if (nyears > 0 && h->whole_period(ctx) && h->kind(stated) == RAPPORT_NUMBER)
		h->list_item(ctx, h->fmt(ctx, h->label(ctx, "e_reached_stated"), period,
		                         h->fmt_int(ctx, reached),
		                         h->fmt_int(ctx, (long)h->number(stated, 0))));
	else if (nyears > 0)
		h->list_item(ctx, h->fmt(ctx, h->label(ctx, "e_reached"), period,
		                         h->fmt_int(ctx, reached)));
	if (granted > 0)
		h->list_item(ctx,
		             h->fmt(ctx, h->label(ctx, "e_rate"), year_range(h, ctx, first, last),
		                    rate(h, ctx, used, granted), h->fmt_int(ctx, used),
		                    h->fmt_int(ctx, granted)));
	h->list_end(ctx);
}

/* One objective: its text and assessment, then the evidence list. */
static void emit_objective(const rapport_host *h, rapport_ctx *ctx, size_t i, const rapport_node *o,
                           const struct evidence *ev)
{
	const char *assess = h->string(h->get(o, "assessment"), "");
	const char *comment = h->string(h->get(o, "comment"), NULL);
	const char *s, *list = "";
	struct evidence e = *ev;
	size_t k, nkinds = 0, done = 0;

	s = h->fmt(ctx, h->label(ctx, "s_objective"), h->fmt_int(ctx, (long)i + 1),
	           h->string(h->get(o, "text"), ""),
	           h->label(ctx, h->fmt(ctx, "assess_%s", assess)));
	h->paragraph(ctx, comment ? h->fmt(ctx, "%s %s", s, comment) : s);

	h->list_begin(ctx, 0);
	if (e.total == 0) {
		h->list_item(ctx, h->label(ctx, "e_no_milestones"));
		h->list_end(ctx);
		return;
	}
	for (k = 0; kinds[k] != NULL; k++)
		nkinds += e.by_kind[k] > 0;
	for (k = 0; kinds[k] != NULL; k++) {
		if (e.by_kind[k] == 0)
			continue;
		list = join_add(h, ctx, list,
		                count_noun(h, ctx, e.by_kind[k], h->fmt(ctx, "kind_%s", kinds[k])),
		                ++done == nkinds);
	}
	h->list_item(ctx,
	             h->fmt(ctx, h->label(ctx, "e_milestones"), h->fmt_int(ctx, e.total), list));
	if (e.trainings > 0 && e.has_participants)
		h->list_item(ctx,
		             h->fmt(ctx, h->label(ctx, "e_trainings"), h->fmt_int(ctx, e.trainings),
		                    h->fmt_int(ctx, e.participants)));
	else if (e.trainings > 0)
		h->list_item(ctx, h->fmt(ctx, h->label(ctx, "e_trainings_nofig"),
		                         h->fmt_int(ctx, e.trainings)));
	if (e.policies > 0)
		h->list_item(ctx, h->fmt(ctx, h->label(ctx, "e_policies"),
		                         h->fmt_int(ctx, e.policies), e.policy_list));
	if (e.ngroups > 0) {
		list = "";
		for (k = 0; k < e.ngroups; k++)
			list = join_add(h, ctx, list, e.groups[k], k + 1 == e.ngroups);
		h->list_item(ctx, h->fmt(ctx, h->label(ctx, "e_groups"),
		                         h->fmt_int(ctx, (long)e.ngroups), list));
	}
	h->list_end(ctx);
}

static void emit_objectives(const rapport_host *h, rapport_ctx *ctx)
{
	const rapport_node *objs = h->report(ctx, "objectives");
	size_t i;

	struct evidence *ev = calloc(h->length(objs) + 1, sizeof(*ev));

	h->heading(ctx, 1, h->label(ctx, "h_objectives"));
	emit_overall(h, ctx);
	if (!ev)
		return;
	gather(h, ctx, objs, ev, h->length(objs));
	for (i = 0; i < h->length(objs); i++)
		emit_objective(h, ctx, i, h->at(objs, i), &ev[i]);
	free(ev);
}

/* ========================================================= 4. consistency */

struct finding {
	const char *where; /* scratch string */
	long stated, parts;
};

struct checks {
	struct finding *v;
	size_t n, cap;
	size_t checked;
	int oom;
};

/* Records one comparison; keeps it when stated differs from parts. */
static void compare(struct checks *c, const char *where, long stated, long parts)
{
	struct finding *v;

	c->checked++;
	if (stated == parts || c->oom)
		return;
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 16;
		v = realloc(c->v, cap * sizeof *v);
		if (v == NULL) {
			c->oom = 1;
			return;
		}
		c->v = v;
		c->cap = cap;
	}
	c->v[c->n].where = where;
	c->v[c->n].stated = stated;
	c->v[c->n++].parts = parts;
}

/* Census of every year: placed, employees and regions against their totals. */
static void check_census_sums(const rapport_host *h, rapport_ctx *ctx, struct checks *c)
{
	size_t i, j;

	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *cen = h->year_data(ctx, i, "census");
		const rapport_node *p = h->get(cen, "placed"), *e = h->get(cen, "employees");
		const rapport_node *r = h->get(cen, "regions");
		const char *y = year_str(h, ctx, h->year(ctx, i));
		long sum = 0;
		if (h->kind(cen) != RAPPORT_OBJECT)
			continue;
		compare(c, h->fmt(ctx, h->label(ctx, "w_placed"), y, y), get_long(h, p, "total"),
		        get_long(h, p, "arbetsformedlingen") + get_long(h, p, "kommun") +
		                get_long(h, p, "ovriga"));
		compare(c, h->fmt(ctx, h->label(ctx, "w_employees"), y, y), get_long(h, e, "total"),
		        get_long(h, e, "women") + get_long(h, e, "men"));
		if (h->kind(r) != RAPPORT_OBJECT)
			continue;
		for (j = 0; j < h->length(r); j++)
			sum += (long)h->number(h->at(r, j), 0);
		compare(c, h->fmt(ctx, h->label(ctx, "w_regions"), y, y),
		        get_long(h, cen, "companies"), sum);
	}
}

/* Per grant: places used against women + men, when either is given. */
static void check_grant_sums(const rapport_host *h, rapport_ctx *ctx, struct checks *c)
{
	size_t i, j;

	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *arr = h->year_data(ctx, i, "placements");
		const char *y = year_str(h, ctx, h->year(ctx, i));
		for (j = 0; j < h->length(arr); j++) {
			const rapport_node *g = h->at(arr, j);
			if (is_missing(h, g, "women") && is_missing(h, g, "men"))
				continue;
			compare(c,
			        h->fmt(ctx, h->label(ctx, "w_used"), y,
			               h->string(h->get(g, "municipality"), ""),
			               h->fmt(ctx, "%zu", j), y),
			        get_long(h, g, "used"),
			        get_long(h, g, "women") + get_long(h, g, "men"));
		}
	}
}

/* The stated period total of people reached against the years' sum. */
static void check_reached(const rapport_host *h, rapport_ctx *ctx, struct checks *c)
{
	const rapport_node *s = h->get(h->get(h->report(ctx, "stated"), "outreach"), "reached");
	size_t nyears;
	long sum = sum_reached(h, ctx, &nyears);

	if (!h->whole_period(ctx) || h->kind(s) != RAPPORT_NUMBER || nyears == 0)
		return;
	compare(c,
	        h->fmt(ctx, h->label(ctx, "w_reached"),
	               year_range(h, ctx, h->year(ctx, 0), h->year(ctx, h->year_count(ctx) - 1))),
	        (long)h->number(s, 0), sum);
}

/* Outcomes tallied per result: counts, whether some lack a count or a
 * gender, and counts per gender. */
struct tally {
	long count[NRESULTS];
	long by_gender[NRESULTS][2];
	int present[NRESULTS], uncounted[NRESULTS], ungendered[NRESULTS];
};

/* Adds the outcomes of obj to t; muni (non-NULL) keeps only the outcomes
 * whose municipality, or whose grant's municipality (grant_muni), is muni. */
static void tally_add(const rapport_host *h, struct tally *t, const rapport_node *obj,
                      const char *muni, int only_result)
{
	const rapport_node *arr = h->get(obj, "outcomes");
	const char *grant_muni = h->string(h->get(obj, "municipality"), NULL);
	size_t i;

	for (i = 0; i < h->length(arr); i++) {
		const rapport_node *o = h->at(arr, i);
		const char *m = h->string(h->get(o, "municipality"), grant_muni);
		int r = find(results, h->string(h->get(o, "result"), NULL));
		int g = find(genders, h->string(h->get(o, "gender"), NULL));
		long n = get_long(h, o, "count");
		if (r < 0 || (only_result >= 0 && r != only_result) ||
		    (muni != NULL && (m == NULL || strcmp(m, muni) != 0)))
			continue;
		t->present[r] = 1;
		if (is_missing(h, o, "count"))
			t->uncounted[r] = 1;
		t->count[r] += n;
		if (g < 0)
			t->ungendered[r] = 1;
		else
			t->by_gender[r][g] += n;
	}
}

/* The grants' outcomes in years first..last into t (see tally_add). */
static void tally_grants(const rapport_host *h, rapport_ctx *ctx, struct tally *t, long first,
                         long last, const char *muni, int only_result)
{
	size_t i, j;

	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *arr = h->year_data(ctx, i, "placements");
		if (h->year(ctx, i) < first || h->year(ctx, i) > last)
			continue;
		for (j = 0; j < h->length(arr); j++)
			tally_add(h, t, h->at(arr, j), muni, only_result);
	}
}

static const char *result_name(const rapport_host *h, rapport_ctx *ctx, int r)
{
	return h->fmt(ctx, h->label(ctx, "quote"),
	              h->label(ctx, h->fmt(ctx, "res_%s", results[r])));
}

/* stated.placements against the grants of its years: granted, used, the
 * outcomes per result, per result and gender, per result and municipality. */
static void check_stated_placements(const rapport_host *h, rapport_ctx *ctx, struct checks *c)
{
	const rapport_node *p = h->get(h->report(ctx, "stated"), "placements");
	const rapport_node *outs = h->get(p, "outcomes");
	long first = get_long(h, p, "first"), last = get_long(h, p, "last");
	long granted = 0, used = 0, g, u, y;
	struct tally st, gr;
	const char *range;
	size_t i, j, k;
	int r, x;

	if (h->kind(p) != RAPPORT_OBJECT)
		return;
	for (y = first; y <= last; y++) {
		for (i = 0; i < h->year_count(ctx) && h->year(ctx, i) != y; i++)
			;
		if (i == h->year_count(ctx))
			return; /* the build does not cover the stated years */
		year_sums(h, h->year_data(ctx, i, "placements"), &g, &u);
		granted += g;
		used += u;
	}
	range = year_range(h, ctx, first, last);
	compare(c, h->fmt(ctx, h->label(ctx, "w_granted"), range), get_long(h, p, "granted"),
	        granted);
	compare(c, h->fmt(ctx, h->label(ctx, "w_used_total"), range), get_long(h, p, "used"), used);

	memset(&st, 0, sizeof st);
	memset(&gr, 0, sizeof gr);
	tally_add(h, &st, p, NULL, -1);
	tally_grants(h, ctx, &gr, first, last, NULL, -1);
	for (r = 0; r < NRESULTS; r++) {
		if (!(st.present[r] || gr.present[r]) || st.uncounted[r] || gr.uncounted[r])
			continue;
		compare(c, h->fmt(ctx, h->label(ctx, "w_outcome"), range, result_name(h, ctx, r)),
		        st.count[r], gr.count[r]);
		if (!st.present[r] || !gr.present[r] || st.ungendered[r] || gr.ungendered[r])
			continue;
		for (x = 0; x < 2; x++)
			compare(c,
			        h->fmt(ctx, h->label(ctx, "w_outcome_gender"), range,
			               result_name(h, ctx, r),
			               h->label(ctx, h->fmt(ctx, "gender_%s", genders[x]))),
			        st.by_gender[r][x], gr.by_gender[r][x]);
	}

	/* Each distinct (result, municipality) the summary names. */
	for (k = 0; k < h->length(outs); k++) {
		const rapport_node *o = h->at(outs, k);
		const char *muni = h->string(h->get(o, "municipality"), NULL);
		r = find(results, h->string(h->get(o, "result"), NULL));
		for (j = 0; j < k; j++) {
			const rapport_node *q = h->at(outs, j);
			if (muni != NULL &&
			    find(results, h->string(h->get(q, "result"), NULL)) == r &&
			    strcmp(h->string(h->get(q, "municipality"), ""), muni) == 0)
				break;
		}
		if (muni == NULL || r < 0 || j < k)
			continue;
		memset(&st, 0, sizeof st);
		memset(&gr, 0, sizeof gr);
		tally_add(h, &st, p, muni, r);
		tally_grants(h, ctx, &gr, first, last, muni, r);
		if (st.uncounted[r] || gr.uncounted[r])
			continue;
		compare(c,
		        h->fmt(ctx, h->label(ctx, "w_outcome_muni"), range, result_name(h, ctx, r),
		               muni, muni),
		        st.count[r], gr.count[r]);
	}
}

/* Runs every check, then a sentence and a table of the totals that differ.
 * Returns RAPPORT_FAIL when out of memory. */
static int emit_consistency(const rapport_host *h, rapport_ctx *ctx)
{
	struct checks c;
	const char *head[4], *row[4], *checked;
	size_t i;

	memset(&c, 0, sizeof c);
	check_census_sums(h, ctx, &c);
	check_reached(h, ctx, &c);
	check_grant_sums(h, ctx, &c);
	check_stated_placements(h, ctx, &c);
	if (c.oom) {
		free(c.v);
		h->error(ctx, NULL, "out of memory");
		return RAPPORT_FAIL;
	}

	h->heading(ctx, 1, h->label(ctx, "h_consistency"));
	checked = count_noun(h, ctx, (long)c.checked, "checked");
	if (c.checked == 0)
		h->paragraph(ctx, h->label(ctx, "s_nothing_checked"));
	else if (c.n == 0)
		h->paragraph(ctx, h->fmt(ctx, h->label(ctx, "s_consistent"), checked));
	else
		h->paragraph(ctx, h->fmt(ctx, h->label(ctx, "s_inconsistent"), checked,
		                         h->fmt_int(ctx, (long)c.n)));
	if (c.n > 0) {
		head[0] = h->label(ctx, "col_where");
		head[1] = h->label(ctx, "col_stated");
		head[2] = h->label(ctx, "col_parts");
		head[3] = h->label(ctx, "col_diff");
		h->table_begin(ctx, h->label(ctx, "cap_consistency"), 4, head, NULL);
		for (i = 0; i < c.n; i++) {
			row[0] = c.v[i].where;
			row[1] = h->fmt_int(ctx, c.v[i].stated);
			row[2] = h->fmt_int(ctx, c.v[i].parts);
			row[3] = h->fmt_change(ctx, (double)(c.v[i].stated - c.v[i].parts), 0, 0);
			h->table_row(ctx, row, 0);
		}
		h->table_end(ctx);
	}
	free(c.v);
	return RAPPORT_OK;
}

/* ================================================================ entry */

static int analysis_emit(const rapport_host *h, rapport_ctx *ctx)
{
	if (h->year_count(ctx) == 0) {
		h->error(ctx, NULL, "the build has no years");
		return RAPPORT_FAIL;
	}
	emit_change(h, ctx);
	emit_utilisation(h, ctx);
	emit_objectives(h, ctx);
	return emit_consistency(h, ctx);
}

/* The section takes no options besides the common ones, and reads the
 * other section types' year members, no member of its own. */
static const rapport_field section_fields[] = {{.key = NULL}};

static const rapport_section_type analysis_type = {
        .name = "analysis",
        .version = "1.0.0",
        .description = "findings: changes, utilisation, objectives, totals",
        .api_level = 2,
        .labels = analysis_labels,
        .validate = analysis_validate,
        .emit = analysis_emit,
        .section_fields = section_fields,
};

static int analysis_init(const rapport_host *host, rapport_registry *reg)
{
	return host->register_section(reg, &analysis_type);
}

RAPPORT_PLUGIN(analysis_init)
