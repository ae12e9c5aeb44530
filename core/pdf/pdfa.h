/*
 * pdfa.h - what makes the writer's output PDF/A-3b beyond drawing: the XMP
 * metadata stream, the sRGB output intent, Info dates with a time zone, and a
 * document /ID computed from the file's own bytes.  Private to the PDF writer
 * (includes hpdf.h).
 */
#ifndef RAPPORT_PDFA_H
#define RAPPORT_PDFA_H

#include <hpdf.h>

#include "base/diag.h"
#include "pdf/objstm.h"

/* The document's descriptive metadata, exactly as written to Info (UTF-8,
 * already sanitised by the writer); any may be NULL.  Dates are in the form
 * "YYYY-MM-DDTHH:MM:SSZ" (UTC). */
typedef struct pdfa_meta {
	const char *title, *author, *subject, *keywords, *creator, *producer, *lang;
	char created[24], modified[24];
} pdfa_meta;

/* Fills m->created from date ("YYYY-MM-DD", midnight UTC) and m->modified
 * from mod_date ("YYYY-MM-DD HH:MM:SS", UTC) or, when NULL, the same as
 * created.  date NULL leaves both empty.  Returns 0, or -1 after reporting an
 * invalid date to d. */
int pdfa_dates(pdfa_meta *m, const char *date, const char *mod_date, diag *d);
/* "2021-02-11T00:00:00Z" -> "D:20210211000000Z" */
void pdfa_pdf_date(const char *iso, char out[24]);
/* Sets Info /CreationDate and /ModDate ("D:YYYYMMDDHHmmSSZ") from m. */
HPDF_STATUS pdfa_set_info_dates(HPDF_Doc pdf, const pdfa_meta *m);
/* Adds the catalog's /Metadata: an uncompressed XMP packet saying the same
 * as Info (dc:title, dc:creator, dc:description, pdf:Keywords, pdf:Producer,
 * xmp:CreatorTool, the dates, dc:language) plus pdfaid:part 3,
 * pdfaid:conformance A (tagged), pdfuaid:part 1 (PDF/UA-1). */
HPDF_STATUS pdfa_add_metadata(HPDF_Doc pdf, const pdfa_meta *m);
/* The ICC profile the output intent embeds. */
const char *pdfa_icc_path(void);
/* Adds the catalog's /OutputIntents with the sRGB ICC profile at
 * pdfa_icc_path() (ICC v2, 3 components).  Returns 0, or -1 after reporting
 * to d. */
int pdfa_add_output_intent(HPDF_Doc pdf, diag *d);
/* Saves pdf to path, with the objects of objs (if not NULL) in object
 * streams and a cross-reference stream (objstm_rewrite), and a trailer /ID
 * of two equal 16-byte strings: the first half of the SHA-256 of the file
 * as written with an all-zero /ID.  The same document therefore always gets
 * the same /ID and the same bytes.  Returns 0, or -1 after reporting to d. */
int pdfa_save(HPDF_Doc pdf, const pdf_objs *objs, const char *path, diag *d);

#endif
