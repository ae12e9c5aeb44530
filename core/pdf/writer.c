/*
 * writer.c - draws laid-out pages with libharu: the only code in rapport that
 * includes hpdf.h (together with tounicode.c).
 *
 * libharu 2.3.0 specifics handled here (see docs in shared notes):
 *  - compression is set before any object exists (it is read at creation);
 *  - text goes through the UTF-8 encoder into Type0/Identity-H fonts, whose
 *    codes are UCS-2: code points beyond the BMP cannot be drawn, so they are
 *    drawn (and measured) as U+FFFD, and invalid UTF-8 never reaches libharu;
 *  - the font files are parsed up front (metrics), but a face's PDF font
 *    object, with its 128 KB CIDToGIDMap and /W array, is only created when
 *    the face is first drawn, so unused faces cost nothing in the file;
 *  - the /ToUnicode CMaps are replaced before saving (tounicode.c), and each
 *    font's /W array, which libharu fills with every code point of the font
 *    (15-25 KB of uncompressed text per face), is cut down to the code points
 *    drawn;
 *  - errors: the handler only records them (no longjmp); every call's result
 *    is checked and reported through diag with the libharu code.
 */
#include "pdf/pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hpdf.h>

#include "base/arena.h"
#include "pdf/embed.h"
#include "pdf/flate.h"
#include "pdf/fontlist.h"
#include "pdf/objstm.h"
#include "pdf/pdfa.h"
#include "pdf/tags.h"
#include "pdf/tounicode.h"
#include "pdf/ttf.h"

/* Per code point cache entry: width in the low 16 bits (an int16), then: */
#define CACHE_HAS   0x10000u /* the font's cmap maps the code point to a glyph */
#define CACHE_KNOWN 0x20000u /* the entry has been filled */

/* Longest piece of text handed to HPDF_Page_ShowText at once (libharu
 * silently truncates strings at 65535 bytes). */
#define SHOW_CHUNK 8192

/* Intermediate page tree nodes above this many pages (flat /Kids arrays are
 * limited to 32767 entries and slow for readers). */
#define PAGES_PER_NODE 256

struct pdf_writer {
	HPDF_Doc pdf;
	HPDF_Encoder utf8;
	font_list files;
	const char *font_name[FACE_COUNT]; /* libharu's name of each face (owned by it) */
	HPDF_FontDef def[FACE_COUNT];
	HPDF_Font font[FACE_COUNT];  /* PDF font objects, created on first use */
	uint32_t *cache[FACE_COUNT]; /* 65536 entries each, allocated on first query */
	uint8_t *drawn[FACE_COUNT];  /* bit set of the code points drawn per face */
	metrics m;

	HPDF_STATUS err, err_detail; /* first error libharu reported since the last reset */

	const pdf_attachment *attach; /* files to embed */
	size_t nattach;

	char *buf; /* sanitized text */
	size_t buf_cap;
	char *ops; /* content stream text of one text op (put_text) */
	size_t ops_cap;
	unsigned nloaded; /* font files loaded (their subset tags) */
	/* the PDF's pages made so far; early[i]: page i was drawn by
	 * pdf_writer_draw, during the layout */
	HPDF_Page *pages;
	size_t npages, pages_cap;
	unsigned char *early;
	flate_queue *queue; /* compresses each page's content once drawn */
	pdf_tags *tags;     /* the marked content drawn, for the structure tree */
	int draw_failed;    /* pdf_writer_draw failed (and reported why) */
	int used;           /* pdf_writer_write has run */
	int release_pages;  /* free each page's ops once drawn */

	struct loaded_image { /* images loaded so far: each file is embedded once */
		char *path;
		HPDF_Image img;
	} * images;
	size_t nimages, images_cap;
};

/* ------------------------------------------------------------- errors */

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
	pdf_writer *w = user_data;
	if (w && w->err == HPDF_OK) {
		w->err = error_no;
		w->err_detail = detail_no;
	}
}

/* What the common libharu error codes mean, in words. */
static const char *hpdf_error_text(HPDF_STATUS st)
{
	switch (st) {
	case HPDF_FAILD_TO_ALLOC_MEM:
		return "out of memory";
	case HPDF_FILE_IO_ERROR:
		return "file input/output error";
	case HPDF_FILE_OPEN_ERROR:
		return "cannot open file";
	case HPDF_INVALID_DOCUMENT:
		return "invalid document";
	case HPDF_INVALID_DOCUMENT_STATE:
		return "operation not allowed in the document's state";
	case HPDF_INVALID_ENCODER:
	case HPDF_INVALID_ENCODING_NAME:
		return "unknown or invalid encoding";
	case HPDF_INVALID_FONT_NAME:
		return "unknown font name";
	case HPDF_INVALID_FONTDEF_DATA:
		return "invalid font data";
	case HPDF_INVALID_PARAMETER:
		return "invalid parameter";
	case HPDF_INVALID_OBJECT:
		return "invalid object";
	case HPDF_INVALID_DESTINATION:
		return "invalid destination";
	case HPDF_INVALID_OUTLINE:
		return "invalid outline";
	case HPDF_INVALID_PAGE:
		return "invalid page";
	case HPDF_INVALID_URI:
		return "invalid URI";
	case HPDF_INVALID_DATE_TIME:
		return "invalid date";
	case HPDF_INVALID_STREAM:
		return "invalid stream";
	case HPDF_PAGE_FONT_NOT_FOUND:
		return "no font set";
	case HPDF_PAGE_INVALID_FONT:
		return "invalid font";
	case HPDF_PAGE_INVALID_FONT_SIZE:
		return "invalid font size (must be > 0 and <= 600)";
	case HPDF_PAGE_INVALID_GMODE:
		return "operator not allowed in the current graphics mode";
	case HPDF_PAGE_INVALID_SIZE:
		return "invalid page size";
	case HPDF_PAGE_OUT_OF_RANGE:
		return "value out of range";
	case HPDF_REAL_OUT_OF_RANGE:
		return "number out of range";
	case HPDF_STRING_OUT_OF_RANGE:
		return "string too long";
	case HPDF_ARRAY_COUNT_ERR:
		return "too many array elements";
	case HPDF_DICT_ITEM_UNEXPECTED_TYPE:
		return "unexpected object type";
	case HPDF_TTF_CANNOT_EMBEDDING_FONT:
		return "the font's license does not allow embedding";
	case HPDF_TTF_INVALID_CMAP:
		return "invalid TrueType cmap table";
	case HPDF_TTF_INVALID_FOMAT:
		return "invalid TrueType font file";
	case HPDF_TTF_MISSING_TABLE:
		return "TrueType font lacks a required table";
	case HPDF_UNSUPPORTED_FONT_TYPE:
		return "unsupported font type";
	case HPDF_ZLIB_ERROR:
		return "compression (zlib) error";
	case HPDF_XREF_COUNT_ERR:
		return "too many objects";
	default:
		return "see libharu's hpdf_error.h";
	}
}

/* The status of a failed call: the code it returned, else the one the error
 * handler recorded (calls that return a pointer give only NULL). */
static HPDF_STATUS status_of(const pdf_writer *w, HPDF_STATUS st)
{
	if (st != HPDF_OK)
		return st;
	if (w->err != HPDF_OK)
		return w->err;
	return HPDF_INVALID_OBJECT;
}

/* Reports "<what>: libharu error 0xNNNN (meaning)" for status st (see
 * status_of) and clears libharu's pending error, so that the error does not
 * resurface in a later call. */
static void report(pdf_writer *w, diag *d, HPDF_STATUS st, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

static void report(pdf_writer *w, diag *d, HPDF_STATUS st, const char *fmt, ...)
{
	char what[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);

	st = status_of(w, st);
	HPDF_STATUS detail = w->err == st ? w->err_detail : 0;
	char extra[128] = "";
	if (st == HPDF_FILE_OPEN_ERROR && detail)
		snprintf(extra, sizeof(extra), ": %s", strerror((int)detail));
	else if (detail)
		snprintf(extra, sizeof(extra), ", detail %lu", (unsigned long)detail);
	diag_error(d, NULL, "%s: libharu error 0x%04lX (%s%s)", what, (unsigned long)st,
	           hpdf_error_text(st), extra);

	if (w->pdf)
		HPDF_ResetError(w->pdf);
	w->err = HPDF_OK;
	w->err_detail = 0;
}

/* ------------------------------------------------------------ metrics */

/* The code point actually drawn for cp: libharu's encoder can only emit BMP
 * code points, the ToUnicode map leaves out C0 controls, surrogates, U+FEFF
 * and U+FFFE/FFFF, so all of those become U+FFFD; a no-break space is drawn
 * as a plain space so that text extraction gives an ASCII space. */
static uint32_t drawn_cp(uint32_t cp)
{
	if (cp == 0x00A0)
		return 0x0020;
	if (cp < 0x20 || cp > 0xFFFD || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFEFF)
		return 0xFFFD;
	return cp;
}

/* Cache entry for BMP code point cp in face f, filled from the font's own
 * cmap and hmtx through the same libharu functions its text width function
 * uses (HPDF_TTFontDef_GetCharWidth = GetGidWidth(GetGlyphid(cp))), but
 * without marking the glyph as used: only drawing adds glyphs to the subset. */
static uint32_t lookup_slow(pdf_writer *w, face_id f, uint32_t cp)
{
	uint32_t *c = w->cache[f];
	if (!c)
		c = w->cache[f] = xcalloc(0x10000, sizeof(*c));
	if (c[cp] & CACHE_KNOWN)
		return c[cp];

	HPDF_FontDef def = w->def[f];
	HPDF_TTFontDefAttr attr = def->attr;
	HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
	HPDF_INT16 width = HPDF_TTFontDef_GetGidWidth(def, gid);
	uint32_t v = CACHE_KNOWN | (uint16_t)width;
	if (gid != 0 && gid < attr->num_glyphs)
		v |= CACHE_HAS;
	c[cp] = v;
	return v;
}

/* The cache entry, filled on first use: the hit is inline, as every
 * character measured and drawn comes through here. */
static inline uint32_t lookup(pdf_writer *w, face_id f, uint32_t cp)
{
	const uint32_t *c = w->cache[f];
	return c && (c[cp] & CACHE_KNOWN) ? c[cp] : lookup_slow(w, f, cp);
}

static int metric_width(void *ud, face_id f, uint32_t cp)
{
	pdf_writer *w = ud;
	if ((unsigned)f >= FACE_COUNT)
		return 0;
	return (int16_t)(lookup(w, f, drawn_cp(cp)) & 0xFFFFu);
}

static int metric_has_glyph(void *ud, face_id f, uint32_t cp)
{
	pdf_writer *w = ud;
	if ((unsigned)f >= FACE_COUNT)
		return 0;
	uint32_t d = drawn_cp(cp);
	if (d != cp && cp != 0x00A0)
		return 0; /* drawn as something else: not really there */
	return (lookup(w, f, d) & CACHE_HAS) != 0;
}

/* ------------------------------------------------------------- set up */

/* A font file mapped into memory, read through a libharu stream. */
typedef struct mapped_file {
	const uint8_t *data;
	size_t size, pos;
} mapped_file;

static HPDF_STATUS mapped_read(HPDF_Stream s, HPDF_BYTE *ptr, HPDF_UINT *siz)
{
	mapped_file *m = s->attr;
	size_t want = *siz, left = m->size - m->pos;
	size_t n = want < left ? want : left;
	memcpy(ptr, m->data + m->pos, n);
	m->pos += n;
	*siz = (HPDF_UINT)n;
	if (n < want) {
		memset(ptr + n, 0, want - n);
		return HPDF_STREAM_EOF; /* as libharu's file reader: no error set */
	}
	return HPDF_OK;
}

static HPDF_STATUS mapped_seek(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode)
{
	mapped_file *m = s->attr;
	long long to = mode == HPDF_SEEK_CUR   ? (long long)m->pos + pos
	               : mode == HPDF_SEEK_END ? (long long)m->size + pos
	                                       : (long long)pos;
	if (to < 0 || to > (long long)m->size)
		return HPDF_SetError(s->error, HPDF_FILE_IO_ERROR, 0);
	m->pos = (size_t)to;
	return HPDF_OK;
}

static HPDF_INT32 mapped_tell(HPDF_Stream s)
{
	return (HPDF_INT32)((mapped_file *)s->attr)->pos;
}

static HPDF_UINT32 mapped_size(HPDF_Stream s)
{
	return (HPDF_UINT32)((mapped_file *)s->attr)->size;
}

static void mapped_free(HPDF_Stream s)
{
	mapped_file *m = s->attr;
	munmap((void *)m->data, m->size);
	free(m);
}

/* A read-only libharu stream over the file at path, mapped into memory
 * (the page cache's pages: nothing is copied until libharu reads).  NULL if
 * the file cannot be mapped. */
static HPDF_Stream map_file(HPDF_MMgr mmgr, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	if (fd < 0)
		return NULL;
	void *data = MAP_FAILED;
	if (fstat(fd, &sb) == 0 && sb.st_size > 0 && sb.st_size < 0x7FFFFFFF)
		data = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (data == MAP_FAILED)
		return NULL;
	mapped_file *m = xcalloc(1, sizeof(*m));
	m->data = data;
	m->size = (size_t)sb.st_size;
	HPDF_Stream s = HPDF_CallbackReader_New(mmgr, mapped_read, mapped_seek, mapped_tell,
	                                        mapped_size, m);
	if (!s) {
		munmap(data, m->size);
		free(m);
		return NULL;
	}
	s->free_fn = mapped_free;
	return s;
}

/* Loads the TrueType font file at path into the document, for embedding,
 * and returns its definition (an earlier one if the document already has a
 * font of that name), or NULL.  HPDF_LoadTTFontFromFile does the same, but
 * parses the file through stdio a few bytes per call and rereads it while
 * saving; this hands libharu the file mapped into memory.  The subset
 * tags (AAAAAA+, AAAAAB+, ...) follow the load order, as libharu's do. */
static HPDF_FontDef load_face(pdf_writer *w, const char *path)
{
	HPDF_Stream s = map_file(w->pdf->mmgr, path);
	if (!s)
		return NULL;
	/* the definition owns the stream from here on, even when it fails */
	HPDF_FontDef def = HPDF_TTFontDef_Load(w->pdf->mmgr, s, HPDF_TRUE);
	if (!def)
		return NULL;
	HPDF_FontDef known = HPDF_Doc_FindFontDef(w->pdf, def->base_font);
	if (known) {
		HPDF_FontDef_Free(def);
		return known;
	}
	if (HPDF_List_Add(w->pdf->fontdef_list, def) != HPDF_OK) {
		HPDF_FontDef_Free(def);
		return NULL;
	}
	char tag[7];
	unsigned n = w->nloaded++;
	for (int i = 5; i >= 0; i--, n /= 26)
		tag[i] = (char)('A' + n % 26);
	tag[6] = '\0';
	HPDF_TTFontDef_SetTagName(def, tag);
	return def;
}

pdf_writer *pdf_writer_new(const char *fonts_list, diag *d)
{
	pdf_writer *w = xcalloc(1, sizeof(*w));
	if (font_list_load(&w->files, fonts_list, d) != 0) {
		free(w);
		return NULL;
	}

	w->tags = tags_new();
	w->pdf = HPDF_New(on_error, w);
	if (!w->pdf) {
		diag_error(d, NULL, "PDF writer: cannot create a libharu document (out of memory)");
		goto fail;
	}
	/* Before anything else: libharu reads the mode when objects are made. */
	HPDF_STATUS st = HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
	if (st != HPDF_OK) {
		report(w, d, st, "PDF writer: cannot enable compression");
		goto fail;
	}
	if ((st = HPDF_UseUTFEncodings(w->pdf)) != HPDF_OK ||
	    (st = HPDF_SetCurrentEncoder(w->pdf, "UTF-8")) != HPDF_OK) {
		report(w, d, st, "PDF writer: cannot enable the UTF-8 encoder");
		goto fail;
	}
	/* libharu writes 1.3 by default; /Lang needs 1.4, and PDF/A-3 1.7. */
	w->pdf->pdf_version = HPDF_VER_17;
	w->utf8 = HPDF_GetEncoder(w->pdf, "UTF-8");
	if (!w->utf8) {
		report(w, d, HPDF_OK, "PDF writer: cannot get the UTF-8 encoder");
		goto fail;
	}

	for (int f = 0; f < FACE_COUNT; f++) {
		const char *path = w->files.path[f];
		HPDF_FontDef def = load_face(w, path);
		const char *name = def ? def->base_font : NULL;
		if (!def) {
			report(w, d, HPDF_OK, "cannot load font '%s' from %s",
			       face_name((face_id)f), path);
			goto fail;
		}
		HPDF_TTFontDefAttr attr = def->attr;
		if (def->type != HPDF_FONTDEF_TYPE_TRUETYPE || !attr || attr->cmap.format != 4 ||
		    attr->cmap.seg_count_x2 == 0 || attr->header.units_per_em == 0) {
			diag_error(d, NULL,
			           "font '%s' (%s) has no Unicode (format 4) cmap table that "
			           "libharu can use",
			           face_name((face_id)f), path);
			goto fail;
		}
		w->font_name[f] = name;
		w->def[f] = def;
		w->m.ascent[f] = def->ascent;
		w->m.descent[f] = def->descent;
	}
	w->m.ud = w;
	w->m.width = metric_width;
	w->m.has_glyph = metric_has_glyph;
	for (int f = 0; f < FACE_COUNT; f++) {
		w->m.ascii_full[f] = 1;
		for (uint32_t c = 0x20; c < 0x7F; c++)
			w->m.ascii_full[f] &= metric_has_glyph(w, (face_id)f, c) != 0;
		for (uint32_t c = 0; c < 128; c++)
			w->m.ascii_width[f][c] = (short)metric_width(w, (face_id)f, c);
	}
	return w;

fail:
	pdf_writer_free(w);
	return NULL;
}

const metrics *pdf_writer_metrics(pdf_writer *w)
{
	return &w->m;
}

const char *pdf_writer_font_path(const pdf_writer *w, face_id f)
{
	if (!w || (unsigned)f >= FACE_COUNT)
		return NULL;
	return w->files.path[f];
}

void pdf_writer_attach(pdf_writer *w, const pdf_attachment *a, size_t n)
{
	w->attach = a;
	w->nattach = n;
}

const char *pdf_icc_profile_path(void)
{
	return pdfa_icc_path();
}

void pdf_writer_free(pdf_writer *w)
{
	if (!w)
		return;
	if (w->queue)
		flate_queue_finish(w->queue);
	free(w->pages);
	free(w->early);
	tags_free(w->tags);
	if (w->pdf)
		HPDF_Free(w->pdf);
	for (int f = 0; f < FACE_COUNT; f++) {
		free(w->cache[f]);
		free(w->drawn[f]);
	}
	font_list_free(&w->files);
	free(w->buf);
	free(w->ops);
	for (size_t i = 0; i < w->nimages; i++)
		free(w->images[i].path);
	free(w->images);
	free(w);
}

/* --------------------------------------------------------------- text */

/* Copies the UTF-8 string s into w->buf (NUL-terminated) the way it will be
 * drawn: invalid sequences as U+FFFD, every code point through drawn_cp()
 * (or, with keep_nbsp, the same but leaving U+00A0 alone, for metadata).
 * If mark is not NULL, sets the bit of each resulting code point in it.
 * Returns the length in bytes. */
static size_t sanitize(pdf_writer *w, const char *s, int keep_nbsp, uint8_t *mark)
{
	size_t len = strlen(s);
	/* every input byte gives at most 3 output bytes (a lone byte -> U+FFFD) */
	if (w->buf_cap < 3 * len + 1) {
		w->buf_cap = 3 * len + 1;
		w->buf = xrealloc(w->buf, w->buf_cap);
	}
	const char *end = s + len;
	unsigned char *o = (unsigned char *)w->buf;
	while (s < end) {
		uint32_t cp = utf8_next(&s, end);
		cp = keep_nbsp && cp == 0x00A0 ? cp : drawn_cp(cp);
		if (mark)
			mark[cp >> 3] |= (uint8_t)(1u << (cp & 7));
		if (cp < 0x80) {
			*o++ = (unsigned char)cp;
		} else if (cp < 0x800) {
			*o++ = (unsigned char)(0xC0 | cp >> 6);
			*o++ = (unsigned char)(0x80 | (cp & 0x3F));
		} else {
			*o++ = (unsigned char)(0xE0 | cp >> 12);
			*o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
			*o++ = (unsigned char)(0x80 | (cp & 0x3F));
		}
	}
	*o = '\0';
	return (size_t)((char *)o - w->buf);
}

/* ------------------------------------------------------------ drawing */

/* What is currently set in a page's content stream, to avoid repeating it. */
struct pen {
	pdf_writer *w;
	HPDF_Page page;
	const document *doc;
	size_t pg;            /* its index */
	int mc_open;          /* a marked-content sequence is open ... */
	int mc_in_text;       /* ... begun inside the text object ... */
	int mc_elem;          /* ... of this element (tagged), or */
	unsigned char mc_art; /* ... an artifact of this kind */
	int in_text; /* inside BT ... ET */
	int face;    /* -1: no font set */
	float size;
	int has_fill, has_stroke;
	rgb fill, stroke;
	float line_width; /* < 0: not set */
	long tx, ty;      /* origin of the text line matrix in 1/POS_UNIT pt (BT: 0) */
	int tj_open;      /* a TJ array of the current line is open (put_text) */
	int tj_cont;      /* one was closed for a new marked-content sequence:
	                   * the next word of the line may go on from tj_x */
	double tj_x;      /* where the text position is in it, pt */
};

static float clamp01(float v)
{
	return v > 0 ? (v < 1 ? v : 1) : 0; /* NaN -> 0 */
}

static int same_rgb(rgb a, rgb b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

static rgb clamp_rgb(rgb c)
{
	c.r = clamp01(c.r);
	c.g = clamp01(c.g);
	c.b = clamp01(c.b);
	return c;
}

static char *put_fixed(char *o, long v, long unit);

static HPDF_STATUS set_fill(struct pen *p, rgb c)
{
	c = clamp_rgb(c);
	if (p->has_fill && same_rgb(p->fill, c))
		return HPDF_OK;
	/* "r g b rg" written here, in thousandths (finer than 8-bit colour):
	 * HPDF_Page_SetRGBFill costs 3000 instructions a call in HPDF_FToA */
	char buf[64], *o = buf;
	float v[3] = {c.r, c.g, c.b};
	for (int i = 0; i < 3; i++) {
		o = put_fixed(o, lround((double)v[i] * 1000.0), 1000);
		*o++ = ' ';
	}
	memcpy(o, "rg\n", 3);
	o += 3;
	HPDF_PageAttr attr = p->page->attr;
	HPDF_STATUS st = HPDF_Stream_Write(attr->stream, (HPDF_BYTE *)buf, (HPDF_UINT)(o - buf));
	if (st == HPDF_OK) {
		p->has_fill = 1;
		p->fill = c;
	}
	return st;
}

static HPDF_STATUS set_stroke(struct pen *p, rgb c, float width)
{
	c = clamp_rgb(c);
	HPDF_STATUS st = HPDF_OK;
	if (!p->has_stroke || !same_rgb(p->stroke, c)) {
		st = HPDF_Page_SetRGBStroke(p->page, c.r, c.g, c.b);
		if (st != HPDF_OK)
			return st;
		p->has_stroke = 1;
		p->stroke = c;
	}
	if (!(width >= 0))
		width = 0; /* negative or NaN: the thinnest line */
	if (p->line_width != width) {
		st = HPDF_Page_SetLineWidth(p->page, width);
		if (st == HPDF_OK)
			p->line_width = width;
	}
	return st;
}

static HPDF_STATUS close_tj(struct pen *p);

/* Ends the text object (and a marked-content sequence begun inside it). */
static HPDF_STATUS end_text(struct pen *p)
{
	if (!p->in_text)
		return HPDF_OK;
	HPDF_STATUS st = close_tj(p);
	if (st != HPDF_OK)
		return st;
	p->tj_cont = 0;
	if (p->mc_open && p->mc_in_text) {
		HPDF_PageAttr attr = p->page->attr;
		if ((st = HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)"EMC\n", 4)) !=
		    HPDF_OK)
			return st;
		p->mc_open = 0;
	}
	p->in_text = 0;
	return HPDF_Page_EndText(p->page);
}

static HPDF_STATUS begin_text(struct pen *p)
{
	if (p->in_text)
		return HPDF_OK;
	HPDF_STATUS st = HPDF_Page_BeginText(p->page);
	if (st == HPDF_OK) {
		p->in_text = 1;
		p->tx = p->ty = 0;
	}
	return st;
}

/* Makes op's content part of the right marked-content sequence: its
 * structure element's (BDC with the next MCID of the page) or an Artifact
 * (a running head or foot: /Pagination).  Sequences and text objects nest:
 * text goes into sequences begun inside its text object (so that a
 * paragraph with links and hyphenated words stays one BT ... ET), paths
 * and images into sequences outside any. */
static HPDF_STATUS mark_content(struct pen *p, const draw_op *op)
{
	int is_text = op->kind == DRAW_TEXT;
	if (is_text && (!op->text || !op->text[0]))
		return HPDF_OK; /* draws nothing */
	HPDF_STATUS st = is_text ? HPDF_OK : end_text(p);
	if (st != HPDF_OK)
		return st;
	int tagged = op->elem > 0 && (size_t)op->elem < p->doc->nelems;
	unsigned char art = op->art ? op->art : tagged ? ART_NONE : ART_LAYOUT;
	int elem = art ? 0 : op->elem;
	if (p->mc_open && p->mc_art == art && p->mc_elem == elem)
		return HPDF_OK;
	if (p->mc_open && !p->mc_in_text) {
		st = end_text(p); /* the text object is inside the sequence */
	} else {
		int was = p->tj_open;
		st = close_tj(p);
		p->tj_cont = was;
	}
	if (st == HPDF_OK && is_text)
		st = begin_text(p);
	if (st != HPDF_OK)
		return st;
	HPDF_PageAttr attr = p->page->attr;
	char buf[96];
	int n = 0;
	if (p->mc_open)
		n = snprintf(buf, sizeof(buf), "EMC\n");
	if (art == ART_HEADER || art == ART_FOOTER)
		n += snprintf(buf + n, sizeof(buf) - (size_t)n,
		              "/Artifact <</Type /Pagination /Subtype /%s>> BDC\n",
		              art == ART_HEADER ? "Header" : "Footer");
	else if (art)
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, "/Artifact BMC\n");
	else
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, "/%s <</MCID %d>> BDC\n",
		              tags_role_name(p->doc->elems[elem].role),
		              tags_mcid(p->w->tags, p->pg, elem));
	p->mc_open = 1;
	p->mc_in_text = p->in_text;
	p->mc_art = art;
	p->mc_elem = elem;
	return HPDF_Stream_Write(attr->stream, (HPDF_BYTE *)buf, (HPDF_UINT)n);
}

/* Ends the open marked-content sequence, if any (and the text object). */
static HPDF_STATUS end_marked(struct pen *p)
{
	HPDF_STATUS st = end_text(p);
	if (st != HPDF_OK || !p->mc_open)
		return st;
	p->mc_open = 0;
	HPDF_PageAttr attr = p->page->attr;
	return HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)"EMC\n", 4);
}

/* Creates face f's PDF font.  libharu's CIDFontType2_New looks up the glyph
 * of every one of the 65536 codes through the face's format-4 cmap, a linear
 * search over its segments (about 40 M instructions per Liberation face, a
 * third of the bundled report's build), then builds a /W array and a 128 KB
 * CIDToGIDMap from them.  Only the codes actually drawn matter, and
 * trim_widths() and write_gid_maps() rewrite both from those before saving.
 * So during creation: the encoder takes libharu's code-to-CID-map branch
 * with a map of a single code (so the loops are over one CID, not 65536),
 * and the face has a one-segment cmap that sends any code to glyph 0 (in
 * case the encoder's map holds more codes).  Both are restored before
 * anything is measured or drawn with the font. */
static HPDF_Font create_font(pdf_writer *w, face_id f)
{
	HPDF_TTFontDefAttr attr = w->def[f]->attr;
	HPDF_TTF_CmapRange real = attr->cmap;
	/* libharu reads glyph_id_array[code] while code <= glyph_id_array_count */
	HPDF_UINT16 end = 0xFFFF, start = 0, offset = 2, zeros[2] = {0, 0};
	HPDF_INT16 delta = 0;
	attr->cmap.seg_count_x2 = 2;
	attr->cmap.end_count = &end;
	attr->cmap.start_count = &start;
	attr->cmap.id_delta = &delta;
	attr->cmap.id_range_offset = &offset;
	attr->cmap.glyph_id_array = zeros;
	attr->cmap.glyph_id_array_count = 1;

	HPDF_CMapEncoderAttr enc = w->utf8->attr;
	HPDF_Encoder_ToUnicode_Func to_unicode = w->utf8->to_unicode_fn;
	HPDF_UINT16 cid = enc->cid_map[0][' '];
	HPDF_UNICODE uni = enc->unicode_map[0][' '];
	w->utf8->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	if (!cid) { /* libharu refuses a map without any code */
		enc->cid_map[0][' '] = ' ';
		enc->unicode_map[0][' '] = ' ';
	}

	HPDF_Font font = HPDF_GetFont(w->pdf, w->font_name[f], "UTF-8");

	enc->cid_map[0][' '] = cid;
	enc->unicode_map[0][' '] = uni;
	w->utf8->to_unicode_fn = to_unicode;
	attr->cmap = real;
	return font;
}

/* Text positions are written in whole units of 1/POS_UNIT pt: 1/1000 pt is
 * 0.35 micrometres, far below any printer's resolution, and the digits
 * libharu added beyond it were float noise that deflate cannot compress. */
#define POS_UNIT 1000L

/* Writes v/unit (unit a power of ten) in the shortest decimal form ("12.5",
 * "-3", "0.125") at o; returns the end. */
static char *put_fixed(char *o, long v, long unit)
{
	char tmp[24];
	int n = 0;
	if (v < 0) {
		*o++ = '-';
		v = -v;
	}
	long whole = v / unit, frac = v % unit;
	do
		tmp[n++] = (char)('0' + whole % 10);
	while ((whole /= 10) > 0);
	while (n > 0)
		*o++ = tmp[--n];
	if (frac) {
		*o++ = '.';
		for (long div = unit / 10; frac; div /= 10) {
			*o++ = (char)('0' + frac / div);
			frac %= div;
		}
	}
	return o;
}

static char *put_pos(char *o, long v)
{
	return put_fixed(o, v, POS_UNIT);
}

/* A coordinate in whole units of 1/POS_UNIT pt (NaN as 0, clamped to
 * libharu's range of reals). */
static long pos_units(float v)
{
	if (!(v > -32767.0f && v < 32767.0f))
		return v >= 32767.0f ? 32767 * POS_UNIT : v <= -32767.0f ? -32767 * POS_UNIT : 0;
	return lround((double)v * POS_UNIT);
}

/* Writes the UTF-8 text s[0..len) at o as PDF strings of 2-byte codes (the
 * UCS-2 code points, Identity-H), "(...)", cut into several strings every
 * SHOW_CHUNK characters, each code point as drawn_cp() makes it (what
 * sanitize() does, in the same pass); marks the codes in w->drawn[f] and
 * adds the sum of their glyph widths (1/1000 em, as in the font's /W) to
 * *width.  Returns the end. */
static char *put_string(pdf_writer *w, face_id f, char *o, const char *s, size_t len, long *width)
{
	const char *end = s + len;
	uint8_t *mark = w->drawn[f];
	*o++ = '(';
	for (size_t n = 0; s < end; n++) {
		if (n == SHOW_CHUNK) {
			memcpy(o, ")(", 2);
			o += 2;
			n = 0;
		}
		uint32_t cp = (unsigned char)*s < 0x80 ? (unsigned char)*s++ : utf8_next(&s, end);
		cp = drawn_cp(cp);
		mark[cp >> 3] |= (uint8_t)(1u << (cp & 7));
		*width += (int16_t)(lookup(w, f, cp) & 0xFFFFu);
		unsigned char b[2] = {(unsigned char)(cp >> 8), (unsigned char)cp};
		for (int i = 0; i < 2; i++) {
			if (b[i] == '(' || b[i] == ')' || b[i] == '\\') {
				*o++ = '\\';
				*o++ = (char)b[i];
			} else if (b[i] == '\n' || b[i] == '\r') { /* readers would normalise */
				*o++ = '\\';
				*o++ = b[i] == '\n' ? 'n' : 'r';
			} else {
				*o++ = (char)b[i];
			}
		}
	}
	*o++ = ')';
	return o;
}

/* Ends the open TJ array, if any. */
static HPDF_STATUS close_tj(struct pen *p)
{
	if (!p->tj_open)
		return HPDF_OK;
	p->tj_open = 0;
	HPDF_PageAttr attr = p->page->attr;
	return HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)"] TJ\n", 5);
}

/* Writes one text op straight into the page's content stream.  A word that
 * continues the line of the one before (same font, size, colour and
 * baseline, not to the left of where that one ended) joins its TJ array
 * with the gap as a kerning number; anything else closes the array, moves
 * with "dx dy Td" relative to the last Td in exact units of 1/POS_UNIT pt
 * (so nothing drifts) and opens a new one.
 *
 * This is what HPDF_Page_SetTextMatrix + HPDF_Page_ShowText per word wrote,
 * minus their cost: both format every number through libharu's slow
 * HPDF_FToA and ShowText measures the text again (together 37% of the
 * instructions of a 1000-page build), and a TJ per line is a third less
 * content for deflate than a Td and a Tj per word.  The subset's glyphs are
 * marked from the drawn code points before saving (write_gid_maps). */
static HPDF_STATUS put_text(struct pen *p, const draw_op *op, size_t len, int joins)
{
	pdf_writer *w = p->w;
	/* each byte of UTF-8 gives at most 4 bytes (an escaped pair); the
	 * operators, numbers and string breaks fit in the rest */
	size_t need = 4 * len + 96 + 2 * (len / SHOW_CHUNK + 1);
	if (w->ops_cap < need) {
		w->ops_cap = need;
		w->ops = xrealloc(w->ops, need);
	}
	char *o = w->ops;
	double size = op->size;
	long width = 0;
	if (joins) {
		/* the gap in 1/1000 text space units (negative: move right),
		 * in tenths (1e-4 em: the same few numbers recur on a line, which
		 * deflate likes), and where the viewer will then be; after a
		 * new marked-content sequence, in a new TJ array */
		if (!p->tj_open) {
			*o++ = '[';
			p->tj_open = 1;
		}
		p->tj_cont = 0;
		long adj = lround((p->tj_x - op->x) * 1000.0 / size * 10.0);
		if (adj) {
			*o++ = ' ';
			o = put_fixed(o, adj, 10);
		}
		p->tj_x -= (double)adj / 10.0 * size / 1000.0;
	} else {
		long x = pos_units(op->x), y = pos_units(op->y);
		o = put_pos(o, x - p->tx);
		*o++ = ' ';
		o = put_pos(o, y - p->ty);
		memcpy(o, " Td\n[", 5);
		o += 5;
		p->tx = x;
		p->ty = y;
		p->tj_x = (double)x / POS_UNIT;
		p->tj_open = 1;
		p->tj_cont = 0;
	}
	o = put_string(w, op->face, o, op->text, len, &width);
	p->tj_x += (double)width * size / 1000.0;
	HPDF_PageAttr attr = p->page->attr;
	return HPDF_Stream_Write(attr->stream, (HPDF_BYTE *)w->ops, (HPDF_UINT)(o - w->ops));
}

/* Writes "/Fn size Tf", the face registered in the page's font resources
 * under its local name.  HPDF_Page_SetFontAndSize did the same at 3000
 * instructions a call through HPDF_FToA (69,000 calls in 1000 pages, where
 * bold lead-ins alternate with the text face). */
static HPDF_STATUS set_font(struct pen *p, face_id f, float size)
{
	if (!(size > 0 && size <= HPDF_MAX_FONTSIZE))
		return HPDF_PAGE_INVALID_FONT_SIZE;
	const char *name = HPDF_Page_GetLocalFontName(p->page, p->w->font[f]);
	if (!name)
		return status_of(p->w, HPDF_OK);
	char buf[HPDF_LIMIT_MAX_NAME_LEN + 40], *o = buf;
	size_t n = strlen(name);
	if (n > HPDF_LIMIT_MAX_NAME_LEN)
		return HPDF_INVALID_FONT_NAME;
	*o++ = '/';
	memcpy(o, name, n); /* libharu's own names: F1, F2, ... */
	o += n;
	*o++ = ' ';
	o = put_pos(o, pos_units(size));
	memcpy(o, " Tf\n", 4);
	o += 4;
	HPDF_PageAttr attr = p->page->attr;
	return HPDF_Stream_Write(attr->stream, (HPDF_BYTE *)buf, (HPDF_UINT)(o - buf));
}

/* Draws one text op.  Consecutive text ops share one BT ... ET; font, size
 * and colour are only set when they change; the words of a line share one
 * TJ (put_text). */
static HPDF_STATUS draw_text(struct pen *p, const draw_op *op)
{
	pdf_writer *w = p->w;
	if (!op->text || !op->text[0])
		return HPDF_OK;
	if ((unsigned)op->face >= FACE_COUNT)
		return HPDF_PAGE_INVALID_FONT;

	HPDF_STATUS st;
	if (!w->font[op->face]) {
		w->font[op->face] = create_font(w, op->face);
		if (!w->font[op->face])
			return status_of(w, HPDF_OK);
		w->drawn[op->face] = xcalloc(0x10000 / 8, 1);
	}
	size_t len = strlen(op->text);
	int joins = (p->tj_open || p->tj_cont) && p->face == (int)op->face && p->size == op->size &&
	            p->has_fill && same_rgb(p->fill, clamp_rgb(op->fill)) &&
	            pos_units(op->y) == p->ty && op->x >= p->tj_x - 0.01 && op->size > 0;
	if (!joins) {
		if ((st = close_tj(p)) != HPDF_OK)
			return st;
		if ((st = begin_text(p)) != HPDF_OK)
			return st;
		if (p->face != (int)op->face || p->size != op->size) {
			if ((st = set_font(p, op->face, op->size)) != HPDF_OK)
				return st;
			p->face = (int)op->face;
			p->size = op->size;
		}
		if ((st = set_fill(p, op->fill)) != HPDF_OK)
			return st;
	}
	return put_text(p, op, len, joins);
}

/* Sets the colours an op is painted with; call before building its path. */
static HPDF_STATUS set_paint(struct pen *p, const draw_op *op)
{
	HPDF_STATUS st = HPDF_OK;
	if (op->filled)
		st = set_fill(p, op->fill);
	if (st == HPDF_OK && op->stroked)
		st = set_stroke(p, op->stroke, op->line_width);
	return st;
}

/* Paints the current path: fill and/or stroke (closing it first when both
 * and `close`), or discards it. */
static HPDF_STATUS paint(struct pen *p, const draw_op *op, int close)
{
	if (op->filled && op->stroked)
		return close ? HPDF_Page_ClosePathFillStroke(p->page)
		             : HPDF_Page_FillStroke(p->page);
	if (op->filled)
		return HPDF_Page_Fill(p->page);
	if (op->stroked)
		return HPDF_Page_Stroke(p->page);
	return HPDF_Page_EndPath(p->page);
}

static HPDF_STATUS draw_rect(struct pen *p, const draw_op *op)
{
	if (!op->filled && !op->stroked)
		return HPDF_OK;
	HPDF_STATUS st = set_paint(p, op);
	if (st == HPDF_OK)
		st = HPDF_Page_Rectangle(p->page, op->x, op->y, op->w, op->h);
	if (st == HPDF_OK)
		st = paint(p, op, 0);
	return st;
}

/* A line is always stroked, with the stroke colour and line width. */
static HPDF_STATUS draw_line(struct pen *p, const draw_op *op)
{
	HPDF_STATUS st = set_stroke(p, op->stroke, op->line_width);
	if (st == HPDF_OK)
		st = HPDF_Page_MoveTo(p->page, op->x, op->y);
	if (st == HPDF_OK)
		st = HPDF_Page_LineTo(p->page, op->x2, op->y2);
	if (st == HPDF_OK)
		st = HPDF_Page_Stroke(p->page);
	return st;
}

/* A polyline: stroked open; filled (implicitly closed); filled and stroked
 * as a closed polygon. */
static HPDF_STATUS draw_path(struct pen *p, const draw_op *op)
{
	if (!op->pts || op->npts < 2 || (!op->filled && !op->stroked))
		return HPDF_OK;
	HPDF_STATUS st = set_paint(p, op);
	if (st == HPDF_OK)
		st = HPDF_Page_MoveTo(p->page, op->pts[0], op->pts[1]);
	for (size_t i = 1; st == HPDF_OK && i < op->npts; i++)
		st = HPDF_Page_LineTo(p->page, op->pts[2 * i], op->pts[2 * i + 1]);
	if (st == HPDF_OK)
		st = paint(p, op, 1);
	return st;
}

static HPDF_STATUS draw_circle(struct pen *p, const draw_op *op)
{
	if (!(op->w > 0) || (!op->filled && !op->stroked))
		return HPDF_OK;
	HPDF_STATUS st = set_paint(p, op);
	if (st == HPDF_OK)
		st = HPDF_Page_Circle(p->page, op->x, op->y, op->w);
	if (st == HPDF_OK)
		st = paint(p, op, 0);
	return st;
}

/* Draws the PNG or JPEG file op->text into (x, y, w, h); a file drawn more
 * than once is embedded once.  The kind comes from the file's signature. */
static HPDF_STATUS draw_image(struct pen *p, const draw_op *op)
{
	pdf_writer *w = p->w;
	HPDF_Image img = NULL;
	for (size_t i = 0; i < w->nimages && !img; i++)
		if (strcmp(w->images[i].path, op->text) == 0)
			img = w->images[i].img;
	if (!img) {
		unsigned char sig[2] = {0, 0};
		FILE *f = fopen(op->text, "rb");
		if (!f || fread(sig, 1, 2, f) != 2) {
			if (f)
				fclose(f);
			return HPDF_FILE_IO_ERROR;
		}
		fclose(f);
		img = sig[0] == 0xFF && sig[1] == 0xD8
		              ? HPDF_LoadJpegImageFromFile(w->pdf, op->text)
		              : HPDF_LoadPngImageFromFile(w->pdf, op->text);
		if (!img)
			return w->err != HPDF_OK ? w->err : HPDF_INVALID_IMAGE;
		GROW(w->images, w->images_cap, w->nimages + 1);
		w->images[w->nimages].path = xstrdup(op->text);
		w->images[w->nimages++].img = img;
	}
	return HPDF_Page_DrawImage(p->page, img, op->x, op->y, op->w, op->h);
}

/* A destination [page /XYZ null top null]: scrolls to `top` on the page and
 * keeps the reader's horizontal position and zoom (libharu's SetXYZ insists
 * on a zoom factor, so the array is built here). */
static HPDF_Destination make_dest(pdf_writer *w, HPDF_Page target, float top)
{
	HPDF_Destination dst = HPDF_Page_CreateDestination(target);
	if (!dst)
		return NULL;
	if (!(top >= 0))
		top = 0;
	if (top > PAGE_HEIGHT)
		top = (float)PAGE_HEIGHT;
	HPDF_Array_Clear(dst);
	HPDF_STATUS st = HPDF_Array_Add(dst, target);
	if (st == HPDF_OK)
		st = HPDF_Array_AddName(dst, "XYZ");
	if (st == HPDF_OK)
		st = HPDF_Array_Add(dst, HPDF_Null_New(w->pdf->mmgr));
	if (st == HPDF_OK)
		st = HPDF_Array_AddReal(dst, top);
	if (st == HPDF_OK)
		st = HPDF_Array_Add(dst, HPDF_Null_New(w->pdf->mmgr));
	return st == HPDF_OK ? dst : NULL;
}

/* Borderless, printable (/F 4, as PDF/A requires), described (/Contents:
 * the text, else the URI, as PDF/UA requires), and an OBJR of op's Link
 * element in the structure tree. */
static HPDF_STATUS finish_annot(struct pen *p, const draw_op *op, HPDF_Annotation annot,
                                const char *contents)
{
	pdf_writer *w = p->w;
	HPDF_STATUS st = HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
	if (st == HPDF_OK)
		st = HPDF_Dict_AddNumber(annot, "F", 4);
	if (st == HPDF_OK && contents && *contents) {
		sanitize(w, contents, 1, NULL);
		HPDF_String str = HPDF_String_New(w->pdf->mmgr, w->buf, w->utf8);
		st = str ? HPDF_Dict_Add(annot, "Contents", str) : status_of(w, HPDF_OK);
	}
	if (st == HPDF_OK)
		tags_annot(w->tags, p->pg, annot, op->elem);
	return st;
}

static HPDF_Rect op_rect(const draw_op *op)
{
	HPDF_Rect r = {op->x, op->y, op->x + op->w, op->y + op->h};
	return r;
}

static HPDF_STATUS draw_link(struct pen *p, const draw_op *op, HPDF_Page *pages, size_t npages)
{
	pdf_writer *w = p->w;
	if (op->dest_page < 0 || (size_t)op->dest_page >= npages)
		return HPDF_INVALID_PAGE;
	HPDF_Destination dst = make_dest(w, pages[op->dest_page], op->dest_y);
	if (!dst)
		return status_of(w, HPDF_OK);
	HPDF_Annotation annot = HPDF_Page_CreateLinkAnnot(p->page, op_rect(op), dst);
	if (!annot)
		return status_of(w, HPDF_OK);
	return finish_annot(p, op, annot, op->text);
}

/* URIs must be 7-bit ASCII in PDF: other bytes (UTF-8 of an IRI), controls
 * and spaces are percent-encoded. */
static HPDF_STATUS draw_uri(struct pen *p, const draw_op *op)
{
	pdf_writer *w = p->w;
	if (!op->text || !op->text[0])
		return HPDF_INVALID_URI;
	size_t len = strlen(op->text);
	if (w->buf_cap < 3 * len + 1) {
		w->buf_cap = 3 * len + 1;
		w->buf = xrealloc(w->buf, w->buf_cap);
	}
	char *o = w->buf;
	for (const unsigned char *s = (const unsigned char *)op->text; *s; s++) {
		if (*s <= 0x20 || *s >= 0x7F) {
			static const char hex[] = "0123456789ABCDEF";
			*o++ = '%';
			*o++ = hex[*s >> 4];
			*o++ = hex[*s & 15];
		} else {
			*o++ = (char)*s;
		}
	}
	*o = '\0';
	HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(p->page, op_rect(op), w->buf);
	if (!annot)
		return status_of(w, HPDF_OK);
	return finish_annot(p, op, annot, op->text);
}

static const char *op_name(enum draw_kind k)
{
	switch (k) {
	case DRAW_TEXT:
		return "text";
	case DRAW_RECT:
		return "rectangle";
	case DRAW_LINE:
		return "line";
	case DRAW_PATH:
		return "path";
	case DRAW_CIRCLE:
		return "circle";
	case DRAW_LINK:
		return "link";
	case DRAW_URI:
		return "URI link";
	case DRAW_IMAGE:
		return "image";
	}
	return "unknown operation";
}

/* Bytes of s to quote in a message: at most max, not cutting a UTF-8
 * sequence. */
static int excerpt_len(const char *s, size_t max)
{
	if (!s)
		return 0;
	size_t n = strlen(s);
	if (n <= max)
		return (int)n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return (int)max;
}

/* Are all of an op's coordinates finite numbers? */
static int op_finite(const draw_op *op)
{
	if (!isfinite(op->x) || !isfinite(op->y) || !isfinite(op->x2) || !isfinite(op->y2) ||
	    !isfinite(op->w) || !isfinite(op->h) || !isfinite(op->size) || !isfinite(op->dest_y))
		return 0;
	if (op->kind == DRAW_PATH && op->pts)
		for (size_t i = 0; i < 2 * op->npts; i++)
			if (!isfinite(op->pts[i]))
				return 0;
	return 1;
}

/* Draws page pg of doc on the PDF's page pg, into its current content
 * stream.  Returns 0, or -1 after reporting. */
static int draw_page(pdf_writer *w, const document *doc, size_t pg, diag *d)
{
	HPDF_Page *pages = w->pages;
	struct pen p = {
	        .w = w, .page = pages[pg], .doc = doc, .pg = pg, .face = -1, .line_width = -1};
	const page *pgs = &doc->pages[pg];

	for (size_t i = 0; i < pgs->n; i++) {
		const draw_op *op = &pgs->ops[i];
		HPDF_STATUS st = HPDF_OK;

		if (!op_finite(op)) {
			diag_error(d, NULL,
			           "PDF writer: page %zu, %s %zu: coordinate is not a number",
			           pg + 1, op_name(op->kind), i);
			return -1;
		}
		/* Annotations are not content: they do not interrupt a text object. */
		if (op->kind != DRAW_LINK && op->kind != DRAW_URI)
			st = mark_content(&p, op);
		if (st == HPDF_OK && op->kind != DRAW_TEXT && op->kind != DRAW_LINK &&
		    op->kind != DRAW_URI)
			st = end_text(&p);
		if (st == HPDF_OK) {
			switch (op->kind) {
			case DRAW_TEXT:
				st = draw_text(&p, op);
				break;
			case DRAW_RECT:
				st = draw_rect(&p, op);
				break;
			case DRAW_LINE:
				st = draw_line(&p, op);
				break;
			case DRAW_PATH:
				st = draw_path(&p, op);
				break;
			case DRAW_CIRCLE:
				st = draw_circle(&p, op);
				break;
			case DRAW_LINK:
				st = draw_link(&p, op, pages, w->npages);
				break;
			case DRAW_URI:
				st = draw_uri(&p, op);
				break;
			case DRAW_IMAGE:
				st = draw_image(&p, op);
				break;
			default:
				diag_error(d, NULL,
				           "PDF writer: page %zu: unknown drawing operation %d",
				           pg + 1, (int)op->kind);
				return -1;
			}
		}
		if (st != HPDF_OK) {
			if (op->kind == DRAW_LINK && st == HPDF_INVALID_PAGE && w->err == HPDF_OK)
				diag_error(
				        d, NULL,
				        "PDF writer: page %zu: link to page %d, but the document "
				        "has %zu pages",
				        pg + 1, op->dest_page + 1, doc->npages);
			else if (op->kind == DRAW_IMAGE)
				report(w, d, st, "PDF writer: page %zu: drawing image %s", pg + 1,
				       op->text ? op->text : "");
			else if (op->kind == DRAW_TEXT)
				report(w, d, st,
				       "PDF writer: page %zu: drawing text \"%.*s\" (%s %g pt)",
				       pg + 1, excerpt_len(op->text, 40), op->text ? op->text : "",
				       face_name(op->face), (double)op->size);
			else
				report(w, d, st, "PDF writer: page %zu: drawing %s %zu", pg + 1,
				       op_name(op->kind), i);
			return -1;
		}
	}
	HPDF_STATUS st = end_marked(&p);
	if (st != HPDF_OK) {
		report(w, d, st, "PDF writer: page %zu: ending text", pg + 1);
		return -1;
	}
	return 0;
}

/* The code points drawn with font object `font` (several faces may share
 * one when they name the same file): a bit set, malloc'ed, and the highest
 * code in *top; NULL if none. */
static uint8_t *drawn_with(pdf_writer *w, HPDF_Font font, uint32_t *top)
{
	uint8_t *set = NULL;
	for (int f = 0; f < FACE_COUNT; f++) {
		if (w->font[f] != font || !w->drawn[f])
			continue;
		if (!set)
			set = xcalloc(0x10000 / 8, 1);
		for (size_t i = 0; i < 0x10000 / 8; i++)
			set[i] |= w->drawn[f][i];
	}
	*top = 0;
	for (uint32_t cp = 0; set && cp <= 0xFFFF; cp++)
		if ((set[cp >> 3] >> (cp & 7)) & 1)
			*top = cp;
	return set;
}

/* Writes font's CIDToGIDMap: for each code drawn (codes are UCS-2 code
 * points) its glyph, renumbered through new_gid if that is not NULL, and 0
 * for the rest; the map ends at the highest code drawn.  The bundled
 * report's four maps shrink from 4 x 128 KB raw to under 16 KB. */
static HPDF_STATUS write_gid_map(HPDF_Font font, HPDF_FontDef def, const uint8_t *drawn,
                                 uint32_t top, const uint16_t *new_gid, size_t num_glyphs)
{
	HPDF_FontAttr attr = font->attr;
	if (!attr || !attr->map_stream || !attr->map_stream->stream)
		return HPDF_INVALID_FONT;
	uint8_t *map = xcalloc((size_t)top + 1, 2);
	for (uint32_t cp = 0; cp <= top; cp++) {
		if (!((drawn[cp >> 3] >> (cp & 7)) & 1))
			continue;
		HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
		if (new_gid)
			gid = gid < num_glyphs ? new_gid[gid] : 0;
		map[2 * cp] = (uint8_t)(gid >> 8);
		map[2 * cp + 1] = (uint8_t)gid;
	}
	HPDF_Stream s = attr->map_stream->stream;
	HPDF_MemStream_FreeData(s);
	HPDF_STATUS st = HPDF_Stream_Write(s, map, (top + 1) * 2);
	free(map);
	return st;
}

/* Embeds font's program the way libharu does (glyf subset, the other
 * tables whole), without glyph names (see ttf.h): for fonts ttf_subset does
 * not take.  libharu writes the program from the font's before-write hook
 * during the save; the hook is run here instead, once, after the glyphs to
 * keep are marked, and the program it wrote is then rewritten. */
static HPDF_STATUS embed_like_libharu(HPDF_Font font, HPDF_FontDef def, const uint8_t *drawn,
                                      uint32_t top)
{
	for (uint32_t cp = 0; cp <= top; cp++)
		if ((drawn[cp >> 3] >> (cp & 7)) & 1) /* marks the glyph for the subset */
			HPDF_TTFontDef_GetCharWidth(def, (HPDF_UINT16)cp);
	HPDF_STATUS st = write_gid_map(font, def, drawn, top, NULL, 0);
	if (st != HPDF_OK)
		return st;
	if ((st = font->before_write_fn(font)) != HPDF_OK)
		return st;
	font->before_write_fn = NULL;
	HPDF_FontAttr attr = font->attr;
	HPDF_Dict desc = attr && attr->fontdef ? attr->fontdef->descriptor : NULL;
	HPDF_Dict data = desc ? HPDF_Dict_GetItem(desc, "FontFile2", HPDF_OCLASS_DICT) : NULL;
	if (!data || !data->stream)
		return HPDF_OK; /* not embedded */
	uint8_t *prog;
	size_t size;
	if ((st = read_whole_stream(data->stream, &prog, &size)) != HPDF_OK)
		return st;
	size_t small_len;
	uint8_t *small = ttf_drop_glyph_names(prog, size, &small_len);
	free(prog);
	if (!small)
		return HPDF_OK; /* an unusual program: embed it as libharu wrote it */
	HPDF_MemStream_FreeData(data->stream);
	st = HPDF_Stream_Write(data->stream, small, (HPDF_UINT)small_len);
	free(small);
	if (st == HPDF_OK)
		st = HPDF_Dict_AddNumber(data, "Length1", (HPDF_INT32)small_len);
	return st;
}

/* Embeds font's program as a subset made by ttf_subset: only the glyphs
 * drawn, renumbered, so that every table shrinks, not only glyf.  Returns
 * HPDF_OK, a libharu error, or -1 if the font is not one ttf_subset takes
 * (nothing changed then). */
static long embed_subset(pdf_writer *w, HPDF_Font font, HPDF_FontDef def, const uint8_t *drawn,
                         uint32_t top)
{
	HPDF_TTFontDefAttr da = def->attr;
	if (!da || !da->stream || da->stream->read_fn != mapped_read)
		return -1;
	const mapped_file *m = da->stream->attr;
	size_t num = ttf_num_glyphs(m->data, m->size);
	if (num == 0)
		return -1;
	uint8_t *keep = xcalloc(num, 1);
	uint16_t *new_gid = xcalloc(num, sizeof(*new_gid));
	for (uint32_t cp = 0; cp <= top; cp++)
		if ((drawn[cp >> 3] >> (cp & 7)) & 1) {
			HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
			if (gid < num)
				keep[gid] = 1;
		}
	size_t len;
	uint8_t *prog = ttf_subset(m->data, m->size, keep, new_gid, &len);
	free(keep);
	if (!prog) {
		free(new_gid);
		return -1;
	}
	HPDF_STATUS st = write_gid_map(font, def, drawn, top, new_gid, num);
	free(new_gid);
	/* the descriptor, without libharu's program */
	if (st == HPDF_OK) {
		da->embedding = HPDF_FALSE;
		st = font->before_write_fn(font);
		da->embedding = HPDF_TRUE;
		font->before_write_fn = NULL;
	}
	HPDF_Dict desc = def->descriptor;
	HPDF_Dict data = NULL;
	if (st == HPDF_OK && !desc)
		st = HPDF_INVALID_FONT;
	if (st == HPDF_OK) {
		data = HPDF_DictStream_New(w->pdf->mmgr, w->pdf->xref);
		st = data ? HPDF_Stream_Write(data->stream, prog, (HPDF_UINT)len)
		          : status_of(w, HPDF_OK);
	}
	if (st == HPDF_OK) {
		data->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
		st = HPDF_Dict_AddNumber(data, "Length1", (HPDF_INT32)len);
	}
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(desc, "FontFile2", data);
	free(prog);
	return st;
}

/* Embeds each drawn font's program and writes its CIDToGIDMap. */
static HPDF_STATUS embed_fonts(pdf_writer *w)
{
	for (int f = 0; f < FACE_COUNT; f++) {
		HPDF_Font font = w->font[f];
		if (!font || !font->before_write_fn)
			continue; /* not drawn, or done (shared with an earlier face) */
		uint32_t top;
		uint8_t *drawn = drawn_with(w, font, &top);
		if (!drawn)
			continue;
		long st = embed_subset(w, font, w->def[f], drawn, top);
		if (st < 0)
			st = embed_like_libharu(font, w->def[f], drawn, top);
		free(drawn);
		if (st != HPDF_OK)
			return (HPDF_STATUS)st;
	}
	return HPDF_OK;
}

/* Replaces the /W (widths) array of each face's CIDFont with one listing
 * only the code points drawn with it (whose widths differ from /DW), with the
 * same values libharu computed.  The new array is attached first and filled
 * in place, so that libharu owns it even if filling fails. */
static HPDF_STATUS trim_widths(pdf_writer *w)
{
	for (int f = 0; f < FACE_COUNT; f++) {
		if (!w->font[f] || !w->drawn[f])
			continue;
		HPDF_FontAttr attr = w->font[f]->attr;
		HPDF_Dict cidfont = attr ? attr->descendant_font : NULL;
		if (!cidfont)
			return HPDF_INVALID_FONT;
		HPDF_Array widths = HPDF_Array_New(w->pdf->mmgr);
		HPDF_STATUS st =
		        widths ? HPDF_Dict_Add(cidfont, "W", widths) : status_of(w, HPDF_OK);
		if (st != HPDF_OK)
			return st;

		int dw = w->def[f]->missing_width; /* libharu's /DW */
		HPDF_Array run = NULL;             /* widths of consecutive codes */
		for (uint32_t cp = 0; cp <= 0xFFFF; cp++) {
			int used = (w->drawn[f][cp >> 3] >> (cp & 7)) & 1;
			int width = used ? (int16_t)(lookup(w, (face_id)f, cp) & 0xFFFFu) : dw;
			if (width == dw) {
				run = NULL;
				continue;
			}
			if (!run) {
				st = HPDF_Array_AddNumber(widths, (HPDF_INT32)cp);
				run = st == HPDF_OK ? HPDF_Array_New(w->pdf->mmgr) : NULL;
				if (st == HPDF_OK)
					st = run ? HPDF_Array_Add(widths, run)
					         : status_of(w, HPDF_OK);
				if (st != HPDF_OK)
					return st;
			}
			if ((st = HPDF_Array_AddNumber(run, width)) != HPDF_OK)
				return st;
		}
	}
	return HPDF_OK;
}

/* Warns about every code point drawn with a face that lacks a glyph for it:
 * it shows as the .notdef glyph (a box), which PDF/A forbids.  Returns the
 * number of such code points. */
static size_t check_notdef(pdf_writer *w, diag *d)
{
	size_t total = 0;
	for (int f = 0; f < FACE_COUNT; f++) {
		if (!w->drawn[f])
			continue;
		char list[160] = "";
		size_t n = 0, at = 0;
		for (uint32_t cp = 0x20; cp <= 0xFFFF; cp++) {
			if (!((w->drawn[f][cp >> 3] >> (cp & 7)) & 1) ||
			    (lookup(w, (face_id)f, cp) & CACHE_HAS))
				continue;
			if (n++ < 8 && at < sizeof(list))
				at += (size_t)snprintf(list + at, sizeof(list) - at, " U+%04X",
				                       (unsigned)cp);
		}
		if (n)
			diag_warning(
			        d, NULL,
			        "PDF writer: face '%s' (%s) has no glyph for %zu character%s "
			        "drawn (%s%s): they show as .notdef boxes, which PDF/A forbids",
			        face_name((face_id)f), w->files.path[f], n, n == 1 ? "" : "s",
			        list + 1, n > 8 ? " ..." : "");
		total += n;
	}
	return total;
}

/* ------------------------------------------------- outline, metadata */

/* Bookmarks from doc->outline: an entry becomes a child of the nearest
 * preceding entry with a smaller level (so a skipped level still nests);
 * level-1 entries are open, deeper ones closed. */
static int add_outline(pdf_writer *w, const document *doc, HPDF_Page *pages, diag *d)
{
	if (doc->noutline == 0)
		return 0;
	struct node {
		int level;
		HPDF_Outline o;
	} *stack = xmalloc(doc->noutline * sizeof(*stack));
	size_t depth = 0;
	int rc = -1;

	for (size_t i = 0; i < doc->noutline; i++) {
		const outline_entry *e = &doc->outline[i];
		int level = e->level < 1 ? 1 : e->level;
		if (e->page < 0 || (size_t)e->page >= doc->npages) {
			diag_error(
			        d, NULL,
			        "PDF writer: bookmark \"%s\" points to page %d, but the document "
			        "has %zu pages",
			        e->title ? e->title : "", e->page + 1, doc->npages);
			goto out;
		}
		while (depth > 0 && stack[depth - 1].level >= level)
			depth--;
		HPDF_Outline parent = depth ? stack[depth - 1].o : NULL;

		sanitize(w, e->title ? e->title : "", 1, NULL);
		HPDF_Outline o = HPDF_CreateOutline(w->pdf, parent, w->buf, w->utf8);
		HPDF_STATUS st = o ? HPDF_OK : status_of(w, HPDF_OK);
		HPDF_Destination dst = NULL;
		if (st == HPDF_OK)
			st = HPDF_Outline_SetOpened(o, level == 1 ? HPDF_TRUE : HPDF_FALSE);
		if (st == HPDF_OK) {
			dst = make_dest(w, pages[e->page], e->y);
			if (!dst)
				st = status_of(w, HPDF_OK);
		}
		if (st == HPDF_OK)
			st = HPDF_Outline_SetDestination(o, dst);
		if (st != HPDF_OK) {
			report(w, d, st, "PDF writer: adding bookmark \"%s\"", e->title);
			goto out;
		}
		stack[depth].level = level;
		stack[depth].o = o;
		depth++;
	}
	rc = 0;
out:
	free(stack);
	return rc;
}

/* A BCP 47 tag is letters, digits and hyphens. */
static int valid_lang(const char *s)
{
	if (!s[0] || strlen(s) > 35)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

/* Sets Info from info and fills m with the same values (owned copies), for
 * the XMP metadata. */
static int set_info(pdf_writer *w, const doc_info *info, pdfa_meta *m, diag *d)
{
	static const struct {
		HPDF_InfoType type;
		const char *name;
		size_t offset, meta;
	} text[] = {
	        {HPDF_INFO_TITLE, "title", offsetof(doc_info, title), offsetof(pdfa_meta, title)},
	        {HPDF_INFO_AUTHOR, "author", offsetof(doc_info, author),
	         offsetof(pdfa_meta, author)},
	        {HPDF_INFO_SUBJECT, "subject", offsetof(doc_info, subject),
	         offsetof(pdfa_meta, subject)},
	        {HPDF_INFO_KEYWORDS, "keywords", offsetof(doc_info, keywords),
	         offsetof(pdfa_meta, keywords)},
	        {HPDF_INFO_CREATOR, "creator", offsetof(doc_info, creator),
	         offsetof(pdfa_meta, creator)},
	};
	HPDF_STATUS st;

	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		const char *v = *(const char *const *)((const char *)info + text[i].offset);
		if (!v)
			continue;
		sanitize(w, v, 1, NULL);
		*(char **)((char *)m + text[i].meta) = xstrdup(w->buf);
		if ((st = HPDF_SetInfoAttr(w->pdf, text[i].type, w->buf)) != HPDF_OK) {
			report(w, d, st, "PDF writer: setting the document %s", text[i].name);
			return -1;
		}
	}

	char producer[64];
	snprintf(producer, sizeof(producer), "rapport (libharu %s)", HPDF_GetVersion());
	if ((st = HPDF_SetInfoAttr(w->pdf, HPDF_INFO_PRODUCER, producer)) != HPDF_OK) {
		report(w, d, st, "PDF writer: setting the document producer");
		return -1;
	}
	m->producer = xstrdup(producer);

	if (pdfa_dates(m, info->date, info->mod_date, d) != 0)
		return -1;
	if ((st = pdfa_set_info_dates(w->pdf, m)) != HPDF_OK) {
		report(w, d, st, "PDF writer: setting the document dates");
		return -1;
	}

	if (info->lang) {
		if (!valid_lang(info->lang)) {
			diag_error(d, NULL,
			           "PDF writer: document language \"%s\" is not a language tag",
			           info->lang);
			return -1;
		}
		HPDF_String lang = HPDF_String_New(w->pdf->mmgr, info->lang, NULL);
		st = lang ? HPDF_Dict_Add(w->pdf->catalog, "Lang", lang) : status_of(w, HPDF_OK);
		if (st != HPDF_OK) {
			report(w, d, st, "PDF writer: setting the document language");
			return -1;
		}
		m->lang = info->lang;
	}
	return 0;
}

/* ---------------------------------------------------------------- write */

void pdf_writer_release_pages(pdf_writer *w, int yes)
{
	w->release_pages = yes;
}

/* Sets up drawing: the page tree (with intermediate nodes when there may be
 * many pages: flat /Kids arrays are limited and slow) and the compressor. */
static int begin(pdf_writer *w, int many_pages, diag *d)
{
	if (w->queue)
		return 0;
	HPDF_STATUS st;
	if (many_pages && (st = HPDF_SetPagesConfiguration(w->pdf, PAGES_PER_NODE)) != HPDF_OK) {
		report(w, d, st, "PDF writer: configuring the page tree");
		return -1;
	}
	w->queue = flate_queue_new();
	return 0;
}

/* Adds PDF pages until there are n. */
static int make_pages(pdf_writer *w, size_t n, diag *d)
{
	if (n > w->pages_cap) {
		size_t cap = w->pages_cap;
		GROW(w->pages, cap, n);
		w->early = xrealloc(w->early, cap);
		memset(w->early + w->pages_cap, 0, cap - w->pages_cap);
		w->pages_cap = cap;
	}
	for (; w->npages < n; w->npages++) {
		HPDF_Page made = HPDF_AddPage(w->pdf);
		HPDF_STATUS st = made ? HPDF_OK : status_of(w, HPDF_OK);
		if (st == HPDF_OK)
			st = HPDF_Page_SetWidth(made, (HPDF_REAL)PAGE_WIDTH);
		if (st == HPDF_OK)
			st = HPDF_Page_SetHeight(made, (HPDF_REAL)PAGE_HEIGHT);
		if (st != HPDF_OK) {
			report(w, d, st, "PDF writer: adding page %zu", w->npages + 1);
			return -1;
		}
		w->pages[w->npages] = made;
	}
	return 0;
}

/* Hands page pg's content (its current stream) to the compressor and, if
 * the writer releases pages, frees its operations. */
static int page_drawn(pdf_writer *w, document *doc, size_t pg, HPDF_Dict content, diag *d)
{
	HPDF_STATUS st = flate_queue_add(w->queue, content);
	if (st != HPDF_OK) {
		report(w, d, st, "PDF writer: compressing page %zu", pg + 1);
		return -1;
	}
	if (w->release_pages) { /* drawn: libharu holds the page now */
		free(doc->pages[pg].ops);
		doc->pages[pg].ops = NULL;
		doc->pages[pg].n = doc->pages[pg].cap = 0;
	}
	return 0;
}

/* Whether page pg links to a page not made yet. */
static int links_ahead(const pdf_writer *w, const page *pg)
{
	for (size_t i = 0; i < pg->n; i++)
		if (pg->ops[i].kind == DRAW_LINK && pg->ops[i].dest_page >= 0 &&
		    (size_t)pg->ops[i].dest_page >= w->npages)
			return 1;
	return 0;
}

int pdf_writer_draw(pdf_writer *w, document *doc, size_t from, size_t to, diag *d)
{
	if (w->used || w->draw_failed)
		return -1;
	if (begin(w, 1, d) != 0 || make_pages(w, to, d) != 0) {
		w->draw_failed = 1;
		return -1;
	}
	for (size_t i = from; i < to && i < doc->npages; i++) {
		if (w->early[i] || links_ahead(w, &doc->pages[i]))
			continue; /* a link needs its target: drawn at the end */
		HPDF_PageAttr attr = w->pages[i]->attr;
		if (draw_page(w, doc, i, d) != 0 || page_drawn(w, doc, i, attr->contents, d) != 0) {
			w->draw_failed = 1;
			return -1;
		}
		w->early[i] = 1;
	}
	return 0;
}

/* Gives page pg a second content stream, for what was added to it after
 * it was drawn (the running head and foot), and makes it the one drawn
 * into: /Contents becomes [first second]. */
static HPDF_Dict second_stream(pdf_writer *w, HPDF_Page pdf_page)
{
	HPDF_PageAttr attr = pdf_page->attr;
	HPDF_Dict late = HPDF_DictStream_New(w->pdf->mmgr, w->pdf->xref);
	HPDF_Array both = late ? HPDF_Array_New(w->pdf->mmgr) : NULL;
	if (!both)
		return NULL;
	late->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_STATUS st = HPDF_Dict_Add(pdf_page, "Contents", both);
	if (st == HPDF_OK)
		st = HPDF_Array_Add(both, attr->contents);
	if (st == HPDF_OK)
		st = HPDF_Array_Add(both, late);
	if (st != HPDF_OK)
		return NULL;
	attr->contents = late;
	attr->stream = late->stream;
	return late;
}

int pdf_writer_write(pdf_writer *w, document *doc, const char *path, diag *d)
{
	if (w->used) {
		diag_error(d, NULL, "PDF writer: a writer can save only one document");
		return -1;
	}
	w->used = 1;
	if (w->draw_failed)
		return -1; /* reported */
	if (doc->npages == 0) {
		diag_error(d, NULL, "PDF writer: the document has no pages");
		return -1;
	}

	HPDF_STATUS st;
	pdfa_meta meta = {0};
	pdf_objs objs = {0};
	int rc = -1;
	if (w->npages > doc->npages) {
		diag_error(d, NULL, "PDF writer: %zu pages were drawn, but the document has %zu",
		           w->npages, doc->npages);
		goto out;
	}
	/* all pages first (links and bookmarks may point forward), then what
	 * was not drawn during the layout, and what was added to those pages
	 * since they were drawn */
	if (begin(w, doc->npages > PAGES_PER_NODE, d) != 0 || make_pages(w, doc->npages, d) != 0)
		goto out;
	for (size_t i = 0; i < doc->npages; i++) {
		HPDF_Dict content = ((HPDF_PageAttr)w->pages[i]->attr)->contents;
		if (w->early[i] && doc->pages[i].n == 0)
			continue;
		if (w->early[i] && !(content = second_stream(w, w->pages[i]))) {
			report(w, d, HPDF_OK, "PDF writer: page %zu: adding a content stream",
			       i + 1);
			goto out;
		}
		if (draw_page(w, doc, i, d) != 0 || page_drawn(w, doc, i, content, d) != 0)
			goto out;
	}
	HPDF_Page *pages = w->pages;
	if (add_outline(w, doc, pages, d) != 0 || set_info(w, &doc->info, &meta, d) != 0)
		goto out;
	check_notdef(w, d);
	if ((st = pdfa_add_metadata(w->pdf, &meta)) != HPDF_OK) {
		report(w, d, st, "PDF writer: adding the XMP metadata");
		goto out;
	}
	char mod_date[24];
	if (meta.modified[0])
		pdfa_pdf_date(meta.modified, mod_date);
	if (pdfa_add_output_intent(w->pdf, d) != 0 ||
	    embed_files(w->pdf, w->attach, w->nattach, meta.modified[0] ? mod_date : NULL, d) != 0)
		goto out;

	HPDF_Dict prefs = HPDF_Dict_New(w->pdf->mmgr); /* the title, not the file name */
	if ((st = prefs ? HPDF_Dict_Add(w->pdf->catalog, "ViewerPreferences", prefs)
	                : status_of(w, HPDF_OK)) != HPDF_OK ||
	    (st = HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE)) != HPDF_OK ||
	    (st = HPDF_SetPageMode(w->pdf, doc->noutline ? HPDF_PAGE_MODE_USE_OUTLINE
	                                                 : HPDF_PAGE_MODE_USE_NONE)) != HPDF_OK ||
	    (st = HPDF_SetPageLayout(w->pdf, HPDF_PAGE_LAYOUT_SINGLE)) != HPDF_OK) {
		report(w, d, st, "PDF writer: setting the page mode and layout");
		goto out;
	}
	if ((st = trim_widths(w)) != HPDF_OK) {
		report(w, d, st, "PDF writer: writing the fonts' width tables");
		goto out;
	}
	if ((st = embed_fonts(w)) != HPDF_OK) {
		report(w, d, st, "PDF writer: embedding the font programs");
		goto out;
	}
	if ((st = tounicode_fix(w->pdf)) != HPDF_OK) {
		report(w, d, st, "PDF writer: replacing the fonts' ToUnicode maps");
		goto out;
	}
	/* the rest (fonts, maps, profile) to the compressor, which then
	 * finishes with this thread's help */
	st = flate_queue_add_all(w->queue, w->pdf);
	HPDF_STATUS fin = flate_queue_finish(w->queue);
	w->queue = NULL;
	if (st == HPDF_OK)
		st = fin;
	if (st != HPDF_OK) {
		report(w, d, st, "PDF writer: compressing the streams");
		goto out;
	}
	/* the structure tree last: its objects are numbered after libharu's */
	if ((st = tags_finish(w->tags, w->pdf, doc, w->pages, w->npages, &objs)) != HPDF_OK) {
		report(w, d, st, "PDF writer: writing the structure tree");
		goto out;
	}
	/* Anything libharu noted without failing a call would fail the save. */
	if (w->err != HPDF_OK) {
		report(w, d, HPDF_OK, "PDF writer: libharu reported an error while drawing");
		goto out;
	}
	if (pdfa_save(w->pdf, &objs, path, d) != 0)
		goto out;
	rc = 0;
out:
	objs_free(&objs);
	free((char *)meta.title);
	free((char *)meta.author);
	free((char *)meta.subject);
	free((char *)meta.keywords);
	free((char *)meta.creator);
	free((char *)meta.producer);
	return rc;
}
