/*
 * report.h - the report definition and its year files.
 *
 * report_load reads the definition, checks its own fields (title page,
 * period, years, sections) and loads each year file named in "years",
 * checking "format" and "year" (a whole number inside the period, no year
 * twice).  Section content is checked later, by the section's type.
 */
#ifndef RAPPORT_REPORT_H
#define RAPPORT_REPORT_H

#include <stddef.h>

#include "base/diag.h"
#include "data/json.h"

typedef struct report_year {
	int year;
	char *path;
	jdoc *doc;
} report_year;

typedef struct report_section {
	const jnode *node;
	const char *type;
	const char *title;
	int level;        /* 1 or 2 */
	int whole_period; /* left out of single-year reports */
} report_section;

typedef struct report {
	char *path;
	jdoc *def;
	report_year *years; /* ascending; only the selected year for --year */
	size_t nyears;
	report_year *all_years;
	size_t nall_years;
	report_section *sections;
	size_t nsections;
	int first, last;  /* the period */
	int single_year;  /* 0, or the year of a single-year report */
	const char *organisation, *title, *subtitle, *date, *period_label, *kind;
	const char *lang; /* the language of the data's text: "sv" (default) or "en" */
} report;

/* Loads the report at path.  only_year: 0 for the whole period, else that
 * year (which must be one of the years).  Returns 0, or -1 with every problem
 * found reported to d. */
int report_load(report *r, const char *path, int only_year, diag *d);
void report_free(report *r);
/* Frees the year files' documents (the definition stays): once the plugins
 * have emitted their blocks (which copy what they show), nothing points
 * into them; a long period's data is a fifth of the peak memory. */
void report_free_years(report *r);

#endif
