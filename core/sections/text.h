/*
 * text.h - content blocks of the report definition (docs/data-format.md).
 */
#ifndef RAPPORT_TEXT_SECTION_H
#define RAPPORT_TEXT_SECTION_H

#include "base/diag.h"
#include "blocks/blocks.h"
#include "data/json.h"

/* Checks (blocks == NULL) or emits the content blocks of the array arr
 * (NULL: none) under a heading of level `level`; pictures are looked up in
 * the directory dir. */
void text_blocks(const jnode *arr, int level, block_list *blocks, diag *d, const char *dir);

#endif
