/*
 * batch.h - building several reports at once: `rapport build A.json B.json
 * -o DIR -j N` (or a directory of report definitions), each build in its own
 * worker process.
 */
#ifndef RAPPORT_BATCH_H
#define RAPPORT_BATCH_H

#include <stddef.h>

#include "cmd/cmd.h"
#include "pipeline/build.h"

/* Expands the command line's inputs into report definitions: a file is taken
 * as it is; a directory gives its *.json files whose top level has a
 * "sections" member (the report definitions, not the year files), and those
 * of its subdirectories (one per organisation, say), in name order.  Returns a malloc'd array (free
 * each string and the array) and sets *n, or NULL with a message on stderr when an input cannot be
 * read or a directory holds no definition. */
char **batch_expand(const char *const *inputs, size_t ninputs, size_t *n);

/* Builds every definition in defs into out_dir (created if missing), named
 * after the definition (report.json -> out_dir/report.pdf), at most `jobs` at
 * a time, each in a forked worker with its own diagnostics and atomic
 * output.  base holds the shared options (its report_path and out_path are
 * ignored).  Prints one line per failed build; returns EXIT_OK when all
 * succeed, else the largest exit code of the failed builds. */
int batch_build(const build_opts *base, const build_shown *shown, char *const *defs, size_t n, const char *out_dir, int jobs);

#endif
