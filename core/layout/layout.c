/*
 * layout.c - the flow: title page, contents, headings, paragraphs, lists,
 * page breaks, running header and footer, outline.
 */
#include "layout/layout.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "text/markup.h"
#include "layout/internal.h"

const rgb COLOR_TEXT = {0.10f, 0.10f, 0.12f};
const rgb COLOR_ACCENT = {0.05f, 0.24f, 0.42f};
const rgb COLOR_MUTED = {0.38f, 0.40f, 0.44f};
const rgb COLOR_RULE = {0.70f, 0.73f, 0.78f};
const rgb COLOR_TINT = {0.91f, 0.94f, 0.97f};
const rgb COLOR_WHITE = {1.0f, 1.0f, 1.0f};

/* Heading styles by level (1..4). */
static const struct heading_style {
	float size, before, after;
} HEADING[5] = {
        {0, 0, 0},
        {20.0f, 0, 14.0f},
        {14.0f, 16.0f, 6.0f},
        {11.5f, 12.0f, 4.0f},
        {10.5f, 10.0f, 3.0f},
};

#define HEADER_SIZE 8.0f
#define TOC_SIZE    10.5f
#define TOC_LEADING 19.0f

float string_width(const layout *L, face_id f, float size, const char *s)
{
	return (float)text_width(L->m, f, size, s, strlen(s));
}

float draw_string(layout *L, face_id f, float size, rgb color, float x, float y, const char *s)
{
	size_t len = strlen(s);
	doc_text(L->doc, L->page, f, size, color, x, y, s, len);
	return (float)text_width(L->m, f, size, s, len);
}

/* Adds the clickable area of a link over [x0, x1) of the line at baseline y,
 * an annotation of Link element elem. */
static void link_area(layout *L, const char *uri, float size, float x0, float x1, float y, int elem)
{
	draw_op *u = doc_op(L->doc, L->page, DRAW_URI);
	u->x = x0;
	u->y = y - size * 0.25f;
	u->w = x1 - x0;
	u->h = size * 1.15f;
	u->text = arena_strdup(L->doc->arena, uri);
	u->elem = elem;
}

/* Draws a run of text as an op of structure element elem. */
static void put_run(layout *L, const lb_frag *run, float size, rgb color, float x, float y,
                    int elem)
{
	doc_text(L->doc, L->page, run->face, size, color, x, y, run->text, run->len);
	L->doc->pages[L->page].ops[L->doc->pages[L->page].n - 1].elem = elem;
}

/* One past the last word of the word that begins with piece `first` of
 * line l: pieces joined by hyphenation points are one word of the text. */
static size_t word_end(const para *p, const lb_line *l, size_t first)
{
	size_t w = first;
	while (w + 1 < l->first + l->n && p->words[w].brk == LB_BRK_HYPHEN)
		w++;
	return w + 1;
}

/* The text of pieces [a, b) of p, after the string s (arena memory). */
static const char *pieces_text(arena *ar, const char *s, const para *p, size_t a, size_t b)
{
	size_t n = strlen(s);
	for (size_t w = a; w < b; w++)
		for (size_t f = 0; f < p->words[w].nfrags; f++)
			n += p->words[w].frags[f].len;
	char *t = arena_alloc(ar, n + 1), *o = t + strlen(s);
	memcpy(t, s, strlen(s));
	for (size_t w = a; w < b; w++)
		for (size_t f = 0; f < p->words[w].nfrags; f++) {
			memcpy(o, p->words[w].frags[f].text, p->words[w].frags[f].len);
			o += p->words[w].frags[f].len;
		}
	*o = '\0';
	return t;
}

/* Draws lines [from, to) of p.  Adjacent fragments of one face and link
 * that are contiguous in the text (the pieces of a hyphenatable word) are
 * drawn as one string, so the PDF holds whole words; a link gets one
 * clickable area per line.  Structure: the text belongs to the current
 * element, a link's to a Link element under it (one per link, over
 * lines), and a word hyphenated at a line end, its hyphen and its rest on
 * the next line to a Span whose /ActualText is the whole word. */
void draw_lines(layout *L, const para *p, size_t from, size_t to, float x, float baseline,
                float leading, rgb color)
{
	document *doc = L->doc;
	int base = doc->cur_elem;
	for (size_t k = from; k < to; k++) {
		const lb_line *l = &p->lines[k];
		float cx = x, y = baseline - (float)(k - from) * leading;
		lb_frag run = {0};
		float run_x = 0;
		int run_elem = base;
		/* this line may begin with the rest of a hyphenated word (pieces
		 * before cont_end) and end with the first part of one (pieces
		 * from hy_from on) */
		int cont =
		        L->hyph_span && L->hyph_para == p && L->hyph_line == k ? L->hyph_span : 0;
		size_t cont_end = cont && l->n ? word_end(p, l, l->first) : l->first;
		size_t hy_from = SIZE_MAX;
		if (l->hyphen && l->n) {
			hy_from = l->first + l->n - 1;
			while (hy_from > l->first && p->words[hy_from - 1].brk == LB_BRK_HYPHEN)
				hy_from--;
		}
		int hs = hy_from < cont_end ? cont : 0; /* a word over three lines */
		L->hyph_span = 0;
		const char *uri = NULL;
		int link = 0;
		float ux0 = 0, ux1 = 0;
		for (size_t w = l->first; w < l->first + l->n; w++) {
			const lb_word *word = &p->words[w];
			float fx = cx;
			for (size_t f = 0; f < word->nfrags; f++) {
				const lb_frag *fr = &word->frags[f];
				if (fr->uri != uri) {
					if (run.len)
						put_run(L, &run, p->size, color, run_x, y,
						        run_elem);
					run.len = 0;
					if (uri)
						link_area(L, uri, p->size, ux0, ux1, y, link);
					uri = fr->uri;
					ux0 = fx;
					link = !uri                 ? 0
					       : uri == L->link_uri ? L->link_elem
					                            : doc_elem(doc, SE_LINK, base);
					L->link_uri = uri;
					L->link_elem = link;
				}
				if (w >= hy_from && !hs)
					hs = doc_elem(doc, SE_SPAN, link ? link : base);
				int elem = w < cont_end   ? cont
				           : w >= hy_from ? hs
				           : link         ? link
				                          : base;
				if (run.len && elem == run_elem && fr->face == run.face &&
				    fr->text == run.text + run.len && fx == run_x + run.width) {
					run.len += fr->len;
					run.width += fr->width;
				} else {
					if (run.len)
						put_run(L, &run, p->size, color, run_x, y,
						        run_elem);
					run = *fr;
					run_x = fx;
					run_elem = elem;
				}
				fx += fr->width;
				ux1 = fx;
			}
			cx += word->width;
			if (word->brk == LB_BRK_SPACE && w + 1 < l->first + l->n)
				cx += l->gap;
		}
		if (run.len)
			put_run(L, &run, p->size, color, run_x, y, run_elem);
		if (uri)
			link_area(L, uri, p->size, ux0, ux1, y, link);
		if (hs) {
			/* the whole word: its pieces here (or what the Span had)
			 * and the rest on the next line */
			const char *t = hs == cont ? doc->elems[hs].text
			                           : pieces_text(doc->arena, "", p, hy_from,
			                                         l->first + l->n);
			if (k + 1 < p->nlines && p->lines[k + 1].n) {
				const lb_line *next = &p->lines[k + 1];
				t = pieces_text(doc->arena, t, p, next->first,
				                word_end(p, next, next->first));
			}
			doc->elems[hs].text = t;
			L->hyph_span = hs;
			L->hyph_para = p;
			L->hyph_line = k + 1;
			const lb_word *last = &p->words[l->first + l->n - 1];
			lb_frag h = {.face = last->nfrags ? last->frags[last->nfrags - 1].face
			                                  : FACE_SERIF,
			             .text = "-",
			             .len = 1};
			put_run(L, &h, p->size, color, cx, y, hs);
		} else if (l->hyphen && l->n) {
			lb_frag h = {.face = FACE_SERIF, .text = "-", .len = 1};
			put_run(L, &h, p->size, color, cx, y, base);
		}
	}
}

/* Up to 40 characters of s around byte offset at (arena memory), for
 * warnings that should show where the problem is. */
static const char *around_offset(layout *L, const char *s, size_t at)
{
	size_t len = strlen(s);
	if (at > len)
		at = 0;
	const char *b = s + (at > 20 ? at - 20 : 0);
	while (b > s && ((unsigned char)*b & 0xC0) == 0x80)
		b--; /* not inside a character */
	size_t rest = strlen(b), n = rest > 40 ? 40 : rest;
	while (n < rest && ((unsigned char)b[n] & 0xC0) == 0x80)
		n++;
	return arena_printf(L->a, "%s%.*s%s", b > s ? "..." : "", (int)n, b, n < rest ? "..." : "");
}

/* around_offset at the first UTF-8 encoding of cp in s. */
static const char *around(layout *L, const char *s, uint32_t cp)
{
	char enc[5] = {0};
	utf8_encode(cp, enc);
	const char *at = strstr(s, enc);
	return around_offset(L, s, at ? (size_t)(at - s) : 0);
}

void layout_new_page(layout *L)
{
	L->page = doc_add_page(L->doc);
	L->y = L->top;
}

int layout_need(layout *L, float height)
{
	if (L->page >= 0 && L->y - height >= L->bottom - 0.01f)
		return 0;
	layout_new_page(L);
	return 1;
}

/* ------------------------------------------------------------ title page */

/* Draws markup centred on lines of at most width, first baseline at y, as
 * one structure element of role.  Returns the y below the last line. */
static float centred_text(layout *L, enum se_role role, family fam, float size, float leading,
                          rgb color, const char *markup, float y, float width)
{
	int e = doc_open(L->doc, role);
	L->doc->elems[e].lang = L->title_data; /* the data's, or a label */
	para p;
	para_shape(&p, L->a, L->m, fam, size, markup);
	para_break(&p, L->a, width, 0);
	for (size_t k = 0; k < p.nlines; k++) {
		float x = L->left + (content_width(L) - p.lines[k].natural) / 2;
		draw_lines(L, &p, k, k + 1, x, y, leading, color);
		y -= leading;
	}
	doc_close(L->doc, e);
	return y;
}

static void title_page(layout *L)
{
	const layout_opts *o = L->o;
	layout_new_page(L);
	float w = content_width(L);
	/* a band across the top with the organisation */
	doc_artifact(L->doc, ART_LAYOUT);
	doc_rect(L->doc, L->page, 0, (float)PAGE_HEIGHT - 150, (float)PAGE_WIDTH, 150,
	         &COLOR_ACCENT, NULL, 0);
	doc_artifact(L->doc, ART_NONE);
	L->title_data = 1;
	if (o->organisation)
		centred_text(L, SE_P, FAMILY_SANS, 13, 16, COLOR_WHITE, o->organisation,
		             (float)PAGE_HEIGHT - 84, w);
	if (o->logo) { /* in the white space between the band and the title */
		int fig = doc_open(L->doc, SE_FIGURE);
		L->doc->elems[fig].text =
		        o->logo->alt ? o->logo->alt
		                     : arena_printf(L->doc->arena, "%s %s", label(o->lang, "logo"),
		                                    o->organisation ? o->organisation : "");
		layout_logo(L, o->logo, (float)PAGE_WIDTH / 2, (float)PAGE_HEIGHT - 215, w * 0.5f,
		            90);
		doc_close(L->doc, fig);
	}
	float y = (float)PAGE_HEIGHT - 300;
	char *t = arena_printf(L->a, "**%s**", o->title ? o->title : "");
	/* the title: /Title, role-mapped to P (it is in no outline) */
	L->title_data = !o->title_is_label;
	y = centred_text(L, SE_TITLE, FAMILY_SANS, 34, 40, COLOR_ACCENT, t, y, w);
	L->title_data = 1;
	if (o->subtitle)
		y = centred_text(L, SE_P, FAMILY_SERIF, 16, 22, COLOR_TEXT, o->subtitle, y - 18,
		                 w * 0.85f);
	L->title_data = 0; /* labels from here on, but the authors */
	if (o->period_label) {
		char *s = arena_printf(L->a, "%s: %s", label(o->lang, "period"), o->period_label);
		y = centred_text(L, SE_P, FAMILY_SERIF, 11.5f, 16, COLOR_MUTED, s, y - 10, w);
	}
	doc_artifact(L->doc, ART_LAYOUT);
	doc_line(L->doc, L->page, L->left + w * 0.3f, y - 6, L->right - w * 0.3f, y - 6, COLOR_RULE,
	         0.8f);
	doc_artifact(L->doc, ART_NONE);

	/* authors and date near the bottom */
	float by = 230;
	by = centred_text(L, SE_P, FAMILY_SANS, 9, 13, COLOR_MUTED,
	                  arena_printf(L->a, "**%s**", label(o->lang, "authors")), by, w);
	for (size_t i = 0; i < o->nauthors; i++) {
		const layout_author *a = &o->authors[i];
		char *s = a->role && *a->role ? arena_printf(L->a, "%s, %s", a->name, a->role)
		                              : arena_strdup(L->a, a->name);
		L->title_data = 1;
		by = centred_text(L, SE_P, FAMILY_SERIF, 11, 15, COLOR_TEXT, s, by, w);
		L->title_data = 0;
	}
	if (o->date) {
		char buf[64];
		fmt_date(o->lang, o->date, buf, sizeof(buf));
		by = centred_text(L, SE_P, FAMILY_SANS, 9, 13, COLOR_MUTED,
		                  arena_printf(L->a, "**%s**", label(o->lang, "date")), by - 12, w);
		centred_text(L, SE_P, FAMILY_SERIF, 11, 15, COLOR_TEXT, buf, by, w);
	}
}

/* ------------------------------------------------------------- contents */

/* Collects the headings the contents will list and numbers them all. */
static void collect_headings(layout *L, const block_list *b)
{
	int num[4] = {0};
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].kind == BLOCK_HEADING)
			n++;
	L->toc = arena_alloc(L->doc->arena, (n + 1) * sizeof(*L->toc));
	for (size_t i = 0; i < b->n; i++) {
		const block *k = &b->v[i];
		if (k->kind != BLOCK_HEADING)
			continue;
		int lv = k->level < 1 ? 1 : k->level > 4 ? 4 : k->level;
		char number[32] = "";
		if (lv <= 3) {
			num[lv - 1]++;
			for (int j = lv; j < 4; j++)
				num[j] = 0;
			size_t at = 0;
			for (int j = 0; j < lv; j++)
				at += (size_t)snprintf(number + at, sizeof(number) - at,
				                       j ? ".%d" : "%d", num[j]);
		}
		toc_entry *e = &L->toc[L->ntoc++];
		e->level = lv;
		e->number = arena_strdup(L->doc->arena, number);
		e->title = markup_plain(L->doc->arena, k->text);
		e->data_lang = k->data_lang;
		e->page = -1;
	}
}

/* Lays out the contents' lines; with draw = 0 only counts the pages needed.
 * Page numbers come from the entries (filled in after the body). */
static int contents(layout *L, int first_page, int draw)
{
	const layout_opts *o = L->o;
	int pages = 1;
	int pg = first_page;
	float y = L->top;
	const float num_col = 34, page_col = 30;
	document *doc = L->doc;
	/* structure: Sect > H1, TOC > TOCI > Link (the entry's text and its
	 * annotation) and a nested TOC for each level below; leaders are
	 * artifacts */
	int tocs[8] = {0}, tocis[8] = {0};
	if (draw) {
		L->page = pg;
		doc->cur_elem = L->toc_sect;
		int h = doc_open(doc, SE_H1);
		draw_string(L, FACE_SANS_BOLD, HEADING[1].size, COLOR_ACCENT, L->left,
		            y - HEADING[1].size, label(o->lang, "contents"));
		doc_close(doc, h);
		tocs[0] = doc_elem(doc, SE_TOC, L->toc_sect);
	}
	y -= HEADING[1].size + HEADING[1].after + 10;
	for (size_t i = 0; i < L->ntoc; i++) {
		const toc_entry *e = &L->toc[i];
		if (e->level > o->toc_depth)
			continue;
		float indent = (float)(e->level - 1) * 18;
		face_id f = e->level == 1 ? FACE_SANS_BOLD : FACE_SANS;
		float gap_before = e->level == 1 ? 8 : 0;
		para p;
		para_shape(&p, L->a, L->m, FAMILY_SANS, TOC_SIZE, e->title);
		if (e->level == 1) /* bold, measured again so words keep their spaces */
			for (size_t w = 0; w < p.nwords; w++) {
				lb_word *wd = &p.words[w];
				wd->width = 0;
				for (size_t k = 0; k < wd->nfrags; k++) {
					lb_frag *fr = &wd->frags[k];
					fr->face = FACE_SANS_BOLD;
					fr->width = (float)text_width(L->m, fr->face, TOC_SIZE,
					                              fr->text, fr->len);
					wd->width += fr->width;
				}
				if (wd->space > 0)
					wd->space = (float)text_width(L->m, FACE_SANS_BOLD,
					                              TOC_SIZE, " ", 1);
				if (wd->hyphen > 0)
					wd->hyphen = (float)text_width(L->m, FACE_SANS_BOLD,
					                               TOC_SIZE, "-", 1);
			}
		float textw = content_width(L) - indent - num_col - page_col - 12;
		para_break(&p, L->a, textw, 0);
		float h = gap_before + (float)p.nlines * TOC_LEADING;
		if (y - h < L->bottom) {
			pages++;
			pg++;
			y = L->top;
			gap_before = 0;
		}
		y -= gap_before;
		if (draw) {
			L->page = pg;
			int depth = e->level < 1 ? 0 : e->level > 7 ? 6 : e->level - 1;
			for (int j = 1; j <= depth; j++)
				if (!tocs[j])
					tocs[j] =
					        doc_elem(doc, SE_TOC,
					                 tocis[j - 1] ? tocis[j - 1] : tocs[j - 1]);
			tocis[depth] = doc_elem(doc, SE_TOCI, tocs[depth]);
			for (int j = depth + 1; j < 8; j++)
				tocs[j] = tocis[j] = 0;
			doc->elems[tocis[depth]].lang = (unsigned char)e->data_lang;
			doc->cur_elem = doc_elem(doc, SE_LINK, tocis[depth]);
			float base = y - TOC_SIZE;
			draw_string(L, f, TOC_SIZE, COLOR_TEXT, L->left + indent, base, e->number);
			draw_lines(L, &p, 0, p.nlines, L->left + indent + num_col, base,
			           TOC_LEADING, COLOR_TEXT);
			/* dotted leader and the page number on the last line */
			/* an empty heading has no lines: its leader starts at the number */
			size_t nl = p.nlines ? p.nlines : 1;
			float last = base - (float)(nl - 1) * TOC_LEADING;
			float tail = p.nlines ? p.lines[p.nlines - 1].natural : 0;
			char num[16];
			snprintf(num, sizeof(num), "%d", e->page + 1);
			float nw = string_width(L, f, TOC_SIZE, num);
			float lx = L->left + indent + num_col + tail + 2;
			float rx = L->right - nw - 6;
			float dot = string_width(L, FACE_SANS, TOC_SIZE, ".");
			float step = dot * 2.2f;
			/* align the dots on a common grid so columns of leaders line up */
			float dx = L->left + step * (float)(int)((lx - L->left) / step + 1);
			doc_artifact(doc, ART_LAYOUT);
			for (; dx + dot <= rx; dx += step)
				draw_string(L, FACE_SANS, TOC_SIZE, COLOR_MUTED, dx, last, ".");
			doc_artifact(doc, ART_NONE);
			draw_string(L, f, TOC_SIZE, COLOR_TEXT, L->right - nw, last, num);
			draw_op *link = doc_op(L->doc, pg, DRAW_LINK);
			link->text =
			        *e->number ? arena_printf(doc->arena, "%s %s", e->number, e->title)
			                   : e->title;
			link->x = L->left + indent;
			link->y = last - 4;
			link->w = L->right - link->x;
			link->h = (float)p.nlines * TOC_LEADING;
			link->dest_page = e->page;
			link->dest_y = e->y;
			doc->cur_elem = L->toc_sect;
		}
		y -= (float)p.nlines * TOC_LEADING;
		arena_reset(L->a);
	}
	return pages;
}

/* --------------------------------------------------------------- blocks */

static float heading_height(int level, int nlines)
{
	const struct heading_style *s = &HEADING[level];
	return s->before + (float)nlines * s->size * 1.25f + s->after;
}

/* Minimum height of what must stay with a heading: the first lines of the
 * block after it. */
static float keep_height(layout *L, const block *next)
{
	if (!next)
		return 0;
	switch (next->kind) {
	case BLOCK_PARAGRAPH:
	case BLOCK_LIST:
		return 2 * BODY_LEADING;
	case BLOCK_TABLE:
		return table_min_height(L, next->table);
	case BLOCK_CHART:
		return chart_height(L, next->chart);
	case BLOCK_IMAGE:
		return image_height(L, next->image);
	case BLOCK_HEADING:
		return heading_height(next->level > 4 ? 4 : next->level, 1) + 2 * BODY_LEADING;
	}
	return 0;
}

static void place_heading(layout *L, const block *k, const block *next)
{
	toc_entry *e = &L->toc[L->next_toc++];
	int lv = e->level;
	const struct heading_style *s = &HEADING[lv];
	float size = s->size;
	float leading = size * 1.25f;
	face_id f = FACE_SANS_BOLD;
	float numw = 0;
	if (*e->number)
		numw = string_width(L, f, size, e->number) + size * 0.7f;
	if (lv == 1 && numw < 34)
		numw = *e->number ? 34 : 0;
	para p;
	char *bold = arena_printf(L->a, "**%s**", k->text);
	para_shape(&p, L->a, L->m, FAMILY_SANS, size, bold);
	if (p.missing_glyphs)
		diag_warning(L->d, NULL,
		             "character U+%04X is in no font (drawn as U+FFFD) in heading: \"%s\"",
		             (unsigned)p.missing_cp, around(L, k->text, p.missing_cp));
	L->st->missing_glyphs += p.missing_glyphs;
	L->st->fallback_glyphs += p.fallback_glyphs;
	para_break(&p, L->a, content_width(L) - numw, 0);

	float h = heading_height(lv, (int)p.nlines);
	if (lv == 1) {
		if (L->page < 0 || L->y < L->top)
			layout_new_page(L);
	} else {
		float before = L->y >= L->top ? 0 : s->before;
		if (L->page < 0 ||
		    L->y - before - (h - s->before) - keep_height(L, next) < L->bottom)
			layout_new_page(L);
		else
			L->y -= before;
	}
	float base = L->y - size;
	e->page = L->page;
	e->y = L->y + 4;
	rgb color = lv <= 2 ? COLOR_ACCENT : COLOR_TEXT;
	/* structure: a Sect per chapter; Hn by the heading's depth in the
	 * outline (as add_outline nests), so no level is skipped */
	document *doc = L->doc;
	if (lv == 1) {
		doc->cur_elem = 1;
		L->sect = doc_open(doc, SE_SECT);
	}
	while (L->hn > 0 && L->hlev[L->hn - 1] >= lv)
		L->hn--;
	if (L->hn < 6)
		L->hlev[L->hn++] = lv;
	int hd = doc_open(doc, (enum se_role)(SE_H1 + L->hn - 1));
	doc->elems[hd].lang = (unsigned char)k->data_lang;
	if (*e->number)
		draw_string(L, f, size, color, L->left, base, e->number);
	draw_lines(L, &p, 0, p.nlines, L->left + numw, base, leading, color);
	doc_close(doc, hd);
	L->y -= (float)p.nlines * leading;
	if (lv == 1) {
		L->y -= 6;
		doc_artifact(doc, ART_LAYOUT);
		doc_line(L->doc, L->page, L->left, L->y, L->right, L->y, COLOR_ACCENT, 1.2f);
		doc_artifact(doc, ART_NONE);
	}
	L->y -= s->after;
	char *title = *e->number ? arena_printf(L->a, "%s %s", e->number, e->title)
	                         : arena_strdup(L->a, e->title);
	doc_outline(L->doc, lv, title, e->page, e->y);
	L->st->headings++;
}

/* A list item's marker, drawn (as element elem) at x on the baseline of the
 * item's first line, before it. */
typedef struct marker {
	const char *text;
	float x;
	int elem;
} marker;

/* Places the lines of a broken paragraph at x, splitting across pages with
 * no orphan (a first line alone at a page's foot) and no widow (a last line
 * alone at a page's head); mark (may be NULL) goes with the first line. */
static void place_lines(layout *L, const para *p, float x, float leading, const marker *mark)
{
	size_t done = 0;
	while (done < p->nlines) {
		size_t left = p->nlines - done;
		/* below the bottom margin (after a tall block) nothing fits */
		float room = (L->y - L->bottom + 0.01f) / leading;
		size_t fit = L->page < 0 || room < 1 ? 0 : (size_t)room;
		if (fit >= left) {
			fit = left;
		} else {
			if (fit > 0 && left - fit == 1)
				fit--; /* no widow: carry one more line over */
			if (fit == 1 && done == 0)
				fit = 0; /* no orphan: start the paragraph overleaf */
		}
		if (fit == 0) {
			layout_new_page(L);
			continue;
		}
		if (done + fit < p->nlines) {
			L->st->orphans += done == 0 && fit == 1;
			L->st->widows += p->nlines - (done + fit) == 1;
		}
		if (done == 0 && mark) {
			int cur = L->doc->cur_elem;
			L->doc->cur_elem = mark->elem;
			draw_string(L, FACE_SERIF, BODY_SIZE, COLOR_ACCENT, mark->x,
			            L->y - BODY_SIZE * 0.95f, mark->text);
			L->doc->cur_elem = cur;
		}
		draw_lines(L, p, done, done + fit, x, L->y - p->size * 0.95f, leading, COLOR_TEXT);
		L->y -= (float)fit * leading;
		done += fit;
		if (done < p->nlines)
			layout_new_page(L);
	}
}

/* Shapes and breaks body text (markup) for a measure of width, with the
 * report's hyphenation and alignment; warns about what it had to show
 * differently from the data, and adds the paragraph to the statistics. */
static void body_para(layout *L, para *p, const char *markup, float width)
{
	if (xref_has_refs(markup)) {
		int bad;
		const char *first;
		markup = xref_expand(L->a, markup, L->targets, L->ntargets, L->o->lang, &bad,
		                     &first);
		if (bad)
			diag_warning(L->d, NULL,
			             "%s names no table or figure with that anchor ({#id} in a "
			             "caption); shown as written",
			             first);
	}
	para_shape_hyph(p, L->a, L->m, FAMILY_SERIF, BODY_SIZE, markup, L->hyph);
	if (p->unmatched_markup)
		diag_warning(L->d, NULL, "malformed markup shown literally in text: \"%s\"",
		             around_offset(L, markup, markup_first_malformed(L->a, markup)));
	if (p->missing_glyphs)
		diag_warning(L->d, NULL,
		             "character U+%04X is in no font (drawn as U+FFFD) in text: \"%s\"",
		             (unsigned)p->missing_cp, around(L, markup, p->missing_cp));
	para_break(p, L->a, width, L->o->ragged ? LB_RAGGED : LB_JUSTIFY);
	layout_stats *st = L->st;
	st->overfull_lines += p->overfull;
	st->hyphenated_lines += p->hyphenated;
	st->missing_glyphs += p->missing_glyphs;
	st->fallback_glyphs += p->fallback_glyphs;
	st->greedy_paragraphs += p->greedy;
	for (size_t k = 0; k < p->nlines; k++) {
		float r = p->lines[k].space_ratio;
		if (r > 0) {
			st->justified_lines++;
			if (r > st->max_space_ratio)
				st->max_space_ratio = r;
		}
	}
}

static void place_paragraph(layout *L, const char *markup, float indent, int data_lang)
{
	para p;
	body_para(L, &p, markup, content_width(L) - indent);
	if (L->page < 0)
		layout_new_page(L);
	int e = doc_open(L->doc, SE_P);
	L->doc->elems[e].lang = (unsigned char)data_lang;
	place_lines(L, &p, L->left + indent, BODY_LEADING, NULL);
	doc_close(L->doc, e);
	L->y -= PARA_GAP;
}

/* A list: L > LI > Lbl (the marker) + LBody (the text and any nested L). */
static void place_list(layout *L, const block_list_data *l, float indent, int depth)
{
	const float hang = 16;
	document *doc = L->doc;
	int list = doc_open(doc, SE_L);
	doc->elems[list].scope = l->ordered ? 1 : 2;
	for (size_t i = 0; i < l->n; i++) {
		para p;
		body_para(L, &p, l->items[i].markup, content_width(L) - indent - hang);
		if (layout_need(L, p.nlines > 1 ? 2 * BODY_LEADING : BODY_LEADING) == 0 && i > 0)
			L->y -= 2; /* a little air between items */
		/* the marker goes with the item's first line, wherever that lands */
		char text[24];
		if (l->ordered)
			snprintf(text, sizeof(text), "%zu.", i + 1);
		else
			snprintf(text, sizeof(text), depth ? "\xe2\x80\x93" : "\xe2\x80\xa2");
		int li = doc_open(doc, SE_LI);
		marker mark = {text, L->left + indent + (depth ? 3 : 4), doc_elem(doc, SE_LBL, li)};
		int body = doc_open(doc, SE_LBODY);
		place_lines(L, &p, L->left + indent + hang, BODY_LEADING, &mark);
		if (l->items[i].sub)
			place_list(L, l->items[i].sub, indent + hang, depth + 1);
		doc_close(doc, body);
		doc_close(doc, li);
		arena_reset(L->a);
	}
	doc_close(doc, list);
}

/* -------------------------------------------------- header and footer */

static void running_header_footer(layout *L)
{
	const layout_opts *o = L->o;
	int total = (int)L->doc->npages;
	for (int pg = 1; pg < total; pg++) {
		L->page = pg;
		float hy = (float)PAGE_HEIGHT - 44;
		doc_artifact(L->doc, ART_HEADER);
		if (o->organisation)
			draw_string(L, FACE_SANS, HEADER_SIZE, COLOR_MUTED, L->left, hy,
			            o->organisation);
		if (o->title) {
			float w = string_width(L, FACE_SANS, HEADER_SIZE, o->title);
			draw_string(L, FACE_SANS, HEADER_SIZE, COLOR_MUTED, L->right - w, hy,
			            o->title);
		}
		doc_line(L->doc, pg, L->left, hy - 5, L->right, hy - 5, COLOR_RULE, 0.5f);
		char buf[64];
		snprintf(buf, sizeof(buf), label(o->lang, "page_x_of_y"), pg + 1, total);
		float w = string_width(L, FACE_SANS, HEADER_SIZE, buf);
		doc_artifact(L->doc, ART_FOOTER);
		doc_line(L->doc, pg, L->left, 50, L->right, 50, COLOR_RULE, 0.5f);
		draw_string(L, FACE_SANS, HEADER_SIZE, COLOR_MUTED, L->right - w, 38, buf);
		doc_artifact(L->doc, ART_NONE);
	}
}

/* Numbers the tables and figures and notes those with an anchor. */
static size_t collect_targets(const block_list *b, arena *a, xref_target **out)
{
	size_t n = 0;
	int tables = 0, figures = 0;
	xref_target *t = arena_alloc(a, (b->n + 1) * sizeof(*t));
	for (size_t i = 0; i < b->n; i++) {
		const block *k = &b->v[i];
		const char *caption;
		if (k->kind == BLOCK_TABLE)
			tables++, caption = k->table->caption;
		else if (k->kind == BLOCK_CHART)
			figures++, caption = k->chart->caption;
		else
			continue;
		const char *id = xref_anchor(a, caption);
		if (!id)
			continue;
		int is_table = k->kind == BLOCK_TABLE;
		t[n++] = (xref_target){id, is_table ? XREF_TABLE : XREF_FIGURE,
		                       is_table ? tables : figures, -1};
	}
	*out = t;
	return n;
}

/* Sets the page of the target placed by block k, which began drawing after
 * `ops` operations on page `pg` (-1: none yet) when the document had
 * `npages` pages: on pg if it drew there, else on the next page. */
static void note_target(layout *L, const block *k, int pg, size_t ops, size_t npages)
{
	const char *caption = k->kind == BLOCK_TABLE ? k->table->caption : k->chart->caption;
	const char *id = xref_anchor(L->a, caption);
	if (!id)
		return;
	int where = pg >= 0 && L->doc->pages[pg].n > ops ? pg : (int)npages;
	for (size_t i = 0; i < L->ntargets; i++)
		if (!strcmp(L->targets[i].id, id)) {
			if (L->targets[i].page != where)
				L->targets_moved = 1;
			L->targets[i].page = where;
			return;
		}
}

static int layout_pass(const block_list *b, const layout_opts *o, hyphenator *hyph, document *doc,
                       layout_stats *st, diag *d, xref_target *targets, size_t ntargets, int *moved,
                       int final);

int layout_run(const block_list *b, const layout_opts *o, document *doc, layout_stats *st, diag *d)
{
	/* References to tables and figures need their pages: lay out once to
	 * find them (quietly, into a scratch document), then again; a third time
	 * if the expanded references moved a target. */
	hyphenator *hyph = o->hyph, *own = NULL;
	if (!hyph) {
		hyph = own = hyph_open(hyph_dict_path(lang_code(o->lang)));
		if (!hyph)
			diag_warning(d, NULL,
			             "no hyphenation patterns at %s: words are not hyphenated",
			             hyph_dict_path(lang_code(o->lang)));
	}
	arena *a = arena_new();
	xref_target *targets;
	size_t nt = collect_targets(b, a, &targets);
	int refs = 0;
	for (size_t i = 0; i < b->n && !refs; i++)
		refs = b->v[i].kind == BLOCK_PARAGRAPH && xref_has_refs(b->v[i].text);
	for (size_t i = 0; i < b->n && !refs; i++)
		if (b->v[i].kind == BLOCK_LIST)
			for (size_t j = 0; j < b->v[i].list->n && !refs; j++)
				refs = xref_has_refs(b->v[i].list->items[j].markup);
	int rc = 0, moved = 1;
	for (int pass = 0; refs && nt && moved && pass < 2; pass++) {
		document scratch;
		document_init(&scratch);
		diag quiet;
		diag_init(&quiet);
		quiet.quiet = 1;
		moved = 0;
		layout_pass(b, o, hyph, &scratch, NULL, &quiet, targets, nt, &moved, 0);
		document_free(&scratch);
	}
	rc = layout_pass(b, o, hyph, doc, st, d, targets, nt, &moved, 1);
	arena_free(a);
	hyph_close(own);
	return rc;
}

/* One layout of the whole document; targets' pages are used for references
 * and updated from where their tables and figures land (*moved set if any
 * changed).  Only the final pass hands its pages on (o->pages_done). */
static int layout_pass(const block_list *b, const layout_opts *o, hyphenator *hyph, document *doc,
                       layout_stats *st, diag *d, xref_target *targets, size_t ntargets, int *moved,
                       int final)
{
	layout_stats dummy;
	layout L = {0};
	L.targets = targets;
	L.ntargets = ntargets;
	L.o = o;
	L.m = o->m;
	L.doc = doc;
	L.d = d;
	L.st = st ? st : &dummy;
	memset(L.st, 0, sizeof(*L.st));
	L.a = arena_new();
	L.hyph = hyph;
	L.page = -1;
	L.left = MARGIN_LEFT;
	L.right = (float)PAGE_WIDTH - MARGIN_RIGHT;
	L.top = (float)PAGE_HEIGHT - MARGIN_TOP;
	L.bottom = MARGIN_BOTTOM;
	layout_opts defaults;
	if (o->toc_depth <= 0) {
		defaults = *o;
		defaults.toc_depth = 2;
		L.o = o = &defaults;
	}

	doc->info.title = arena_strdup(doc->arena, o->title);
	doc->info.subject = arena_strdup(doc->arena, o->subtitle);
	doc->info.date = arena_strdup(doc->arena, o->date);
	doc->info.lang = lang_bcp47(o->lang);
	doc->info.data_lang = o->data_lang != o->lang ? lang_bcp47(o->data_lang) : NULL;

	title_page(&L);
	arena_reset(L.a);
	doc->cur_elem = 1;
	L.toc_sect = doc_elem(doc, SE_SECT, 1);
	collect_headings(&L, b);
	int toc_first = (int)doc->npages;
	int toc_pages = contents(&L, toc_first, 0);
	for (int i = 0; i < toc_pages; i++)
		doc_add_page(doc);
	L.st->toc_pages = toc_pages;
	doc_outline(doc, 1, label(o->lang, "contents"), toc_first, L.top + 4);
	L.page = -1;
	/* pages handed on as the layout is done with them: the title page(s)
	 * now, the body's after each block; the contents are written last */
	int hand_on = final && o->pages_done;
	size_t done = doc->npages;
	if (hand_on)
		o->pages_done(o->pages_done_ud, doc, 0, (size_t)toc_first);

	for (size_t i = 0; i < b->n; i++) {
		const block *k = &b->v[i];
		const block *next = i + 1 < b->n ? &b->v[i + 1] : NULL;
		switch (k->kind) {
		case BLOCK_HEADING:
			place_heading(&L, k, next);
			break;
		case BLOCK_PARAGRAPH:
			place_paragraph(&L, k->text, 0, k->data_lang);
			break;
		case BLOCK_LIST: {
			if (L.page < 0)
				layout_new_page(&L);
			size_t list = doc->nelems; /* the L element place_list makes */
			place_list(&L, k->list, 0, 0);
			doc->elems[list].lang = (unsigned char)k->data_lang;
			L.y -= PARA_GAP;
			break;
		}
		case BLOCK_TABLE:
		case BLOCK_CHART: {
			int pg = L.page;
			size_t ops = pg >= 0 ? doc->pages[pg].n : 0, np = doc->npages;
			size_t elem = doc->nelems; /* the Table or Div the block makes */
			if (k->kind == BLOCK_TABLE)
				layout_table(&L, k->table);
			else
				layout_chart(&L, k->chart);
			if (elem < doc->nelems)
				doc->elems[elem].lang = (unsigned char)k->data_lang;
			note_target(&L, k, pg, ops, np);
			break;
		case BLOCK_IMAGE:
			layout_image(&L, k->image);
			break;
		}
		}
		arena_reset(L.a);
		doc->cur_elem = L.sect ? L.sect : 1;
		/* what a block drew before its last page is final (a list
		 * item's marker goes on its first line's page after the item) */
		if (hand_on && L.page > 0 && (size_t)L.page > done) {
			o->pages_done(o->pages_done_ud, doc, done, (size_t)L.page);
			done = (size_t)L.page;
		}
		if (doc->npages > LAYOUT_MAX_PAGES) {
			diag_error(d, NULL,
			           "the report would have more than %d pages (the limit); is a "
			           "table or a text in the data much longer than intended?",
			           LAYOUT_MAX_PAGES);
			arena_free(L.a);
			return -1;
		}
	}
	if (L.page < 0)
		layout_new_page(&L);

	contents(&L, toc_first, 1);
	arena_reset(L.a);
	running_header_footer(&L);
	arena_free(L.a);
	*moved = L.targets_moved;
	return 0;
}
