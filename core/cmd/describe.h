/*
 * describe.h - documentation generated from what a section type declares
 * (API level 2 fields): `rapport describe TYPE` prints it as Markdown.
 */
#ifndef RAPPORT_DESCRIBE_H
#define RAPPORT_DESCRIBE_H

#include <stdio.h>

#include "rapport/plugin.h"

/* Writes the Markdown description of one section type, found in the plugin
 * file `origin`, to out. */
void describe_markdown(FILE *out, const rapport_section_type *type, const char *origin);

#endif
