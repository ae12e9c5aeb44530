/*
 * guard.h - running plugin code so that a crash in it is reported, not fatal
 * to the report.
 *
 * guard_run() calls a function with SIGSEGV, SIGBUS, SIGFPE, SIGILL and
 * SIGABRT caught on an alternate signal stack (so a stack overflow is caught
 * too).  When one arrives, control jumps back out of the plugin and
 * guard_run() returns the signal number; the caller names the plugin and
 * stops the build.  The process state the plugin touched may be damaged, so
 * after a crash the core only reports and exits: it writes no output.  The
 * previous signal dispositions are restored when guard_run() returns.
 * Calls do not nest.
 */
#ifndef RAPPORT_GUARD_H
#define RAPPORT_GUARD_H

/* Runs *rc = fn(arg) under the guard.  Returns 0 when fn returned, or the
 * number of the signal that stopped it (*rc is then RAPPORT_FAIL). */
int guard_run(int (*fn)(void *arg), void *arg, int *rc);

/* The name of a signal guard_run() catches, e.g. "SIGSEGV (segmentation
 * fault)". */
const char *guard_signal_name(int sig);

#endif
