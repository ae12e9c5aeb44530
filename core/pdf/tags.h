/*
 * tags.h - the tagged PDF's structure tree (PDF/UA-1, PDF/A-3a): the
 * writer marks each page's content with MCIDs as it draws (tags_mcid,
 * tags_annot), and at the end tags_finish writes the StructTreeRoot, the
 * structure elements of doc->elems and the ParentTree.  Private to the PDF
 * writer (includes hpdf.h).
 */
#ifndef RAPPORT_PDF_TAGS_H
#define RAPPORT_PDF_TAGS_H

#include <hpdf.h>

#include "page/page.h"
#include "pdf/objstm.h"

typedef struct pdf_tags pdf_tags;

pdf_tags *tags_new(void);
void tags_free(pdf_tags *t);

/* The name of role's structure type (written in BDC and /S). */
const char *tags_role_name(int role);

/* The next MCID of page pg, for content of element elem. */
int tags_mcid(pdf_tags *t, size_t pg, int elem);
/* Records annotation annot on page pg as an OBJR kid of element elem. */
void tags_annot(pdf_tags *t, size_t pg, HPDF_Dict annot, int elem);

/* Writes the structure tree of doc (its elements and the content marked
 * so far) for pdf, whose pages are pages[0..npages): the StructTreeRoot,
 * MarkInfo, the pages' /StructParents and /Tabs, the annotations'
 * /StructParent.  The elements and the ParentTree go into *objs (numbered
 * after every object pdf has: call this after all of them are made), for
 * objstm_rewrite.  Returns HPDF_OK or a libharu error. */
HPDF_STATUS tags_finish(pdf_tags *t, HPDF_Doc pdf, const document *doc, HPDF_Page *pages,
                        size_t npages, pdf_objs *objs);

#endif
