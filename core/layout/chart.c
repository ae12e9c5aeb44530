/*
 * chart.c - vector charts: vertical and horizontal bars (grouped or
 * stacked), lines with markers, stacked areas, pie and donut.  Value axes
 * have "nice" ticks and always include zero, gridlines are light, values
 * are labelled where the label fits, the legend has its own band (it never
 * covers data), and the caption is numbered.  Series keep apart in
 * greyscale by hatching (bars, areas, slices) and marker shape (lines).  A
 * chart is never split across pages.
 */
#include "layout/chart.h"

#include <math.h>
#include <string.h>

#include "base/i18n.h"
#include "layout/internal.h"

#define PLOT_HEIGHT  170.0f
#define LABEL_SIZE   7.5f
#define TICK_SIZE    7.5f
#define LEGEND_SIZE  8.0f
#define CAPTION_SIZE 9.0f
#define BAR_THICK    11.0f /* one horizontal bar */
#define PIE_RADIUS   78.0f
#define LEGEND_ROW   14.0f
#define CAT_LEADING  9.0f /* lines of a long category label */

enum {
	K_BAR = 0,
	K_STACKED,
	K_LINE,
	K_HBAR,
	K_STACKED_HBAR,
	K_AREA,
	K_PIE,
	K_DONUT,
};

static const rgb GRID = {0.86f, 0.87f, 0.89f};

/* Okabe-Ito colours, reordered so that neighbours differ in lightness. */
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
/* Green and vermillion come close to blue in greyscale, sky blue to
 * orange, reddish purple to both: they are hatched, and so is every colour
 * on its second round. */
static const int HATCH[NPALETTE] = {0, 0, 1, 2, 3, 4, 0};

rgb chart_colour(size_t i)
{
	return PALETTE[i % NPALETTE];
}

int chart_hatch(size_t i)
{
	return i < NPALETTE ? HATCH[i] : 1 + (int)((i / NPALETTE + HATCH[i % NPALETTE]) % 4);
}

static float lightness(rgb c)
{
	return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
}

/* ------------------------------------------------------------ the axis */

chart_axis chart_nice_axis(double dmin, double dmax, int intervals)
{
	chart_axis a = {0, 1, 1, 0, 2};
	if (!isfinite(dmin) || dmin > 0)
		dmin = 0;
	if (!isfinite(dmax) || dmax < 0)
		dmax = 0;
	if (intervals < 1)
		intervals = 1;
	double span = dmax - dmin;
	if (!(span > 0))
		return a; /* all zero: 0 and 1 */
	double raw = span / intervals;
	double mag = pow(10, floor(log10(raw)));
	double r = raw / mag;
	/* the nearest of 1, 2, 5, 10: between 4 and 9 ticks for 5 intervals */
	double s = r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10;
	a.step = s * mag;
	a.lo = -ceil(-dmin / a.step - 1e-9) * a.step;
	a.hi = ceil(dmax / a.step - 1e-9) * a.step;
	a.lo += 0.0; /* no "-0" */
	a.hi += 0.0;
	a.nticks = (int)lround((a.hi - a.lo) / a.step) + 1;
	a.decimals = a.step >= 1 ? 0 : (int)ceil(-log10(a.step) - 1e-9);
	if (a.decimals > 6)
		a.decimals = 6;
	return a;
}

static double tick(const chart_axis *a, int i)
{
	return a->lo + a->step * i;
}

/* ------------------------------------------------------------- the data */

static int is_horizontal(int kind)
{
	return kind == K_HBAR || kind == K_STACKED_HBAR;
}

static int is_stacked(int kind)
{
	return kind == K_STACKED || kind == K_STACKED_HBAR || kind == K_AREA;
}

static int is_round(int kind)
{
	return kind == K_PIE || kind == K_DONUT;
}

/* Is there a value (a finite number) for series s and category k?  A
 * missing value draws no bar, marker or label and breaks a line; sums and
 * stacks count it as 0. */
static int present(const block_chart *c, size_t s, size_t k)
{
	return isfinite(c->values[s * c->ncat + k]);
}

static double value(const block_chart *c, size_t s, size_t k)
{
	double v = c->values[s * c->ncat + k];
	return isfinite(v) ? v : 0;
}

/* Smallest and largest value the axis must show: bar ends, or stack ends. */
static void data_range(const block_chart *c, double *lo, double *hi)
{
	*lo = 0;
	*hi = 0;
	for (size_t k = 0; k < c->ncat; k++) {
		double pos = 0, neg = 0;
		for (size_t s = 0; s < c->nseries; s++) {
			double v = value(c, s, k);
			if (is_stacked(c->kind)) {
				if (v > 0)
					pos += v;
				else
					neg += v;
			} else {
				pos = v > pos ? v : pos;
				neg = v < neg ? v : neg;
			}
		}
		*hi = pos > *hi ? pos : *hi;
		*lo = neg < *lo ? neg : *lo;
	}
}

/* Decimals the data's own values need (0 when all are whole, at most 2). */
static int data_decimals(const block_chart *c)
{
	int d = 0;
	for (size_t i = 0; i < c->ncat * c->nseries; i++) {
		double v = fabs(c->values[i]);
		if (!isfinite(v))
			continue;
		while (d < 2 && fabs(v * pow(10, d) - round(v * pow(10, d))) > 1e-6)
			d++;
	}
	return d;
}

/* The value axis of a chart; counts (whole data) get no fractional ticks. */
static chart_axis value_axis(const block_chart *c)
{
	double lo, hi;
	data_range(c, &lo, &hi);
	chart_axis a = chart_nice_axis(lo, hi, 5);
	if (data_decimals(c) == 0 && a.step < 1) {
		a.step = 1;
		a.decimals = 0;
		a.lo = floor(a.lo);
		a.hi = ceil(a.hi);
		a.nticks = (int)lround(a.hi - a.lo) + 1;
	}
	return a;
}

static const char *fmt_value(layout *L, double v, int decimals)
{
	char buf[64];
	if (decimals <= 0)
		fmt_int(L->o->lang, lround(v), buf, sizeof(buf));
	else
		fmt_number(L->o->lang, v, decimals, buf, sizeof(buf));
	return arena_strdup(L->a, buf);
}

/* ------------------------------------------------------- drawing helpers */

static void centred(layout *L, face_id f, float size, rgb color, float cx, float y, const char *s)
{
	draw_string(L, f, size, color, cx - string_width(L, f, size, s) / 2, y, s);
}

/* A value label centred at (cx, y) inside a segment of series s: white or
 * dark by the fill's lightness, or on a white box where hatching would cross
 * it. */
static void inside_label(layout *L, size_t s, float cx, float y, const char *lbl)
{
	rgb col = chart_colour(s);
	if (chart_hatch(s)) {
		float w = string_width(L, FACE_SANS, LABEL_SIZE, lbl);
		doc_rect(L->doc, L->page, cx - w / 2 - 1.5f, y - 2, w + 3, LABEL_SIZE + 2.5f,
		         &COLOR_WHITE, NULL, 0);
		centred(L, FACE_SANS, LABEL_SIZE, COLOR_TEXT, cx, y, lbl);
		return;
	}
	centred(L, FACE_SANS, LABEL_SIZE, lightness(col) > 0.55f ? COLOR_TEXT : COLOR_WHITE, cx, y,
	        lbl);
}

static draw_op *polygon(layout *L, const float *xy, size_t n, rgb fill)
{
	float *pts = arena_alloc(L->doc->arena, n * 2 * sizeof(float));
	memcpy(pts, xy, n * 2 * sizeof(float));
	draw_op *op = doc_op(L->doc, L->page, DRAW_PATH);
	op->pts = pts;
	op->npts = n;
	op->filled = 1;
	op->fill = fill;
	return op;
}

/* White hatch lines of `pattern` across the convex polygon xy (n points). */
static void hatch(layout *L, const float *xy, size_t n, int pattern)
{
	static const float DIRS[5][2][2] = {
	        {{0, 0}, {0, 0}},
	        {{0.7071f, 0.7071f}, {0, 0}},
	        {{0.7071f, -0.7071f}, {0, 0}},
	        {{1, 0}, {0, 0}},
	        {{0.7071f, 0.7071f}, {0.7071f, -0.7071f}},
	};
	if (pattern <= 0 || pattern > 4 || n < 3)
		return;
	float cx = 0, cy = 0, rad = 0;
	for (size_t i = 0; i < n; i++) {
		cx += xy[2 * i] / (float)n;
		cy += xy[2 * i + 1] / (float)n;
	}
	for (size_t i = 0; i < n; i++) {
		float d = hypotf(xy[2 * i] - cx, xy[2 * i + 1] - cy);
		rad = d > rad ? d : rad;
	}
	const float gap = 3.6f;
	for (int f = 0; f < 2; f++) {
		float dx = DIRS[pattern][f][0], dy = DIRS[pattern][f][1];
		if (dx == 0 && dy == 0)
			continue;
		/* lines P + t*D with P = C + k*gap*N, N normal to D, on a grid
		 * anchored at the page origin so neighbouring shapes line up */
		float nx = -dy, ny = dx;
		float c0 = cx * nx + cy * ny;
		long k0 = (long)floorf((c0 - rad) / gap), k1 = (long)ceilf((c0 + rad) / gap);
		for (long k = k0; k <= k1; k++) {
			float off = (float)k * gap - c0;
			float px = cx + nx * off, py = cy + ny * off;
			float tmin = INFINITY, tmax = -INFINITY;
			for (size_t i = 0; i < n; i++) {
				float ax = xy[2 * i], ay = xy[2 * i + 1];
				float bx = xy[2 * ((i + 1) % n)], by = xy[2 * ((i + 1) % n) + 1];
				float ex = bx - ax, ey = by - ay;
				float den = dx * ey - dy * ex;
				if (fabsf(den) < 1e-9f)
					continue;
				float u = ((ax - px) * dy - (ay - py) * dx) / den;
				if (u < -1e-6f || u > 1 + 1e-6f)
					continue;
				float t = ((ax - px) * ey - (ay - py) * ex) / den;
				tmin = t < tmin ? t : tmin;
				tmax = t > tmax ? t : tmax;
			}
			if (tmax - tmin > 0.5f)
				doc_line(L->doc, L->page, px + dx * tmin, py + dy * tmin,
				         px + dx * tmax, py + dy * tmax, COLOR_WHITE, 0.7f);
		}
	}
}

/* A filled rectangle in series s's colour and hatch. */
static void series_rect(layout *L, size_t s, float x, float y, float w, float h)
{
	if (w < 0) {
		x += w;
		w = -w;
	}
	if (h < 0) {
		y += h;
		h = -h;
	}
	if (w <= 0 || h <= 0)
		return;
	rgb col = chart_colour(s);
	doc_rect(L->doc, L->page, x, y, w, h, &col, NULL, 0);
	float box[8] = {x, y, x + w, y, x + w, y + h, x, y + h};
	hatch(L, box, 4, chart_hatch(s));
}

/* Marker of series s: circle, square, triangle, diamond, inverted
 * triangle, in turn. */
static void marker(layout *L, size_t s, float x, float y, float r)
{
	rgb col = chart_colour(s);
	int shape = (int)(s % 5);
	if (shape == 0) {
		draw_op *m = doc_op(L->doc, L->page, DRAW_CIRCLE);
		m->x = x;
		m->y = y;
		m->w = r;
		m->filled = 1;
		m->fill = col;
		m->stroked = 1;
		m->stroke = COLOR_WHITE;
		m->line_width = 0.8f;
		return;
	}
	float q = r * 1.25f;
	float sq[8] = {x - r, y - r, x + r, y - r, x + r, y + r, x - r, y + r};
	float tri[6] = {x - q, y - r, x + q, y - r, x, y + q};
	float dia[8] = {x, y - q, x + q, y, x, y + q, x - q, y};
	float inv[6] = {x - q, y + r, x + q, y + r, x, y - q};
	const float *pts = shape == 1 ? sq : shape == 2 ? tri : shape == 3 ? dia : inv;
	size_t n = shape == 2 || shape == 4 ? 3 : 4;
	draw_op *op = polygon(L, pts, n, col);
	op->stroked = 1;
	op->stroke = COLOR_WHITE;
	op->line_width = 0.8f;
}

/* ------------------------------------------------------------ the legend */

static size_t legend_count(const block_chart *c)
{
	return is_round(c->kind) ? c->ncat : c->nseries;
}

static const char *legend_text(const block_chart *c, size_t i)
{
	return is_round(c->kind) ? c->categories[i] : c->series_names[i];
}

static float legend_entry_width(layout *L, const block_chart *c, size_t i)
{
	return (c->kind == K_LINE ? 18 : 14) +
	       string_width(L, FACE_SANS, LEGEND_SIZE, legend_text(c, i)) + 14;
}

static float legend_width(layout *L, const block_chart *c)
{
	float w = 0;
	for (size_t i = 0; i < legend_count(c); i++)
		w += legend_entry_width(L, c, i);
	return w - 14;
}

static void legend_swatch(layout *L, const block_chart *c, size_t i, float x, float y)
{
	if (c->kind == K_LINE) {
		doc_line(L->doc, L->page, x, y + 3, x + 14, y + 3, chart_colour(i), 1.8f);
		marker(L, i, x + 7, y + 3, 2.6f);
	} else {
		series_rect(L, i, x, y - 1.5f, 10, 9);
	}
}

/* The legend in rows at most max_w wide, each ending at x_right, the first
 * baseline at y; with draw == 0 only counts the rows.  Returns the number
 * of rows. */
static int legend_rows(layout *L, const block_chart *c, float max_w, int draw, float x_right,
                       float y)
{
	size_t n = legend_count(c), first = 0;
	int rows = 0;
	while (first < n) {
		/* as many entries as fit (at least one) */
		size_t end = first + 1;
		float w = legend_entry_width(L, c, first) - 14;
		while (end < n && w + legend_entry_width(L, c, end) <= max_w)
			w += legend_entry_width(L, c, end++);
		if (draw) {
			float x = x_right - w;
			for (size_t i = first; i < end; i++) {
				legend_swatch(L, c, i, x, y);
				draw_string(L, FACE_SANS, LEGEND_SIZE, COLOR_TEXT,
				            x + (c->kind == K_LINE ? 18 : 14), y,
				            legend_text(c, i));
				x += legend_entry_width(L, c, i);
			}
		}
		y -= LEGEND_ROW;
		rows++;
		first = end;
	}
	return rows;
}

/* ---------------------------------------------------------- the geometry */

/* Heights of the bands of a chart, top to bottom. */
typedef struct geom {
	float head;      /* y title and legend */
	int legend_own;  /* the legend starts on a row of its own below the y title */
	float plot;      /* the plot area (bars, lines, the pie) */
	float below;     /* category or tick labels, x title */
	float cat_extra; /* vertical charts: lines of category labels past one */
	para caption;
	float total;
} geom;

static para shape_caption(layout *L, const block_chart *c, int n)
{
	para p;
	char *s = arena_printf(L->a, "**%s %d.** %s", label(L->o->lang, "figure"), n,
	                       c->caption ? c->caption : "");
	para_shape(&p, L->a, L->m, FAMILY_SANS, CAPTION_SIZE, s);
	para_break(&p, L->a, content_width(L), 0);
	return p;
}

/* A category label of a horizontal chart, broken into lines at most 40 %
 * of the text width wide. */
static para hbar_label(layout *L, const char *s)
{
	para p;
	para_shape_plain(&p, L->a, L->m, FACE_SANS, TICK_SIZE, s);
	para_break(&p, L->a, content_width(L) * 0.4f, 0);
	return p;
}

/* Height of the bars of one category of a horizontal chart. */
static float hbar_bars(const block_chart *c)
{
	return c->kind == K_HBAR ? (float)c->nseries * BAR_THICK : BAR_THICK * 1.4f;
}

/* Height of one category of a horizontal chart: its bars, or its label's
 * lines if they are taller, and a gap. */
static float hbar_group(layout *L, const block_chart *c)
{
	float h = hbar_bars(c);
	for (size_t k = 0; k < c->ncat; k++) {
		para p = hbar_label(L, c->categories[k]);
		float t = (float)p.nlines * CAT_LEADING;
		h = t > h ? t : h;
	}
	return h + 8;
}

static float tick_label_width(layout *L, const chart_axis *a);

/* Width of one category of a vertical chart. */
static float vertical_group(layout *L, const block_chart *c)
{
	chart_axis a = value_axis(c);
	float x0 = L->left + tick_label_width(L, &a) + 8, x1 = L->right - 4;
	return (x1 - x0) / (float)c->ncat;
}

/* The category labels of a vertical chart, group wide: the font shrinks
 * from TICK_SIZE to 6 pt while that keeps every label on one line, else the
 * labels wrap at TICK_SIZE.  Fills labels (ncat entries, if not NULL) and
 * *size; returns the most lines of any label. */
static size_t category_labels(layout *L, const block_chart *c, float group, para *labels,
                              float *size)
{
	float s = TICK_SIZE;
	for (;; s -= 0.5f) {
		int fit = 1;
		for (size_t k = 0; fit && k < c->ncat; k++)
			fit = string_width(L, FACE_SANS, s, c->categories[k]) <= group - 2;
		if (fit || s - 0.5f < 6.0f)
			break;
	}
	int one_line = 1;
	for (size_t k = 0; one_line && k < c->ncat; k++)
		one_line = string_width(L, FACE_SANS, s, c->categories[k]) <= group - 2;
	if (!one_line)
		s = TICK_SIZE;
	size_t most = 1;
	for (size_t k = 0; k < c->ncat; k++) {
		para p;
		para_shape_plain(&p, L->a, L->m, FACE_SANS, s, c->categories[k]);
		size_t n = para_break(&p, L->a, group - 2, 0);
		most = n > most ? n : most;
		if (labels)
			labels[k] = p;
	}
	*size = s;
	return most;
}

static geom measure(layout *L, const block_chart *c, int figure)
{
	geom g = {0};
	int has_legend = legend_count(c) > 1 && !is_round(c->kind);
	if (c->y_title || has_legend)
		g.head = 16;
	if (has_legend) {
		float yt = c->y_title ? string_width(L, FACE_SANS, TICK_SIZE, c->y_title) + 20 : 0;
		if (yt + legend_width(L, c) > content_width(L)) {
			/* rows of their own below the y title, or from the top row
			 * when there is no title */
			int rows = legend_rows(L, c, content_width(L) - 4, 0, 0, 0);
			g.legend_own = c->y_title != NULL;
			g.head += (float)(rows - (g.legend_own ? 0 : 1)) * LEGEND_ROW;
		}
	}
	if (is_round(c->kind)) {
		float rows = (float)c->ncat * LEGEND_ROW + 8;
		g.plot = 2 * PIE_RADIUS + 16 > rows ? 2 * PIE_RADIUS + 16 : rows;
		g.below = 0;
	} else if (is_horizontal(c->kind)) {
		g.plot = (float)c->ncat * hbar_group(L, c);
		g.below = 14 + (c->x_title ? 13 : 0);
	} else {
		g.plot = 14 + PLOT_HEIGHT;
		float size;
		size_t lines = category_labels(L, c, vertical_group(L, c), NULL, &size);
		g.cat_extra = (float)(lines - 1) * CAT_LEADING;
		g.below = 16 + g.cat_extra + (c->x_title ? 13 : 0);
	}
	g.caption = shape_caption(L, c, figure);
	g.total = g.head + g.plot + g.below + 6 + (float)g.caption.nlines * CAPTION_SIZE * 1.3f + 8;
	return g;
}

float chart_height(layout *L, const block_chart *c)
{
	return measure(L, c, L->figures + 1).total;
}

/* The widest tick label of an axis. */
static float tick_label_width(layout *L, const chart_axis *a)
{
	float w = 0;
	for (int i = 0; i < a->nticks; i++) {
		float tw = string_width(L, FACE_SANS, TICK_SIZE,
		                        fmt_value(L, tick(a, i), a->decimals));
		w = tw > w ? tw : w;
	}
	return w;
}

/* ------------------------------------------------------- vertical charts */

/* The label of series s's bar of value v from `zero` to y_end, if it fits
 * the bar's width: above a positive bar; inside the end of a negative bar
 * tall enough (the space below it belongs to the category labels), else
 * below it. */
static void bar_end_label(layout *L, size_t s, const char *lbl, float cx, float zero, float y_end,
                          float width, double v)
{
	if (string_width(L, FACE_SANS, LABEL_SIZE, lbl) > width + 4)
		return;
	if (v >= 0)
		centred(L, FACE_SANS, LABEL_SIZE, COLOR_TEXT, cx, y_end + 3, lbl);
	else if (zero - y_end >= LABEL_SIZE + 6 &&
	         string_width(L, FACE_SANS, LABEL_SIZE, lbl) <= width)
		inside_label(L, s, cx, y_end + 3, lbl);
	else
		centred(L, FACE_SANS, LABEL_SIZE, COLOR_TEXT, cx, y_end - LABEL_SIZE - 2, lbl);
}

/* Is another series' point of category k within (y0, y1)? */
static int point_between(const block_chart *c, size_t self, size_t k, float py0, float scale,
                         float y0, float y1)
{
	for (size_t s = 0; s < c->nseries; s++) {
		if (s == self || !present(c, s, k))
			continue;
		float y = py0 + (float)value(c, s, k) * scale;
		if (y > y0 && y < y1)
			return 1;
	}
	return 0;
}

/* The plot of a vertical chart (bars, stacked bars, lines, areas): x0..x1
 * across, py0 (its bottom) to py1 (its top) up; a value v stands at
 * zero + v * scale; each category has a column `group` wide. */
typedef struct vplot {
	float x0, x1, py0, py1;
	float scale, zero, group;
	int dec; /* decimals of the data labels */
} vplot;

/* Draws the value axis's grid lines and tick labels left of the plot. */
static void vertical_ticks(layout *L, const chart_axis *a, const vplot *p)
{
	float x0 = p->x0, x1 = p->x1, py0 = p->py0, scale = p->scale;
	for (int i = 0; i < a->nticks; i++) {
		double t = tick(a, i);
		float y = py0 + (float)(t - a->lo) * scale;
		if (i > 0)
			doc_line(L->doc, L->page, x0, y, x1, y, GRID, 0.4f);
		const char *s = fmt_value(L, t, a->decimals);
		draw_string(L, FACE_SANS, TICK_SIZE, COLOR_MUTED,
		            x0 - 5 - string_width(L, FACE_SANS, TICK_SIZE, s), y - 2.5f, s);
	}
}

/* An area chart: a hatched band per series, from the bottom series up, each
 * over the cumulated sum; then the top edge and each category's total above
 * it. */
static void vertical_area(layout *L, const block_chart *c, const vplot *p)
{
	float x0 = p->x0, scale = p->scale, zero = p->zero, group = p->group;
	int dec = p->dec;
	float *below = arena_alloc(L->a, c->ncat * sizeof(float));
	float *above = arena_alloc(L->a, c->ncat * sizeof(float));
	for (size_t k = 0; k < c->ncat; k++)
		below[k] = zero;
	for (size_t s = 0; s < c->nseries; s++) {
		for (size_t k = 0; k < c->ncat; k++)
			above[k] = below[k] + (float)value(c, s, k) * scale;
		/* one polygon per band (no seams), hatched piece by piece
		 * because the hatching needs convex shapes */
		float *band = arena_alloc(L->a, c->ncat * 4 * sizeof(float));
		for (size_t k = 0; k < c->ncat; k++) {
			float x = x0 + group * ((float)k + 0.5f);
			band[2 * k] = x;
			band[2 * k + 1] = above[k];
			band[2 * (2 * c->ncat - 1 - k)] = x;
			band[2 * (2 * c->ncat - 1 - k) + 1] = below[k];
		}
		if (c->ncat > 1)
			polygon(L, band, 2 * c->ncat, chart_colour(s));
		for (size_t k = 0; k + 1 < c->ncat; k++) {
			float xa = x0 + group * ((float)k + 0.5f), xb = xa + group;
			float quad[8] = {xa, below[k],     xb, below[k + 1],
			                 xb, above[k + 1], xa, above[k]};
			hatch(L, quad, 4, chart_hatch(s));
		}
		memcpy(below, above, c->ncat * sizeof(float));
	}
	/* the top edge and the totals above it */
	float *pts = arena_alloc(L->doc->arena, c->ncat * 2 * sizeof(float));
	for (size_t k = 0; k < c->ncat; k++) {
		pts[2 * k] = x0 + group * ((float)k + 0.5f);
		pts[2 * k + 1] = below[k];
		double sum = 0;
		for (size_t s = 0; s < c->nseries; s++)
			sum += value(c, s, k);
		centred(L, FACE_SANS_BOLD, LABEL_SIZE, COLOR_TEXT, pts[2 * k], below[k] + 4,
		        fmt_value(L, sum, dec));
	}
	draw_op *edge = doc_op(L->doc, L->page, DRAW_PATH);
	edge->pts = pts;
	edge->npts = c->ncat;
	edge->stroked = 1;
	edge->stroke = COLOR_TEXT;
	edge->line_width = 0.8f;
}

/* A bar chart's bars of category k (its column starts at gx): side by side,
 * each with its value at its end; missing values leave a gap. */
static void vertical_bars(layout *L, const block_chart *c, const vplot *p, size_t k, float gx)
{
	float scale = p->scale, zero = p->zero, group = p->group;
	int dec = p->dec;
	float area = group * 0.72f, bw = area / (float)c->nseries;
	for (size_t s = 0; s < c->nseries; s++) {
		if (!present(c, s, k))
			continue;
		double v = value(c, s, k);
		float bx = gx + (group - area) / 2 + bw * (float)s;
		float h = (float)v * scale;
		series_rect(L, s, bx + 0.6f, zero, bw - 1.2f, h);
		bar_end_label(L, s, fmt_value(L, v, dec), bx + bw / 2, zero, zero + h, bw, v);
	}
}

/* A stacked chart's bar of category k (its column starts at gx): positive
 * values stacked up from zero, negative ones down, each labelled inside
 * where it fits, and the sum above the top. */
static void vertical_stack(layout *L, const block_chart *c, const vplot *p, size_t k, float gx)
{
	float scale = p->scale, zero = p->zero, group = p->group;
	int dec = p->dec;
	float bw = group * 0.5f, bx = gx + (group - bw) / 2;
	float up = zero, down = zero;
	double sum = 0;
	for (size_t s = 0; s < c->nseries; s++) {
		double v = value(c, s, k);
		if (v == 0)
			continue;
		float h = (float)v * scale;
		float y = v > 0 ? up : down;
		series_rect(L, s, bx, y, bw, h);
		const char *lbl = fmt_value(L, v, dec);
		if (fabsf(h) >= LABEL_SIZE + 3 &&
		    string_width(L, FACE_SANS, LABEL_SIZE, lbl) <= bw - 2)
			inside_label(L, s, bx + bw / 2, y + h / 2 - LABEL_SIZE * 0.35f, lbl);
		if (v > 0)
			up += h;
		else
			down += h;
		sum += v;
	}
	centred(L, FACE_SANS_BOLD, LABEL_SIZE, COLOR_TEXT, bx + bw / 2, up + 3,
	        fmt_value(L, sum, dec));
}

/* A line chart: one path per series and run of present values (a gap where
 * one is missing), then the markers and the value labels over all the
 * lines, each above or below its point where no other series' point is. */
static void vertical_lines(layout *L, const block_chart *c, const vplot *p)
{
	float x0 = p->x0, scale = p->scale, zero = p->zero, group = p->group;
	int dec = p->dec;
	for (size_t s = 0; s < c->nseries; s++)
		for (size_t k = 0; k < c->ncat;) {
			size_t e = k;
			while (e < c->ncat && present(c, s, e))
				e++;
			if (e - k >= 2) {
				float *pts =
				        arena_alloc(L->doc->arena, (e - k) * 2 * sizeof(float));
				for (size_t i = k; i < e; i++) {
					pts[2 * (i - k)] = x0 + group * ((float)i + 0.5f);
					pts[2 * (i - k) + 1] = zero + (float)value(c, s, i) * scale;
				}
				draw_op *path = doc_op(L->doc, L->page, DRAW_PATH);
				path->pts = pts;
				path->npts = e - k;
				path->stroked = 1;
				path->stroke = chart_colour(s);
				path->line_width = 1.8f;
			}
			k = e > k ? e : k + 1;
		}
	/* markers and labels over all the lines */
	for (size_t s = 0; s < c->nseries; s++)
		for (size_t k = 0; k < c->ncat; k++) {
			if (!present(c, s, k))
				continue;
			float x = x0 + group * ((float)k + 0.5f);
			float y = zero + (float)value(c, s, k) * scale;
			marker(L, s, x, y, 2.8f);
			const char *lbl = fmt_value(L, value(c, s, k), dec);
			if (string_width(L, FACE_SANS, LABEL_SIZE, lbl) > group - 2)
				continue;
			if (!point_between(c, s, k, zero, scale, y - 2, y + 14))
				centred(L, FACE_SANS, LABEL_SIZE, COLOR_TEXT, x, y + 5, lbl);
			else if (!point_between(c, s, k, zero, scale, y - 14, y + 2))
				centred(L, FACE_SANS, LABEL_SIZE, COLOR_TEXT, x, y - 11, lbl);
		}
}

/* Draws a vertical chart (bars, stacked bars, lines, areas) whose area
 * starts at top, laid out by g: ticks and grid, the kind's marks, category
 * labels under each column, the axes and the x title. */
static void vertical(layout *L, const block_chart *c, float top, const geom *g)
{
	chart_axis a = value_axis(c);
	vplot p;
	p.dec = data_decimals(c);
	p.x0 = L->left + tick_label_width(L, &a) + 8;
	p.x1 = L->right - 4;
	p.py1 = top - g->head - 14;  /* plot top */
	p.py0 = p.py1 - PLOT_HEIGHT; /* plot bottom */
	p.scale = (float)(PLOT_HEIGHT / (a.hi - a.lo));
	p.zero = p.py0 + (float)(-a.lo) * p.scale;
	vertical_ticks(L, &a, &p);

	p.group = (p.x1 - p.x0) / (float)c->ncat;
	float cat_size;
	para *cats = arena_alloc(L->a, c->ncat * sizeof(para));
	category_labels(L, c, p.group, cats, &cat_size);

	if (c->kind == K_AREA)
		vertical_area(L, c, &p);
	for (size_t k = 0; k < c->ncat; k++) {
		float gx = p.x0 + p.group * (float)k, cx = gx + p.group / 2;
		for (size_t i = 0; i < cats[k].nlines; i++)
			draw_lines(L, &cats[k], i, i + 1, cx - cats[k].lines[i].natural / 2,
			           p.py0 - 11 - (float)i * CAT_LEADING, CAT_LEADING, COLOR_TEXT);
		if (c->kind == K_BAR)
			vertical_bars(L, c, &p, k, gx);
		else if (c->kind == K_STACKED)
			vertical_stack(L, c, &p, k, gx);
	}
	if (c->kind == K_LINE)
		vertical_lines(L, c, &p);

	doc_line(L->doc, L->page, p.x0, p.zero, p.x1, p.zero, COLOR_TEXT, 0.8f);
	doc_line(L->doc, L->page, p.x0, p.py0, p.x0, p.py1, COLOR_TEXT, 0.6f);
	if (c->x_title)
		centred(L, FACE_SANS, TICK_SIZE, COLOR_MUTED, (p.x0 + p.x1) / 2,
		        p.py0 - 24 - g->cat_extra, c->x_title);
}

/* ----------------------------------------------------- horizontal charts */

static void horizontal(layout *L, const block_chart *c, float top, const geom *g)
{
	chart_axis a = value_axis(c);
	int dec = data_decimals(c);
	float cat_w = 0;
	for (size_t k = 0; k < c->ncat; k++) {
		para p = hbar_label(L, c->categories[k]);
		for (size_t i = 0; i < p.nlines; i++)
			cat_w = p.lines[i].natural > cat_w ? p.lines[i].natural : cat_w;
	}
	/* room at the right for the label of the longest bar */
	float val_w = 0;
	for (size_t k = 0; k < c->ncat; k++)
		for (size_t s = 0; s < c->nseries; s++) {
			float w = string_width(L, FACE_SANS, LABEL_SIZE,
			                       fmt_value(L, value(c, s, k), dec));
			val_w = w > val_w ? w : val_w;
		}
	float x0 = L->left + cat_w + 8, x1 = L->right - val_w - 6;
	float py1 = top - g->head, py0 = py1 - g->plot;
	float scale = (x1 - x0) / (float)(a.hi - a.lo);
	float zero = x0 + (float)(-a.lo) * scale;

	for (int i = 0; i < a.nticks; i++) {
		double t = tick(&a, i);
		float x = x0 + (float)(t - a.lo) * scale;
		if (t != 0)
			doc_line(L->doc, L->page, x, py0, x, py1, GRID, 0.4f);
		centred(L, FACE_SANS, TICK_SIZE, COLOR_MUTED, x, py0 - 10,
		        fmt_value(L, t, a.decimals));
	}
	float group = hbar_group(L, c);
	for (size_t k = 0; k < c->ncat; k++) {
		float cy = py1 - group * ((float)k + 0.5f); /* middle of the category */
		float gy = cy - hbar_bars(c) / 2 - 4;       /* bars start 4 above gy */
		para p = hbar_label(L, c->categories[k]);
		float base = cy - 2.5f + (float)(p.nlines - 1) * CAT_LEADING / 2;
		for (size_t i = 0; i < p.nlines; i++)
			draw_lines(L, &p, i, i + 1, x0 - 6 - p.lines[i].natural,
			           base - (float)i * CAT_LEADING, CAT_LEADING, COLOR_TEXT);
		if (c->kind == K_HBAR) {
			for (size_t s = 0; s < c->nseries; s++) {
				if (!present(c, s, k))
					continue;
				double v = value(c, s, k);
				float by = gy + 4 + BAR_THICK * (float)(c->nseries - 1 - s);
				float w = (float)v * scale;
				series_rect(L, s, zero, by + 0.6f, w, BAR_THICK - 1.2f);
				const char *lbl = fmt_value(L, v, dec);
				float lw = string_width(L, FACE_SANS, LABEL_SIZE, lbl);
				draw_string(L, FACE_SANS, LABEL_SIZE, COLOR_TEXT,
				            v < 0 ? zero + w - 3 - lw : zero + w + 3,
				            by + BAR_THICK / 2 - 2.6f, lbl);
			}
		} else {
			float bh = BAR_THICK * 1.4f, by = gy + 4;
			float right = zero, left = zero;
			double sum = 0;
			for (size_t s = 0; s < c->nseries; s++) {
				double v = value(c, s, k);
				if (v == 0)
					continue;
				float w = (float)v * scale;
				float x = v > 0 ? right : left;
				series_rect(L, s, x, by, w, bh);
				const char *lbl = fmt_value(L, v, dec);
				if (string_width(L, FACE_SANS, LABEL_SIZE, lbl) <= fabsf(w) - 4)
					inside_label(L, s, x + w / 2, by + bh / 2 - 2.6f, lbl);
				if (v > 0)
					right += w;
				else
					left += w;
				sum += v;
			}
			draw_string(L, FACE_SANS_BOLD, LABEL_SIZE, COLOR_TEXT, right + 3,
			            by + bh / 2 - 2.6f, fmt_value(L, sum, dec));
		}
	}
	doc_line(L->doc, L->page, zero, py0, zero, py1, COLOR_TEXT, 0.8f);
	doc_line(L->doc, L->page, x0, py0, x1, py0, COLOR_TEXT, 0.6f);
	if (c->x_title)
		centred(L, FACE_SANS, TICK_SIZE, COLOR_MUTED, (x0 + x1) / 2, py0 - 23, c->x_title);
}

/* ---------------------------------------------------------- pie and donut */

/* Points of the slice from angle a0 to a1 (radians, clockwise from 12
 * o'clock) as a polygon with the centre first. */
static size_t wedge(float cx, float cy, float r, double a0, double a1, float *xy, size_t max)
{
	size_t n = 0;
	xy[n++] = cx;
	xy[n++] = cy;
	int steps = (int)ceil((a1 - a0) / (M_PI / 36)) + 1;
	if (steps < 2)
		steps = 2;
	for (int i = 0; i <= steps && n + 2 <= max; i++) {
		double t = a0 + (a1 - a0) * i / steps;
		xy[n++] = cx + r * (float)sin(t);
		xy[n++] = cy + r * (float)cos(t);
	}
	return n / 2;
}

static void round_chart(layout *L, const block_chart *c, float top, const geom *g)
{
	float r = PIE_RADIUS;
	float cx = L->left + r + 12, cy = top - g->head - g->plot / 2;
	double total = 0;
	for (size_t k = 0; k < c->ncat; k++)
		total += value(c, 0, k) > 0 ? value(c, 0, k) : 0;
	int dec = data_decimals(c);
	double a = 0;
	float xy[2 * 80];
	for (size_t k = 0; k < c->ncat && total > 0; k++) {
		double v = value(c, 0, k);
		if (v <= 0)
			continue;
		double sweep = 2 * M_PI * v / total;
		/* halves of at most 180 degrees keep each polygon convex for hatching */
		int parts = sweep > M_PI ? 2 : 1;
		for (int p = 0; p < parts; p++) {
			double b0 = a + sweep * p / parts, b1 = a + sweep * (p + 1) / parts;
			size_t n = wedge(cx, cy, r, b0, b1, xy, sizeof(xy) / sizeof(xy[0]));
			polygon(L, xy, n, chart_colour(k));
			hatch(L, xy, n, chart_hatch(k));
		}
		/* a white edge between slices */
		if (c->ncat > 1)
			doc_line(L->doc, L->page, cx, cy, cx + r * (float)sin(a),
			         cy + r * (float)cos(a), COLOR_WHITE, 1.2f);
		a += sweep;
	}
	if (c->ncat > 1 && total > 0)
		doc_line(L->doc, L->page, cx, cy, cx + r * (float)sin(a), cy + r * (float)cos(a),
		         COLOR_WHITE, 1.2f);
	if (c->kind == K_DONUT) {
		draw_op *hole = doc_op(L->doc, L->page, DRAW_CIRCLE);
		hole->x = cx;
		hole->y = cy;
		hole->w = r * 0.56f;
		hole->filled = 1;
		hole->fill = COLOR_WHITE;
		centred(L, FACE_SANS_BOLD, 12, COLOR_TEXT, cx, cy - 2, fmt_value(L, total, dec));
		if (c->y_title)
			centred(L, FACE_SANS, LABEL_SIZE, COLOR_MUTED, cx, cy - 13, c->y_title);
	}
	/* shares on the slices that have room for them */
	a = 0;
	for (size_t k = 0; k < c->ncat && total > 0; k++) {
		double v = value(c, 0, k);
		if (v <= 0)
			continue;
		double sweep = 2 * M_PI * v / total, mid = a + sweep / 2;
		char buf[48];
		fmt_percent(L->o->lang, 100 * v / total, 0, buf, sizeof(buf));
		float lr = c->kind == K_DONUT ? r * 0.78f : r * 0.64f;
		float w = string_width(L, FACE_SANS, LABEL_SIZE, buf);
		/* the chord the label sits on must be wider than the label */
		if (sweep >= 2 * asin(fmin(1, (w / 2 + 3) / lr)) && sweep > 0.3)
			inside_label(L, k, cx + lr * (float)sin(mid),
			             cy + lr * (float)cos(mid) - 2.6f, arena_strdup(L->a, buf));
		a += sweep;
	}
	/* the legend beside the pie: swatch, category, value and share */
	float lx = cx + r + 30;
	float ly = cy + (float)c->ncat * LEGEND_ROW / 2 - LEGEND_ROW + 4;
	for (size_t k = 0; k < c->ncat; k++) {
		double v = value(c, 0, k);
		char pct[48];
		fmt_percent(L->o->lang, total > 0 ? 100 * v / total : 0, 1, pct, sizeof(pct));
		series_rect(L, k, lx, ly - 1.5f, 10, 9);
		float x = lx + 15 +
		          draw_string(L, FACE_SANS, LEGEND_SIZE, COLOR_TEXT, lx + 15, ly,
		                      c->categories[k]);
		draw_string(L, FACE_SANS, LEGEND_SIZE, COLOR_MUTED, x + 6, ly,
		            arena_printf(L->a, "%s (%s)", fmt_value(L, v, dec), pct));
		ly -= LEGEND_ROW;
	}
}

/* ------------------------------------------------------------- the chart */

void layout_chart(layout *L, const block_chart *c)
{
	geom g = measure(L, c, L->figures + 1);
	float before = L->page >= 0 && L->y < L->top ? 8 : 0;
	if (L->page < 0 || L->y - before - g.total < L->bottom)
		layout_new_page(L);
	else
		L->y -= before;
	L->figures++;
	L->st->figures++;
	float top = L->y;
	int div = doc_open(L->doc, SE_DIV), fig = doc_open(L->doc, SE_FIGURE);
	L->doc->elems[fig].text = chart_alt_text(L, c);

	/* the y axis title at the left of the top band, the legend at its right
	 * (or on a row of its own): outside the plot, so it covers no data */
	if (c->y_title && c->kind != K_DONUT)
		draw_string(L, FACE_SANS, TICK_SIZE, COLOR_MUTED, L->left, top - 10, c->y_title);
	if (legend_count(c) > 1 && !is_round(c->kind))
		legend_rows(L, c, content_width(L) - 4, 1, L->right - 4,
		            top - 10 - (g.legend_own ? LEGEND_ROW : 0));

	if (is_round(c->kind))
		round_chart(L, c, top, &g);
	else if (is_horizontal(c->kind))
		horizontal(L, c, top, &g);
	else
		vertical(L, c, top, &g);

	float y = top - g.head - g.plot - g.below - 6;
	doc_close(L->doc, fig);
	int cap = doc_open(L->doc, SE_CAPTION);
	draw_lines(L, &g.caption, 0, g.caption.nlines, L->left, y - CAPTION_SIZE,
	           CAPTION_SIZE * 1.3f, COLOR_ACCENT);
	doc_close(L->doc, cap);
	doc_close(L->doc, div);
	y -= (float)g.caption.nlines * CAPTION_SIZE * 1.3f;
	L->y = y - 8;
}
