/*
 * fonts.h - the typefaces of a report and their metrics.
 *
 * Which font files are used is configured in fonts/fonts.list (face name, file
 * name, search directories), never in C.  The PDF writer loads the files into
 * the document; layout only asks for widths through this interface, so layout
 * stays independent of the PDF library and can be tested with fake metrics.
 *
 * Widths are in 1/1000 em, exactly what the PDF's /W array states, so a
 * measured width is the rendered width.
 */
#ifndef RAPPORT_FONTS_H
#define RAPPORT_FONTS_H

#include <stddef.h>
#include <stdint.h>

#include "base/utf8.h"

/* The faces a report uses. */
typedef enum face_id {
	FACE_SERIF = 0,
	FACE_SERIF_BOLD,
	FACE_SERIF_ITALIC,
	FACE_SERIF_BOLD_ITALIC,
	FACE_SANS,
	FACE_SANS_BOLD,
	FACE_FALLBACK, /* characters the other faces lack (DejaVu Sans) */
	FACE_COUNT
} face_id;

/* Names of the faces as written in fonts.list: "serif", "serif-bold", ... */
const char *face_name(face_id f);

/* Glyph metrics, provided by the PDF writer (or by a test). */
typedef struct metrics {
	void *ud;
	/* Advance width of code point cp in face f, 1/1000 em. */
	int (*width)(void *ud, face_id f, uint32_t cp);
	/* 1 if face f has a glyph for cp. */
	int (*has_glyph)(void *ud, face_id f, uint32_t cp);
	/* Ascent and descent of face f, 1/1000 em (descent negative). */
	int ascent[FACE_COUNT];
	int descent[FACE_COUNT];
	/* Optional, for speed: if ascii_full[f], face f has every printable
	 * ASCII character (U+0020..U+007E) and ascii_width[f][c] is
	 * width(f, c) for c < 128; else the callbacks are asked. */
	unsigned char ascii_full[FACE_COUNT];
	short ascii_width[FACE_COUNT][128];
} metrics;

/* Width of a UTF-8 string in points at `size`. */
double text_width(const metrics *m, face_id f, double size, const char *s, size_t len);

#endif
