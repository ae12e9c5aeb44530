/*
 * flate.c - parallel stream compression with libdeflate (see flate.h).
 */
#include "pdf/flate.h"

#include <libdeflate.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/arena.h"
#include "base/task.h"
#include "pdf/pdf.h"

/* libdeflate's level 5: output still a little smaller than libharu's (zlib
 * at its default level 6), in less than half the time; libdeflate's own
 * level 6 saves another 1 % of the file for 10 % more time on long reports
 * (docs/performance.md). */
#define FLATE_LEVEL 5

typedef struct job {
	HPDF_Dict dict;
	uint8_t *raw; /* the stream's bytes */
	size_t raw_len;
	uint8_t *out; /* the compressed bytes, NULL if compressing failed */
	size_t out_len;
} job;

struct flate_queue {
	task_queue *q; /* compresses each job as it comes */
	job **jobs;    /* in the order added; only the caller's thread */
	size_t n, cap;
};

/* Writes the key libharu leaves out for a stream whose filter is NONE. */
static HPDF_STATUS write_filter(HPDF_Dict dict, HPDF_Stream stream)
{
	(void)dict;
	return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* Whether libharu would deflate dict's stream, and nothing else about the
 * stream stands in the way of handing it bytes already compressed. */
static int compressible(const void *obj)
{
	const HPDF_Obj_Header *h = obj;
	if ((h->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT)
		return 0;
	const HPDF_Dict_Rec *dict = obj;
	return dict->stream && dict->stream->type == HPDF_STREAM_MEMORY &&
	       dict->filter == HPDF_STREAM_FILTER_FLATE_DECODE && !dict->filterParams &&
	       !dict->before_write_fn && !dict->write_fn && !dict->after_write_fn;
}

/* data[0..size) compressed with c (which may be NULL: out of memory) into
 * a malloc'ed buffer, its length in *out_len; NULL on failure. */
static uint8_t *compress(struct libdeflate_compressor *c, const void *data, size_t size,
                         size_t *out_len)
{
	size_t cap = c ? libdeflate_zlib_compress_bound(c, size) : 0;
	uint8_t *out = c ? malloc(cap) : NULL;
	*out_len = out ? libdeflate_zlib_compress(c, data, size, out, cap) : 0;
	if (*out_len == 0) {
		free(out);
		return NULL;
	}
	return out;
}

unsigned char *pdf_deflate(const void *data, size_t size, size_t *out_len)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(FLATE_LEVEL);
	unsigned char *out = compress(c, data, size, out_len);
	libdeflate_free_compressor(c);
	return out;
}

HPDF_STATUS flate_set_compressed(HPDF_Dict dict, const uint8_t *bytes, size_t len)
{
	HPDF_MemStream_FreeData(dict->stream);
	HPDF_STATUS st = HPDF_Stream_Write(dict->stream, bytes, (HPDF_UINT)len);
	if (st == HPDF_OK) {
		dict->filter = HPDF_STREAM_FILTER_NONE;
		dict->write_fn = write_filter;
	}
	return st;
}

/* A worker thread's compressor (NULL when out of memory: every job it
 * takes is then left to libharu). */
static void *compressor_new(void)
{
	return libdeflate_alloc_compressor(FLATE_LEVEL);
}

static void compressor_free(void *c)
{
	libdeflate_free_compressor(c);
}

/* Compresses one job with the worker's compressor c. */
static void compress_job(void *c, void *item)
{
	job *j = item;
	j->out = compress(c, j->raw, j->raw_len, &j->out_len); /* NULL: left to libharu */
}

flate_queue *flate_queue_new(void)
{
	flate_queue *q = xcalloc(1, sizeof(*q));
	q->q = task_queue_new(compress_job, compressor_new, compressor_free);
	return q;
}

HPDF_STATUS flate_queue_add(flate_queue *q, HPDF_Dict dict)
{
	if (!compressible(dict))
		return HPDF_OK;
	uint8_t *raw;
	size_t len;
	HPDF_STATUS st = read_whole_stream(dict->stream, &raw, &len);
	if (st != HPDF_OK)
		return st;
	HPDF_MemStream_FreeData(dict->stream);
	/* until the bytes come back, libharu must not compress the empty
	 * stream: marked as already compressed */
	dict->filter = HPDF_STREAM_FILTER_NONE;
	dict->write_fn = write_filter;
	if (q->n == q->cap) {
		q->cap = q->cap ? 2 * q->cap : 256;
		q->jobs = xrealloc(q->jobs, q->cap * sizeof(*q->jobs));
	}
	job *j = xcalloc(1, sizeof(*j));
	*j = (job){.dict = dict, .raw = raw, .raw_len = len};
	q->jobs[q->n++] = j;
	task_queue_add(q->q, j);
	return HPDF_OK;
}

HPDF_STATUS flate_queue_finish(flate_queue *q)
{
	task_queue_finish(q->q);
	HPDF_STATUS st = HPDF_OK;
	for (size_t i = 0; i < q->n; i++) {
		job *j = q->jobs[i];
		if (st == HPDF_OK) {
			if (j->out) {
				st = flate_set_compressed(j->dict, j->out, j->out_len);
			} else { /* not compressed: back as it was, for libharu */
				HPDF_MemStream_FreeData(j->dict->stream);
				st = HPDF_Stream_Write(j->dict->stream, j->raw,
				                       (HPDF_UINT)j->raw_len);
				j->dict->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
				j->dict->write_fn = NULL;
			}
		}
		free(j->raw);
		free(j->out);
		free(j);
	}
	free(q->jobs);
	free(q);
	return st;
}

HPDF_STATUS read_whole_stream(HPDF_Stream s, uint8_t **data, size_t *len)
{
	HPDF_UINT size = HPDF_Stream_Size(s);
	uint8_t *buf = xmalloc(size ? size : 1);
	HPDF_UINT got = size;
	HPDF_STATUS st = HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET);
	if (st == HPDF_OK && size)
		st = HPDF_Stream_Read(s, buf, &got);
	if (st == HPDF_OK && got != size)
		st = HPDF_INVALID_STREAM;
	if (st != HPDF_OK) {
		free(buf);
		return st;
	}
	*data = buf;
	*len = size;
	return HPDF_OK;
}

HPDF_STATUS flate_queue_add_all(flate_queue *q, HPDF_Doc pdf)
{
	HPDF_STATUS st = HPDF_OK;
	for (HPDF_Xref x = pdf->xref; x && st == HPDF_OK; x = x->prev)
		for (HPDF_UINT i = 0; i < x->entries->count && st == HPDF_OK; i++) {
			HPDF_XrefEntry e = HPDF_List_ItemAt(x->entries, i);
			if (e && e->obj)
				st = flate_queue_add(q, e->obj);
		}
	return st;
}
