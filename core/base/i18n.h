/*
 * i18n.h - numbers, dates and fixed labels in the report's language.
 *
 * Nothing here reads the C locale or the environment: the language is chosen
 * once (lang_from_string) and passed in, so output does not depend on LANG or
 * LC_NUMERIC.  All text is UTF-8.
 *
 * Conventions
 *   sv  1 257   −18   48,5   48,5 %   11 februari 2021
 *   en  1,257   −18   48.5   48.5%    11 February 2021
 * The Swedish thousands separator and the space before % are U+00A0 (no-break
 * space, "\xc2\xa0"); the minus is U+2212 ("\xe2\x88\x92") in both languages.
 *
 * The fmt_* functions write into buf (size bytes) and return buf.  The result
 * is always NUL-terminated; if it does not fit, it is cut at a UTF-8
 * character boundary.  A buffer of 64 bytes holds any number below 10^15
 * with up to 6 decimals.
 */
#ifndef RAPPORT_I18N_H
#define RAPPORT_I18N_H

#include <stddef.h>

typedef enum { LANG_SV = 0, LANG_EN } lang_id;

/* Number of languages; a lang_id is in [0, LANG_COUNT). */
#define LANG_COUNT (LANG_EN + 1)

/* "sv" → LANG_SV, "en" → LANG_EN (exact, lower case): stores it in *out
 * (if out is not NULL) and returns 0.  Anything else (NULL included): -1,
 * *out untouched. */
int lang_from_string(const char *s, lang_id *out);
/* "sv", "en".  An out-of-range l is treated as LANG_SV, here and below. */
const char *lang_code(lang_id l);
/* "sv-SE", "en-GB": for the PDF's /Lang. */
const char *lang_bcp47(lang_id l);

/* A whole number with thousands grouped: "1 257", "−18", "0"; en "1,257".
 * Every number of digits is grouped, four included ("1 257"). */
char *fmt_int(lang_id l, long v, char *buf, size_t size);

/* v with exactly `decimals` decimals (clamped to 0..20), grouped like
 * fmt_int: "48,5", "1 257,0"; en "48.5".  Rounds half away from zero on
 * the decimal value as written (2.675 → "2,68", −0.5 → "−1" with 0
 * decimals): v is first taken to 15 significant digits, which undoes binary
 * representation error.  A result that rounds to zero has no sign ("0,0"
 * for −0.04).  NaN and infinities give "–" (U+2013). */
char *fmt_number(lang_id l, double v, int decimals, char *buf, size_t size);

/* A percentage (pct is already 0..100, not a share): "48,5 %" (U+00A0
 * before %), en "48.5%".  Rounding as fmt_number. */
char *fmt_percent(lang_id l, double pct, int decimals, char *buf, size_t size);

/* A signed change: "+12", "−18", "+3,5 %", en "+3.5%".  When the value
 * rounds to zero there is no sign: "0", "0,0 %".  percent != 0 adds the
 * percent sign as fmt_percent does. */
char *fmt_change(lang_id l, double v, int decimals, int percent, char *buf, size_t size);

/* An ISO date "YYYY-MM-DD" written out: "11 februari 2021", "11 February
 * 2021" (day without a leading zero).  Anything else, an impossible date
 * such as 2021-02-30 included, is copied as it is; NULL gives "". */
char *fmt_date(lang_id l, const char *iso, char *buf, size_t size);

/* The core's fixed label `key` in language l: "contents" →
 * "Innehållsförteckning" / "Contents".  An unknown key returns the key
 * itself, NULL returns "".  The returned string is static.  The keys are
 * listed in locale.c. */
const char *label(lang_id l, const char *key);

#endif
