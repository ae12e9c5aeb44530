/* Helpers for tests that look at laid-out pages. */
#ifndef RAPPORT_LAYOUT_TEST_H
#define RAPPORT_LAYOUT_TEST_H

#include <string.h>

#include "page/page.h"

/* Does page pg have a text op whose text is s? Returns the op or NULL. */
static const draw_op *find_text(const document *doc, size_t pg, const char *s)
{
	for (size_t i = 0; i < doc->pages[pg].n; i++) {
		const draw_op *op = &doc->pages[pg].ops[i];
		if (op->kind == DRAW_TEXT && strcmp(op->text, s) == 0)
			return op;
	}
	return NULL;
}

#endif
