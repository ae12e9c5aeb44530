/*
 * objstm.c - object streams and the cross-reference stream (see objstm.h).
 */
#include "pdf/objstm.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "pdf/pdf.h"

/* Objects per object stream: readers load a whole stream to get one. */
#define OBJS_PER_STREAM 1000

void objs_begin(pdf_objs *o)
{
	if (o->start_cap < o->n + 2)
		GROW(o->start, o->start_cap, o->n + 2);
	o->start[o->n++] = o->len;
	o->start[o->n] = o->len;
}

void objs_put(pdf_objs *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->buf = xrealloc(o->buf, o->cap);
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->start[o->n] = o->len;
}

void objs_puts(pdf_objs *o, const char *s)
{
	objs_put(o, s, strlen(s));
}

void objs_printf(pdf_objs *o, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(tmp)) {
		objs_put(o, tmp, (size_t)n);
		return;
	}
	char *big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	objs_put(o, big, (size_t)n);
	free(big);
}

void objs_free(pdf_objs *o)
{
	free(o->buf);
	free(o->start);
	memset(o, 0, sizeof(*o));
}

/* A growing byte buffer. */
struct out {
	unsigned char *s;
	size_t len, cap;
};

static void out_put(struct out *b, const void *s, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
}

static void out_str(struct out *b, const char *s)
{
	out_put(b, s, strlen(s));
}

/* The last occurrence of needle in hay[0..n), or NULL. */
static const unsigned char *last_of(const unsigned char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
		if (memcmp(hay + i, needle, k) == 0)
			return hay + i;
	return NULL;
}

static void put_be(unsigned char *p, uint64_t v, int bytes)
{
	for (int i = bytes - 1; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
}

unsigned char *objstm_rewrite(const unsigned char *pdf, size_t size, const pdf_objs *o,
                              size_t *out_size)
{
	/* libharu's end: "xref\n0 N\n" N entries of 20 bytes, "trailer\n<<\n"
	 * entries ">>\nstartxref\n..." */
	const unsigned char *x = last_of(pdf, size, "\nxref\n0 ");
	if (!x)
		return NULL;
	x++;
	char *end;
	unsigned long count = strtoul((const char *)x + 7, &end, 10);
	if (*end != '\n' || count != o->first)
		return NULL;
	const unsigned char *entries = (const unsigned char *)end + 1;
	if ((size_t)(entries - pdf) + 20 * (size_t)count > size)
		return NULL;
	const unsigned char *tr = entries + 20 * count;
	if ((size_t)(pdf + size - tr) < 12 || memcmp(tr, "trailer\n<<\n", 11) != 0)
		return NULL;
	const unsigned char *tr_end = last_of(tr, (size_t)(pdf + size - tr), ">>\nstartxref");
	if (!tr_end)
		return NULL;

	struct out b = {0};
	out_put(&b, pdf, (size_t)(x - pdf));
	size_t nstreams = (o->n + OBJS_PER_STREAM - 1) / OBJS_PER_STREAM;
	unsigned stream0 = o->first + (unsigned)o->n; /* the object streams' numbers */
	unsigned xref_no = stream0 + (unsigned)nstreams, total = xref_no + 1;
	size_t *offset = xcalloc(total, sizeof(*offset));
	for (unsigned long i = 1; i < count; i++)
		offset[i] = strtoul((const char *)entries + 20 * i, NULL, 10);

	/* the object streams */
	char head[64];
	for (size_t s = 0; s < nstreams; s++) {
		size_t a = s * OBJS_PER_STREAM, z = a + OBJS_PER_STREAM < o->n ? a + OBJS_PER_STREAM
		                                                               : o->n;
		struct out body = {0};
		for (size_t i = a; i < z; i++) { /* number, offset (bodies end with \n) */
			int n = snprintf(head, sizeof(head), "%u %zu ", o->first + (unsigned)i,
			                 o->start[i] - o->start[a] + (i - a));
			out_put(&body, head, (size_t)n);
		}
		size_t first = body.len;
		for (size_t i = a; i < z; i++) {
			out_put(&body, o->buf + o->start[i], o->start[i + 1] - o->start[i]);
			out_put(&body, "\n", 1);
		}
		size_t zlen;
		unsigned char *zs = pdf_deflate(body.s, body.len, &zlen);
		free(body.s);
		if (!zs) {
			free(b.s);
			free(offset);
			return NULL;
		}
		offset[stream0 + s] = b.len;
		char dict[160];
		int n = snprintf(dict, sizeof(dict),
		                 "%u 0 obj\n<</Type /ObjStm /N %zu /First %zu /Filter /FlateDecode "
		                 "/Length %zu>>\nstream\n",
		                 stream0 + (unsigned)s, z - a, first, zlen);
		out_put(&b, dict, (size_t)n);
		out_put(&b, zs, zlen);
		out_str(&b, "\nendstream\nendobj\n");
		free(zs);
	}

	/* the cross-reference stream: type, offset or stream, generation or
	 * index */
	enum { W1 = 1, W2 = 4, W3 = 2 };
	size_t rowlen = W1 + W2 + W3;
	unsigned char *rows = xcalloc(total, rowlen);
	offset[xref_no] = b.len;
	for (unsigned i = 0; i < total; i++) {
		unsigned char *r = rows + (size_t)i * rowlen;
		if (i == 0) {
			put_be(r + W1, 0, W2);
			put_be(r + W1 + W2, 0xFFFF, W3);
		} else if (i >= o->first && i < stream0) {
			size_t k = i - o->first;
			r[0] = 2;
			put_be(r + W1, stream0 + k / OBJS_PER_STREAM, W2);
			put_be(r + W1 + W2, k % OBJS_PER_STREAM, W3);
		} else {
			r[0] = 1;
			put_be(r + W1, offset[i], W2);
		}
	}
	size_t zlen;
	unsigned char *zs = pdf_deflate(rows, (size_t)total * rowlen, &zlen);
	free(rows);
	if (!zs) {
		free(b.s);
		free(offset);
		return NULL;
	}
	char dict[200];
	int n = snprintf(dict, sizeof(dict),
	                 "%u 0 obj\n<</Type /XRef /Size %u /W [%d %d %d] /Filter /FlateDecode "
	                 "/Length %zu\n",
	                 xref_no, total, W1, W2, W3, zlen);
	out_put(&b, dict, (size_t)n);
	/* the trailer's entries but /Size */
	const unsigned char *p = tr + 11;
	while (p < tr_end) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(tr_end - p));
		const unsigned char *e = nl ? nl + 1 : tr_end;
		if (!(e - p >= 5 && memcmp(p, "/Size", 5) == 0))
			out_put(&b, p, (size_t)(e - p));
		p = e;
	}
	out_str(&b, ">>\nstream\n");
	out_put(&b, zs, zlen);
	free(zs);
	n = snprintf(dict, sizeof(dict), "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n",
	             offset[xref_no]);
	out_put(&b, dict, (size_t)n);
	free(offset);
	*out_size = b.len;
	return b.s;
}
