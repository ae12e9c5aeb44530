/*
 * flate.h - compresses the document's streams with libdeflate, in parallel.
 * Private to the PDF writer (includes hpdf.h).
 *
 * libharu 2.3.0 deflates each stream with zlib at level 6 while it saves,
 * one after another.  libdeflate is several times as fast for output a
 * little smaller, and the streams are independent, so they are compressed
 * before the save, on a second thread beside other work (flate_queue), and
 * handed back to libharu as bytes to copy.
 */
#ifndef RAPPORT_FLATE_H
#define RAPPORT_FLATE_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

/* A compressor working beside the caller: each stream handed to it is
 * compressed on another thread while the caller goes on (drawing the next
 * page).  Only the caller's thread touches libharu. */
typedef struct flate_queue flate_queue;

/* Starts the queue's thread (without one, streams are compressed at
 * flate_queue_finish).  Never NULL. */
flate_queue *flate_queue_new(void);

/* Takes dict's stream out of libharu for compressing, if libharu would
 * deflate it (a memory stream with the FlateDecode filter alone, no decode
 * parameters, no callbacks); the stream must not change afterwards.  Once
 * the queue is finished, it holds the compressed bytes and is written with
 * /Filter /FlateDecode but no further compression. */
HPDF_STATUS flate_queue_add(flate_queue *q, HPDF_Dict dict);

/* flate_queue_add for every object of pdf: call it last before the save. */
HPDF_STATUS flate_queue_add_all(flate_queue *q, HPDF_Doc pdf);

/* Waits for (and helps with) the streams still being compressed, hands
 * them all back to libharu compressed, and frees q.  Returns HPDF_OK or the
 * first libharu error (q is freed either way). */
HPDF_STATUS flate_queue_finish(flate_queue *q);

/* Makes bytes[0..len), compressed by pdf_deflate, the content of dict's
 * stream, written with /Filter /FlateDecode but not compressed again. */
HPDF_STATUS flate_set_compressed(HPDF_Dict dict, const uint8_t *bytes, size_t len);

/* Reads the stream s (a memory stream) whole into a malloc'ed buffer. */
HPDF_STATUS read_whole_stream(HPDF_Stream s, uint8_t **data, size_t *len);

#endif
