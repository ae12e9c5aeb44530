#include "base/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK 65536u

struct chunk {
	struct chunk *next;
	size_t size, used;
	max_align_t data[];
};

struct arena {
	struct chunk *head;
};

static void out_of_memory(size_t size)
{
	fprintf(stderr, "rapport: error: out of memory (%zu bytes)\n", size);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);
	if (!q)
		out_of_memory(size);
	return q;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

void grow_array(void **v, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	if (n > SIZE_MAX / elem)
		out_of_memory(SIZE_MAX);
	*v = xrealloc(*v, n * elem);
	*cap = n;
}

static struct chunk *chunk_new(size_t min, struct chunk *next)
{
	size_t size = min > ARENA_CHUNK ? min : ARENA_CHUNK;
	struct chunk *c = xmalloc(sizeof(*c) + size);
	c->next = next;
	c->size = size;
	c->used = 0;
	return c;
}

arena *arena_new(void)
{
	arena *a = xmalloc(sizeof(*a));
	a->head = chunk_new(0, NULL);
	return a;
}

void arena_free(arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

void arena_reset(arena *a)
{
	struct chunk *c = a->head;
	while (c->next) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	c->used = 0;
	a->head = c;
}

void *arena_alloc(arena *a, size_t size)
{
	return memset(arena_alloc_uninit(a, size), 0, size);
}

void *arena_alloc_uninit(arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	size = (size + align - 1) / align * align;
	if (size == 0)
		size = align;
	struct chunk *c = a->head;
	if (c->size - c->used < size) {
		if (size > ARENA_CHUNK / 4) {
			/* a big block gets a chunk of its own behind the head */
			struct chunk *big = chunk_new(size, c->next);
			c->next = big;
			big->used = size;
			return big->data;
		}
		c = a->head = chunk_new(size, c);
	}
	void *p = (char *)c->data + c->used;
	c->used += size;
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_alloc_uninit(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

/* Formats straight into the free end of the current chunk, and only when
 * the result does not fit there formats again into a block of the right
 * size: one vsnprintf instead of two for nearly every string (the plugins'
 * h->fmt calls were 10% of a 1000-page build's instructions). */
char *arena_vprintf(arena *a, const char *fmt, va_list ap)
{
	struct chunk *c = a->head;
	char *free_end = (char *)c->data + c->used;
	size_t room = c->size - c->used;
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(free_end, room, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return arena_strdup(a, "");
	if ((size_t)n < room) {
		const size_t align = sizeof(max_align_t);
		c->used += ((size_t)n + 1 + align - 1) / align * align;
		if (c->used > c->size) /* the rounding went past the end: all used */
			c->used = c->size;
		return free_end;
	}
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
