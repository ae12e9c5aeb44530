/*
 * markup.h - the small inline markup of data strings.
 *
 *   **bold**   *italic*   \* and \\ for literal characters
 *
 * A marker without its partner is shown literally (and counted, so the caller
 * can warn); parsing never fails.
 */
#ifndef RAPPORT_MARKUP_H
#define RAPPORT_MARKUP_H

#include <stddef.h>

#include "../arena.h"

enum { STYLE_BOLD = 1u, STYLE_ITALIC = 2u };

/* A run of text in one style.  text points into arena memory. */
typedef struct span {
	unsigned style;
	const char *text;
	size_t len;
} span;

/* Parses src into *out (arena memory) and returns the number of spans.
 * *unmatched (may be NULL) receives the number of markers shown literally. */
size_t markup_parse(arena *a, const char *src, span **out, int *unmatched);
/* The text of src without markup (for outlines and the contents). */
char *markup_plain(arena *a, const char *src);

#endif
