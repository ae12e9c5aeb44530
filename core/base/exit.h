/*
 * exit.h - rapport's exit codes, documented in README.md, the man page and
 * `rapport --help`.  Every path out of the program ends in one of these.
 */
#ifndef RAPPORT_EXIT_H
#define RAPPORT_EXIT_H

/* Exit codes (documented in README.md, docs/rapport.1 and rapport --help). */
enum {
	EXIT_OK = 0,
	EXIT_FAILURE_INTERNAL = 1, /* a bug or an out-of-memory */
	EXIT_USAGE = 2,            /* bad command line */
	EXIT_DATA = 3,             /* the data is invalid */
	EXIT_PLUGIN = 4,           /* a plugin is missing, broken or failed */
	EXIT_OUTPUT = 5,           /* the PDF, an extracted file or standard output
	                            * could not be written (a full disk, a closed
	                            * pipe: SIGPIPE is ignored and reported) */
	EXIT_DIFFERS = 6           /* verify: the rebuilt PDF is not byte-identical */
};

#endif
