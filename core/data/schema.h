/*
 * schema.h - checking JSON data against declared fields.
 *
 * The report definition, the year files and every section type declare the
 * data they take as lists of rapport_field (include/rapport/plugin.h).
 * schema_check walks a value and its declaration together and reports every
 * problem it finds, compiler style, with file:line:column, the JSON path,
 * what was expected and what was found:
 *
 *   data/2018.json:31:18: error: census.placed.total: expected a whole number
 *       from 0 to 1000000, found -4 (section type census)
 *
 * Rules, per field:
 *   type      RAPPORT_T_INT: a number without a fractional part;
 *             RAPPORT_T_NUMBER: any number; RAPPORT_T_STRING; RAPPORT_T_BOOL;
 *             RAPPORT_T_ARRAY; RAPPORT_T_OBJECT; RAPPORT_T_ANY: anything.
 *             null is never of a type (it is reported as found null).
 *   required  absent members are errors (reported at the enclosing object,
 *             with the member's path).
 *   min, max  when min < max: numbers must lie in [min, max]; strings must be
 *             min..max characters long (UTF-8 characters) and arrays hold
 *             min..max elements.  min == max means no bound.
 *   values    strings: one of the NULL-ended list.
 *   fields    objects: their members; arrays: each element must be an
 *             object with these members.  NULL: members are not checked.
 *   items     arrays without `fields`: each element's type (RAPPORT_T_ANY
 *             for none).
 *   key "*"   matches every member that no other field of the list names
 *             (maps such as {"Gävle": 12, "Sandviken": 3}); never required.
 * Members that no field declares are warnings, with a "did you mean" when a
 * declared key is close (edit distance).
 */
#ifndef RAPPORT_SCHEMA_H
#define RAPPORT_SCHEMA_H

#include "base/diag.h"
#include "data/json.h"
#include "rapport/plugin.h"

/* Checks the object `node` against the NULL-key-terminated list `fields`.
 * who (may be NULL) names whose declaration it is, e.g. "section type
 * census"; it is added to each message in parentheses.  Returns the number
 * of errors reported (warnings are not counted). */
int schema_check(const jnode *node, const rapport_field *fields, diag *d, const char *who);

/* Checks one value against one field (the field's key is not looked up:
 * node is the value itself).  Returns the number of errors reported. */
int schema_check_value(const jnode *node, const rapport_field *field, diag *d, const char *who);

/* The declared key closest to `key` (edit distance at most a third of its
 * length, at least 1), or NULL. */
const char *schema_suggest(const char *key, const rapport_field *fields);

#endif
