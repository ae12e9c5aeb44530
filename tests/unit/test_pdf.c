/*
 * test_pdf.c - the PDF writer, fonts list, UTF-8 decoding and atomic output.
 *
 * Writes a small hand-made two-page document with the real fonts and reads
 * it back with poppler (pdftotext, pdfinfo, pdffonts) and qpdf.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

/* Only to cross-check the writer's metrics against libharu's own rendering
 * width; production code outside core/pdf never includes it. */
#include <hpdf.h>

#include "base/diag.h"
#include "base/file.h"
#include "page/page.h"
#include "base/output.h"
#include "pdf/fontlist.h"
#include "pdf/pdf.h"
#include "text/fonts.h"

/* ------------------------------------------------------------- helpers */

static char tmpdir[256];

static int make_tmpdir(void **state)
{
	(void)state;
	const char *base = getenv("TMPDIR");
	snprintf(tmpdir, sizeof(tmpdir), "%s/test_pdf.XXXXXX", base && *base ? base : "/tmp");
	return mkdtemp(tmpdir) ? 0 : -1;
}

/* TEST_PDF_KEEP=1 keeps the directory (and the PDFs) for inspection. */
static int remove_tmpdir(void **state)
{
	(void)state;
	if (getenv("TEST_PDF_KEEP")) {
		fprintf(stderr, "test_pdf: kept %s\n", tmpdir);
		return 0;
	}
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void tmp_path(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", tmpdir, name);
}

static const char *fonts_list(void)
{
	static char path[1024];
	const char *top = getenv("top_srcdir");
#ifdef ABS_TOP_SRCDIR
	if (!top || !*top)
		top = ABS_TOP_SRCDIR;
#endif
	if (!top || !*top)
		top = "../..";
	snprintf(path, sizeof(path), "%s/fonts/fonts.list", top);
	return path;
}

static void quiet_diag(diag *d)
{
	diag_init(d);
	d->quiet = 1;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* Reads a whole file (NUL-terminated); *len gets its size. */
static char *read_file(const char *path, size_t *len)
{
	unsigned char *b;
	size_t n;
	if (file_read(path, 0, &b, &n) != FILE_READ_OK)
		return NULL;
	if (len)
		*len = n;
	return (char *)b;
}

/* Runs a shell command; stdout and stderr go to files in tmpdir, which are
 * returned (malloc'd).  Returns the exit status. */
static int run(const char *cmd, char **out, char **err)
{
	char o[512], e[512], full[2048];
	tmp_path(o, sizeof(o), "cmd.out");
	tmp_path(e, sizeof(e), "cmd.err");
	snprintf(full, sizeof(full), "%s >'%s' 2>'%s'", cmd, o, e);
	int st = system(full);
	if (out)
		*out = read_file(o, NULL);
	if (err)
		*err = read_file(e, NULL);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* ----------------------------------------------------------- UTF-8 etc */

static uint32_t dec1(const char *s, size_t len, size_t *used)
{
	const char *p = s;
	uint32_t cp = utf8_next(&p, s + len);
	*used = (size_t)(p - s);
	return cp;
}

static void test_utf8_next(void **state)
{
	(void)state;
	size_t used;
	assert_int_equal(dec1("A", 1, &used), 'A');
	assert_int_equal(used, 1);
	assert_int_equal(dec1("\xc3\xa5", 2, &used), 0xE5); /* å */
	assert_int_equal(used, 2);
	assert_int_equal(dec1("\xe2\x80\x93", 3, &used), 0x2013); /* – */
	assert_int_equal(used, 3);
	assert_int_equal(dec1("\xf0\x9f\x98\x80", 4, &used), 0x1F600);
	assert_int_equal(used, 4);
	assert_int_equal(dec1("\xf4\x8f\xbf\xbf", 4, &used), 0x10FFFF);
	assert_int_equal(used, 4);

	/* overlongs */
	assert_int_equal(dec1("\xc0\x80", 2, &used), 0xFFFD);
	assert_int_equal(used, 1);
	assert_int_equal(dec1("\xc1\xbf", 2, &used), 0xFFFD);
	assert_int_equal(used, 1);
	assert_int_equal(dec1("\xe0\x80\xaf", 3, &used), 0xFFFD);
	assert_int_equal(used, 1);
	assert_int_equal(dec1("\xf0\x8f\xbf\xbf", 4, &used), 0xFFFD);
	assert_int_equal(used, 1);
	/* surrogates */
	assert_int_equal(dec1("\xed\xa0\x80", 3, &used), 0xFFFD);
	assert_int_equal(used, 1);
	assert_int_equal(dec1("\xed\x9f\xbf", 3, &used), 0xD7FF);
	/* beyond U+10FFFF */
	assert_int_equal(dec1("\xf4\x90\x80\x80", 4, &used), 0xFFFD);
	assert_int_equal(used, 1);
	assert_int_equal(dec1("\xf5\x80\x80\x80", 4, &used), 0xFFFD);
	assert_int_equal(used, 1);
	/* stray continuation, truncated sequences */
	assert_int_equal(dec1("\x80", 1, &used), 0xFFFD);
	assert_int_equal(used, 1);
	assert_int_equal(dec1("\xe2\x80", 2, &used), 0xFFFD);
	assert_int_equal(used, 2);
	assert_int_equal(dec1("\xe2\x80Z", 3, &used), 0xFFFD); /* the Z survives */
	assert_int_equal(used, 2);
	assert_int_equal(dec1("\xc3\xa5", 1, &used), 0xFFFD); /* end cuts it */
	assert_int_equal(used, 1);
	assert_int_equal(dec1("\xff", 1, &used), 0xFFFD);
	assert_int_equal(used, 1);

	/* at the end: U+FFFD, no move */
	const char *s = "x";
	const char *p = s + 1;
	assert_int_equal(utf8_next(&p, s + 1), 0xFFFD);
	assert_ptr_equal(p, s + 1);
}

static int w500(void *ud, face_id f, uint32_t cp)
{
	(void)ud;
	(void)f;
	return cp == ' ' ? 250 : 500;
}

static void test_text_width_and_names(void **state)
{
	(void)state;
	metrics m = {.width = w500};
	/* "aå b": 500 + 500 + 250 + 500 = 1750 -> 17.5 pt at 10 pt */
	assert_float_equal(text_width(&m, FACE_SERIF, 10, "a\xc3\xa5 b", 5), 17.5, 1e-9);
	assert_float_equal(text_width(&m, FACE_SERIF, 10, "abc", 0), 0, 0);
	/* invalid byte counts as one character */
	assert_float_equal(text_width(&m, FACE_SERIF, 10, "\xff", 1), 5, 1e-9);

	assert_string_equal(face_name(FACE_SERIF), "serif");
	assert_string_equal(face_name(FACE_SERIF_BOLD_ITALIC), "serif-bold-italic");
	assert_string_equal(face_name(FACE_SANS_BOLD), "sans-bold");
	assert_non_null(face_name((face_id)99));
}

/* ---------------------------------------------------------- fonts.list */

static void test_fontlist_ok(void **state)
{
	(void)state;
	font_list fl;
	diag d;
	quiet_diag(&d);
	assert_int_equal(font_list_load(&fl, fonts_list(), &d), 0);
	assert_int_equal(d.errors, 0);
	for (int f = 0; f < FACE_COUNT; f++) {
		assert_non_null(fl.path[f]);
		assert_int_equal(access(fl.path[f], R_OK), 0);
	}
	assert_non_null(strstr(fl.path[FACE_SERIF], "LiberationSerif-Regular.ttf"));
	font_list_free(&fl);
	font_list_free(&fl); /* twice is fine */

	/* relative paths with a slash are relative to the list's directory;
	 * comments after values; several spaces; CRLF */
	char dir[512], list[600], link[600];
	tmp_path(dir, sizeof(dir), "fl");
	mkdir(dir, 0755);
	snprintf(link, sizeof(link), "%s/Serif.ttf", dir);
	unlink(link);
	assert_int_equal(
	        symlink("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", link),
	        0);
	snprintf(list, sizeof(list), "%s/my.list", dir);
	write_file(list, "# test\r\n"
	                 "dir   /nonexistent/dir   # not there: skipped\r\n"
	                 "dir /usr/share/fonts/truetype/liberation2\n"
	                 "serif ./Serif.ttf\n"
	                 "serif-bold LiberationSerif-Bold.ttf\n"
	                 "serif-italic LiberationSerif-Italic.ttf\n"
	                 "   serif-bold-italic\tLiberationSerif-BoldItalic.ttf\n"
	                 "sans LiberationSans-Regular.ttf\n"
	                 "sans-bold LiberationSans-Bold.ttf\n");
	assert_int_equal(font_list_load(&fl, list, &d), 0);
	assert_string_equal(fl.path[FACE_SERIF], link);
	assert_string_equal(fl.path[FACE_SANS_BOLD],
	                    "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf");
	font_list_free(&fl);
}

/* Loads list text; expects failure with `want` in the last message. */
static void expect_list_error(const char *text, const char *want)
{
	char list[512];
	tmp_path(list, sizeof(list), "bad.list");
	write_file(list, text);
	font_list fl;
	diag d;
	quiet_diag(&d);
	assert_int_equal(font_list_load(&fl, list, &d), -1);
	assert_true(d.errors > 0);
	if (!strstr(d.last, want))
		fail_msg("expected \"%s\" in \"%s\"", want, d.last);
	for (int f = 0; f < FACE_COUNT; f++)
		assert_null(fl.path[f]);
}

static const char ALL_FACES[] = "serif LiberationSerif-Regular.ttf\n"
                                "serif-bold LiberationSerif-Bold.ttf\n"
                                "serif-italic LiberationSerif-Italic.ttf\n"
                                "serif-bold-italic LiberationSerif-BoldItalic.ttf\n"
                                "sans LiberationSans-Regular.ttf\n";

static void test_fontlist_errors(void **state)
{
	(void)state;
	char buf[2048];

	snprintf(buf, sizeof(buf),
	         "dir /usr/share/fonts/truetype/liberation2\n%s"
	         "sans-bold LiberationSans-Bold.ttf\nsansbold x.ttf\n",
	         ALL_FACES);
	expect_list_error(buf, "bad.list:8: error: unknown face or keyword 'sansbold'");

	snprintf(buf, sizeof(buf), "dir /usr/share/fonts/truetype/liberation2\n%s\n\n", ALL_FACES);
	expect_list_error(buf, "no font file given for face 'sans-bold'");

	snprintf(buf, sizeof(buf),
	         "dir /usr/share/fonts/truetype/liberation2\n%s"
	         "sans-bold\n",
	         ALL_FACES);
	expect_list_error(buf, "bad.list:7: error: face 'sans-bold' needs a font file name");

	snprintf(buf, sizeof(buf),
	         "dir /usr/share/fonts/truetype/liberation2\n%s"
	         "sans x.ttf\nsans-bold LiberationSans-Bold.ttf\n",
	         ALL_FACES);
	expect_list_error(buf, "bad.list:7: error: face 'sans' given twice (first on line 6)");

	snprintf(buf, sizeof(buf),
	         "%ssans-bold /usr/share/fonts/truetype/liberation2/"
	         "LiberationSans-Bold.ttf\ndir\n",
	         ALL_FACES);
	expect_list_error(buf, "bad.list:7: error: 'dir' needs a directory");

	/* missing font: face, file and every directory searched */
	snprintf(buf, sizeof(buf),
	         "dir /usr/share/fonts/truetype/liberation2\ndir /nowhere\n%s"
	         "sans-bold NoSuchFont.ttf\n",
	         ALL_FACES);
	expect_list_error(buf, "bad.list:8: error: face 'sans-bold': font file 'NoSuchFont.ttf' "
	                       "not found in /usr/share/fonts/truetype/liberation2, /nowhere");

	snprintf(buf, sizeof(buf), "%s sans-bold LiberationSans-Bold.ttf\n", ALL_FACES);
	expect_list_error(buf, "no directory to search");

	snprintf(buf, sizeof(buf),
	         "dir /usr/share/fonts/truetype/liberation2\n%s"
	         "sans-bold fonts/missing.ttf\n",
	         ALL_FACES);
	expect_list_error(buf, "font file 'fonts/missing.ttf' not found (looked at ");

	font_list fl;
	diag d;
	quiet_diag(&d);
	assert_int_equal(font_list_load(&fl, "/nonexistent/fonts.list", &d), -1);
	assert_non_null(strstr(d.last, "/nonexistent/fonts.list"));
	assert_non_null(strstr(d.last, "cannot open"));
}

/* ------------------------------------------------------------- metrics */

/* libharu's own width of one UTF-8 character, from a separate document. */
static int hpdf_width(const char *font_file, const char *utf8)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	assert_non_null(pdf);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	const char *name = HPDF_LoadTTFontFromFile(pdf, font_file, HPDF_TRUE);
	assert_non_null(name);
	HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
	assert_non_null(font);
	HPDF_TextWidth tw =
	        HPDF_Font_TextWidth(font, (const HPDF_BYTE *)utf8, (HPDF_UINT)strlen(utf8));
	HPDF_Free(pdf);
	return (int)tw.width;
}

static void test_metrics(void **state)
{
	(void)state;
	diag d;
	quiet_diag(&d);
	pdf_writer *w = pdf_writer_new(fonts_list(), &d);
	assert_non_null(w);
	const metrics *m = pdf_writer_metrics(w);
	assert_non_null(m);
	const char *serif = pdf_writer_font_path(w, FACE_SERIF);
	assert_non_null(strstr(serif, "LiberationSerif-Regular.ttf"));
	assert_null(pdf_writer_font_path(w, FACE_COUNT));

	static const struct {
		uint32_t cp;
		const char *utf8;
	} chars[] = {{'a', "a"},
	             {'W', "W"},
	             {' ', " "},
	             {0xE5, "\xc3\xa5"},
	             {0xC4, "\xc3\x84"},
	             {0x2013, "\xe2\x80\x93"},
	             {0x201C, "\xe2\x80\x9c"},
	             {0x2212, "\xe2\x88\x92"}};
	for (size_t i = 0; i < sizeof(chars) / sizeof(chars[0]); i++) {
		int mine = m->width(m->ud, FACE_SERIF, chars[i].cp);
		assert_true(mine > 0);
		assert_int_equal(mine, hpdf_width(serif, chars[i].utf8));
		assert_true(m->has_glyph(m->ud, FACE_SERIF, chars[i].cp));
	}
	int a_bold = m->width(m->ud, FACE_SANS_BOLD, 'a');
	assert_int_equal(a_bold, hpdf_width(pdf_writer_font_path(w, FACE_SANS_BOLD), "a"));

	/* text_width over the writer's metrics = sum of widths * size / 1000 */
	double tw = text_width(m, FACE_SERIF, 12, "a\xc3\xa5", 3);
	assert_float_equal(tw,
	                   (m->width(m->ud, FACE_SERIF, 'a') + m->width(m->ud, FACE_SERIF, 0xE5)) *
	                           12.0 / 1000.0,
	                   1e-9);

	/* no CJK in Liberation; nothing beyond the BMP; NBSP measures as a space */
	assert_false(m->has_glyph(m->ud, FACE_SERIF, 0x4E00));
	assert_false(m->has_glyph(m->ud, FACE_SANS, 0x4E00));
	assert_false(m->has_glyph(m->ud, FACE_SERIF, 0x1F600));
	assert_false(m->has_glyph(m->ud, FACE_SERIF, 0xD800));
	assert_true(m->has_glyph(m->ud, FACE_SERIF, 0xA0));
	assert_int_equal(m->width(m->ud, FACE_SERIF, 0xA0), m->width(m->ud, FACE_SERIF, ' '));
	assert_int_equal(m->width(m->ud, FACE_SERIF, 0x1F600), m->width(m->ud, FACE_SERIF, 0xFFFD));

	for (int f = 0; f < FACE_COUNT; f++) {
		assert_true(m->ascent[f] > 500 && m->ascent[f] < 1200);
		assert_true(m->descent[f] < 0 && m->descent[f] > -500);
	}
	pdf_writer_free(w);

	/* a missing list gives NULL and a message */
	quiet_diag(&d);
	assert_null(pdf_writer_new("/nonexistent/fonts.list", &d));
	assert_int_equal(d.errors, 1);
}

/* ---------------------------------------------------- the whole writer */

static draw_op text_op(face_id f, float size, float x, float y, const char *s)
{
	draw_op op = {.kind = DRAW_TEXT, .face = f, .size = size, .x = x, .y = y, .text = s};
	return op;
}

static const float zigzag[] = {72, 500, 150, 560, 230, 520, 310, 590};

/* Two pages: text with Swedish letters, dashes, quotes, minus and a
 * no-break space; a rectangle, a line, a path, a circle; a link from page 1
 * to page 2 and a URI; a two-level outline. */
static void make_doc(document *doc, page pages[2], draw_op ops1[], size_t *n1, draw_op ops2[],
                     size_t *n2, outline_entry outline[3])
{
	size_t n = 0;
	ops1[n++] = text_op(FACE_SANS_BOLD, 18, 72, 760, "Rapport \xc3\xa5r 2020");
	ops1[n++] = text_op(FACE_SERIF, 11, 72, 730,
	                    "\xc3\xa5 \xc3\xa4 \xc3\xb6 \xc3\x85 \xc3\x84 \xc3\x96 \xc3\xa9 "
	                    "\xe2\x80\x93 \xe2\x80\x9c"
	                    "citat"
	                    "\xe2\x80\x9d "
	                    "\xe2\x88\x92"
	                    "5");
	ops1[n] = text_op(FACE_SERIF, 11, 72, 715,
	                  "Summa: 1\xc2\xa0"
	                  "257 kr");
	ops1[n++].fill = (rgb){0.8f, 0.1f, 0.1f};
	ops1[n++] = (draw_op){.kind = DRAW_RECT,
	                      .x = 72,
	                      .y = 600,
	                      .w = 200,
	                      .h = 50,
	                      .filled = 1,
	                      .fill = {0.2f, 0.4f, 0.8f},
	                      .stroked = 1,
	                      .stroke = {0, 0, 0},
	                      .line_width = 1};
	ops1[n++] = (draw_op){.kind = DRAW_LINE,
	                      .x = 72,
	                      .y = 590,
	                      .x2 = 523,
	                      .y2 = 590,
	                      .stroked = 1,
	                      .stroke = {0.5f, 0.5f, 0.5f},
	                      .line_width = 0.5f};
	ops1[n++] = (draw_op){.kind = DRAW_PATH,
	                      .pts = zigzag,
	                      .npts = 4,
	                      .stroked = 1,
	                      .stroke = {0, 0.6f, 0},
	                      .line_width = 2};
	ops1[n++] = (draw_op){.kind = DRAW_CIRCLE,
	                      .x = 400,
	                      .y = 625,
	                      .w = 20,
	                      .filled = 1,
	                      .fill = {1, 0.6f, 0}};
	ops1[n++] = text_op(FACE_SERIF_ITALIC, 11, 72, 450, "Se sidan 2");
	ops1[n++] = (draw_op){.kind = DRAW_LINK,
	                      .x = 70,
	                      .y = 446,
	                      .w = 60,
	                      .h = 14,
	                      .dest_page = 1,
	                      .dest_y = 780};
	ops1[n++] = (draw_op){.kind = DRAW_URI,
	                      .x = 72,
	                      .y = 430,
	                      .w = 100,
	                      .h = 14,
	                      .text = "https://example.org/\xc3\xa5r"};
	*n1 = n;

	n = 0;
	ops2[n++] = text_op(FACE_SANS_BOLD, 14, 72, 770, "Kapitel 2");
	ops2[n++] = text_op(FACE_SERIF, 11, 72, 740, "Sista sidan.");
	*n2 = n;

	pages[0] = (page){.ops = ops1, .n = *n1, .cap = *n1};
	pages[1] = (page){.ops = ops2, .n = *n2, .cap = *n2};
	outline[0] = (outline_entry){1, "Rapport \xc3\xa5r 2020", 0, 780};
	outline[1] = (outline_entry){2, "Summa \xe2\x80\x93 \xc3\x85\xc3\x84\xc3\x96", 0, 725};
	outline[2] = (outline_entry){1, "Kapitel 2", 1, 785};

	memset(doc, 0, sizeof(*doc));
	doc->pages = pages;
	doc->npages = doc->cap = 2;
	doc->outline = outline;
	doc->noutline = doc->outline_cap = 3;
	doc->info = (doc_info){.title = "Slutrapport \xc3\xa5r 2016\xe2\x80\x93"
	                                "2020",
	                       .author = "Testf\xc3\xb6rfattare",
	                       .subject = "Test",
	                       .keywords = "test, pdf",
	                       .creator = "rapport 0.1.0",
	                       .lang = "sv-SE",
	                       .date = "2021-02-11"};
}

/* Writes the test document to path; returns pdf_writer_write's result. */
static int write_doc(const char *path, diag *d)
{
	document doc;
	page pages[2];
	draw_op ops1[16], ops2[4];
	size_t n1, n2;
	outline_entry outline[3];
	make_doc(&doc, pages, ops1, &n1, ops2, &n2, outline);

	pdf_writer *w = pdf_writer_new(fonts_list(), d);
	assert_non_null(w);
	int rc = pdf_writer_write(w, &doc, path, d);
	pdf_writer_free(w);
	return rc;
}

/* Each line without leading and trailing blanks, empty lines dropped. */
static void squeeze_lines(char *s)
{
	char *o = s;
	for (char *line = s; *line;) {
		char *end = strchr(line, '\n');
		char *next = end ? end + 1 : line + strlen(line);
		if (!end)
			end = next;
		while (line < end && (*line == ' ' || *line == '\t'))
			line++;
		while (end > line && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
			end--;
		if (end > line) {
			memmove(o, line, (size_t)(end - line));
			o += end - line;
			*o++ = '\n';
		}
		line = next;
	}
	*o = '\0';
}

static void test_write_pdf(void **state)
{
	(void)state;
	char path[512], cmd[1200];
	tmp_path(path, sizeof(path), "doc.pdf");
	diag d;
	quiet_diag(&d);
	assert_int_equal(write_doc(path, &d), 0);
	assert_int_equal(d.errors, 0);

	char *out = NULL, *err = NULL;
	snprintf(cmd, sizeof(cmd), "pdftotext -layout '%s' -", path);
	assert_int_equal(run(cmd, &out, &err), 0);
	assert_string_equal(err, ""); /* no "Invalid ... ToUnicode CMap" warning */
	squeeze_lines(out);
	assert_string_equal(out, "Rapport \xc3\xa5r 2020\n"
	                         "\xc3\xa5 \xc3\xa4 \xc3\xb6 \xc3\x85 \xc3\x84 \xc3\x96 \xc3\xa9 "
	                         "\xe2\x80\x93 \xe2\x80\x9c"
	                         "citat"
	                         "\xe2\x80\x9d "
	                         "\xe2\x88\x92"
	                         "5\n"
	                         "Summa: 1 257 kr\n" /* an ASCII space */
	                         "Se sidan 2\n"
	                         "\f"
	                         "Kapitel 2\n"
	                         "Sista sidan.\n"
	                         "\f\n");
	free(out);
	free(err);

	snprintf(cmd, sizeof(cmd), "qpdf --check '%s'", path);
	assert_int_equal(run(cmd, &out, &err), 0);
	assert_non_null(strstr(out, "No syntax or stream encoding errors"));
	free(out);
	free(err);

	snprintf(cmd, sizeof(cmd), "pdfinfo '%s'", path);
	assert_int_equal(run(cmd, &out, &err), 0);
	assert_string_equal(err, "");
	assert_non_null(strstr(out, "Pages:           2\n"));
	assert_non_null(strstr(out, "Title:           Slutrapport \xc3\xa5r 2016\xe2\x80\x93"
	                            "2020\n"));
	assert_non_null(strstr(out, "Author:          Testf\xc3\xb6rfattare\n"));
	assert_non_null(strstr(out, "Producer:        rapport (libharu "));
	assert_non_null(strstr(out, "Page size:       595.276 x 841.89 pts (A4)"));
	free(out);
	free(err);

	/* only the faces drawn are embedded (serif-bold, serif-bold-italic and
	 * sans are not used), each as an embedded subset with ToUnicode */
	snprintf(cmd, sizeof(cmd), "pdffonts '%s'", path);
	assert_int_equal(run(cmd, &out, &err), 0);
	assert_non_null(strstr(out, "LiberationSerif "));
	assert_non_null(strstr(out, "LiberationSerif-Italic"));
	assert_non_null(strstr(out, "LiberationSans-Bold"));
	assert_null(strstr(out, "LiberationSerif-Bold "));
	assert_null(strstr(out, "LiberationSerif-BoldItalic"));
	assert_null(strstr(out, "LiberationSans "));
	int nfonts = 0;
	for (char *l = out; (l = strstr(l, "CID TrueType      Identity-H       yes yes yes")); l++)
		nfonts++;
	assert_int_equal(nfonts, 3);
	free(out);
	free(err);

	/* outline titles, catalog, annotations and the new ToUnicode CMap */
	snprintf(cmd, sizeof(cmd),
	         "qpdf --qdf --object-streams=disable '%s' '%s/qdf.pdf' && "
	         "tr -d '\\000' < '%s/qdf.pdf'", /* the ICC profile has NUL bytes */
	         path, tmpdir, tmpdir);
	assert_int_equal(run(cmd, &out, &err), 0);
	assert_memory_equal(out, "%PDF-1.7", 8);
	assert_non_null(strstr(out, "/Lang (sv-SE)"));
	assert_non_null(strstr(out, "/PageMode /UseOutlines"));
	assert_non_null(strstr(out, "/PageLayout /SinglePage"));
	assert_non_null(strstr(out, "/CreationDate (D:20210211000000Z)"));
	assert_non_null(strstr(out, "/CMapType 2 def"));
	assert_non_null(strstr(out, "/Ordering (UCS)"));
	assert_null(strstr(out, "begincidrange"));
	assert_null(strstr(out, "beginnotdefrange"));
	assert_non_null(strstr(out, "/F 4"));
	assert_non_null(strstr(out, "/Border [\n    0\n    0\n    0\n  ]"));
	assert_non_null(strstr(out, "/URI (https://example.org/%C3%A5r)"));
	assert_non_null(strstr(out, "/XYZ\n  null\n  780\n  null"));
	free(out);
	free(err);

	snprintf(cmd, sizeof(cmd), "qpdf --json --json-key=outlines '%s'", path);
	assert_int_equal(run(cmd, &out, &err), 0);
	assert_non_null(strstr(out, "\"title\": \"Rapport \xc3\xa5r 2020\""));
	assert_non_null(strstr(out, "\"title\": \"Summa \xe2\x80\x93 \xc3\x85\xc3\x84\xc3\x96\""));
	assert_non_null(strstr(out, "\"title\": \"Kapitel 2\""));
	/* the second entry is the first's child (qpdf lists "kids" before
	 * "title"): the first kids array is not empty and holds "Summa" */
	char *kids = strstr(out, "\"kids\": [");
	assert_non_null(kids);
	kids += strlen("\"kids\": [");
	kids += strspn(kids, " \n");
	assert_int_equal(*kids, '{');
	assert_true(strstr(out, "\"title\": \"Summa") < strstr(out, "\"title\": \"Rapport"));
	free(out);
	free(err);

	/* the widths the PDF states (/W, cut down to the characters drawn) are
	 * the writer's metrics: poppler places "sidan." where layout would */
	snprintf(cmd, sizeof(cmd), "pdftotext -bbox -f 2 -l 2 '%s' -", path);
	assert_int_equal(run(cmd, &out, &err), 0);
	char *word = strstr(out, ">sidan.</word>");
	assert_non_null(word);
	*word = '\0';
	word = strrchr(out, '<');
	double x0, y0, x1, y1;
	assert_int_equal(sscanf(word, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
	                        &x0, &y0, &x1, &y1),
	                 4);
	free(out);
	free(err);
	pdf_writer *w = pdf_writer_new(fonts_list(), &d);
	assert_non_null(w);
	const metrics *m = pdf_writer_metrics(w);
	assert_float_equal(x0, 72 + text_width(m, FACE_SERIF, 11, "Sista ", 6), 0.001);
	assert_float_equal(x1, 72 + text_width(m, FACE_SERIF, 11, "Sista sidan.", 12), 0.001);
	pdf_writer_free(w);

	/* deterministic: the same document gives the same bytes */
	char path2[512];
	tmp_path(path2, sizeof(path2), "doc2.pdf");
	assert_int_equal(write_doc(path2, &d), 0);
	size_t len1, len2;
	char *a = read_file(path, &len1), *b = read_file(path2, &len2);
	assert_int_equal(len1, len2);
	assert_memory_equal(a, b, len1);
	free(a);
	free(b);
}

static void test_write_errors(void **state)
{
	(void)state;
	char path[512];
	tmp_path(path, sizeof(path), "bad.pdf");
	diag d;
	quiet_diag(&d);
	pdf_writer *w = pdf_writer_new(fonts_list(), &d);
	assert_non_null(w);

	/* a link to a page that does not exist */
	draw_op ops[] = {{.kind = DRAW_LINK, .x = 1, .y = 1, .w = 10, .h = 10, .dest_page = 5}};
	page pg = {.ops = ops, .n = 1, .cap = 1};
	document doc = {.pages = &pg, .npages = 1, .cap = 1};
	assert_int_equal(pdf_writer_write(w, &doc, path, &d), -1);
	assert_non_null(strstr(d.last, "link to page 6, but the document has 1 pages"));
	/* one document per writer */
	assert_int_equal(pdf_writer_write(w, &doc, path, &d), -1);
	pdf_writer_free(w);

	/* libharu's own errors come with the code and its meaning */
	quiet_diag(&d);
	w = pdf_writer_new(fonts_list(), &d);
	draw_op big[] = {
	        {.kind = DRAW_TEXT, .face = FACE_SERIF, .size = 1000, .x = 1, .y = 1, .text = "x"}};
	pg = (page){.ops = big, .n = 1, .cap = 1};
	assert_int_equal(pdf_writer_write(w, &doc, path, &d), -1);
	assert_non_null(strstr(d.last, "libharu error 0x1050 (invalid font size"));
	pdf_writer_free(w);

	/* an unwritable destination */
	quiet_diag(&d);
	w = pdf_writer_new(fonts_list(), &d);
	draw_op ok[] = {
	        {.kind = DRAW_TEXT, .face = FACE_SERIF, .size = 10, .x = 1, .y = 1, .text = "x"}};
	pg = (page){.ops = ok, .n = 1, .cap = 1};
	assert_int_equal(pdf_writer_write(w, &doc, "/nonexistent/dir/x.pdf", &d), -1);
	assert_non_null(strstr(d.last, "cannot write /nonexistent/dir/x.pdf"));
	assert_non_null(strstr(d.last, "x.pdf: No such file or directory"));
	pdf_writer_free(w);

	/* bad dates are refused, not replaced by the clock */
	quiet_diag(&d);
	w = pdf_writer_new(fonts_list(), &d);
	doc.info.date = "2021-02-30";
	assert_int_equal(pdf_writer_write(w, &doc, path, &d), -1);
	assert_non_null(strstr(d.last, "not a YYYY-MM-DD date"));
	pdf_writer_free(w);

	/* a character the font lacks (CJK U+4E00) is written but reported: it
	 * would show as .notdef, which PDF/A forbids */
	quiet_diag(&d);
	w = pdf_writer_new(fonts_list(), &d);
	doc.info.date = "2021-02-11";
	draw_op cjk[] = {{.kind = DRAW_TEXT, .face = FACE_SERIF, .size = 10, .x = 1, .y = 1,
	                  .text = "a\xe4\xb8\x80" "b"}};
	pg = (page){.ops = cjk, .n = 1, .cap = 1};
	assert_int_equal(pdf_writer_write(w, &doc, path, &d), 0);
	assert_int_equal(d.warnings, 1);
	assert_non_null(strstr(d.last, "no glyph for 1 character drawn (U+4E00)"));
	assert_non_null(strstr(d.last, ".notdef"));
	pdf_writer_free(w);
}

/* -------------------------------------------------------------- output */

static void test_output_commit_and_abort(void **state)
{
	(void)state;
	char target[512];
	tmp_path(target, sizeof(target), "out.pdf");
	write_file(target, "old contents\n");
	chmod(target, 0640);
	diag d;
	quiet_diag(&d);

	/* abort: the old file stays byte-identical, no temporary left */
	output o;
	assert_int_equal(output_begin(&o, target, &d), 0);
	assert_non_null(o.tmp);
	assert_string_equal(output_pending_tmp(), o.tmp);
	assert_non_null(strstr(o.tmp, "/.out.pdf."));
	char tmp[512];
	snprintf(tmp, sizeof(tmp), "%s", o.tmp);
	write_file(tmp, "partial");
	output_abort(&o);
	output_abort(&o);
	assert_null(output_pending_tmp());
	assert_int_equal(access(tmp, F_OK), -1);
	char *s = read_file(target, NULL);
	assert_string_equal(s, "old contents\n");
	free(s);
	output_free(&o);

	/* commit: replaced, permissions kept */
	assert_int_equal(output_begin(&o, target, &d), 0);
	snprintf(tmp, sizeof(tmp), "%s", o.tmp);
	write_file(tmp, "new contents\n");
	assert_int_equal(output_commit(&o, &d), 0);
	assert_null(output_pending_tmp());
	assert_int_equal(access(tmp, F_OK), -1);
	s = read_file(target, NULL);
	assert_string_equal(s, "new contents\n");
	free(s);
	struct stat st;
	assert_int_equal(stat(target, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	output_free(&o);
	assert_int_equal(d.errors, 0);

	/* a new file gets 0644 less the umask */
	char fresh[512];
	tmp_path(fresh, sizeof(fresh), "fresh.pdf");
	mode_t old = umask(022);
	assert_int_equal(output_begin(&o, fresh, &d), 0);
	umask(old);
	assert_int_equal(stat(o.tmp, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);
	assert_int_equal(output_commit(&o, &d), 0);
	output_free(&o);

	/* the writer and the output together */
	assert_int_equal(output_begin(&o, fresh, &d), 0);
	assert_int_equal(write_doc(o.tmp, &d), 0);
	assert_int_equal(output_commit(&o, &d), 0);
	output_free(&o);
	s = read_file(fresh, NULL);
	assert_memory_equal(s, "%PDF-", 5);
	free(s);
}

static void expect_output_error(const char *target, const char *want)
{
	diag d;
	quiet_diag(&d);
	output o;
	assert_int_equal(output_begin(&o, target, &d), -1);
	assert_int_equal(d.errors, 1);
	if (!strstr(d.last, want))
		fail_msg("expected \"%s\" in \"%s\"", want, d.last);
	assert_null(o.tmp);
	assert_null(output_pending_tmp());
	output_free(&o);
}

static void test_output_errors(void **state)
{
	(void)state;
	char path[512], want[700];

	tmp_path(path, sizeof(path), "no/such/dir/out.pdf");
	snprintf(want, sizeof(want), "directory %s/no/such/dir does not exist", tmpdir);
	expect_output_error(path, want);

	tmp_path(path, sizeof(path), "adir");
	mkdir(path, 0755);
	expect_output_error(path, "it is a directory");

	tmp_path(path, sizeof(path), "readonly.pdf");
	write_file(path, "keep me\n");
	chmod(path, 0444);
	expect_output_error(path, "refusing to replace");
	expect_output_error(path, "read-only");
	char *s = read_file(path, NULL);
	assert_string_equal(s, "keep me\n");
	free(s);

	tmp_path(path, sizeof(path), "readme.txt/out.pdf");
	char file[512];
	tmp_path(file, sizeof(file), "readme.txt");
	write_file(file, "x");
	expect_output_error(path, "is not a directory");

	expect_output_error("", "no output file name");

	/* an unwritable directory (root can write anywhere: skip then) */
	if (geteuid() != 0) {
		tmp_path(path, sizeof(path), "locked");
		mkdir(path, 0555);
		tmp_path(path, sizeof(path), "locked/out.pdf");
		expect_output_error(path, "is not writable");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_utf8_next),
	        cmocka_unit_test(test_text_width_and_names),
	        cmocka_unit_test(test_fontlist_ok),
	        cmocka_unit_test(test_fontlist_errors),
	        cmocka_unit_test(test_metrics),
	        cmocka_unit_test(test_write_pdf),
	        cmocka_unit_test(test_write_errors),
	        cmocka_unit_test(test_output_commit_and_abort),
	        cmocka_unit_test(test_output_errors),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
