/*
 * linebreak.h - paragraphs: shaping styled text into measured pieces, and
 * breaking them into lines.
 *
 * A paragraph is shaped once and can then be broken for any width.  Shaping
 * turns markup into pieces: a word, or the part of a word between two
 * hyphenation points.  After each piece comes a space (a break with glue), a
 * discretionary hyphen (a break that adds "-"), an explicit hyphen already in
 * the text (a break that adds nothing), or nothing.  A no-break space
 * (U+00A0, "~" in markup) keeps "1 257" together.
 *
 * Justified paragraphs are broken with the Knuth-Plass total-fit algorithm
 * (knuthplass.c); ragged paragraphs either with the same algorithm and a
 * stretchable right margin, or greedily (tables, captions).  Characters a
 * face lacks are taken from FACE_FALLBACK, or drawn as U+FFFD.
 */
#ifndef RAPPORT_LINEBREAK_H
#define RAPPORT_LINEBREAK_H

#include <stddef.h>

#include "base/arena.h"
#include "text/fonts.h"
#include "text/hyphen.h"

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
	const char *uri; /* link target, or NULL */
} lb_frag;

/* What follows a piece. */
enum lb_brk {
	LB_BRK_NONE = 0, /* the end of the paragraph */
	LB_BRK_SPACE,    /* a space: break, or stretch and shrink */
	LB_BRK_HYPHEN,   /* a hyphenation point: a break adds a hyphen */
	LB_BRK_EXPLICIT  /* after a '-' or '–' in the text: may break there */
};

typedef struct lb_word {
	lb_frag *frags;
	size_t nfrags;
	float width;     /* sum of the fragments */
	float space;     /* natural width of the space after the piece (LB_BRK_SPACE) */
	float hyphen;    /* width of the hyphen a break here adds (LB_BRK_HYPHEN) */
	enum lb_brk brk;
} lb_word;

typedef struct lb_line {
	size_t first, n;   /* pieces */
	float natural;     /* width of the pieces, natural spaces and the hyphen */
	float gap;         /* width of each space between words when drawn */
	int hyphen;        /* ends at a hyphenation point: draw a hyphen */
	float space_ratio; /* justified, not last: drawn space / natural space */
} lb_line;

/* How para_break sets lines. */
enum lb_mode {
	LB_GREEDY = 0,  /* first fit, ragged right */
	LB_JUSTIFY = 1, /* total fit, justified, last line ragged */
	LB_RAGGED = 2   /* total fit, ragged right */
};

typedef struct para {
	lb_word *words; /* the pieces */
	size_t nwords;
	lb_line *lines;
	size_t nlines;
	float size; /* font size in points */
	int unmatched_markup; /* malformed markup shown literally */
	int missing_glyphs;   /* characters in no face, drawn as U+FFFD */
	uint32_t missing_cp;  /* the first of them */
	int fallback_glyphs;  /* characters taken from FACE_FALLBACK */
	int overfull;         /* lines wider than the measure */
	int hyphenated;       /* lines ending with an added hyphen */
	int greedy;           /* 1 if total fit found no way and greedy was used */
} para;

/* Shapes markup in family `fam` at `size` points; words may be hyphenated
 * where h says (h NULL: only at soft hyphens).  Memory comes from a. */
void para_shape_hyph(para *p, arena *a, const metrics *m, family fam, float size,
                     const char *markup, hyphenator *h);
/* para_shape_hyph without patterns. */
void para_shape(para *p, arena *a, const metrics *m, family fam, float size, const char *markup);
/* Shapes plain text (no markup) in one face. */
void para_shape_plain(para *p, arena *a, const metrics *m, face_id face, float size,
                      const char *text);
/* Breaks p into lines no wider than width (a piece wider than the line gets
 * a line of its own and counts as overfull).  mode is an enum lb_mode; 0 and
 * 1 keep the meaning of the old "justify" flag.  Returns the number of lines. */
size_t para_break(para *p, arena *a, float width, int mode);
/* The width of p set on one line, and the widest unbreakable run (the
 * narrowest it can be set without overflow). */
float para_natural_width(const para *p);
float para_min_width(const para *p);

/* Total fit (knuthplass.c): fills p->lines for mode LB_JUSTIFY or LB_RAGGED.
 * Returns 0, or -1 if no set of breaks keeps every line within width. */
int kp_break(para *p, arena *a, float width, int mode);

#endif
