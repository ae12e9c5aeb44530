/*
 * markup.c - parses the inline markup of markup.h into styled spans.
 *
 * Emphasis markers are paired first (each opener with the next marker of
 * the same kind), then the text is copied once, left to right, switching
 * style at paired markers and at the ends of links and names.
 */
#include "text/markup.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { MARK_ITALIC = 1, MARK_BOLD = 2 };

typedef struct marker {
	size_t pos; /* offset in src */
	int type;   /* MARK_ITALIC (one '*') or MARK_BOLD ('**') */
	int used;   /* 1 when paired */
} marker;

/* Finds the emphasis markers of src and pairs each opener with the next
 * marker of the same type.  Returns the number found (stored in m). */
static size_t find_markers(const char *src, marker *m)
{
	size_t n = 0;
	for (size_t i = 0; src[i]; i++) {
		if (src[i] == '\\' && src[i + 1]) {
			i++;
			continue;
		}
		if (src[i] != '*')
			continue;
		int type = src[i + 1] == '*' ? MARK_BOLD : MARK_ITALIC;
		m[n].pos = i;
		m[n].type = type;
		m[n].used = 0;
		n++;
		if (type == MARK_BOLD)
			i++;
	}
	for (size_t i = 0; i < n; i++) {
		if (m[i].used)
			continue;
		for (size_t j = i + 1; j < n; j++) {
			if (!m[j].used && m[j].type == m[i].type) {
				m[i].used = m[j].used = 1;
				break;
			}
		}
	}
	return n;
}

static int is_uri(const char *s, size_t len)
{
	static const char *const schemes[] = {"https://", "http://", "mailto:"};
	for (size_t i = 0; i < sizeof(schemes) / sizeof(*schemes); i++) {
		size_t k = strlen(schemes[i]);
		if (len > k && !strncmp(s, schemes[i], k))
			return 1;
	}
	return 0;
}

/* If src[i] == '[' starts a link "[text](uri)", returns 1 and sets the
 * offsets of the ']' and the ')'; text and uri on one line, uri without
 * spaces.  *bad is set for "[text](" that does not make a valid link. */
static int find_link(const char *src, size_t i, size_t *close, size_t *paren, int *bad)
{
	*bad = 0;
	size_t j = i + 1;
	while (src[j] && src[j] != ']' && src[j] != '\n') {
		if (src[j] == '\\' && src[j + 1])
			j++;
		j++;
	}
	if (src[j] != ']' || src[j + 1] != '(')
		return 0;
	size_t k = j + 2;
	while (src[k] && src[k] != ')' && src[k] != ' ' && src[k] != '\n')
		k++;
	if (src[k] != ')' || j == i + 1 || !is_uri(src + j + 2, k - j - 2)) {
		*bad = 1;
		return 0;
	}
	*close = j;
	*paren = k;
	return 1;
}

typedef struct parser {
	char *buf;
	size_t bl, start;
	span *spans;
	size_t n;
	unsigned style;
	const char *uri;
} parser;

/* Ends the current span (if it has text) so a new style can begin. */
static void cut(parser *p)
{
	if (p->bl > p->start)
		p->spans[p->n++] = (span){p->style, p->buf + p->start, p->bl - p->start, p->uri};
	p->start = p->bl;
}

static void put_cp(parser *p, unsigned char b0, unsigned char b1)
{
	p->buf[p->bl++] = (char)b0;
	p->buf[p->bl++] = (char)b1;
}

/* The parser; *first_bad (may be NULL) receives the offset in src of the
 * first malformed marker, or (size_t)-1. */
static size_t parse(arena *a, const char *src, span **out, int *malformed, size_t *first_bad)
{
	size_t len = strlen(src);
	marker *m = xmalloc((len + 1) * sizeof(*m));
	size_t nm = find_markers(src, m);
	parser p = {0};
	p.buf = arena_alloc_uninit(a, 2 * len + 1); /* filled up to bl, then a NUL */
	p.spans = arena_alloc_uninit(a, (len + 2) * sizeof(*p.spans)); /* up to n */
	size_t k = 0;
	int bad = 0;
	size_t link_close = (size_t)-1, link_paren = 0, name_close = (size_t)-1;
	size_t first = (size_t)-1;

	for (size_t i = 0; i < len; i++) {
		if (i == link_close) {
			cut(&p);
			p.uri = NULL;
			link_close = (size_t)-1;
			i = link_paren;
			continue;
		}
		if (i == name_close) {
			cut(&p);
			p.style &= ~STYLE_NAME;
			name_close = (size_t)-1;
			continue;
		}
		if (src[i] == '\\' && i + 1 < len) {
			i++;
			if (src[i] == '-')
				put_cp(&p, 0xC2, 0xAD); /* soft hyphen */
			else
				p.buf[p.bl++] = src[i];
			continue;
		}
		if (src[i] == '~') {
			put_cp(&p, 0xC2, 0xA0); /* no-break space */
			continue;
		}
		if (src[i] == '[' && !p.uri) {
			int b;
			if (find_link(src, i, &link_close, &link_paren, &b)) {
				cut(&p);
				char *u = arena_alloc(a, link_paren - link_close - 1);
				memcpy(u, src + link_close + 2, link_paren - link_close - 2);
				u[link_paren - link_close - 2] = '\0';
				p.uri = u;
				continue;
			}
			bad += b;
			if (b && first == (size_t)-1)
				first = i;
		}
		if (src[i] == '{' && src[i + 1] == '#') {
			size_t j = i + 2;
			while (j < len && (isalnum((unsigned char)src[j]) || src[j] == '-' ||
			                   src[j] == '_'))
				j++;
			if (j > i + 2 && src[j] == '}') {
				i = j; /* an anchor: not shown */
				continue;
			}
		}
		if (src[i] == '{' && !(p.style & STYLE_NAME)) {
			const char *c = strchr(src + i + 1, '}');
			if (c && c > src + i + 1 && !memchr(src + i, '\n', (size_t)(c - src - i))) {
				cut(&p);
				p.style |= STYLE_NAME;
				name_close = (size_t)(c - src);
				continue;
			}
			if (first == (size_t)-1)
				first = i;
			bad++;
		}
		if (k < nm && m[k].pos == i) {
			marker mk = m[k++];
			if (!mk.used) {
				if (first == (size_t)-1)
					first = i;
				bad++;
				p.buf[p.bl++] = '*';
				if (mk.type == MARK_BOLD)
					p.buf[p.bl++] = src[++i];
				continue;
			}
			cut(&p);
			p.style ^= mk.type == MARK_BOLD ? STYLE_BOLD : STYLE_ITALIC;
			if (mk.type == MARK_BOLD)
				i++;
			continue;
		}
		p.buf[p.bl++] = src[i];
	}
	cut(&p);
	p.buf[p.bl] = '\0';
	free(m);
	if (malformed)
		*malformed = bad;
	if (first_bad)
		*first_bad = first;
	*out = p.spans;
	return p.n;
}

size_t markup_parse(arena *a, const char *src, span **out, int *malformed)
{
	return parse(a, src, out, malformed, NULL);
}

size_t markup_first_malformed(arena *a, const char *src)
{
	span *s;
	size_t at;
	parse(a, src, &s, NULL, &at);
	return at;
}

char *markup_plain(arena *a, const char *src)
{
	span *s;
	size_t n = markup_parse(a, src, &s, NULL);
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += s[i].len;
	char *p = arena_alloc(a, total + 1);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < s[i].len; j++) {
			if ((unsigned char)s[i].text[j] == 0xC2 && j + 1 < s[i].len &&
			    (unsigned char)s[i].text[j + 1] == 0xAD) {
				j++; /* soft hyphen */
				continue;
			}
			p[at++] = s[i].text[j];
		}
	}
	p[at] = '\0';
	return p;
}
