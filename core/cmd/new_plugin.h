/*
 * scaffold.h - `rapport new-plugin NAME [DIR]`: the skeleton of a new section
 * plugin (source, Makefile, sample data, README) that builds with `make` and
 * renders its section with `make report` as written.
 */
#ifndef RAPPORT_SCAFFOLD_H
#define RAPPORT_SCAFFOLD_H

#include "base/diag.h"

/* Writes the skeleton of plugin `name` into dir (NULL: ./name).  The
 * directory must not exist or be empty; no file is ever overwritten.
 * Returns an exit code. */
int scaffold_run(const char *name, const char *dir, diag *d);

#endif
