/*
 * build.h - the pipeline: report definition -> plugins -> blocks -> layout
 * -> PDF.
 */
#ifndef RAPPORT_BUILD_H
#define RAPPORT_BUILD_H

#include <stddef.h>

#include "base/diag.h"
#include "base/exit.h"
#include "base/i18n.h"

typedef struct build_opts {
	const char *report_path;
	const char *out_path;   /* NULL for check only */
	int year;               /* 0: the whole period */
	lang_id lang;
	const char *const *plugin_dirs;
	size_t nplugin_dirs;
	const char *fonts_list; /* NULL: the default fonts.list */
	int verbose;
	int stats; /* print the typesetting figures after a build */
	int quiet;              /* no summary line */
	int emit_only;          /* check, emit the sections' blocks, write nothing
	                         * (the fuzzing harness) */
} build_opts;

/* Builds (out_path set) or only checks the report.  Returns an exit code. */
int build_run(const build_opts *o, diag *d);
/* Did a plugin crash during build_run?  Then the heap may be damaged and
 * the process should end without freeing or running exit handlers. */
int build_heap_suspect(void);
/* Prints the plugins found (name, version, description, path).  Returns an
 * exit code. */
int build_list_plugins(const build_opts *o, diag *d);
/* The default fonts list: the source tree's when running from the build
 * tree, else the installed one. */
const char *default_fonts_list(void);

#endif
