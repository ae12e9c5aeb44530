/*
 * chart.c - vector charts: bars (grouped), stacked bars and lines, with
 * "nice" axis ticks, gridlines, value labels, a legend and a numbered
 * caption.  A chart is never split across pages.
 */
#include <math.h>
#include <string.h>

#include "../i18n.h"
#include "internal.h"

#define PLOT_HEIGHT 170.0f
#define LABEL_SIZE 7.5f
#define TICK_SIZE 7.5f
#define LEGEND_SIZE 8.0f
#define CAPTION_SIZE 9.0f

/* Okabe-Ito colours: distinguishable with colour-vision deficiencies, and in
 * greyscale their lightness differs step by step in this order. */
static const rgb PALETTE[] = {
        {0.000f, 0.447f, 0.698f}, /* blue */
        {0.902f, 0.624f, 0.000f}, /* orange */
        {0.000f, 0.620f, 0.451f}, /* bluish green */
        {0.835f, 0.369f, 0.000f}, /* vermillion */
        {0.337f, 0.706f, 0.914f}, /* sky blue */
        {0.800f, 0.475f, 0.655f}, /* reddish purple */
        {0.941f, 0.894f, 0.259f}, /* yellow */
};
#define NPALETTE (sizeof(PALETTE) / sizeof(PALETTE[0]))

/* A step of 1, 2 or 5 times a power of ten, giving about `ticks` intervals
 * up to max.  nice_axis(586, 5) -> step 100, top 600. */
static void nice_axis(double max, int ticks, double *step, double *top)
{
	if (!(max > 0)) {
		*step = 1;
		*top = 1;
		return;
	}
	double raw = max / ticks;
	double mag = pow(10, floor(log10(raw)));
	double r = raw / mag;
	double s = r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10;
	*step = s * mag;
	*top = ceil(max / *step - 1e-9) * *step;
}

static double value(const block_chart *c, size_t s, size_t k)
{
	double v = c->values[s * c->ncat + k];
	return isfinite(v) ? v : 0;
}

static double data_max(const block_chart *c)
{
	double max = 0;
	for (size_t k = 0; k < c->ncat; k++) {
		double sum = 0;
		for (size_t s = 0; s < c->nseries; s++) {
			double v = value(c, s, k);
			if (c->kind == 1)
				sum += v > 0 ? v : 0;
			else if (v > max)
				max = v;
		}
		if (c->kind == 1 && sum > max)
			max = sum;
	}
	return max;
}

static const char *fmt_value(layout *L, double v, double step)
{
	char buf[64];
	if (step >= 1 || v == floor(v))
		fmt_int(L->o->lang, lround(v), buf, sizeof(buf));
	else
		fmt_number(L->o->lang, v, step >= 0.1 ? 1 : 2, buf, sizeof(buf));
	return arena_strdup(L->a, buf);
}

static void centred(layout *L, face_id f, float size, rgb color, float cx, float y, const char *s)
{
	draw_string(L, f, size, color, cx - string_width(L, f, size, s) / 2, y, s);
}

/* Shapes "Figur N. caption" for figure number n. */
static para shape_caption(layout *L, const block_chart *c, int n)
{
	para p;
	char *s = arena_printf(L->a, "**%s %d.** %s", label(L->o->lang, "figure"), n,
	                       c->caption ? c->caption : "");
	para_shape(&p, L->a, L->m, FAMILY_SANS, CAPTION_SIZE, s);
	para_break(&p, L->a, content_width(L), 0);
	return p;
}

float chart_height(layout *L, const block_chart *c)
{
	para p = shape_caption(L, c, L->figures + 1);
	return 16 + 14 + PLOT_HEIGHT + 16 + (c->x_title ? 13 : 0) + 6 +
	       (float)p.nlines * CAPTION_SIZE * 1.3f + 8;
}

static float legend_entry_width(layout *L, const block_chart *c, size_t s)
{
	return (c->kind == 2 ? 18 : 14) +
	       string_width(L, FACE_SANS, LEGEND_SIZE, c->series_names[s]) + 14;
}

/* The legend: one swatch and name per series, in one row ending at x_right. */
static void legend(layout *L, const block_chart *c, float x_right, float y)
{
	float x = x_right + 14;
	for (size_t s = 0; s < c->nseries; s++)
		x -= legend_entry_width(L, c, s);
	for (size_t s = 0; s < c->nseries; s++) {
		const rgb *col = &PALETTE[s % NPALETTE];
		if (c->kind == 2) {
			doc_line(L->doc, L->page, x, y + 3, x + 14, y + 3, *col, 1.8f);
			draw_op *m = doc_op(L->doc, L->page, DRAW_CIRCLE);
			m->x = x + 7;
			m->y = y + 3;
			m->w = 2.6f;
			m->filled = 1;
			m->fill = *col;
		} else {
			doc_rect(L->doc, L->page, x, y - 1, 10, 8, col, NULL, 0);
		}
		draw_string(L, FACE_SANS, LEGEND_SIZE, COLOR_TEXT, x + (c->kind == 2 ? 18 : 14), y,
		            c->series_names[s]);
		x += legend_entry_width(L, c, s);
	}
}

void layout_chart(layout *L, const block_chart *c)
{
	float need = chart_height(L, c);
	float before = L->page >= 0 && L->y < L->top ? 8 : 0;
	if (L->page < 0 || L->y - before - need < L->bottom)
		layout_new_page(L);
	else
		L->y -= before;
	L->figures++;
	L->st->figures++;

	double step, top;
	nice_axis(data_max(c), 5, &step, &top);

	/* tick labels decide the left edge of the plot */
	float label_w = 0;
	for (double t = 0; t <= top + step / 2; t += step) {
		float w = string_width(L, FACE_SANS, TICK_SIZE, fmt_value(L, t, step));
		if (w > label_w)
			label_w = w;
	}
	float x0 = L->left + label_w + 8, x1 = L->right - 4;
	float ytop = L->y;

	/* the y axis title above the axis, the legend on the same row at the right */
	if (c->y_title)
		draw_string(L, FACE_SANS, TICK_SIZE, COLOR_MUTED, L->left, ytop - 10, c->y_title);
	if (c->nseries > 1)
		legend(L, c, x1, ytop - 10);
	float py1 = ytop - 16 - 14;          /* top of the plot area */
	float py0 = py1 - PLOT_HEIGHT;       /* the x axis */
	float scale = (float)(PLOT_HEIGHT / top);

	/* gridlines and tick labels */
	for (double t = 0; t <= top + step / 2; t += step) {
		float y = py0 + (float)t * scale;
		if (t > 0)
			doc_line(L->doc, L->page, x0, y, x1, y, (rgb){0.86f, 0.87f, 0.89f}, 0.4f);
		const char *s = fmt_value(L, t, step);
		draw_string(L, FACE_SANS, TICK_SIZE, COLOR_MUTED,
		            x0 - 5 - string_width(L, FACE_SANS, TICK_SIZE, s), y - 2.5f, s);
	}

	float group = (x1 - x0) / (float)(c->ncat ? c->ncat : 1);
	for (size_t k = 0; k < c->ncat; k++) {
		float gx = x0 + group * (float)k;
		float cx = gx + group / 2;
		centred(L, FACE_SANS, TICK_SIZE, COLOR_TEXT, cx, py0 - 11, c->categories[k]);
		if (c->kind == 0) {
			float area = group * 0.72f;
			float bw = area / (float)c->nseries;
			for (size_t s = 0; s < c->nseries; s++) {
				double v = value(c, s, k);
				float h = (float)v * scale;
				float bx = gx + (group - area) / 2 + bw * (float)s;
				doc_rect(L->doc, L->page, bx + 0.6f, py0, bw - 1.2f, h,
				         &PALETTE[s % NPALETTE], NULL, 0);
				const char *lbl = fmt_value(L, v, 1);
				if (string_width(L, FACE_SANS, LABEL_SIZE, lbl) <= bw + 4)
					centred(L, FACE_SANS, LABEL_SIZE, COLOR_TEXT, bx + bw / 2,
					        py0 + h + 3, lbl);
			}
		} else if (c->kind == 1) {
			float bw = group * 0.5f, bx = gx + (group - bw) / 2;
			float y = py0;
			double sum = 0;
			for (size_t s = 0; s < c->nseries; s++) {
				double v = value(c, s, k);
				if (v <= 0)
					continue;
				float h = (float)v * scale;
				doc_rect(L->doc, L->page, bx, y, bw, h, &PALETTE[s % NPALETTE], NULL, 0);
				const char *lbl = fmt_value(L, v, 1);
				if (h >= LABEL_SIZE + 3 &&
				    string_width(L, FACE_SANS, LABEL_SIZE, lbl) <= bw - 2)
					centred(L, FACE_SANS, LABEL_SIZE,
					        s % NPALETTE == 1 || s % NPALETTE == 6 ? COLOR_TEXT
					                                               : COLOR_WHITE,
					        bx + bw / 2, y + h / 2 - LABEL_SIZE * 0.35f, lbl);
				y += h;
				sum += v;
			}
			centred(L, FACE_SANS_BOLD, LABEL_SIZE, COLOR_TEXT, bx + bw / 2, y + 3,
			        fmt_value(L, sum, 1));
		}
	}
	if (c->kind == 2) {
		for (size_t s = 0; s < c->nseries; s++) {
			float *pts = arena_alloc(L->doc->arena, c->ncat * 2 * sizeof(float));
			for (size_t k = 0; k < c->ncat; k++) {
				pts[2 * k] = x0 + group * ((float)k + 0.5f);
				pts[2 * k + 1] = py0 + (float)value(c, s, k) * scale;
			}
			draw_op *path = doc_op(L->doc, L->page, DRAW_PATH);
			path->pts = pts;
			path->npts = c->ncat;
			path->stroked = 1;
			path->stroke = PALETTE[s % NPALETTE];
			path->line_width = 1.8f;
			for (size_t k = 0; k < c->ncat; k++) {
				draw_op *m = doc_op(L->doc, L->page, DRAW_CIRCLE);
				m->x = pts[2 * k];
				m->y = pts[2 * k + 1];
				m->w = 2.6f;
				m->filled = 1;
				m->fill = PALETTE[s % NPALETTE];
				m->stroked = 1;
				m->stroke = COLOR_WHITE;
				m->line_width = 0.8f;
				centred(L, FACE_SANS, LABEL_SIZE, COLOR_TEXT, m->x, m->y + 5,
				        fmt_value(L, value(c, s, k), 1));
			}
		}
	}
	/* the axes */
	doc_line(L->doc, L->page, x0, py0, x1, py0, COLOR_TEXT, 0.8f);
	doc_line(L->doc, L->page, x0, py0, x0, py1, COLOR_TEXT, 0.6f);

	float y = py0 - 16;
	if (c->x_title) {
		centred(L, FACE_SANS, TICK_SIZE, COLOR_MUTED, (x0 + x1) / 2, y - 8, c->x_title);
		y -= 13;
	}
	y -= 6;
	para p = shape_caption(L, c, L->figures);
	draw_lines(L, &p, 0, p.nlines, L->left, y - CAPTION_SIZE, CAPTION_SIZE * 1.3f, COLOR_ACCENT);
	y -= (float)p.nlines * CAPTION_SIZE * 1.3f;
	L->y = y - 14;
}
