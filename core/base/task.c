/*
 * task.c - background tasks on POSIX threads (see task.h).
 */
#include "base/task.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "base/arena.h"

struct task {
	pthread_t thread;
	int threaded; /* 0: ran in task_start, result holds its value */
	void *(*fn)(void *);
	void *arg;
	void *result;
	atomic_int done;
};

static void *run(void *arg)
{
	task *t = arg;
	t->result = t->fn(t->arg);
	atomic_store(&t->done, 1);
	return NULL;
}

task *task_start(void *(*fn)(void *arg), void *arg)
{
	task *t = xcalloc(1, sizeof(*t));
	t->fn = fn;
	t->arg = arg;
	if (pthread_create(&t->thread, NULL, run, t) == 0)
		t->threaded = 1;
	else
		run(t);
	return t;
}

task *task_run(void *(*fn)(void *arg), void *arg)
{
	task *t = xcalloc(1, sizeof(*t));
	t->fn = fn;
	t->arg = arg;
	run(t);
	return t;
}

int task_done(const task *t)
{
	return atomic_load(&((task *)t)->done);
}

void *task_join(task *t)
{
	if (t->threaded)
		pthread_join(t->thread, NULL);
	void *result = t->result;
	free(t);
	return result;
}
