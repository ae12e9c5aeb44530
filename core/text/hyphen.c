/*
 * hyphen.c - libhyphen behind a per-word cache.
 *
 * The Debian Swedish patterns are in ISO 8859-1 and the English ones in
 * UTF-8; words are lower-cased and converted to the dictionary's encoding,
 * and the answer is mapped back to byte offsets of the UTF-8 word.  Points
 * where the patterns ask for a spelling change (non-standard hyphenation)
 * are left out.
 */
#include "hyphen.h"

#include <hyphen.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../arena.h"
#include "fonts.h"

#ifndef HYPHEN_DIR
#define HYPHEN_DIR "/usr/share/hyphen"
#endif

enum { MAX_WORD = 64, MAX_POINTS = 24 };

typedef struct cached {
	char *word; /* NULL: empty slot */
	unsigned char n;
	unsigned char at[MAX_POINTS];
} cached;

struct hyphenator {
	HyphenDict *dict;
	cached *slots;
	size_t nslots, used;
};

const char *hyph_dict_path(const char *lang)
{
	if (lang && !strcmp(lang, "en"))
		return HYPHEN_DIR "/hyph_en_US.dic";
	return HYPHEN_DIR "/hyph_sv_SE.dic";
}

hyphenator *hyph_open(const char *path)
{
	HyphenDict *d = hnj_hyphen_load(path);
	if (!d)
		return NULL;
	hyphenator *h = xcalloc(1, sizeof(*h));
	h->dict = d;
	h->nslots = 1024;
	h->slots = xcalloc(h->nslots, sizeof(*h->slots));
	return h;
}

void hyph_close(hyphenator *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->nslots; i++)
		free(h->slots[i].word);
	free(h->slots);
	hnj_hyphen_free(h->dict);
	free(h);
}

static uint64_t hash(const char *s, size_t len)
{
	uint64_t x = 1469598103934665603ull;
	for (size_t i = 0; i < len; i++)
		x = (x ^ (unsigned char)s[i]) * 1099511628211ull;
	return x;
}

/* The slot for w: its entry, or the empty slot where it belongs. */
static cached *slot(hyphenator *h, const char *w, size_t len)
{
	size_t i = (size_t)hash(w, len) & (h->nslots - 1);
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
	size_t el = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = lower(cps[i]);
		if (h->dict->utf8) {
			char buf[4];
			size_t k = 0;
			if (c < 0x80) {
				buf[k++] = (char)c;
			} else if (c < 0x800) {
				buf[k++] = (char)(0xC0 | (c >> 6));
				buf[k++] = (char)(0x80 | (c & 0x3F));
			} else if (c < 0x10000) {
				buf[k++] = (char)(0xE0 | (c >> 12));
				buf[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
				buf[k++] = (char)(0x80 | (c & 0x3F));
			} else {
				return;
			}
			for (size_t j = 0; j < k; j++) {
				idx[el] = i;
				enc[el++] = buf[j];
			}
		} else {
			if (c > 0xFF)
				return; /* not in the dictionary's alphabet */
			idx[el] = i;
			enc[el++] = (char)c;
		}
	}
	enc[el] = '\0';

	char hy[MAX_WORD * 4 + 5];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	if (hnj_hyphen_hyphenate2(h->dict, enc, (int)el, hy, NULL, &rep, &pos, &cut) != 0)
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
