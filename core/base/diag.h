/*
 * diag.h - diagnostics in the style of a compiler.
 *
 *   data/2018.json:12:7: error: census.placed.total: expected a whole number >= 0, found "abc"
 *
 * Every message carries a source position when one is known.  Messages are
 * printed to stderr as they arrive and counted; after `limit` errors further
 * errors are counted but not printed.
 */
#ifndef RAPPORT_DIAG_H
#define RAPPORT_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Where in which file a value came from.  line and column start at 1;
 * 0 means unknown.  path is a JSON path like "sections[3].title" or "". */
typedef struct diag_pos {
	const char *file;
	int line;
	int column;
	const char *path;
} diag_pos;

typedef struct diag {
	int errors;
	int warnings;
	int limit;      /* errors printed at most; default 50 */
	int quiet;      /* 1: count but print nothing (tests) */
	FILE *out;      /* where messages are printed; NULL: stderr */
	char last[512]; /* text of the last message, for tests */
	/* A message identical to one already reported (same position, same
	 * text but for a closing "(section type ...)") is counted here instead:
	 * two section types that read the same value report it once. */
	int duplicates;
	int nseen;
	unsigned long long seen[256];
	/* Likewise, while one_per_value is set (checking data), a second error
	 * about the same value: at the same file:line:column, with a path that
	 * is the first one's or contains it. */
	int one_per_value;
	int nvalues;
	struct diag_value {
		unsigned long long where; /* hash of file, line, column */
		char path[120];
	} values[64];
} diag;

void diag_init(diag *d);
/* Reports an error or a warning at pos (pos may be NULL). */
void diag_error(diag *d, const diag_pos *pos, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
void diag_warning(diag *d, const diag_pos *pos, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* Counts from's messages in d, as if they had been reported to d (their
 * text, printed or held elsewhere, is the caller's business): a diag that
 * held a background task's messages is merged into the build's. */
void diag_merge(diag *d, const diag *from);
void diag_verror(diag *d, const diag_pos *pos, const char *fmt, va_list ap);
void diag_vwarning(diag *d, const diag_pos *pos, const char *fmt, va_list ap);

#endif
