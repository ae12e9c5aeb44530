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

/* Objects first, first + 1, ... : their bodies, one after another. */
typedef struct pdf_objs {
	unsigned first; /* the number of the first object */
	size_t n;       /* objects */
	char *buf;      /* bodies */
	size_t len, cap;
	size_t *start; /* n + 1 offsets into buf */
	size_t start_cap;
} pdf_objs;

/* Begins the next object (number first + n). */
void objs_begin(pdf_objs *o);
/* Appends to the current object. */
void objs_put(pdf_objs *o, const char *s, size_t n);
void objs_puts(pdf_objs *o, const char *s);
void objs_printf(pdf_objs *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void objs_free(pdf_objs *o);

/* pdf[0..size) as libharu wrote it (objects 1 .. first - 1, a classic
 * xref table, a trailer), with the objects of o added in object streams
 * and the table and trailer replaced by a cross-reference stream carrying
 * the trailer's entries.  Returns the new file (malloc'ed, its size in
 * *out_size), or NULL if pdf does not end as libharu ends a file or its
 * objects are not numbered 1 .. first - 1. */
unsigned char *objstm_rewrite(const unsigned char *pdf, size_t size, const pdf_objs *o,
                              size_t *out_size);

#endif
