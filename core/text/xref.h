/*
 * xref.h - references in text to numbered tables and figures.
 *
 * A caption names its table or figure with an anchor, "{#id}" (letters,
 * digits, '-', '_'), which is not shown.  Text refers to it with
 * "{tabell:id}" or "{figur:id}" ("{table:id}", "{figure:id}" alike; a
 * capital first letter gives a capital in the output), which becomes
 * "tabell 3 på sidan 7" ("table 3 on page 7" with --lang en), with no-break
 * spaces inside.
 */
#ifndef RAPPORT_XREF_H
#define RAPPORT_XREF_H

#include <stddef.h>

#include "base/arena.h"
#include "base/i18n.h"

enum xref_kind { XREF_TABLE = 0, XREF_FIGURE };

typedef struct xref_target {
	const char *id;
	enum xref_kind kind;
	int number; /* "Tabell 3": 3 */
	int page;   /* 0-based page of the caption; -1 while unknown */
} xref_target;

/* The anchor id in caption (arena copy), or NULL if it has none. */
const char *xref_anchor(arena *a, const char *caption);
/* Does markup contain a reference? */
int xref_has_refs(const char *markup);

/* Every word xref_expand may put into a text, in both languages (for
 * choosing hyphenation patterns before the text is expanded). */
const char *xref_words(void);
/* markup with every reference replaced (arena memory).  A reference to an
 * id no target has, or to a target of the other kind, is left as text
 * (escaped so it shows literally) and counted in *bad; *first_bad (may be
 * NULL) receives the first such reference (arena copy). */
char *xref_expand(arena *a, const char *markup, const xref_target *t, size_t n, lang_id lang,
                  int *bad, const char **first_bad);

#endif
