#include "pdf/ttf.h"

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

/* ------------------------------------------------------------ subsetting */

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* A table of the font: its bytes, or NULL (len 0) if absent or out of
 * bounds. */
typedef struct table {
	const uint8_t *p;
	size_t len;
} table;

static table find_table(const uint8_t *in, size_t len, const char *tag)
{
	table t = {NULL, 0};
	if (len < 12)
		return t;
	size_t n = get16(in + 4);
	if (12 + 16 * n > len)
		return t;
	for (size_t i = 0; i < n; i++) {
		const uint8_t *e = in + 12 + 16 * i;
		if (memcmp(e, tag, 4) != 0)
			continue;
		uint32_t off = get32(e + 8), l = get32(e + 12);
		if (off <= len && l <= len - off) {
			t.p = in + off;
			t.len = l;
		}
		break;
	}
	return t;
}

size_t ttf_num_glyphs(const uint8_t *in, size_t len)
{
	table maxp = find_table(in, len, "maxp");
	return maxp.len >= 6 ? get16(maxp.p + 4) : 0;
}

/* Composite glyph flags (the 'glyf' table's component records). */
enum {
	ARGS_ARE_WORDS = 0x0001,
	HAVE_SCALE = 0x0008,
	MORE_COMPONENTS = 0x0020,
	HAVE_XY_SCALE = 0x0040,
	HAVE_TWO_BY_TWO = 0x0080,
};

/* What the subsetter reads of a font: the glyph outlines and their index. */
typedef struct font {
	table glyf;
	const uint8_t *loca;
	int long_loca;
	size_t num_glyphs;
} font;

/* The bytes of glyph gid in glyf, or n = 0 for an empty glyph; -1 if its
 * location is out of bounds. */
static int glyph_bytes(const font *f, size_t gid, const uint8_t **g, size_t *n)
{
	size_t a, b;
	if (f->long_loca) {
		a = get32(f->loca + 4 * gid);
		b = get32(f->loca + 4 * gid + 4);
	} else {
		a = 2u * get16(f->loca + 2 * gid);
		b = 2u * get16(f->loca + 2 * gid + 2);
	}
	if (b < a || b > f->glyf.len)
		return -1;
	*g = f->glyf.p + a;
	*n = b - a;
	return 0;
}

/* Calls fn on the offset of each component's glyph index in the composite
 * glyph g[0..n) (nothing for a simple glyph).  Returns -1 if a record runs
 * past the glyph. */
static int each_component(uint8_t *g, size_t n, const uint8_t *cg,
                          int (*fn)(void *ud, const uint8_t *cg, uint8_t *at), void *ud)
{
	if (n < 10 || (int16_t)get16(cg) >= 0)
		return 0;
	size_t at = 10;
	for (;;) {
		if (at + 4 > n)
			return -1;
		uint16_t flags = get16(cg + at);
		if (fn(ud, cg + at + 2, g ? g + at + 2 : NULL) != 0)
			return -1;
		at += 4 + ((flags & ARGS_ARE_WORDS) ? 4 : 2);
		if (flags & HAVE_SCALE)
			at += 2;
		else if (flags & HAVE_XY_SCALE)
			at += 4;
		else if (flags & HAVE_TWO_BY_TWO)
			at += 8;
		if (!(flags & MORE_COMPONENTS))
			return at <= n ? 0 : -1;
	}
}

typedef struct closure {
	uint8_t *keep;
	size_t num_glyphs;
	size_t *stack;
	size_t depth;
} closure;

static int mark_component(void *ud, const uint8_t *cg, uint8_t *at)
{
	(void)at;
	closure *c = ud;
	size_t gid = get16(cg);
	if (gid >= c->num_glyphs)
		return -1;
	if (!c->keep[gid]) {
		c->keep[gid] = 1;
		c->stack[c->depth++] = gid;
	}
	return 0;
}

static int renumber_component(void *ud, const uint8_t *cg, uint8_t *at)
{
	const uint16_t *new_gid = ud;
	put16(at, new_gid[get16(cg)]);
	return 0;
}

/* One table of the subset being written. */
typedef struct out_table {
	char tag[5];
	uint8_t *p; /* owned */
	size_t len;
} out_table;

static int add_table(out_table *t, size_t *n, const char *tag, uint8_t *p, size_t len)
{
	if (!p)
		return -1;
	memcpy(t[*n].tag, tag, 5);
	t[*n].p = p;
	t[*n].len = len;
	(*n)++;
	return 0;
}

static uint8_t *copy_of(const uint8_t *p, size_t len)
{
	uint8_t *c = malloc(len ? len : 1);
	if (c)
		memcpy(c, p, len);
	return c;
}

static int by_tag(const void *a, const void *b)
{
	return memcmp(((const out_table *)a)->tag, ((const out_table *)b)->tag, 4);
}

/* Writes the sfnt file of tables t[0..n) (sorted by tag), with every
 * checksum and head's checkSumAdjustment. */
static uint8_t *write_sfnt(out_table *t, size_t n, size_t *out_len)
{
	qsort(t, n, sizeof(*t), by_tag);
	size_t total = 12 + 16 * n;
	for (size_t i = 0; i < n; i++)
		total += (t[i].len + 3u) & ~(size_t)3;
	uint8_t *out = calloc(1, total);
	if (!out)
		return NULL;
	unsigned pow2 = 1, log2 = 0;
	while (pow2 * 2 <= n) {
		pow2 *= 2;
		log2++;
	}
	put32(out, 0x00010000u);
	put16(out + 4, (uint16_t)n);
	put16(out + 6, (uint16_t)(16 * pow2));
	put16(out + 8, (uint16_t)log2);
	put16(out + 10, (uint16_t)(16 * n - 16 * pow2));
	size_t at = 12 + 16 * n, head_at = 0;
	for (size_t i = 0; i < n; i++) {
		uint8_t *e = out + 12 + 16 * i;
		memcpy(e, t[i].tag, 4);
		memcpy(out + at, t[i].p, t[i].len);
		if (!memcmp(t[i].tag, "head", 4)) {
			head_at = at;
			put32(out + at + 8, 0);
		}
		put32(e + 4, checksum(out + at, t[i].len));
		put32(e + 8, (uint32_t)at);
		put32(e + 12, (uint32_t)t[i].len);
		at += (t[i].len + 3u) & ~(size_t)3;
	}
	put32(out + head_at + 8, 0xB1B0AFBAu - checksum(out, total));
	*out_len = total;
	return out;
}

uint8_t *ttf_subset(const uint8_t *in, size_t len, const uint8_t *keep_in, uint16_t *new_gid,
                    size_t *out_len)
{
	if (len < 12 || (get32(in) != 0x00010000u && get32(in) != 0x74727565u /* 'true' */))
		return NULL;
	table head = find_table(in, len, "head"), hhea = find_table(in, len, "hhea");
	table maxp = find_table(in, len, "maxp"), hmtx = find_table(in, len, "hmtx");
	table loca = find_table(in, len, "loca"), post = find_table(in, len, "post");
	font f = {.glyf = find_table(in, len, "glyf")};
	if (head.len < 54 || hhea.len < 36 || maxp.len < 6 || !f.glyf.p || !loca.p)
		return NULL;
	f.num_glyphs = get16(maxp.p + 4);
	f.long_loca = get16(head.p + 50) == 1;
	f.loca = loca.p;
	size_t nmetrics = get16(hhea.p + 34);
	if (f.num_glyphs == 0 || loca.len < (f.num_glyphs + 1) * (f.long_loca ? 4u : 2u) ||
	    nmetrics == 0 || nmetrics > f.num_glyphs ||
	    hmtx.len < 4 * nmetrics + 2 * (f.num_glyphs - nmetrics))
		return NULL;

	/* the glyphs to keep: those asked for, .notdef, and components */
	uint8_t *keep = calloc(f.num_glyphs, 1);
	closure c = {keep, f.num_glyphs, malloc(f.num_glyphs * sizeof(size_t)), 0};
	uint8_t *out = NULL;
	out_table t[12];
	size_t nt = 0;
	if (!keep || !c.stack)
		goto done;
	for (size_t g = 0; g < f.num_glyphs; g++)
		if ((g == 0 || keep_in[g]) && !keep[g]) {
			keep[g] = 1;
			c.stack[c.depth++] = g;
		}
	while (c.depth) {
		const uint8_t *g;
		size_t n;
		size_t gid = c.stack[--c.depth];
		if (glyph_bytes(&f, gid, &g, &n) != 0 ||
		    each_component(NULL, n, g, mark_component, &c) != 0)
			goto done;
	}
	size_t kept = 0, glyf_len = 0;
	for (size_t g = 0; g < f.num_glyphs; g++) {
		new_gid[g] = 0;
		if (!keep[g])
			continue;
		const uint8_t *gb;
		size_t n;
		glyph_bytes(&f, g, &gb, &n);
		new_gid[g] = (uint16_t)kept++;
		glyf_len += (n + 3u) & ~(size_t)3;
	}

	/* glyf, loca (long offsets) and hmtx of the kept glyphs */
	uint8_t *glyf = calloc(1, glyf_len ? glyf_len : 1);
	uint8_t *new_loca = malloc(4 * (kept + 1));
	uint8_t *new_hmtx = malloc(4 * kept);
	if (add_table(t, &nt, "glyf", glyf, glyf_len) != 0 ||
	    add_table(t, &nt, "loca", new_loca, 4 * (kept + 1)) != 0 ||
	    add_table(t, &nt, "hmtx", new_hmtx, 4 * kept) != 0) {
		free(glyf);
		free(new_loca);
		free(new_hmtx);
		goto done;
	}
	size_t at = 0;
	for (size_t g = 0; g < f.num_glyphs; g++) {
		if (!keep[g])
			continue;
		size_t k = new_gid[g];
		const uint8_t *gb;
		size_t n;
		glyph_bytes(&f, g, &gb, &n);
		put32(new_loca + 4 * k, (uint32_t)at);
		memcpy(glyf + at, gb, n);
		each_component(glyf + at, n, gb, renumber_component, new_gid);
		at += (n + 3u) & ~(size_t)3;
		size_t m = g < nmetrics ? g : nmetrics - 1;
		memcpy(new_hmtx + 4 * k, hmtx.p + 4 * m, 2); /* advance width */
		if (g < nmetrics)
			memcpy(new_hmtx + 4 * k + 2, hmtx.p + 4 * g + 2, 2);
		else
			memcpy(new_hmtx + 4 * k + 2, hmtx.p + 4 * nmetrics + 2 * (g - nmetrics), 2);
	}
	put32(new_loca + 4 * kept, (uint32_t)at);

	/* the headers, with the new counts */
	uint8_t *p;
	if (add_table(t, &nt, "head", p = copy_of(head.p, head.len), head.len) != 0)
		goto done;
	put16(p + 50, 1); /* indexToLocFormat: long */
	if (add_table(t, &nt, "hhea", p = copy_of(hhea.p, hhea.len), hhea.len) != 0)
		goto done;
	put16(p + 34, (uint16_t)kept); /* numberOfHMetrics */
	if (add_table(t, &nt, "maxp", p = copy_of(maxp.p, maxp.len), maxp.len) != 0)
		goto done;
	put16(p + 4, (uint16_t)kept); /* numGlyphs */
	if (post.len >= 32) {
		if (add_table(t, &nt, "post", p = copy_of(post.p, 32), 32) != 0)
			goto done;
		put32(p, 0x00030000u); /* version 3.0: no glyph names */
		memset(p + 16, 0, 16); /* no memory hints for Type 42 */
	}
	/* hinting and metrics tables that do not depend on glyph numbers */
	static const char *const as_is[] = {"cvt ", "fpgm", "prep", "gasp", "OS/2"};
	for (size_t i = 0; i < sizeof(as_is) / sizeof(*as_is); i++) {
		table x = find_table(in, len, as_is[i]);
		if (x.p && add_table(t, &nt, as_is[i], copy_of(x.p, x.len), x.len) != 0)
			goto done;
	}
	out = write_sfnt(t, nt, out_len);
done:
	for (size_t i = 0; i < nt; i++)
		free(t[i].p);
	free(c.stack);
	free(keep);
	return out;
}
