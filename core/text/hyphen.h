/*
 * hyphen.h - where a word may be hyphenated, by libhyphen's patterns.
 *
 * A hyphenator is opened for one language (Swedish: hyph_sv_SE.dic from
 * hyphen-sv; English: hyph_en_US.dic from hyphen-en-us).  It answers for one
 * word at a time and caches every answer, since a report repeats its words.
 * Minimum fragments follow Swedish practice: at least 2 characters before a
 * hyphen and 3 after it; words shorter than 6 characters are never split.
 * Words with a digit, an '@', a '/', a '.', or in capitals only
 * (abbreviations like "ASF") are never split.
 */
#ifndef RAPPORT_HYPHEN_H
#define RAPPORT_HYPHEN_H

#include <stddef.h>

typedef struct hyphenator hyphenator;

enum { HYPH_LEFT_MIN = 2, HYPH_RIGHT_MIN = 3, HYPH_WORD_MIN = 6 };

/* Opens the patterns in the file at path.  Returns NULL (and sets nothing
 * else) if the file cannot be read. */
hyphenator *hyph_open(const char *path);
/* Opens the patterns in the file at path for the words of texts[0..n)
 * (UTF-8, markup and all: every run of letters counts): only the patterns
 * that can match inside one of those words are loaded, which takes a
 * fraction of the time for a short report.  The answers are hyph_open's for
 * every word: one the patterns were not chosen for is answered from all of
 * them, loaded then.  Returns NULL if the file cannot be read. */
hyphenator *hyph_open_for(const char *path, const char *const *texts, size_t n);
/* The number of states of the pattern automaton h answers from (for the
 * tests: hyph_open_for's is smaller than hyph_open's). */
size_t hyph_states(const hyphenator *h);
/* The patterns file for a language code ("sv", "en"), in HYPHEN_DIR. */
const char *hyph_dict_path(const char *lang);
void hyph_close(hyphenator *h);

/* Finds the hyphenation points of the UTF-8 word w[0..len): on return
 * at[0..n) are byte offsets into w where a hyphen may go (a break between
 * w[at[k]-1] and w[at[k]]), ascending.  Returns n (at most max).  The word
 * must be letters only (no spaces or punctuation around it). */
size_t hyph_points(hyphenator *h, const char *w, size_t len, size_t *at, size_t max);

#endif
