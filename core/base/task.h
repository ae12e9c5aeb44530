/*
 * task.h - a function run on another thread while the caller goes on.
 *
 * A build has work that does not depend on the layout: loading the
 * hyphenation patterns, hashing the inputs for the archive manifest.  On a
 * machine with two or more cores it runs beside the main thread.  A task
 * must not touch libharu, a diag, or anything the caller uses before the
 * join.
 */
#ifndef RAPPORT_TASK_H
#define RAPPORT_TASK_H

typedef struct task task;

/* Starts fn(arg) on a new thread, or runs it at once if no thread can be
 * made (the result is the same, only later).  Never returns NULL. */
task *task_start(void *(*fn)(void *arg), void *arg);

/* Runs fn(arg) at once, in the caller's thread, as a task to join: for
 * work that can go either way. */
task *task_run(void *(*fn)(void *arg), void *arg);

/* Whether t has finished (task_join would not wait). */
int task_done(const task *t);

/* Waits for t to finish, frees it, and returns what fn returned. */
void *task_join(task *t);

#endif
