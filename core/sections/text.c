/*
 * text.c - content blocks (headings, paragraphs, lists, pictures) from the
 * report definition: the "text" section type's content and every section's
 * intro and outro.
 */
#include "sections/text.h"

#include "sections/figure.h"

static void content_error(diag *d, const jnode *n, const char *what)
{
	char found[96];
	diag_pos pos = jnode_pos(n);
	diag_error(d, &pos, "expected %s, found %s", what, jnode_describe(n, found, sizeof(found)));
}

/* Checks (blocks == NULL) or emits (blocks set) the list items of arr. */
static void list_items(const jnode *arr, block_list *blocks, block_list_data *l, diag *d)
{
	for (size_t i = 0; i < jnode_length(arr); i++) {
		const jnode *it = jnode_at(arr, i);
		const jnode *text = it, *sub = NULL;
		if (jnode_kind(it) == J_OBJECT) {
			text = jnode_get(it, "text");
			sub = jnode_get(it, "items");
			if (sub && jnode_kind(sub) != J_ARRAY)
				content_error(d, sub, "an array of list items");
		}
		if (jnode_kind(text) != J_STRING) {
			content_error(d, text ? text : it,
			              "a list item: a string or {\"text\": ..., \"items\": [...]}");
			continue;
		}
		if (!blocks) {
			if (sub)
				list_items(sub, NULL, NULL, d);
			continue;
		}
		list_item *li = list_add_item(blocks, l, jnode_string(text, ""));
		if (sub && jnode_kind(sub) == J_ARRAY) {
			li->sub = arena_alloc(blocks->arena, sizeof(*li->sub));
			li->sub->ordered = jnode_bool(jnode_get(it, "ordered"), 0);
			list_items(sub, blocks, li->sub, d);
		}
	}
}

void text_blocks(const jnode *arr, int level, block_list *blocks, diag *d, const char *dir)
{
	if (!arr)
		return;
	if (jnode_kind(arr) != J_ARRAY) {
		content_error(d, arr, "an array of content blocks");
		return;
	}
	for (size_t i = 0; i < jnode_length(arr); i++) {
		const jnode *b = jnode_at(arr, i);
		const jnode *h = jnode_get(b, "heading"), *p = jnode_get(b, "paragraph"),
		            *l = jnode_get(b, "list"), *img = jnode_get(b, "image");
		if (jnode_kind(b) != J_OBJECT || (!!h + !!p + !!l + !!img) != 1) {
			content_error(d, b,
			              "a content block: {\"heading\": ...}, {\"paragraph\": ...}, "
			              "{\"list\": [...]} or {\"image\": ..., \"caption\": ...}");
			continue;
		}
		if (img) {
			figure_block(b, dir, blocks, d);
			continue;
		}
		const jnode *v = h ? h : p ? p : l;
		if (jnode_kind(v) != (l ? J_ARRAY : J_STRING)) {
			content_error(d, v, l ? "an array of list items" : "a string");
			continue;
		}
		if (!blocks) {
			if (l)
				list_items(l, NULL, NULL, d);
			continue;
		}
		if (h) {
			int sub = jnode_is_int(jnode_get(b, "level"))
			                  ? (int)jnode_number(jnode_get(b, "level"), 1)
			                  : 1;
			int lv = level + (sub < 1 ? 1 : sub);
			blocks_heading(blocks, lv > 4 ? 4 : lv, jnode_string(h, ""));
		} else if (p) {
			blocks_paragraph(blocks, jnode_string(p, ""));
		} else {
			block_list_data *ld =
			        blocks_list(blocks, jnode_bool(jnode_get(b, "ordered"), 0));
			list_items(l, blocks, ld, d);
		}
	}
}
