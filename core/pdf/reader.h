/*
 * reader.h - reads the files embedded in a PDF (for `rapport extract` and
 * `rapport verify`).  Uses libqpdf, so it reads any well-formed PDF, also one
 * another tool has rewritten, not only rapport's own output.
 */
#ifndef RAPPORT_PDF_READER_H
#define RAPPORT_PDF_READER_H

#include <stddef.h>

#include "base/diag.h"

typedef struct pdf_embedded {
	char *name;         /* /UF, else /F; may contain anything: check before use */
	size_t name_len;    /* bytes, to detect an embedded NUL */
	char *relationship; /* /AFRelationship, or NULL */
	unsigned char *data;
	size_t size;
} pdf_embedded;

/* Reads every entry of the /EmbeddedFiles name tree of the PDF at path, in
 * the tree's order, decoding each stream.  Returns 0 with *out (n entries,
 * free with pdf_embedded_free), or -1 after reporting to d. */
int pdf_read_embedded(const char *path, pdf_embedded **out, size_t *n, diag *d);
void pdf_embedded_free(pdf_embedded *e, size_t n);

#endif
