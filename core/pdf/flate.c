/*
 * flate.c - parallel stream compression with libdeflate (see flate.h).
 */
#include "pdf/flate.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/arena.h"
#include "pdf/pdf.h"

/* libdeflate's level 5: output still a little smaller than libharu's (zlib
 * at its default level 6), in less than half the time; libdeflate's own
 * level 6 saves another 1 % of the file for 10 % more time on long reports
 * (docs/performance.md). */
#define FLATE_LEVEL 5

typedef struct job {
	HPDF_Dict dict;
	uint8_t *raw; /* the stream's bytes, freed once compressed */
	size_t raw_len;
	uint8_t *out; /* the compressed bytes, NULL if compressing failed */
	size_t out_len;
} job;

struct flate_queue {
	pthread_mutex_t lock;
	pthread_cond_t more; /* a job was added, or the queue closed */
	job *jobs;           /* under lock: the array moves as it grows */
	size_t n, cap, next; /* jobs, room, first job not yet taken */
	int closed;
	int threaded;
	pthread_t thread;
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

/* Compresses jobs of q as they come until q is closed and empty (with
 * wait set) or no job is waiting (wait clear). */
static void drain(flate_queue *q, struct libdeflate_compressor *c, int wait)
{
	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (q->next == q->n && !q->closed && wait)
			pthread_cond_wait(&q->more, &q->lock);
		if (q->next == q->n)
			break;
		size_t i = q->next++;
		const uint8_t *raw = q->jobs[i].raw;
		size_t raw_len = q->jobs[i].raw_len;
		pthread_mutex_unlock(&q->lock);
		size_t out_len;
		uint8_t *out = compress(c, raw, raw_len, &out_len); /* NULL: left to libharu */
		pthread_mutex_lock(&q->lock);
		q->jobs[i].out = out;
		q->jobs[i].out_len = out_len;
	}
	pthread_mutex_unlock(&q->lock);
}

static void *queue_thread(void *arg)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(FLATE_LEVEL);
	drain(arg, c, 1);
	libdeflate_free_compressor(c);
	return NULL;
}

flate_queue *flate_queue_new(void)
{
	flate_queue *q = xcalloc(1, sizeof(*q));
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->more, NULL);
	q->threaded = pthread_create(&q->thread, NULL, queue_thread, q) == 0;
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
	pthread_mutex_lock(&q->lock);
	if (q->n == q->cap) {
		q->cap = q->cap ? 2 * q->cap : 256;
		q->jobs = xrealloc(q->jobs, q->cap * sizeof(*q->jobs));
	}
	q->jobs[q->n++] = (job){.dict = dict, .raw = raw, .raw_len = len};
	pthread_cond_signal(&q->more);
	pthread_mutex_unlock(&q->lock);
	return HPDF_OK;
}

HPDF_STATUS flate_queue_finish(flate_queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->closed = 1;
	pthread_cond_broadcast(&q->more);
	pthread_mutex_unlock(&q->lock);
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(FLATE_LEVEL);
	drain(q, c, 0);
	libdeflate_free_compressor(c);
	if (q->threaded)
		pthread_join(q->thread, NULL);

	HPDF_STATUS st = HPDF_OK;
	for (size_t i = 0; i < q->n; i++) {
		job *j = &q->jobs[i];
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
	}
	free(q->jobs);
	pthread_cond_destroy(&q->more);
	pthread_mutex_destroy(&q->lock);
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
