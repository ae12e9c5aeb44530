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

/* Structure element types of the tagged PDF (PDF 1.7 standard types; TITLE
 * is written as /Title, role-mapped to P). */
enum se_role {
	SE_NONE,
	SE_DOCUMENT,
	SE_SECT,
	SE_TITLE,
	SE_H1, /* SE_H1 + n - 1: Hn, n = 1..6 */
	SE_H2,
	SE_H3,
	SE_H4,
	SE_H5,
	SE_H6,
	SE_P,
	SE_L,
	SE_LI,
	SE_LBL,
	SE_LBODY,
	SE_TABLE,
	SE_THEAD,
	SE_TBODY,
	SE_TR,
	SE_TH,
	SE_TD,
	SE_CAPTION,
	SE_FIGURE,
	SE_LINK,
	SE_TOC,
	SE_TOCI,
	SE_REFERENCE,
	SE_SPAN,
	SE_DIV,
	SE_COUNT
};

/* Content that is not part of the structure tree (an op with elem 0 and
 * ART_NONE is a plain artifact too). */
enum art_kind {
	ART_NONE,   /* tagged with the op's element */
	ART_LAYOUT, /* rules, fills, grid lines, repeated table heads */
	ART_HEADER, /* running head: /Pagination /Header */
	ART_FOOTER  /* "Sida X av Y": /Pagination /Footer */
};

/* One structure element; the tree's order is the order elements are made
 * in, children after their parent.  Strings are the document arena's. */
typedef struct struct_elem {
	unsigned char role;  /* enum se_role */
	unsigned char scope; /* TH: 1 /Column, 2 /Row; L: 1 /Decimal, 2 /Disc */
	unsigned char lang;  /* 1: in the data's language (doc->info.data_lang) */
	unsigned char span;  /* TH/TD: columns spanned (0, 1: one) */
	int parent;          /* element index; 0 for the root Document */
	const char *text;    /* Figure: /Alt; Span: /ActualText (a hyphenated word) */
} struct_elem;

typedef struct draw_op {
	enum draw_kind kind;
	int elem;          /* structure element (index in doc->elems), 0: none */
	face_id face;
	float size;        /* font size (text) */
	rgb fill;          /* text colour, fill colour */
	rgb stroke;        /* stroke colour */
	unsigned char filled;  /* rect/circle/path: fill */
	unsigned char stroked; /* rect/circle/path: stroke */
	unsigned char art;     /* enum art_kind */
	float line_width;
	float x, y, x2, y2, w, h;
	const char *text;  /* DRAW_TEXT: the text; DRAW_URI: the URI; DRAW_IMAGE: the path */
	const float *pts;  /* DRAW_PATH */
	size_t npts;       /* number of points (pairs) */
	int dest_page;     /* DRAW_LINK: 0-based page index; its /Contents in text */
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
	const char *lang;     /* "sv-SE": the labels' (the catalog's /Lang) */
	const char *data_lang; /* the data's text, if it differs (elements with lang) */
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
	/* the structure tree: elems[0] unused, elems[1] the Document */
	struct_elem *elems;
	size_t nelems, elems_cap;
	int cur_elem;          /* stamped on each new op */
	unsigned char cur_art; /* likewise */
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

/* Makes a structure element of `role`, the last child of element parent
 * (0: of the Document).  Returns its index.  An element's kids are its
 * children in the order they were made, unless it has content of its own:
 * then its content and children in the order they were drawn. */
int doc_elem(document *doc, enum se_role role, int parent);
/* doc_elem with the current element as parent; the new one becomes current. */
int doc_open(document *doc, enum se_role role);
/* Makes elem's parent current again (the end of elem's content). */
void doc_close(document *doc, int elem);
/* Ops made from now on are artifacts of kind k (ART_NONE: tagged again);
 * returns the kind before. */
unsigned char doc_artifact(document *doc, unsigned char k);

#endif
