/*
 * generic.c - the "table" and "chart" section types of the report
 * definition.  Rows of a table and categories of a chart are the build's
 * years; each column or series names a value of the year files by a dotted
 * path ("census.employees.women").  Checking and emitting share one walk:
 * with blocks == NULL only the diagnostics are made.
 */
#include "sections/generic.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/json.h"
#include "rapport/plugin.h"

static const char *const KINDS[] = {"bar",  "stacked_bar", "line",  "hbar", "stacked_hbar",
                                    "area", "pie",         "donut", NULL};
#define KIND_PIE   6
#define KIND_DONUT 7

/* State of one check or emit walk. */
typedef struct walk {
	const report *r;
	lang_id lang;
	block_list *blocks; /* NULL: check only */
	diag *d;
	int errors;
	const int *years; /* the years shown, ascending */
	size_t nyears;
	const report_year **files; /* per shown year */
} walk;

static void error_at(walk *w, const jnode *n, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static void error_at(walk *w, const jnode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_pos pos = jnode_pos(n);
	diag_verror(w->d, &pos, fmt, ap);
	va_end(ap);
	w->errors++;
}

static void expected(walk *w, const jnode *n, const char *what)
{
	char found[96];
	error_at(w, n, "expected %s, found %s", what, jnode_describe(n, found, sizeof(found)));
}

/* An optional string member; NULL if absent or wrong (then reported). */
static const char *opt_string(walk *w, const jnode *obj, const char *key, int required)
{
	const jnode *n = jnode_get(obj, key);
	if (!n) {
		if (required) {
			diag_pos pos = jnode_pos(obj);
			diag_error(w->d, &pos, "missing \"%s\": expected a non-empty string", key);
			w->errors++;
		}
		return NULL;
	}
	if (jnode_kind(n) != J_STRING || !*jnode_string(n, "")) {
		expected(w, n, "a non-empty string");
		return NULL;
	}
	return jnode_string(n, NULL);
}

static int opt_bool(walk *w, const jnode *obj, const char *key, int fallback)
{
	const jnode *n = jnode_get(obj, key);
	if (n && jnode_kind(n) != J_BOOL) {
		expected(w, n, "true or false");
		return fallback;
	}
	return jnode_bool(n, fallback);
}

/* The value at a dotted path of a year file's root; NULL if absent. */
static const jnode *lookup(const report_year *y, const char *path)
{
	const jnode *n = jdoc_root(y->doc);
	const char *p = path;
	while (n && *p) {
		const char *dot = strchr(p, '.');
		size_t len = dot ? (size_t)(dot - p) : strlen(p);
		char key[128];
		if (len == 0 || len >= sizeof(key))
			return NULL;
		memcpy(key, p, len);
		key[len] = '\0';
		n = jnode_get(n, key);
		p += len + (dot ? 1 : 0);
	}
	return n;
}

/* Chooses the years shown: the build's years, or those of the option
 * "years" that are in the build.  Returns 0 or -1 after reporting. */
static int pick_years(walk *w, const jnode *sec, int *years, const report_year **files)
{
	const jnode *want = jnode_get(sec, "years");
	if (want && (jnode_kind(want) != J_ARRAY || jnode_length(want) == 0)) {
		expected(w, want, "a non-empty array of years");
		return -1;
	}
	for (size_t i = 0; want && i < jnode_length(want); i++) {
		const jnode *y = jnode_at(want, i);
		int known = 0;
		for (size_t j = 0; j < w->r->nall_years; j++)
			known |= jnode_is_int(y) &&
			         w->r->all_years[j].year == (int)jnode_number(y, 0);
		if (!known) {
			char what[96];
			snprintf(what, sizeof(what), "one of the report's years (%d-%d)",
			         w->r->first, w->r->last);
			expected(w, y, what);
			return -1;
		}
	}
	w->nyears = 0;
	for (size_t j = 0; j < w->r->nyears; j++) {
		int take = !want;
		for (size_t i = 0; want && i < jnode_length(want); i++)
			take |= (int)jnode_number(jnode_at(want, i), 0) == w->r->years[j].year;
		if (take) {
			years[w->nyears] = w->r->years[j].year;
			files[w->nyears++] = &w->r->years[j];
		}
	}
	return 0;
}

/* Checks that a path option names a value in at least one year file, and
 * that every value it names is a number (or, if strings_ok, a string). */
static void check_path(walk *w, const jnode *pathnode, int strings_ok, int everywhere)
{
	if (jnode_kind(pathnode) != J_STRING || !*jnode_string(pathnode, "")) {
		expected(w, pathnode,
		         "a dotted path into the year files, like \"census.companies\"");
		return;
	}
	const char *path = jnode_string(pathnode, "");
	size_t found = 0;
	char missing[512] = "";
	for (size_t i = 0; i < w->nyears; i++) {
		const jnode *v = lookup(w->files[i], path);
		if (!v) {
			size_t at = strlen(missing);
			snprintf(missing + at, sizeof(missing) - at, "%s%s", at ? ", " : "",
			         w->files[i]->path);
			continue;
		}
		found++;
		int k = jnode_kind(v);
		if (k != J_NUMBER && !(strings_ok && k == J_STRING)) {
			char what[160];
			snprintf(what, sizeof(what), "a number for \"%s\" (%s)", path,
			         strings_ok ? "or a string" : "named by a chart series");
			expected(w, v, what);
		}
	}
	if (!found && w->nyears)
		error_at(w, pathnode, "no year file has \"%s\" (is it spelled right?)", path);
	else if (everywhere && found < w->nyears)
		error_at(w, pathnode,
		         "\"%s\" is missing in %s: a chart needs a value every year (choose the "
		         "years with \"years\")",
		         path, missing);
}

static double number_at(const report_year *y, const char *path)
{
	const jnode *v = lookup(y, path);
	return jnode_kind(v) == J_NUMBER ? jnode_number(v, NAN) : NAN;
}

static char *format(walk *w, double v, int decimals, int percent)
{
	char buf[64];
	if (!isfinite(v))
		return arena_strdup(w->blocks->arena, label(w->lang, "none"));
	if (percent)
		fmt_percent(w->lang, v, decimals, buf, sizeof(buf));
	else if (decimals == 0)
		fmt_int(w->lang, lround(v), buf, sizeof(buf));
	else
		fmt_number(w->lang, v, decimals, buf, sizeof(buf));
	return arena_strdup(w->blocks->arena, buf);
}

/* ---------------------------------------------------------------- table */

static void table_section(walk *w, const jnode *sec)
{
	const char *caption = opt_string(w, sec, "caption", 1);
	const jnode *cols = jnode_get(sec, "columns");
	int total = opt_bool(w, sec, "total", 0);
	int zebra = opt_bool(w, sec, "zebra", 1);
	if (jnode_kind(cols) != J_ARRAY || jnode_length(cols) == 0) {
		if (!cols) {
			diag_pos pos = jnode_pos(sec);
			diag_error(w->d, &pos, "missing \"columns\": expected an array of columns");
			w->errors++;
		} else {
			expected(w, cols, "a non-empty array of columns");
		}
		return;
	}
	size_t nc = jnode_length(cols);
	for (size_t c = 0; c < nc; c++) {
		const jnode *col = jnode_at(cols, c);
		if (jnode_kind(col) != J_OBJECT) {
			expected(w, col, "a column: {\"header\": ..., \"path\": ...}");
			continue;
		}
		opt_string(w, col, "header", 1);
		opt_string(w, col, "group", 0);
		const jnode *path = jnode_get(col, "path"), *val = jnode_get(col, "value");
		if (!!path == !!val) {
			error_at(w, col,
			         "a column needs either \"path\" (a value of the year files) "
			         "or \"value\": \"year\"");
			continue;
		}
		if (val && strcmp(jnode_string(val, ""), "year") != 0)
			expected(w, val, "\"year\"");
		if (path)
			check_path(w, path, 1, 0);
		const jnode *dec = jnode_get(col, "decimals");
		if (dec &&
		    (!jnode_is_int(dec) || jnode_number(dec, 0) < 0 || jnode_number(dec, 0) > 3))
			expected(w, dec, "a whole number from 0 to 3");
		const jnode *of = jnode_get(col, "percent_of");
		if (of && !path)
			error_at(w, of, "\"percent_of\" needs a \"path\" in the same column");
		else if (of)
			check_path(w, of, 0, 0);
	}
	if (w->errors || !w->blocks)
		return;

	const char **header = calloc(nc, sizeof(char *)), **groups = calloc(nc, sizeof(char *));
	const char **cells = calloc(nc, sizeof(char *));
	int *align = calloc(nc, sizeof(int));
	double *sum = calloc(2 * nc, sizeof(double)); /* per column: values, bases */
	size_t *summed = calloc(nc, sizeof(size_t));  /* numbers in the sums */
	int any_group = 0;
	for (size_t c = 0; c < nc; c++) {
		const jnode *col = jnode_at(cols, c);
		header[c] = jnode_string(jnode_get(col, "header"), "");
		groups[c] = jnode_string(jnode_get(col, "group"), "");
		any_group |= *groups[c] != '\0';
		align[c] = jnode_get(col, "value") ? RAPPORT_ALIGN_LEFT : RAPPORT_ALIGN_DECIMAL;
	}
	block_table *t = blocks_table(w->blocks, caption, nc, header, align);
	t->zebra = zebra;
	if (any_group)
		table_set_groups(w->blocks, t, groups);
	for (size_t y = 0; y < w->nyears; y++) {
		for (size_t c = 0; c < nc; c++) {
			const jnode *col = jnode_at(cols, c);
			const char *path = jnode_string(jnode_get(col, "path"), NULL);
			const char *of = jnode_string(jnode_get(col, "percent_of"), NULL);
			int dec = (int)jnode_number(jnode_get(col, "decimals"), of ? 1 : 0);
			if (!path) {
				cells[c] = arena_printf(w->blocks->arena, "%d", w->years[y]);
				continue;
			}
			const jnode *v = lookup(w->files[y], path);
			if (jnode_kind(v) == J_STRING) {
				cells[c] = jnode_string(v, "");
				continue;
			}
			double x = number_at(w->files[y], path);
			if (of) {
				double base = number_at(w->files[y], of);
				if (isfinite(x) && isfinite(base)) {
					sum[2 * c] += x;
					sum[2 * c + 1] += base;
					summed[c]++;
				}
				cells[c] = format(w, base != 0 ? 100 * x / base : NAN, dec, 1);
			} else {
				if (isfinite(x)) {
					sum[2 * c] += x;
					summed[c]++;
				}
				cells[c] = format(w, x, dec, 0);
			}
		}
		table_add_row(w->blocks, t, cells, 0);
	}
	if (total) {
		/* "Totalt" in the first year column; sums of the columns that
		 * hold numbers; shares as the share of the sums */
		int labelled = 0;
		for (size_t c = 0; c < nc; c++) {
			const jnode *col = jnode_at(cols, c);
			const char *of = jnode_string(jnode_get(col, "percent_of"), NULL);
			int dec = (int)jnode_number(jnode_get(col, "decimals"), of ? 1 : 0);
			if (!jnode_get(col, "path")) {
				cells[c] = labelled ? "" : label(w->lang, "total");
				labelled = 1;
			} else if (!summed[c])
				cells[c] = "";
			else if (of)
				cells[c] = format(w,
				                  sum[2 * c + 1] != 0
				                          ? 100 * sum[2 * c] / sum[2 * c + 1]
				                          : NAN,
				                  dec, 1);
			else
				cells[c] = format(w, sum[2 * c], dec, 0);
		}
		table_add_row(w->blocks, t, cells, 1u);
	}
	free(header);
	free(groups);
	free(cells);
	free(align);
	free(sum);
	free(summed);
}

/* ---------------------------------------------------------------- chart */

static void chart_section(walk *w, const jnode *sec)
{
	const char *caption = opt_string(w, sec, "caption", 1);
	const char *kind_s = opt_string(w, sec, "kind", 1);
	int kind = -1;
	for (int i = 0; kind_s && KINDS[i]; i++)
		if (strcmp(KINDS[i], kind_s) == 0)
			kind = i;
	if (kind_s && kind < 0)
		expected(w, jnode_get(sec, "kind"),
		         "a chart kind: bar, stacked_bar, line, hbar, stacked_hbar, area, pie or "
		         "donut");
	opt_string(w, sec, "x_title", 0);
	opt_string(w, sec, "y_title", 0);
	opt_string(w, sec, "alt", 0);
	int round = kind == KIND_PIE || kind == KIND_DONUT;

	/* a pie shows one year: "year", or the last year shown */
	const report_year *pie_year = w->nyears ? w->files[w->nyears - 1] : NULL;
	const jnode *yn = jnode_get(sec, "year");
	if (yn && !round)
		error_at(w, yn, "\"year\" is for pie and donut charts; a %s chart shows \"years\"",
		         kind_s ? kind_s : "");
	else if (yn) {
		pie_year = NULL;
		for (size_t i = 0; i < w->nyears; i++)
			if (jnode_is_int(yn) && w->years[i] == (int)jnode_number(yn, 0))
				pie_year = w->files[i];
		if (!pie_year && w->r->single_year)
			error_at(w, yn,
			         "%d is not the year of this build (%d); mark the section "
			         "\"whole_period\": true to leave it out of single-year reports",
			         (int)jnode_number(yn, 0), w->r->single_year);
		else if (!pie_year)
			expected(w, yn, "one of the years of the report");
	}

	const jnode *series = jnode_get(sec, "series");
	if (jnode_kind(series) != J_ARRAY || jnode_length(series) == 0) {
		if (!series) {
			diag_pos pos = jnode_pos(sec);
			diag_error(w->d, &pos, "missing \"series\": expected an array of series");
			w->errors++;
		} else {
			expected(w, series, "a non-empty array of series");
		}
		return;
	}
	size_t ns = jnode_length(series);
	for (size_t s = 0; s < ns; s++) {
		const jnode *sn = jnode_at(series, s);
		if (jnode_kind(sn) != J_OBJECT) {
			expected(w, sn, "a series: {\"name\": ..., \"path\": ...}");
			continue;
		}
		opt_string(w, sn, "name", 1);
		const jnode *path = jnode_get(sn, "path");
		if (!path) {
			error_at(w, sn,
			         "missing \"path\": expected a dotted path into the year files");
			continue;
		}
		if (round && pie_year) {
			walk one = *w;
			one.nyears = 1;
			one.files = &pie_year;
			check_path(&one, path, 0, 1);
			w->errors = one.errors;
		} else {
			check_path(w, path, 0, 1);
		}
	}
	if (w->errors || !w->blocks || !w->nyears)
		return;

	arena *a = w->blocks->arena;
	block *k = blocks_add(w->blocks, BLOCK_CHART);
	block_chart *c = k->chart = arena_alloc(a, sizeof(*c));
	c->kind = kind;
	c->caption = arena_strdup(a, caption);
	c->alt = arena_strdup(a, opt_string(w, sec, "alt", 0) ? opt_string(w, sec, "alt", 0)
	                                                      : caption);
	c->x_title = arena_strdup(a, opt_string(w, sec, "x_title", 0));
	c->y_title = arena_strdup(a, opt_string(w, sec, "y_title", 0));
	if (round) {
		/* the series become the slices of one year */
		c->ncat = ns;
		c->nseries = 1;
		c->categories = arena_alloc(a, ns * sizeof(char *));
		c->series_names = arena_alloc(a, sizeof(char *));
		c->series_names[0] = arena_printf(a, "%d", pie_year->year);
		c->values = arena_alloc(a, ns * sizeof(double));
		for (size_t s = 0; s < ns; s++) {
			const jnode *sn = jnode_at(series, s);
			c->categories[s] = arena_strdup(a, jnode_string(jnode_get(sn, "name"), ""));
			c->values[s] = number_at(pie_year, jnode_string(jnode_get(sn, "path"), ""));
		}
		return;
	}
	c->ncat = w->nyears;
	c->nseries = ns;
	c->categories = arena_alloc(a, w->nyears * sizeof(char *));
	for (size_t y = 0; y < w->nyears; y++)
		c->categories[y] = arena_printf(a, "%d", w->years[y]);
	c->series_names = arena_alloc(a, ns * sizeof(char *));
	c->values = arena_alloc(a, ns * w->nyears * sizeof(double));
	for (size_t s = 0; s < ns; s++) {
		const jnode *sn = jnode_at(series, s);
		c->series_names[s] = arena_strdup(a, jnode_string(jnode_get(sn, "name"), ""));
		for (size_t y = 0; y < w->nyears; y++)
			c->values[s * w->nyears + y] =
			        number_at(w->files[y], jnode_string(jnode_get(sn, "path"), ""));
	}
}

int generic_section(const report *r, const report_section *s, lang_id lang, block_list *blocks,
                    diag *d)
{
	walk w = {0};
	w.r = r;
	w.lang = lang;
	w.blocks = blocks;
	w.d = d;
	int *years = calloc(r->nyears + 1, sizeof(int));
	const report_year **files = calloc(r->nyears + 1, sizeof(*files));
	w.years = years;
	w.files = files;
	int table = strcmp(s->type, "table") == 0;
	if (pick_years(&w, s->node, years, files) == 0) {
		if (table)
			table_section(&w, s->node);
		else
			chart_section(&w, s->node);
	}
	free(years);
	free(files);
	return w.errors;
}
