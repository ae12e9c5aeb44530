/*
 * xref.c - finds caption anchors and expands references to tables and
 * figures (see xref.h).
 */
#include "text/xref.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int id_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_';
}

/* Length of the id at s up to a closing '}', or 0 if s is not "id}". */
static size_t id_len(const char *s)
{
	size_t n = 0;
	while (id_char(s[n]))
		n++;
	return n && s[n] == '}' ? n : 0;
}

const char *xref_anchor(arena *a, const char *caption)
{
	for (const char *s = caption ? strstr(caption, "{#") : NULL; s; s = strstr(s + 1, "{#")) {
		if (s > caption && s[-1] == '\\')
			continue;
		size_t n = id_len(s + 2);
		if (n) {
			char *id = arena_alloc(a, n + 1);
			memcpy(id, s + 2, n);
			id[n] = '\0';
			return id;
		}
	}
	return NULL;
}

/* The reference words and the kind they name. */
static const struct ref_word {
	const char *word;
	enum xref_kind kind;
} WORDS[] = {{"tabell", XREF_TABLE},
             {"table", XREF_TABLE},
             {"figur", XREF_FIGURE},
             {"figure", XREF_FIGURE}};

const char *xref_words(void)
{
	return "tabell figur på sidan table figure on page";
}

/* If s starts a reference "{word:id}", returns its length and sets *kind,
 * *cap (capital first letter), *id and *idn. */
static size_t ref_at(const char *s, enum xref_kind *kind, int *cap, const char **id, size_t *idn)
{
	if (s[0] != '{')
		return 0;
	for (size_t i = 0; i < sizeof(WORDS) / sizeof(*WORDS); i++) {
		size_t wl = strlen(WORDS[i].word);
		if (strncasecmp(s + 1, WORDS[i].word, wl) != 0 || s[1 + wl] != ':')
			continue;
		if (strncmp(s + 2, WORDS[i].word + 1, wl - 1) != 0)
			continue; /* only the first letter may be a capital */
		size_t n = id_len(s + 2 + wl);
		if (!n)
			return 0;
		*kind = WORDS[i].kind;
		*cap = isupper((unsigned char)s[1]) != 0;
		*id = s + 2 + wl;
		*idn = n;
		return 2 + wl + n + 1;
	}
	return 0;
}

int xref_has_refs(const char *markup)
{
	enum xref_kind k;
	int cap;
	const char *id;
	size_t n;
	for (const char *s = strchr(markup, '{'); s; s = strchr(s + 1, '{'))
		if (ref_at(s, &k, &cap, &id, &n))
			return 1;
	return 0;
}

char *xref_expand(arena *a, const char *markup, const xref_target *t, size_t n, lang_id lang,
                  int *bad, const char **first_bad)
{
	size_t len = strlen(markup), cap = 2 * len + 64, at = 0;
	char *out = arena_alloc(a, cap);
	*bad = 0;
	if (first_bad)
		*first_bad = NULL;
	for (const char *s = markup; *s;) {
		enum xref_kind kind;
		int upper;
		const char *id;
		size_t idn, rl = ref_at(s, &kind, &upper, &id, &idn);
		if (s > markup && s[-1] == '\\')
			rl = 0;
		if (!rl) {
			if (at + 2 >= cap) {
				char *bigger = arena_alloc(a, cap * 2);
				memcpy(bigger, out, at);
				out = bigger;
				cap *= 2;
			}
			out[at++] = *s++;
			continue;
		}
		const xref_target *hit = NULL;
		for (size_t i = 0; i < n && !hit; i++)
			if (t[i].kind == kind && strlen(t[i].id) == idn &&
			    !strncmp(t[i].id, id, idn))
				hit = &t[i];
		char piece[160];
		if (hit) {
			const char *word = kind == XREF_TABLE
			                           ? (lang == LANG_EN ? "table" : "tabell")
			                           : (lang == LANG_EN ? "figure" : "figur");
			snprintf(piece, sizeof(piece), "%c%s~%d %s~%d",
			         upper ? toupper(word[0]) : word[0], word + 1, hit->number,
			         lang == LANG_EN ? "on page" : "på sidan", hit->page + 1);
		} else {
			if (!(*bad)++ && first_bad) {
				char *copy = arena_alloc(a, rl + 1);
				memcpy(copy, s, rl);
				copy[rl] = '\0';
				*first_bad = copy;
			}
			snprintf(piece, sizeof(piece), "\\%.*s", (int)rl, s);
		}
		size_t pl = strlen(piece);
		if (at + pl + 1 >= cap) {
			char *bigger = arena_alloc(a, cap * 2 + pl);
			memcpy(bigger, out, at);
			out = bigger;
			cap = cap * 2 + pl;
		}
		memcpy(out + at, piece, pl);
		at += pl;
		s += rl;
	}
	out[at] = '\0';
	return out;
}
