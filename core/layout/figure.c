/*
 * figure.c - pictures: a PNG or JPEG scaled to fit the text width (or the
 * share of it the data asks for) and at most 60 % of the page height, never
 * enlarged past one pixel per point, with a numbered caption below; and the
 * organisation's logo on the title page.
 */
#include "base/i18n.h"
#include "layout/internal.h"

#define CAPTION_SIZE 9.0f

/* The size of im on the page, keeping its proportions. */
static void fit(const layout *L, const block_image *im, float max_w, float max_h, float *w,
                float *h)
{
	float pw = (float)im->width, ph = (float)im->height;
	*w = max_w < pw ? max_w : pw;
	*h = *w * ph / pw;
	if (*h > max_h) {
		*h = max_h;
		*w = *h * pw / ph;
	}
	(void)L;
}

static para caption(layout *L, const block_image *im, int n)
{
	para p;
	char *s = arena_printf(L->a, "**%s %d.** %s", label(L->o->lang, "figure"), n,
	                       im->caption ? im->caption : "");
	para_shape(&p, L->a, L->m, FAMILY_SANS, CAPTION_SIZE, s);
	para_break(&p, L->a, content_width(L), 0);
	return p;
}

static void place(layout *L, const block_image *im, float x, float y, float w, float h)
{
	draw_op *op = doc_op(L->doc, L->page, DRAW_IMAGE);
	op->text = arena_strdup(L->doc->arena, im->path);
	op->x = x;
	op->y = y;
	op->w = w;
	op->h = h;
}

float image_height(layout *L, const block_image *im)
{
	float w, h;
	fit(L, im, content_width(L) * im->scale, (L->top - L->bottom) * 0.6f, &w, &h);
	para p = caption(L, im, L->figures + 1);
	return h + 6 + (float)p.nlines * CAPTION_SIZE * 1.3f + 8;
}

void layout_image(layout *L, const block_image *im)
{
	float need = image_height(L, im);
	float before = L->page >= 0 && L->y < L->top ? 8 : 0;
	if (L->page < 0 || L->y - before - need < L->bottom)
		layout_new_page(L);
	else
		L->y -= before;
	L->figures++;
	L->st->figures++;
	float w, h;
	fit(L, im, content_width(L) * im->scale, (L->top - L->bottom) * 0.6f, &w, &h);
	/* structure: Div > Figure (/Alt: the data's, else the caption) + Caption */
	document *doc = L->doc;
	int div = doc_open(doc, SE_DIV);
	int fig = doc_open(doc, SE_FIGURE);
	doc->elems[fig].text = im->alt && *im->alt ? im->alt
	                       : im->caption       ? im->caption
	                                           : label(L->o->lang, "figure");
	place(L, im, L->left + (content_width(L) - w) / 2, L->y - h, w, h);
	doc_close(doc, fig);
	float y = L->y - h - 6;
	para p = caption(L, im, L->figures);
	int cap = doc_open(doc, SE_CAPTION);
	draw_lines(L, &p, 0, p.nlines, L->left, y - CAPTION_SIZE, CAPTION_SIZE * 1.3f,
	           COLOR_ACCENT);
	doc_close(doc, cap);
	doc_close(doc, div);
	L->y = y - (float)p.nlines * CAPTION_SIZE * 1.3f - 8;
}

void layout_logo(layout *L, const block_image *logo, float cx, float cy, float max_w, float max_h)
{
	float w, h;
	fit(L, logo, max_w, max_h, &w, &h);
	place(L, logo, cx - w / 2, cy - h / 2, w, h);
}
