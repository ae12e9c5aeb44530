/*
 * task.h - a function, or a queue of work items, run on another thread
 * while the caller goes on.
 *
 * A build has work that does not depend on the layout: loading the
 * hyphenation patterns, hashing the inputs for the archive manifest,
 * compressing the PDF's streams.  On a machine with two or more cores it
 * runs beside the main thread.  A task must not touch libharu, a diag, or
 * anything the caller uses before the join.  The one place rapport makes
 * threads.
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

/*
 * A queue of work items handled by a thread of its own while the caller goes
 * on adding more (the PDF writer's page streams, compressed while the next
 * page is drawn).  Each thread that works on items has a state of its own,
 * made by state_new (may be NULL) and given to each work(state, item) call.
 * Items are taken in the order added; work must not touch what the caller
 * uses until task_queue_finish returns.
 */
typedef struct task_queue task_queue;

/* Starts the queue's thread (without one, every item is worked on at
 * task_queue_finish).  Never NULL. */
task_queue *task_queue_new(void (*work)(void *state, void *item), void *(*state_new)(void),
                           void (*state_free)(void *state));

/* Hands item to the queue's thread. */
void task_queue_add(task_queue *q, void *item);

/* Closes q, works on the items no thread has taken yet in the caller's
 * thread as well, waits until every item is done, and frees q. */
void task_queue_finish(task_queue *q);

#endif
