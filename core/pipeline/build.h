/*
 * build.h - the pipeline: report definition -> plugins -> blocks -> layout
 * -> PDF.  A library function: it reports problems to its diag and returns
 * a status and its figures (build_result); it prints nothing else.  The
 * commands (core/cmd/) print the summary, the statistics and the timings.
 */
#ifndef RAPPORT_BUILD_H
#define RAPPORT_BUILD_H

#include <stddef.h>

#include "base/diag.h"
#include "base/exit.h"
#include "base/i18n.h"
#include "data/report.h"
#include "layout/layout.h"
#include "text/fonts.h"

typedef struct build_opts {
	const char *report_path;
	const char *out_path; /* NULL: the archive name in the current directory
	                       * (build_archive_name) */
	int check_only;       /* validate, write nothing */
	int year;             /* 0: the whole period */
	lang_id lang;
	const char *const *plugin_dirs;
	size_t nplugin_dirs;
	const char *fonts_list; /* NULL: the default fonts.list */
	int emit_only;          /* check, emit the sections' blocks, write nothing
	                         * (the fuzzing harness) */
} build_opts;

/* Phases of a build timed for `--stats`, at most. */
enum { BUILD_MAX_PHASES = 12 };

/* What a build found and made, for the command to print. */
typedef struct build_result {
	char out_path[4096]; /* the file written (or to be written) */
	size_t nyears, nsections;
	size_t npages;
	long long bytes; /* the size of the PDF written */
	double seconds;  /* wall-clock time of the whole build */
	layout_stats stats;
	/* Wall-clock time of each phase: "archive, patterns" is the archive's
	 * collection when it runs in this thread and the wait for the
	 * hyphenation patterns, "archive (wait)" the wait for the archive when
	 * it was collected beside the layout. */
	int nphases;
	const char *phase[BUILD_MAX_PHASES];
	double phase_ms[BUILD_MAX_PHASES];
	char font[FACE_COUNT][512]; /* the font file of each face used */
} build_result;

/* Builds the report into o->out_path (or its archive name), or only checks
 * it (o->check_only).  Fills *res (which may be NULL) and returns an exit
 * code; every problem is reported to d. */
int build_run(const build_opts *o, build_result *res, diag *d);
/* The name a report is archived under (README.md, "Archiving"):
 * organisation-year-kind.pdf, e.g. samordningsforbund-gavleborg-2018-
 * arsrapport.pdf; a whole-period report has the period in place of the
 * year. */
void build_archive_name(const report *r, char *out, size_t size);
/* Did a plugin crash during build_run?  Then the heap may be damaged and
 * the process should end without freeing or running exit handlers. */
int build_heap_suspect(void);
/* The default fonts list: the source tree's when running from the build
 * tree, else the installed one. */
const char *default_fonts_list(void);

#endif
