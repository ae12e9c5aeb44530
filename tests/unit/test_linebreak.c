/* Markup parsing and line breaking, with fixed-width fake metrics: at size 10
 * every character, the space included, is 5 points wide. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fake_metrics.h"
#include "base/file.h"
#include "text/hyphen.h"
#include "text/linebreak.h"
#include "text/markup.h"

static void markup_styles(void **state)
{
	(void)state;
	arena *a = arena_new();
	span *s;
	int bad = -1;
	size_t n = markup_parse(a, "vanlig **fet** och *kursiv*", &s, &bad);
	assert_int_equal(n, 4);
	assert_int_equal(bad, 0);
	assert_int_equal(s[0].style, 0);
	assert_int_equal(s[1].style, STYLE_BOLD);
	assert_int_equal(s[1].len, 3);
	assert_memory_equal(s[1].text, "fet", 3);
	assert_int_equal(s[3].style, STYLE_ITALIC);
	assert_string_equal(markup_plain(a, "**Hofors kommun** beviljas"),
	                    "Hofors kommun beviljas");
	arena_free(a);
}

static void markup_unbalanced_is_literal(void **state)
{
	(void)state;
	arena *a = arena_new();
	int bad = 0;
	span *s;
	markup_parse(a, "5 * 3 **inte stängd", &s, &bad);
	assert_int_equal(bad, 2);
	assert_string_equal(markup_plain(a, "5 * 3 **inte stängd"), "5 * 3 **inte stängd");
	assert_string_equal(markup_plain(a, "a \\* b \\\\ c"), "a * b \\ c");
	arena_free(a);
}

static void breaks_at_spaces_and_justifies(void **state)
{
	(void)state;
	arena *a = arena_new();
	para p;
	/* words of 3 chars = 15 pt, space 5 pt: two words need 35 pt */
	para_shape(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, "aaa bbb ccc ddd eee");
	assert_int_equal(p.nwords, 5);
	assert_int_equal(para_break(&p, a, 40, 1), 3);
	assert_int_equal(p.lines[0].n, 2);
	assert_int_equal(p.lines[2].n, 1);
	/* justified: 15 + gap + 15 == 40 */
	assert_float_equal(p.lines[0].gap, 10.0, 1e-4);
	/* the last line keeps its natural space */
	para_shape(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, "aaa bbb ccc ddd");
	para_break(&p, a, 40, 1);
	assert_float_equal(p.lines[1].gap, 5.0, 1e-4);
	arena_free(a);
}

static void no_break_space_holds_numbers_together(void **state)
{
	(void)state;
	arena *a = arena_new();
	para p;
	para_shape(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10,
	           "totalt 1\xc2\xa0"
	           "257 personer");
	assert_int_equal(p.nwords, 3);
	assert_float_equal(p.words[1].width, 25.0, 1e-4); /* "1 257": 5 characters */
	arena_free(a);
}

static void long_word_gets_its_own_line(void **state)
{
	(void)state;
	arena *a = arena_new();
	para p;
	para_shape(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, "a samverkansgrupperna b");
	assert_int_equal(para_break(&p, a, 50, 1), 3);
	assert_int_equal(p.lines[1].n, 1);
	assert_float_equal(para_min_width(&p), 95.0, 1e-4);
	arena_free(a);
}

static void styles_choose_faces(void **state)
{
	(void)state;
	arena *a = arena_new();
	para p;
	para_shape(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, "**fet**kursiv *x*");
	assert_int_equal(p.nwords, 2);
	assert_int_equal(p.words[0].nfrags, 2);
	assert_int_equal(p.words[0].frags[0].face, FACE_SERIF_BOLD);
	assert_int_equal(p.words[0].frags[1].face, FACE_SERIF);
	assert_int_equal(p.words[1].frags[0].face, FACE_SERIF_ITALIC);
	assert_int_equal(face_for(FAMILY_SANS, STYLE_BOLD), FACE_SANS_BOLD);
	arena_free(a);
}

/* The pieces of line k glued back together, with "-" for a hyphenated end. */
static const char *line_text(const para *p, size_t k, char *buf, size_t cap)
{
	const lb_line *l = &p->lines[k];
	size_t at = 0;
	for (size_t w = l->first; w < l->first + l->n; w++) {
		for (size_t f = 0; f < p->words[w].nfrags; f++) {
			const lb_frag *fr = &p->words[w].frags[f];
			for (size_t i = 0; i < fr->len && at + 2 < cap; i++)
				buf[at++] = fr->text[i];
		}
		if (w + 1 < l->first + l->n && p->words[w].brk == LB_BRK_SPACE && at + 2 < cap)
			buf[at++] = ' ';
	}
	if (l->hyphen)
		buf[at++] = '-';
	buf[at] = '\0';
	return buf;
}

/* Word lengths 1 5 5 7 1 4 6 at 100 pt.  An exhaustive search over every set
 * of breaks (same badness, demerits and fitness rules) finds the optimum in
 * 2 lines, the first one shrunk to hold 4 words (105 pt of natural width);
 * first fit needs 3 lines and leaves the second one loose. */
static void total_fit_finds_the_known_optimum(void **state)
{
	(void)state;
	arena *a = arena_new();
	para p;
	char buf[128];
	const char *text = "a bbbbb ccccc ddddddd e ffff gggggg";
	para_shape(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, text);
	assert_int_equal(para_break(&p, a, 100, LB_JUSTIFY), 2);
	assert_string_equal(line_text(&p, 0, buf, sizeof(buf)), "a bbbbb ccccc ddddddd");
	assert_string_equal(line_text(&p, 1, buf, sizeof(buf)), "e ffff gggggg");
	/* shrunk: 3 spaces share -5 pt */
	assert_float_equal(p.lines[0].gap, 5.0 - 5.0 / 3, 1e-4);
	assert_int_equal(p.overfull, 0);
	assert_int_equal(p.greedy, 0);

	para_shape(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, text);
	assert_int_equal(para_break(&p, a, 100, LB_GREEDY), 3);
	assert_string_equal(line_text(&p, 0, buf, sizeof(buf)), "a bbbbb ccccc");
	arena_free(a);
}

/* Ragged right: total fit with natural spaces; nothing is stretched. */
static void ragged_keeps_natural_spaces(void **state)
{
	(void)state;
	arena *a = arena_new();
	para p;
	para_shape(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, "aaa bb cccc d eeeee ff ggg hhhh ii");
	size_t n = para_break(&p, a, 60, LB_RAGGED);
	assert_true(n >= 3);
	for (size_t k = 0; k < n; k++) {
		assert_float_equal(p.lines[k].gap, p.lines[k].n > 1 ? 5.0 : 0.0, 1e-4);
		assert_true(p.lines[k].natural <= 60.01f);
		assert_float_equal(p.lines[k].space_ratio, 0, 1e-6);
	}
	arena_free(a);
}

/* Offsets of the hyphenation points of w, as "Ar-bets-..." */
static const char *hyphenated(hyphenator *h, const char *w, char *buf)
{
	size_t at[32], n = hyph_points(h, w, strlen(w), at, 32), prev = 0, o = 0;
	for (size_t k = 0; k < n; k++) {
		memcpy(buf + o, w + prev, at[k] - prev);
		o += at[k] - prev;
		buf[o++] = '-';
		prev = at[k];
	}
	strcpy(buf + o, w + prev);
	return buf;
}

static void swedish_compounds_hyphenate_at_their_joints(void **state)
{
	(void)state;
	hyphenator *h = hyph_open(hyph_dict_path("sv"));
	assert_non_null(h);
	char buf[128];
	/* the joint of each compound is a hyphenation point */
	assert_string_equal(hyphenated(h, "Arbetsförmedlingen", buf), "Ar-bets-för-med-lingen");
	assert_string_equal(hyphenated(h, "samverkansgrupperna", buf), "sam-ver-kans-grup-perna");
	assert_string_equal(hyphenated(h, "Arbetsintegrerande", buf), "Ar-bets-in-te-gre-rande");
	/* minimum fragments: 2 characters before, 3 after (UTF-8 counted as
	 * characters: "för" is 3) */
	const char *words[] = {"Arbetsförmedlingen", "samverkansgrupperna", "Arbetsintegrerande",
	                       "organisationen",     "företaget",           "utveckla"};
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++) {
		size_t at[32];
		size_t n = hyph_points(h, words[i], strlen(words[i]), at, 32);
		assert_true(n > 0);
		assert_true(at[0] >= 2);
		const char *tail = words[i] + at[n - 1];
		size_t chars = 0;
		for (const char *t = tail; *t; t++)
			chars += ((unsigned char)*t & 0xC0) != 0x80;
		assert_true(chars >= 3);
	}
	/* never: numbers, abbreviations, short words, addresses */
	size_t at[8];
	assert_int_equal(hyph_points(h, "20162020", 8, at, 8), 0);
	assert_int_equal(hyph_points(h, "SAMORDNING", 10, at, 8), 0);
	assert_int_equal(hyph_points(h, "företag1", 9, at, 8), 0);
	assert_int_equal(hyph_points(h, "kunna", 5, at, 8), 0);
	assert_int_equal(hyph_points(h, "www.samordning.se", 17, at, 8), 0);
	/* cached answers are the same answers */
	assert_string_equal(hyphenated(h, "Arbetsförmedlingen", buf),
	                    hyphenated(h, "Arbetsförmedlingen", buf + 64));
	hyph_close(h);

	h = hyph_open(hyph_dict_path("en"));
	assert_non_null(h);
	assert_string_equal(hyphenated(h, "typesetting", buf), "type-set-ting");
	hyph_close(h);
}

/* A narrow column of long Swedish words: lines end hyphenated, never three
 * in a row, and the pieces joined back give the text. */
/* The whole of a data file, or NULL. */
static char *data_file(const char *name)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	snprintf(path, sizeof(path), "%s/data/%s", top ? top : ".", name);
	unsigned char *buf;
	size_t n;
	return file_read(path, 0, &buf, &n) == FILE_READ_OK ? (char *)buf : NULL;
}

/* Patterns chosen for a report's words answer exactly as all of them do,
 * for those words and for any other (answered from all the patterns). */
static void patterns_for_the_words_answer_as_all(void **state)
{
	(void)state;
	static const char *const names[] = {"slutrapport-2016-2020.json",
	                                    "2016.json",
	                                    "2017.json",
	                                    "2018.json",
	                                    "2019.json",
	                                    "2020.json"};
	const char *texts[6];
	for (size_t i = 0; i < 6; i++) {
		texts[i] = data_file(names[i]);
		assert_non_null(texts[i]);
	}
	hyphenator *all = hyph_open(hyph_dict_path("sv"));
	hyphenator *some = hyph_open_for(hyph_dict_path("sv"), texts, 6);
	if (!all)
		skip();
	assert_non_null(some);
	assert_true(hyph_states(some) * 2 < hyph_states(all));
	/* every run of letters (bytes >= 0x80 count as letters) of the data,
	 * then words that are not in it */
	size_t words = 0, hyphenated = 0;
	static const char *const others[] = {"arbetsförmedlingskontoren", "upphandlingsreglerna",
	                                     "näringslivsutveckling", "socialförsäkringsbalken",
	                                     "Öppenvårdsmottagning"};
	for (size_t i = 0; i < 6 + 5; i++) {
		const char *t = i < 6 ? texts[i] : others[i - 6];
		while (*t) {
			const char *w = t;
			while (*t && (((*t | 32) >= 'a' && (*t | 32) <= 'z') ||
			              (unsigned char)*t >= 0x80))
				t++;
			if (t > w) {
				size_t a[32], b[32];
				size_t na = hyph_points(all, w, (size_t)(t - w), a, 32);
				size_t nb = hyph_points(some, w, (size_t)(t - w), b, 32);
				assert_int_equal(na, nb);
				for (size_t k = 0; k < na; k++)
					assert_int_equal(a[k], b[k]);
				words++;
				hyphenated += na > 0;
			}
			if (*t)
				t++;
		}
	}
	/* the data has some 3,700 runs of letters, 1,800 of them hyphenated */
	assert_true(words > 3000 && hyphenated > 1000);
	hyph_close(all);
	hyph_close(some);

	/* English patterns (UTF-8) likewise */
	const char *en[] = {"The coordination association supported work-integrating social "
	                    "enterprises throughout the municipalities."};
	all = hyph_open(hyph_dict_path("en"));
	some = hyph_open_for(hyph_dict_path("en"), en, 1);
	if (all && some) {
		static const char *const ws[] = {"coordination",   "association", "enterprises",
		                                 "municipalities", "throughout",  "international"};
		for (size_t i = 0; i < 6; i++) {
			size_t a[32], b[32];
			size_t na = hyph_points(all, ws[i], strlen(ws[i]), a, 32);
			size_t nb = hyph_points(some, ws[i], strlen(ws[i]), b, 32);
			assert_int_equal(na, nb);
			assert_memory_equal(a, b, na * sizeof(*a));
		}
		assert_true(hyph_states(some) * 2 < hyph_states(all));
	}
	hyph_close(all);
	hyph_close(some);
	for (size_t i = 0; i < 6; i++)
		free((char *)texts[i]);
}

static void hyphenation_rules_in_paragraphs(void **state)
{
	(void)state;
	arena *a = arena_new();
	hyphenator *h = hyph_open(hyph_dict_path("sv"));
	assert_non_null(h);
	para p;
	const char *text = "Arbetsförmedlingen och samverkansgrupperna stödjer arbetsintegrerande "
	                   "sociala företag genom Arbetsförmedlingen samverkansgrupperna och "
	                   "kommunernas arbetsmarknadsenheter i hela länet";
	para_shape_hyph(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, text, h);
	size_t n = para_break(&p, a, 120, LB_JUSTIFY);
	assert_true(n > 4);
	assert_true(p.hyphenated > 0);
	assert_int_equal(p.overfull, 0);
	int run = 0;
	for (size_t k = 0; k < n; k++) {
		run = p.lines[k].hyphen ? run + 1 : 0;
		assert_true(run <= 2);
	}
	assert_false(p.lines[n - 1].hyphen);
	/* the text survives: pieces joined back give the words */
	char all[512] = "", buf[128];
	for (size_t k = 0; k < n; k++) {
		line_text(&p, k, buf, sizeof(buf));
		size_t l = strlen(buf);
		if (p.lines[k].hyphen)
			buf[l - 1] = '\0';
		else if (k + 1 < n)
			strcat(buf, " ");
		strcat(all, buf);
	}
	assert_string_equal(all, text);

	/* a name is never hyphenated, nor a link */
	para_shape_hyph(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10,
	                "{Arbetsförmedlingen} [samverkansgrupperna](https://example.se)", h);
	assert_int_equal(p.nwords, 2);
	assert_string_equal(p.words[1].frags[0].uri, "https://example.se");
	/* a soft hyphen is the only place a word with one may break */
	para_shape_hyph(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, "samverkans\\-grupperna", h);
	assert_int_equal(p.nwords, 2);
	assert_int_equal(p.words[0].brk, LB_BRK_HYPHEN);
	assert_int_equal(p.words[0].frags[0].len, 10);
	/* an explicit hyphen is a break that adds nothing */
	para_shape_hyph(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, "ASF-företagen", h);
	assert_int_equal(p.nwords, 2);
	assert_int_equal(p.words[0].brk, LB_BRK_EXPLICIT);
	hyph_close(h);
	arena_free(a);
}

static void markup_links_names_spaces(void **state)
{
	(void)state;
	arena *a = arena_new();
	span *s;
	int bad = -1;
	size_t n = markup_parse(a, "Se [förbundets webbplats](https://www.samordning.se/) nu", &s,
	                        &bad);
	assert_int_equal(bad, 0);
	assert_int_equal(n, 3);
	assert_memory_equal(s[1].text, "förbundets webbplats", s[1].len);
	assert_string_equal(s[1].uri, "https://www.samordning.se/");
	assert_null(s[0].uri);
	assert_null(s[2].uri);
	/* bold inside a link */
	n = markup_parse(a, "[**fet** länk](mailto:info@example.se)", &s, &bad);
	assert_int_equal(n, 2);
	assert_int_equal(s[0].style, STYLE_BOLD);
	assert_non_null(s[1].uri);
	/* a name */
	n = markup_parse(a, "i {Gävleborg} finns", &s, &bad);
	assert_int_equal(n, 3);
	assert_int_equal(s[1].style, STYLE_NAME);
	/* no-break space and soft hyphen */
	assert_string_equal(markup_plain(a, "1~257 per\\-soner"), "1\xc2\xa0"
	                                                          "257 personer");
	markup_parse(a, "per\\-soner", &s, &bad);
	assert_memory_equal(s[0].text,
	                    "per\xc2\xad"
	                    "soner",
	                    10);
	/* escapes */
	assert_string_equal(markup_plain(a, "\\[x\\] \\{y\\} \\~"), "[x] {y} ~");
	arena_free(a);
}

static void malformed_markup_is_literal_and_counted(void **state)
{
	(void)state;
	arena *a = arena_new();
	span *s;
	int bad = 0;
	const char *cases[][2] = {
	        {"[text](ftp://x.se)", "[text](ftp://x.se)"},
	        {"[text](https://x.se", "[text](https://x.se"},
	        {"[](https://x.se)", "[](https://x.se)"},
	        {"{obalanserad", "{obalanserad"},
	        {"**fet [länk](https://a.se) *", "**fet länk *"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		markup_parse(a, cases[i][0], &s, &bad);
		assert_true(bad >= 1);
		assert_string_equal(markup_plain(a, cases[i][0]), cases[i][1]);
	}
	/* where the first problem is, for the warning */
	assert_int_equal(markup_first_malformed(a, "ok **fet** {namn"), 11);
	assert_int_equal(markup_first_malformed(a, "a [b](c) *d"), 2);
	assert_int_equal(markup_first_malformed(a, "**fet** [l](https://x.se)"), (size_t)-1);
	/* brackets that are not a link are just text */
	markup_parse(a, "[sic] och {} och a]b", &s, &bad);
	assert_string_equal(markup_plain(a, "[sic] och a]b"), "[sic] och a]b");
	/* nothing crashes on any prefix of a tricky string */
	const char *tricky = "**[{a}](https://b.se)\\";
	char buf[64];
	for (size_t k = 0; k <= strlen(tricky); k++) {
		memcpy(buf, tricky, k);
		buf[k] = '\0';
		markup_parse(a, buf, &s, &bad);
		para p;
		para_shape(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, buf);
		para_break(&p, a, 30, LB_JUSTIFY);
	}
	arena_free(a);
}

/* Fake metrics where the serif faces lack 'ŋ' (U+014B) and no face has
 * U+1F600, while the fallback face has U+FFFD. */
static int gap_has(void *ud, face_id f, uint32_t cp)
{
	(void)ud;
	if (cp == 0x1F600)
		return 0;
	if (cp == 0x014B)
		return f == FACE_FALLBACK;
	return 1;
}

static void missing_glyphs_fall_back(void **state)
{
	(void)state;
	arena *a = arena_new();
	metrics m = FAKE_METRICS;
	m.has_glyph = gap_has;
	para p;
	para_shape(&p, a, &m, FAMILY_SERIF, 10, "saŋa \xf0\x9f\x98\x80x");
	assert_int_equal(p.nwords, 2);
	assert_int_equal(p.words[0].nfrags, 3);
	assert_int_equal(p.words[0].frags[1].face, FACE_FALLBACK);
	assert_memory_equal(p.words[0].frags[1].text, "\xc5\x8b", 2);
	assert_int_equal(p.fallback_glyphs, 1);
	assert_int_equal(p.missing_glyphs, 1);
	assert_int_equal(p.missing_cp, 0x1F600);
	assert_int_equal(p.words[1].frags[0].face, FACE_FALLBACK);
	assert_memory_equal(p.words[1].frags[0].text, "\xef\xbf\xbd", 3);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(markup_styles),
	        cmocka_unit_test(markup_unbalanced_is_literal),
	        cmocka_unit_test(breaks_at_spaces_and_justifies),
	        cmocka_unit_test(no_break_space_holds_numbers_together),
	        cmocka_unit_test(long_word_gets_its_own_line),
	        cmocka_unit_test(styles_choose_faces),
	        cmocka_unit_test(total_fit_finds_the_known_optimum),
	        cmocka_unit_test(ragged_keeps_natural_spaces),
	        cmocka_unit_test(swedish_compounds_hyphenate_at_their_joints),
	        cmocka_unit_test(hyphenation_rules_in_paragraphs),
	        cmocka_unit_test(patterns_for_the_words_answer_as_all),
	        cmocka_unit_test(markup_links_names_spaces),
	        cmocka_unit_test(malformed_markup_is_literal_and_counted),
	        cmocka_unit_test(missing_glyphs_fall_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
