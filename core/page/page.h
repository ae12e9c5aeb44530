/*
 * page.h - laid-out pages: the display list the PDF writer draws.
 *
 * Layout turns the block tree into pages of positioned drawing operations;
 * the writer turns those into PDF without making any layout decision.
 * Coordinates are PDF points with the origin at the bottom left of the page.
 * All strings are UTF-8 and owned by the document's arena.
 */
#ifndef RAPPORT_PAGE_H
#define RAPPORT_PAGE_H

#include <stddef.h>

#include "text/fonts.h"

#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890

typedef struct rgb {
	float r, g, b; /* 0..1 */
} rgb;

enum draw_kind {
	DRAW_TEXT,  /* text at (x, y) baseline */
	DRAW_RECT,  /* rectangle (x, y, w, h), filled and/or stroked */
	DRAW_LINE,  /* line from (x, y) to (x2, y2) */
	DRAW_PATH,  /* polyline through pts (x0, y0, x1, y1, ...) */
	DRAW_CIRCLE, /* circle at (x, y) with radius w */
	DRAW_LINK,  /* clickable area (x, y, w, h) to dest_page at dest_y */
	DRAW_URI,   /* clickable area (x, y, w, h) to the URI in text */
	DRAW_IMAGE  /* the PNG or JPEG file named in text, scaled into (x, y, w, h) */
};

typedef struct draw_op {
	enum draw_kind kind;
	face_id face;
	float size;        /* font size (text) */
	rgb fill;          /* text colour, fill colour */
	rgb stroke;        /* stroke colour */
	int filled;        /* rect/circle/path: fill */
	int stroked;       /* rect/circle/path: stroke */
	float line_width;
	float x, y, x2, y2, w, h;
	const char *text;  /* DRAW_TEXT: the text; DRAW_URI: the URI; DRAW_IMAGE: the path */
	const float *pts;  /* DRAW_PATH */
	size_t npts;       /* number of points (pairs) */
	int dest_page;     /* DRAW_LINK: 0-based page index */
	float dest_y;
} draw_op;

typedef struct page {
	draw_op *ops;
	size_t n, cap;
} page;

/* One bookmark: heading level (1 = top), title, where it points. */
typedef struct outline_entry {
	int level;
	const char *title;
	int page; /* 0-based */
	float y;
} outline_entry;

/* Document information, all UTF-8, any may be NULL. */
typedef struct doc_info {
	const char *title;
	const char *author;
	const char *subject;
	const char *keywords;
	const char *creator;  /* "rapport 0.1.0" */
	const char *lang;     /* "sv-SE" */
	const char *date;     /* "2021-02-11": creation date, from the data */
	const char *mod_date; /* "2021-03-01 12:00:00" UTC (SOURCE_DATE_EPOCH), or NULL: date */
} doc_info;

typedef struct document {
	page *pages;
	size_t npages, cap;
	outline_entry *outline;
	size_t noutline, outline_cap;
	doc_info info;
	struct arena *arena; /* owns strings and point arrays */
} document;

void document_init(document *doc);
void document_free(document *doc);
/* Gives back the unused capacity of every page's list of operations (about
 * a quarter of the largest allocation of a long document) before the PDF
 * writer starts allocating. */
void document_trim(document *doc);

/* Building a document page by page (the layout's drawing calls). */
int doc_add_page(document *doc);
draw_op *doc_op(document *doc, int pg, enum draw_kind kind);
void doc_text(document *doc, int pg, face_id f, float size, rgb color, float x, float y,
              const char *text, size_t len);
void doc_rect(document *doc, int pg, float x, float y, float w, float h, const rgb *fill,
              const rgb *stroke, float line_width);
void doc_line(document *doc, int pg, float x, float y, float x2, float y2, rgb color,
              float line_width);
void doc_outline(document *doc, int level, const char *title, int pg, float y);

#endif
