/*
 * output.h - atomic output files.
 *
 * The PDF is written to a temporary file in the target's directory and
 * renamed over the target only when it is complete and synced, so a failed or
 * interrupted run never leaves a partial file or clobbers an existing one.
 */
#ifndef RAPPORT_OUTPUT_H
#define RAPPORT_OUTPUT_H

#include "base/diag.h"

typedef struct output {
	char *target; /* final path */
	char *tmp;    /* temporary path in the same directory */
} output;

/* Checks that the target's directory exists and is writable, and reserves a
 * temporary file name there (the file is created empty, mode 0644 less umask).
 * Returns 0, or -1 after reporting to d. */
int output_begin(output *o, const char *target, diag *d);
/* fsyncs the temporary file and renames it to the target. */
int output_commit(output *o, diag *d);
/* Removes the temporary file (safe to call twice).  A signal handler unlinks
 * output_pending_tmp() instead. */
void output_abort(output *o);
/* The temporary path currently reserved, for the signal handler; NULL if none. */
const char *output_pending_tmp(void);
void output_free(output *o);

#endif
