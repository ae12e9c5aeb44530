/*
 * tags.c - the structure tree (see tags.h).
 *
 * Kids: an element's kids are its children in the order the layout made
 * them, or, if it has content of its own (a paragraph with a link or a
 * hyphenated word in it), its content and its children in drawing order
 * (page, then MCID).  Content on the element's /Pg page is an MCID, on
 * another page an MCR dictionary; annotations are OBJR dictionaries.
 * Object numbers: the elements follow libharu's objects (element e is
 * first + e - 1), then the ParentTree; all go into object streams.
 */
#include "pdf/tags.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "text/fonts.h"

static const char *const ROLE[SE_COUNT] = {
        [SE_NONE] = "Span",
        [SE_DOCUMENT] = "Document",
        [SE_SECT] = "Sect",
        [SE_TITLE] = "Title",
        [SE_H1] = "H1",
        [SE_H2] = "H2",
        [SE_H3] = "H3",
        [SE_H4] = "H4",
        [SE_H5] = "H5",
        [SE_H6] = "H6",
        [SE_P] = "P",
        [SE_L] = "L",
        [SE_LI] = "LI",
        [SE_LBL] = "Lbl",
        [SE_LBODY] = "LBody",
        [SE_TABLE] = "Table",
        [SE_THEAD] = "THead",
        [SE_TBODY] = "TBody",
        [SE_TR] = "TR",
        [SE_TH] = "TH",
        [SE_TD] = "TD",
        [SE_CAPTION] = "Caption",
        [SE_FIGURE] = "Figure",
        [SE_LINK] = "Link",
        [SE_TOC] = "TOC",
        [SE_TOCI] = "TOCI",
        [SE_REFERENCE] = "Reference",
        [SE_SPAN] = "Span",
        [SE_DIV] = "Div",
};

const char *tags_role_name(int role)
{
	return role > 0 && role < SE_COUNT && ROLE[role] ? ROLE[role] : "Span";
}

typedef struct page_marks {
	int *elem; /* per MCID */
	size_t n, cap;
} page_marks;

typedef struct annot_rec {
	HPDF_Dict annot;
	int elem;
	size_t page;
	size_t after; /* MCIDs on the page before it */
} annot_rec;

struct pdf_tags {
	page_marks *pages;
	size_t npages, pages_cap;
	annot_rec *annots;
	size_t nannots, annots_cap;
	/* for the StructTreeRoot's write_fn */
	unsigned doc_obj, tree_obj, next_key;
};

pdf_tags *tags_new(void)
{
	return xcalloc(1, sizeof(pdf_tags));
}

void tags_free(pdf_tags *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->npages; i++)
		free(t->pages[i].elem);
	free(t->pages);
	free(t->annots);
	free(t);
}

static page_marks *marks(pdf_tags *t, size_t pg)
{
	if (pg >= t->npages) {
		size_t was = t->pages_cap;
		GROW(t->pages, t->pages_cap, pg + 1);
		memset(t->pages + was, 0, (t->pages_cap - was) * sizeof(*t->pages));
		t->npages = pg + 1;
	}
	return &t->pages[pg];
}

int tags_mcid(pdf_tags *t, size_t pg, int elem)
{
	page_marks *m = marks(t, pg);
	GROW(m->elem, m->cap, m->n + 1);
	m->elem[m->n] = elem;
	return (int)m->n++;
}

void tags_annot(pdf_tags *t, size_t pg, HPDF_Dict annot, int elem)
{
	GROW(t->annots, t->annots_cap, t->nannots + 1);
	t->annots[t->nannots++] = (annot_rec){annot, elem, pg, marks(t, pg)->n};
}

static unsigned obj_no(const void *obj)
{
	return ((const HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF;
}

/* Writes s as a PDF text string: in PDFDocEncoding (a literal string of
 * Latin-1 bytes) if every character is one that encoding shares with
 * Latin-1, else UTF-16BE with a byte order mark, in hex. */
static void put_text_string(pdf_objs *o, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *end = s + strlen(s), *q = s;
	int latin = 1;
	while (q < end && latin) {
		uint32_t cp = utf8_next(&q, end);
		latin = (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA1 && cp <= 0xFF && cp != 0xAD);
	}
	char buf[64];
	size_t n = 0;
	objs_puts(o, latin ? "(" : "<FEFF");
	while (s < end) {
		uint32_t cp = utf8_next(&s, end);
		if (latin) {
			if (cp == '(' || cp == ')' || cp == '\\')
				buf[n++] = '\\';
			buf[n++] = (char)cp;
		} else {
			uint32_t units[2];
			int k = 0;
			if (cp >= 0x10000 && cp <= 0x10FFFF) {
				cp -= 0x10000;
				units[k++] = 0xD800 | (cp >> 10);
				units[k++] = 0xDC00 | (cp & 0x3FF);
			} else {
				units[k++] = cp > 0xFFFF ? 0xFFFD : cp;
			}
			for (int i = 0; i < k; i++)
				for (int sh = 12; sh >= 0; sh -= 4)
					buf[n++] = hex[(units[i] >> sh) & 15];
		}
		if (n > sizeof(buf) - 16) {
			objs_put(o, buf, n);
			n = 0;
		}
	}
	objs_put(o, buf, n);
	objs_puts(o, latin ? ")" : ">");
}

/* A kid in drawing order: page << 32 | 2 * MCID (content) or 2 * MCIDs
 * before it - 1 (an annotation, after the content it follows). */
typedef struct kid {
	uint64_t pos;
	int what; /* >= 0: MCID; < 0: annotation -what - 1; INT32_MAX..: child */
} kid;

#define KID_CHILD 0x40000000

static int kid_cmp(const void *a, const void *b)
{
	const kid *x = a, *y = b;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return x->what < y->what ? -1 : x->what > y->what;
}

static uint64_t mcid_pos(size_t pg, size_t mcid)
{
	return (uint64_t)pg << 32 | (uint64_t)(2 * mcid);
}

static HPDF_STATUS write_root(HPDF_Dict obj, HPDF_Stream stream)
{
	const pdf_tags *t = obj->attr;
	char buf[200];
	snprintf(buf, sizeof(buf),
	         "/K %u 0 R\n/ParentTree %u 0 R\n/ParentTreeNextKey %u\n/RoleMap <</Title /P>>\n",
	         t->doc_obj, t->tree_obj, t->next_key);
	return HPDF_Stream_WriteStr(stream, buf);
}

HPDF_STATUS tags_finish(pdf_tags *t, HPDF_Doc pdf, const document *doc, HPDF_Page *pages,
                        size_t npages, pdf_objs *objs)
{
	size_t n = doc->nelems;
	if (n < 2)
		return HPDF_OK; /* nothing tagged */
	HPDF_STATUS st;
	HPDF_Dict root = HPDF_Dict_New(pdf->mmgr);
	if (!root || HPDF_Xref_Add(pdf->xref, root) != HPDF_OK)
		return HPDF_FAILD_TO_ALLOC_MEM;
	root->attr = t;
	root->write_fn = write_root;
	if ((st = HPDF_Dict_AddName(root, "Type", "StructTreeRoot")) != HPDF_OK ||
	    (st = HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root)) != HPDF_OK)
		return st;
	HPDF_Dict mark = HPDF_Dict_New(pdf->mmgr);
	if (!mark || (st = HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark)) != HPDF_OK ||
	    (st = HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE)) != HPDF_OK)
		return mark ? st : HPDF_FAILD_TO_ALLOC_MEM;

	/* pages with content get /StructParents (their index), annotations
	 * the keys after them, pages with annotations /Tabs /S */
	for (size_t p = 0; p < npages && p < t->npages; p++)
		if (t->pages[p].n &&
		    (st = HPDF_Dict_AddNumber(pages[p], "StructParents", (HPDF_INT32)p)) != HPDF_OK)
			return st;
	for (size_t a = 0; a < t->nannots; a++) {
		annot_rec *r = &t->annots[a];
		if ((st = HPDF_Dict_AddNumber(r->annot, "StructParent",
		                              (HPDF_INT32)(npages + a))) != HPDF_OK)
			return st;
		if (!HPDF_Dict_GetItem(pages[r->page], "Tabs", HPDF_OCLASS_NAME) &&
		    (st = HPDF_Dict_AddName(pages[r->page], "Tabs", "S")) != HPDF_OK)
			return st;
	}

	unsigned first = pdf->xref->start_offset + pdf->xref->entries->count;
	objs->first = first;
	t->doc_obj = first; /* element 1 */
	t->tree_obj = first + (unsigned)(n - 1);
	t->next_key = (unsigned)(npages + t->nannots);
#define ELEM_OBJ(e) (first + (unsigned)(e)-1)

	/* each element's content: count, then place (CSR) */
	size_t *cstart = xcalloc(n + 1, sizeof(size_t));
	for (size_t p = 0; p < t->npages; p++)
		for (size_t m = 0; m < t->pages[p].n; m++) {
			int e = t->pages[p].elem[m];
			if (e > 0 && (size_t)e < n)
				cstart[e + 1]++;
		}
	for (size_t a = 0; a < t->nannots; a++)
		if (t->annots[a].elem > 0 && (size_t)t->annots[a].elem < n)
			cstart[t->annots[a].elem + 1]++;
	size_t *cchild = xcalloc(n + 1, sizeof(size_t));
	for (size_t e = 2; e < n; e++)
		cchild[doc->elems[e].parent + 1]++;
	for (size_t e = 0; e < n; e++) {
		cstart[e + 1] += cstart[e];
		cchild[e + 1] += cchild[e];
	}
	kid *content = xmalloc((cstart[n] + 1) * sizeof(kid));
	int *children = xmalloc((cchild[n] + 1) * sizeof(int));
	size_t *fill = xmalloc((n + 1) * sizeof(size_t));
	memcpy(fill, cstart, (n + 1) * sizeof(size_t));
	for (size_t p = 0; p < t->npages; p++)
		for (size_t m = 0; m < t->pages[p].n; m++) {
			int e = t->pages[p].elem[m];
			if (e > 0 && (size_t)e < n)
				content[fill[e]++] = (kid){mcid_pos(p, m), (int)m};
		}
	int sorted_out = 0;
	for (size_t a = 0; a < t->nannots; a++) {
		const annot_rec *r = &t->annots[a];
		if (r->elem > 0 && (size_t)r->elem < n) {
			uint64_t pos = (uint64_t)r->page << 32 | (r->after ? 2 * r->after - 1 : 0);
			content[fill[r->elem]++] = (kid){pos, -(int)a - 1};
			sorted_out = 1;
		}
	}
	if (sorted_out)
		for (size_t e = 1; e < n; e++)
			if (cstart[e + 1] - cstart[e] > 1)
				qsort(content + cstart[e], cstart[e + 1] - cstart[e], sizeof(kid),
				      kid_cmp);
	memcpy(fill, cchild, (n + 1) * sizeof(size_t));
	for (size_t e = 2; e < n; e++)
		children[fill[doc->elems[e].parent]++] = (int)e;
	/* where each element's subtree is first drawn (children come after
	 * their parents) */
	uint64_t *firstpos = xmalloc((n + 1) * sizeof(uint64_t));
	for (size_t e = 0; e < n; e++)
		firstpos[e] = cstart[e + 1] > cstart[e] ? content[cstart[e]].pos : UINT64_MAX;
	for (size_t e = n - 1; e >= 2; e--) {
		int p = doc->elems[e].parent;
		if (firstpos[e] < firstpos[p])
			firstpos[p] = firstpos[e];
	}

	kid *kids = NULL;
	size_t kids_cap = 0;
	for (size_t e = 1; e < n; e++) {
		const struct_elem *se = &doc->elems[e];
		objs_begin(objs);
		objs_printf(objs, "<</S/%s/P %u 0 R", tags_role_name(se->role),
		            e == 1 ? obj_no(root) : ELEM_OBJ(se->parent));
		/* the kids, in order */
		size_t nc = cstart[e + 1] - cstart[e], nk = cchild[e + 1] - cchild[e];
		GROW(kids, kids_cap, nc + nk + 1);
		memcpy(kids, content + cstart[e], nc * sizeof(kid));
		for (size_t i = 0; i < nk; i++) {
			int c = children[cchild[e] + i];
			kids[nc + i] = (kid){firstpos[c], KID_CHILD + c};
		}
		if (nc && nk)
			qsort(kids, nc + nk, sizeof(kid), kid_cmp);
		size_t pg = nc ? (size_t)(content[cstart[e]].pos >> 32) : SIZE_MAX;
		if (pg != SIZE_MAX)
			objs_printf(objs, "/Pg %u 0 R", obj_no(pages[pg]));
		if (nc + nk) {
			objs_puts(objs, nc + nk > 1 ? "/K[" : "/K ");
			for (size_t i = 0; i < nc + nk; i++) {
				const kid *k = &kids[i];
				size_t kpg = (size_t)(k->pos >> 32);
				if (i)
					objs_puts(objs, " ");
				if (k->what >= KID_CHILD)
					objs_printf(objs, "%u 0 R", ELEM_OBJ(k->what - KID_CHILD));
				else if (k->what >= 0 && kpg == pg)
					objs_printf(objs, "%d", k->what);
				else if (k->what >= 0)
					objs_printf(objs, "<</Type/MCR/Pg %u 0 R/MCID %d>>",
					            obj_no(pages[kpg]), k->what);
				else
					objs_printf(objs, "<</Type/OBJR/Pg %u 0 R/Obj %u 0 R>>",
					            obj_no(pages[kpg]),
					            obj_no(t->annots[-k->what - 1].annot));
			}
			if (nc + nk > 1)
				objs_puts(objs, "]");
		}
		if (se->role == SE_TH)
			objs_puts(objs, se->scope == 2 ? "/A<</O/Table/Scope/Row"
			                               : "/A<</O/Table/Scope/Column");
		if ((se->role == SE_TH || se->role == SE_TD) && se->span > 1)
			objs_printf(objs, "%s/ColSpan %u", se->role == SE_TH ? "" : "/A<</O/Table",
			            (unsigned)se->span);
		if (se->role == SE_TH || ((se->role == SE_TD) && se->span > 1))
			objs_puts(objs, ">>");
		if (se->role == SE_L && se->scope)
			objs_puts(objs, se->scope == 1 ? "/A<</O/List/ListNumbering/Decimal>>"
			                               : "/A<</O/List/ListNumbering/Disc>>");
		if (se->text && (se->role == SE_FIGURE || se->role == SE_SPAN)) {
			objs_puts(objs, se->role == SE_FIGURE ? "/Alt" : "/ActualText");
			put_text_string(objs, se->text);
		}
		if (se->lang && doc->info.data_lang)
			objs_printf(objs, "/Lang(%s)", doc->info.data_lang);
		objs_puts(objs, ">>");
	}

	/* the ParentTree: per page the element of each MCID, per annotation
	 * its element */
	objs_begin(objs);
	objs_puts(objs, "<</Nums [");
	for (size_t p = 0; p < t->npages && p < npages; p++) {
		if (!t->pages[p].n)
			continue;
		objs_printf(objs, "\n%zu [", p);
		for (size_t m = 0; m < t->pages[p].n; m++) {
			int e = t->pages[p].elem[m];
			if (e > 0 && (size_t)e < n)
				objs_printf(objs, m ? " %u 0 R" : "%u 0 R", ELEM_OBJ(e));
			else
				objs_puts(objs, m ? " null" : "null");
		}
		objs_puts(objs, "]");
	}
	for (size_t a = 0; a < t->nannots; a++) {
		int e = t->annots[a].elem;
		if (e > 0 && (size_t)e < n)
			objs_printf(objs, "\n%zu %u 0 R", npages + a, ELEM_OBJ(e));
	}
	objs_puts(objs, "]>>");
	objs_finish(objs);
#undef ELEM_OBJ
	free(kids);
	free(firstpos);
	free(fill);
	free(children);
	free(content);
	free(cchild);
	free(cstart);
	return HPDF_OK;
}
