/*
 * fonts.c - face names and string widths.
 *
 * The metrics themselves come from the PDF writer (or a test) through the
 * `metrics` callbacks; nothing here knows about font files.
 */
#include "text/fonts.h"

#include <stddef.h>

static const char *const face_names[FACE_COUNT] = {
        [FACE_SERIF] = "serif",
        [FACE_SERIF_BOLD] = "serif-bold",
        [FACE_SERIF_ITALIC] = "serif-italic",
        [FACE_SERIF_BOLD_ITALIC] = "serif-bold-italic",
        [FACE_SANS] = "sans",
        [FACE_SANS_BOLD] = "sans-bold",
        [FACE_FALLBACK] = "fallback",
};

/* Returns the fonts.list name of f, or "(invalid face)" for an out-of-range
 * value, so the result can always be printed. */
const char *face_name(face_id f)
{
	if ((unsigned)f >= FACE_COUNT)
		return "(invalid face)";
	return face_names[f];
}

/* Sums the advance widths (1/1000 em) of the code points in s[0..len) and
 * scales them to points at `size`.  Invalid UTF-8 is measured as U+FFFD, the
 * way the writer draws it.  The integer sum is scaled once, so the result is
 * exactly the rendered width. */
double text_width(const metrics *m, face_id f, double size, const char *s, size_t len)
{
	if (!m || !m->width || !s)
		return 0.0;

	const char *end = s + len;
	long long sum = 0;
	if ((unsigned)f < FACE_COUNT && m->ascii_full[f]) {
		const short *aw = m->ascii_width[f];
		while (s < end) {
			unsigned char c = (unsigned char)*s;
			if (c < 0x80) {
				sum += aw[c];
				s++;
			} else {
				sum += m->width(m->ud, f, utf8_next(&s, end));
			}
		}
		return (double)sum * size / 1000.0;
	}
	while (s < end) {
		/* ASCII without the call: most characters of Swedish text */
		uint32_t cp = (unsigned char)*s < 0x80 ? (unsigned char)*s++ : utf8_next(&s, end);
		sum += m->width(m->ud, f, cp);
	}
	return (double)sum * size / 1000.0;
}
