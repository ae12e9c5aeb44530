/*
 * task.c - background tasks and work queues on POSIX threads (see task.h).
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

/* ------------------------------------------------------------ queues */

struct task_queue {
	void (*work)(void *state, void *item);
	void *(*state_new)(void);
	void (*state_free)(void *state);
	pthread_mutex_t lock;
	pthread_cond_t more; /* an item was added, or the queue closed */
	void **items;        /* under lock: the array moves as it grows */
	size_t n, cap, next; /* items, room, first item not yet taken */
	int closed;
	task *thread; /* NULL if no thread could be made */
};

/* Works on the items of q as they come until q is closed and empty (with
 * wait set) or no item is waiting (wait clear), with a state of its own. */
static void drain(task_queue *q, int wait)
{
	void *state = q->state_new ? q->state_new() : NULL;
	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (q->next == q->n && !q->closed && wait)
			pthread_cond_wait(&q->more, &q->lock);
		if (q->next == q->n)
			break;
		void *item = q->items[q->next++];
		pthread_mutex_unlock(&q->lock);
		q->work(state, item);
		pthread_mutex_lock(&q->lock);
	}
	pthread_mutex_unlock(&q->lock);
	if (q->state_free)
		q->state_free(state);
}

static void *queue_thread(void *arg)
{
	drain(arg, 1);
	return NULL;
}

task_queue *task_queue_new(void (*work)(void *state, void *item), void *(*state_new)(void),
                           void (*state_free)(void *state))
{
	task_queue *q = xcalloc(1, sizeof(*q));
	q->work = work;
	q->state_new = state_new;
	q->state_free = state_free;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->more, NULL);
	task *t = xcalloc(1, sizeof(*t));
	t->fn = queue_thread;
	t->arg = q;
	if (pthread_create(&t->thread, NULL, run, t) == 0) {
		t->threaded = 1;
		q->thread = t;
	} else {
		free(t); /* not run now: the caller adds the items first */
	}
	return q;
}

void task_queue_add(task_queue *q, void *item)
{
	pthread_mutex_lock(&q->lock);
	if (q->n == q->cap) {
		q->cap = q->cap ? 2 * q->cap : 256;
		q->items = xrealloc(q->items, q->cap * sizeof(*q->items));
	}
	q->items[q->n++] = item;
	pthread_cond_signal(&q->more);
	pthread_mutex_unlock(&q->lock);
}

void task_queue_finish(task_queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->closed = 1;
	pthread_cond_broadcast(&q->more);
	pthread_mutex_unlock(&q->lock);
	drain(q, 0);
	if (q->thread)
		task_join(q->thread);
	free(q->items);
	pthread_cond_destroy(&q->more);
	pthread_mutex_destroy(&q->lock);
	free(q);
}
