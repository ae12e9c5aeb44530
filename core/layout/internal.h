/*
 * internal.h - shared state of the layout engine (layout.c, table.c,
 * chart.c).  Not for use outside core/layout/.
 */
#ifndef RAPPORT_LAYOUT_INTERNAL_H
#define RAPPORT_LAYOUT_INTERNAL_H

#include "blocks/blocks.h"
#include "text/linebreak.h"
#include "text/xref.h"
#include "layout/layout.h"
#include "page/page.h"

/* The page geometry and the type scale. */
#define MARGIN_LEFT 72.0f
#define MARGIN_RIGHT 72.0f
#define MARGIN_TOP 78.0f
#define MARGIN_BOTTOM 72.0f
#define BODY_SIZE 10.5f
#define BODY_LEADING 14.5f
#define PARA_GAP 6.0f

/* Colours. */
extern const rgb COLOR_TEXT, COLOR_ACCENT, COLOR_MUTED, COLOR_RULE, COLOR_TINT, COLOR_WHITE;

/* One entry of the contents, filled in as headings are placed. */
typedef struct toc_entry {
	int level;
	const char *number; /* "2.1" */
	const char *title;  /* plain text */
	int data_lang;      /* the data's text (block.data_lang) */
	int page;           /* 0-based; -1 until placed */
	float y;
} toc_entry;

typedef struct layout {
	const layout_opts *o;
	const metrics *m;
	document *doc;
	arena *a;   /* scratch for shaping: reset per block */
	diag *d;
	layout_stats *st;
	int page;   /* current page, -1 before the first */
	float y;    /* top of the free space on the current page */
	float left, right, top, bottom;
	toc_entry *toc;
	size_t ntoc, next_toc;
	int numbers[4]; /* heading counters */
	int tables, figures;
	hyphenator *hyph; /* patterns for the report's language, or NULL */
	xref_target *targets; /* tables and figures with an anchor */
	size_t ntargets;
	int targets_moved; /* a target's page differs from the previous pass */
	/* structure (the tagged PDF) */
	int sect;              /* the current chapter's Sect, 0: none yet */
	int toc_sect;          /* the contents' Sect, made before the body */
	int hlev[8], hn;       /* levels of the open headings (outline nesting) */
	int hyph_span;         /* Span of a word hyphenated at a line end ... */
	const para *hyph_para; /* ... whose rest begins line hyph_line of this */
	size_t hyph_line;
	const char *link_uri;     /* a link continued on the next line: its URI */
	int link_elem;            /* and its Link element */
	unsigned char title_data; /* title page text from the data (its language) */
} layout;

/* Width of the text column. */
static inline float content_width(const layout *L)
{
	return L->right - L->left;
}

/* Starts a new body page. */
void layout_new_page(layout *L);
/* Makes sure `height` points are free on the current page, else starts a new
 * one.  Returns 1 if a new page was started. */
int layout_need(layout *L, float height);
/* Draws lines [from, to) of a broken paragraph with their first baseline at
 * `baseline`, starting at x.  Returns nothing; advances nothing. */
void draw_lines(layout *L, const para *p, size_t from, size_t to, float x, float baseline,
                float leading, rgb color);
/* Draws a single line of text (no breaking) and returns its width. */
float draw_string(layout *L, face_id f, float size, rgb color, float x, float y, const char *s);
float string_width(const layout *L, face_id f, float size, const char *s);

/* The text of a chart's Figure /Alt: what it shows (c->alt, else its kind
 * and caption) and its values, from its data (arena memory). */
const char *chart_alt_text(layout *L, const block_chart *c);

void layout_table(layout *L, const block_table *t);
void layout_chart(layout *L, const block_chart *c);
void layout_image(layout *L, const block_image *im);
float image_height(layout *L, const block_image *im);
/* Draws a logo centred on (cx, cy) within max_w by max_h points. */
void layout_logo(layout *L, const block_image *logo, float cx, float cy, float max_w, float max_h);
/* Height a table or chart needs at least on the page where it starts. */
float table_min_height(layout *L, const block_table *t);
float chart_height(layout *L, const block_chart *c);

#endif
