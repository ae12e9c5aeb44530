/*
 * figure.h - pictures from the data: the "image" content block of a text
 * section and the report's optional "logo" (see docs/data-format.md).
 */
#ifndef RAPPORT_FIGURE_H
#define RAPPORT_FIGURE_H

#include "blocks/blocks.h"
#include "base/diag.h"
#include "data/image.h"
#include "data/json.h"

/* Checks (blocks == NULL) or emits the content block b,
 * {"image": FILE, "caption": TEXT, "alt": TEXT, "width": 0.1..1}, whose FILE
 * is relative to data_dir and must stay inside it.  Errors carry b's
 * file:line:column and JSON path. */
void figure_block(const jnode *b, const char *data_dir, block_list *blocks, diag *d);

/* The report definition's optional "logo": 0 with out->path[0] == 0 when
 * there is none, 0 with out filled in, or -1 after reporting. */
int figure_logo(const jnode *root, const char *data_dir, image_info *out, diag *d);

#endif
