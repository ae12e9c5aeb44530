/*
 * objstm.h - objects the writer serializes itself (the structure tree: tens
 * of thousands of small dictionaries, which as libharu objects would cost
 * a kilobyte of memory each and, uncompressed, 80 bytes of file each), put
 * into compressed object streams; the file's classic cross-reference table
 * is then replaced by a cross-reference stream (PDF 1.5, allowed by
 * PDF/A-2 and -3), which also compresses libharu's own entries.
 */
#ifndef RAPPORT_PDF_OBJSTM_H
#define RAPPORT_PDF_OBJSTM_H

#include <stddef.h>

/* Objects first, first + 1, ... : their bodies, one after another; each
 * OBJS_PER_STREAM of them are compressed into an object stream as soon as
 * they are complete, so that the serialized text never grows large. */
typedef struct pdf_objs {
	unsigned first; /* the number of the first object (set before the first) */
	size_t n;       /* objects */
	char *buf;      /* bodies of the objects not yet in a stream */
	size_t len, cap;
	size_t *start; /* their offsets into buf, and where the last ends */
	size_t start_cap;
	size_t done; /* objects in streams */
	struct objs_stream {
		unsigned char *data; /* compressed */
		size_t len, count, first;
	} * streams;
	size_t nstreams, streams_cap;
	int failed; /* out of memory compressing */
} pdf_objs;

/* Begins the next object (number first + n). */
void objs_begin(pdf_objs *o);
/* Appends to the current object. */
void objs_put(pdf_objs *o, const char *s, size_t n);
void objs_puts(pdf_objs *o, const char *s);
void objs_printf(pdf_objs *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Puts the objects left into a last stream. */
void objs_finish(pdf_objs *o);
void objs_free(pdf_objs *o);

/* pdf[0..*size) as libharu wrote it (objects 1 .. first - 1, a classic
 * xref table, a trailer; malloc'ed) gets the object streams of o (after
 * objs_finish) in place of the table and trailer, then a cross-reference
 * stream carrying the trailer's entries.  Returns the file, reallocated in
 * place (its new size in *size), or NULL (pdf freed) if pdf does not end
 * as libharu ends a file, its objects are not numbered 1 .. first - 1, or
 * memory ran out. */
unsigned char *objstm_rewrite(unsigned char *pdf, size_t *size, const pdf_objs *o);

#endif
