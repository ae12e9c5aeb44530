/*
 * arena.h - bump allocation for memory that lives as long as one object
 * (a document, a block list, one plugin callback's scratch).  Everything is
 * released at once by arena_free.  Allocation failure aborts with a message:
 * rapport's inputs are bounded, so running out of memory is not a data error.
 */
#ifndef RAPPORT_ARENA_H
#define RAPPORT_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);
void arena_free(arena *a);
/* Releases everything allocated so far but keeps the first chunk for reuse. */
void arena_reset(arena *a);
/* size bytes aligned for any type; zeroed. */
void *arena_alloc(arena *a, size_t size);
/* The same without zeroing, for buffers the caller fills before reading
 * (zeroing a paragraph's worst-case arrays was 2% of a long build). */
void *arena_alloc_uninit(arena *a, size_t size);
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(arena *a, const char *fmt, va_list ap);

/* malloc/realloc/calloc that abort with a message on failure. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

/* Grows *v (holding *cap elements of elem bytes) to hold at least need.
 * The new elements are not initialised (the spare capacity of long arrays
 * is never touched, so it costs no memory). */
void grow_array(void **v, size_t *cap, size_t need, size_t elem);
#define GROW(v, cap, need) grow_array((void **)&(v), &(cap), (need), sizeof(*(v)))

#endif
