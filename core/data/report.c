#include "data/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/file.h"
#include "data/report_schema.h"
#include "data/schema.h"

/* Reports "expected WHAT, found ..." at node n (or at its parent obj when the
 * member is missing). */
static void expected(diag *d, const jnode *obj, const char *key, const jnode *n, const char *what)
{
	char found[96];
	if (!n) {
		/* at the object, with the member's path (as the schema reports) */
		diag_pos pos = jnode_pos(obj);
		char path[512];
		snprintf(path, sizeof(path), "%s%s%s", pos.path ? pos.path : "",
		         pos.path && *pos.path ? "." : "", key);
		pos.path = path;
		diag_error(d, &pos, "missing: expected %s", what);
		return;
	}
	diag_pos pos = jnode_pos(n);
	diag_error(d, &pos, "expected %s, found %s", what, jnode_describe(n, found, sizeof(found)));
}

/* Member key of obj if it is a non-empty string (checked by the schema). */
static const char *str(const jnode *obj, const char *key)
{
	const char *s = jnode_string(jnode_get(obj, key), NULL);
	return s && *s ? s : NULL;
}

/* A required whole number in [min, max]; fallback after reporting. */
static int need_int(diag *d, const jnode *obj, const char *key, int min, int max, int fallback)
{
	const jnode *n = jnode_get(obj, key);
	double v = jnode_number(n, 0);
	if (!jnode_is_int(n) || v < min || v > max) {
		char what[80];
		snprintf(what, sizeof(what), "a whole number from %d to %d", min, max);
		expected(d, obj, key, n, what);
		return fallback;
	}
	return (int)v;
}

static int is_iso_date(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	int month = (s[5] - '0') * 10 + (s[6] - '0');
	int day = (s[8] - '0') * 10 + (s[9] - '0');
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static int by_year(const void *a, const void *b)
{
	const report_year *x = a, *y = b;
	return (x->year > y->year) - (x->year < y->year);
}

static void load_years(report *r, const jnode *root, diag *d)
{
	const jnode *years = jnode_get(root, "years");
	if (jnode_kind(years) != J_ARRAY || jnode_length(years) == 0)
		return; /* reported by the schema */
	/* year files are named relative to the definition's directory */
	char *dir = path_base(r->path) == r->path ? NULL : path_dir(r->path);
	size_t n = jnode_length(years);
	r->all_years = xcalloc(n, sizeof(*r->all_years));
	for (size_t i = 0; i < n; i++) {
		const jnode *y = jnode_at(years, i);
		if (jnode_kind(y) != J_STRING || !*jnode_string(y, ""))
			continue; /* reported by the schema */
		const char *name = jnode_string(y, "");
		char *path;
		if (name[0] == '/' || !dir)
			path = xstrdup(name);
		else
			path = path_join(dir, name);
		jdoc *doc = jdoc_load_file(path, d);
		if (!doc) {
			free(path);
			continue;
		}
		const jnode *yr = jdoc_root(doc);
		if (jnode_kind(yr) != J_OBJECT) {
			expected(d, yr, "", yr, "an object with the year's data");
			jdoc_free(doc);
			free(path);
			continue;
		}
		const jnode *format = jnode_get(yr, "format");
		if (!jnode_is_int(format) || jnode_number(format, 0) != 1)
			expected(d, yr, "format", format, "1 (the only format this rapport reads)");
		int year = need_int(d, yr, "year", r->first, r->last, 0);
		for (size_t k = 0; year && k < r->nall_years; k++) {
			if (r->all_years[k].year == year) {
				diag_pos pos = jnode_pos(jnode_get(yr, "year"));
				diag_error(d, &pos, "year %d appears twice (also in %s)", year,
				           r->all_years[k].path);
				year = 0;
			}
		}
		report_year *ry = &r->all_years[r->nall_years++];
		ry->year = year;
		ry->path = path;
		ry->doc = doc;
	}
	free(dir);
	qsort(r->all_years, r->nall_years, sizeof(*r->all_years), by_year);
}

/* Reads the sections' common members; their problems are reported when
 * they are checked against their types (report_check_section). */
static void load_sections(report *r, const jnode *root, diag *d)
{
	const jnode *secs = jnode_get(root, "sections");
	size_t n = jnode_kind(secs) == J_ARRAY ? jnode_length(secs) : 0;
	r->sections = xcalloc(n + 1, sizeof(*r->sections));
	for (size_t i = 0; i < n; i++) {
		const jnode *s = jnode_at(secs, i);
		if (jnode_kind(s) != J_OBJECT)
			continue; /* reported by the schema */
		report_section *rs = &r->sections[r->nsections++];
		rs->node = s;
		rs->type = str(s, "type");
		rs->title = str(s, "title");
		const jnode *level = jnode_get(s, "level");
		rs->level = jnode_is_int(level) && jnode_number(level, 1) == 2 ? 2 : 1;
		rs->whole_period = jnode_bool(jnode_get(s, "whole_period"), 0);
	}
	const jnode *level = jnode_get(r->nsections ? r->sections[0].node : NULL, "level");
	if (jnode_is_int(level) && jnode_number(level, 1) == 2) { /* other values: the schema */
		diag_pos pos = jnode_pos(level);
		diag_error(d, &pos, "the first section must be of level 1");
	}
}

int report_load(report *r, const char *path, int only_year, diag *d)
{
	memset(r, 0, sizeof(*r));
	int errors = d->errors;
	r->path = xstrdup(path);
	r->def = jdoc_load_file(path, d);
	if (!r->def)
		return -1;
	const jnode *root = jdoc_root(r->def);
	if (jnode_kind(root) != J_OBJECT) {
		expected(d, root, "", root, "an object (the report definition)");
		return -1;
	}
	schema_check(root, report_definition_fields, d, NULL);
	const jnode *format = jnode_get(root, "format");
	if (jnode_is_int(format) && jnode_number(format, 1) != 1)
		expected(d, root, "format", format, "1 (the only format this rapport reads)");
	r->kind = str(root, "kind");
	r->organisation = str(root, "organisation");
	r->title = str(root, "title");
	r->lang = str(root, "lang");
	if (!r->lang)
		r->lang = "sv";
	r->subtitle = str(root, "subtitle");
	r->date = str(root, "date");
	if (r->date && !is_iso_date(r->date))
		expected(d, root, "date", jnode_get(root, "date"), "a date YYYY-MM-DD");
	const jnode *period = jnode_get(root, "period");
	const jnode *first = jnode_get(period, "first"), *last = jnode_get(period, "last");
	r->first = 1900;
	r->last = 2200;
	if (jnode_is_int(first) && jnode_is_int(last)) {
		int f = (int)jnode_number(first, 0), l = (int)jnode_number(last, 0);
		if (l < f) {
			char what[64];
			snprintf(what, sizeof(what), "a year from %d (period.first) on", f);
			expected(d, period, "last", last, what);
		} else if (f >= 1900 && l <= 2200) {
			r->first = f;
			r->last = l;
		}
	}
	r->period_label = str(period, "label");
	load_years(r, root, d);
	load_sections(r, root, d);

	if (only_year) {
		r->single_year = only_year;
		for (size_t i = 0; i < r->nall_years; i++)
			if (r->all_years[i].year == only_year) {
				r->years = &r->all_years[i];
				r->nyears = 1;
			}
		if (!r->nyears) {
			char list[256] = "";
			for (size_t i = 0; i < r->nall_years; i++) {
				size_t at = strlen(list);
				snprintf(list + at, sizeof(list) - at, "%s%d", i ? ", " : "",
				         r->all_years[i].year);
			}
			diag_error(d, NULL, "%s has no data for the year %d (it has %s)", path,
			           only_year, list);
		}
	} else {
		r->years = r->all_years;
		r->nyears = r->nall_years;
	}
	return d->errors > errors ? -1 : 0;
}

void report_free_years(report *r)
{
	for (size_t i = 0; i < r->nall_years; i++) {
		jdoc_free(r->all_years[i].doc);
		r->all_years[i].doc = NULL;
	}
}

void report_free(report *r)
{
	for (size_t i = 0; i < r->nall_years; i++) {
		free(r->all_years[i].path);
		jdoc_free(r->all_years[i].doc);
	}
	free(r->all_years);
	free(r->sections);
	jdoc_free(r->def);
	free(r->path);
	memset(r, 0, sizeof(*r));
}
