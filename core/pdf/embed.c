/*
 * embed.c - associated files: the report's sources inside the PDF.
 */
#include "pdf/embed.h"
#include "pdf/flate.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/digest.h"
#include "text/fonts.h"

static int by_name(const void *a, const void *b)
{
	const pdf_attachment *const *x = a, *const *y = b;
	return strcmp((*x)->name, (*y)->name); /* byte order, as for PDF string keys */
}

/* A text string for /UF and /Desc: literal when ASCII, else UTF-16BE with a
 * byte order mark.  Code points beyond the BMP become surrogate pairs. */
static void *text_string(HPDF_Doc pdf, const char *s)
{
	int ascii = 1;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x80)
			ascii = 0;
	if (ascii)
		return HPDF_String_New(pdf->mmgr, s, NULL);
	size_t len = strlen(s);
	unsigned char *u = xmalloc(4 * len + 2);
	size_t n = 0;
	u[n++] = 0xFE;
	u[n++] = 0xFF;
	const char *p = s, *end = s + len;
	while (p < end) {
		uint32_t cp = utf8_next(&p, end); /* invalid sequences give U+FFFD */
		if (cp >= 0x10000) {
			cp -= 0x10000;
			uint32_t hi = 0xD800 | cp >> 10, lo = 0xDC00 | (cp & 0x3FF);
			u[n++] = (unsigned char)(hi >> 8);
			u[n++] = (unsigned char)hi;
			cp = lo;
		}
		u[n++] = (unsigned char)(cp >> 8);
		u[n++] = (unsigned char)cp;
	}
	HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, u, (HPDF_UINT)n);
	free(u);
	return b;
}

_Static_assert(sizeof(((pdf_attachment *)0)->md5) == MD5_LEN, "pdf_attachment.md5 is an MD5");

/* The embedded file stream of one attachment. */
static HPDF_Dict file_stream(HPDF_Doc pdf, const pdf_attachment *a, const char *mod_date,
                             HPDF_STATUS *st)
{
	HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	HPDF_Dict params = HPDF_Dict_New(pdf->mmgr);
	if (!s || !params) {
		*st = HPDF_FAILD_TO_ALLOC_MEM;
		return NULL;
	}
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	unsigned char sum[MD5_LEN];
	if (a->has_md5)
		memcpy(sum, a->md5, MD5_LEN);
	else
		md5(a->data, a->size, sum);
	*st = HPDF_Dict_AddName(s, "Type", "EmbeddedFile");
	if (*st == HPDF_OK)
		*st = HPDF_Dict_AddName(s, "Subtype", a->mime); /* '/' is written as #2F */
	if (*st == HPDF_OK)
		*st = HPDF_Dict_AddNumber(params, "Size", (HPDF_INT32)a->size);
	if (*st == HPDF_OK)
		*st = HPDF_Dict_Add(params, "CheckSum", HPDF_Binary_New(pdf->mmgr, sum, MD5_LEN));
	if (*st == HPDF_OK && mod_date)
		*st = HPDF_Dict_Add(params, "ModDate", HPDF_String_New(pdf->mmgr, mod_date, NULL));
	if (*st == HPDF_OK)
		*st = HPDF_Dict_Add(s, "Params", params);
	else
		HPDF_Dict_Free(params);
	if (*st == HPDF_OK && a->deflated)
		*st = flate_set_compressed(s, a->deflated, a->deflated_size);
	else if (*st == HPDF_OK && a->size)
		*st = HPDF_Stream_Write(s->stream, a->data, (HPDF_UINT)a->size);
	return *st == HPDF_OK ? s : NULL;
}

/* The file specification of one attachment (an indirect object). */
static HPDF_Dict file_spec(HPDF_Doc pdf, const pdf_attachment *a, const char *mod_date,
                           HPDF_STATUS *st)
{
	HPDF_Dict stream = file_stream(pdf, a, mod_date, st);
	if (!stream)
		return NULL;
	HPDF_Dict spec = HPDF_Dict_New(pdf->mmgr);
	HPDF_Dict ef = HPDF_Dict_New(pdf->mmgr);
	if (!spec || !ef) {
		*st = HPDF_FAILD_TO_ALLOC_MEM;
		return NULL;
	}
	*st = HPDF_Xref_Add(pdf->xref, spec);
	if (*st == HPDF_OK)
		*st = HPDF_Dict_AddName(spec, "Type", "Filespec");
	if (*st == HPDF_OK)
		*st = HPDF_Dict_Add(spec, "F", HPDF_String_New(pdf->mmgr, a->name, NULL));
	if (*st == HPDF_OK)
		*st = HPDF_Dict_Add(spec, "UF", text_string(pdf, a->name));
	if (*st == HPDF_OK && a->desc)
		*st = HPDF_Dict_Add(spec, "Desc", text_string(pdf, a->desc));
	if (*st == HPDF_OK)
		*st = HPDF_Dict_AddName(spec, "AFRelationship", a->relationship);
	if (*st == HPDF_OK)
		*st = HPDF_Dict_Add(ef, "F", stream);
	if (*st == HPDF_OK)
		*st = HPDF_Dict_Add(ef, "UF", stream);
	if (*st == HPDF_OK)
		*st = HPDF_Dict_Add(spec, "EF", ef);
	else
		HPDF_Dict_Free(ef);
	return *st == HPDF_OK ? spec : NULL;
}

int embed_files(HPDF_Doc pdf, const pdf_attachment *a, size_t n, const char *mod_date, diag *d)
{
	if (n == 0)
		return 0;
	const pdf_attachment **sorted = xmalloc(n * sizeof(*sorted));
	for (size_t i = 0; i < n; i++)
		sorted[i] = &a[i];
	qsort(sorted, n, sizeof(*sorted), by_name);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(sorted[i - 1]->name, sorted[i]->name) == 0) {
			diag_error(d, NULL, "PDF writer: two embedded files are named \"%s\"",
			           sorted[i]->name);
			free(sorted);
			return -1;
		}
	}

	HPDF_STATUS st = HPDF_OK;
	HPDF_Array af = HPDF_Array_New(pdf->mmgr);
	HPDF_Array names = HPDF_Array_New(pdf->mmgr);
	HPDF_Dict tree = HPDF_Dict_New(pdf->mmgr);
	HPDF_Dict catalog_names = HPDF_Dict_New(pdf->mmgr);
	if (!af || !names || !tree || !catalog_names)
		st = HPDF_FAILD_TO_ALLOC_MEM;
	/* attach the containers first, so that libharu owns them from now on */
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(pdf->catalog, "AF", af);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(tree, "Names", names);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(catalog_names, "EmbeddedFiles", tree);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(pdf->catalog, "Names", catalog_names);

	/* /AF in the order given (the report's own order), the tree sorted */
	HPDF_Dict *specs = xcalloc(n, sizeof(*specs));
	for (size_t i = 0; i < n && st == HPDF_OK; i++) {
		specs[i] = file_spec(pdf, &a[i], mod_date, &st);
		if (st == HPDF_OK)
			st = HPDF_Array_Add(af, specs[i]);
		else
			diag_error(d, NULL, "PDF writer: embedding %s: libharu error 0x%04lX",
			           a[i].name, (unsigned long)st);
	}
	for (size_t i = 0; i < n && st == HPDF_OK; i++) {
		size_t k = (size_t)(sorted[i] - a);
		st = HPDF_Array_Add(names, HPDF_String_New(pdf->mmgr, a[k].name, NULL));
		if (st == HPDF_OK)
			st = HPDF_Array_Add(names, specs[k]);
	}
	free(specs);
	free(sorted);
	if (st != HPDF_OK) {
		diag_error(d, NULL, "PDF writer: writing the embedded files: libharu error 0x%04lX",
		           (unsigned long)st);
		HPDF_ResetError(pdf);
		return -1;
	}
	return 0;
}
