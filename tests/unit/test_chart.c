/* Charts: the tick algorithm, the palette in greyscale, and the geometry of
 * laid-out charts (bar heights proportional to the data from a zero
 * baseline, the legend clear of the data, pies adding up to a circle). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "fake_metrics.h"
#include "layout/chart.h"
#include "layout/layout.h"
#include "rapport/plugin.h"

static diag D;

static void expect_axis(double lo, double hi, double alo, double ahi, double step, int nticks,
                        int decimals)
{
	chart_axis a = chart_nice_axis(lo, hi, 5);
	assert_float_equal(a.lo, alo, 1e-12);
	assert_float_equal(a.hi, ahi, 1e-12);
	assert_float_equal(a.step, step, 1e-12);
	assert_int_equal(a.nticks, nticks);
	assert_int_equal(a.decimals, decimals);
}

static void ticks_are_nice(void **state)
{
	(void)state;
	expect_axis(0, 586, 0, 600, 100, 7, 0); /* 0, 100, ..., 600 */
	expect_axis(0, 600, 0, 600, 100, 7, 0); /* exactly on a tick: no extra */
	expect_axis(0, 243, 0, 250, 50, 6, 0);
	expect_axis(0, 7, 0, 7, 1, 8, 0); /* small maxima */
	expect_axis(0, 1, 0, 1, 0.2, 6, 1);
	expect_axis(0, 3, 0, 3, 0.5, 7, 1);
	expect_axis(0, 0.37, 0, 0.4, 0.1, 5, 1); /* fractional maxima */
	expect_axis(0, 0.0042, 0, 0.005, 0.001, 6, 3);
	expect_axis(0, 48.5, 0, 50, 10, 6, 0);
	expect_axis(0, 0, 0, 1, 1, 2, 0);        /* no data: 0 and 1 */
	expect_axis(12, 40, 0, 40, 10, 5, 0);    /* bars start at zero */
	expect_axis(-18, 45, -20, 50, 10, 8, 0); /* zero stays a tick */
	expect_axis(-7, -2, -7, 0, 1, 8, 0);
	expect_axis(0, 1257, 0, 1400, 200, 8, 0);
}

/* The step is 1, 2 or 5 times a power of ten for any maximum, and the top
 * tick is the first at or above the maximum. */
static void every_step_is_1_2_or_5(void **state)
{
	(void)state;
	for (double max = 0.013; max < 1e6; max *= 1.37) {
		chart_axis a = chart_nice_axis(0, max, 5);
		double m = a.step / pow(10, floor(log10(a.step) + 1e-9));
		assert_true(fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 || fabs(m - 5) < 1e-9);
		assert_true(a.hi >= max - 1e-9);
		assert_true(a.hi - a.step < max);
		assert_true(a.nticks >= 4 && a.nticks <= 10);
	}
}

static float grey(rgb c)
{
	return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
}

/* Any two of the first seven series differ in greyscale lightness by at
 * least 0.08 or in hatch pattern; the first twelve are all different. */
static void series_keep_apart_in_greyscale(void **state)
{
	(void)state;
	for (size_t i = 0; i < 7; i++)
		for (size_t j = i + 1; j < 7; j++)
			assert_true(fabsf(grey(chart_colour(i)) - grey(chart_colour(j))) >= 0.08f ||
			            chart_hatch(i) != chart_hatch(j));
	for (size_t i = 0; i < 12; i++)
		for (size_t j = i + 1; j < 12; j++) {
			rgb a = chart_colour(i), b = chart_colour(j);
			int same = a.r == b.r && a.g == b.g && a.b == b.b;
			assert_false(same && chart_hatch(i) == chart_hatch(j));
		}
}

static layout_opts opts(void)
{
	layout_opts o = {0};
	o.m = &FAKE_METRICS;
	o.lang = LANG_SV;
	o.title = "Diagram";
	o.date = "2021-02-11";
	return o;
}

static block_chart *add_chart(block_list *b, int kind, size_t ncat, size_t nseries,
                              const double *values)
{
	static const char *cats[] = {"2016", "2017", "2018", "2019", "2020"};
	static const char *names[] = {"Kvinnor", "Män", "Övriga"};
	block *k = blocks_add(b, BLOCK_CHART);
	block_chart *c = k->chart = arena_alloc(b->arena, sizeof(*c));
	c->kind = kind;
	c->caption = "Ett diagram";
	c->y_title = "Antal";
	c->ncat = ncat;
	c->nseries = nseries;
	c->categories = (const char **)cats;
	c->series_names = (const char **)names;
	c->values = arena_alloc(b->arena, ncat * nseries * sizeof(double));
	memcpy(c->values, values, ncat * nseries * sizeof(double));
	return c;
}

static int is_series_fill(const draw_op *op, size_t s)
{
	rgb c = chart_colour(s);
	return op->kind == DRAW_RECT && op->filled && op->fill.r == c.r && op->fill.g == c.g &&
	       op->fill.b == c.b && op->w > 12; /* not the legend swatch */
}

/* Grouped bars: heights proportional to the values from one baseline, and
 * the legend above the tallest bar. */
static void bar_heights_follow_the_data(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Diagram");
	const double v[] = {95, 586, 235, 183, 176, 10, 20, 30, 40, 50};
	add_chart(&b, RAPPORT_CHART_BAR, 5, 2, v);
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	assert_int_equal(layout_run(&b, &o, &doc, NULL, &D), 0);
	const page *pg = &doc.pages[2];
	float h[2][5], base = -1, top = 0, legend_y = -1;
	size_t n[2] = {0, 0};
	for (size_t i = 0; i < pg->n; i++) {
		const draw_op *op = &pg->ops[i];
		for (size_t s = 0; s < 2; s++)
			if (is_series_fill(op, s) && n[s] < 5) {
				h[s][n[s]++] = op->h;
				if (base < 0)
					base = op->y;
				assert_float_equal(op->y, base, 0.01);
				top = op->y + op->h > top ? op->y + op->h : top;
			}
		if (op->kind == DRAW_TEXT && strcmp(op->text, "Kvinnor") == 0)
			legend_y = op->y;
	}
	assert_int_equal(n[0], 5);
	assert_int_equal(n[1], 5);
	/* the axis runs 0..600: 586 is 586/600 of the plot */
	float unit = h[0][1] / 586.0f;
	for (size_t k = 0; k < 5; k++) {
		assert_float_equal(h[0][k], (float)v[k] * unit, 0.01);
		assert_float_equal(h[1][k], (float)v[5 + k] * unit, 0.01);
	}
	assert_true(legend_y > top + 8);
	document_free(&doc);
	blocks_free(&b);
}

/* The chart is a Figure in the structure tree whose /Alt says what it is
 * and every value (the chart had no alt text of its own), beside its
 * caption in a Div; its bars are the Figure's content. */
static void a_chart_is_a_figure_with_its_values(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Diagram");
	const double v[] = {95, 586, 235, 183, 176.5, 10, 20, 30, 40, 50};
	add_chart(&b, RAPPORT_CHART_BAR, 5, 2, v);
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	assert_int_equal(layout_run(&b, &o, &doc, NULL, &D), 0);
	int fig = 0;
	for (size_t e = 1; e < doc.nelems; e++)
		if (doc.elems[e].role == SE_FIGURE)
			fig = (int)e;
	assert_true(fig > 0);
	assert_string_equal(doc.elems[fig].text,
	                    "Stapeldiagram: Ett diagram. Kvinnor: 2016 95; 2017 586; 2018 235; "
	                    "2019 183; 2020 176,5. Män: 2016 10; 2017 20; 2018 30; 2019 40; "
	                    "2020 50. Värdena finns i tabellerna i avsnittet Diagramdata.");
	int div = doc.elems[fig].parent, caption = 0, bars = 0;
	assert_int_equal(doc.elems[div].role, SE_DIV);
	for (size_t e = 1; e < doc.nelems; e++)
		if (doc.elems[e].parent == div && doc.elems[e].role == SE_CAPTION)
			caption = (int)e;
	assert_true(caption > fig);
	const page *pg = &doc.pages[2];
	for (size_t i = 0; i < pg->n; i++)
		if (is_series_fill(&pg->ops[i], 0)) {
			assert_int_equal(pg->ops[i].elem, fig);
			assert_int_equal(pg->ops[i].art, ART_NONE);
			bars++;
		}
	assert_int_equal(bars, 5);
	document_free(&doc);
	blocks_free(&b);
}

/* Eight series with long names: the legend wraps into rows that stay
 * inside the margins and above every bar. */
static void a_long_legend_wraps_above_the_data(void **state)
{
	(void)state;
	static const char *names[] = {"Arbetsförmedlingen", "Kommunerna",    "Regionen",
	                              "Försäkringskassan",  "Övriga parter", "Privata företag",
	                              "Ideella föreningar", "Okänd anvisare"};
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Diagram");
	double v[8 * 5];
	for (int i = 0; i < 40; i++)
		v[i] = 1 + i % 7;
	block_chart *c = add_chart(&b, RAPPORT_CHART_STACKED_BAR, 5, 8, v);
	c->series_names = (const char **)names;
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	assert_int_equal(layout_run(&b, &o, &doc, NULL, &D), 0);
	const page *pg = &doc.pages[2];
	float bars_top = 0, lowest_legend = 1000;
	size_t found = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const draw_op *op = &pg->ops[i];
		if (op->kind == DRAW_RECT && op->filled && op->w > 12 && op->h < 400)
			bars_top = op->y + op->h > bars_top ? op->y + op->h : bars_top;
		for (size_t s = 0; s < 8; s++)
			if (op->kind == DRAW_TEXT && strcmp(op->text, names[s]) == 0) {
				found++;
				assert_true(op->x >= 72 - 0.01);
				assert_true(op->x + strlen(op->text) * 0.5 * op->size <=
				            595.276 - 72 + 0.01);
				lowest_legend = op->y < lowest_legend ? op->y : lowest_legend;
			}
	}
	assert_int_equal(found, 8);
	assert_true(lowest_legend > bars_top + 8);
	document_free(&doc);
	blocks_free(&b);
}

/* Category labels too long for their bars wrap under them word by word,
 * inside the margins, with the caption below the last line. */
static void long_category_labels_wrap(void **state)
{
	(void)state;
	static const char *cats[] = {"alfa beta gamma delta", "epsilon zeta eta theta",
	                             "iota kappa lambda my", "ny xi omikron pi",
	                             "rho sigma tau ypsilon"};
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Diagram");
	const double v[] = {1, 2, 3, 4, 5};
	block_chart *c = add_chart(&b, RAPPORT_CHART_BAR, 5, 1, v);
	c->categories = (const char **)cats;
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	assert_int_equal(layout_run(&b, &o, &doc, NULL, &D), 0);
	const page *pg = &doc.pages[2];
	float lowest_word = 1000, caption_y = -1;
	size_t words = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const draw_op *op = &pg->ops[i];
		if (op->kind != DRAW_TEXT)
			continue;
		if (strcmp(op->text, "Figur") == 0)
			caption_y = op->y;
		for (size_t k = 0; k < 5; k++) {
			const char *at = strstr(cats[k], op->text);
			if (!at || strchr(op->text, ' ') || strlen(op->text) < 2)
				continue;
			words++;
			assert_true(op->x >= 72 - 0.01);
			assert_true(op->x + strlen(op->text) * 0.5 * op->size <=
			            595.276 - 72 + 0.01);
			lowest_word = op->y < lowest_word ? op->y : lowest_word;
			break;
		}
	}
	assert_int_equal(words, 20);
	assert_true(caption_y > 0);
	assert_true(caption_y < lowest_word - 8);
	document_free(&doc);
	blocks_free(&b);
}

/* A missing value (NaN) is not drawn as zero: no bar, and the line breaks
 * around it instead of dropping to the axis. */
static void missing_values_leave_gaps(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Diagram");
	const double v[] = {10, 20, NAN, 40, 50};
	add_chart(&b, RAPPORT_CHART_BAR, 5, 1, v);
	add_chart(&b, RAPPORT_CHART_LINE, 5, 1, v);
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	assert_int_equal(layout_run(&b, &o, &doc, NULL, &D), 0);
	size_t bars = 0, paths = 0, points = 0;
	for (size_t pg = 2; pg < doc.npages; pg++)
		for (size_t i = 0; i < doc.pages[pg].n; i++) {
			const draw_op *op = &doc.pages[pg].ops[i];
			bars += is_series_fill(op, 0);
			if (op->kind == DRAW_PATH && op->stroked && !op->filled) {
				paths++;
				points += op->npts;
			}
		}
	assert_int_equal(bars, 4);
	assert_int_equal(paths, 2); /* 2016-2017 and 2019-2020 */
	assert_int_equal(points, 4);
	document_free(&doc);
	blocks_free(&b);
}

/* A pie's slices (polygons in the slice colours) sweep the whole circle in
 * proportion to the values. */
static void pie_slices_add_up(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Diagram");
	const double v[] = {96, 57, 3};
	add_chart(&b, RAPPORT_CHART_PIE, 3, 1, v);
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	assert_int_equal(layout_run(&b, &o, &doc, NULL, &D), 0);
	const page *pg = &doc.pages[2];
	double area[3] = {0, 0, 0};
	for (size_t i = 0; i < pg->n; i++) {
		const draw_op *op = &pg->ops[i];
		if (op->kind != DRAW_PATH || !op->filled || op->npts < 3)
			continue;
		for (size_t s = 0; s < 3; s++) {
			rgb c = chart_colour(s);
			if (op->fill.r != c.r || op->fill.g != c.g || op->fill.b != c.b)
				continue;
			double a = 0; /* shoelace */
			for (size_t k = 0; k < op->npts; k++) {
				size_t j = (k + 1) % op->npts;
				a += (double)op->pts[2 * k] * op->pts[2 * j + 1] -
				     (double)op->pts[2 * j] * op->pts[2 * k + 1];
			}
			area[s] += fabs(a) / 2;
		}
	}
	double total = area[0] + area[1] + area[2];
	assert_true(total > 1000);
	for (size_t s = 0; s < 3; s++)
		assert_float_equal(area[s] / total, v[s] / 156.0, 0.01);
	document_free(&doc);
	blocks_free(&b);
}

int main(void)
{
	diag_init(&D);
	D.quiet = 1;
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(ticks_are_nice),
	        cmocka_unit_test(every_step_is_1_2_or_5),
	        cmocka_unit_test(series_keep_apart_in_greyscale),
	        cmocka_unit_test(bar_heights_follow_the_data),
	        cmocka_unit_test(a_chart_is_a_figure_with_its_values),
	        cmocka_unit_test(a_long_legend_wraps_above_the_data),
	        cmocka_unit_test(long_category_labels_wrap),
	        cmocka_unit_test(missing_values_leave_gaps),
	        cmocka_unit_test(pie_slices_add_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
