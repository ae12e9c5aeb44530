/*
 * chart_data.h - the appendix "Diagramdata": every chart's figures again as
 * an ordinary numbered table, so no figure exists only as a picture.
 */
#ifndef RAPPORT_CHART_DATA_H
#define RAPPORT_CHART_DATA_H

#include "blocks/blocks.h"
#include "base/i18n.h"

/* Appends to b a level-1 heading "Diagramdata" ("Chart data") and, for the
 * n-th chart of b, a table "Figur n: caption" with a row per category and a
 * column per series (pies: value and share; stacked charts: a total).  Does
 * nothing when b has no chart.  Returns the number of tables added. */
size_t chart_data_appendix(block_list *b, lang_id lang);

#endif
