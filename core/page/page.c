#include "page/page.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

void document_init(document *doc)
{
	memset(doc, 0, sizeof(*doc));
	doc->arena = arena_new();
}

void document_free(document *doc)
{
	for (size_t i = 0; i < doc->npages; i++)
		free(doc->pages[i].ops);
	free(doc->pages);
	free(doc->outline);
	free(doc->elems);
	arena_free(doc->arena);
	memset(doc, 0, sizeof(*doc));
}

void document_trim(document *doc)
{
	for (size_t i = 0; i < doc->npages; i++) {
		page *p = &doc->pages[i];
		if (p->n && p->n < p->cap) {
			p->ops = xrealloc(p->ops, p->n * sizeof(*p->ops));
			p->cap = p->n;
		}
	}
}

/* Ops a page may still get once the next one has begun: the running header
 * and footer, links. */
#define PAGE_OPS_LATER 16

int doc_add_page(document *doc)
{
	/* the page before is done but for a few ops: give back its spare
	 * capacity now, so that the doubling of op arrays does not add a
	 * quarter to the peak memory of laying out a long document */
	if (doc->npages) {
		page *p = &doc->pages[doc->npages - 1];
		if (p->n && p->cap > p->n + PAGE_OPS_LATER) {
			p->ops = xrealloc(p->ops, (p->n + PAGE_OPS_LATER) * sizeof(*p->ops));
			p->cap = p->n + PAGE_OPS_LATER;
		}
	}
	GROW(doc->pages, doc->cap, doc->npages + 1);
	memset(&doc->pages[doc->npages], 0, sizeof(page));
	return (int)doc->npages++;
}

draw_op *doc_op(document *doc, int pg, enum draw_kind kind)
{
	page *p = &doc->pages[pg];
	GROW(p->ops, p->cap, p->n + 1);
	draw_op *op = &p->ops[p->n++];
	memset(op, 0, sizeof(*op));
	op->kind = kind;
	op->line_width = 0.5f;
	op->elem = doc->cur_elem;
	op->art = doc->cur_art;
	return op;
}

void doc_text(document *doc, int pg, face_id f, float size, rgb color, float x, float y,
              const char *text, size_t len)
{
	draw_op *op = doc_op(doc, pg, DRAW_TEXT);
	op->face = f;
	op->size = size;
	op->fill = color;
	op->x = x;
	op->y = y;
	op->text = arena_strndup(doc->arena, text, len);
}

void doc_rect(document *doc, int pg, float x, float y, float w, float h, const rgb *fill,
              const rgb *stroke, float line_width)
{
	draw_op *op = doc_op(doc, pg, DRAW_RECT);
	op->x = x;
	op->y = y;
	op->w = w;
	op->h = h;
	if (fill) {
		op->filled = 1;
		op->fill = *fill;
	}
	if (stroke) {
		op->stroked = 1;
		op->stroke = *stroke;
	}
	op->line_width = line_width;
}

void doc_line(document *doc, int pg, float x, float y, float x2, float y2, rgb color,
              float line_width)
{
	draw_op *op = doc_op(doc, pg, DRAW_LINE);
	op->x = x;
	op->y = y;
	op->x2 = x2;
	op->y2 = y2;
	op->stroked = 1;
	op->stroke = color;
	op->line_width = line_width;
}

void doc_outline(document *doc, int level, const char *title, int pg, float y)
{
	GROW(doc->outline, doc->outline_cap, doc->noutline + 1);
	outline_entry *e = &doc->outline[doc->noutline++];
	e->level = level;
	e->title = arena_strdup(doc->arena, title);
	e->page = pg;
	e->y = y;
}

int doc_elem(document *doc, enum se_role role, int parent)
{
	if (doc->nelems == 0) { /* [0] unused, [1] the Document */
		GROW(doc->elems, doc->elems_cap, 2);
		memset(doc->elems, 0, 2 * sizeof(*doc->elems));
		doc->elems[1].role = SE_DOCUMENT;
		doc->nelems = 2;
	}
	GROW(doc->elems, doc->elems_cap, doc->nelems + 1);
	struct_elem *e = &doc->elems[doc->nelems];
	memset(e, 0, sizeof(*e));
	e->role = (unsigned char)role;
	e->parent = parent > 0 && (size_t)parent < doc->nelems ? parent : 1;
	return (int)doc->nelems++;
}

int doc_open(document *doc, enum se_role role)
{
	return doc->cur_elem = doc_elem(doc, role, doc->cur_elem);
}

void doc_close(document *doc, int elem)
{
	if (elem > 0 && (size_t)elem < doc->nelems)
		doc->cur_elem = doc->elems[elem].parent;
}

unsigned char doc_artifact(document *doc, unsigned char k)
{
	unsigned char was = doc->cur_art;
	doc->cur_art = k;
	return was;
}
