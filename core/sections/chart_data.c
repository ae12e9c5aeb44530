/*
 * chart_data.c - the chart data appendix.
 */
#include "sections/chart_data.h"

#include <math.h>
#include <stdlib.h>

#include "rapport/plugin.h"

/* Decimals the values need to be shown as given (0 to 2). */
static int decimals(const block_chart *c)
{
	int d = 0;
	for (size_t i = 0; i < c->ncat * c->nseries; i++) {
		double v = fabs(c->values[i]);
		while (isfinite(v) && d < 2 && fabs(v * pow(10, d) - round(v * pow(10, d))) > 1e-6)
			d++;
	}
	return d;
}

static const char *number(block_list *b, lang_id lang, double v, int dec)
{
	char buf[64];
	if (!isfinite(v))
		return label(lang, "none");
	if (dec == 0)
		fmt_int(lang, lround(v), buf, sizeof(buf));
	else
		fmt_number(lang, v, dec, buf, sizeof(buf));
	return arena_strdup(b->arena, buf);
}

/* The table of one chart, numbered n among the figures. */
static void chart_table(block_list *b, const block_chart *c, int n, lang_id lang)
{
	int round = c->kind == RAPPORT_CHART_PIE || c->kind == RAPPORT_CHART_DONUT;
	int stacked = c->kind == RAPPORT_CHART_STACKED_BAR ||
	              c->kind == RAPPORT_CHART_STACKED_HBAR || c->kind == RAPPORT_CHART_AREA;
	size_t nval = round ? 1 : c->nseries;
	size_t ncols = 1 + nval + (round || (stacked && c->nseries > 1) ? 1 : 0);
	const char **cells = calloc(ncols, sizeof(char *));
	int *align = calloc(ncols, sizeof(int));
	cells[0] = c->x_title ? c->x_title : "";
	for (size_t s = 0; s < nval; s++)
		cells[1 + s] =
		        round ? (c->y_title ? c->y_title : c->series_names[0]) : c->series_names[s];
	if (ncols > 1 + nval)
		cells[ncols - 1] = round ? "%" : label(lang, "total");
	for (size_t i = 1; i < ncols; i++)
		align[i] = RAPPORT_ALIGN_RIGHT;
	char *caption = arena_printf(b->arena, "%s %d: %s", label(lang, "figure"), n,
	                             c->caption ? c->caption : "");
	block_table *t = blocks_table(b, caption, ncols, cells, align);
	int dec = decimals(c);
	double all = 0;
	for (size_t k = 0; round && k < c->ncat; k++)
		all += isfinite(c->values[k]) ? c->values[k] : 0;
	for (size_t k = 0; k < c->ncat; k++) {
		cells[0] = c->categories[k];
		double sum = 0;
		for (size_t s = 0; s < nval; s++) {
			double v = c->values[s * c->ncat + k];
			cells[1 + s] = number(b, lang, v, dec);
			sum += isfinite(v) ? v : 0;
		}
		if (round) {
			char buf[64];
			fmt_number(lang, all != 0 ? 100 * sum / all : NAN, 1, buf, sizeof(buf));
			cells[ncols - 1] = arena_strdup(b->arena, buf);
		} else if (ncols > 1 + nval) {
			cells[ncols - 1] = number(b, lang, sum, dec);
		}
		table_add_row(b, t, cells, 0);
	}
	free(cells);
	free(align);
}

size_t chart_data_appendix(block_list *b, lang_id lang)
{
	size_t n = b->n, charts = 0;
	for (size_t i = 0; i < n; i++)
		charts += b->v[i].kind == BLOCK_CHART;
	if (!charts)
		return 0;
	blocks_heading(b, 1, label(lang, "chart_data"));
	int fig = 0;
	for (size_t i = 0; i < n; i++) {
		/* charts and pictures share the figure numbers */
		if (b->v[i].kind == BLOCK_IMAGE)
			fig++;
		else if (b->v[i].kind == BLOCK_CHART) /* b->v moves as blocks are added */
			chart_table(b, b->v[i].chart, ++fig, lang);
	}
	return charts;
}
