/*
 * linebreak.h - paragraphs: shaping styled text into measured words, and
 * breaking them into lines.
 *
 * A paragraph is shaped once (words with their widths in points at a given
 * size) and can then be broken for any width.  Breaks happen only at spaces
 * (U+0020, tabs, newlines); a no-break space (U+00A0) keeps "1 257" together.
 * Justified lines stretch the spaces between words; the last line of a
 * paragraph is set ragged.
 */
#ifndef RAPPORT_LINEBREAK_H
#define RAPPORT_LINEBREAK_H

#include <stddef.h>

#include "../arena.h"
#include "fonts.h"

/* The font family a paragraph is set in; styles choose the face. */
typedef enum family { FAMILY_SERIF = 0, FAMILY_SANS } family;

/* The face for a family and STYLE_* bits. */
face_id face_for(family fam, unsigned style);

/* A piece of a word in one face. */
typedef struct lb_frag {
	face_id face;
	const char *text;
	size_t len;
	float width;
} lb_frag;

typedef struct lb_word {
	lb_frag *frags;
	size_t nfrags;
	float width; /* sum of the fragments */
	float space; /* natural width of the space after the word */
} lb_word;

typedef struct lb_line {
	size_t first, n; /* words */
	float natural;   /* width of the words and natural spaces */
	float gap;       /* width of each space between words when drawn */
} lb_line;

typedef struct para {
	lb_word *words;
	size_t nwords;
	lb_line *lines;
	size_t nlines;
	float size; /* font size in points */
	int unmatched_markup;
} para;

/* Shapes markup in family `fam` at `size` points.  Memory comes from a. */
void para_shape(para *p, arena *a, const metrics *m, family fam, float size, const char *markup);
/* Shapes plain text (no markup) in one face. */
void para_shape_plain(para *p, arena *a, const metrics *m, face_id face, float size,
                      const char *text);
/* Breaks p into lines no wider than width (a single word wider than the line
 * gets a line of its own).  justify: stretch spaces on all lines but the last.
 * Returns the number of lines. */
size_t para_break(para *p, arena *a, float width, int justify);
/* The widest natural line width if p were set on one line (its width), and
 * the widest single word (the narrowest it can be set without overflow). */
float para_natural_width(const para *p);
float para_min_width(const para *p);

#endif
