/*
 * flate.c - parallel stream compression with libdeflate (see flate.h).
 */
#include "flate.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "../arena.h"

/* libdeflate's level 6: smaller output than zlib's default level, in about
 * half the time (docs/performance.md). */
#define FLATE_LEVEL 6

/* Most threads used; more would not pay on the machines rapport targets. */
#define MAX_THREADS 8

typedef struct job {
	HPDF_Dict dict;
	uint8_t *raw; /* the stream's bytes, freed once compressed */
	size_t raw_len;
	uint8_t *out; /* the compressed bytes, NULL if compressing failed */
	size_t out_len;
} job;

typedef struct pool {
	job *jobs;
	size_t n;
	atomic_size_t next; /* first job not yet taken */
} pool;

/* Writes the key libharu leaves out for a stream whose filter is NONE. */
static HPDF_STATUS write_filter(HPDF_Dict dict, HPDF_Stream stream)
{
	(void)dict;
	return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* Whether libharu would deflate dict's stream, and nothing else about the
 * stream stands in the way of handing it bytes already compressed. */
static int compressible(const HPDF_Obj_Header *h)
{
	if ((h->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT)
		return 0;
	HPDF_Dict dict = (HPDF_Dict)(void *)h;
	return dict->stream && dict->stream->type == HPDF_STREAM_MEMORY &&
	       dict->filter == HPDF_STREAM_FILTER_FLATE_DECODE && !dict->filterParams &&
	       !dict->before_write_fn && !dict->write_fn && !dict->after_write_fn;
}

/* Takes jobs until none is left: each compresses one stream. */
static void *work(void *arg)
{
	pool *p = arg;
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(FLATE_LEVEL);
	for (;;) {
		size_t i = atomic_fetch_add(&p->next, 1);
		if (i >= p->n)
			break;
		job *j = &p->jobs[i];
		if (!c)
			continue; /* out of memory: libharu compresses it */
		size_t cap = libdeflate_zlib_compress_bound(c, j->raw_len);
		j->out = malloc(cap);
		j->out_len =
		        j->out ? libdeflate_zlib_compress(c, j->raw, j->raw_len, j->out, cap) : 0;
		if (j->out_len == 0) {
			free(j->out);
			j->out = NULL;
		}
	}
	libdeflate_free_compressor(c);
	return NULL;
}

/* Orders jobs largest first, so that the last ones taken are short. */
static int by_size_desc(const void *a, const void *b)
{
	const job *x = a, *y = b;
	return (x->raw_len < y->raw_len) - (x->raw_len > y->raw_len);
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

HPDF_STATUS flate_streams(HPDF_Doc pdf, int threads)
{
	size_t n = 0, cap = 0;
	job *jobs = NULL;
	HPDF_STATUS st = HPDF_OK;
	for (HPDF_Xref x = pdf->xref; x && st == HPDF_OK; x = x->prev)
		for (HPDF_UINT i = 0; i < x->entries->count && st == HPDF_OK; i++) {
			HPDF_XrefEntry e = HPDF_List_ItemAt(x->entries, i);
			if (!e || !e->obj || !compressible(e->obj))
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				jobs = xrealloc(jobs, cap * sizeof(*jobs));
			}
			job *j = &jobs[n];
			*j = (job){.dict = e->obj};
			st = read_whole_stream(j->dict->stream, &j->raw, &j->raw_len);
			if (st == HPDF_OK)
				n++;
		}
	if (st != HPDF_OK) {
		for (size_t i = 0; i < n; i++)
			free(jobs[i].raw);
		free(jobs);
		return st;
	}
	qsort(jobs, n, sizeof(*jobs), by_size_desc);

	pool p = {.jobs = jobs, .n = n};
	atomic_init(&p.next, 0);
	if (threads < 1) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		threads = cpus > 0 ? (int)cpus : 1;
	}
	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	if ((size_t)threads > n)
		threads = n ? (int)n : 1;
	pthread_t helper[MAX_THREADS];
	int started = 0;
	while (started < threads - 1 && pthread_create(&helper[started], NULL, work, &p) == 0)
		started++;
	work(&p);
	for (int i = 0; i < started; i++)
		pthread_join(helper[i], NULL);

	/* back to libharu, in this thread: it is not thread-safe */
	for (size_t i = 0; i < n; i++) {
		job *j = &jobs[i];
		if (st == HPDF_OK && j->out) {
			HPDF_MemStream_FreeData(j->dict->stream);
			st = HPDF_Stream_Write(j->dict->stream, j->out, (HPDF_UINT)j->out_len);
			if (st == HPDF_OK) {
				j->dict->filter = HPDF_STREAM_FILTER_NONE;
				j->dict->write_fn = write_filter;
			}
		}
		free(j->raw);
		free(j->out);
	}
	free(jobs);
	return st;
}
