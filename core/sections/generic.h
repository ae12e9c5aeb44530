/*
 * generic.h - the built-in "table" and "chart" section types: a table or a
 * chart of the year files' figures, configured entirely in the report
 * definition (see docs/data-format.md), so a report author needs no plugin.
 */
#ifndef RAPPORT_GENERIC_H
#define RAPPORT_GENERIC_H

#include "blocks/blocks.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "data/report.h"

/* Checks the options of section s against the year files of r, reporting
 * each problem with its file:line:column and JSON path (blocks == NULL), or
 * emits the section's table or chart into blocks.  Returns the number of
 * errors reported. */
int generic_section(const report *r, const report_section *s, lang_id lang, block_list *blocks,
                    diag *d);

#endif
