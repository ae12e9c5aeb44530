/*
 * table.c - tables: column widths from content (minimum and preferred),
 * wrapping cells, an optional header-group row whose cells span columns,
 * numbers right-aligned or aligned on the decimal separator, zebra rows, a
 * totals row.  When a table spans pages its header rows repeat under a
 * caption marked "(forts.)"; a row is never split unless it alone is taller
 * than a page, and then it is split between lines of text.
 */
#include <string.h>

#include "base/i18n.h"
#include "layout/internal.h"
#include "rapport/plugin.h"

#define TABLE_SIZE   8.5f
#define TABLE_FLOOR  6.5f
#define PAD_X        5.0f
#define PAD_Y        3.2f
#define CAPTION_SIZE 9.0f

/* The shaped and measured table. */
typedef struct table_fit {
	float size, leading;
	float *width;  /* per column */
	para *cells;   /* (nrows + 1) * ncols: the header row first */
	float *height; /* per row, header first */
	float group_h; /* height of the header-group row, 0 if none */
	float *tail;   /* decimal columns: widest part from the separator on */
	/* structure: the Table's THead and TBody, the cells of the row drawn */
	int table, head, body;
	int *cell_elem;
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
	if (row == 0 || (t->row_flags[row - 1] & RAPPORT_ROW_TOTAL))
		return FACE_SANS_BOLD;
	return FACE_SANS;
}

/* Columns c .. *end-1 share the group label of column c. */
static size_t group_end(const block_table *t, size_t c)
{
	size_t e = c + 1;
	while (e < t->ncols && strcmp(t->groups[e], t->groups[c]) == 0)
		e++;
	return e;
}

/* The decimal separator of the build's language. */
static char decimal_sep(const layout *L)
{
	char buf[16];
	fmt_number(L->o->lang, 0.5, 1, buf, sizeof(buf));
	return buf[1];
}

/* Width of s from its decimal separator on (0 if it has none). */
static float tail_width(const layout *L, face_id f, float size, const char *s)
{
	const char *sep = strrchr(s, decimal_sep(L));
	return sep ? string_width(L, f, size, sep) : 0;
}

/* Computes column widths for `size`: natural widths when they fit, else
 * (if wrap) minimum widths plus the room left shared by what each column
 * wants more.  Returns 0 if the table fits in `avail`. */
static int fit_columns(layout *L, const block_table *t, table_fit *f, float size, float avail,
                       int wrap)
{
	size_t rows = t->nrows + 1;
	float *nat = arena_alloc(L->a, t->ncols * sizeof(float));
	float *min = arena_alloc(L->a, t->ncols * sizeof(float));
	f->size = size;
	f->leading = size * 1.3f;
	for (size_t c = 0; c < t->ncols; c++)
		f->tail[c] = 0;
	for (size_t r = 0; r < rows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			para *p = cell(f, t, r, c);
			para_shape_plain(p, L->a, L->m, cell_face(t, r), size, cell_text(t, r, c));
			float n = para_natural_width(p) + 2 * PAD_X;
			float m = para_min_width(p) + 2 * PAD_X;
			if (r > 0 && t->align[c] == RAPPORT_ALIGN_DECIMAL) {
				/* numbers line up on the separator: widest integer part
				 * plus widest decimal part */
				float tw = tail_width(L, cell_face(t, r), size, cell_text(t, r, c));
				if (tw > f->tail[c])
					f->tail[c] = tw;
			}
			if (n > nat[c])
				nat[c] = n;
			if (m > min[c])
				min[c] = m;
		}
	for (size_t c = 0; c < t->ncols; c++) {
		if (t->align[c] != RAPPORT_ALIGN_DECIMAL)
			continue;
		float head = 0;
		for (size_t r = 1; r < rows; r++) {
			const char *s = cell_text(t, r, c);
			float w = string_width(L, cell_face(t, r), size, s) -
			          tail_width(L, cell_face(t, r), size, s);
			head = w > head ? w : head;
		}
		float w = head + f->tail[c] + 2 * PAD_X;
		nat[c] = w > nat[c] ? w : nat[c];
		min[c] = w > min[c] ? w : min[c];
	}
	/* a group label wider than its columns widens them evenly */
	for (size_t c = 0; t->groups && c < t->ncols; c = group_end(t, c)) {
		if (!*t->groups[c])
			continue;
		size_t e = group_end(t, c);
		float need = string_width(L, FACE_SANS_BOLD, size, t->groups[c]) + 2 * PAD_X,
		      have = 0;
		for (size_t k = c; k < e; k++)
			have += nat[k];
		for (size_t k = c; need > have && k < e; k++) {
			nat[k] += (need - have) / (float)(e - c);
			min[k] = min[k] > nat[k] ? min[k] : nat[k];
		}
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
	if (!wrap || sum_min > avail)
		return -1;
	float want = sum_nat - sum_min;
	for (size_t c = 0; c < t->ncols; c++)
		f->width[c] = min[c] + (avail - sum_min) * (nat[c] - min[c]) / want;
	return 0;
}

/* Shapes, sizes and breaks the whole table.  A table too wide for the page
 * first shrinks in half-point steps down to TABLE_FLOOR, if that puts every
 * cell on one line; else its cells wrap between words at the full size (and
 * the font shrinks only as far as the longest words need); if a word is
 * still too long at the floor, the table is reported by its caption. */
static void fit_table(layout *L, const block_table *t, table_fit *f, int report)
{
	size_t rows = t->nrows + 1;
	float avail = content_width(L);
	f->width = arena_alloc(L->a, t->ncols * sizeof(float));
	f->tail = arena_alloc(L->a, t->ncols * sizeof(float));
	f->cells = arena_alloc(L->a, rows * t->ncols * sizeof(para));
	f->height = arena_alloc(L->a, rows * sizeof(float));
	int fits = 0; /* f->size is the size that fitted */
	for (float s = TABLE_SIZE; !fits && s >= TABLE_FLOOR - 0.01f; s -= 0.5f)
		fits = fit_columns(L, t, f, s, avail, 0) == 0;
	float size = TABLE_SIZE;
	while (!fits && fit_columns(L, t, f, size, avail, 1) != 0) {
		if (size - 0.5f < TABLE_FLOOR) {
			if (report)
				diag_warning(
				        L->d, NULL,
				        "table \"%s\" is too wide for the page even at %.1f pt: "
				        "a word in it is longer than its column",
				        t->caption ? t->caption : "", (double)size);
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
	f->group_h = t->groups ? f->leading + 2 * PAD_Y : 0;
}

/* Draws the caption ("Tabell 3. ..." or "Tabell 3. ... (forts.)"). */
static void draw_caption(layout *L, const block_table *t, int continued)
{
	int e = continued ? 0 : doc_open(L->doc, SE_CAPTION); /* else an artifact */
	char *lead = arena_printf(L->a, "**%s %d.** %s%s%s", label(L->o->lang, "table"), L->tables,
	                          t->caption ? t->caption : "", continued ? " " : "",
	                          continued ? label(L->o->lang, "continued") : "");
	para p;
	para_shape(&p, L->a, L->m, FAMILY_SANS, CAPTION_SIZE, lead);
	para_break(&p, L->a, content_width(L), 0);
	draw_lines(L, &p, 0, p.nlines, L->left, L->y - CAPTION_SIZE, CAPTION_SIZE * 1.3f,
	           COLOR_ACCENT);
	if (e)
		doc_close(L->doc, e);
	L->y -= (float)p.nlines * CAPTION_SIZE * 1.3f + 4;
}

static float caption_height(layout *L, const block_table *t, int continued)
{
	para p;
	char *lead = arena_printf(L->a, "**%s 99.** %s%s%s", label(L->o->lang, "table"),
	                          t->caption ? t->caption : "", continued ? " " : "",
	                          continued ? label(L->o->lang, "continued") : "");
	para_shape(&p, L->a, L->m, FAMILY_SANS, CAPTION_SIZE, lead);
	para_break(&p, L->a, content_width(L), 0);
	return (float)p.nlines * CAPTION_SIZE * 1.3f + 4;
}

/* Draws the header-group row: one centred bold label over each run of
 * columns sharing it, with a rule under the run. */
static void draw_groups(layout *L, const block_table *t, table_fit *f)
{
	float h = f->group_h, x = L->left;
	document *doc = L->doc;
	unsigned char art = doc_artifact(doc, ART_LAYOUT);
	doc_rect(L->doc, L->page, L->left, L->y - h, content_width(L), h, &COLOR_TINT, NULL, 0);
	doc_artifact(doc, art);
	/* a header row of TH /Scope /Column spanning their columns */
	int tr = art ? 0 : doc_elem(doc, SE_TR, f->head);
	for (size_t c = 0; c < t->ncols;) {
		size_t e = group_end(t, c);
		float w = 0;
		for (size_t k = c; k < e; k++)
			w += f->width[k];
		if (tr) {
			int th = doc->cur_elem = doc_elem(doc, SE_TH, tr);
			doc->elems[th].scope = 1;
			doc->elems[th].span = (unsigned char)(e - c > 255 ? 255 : e - c);
		}
		if (*t->groups[c]) {
			float tw = string_width(L, FACE_SANS_BOLD, f->size, t->groups[c]);
			draw_string(L, FACE_SANS_BOLD, f->size, COLOR_TEXT, x + (w - tw) / 2,
			            L->y - PAD_Y - f->size * 0.95f, t->groups[c]);
			doc_artifact(doc, ART_LAYOUT);
			doc_line(L->doc, L->page, x + PAD_X, L->y - h + 0.5f, x + w - PAD_X,
			         L->y - h + 0.5f, COLOR_MUTED, 0.5f);
			doc_artifact(doc, art);
		}
		x += w;
		c = e;
	}
	doc->cur_elem = f->table;
	L->y -= h;
}

/* Draws lines [from, to) of row r at the cursor and moves the cursor down
 * (a whole row is lines 0 to SIZE_MAX). */
static void draw_row(layout *L, const block_table *t, table_fit *f, size_t r, int zebra,
                     size_t from, size_t to)
{
	size_t most = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		size_t n = cell(f, t, r, c)->nlines;
		most = n > most ? n : most;
	}
	if (to > most)
		to = most;
	if (most == 0)
		to = from + 1; /* an empty row still has a line's height */
	float h = from == 0 && to >= most ? f->height[r]
	                                  : (float)(to - from) * f->leading + 2 * PAD_Y;
	float x = L->left, w = content_width(L);
	unsigned flags = r ? t->row_flags[r - 1] : 0;
	document *doc = L->doc;
	/* structure: a TR of TH /Scope /Column (the header) or TD, made when
	 * the row begins (a row split over pages keeps its cells); none in a
	 * repeated header, which is an artifact */
	unsigned char art = doc_artifact(doc, ART_LAYOUT);
	if (from == 0 && !art) {
		int tr = doc_elem(doc, SE_TR, r == 0 ? f->head : f->body);
		for (size_t c = 0; c < t->ncols; c++) {
			f->cell_elem[c] = doc_elem(doc, r == 0 ? SE_TH : SE_TD, tr);
			doc->elems[f->cell_elem[c]].scope = r == 0;
		}
	}
	if (r == 0)
		doc_rect(L->doc, L->page, x, L->y - h, w, h, &COLOR_TINT, NULL, 0);
	else if (zebra)
		doc_rect(L->doc, L->page, x, L->y - h, w, h, &(rgb){0.965f, 0.972f, 0.98f}, NULL,
		         0);
	if (flags & RAPPORT_ROW_TOTAL)
		doc_line(L->doc, L->page, x, L->y, x + w, L->y, COLOR_TEXT, 0.8f);
	doc_artifact(doc, art);
	for (size_t c = 0; c < t->ncols; c++) {
		para *p = cell(f, t, r, c);
		doc->cur_elem = art ? f->table : f->cell_elem[c];
		float base = L->y - PAD_Y - f->size * 0.95f;
		for (size_t k = from; k < to && k < p->nlines; k++) {
			float lx = x + PAD_X;
			int al = t->align[c];
			if (al == RAPPORT_ALIGN_DECIMAL && (r == 0 || p->nlines > 1))
				al = RAPPORT_ALIGN_RIGHT;
			if (al == RAPPORT_ALIGN_RIGHT)
				lx = x + f->width[c] - PAD_X - p->lines[k].natural;
			else if (al == RAPPORT_ALIGN_CENTER)
				lx = x + (f->width[c] - p->lines[k].natural) / 2;
			else if (al == RAPPORT_ALIGN_DECIMAL)
				lx = x + f->width[c] - PAD_X - f->tail[c] - p->lines[k].natural +
				     tail_width(L, cell_face(t, r), f->size, cell_text(t, r, c));
			draw_lines(L, p, k, k + 1, lx, base - (float)(k - from) * f->leading,
			           f->leading, COLOR_TEXT);
		}
		x += f->width[c];
	}
	doc->cur_elem = f->table;
	L->y -= h;
	doc_artifact(doc, ART_LAYOUT);
	if (r == 0)
		doc_line(L->doc, L->page, L->left, L->y, L->right, L->y, COLOR_ACCENT, 0.9f);
	doc_artifact(doc, art);
}

/* Height of the header rows (groups and column headers). */
static float header_height(const table_fit *f)
{
	return f->group_h + f->height[0];
}

/* The caption, the top rule and the header rows at the cursor. */
static void draw_head(layout *L, const block_table *t, table_fit *f, int continued)
{
	/* a repeated head (and its "(forts.)" caption) is an artifact */
	unsigned char art = doc_artifact(L->doc, continued ? ART_LAYOUT : ART_NONE);
	draw_caption(L, t, continued);
	doc_artifact(L->doc, ART_LAYOUT);
	doc_line(L->doc, L->page, L->left, L->y, L->right, L->y, COLOR_ACCENT, 0.9f);
	doc_artifact(L->doc, continued ? ART_LAYOUT : ART_NONE);
	if (!continued)
		f->head = doc_elem(L->doc, SE_THEAD, f->table);
	if (f->group_h > 0)
		draw_groups(L, t, f);
	draw_row(L, t, f, 0, 0, 0, (size_t)-1);
	doc_artifact(L->doc, art);
}

float table_min_height(layout *L, const block_table *t)
{
	table_fit f;
	memset(&f, 0, sizeof(f));
	fit_table(L, t, &f, 0);
	float h = caption_height(L, t, 0) + header_height(&f);
	/* a short table is kept whole; a long one starts with at least three
	 * rows, so no page ends with a head and a row or two */
	size_t keep = t->nrows <= 8 ? t->nrows : 3;
	float rows = 0;
	for (size_t r = 1; r <= keep; r++)
		rows += f.height[r];
	if (rows <= L->top - L->bottom - h)
		return h + rows;
	if (t->nrows)
		h += f.height[1] < L->top - L->bottom - h ? f.height[1] : f.leading + 2 * PAD_Y;
	return h;
}

/* Starts a continuation page: closes the table here, repeats the head. */
static void continue_overleaf(layout *L, const block_table *t, table_fit *f)
{
	unsigned char art = doc_artifact(L->doc, ART_LAYOUT);
	doc_line(L->doc, L->page, L->left, L->y, L->right, L->y, COLOR_ACCENT, 0.9f);
	doc_artifact(L->doc, art);
	layout_new_page(L);
	draw_head(L, t, f, 1);
}

void layout_table(layout *L, const block_table *t)
{
	table_fit f;
	memset(&f, 0, sizeof(f));
	fit_table(L, t, &f, 1);
	L->tables++;
	L->st->tables++;
	float space_before = L->page >= 0 && L->y < L->top ? 6 : 0;
	float first = table_min_height(L, t);
	if (L->page < 0 || L->y - space_before - first < L->bottom)
		layout_new_page(L);
	else
		L->y -= space_before;
	/* structure: Table > Caption, THead, TBody: one Table over all its
	 * pages */
	document *doc = L->doc;
	f.table = doc_open(doc, SE_TABLE);
	f.cell_elem = arena_alloc(L->a, (t->ncols + 1) * sizeof(int));
	draw_head(L, t, &f, 0);
	f.body = doc_elem(doc, SE_TBODY, f.table);
	for (size_t r = 1; r <= t->nrows; r++) {
		int zebra = t->zebra && (r % 2) == 0;
		if (L->y - f.height[r] >= L->bottom - 0.01f) {
			draw_row(L, t, &f, r, zebra, 0, (size_t)-1);
			continue;
		}
		/* a row taller than a whole page is split between its lines; any
		 * other row that does not fit goes overleaf whole */
		float room = L->top - L->bottom - caption_height(L, t, 1) - header_height(&f);
		if (f.height[r] <= room) {
			continue_overleaf(L, t, &f);
			draw_row(L, t, &f, r, zebra, 0, (size_t)-1);
			continue;
		}
		size_t lines = (size_t)((f.height[r] - 2 * PAD_Y) / f.leading + 0.5f);
		size_t done = 0;
		while (done < lines) {
			size_t fit = (size_t)((L->y - L->bottom - 2 * PAD_Y) / f.leading);
			if (fit == 0 || (done == 0 && fit < 2)) {
				continue_overleaf(L, t, &f);
				continue;
			}
			if (fit > lines - done)
				fit = lines - done;
			draw_row(L, t, &f, r, zebra, done, done + fit);
			done += fit;
			if (done < lines)
				continue_overleaf(L, t, &f);
		}
	}
	doc_artifact(doc, ART_LAYOUT);
	doc_line(L->doc, L->page, L->left, L->y, L->right, L->y, COLOR_ACCENT, 0.9f);
	doc_artifact(doc, ART_NONE);
	doc_close(doc, f.table);
	L->y -= 14;
}
