/*
 * pdf.h - the PDF writer: the only code in rapport that includes hpdf.h.
 *
 * Usage:
 *   pdf_writer *w = pdf_writer_new(fonts_list_path, &diag);  // loads the faces
 *   const metrics *m = pdf_writer_metrics(w);                // for layout
 *   ... layout produces a document using m ...
 *   pdf_writer_write(w, &doc, tmp_path, &diag);              // draws and saves
 *   pdf_writer_free(w);
 */
#ifndef RAPPORT_PDF_H
#define RAPPORT_PDF_H

#include "base/diag.h"
#include "page/page.h"
#include "text/fonts.h"

typedef struct pdf_writer pdf_writer;

/* Creates a PDF document and loads the faces named in the fonts list file
 * (see fonts/fonts.list).  Returns NULL after reporting to d. */
pdf_writer *pdf_writer_new(const char *fonts_list, diag *d);
/* Metrics of the loaded faces; valid as long as the writer. */
const metrics *pdf_writer_metrics(pdf_writer *w);
/* The font files in use, for --verbose: face i's path or NULL. */
const char *pdf_writer_font_path(const pdf_writer *w, face_id f);
/* Draws every page of doc (those pdf_writer_draw drew: what was added to
 * them since), adds the outline, links and information, and saves
 * to path as PDF/A-3b: XMP metadata, sRGB output intent, the attached files,
 * an /ID computed from the file's own bytes.  With pdf_writer_release_pages
 * set, each page's operations are freed once it is drawn.  Returns 0, or -1
 * after reporting to d. */
int pdf_writer_write(pdf_writer *w, document *doc, const char *path, diag *d);
/* yes = 1: pdf_writer_write frees each page's operations (malloc'd by the
 * layout) as soon as the page is drawn; they are half the memory of a long
 * document while libharu saves.  The rest of the document stays. */
void pdf_writer_release_pages(pdf_writer *w, int yes);

/* Draws pages [from, to) of doc now, while the layout goes on: the layout
 * will add nothing more to them but what pdf_writer_write then draws into a
 * second content stream of the page (the running head and foot).  Each
 * page's content is compressed beside the drawing of the next, and its
 * operations are freed (the writer must release pages).  A page that links
 * to one not made yet is left for pdf_writer_write.  Returns 0, or -1 after
 * reporting to d (pdf_writer_write then fails too). */
int pdf_writer_draw(pdf_writer *w, document *doc, size_t from, size_t to, diag *d);
void pdf_writer_free(pdf_writer *w);

/* A file embedded in the PDF as a PDF/A-3 associated file. */
typedef struct pdf_attachment {
	const char *name;         /* file name, no directory; distinct */
	const char *desc;         /* /Desc, or NULL */
	const char *mime;         /* "application/json" */
	const char *relationship; /* /AFRelationship: "Source", "Supplement", "Data" */
	const unsigned char *data;
	size_t size;
	/* optional, to spare the writer the work: data compressed by
	 * pdf_deflate (NULL: the writer compresses it), and its MD5 (if
	 * has_md5; else the writer computes it) */
	const unsigned char *deflated;
	size_t deflated_size;
	unsigned char md5[16];
	int has_md5;
} pdf_attachment;

/* data[0..size) compressed as the writer compresses its streams (zlib
 * format); malloc'ed, its length in *out_len; NULL if out of memory.  Safe
 * to call from any thread (it does not touch libharu). */
unsigned char *pdf_deflate(const void *data, size_t size, size_t *out_len);

/* Files pdf_writer_write embeds; a and the data it points to must stay valid
 * until then.  A later call replaces the list. */
void pdf_writer_attach(pdf_writer *w, const pdf_attachment *a, size_t n);
/* The sRGB ICC profile every PDF carries as its PDF/A output intent. */
const char *pdf_icc_profile_path(void);

#endif
