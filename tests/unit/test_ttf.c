/* The font program rewrite: glyph names dropped, everything else intact and
 * every checksum right, so that strict readers accept the embedded font. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pdf/ttf.h"
#include "base/file.h"

#define FONT "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t sum(const uint8_t *p, size_t len)
{
	uint32_t s = 0;
	for (size_t i = 0; i + 4 <= len; i += 4)
		s += be32(p + i);
	return s;
}

static uint8_t *slurp(const char *path, size_t *len)
{
	unsigned char *b;
	return file_read(path, 0, &b, len) == FILE_READ_OK ? b : NULL;
}

/* The directory entry of table `tag`, or NULL. */
static const uint8_t *entry(const uint8_t *font, const char *tag)
{
	size_t n = (size_t)(font[4] << 8 | font[5]);
	for (size_t i = 0; i < n; i++)
		if (memcmp(font + 12 + 16 * i, tag, 4) == 0)
			return font + 12 + 16 * i;
	return NULL;
}

static void drops_names_keeps_the_rest(void **state)
{
	(void)state;
	size_t len, out_len;
	uint8_t *in = slurp(FONT, &len);
	if (!in)
		skip();
	uint8_t *out = ttf_drop_glyph_names(in, len, &out_len);
	assert_non_null(out);
	assert_true(out_len + 20000 < len);
	const uint8_t *post = entry(out, "post");
	assert_non_null(post);
	assert_int_equal(be32(post + 12), 32);
	assert_int_equal(be32(out + be32(post + 8)), 0x00030000);
	/* italic angle and underline metrics are kept */
	const uint8_t *old_post = entry(in, "post");
	assert_memory_equal(out + be32(post + 8) + 4, in + be32(old_post + 8) + 4, 12);
	/* every other table is byte for byte the same */
	size_t n = (size_t)(out[4] << 8 | out[5]);
	for (size_t i = 0; i < n; i++) {
		const uint8_t *e = out + 12 + 16 * i;
		const uint8_t *o = entry(in, (const char *)e);
		assert_non_null(o);
		uint32_t l = be32(e + 12);
		/* each table's checksum is right, head counted with adjustment 0 */
		uint8_t *copy = calloc(1, l + 4);
		memcpy(copy, out + be32(e + 8), l);
		if (memcmp(e, "head", 4) == 0)
			memset(copy + 8, 0, 4);
		assert_int_equal(sum(copy, (l + 3) & ~3u), be32(e + 4));
		free(copy);
		if (memcmp(e, "post", 4) && memcmp(e, "head", 4)) {
			assert_int_equal(l, be32(o + 12));
			assert_memory_equal(out + be32(e + 8), in + be32(o + 8), l);
		}
	}
	/* the whole font sums to the magic number */
	assert_int_equal(sum(out, out_len), 0xB1B0AFBAu);
	free(out);
	free(in);
}

static void refuses_what_is_not_a_font(void **state)
{
	(void)state;
	size_t out_len;
	const uint8_t junk[40] = {0, 1, 0, 0, 0, 2};
	assert_null(ttf_drop_glyph_names(junk, sizeof(junk), &out_len));
	assert_null(ttf_drop_glyph_names(junk, 8, &out_len));
}

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* The bytes of glyph gid: *n of them at the returned pointer. */
static const uint8_t *glyph(const uint8_t *font, size_t gid, size_t *n)
{
	const uint8_t *head = font + be32(entry(font, "head") + 8);
	const uint8_t *loca = font + be32(entry(font, "loca") + 8);
	const uint8_t *glyf = font + be32(entry(font, "glyf") + 8);
	size_t a, b;
	if (be16(head + 50)) {
		a = be32(loca + 4 * gid);
		b = be32(loca + 4 * gid + 4);
	} else {
		a = 2u * be16(loca + 2 * gid);
		b = 2u * be16(loca + 2 * gid + 2);
	}
	*n = b - a;
	return glyf + a;
}

/* Advance width of glyph gid (hmtx). */
static unsigned advance(const uint8_t *font, size_t gid)
{
	const uint8_t *hhea = font + be32(entry(font, "hhea") + 8);
	const uint8_t *hmtx = font + be32(entry(font, "hmtx") + 8);
	size_t nm = be16(hhea + 34);
	return be16(hmtx + 4 * (gid < nm ? gid : nm - 1));
}

/* The bytes of a composite glyph's component record with these flags:
 * flags, glyph index, two arguments (words or bytes), then a scale (one
 * value, x and y, or a 2 x 2 matrix) if any. */
static size_t component_size(uint16_t flags)
{
	size_t args = (flags & 1) ? 4 : 2;
	size_t scale = (flags & 8) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0;
	return 4 + args + scale;
}

/* A subset keeps exactly the glyphs asked for, .notdef and the parts of
 * composite glyphs, renumbered in order, each with its outline and advance
 * width, and with the composite glyphs pointing at the parts' new numbers. */
static void subsets_and_renumbers(void **state)
{
	(void)state;
	size_t len, out_len;
	uint8_t *in = slurp(FONT, &len);
	if (!in)
		skip();
	size_t num = ttf_num_glyphs(in, len);
	assert_true(num > 1000);
	/* a composite glyph (e.g. a letter with an accent) and two simple ones */
	size_t composite = 0, simple1 = 0, simple2 = 0;
	for (size_t g = 1; g < num && (!composite || !simple2); g++) {
		size_t n;
		const uint8_t *gb = glyph(in, g, &n);
		if (n < 10)
			continue;
		if ((int16_t)be16(gb) < 0 && !composite)
			composite = g;
		else if ((int16_t)be16(gb) > 0 && !simple1)
			simple1 = g;
		else if ((int16_t)be16(gb) > 0 && !simple2)
			simple2 = g;
	}
	assert_true(composite && simple1 && simple2);
	uint8_t *keep = calloc(num, 1);
	uint16_t *new_gid = calloc(num, sizeof(*new_gid));
	keep[composite] = keep[simple1] = keep[simple2] = 1;
	uint8_t *out = ttf_subset(in, len, keep, new_gid, &out_len);
	assert_non_null(out);
	assert_true(out_len < len / 20);
	assert_int_equal(sum(out, out_len), 0xB1B0AFBAu);
	assert_null(entry(out, "cmap"));
	assert_int_equal(be32(out + be32(entry(out, "post") + 8)), 0x00030000);

	/* the composite's parts: glyph ids right after each component's flags */
	size_t n;
	const uint8_t *cg = glyph(in, composite, &n);
	size_t parts[8], nparts = 0;
	for (size_t at = 10;;) {
		uint16_t flags = be16(cg + at);
		parts[nparts++] = be16(cg + at + 2);
		at += component_size(flags);
		if (!(flags & 0x20) || nparts == 8)
			break;
	}
	size_t expect = 1 + 3; /* .notdef and the three asked for */
	for (size_t i = 0; i < nparts; i++)
		if (parts[i] != simple1 && parts[i] != simple2 && parts[i] != 0 &&
		    (i == 0 || parts[i] != parts[i - 1]))
			expect++;
	assert_int_equal(ttf_num_glyphs(out, out_len), expect);

	/* every kept glyph: same advance, same outline (composites: same but
	 * for the renumbered parts), numbered in the original order */
	size_t prev = 0;
	for (size_t g = 0; g < num; g++) {
		if (g && !new_gid[g])
			continue;
		assert_true(g == 0 || new_gid[g] == prev + 1);
		prev = new_gid[g];
		assert_int_equal(advance(out, new_gid[g]), advance(in, g));
		size_t a, b;
		const uint8_t *old = glyph(in, g, &a), *now = glyph(out, new_gid[g], &b);
		assert_int_equal(a, b);
		if (g != composite)
			assert_memory_equal(old, now, a);
	}
	cg = glyph(out, new_gid[composite], &n);
	for (size_t i = 0, at = 10; i < nparts; i++) {
		uint16_t flags = be16(cg + at);
		assert_int_equal(be16(cg + at + 2), new_gid[parts[i]]);
		assert_true(new_gid[parts[i]] != 0 || parts[i] == 0);
		at += component_size(flags);
	}
	free(out);
	free(keep);
	free(new_gid);
	free(in);
}

/* A font cut short or with a glyph pointing outside glyf is refused. */
static void subset_refuses_a_broken_font(void **state)
{
	(void)state;
	size_t len, out_len;
	uint8_t *in = slurp(FONT, &len);
	if (!in)
		skip();
	size_t num = ttf_num_glyphs(in, len);
	uint8_t *keep = calloc(num, 1);
	uint16_t *new_gid = calloc(num, sizeof(*new_gid));
	keep[36] = 1;
	assert_null(ttf_subset(in, len / 2, keep, new_gid, &out_len));
	assert_null(ttf_subset(in, 40, keep, new_gid, &out_len));
	/* glyph 36's end moved past the end of glyf */
	uint8_t *loca = in + be32(entry(in, "loca") + 8);
	int long_loca = be16(in + be32(entry(in, "head") + 8) + 50);
	if (long_loca)
		memset(loca + 4 * 37, 0xFF, 4);
	else
		memset(loca + 2 * 37, 0xFF, 2);
	assert_null(ttf_subset(in, len, keep, new_gid, &out_len));
	free(keep);
	free(new_gid);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(drops_names_keeps_the_rest),
	        cmocka_unit_test(refuses_what_is_not_a_font),
	        cmocka_unit_test(subsets_and_renumbers),
	        cmocka_unit_test(subset_refuses_a_broken_font),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
