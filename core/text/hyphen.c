/*
 * hyphen.c - libhyphen behind a per-word cache.
 *
 * The Debian Swedish patterns are in ISO 8859-1 and the English ones in
 * UTF-8; words are lower-cased and converted to the dictionary's encoding,
 * and the answer is mapped back to byte offsets of the UTF-8 word.  Points
 * where the patterns ask for a spelling change (non-standard hyphenation)
 * are left out.
 */
#include "text/hyphen.h"

#include <hyphen.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/file.h"
#include "base/hash.h"
#include "base/utf8.h"
#include "text/fonts.h"

#ifndef HYPHEN_DIR
#define HYPHEN_DIR "/usr/share/hyphen"
#endif

enum { MAX_WORD = 64, MAX_POINTS = 24 };

typedef struct cached {
	char *word; /* NULL: empty slot */
	unsigned char n;
	unsigned char at[MAX_POINTS];
} cached;

/* A set of strings (open addressing; NULL: empty slot). */
typedef struct strset {
	char **v;
	size_t n, used;
} strset;

struct hyphenator {
	HyphenDict *dict; /* all the patterns, or (words.v set) those for words */
	strset words;     /* the words, in the dictionary's encoding, dict serves */
	HyphenDict *full; /* all the patterns, loaded for a word not in words */
	char *path;       /* the patterns file */
	cached *slots;
	size_t nslots, used;
};

const char *hyph_dict_path(const char *lang)
{
	if (lang && !strcmp(lang, "en"))
		return HYPHEN_DIR "/hyph_en_US.dic";
	return HYPHEN_DIR "/hyph_sv_SE.dic";
}

static hyphenator *hyphenator_of(HyphenDict *d, const char *path)
{
	hyphenator *h = xcalloc(1, sizeof(*h));
	h->dict = d;
	h->path = xstrdup(path);
	h->nslots = 1024;
	h->slots = xcalloc(h->nslots, sizeof(*h->slots));
	return h;
}

size_t hyph_states(const hyphenator *h)
{
	size_t n = 0;
	for (const HyphenDict *d = h ? h->dict : NULL; d; d = d->nextlevel)
		n += (size_t)d->num_states;
	return n;
}

hyphenator *hyph_open(const char *path)
{
	HyphenDict *d = hnj_hyphen_load(path);
	return d ? hyphenator_of(d, path) : NULL;
}

void hyph_close(hyphenator *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->nslots; i++)
		free(h->slots[i].word);
	free(h->slots);
	for (size_t i = 0; i < h->words.n; i++)
		free(h->words.v[i]);
	free(h->words.v);
	hnj_hyphen_free(h->dict);
	if (h->full)
		hnj_hyphen_free(h->full);
	free(h->path);
	free(h);
}

/* The slot for w: its entry, or the empty slot where it belongs. */
static cached *slot(hyphenator *h, const char *w, size_t len)
{
	size_t i = (size_t)fnv_bytes(FNV_BASIS, w, len) & (h->nslots - 1);
	while (h->slots[i].word &&
	       (strncmp(h->slots[i].word, w, len) != 0 || h->slots[i].word[len] != '\0'))
		i = (i + 1) & (h->nslots - 1);
	return &h->slots[i];
}

static void grow(hyphenator *h)
{
	cached *old = h->slots;
	size_t n = h->nslots;
	h->nslots *= 2;
	h->slots = xcalloc(h->nslots, sizeof(*h->slots));
	for (size_t i = 0; i < n; i++)
		if (old[i].word)
			*slot(h, old[i].word, strlen(old[i].word)) = old[i];
	free(old);
}

/* Lower case for the letters the patterns know (ASCII and Latin-1). */
static uint32_t lower(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	return c;
}

static int is_upper(uint32_t c)
{
	return lower(c) != c;
}

/* Writes the code points cps[0..n), lower-cased, in the dictionary's
 * encoding (UTF-8 or ISO 8859-1) into enc (NUL-terminated; idx, if not
 * NULL, maps each byte to its code point).  Returns the length, or 0 if a
 * character is not in the encoding. */
static size_t encode(int utf8, const uint32_t *cps, size_t n, char *enc, size_t *idx)
{
	size_t el = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = lower(cps[i]);
		char buf[4];
		size_t k = 0;
		if (!utf8) {
			if (c > 0xFF)
				return 0; /* not in the dictionary's alphabet */
			buf[k++] = (char)c;
		} else if (c < 0x10000) {
			k = utf8_encode(c, buf);
		} else {
			return 0;
		}
		for (size_t j = 0; j < k; j++) {
			if (idx)
				idx[el] = i;
			enc[el++] = buf[j];
		}
	}
	enc[el] = '\0';
	return el;
}

/* The slot of s in set (its entry, or the empty slot where it belongs). */
static char **strset_slot(const strset *set, const char *s)
{
	size_t i = (size_t)fnv_str(FNV_BASIS, s) & (set->n - 1);
	while (set->v[i] && strcmp(set->v[i], s) != 0)
		i = (i + 1) & (set->n - 1);
	return &set->v[i];
}

/* Adds s to set; returns 1 if it was not there. */
static int strset_add(strset *set, const char *s)
{
	if (2 * (set->used + 1) > set->n) {
		strset old = *set;
		set->n = old.n ? 2 * old.n : 1024;
		set->v = xcalloc(set->n, sizeof(*set->v));
		for (size_t i = 0; i < old.n; i++)
			if (old.v[i])
				*strset_slot(set, old.v[i]) = old.v[i];
		free(old.v);
	}
	char **slot = strset_slot(set, s);
	if (*slot)
		return 0;
	*slot = xstrdup(s);
	set->used++;
	return 1;
}

/* The patterns that answer for word enc (encoded): the filtered ones if
 * they were chosen for it, else all of them (loaded the first time). */
static HyphenDict *dict_for(hyphenator *h, const char *enc)
{
	if (!h->words.v || *strset_slot(&h->words, enc))
		return h->dict;
	if (!h->full)
		h->full = hnj_hyphen_load(h->path);
	return h->full ? h->full : h->dict;
}

/* Asks libhyphen about w; fills e. */
static void compute(hyphenator *h, const char *w, size_t len, cached *e)
{
	uint32_t cps[MAX_WORD];
	size_t offs[MAX_WORD + 1]; /* byte offset of each code point in w */
	size_t n = 0;
	int digits = 0, upper = 0;
	const char *s = w, *end = w + len;
	e->n = 0;
	while (s < end) {
		if (n == MAX_WORD)
			return;
		offs[n] = (size_t)(s - w);
		uint32_t c = utf8_next(&s, end);
		if ((c >= '0' && c <= '9') || c == '@' || c == '/' || c == '.' || c == ':')
			digits = 1;
		upper += is_upper(c);
		cps[n++] = c;
	}
	offs[n] = len;
	if (digits || n < HYPH_WORD_MIN || (size_t)upper == n)
		return;

	/* the word in the dictionary's encoding; idx maps its bytes to code points */
	char enc[MAX_WORD * 4 + 1];
	size_t idx[MAX_WORD * 4 + 1];
	size_t el = encode(h->dict->utf8, cps, n, enc, idx);
	if (el == 0)
		return;

	char hy[MAX_WORD * 4 + 5];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	if (hnj_hyphen_hyphenate2(dict_for(h, enc), enc, (int)el, hy, NULL, &rep, &pos, &cut) != 0)
		return;
	for (size_t b = 0; b + 1 < el; b++) {
		if (!(hy[b] & 1) || (rep && rep[b]))
			continue;
		if (idx[b] == idx[b + 1])
			continue;          /* inside a multi-byte character */
		size_t after = idx[b] + 1; /* characters before the break */
		if (after < HYPH_LEFT_MIN || n - after < HYPH_RIGHT_MIN)
			continue;
		if (e->n < MAX_POINTS)
			e->at[e->n++] = (unsigned char)offs[after];
	}
	if (rep) {
		for (size_t b = 0; b < el; b++)
			free(rep[b]);
		free(rep);
	}
	free(pos);
	free(cut);
}

size_t hyph_points(hyphenator *h, const char *w, size_t len, size_t *at, size_t max)
{
	if (!h || len < HYPH_WORD_MIN || len > MAX_WORD * 2)
		return 0; /* fewer bytes than the shortest word split has letters */
	cached *e = slot(h, w, len);
	if (!e->word) {
		if (2 * (h->used + 1) > h->nslots) {
			grow(h);
			e = slot(h, w, len);
		}
		compute(h, w, len, e);
		e->word = xmalloc(len + 1);
		memcpy(e->word, w, len);
		e->word[len] = '\0';
		h->used++;
	}
	size_t n = e->n < max ? e->n : max;
	for (size_t i = 0; i < n; i++)
		at[i] = e->at[i];
	return n;
}

/* ---------------------------------------------- patterns for some words */

/* Pattern letters (bytes, dots included) longer than this are always kept
 * (99 of the 15,000 Swedish patterns). */
enum { MAX_KEY = 8 };

/* The letters of linebreak.c's words (the runs hyph_points is asked about). */
static int is_word_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

/* A set of 64-bit hashes of strings (0 stands for an empty slot). */
typedef struct hashset {
	uint64_t *v;
	size_t n, used;
} hashset;

static void hashset_add(hashset *set, uint64_t x)
{
	x |= 1;
	if (2 * (set->used + 1) > set->n) {
		hashset old = *set;
		set->n = old.n ? 2 * old.n : 1 << 14;
		set->v = xcalloc(set->n, sizeof(*set->v));
		set->used = 0;
		for (size_t i = 0; i < old.n; i++)
			if (old.v[i])
				hashset_add(set, old.v[i]);
		free(old.v);
	}
	size_t i = (size_t)(x ^ (x >> 29)) & (set->n - 1);
	while (set->v[i] && set->v[i] != x)
		i = (i + 1) & (set->n - 1);
	if (!set->v[i]) {
		set->v[i] = x;
		set->used++;
	}
}

static int hashset_has(const hashset *set, uint64_t x)
{
	x |= 1;
	size_t i = (size_t)(x ^ (x >> 29)) & (set->n - 1);
	while (set->v[i] && set->v[i] != x)
		i = (i + 1) & (set->n - 1);
	return set->v[i] != 0;
}

/* Adds every word of text (a run of letters, in the dictionary's encoding)
 * to words, and every substring of its dotted form ".word." of up to
 * MAX_KEY bytes to keys. */
static void add_words(const char *text, int utf8, strset *words, hashset *keys)
{
	const char *s = text, *end = text + strlen(text);
	uint32_t cps[MAX_WORD];
	size_t n = 0;
	int too_long = 0;
	for (;;) {
		int at_end = s >= end;
		uint32_t c = at_end ? 0 : utf8_next(&s, end);
		if (!at_end && is_word_letter(c)) {
			if (n < MAX_WORD)
				cps[n++] = c;
			else
				too_long = 1;
			continue;
		}
		char enc[MAX_WORD * 4 + 3];
		size_t el =
		        n >= HYPH_WORD_MIN && !too_long ? encode(utf8, cps, n, enc + 1, NULL) : 0;
		n = 0;
		too_long = 0;
		if (el > 0 && strset_add(words, enc + 1)) { /* a new word */
			enc[0] = '.';
			enc[el + 1] = '.';
			for (size_t i = 0; i < el + 2; i++) {
				uint64_t x = FNV_BASIS;
				for (size_t k = i; k < el + 2 && k - i < MAX_KEY; k++) {
					x = fnv_step(x, (unsigned char)enc[k]);
					hashset_add(keys, x);
				}
			}
		}
		if (at_end)
			break;
	}
}

/* Whether pattern line p (of len bytes) can match inside a word: its
 * letters (the bytes before any '/', digits left out) are one of keys. */
static int pattern_wanted(const char *p, size_t len, const hashset *keys)
{
	uint64_t x = FNV_BASIS;
	size_t letters = 0;
	for (size_t i = 0; i < len && p[i] != '/'; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			continue;
		x = fnv_step(x, (unsigned char)p[i]);
		letters++;
	}
	return letters == 0 || letters > MAX_KEY || hashset_has(keys, x);
}

hyphenator *hyph_open_for(const char *path, const char *const *texts, size_t ntexts)
{
	size_t len;
	unsigned char *bytes;
	if (file_read(path, 0, &bytes, &len) != FILE_READ_OK)
		return NULL;
	char *dic = (char *)bytes;
	/* the first line names the encoding; a second level of patterns
	 * (NEXTLEVEL, for compounds) is left to hyph_open */
	int utf8 = strncmp(dic, "UTF-8", 5) == 0;
	if (strstr(dic, "NEXTLEVEL")) {
		free(dic);
		return hyph_open(path);
	}
	strset words = {0};
	hashset keys = {0};
	hashset_add(&keys, 0); /* allocates the table */
	for (size_t i = 0; i < ntexts; i++)
		if (texts[i])
			add_words(texts[i], utf8, &words, &keys);

	/* the file again, with the patterns that cannot match left out */
	char *kept = xmalloc(len + 1);
	size_t nk = 0;
	for (char *line = dic, *next; *line; line = next) {
		char *eol = strchr(line, '\n');
		next = eol ? eol + 1 : line + strlen(line);
		size_t ll = eol ? (size_t)(eol - line) : strlen(line);
		size_t pl = ll;
		while (pl && (line[pl - 1] == '\r' || line[pl - 1] == ' ' || line[pl - 1] == '\t'))
			pl--;
		/* the encoding (the first line), keywords (upper case) and
		 * comments stay; a pattern stays if it can match */
		if (line == dic || (line[0] >= 'A' && line[0] <= 'Z') || line[0] == '%' ||
		    pattern_wanted(line, pl, &keys)) {
			memcpy(kept + nk, line, next - line);
			nk += (size_t)(next - line);
		}
	}
	free(dic);
	free(keys.v);
	HyphenDict *d = NULL;
	FILE *f = fmemopen(kept, nk, "r");
	if (f) {
		d = hnj_hyphen_load_file(f);
		fclose(f);
	}
	free(kept);
	if (!d) {
		for (size_t i = 0; i < words.n; i++)
			free(words.v[i]);
		free(words.v);
		return hyph_open(path);
	}
	hyphenator *h = hyphenator_of(d, path);
	h->words = words;
	if (!h->words.v) /* no word at all: every word goes to the full set */
		h->words.v = xcalloc(h->words.n = 1, sizeof(char *));
	return h;
}
