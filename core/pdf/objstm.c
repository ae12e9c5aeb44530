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

/* Compresses the objects not yet in a stream into one. */
static void flush(pdf_objs *o)
{
	size_t count = o->n - o->done;
	if (!count)
		return;
	/* "number offset" pairs, then the bodies, each ended by a newline */
	size_t hcap = 24 * count + 1, hlen = 0;
	char *head = xmalloc(hcap + o->len + count);
	for (size_t i = 0; i < count; i++)
		hlen += (size_t)snprintf(head + hlen, hcap - hlen, "%u %zu ",
		                         o->first + (unsigned)(o->done + i), o->start[i] + i);
	size_t at = hlen;
	for (size_t i = 0; i < count; i++) {
		size_t n = o->start[i + 1] - o->start[i];
		memcpy(head + at, o->buf + o->start[i], n);
		at += n;
		head[at++] = '\n';
	}
	size_t zlen;
	unsigned char *z = pdf_deflate(head, at, &zlen);
	free(head);
	if (!z)
		o->failed = 1;
	GROW(o->streams, o->streams_cap, o->nstreams + 1);
	o->streams[o->nstreams++] = (struct objs_stream){z, zlen, count, hlen};
	o->done = o->n;
	o->len = 0;
	o->start[0] = 0;
}

void objs_begin(pdf_objs *o)
{
	if (o->n - o->done == OBJS_PER_STREAM)
		flush(o);
	size_t k = o->n - o->done;
	if (o->start_cap < k + 2)
		GROW(o->start, o->start_cap, k + 2);
	o->start[k] = o->len;
	o->start[k + 1] = o->len;
	o->n++;
}

void objs_finish(pdf_objs *o)
{
	flush(o);
}

void objs_put(pdf_objs *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->buf = xrealloc(o->buf, o->cap);
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->start[o->n - o->done] = o->len;
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
	for (size_t i = 0; i < o->nstreams; i++)
		free(o->streams[i].data);
	free(o->streams);
	memset(o, 0, sizeof(*o));
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

unsigned char *objstm_rewrite(unsigned char *pdf, size_t *size, const pdf_objs *o)
{
	/* libharu's end: "xref\n0 N\n" N entries of 20 bytes, "trailer\n<<\n"
	 * entries ">>\nstartxref\n..." */
	size_t len = *size;
	const unsigned char *x = last_of(pdf, len, "\nxref\n0 ");
	if (!x || o->failed || o->done != o->n) {
		free(pdf);
		return NULL;
	}
	x++;
	char *end;
	unsigned long count = strtoul((const char *)x + 7, &end, 10);
	if (*end != '\n' || count != o->first) {
		free(pdf);
		return NULL;
	}
	const unsigned char *entries = (const unsigned char *)end + 1;
	if ((size_t)(entries - pdf) + 20 * (size_t)count > len) {
		free(pdf);
		return NULL;
	}
	const unsigned char *tr = entries + 20 * count;
	const unsigned char *tr_end =
	        (size_t)(pdf + len - tr) >= 12 && memcmp(tr, "trailer\n<<\n", 11) == 0
	                ? last_of(tr, (size_t)(pdf + len - tr), ">>\nstartxref")
	                : NULL;
	if (!tr_end) {
		free(pdf);
		return NULL;
	}

	/* what is read from the old end before it is overwritten */
	unsigned stream0 = o->first + (unsigned)o->n; /* the object streams' numbers */
	unsigned xref_no = stream0 + (unsigned)o->nstreams, total = xref_no + 1;
	size_t *offset = xcalloc(total, sizeof(*offset));
	for (unsigned long i = 1; i < count; i++)
		offset[i] = strtoul((const char *)entries + 20 * i, NULL, 10);
	size_t trailer_len = 0;
	char *trailer = xmalloc((size_t)(tr_end - tr) + 1);
	for (const unsigned char *p = tr + 11; p < tr_end;) { /* its entries but /Size */
		const unsigned char *nl = memchr(p, '\n', (size_t)(tr_end - p));
		const unsigned char *e = nl ? nl + 1 : tr_end;
		if (!(e - p >= 5 && memcmp(p, "/Size", 5) == 0)) {
			memcpy(trailer + trailer_len, p, (size_t)(e - p));
			trailer_len += (size_t)(e - p);
		}
		p = e;
	}
	size_t at = (size_t)(x - pdf);
	size_t need = at + trailer_len + 400 + (size_t)total * 9 + 64 * o->nstreams;
	for (size_t s = 0; s < o->nstreams; s++)
		need += o->streams[s].len;
	unsigned char *b = realloc(pdf, need);
	if (!b) {
		free(pdf);
		free(offset);
		free(trailer);
		return NULL;
	}

	/* the object streams */
	for (size_t s = 0; s < o->nstreams; s++) {
		const struct objs_stream *os = &o->streams[s];
		offset[stream0 + s] = at;
		at += (size_t)snprintf((char *)b + at, need - at,
		                       "%u 0 obj\n<</Type /ObjStm /N %zu /First %zu /Filter "
		                       "/FlateDecode /Length %zu>>\nstream\n",
		                       stream0 + (unsigned)s, os->count, os->first, os->len);
		memcpy(b + at, os->data, os->len);
		at += os->len;
		memcpy(b + at, "\nendstream\nendobj\n", 18);
		at += 18;
	}

	/* the cross-reference stream: type, offset or stream, generation or
	 * index */
	offset[xref_no] = at;
	int W1 = 1, W2 = 1, W3 = 2;
	while (W2 < 8 && (offset[xref_no] >> (8 * W2)) > 0)
		W2++;
	if (W2 < 2)
		W2 = 2; /* the object streams' numbers */
	size_t rowlen = (size_t)(W1 + W2 + W3);
	unsigned char *rows = xcalloc(total, rowlen);
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
	/* the PNG Up predictor: each row as its difference from the one
	 * before, after a filter byte (2); consecutive entries differ in a
	 * byte or two, so the table compresses to almost nothing */
	unsigned char *up = xmalloc((size_t)total * (rowlen + 1));
	for (size_t i = 0; i < total; i++) {
		unsigned char *r = up + i * (rowlen + 1), *cur = rows + i * rowlen;
		r[0] = 2;
		for (size_t j = 0; j < rowlen; j++)
			r[1 + j] = (unsigned char)(cur[j] - (i ? cur[j - rowlen] : 0));
	}
	free(rows);
	size_t zlen;
	unsigned char *zs = pdf_deflate(up, (size_t)total * (rowlen + 1), &zlen);
	free(up);
	if (!zs || at + zlen + trailer_len + 300 > need) {
		free(zs);
		free(offset);
		free(trailer);
		free(b);
		return NULL;
	}
	at += (size_t)snprintf((char *)b + at, need - at,
	                       "%u 0 obj\n<</Type /XRef /Size %u /W [%d %d %d] /Filter "
	                       "/FlateDecode /DecodeParms <</Columns %zu /Predictor 12>> /Length "
	                       "%zu\n",
	                       xref_no, total, W1, W2, W3, rowlen, zlen);
	memcpy(b + at, trailer, trailer_len);
	at += trailer_len;
	memcpy(b + at, ">>\nstream\n", 10);
	at += 10;
	memcpy(b + at, zs, zlen);
	at += zlen;
	at += (size_t)snprintf((char *)b + at, need - at,
	                       "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n", offset[xref_no]);
	free(zs);
	free(offset);
	free(trailer);
	*size = at;
	return b;
}
