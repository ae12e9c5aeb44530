/*
 * hash.h - 64-bit FNV-1a, the one copy: cache and de-duplication keys
 * (hyphenation words and patterns, JSON member tables, repeated messages).
 * Nothing written to a PDF depends on the values.
 */
#ifndef RAPPORT_HASH_H
#define RAPPORT_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The offset basis and the prime of 64-bit FNV. */
#define FNV_BASIS 14695981039346656037ull
#define FNV_PRIME 1099511628211ull

/* h with one more byte c mixed in (start from FNV_BASIS). */
static inline uint64_t fnv_step(uint64_t h, unsigned char c)
{
	return (h ^ c) * FNV_PRIME;
}

/* h with the n bytes at p mixed in. */
static inline uint64_t fnv_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = fnv_step(h, b[i]);
	return h;
}

/* h with the bytes of the string s (not its NUL) mixed in. */
static inline uint64_t fnv_str(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = fnv_step(h, (unsigned char)*s);
	return h;
}

#endif
