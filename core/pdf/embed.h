/*
 * embed.h - embedded files as PDF/A-3 associated files.  Private to the PDF
 * writer (includes hpdf.h).
 */
#ifndef RAPPORT_EMBED_H
#define RAPPORT_EMBED_H

#include <hpdf.h>

#include "base/diag.h"
#include "pdf/pdf.h"

/* Embeds the n files of a: for each, an /EmbeddedFile stream (MIME
 * /Subtype, /Params with /Size, the MD5 /CheckSum and /ModDate) and a /Filespec (/F, /UF, /Desc,
 * /AFRelationship) listed both in the catalog's /AF array and in the /EmbeddedFiles name tree,
 * whose keys are written in byte order as the PDF specification requires (libharu 2.3.0's
 * HPDF_AttachFile gets this and most keys wrong).  mod_date is a PDF date
 * string: the document's own modification date, since the files' times on
 * disk would make the output depend on where and when it was built; NULL
 * leaves /ModDate out.  Names must be distinct.  Returns 0, or -1 after reporting
 * to d. */
int embed_files(HPDF_Doc pdf, const pdf_attachment *a, size_t n, const char *mod_date, diag *d);

#endif
