/*
 * outreach.c - the "outreach" section: spreading information and knowledge.
 *
 * For the years of the build that have an `outreach` member it shows
 *   - a table of the people reached per year (with the year's reached_note)
 *     and a total row computed from the years,
 *   - when the build covers the whole period and the report definition states
 *     a period total (stated.outreach.reached): a sentence giving that total
 *     and how it compares with the computed sum, so a disagreement is never
 *     hidden,
 *   - a bar chart of the people reached per year,
 *   - per year a level-1 heading, a paragraph (people reached, main
 *     activities) and a bulleted list of the year's milestones, each led by a
 *     bold "kind, when, place:".
 */
#include <stdlib.h>
#include <string.h>

#include <rapport/plugin.h>

#define COUNT_MAX 1000000000L /* largest count accepted in the data */

static const char *const milestone_kinds[] = {
        "konferens", "temadag",       "frukostmote", "seminarium", "utbildning",  "samverkansgrupp",
        "policy",    "handlingsplan", "pris",        "film",       "podd",        "projekt",
        "forstudie", "rekrytering",   "forankring",  "granskning", "upphandling", "publikation",
        "natverk",   "bemanning",     "omvarld",     NULL,
};

static const rapport_label outreach_labels[] = {
        {"col_year", "År", "Year"},
        {"col_reached", "Nådda personer", "People reached"},
        {"col_note", "Anmärkning", "Note"},
        {"row_total", "Totalt", "Total"},
        {"cap_reached", "Personer i målgruppen som fått information, per år",
         "People in the target group who were informed, per year"},
        {"fig_reached", "Antal personer i målgruppen som fått information, per år",
         "Number of people in the target group who were informed, per year"},
        {"fig_reached_alt",
         "Stapeldiagram med antalet personer som nåtts av informationen varje år.",
         "Bar chart of the number of people reached by the information each year."},
        {"axis_year", "År", "Year"},
        {"axis_persons", "Antal personer", "Number of people"},
        {"no_data", "Det finns inga uppgifter om informationsspridning för rapportens år.",
         "There are no figures on outreach for the years of this report."},
        /* Templates: printf formats whose arguments are all strings (%s). */
        {"range", "%s–%s", "%s–%s"},
        {"paren", " (%s)", " (%s)"},
        {"quote", "”%s”", "“%s”"},
        {"and", " och ", " and "},
        {"lead", "**%s:** %s", "**%s:** %s"},
        {"s_stated",
         "Enligt den sammanställda uppgiften nåddes totalt %s personer under perioden %s%s.",
         "According to the compiled figure, %s people in all were reached during the period %s%s."},
        {"s_stated_match", "Det stämmer med summan av årens uppgifter.",
         "This agrees with the sum of the yearly figures."},
        {"s_stated_fewer", "Det är %s färre än summan av årens uppgifter i tabellen (%s).",
         "That is %s fewer than the sum of the yearly figures in the table (%s)."},
        {"s_stated_more", "Det är %s fler än summan av årens uppgifter i tabellen (%s).",
         "That is %s more than the sum of the yearly figures in the table (%s)."},
        {"s_year_reached",
         "Under %s registrerades %s personer i målgruppen som fått information%s.",
         "In %s, %s people in the target group were registered as informed%s."},
        {"s_activities", "Huvudsakliga aktiviteter var %s.", "The main activities were %s."},
        /* Milestone kinds, as lead-ins. */
        {"kind_konferens", "Konferens", "Conference"},
        {"kind_temadag", "Temadag", "Theme day"},
        {"kind_frukostmote", "Frukostmöte", "Breakfast meeting"},
        {"kind_seminarium", "Seminarium", "Seminar"},
        {"kind_utbildning", "Utbildning", "Training"},
        {"kind_samverkansgrupp", "Samverkansgrupp", "Local partnership group"},
        {"kind_policy", "Policy", "Policy"},
        {"kind_handlingsplan", "Handlingsplan", "Action plan"},
        {"kind_pris", "Pris", "Award"},
        {"kind_film", "Film", "Film"},
        {"kind_podd", "Podd", "Podcast"},
        {"kind_projekt", "Projekt", "Project"},
        {"kind_forstudie", "Förstudie", "Feasibility study"},
        {"kind_rekrytering", "Rekrytering", "Recruitment"},
        {"kind_forankring", "Förankring", "Gaining support"},
        {"kind_granskning", "Granskning", "Audit"},
        {"kind_upphandling", "Upphandling", "Procurement"},
        {"kind_publikation", "Publikation", "Publication"},
        {"kind_natverk", "Nätverk", "Network"},
        {"kind_bemanning", "Bemanning", "Staffing"},
        {"kind_omvarld", "Omvärld", "Outside events"},
        {NULL, NULL, NULL},
};

/* ------------------------------------------------------------ declared data */

#define TEXT  .type = RAPPORT_T_STRING
#define COUNT .type = RAPPORT_T_INT, .min = 0, .max = COUNT_MAX

static const rapport_field figure_fields[] = {
        {.key = "*", COUNT, .doc = "a figure of the milestone, by name"},
        {.key = NULL},
};

static const rapport_field milestone_fields[] = {
        {.key = "kind",
         .type = RAPPORT_T_STRING,
         .required = 1,
         .values = milestone_kinds,
         .doc = "what happened"},
        {.key = "text", TEXT, .required = 1, .doc = "a paragraph of inline markup"},
        {.key = "when", TEXT, .doc = "when, in words"},
        {.key = "place", TEXT, .doc = "where"},
        {.key = "title", TEXT, .doc = "the name of the event or project"},
        {.key = "partners", .type = RAPPORT_T_ARRAY, .items = RAPPORT_T_STRING, .doc = "with whom"},
        {.key = "municipalities",
         .type = RAPPORT_T_ARRAY,
         .items = RAPPORT_T_STRING,
         .doc = "the municipalities concerned"},
        {.key = "objectives",
         .type = RAPPORT_T_ARRAY,
         .items = RAPPORT_T_STRING,
         .doc = "ids of the report's objectives it served"},
        {.key = "figures", .type = RAPPORT_T_OBJECT, .fields = figure_fields, .doc = "counts"},
        {.key = NULL},
};

static const rapport_field year_fields[] = {
        {.key = "reached", COUNT, .required = 1, .doc = "people in the target group informed"},
        {.key = "reached_note", TEXT, .doc = "a note on the figure, shown in the table"},
        {.key = "main_activities",
         .type = RAPPORT_T_ARRAY,
         .items = RAPPORT_T_STRING,
         .doc = "the kinds of activity, as a list"},
        {.key = "milestones",
         .type = RAPPORT_T_ARRAY,
         .required = 1,
         .fields = milestone_fields,
         .doc = "what happened during the year"},
        {.key = NULL},
};

/* The section takes no options besides the common ones. */
static const rapport_field section_fields[] = {{.key = NULL}};

static int is_missing(const rapport_host *h, const rapport_node *obj, const char *key)
{
	return h->kind(h->get(obj, key)) == RAPPORT_MISSING;
}

/* An optional string member: absent is fine, otherwise it must be a string. */
static int opt_string(const rapport_host *h, rapport_ctx *ctx, const rapport_node *obj,
                      const char *key)
{
	const char *s;

	if (is_missing(h, obj, key))
		return RAPPORT_OK;
	return h->need_string(ctx, obj, key, &s);
}

/* Checks that every element of arr is a string. */
static int all_strings(const rapport_host *h, rapport_ctx *ctx, const rapport_node *arr)
{
	int rc = RAPPORT_OK;
	size_t i;

	for (i = 0; i < h->length(arr); i++) {
		if (h->kind(h->at(arr, i)) != RAPPORT_STRING) {
			h->error(ctx, h->at(arr, i), "expected a string");
			rc = RAPPORT_FAIL;
		}
	}
	return rc;
}

static int known_kind(const char *kind)
{
	size_t i;

	for (i = 0; milestone_kinds[i] != NULL; i++)
		if (strcmp(milestone_kinds[i], kind) == 0)
			return 1;
	return 0;
}

/* Checks one milestone: kind (one of the known kinds) and text required;
 * when, place and title optional strings. */
static int check_milestone(const rapport_host *h, rapport_ctx *ctx, const rapport_node *m)
{
	static const char *const optional[] = {"when", "place", "title"};
	const char *kind, *text;
	int rc = RAPPORT_OK;
	size_t i;

	if (h->kind(m) != RAPPORT_OBJECT) {
		h->error(ctx, m, "expected an object");
		return RAPPORT_FAIL;
	}
	if (h->need_string(ctx, m, "kind", &kind) != RAPPORT_OK) {
		rc = RAPPORT_FAIL;
	} else if (!known_kind(kind)) {
		h->error(ctx, h->get(m, "kind"), "unknown milestone kind \"%s\"", kind);
		rc = RAPPORT_FAIL;
	}
	if (h->need_string(ctx, m, "text", &text) != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	for (i = 0; i < 3; i++)
		if (opt_string(h, ctx, m, optional[i]) != RAPPORT_OK)
			rc = RAPPORT_FAIL;
	return rc;
}

/* Checks one year's outreach object. */
static int check_outreach(const rapport_host *h, rapport_ctx *ctx, const rapport_node *o)
{
	const rapport_node *arr;
	int rc = RAPPORT_OK;
	size_t i;
	long v;

	if (h->need_int(ctx, o, "reached", 0, COUNT_MAX, &v) != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (opt_string(h, ctx, o, "reached_note") != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (!is_missing(h, o, "main_activities")) {
		if (h->need_array(ctx, o, "main_activities", &arr) != RAPPORT_OK ||
		    all_strings(h, ctx, arr) != RAPPORT_OK)
			rc = RAPPORT_FAIL;
	}
	if (h->need_array(ctx, o, "milestones", &arr) != RAPPORT_OK)
		return RAPPORT_FAIL;
	for (i = 0; i < h->length(arr); i++)
		if (check_milestone(h, ctx, h->at(arr, i)) != RAPPORT_OK)
			rc = RAPPORT_FAIL;
	return rc;
}

/* Checks stated.outreach and period.label of the report definition. */
static int check_stated(const rapport_host *h, rapport_ctx *ctx)
{
	const rapport_node *stated = h->report(ctx, "stated");
	const rapport_node *o;
	int rc = RAPPORT_OK;
	long v;

	if (opt_string(h, ctx, h->report(ctx, "period"), "label") != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (h->kind(stated) != RAPPORT_OBJECT || is_missing(h, stated, "outreach"))
		return rc;
	if (h->need_object(ctx, stated, "outreach", &o) != RAPPORT_OK)
		return RAPPORT_FAIL;
	if (h->need_int(ctx, o, "reached", 0, COUNT_MAX, &v) != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (opt_string(h, ctx, o, "note") != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	return rc;
}

static int outreach_validate(const rapport_host *h, rapport_ctx *ctx)
{
	int rc = check_stated(h, ctx);
	size_t i;

	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *o = h->year_data(ctx, i, "outreach");
		int k = h->kind(o);
		if (k == RAPPORT_MISSING)
			continue;
		if (k != RAPPORT_OBJECT) {
			h->error(ctx, o, "expected an object");
			rc = RAPPORT_FAIL;
		} else if (check_outreach(h, ctx, o) != RAPPORT_OK) {
			rc = RAPPORT_FAIL;
		}
	}
	return rc;
}

static const char *year_str(const rapport_host *h, rapport_ctx *ctx, int year)
{
	return h->fmt(ctx, "%d", year);
}

static long reached(const rapport_host *h, const rapport_node *o)
{
	return (long)h->number(h->get(o, "reached"), 0);
}

/* The table of people reached per year with a total row (when there is more
 * than one year); returns the sum. */
static long emit_table(const rapport_host *h, rapport_ctx *ctx)
{
	const char *head[3], *row[3];
	size_t i, ncols = 2;
	long sum = 0;
	int first = 0, last = 0;

	for (i = 0; i < h->year_count(ctx); i++)
		if (!is_missing(h, h->year_data(ctx, i, "outreach"), "reached_note"))
			ncols = 3;
	head[0] = h->label(ctx, "col_year");
	head[1] = h->label(ctx, "col_reached");
	head[2] = h->label(ctx, "col_note");
	h->table_begin(ctx, h->label(ctx, "cap_reached"), ncols, head, NULL);
	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *o = h->year_data(ctx, i, "outreach");
		if (h->kind(o) != RAPPORT_OBJECT)
			continue;
		last = h->year(ctx, i);
		if (first == 0)
			first = last;
		sum += reached(h, o);
		row[0] = year_str(h, ctx, last);
		row[1] = h->fmt_int(ctx, reached(h, o));
		row[2] = h->string(h->get(o, "reached_note"), "");
		h->table_row(ctx, row, 0);
	}
	if (first != last) {
		row[0] = h->fmt(ctx, "%s %s", h->label(ctx, "row_total"),
		                h->fmt(ctx, h->label(ctx, "range"), year_str(h, ctx, first),
		                       year_str(h, ctx, last)));
		row[1] = h->fmt_int(ctx, sum);
		row[2] = "";
		h->table_row(ctx, row, RAPPORT_ROW_TOTAL);
	}
	h->table_end(ctx);
	return sum;
}

/* The stated period total and how it compares with `sum`; only when the
 * build covers the whole period and the definition states a total. */
static void emit_stated(const rapport_host *h, rapport_ctx *ctx, long sum)
{
	const rapport_node *o = h->get(h->report(ctx, "stated"), "outreach");
	const rapport_node *period = h->report(ctx, "period");
	const char *note = "", *when, *s;
	long stated;

	if (!h->whole_period(ctx) || h->kind(h->get(o, "reached")) != RAPPORT_NUMBER)
		return;
	stated = reached(h, o);
	if (h->kind(h->get(o, "note")) == RAPPORT_STRING)
		note = h->fmt(ctx, h->label(ctx, "paren"), h->string(h->get(o, "note"), ""));
	when = h->string(h->get(period, "label"), NULL);
	if (when == NULL)
		when = h->fmt(ctx, h->label(ctx, "range"), year_str(h, ctx, h->year(ctx, 0)),
		              year_str(h, ctx, h->year(ctx, h->year_count(ctx) - 1)));
	s = h->fmt(ctx, h->label(ctx, "s_stated"), h->fmt_int(ctx, stated), when, note);
	if (stated == sum)
		s = h->fmt(ctx, "%s %s", s, h->label(ctx, "s_stated_match"));
	else
		s = h->fmt(ctx, "%s %s", s,
		           h->fmt(ctx,
		                  h->label(ctx, stated < sum ? "s_stated_fewer" : "s_stated_more"),
		                  h->fmt_int(ctx, labs(sum - stated)), h->fmt_int(ctx, sum)));
	h->paragraph(ctx, s);
}

/* The bar chart of people reached per year.  Returns RAPPORT_FAIL when out
 * of memory. */
static int emit_chart(const rapport_host *h, rapport_ctx *ctx)
{
	size_t n = h->year_count(ctx), i, k = 0;
	const char **cats = calloc(n, sizeof *cats);
	double *v = calloc(n, sizeof *v);
	rapport_series s;
	rapport_chart ch;

	if (cats == NULL || v == NULL) {
		free(cats);
		free(v);
		h->error(ctx, NULL, "out of memory");
		return RAPPORT_FAIL;
	}
	for (i = 0; i < n; i++) {
		const rapport_node *o = h->year_data(ctx, i, "outreach");
		if (h->kind(o) != RAPPORT_OBJECT)
			continue;
		cats[k] = year_str(h, ctx, h->year(ctx, i));
		v[k++] = (double)reached(h, o);
	}
	s.name = h->label(ctx, "col_reached");
	s.values = v;
	memset(&ch, 0, sizeof ch);
	ch.kind = RAPPORT_CHART_BAR;
	ch.caption = h->label(ctx, "fig_reached");
	ch.alt = h->label(ctx, "fig_reached_alt");
	ch.x_title = h->label(ctx, "axis_year");
	ch.y_title = h->label(ctx, "axis_persons");
	ch.n_categories = k;
	ch.categories = cats;
	ch.n_series = 1;
	ch.series = &s;
	h->chart(ctx, &ch);
	free(cats);
	free(v);
	return RAPPORT_OK;
}

/* "a, b, c och d" from an array of strings. */
static const char *join(const rapport_host *h, rapport_ctx *ctx, const rapport_node *arr)
{
	size_t i, n = h->length(arr);
	const char *s = "";

	for (i = 0; i < n; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? h->label(ctx, "and") : ", ";
		s = h->fmt(ctx, "%s%s%s", s, sep, h->string(h->at(arr, i), ""));
	}
	return s;
}

/* One milestone as a list item: bold "Kind, when, place:" lead-in, the title
 * in quotes when the text does not already name it, then the text. */
static const char *milestone_item(const rapport_host *h, rapport_ctx *ctx, const rapport_node *m)
{
	static const char *const parts[] = {"when", "place"};
	const char *lead = h->label(ctx, h->fmt(ctx, "kind_%s", h->string(h->get(m, "kind"), "")));
	const char *text = h->string(h->get(m, "text"), "");
	const char *title = h->string(h->get(m, "title"), NULL);
	size_t i;

	for (i = 0; i < 2; i++) {
		const char *p = h->string(h->get(m, parts[i]), NULL);
		if (p != NULL)
			lead = h->fmt(ctx, "%s, %s", lead, p);
	}
	if (title != NULL && strstr(text, title) == NULL)
		text = h->fmt(ctx, "%s. %s", h->fmt(ctx, h->label(ctx, "quote"), title), text);
	return h->fmt(ctx, h->label(ctx, "lead"), lead, text);
}

/* A year's heading, paragraph and milestone list. */
static void emit_year(const rapport_host *h, rapport_ctx *ctx, int year, const rapport_node *o)
{
	const rapport_node *acts = h->get(o, "main_activities");
	const rapport_node *ms = h->get(o, "milestones");
	const char *note = "", *s;
	size_t i;

	h->heading(ctx, 1, year_str(h, ctx, year));
	if (h->kind(h->get(o, "reached_note")) == RAPPORT_STRING)
		note = h->fmt(ctx, h->label(ctx, "paren"),
		              h->string(h->get(o, "reached_note"), ""));
	s = h->fmt(ctx, h->label(ctx, "s_year_reached"), year_str(h, ctx, year),
	           h->fmt_int(ctx, reached(h, o)), note);
	if (h->length(acts) > 0)
		s = h->fmt(ctx, "%s %s", s,
		           h->fmt(ctx, h->label(ctx, "s_activities"), join(h, ctx, acts)));
	h->paragraph(ctx, s);
	if (h->length(ms) == 0)
		return;
	h->list_begin(ctx, 0);
	for (i = 0; i < h->length(ms); i++)
		h->list_item(ctx, milestone_item(h, ctx, h->at(ms, i)));
	h->list_end(ctx);
}

static int outreach_emit(const rapport_host *h, rapport_ctx *ctx)
{
	size_t i, n = 0;
	long sum;

	for (i = 0; i < h->year_count(ctx); i++)
		if (h->kind(h->year_data(ctx, i, "outreach")) == RAPPORT_OBJECT)
			n++;
	if (n == 0) {
		h->paragraph(ctx, h->label(ctx, "no_data"));
		return RAPPORT_OK;
	}
	sum = emit_table(h, ctx);
	emit_stated(h, ctx, sum);
	if (emit_chart(h, ctx) != RAPPORT_OK)
		return RAPPORT_FAIL;
	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *o = h->year_data(ctx, i, "outreach");
		if (h->kind(o) == RAPPORT_OBJECT)
			emit_year(h, ctx, h->year(ctx, i), o);
	}
	return RAPPORT_OK;
}

static const rapport_section_type outreach_type = {
        .name = "outreach",
        .version = "1.0.0",
        .description = "information spreading: people reached, milestones",
        .api_level = 2,
        .labels = outreach_labels,
        .validate = outreach_validate,
        .emit = outreach_emit,
        .section_fields = section_fields,
        .year_key = "outreach",
        .year_fields = year_fields,
};

static int outreach_init(const rapport_host *host, rapport_registry *reg)
{
	return host->register_section(reg, &outreach_type);
}

RAPPORT_PLUGIN(outreach_init)
