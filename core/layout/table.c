/*
 * table.c - tables: column widths from content, wrapping cells, a header row
 * repeated on every page the table spans, rows never split.
 */
#include <string.h>

#include "../i18n.h"
#include "internal.h"

#define TABLE_SIZE 8.5f
#define TABLE_FLOOR 6.5f
#define PAD_X 5.0f
#define PAD_Y 3.2f
#define CAPTION_SIZE 9.0f

/* The shaped and measured table. */
typedef struct table_fit {
	float size, leading;
	float *width;   /* per column */
	para *cells;    /* (nrows + 1) * ncols: the header row first */
	float *height;  /* per row, header first */
	para caption;
} table_fit;

static para *cell(table_fit *f, const block_table *t, size_t row, size_t col)
{
	return &f->cells[row * t->ncols + col];
}

static const char *cell_text(const block_table *t, size_t row, size_t col)
{
	return row == 0 ? t->header[col] : t->cells[(row - 1) * t->ncols + col];
}

static face_id cell_face(const block_table *t, size_t row)
{
	if (row == 0 || (t->row_flags[row - 1] & 1u))
		return FACE_SANS_BOLD;
	return FACE_SANS;
}

/* Computes column widths for `size`: natural widths when they fit, else
 * minimum widths plus the room left shared by what each column wants more.
 * Returns 0 if the table fits in `avail`. */
static int fit_columns(layout *L, const block_table *t, table_fit *f, float size, float avail)
{
	size_t rows = t->nrows + 1;
	float *nat = arena_alloc(L->a, t->ncols * sizeof(float));
	float *min = arena_alloc(L->a, t->ncols * sizeof(float));
	f->size = size;
	f->leading = size * 1.3f;
	for (size_t r = 0; r < rows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			para *p = cell(f, t, r, c);
			para_shape_plain(p, L->a, L->m, cell_face(t, r), size, cell_text(t, r, c));
			float n = para_natural_width(p) + 2 * PAD_X;
			float m = para_min_width(p) + 2 * PAD_X;
			if (n > nat[c])
				nat[c] = n;
			if (m > min[c])
				min[c] = m;
		}
	float sum_nat = 0, sum_min = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		sum_nat += nat[c];
		sum_min += min[c];
	}
	if (sum_nat <= avail) {
		/* share the spare room in proportion to the natural widths */
		for (size_t c = 0; c < t->ncols; c++)
			f->width[c] = nat[c] + (avail - sum_nat) * nat[c] / sum_nat;
		return 0;
	}
	if (sum_min > avail)
		return -1;
	float want = sum_nat - sum_min;
	for (size_t c = 0; c < t->ncols; c++)
		f->width[c] = min[c] + (avail - sum_min) * (nat[c] - min[c]) / want;
	return 0;
}

/* Shapes, sizes and breaks the whole table. */
static void fit_table(layout *L, const block_table *t, table_fit *f)
{
	size_t rows = t->nrows + 1;
	float avail = content_width(L);
	f->width = arena_alloc(L->a, t->ncols * sizeof(float));
	f->cells = arena_alloc(L->a, rows * t->ncols * sizeof(para));
	f->height = arena_alloc(L->a, rows * sizeof(float));
	float size = TABLE_SIZE;
	while (fit_columns(L, t, f, size, avail) != 0) {
		if (size - 0.5f < TABLE_FLOOR) {
			diag_warning(L->d, NULL, "table \"%s\" is too wide for the page; cells overflow",
			             t->caption ? t->caption : "");
			for (size_t c = 0; c < t->ncols; c++)
				f->width[c] = avail / (float)t->ncols;
			break;
		}
		size -= 0.5f;
	}
	for (size_t r = 0; r < rows; r++) {
		size_t lines = 1;
		for (size_t c = 0; c < t->ncols; c++) {
			size_t n = para_break(cell(f, t, r, c), L->a, f->width[c] - 2 * PAD_X, 0);
			if (n > lines)
				lines = n;
		}
		f->height[r] = (float)lines * f->leading + 2 * PAD_Y;
	}
}

/* Draws the caption ("Tabell 3. ..." or "Tabell 3. ... (forts.)"). */
static void draw_caption(layout *L, const block_table *t, int continued)
{
	char *lead = arena_printf(L->a, "**%s %d.** %s%s%s", label(L->o->lang, "table"), L->tables,
	                          t->caption ? t->caption : "", continued ? " " : "",
	                          continued ? label(L->o->lang, "continued") : "");
	para p;
	para_shape(&p, L->a, L->m, FAMILY_SANS, CAPTION_SIZE, lead);
	para_break(&p, L->a, content_width(L), 0);
	draw_lines(L, &p, 0, p.nlines, L->left, L->y - CAPTION_SIZE, CAPTION_SIZE * 1.3f,
	           COLOR_ACCENT);
	L->y -= (float)p.nlines * CAPTION_SIZE * 1.3f + 4;
}

static float caption_height(layout *L, const block_table *t)
{
	para p;
	char *lead = arena_printf(L->a, "**%s 99.** %s", label(L->o->lang, "table"),
	                          t->caption ? t->caption : "");
	para_shape(&p, L->a, L->m, FAMILY_SANS, CAPTION_SIZE, lead);
	para_break(&p, L->a, content_width(L), 0);
	return (float)p.nlines * CAPTION_SIZE * 1.3f + 4;
}

/* Draws row r at the cursor and moves the cursor down. */
static void draw_row(layout *L, const block_table *t, table_fit *f, size_t r, int zebra)
{
	float h = f->height[r];
	float x = L->left, w = content_width(L);
	unsigned flags = r ? t->row_flags[r - 1] : 0;
	if (r == 0)
		doc_rect(L->doc, L->page, x, L->y - h, w, h, &COLOR_TINT, NULL, 0);
	else if (zebra)
		doc_rect(L->doc, L->page, x, L->y - h, w, h, &(rgb){0.965f, 0.972f, 0.98f}, NULL, 0);
	if (flags & 1u)
		doc_line(L->doc, L->page, x, L->y, x + w, L->y, COLOR_TEXT, 0.8f);
	for (size_t c = 0; c < t->ncols; c++) {
		para *p = cell(f, t, r, c);
		float base = L->y - PAD_Y - f->size * 0.95f;
		for (size_t k = 0; k < p->nlines; k++) {
			float lx = x + PAD_X;
			if (t->align[c] == 1)
				lx = x + f->width[c] - PAD_X - p->lines[k].natural;
			else if (t->align[c] == 2)
				lx = x + (f->width[c] - p->lines[k].natural) / 2;
			draw_lines(L, p, k, k + 1, lx, base - (float)k * f->leading, f->leading,
			           COLOR_TEXT);
		}
		x += f->width[c];
	}
	L->y -= h;
	if (r == 0)
		doc_line(L->doc, L->page, L->left, L->y, L->right, L->y, COLOR_ACCENT, 0.9f);
}

float table_min_height(layout *L, const block_table *t)
{
	table_fit f;
	memset(&f, 0, sizeof(f));
	fit_table(L, t, &f);
	float h = caption_height(L, t) + f.height[0];
	if (t->nrows)
		h += f.height[1];
	return h;
}

void layout_table(layout *L, const block_table *t)
{
	table_fit f;
	memset(&f, 0, sizeof(f));
	fit_table(L, t, &f);
	L->tables++;
	L->st->tables++;
	float space_before = L->page >= 0 && L->y < L->top ? 6 : 0;
	float first = caption_height(L, t) + f.height[0] + (t->nrows ? f.height[1] : 0);
	if (L->page < 0 || L->y - space_before - first < L->bottom)
		layout_new_page(L);
	else
		L->y -= space_before;
	draw_caption(L, t, 0);
	float top_rule = L->y;
	doc_line(L->doc, L->page, L->left, top_rule, L->right, top_rule, COLOR_ACCENT, 0.9f);
	draw_row(L, t, &f, 0, 0);
	for (size_t r = 1; r <= t->nrows; r++) {
		if (L->y - f.height[r] < L->bottom) {
			doc_line(L->doc, L->page, L->left, L->y, L->right, L->y, COLOR_ACCENT, 0.9f);
			layout_new_page(L);
			draw_caption(L, t, 1);
			doc_line(L->doc, L->page, L->left, L->y, L->right, L->y, COLOR_ACCENT, 0.9f);
			draw_row(L, t, &f, 0, 0);
		}
		draw_row(L, t, &f, r, (r % 2) == 0);
	}
	doc_line(L->doc, L->page, L->left, L->y, L->right, L->y, COLOR_ACCENT, 0.9f);
	L->y -= 14;
}
