/*
 * builtin.h - the built-in section types (text, table, chart), registered in
 * the same registry as the plugins' so that the build, `rapport check`,
 * `rapport plugins` and `rapport describe` treat them alike.
 */
#ifndef RAPPORT_BUILTIN_H
#define RAPPORT_BUILTIN_H

#include <stddef.h>

#include "base/diag.h"
#include "plugin/loader.h"

/* Collects the search directories (plugins_init), registers the built-in
 * section types, then loads every plugin (plugins_load_all).  Returns 0, or
 * -1 after reporting every problem to d (the built-ins are registered even
 * then). */
int sections_load(plugin_set *set, const char *const *dirs, size_t ndirs, diag *d);

#endif
