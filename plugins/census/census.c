/*
 * census.c - the "census" section: the yearly count of work-integrating social
 * enterprises (ASF) in the county.
 *
 * For every year of the build that has a `census` member it shows
 *   - a table of companies and employees (women, men, total as stated),
 *   - a table of people placed in the companies per referring body (total as
 *     stated),
 *   - a table of companies per region (when any year gives regions),
 *   - a note for every stated total that differs from the sum of its parts,
 *   - generated sentences: the change from the first to the last year, or a
 *     description of the one year of a single-year report,
 *   - a stacked bar chart of people placed per referring body and year,
 *   - a line chart of companies and employees over the years (two or more).
 * Stated totals are always shown as stated; the analysis section lists the
 * disagreements of the whole report.
 */
#include <stdlib.h>
#include <string.h>

#include <rapport/plugin.h>

#define COUNT_MAX   1000000000L /* largest count accepted in the data */
#define MAX_REGIONS 16          /* distinct region names over all years */

/* One year's census, as read from the data. */
struct census_year {
	int year;
	long companies;
	long emp_total, emp_women, emp_men;
	long placed_total, placed_af, placed_kommun, placed_ovriga;
	const rapport_node *regions; /* object region -> companies, or missing */
};

static const rapport_label census_labels[] = {
        {"col_year", "År", "Year"},
        {"col_companies", "Företag", "Companies"},
        {"col_emp_women", "Anställda kvinnor", "Employees, women"},
        {"col_emp_men", "Anställda män", "Employees, men"},
        {"col_emp_total", "Anställda totalt", "Employees, total"},
        {"col_af", "Arbetsförmedlingen", "Public Employment Service"},
        {"col_kommun", "Kommun", "Municipality"},
        {"col_ovriga", "Övriga", "Others"},
        {"col_total", "Totalt", "Total"},
        {"col_companies_total", "Företag totalt", "Companies, total"},
        {"none", "–", "–"},
        {"cap_companies", "Registrerade företag och anställda per år",
         "Registered companies and employees per year"},
        {"cap_placed", "Personer placerade i företagen per remitterande aktör",
         "People placed in the companies, by referring body"},
        {"cap_regions", "Registrerade företag per region", "Registered companies per region"},
        {"fig_placed", "Personer placerade i företagen per remitterande aktör och år",
         "People placed in the companies, by referring body and year"},
        {"fig_placed_alt",
         "Staplade staplar per år med antalet personer placerade av Arbetsförmedlingen, "
         "kommunen och övriga.",
         "Stacked bars per year with the number of people placed by the Public Employment "
         "Service, the municipalities and others."},
        {"fig_trend", "Registrerade företag och anställda per år",
         "Registered companies and employees per year"},
        {"fig_trend_alt", "Linjediagram med antalet registrerade företag och anställda per år.",
         "Line chart of the number of registered companies and employees per year."},
        {"axis_year", "År", "Year"},
        {"axis_persons", "Antal personer", "Number of people"},
        {"axis_count", "Antal", "Number"},
        {"series_companies", "Företag", "Companies"},
        {"series_employees", "Anställda", "Employees"},
        {"no_data", "Det finns inga uppgifter från företagsinventeringen för rapportens år.",
         "There are no census figures for the years of this report."},
        /* Sentences: printf templates whose arguments are all strings (%s). */
        {"what_companies", "Antalet registrerade företag", "The number of registered companies"},
        {"what_employees", "Antalet anställda", "The number of employees"},
        {"what_placed", "Antalet personer placerade i företagen",
         "The number of people placed in the companies"},
        {"verb_up", "ökade", "increased"},
        {"verb_down", "minskade", "decreased"},
        {"s_change", "%s %s från %s år %s till %s år %s (%s, %s).",
         "%s %s from %s in %s to %s in %s (%s, %s)."},
        {"s_change_nopct", "%s %s från %s år %s till %s år %s (%s).",
         "%s %s from %s in %s to %s in %s (%s)."},
        {"s_same", "%s var detsamma år %s som år %s: %s.", "%s was the same in %s as in %s: %s."},
        {"s_year",
         "År %s fanns %s registrerade företag med sammantaget %s anställda, %s kvinnor och %s män.",
         "In %s there were %s registered companies with %s employees in all, %s women and %s men."},
        {"s_year_placed",
         "I företagen var %s personer placerade: %s av Arbetsförmedlingen, %s av kommunen och %s "
         "av övriga (utan ersättning).",
         "%s people were placed in the companies: %s by the Public Employment Service, %s by the "
         "municipalities and %s by others (without compensation)."},
        {"s_note_placed",
         "Anm. För %s anges %s placerade personer totalt, medan Arbetsförmedlingen, kommun och "
         "övriga tillsammans är %s.",
         "Note: for %s the stated total of people placed is %s, while the Public Employment "
         "Service, the municipalities and others add up to %s."},
        {"s_note_employees",
         "Anm. För %s anges %s anställda totalt, medan kvinnor och män tillsammans är %s.",
         "Note: for %s the stated total of employees is %s, while women and men add up to %s."},
        {"s_note_regions",
         "Anm. För %s anges %s registrerade företag, medan regionerna tillsammans har %s.",
         "Note: for %s the stated number of registered companies is %s, while the regions add "
         "up to %s."},
        {NULL, NULL, NULL},
};

/* ------------------------------------------------------------ declared data */

#define COUNT .type = RAPPORT_T_INT, .min = 0, .max = COUNT_MAX

static const rapport_field employee_fields[] = {
        {.key = "total", COUNT, .required = 1, .doc = "employees of the companies"},
        {.key = "women", COUNT, .required = 1, .doc = "of which women"},
        {.key = "men", COUNT, .required = 1, .doc = "of which men"},
        {.key = NULL},
};

static const rapport_field placed_fields[] = {
        {.key = "total", COUNT, .required = 1, .doc = "people placed at the companies"},
        {.key = "arbetsformedlingen",
         COUNT,
         .required = 1,
         .doc = "of which by Arbetsförmedlingen"},
        {.key = "kommun", COUNT, .required = 1, .doc = "of which by the municipalities"},
        {.key = "ovriga", COUNT, .required = 1, .doc = "of which by others"},
        {.key = NULL},
};

static const rapport_field region_fields[] = {
        {.key = "*", COUNT, .doc = "companies in the region, by region name"},
        {.key = NULL},
};

static const rapport_field year_fields[] = {
        {.key = "when", .type = RAPPORT_T_STRING, .doc = "when it was taken"},
        {.key = "companies", COUNT, .required = 1, .doc = "registered companies"},
        {.key = "employees", .type = RAPPORT_T_OBJECT, .required = 1, .fields = employee_fields},
        {.key = "placed", .type = RAPPORT_T_OBJECT, .required = 1, .fields = placed_fields},
        {.key = "regions", .type = RAPPORT_T_OBJECT, .fields = region_fields},
        {.key = NULL},
};

/* The section takes no options besides the common ones. */
static const rapport_field section_fields[] = {{.key = NULL}};

/* Member `key` of obj as a whole number (0 when absent). */
static long get_long(const rapport_host *h, const rapport_node *obj, const char *key)
{
	return (long)h->number(h->get(obj, key), 0);
}

/* Checks one year's census object; reports every problem at its node. */
static int check_census(const rapport_host *h, rapport_ctx *ctx, const rapport_node *c)
{
	static const char *const emp_keys[] = {"total", "women", "men"};
	static const char *const placed_keys[] = {"total", "arbetsformedlingen", "kommun",
	                                          "ovriga"};
	const rapport_node *emp, *placed, *regions;
	int rc = RAPPORT_OK;
	long v;
	size_t i;

	if (h->need_int(ctx, c, "companies", 0, COUNT_MAX, &v) != RAPPORT_OK)
		rc = RAPPORT_FAIL;
	if (h->need_object(ctx, c, "employees", &emp) == RAPPORT_OK) {
		for (i = 0; i < 3; i++)
			if (h->need_int(ctx, emp, emp_keys[i], 0, COUNT_MAX, &v) != RAPPORT_OK)
				rc = RAPPORT_FAIL;
	} else {
		rc = RAPPORT_FAIL;
	}
	if (h->need_object(ctx, c, "placed", &placed) == RAPPORT_OK) {
		for (i = 0; i < 4; i++)
			if (h->need_int(ctx, placed, placed_keys[i], 0, COUNT_MAX, &v) !=
			    RAPPORT_OK)
				rc = RAPPORT_FAIL;
	} else {
		rc = RAPPORT_FAIL;
	}
	if (rc == RAPPORT_OK) {
		/* a part larger than its whole cannot be right (a sum of parts that
		 * differs from the whole is a finding of the analysis, not an error) */
		for (i = 1; i < 3; i++)
			if (get_long(h, emp, emp_keys[i]) > get_long(h, emp, "total")) {
				h->error(ctx, h->get(emp, emp_keys[i]),
				         "%ld is more than employees.total (%ld): a part cannot be "
				         "larger than its whole",
				         get_long(h, emp, emp_keys[i]), get_long(h, emp, "total"));
				rc = RAPPORT_FAIL;
			}
		for (i = 1; i < 4; i++)
			if (get_long(h, placed, placed_keys[i]) > get_long(h, placed, "total")) {
				h->error(ctx, h->get(placed, placed_keys[i]),
				         "%ld is more than placed.total (%ld): a part cannot be "
				         "larger "
				         "than its whole",
				         get_long(h, placed, placed_keys[i]),
				         get_long(h, placed, "total"));
				rc = RAPPORT_FAIL;
			}
	}
	if (h->kind(h->get(c, "regions")) != RAPPORT_MISSING) {
		if (h->need_object(ctx, c, "regions", &regions) != RAPPORT_OK)
			return RAPPORT_FAIL;
		for (i = 0; i < h->length(regions); i++)
			if (h->need_int(ctx, regions, h->key_at(regions, i), 0, COUNT_MAX, &v) !=
			    RAPPORT_OK)
				rc = RAPPORT_FAIL;
	}
	return rc;
}

/* Adds the region names of `regions` not yet in names[]; returns the new
 * count, or MAX_REGIONS + 1 when there would be too many. */
static size_t add_regions(const rapport_host *h, const rapport_node *regions, const char **names,
                          size_t n)
{
	size_t i, j;

	for (i = 0; i < h->length(regions); i++) {
		const char *key = h->key_at(regions, i);
		for (j = 0; j < n && strcmp(names[j], key) != 0; j++)
			;
		if (j < n)
			continue;
		if (n == MAX_REGIONS)
			return MAX_REGIONS + 1;
		names[n++] = key;
	}
	return n;
}

static int census_validate(const rapport_host *h, rapport_ctx *ctx)
{
	const char *names[MAX_REGIONS];
	size_t i, nregions = 0;
	int rc = RAPPORT_OK;

	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *c = h->year_data(ctx, i, "census");
		int k = h->kind(c);
		if (k == RAPPORT_MISSING)
			continue;
		if (k != RAPPORT_OBJECT) {
			h->error(ctx, c, "expected an object");
			rc = RAPPORT_FAIL;
			continue;
		}
		if (check_census(h, ctx, c) != RAPPORT_OK) {
			rc = RAPPORT_FAIL;
			continue;
		}
		nregions = add_regions(h, h->get(c, "regions"), names, nregions);
		if (nregions > MAX_REGIONS) {
			h->error(ctx, h->get(c, "regions"), "more than %d distinct regions",
			         MAX_REGIONS);
			return RAPPORT_FAIL;
		}
	}
	return rc;
}

/* Reads the census of every year of the build that has one into ys[];
 * returns how many. */
static size_t collect(const rapport_host *h, rapport_ctx *ctx, struct census_year *ys)
{
	size_t i, n = 0;

	for (i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *c = h->year_data(ctx, i, "census");
		const rapport_node *emp = h->get(c, "employees");
		const rapport_node *placed = h->get(c, "placed");
		struct census_year *y = &ys[n];
		if (h->kind(c) != RAPPORT_OBJECT)
			continue;
		y->year = h->year(ctx, i);
		y->companies = get_long(h, c, "companies");
		y->emp_total = get_long(h, emp, "total");
		y->emp_women = get_long(h, emp, "women");
		y->emp_men = get_long(h, emp, "men");
		y->placed_total = get_long(h, placed, "total");
		y->placed_af = get_long(h, placed, "arbetsformedlingen");
		y->placed_kommun = get_long(h, placed, "kommun");
		y->placed_ovriga = get_long(h, placed, "ovriga");
		y->regions = h->get(c, "regions");
		n++;
	}
	return n;
}

static const char *year_str(const rapport_host *h, rapport_ctx *ctx, int year)
{
	return h->fmt(ctx, "%d", year);
}

static void emit_company_table(const rapport_host *h, rapport_ctx *ctx,
                               const struct census_year *ys, size_t n)
{
	const char *head[5];
	size_t i;

	head[0] = h->label(ctx, "col_year");
	head[1] = h->label(ctx, "col_companies");
	head[2] = h->label(ctx, "col_emp_women");
	head[3] = h->label(ctx, "col_emp_men");
	head[4] = h->label(ctx, "col_emp_total");
	h->table_begin(ctx, h->label(ctx, "cap_companies"), 5, head, NULL);
	for (i = 0; i < n; i++) {
		const char *row[5];
		row[0] = year_str(h, ctx, ys[i].year);
		row[1] = h->fmt_int(ctx, ys[i].companies);
		row[2] = h->fmt_int(ctx, ys[i].emp_women);
		row[3] = h->fmt_int(ctx, ys[i].emp_men);
		row[4] = h->fmt_int(ctx, ys[i].emp_total);
		h->table_row(ctx, row, 0);
	}
	h->table_end(ctx);
}

static void emit_placed_table(const rapport_host *h, rapport_ctx *ctx, const struct census_year *ys,
                              size_t n)
{
	const char *head[5];
	size_t i;

	head[0] = h->label(ctx, "col_year");
	head[1] = h->label(ctx, "col_af");
	head[2] = h->label(ctx, "col_kommun");
	head[3] = h->label(ctx, "col_ovriga");
	head[4] = h->label(ctx, "col_total");
	h->table_begin(ctx, h->label(ctx, "cap_placed"), 5, head, NULL);
	for (i = 0; i < n; i++) {
		const char *row[5];
		row[0] = year_str(h, ctx, ys[i].year);
		row[1] = h->fmt_int(ctx, ys[i].placed_af);
		row[2] = h->fmt_int(ctx, ys[i].placed_kommun);
		row[3] = h->fmt_int(ctx, ys[i].placed_ovriga);
		row[4] = h->fmt_int(ctx, ys[i].placed_total);
		h->table_row(ctx, row, 0);
	}
	h->table_end(ctx);
}

/* The regions table: one column per region named in any year, in order of
 * first appearance, then the stated number of companies.  Nothing when no
 * year gives regions. */
static void emit_region_table(const rapport_host *h, rapport_ctx *ctx, const struct census_year *ys,
                              size_t n)
{
	const char *names[MAX_REGIONS];
	const char *head[MAX_REGIONS + 2];
	const char *row[MAX_REGIONS + 2];
	size_t i, j, nreg = 0;

	for (i = 0; i < n; i++)
		nreg = add_regions(h, ys[i].regions, names, nreg);
	if (nreg == 0 || nreg > MAX_REGIONS)
		return;
	head[0] = h->label(ctx, "col_year");
	for (j = 0; j < nreg; j++)
		head[j + 1] = names[j];
	head[nreg + 1] = h->label(ctx, "col_companies_total");
	h->table_begin(ctx, h->label(ctx, "cap_regions"), nreg + 2, head, NULL);
	for (i = 0; i < n; i++) {
		if (h->kind(ys[i].regions) != RAPPORT_OBJECT)
			continue;
		row[0] = year_str(h, ctx, ys[i].year);
		for (j = 0; j < nreg; j++) {
			const rapport_node *v = h->get(ys[i].regions, names[j]);
			row[j + 1] = h->kind(v) == RAPPORT_NUMBER
			                     ? h->fmt_int(ctx, (long)h->number(v, 0))
			                     : h->label(ctx, "none");
		}
		row[nreg + 1] = h->fmt_int(ctx, ys[i].companies);
		h->table_row(ctx, row, 0);
	}
	h->table_end(ctx);
}

/* The stacked bar chart of people placed and, over two years or more, the
 * line chart of companies and employees.  Returns RAPPORT_FAIL when out of
 * memory. */
static int emit_charts(const rapport_host *h, rapport_ctx *ctx, const struct census_year *ys,
                       size_t n)
{
	const char **cats = calloc(n, sizeof *cats);
	double *v = calloc(5 * n, sizeof *v);
	rapport_series s[3];
	rapport_chart ch;
	size_t i;

	if (cats == NULL || v == NULL) {
		free(cats);
		free(v);
		h->error(ctx, NULL, "out of memory");
		return RAPPORT_FAIL;
	}
	for (i = 0; i < n; i++) {
		cats[i] = year_str(h, ctx, ys[i].year);
		v[i] = (double)ys[i].placed_af;
		v[n + i] = (double)ys[i].placed_kommun;
		v[2 * n + i] = (double)ys[i].placed_ovriga;
		v[3 * n + i] = (double)ys[i].companies;
		v[4 * n + i] = (double)ys[i].emp_total;
	}
	s[0].name = h->label(ctx, "col_af");
	s[0].values = v;
	s[1].name = h->label(ctx, "col_kommun");
	s[1].values = v + n;
	s[2].name = h->label(ctx, "col_ovriga");
	s[2].values = v + 2 * n;
	memset(&ch, 0, sizeof ch);
	ch.kind = RAPPORT_CHART_STACKED_BAR;
	ch.caption = h->label(ctx, "fig_placed");
	ch.alt = h->label(ctx, "fig_placed_alt");
	ch.x_title = h->label(ctx, "axis_year");
	ch.y_title = h->label(ctx, "axis_persons");
	ch.n_categories = n;
	ch.categories = cats;
	ch.n_series = 3;
	ch.series = s;
	h->chart(ctx, &ch);

	if (n < 2) { /* a line needs two years */
		free(cats);
		free(v);
		return RAPPORT_OK;
	}
	s[0].name = h->label(ctx, "series_companies");
	s[0].values = v + 3 * n;
	s[1].name = h->label(ctx, "series_employees");
	s[1].values = v + 4 * n;
	ch.kind = RAPPORT_CHART_LINE;
	ch.caption = h->label(ctx, "fig_trend");
	ch.alt = h->label(ctx, "fig_trend_alt");
	ch.y_title = h->label(ctx, "axis_count");
	ch.n_series = 2;
	h->chart(ctx, &ch);

	free(cats);
	free(v);
	return RAPPORT_OK;
}

/* One sentence on how a count changed from year y0 (value a) to y1 (b). */
static const char *change_sentence(const rapport_host *h, rapport_ctx *ctx, const char *what_key,
                                   int y0, long a, int y1, long b)
{
	const char *what = h->label(ctx, what_key);
	const char *verb = h->label(ctx, b > a ? "verb_up" : "verb_down");

	if (a == b)
		return h->fmt(ctx, h->label(ctx, "s_same"), what, year_str(h, ctx, y1),
		              year_str(h, ctx, y0), h->fmt_int(ctx, b));
	if (a == 0)
		return h->fmt(ctx, h->label(ctx, "s_change_nopct"), what, verb, h->fmt_int(ctx, a),
		              year_str(h, ctx, y0), h->fmt_int(ctx, b), year_str(h, ctx, y1),
		              h->fmt_change(ctx, (double)(b - a), 0, 0));
	return h->fmt(ctx, h->label(ctx, "s_change"), what, verb, h->fmt_int(ctx, a),
	              year_str(h, ctx, y0), h->fmt_int(ctx, b), year_str(h, ctx, y1),
	              h->fmt_change(ctx, (double)(b - a), 0, 0),
	              h->fmt_change(ctx, 100.0 * (double)(b - a) / (double)a, 1, 1));
}

/* The changes from the first to the last year, or the one year described. */
static void emit_sentences(const rapport_host *h, rapport_ctx *ctx, const struct census_year *ys,
                           size_t n)
{
	const struct census_year *f = &ys[0], *l = &ys[n - 1];

	if (n > 1) {
		h->paragraph(ctx,
		             h->fmt(ctx, "%s %s %s",
		                    change_sentence(h, ctx, "what_companies", f->year, f->companies,
		                                    l->year, l->companies),
		                    change_sentence(h, ctx, "what_employees", f->year, f->emp_total,
		                                    l->year, l->emp_total),
		                    change_sentence(h, ctx, "what_placed", f->year, f->placed_total,
		                                    l->year, l->placed_total)));
	} else {
		const char *y = year_str(h, ctx, f->year);
		const char *s1 =
		        h->fmt(ctx, h->label(ctx, "s_year"), y, h->fmt_int(ctx, f->companies),
		               h->fmt_int(ctx, f->emp_total), h->fmt_int(ctx, f->emp_women),
		               h->fmt_int(ctx, f->emp_men));
		const char *s2 = h->fmt(
		        ctx, h->label(ctx, "s_year_placed"), h->fmt_int(ctx, f->placed_total),
		        h->fmt_int(ctx, f->placed_af), h->fmt_int(ctx, f->placed_kommun),
		        h->fmt_int(ctx, f->placed_ovriga));
		h->paragraph(ctx, h->fmt(ctx, "%s %s", s1, s2));
	}
}

/* A note for each stated total that differs from the sum of its parts. */
static void emit_notes(const rapport_host *h, rapport_ctx *ctx, const struct census_year *ys,
                       size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct census_year *y = &ys[i];
		const char *ystr = year_str(h, ctx, y->year);
		long parts = y->placed_af + y->placed_kommun + y->placed_ovriga;
		long regions = 0;
		size_t j;

		if (parts != y->placed_total)
			h->paragraph(ctx, h->fmt(ctx, h->label(ctx, "s_note_placed"), ystr,
			                         h->fmt_int(ctx, y->placed_total),
			                         h->fmt_int(ctx, parts)));
		if (y->emp_women + y->emp_men != y->emp_total)
			h->paragraph(ctx, h->fmt(ctx, h->label(ctx, "s_note_employees"), ystr,
			                         h->fmt_int(ctx, y->emp_total),
			                         h->fmt_int(ctx, y->emp_women + y->emp_men)));
		if (h->kind(y->regions) != RAPPORT_OBJECT)
			continue;
		for (j = 0; j < h->length(y->regions); j++)
			regions += (long)h->number(h->at(y->regions, j), 0);
		if (regions != y->companies)
			h->paragraph(ctx, h->fmt(ctx, h->label(ctx, "s_note_regions"), ystr,
			                         h->fmt_int(ctx, y->companies),
			                         h->fmt_int(ctx, regions)));
	}
}

static int census_emit(const rapport_host *h, rapport_ctx *ctx)
{
	size_t count = h->year_count(ctx);
	struct census_year *ys = calloc(count ? count : 1, sizeof *ys);
	size_t n;
	int rc;

	if (ys == NULL) {
		h->error(ctx, NULL, "out of memory");
		return RAPPORT_FAIL;
	}
	n = collect(h, ctx, ys);
	if (n == 0) {
		h->paragraph(ctx, h->label(ctx, "no_data"));
		free(ys);
		return RAPPORT_OK;
	}
	emit_company_table(h, ctx, ys, n);
	emit_placed_table(h, ctx, ys, n);
	emit_region_table(h, ctx, ys, n);
	emit_notes(h, ctx, ys, n);
	emit_sentences(h, ctx, ys, n);
	rc = emit_charts(h, ctx, ys, n);
	free(ys);
	return rc;
}

static const rapport_section_type census_type = {
        .name = "census",
        .version = "1.0.0",
        .description = "yearly ASF census: companies, employees, placed",
        .api_level = 2,
        .labels = census_labels,
        .validate = census_validate,
        .emit = census_emit,
        .section_fields = section_fields,
        .year_key = "census",
        .year_fields = year_fields,
};

static int census_init(const rapport_host *host, rapport_registry *reg)
{
	return host->register_section(reg, &census_type);
}

RAPPORT_PLUGIN(census_init)
