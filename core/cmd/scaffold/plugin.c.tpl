/*
 * @NAME@.c - the "@NAME@" section of a rapport report.
 *
 * Reads the member "@NAME@" of each year file:
 *     "@NAME@": { "items": [ { "label": "...", "value": 12 }, ... ], "note": "..." }
 * and emits a table of every item per year with each year's total, a
 * sentence per year, and a bar chart of the totals when there are two years
 * or more.  Build with `make`, try it with `make report`.
 */
#include <stdlib.h>

#include <rapport/plugin.h>

/* Fixed texts in Swedish and English; host->label() picks the build's. */
static const rapport_label labels[] = {
        {"col_year", "År", "Year"},
        {"col_item", "Post", "Item"},
        {"col_value", "Värde", "Value"},
        {"total", "Summa", "Total"},
        {"caption", "@NAME@ per år", "@NAME@ per year"},
        {"sentence", "Summan för %s var %s.", "The total for %s was %s."},
        {"chart_alt", "Stapeldiagram med summan för varje år.",
         "Bar chart of the total for each year."},
        {"no_data", "Det finns inga uppgifter för rapportens år.",
         "There are no figures for the years of this report."},
        {NULL, NULL, NULL},
};

/* The data this section takes (API level 2): rapport checks it before
 * validate() runs and `rapport describe @NAME@` documents it. */
static const rapport_field item_fields[] = {
        {.key = "label", .type = RAPPORT_T_STRING, .required = 1, .doc = "what is counted"},
        {.key = "value",
         .type = RAPPORT_T_NUMBER,
         .required = 1,
         .min = 0,
         .max = 1e12,
         .doc = "the figure"},
        {.key = NULL},
};

static const rapport_field year_fields[] = {
        {.key = "items",
         .type = RAPPORT_T_ARRAY,
         .required = 1,
         .fields = item_fields,
         .doc = "one entry per row of the table"},
        {.key = "note", .type = RAPPORT_T_STRING, .doc = "a paragraph after the year's rows"},
        {.key = NULL},
};

static const rapport_field section_fields[] = {
        {.key = "caption", .type = RAPPORT_T_STRING, .doc = "the table's caption"},
        {.key = NULL},
};

/* Checks what the declared fields cannot: here, that a year lists items. */
static int @NAME@_validate(const rapport_host *h, rapport_ctx *ctx)
{
	int rc = RAPPORT_OK;
	for (size_t i = 0; i < h->year_count(ctx); i++) {
		const rapport_node *y = h->year_data(ctx, i, "@NAME@");
		const rapport_node *items;
		if (h->kind(y) == RAPPORT_MISSING)
			continue;
		if (h->need_array(ctx, y, "items", &items) != RAPPORT_OK) {
			rc = RAPPORT_FAIL;
			continue;
		}
		if (h->length(items) == 0) {
			h->error(ctx, items, "expected at least one item");
			rc = RAPPORT_FAIL;
		}
	}
	return rc;
}

static int @NAME@_emit(const rapport_host *h, rapport_ctx *ctx)
{
	size_t n = h->year_count(ctx), ny = 0;
	const char *head[3] = {h->label(ctx, "col_year"), h->label(ctx, "col_item"),
	                       h->label(ctx, "col_value")};
	static const int align[3] = {RAPPORT_ALIGN_LEFT, RAPPORT_ALIGN_LEFT, RAPPORT_ALIGN_RIGHT};
	const char *caption =
	        h->string(h->get(h->section(ctx), "caption"), h->label(ctx, "caption"));
	const char **years = calloc(n ? n : 1, sizeof(*years));
	double *totals = calloc(n ? n : 1, sizeof(*totals));

	if (!years || !totals) {
		free(years);
		free(totals);
		h->error(ctx, NULL, "out of memory");
		return RAPPORT_FAIL;
	}
	for (size_t i = 0; i < n; i++) {
		const rapport_node *items = h->get(h->year_data(ctx, i, "@NAME@"), "items");
		double sum = 0;
		if (h->length(items) == 0)
			continue;
		if (ny == 0)
			h->table_begin(ctx, caption, 3, head, align);
		years[ny] = h->fmt(ctx, "%d", h->year(ctx, i));
		for (size_t j = 0; j < h->length(items); j++) {
			const rapport_node *it = h->at(items, j);
			double v = h->number(h->get(it, "value"), 0);
			const char *row[3] = {years[ny], h->string(h->get(it, "label"), ""),
			                      h->fmt_number(ctx, v, v == (long)v ? 0 : 1)};
			h->table_row(ctx, row, 0);
			sum += v;
		}
		const char *total[3] = {years[ny], h->label(ctx, "total"),
		                        h->fmt_number(ctx, sum, sum == (long)sum ? 0 : 1)};
		h->table_row(ctx, total, RAPPORT_ROW_TOTAL);
		totals[ny++] = sum;
	}
	if (ny == 0) {
		h->paragraph(ctx, h->label(ctx, "no_data"));
	} else {
		h->table_end(ctx);
		for (size_t i = 0; i < ny; i++)
			h->paragraph(ctx,
			             h->fmt(ctx, h->label(ctx, "sentence"), years[i],
			                    h->fmt_number(ctx, totals[i],
			                                  totals[i] == (long)totals[i] ? 0 : 1)));
	}
	for (size_t i = 0; i < n; i++) {
		const char *note = h->string(h->get(h->year_data(ctx, i, "@NAME@"), "note"), NULL);
		if (note)
			h->paragraph(ctx, note);
	}
	if (ny >= 2) {
		rapport_series s = {h->label(ctx, "total"), totals};
		rapport_chart c = {.kind = RAPPORT_CHART_BAR,
		                   .caption = caption,
		                   .alt = h->label(ctx, "chart_alt"),
		                   .x_title = h->label(ctx, "col_year"),
		                   .y_title = h->label(ctx, "col_value"),
		                   .n_categories = ny,
		                   .categories = years,
		                   .n_series = 1,
		                   .series = &s};
		h->chart(ctx, &c);
	}
	free(years);
	free(totals);
	return RAPPORT_OK;
}

static const rapport_section_type @NAME@_type = {
        .name = "@NAME@",
        .version = "0.1.0",
        .description = "@NAME@: items and totals per year",
        .api_level = 2,
        .labels = labels,
        .validate = @NAME@_validate,
        .emit = @NAME@_emit,
        .section_fields = section_fields,
        .year_key = "@NAME@",
        .year_fields = year_fields,
};

static int @NAME@_init(const rapport_host *host, rapport_registry *reg)
{
	return host->register_section(reg, &@NAME@_type);
}

RAPPORT_PLUGIN(@NAME@_init)
