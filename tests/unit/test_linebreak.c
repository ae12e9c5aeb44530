/* Markup parsing and line breaking, with fixed-width fake metrics: at size 10
 * every character, the space included, is 5 points wide. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "fake_metrics.h"
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
	assert_string_equal(markup_plain(a, "**Hofors kommun** beviljas"), "Hofors kommun beviljas");
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
	para_shape(&p, a, &FAKE_METRICS, FAMILY_SERIF, 10, "totalt 1\xc2\xa0" "257 personer");
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(markup_styles),
	        cmocka_unit_test(markup_unbalanced_is_literal),
	        cmocka_unit_test(breaks_at_spaces_and_justifies),
	        cmocka_unit_test(no_break_space_holds_numbers_together),
	        cmocka_unit_test(long_word_gets_its_own_line),
	        cmocka_unit_test(styles_choose_faces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
