/*
 * json.h - JSON documents with source positions.
 *
 * Parsing is done by cJSON; this module adds what cJSON lacks: the line and
 * column of every value and its JSON path, so that every diagnostic can name
 * file:line:column and path.  cJSON is confined to json.c: the rest of the
 * core and the plugins see `jnode` only.
 *
 * A jnode is valid as long as its jdoc.  The accessors accept NULL and return
 * NULL / fallback values for it, so lookups can be chained.
 */
#ifndef RAPPORT_JSON_H
#define RAPPORT_JSON_H

#include <stddef.h>

#include "base/diag.h"

typedef struct jdoc jdoc;
typedef struct jnode jnode;

enum jkind { J_MISSING = 0, J_NULL, J_BOOL, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };

/* Limits enforced by the loader. */
#define JSON_MAX_FILE_BYTES (16u * 1024u * 1024u)
#define JSON_MAX_DEPTH 64
#define JSON_MAX_STRING_BYTES (64u * 1024u) /* one string, as written in the file */

/* Reads and parses a file.  On failure reports to d (file:line:column, what
 * was expected, what was found) and returns NULL.  Invalid UTF-8 in strings is
 * an error. */
jdoc *jdoc_load_file(const char *path, diag *d);
/* Parses text held in memory; `name` is used in diagnostics. */
jdoc *jdoc_parse(const char *name, const char *text, size_t len, diag *d);
void jdoc_free(jdoc *doc);

const jnode *jdoc_root(const jdoc *doc);
const char *jdoc_name(const jdoc *doc);

int jnode_kind(const jnode *n);
const char *jkind_name(int kind); /* "a string", "a number", ... */
/* Member of an object, NULL if absent or n is not an object. */
const jnode *jnode_get(const jnode *n, const char *key);
/* Number of elements (array) or members (object); 0 otherwise. */
size_t jnode_length(const jnode *n);
const jnode *jnode_at(const jnode *n, size_t i);
/* Key of the i-th member of an object, or of n itself within its parent. */
const char *jnode_key_at(const jnode *n, size_t i);
const char *jnode_string(const jnode *n, const char *fallback);
double jnode_number(const jnode *n, double fallback);
int jnode_bool(const jnode *n, int fallback);
/* Is n a number with no fractional part within long's range? */
int jnode_is_int(const jnode *n);

/* Source position of n: file, line, column and JSON path.  The path string is
 * owned by the document.  Paths: sections[3].title, meta["not an identifier"];
 * the root's path is "" (diag prints no path then).  Columns count UTF-8
 * characters from 1.  A NULL n gives an all-unknown position. */
diag_pos jnode_pos(const jnode *n);
/* Like jnode_pos, but at the member's key when n is an object member (for
 * messages about the key itself: unknown or duplicate keys). */
diag_pos jnode_key_pos(const jnode *n);
/* n's own key in its parent object; NULL for the root and array elements. */
const char *jnode_key(const jnode *n);
/* The object or array that holds n; NULL for the root. */
const jnode *jnode_parent(const jnode *n);
/* A short rendering of the value for "found ..." in messages: "\"abc\"",
 * "12.5", "an object", "nothing". */
const char *jnode_describe(const jnode *n, char *buf, size_t size);

#endif
