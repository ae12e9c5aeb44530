/*
 * layout.h - from the block tree to pages.
 *
 * layout_run is a pure function of the blocks, the options and the font
 * metrics: it makes the title page, the table of contents, numbers headings,
 * tables and figures, breaks paragraphs into lines and lines into pages,
 * draws tables and charts, and adds the running header and footer
 * ("Sida X av Y") and the outline.  The contents come before the body, so
 * their length is measured first; the page numbers are filled in when the
 * body is laid out.
 */
#ifndef RAPPORT_LAYOUT_H
#define RAPPORT_LAYOUT_H

#include <stddef.h>

#include "blocks/blocks.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "text/hyphen.h"
#include "page/page.h"

/* At most this many pages: layout stops with an error beyond it. */
#define LAYOUT_MAX_PAGES 2000

typedef struct layout_author {
	const char *name;
	const char *role;
} layout_author;

typedef struct layout_opts {
	const metrics *m;
	lang_id lang;
	lang_id data_lang;  /* the language of the data's text (headings, prose) */
	int title_is_label; /* the title is made of labels ("Årsrapport 2018") */
	const char *organisation;
	const char *title;
	const char *subtitle;     /* may be NULL */
	const char *period_label; /* may be NULL */
	const char *date;         /* ISO date, formatted by the layout */
	const layout_author *authors;
	size_t nauthors;
	int toc_depth;           /* heading levels listed in the contents (default 2) */
	int ragged;              /* body text ragged right instead of justified */
	const block_image *logo; /* the organisation's logo on the title page, or NULL */
	/* the hyphenation patterns of `lang`, the caller's (it may have loaded
	 * them beside other work); NULL: the layout loads its own */
	hyphenator *hyph;
	/* Optional: called in the final pass, after each block, with the pages
	 * [from, to) the layout is done with (the contents pages excepted) but
	 * for the running head and foot, which it adds at the end; the callee
	 * may draw them (and free their operations) at once. */
	void (*pages_done)(void *ud, document *doc, size_t from, size_t to);
	void *pages_done_ud;
} layout_opts;

/* What layout found, for `rapport build --verbose` and the tests. */
typedef struct layout_stats {
	int tables, figures, headings;
	int overfull_lines; /* lines wider than their box (a single long word) */
	int toc_pages;
	/* typesetting of body text (paragraphs and list items) */
	float max_space_ratio; /* widest space in a justified line / its natural width */
	int justified_lines;   /* lines stretched or shrunk to the measure */
	int hyphenated_lines;  /* lines ending with an added hyphen */
	int widows, orphans;   /* one line of a paragraph alone at a page's head / foot */
	int missing_glyphs;    /* characters in no font, drawn as U+FFFD */
	int fallback_glyphs;   /* characters taken from the fallback face */
	int greedy_paragraphs; /* paragraphs total fit could not set */
} layout_stats;

/* Lays out blocks into doc (which must be freshly initialised).  Returns 0,
 * or -1 after reporting to d. */
int layout_run(const block_list *blocks, const layout_opts *o, document *doc, layout_stats *st,
               diag *d);

#endif
