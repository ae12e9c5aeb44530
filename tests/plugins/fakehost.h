/*
 * fakehost.h - a fake rapport host for testing section plugins alone.
 *
 * The fake host implements every member of rapport_host over cJSON.  A test
 * includes the plugin's .c file (collectd style), hands its entry point to
 * fh_register(), loads a report definition and year files (from disk or from
 * JSON strings), picks the years of the build and runs a section type:
 * validate(), then emit() when validation passed.  Everything the plugin emits
 * is recorded as a list of blocks the test can assert on, and as a flat text
 * dump for failure messages.
 *
 * Numbers are formatted the way the real host does: sv "1 257" (U+00A0 as
 * thousands separator), "48,5 %" (U+00A0 before %), true minus U+2212; en
 * "1,257", "48.5%".
 *
 * The fake host also checks the plugin's side of the contract and records
 * each breach as a "violation": blocks emitted during validate(), rows outside
 * a table, unbalanced lists, heading levels outside 1..2, unbalanced bold or
 * italic markup, invalid UTF-8, empty lists or tables, non-finite chart values,
 * a failing callback that reported no error.  Tests should assert
 * fh_violation_count() == 0.
 */
#ifndef FAKEHOST_H
#define FAKEHOST_H

#include <stddef.h>

#include <rapport/plugin.h>

typedef struct fakehost fakehost;

/* Kinds of recorded blocks. */
enum fh_kind {
	FH_HEADING = 1,
	FH_PARAGRAPH,
	FH_LIST_BEGIN,
	FH_LIST_ITEM,
	FH_LIST_END,
	FH_TABLE,
	FH_CHART
};

/* One emitted block.  Strings are copies owned by the fake host. */
typedef struct fh_block {
	int kind;    /* enum fh_kind */
	int level;   /* heading level; list depth (1 = outermost) for list blocks */
	int ordered; /* FH_LIST_BEGIN: numbered list */
	char *text;  /* heading text, paragraph or item markup, table or chart caption */

	/* FH_TABLE */
	size_t ncols, nrows;
	char **header;       /* ncols */
	int *align;          /* ncols, or NULL when the plugin passed NULL */
	char **cells;        /* nrows * ncols, row by row */
	unsigned *row_flags; /* nrows */

	/* FH_CHART */
	int chart_kind; /* enum rapport_chart_kind */
	char *alt, *x_title, *y_title;
	size_t ncat, nseries;
	char **categories;   /* ncat */
	char **series_names; /* nseries */
	double *values;      /* nseries * ncat, series by series */
} fh_block;

/* --- setting up --------------------------------------------------------- */

fakehost *fh_new(void);
void fh_free(fakehost *fh);

/* Calls a plugin's entry point; the section types it registers become
 * runnable by name.  Returns what the entry point returned. */
int fh_register(fakehost *fh, rapport_entry_fn entry);

/* Loads a report definition and every year file it lists (paths relative to
 * the definition).  Returns 0, or -1 (with a message in fh_last_load_error). */
int fh_load_report(fakehost *fh, const char *path);
/* Loads the report definition `name` from the project's data/ directory:
 * $top_srcdir/data (top_srcdir defaults to ABS_TOP_SRCDIR when compiled
 * with it, else "../.."). */
int fh_load_data_report(fakehost *fh, const char *name);
/* Path of a file in the project's data/ directory, in a static buffer. */
const char *fh_data_path(const char *name);
/* A report definition given as JSON text; its "years" list is ignored. */
int fh_set_report_json(fakehost *fh, const char *json);
/* A year file given as JSON text; the year is its "year" member. */
int fh_add_year_json(fakehost *fh, const char *json);
/* The section object the plugin sees as host->section().  Without it, the
 * first section of the definition with the type's name is used, else
 * {"type": name, "title": name}. */
int fh_set_section_json(fakehost *fh, const char *json);
const char *fh_last_load_error(const fakehost *fh);

/* "sv" (default) or "en". */
void fh_set_lang(fakehost *fh, const char *lang);
/* Builds only the loaded years first..last (default: all loaded years).
 * whole_period() is 1 when the selection covers period.first..period.last
 * of the definition. */
void fh_select_years(fakehost *fh, int first, int last);

/* --- running ------------------------------------------------------------ */

/* Runs section type `name`: validate(), then emit() if validation passed.
 * Clears the blocks, errors and warnings of any earlier run.  Returns
 * RAPPORT_OK or RAPPORT_FAIL (also when the type is unknown). */
int fh_run(fakehost *fh, const char *name);

/* --- what happened ------------------------------------------------------ */

size_t fh_block_count(const fakehost *fh);
const fh_block *fh_block_at(const fakehost *fh, size_t i);
size_t fh_error_count(const fakehost *fh);
const char *fh_error_at(const fakehost *fh, size_t i); /* "file: path: message" */
size_t fh_warning_count(const fakehost *fh);
const char *fh_warning_at(const fakehost *fh, size_t i);
size_t fh_violation_count(const fakehost *fh);
const char *fh_violation_at(const fakehost *fh, size_t i);
/* Label keys the plugin asked for that its label table lacks. */
size_t fh_missing_label_count(const fakehost *fh);
const char *fh_missing_label_at(const fakehost *fh, size_t i);
/* Everything emitted, one line per block, table row or chart series. */
const char *fh_dump(fakehost *fh);
/* Is `needle` anywhere in the dump? */
int fh_dump_contains(fakehost *fh, const char *needle);
/* Does any error message contain `needle`? */
int fh_error_contains(const fakehost *fh, const char *needle);
/* 1 when the last run recorded no error, violation or missing label. */
int fh_clean(const fakehost *fh);

/* --- finding things ----------------------------------------------------- */

/* The first block after `after` (NULL: from the start) of `kind` whose text
 * contains `needle` (NULL: any text); NULL if none. */
const fh_block *fh_find(const fakehost *fh, const fh_block *after, int kind, const char *needle);
/* How many blocks of `kind` contain `needle` (NULL: all of that kind). */
size_t fh_count(const fakehost *fh, int kind, const char *needle);
/* The first chart of chart kind `chart_kind` (enum rapport_chart_kind). */
const fh_block *fh_find_chart(const fakehost *fh, int chart_kind);
/* Cell (row, col) of a table; NULL when out of range. */
const char *fh_cell(const fh_block *table, size_t row, size_t col);
/* The cell in the first row whose first cell equals `row_key`, in the first
 * column whose header equals `col_header`; NULL if none. */
const char *fh_lookup(const fh_block *table, const char *row_key, const char *col_header);
/* Index of the first row whose first cell equals `row_key`, or -1. */
long fh_row_index(const fh_block *table, const char *row_key);
/* Value of series `series` at category `category` of a chart; NAN if none. */
double fh_chart_value(const fh_block *chart, const char *series, const char *category);

/* --- helpers for cmocka tests (expanded only where cmocka is included) --- */

/* Runs section type `name` and fails the test, printing the dump, unless it
 * succeeded cleanly. */
#define FH_RUN_OK(fh, name)                                                                        \
	do {                                                                                       \
		if (fh_run((fh), (name)) != RAPPORT_OK || !fh_clean(fh))                           \
			fail_msg("run of %s not clean:\n%s", (name), fh_dump(fh));                 \
	} while (0)

/* Asserts that a string (possibly NULL) equals `expected`. */
#define FH_ASSERT_STR(actual, expected)                                                            \
	do {                                                                                       \
		const char *fh_a_ = (actual);                                                      \
		if (fh_a_ == NULL)                                                                 \
			fail_msg("%s is NULL, expected \"%s\"", #actual, (expected));              \
		assert_string_equal(fh_a_, (expected));                                            \
	} while (0)

/* Asserts that the dump of the last run contains `needle`. */
#define FH_ASSERT_CONTAINS(fh, needle)                                                             \
	do {                                                                                       \
		if (!fh_dump_contains((fh), (needle)))                                             \
			fail_msg("\"%s\" not found in:\n%s", (needle), fh_dump(fh));               \
	} while (0)

/* Asserts that the dump of the last run does not contain `needle`. */
#define FH_ASSERT_LACKS(fh, needle)                                                                \
	do {                                                                                       \
		if (fh_dump_contains((fh), (needle)))                                              \
			fail_msg("\"%s\" unexpectedly found in:\n%s", (needle), fh_dump(fh));      \
	} while (0)

#endif
