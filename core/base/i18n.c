/*
 * i18n.c - numbers, dates and the core's label catalogue.
 *
 * Adding a language:
 *   1. locale.h: add LANG_XX to lang_id after LANG_EN and make LANG_COUNT
 *      LANG_XX + 1.
 *   2. Here: add a row to `languages`, `numbers` and `months`, and a column
 *      (in the order of lang_id) to every entry of `catalogue`.  A missing
 *      column is NULL and label() then returns the key, so a forgotten label
 *      shows up in the output instead of crashing.
 *   3. Plugins' label tables (rapport_label in plugin.h) get a field too.
 */
#include "base/i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

#define NBSP    "\xc2\xa0"     /* U+00A0 no-break space */
#define MINUS   "\xe2\x88\x92" /* U+2212 minus sign */
#define EN_DASH "\xe2\x80\x93" /* U+2013 */

#define MAX_DECIMALS 20

static const struct {
	const char *code;
	const char *bcp47;
} languages[LANG_COUNT] = {
        [LANG_SV] = {"sv", "sv-SE"},
        [LANG_EN] = {"en", "en-GB"},
};

/* Number conventions. */
static const struct {
	const char *group;   /* thousands separator */
	const char *decimal; /* decimal separator */
	const char *percent; /* what follows the number of a percentage */
} numbers[LANG_COUNT] = {
        [LANG_SV] = {NBSP, ",", NBSP "%"},
        [LANG_EN] = {",", ".", "%"},
};

static const char *const months[LANG_COUNT][12] = {
        [LANG_SV] = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                     "september", "oktober", "november", "december"},
        [LANG_EN] = {"January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"},
};

/* The core's fixed labels: key, then the text in each language in the order
 * of lang_id.  Keep the keys in [a-z0-9_]. */
static const struct {
	const char *key;
	const char *text[LANG_COUNT];
} catalogue[] = {
        {"contents", {"Innehållsförteckning", "Contents"}},
        {"page_x_of_y", {"Sida %d av %d", "Page %d of %d"}},
        {"table", {"Tabell", "Table"}},
        {"figure", {"Figur", "Figure"}},
        {"continued", {"(forts.)", "(cont.)"}},
        {"authors", {"Författare", "Authors"}},
        {"date", {"Datum", "Date"}},
        {"period", {"Period", "Period"}},
        {"year", {"År", "Year"}},
        {"total", {"Totalt", "Total"}},
        {"final_report", {"Slutrapport", "Final report"}},
        {"annual_report", {"Årsrapport", "Annual report"}},
        {"source", {"Källa", "Source"}},
        {"chart_data", {"Diagramdata", "Chart data"}},
        {"none", {EN_DASH, EN_DASH}},
        {"logo", {"Logotyp:", "Logo:"}},
        {"chart_bar", {"Stapeldiagram", "Bar chart"}},
        {"chart_line", {"Linjediagram", "Line chart"}},
        {"chart_pie", {"Cirkeldiagram", "Pie chart"}},
        {"chart_other", {"Diagram", "Chart"}},
        {"chart_see",
         {"Värdena finns i tabellerna i avsnittet Diagramdata.",
          "The values are in the tables of the section Chart data."}},
};

static lang_id checked(lang_id l)
{
	return (unsigned)l < LANG_COUNT ? l : LANG_SV;
}

int lang_from_string(const char *s, lang_id *out)
{
	int i;

	if (!s)
		return -1;
	for (i = 0; i < LANG_COUNT; i++) {
		if (strcmp(s, languages[i].code) == 0) {
			if (out)
				*out = (lang_id)i;
			return 0;
		}
	}
	return -1;
}

const char *lang_code(lang_id l)
{
	return languages[checked(l)].code;
}

const char *lang_bcp47(lang_id l)
{
	return languages[checked(l)].bcp47;
}

const char *label(lang_id l, const char *key)
{
	size_t i;

	if (!key)
		return "";
	for (i = 0; i < sizeof catalogue / sizeof catalogue[0]; i++) {
		if (strcmp(catalogue[i].key, key) == 0) {
			const char *t = catalogue[i].text[checked(l)];

			return t ? t : key;
		}
	}
	return key;
}

/* ------------------------------------------------------------- numbers */

/* Appends src at out[*len] (out has room for `cap` bytes including the NUL;
 * silently stops when full). */
static void append(char *out, size_t cap, size_t *len, const char *src)
{
	size_t n = strlen(src);

	if (*len + n >= cap)
		n = *len + 1 < cap ? cap - 1 - *len : 0;
	memcpy(out + *len, src, n);
	*len += n;
	out[*len] = '\0';
}

/* Writes sign, then the digit string `digits` (no sign, at least decimals +
 * 1 digits long) with its last `decimals` digits after the decimal
 * separator and the others grouped by threes, then suffix. */
static void compose(lang_id l, const char *sign, const char *digits, int decimals,
                    const char *suffix, char *out, size_t cap)
{
	size_t len = 0, n = strlen(digits);
	size_t int_len = n - (size_t)decimals;
	size_t i;
	char one[2] = {0, 0};

	out[0] = '\0';
	append(out, cap, &len, sign);
	for (i = 0; i < int_len; i++) {
		if (i > 0 && (int_len - i) % 3 == 0)
			append(out, cap, &len, numbers[l].group);
		one[0] = digits[i];
		append(out, cap, &len, one);
	}
	if (decimals > 0) {
		append(out, cap, &len, numbers[l].decimal);
		append(out, cap, &len, digits + int_len);
	}
	append(out, cap, &len, suffix);
}

/* Rounds |v| to `decimals` decimals, half away from zero, and writes the
 * result as a string of digits without a decimal point, at least decimals +
 * 1 digits long (0.5 with 1 decimal → "05").  Returns 1 if the result is
 * zero.  v must be finite; out must hold 330 + MAX_DECIMALS bytes. */
static int round_digits(double v, int decimals, char *out)
{
	char tmp[40], sig[16];
	const char *p;
	int exp10, keep, n, i, zero;

	/* 15 significant digits: d.dddddddddddddde±XX (any decimal point). */
	snprintf(tmp, sizeof tmp, "%.14e", v < 0 ? -v : v);
	for (p = tmp, n = 0; *p && *p != 'e' && n < 15; p++)
		if (*p >= '0' && *p <= '9')
			sig[n++] = *p;
	while (n < 15) /* not reached for finite v; keeps sig defined */
		sig[n++] = '0';
	sig[n] = '\0';
	p = strchr(tmp, 'e');
	exp10 = p ? (int)strtol(p + 1, NULL, 10) : 0;

	/* The result is round(v * 10^decimals): a number whose digits are the
	 * first `keep` significant digits of v, rounded at digit `keep`. */
	keep = exp10 + 1 + decimals;
	if (keep <= 0) {
		n = 0;
		if (keep == 0 && sig[0] >= '5')
			out[n++] = '1';
	} else {
		int round_up = keep < 15 && sig[keep] >= '5';

		for (i = 0; i < keep; i++)
			out[i] = i < 15 ? sig[i] : '0';
		n = keep;
		for (i = n - 1; round_up && i >= 0; i--) {
			if (out[i] == '9') {
				out[i] = '0';
			} else {
				out[i]++;
				round_up = 0;
			}
		}
		if (round_up) {
			memmove(out + 1, out, (size_t)n);
			out[0] = '1';
			n++;
		}
	}
	out[n] = '\0';
	/* at least decimals + 1 digits: pad with leading zeros */
	if (n < decimals + 1) {
		int pad = decimals + 1 - n;

		memmove(out + pad, out, (size_t)n + 1);
		memset(out, '0', (size_t)pad);
		n += pad;
	}
	/* strip leading zeros beyond the one before the decimal point */
	for (i = 0; i < n - decimals - 1 && out[i] == '0'; i++)
		;
	if (i > 0)
		memmove(out, out + i, (size_t)(n - i) + 1);
	zero = 1;
	for (p = out; *p; p++)
		if (*p != '0')
			zero = 0;
	return zero;
}

enum sign_style { SIGN_MINUS, SIGN_PLUS_MINUS };

/* The shared body of fmt_number, fmt_percent and fmt_change. */
static char *format(lang_id l, double v, int decimals, enum sign_style style, const char *suffix,
                    char *buf, size_t size)
{
	char digits[400], out[1024];
	const char *sign = "";
	int zero;

	l = checked(l);
	if (isnan(v) || isinf(v))
		return utf8_copy_trunc(buf, size, EN_DASH);
	if (decimals < 0)
		decimals = 0;
	if (decimals > MAX_DECIMALS)
		decimals = MAX_DECIMALS;
	zero = round_digits(v, decimals, digits);
	if (!zero && v < 0)
		sign = MINUS;
	else if (!zero && style == SIGN_PLUS_MINUS)
		sign = "+";
	compose(l, sign, digits, decimals, suffix, out, sizeof out);
	return utf8_copy_trunc(buf, size, out);
}

char *fmt_int(lang_id l, long v, char *buf, size_t size)
{
	char digits[32], out[96];
	unsigned long mag = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	snprintf(digits, sizeof digits, "%lu", mag);
	compose(checked(l), v < 0 ? MINUS : "", digits, 0, "", out, sizeof out);
	return utf8_copy_trunc(buf, size, out);
}

char *fmt_number(lang_id l, double v, int decimals, char *buf, size_t size)
{
	return format(l, v, decimals, SIGN_MINUS, "", buf, size);
}

char *fmt_percent(lang_id l, double pct, int decimals, char *buf, size_t size)
{
	return format(l, pct, decimals, SIGN_MINUS, numbers[checked(l)].percent, buf, size);
}

char *fmt_change(lang_id l, double v, int decimals, int percent, char *buf, size_t size)
{
	return format(l, v, decimals, SIGN_PLUS_MINUS, percent ? numbers[checked(l)].percent : "",
	              buf, size);
}

/* --------------------------------------------------------------- dates */

static int two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

char *fmt_date(lang_id l, const char *iso, char *buf, size_t size)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	char out[64];
	int year, month, day, i;

	if (!iso)
		return utf8_copy_trunc(buf, size, "");
	for (i = 0; i < 10; i++) {
		int want_dash = i == 4 || i == 7;

		if (iso[i] == '\0' || (want_dash ? iso[i] != '-' : (iso[i] < '0' || iso[i] > '9')))
			return utf8_copy_trunc(buf, size, iso);
	}
	if (iso[10] != '\0')
		return utf8_copy_trunc(buf, size, iso);
	year = two_digits(iso) * 100 + two_digits(iso + 2);
	month = two_digits(iso + 5);
	day = two_digits(iso + 8);
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > mdays[month - 1])
		return utf8_copy_trunc(buf, size, iso);
	if (month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
		return utf8_copy_trunc(buf, size, iso);
	snprintf(out, sizeof out, "%d %s %d", day, months[checked(l)][month - 1], year);
	return utf8_copy_trunc(buf, size, out);
}
