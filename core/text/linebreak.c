#include "linebreak.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "markup.h"

face_id face_for(family fam, unsigned style)
{
	if (fam == FAMILY_SANS)
		return (style & STYLE_BOLD) ? FACE_SANS_BOLD : FACE_SANS;
	switch (style & (STYLE_BOLD | STYLE_ITALIC)) {
	case STYLE_BOLD:
		return FACE_SERIF_BOLD;
	case STYLE_ITALIC:
		return FACE_SERIF_ITALIC;
	case STYLE_BOLD | STYLE_ITALIC:
		return FACE_SERIF_BOLD_ITALIC;
	default:
		return FACE_SERIF;
	}
}

static int is_break_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Growing arrays of words and fragments while shaping. */
typedef struct shaper {
	lb_word *words;
	size_t nwords, cap_words;
	lb_frag *frags;
	size_t nfrags, cap_frags;
	int in_word;
} shaper;

static void add_frag(shaper *s, face_id f, const char *text, size_t len, float width)
{
	if (!s->in_word) {
		GROW(s->words, s->cap_words, s->nwords + 1);
		lb_word *w = &s->words[s->nwords++];
		memset(w, 0, sizeof(*w));
		w->frags = (lb_frag *)(uintptr_t)s->nfrags; /* index until fixed up */
		s->in_word = 1;
	}
	GROW(s->frags, s->cap_frags, s->nfrags + 1);
	s->frags[s->nfrags++] = (lb_frag){f, text, len, width};
	lb_word *w = &s->words[s->nwords - 1];
	w->nfrags++;
	w->width += width;
}

/* Shapes spans into p; face_override >= 0 sets every span in that face. */
static void shape_spans(para *p, arena *a, const metrics *m, family fam, int face_override,
                        float size, const span *spans, size_t nspans)
{
	shaper s = {0};

	for (size_t i = 0; i < nspans; i++) {
		face_id f = face_override >= 0 ? (face_id)face_override
		                               : face_for(fam, spans[i].style);
		float space = (float)(m->width(m->ud, f, ' ') * size / 1000.0);
		const char *t = spans[i].text, *end = t + spans[i].len;
		while (t < end) {
			if (is_break_space(*t)) {
				if (s.in_word)
					s.words[s.nwords - 1].space = space;
				s.in_word = 0;
				t++;
				continue;
			}
			const char *start = t;
			float w = 0;
			while (t < end && !is_break_space(*t)) {
				uint32_t cp = utf8_next(&t, end);
				w += (float)(m->width(m->ud, f, cp) * size / 1000.0);
			}
			add_frag(&s, f, start, (size_t)(t - start), w);
			if (s.nwords)
				s.words[s.nwords - 1].space = space;
		}
	}
	/* move into the arena and turn fragment indexes into pointers */
	p->nwords = s.nwords;
	p->words = arena_alloc(a, (s.nwords + 1) * sizeof(*p->words));
	lb_frag *frags = arena_alloc(a, (s.nfrags + 1) * sizeof(*frags));
	if (s.nfrags)
		memcpy(frags, s.frags, s.nfrags * sizeof(*frags));
	for (size_t i = 0; i < s.nwords; i++) {
		p->words[i] = s.words[i];
		p->words[i].frags = frags + (uintptr_t)s.words[i].frags;
	}
	free(s.words);
	free(s.frags);
}

void para_shape(para *p, arena *a, const metrics *m, family fam, float size, const char *markup)
{
	memset(p, 0, sizeof(*p));
	p->size = size;
	span *spans;
	size_t nspans = markup_parse(a, markup, &spans, &p->unmatched_markup);
	shape_spans(p, a, m, fam, -1, size, spans, nspans);
}

void para_shape_plain(para *p, arena *a, const metrics *m, face_id face, float size,
                      const char *text)
{
	memset(p, 0, sizeof(*p));
	p->size = size;
	span one = {0, text, strlen(text)};
	shape_spans(p, a, m, FAMILY_SERIF, (int)face, size, &one, 1);
}

size_t para_break(para *p, arena *a, float width, int justify)
{
	/* at most one line per word */
	p->lines = arena_alloc(a, (p->nwords + 1) * sizeof(*p->lines));
	p->nlines = 0;
	size_t i = 0;
	while (i < p->nwords) {
		lb_line *l = &p->lines[p->nlines++];
		l->first = i;
		l->natural = p->words[i].width;
		l->n = 1;
		i++;
		while (i < p->nwords) {
			float next = l->natural + p->words[i - 1].space + p->words[i].width;
			if (next > width + 0.01f)
				break;
			l->natural = next;
			l->n++;
			i++;
		}
		l->gap = l->n > 1 ? p->words[l->first].space : 0;
	}
	if (justify) {
		for (size_t k = 0; k + 1 < p->nlines; k++) {
			lb_line *l = &p->lines[k];
			if (l->n < 2)
				continue;
			float spaces = 0;
			for (size_t j = l->first; j + 1 < l->first + l->n; j++)
				spaces += p->words[j].space;
			float extra = width - l->natural;
			l->gap = (spaces + extra) / (float)(l->n - 1);
		}
	}
	return p->nlines;
}

float para_natural_width(const para *p)
{
	float w = 0;
	for (size_t i = 0; i < p->nwords; i++)
		w += p->words[i].width + (i + 1 < p->nwords ? p->words[i].space : 0);
	return w;
}

float para_min_width(const para *p)
{
	float w = 0;
	for (size_t i = 0; i < p->nwords; i++)
		if (p->words[i].width > w)
			w = p->words[i].width;
	return w;
}
