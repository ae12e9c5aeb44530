/* Pagination, contents and page furniture, with fixed-width fake metrics so
 * the expected page breaks can be worked out by hand. */
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

static diag D;

static void build(block_list *b, int chapters, int paras)
{
	blocks_init(b);
	for (int c = 0; c < chapters; c++) {
		char title[32];
		snprintf(title, sizeof(title), "Kapitel %c", 'A' + c);
		blocks_heading(b, 1, title);
		for (int p = 0; p < paras; p++) {
			if (p == paras / 2) {
				snprintf(title, sizeof(title), "Avsnitt %c%d", 'A' + c, p);
				blocks_heading(b, 2, title);
			}
			blocks_paragraph(b, "Ett stycke text som fyller flera rader när den "
			                    "sätts i en spalt med fast teckenbredd, så att "
			                    "sidbrytningen går att räkna ut för hand.");
		}
	}
}

static layout_opts opts(void)
{
	layout_opts o = {0};
	o.m = &FAKE_METRICS;
	o.lang = LANG_SV;
	o.organisation = "Samordningsförbund Gävleborg";
	o.title = "Slutrapport";
	o.date = "2021-02-11";
	o.toc_depth = 2;
	return o;
}

static void contents_point_at_headings(void **state)
{
	(void)state;
	block_list b;
	build(&b, 3, 40);
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	layout_stats st;
	assert_int_equal(layout_run(&b, &o, &doc, &st, &D), 0);
	assert_true(doc.npages > 6);
	assert_int_equal(st.headings, 6);
	/* every outline entry but the contents' own is a heading; the contents
	 * page lists its page number and a link to it */
	int checked = 0;
	for (size_t i = 1; i < doc.noutline; i++) {
		const outline_entry *e = &doc.outline[i];
		/* the heading's text is on the page the outline points to */
		const char *last_word = strrchr(e->title, ' ') + 1;
		assert_non_null(find_text(&doc, (size_t)e->page, last_word));
		char num[16];
		snprintf(num, sizeof(num), "%d", e->page + 1);
		assert_non_null(find_text(&doc, 1, num));
		int linked = 0;
		for (size_t k = 0; k < doc.pages[1].n; k++) {
			const draw_op *op = &doc.pages[1].ops[k];
			if (op->kind == DRAW_LINK && op->dest_page == e->page &&
			    op->dest_y == e->y)
				linked = 1;
		}
		assert_true(linked);
		checked++;
	}
	assert_int_equal(checked, 6);
	document_free(&doc);
	blocks_free(&b);
}

static void chapters_start_new_pages_and_footer_counts(void **state)
{
	(void)state;
	block_list b;
	build(&b, 2, 3);
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	assert_int_equal(layout_run(&b, &o, &doc, NULL, &D), 0);
	/* title, contents, one page per short chapter */
	assert_int_equal(doc.npages, 4);
	assert_int_equal(doc.outline[1].page, 2);
	assert_int_equal(doc.outline[3].page, 3);
	assert_non_null(find_text(&doc, 3, "Sida 4 av 4"));
	assert_non_null(find_text(&doc, 1, "Innehållsförteckning"));
	assert_null(find_text(&doc, 0, "Sida 1 av 4")); /* no footer on the title page */
	document_free(&doc);
	blocks_free(&b);
}

static void nothing_below_the_bottom_margin(void **state)
{
	(void)state;
	block_list b;
	build(&b, 2, 60);
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	layout_run(&b, &o, &doc, NULL, &D);
	for (size_t pg = 1; pg < doc.npages; pg++)
		for (size_t i = 0; i < doc.pages[pg].n; i++) {
			const draw_op *op = &doc.pages[pg].ops[i];
			if (op->kind == DRAW_TEXT && op->size > 9) /* body text, not the footer */
				assert_true(op->y >= 72 - 4);
		}
	document_free(&doc);
	blocks_free(&b);
}

static void tables_repeat_their_header(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Tabeller");
	const char *head[] = {"År", "Antal"};
	block_table *t = blocks_table(&b, "Många rader", 2, head, NULL);
	for (int i = 0; i < 120; i++) {
		char y[16], n[16];
		snprintf(y, sizeof(y), "%d", 1900 + i);
		snprintf(n, sizeof(n), "%d", i);
		const char *row[] = {y, n};
		table_add_row(&b, t, row, 0);
	}
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	layout_run(&b, &o, &doc, NULL, &D);
	size_t pages_with_table = 0;
	for (size_t pg = 2; pg < doc.npages; pg++)
		if (find_text(&doc, pg, "Antal"))
			pages_with_table++;
	assert_true(pages_with_table >= 2);
	assert_int_equal(pages_with_table, doc.npages - 2);
	assert_non_null(find_text(&doc, 3, "(forts.)"));
	/* every row is on exactly one page */
	for (int i = 0; i < 120; i++) {
		char y[16];
		snprintf(y, sizeof(y), "%d", 1900 + i);
		int seen = 0;
		for (size_t pg = 2; pg < doc.npages; pg++)
			seen += find_text(&doc, pg, y) != NULL;
		assert_int_equal(seen, 1);
	}
	document_free(&doc);
	blocks_free(&b);
}

/* The page (0-based) with a text op s, or -1. */
static int page_of(const document *doc, const char *s)
{
	for (size_t pg = 0; pg < doc->npages; pg++)
		if (find_text(doc, pg, s))
			return (int)pg;
	return -1;
}

/* "{tabell:id}" in text becomes "tabell N på sidan P" for the table whose
 * caption has "{#id}", wherever the table lands; the anchor is not shown;
 * an unknown id is shown as written, with a warning. */
static void references_resolve_to_number_and_page(void **state)
{
	(void)state;
	block_list b;
	blocks_init(&b);
	blocks_heading(&b, 1, "Hänvisningar");
	blocks_paragraph(&b, "Se {tabell:plac} och {figur:saknas}.");
	for (int i = 0; i < 40; i++)
		blocks_paragraph(&b, "Ett stycke text som fyller flera rader när den sätts i en "
		                     "spalt med fast teckenbredd.");
	const char *head[] = {"År", "Antal"};
	blocks_table(&b, "Första tabellen", 2, head, NULL);
	block_table *t = blocks_table(&b, "Placeringar per år {#plac}", 2, head, NULL);
	const char *row[] = {"2016", "44"};
	table_add_row(&b, t, row, 0);
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	diag d;
	diag_init(&d);
	d.quiet = 1;
	assert_int_equal(layout_run(&b, &o, &doc, NULL, &d), 0);
	int table_page = page_of(&doc, "Placeringar");
	assert_true(table_page > 2);
	assert_int_equal(page_of(&doc, "{#plac}"), -1);
	char want[32];
	snprintf(want, sizeof(want), "sidan\xc2\xa0%d", table_page + 1);
	assert_int_equal(page_of(&doc, "tabell\xc2\xa0" "2"), 2);
	assert_int_equal(page_of(&doc, want), 2);
	assert_int_equal(d.warnings, 1);
	assert_true(page_of(&doc, "{figur:saknas}.") == 2);
	document_free(&doc);
	blocks_free(&b);
}

/* Long paragraphs over many pages: no line of a paragraph is left alone at
 * the head or foot of a page, justified spaces stay within 1.8 times their
 * natural width, and nothing sticks out. */
static void no_widows_orphans_or_overfull_lines(void **state)
{
	(void)state;
	block_list b;
	build(&b, 3, 30);
	layout_opts o = opts();
	document doc;
	document_init(&doc);
	layout_stats st;
	assert_int_equal(layout_run(&b, &o, &doc, &st, &D), 0);
	assert_true(doc.npages > 6);
	assert_true(st.justified_lines > 50);
	assert_int_equal(st.widows, 0);
	assert_int_equal(st.orphans, 0);
	assert_int_equal(st.overfull_lines, 0);
	assert_true(st.max_space_ratio > 1.0f && st.max_space_ratio <= 1.8f);
	document_free(&doc);

	/* ragged right: nothing is stretched, still no widow or orphan */
	o.ragged = 1;
	document_init(&doc);
	assert_int_equal(layout_run(&b, &o, &doc, &st, &D), 0);
	assert_int_equal(st.justified_lines, 0);
	assert_float_equal(st.max_space_ratio, 0, 1e-6);
	assert_int_equal(st.widows + st.orphans + st.overfull_lines, 0);
	document_free(&doc);
	blocks_free(&b);
}

/* A short table never splits: wherever the text before it ends, all its
 * rows land on one page with its caption. */
static void short_tables_stay_whole(void **state)
{
	(void)state;
	for (int paras = 1; paras < 30; paras++) {
		block_list b;
		build(&b, 1, paras);
		const char *head[] = {"År", "Antal"};
		block_table *t = blocks_table(&b, "Kort tabell", 2, head, NULL);
		for (int i = 0; i < 5; i++) {
			char y[16];
			snprintf(y, sizeof(y), "%d", 2016 + i);
			const char *row[] = {y, "1"};
			table_add_row(&b, t, row, 0);
		}
		layout_opts o = opts();
		document doc;
		document_init(&doc);
		layout_run(&b, &o, &doc, NULL, &D);
		size_t caption_page = 0;
		for (size_t pg = 2; pg < doc.npages; pg++)
			if (find_text(&doc, pg, "Kort"))
				caption_page = pg;
		assert_true(caption_page >= 2);
		for (int i = 0; i < 5; i++) {
			char y[16];
			snprintf(y, sizeof(y), "%d", 2016 + i);
			assert_non_null(find_text(&doc, caption_page, y));
		}
		document_free(&doc);
		blocks_free(&b);
	}
}

int main(void)
{
	diag_init(&D);
	D.quiet = 1;
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(references_resolve_to_number_and_page),
	        cmocka_unit_test(no_widows_orphans_or_overfull_lines),
	        cmocka_unit_test(contents_point_at_headings),
	        cmocka_unit_test(chapters_start_new_pages_and_footer_counts),
	        cmocka_unit_test(nothing_below_the_bottom_margin),
	        cmocka_unit_test(tables_repeat_their_header),
	        cmocka_unit_test(short_tables_stay_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
