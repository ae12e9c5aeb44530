/*
 * linebreak.c - shaping markup into pieces (fonts, fallback glyphs,
 * hyphenation points) and the greedy breaker; the dispatch to total fit.
 */
#include "text/linebreak.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/markup.h"

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

static const char REPLACEMENT[] = "\xef\xbf\xbd"; /* U+FFFD */

enum { MAX_CUTS = 32 };

/* Growing arrays of pieces and fragments while shaping, and the word being
 * collected: its fragments are s->frags[wfrag..nfrags). */
typedef struct shaper {
	para *p;
	arena *a;
	const metrics *m;
	float size;
	hyphenator *h;
	lb_word *words;
	size_t nwords, cap_words;
	lb_frag *frags;
	size_t nfrags, cap_frags;
	size_t wfrag;          /* first fragment of the word being collected */
	int nohyph;            /* the word is a name, a link or has a number */
	size_t soft[MAX_CUTS]; /* soft hyphens: fragment index where a piece starts */
	size_t nsoft;
} shaper;

static float width_of(const shaper *s, face_id f, const char *t, size_t len)
{
	return (float)text_width(s->m, f, s->size, t, len);
}

static void add_frag(shaper *s, face_id f, const char *text, size_t len, const char *uri)
{
	if (len == 0)
		return;
	GROW(s->frags, s->cap_frags, s->nfrags + 1);
	s->frags[s->nfrags++] = (lb_frag){f, text, len, width_of(s, f, text, len), uri};
}

static int has(const metrics *m, face_id f, uint32_t cp)
{
	return !m->has_glyph || m->has_glyph(m->ud, f, cp);
}

/* Adds the word text t[0..len) in face f as fragments: a run of characters
 * f lacks goes to FACE_FALLBACK, or becomes U+FFFD; a soft hyphen ends a
 * fragment and records a hyphenation point. */
static void add_text(shaper *s, face_id f, const char *t, size_t len, const char *uri)
{
	const char *end = t + len, *run = t;
	int ascii_full = (unsigned)f < FACE_COUNT && s->m->ascii_full[f];
	while (t < end) {
		if (ascii_full && (unsigned char)*t >= 0x20 && (unsigned char)*t < 0x7F) {
			t++; /* the face has it */
			continue;
		}
		const char *c = t;
		uint32_t cp = utf8_next(&t, end);
		if (cp == 0x00AD) {
			add_frag(s, f, run, (size_t)(c - run), uri);
			if (s->nsoft < MAX_CUTS)
				s->soft[s->nsoft++] = s->nfrags;
			run = t;
			continue;
		}
		if (cp == 0x00A0 || has(s->m, f, cp))
			continue;
		add_frag(s, f, run, (size_t)(c - run), uri);
		if (has(s->m, FACE_FALLBACK, cp)) {
			add_frag(s, FACE_FALLBACK, c, (size_t)(t - c), uri);
			s->p->fallback_glyphs++;
		} else {
			face_id rf = has(s->m, FACE_FALLBACK, 0xFFFD) ? FACE_FALLBACK : f;
			add_frag(s, rf, REPLACEMENT, 3, uri);
			if (!s->p->missing_glyphs++)
				s->p->missing_cp = cp;
		}
		run = t;
	}
	add_frag(s, f, run, (size_t)(end - run), uri);
}

static int is_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

/* A cut of the word: before byte `off` of fragment `frag`, of kind brk. */
typedef struct wcut {
	size_t frag, off;
	enum lb_brk brk;
} wcut;

/* Appends a piece made of fragments [f0, f1) to the pieces. */
static void add_piece(shaper *s, size_t f0, size_t f1, enum lb_brk brk)
{
	if (f1 <= f0)
		return;
	GROW(s->words, s->cap_words, s->nwords + 1);
	lb_word *w = &s->words[s->nwords++];
	memset(w, 0, sizeof(*w));
	w->frags = (lb_frag *)(uintptr_t)f0; /* index until fixed up */
	w->nfrags = f1 - f0;
	for (size_t i = f0; i < f1; i++)
		w->width += s->frags[i].width;
	w->brk = brk;
	if (brk == LB_BRK_HYPHEN)
		w->hyphen = (float)(s->m->width(s->m->ud, s->frags[f1 - 1].face, '-') * s->size /
		                    1000.0);
}

/* Splits fragment i at byte off: [0, off) stays at i, the rest goes to i+1.
 * Later fragment indexes (and soft hyphen marks) shift by one. */
static void split_frag(shaper *s, size_t i, size_t off)
{
	GROW(s->frags, s->cap_frags, s->nfrags + 1);
	memmove(&s->frags[i + 2], &s->frags[i + 1], (s->nfrags - i - 1) * sizeof(*s->frags));
	s->nfrags++;
	lb_frag *a = &s->frags[i], *b = &s->frags[i + 1];
	*b = *a;
	b->text += off;
	b->len -= off;
	a->len = off;
	a->width = width_of(s, a->face, a->text, a->len);
	b->width = width_of(s, b->face, b->text, b->len);
}

/* Finds where the collected word may be cut: at soft hyphens if it has any,
 * else after explicit hyphens between letters, else at the patterns'
 * points in its letters (punctuation around it excluded). */
static size_t word_cuts(shaper *s, wcut *cuts)
{
	size_t n = 0;
	if (s->nsoft) {
		for (size_t i = 0; i < s->nsoft; i++)
			if (s->soft[i] > s->wfrag && s->soft[i] < s->nfrags)
				cuts[n++] = (wcut){s->soft[i], 0, LB_BRK_HYPHEN};
		return n;
	}
	/* the word as one string, with each byte's fragment (a word of one
	 * fragment, the usual case, is read where it is) */
	size_t len = 0;
	for (size_t i = s->wfrag; i < s->nfrags; i++)
		len += s->frags[i].len;
	if (len < 2 || len > 120)
		return 0;
	char copy[128];
	size_t fr[128], fo[128];
	int one = s->nfrags - s->wfrag == 1;
	const char *buf = one ? s->frags[s->wfrag].text : copy;
	size_t at = 0;
	for (size_t i = s->wfrag; i < s->nfrags && !one; i++)
		for (size_t j = 0; j < s->frags[i].len; j++) {
			fr[at] = i;
			fo[at] = j;
			copy[at++] = s->frags[i].text[j];
		}
#define FRAG_OF(b) (one ? s->wfrag : fr[b])
#define OFF_OF(b)  (one ? (b) : fo[b])
	/* explicit hyphens with a letter on each side; the letters' extent */
	const char *t = buf, *end = buf + len;
	uint32_t prev = 0;
	size_t lo = len, hi = 0;
	while (t < end) {
		size_t here = (size_t)(t - buf);
		uint32_t c = utf8_next(&t, end);
		size_t next = (size_t)(t - buf);
		if (is_letter(c)) {
			if (lo == len)
				lo = here;
			hi = next;
		}
		if ((c == '-' || c == 0x2013) && is_letter(prev) && next < len && n < MAX_CUTS) {
			const char *u = t;
			if (is_letter(utf8_next(&u, end)))
				cuts[n++] = (wcut){FRAG_OF(next), OFF_OF(next), LB_BRK_EXPLICIT};
		}
		prev = c;
	}
	if (n || s->nohyph || !s->h || lo >= hi)
		return n;
	/* patterns only for a run of letters, nothing else inside */
	for (t = buf + lo; t < buf + hi;)
		if (!is_letter(utf8_next(&t, buf + hi)))
			return 0;
	size_t pts[MAX_CUTS];
	size_t np = hyph_points(s->h, buf + lo, hi - lo, pts, MAX_CUTS);
	for (size_t i = 0; i < np; i++) {
		size_t b = lo + pts[i];
		cuts[n++] = (wcut){FRAG_OF(b), OFF_OF(b), LB_BRK_HYPHEN};
	}
	return n;
#undef FRAG_OF
#undef OFF_OF
}

/* Ends the word being collected: cuts it into pieces; the last piece is
 * followed by `brk` with a space of natural width `space`. */
static void end_word(shaper *s, enum lb_brk brk, float space)
{
	if (s->nfrags == s->wfrag) {
		s->nsoft = 0;
		s->nohyph = 0;
		return;
	}
	wcut cuts[MAX_CUTS];
	size_t n = word_cuts(s, cuts);
	/* split fragments so every cut is at a fragment start (back to front,
	 * so earlier indexes stay valid) */
	size_t starts[MAX_CUTS];
	for (size_t k = n; k-- > 0;) {
		if (cuts[k].off > 0) {
			split_frag(s, cuts[k].frag, cuts[k].off);
			for (size_t j = k + 1; j < n; j++)
				starts[j]++;
			starts[k] = cuts[k].frag + 1;
		} else {
			starts[k] = cuts[k].frag;
		}
	}
	size_t f0 = s->wfrag;
	for (size_t k = 0; k < n; k++) {
		add_piece(s, f0, starts[k], cuts[k].brk);
		f0 = starts[k];
	}
	add_piece(s, f0, s->nfrags, brk);
	s->words[s->nwords - 1].space = space;
	s->wfrag = s->nfrags;
	s->nsoft = 0;
	s->nohyph = 0;
}

/* Shapes spans into p; face_override >= 0 sets every span in that face. */
static void shape_spans(para *p, arena *a, const metrics *m, family fam, int face_override,
                        float size, const span *spans, size_t nspans, hyphenator *h)
{
	shaper s = {0};
	s.p = p;
	s.a = a;
	s.m = m;
	s.size = size;
	s.h = h;
	float space = 0;

	for (size_t i = 0; i < nspans; i++) {
		face_id f =
		        face_override >= 0 ? (face_id)face_override : face_for(fam, spans[i].style);
		space = (float)(m->width(m->ud, f, ' ') * size / 1000.0);
		const char *t = spans[i].text, *end = t + spans[i].len;
		while (t < end) {
			if (is_break_space(*t)) {
				end_word(&s, LB_BRK_SPACE, space);
				t++;
				continue;
			}
			const char *start = t;
			while (t < end && !is_break_space(*t))
				t++;
			if ((spans[i].style & STYLE_NAME) || spans[i].uri)
				s.nohyph = 1;
			add_text(&s, f, start, (size_t)(t - start), spans[i].uri);
		}
	}
	end_word(&s, LB_BRK_SPACE, space);
	if (s.nwords) {
		s.words[s.nwords - 1].brk = LB_BRK_NONE;
		s.words[s.nwords - 1].space = 0;
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

void para_shape_hyph(para *p, arena *a, const metrics *m, family fam, float size,
                     const char *markup, hyphenator *h)
{
	memset(p, 0, sizeof(*p));
	p->size = size;
	span *spans;
	size_t nspans = markup_parse(a, markup, &spans, &p->unmatched_markup);
	shape_spans(p, a, m, fam, -1, size, spans, nspans, h);
}

void para_shape(para *p, arena *a, const metrics *m, family fam, float size, const char *markup)
{
	para_shape_hyph(p, a, m, fam, size, markup, NULL);
}

void para_shape_plain(para *p, arena *a, const metrics *m, face_id face, float size,
                      const char *text)
{
	memset(p, 0, sizeof(*p));
	p->size = size;
	span one = {0, text, strlen(text), NULL};
	shape_spans(p, a, m, FAMILY_SERIF, (int)face, size, &one, 1, NULL);
}

/* Width of pieces [first, first+n) set on one line with natural spaces,
 * plus the hyphen if the line ends at a hyphenation point. */
static float line_natural(const para *p, size_t first, size_t n)
{
	float w = 0;
	for (size_t i = first; i < first + n; i++) {
		w += p->words[i].width;
		if (i + 1 < first + n && p->words[i].brk == LB_BRK_SPACE)
			w += p->words[i].space;
	}
	if (p->words[first + n - 1].brk == LB_BRK_HYPHEN)
		w += p->words[first + n - 1].hyphen;
	return w;
}

/* First fit, breaking only at spaces and explicit hyphens; a run wider
 * than the line gets a line of its own. */
static void greedy(para *p, float width)
{
	size_t i = 0;
	while (i < p->nwords) {
		size_t best = p->nwords, first = p->nwords;
		for (size_t j = i; j < p->nwords; j++) {
			if (p->words[j].brk == LB_BRK_HYPHEN)
				continue;
			if (first == p->nwords)
				first = j;
			if (line_natural(p, i, j - i + 1) > width + 0.01f)
				break;
			best = j;
		}
		if (best == p->nwords)
			best = first;
		lb_line *l = &p->lines[p->nlines++];
		memset(l, 0, sizeof(*l));
		l->first = i;
		l->n = best - i + 1;
		i = best + 1;
	}
}

size_t para_break(para *p, arena *a, float width, int mode)
{
	/* at most one line per piece */
	p->lines = arena_alloc(a, (p->nwords + 1) * sizeof(*p->lines));
	p->nlines = 0;
	p->overfull = p->hyphenated = p->greedy = 0;
	if (mode == LB_GREEDY || kp_break(p, a, width, mode) != 0) {
		p->greedy = mode != LB_GREEDY;
		p->nlines = 0;
		greedy(p, width);
	}
	for (size_t k = 0; k < p->nlines; k++) {
		lb_line *l = &p->lines[k];
		const lb_word *last = &p->words[l->first + l->n - 1];
		l->hyphen = last->brk == LB_BRK_HYPHEN;
		p->hyphenated += l->hyphen;
		l->natural = line_natural(p, l->first, l->n);
		float spaces = 0;
		int nsp = 0;
		for (size_t j = l->first; j + 1 < l->first + l->n; j++)
			if (p->words[j].brk == LB_BRK_SPACE) {
				spaces += p->words[j].space;
				nsp++;
			}
		l->gap = nsp ? spaces / (float)nsp : 0;
		l->space_ratio = 0;
		/* justified lines fill the measure; any line may shrink its spaces
		 * by a third when total fit chose so */
		float extra = width - l->natural;
		int fill = mode == LB_JUSTIFY && (k + 1 < p->nlines || extra < 0);
		if (mode != LB_GREEDY && extra < 0 && -extra <= spaces / 3 + 0.01f)
			fill = 1;
		if (fill && nsp && extra >= -spaces / 3 - 0.01f) {
			float natural_gap = l->gap;
			l->gap = (spaces + extra) / (float)nsp;
			if (mode == LB_JUSTIFY)
				l->space_ratio = l->gap / natural_gap;
		} else if (extra < -0.01f) {
			p->overfull++;
		}
	}
	return p->nlines;
}

float para_natural_width(const para *p)
{
	return p->nwords ? line_natural(p, 0, p->nwords) : 0;
}

float para_min_width(const para *p)
{
	float w = 0, run = 0;
	for (size_t i = 0; i < p->nwords; i++) {
		run += p->words[i].width;
		if (p->words[i].brk != LB_BRK_HYPHEN) {
			if (run > w)
				w = run;
			run = 0;
		}
	}
	return w;
}
