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

#include "../blocks.h"
#include "../diag.h"
#include "../i18n.h"
#include "page.h"

typedef struct layout_author {
	const char *name;
	const char *role;
} layout_author;

typedef struct layout_opts {
	const metrics *m;
	lang_id lang;
	const char *organisation;
	const char *title;
	const char *subtitle;     /* may be NULL */
	const char *period_label; /* may be NULL */
	const char *date;         /* ISO date, formatted by the layout */
	const layout_author *authors;
	size_t nauthors;
	int toc_depth; /* heading levels listed in the contents (default 2) */
	const block_image *logo; /* the organisation's logo on the title page, or NULL */
} layout_opts;

/* What layout found, for `rapport build --verbose` and the tests. */
typedef struct layout_stats {
	int tables, figures, headings;
	int overfull_lines; /* lines wider than their box (a single long word) */
	int toc_pages;
} layout_stats;

void document_init(document *doc);
void document_free(document *doc);

/* Lays out blocks into doc (which must be freshly initialised).  Returns 0,
 * or -1 after reporting to d. */
int layout_run(const block_list *blocks, const layout_opts *o, document *doc, layout_stats *st,
               diag *d);

#endif
