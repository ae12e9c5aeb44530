/*
 * suggest.h - "did you mean ...?": the closest of a list of names, by edit
 * distance, for mistyped JSON keys, commands and options.
 */
#ifndef RAPPORT_SUGGEST_H
#define RAPPORT_SUGGEST_H

#include <stddef.h>

/* Edit distance of two short strings, counting a swap of two neighbouring
 * characters as one edit ("levle" is one from "level"); strings longer than
 * 63 bytes count as far apart ((size_t)-1). */
size_t suggest_distance(const char *a, const char *b);

/* The name closest to `word` among the n names (NULL entries are skipped),
 * if it is within a third of word's length (at least 1 edit); else NULL. */
const char *suggest_closest(const char *word, const char *const *names, size_t n);

#endif
