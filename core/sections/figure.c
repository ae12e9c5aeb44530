/*
 * figure.c - image content blocks and the logo.
 */
#include "sections/figure.h"

#include <string.h>

static const char *const KEYS[] = {"image", "caption", "alt", "width", NULL};

/* Resolves the string node n as an image; 0, or -1 after reporting at n. */
static int resolve(const jnode *n, const char *data_dir, image_info *out, diag *d)
{
	diag_pos pos = jnode_pos(n);
	if (jnode_kind(n) != J_STRING || !*jnode_string(n, "")) {
		char found[96];
		diag_error(d, &pos, "expected the file name of a PNG or JPEG image, found %s",
		           jnode_describe(n, found, sizeof(found)));
		return -1;
	}
	char err[8400];
	if (image_open(data_dir, jnode_string(n, ""), out, err, sizeof(err)) != 0) {
		diag_error(d, &pos, "%s", err);
		return -1;
	}
	return 0;
}

void figure_block(const jnode *b, const char *data_dir, block_list *blocks, diag *d)
{
	int bad = 0;
	for (size_t i = 0; i < jnode_length(b); i++) {
		const char *k = jnode_key_at(b, i);
		int known = 0;
		for (size_t j = 0; KEYS[j]; j++)
			known |= strcmp(KEYS[j], k) == 0;
		if (!known) {
			diag_pos pos = jnode_key_pos(jnode_at(b, i));
			diag_error(d, &pos,
			           "unknown option \"%s\" of an image (known: image, caption, alt, "
			           "width)",
			           k);
			bad = 1;
		}
	}
	const jnode *cap = jnode_get(b, "caption"), *alt = jnode_get(b, "alt"),
	            *width = jnode_get(b, "width");
	for (int i = 0; i < 2; i++) {
		const jnode *n = i ? alt : cap;
		if ((n || !i) && (jnode_kind(n) != J_STRING || !*jnode_string(n, ""))) {
			diag_pos pos = jnode_pos(n ? n : b);
			char found[96];
			if (n)
				diag_error(d, &pos, "expected a non-empty string, found %s",
				           jnode_describe(n, found, sizeof(found)));
			else
				diag_error(d, &pos,
				           "missing \"caption\": an image needs a caption");
			bad = 1;
		}
	}
	double scale = jnode_number(width, 1);
	if (width && (jnode_kind(width) != J_NUMBER || scale < 0.1 || scale > 1)) {
		diag_pos pos = jnode_pos(width);
		char found[96];
		diag_error(d, &pos, "expected a share of the text width from 0.1 to 1, found %s",
		           jnode_describe(width, found, sizeof(found)));
		bad = 1;
	}
	image_info im;
	if (resolve(jnode_get(b, "image"), data_dir, &im, d) != 0 || bad || !blocks)
		return;
	blocks_image(blocks, im.path, im.width, im.height, (float)scale, jnode_string(cap, ""),
	             jnode_string(alt, NULL));
}

int figure_logo(const jnode *root, const char *data_dir, image_info *out, diag *d)
{
	memset(out, 0, sizeof(*out));
	const jnode *n = jnode_get(root, "logo");
	if (!n)
		return 0;
	return resolve(n, data_dir, out, d);
}
