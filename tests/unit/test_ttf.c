/* The font program rewrite: glyph names dropped, everything else intact and
 * every checksum right, so that strict readers accept the embedded font. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/ttf.h"

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
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	uint8_t *b = malloc(*len);
	if (fread(b, 1, *len, f) != *len) {
		free(b);
		b = NULL;
	}
	fclose(f);
	return b;
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(drops_names_keeps_the_rest),
	        cmocka_unit_test(refuses_what_is_not_a_font),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
