/*
 * pdfa.c - XMP metadata, output intent, dates and /ID for PDF/A-3b.
 *
 * libharu 2.3.0's own PDF/A support only knows PDF/A-1, writes XMP without
 * XML escaping and takes /ID from the clock, so everything here is built
 * from libharu's object API instead.
 */
#include "pdf/pdfa.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/digest.h"
#include "base/file.h"

#ifndef SRGB_ICC_PATH
#define SRGB_ICC_PATH "/usr/share/color/icc/sRGB.icc" /* Debian: icc-profiles-free */
#endif
#define ICC_NAME "sRGB IEC61966-2.1"
#define ID_LEN   16

/* ---------------------------------------------------------------- dates */

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Is s "YYYY-MM-DD" followed by `tail` characters of "T/ HH:MM:SS"? */
static int iso_shape(const char *s, int with_time)
{
	if (!digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
		return 0;
	if (!with_time)
		return s[10] == '\0';
	return (s[10] == ' ' || s[10] == 'T') && digits(s + 11, 2) && s[13] == ':' &&
	       digits(s + 14, 2) && s[16] == ':' && digits(s + 17, 2) && s[19] == '\0';
}

static int valid_ymd(int y, int m, int d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

int pdfa_dates(pdfa_meta *m, const char *date, const char *mod_date, diag *d)
{
	m->created[0] = m->modified[0] = '\0';
	if (!date)
		return 0;
	if (!iso_shape(date, 0) || !valid_ymd(atoi(date), atoi(date + 5), atoi(date + 8))) {
		diag_error(d, NULL, "PDF writer: document date \"%s\" is not a YYYY-MM-DD date",
		           date);
		return -1;
	}
	snprintf(m->created, sizeof(m->created), "%.10sT00:00:00Z", date);
	if (!mod_date) {
		memcpy(m->modified, m->created, sizeof(m->created));
		return 0;
	}
	if (!iso_shape(mod_date, 1) ||
	    !valid_ymd(atoi(mod_date), atoi(mod_date + 5), atoi(mod_date + 8)) ||
	    atoi(mod_date + 11) > 23 || atoi(mod_date + 14) > 59 || atoi(mod_date + 17) > 59) {
		diag_error(d, NULL,
		           "PDF writer: modification date \"%s\" is not a YYYY-MM-DD HH:MM:SS time",
		           mod_date);
		return -1;
	}
	snprintf(m->modified, sizeof(m->modified), "%.10sT%.8sZ", mod_date, mod_date + 11);
	return 0;
}

void pdfa_pdf_date(const char *iso, char out[24])
{
	snprintf(out, 24, "D:%.4s%.2s%.2s%.2s%.2s%.2sZ", iso, iso + 5, iso + 8, iso + 11, iso + 14,
	         iso + 17);
}

HPDF_STATUS pdfa_set_info_dates(HPDF_Doc pdf, const pdfa_meta *m)
{
	if (!m->created[0])
		return HPDF_OK;
	HPDF_Dict info = pdf->info;
	if (!info)
		return HPDF_INVALID_DOCUMENT;
	char buf[24];
	pdfa_pdf_date(m->created, buf);
	HPDF_STATUS st = HPDF_Dict_Add(info, "CreationDate", HPDF_String_New(pdf->mmgr, buf, NULL));
	if (st != HPDF_OK)
		return st;
	pdfa_pdf_date(m->modified, buf);
	return HPDF_Dict_Add(info, "ModDate", HPDF_String_New(pdf->mmgr, buf, NULL));
}

/* ------------------------------------------------------------------ XMP */

struct buf {
	char *s;
	size_t len, cap;
};

static void put_n(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void put(struct buf *b, const char *s)
{
	put_n(b, s, strlen(s));
}

/* s with the five XML special characters as entities. */
static void put_xml(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			put(b, "&amp;");
			break;
		case '<':
			put(b, "&lt;");
			break;
		case '>':
			put(b, "&gt;");
			break;
		case '"':
			put(b, "&quot;");
			break;
		case '\'':
			put(b, "&apos;");
			break;
		default:
			put_n(b, s, 1);
		}
	}
}

/* <tag>value</tag> on its own line, when value is set. */
static void simple(struct buf *b, const char *tag, const char *value)
{
	if (!value || !value[0])
		return;
	put(b, "   <");
	put(b, tag);
	put(b, ">");
	put_xml(b, value);
	put(b, "</");
	put(b, tag);
	put(b, ">\n");
}

/* <tag><rdf:KIND><rdf:li [xml:lang="x-default"]>value</rdf:li></rdf:KIND></tag> */
static void container(struct buf *b, const char *tag, const char *kind, const char *value)
{
	if (!value || !value[0])
		return;
	put(b, "   <");
	put(b, tag);
	put(b, "><rdf:");
	put(b, kind);
	put(b, strcmp(kind, "Alt") == 0 ? "><rdf:li xml:lang=\"x-default\">" : "><rdf:li>");
	put_xml(b, value);
	put(b, "</rdf:li></rdf:");
	put(b, kind);
	put(b, "></");
	put(b, tag);
	put(b, ">\n");
}

HPDF_STATUS pdfa_add_metadata(HPDF_Doc pdf, const pdfa_meta *m)
{
	struct buf b = {0};
	put(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	        "  <rdf:Description rdf:about=\"\"\n"
	        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	        "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
	        "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
	        "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
	        "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	        "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
	        "   <dc:format>application/pdf</dc:format>\n");
	container(&b, "dc:title", "Alt", m->title);
	container(&b, "dc:creator", "Seq", m->author);
	container(&b, "dc:description", "Alt", m->subject);
	container(&b, "dc:language", "Bag", m->lang);
	simple(&b, "pdf:Keywords", m->keywords);
	simple(&b, "pdf:Producer", m->producer);
	simple(&b, "xmp:CreatorTool", m->creator);
	simple(&b, "xmp:CreateDate", m->created);
	simple(&b, "xmp:ModifyDate", m->modified);
	simple(&b, "xmp:MetadataDate", m->modified);
	/* PDF/A-3a (tagged) and PDF/UA-1; pdfuaid is no schema PDF/A knows,
	 * so it is described as an extension schema */
	put(&b, "   <pdfaid:part>3</pdfaid:part>\n"
	        "   <pdfaid:conformance>A</pdfaid:conformance>\n"
	        "   <pdfuaid:part>1</pdfuaid:part>\n"
	        "   <pdfaExtension:schemas>\n"
	        "    <rdf:Bag>\n"
	        "     <rdf:li rdf:parseType=\"Resource\">\n"
	        "      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
	        "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
	        "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	        "      <pdfaSchema:property>\n"
	        "       <rdf:Seq>\n"
	        "        <rdf:li rdf:parseType=\"Resource\">\n"
	        "         <pdfaProperty:name>part</pdfaProperty:name>\n"
	        "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	        "         <pdfaProperty:category>internal</pdfaProperty:category>\n"
	        "         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
	        "        </rdf:li>\n"
	        "       </rdf:Seq>\n"
	        "      </pdfaSchema:property>\n"
	        "     </rdf:li>\n"
	        "    </rdf:Bag>\n"
	        "   </pdfaExtension:schemas>\n"
	        "  </rdf:Description>\n"
	        " </rdf:RDF>\n"
	        "</x:xmpmeta>\n"
	        "<?xpacket end=\"w\"?>");

	HPDF_STATUS st = HPDF_OK;
	HPDF_Dict meta = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (!meta)
		st = HPDF_Error_GetCode(&pdf->error);
	if (st == HPDF_OK)
		st = HPDF_Dict_AddName(meta, "Type", "Metadata");
	if (st == HPDF_OK)
		st = HPDF_Dict_AddName(meta, "Subtype", "XML");
	if (st == HPDF_OK) /* left unfiltered, so that any tool can find it */
		st = HPDF_Stream_Write(meta->stream, (const HPDF_BYTE *)b.s, (HPDF_UINT)b.len);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(pdf->catalog, "Metadata", meta);
	free(b.s);
	return st == HPDF_OK ? HPDF_OK : (st ? st : HPDF_INVALID_OBJECT);
}

/* -------------------------------------------------------- output intent */

const char *pdfa_icc_path(void)
{
	return SRGB_ICC_PATH;
}

int pdfa_add_output_intent(HPDF_Doc pdf, diag *d)
{
	const char *path = pdfa_icc_path();
	unsigned char *icc;
	size_t n;
	int got = file_read(path, 0, &icc, &n);
	if (got == FILE_CANNOT_OPEN) {
		diag_error(d, NULL,
		           "PDF writer: cannot open the sRGB ICC profile %s: %s (Debian package "
		           "icc-profiles-free; ./bootstrap installs it)",
		           path, strerror(errno));
		return -1;
	}
	/* an ICC header is 128 bytes; the colour space at offset 16 */
	if (got != FILE_READ_OK || n < 128 || memcmp(icc + 16, "RGB ", 4) != 0 ||
	    memcmp(icc + 36, "acsp", 4) != 0) {
		diag_error(d, NULL, "PDF writer: %s is not an RGB ICC profile", path);
		free(icc);
		return -1;
	}

	HPDF_STATUS st = HPDF_OK;
	HPDF_Dict prof = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	HPDF_Dict oi = HPDF_Dict_New(pdf->mmgr);
	HPDF_Array list = HPDF_Array_New(pdf->mmgr);
	if (!prof || !oi || !list)
		st = HPDF_FAILD_TO_ALLOC_MEM;
	if (st == HPDF_OK) {
		prof->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
		st = HPDF_Dict_AddNumber(prof, "N", 3);
	}
	if (st == HPDF_OK)
		st = HPDF_Stream_Write(prof->stream, icc, (HPDF_UINT)n);
	if (st == HPDF_OK)
		st = HPDF_Xref_Add(pdf->xref, oi);
	if (st == HPDF_OK)
		st = HPDF_Dict_AddName(oi, "Type", "OutputIntent");
	if (st == HPDF_OK)
		st = HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(oi, "OutputConditionIdentifier",
		                   HPDF_String_New(pdf->mmgr, ICC_NAME, NULL));
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(oi, "Info", HPDF_String_New(pdf->mmgr, ICC_NAME, NULL));
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(oi, "RegistryName",
		                   HPDF_String_New(pdf->mmgr, "http://www.color.org", NULL));
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(oi, "DestOutputProfile", prof);
	if (st == HPDF_OK)
		st = HPDF_Array_Add(list, oi);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(pdf->catalog, "OutputIntents", list);
	free(icc);
	if (st != HPDF_OK) {
		diag_error(d, NULL,
		           "PDF writer: adding the sRGB output intent: libharu error 0x%04lX",
		           (unsigned long)st);
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- saving */

/* The last occurrence of needle in hay, or NULL. */
static unsigned char *find_last(unsigned char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
		if (memcmp(hay + i, needle, k) == 0)
			return hay + i;
	return NULL;
}

int pdfa_save(HPDF_Doc pdf, const pdf_objs *objs, const char *path, diag *d)
{
	static const HPDF_BYTE zero[ID_LEN] = {0};
	HPDF_Array id = HPDF_Array_New(pdf->mmgr);
	HPDF_STATUS st = id ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(pdf->trailer, "ID", id);
	for (int i = 0; i < 2 && st == HPDF_OK; i++)
		st = HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)zero, ID_LEN));
	if (st == HPDF_OK)
		st = HPDF_SaveToStream(pdf);
	HPDF_UINT32 size = st == HPDF_OK ? HPDF_GetStreamSize(pdf) : 0;
	unsigned char *bytes = xmalloc(size ? size : 1);
	HPDF_UINT32 got = size;
	if (st == HPDF_OK)
		st = HPDF_ReadFromStream(pdf, bytes, &got);
	if (st == HPDF_STREAM_EOF)
		st = HPDF_OK;
	if (st != HPDF_OK || got != size) {
		diag_error(d, NULL,
		           "PDF writer: cannot produce the PDF in memory: libharu error 0x%04lX",
		           (unsigned long)st);
		free(bytes);
		return -1;
	}
	if (objs && objs->n) {
		size_t new_size = size;
		unsigned char *with = objstm_rewrite(bytes, &new_size, objs);
		if (!with) {
			diag_error(d, NULL,
			           "PDF writer: cannot add the object streams (libharu's "
			           "cross-reference table is not as expected)");
			return -1;
		}
		bytes = with;
		size = (HPDF_UINT32)new_size;
	}

	/* the placeholder, as libharu writes a binary string: <00...00><00...00> */
	char hex0[2 * ID_LEN + 3];
	hex0[0] = '<';
	memset(hex0 + 1, '0', 2 * ID_LEN);
	memcpy(hex0 + 1 + 2 * ID_LEN, ">", 2);
	unsigned char *second = find_last(bytes, size, hex0);
	unsigned char *first = second ? find_last(bytes, (size_t)(second - bytes), hex0) : NULL;
	if (!first || second - first > (ptrdiff_t)(strlen(hex0) + 2)) {
		diag_error(d, NULL, "PDF writer: the trailer /ID placeholder is missing");
		free(bytes);
		return -1;
	}
	unsigned char h[SHA256_LEN];
	sha256(bytes, size, h);
	char hex[2 * ID_LEN + 1];
	static const char digits16[] = "0123456789ABCDEF";
	for (int i = 0; i < ID_LEN; i++) {
		hex[2 * i] = digits16[h[i] >> 4];
		hex[2 * i + 1] = digits16[h[i] & 15];
	}
	memcpy(first + 1, hex, 2 * ID_LEN);
	memcpy(second + 1, hex, 2 * ID_LEN);

	FILE *f = fopen(path, "wb");
	int rc = 0;
	if (!f || fwrite(bytes, 1, size, f) != size || fflush(f) != 0) {
		diag_error(d, NULL, "PDF writer: cannot write %s: %s", path, strerror(errno));
		rc = -1;
	}
	if (f && fclose(f) != 0 && rc == 0) {
		diag_error(d, NULL, "PDF writer: cannot write %s: %s", path, strerror(errno));
		rc = -1;
	}
	free(bytes);
	return rc;
}
