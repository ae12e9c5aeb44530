/*
 * build.h - the pipeline: report definition -> plugins -> blocks -> layout
 * -> PDF, and the commands built on it.
 */
#ifndef RAPPORT_BUILD_H
#define RAPPORT_BUILD_H

#include <stddef.h>

#include "diag.h"
#include "i18n.h"

/* Exit codes (documented in README.md and rapport --help). */
enum {
	EXIT_OK = 0,
	EXIT_FAILURE_INTERNAL = 1, /* a bug or an out-of-memory */
	EXIT_USAGE = 2,            /* bad command line */
	EXIT_DATA = 3,             /* the data is invalid */
	EXIT_PLUGIN = 4,           /* a plugin is missing, broken or failed */
	EXIT_OUTPUT = 5,           /* the PDF could not be written */
	EXIT_DIFFERS = 6           /* verify: the rebuilt PDF is not byte-identical */
};

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
