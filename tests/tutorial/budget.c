/*
 * budget.c - the "budget" section: budget against outcome, per year.
 *
 * Each year file may have a member
 *     "budget": { "lines": [ { "item": "Personal", "budgeted": 600, "spent": 585 } ],
 *                 "comment": "..." }
 * The section shows, for every year of the build that has one, a table of
 * the lines with the deviation in money and per cent and a total row, one
 * sentence on how much of the budget was used, the year's comment, and (over
 * two years or more) a bar chart of budget and outcome per year.  The
 * section option "unit" ("kr", "tkr" or "mkr") names the unit of the figures.
 */
#include <stdlib.h>

#include <rapport/plugin.h>

static const rapport_label labels[] = {
        {"col_item", "Post", "Item"},
        {"col_budgeted", "Budget", "Budget"},
        {"col_spent", "Utfall", "Outcome"},
        {"col_diff", "Avvikelse", "Deviation"},
        {"col_diff_pct", "Avvikelse %", "Deviation %"},
        {"total", "Summa", "Total"},
        {"caption", "Budget och utfall %s (%s)", "Budget and outcome %s (%s)"},
        {"used", "År %s användes %s av budgeten: %s av %s %s.",
         "In %s, %s of the budget was used: %s of %s %s."},
        {"fig", "Budget och utfall per år (%s)", "Budget and outcome per year (%s)"},
        {"fig_alt", "Stapeldiagram med budget och utfall för varje år.",
         "Bar chart of budget and outcome for each year."},
        {"axis_year", "År", "Year"},
        {"no_data", "Det finns ingen budget för rapportens år.",
         "There is no budget for the years of this report."},
        {NULL, NULL, NULL},
};

/* The data the section takes.  rapport checks it before budget_validate()
 * runs, and `rapport describe budget` prints it. */
static const rapport_field line_fields[] = {
        {.key = "item", .type = RAPPORT_T_STRING, .required = 1, .doc = "the budget line"},
        {.key = "budgeted",
         .type = RAPPORT_T_NUMBER,
         .required = 1,
         .min = 0,
         .max = 1e12,
         .doc = "the amount budgeted"},
        {.key = "spent",
         .type = RAPPORT_T_NUMBER,
         .required = 1,
         .min = 0,
         .max = 1e12,
         .doc = "the amount spent"},
        {.key = NULL},
};

static const rapport_field year_fields[] = {
        {.key = "lines",
         .type = RAPPORT_T_ARRAY,
         .required = 1,
         .fields = line_fields,
         .doc = "the budget lines, in the order shown"},
        {.key = "comment", .type = RAPPORT_T_STRING, .doc = "a paragraph after the table"},
        {.key = NULL},
};

static const char *const units[] = {"kr", "tkr", "mkr", NULL};

static const rapport_field section_fields[] = {
        {.key = "unit",
         .type = RAPPORT_T_STRING,
         .values = units,
         .doc = "the unit of every amount (default kr)"},
        {.key = NULL},
};

/* What the declarations cannot say: a year has at least one line, and no
 * line has a budget of zero with money spent (no percentage exists). */
static int budget_validate(const rapport_host *h, rapport_ctx *ctx)
{
	int rc = RAPPORT_OK;
	for (size_t i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *b = h->year_data(ctx, i, "budget");
		const rapport_node *lines;
		if (h->kind(b) == RAPPORT_MISSING)
			continue;
		if (h->need_array(ctx, b, "lines", &lines) != RAPPORT_OK) {
			rc = RAPPORT_FAIL;
			continue;
		}
		if (h->length(lines) == 0) {
			h->error(ctx, lines, "expected at least one budget line");
			rc = RAPPORT_FAIL;
		}
		for (size_t j = 0; j < h->length(lines); j++) {
			const rapport_node *line = h->at(lines, j);
			const rapport_node *budgeted = h->get(line, "budgeted");
			if (h->number(budgeted, -1) == 0 &&
			    h->number(h->get(line, "spent"), 0) > 0) {
				h->error(ctx, budgeted,
				         "a line with money spent needs a budget above 0");
				rc = RAPPORT_FAIL;
			}
		}
	}
	return rc;
}

/* An amount with as many decimals as it needs (none or one). */
static const char *amount(const rapport_host *h, rapport_ctx *ctx, double v)
{
	return h->fmt_number(ctx, v, v == (double)(long)v ? 0 : 1);
}

/* One row: item, budgeted, spent, deviation, deviation in per cent. */
static void row(const rapport_host *h, rapport_ctx *ctx, const char *item, double budgeted,
                double spent, unsigned flags)
{
	double diff = spent - budgeted;
	const char *cells[5] = {item, amount(h, ctx, budgeted), amount(h, ctx, spent),
	                        h->fmt_change(ctx, diff, diff == (double)(long)diff ? 0 : 1, 0),
	                        budgeted > 0 ? h->fmt_change(ctx, 100 * diff / budgeted, 1, 1)
	                                     : "–"};
	h->table_row(ctx, cells, flags);
}

/* The table, sentence and comment of one year; adds its totals to *b, *s. */
static void emit_year(const rapport_host *h, rapport_ctx *ctx, int year, const rapport_node *data,
                      const char *unit, double *b, double *s)
{
	static const int align[5] = {RAPPORT_ALIGN_LEFT, RAPPORT_ALIGN_RIGHT, RAPPORT_ALIGN_RIGHT,
	                             RAPPORT_ALIGN_RIGHT, RAPPORT_ALIGN_RIGHT};
	const char *head[5] = {h->label(ctx, "col_item"), h->label(ctx, "col_budgeted"),
	                       h->label(ctx, "col_spent"), h->label(ctx, "col_diff"),
	                       h->label(ctx, "col_diff_pct")};
	const char *y = h->fmt(ctx, "%d", year);
	const rapport_node *lines = h->get(data, "lines");
	const char *comment = h->string(h->get(data, "comment"), NULL);

	*b = *s = 0;
	h->table_begin(ctx, h->fmt(ctx, h->label(ctx, "caption"), y, unit), 5, head, align);
	for (size_t j = 0; j < h->length(lines); j++) {
		const rapport_node *line = h->at(lines, j);
		double budgeted = h->number(h->get(line, "budgeted"), 0);
		double spent = h->number(h->get(line, "spent"), 0);
		row(h, ctx, h->string(h->get(line, "item"), ""), budgeted, spent, 0);
		*b += budgeted;
		*s += spent;
	}
	row(h, ctx, h->label(ctx, "total"), *b, *s, RAPPORT_ROW_TOTAL);
	h->table_end(ctx);
	if (*b > 0)
		h->paragraph(ctx, h->fmt(ctx, h->label(ctx, "used"), y,
		                         h->fmt_percent(ctx, 100 * *s / *b, 1), amount(h, ctx, *s),
		                         amount(h, ctx, *b), unit));
	if (comment)
		h->paragraph(ctx, comment);
}

static int budget_emit(const rapport_host *h, rapport_ctx *ctx)
{
	const char *unit = h->string(h->get(h->section(ctx), "unit"), "kr");
	size_t n = h->year_count(ctx), ny = 0;
	const char **years = calloc(n ? n : 1, sizeof(*years));
	double *totals = calloc(2 * (n ? n : 1), sizeof(*totals)); /* budgets, then outcomes */

	if (!years || !totals) {
		free(years);
		free(totals);
		h->error(ctx, NULL, "out of memory");
		return RAPPORT_FAIL;
	}
	for (size_t i = 0; i < n; i++) {
		const rapport_node *data = h->year_data(ctx, i, "budget");
		if (h->kind(data) != RAPPORT_OBJECT)
			continue;
		years[ny] = h->fmt(ctx, "%d", h->year(ctx, i));
		emit_year(h, ctx, h->year(ctx, i), data, unit, &totals[ny], &totals[n + ny]);
		ny++;
	}
	if (ny == 0)
		h->paragraph(ctx, h->label(ctx, "no_data"));
	if (ny >= 2) {
		rapport_series series[2] = {{h->label(ctx, "col_budgeted"), totals},
		                            {h->label(ctx, "col_spent"), totals + n}};
		rapport_chart chart = {.kind = RAPPORT_CHART_BAR,
		                       .caption = h->fmt(ctx, h->label(ctx, "fig"), unit),
		                       .alt = h->label(ctx, "fig_alt"),
		                       .x_title = h->label(ctx, "axis_year"),
		                       .y_title = unit,
		                       .n_categories = ny,
		                       .categories = years,
		                       .n_series = 2,
		                       .series = series};
		h->chart(ctx, &chart);
	}
	free(years);
	free(totals);
	return RAPPORT_OK;
}

static const rapport_section_type budget_type = {
        .name = "budget",
        .version = "1.0.0",
        .description = "budget against outcome per year",
        .api_level = 2,
        .labels = labels,
        .validate = budget_validate,
        .emit = budget_emit,
        .section_fields = section_fields,
        .year_key = "budget",
        .year_fields = year_fields,
};

static int budget_init(const rapport_host *host, rapport_registry *reg)
{
	return host->register_section(reg, &budget_type);
}

RAPPORT_PLUGIN(budget_init)
