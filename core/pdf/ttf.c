#include "ttf.h"

#include <stdlib.h>
#include <string.h>

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* The sfnt checksum: the sum of big-endian 32-bit words, zero-padded. */
static uint32_t checksum(const uint8_t *p, size_t len)
{
	uint32_t sum = 0;
	size_t i = 0;
	for (; i + 4 <= len; i += 4)
		sum += get32(p + i);
	if (i < len) {
		uint8_t last[4] = {0, 0, 0, 0};
		memcpy(last, p + i, len - i);
		sum += get32(last);
	}
	return sum;
}

uint8_t *ttf_drop_glyph_names(const uint8_t *in, size_t len, size_t *out_len)
{
	if (len < 12)
		return NULL;
	size_t n = get16(in + 4);
	if (n == 0 || n > 64 || 12 + 16 * n > len)
		return NULL;
	size_t total = 12 + 16 * n;
	int has_post = 0, has_head = 0;
	for (size_t i = 0; i < n; i++) {
		const uint8_t *e = in + 12 + 16 * i;
		uint32_t off = get32(e + 8), l = get32(e + 12);
		if (off > len || l > len - off)
			return NULL;
		if (memcmp(e, "post", 4) == 0) {
			if (l < 32)
				return NULL;
			l = 32;
			has_post = 1;
		}
		if (memcmp(e, "head", 4) == 0) {
			if (l < 12)
				return NULL;
			has_head = 1;
		}
		total += (l + 3u) & ~3u;
	}
	if (!has_post || !has_head)
		return NULL;

	uint8_t *out = calloc(1, total);
	if (!out)
		return NULL;
	memcpy(out, in, 12 + 16 * n);
	size_t at = 12 + 16 * n, head_at = 0;
	for (size_t i = 0; i < n; i++) {
		uint8_t *e = out + 12 + 16 * i;
		uint32_t off = get32(e + 8), l = get32(e + 12);
		if (memcmp(e, "post", 4) == 0) {
			l = 32;
			memcpy(out + at, in + off, l);
			put32(out + at, 0x00030000u); /* version 3.0: no glyph names */
			memset(out + at + 16, 0, 16); /* no memory hints for Type 42 */
		} else {
			memcpy(out + at, in + off, l);
		}
		if (memcmp(e, "head", 4) == 0) {
			head_at = at;
			put32(out + at + 8, 0); /* checkSumAdjustment, set below */
		}
		put32(e + 4, checksum(out + at, l));
		put32(e + 8, (uint32_t)at);
		put32(e + 12, l);
		at += (l + 3u) & ~3u;
	}
	put32(out + head_at + 8, 0xB1B0AFBAu - checksum(out, total));
	*out_len = total;
	return out;
}
