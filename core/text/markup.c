#include "markup.h"

#include <stdlib.h>
#include <string.h>

enum { MARK_ITALIC = 1, MARK_BOLD = 2 };

typedef struct marker {
	size_t pos; /* offset in src */
	int type;   /* MARK_ITALIC (one '*') or MARK_BOLD ('**') */
	int used;   /* 1 when paired */
} marker;

/* Finds the markers of src and pairs each opener with the next marker of the
 * same type.  Returns the number of markers found (stored in m). */
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

size_t markup_parse(arena *a, const char *src, span **out, int *unmatched)
{
	size_t len = strlen(src);
	marker *m = xmalloc((len + 1) * sizeof(*m));
	size_t nm = find_markers(src, m);
	char *buf = arena_alloc(a, len + 1);
	span *spans = arena_alloc(a, (nm + 1) * sizeof(*spans) + sizeof(*spans));
	size_t nspans = 0, bl = 0, k = 0;
	unsigned style = 0;
	int literal = 0;
	size_t start = 0;

	for (size_t i = 0; i < len; i++) {
		if (src[i] == '\\' && i + 1 < len) {
			buf[bl++] = src[++i];
			continue;
		}
		if (k < nm && m[k].pos == i) {
			marker mk = m[k++];
			if (!mk.used) {
				literal++;
				buf[bl++] = '*';
				if (mk.type == MARK_BOLD)
					buf[bl++] = src[++i];
				continue;
			}
			if (bl > start) {
				spans[nspans++] = (span){style, buf + start, bl - start};
			}
			start = bl;
			style ^= mk.type == MARK_BOLD ? STYLE_BOLD : STYLE_ITALIC;
			if (mk.type == MARK_BOLD)
				i++;
			continue;
		}
		buf[bl++] = src[i];
	}
	if (bl > start)
		spans[nspans++] = (span){style, buf + start, bl - start};
	buf[bl] = '\0';
	free(m);
	if (unmatched)
		*unmatched = literal;
	*out = spans;
	return nspans;
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
		memcpy(p + at, s[i].text, s[i].len);
		at += s[i].len;
	}
	p[at] = '\0';
	return p;
}
