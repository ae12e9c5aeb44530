/* Tables: pagination (header rows repeated, "(forts.)", rows never split,
 * a table taller than three pages, a row taller than a page), column widths,
 * shrinking, header groups and decimal alignment.  Fixed-width fake metrics
 * (every glyph half an em) make widths computable by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_metrics.h"
#include "layout_test.h"
#include "layout/layout.h"
#include "rapport/plugin.h"

#define LEFT   72.0f
#define RIGHT  (595.276f - 72.0f)
#define BOTTOM 72.0f

static diag D;

static layout_opts opts(void)
{
	layout_opts o = {0};
	o.m = &FAKE_METRICS;
	o.lang = LANG_SV;
	o.title = "Tabeller";
	o.date = "2021-02-11";
	return o;
}

/* The text ops of page pg whose text is s. */
static size_t count_text(const document *doc, size_t pg, const char *s)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->pages[pg].n; i++) {
		const draw_op *op = &doc->pages[pg].ops[i];
		n += op->kind == DRAW_TEXT && strcmp(op->text, s) == 0;
	}
	return n;
}

/* Width of a text op with the fake metrics. */
static float op_width(const draw_op *op)
{
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)op->text; *p; p++)
		chars += (*p & 0xC0) != 0x80;
	return (float)chars * op->size * 0.5f;
}

/* Every text op of the body pages lies inside the margins. */
static void assert_inside_margins(const document *doc)
{
	for (size_t pg = 2; pg < doc->npages; pg++)
		for (size_t i = 0; i < doc->pages[pg].n; i++) {
			const draw_op *op = &doc->pages[pg].ops[i];
			if (op->kind != DRAW_TEXT || op->y < 60 || op->y > 780)
				continue; /* the running header and footer */
			assert_true(op->y >= BOTTOM - 0.01f);
			assert_true(op->x >= LEFT - 0.01f);
			assert_true(op->x + op_width(op) <= RIGHT + 0.01f);
		}
}

static void layout(block_list *b, document *doc)
{
	layout_opts o = opts();
	document_init(doc);
	assert_int_equal(layout_run(b, &o, doc, NULL, &D), 0);
}

/* Lays out a table of 400 rows "r0".."r399" under a header group
 * ("Anställda" over "Kvinnor" and "Män"). */
static void long_table(block_list *b, document *doc)
{
	blocks_init(b);
	blocks_heading(b, 1, "Tabeller");
	const char *head[] = {"År", "Kvinnor", "Män"};
	const char *groups[] = {"", "Anställda", "Anställda"};
	block_table *t = blocks_table(b, "Många rader", 3, head, NULL);
	table_set_groups(b, t, groups);
	for (int i = 0; i < 400; i++) {
		char y[16], n[16], m[16];
		snprintf(y, sizeof(y), "r%d", i);
		snprintf(n, sizeof(n), "%d", i * 3);
		snprintf(m, sizeof(m), "%d", i * 7);
		const char *row[] = {y, n, m};
		table_add_row(b, t, row, 0);
	}
	layout(b, doc);
}

/* 400 rows: more than three pages; the header group and the column headers
 * on every page, "(forts.)" on every page but the first, each row once. */
static void long_table_repeats_its_head(void **state)
{
	(void)state;
	block_list b;
	document doc;
	long_table(&b, &doc);
	size_t first = 2, last = doc.npages - 1;
	assert_true(last - first + 1 > 3);
	for (size_t pg = first; pg <= last; pg++) {
		assert_int_equal(count_text(&doc, pg, "Anställda"), 1);
		assert_int_equal(count_text(&doc, pg, "Kvinnor"), 1);
		assert_int_equal(count_text(&doc, pg, "(forts.)"), pg == first ? 0 : 1);
	}
	for (int i = 0; i < 400; i++) {
		char y[16];
		snprintf(y, sizeof(y), "r%d", i);
		int seen = 0;
		for (size_t pg = first; pg <= last; pg++)
			seen += (int)count_text(&doc, pg, y);
		assert_int_equal(seen, 1);
	}
	assert_inside_margins(&doc);
	document_free(&doc);
	blocks_free(&b);
}

/* Is element e inside element anc (or anc itself)? */
static int inside(const document *doc, int e, int anc)
{
	for (; e > 0; e = e == 1 ? 0 : doc->elems[e].parent)
		if (e == anc)
			return 1;
	return 0;
}

/* The same 400 rows in the structure tree: one Table over all its pages,
 * with a THead of two header rows (the group row's TH spanning its columns)
 * and a TBody of 400 TR of 3 TD; each row's text in its own TD; the heads
 * and "(forts.)" captions repeated on later pages are artifacts. */
static void long_table_is_one_table(void **state)
{
	(void)state;
	block_list b;
	document doc;
	long_table(&b, &doc);
	int table = 0, thead = 0, tbody = 0, tables = 0;
	for (size_t e = 1; e < doc.nelems; e++) {
		const struct_elem *se = &doc.elems[e];
		if (se->role == SE_TABLE)
			table = (int)e, tables++;
		if (se->role == SE_THEAD)
			thead = (int)e;
		if (se->role == SE_TBODY)
			tbody = (int)e;
	}
	assert_int_equal(tables, 1);
	assert_int_equal(doc.elems[thead].parent, table);
	assert_int_equal(doc.elems[tbody].parent, table);
	int head_rows = 0, body_rows = 0, spanned = 0;
	for (size_t e = 1; e < doc.nelems; e++) {
		const struct_elem *se = &doc.elems[e];
		if (se->role == SE_TR && se->parent == thead)
			head_rows++;
		if (se->role == SE_TR && se->parent == tbody)
			body_rows++;
		if (se->role == SE_TH) {
			assert_int_equal(se->scope, 1);
			spanned += se->span == 2;
		}
	}
	assert_int_equal(head_rows, 2);
	assert_int_equal(body_rows, 400);
	assert_int_equal(spanned, 1); /* "Anställda" over two columns */
	size_t pages_with_rows = 0;
	for (size_t pg = 2; pg < doc.npages; pg++) {
		int rows_here = 0;
		for (size_t i = 0; i < doc.pages[pg].n; i++) {
			const draw_op *op = &doc.pages[pg].ops[i];
			if (op->kind != DRAW_TEXT)
				continue;
			if (op->text[0] == 'r' && op->text[1] >= '0' && op->text[1] <= '9') {
				assert_int_equal(op->art, ART_NONE);
				assert_int_equal(doc.elems[op->elem].role, SE_TD);
				assert_true(inside(&doc, op->elem, tbody));
				rows_here = 1;
			}
			if (strcmp(op->text, "Kvinnor") == 0 || strcmp(op->text, "(forts.)") == 0) {
				/* tagged once, on the first page; artifacts after */
				if (pg == 2)
					assert_true(op->art == ART_NONE &&
					            inside(&doc, op->elem, table));
				else
					assert_int_equal(op->art, ART_LAYOUT);
			}
		}
		pages_with_rows += (size_t)rows_here;
	}
	assert_true(pages_with_rows > 3);
	document_free(&doc);
	blocks_free(&b);
}

/* A row of two lines is never split: its first and last words are on one
 * page. */
static void rows_are_not_split(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Tabeller");
	const char *head[] = {"Text", "Antal"};
	block_table *t = blocks_table(&b, "Rader på tre rader", 2, head, NULL);
	/* text wider than the page wraps to two lines per row */
	char text[512];
	for (int i = 0; i < 90; i++) {
		snprintf(
		        text, sizeof(text),
		        "a%d bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb "
		        "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc z%d",
		        i, i);
		const char *row[] = {text, "1"};
		table_add_row(&b, t, row, 0);
	}
	document doc;
	layout(&b, &doc);
	assert_true(doc.npages > 3);
	for (int i = 0; i < 90; i++) {
		char a[16], z[16];
		snprintf(a, sizeof(a), "a%d", i);
		snprintf(z, sizeof(z), "z%d", i);
		int pa = -1, pz = -1;
		for (size_t pg = 2; pg < doc.npages; pg++) {
			if (find_text(&doc, pg, a))
				pa = (int)pg;
			if (find_text(&doc, pg, z))
				pz = (int)pg;
		}
		assert_true(pa >= 2);
		assert_int_equal(pa, pz);
		/* prose that would not fit on one line even at the floor wraps at
		 * the full size instead of shrinking */
		assert_float_equal(find_text(&doc, (size_t)pa, a)->size, 8.5, 0.001);
	}
	assert_inside_margins(&doc);
	document_free(&doc);
	blocks_free(&b);
}

/* A single row taller than a page is split between its lines, continues
 * under a repeated head, and nothing runs off the page. */
static void a_row_taller_than_a_page_is_split(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Tabeller");
	const char *head[] = {"Lång text", "Antal"};
	block_table *t = blocks_table(&b, "En jätterad", 2, head, NULL);
	size_t words = 2500;
	char *text = malloc(words * 8 + 1);
	size_t at = 0;
	for (size_t i = 0; i < words; i++)
		at += (size_t)sprintf(text + at, "w%04zu ", i);
	const char *row[] = {text, "7"};
	table_add_row(&b, t, row, 0);
	document doc;
	layout(&b, &doc);
	assert_true(doc.npages >= 4); /* title, contents, at least two pages of row */
	for (size_t pg = 3; pg < doc.npages; pg++) {
		assert_int_equal(count_text(&doc, pg, "(forts.)"), 1);
		assert_int_equal(count_text(&doc, pg, "Antal"), 1);
	}
	/* every word once, in order across the pages */
	char w[16];
	int last_pg = 2;
	for (size_t i = 0; i < words; i++) {
		snprintf(w, sizeof(w), "w%04zu", i);
		int seen = 0, pg_of = -1;
		for (size_t pg = 2; pg < doc.npages; pg++)
			if (find_text(&doc, pg, w)) {
				seen++;
				pg_of = (int)pg;
			}
		assert_int_equal(seen, 1);
		assert_true(pg_of >= last_pg);
		last_pg = pg_of;
	}
	assert_inside_margins(&doc);
	free(text);
	document_free(&doc);
	blocks_free(&b);
}

/* Column widths: a table that fits keeps the natural widths' proportions
 * and spans the text width; right-aligned cells end at the same x. */
static void column_widths_follow_content(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Tabeller");
	const char *head[] = {"Kommun", "Antal"};
	int align[] = {RAPPORT_ALIGN_RIGHT, RAPPORT_ALIGN_RIGHT};
	block_table *t = blocks_table(&b, "Bredder", 2, head, align);
	const char *r1[] = {"Hudiksvall", "3"};
	const char *r2[] = {"Ovanåker", "1\xc2\xa0"
	                                "257"};
	table_add_row(&b, t, r1, 0);
	table_add_row(&b, t, r2, 0);
	document doc;
	layout(&b, &doc);
	const draw_op *one = find_text(&doc, 2, "3"), *big = find_text(&doc, 2,
	                                                               "1\xc2\xa0"
	                                                               "257");
	const draw_op *name = find_text(&doc, 2, "Hudiksvall"),
	              *antal = find_text(&doc, 2, "Antal");
	assert_non_null(one);
	assert_non_null(big);
	assert_non_null(name);
	assert_float_equal(one->x + op_width(one), big->x + op_width(big), 0.01);
	assert_float_equal(antal->x + op_width(antal), big->x + op_width(big), 0.01);
	/* natural widths 8.5 * 0.5 * 10 + 10 = 52.5 and 8.5 * 0.5 * 5 + 10 =
	 * 31.25; the spare room is shared in that proportion, so the numbers
	 * end PAD_X (5) before the right edge and the first column is 52.5/83.75
	 * of the width */
	assert_float_equal(big->x + op_width(big), RIGHT - 5, 0.01);
	float col0 = (RIGHT - LEFT) * 52.5f / 83.75f;
	assert_float_equal(name->x + op_width(name), LEFT + col0 - 5, 0.01);
	document_free(&doc);
	blocks_free(&b);
}

/* Too wide at 8.5 pt: the font shrinks (not below 6.5 pt) until the
 * unbreakable cells fit, and nothing passes the right margin. */
static void a_wide_table_shrinks_to_fit(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Tabeller");
	enum { NC = 9 };
	const char *head[NC], *row[NC];
	for (int c = 0; c < NC; c++) {
		head[c] = "Rubrikord12"; /* 11 characters, cannot wrap */
		row[c] = "12345678901";
	}
	block_table *t = blocks_table(&b, "Bred", NC, head, NULL);
	table_add_row(&b, t, row, 0);
	int warnings = D.warnings;
	document doc;
	layout(&b, &doc);
	const draw_op *cell = find_text(&doc, 2, "12345678901");
	assert_non_null(cell);
	/* 9 * (11 * 0.5 * s + 10) <= 451.3 needs s <= 7.3: 7.0 pt */
	assert_float_equal(cell->size, 7.0, 0.001);
	assert_int_equal(D.warnings, warnings);
	assert_inside_margins(&doc);
	document_free(&doc);
	blocks_free(&b);
}

/* Too wide even at the floor: a warning names the table. */
static void a_hopeless_table_is_named(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Tabeller");
	enum { NC = 14 };
	const char *head[NC], *row[NC];
	for (int c = 0; c < NC; c++) {
		head[c] = "Rubrikord12345";
		row[c] = "1";
	}
	block_table *t = blocks_table(&b, "Alldeles för bred", NC, head, NULL);
	table_add_row(&b, t, row, 0);
	int warnings = D.warnings;
	document doc;
	layout(&b, &doc);
	assert_int_equal(D.warnings, warnings + 1);
	assert_non_null(strstr(D.last, "\"Alldeles för bred\""));
	document_free(&doc);
	blocks_free(&b);
}

/* Decimal alignment: "1,5", "12,25", "100" and "7,0 %" share the position
 * of the decimal comma (an integer ends where the comma would be). */
static void numbers_align_on_the_decimal_comma(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Tabeller");
	const char *head[] = {"Namn", "Värde"};
	int align[] = {RAPPORT_ALIGN_LEFT, RAPPORT_ALIGN_DECIMAL};
	block_table *t = blocks_table(&b, "Decimaler", 2, head, align);
	const char *vals[] = {"1,5", "12,25", "100", "7,0\xc2\xa0%"};
	for (int i = 0; i < 4; i++) {
		const char *row[] = {"x", vals[i]};
		table_add_row(&b, t, row, 0);
	}
	document doc;
	layout(&b, &doc);
	float comma[4];
	for (int i = 0; i < 4; i++) {
		const draw_op *op = find_text(&doc, 2, vals[i]);
		assert_non_null(op);
		const char *sep = strchr(vals[i], ',');
		size_t head_chars = sep ? (size_t)(sep - vals[i]) : strlen(vals[i]);
		comma[i] = op->x + (float)head_chars * op->size * 0.5f;
	}
	for (int i = 1; i < 4; i++)
		assert_float_equal(comma[i], comma[0], 0.01);
	document_free(&doc);
	blocks_free(&b);
}

int main(void)
{
	diag_init(&D);
	D.quiet = 1;
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(long_table_repeats_its_head),
	        cmocka_unit_test(long_table_is_one_table),
	        cmocka_unit_test(rows_are_not_split),
	        cmocka_unit_test(a_row_taller_than_a_page_is_split),
	        cmocka_unit_test(column_widths_follow_content),
	        cmocka_unit_test(a_wide_table_shrinks_to_fit),
	        cmocka_unit_test(a_hopeless_table_is_named),
	        cmocka_unit_test(numbers_align_on_the_decimal_comma),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
