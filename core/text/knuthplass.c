/*
 * knuthplass.c - total-fit line breaking (Knuth and Plass, "Breaking
 * paragraphs into lines", 1981) for a paragraph of constant measure.
 *
 * Pieces are boxes; a space after a piece is glue (justified: stretch 1/2
 * and shrink 1/3 of its width; ragged: rigid, with a stretchable right
 * margin of 3 em instead); a hyphenation point is a flagged penalty with the
 * hyphen's width, an explicit hyphen a flagged penalty of width 0, and the
 * paragraph ends with infinitely stretchable glue and a forced break.  A
 * line's adjustment ratio r gives its badness 100|r|^3; demerits are
 * (10 + badness)^2 + penalty^2, plus 10000 for two flagged breaks in a row
 * and 10000 for adjacent lines whose fitness classes (tight, decent, loose,
 * very loose) differ by more than one.  The breaks with the least total
 * demerits win (looseness 0).
 *
 * Rules beyond the paper: never more than two hyphenated lines in a row,
 * and the last line begins with the end of a hyphenated word only when
 * nothing else keeps the spaces within 1.8 times their width (then with
 * 5000 demerits, TeX's \finalhyphendemerits).
 *
 * Passes, as TeX does: first without hyphenation and r <= 1; then with
 * hyphenation and r <= 1.6 (a space at most 1.8 times its natural width),
 * first without and then with a hyphen before the last line; then with any
 * r.  Since all lines have the same width, the search is a
 * dynamic programme over (break, fitness class, hyphenated lines in a row).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/linebreak.h"

enum { NFIT = 4, NHR = 3 };
#define LINE_PENALTY          10.0
#define FLAGGED_DEMERITS      10000.0
#define FITNESS_DEMERITS      10000.0
#define FINAL_HYPHEN_DEMERITS 5000.0

typedef struct state {
	double d;            /* total demerits */
	int prev, pfit, phr; /* the state it came from */
} state;

typedef struct kp_pass {
	int hyphenate;
	double max_ratio;
	int final_hyphen; /* may the line before the last end hyphenated? */
} kp_pass;

static int fitness(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1.0)
		return 2;
	return 3;
}

/* One pass; on success fills p->lines and returns 0.  live[b] has bit
 * f * NHR + h set when state (b, f, h) is feasible: a break has one to four
 * live states of its twelve, and only those are visited. */
static int run_pass(para *p, float width, int mode, kp_pass pass, const double *pw,
                    const double *ps, const double *pk, state *st, uint16_t *live)
{
	size_t n = p->nwords;
	const double rag = mode == LB_RAGGED ? 3.0 * p->size : 0.0;
	const double hyph_penalty = mode == LB_RAGGED ? 150.0 : 50.0;
	/* a state's entry in st is only read once its bit in live is set */
	memset(live, 0, (n + 1) * sizeof(*live));
	live[0] = 1u << (1 * NHR + 0);
#define ST(b, f, h) st[((size_t)(b)*NFIT + (size_t)(f)) * NHR + (size_t)(h)]
	ST(0, 1, 0) = (state){0, -1, 0, 0};
	size_t lo = 0; /* the previous break's longest-still-too-short start */

	for (size_t j = 0; j < n; j++) {
		const lb_word *wj = &p->words[j];
		if (wj->brk == LB_BRK_HYPHEN && !pass.hyphenate)
			continue;
		int last = j + 1 == n;
		int flagged = wj->brk == LB_BRK_HYPHEN || wj->brk == LB_BRK_EXPLICIT;
		double pen = wj->brk == LB_BRK_HYPHEN     ? hyph_penalty
		             : wj->brk == LB_BRK_EXPLICIT ? 50.0
		                                          : 0.0;
		double gw = wj->brk == LB_BRK_SPACE ? wj->space : 0;
		double gs = mode == LB_JUSTIFY ? gw / 2 : 0, gk = mode == LB_JUSTIFY ? gw / 3 : 0;
		double hy = wj->brk == LB_BRK_HYPHEN ? wj->hyphen : 0;
		/* Lines from s to j that stay too loose (r > max_ratio) even
		 * stretched are never taken, and the shorter the line the looser:
		 * start from the longest-still-too-short one's successor, found
		 * by bisection on the prefix sums (natural width plus max_ratio
		 * times the stretch only grows as s goes down). */
		size_t top = j + 1;
		if (!last && pass.max_ratio < 1e8) {
			/* the largest s <= j that is long enough: near the previous
			 * break's, so walk from there */
			double need = width - 0.02;
#define LONG_ENOUGH(s)                                                                             \
	(pw[j + 1] - pw[s] - gw + hy + pass.max_ratio * (ps[j + 1] - ps[s] - gs + rag) >= need)
			if (!LONG_ENOUGH(0))
				continue; /* even the whole paragraph up to j is too short */
			if (lo > j)
				lo = j;
			while (lo > 0 && !LONG_ENOUGH(lo))
				lo--;
			while (lo < j && LONG_ENOUGH(lo + 1))
				lo++;
#undef LONG_ENOUGH
			top = lo + 1;
		}
		for (size_t s = top; s-- > 0;) {
			double nat = pw[j + 1] - pw[s] - gw + hy;
			double str = ps[j + 1] - ps[s] - gs + rag;
			double shr = pk[j + 1] - pk[s] - gk;
			if (nat - shr > width + 0.01)
				break; /* starting earlier only makes it longer */
			if (!live[s])
				continue;
			double r;
			if (nat <= width + 0.01)
				r = last ? 0 : str > 0 ? (width - nat) / str : 1e6;
			else
				r = (width - nat) / shr;
			if (r < -1 || r > pass.max_ratio)
				continue;
			double bad = fmin(100.0 * fabs(r * r * r), 10000.0);
			int fit = fitness(r);
			double base = (LINE_PENALTY + bad) * (LINE_PENALTY + bad);
			if (!last)
				base += pen * pen;
			int prev_hyph = s > 0 && p->words[s - 1].brk == LB_BRK_HYPHEN;
			int prev_flag =
			        prev_hyph || (s > 0 && p->words[s - 1].brk == LB_BRK_EXPLICIT);
			if (last && prev_hyph) {
				if (!pass.final_hyphen)
					continue; /* no hyphen across the last line */
				base += FINAL_HYPHEN_DEMERITS;
			}
			if (flagged && prev_flag)
				base += FLAGGED_DEMERITS;
			for (unsigned m = live[s]; m; m &= m - 1) {
				int k = __builtin_ctz(m), f = k / NHR, h = k % NHR;
				int nh = flagged ? h + 1 : 0;
				if (nh >= NHR)
					continue; /* a third hyphenated line in a row */
				double d = ST(s, f, h).d + base;
				if (abs(fit - f) > 1)
					d += FITNESS_DEMERITS;
				state *to = &ST(j + 1, fit, nh);
				uint16_t bit = (uint16_t)(1u << (fit * NHR + nh));
				if (!(live[j + 1] & bit) || d < to->d) {
					*to = (state){d, (int)s, f, h};
					live[j + 1] |= bit;
				}
			}
		}
	}
	/* the best way to the end, then back to the start */
	int bf = -1, bh = 0;
	for (int f = 0; f < NFIT; f++)
		for (int h = 0; h < NHR; h++)
			if ((live[n] >> (f * NHR + h) & 1) &&
			    (bf < 0 || ST(n, f, h).d < ST(n, bf, bh).d)) {
				bf = f;
				bh = h;
			}
	if (bf < 0)
		return -1;
	size_t nl = 0;
	for (int b = (int)n, f = bf, h = bh; b > 0;) {
		const state *x = &ST(b, f, h);
		nl++;
		b = x->prev;
		f = x->pfit;
		h = x->phr;
	}
	p->nlines = nl;
	size_t k = nl;
	for (int b = (int)n, f = bf, h = bh; b > 0;) {
		const state *x = &ST(b, f, h);
		lb_line *l = &p->lines[--k];
		l->first = (size_t)x->prev;
		l->n = (size_t)b - l->first;
		b = x->prev;
		f = x->pfit;
		h = x->phr;
	}
#undef ST
	return 0;
}

int kp_break(para *p, arena *a, float width, int mode)
{
	(void)a;
	size_t n = p->nwords;
	if (n == 0) {
		p->nlines = 0;
		return 0;
	}
	/* prefix sums of widths (pieces and their glue), stretch and shrink */
	double *pw = calloc(3 * (n + 1), sizeof(double));
	state *st = malloc((n + 1) * NFIT * NHR * sizeof(*st));
	uint16_t *live = malloc((n + 1) * sizeof(*live));
	if (!pw || !st || !live) {
		free(pw);
		free(st);
		free(live);
		return -1;
	}
	double *ps = pw + (n + 1), *pk = ps + (n + 1);
	for (size_t i = 0; i < n; i++) {
		const lb_word *w = &p->words[i];
		double g = w->brk == LB_BRK_SPACE ? w->space : 0;
		pw[i + 1] = pw[i] + w->width + g;
		ps[i + 1] = ps[i] + (mode == LB_JUSTIFY ? g / 2 : 0);
		pk[i + 1] = pk[i] + (mode == LB_JUSTIFY ? g / 3 : 0);
	}
	static const kp_pass passes[] = {{0, 1.0, 0}, {1, 1.6, 0}, {1, 1.6, 1}, {1, 1e9, 1}};
	int rc = -1;
	for (size_t i = 0; i < sizeof(passes) / sizeof(*passes) && rc != 0; i++)
		rc = run_pass(p, width, mode, passes[i], pw, ps, pk, st, live);
	free(pw);
	free(st);
	free(live);
	return rc;
}
