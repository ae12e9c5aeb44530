/*
 * test_locale.c - numbers, dates and labels in Swedish and English.
 */
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/i18n.h"

#define NBSP  "\xc2\xa0"
#define MINUS "\xe2\x88\x92"

static char buf[128];

static void test_lang_codes(void **state)
{
	lang_id l = LANG_EN;

	(void)state;
	assert_int_equal(lang_from_string("sv", &l), 0);
	assert_int_equal(l, LANG_SV);
	assert_int_equal(lang_from_string("en", &l), 0);
	assert_int_equal(l, LANG_EN);
	assert_int_equal(lang_from_string("de", &l), -1);
	assert_int_equal(lang_from_string("SV", &l), -1);
	assert_int_equal(lang_from_string("", &l), -1);
	assert_int_equal(lang_from_string(NULL, &l), -1);
	assert_int_equal(l, LANG_EN); /* untouched on failure */
	assert_int_equal(lang_from_string("sv", NULL), 0);
	assert_string_equal(lang_code(LANG_SV), "sv");
	assert_string_equal(lang_code(LANG_EN), "en");
	assert_string_equal(lang_bcp47(LANG_SV), "sv-SE");
	assert_string_equal(lang_bcp47(LANG_EN), "en-GB");
}

static void test_int_sv(void **state)
{
	(void)state;
	assert_string_equal(fmt_int(LANG_SV, 1257, buf, sizeof buf), "1" NBSP "257");
	/* the same with the bytes spelled out (split: \xa0257 would be one escape) */
	assert_string_equal(fmt_int(LANG_SV, 1257, buf, sizeof buf), "1\xc2\xa0"
	                                                             "257");
	assert_string_equal(fmt_int(LANG_SV, 0, buf, sizeof buf), "0");
	assert_string_equal(fmt_int(LANG_SV, 7, buf, sizeof buf), "7");
	assert_string_equal(fmt_int(LANG_SV, 999, buf, sizeof buf), "999");
	assert_string_equal(fmt_int(LANG_SV, -18, buf, sizeof buf), MINUS "18");
	assert_string_equal(fmt_int(LANG_SV, -1000, buf, sizeof buf), MINUS "1" NBSP "000");
	assert_string_equal(fmt_int(LANG_SV, 100000, buf, sizeof buf), "100" NBSP "000");
	assert_string_equal(fmt_int(LANG_SV, 1234567, buf, sizeof buf), "1" NBSP "234" NBSP "567");
	assert_string_equal(fmt_int(LANG_SV, 2147483647L, buf, sizeof buf),
	                    "2" NBSP "147" NBSP "483" NBSP "647");
}

static void test_int_extremes(void **state)
{
	(void)state;
	if (LONG_MAX == 9223372036854775807L) {
		assert_string_equal(fmt_int(LANG_EN, LONG_MAX, buf, sizeof buf),
		                    "9,223,372,036,854,775,807");
		assert_string_equal(fmt_int(LANG_EN, LONG_MIN, buf, sizeof buf),
		                    MINUS "9,223,372,036,854,775,808");
	}
}

static void test_int_en(void **state)
{
	(void)state;
	assert_string_equal(fmt_int(LANG_EN, 1257, buf, sizeof buf), "1,257");
	assert_string_equal(fmt_int(LANG_EN, -18, buf, sizeof buf), MINUS "18");
	assert_string_equal(fmt_int(LANG_EN, 0, buf, sizeof buf), "0");
	assert_string_equal(fmt_int(LANG_EN, 1000000, buf, sizeof buf), "1,000,000");
}

static void test_truncation(void **state)
{
	char small[4];

	(void)state;
	/* "1 257" does not fit: cut at a character boundary, never inside the
	 * two bytes of the no-break space or the three of the minus sign */
	assert_string_equal(fmt_int(LANG_SV, 1257, small, sizeof small), "1" NBSP);
	assert_string_equal(fmt_int(LANG_SV, 1257, small, 3), "1");
	assert_string_equal(fmt_int(LANG_EN, 1257, small, sizeof small), "1,2");
	assert_string_equal(fmt_int(LANG_SV, -5, small, sizeof small), MINUS);
	assert_string_equal(fmt_int(LANG_SV, -5, small, 3), "");
	assert_string_equal(fmt_number(LANG_SV, 1.5, 1, small, 1), "");
	assert_string_equal(fmt_date(LANG_SV, "2021-02-11", small, sizeof small), "11 ");
}

static void test_number_rounding(void **state)
{
	(void)state;
	assert_string_equal(fmt_number(LANG_SV, 48.5, 1, buf, sizeof buf), "48,5");
	assert_string_equal(fmt_number(LANG_SV, 48.45, 1, buf, sizeof buf), "48,5");
	assert_string_equal(fmt_number(LANG_SV, 48.44, 1, buf, sizeof buf), "48,4");
	assert_string_equal(fmt_number(LANG_SV, 2.675, 2, buf, sizeof buf), "2,68");
	assert_string_equal(fmt_number(LANG_SV, 0.125, 2, buf, sizeof buf), "0,13");
	assert_string_equal(fmt_number(LANG_SV, 0.5, 0, buf, sizeof buf), "1");
	assert_string_equal(fmt_number(LANG_SV, 1.5, 0, buf, sizeof buf), "2");
	assert_string_equal(fmt_number(LANG_SV, 2.5, 0, buf, sizeof buf), "3");
	assert_string_equal(fmt_number(LANG_SV, -0.5, 0, buf, sizeof buf), MINUS "1");
	assert_string_equal(fmt_number(LANG_SV, -2.5, 0, buf, sizeof buf), MINUS "3");
	assert_string_equal(fmt_number(LANG_SV, 0.05, 1, buf, sizeof buf), "0,1");
	assert_string_equal(fmt_number(LANG_SV, 0.04, 1, buf, sizeof buf), "0,0");
	assert_string_equal(fmt_number(LANG_SV, 999.96, 1, buf, sizeof buf), "1" NBSP "000,0");
	assert_string_equal(fmt_number(LANG_SV, 9.995, 2, buf, sizeof buf), "10,00");
	assert_string_equal(fmt_number(LANG_SV, 1257, 0, buf, sizeof buf), "1" NBSP "257");
	assert_string_equal(fmt_number(LANG_SV, 1257.25, 2, buf, sizeof buf), "1" NBSP "257,25");
	assert_string_equal(fmt_number(LANG_SV, 3, 2, buf, sizeof buf), "3,00");
	assert_string_equal(fmt_number(LANG_SV, 0.001, 3, buf, sizeof buf), "0,001");
	assert_string_equal(fmt_number(LANG_SV, 0.0004, 3, buf, sizeof buf), "0,000");
	assert_string_equal(fmt_number(LANG_SV, 12.3456, -1, buf, sizeof buf), "12");
	assert_string_equal(fmt_number(LANG_SV, 1.0 / 3.0, 4, buf, sizeof buf), "0,3333");
	assert_string_equal(fmt_number(LANG_SV, 2.0 / 3.0, 4, buf, sizeof buf), "0,6667");
}

static void test_number_zero_and_sign(void **state)
{
	(void)state;
	assert_string_equal(fmt_number(LANG_SV, 0.0, 1, buf, sizeof buf), "0,0");
	assert_string_equal(fmt_number(LANG_SV, -0.0, 1, buf, sizeof buf), "0,0");
	assert_string_equal(fmt_number(LANG_SV, -0.04, 1, buf, sizeof buf), "0,0");
	assert_string_equal(fmt_number(LANG_SV, -0.4, 0, buf, sizeof buf), "0");
	assert_string_equal(fmt_number(LANG_SV, -18.25, 1, buf, sizeof buf), MINUS "18,3");
	assert_string_equal(fmt_number(LANG_EN, -18.25, 1, buf, sizeof buf), MINUS "18.3");
}

static void test_number_large_and_odd(void **state)
{
	(void)state;
	assert_string_equal(fmt_number(LANG_EN, 1234567.891, 2, buf, sizeof buf), "1,234,567.89");
	assert_string_equal(fmt_number(LANG_EN, 1e15, 0, buf, sizeof buf), "1,000,000,000,000,000");
	assert_string_equal(fmt_number(LANG_EN, 1e20, 0, buf, sizeof buf),
	                    "100,000,000,000,000,000,000");
	assert_string_equal(fmt_number(LANG_EN, NAN, 1, buf, sizeof buf), "\xe2\x80\x93");
	assert_string_equal(fmt_number(LANG_EN, INFINITY, 1, buf, sizeof buf), "\xe2\x80\x93");
	/* 1e308 has 309 digits: the result is cut safely at the buffer's size */
	fmt_number(LANG_SV, 1e308, 2, buf, sizeof buf);
	assert_true(strlen(buf) < sizeof buf);
	assert_memory_equal(buf, "100" NBSP "000", 8);
}

static void test_number_en(void **state)
{
	(void)state;
	assert_string_equal(fmt_number(LANG_EN, 48.5, 1, buf, sizeof buf), "48.5");
	assert_string_equal(fmt_number(LANG_EN, 1257.5, 1, buf, sizeof buf), "1,257.5");
}

static void test_percent(void **state)
{
	(void)state;
	assert_string_equal(fmt_percent(LANG_SV, 48.5, 1, buf, sizeof buf), "48,5" NBSP "%");
	assert_string_equal(fmt_percent(LANG_SV, 48.5, 1, buf, sizeof buf), "48,5\xc2\xa0%");
	assert_string_equal(fmt_percent(LANG_EN, 48.5, 1, buf, sizeof buf), "48.5%");
	assert_string_equal(fmt_percent(LANG_SV, 100, 0, buf, sizeof buf), "100" NBSP "%");
	assert_string_equal(fmt_percent(LANG_SV, 0.04, 1, buf, sizeof buf), "0,0" NBSP "%");
	assert_string_equal(fmt_percent(LANG_EN, -3.25, 1, buf, sizeof buf), MINUS "3.3%");
}

static void test_change(void **state)
{
	(void)state;
	assert_string_equal(fmt_change(LANG_SV, 12, 0, 0, buf, sizeof buf), "+12");
	assert_string_equal(fmt_change(LANG_SV, -18, 0, 0, buf, sizeof buf), MINUS "18");
	assert_string_equal(fmt_change(LANG_SV, -18, 0, 1, buf, sizeof buf), MINUS "18" NBSP "%");
	assert_string_equal(fmt_change(LANG_EN, -18, 0, 1, buf, sizeof buf), MINUS "18%");
	assert_string_equal(fmt_change(LANG_SV, 3.45, 1, 1, buf, sizeof buf), "+3,5" NBSP "%");
	assert_string_equal(fmt_change(LANG_EN, 3.45, 1, 1, buf, sizeof buf), "+3.5%");
	assert_string_equal(fmt_change(LANG_SV, 0, 0, 0, buf, sizeof buf), "0");
	assert_string_equal(fmt_change(LANG_SV, 0.04, 1, 0, buf, sizeof buf), "0,0");
	assert_string_equal(fmt_change(LANG_SV, -0.04, 1, 1, buf, sizeof buf), "0,0" NBSP "%");
	assert_string_equal(fmt_change(LANG_SV, 1500, 0, 0, buf, sizeof buf), "+1" NBSP "500");
}

static void test_date(void **state)
{
	(void)state;
	assert_string_equal(fmt_date(LANG_SV, "2021-02-11", buf, sizeof buf), "11 februari 2021");
	assert_string_equal(fmt_date(LANG_EN, "2021-02-11", buf, sizeof buf), "11 February 2021");
	assert_string_equal(fmt_date(LANG_SV, "2020-01-01", buf, sizeof buf), "1 januari 2020");
	assert_string_equal(fmt_date(LANG_SV, "2020-05-31", buf, sizeof buf), "31 maj 2020");
	assert_string_equal(fmt_date(LANG_SV, "2020-12-24", buf, sizeof buf), "24 december 2020");
	assert_string_equal(fmt_date(LANG_SV, "2020-02-29", buf, sizeof buf), "29 februari 2020");
	assert_string_equal(fmt_date(LANG_EN, "2000-02-29", buf, sizeof buf), "29 February 2000");
	/* invalid: copied as is */
	assert_string_equal(fmt_date(LANG_SV, "2021-02-29", buf, sizeof buf), "2021-02-29");
	assert_string_equal(fmt_date(LANG_SV, "1900-02-29", buf, sizeof buf), "1900-02-29");
	assert_string_equal(fmt_date(LANG_SV, "2021-13-01", buf, sizeof buf), "2021-13-01");
	assert_string_equal(fmt_date(LANG_SV, "2021-04-31", buf, sizeof buf), "2021-04-31");
	assert_string_equal(fmt_date(LANG_SV, "2021-00-10", buf, sizeof buf), "2021-00-10");
	assert_string_equal(fmt_date(LANG_SV, "2021-2-11", buf, sizeof buf), "2021-2-11");
	assert_string_equal(fmt_date(LANG_SV, "2021-02-11T10:00", buf, sizeof buf),
	                    "2021-02-11T10:00");
	assert_string_equal(fmt_date(LANG_SV, "hösten 2021", buf, sizeof buf), "hösten 2021");
	assert_string_equal(fmt_date(LANG_SV, "", buf, sizeof buf), "");
	assert_string_equal(fmt_date(LANG_SV, NULL, buf, sizeof buf), "");
}

static void test_labels(void **state)
{
	(void)state;
	assert_string_equal(label(LANG_SV, "contents"), "Innehållsförteckning");
	assert_string_equal(label(LANG_EN, "contents"), "Contents");
	assert_string_equal(label(LANG_SV, "page_x_of_y"), "Sida %d av %d");
	assert_string_equal(label(LANG_EN, "page_x_of_y"), "Page %d of %d");
	assert_string_equal(label(LANG_SV, "continued"), "(forts.)");
	assert_string_equal(label(LANG_EN, "continued"), "(cont.)");
	assert_string_equal(label(LANG_SV, "year"), "\xc3\x85r");
	assert_string_equal(label(LANG_SV, "annual_report"), "Årsrapport");
	assert_string_equal(label(LANG_EN, "final_report"), "Final report");
	assert_string_equal(label(LANG_SV, "none"), "\xe2\x80\x93");
	assert_string_equal(label(LANG_EN, "none"), "\xe2\x80\x93");
}

static void test_labels_complete(void **state)
{
	static const char *const keys[] = {
	        "contents",     "page_x_of_y",   "table",  "figure",     "continued",
	        "authors",      "date",          "period", "year",       "total",
	        "final_report", "annual_report", "source", "chart_data", "none",
	};
	size_t i;
	int l;

	(void)state;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		for (l = 0; l < LANG_COUNT; l++)
			assert_string_not_equal(label((lang_id)l, keys[i]), keys[i]);
}

static void test_label_unknown(void **state)
{
	(void)state;
	assert_string_equal(label(LANG_SV, "no_such_label"), "no_such_label");
	assert_string_equal(label(LANG_EN, "Contents"), "Contents");
	assert_string_equal(label(LANG_SV, ""), "");
	assert_string_equal(label(LANG_SV, NULL), "");
	/* an out-of-range language falls back to Swedish */
	assert_string_equal(label((lang_id)7, "table"), "Tabell");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_lang_codes),
	        cmocka_unit_test(test_int_sv),
	        cmocka_unit_test(test_int_extremes),
	        cmocka_unit_test(test_int_en),
	        cmocka_unit_test(test_truncation),
	        cmocka_unit_test(test_number_rounding),
	        cmocka_unit_test(test_number_zero_and_sign),
	        cmocka_unit_test(test_number_large_and_odd),
	        cmocka_unit_test(test_number_en),
	        cmocka_unit_test(test_percent),
	        cmocka_unit_test(test_change),
	        cmocka_unit_test(test_date),
	        cmocka_unit_test(test_labels),
	        cmocka_unit_test(test_labels_complete),
	        cmocka_unit_test(test_label_unknown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
