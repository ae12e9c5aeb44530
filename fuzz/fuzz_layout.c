/*
 * fuzz_layout.c - libFuzzer harness for the text layout engine: inline
 * markup, line breaking, tables, charts and pagination.
 *
 * The input is a little script, one block per line; the first character
 * says what the line is:
 *
 *   1..4 TEXT        a heading of that level
 *   p MARKUP         a paragraph
 *   l A|B|>C|D       a bulleted list (o: numbered); ">" nests an item under
 *                    the previous one
 *   t CAP|H1|H2...   a table with a caption and header cells
 *   r C1|C2...       a body row of the last table (R: a totals row)
 *   c K|CAP|V1,V2... a chart of kind K (0..2), one series per ";" group
 *
 * Metrics are fake but uneven (glyph widths depend on the code point, some
 * code points have no glyph), so no real font is needed and runs are fast.
 * Every other input is hyphenated with the patterns chosen for its words
 * (hyph_open_for).  The pages the layout hands on as done (pages_done, as a
 * build draws them) are emptied as the writer does, and must afterwards get
 * nothing but the running head and foot: anything else aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "text/hyphen.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The pages handed on so far (pages_done), as the writer sees them. */
static unsigned char handed[LAYOUT_MAX_PAGES + 2];

static void pages_done(void *ud, document *doc, size_t from, size_t to)
{
	(void)ud;
	if (from > to || to > doc->npages || to > LAYOUT_MAX_PAGES)
		abort();
	for (size_t i = from; i < to; i++) {
		if (handed[i])
			abort(); /* handed on twice */
		handed[i] = 1;
		free(doc->pages[i].ops); /* drawn: pdf_writer_draw frees them */
		doc->pages[i].ops = NULL;
		doc->pages[i].n = doc->pages[i].cap = 0;
	}
}

/* What the layout adds to a page after handing it on: the running head
 * and foot only (text and rules near the top or bottom edge). */
static void check_handed(const document *doc)
{
	for (size_t i = 0; i < doc->npages && i <= LAYOUT_MAX_PAGES; i++) {
		if (!handed[i])
			continue;
		for (size_t k = 0; k < doc->pages[i].n; k++) {
			const draw_op *op = &doc->pages[i].ops[k];
			int edge = op->y > (float)PAGE_HEIGHT - 60 || op->y < 60;
			if ((op->kind != DRAW_TEXT && op->kind != DRAW_LINE) || !edge)
				abort();
		}
	}
}

static int uneven_width(void *ud, face_id f, uint32_t cp)
{
	(void)ud;
	return 150 + (int)((cp * 37u + (unsigned)f * 11u) % 850u);
}

static int uneven_has(void *ud, face_id f, uint32_t cp)
{
	(void)ud;
	(void)f;
	return cp < 0x3000 || (cp >= 0xFF00 && cp < 0xFFF0);
}

static const metrics UNEVEN = {
        .ud = 0,
        .width = uneven_width,
        .has_glyph = uneven_has,
        .ascent = {800, 780, 820, 800, 760, 790},
        .descent = {-200, -210, -190, -200, -220, -205},
};

/* Splits s at `sep` into at most max parts (arena copies). */
static size_t split(arena *a, const char *s, char sep, const char **out, size_t max)
{
	size_t n = 0;
	while (n < max) {
		const char *e = strchr(s, sep);
		size_t len = e ? (size_t)(e - s) : strlen(s);
		out[n++] = arena_strndup(a, s, len);
		if (!e)
			break;
		s = e + 1;
	}
	return n;
}

static void add_chart(block_list *b, const char *s)
{
	const char *part[3];
	arena *a = b->arena;
	if (split(a, s, '|', part, 3) < 3)
		return;
	const char *series[8];
	size_t ns = split(a, part[2], ';', series, 8);
	const char *vals[8][12];
	size_t ncat = 0, nv[8];
	for (size_t i = 0; i < ns; i++) {
		nv[i] = split(a, series[i], ',', vals[i], 12);
		if (nv[i] > ncat)
			ncat = nv[i];
	}
	block *k = blocks_add(b, BLOCK_CHART);
	block_chart *c = k->chart = arena_alloc(a, sizeof(*c));
	c->kind = (part[0][0] - '0') % 3;
	if (c->kind < 0)
		c->kind = -c->kind;
	c->caption = part[1];
	c->alt = part[1];
	c->x_title = ns > 1 ? "x" : NULL;
	c->y_title = ns > 2 ? "y" : NULL;
	c->ncat = ncat;
	c->nseries = ns;
	c->categories = arena_alloc(a, ncat * sizeof(char *));
	for (size_t i = 0; i < ncat; i++)
		c->categories[i] = arena_printf(a, "%zu", 2016 + i);
	c->series_names = arena_alloc(a, ns * sizeof(char *));
	c->values = arena_alloc(a, ns * ncat * sizeof(double));
	for (size_t i = 0; i < ns; i++) {
		c->series_names[i] = series[i];
		for (size_t j = 0; j < ncat; j++)
			c->values[i * ncat + j] = j < nv[i] ? strtod(vals[i][j], NULL) : 0;
	}
}

static void add_list(block_list *b, const char *s, int ordered)
{
	const char *items[64];
	size_t n = split(b->arena, s, '|', items, 64);
	block_list_data *l = blocks_list(b, ordered);
	list_item *last = NULL;
	for (size_t i = 0; i < n; i++) {
		if (items[i][0] == '>' && last) {
			if (!last->sub) {
				last->sub = arena_alloc(b->arena, sizeof(*last->sub));
				memset(last->sub, 0, sizeof(*last->sub));
			}
			list_add_item(b, last->sub, items[i] + 1);
		} else {
			last = list_add_item(b, l, items[i]);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';

	block_list b;
	blocks_init(&b);
	block_table *table = NULL;
	const char *cells[32];
	char *line = text;
	while (line && *line) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		const char *rest = line[0] ? line + 1 : line;
		switch (line[0]) {
		case '1':
		case '2':
		case '3':
		case '4':
			blocks_heading(&b, line[0] - '0', rest);
			break;
		case 'p':
			blocks_paragraph(&b, rest);
			break;
		case 'l':
		case 'o':
			add_list(&b, rest, line[0] == 'o');
			break;
		case 't': {
			size_t n = split(b.arena, rest, '|', cells, 32);
			if (n >= 2)
				table = blocks_table(&b, cells[0], n - 1, cells + 1, NULL);
			break;
		}
		case 'r':
		case 'R':
			if (table) {
				size_t n = split(b.arena, rest, '|', cells, 32);
				for (size_t i = n; i < table->ncols && i < 32; i++)
					cells[i] = "";
				if (table->ncols <= 32)
					table_add_row(&b, table, cells, line[0] == 'R');
			}
			break;
		case 'c':
			add_chart(&b, rest);
			break;
		default:
			break;
		}
		line = nl ? nl + 1 : NULL;
	}

	layout_author authors[2] = {{"Ann Andersson", "förbundschef"}, {"Bo Berg", NULL}};
	layout_opts o = {0};
	o.m = &UNEVEN;
	o.lang = (size & 1) ? LANG_EN : LANG_SV;
	o.organisation = "Samordningsförbund";
	o.title = "Slutrapport";
	o.subtitle = (size & 2) ? "2016–2020" : NULL;
	o.period_label = "2016–2020";
	o.date = "2021-02-11";
	o.authors = authors;
	o.nauthors = (size & 4) ? 2 : 0;
	o.toc_depth = 1 + (int)(size % 4);
	document doc;
	document_init(&doc);
	layout_stats st;
	diag d;
	diag_init(&d);
	d.quiet = 1;
	const char **texts = NULL;
	size_t ntexts = (size & 8) ? blocks_body_texts(&b, &texts) : 0;
	if (size & 8)
		o.hyph = hyph_open_for(hyph_dict_path(o.lang == LANG_EN ? "en" : "sv"), texts,
		                       ntexts);
	memset(handed, 0, sizeof(handed));
	o.pages_done = pages_done;
	layout_run(&b, &o, &doc, &st, &d);
	check_handed(&doc);
	hyph_close(o.hyph);
	free(texts);
	document_free(&doc);
	blocks_free(&b);
	free(text);
	return 0;
}
