/*
 * tounicode.c - a valid /ToUnicode CMap for libharu's Type0 fonts.
 *
 * The writer draws text through libharu's UTF-8 encoder, which puts UCS-2
 * code points in the content stream (Identity-H), so code == Unicode value
 * for every code point it can emit.  The map written here says exactly that,
 * with one bfrange per high byte, leaving out what is not text: C0 controls,
 * surrogates, U+FEFF and the non-characters U+FFFE/FFFF.
 */
#include "pdf/tounicode.h"

#include <stdio.h>
#include <string.h>

#define RANGES_PER_BLOCK 100 /* the CMap format's limit per begin...end block */

/* The CMap program (about 6 KB before compression). */
struct cmap_buf {
	char text[8192];
	size_t len;
	int overflow;
};

static void put(struct cmap_buf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->len + n >= sizeof(b->text)) {
		b->overflow = 1;
		return;
	}
	memcpy(b->text + b->len, s, n);
	b->len += n;
	b->text[b->len] = '\0';
}

/* The identity ranges: for high byte hi, codes lo..end map to themselves.
 * Returns 0 for a high byte that is left out entirely (surrogates). */
static int range_of(unsigned hi, unsigned *lo, unsigned *end)
{
	if (hi >= 0xD8 && hi <= 0xDF)
		return 0;
	*lo = hi == 0x00 ? 0x20 : 0x00;
	*end = hi == 0xFE ? 0xFE : hi == 0xFF ? 0xFD : 0xFF;
	return 1;
}

/* Writes the whole CMap program into b. */
static void build_cmap(struct cmap_buf *b)
{
	put(b, "/CIDInit /ProcSet findresource begin\n"
	       "12 dict begin\n"
	       "begincmap\n"
	       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	       "/CMapName /Adobe-Identity-UCS def\n"
	       "/CMapType 2 def\n"
	       "1 begincodespacerange\n"
	       "<0000> <FFFF>\n"
	       "endcodespacerange\n");

	unsigned total = 0, lo, end;
	for (unsigned hi = 0; hi < 256; hi++)
		total += (unsigned)range_of(hi, &lo, &end);

	unsigned done = 0;
	char line[64];
	for (unsigned hi = 0; hi < 256; hi++) {
		if (!range_of(hi, &lo, &end))
			continue;
		if (done % RANGES_PER_BLOCK == 0) {
			unsigned left = total - done;
			snprintf(line, sizeof(line), "%u beginbfrange\n",
			         left < RANGES_PER_BLOCK ? left : RANGES_PER_BLOCK);
			put(b, line);
		}
		unsigned first = hi << 8 | lo, last = hi << 8 | end;
		snprintf(line, sizeof(line), "<%04X> <%04X> <%04X>\n", first, last, first);
		put(b, line);
		done++;
		if (done % RANGES_PER_BLOCK == 0 || done == total)
			put(b, "endbfrange\n");
	}
	put(b, "endcmap\n"
	       "CMapName currentdict /CMap defineresource pop\n"
	       "end\n"
	       "end\n");
}

/* Does dict have key?  (HPDF_Dict_GetItem would leave a pending error when
 * the value's class is not the one asked for; this only compares keys.) */
static int dict_has(HPDF_Dict dict, const char *key)
{
	for (HPDF_UINT i = 0; i < dict->list->count; i++) {
		HPDF_DictElement e = HPDF_List_ItemAt(dict->list, i);
		if (e && strcmp(e->key, key) == 0)
			return 1;
	}
	return 0;
}

/* Replaces the content and the CMap-only keys of one ToUnicode stream. */
static HPDF_STATUS fix_stream(HPDF_Dict cmap, const struct cmap_buf *b)
{
	static const char *const cmap_keys[] = {"Type", "CMapName", "CIDSystemInfo", "WMode"};

	if (!cmap->stream || cmap->stream->type != HPDF_STREAM_MEMORY)
		return HPDF_INVALID_STREAM;

	HPDF_MemStream_FreeData(cmap->stream);
	HPDF_STATUS st =
	        HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b->text, (HPDF_UINT)b->len);
	if (st != HPDF_OK)
		return st;

	for (size_t i = 0; i < sizeof(cmap_keys) / sizeof(cmap_keys[0]); i++) {
		if (!dict_has(cmap, cmap_keys[i]))
			continue;
		st = HPDF_Dict_RemoveElement(cmap, cmap_keys[i]);
		if (st != HPDF_OK)
			return st;
	}
	return HPDF_OK;
}

HPDF_STATUS tounicode_fix(HPDF_Doc pdf)
{
	if (!HPDF_HasDoc(pdf))
		return HPDF_INVALID_DOCUMENT;
	struct cmap_buf b = {.len = 0};
	build_cmap(&b);
	if (b.overflow)
		return HPDF_FAILD_TO_ALLOC_MEM;

	HPDF_List fonts = pdf->font_mgr;
	for (HPDF_UINT i = 0; i < fonts->count; i++) {
		HPDF_Font font = HPDF_List_ItemAt(fonts, i);
		if (!font || !font->attr)
			continue;
		HPDF_FontAttr attr = font->attr;
		if (attr->type != HPDF_FONT_TYPE0_TT || !dict_has(font, "ToUnicode"))
			continue;
		HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
		if (!cmap)
			return HPDF_DICT_ITEM_UNEXPECTED_TYPE;
		/* Already rewritten: the CMap-only keys are gone. */
		if (!dict_has(cmap, "CMapName"))
			continue;
		HPDF_STATUS st = fix_stream(cmap, &b);
		if (st != HPDF_OK)
			return st;
	}
	return HPDF_OK;
}
