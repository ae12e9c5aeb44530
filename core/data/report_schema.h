/*
 * report_schema.h - the declared fields of the core's own data: the report
 * definition, its sections and content blocks, and the top level of a year
 * file.  docs/data-format.md and the JSON Schemas in data/schema/ say the same.
 */
#ifndef RAPPORT_REPORT_SCHEMA_H
#define RAPPORT_REPORT_SCHEMA_H

#include <stddef.h>

#include "base/diag.h"
#include "data/json.h"
#include "rapport/plugin.h"

/* Largest count accepted anywhere in the data (the plugins use the same). */
#define SCHEMA_COUNT_MAX 1e9

/* The report definition's top level. */
extern const rapport_field report_definition_fields[];

/* Checks a section object: for a text section (type NULL and "type":
 * "text") its members and content; for a section whose type is missing or
 * does not declare its fields, the common members (type, title, level,
 * whole_period, intro, outro).  A type with api_level >= 2 has its object
 * checked by the host against its declaration; here only its intro and
 * outro blocks are.  Returns the number of errors. */
int report_check_section(const jnode *section, const rapport_section_type *type, diag *d);

/* Checks the top level of a year file: "format" and "year" (whose values
 * report_load checks) and one member per section type's year_key (their
 * contents are the section type's to check).
 * Members no section type reads are warnings with a suggestion.  types may
 * hold NULLs (skipped).  Returns the number of errors. */
int report_check_year_top(const jnode *year, const rapport_section_type *const *types,
                          size_t ntypes, diag *d);

/* Checks a content block array (intro, outro, content).  Returns the number
 * of errors. */
int report_check_blocks(const jnode *blocks, diag *d);

#endif
