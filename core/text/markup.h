/*
 * markup.h - the small inline markup of data strings.
 *
 *   **bold**   *italic*   [text](https://example.org)   a link
 *   {Name}     a name: never hyphenated
 *   ~          a no-break space (as is U+00A0)
 *   \-         a soft hyphen: a place where the word may be hyphenated (as is
 *              U+00AD); a word with soft hyphens is hyphenated only there
 *   {#id}      an anchor naming a table or figure in its caption (not shown)
 *   \X         the character X itself, for any X: \* \\ \[ \{ \~
 *
 * Links take http://, https:// or mailto: addresses.  A marker without its
 * partner, a '{' without '}', or a link whose address is missing or not one
 * of those is shown literally and counted, so the caller can warn; parsing
 * never fails.
 */
#ifndef RAPPORT_MARKUP_H
#define RAPPORT_MARKUP_H

#include <stddef.h>

#include "base/arena.h"

/* Style bits of a span.  STYLE_NAME marks a name (no hyphenation). */
enum { STYLE_BOLD = 1u, STYLE_ITALIC = 2u, STYLE_NAME = 4u };

/* A run of text in one style.  text points into arena memory.  uri is the
 * link target of the run, or NULL. */
typedef struct span {
	unsigned style;
	const char *text;
	size_t len;
	const char *uri;
} span;

/* Parses src into *out (arena memory) and returns the number of spans.
 * *malformed (may be NULL) receives the number of markers shown literally. */
size_t markup_parse(arena *a, const char *src, span **out, int *malformed);
/* The offset in src of the first malformed marker, or (size_t)-1. */
size_t markup_first_malformed(arena *a, const char *src);
/* The text of src without markup (for outlines and the contents): no-break
 * spaces stay, soft hyphens go. */
char *markup_plain(arena *a, const char *src);

#endif
