#include "blocks/blocks.h"

#include <stdlib.h>
#include <string.h>

void blocks_init(block_list *b)
{
	memset(b, 0, sizeof(*b));
	b->arena = arena_new();
}

static void free_list_data(block_list_data *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		free_list_data(l->items[i].sub);
	free(l->items);
}

void blocks_free(block_list *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free_list_data(b->v[i].list);
		if (b->v[i].table) {
			free(b->v[i].table->cells);
			free(b->v[i].table->row_flags);
		}
	}
	free(b->v);
	arena_free(b->arena);
	memset(b, 0, sizeof(*b));
}

block *blocks_add(block_list *b, enum block_kind kind)
{
	GROW(b->v, b->cap, b->n + 1);
	block *k = &b->v[b->n++];
	memset(k, 0, sizeof(*k));
	k->kind = kind;
	return k;
}

void blocks_heading(block_list *b, int level, const char *text)
{
	block *k = blocks_add(b, BLOCK_HEADING);
	k->level = level;
	k->in_toc = 1;
	k->text = arena_strdup(b->arena, text ? text : "");
}

void blocks_paragraph(block_list *b, const char *markup)
{
	block *k = blocks_add(b, BLOCK_PARAGRAPH);
	k->text = arena_strdup(b->arena, markup ? markup : "");
}

block_list_data *blocks_list(block_list *b, int ordered)
{
	block *k = blocks_add(b, BLOCK_LIST);
	k->list = arena_alloc(b->arena, sizeof(*k->list));
	k->list->ordered = ordered;
	return k->list;
}

list_item *list_add_item(block_list *b, block_list_data *l, const char *markup)
{
	GROW(l->items, l->cap, l->n + 1);
	list_item *it = &l->items[l->n++];
	it->markup = arena_strdup(b->arena, markup ? markup : "");
	it->sub = NULL;
	return it;
}

block_table *blocks_table(block_list *b, const char *caption, size_t ncols,
                          const char *const *header, const int *align)
{
	block *k = blocks_add(b, BLOCK_TABLE);
	block_table *t = k->table = arena_alloc(b->arena, sizeof(*t));
	t->caption = arena_strdup(b->arena, caption);
	t->ncols = ncols;
	t->zebra = 1;
	t->header = arena_alloc(b->arena, ncols * sizeof(*t->header));
	t->align = arena_alloc(b->arena, ncols * sizeof(*t->align));
	for (size_t c = 0; c < ncols; c++) {
		t->header[c] = arena_strdup(b->arena, header && header[c] ? header[c] : "");
		t->align[c] = align ? align[c] : (c == 0 ? 0 : 1);
	}
	return t;
}

void table_add_row(block_list *b, block_table *t, const char *const *cells, unsigned flags)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap;
		GROW(t->row_flags, cap, t->nrows + 1);
		t->cells = xrealloc(t->cells, cap * t->ncols * sizeof(*t->cells));
		t->cap = cap;
	}
	for (size_t c = 0; c < t->ncols; c++)
		t->cells[t->nrows * t->ncols + c] =
		        arena_strdup(b->arena, cells && cells[c] ? cells[c] : "");
	t->row_flags[t->nrows] = flags;
	t->nrows++;
}

void table_set_groups(block_list *b, block_table *t, const char *const *groups)
{
	t->groups = arena_alloc(b->arena, t->ncols * sizeof(*t->groups));
	for (size_t c = 0; c < t->ncols; c++)
		t->groups[c] = arena_strdup(b->arena, groups && groups[c] ? groups[c] : "");
}

block_image *blocks_image(block_list *b, const char *path, int width, int height, float scale,
                          const char *caption, const char *alt)
{
	block *k = blocks_add(b, BLOCK_IMAGE);
	block_image *im = k->image = arena_alloc(b->arena, sizeof(*im));
	im->path = arena_strdup(b->arena, path);
	im->width = width;
	im->height = height;
	im->scale = scale > 0 && scale <= 1 ? scale : 1;
	im->caption = arena_strdup(b->arena, caption);
	im->alt = arena_strdup(b->arena, alt ? alt : caption);
	return im;
}

static void add_items(const block_list_data *l, const char ***v, size_t *n, size_t *cap)
{
	for (size_t i = 0; l && i < l->n; i++) {
		GROW(*v, *cap, *n + 1);
		(*v)[(*n)++] = l->items[i].markup;
		add_items(l->items[i].sub, v, n, cap);
	}
}

size_t blocks_body_texts(const block_list *b, const char ***out)
{
	const char **v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < b->n; i++) {
		const block *k = &b->v[i];
		if (k->kind == BLOCK_PARAGRAPH && k->text) {
			GROW(v, cap, n + 1);
			v[n++] = k->text;
		} else if (k->kind == BLOCK_LIST) {
			add_items(k->list, &v, &n, &cap);
		}
	}
	*out = v;
	return n;
}
