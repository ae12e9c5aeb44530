/*
 * fonts.c - face names, UTF-8 decoding and string widths.
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

/* Is b a continuation byte (10xxxxxx)? */
static int is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/*
 * Strict UTF-8 (RFC 3629).  On an invalid sequence returns U+FFFD and skips
 * the maximal subpart of it (the longest prefix that could have started a
 * valid sequence, at least one byte), as Unicode recommends, so one bad byte
 * never swallows the valid characters after it.  Overlong forms, surrogates
 * (U+D800..DFFF) and values above U+10FFFF are invalid.  If *s >= end the
 * function returns U+FFFD and leaves *s alone.
 */
uint32_t utf8_next(const char **s, const char *end)
{
	const unsigned char *p = (const unsigned char *)*s;
	const unsigned char *e = (const unsigned char *)end;

	if (p >= e)
		return 0xFFFD;

	unsigned char b0 = p[0];
	if (b0 < 0x80) {
		*s += 1;
		return b0;
	}

	/* Number of continuation bytes and the allowed range of the second
	 * byte, which is where overlongs, surrogates and > U+10FFFF are caught. */
	int need;
	unsigned char lo = 0x80, hi = 0xBF;
	uint32_t cp;
	if (b0 >= 0xC2 && b0 <= 0xDF) {
		need = 1;
		cp = b0 & 0x1F;
	} else if (b0 >= 0xE0 && b0 <= 0xEF) {
		need = 2;
		cp = b0 & 0x0F;
		if (b0 == 0xE0)
			lo = 0xA0; /* overlong below U+0800 */
		else if (b0 == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (b0 >= 0xF0 && b0 <= 0xF4) {
		need = 3;
		cp = b0 & 0x07;
		if (b0 == 0xF0)
			lo = 0x90; /* overlong below U+10000 */
		else if (b0 == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else {
		/* 80..BF (stray continuation), C0, C1, F5..FF */
		*s += 1;
		return 0xFFFD;
	}

	int i = 1;
	for (; i <= need; i++) {
		if (p + i >= e)
			break;
		unsigned char b = p[i];
		if (i == 1 ? (b < lo || b > hi) : !is_cont(b))
			break;
		cp = (cp << 6) | (b & 0x3F);
	}
	*s += i;
	if (i <= need)
		return 0xFFFD;
	return cp;
}
