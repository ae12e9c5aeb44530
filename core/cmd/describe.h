/*
 * describe.h - documentation generated from what a section type declares
 * (API level 2 fields): `rapport describe TYPE` prints it as Markdown.
 */
#ifndef RAPPORT_DESCRIBE_H
#define RAPPORT_DESCRIBE_H

#include <stdio.h>

#include "pipeline/build.h"
#include "rapport/plugin.h"

/* Writes the Markdown description of one section type, found in the plugin
 * file `origin`, to out. */
void describe_markdown(FILE *out, const rapport_section_type *type, const char *origin);

/* `rapport describe NAME`: loads the plugins and describes section type
 * `name`.  Returns an exit code (EXIT_PLUGIN when no plugin provides it). */
int describe_run(const build_opts *o, const char *name, diag *d);

#endif
