/*
 * placements.c - the "placements" section: individually targeted placements
 * (places with supervisor support at ASF, granted to municipalities).
 *
 * For every year of the build that has grants:
 *   a level-1 heading (the year), a sentence on the year's places granted
 *   and used, and a bulleted list of the grants, each with a sub-list of its
 *   target group and outcomes.
 * Then a level-1 heading "Sammanställning" with
 *   - a table per municipality and year (Kommun, År, Beviljade, Nyttjade,
 *     Kvinnor, Män, Målgrupp, Utfall) and a totals row computed from it,
 *   - the utilisation rate (used/granted) overall and per year,
 *   - a bar chart of places granted and used per year,
 *   - when the build covers the years of stated.placements, a summary
 *     generated from the stated figures, compared with the sum of the grants.
 */
#include <stdlib.h>
#include <string.h>

#include <rapport/plugin.h>

#define COUNT_MAX 1000000000L /* largest count accepted in the data */

static const char *const results[] = {"arbete", "arbetsformedlingen", "ater", "forlangning", NULL};
static const char *const genders[] = {"kvinna", "man", NULL};

static const rapport_label placements_labels[] = {
        {"col_municipality", "Kommun", "Municipality"},
        {"col_year", "År", "Year"},
        {"col_granted", "Beviljade", "Granted"},
        {"col_used", "Nyttjade", "Used"},
        {"col_women", "Kvinnor", "Women"},
        {"col_men", "Män", "Men"},
        {"col_target", "Målgrupp", "Target group"},
        {"col_outcomes", "Utfall", "Outcomes"},
        {"row_total", "Totalt", "Total"},
        {"none", "–", "–"},
        {"summary", "Sammanställning %s", "Summary %s"},
        {"cap_table", "Individinriktade placeringar per kommun och år",
         "Individual placements by municipality and year"},
        {"fig_chart", "Beviljade och nyttjade platser per år", "Places granted and used per year"},
        {"fig_chart_alt", "Stapeldiagram med antalet beviljade och nyttjade platser för varje år.",
         "Bar chart of the number of places granted and used each year."},
        {"axis_year", "År", "Year"},
        {"axis_places", "Antal platser", "Number of places"},
        {"series_granted", "Beviljade platser", "Places granted"},
        {"series_used", "Nyttjade platser", "Places used"},
        {"no_data", "Inga individinriktade placeringar beviljades under rapportens år.",
         "No individual placements were granted in the years of this report."},
        /* Nouns after a number: key_one after 1, key_other otherwise. */
        {"place_one", "plats", "place"},
        {"place_other", "platser", "places"},
        {"kvinna_one", "kvinna", "woman"},
        {"kvinna_other", "kvinnor", "women"},
        {"man_one", "man", "man"},
        {"man_other", "män", "men"},
        {"placement_one", "handledd placering", "supervised placement"},
        {"placement_other", "handledda placeringar", "supervised placements"},
        {"individual_one", "unik individ", "unique individual"},
        {"individual_other", "unika individer", "unique individuals"},
        {"month_one", "månad", "month"},
        {"month_other", "månader", "months"},
        /* Outcomes, in sentences and in the table. */
        {"res_arbete", "vidare till arbete", "went on to work"},
        {"res_arbetsformedlingen", "vidare till Arbetsförmedlingen",
         "referred on to the Public Employment Service"},
        {"res_ater", "åter i offentlig försörjning", "back to public support"},
        {"res_forlangning", "förlängning av insatsen", "placement extended"},
        {"short_arbete", "arbete", "work"},
        {"short_arbetsformedlingen", "Arbetsförmedlingen", "Employment Service"},
        {"short_ater", "åter", "back to support"},
        {"short_forlangning", "förlängning", "extended"},
        /* Templates: printf formats whose arguments are all strings (%s). */
        {"count_noun", "%s %s", "%s %s"},
        {"range", "%s–%s", "%s–%s"},
        {"and", " och ", " and "},
        {"s_year", "År %s beviljades medel för %s, varav %s nyttjades.",
         "In %s funds were granted for %s, of which %s were used."},
        {"s_year_rate", "Nyttjandegraden var %s.", "The utilisation rate was %s."},
        {"item_grant", "**%s:** %s beviljades, %s nyttjades%s.", "**%s:** %s granted, %s used%s."},
        {"item_target", "Målgrupp: %s.", "Target group: %s."},
        {"item_outcomes", "Utfall: %s.", "Outcomes: %s."},
        {"s_rate_total", "Av sammanlagt %s beviljade platser nyttjades %s, en nyttjandegrad på %s.",
         "Of %s places granted in all, %s were used, a utilisation rate of %s."},
        {"s_rate_years", "Nyttjandegraden per år var %s.", "The utilisation rate per year was %s."},
        {"rate_year", "%s (%s)", "%s (%s)"},
        {"s_stated",
         "Enligt den sammanställda uppgiften för %s beviljades totalt medel för %s, varav %s "
         "nyttjades",
         "According to the compiled figures for %s, funds were granted for %s in all, of which %s "
         "were used"},
        {"s_stated_unique", " av %s", " by %s"},
        {"s_stated_months", ", med %s per placering", ", at %s per placement"},
        {"s_stated_outcomes", "Utfall för de nyttjade placeringarna: %s.",
         "Outcomes of the placements used: %s."},
        {"s_stated_match",
         "Antalet beviljade och nyttjade platser stämmer med summan av de enskilda beviljandena.",
         "The numbers of places granted and used agree with the sum of the individual grants."},
        {"s_stated_differs",
         "Summan av de enskilda beviljandena är %s beviljade och %s nyttjade platser.",
         "The individual grants add up to %s places granted and %s used."},
        {NULL, NULL, NULL},
};

/* ------------------------------------------------------------ declared data */

/* The section takes no options besides the common ones. */
static const rapport_field section_fields[] = {{.key = NULL}};

/* ------------------------------------------------------------ validation */

static int is_missing(const rapport_host *h, const rapport_node *obj, const char *key)
{
	return h->kind(h->get(obj, key)) == RAPPORT_MISSING;
}

static int opt_int(const rapport_host *h, rapport_ctx *ctx, const rapport_node *obj,
                   const char *key)
{
	long v;

	return is_missing(h, obj, key) ? RAPPORT_OK : h->need_int(ctx, obj, key, 0, COUNT_MAX, &v);
}

static int opt_string(const rapport_host *h, rapport_ctx *ctx, const rapport_node *obj,
                      const char *key)
{
	const char *s;

	return is_missing(h, obj, key) ? RAPPORT_OK : h->need_string(ctx, obj, key, &s);
}

/* Checks a string member (optional unless `required`) against a
 * NULL-terminated list of allowed values. */
static int check_enum(const rapport_host *h, rapport_ctx *ctx, const rapport_node *obj,
                      const char *key, const char *const *allowed, int required)
{
	const char *s;
	size_t i;

	if (!required && is_missing(h, obj, key))
		return RAPPORT_OK;
	if (h->need_string(ctx, obj, key, &s) != RAPPORT_OK)
		return RAPPORT_FAIL;
	for (i = 0; allowed[i] != NULL; i++)
		if (strcmp(allowed[i], s) == 0)
			return RAPPORT_OK;
	h->error(ctx, h->get(obj, key), "unknown value \"%s\"", s);
	return RAPPORT_FAIL;
}

/* Checks an optional array of outcomes: result, count, gender, municipality. */
static int check_outcomes(const rapport_host *h, rapport_ctx *ctx, const rapport_node *obj)
{
	const rapport_node *arr;
	int rc = RAPPORT_OK;
	size_t i;

	if (is_missing(h, obj, "outcomes"))
		return RAPPORT_OK;
	if (h->need_array(ctx, obj, "outcomes", &arr) != RAPPORT_OK)
		return RAPPORT_FAIL;
	for (i = 0; i < h->length(arr); i++) {
		const rapport_node *o = h->at(arr, i);
		if (h->kind(o) != RAPPORT_OBJECT) {
			h->error(ctx, o, "expected an object");
			rc = RAPPORT_FAIL;
			continue;
		}
		if (check_enum(h, ctx, o, "result", results, 1) != RAPPORT_OK)
			rc = RAPPORT_FAIL;
		if (opt_int(h, ctx, o, "count") != RAPPORT_OK)
			rc = RAPPORT_FAIL;
		if (check_enum(h, ctx, o, "gender", genders, 0) != RAPPORT_OK)
			rc = RAPPORT_FAIL;
		if (opt_string(h, ctx, o, "municipality") != RAPPORT_OK)
			rc = RAPPORT_FAIL;
	}
	return rc;
}

/* Checks one grant; warns when more places were used than granted. */
static int check_grant(const rapport_host *h, rapport_ctx *ctx, const rapport_node *g)
{
	const char *s;
	long granted = 0, used = 0;
	int rc = RAPPORT_OK;

	if (h->kind(g) != RAPPORT_OBJECT) {
		h->error(ctx, g, "expected an object");
		return RAPPORT_FAIL;
	}
	if (h->need_string(ctx, g, "municipality", &s) != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (h->need_int(ctx, g, "granted", 0, COUNT_MAX, &granted) != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (h->need_int(ctx, g, "used", 0, COUNT_MAX, &used) != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (opt_int(h, ctx, g, "women") != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (opt_int(h, ctx, g, "men") != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (opt_string(h, ctx, g, "target_group") != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (check_outcomes(h, ctx, g) != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (rc == RAPPORT_OK && used > granted)
		h->warning(ctx, h->get(g, "used"), "more places used (%ld) than granted (%ld)",
		           used, granted);
	return rc;
}

/* Checks stated.placements of the report definition, if any. */
static int check_stated(const rapport_host *h, rapport_ctx *ctx)
{
	static const char *const required[] = {"granted", "used"};
	static const char *const optional[] = {"unique_individuals", "months_per_placement"};
	const rapport_node *stated = h->report(ctx, "stated"), *p;
	int rc = RAPPORT_OK;
	long v, first = 1900;
	size_t i;

	if (h->kind(stated) != RAPPORT_OBJECT || is_missing(h, stated, "placements"))
		return RAPPORT_OK;
	if (h->need_object(ctx, stated, "placements", &p) != RAPPORT_OK)
		return RAPPORT_FAIL;
	if (h->need_int(ctx, p, "first", 1900, 2999, &first) != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (h->need_int(ctx, p, "last", first, 2999, &v) != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	for (i = 0; i < 2; i++) {
		if (h->need_int(ctx, p, required[i], 0, COUNT_MAX, &v) != RAPPORT_OK)
			rc = RAPPORT_FAIL;
		if (opt_int(h, ctx, p, optional[i]) != RAPPORT_OK)
			rc = RAPPORT_FAIL;
	}
	if (check_outcomes(h, ctx, p) != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	return rc;
}

static int placements_validate(const rapport_host *h, rapport_ctx *ctx)
{
	int rc = check_stated(h, ctx);
	size_t i, j;

	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *arr = h->year_data(ctx, i, "placements");
		int k = h->kind(arr);
		if (k == RAPPORT_MISSING)
			continue;
		if (k != RAPPORT_ARRAY) {
			h->error(ctx, arr, "expected an array");
			rc = RAPPORT_FAIL;
			continue;
		}
		for (j = 0; j < h->length(arr); j++)
			if (check_grant(h, ctx, h->at(arr, j)) != RAPPORT_OK)
				rc = RAPPORT_FAIL;
	}
	return rc;
}

/* ------------------------------------------------------------- phrases */

static long get_long(const rapport_host *h, const rapport_node *obj, const char *key)
{
	return (long)h->number(h->get(obj, key), 0);
}

static const char *year_str(const rapport_host *h, rapport_ctx *ctx, int year)
{
	return h->fmt(ctx, "%d", year);
}

/* "2016–2018", or "2018" when first == last. */
static const char *year_range(const rapport_host *h, rapport_ctx *ctx, int first, int last)
{
	if (first == last)
		return year_str(h, ctx, first);
	return h->fmt(ctx, h->label(ctx, "range"), year_str(h, ctx, first), year_str(h, ctx, last));
}

/* "1 plats", "4 platser": n and the noun `key`_one or `key`_other. */
static const char *count_noun(const rapport_host *h, rapport_ctx *ctx, long n, const char *key)
{
	const char *noun = h->label(ctx, h->fmt(ctx, "%s_%s", key, n == 1 ? "one" : "other"));
	return h->fmt(ctx, h->label(ctx, "count_noun"), h->fmt_int(ctx, n), noun);
}

/* Appends item to a list being joined: "a", "a, b", then "a, b och c" once
 * last is set. */
static const char *join_add(const rapport_host *h, rapport_ctx *ctx, const char *acc,
                            const char *item, int last)
{
	if (acc == NULL || acc[0] == '\0')
		return item;
	return h->fmt(ctx, "%s%s%s", acc, last ? h->label(ctx, "and") : ", ", item);
}

/* One outcome: "1 vidare till arbete (man, Nordanstig)"; short form for the
 * table: "1 arbete (man)".  No number when the data gives no count. */
static const char *outcome_phrase(const rapport_host *h, rapport_ctx *ctx, const rapport_node *o,
                                  int short_form)
{
	const char *res = h->string(h->get(o, "result"), "");
	const char *s = h->label(ctx, h->fmt(ctx, "%s_%s", short_form ? "short" : "res", res));
	const char *gender = h->string(h->get(o, "gender"), NULL);
	const char *muni = h->string(h->get(o, "municipality"), NULL);
	const char *paren = NULL;
	int counted = h->kind(h->get(o, "count")) == RAPPORT_NUMBER;
	long n = get_long(h, o, "count");

	if (counted)
		s = h->fmt(ctx, "%s %s", h->fmt_int(ctx, n), s);
	if (gender != NULL)
		paren = h->label(ctx,
		                 h->fmt(ctx, "%s_%s", gender, counted && n != 1 ? "other" : "one"));
	if (muni != NULL && !short_form)
		paren = paren ? h->fmt(ctx, "%s, %s", paren, muni) : muni;
	return paren ? h->fmt(ctx, "%s (%s)", s, paren) : s;
}

/* All outcomes of obj joined: "a, b och c" (sentence) or "a, b, c" (table). */
static const char *outcomes_phrase(const rapport_host *h, rapport_ctx *ctx, const rapport_node *obj,
                                   int short_form)
{
	const rapport_node *arr = h->get(obj, "outcomes");
	size_t i, n = h->length(arr);
	const char *s = "";

	for (i = 0; i < n; i++) {
		const char *p = outcome_phrase(h, ctx, h->at(arr, i), short_form);
		s = short_form && i > 0 ? h->fmt(ctx, "%s, %s", s, p)
		                        : join_add(h, ctx, s, p, i + 1 == n);
	}
	return s;
}

/* " (6 kvinnor, 1 man)", " (1 kvinna)" or "" when the grant gives neither. */
static const char *gender_phrase(const rapport_host *h, rapport_ctx *ctx, const rapport_node *g)
{
	const char *s = NULL;

	if (!is_missing(h, g, "women"))
		s = count_noun(h, ctx, get_long(h, g, "women"), "kvinna");
	if (!is_missing(h, g, "men")) {
		const char *m = count_noun(h, ctx, get_long(h, g, "men"), "man");
		s = s ? h->fmt(ctx, "%s, %s", s, m) : m;
	}
	return s ? h->fmt(ctx, " (%s)", s) : "";
}

/* ---------------------------------------------------------------- emit */

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

static const char *rate(const rapport_host *h, rapport_ctx *ctx, long used, long granted)
{
	return h->fmt_percent(ctx, 100.0 * (double)used / (double)granted, 1);
}

/* A year's heading, sentence and list of grants. */
static void emit_year(const rapport_host *h, rapport_ctx *ctx, int year, const rapport_node *arr)
{
	const char *s;
	long granted, used;
	size_t j;

	year_sums(h, arr, &granted, &used);
	h->heading(ctx, 1, year_str(h, ctx, year));
	s = h->fmt(ctx, h->label(ctx, "s_year"), year_str(h, ctx, year),
	           count_noun(h, ctx, granted, "place"), h->fmt_int(ctx, used));
	if (granted > 0)
		s = h->fmt(ctx, "%s %s", s,
		           h->fmt(ctx, h->label(ctx, "s_year_rate"), rate(h, ctx, used, granted)));
	h->paragraph(ctx, s);
	h->list_begin(ctx, 0);
	for (j = 0; j < h->length(arr); j++) {
		const rapport_node *g = h->at(arr, j);
		const char *target = h->string(h->get(g, "target_group"), NULL);
		h->list_item(ctx, h->fmt(ctx, h->label(ctx, "item_grant"),
		                         h->string(h->get(g, "municipality"), ""),
		                         count_noun(h, ctx, get_long(h, g, "granted"), "place"),
		                         h->fmt_int(ctx, get_long(h, g, "used")),
		                         gender_phrase(h, ctx, g)));
		if (target == NULL && h->length(h->get(g, "outcomes")) == 0)
			continue;
		h->list_begin(ctx, 0);
		if (target != NULL)
			h->list_item(ctx, h->fmt(ctx, h->label(ctx, "item_target"), target));
		if (h->length(h->get(g, "outcomes")) > 0)
			h->list_item(ctx, h->fmt(ctx, h->label(ctx, "item_outcomes"),
			                         outcomes_phrase(h, ctx, g, 0)));
		h->list_end(ctx);
	}
	h->list_end(ctx);
}

/* A whole number member as a cell, or "–" when absent. */
static const char *cell_int(const rapport_host *h, rapport_ctx *ctx, const rapport_node *g,
                            const char *key)
{
	return is_missing(h, g, key) ? h->label(ctx, "none") : h->fmt_int(ctx, get_long(h, g, key));
}

/* The table per municipality and year with its totals row. */
static void emit_table(const rapport_host *h, rapport_ctx *ctx, int first, int last)
{
	static const char *const keys[] = {"col_municipality", "col_year",    "col_granted",
	                                   "col_used",         "col_women",   "col_men",
	                                   "col_target",       "col_outcomes"};
	static const int align[] = {RAPPORT_ALIGN_LEFT,  RAPPORT_ALIGN_LEFT,  RAPPORT_ALIGN_RIGHT,
	                            RAPPORT_ALIGN_RIGHT, RAPPORT_ALIGN_RIGHT, RAPPORT_ALIGN_RIGHT,
	                            RAPPORT_ALIGN_LEFT,  RAPPORT_ALIGN_LEFT};
	const char *row[8];
	long sum[4] = {0, 0, 0, 0};
	size_t i, j, c;

	for (c = 0; c < 8; c++)
		row[c] = h->label(ctx, keys[c]);
	h->table_begin(ctx, h->label(ctx, "cap_table"), 8, row, align);
	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *arr = h->year_data(ctx, i, "placements");
		for (j = 0; j < h->length(arr); j++) {
			const rapport_node *g = h->at(arr, j);
			row[0] = h->string(h->get(g, "municipality"), "");
			row[1] = year_str(h, ctx, h->year(ctx, i));
			row[2] = cell_int(h, ctx, g, "granted");
			row[3] = cell_int(h, ctx, g, "used");
			row[4] = cell_int(h, ctx, g, "women");
			row[5] = cell_int(h, ctx, g, "men");
			row[6] = h->string(h->get(g, "target_group"), "");
			row[7] = outcomes_phrase(h, ctx, g, 1);
			sum[0] += get_long(h, g, "granted");
			sum[1] += get_long(h, g, "used");
			sum[2] += get_long(h, g, "women");
			sum[3] += get_long(h, g, "men");
			h->table_row(ctx, row, 0);
		}
	}
	row[0] = h->label(ctx, "row_total");
	row[1] = year_range(h, ctx, first, last);
	for (c = 0; c < 4; c++)
		row[c + 2] = h->fmt_int(ctx, sum[c]);
	row[6] = row[7] = "";
	h->table_row(ctx, row, RAPPORT_ROW_TOTAL);
	h->table_end(ctx);
}

/* The utilisation rate overall and per year (years with places granted). */
static void emit_rates(const rapport_host *h, rapport_ctx *ctx)
{
	long granted = 0, used = 0, g, u;
	const char *years = "", *s;
	size_t i, n = 0, k = 0;

	for (i = 0; i < h->year_count(ctx); i++) {
		year_sums(h, h->year_data(ctx, i, "placements"), &g, &u);
		granted += g;
		used += u;
		n += g > 0;
	}
	if (granted == 0)
		return;
	s = h->fmt(ctx, h->label(ctx, "s_rate_total"), h->fmt_int(ctx, granted),
	           h->fmt_int(ctx, used), rate(h, ctx, used, granted));
	for (i = 0; i < h->year_count(ctx) && n > 1; i++) {
		year_sums(h, h->year_data(ctx, i, "placements"), &g, &u);
		if (g == 0)
			continue;
		years = join_add(h, ctx, years,
		                 h->fmt(ctx, h->label(ctx, "rate_year"), rate(h, ctx, u, g),
		                        year_str(h, ctx, h->year(ctx, i))),
		                 ++k == n);
	}
	if (n > 1)
		s = h->fmt(ctx, "%s %s", s, h->fmt(ctx, h->label(ctx, "s_rate_years"), years));
	h->paragraph(ctx, s);
}

/* The bar chart of places granted and used per year with grants.  Returns
 * RAPPORT_FAIL when out of memory. */
static int emit_chart(const rapport_host *h, rapport_ctx *ctx, size_t nyears)
{
	const char **cats = calloc(nyears, sizeof *cats);
	double *v = calloc(2 * nyears, sizeof *v);
	rapport_series s[2];
	rapport_chart ch;
	size_t i, k = 0;
	long g, u;

	if (cats == NULL || v == NULL) {
		free(cats);
		free(v);
		h->error(ctx, NULL, "out of memory");
		return RAPPORT_FAIL;
	}
	for (i = 0; i < h->year_count(ctx) && k < nyears; i++) {
		const rapport_node *arr = h->year_data(ctx, i, "placements");
		if (h->length(arr) == 0)
			continue;
		year_sums(h, arr, &g, &u);
		cats[k] = year_str(h, ctx, h->year(ctx, i));
		v[k] = (double)g;
		v[nyears + k++] = (double)u;
	}
	s[0].name = h->label(ctx, "series_granted");
	s[0].values = v;
	s[1].name = h->label(ctx, "series_used");
	s[1].values = v + nyears;
	memset(&ch, 0, sizeof ch);
	ch.kind = RAPPORT_CHART_BAR;
	ch.caption = h->label(ctx, "fig_chart");
	ch.alt = h->label(ctx, "fig_chart_alt");
	ch.x_title = h->label(ctx, "axis_year");
	ch.y_title = h->label(ctx, "axis_places");
	ch.n_categories = k;
	ch.categories = cats;
	ch.n_series = 2;
	ch.series = s;
	h->chart(ctx, &ch);
	free(cats);
	free(v);
	return RAPPORT_OK;
}

/* Is every year first..last part of the build? */
static int covers(const rapport_host *h, rapport_ctx *ctx, long first, long last)
{
	long y;
	size_t i;

	for (y = first; y <= last; y++) {
		for (i = 0; i < h->year_count(ctx) && h->year(ctx, i) != y; i++)
			;
		if (i == h->year_count(ctx))
			return 0;
	}
	return 1;
}

/* The summary generated from stated.placements, compared with the grants of
 * its years; only when the build covers those years. */
static void emit_stated(const rapport_host *h, rapport_ctx *ctx)
{
	const rapport_node *p = h->get(h->report(ctx, "stated"), "placements");
	long first = get_long(h, p, "first"), last = get_long(h, p, "last");
	long granted = 0, used = 0, g, u;
	const char *s;
	size_t i;

	if (h->kind(p) != RAPPORT_OBJECT || !covers(h, ctx, first, last))
		return;
	for (i = 0; i < h->year_count(ctx); i++) {
		if (h->year(ctx, i) < first || h->year(ctx, i) > last)
			continue;
		year_sums(h, h->year_data(ctx, i, "placements"), &g, &u);
		granted += g;
		used += u;
	}
	s = h->fmt(ctx, h->label(ctx, "s_stated"), year_range(h, ctx, (int)first, (int)last),
	           count_noun(h, ctx, get_long(h, p, "granted"), "placement"),
	           h->fmt_int(ctx, get_long(h, p, "used")));
	if (!is_missing(h, p, "unique_individuals"))
		s = h->fmt(ctx, "%s%s", s,
		           h->fmt(ctx, h->label(ctx, "s_stated_unique"),
		                  count_noun(h, ctx, get_long(h, p, "unique_individuals"),
		                             "individual")));
	if (!is_missing(h, p, "months_per_placement"))
		s = h->fmt(ctx, "%s%s", s,
		           h->fmt(ctx, h->label(ctx, "s_stated_months"),
		                  count_noun(h, ctx, get_long(h, p, "months_per_placement"),
		                             "month")));
	s = h->fmt(ctx, "%s.", s);
	if (h->length(h->get(p, "outcomes")) > 0)
		s = h->fmt(ctx, "%s %s", s,
		           h->fmt(ctx, h->label(ctx, "s_stated_outcomes"),
		                  outcomes_phrase(h, ctx, p, 0)));
	if (granted == get_long(h, p, "granted") && used == get_long(h, p, "used"))
		s = h->fmt(ctx, "%s %s", s, h->label(ctx, "s_stated_match"));
	else
		s = h->fmt(ctx, "%s %s", s,
		           h->fmt(ctx, h->label(ctx, "s_stated_differs"), h->fmt_int(ctx, granted),
		                  h->fmt_int(ctx, used)));
	h->paragraph(ctx, s);
}

static int placements_emit(const rapport_host *h, rapport_ctx *ctx)
{
	size_t i, nyears = 0;
	int first = 0, last = 0;

	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *arr = h->year_data(ctx, i, "placements");
		if (h->length(arr) == 0)
			continue;
		last = h->year(ctx, i);
		if (nyears++ == 0)
			first = last;
		emit_year(h, ctx, last, arr);
	}
	if (nyears == 0) {
		h->paragraph(ctx, h->label(ctx, "no_data"));
		return RAPPORT_OK;
	}
	h->heading(ctx, 1, h->fmt(ctx, h->label(ctx, "summary"), year_range(h, ctx, first, last)));
	emit_table(h, ctx, first, last);
	emit_rates(h, ctx);
	if (emit_chart(h, ctx, nyears) != RAPPORT_OK)
		return RAPPORT_FAIL;
	emit_stated(h, ctx);
	return RAPPORT_OK;
}

static const rapport_section_type placements_type = {
        .name = "placements",
        .version = "1.0.0",
        .description = "individual placements: granted, used, outcomes",
        .api_level = 2,
        .labels = placements_labels,
        .validate = placements_validate,
        .emit = placements_emit,
        .section_fields = section_fields,
        /* the member is an array of grants, which year_fields (the members of
         * an object) cannot describe: validate() checks its elements */
        .year_key = "placements",
};

static int placements_init(const rapport_host *host, rapport_registry *reg)
{
	return host->register_section(reg, &placements_type);
}

RAPPORT_PLUGIN(placements_init)
