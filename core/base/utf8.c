/*
 * utf8.c - UTF-8 decoding, validation and encoding.
 */
#include "base/utf8.h"

#include <string.h>

/* Is b a continuation byte (10xxxxxx)? */
static int is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/* The sequence that lead byte b0 starts: returns its number of continuation
 * bytes (1..3) and sets *cp to b0's payload bits and [*lo, *hi] to the range
 * allowed for the second byte, which is where overlongs, surrogates and
 * values above U+10FFFF are caught; returns -1 if b0 starts no sequence
 * (80..BF, C0, C1, F5..FF). */
static int lead(unsigned char b0, uint32_t *cp, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (b0 >= 0xC2 && b0 <= 0xDF) {
		*cp = b0 & 0x1F;
		return 1;
	}
	if (b0 >= 0xE0 && b0 <= 0xEF) {
		*cp = b0 & 0x0F;
		if (b0 == 0xE0)
			*lo = 0xA0; /* overlong below U+0800 */
		else if (b0 == 0xED)
			*hi = 0x9F; /* surrogates */
		return 2;
	}
	if (b0 >= 0xF0 && b0 <= 0xF4) {
		*cp = b0 & 0x07;
		if (b0 == 0xF0)
			*lo = 0x90; /* overlong below U+10000 */
		else if (b0 == 0xF4)
			*hi = 0x8F; /* above U+10FFFF */
		return 3;
	}
	return -1;
}

/*
 * Strict UTF-8 (RFC 3629).  On an invalid sequence returns U+FFFD and skips
 * the maximal subpart of it (the longest prefix that could have started a
 * valid sequence, at least one byte), as Unicode recommends, so one bad byte
 * never swallows the valid characters after it.
 */
uint32_t utf8_next(const char **s, const char *end)
{
	const unsigned char *p = (const unsigned char *)*s;
	const unsigned char *e = (const unsigned char *)end;

	if (p >= e)
		return 0xFFFD;
	if (p[0] < 0x80) {
		*s += 1;
		return p[0];
	}
	uint32_t cp;
	unsigned char lo, hi;
	int need = lead(p[0], &cp, &lo, &hi);
	if (need < 0) {
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

size_t utf8_valid_len(const unsigned char *p, size_t left)
{
	if (p[0] < 0x80)
		return 1;
	uint32_t cp;
	unsigned char lo, hi;
	int need = lead(p[0], &cp, &lo, &hi);
	if (need < 0 || left < (size_t)need + 1)
		return 0;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (int i = 2; i <= need; i++)
		if (!is_cont(p[i]))
			return 0;
	return (size_t)need + 1;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

char *utf8_copy_trunc(char *buf, size_t size, const char *src)
{
	if (!buf || size == 0)
		return buf;
	size_t n = strlen(src);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && is_cont((unsigned char)src[n]))
			n--;
	}
	memcpy(buf, src, n);
	buf[n] = '\0';
	return buf;
}
