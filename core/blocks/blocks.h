/*
 * blocks.h - the block tree: what sections emit, before layout.
 *
 * A block has a role (heading of a level, paragraph, list with items, table
 * with header cells, figure with alternative text) and content, but no
 * coordinates.  Layout measures and places blocks; the roles are kept so a
 * tagged PDF can be produced from the same tree.  All strings are copied into
 * the list's arena.
 */
#ifndef RAPPORT_BLOCKS_H
#define RAPPORT_BLOCKS_H

#include <stddef.h>

#include "base/arena.h"

enum block_kind {
	BLOCK_HEADING,   /* a numbered heading, level 1..4 */
	BLOCK_PARAGRAPH, /* inline markup */
	BLOCK_LIST,      /* list items, possibly nested */
	BLOCK_TABLE,     /* caption, header row, body rows */
	BLOCK_CHART,     /* a vector chart with caption and alt text */
	BLOCK_IMAGE      /* a PNG or JPEG picture with caption and alt text */
};

typedef struct list_item {
	const char *markup;
	struct block_list_data *sub; /* nested list or NULL */
} list_item;

typedef struct block_list_data {
	int ordered;
	list_item *items;
	size_t n, cap;
} block_list_data;

typedef struct block_table {
	const char *caption;
	size_t ncols;
	const char **header; /* ncols header cells */
	int *align;          /* enum rapport_align per column */
	const char **cells;  /* nrows * ncols body cells, row-major */
	unsigned *row_flags; /* RAPPORT_ROW_* per row */
	size_t nrows, cap;
	const char **groups; /* NULL, or ncols header-group labels: neighbours
	                      * with the same label share one spanning cell */
	int zebra;           /* 1 (default): tint every other body row */
} block_table;

typedef struct block_chart {
	int kind; /* enum rapport_chart_kind */
	const char *caption, *alt, *x_title, *y_title;
	size_t ncat, nseries;
	const char **categories;
	const char **series_names;
	double *values; /* nseries * ncat, series-major */
} block_chart;

typedef struct block_image {
	const char *path;  /* resolved absolute path, inside the data directory */
	int width, height; /* pixels */
	float scale;       /* share of the text width, 0 < scale <= 1 */
	const char *caption, *alt;
} block_image;

typedef struct block {
	enum block_kind kind;
	int level;        /* heading: 1..4 */
	int in_toc;       /* heading: listed in the contents */
	int data_lang;    /* text from the data (in the report's `lang`), not labels */
	const char *text; /* heading text, paragraph markup */
	block_list_data *list;
	block_table *table;
	block_chart *chart;
	block_image *image;
} block;

typedef struct block_list {
	block *v;
	size_t n, cap;
	arena *arena;
} block_list;

void blocks_init(block_list *b);
void blocks_free(block_list *b);
/* Appends a block of `kind` and returns it (valid until the next append). */
block *blocks_add(block_list *b, enum block_kind kind);
void blocks_heading(block_list *b, int level, const char *text);
void blocks_paragraph(block_list *b, const char *markup);
/* The markup of the body text: every paragraph and list item (nested ones
 * too), in order, into a malloc'ed array of pointers into b (*out; free
 * it, not the strings).  Returns the count. */
size_t blocks_body_texts(const block_list *b, const char ***out);
/* Starts a list; items are added with list_add_item. */
block_list_data *blocks_list(block_list *b, int ordered);
list_item *list_add_item(block_list *b, block_list_data *l, const char *markup);
block_table *blocks_table(block_list *b, const char *caption, size_t ncols,
                          const char *const *header, const int *align);
void table_add_row(block_list *b, block_table *t, const char *const *cells, unsigned flags);
/* Appends a picture (path already resolved and checked, see image.h). */
block_image *blocks_image(block_list *b, const char *path, int width, int height, float scale,
                          const char *caption, const char *alt);
/* Sets a header-group row above the column headers: ncols labels, "" for
 * none; neighbouring columns with the same label share one cell. */
void table_set_groups(block_list *b, block_table *t, const char *const *groups);

#endif
