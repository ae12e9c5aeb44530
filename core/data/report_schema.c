/*
 * report_schema.c - the core's declared fields (report_schema.h).
 */
#include "data/report_schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "data/schema.h"

/* type, required, min, max of the common kinds of field */
#define TEXT(req)  RAPPORT_T_STRING, req, 1, 1e9 /* a non-empty string */
#define COUNT(req) RAPPORT_T_INT, req, 0, SCHEMA_COUNT_MAX
#define YEAR(req)  RAPPORT_T_INT, req, 1900, 2200

static const char *const kinds[] = {"slutrapport", "arsrapport", NULL};
static const char *const langs[] = {"sv", "en", NULL};
static const char *const assessments[] = {"uppfyllt", "delvis", "ej", "ej-bedomt", NULL};
static const char *const results[] = {"arbete", "arbetsformedlingen", "ater", "forlangning", NULL};
static const char *const genders[] = {"kvinna", "man", NULL};

static const rapport_field author_fields[] = {
        {"name", TEXT(1), NULL, 0, NULL, "the author's name"},
        {"role", TEXT(0), NULL, 0, NULL, "the author's role, under the name"},
        {.key = NULL},
};
static const rapport_field period_fields[] = {
        {"first", YEAR(1), NULL, 0, NULL, "the first year of the period"},
        {"last", YEAR(1), NULL, 0, NULL, "the last year of the period"},
        {"label", TEXT(0), NULL, 0, NULL, "the period as printed, e.g. 2016–2020"},
        {.key = NULL},
};
static const rapport_field objective_fields[] = {
        {"id", TEXT(1), NULL, 0, NULL, "what milestones name in their objectives"},
        {"text", TEXT(1), NULL, 0, NULL, "the objective"},
        {"assessment", RAPPORT_T_STRING, 1, 0, 0, NULL, 0, assessments, "how far it was met"},
        {"comment", TEXT(0), NULL, 0, NULL, "a comment on the assessment"},
        {.key = NULL},
};
static const rapport_field outcome_fields[] = {
        {"result", RAPPORT_T_STRING, 1, 0, 0, NULL, 0, results, "what followed the placement"},
        {"count", COUNT(0), NULL, 0, NULL, "how many"},
        {"gender", RAPPORT_T_STRING, 0, 0, 0, NULL, 0, genders, "kvinna or man"},
        {"municipality", TEXT(0), NULL, 0, NULL, "the granting municipality"},
        {.key = NULL},
};
static const rapport_field stated_outreach_fields[] = {
        {"reached", RAPPORT_T_INT, 1, 0, SCHEMA_COUNT_MAX, NULL, 0, NULL, "people reached"},
        {"note", TEXT(0), NULL, 0, NULL, "where the figure comes from"},
        {.key = NULL},
};
static const rapport_field stated_placements_fields[] = {
        {"first", RAPPORT_T_INT, 1, 1900, 2200, NULL, 0, NULL, "first year summarised"},
        {"last", RAPPORT_T_INT, 1, 1900, 2200, NULL, 0, NULL, "last year summarised"},
        {"granted", COUNT(0), NULL, 0, NULL, "places granted"},
        {"used", COUNT(0), NULL, 0, NULL, "places used"},
        {"unique_individuals", COUNT(0), NULL, 0, NULL, "different people placed"},
        {"months_per_placement", COUNT(0), NULL, 0, NULL, "length of a placement"},
        {"outcomes", RAPPORT_T_ARRAY, 0, 0, 0, outcome_fields, 0, NULL, "outcomes stated"},
        {.key = NULL},
};
static const rapport_field stated_fields[] = {
        {"outreach", RAPPORT_T_OBJECT, 0, 0, 0, stated_outreach_fields, 0, NULL, NULL},
        {"placements", RAPPORT_T_OBJECT, 0, 0, 0, stated_placements_fields, 0, NULL, NULL},
        {.key = NULL},
};

const rapport_field report_definition_fields[] = {
        {"format", RAPPORT_T_INT, 1, 0, 0, NULL, 0, NULL, "the format version: 1"},
        {"kind", RAPPORT_T_STRING, 1, 0, 0, NULL, 0, kinds, "the kind of report"},
        {"organisation", TEXT(1), NULL, 0, NULL, "who reports"},
        {"title", TEXT(1), NULL, 0, NULL, "the report's title"},
        {"subtitle", RAPPORT_T_STRING, 0, 1, 1e9, NULL, 0, NULL, "under the title"},
        {"date", TEXT(1), NULL, 0, NULL, "the date of the report, YYYY-MM-DD"},
        {"authors", RAPPORT_T_ARRAY, 1, 1, 1e9, author_fields, 0, NULL, "on the title page"},
        {"period", RAPPORT_T_OBJECT, 1, 0, 0, period_fields, 0, NULL, "the years reported on"},
        {"years", RAPPORT_T_ARRAY, 1, 1, 1e9, NULL, RAPPORT_T_STRING, NULL, "year file names"},
        {"objectives", RAPPORT_T_ARRAY, 0, 0, 0, objective_fields, 0, NULL, "the objectives"},
        {"stated", RAPPORT_T_OBJECT, 0, 0, 0, stated_fields, 0, NULL, "totals stated elsewhere"},
        {"sections", RAPPORT_T_ARRAY, 1, 1, 1e9, NULL, RAPPORT_T_OBJECT, NULL, "the chapters"},
        {"logo", TEXT(0), NULL, 0, NULL, "a PNG or JPEG file for the title page"},
        {"lang", RAPPORT_T_STRING, 0, 0, 0, NULL, 0, langs,
         "the language of the data's text (default sv)"},
        {"chart_data_appendix", RAPPORT_T_BOOL, 0, 0, 0, NULL, 0, NULL, "false: no appendix"},
        {.key = NULL},
};

/* ------------------------------------------------------- content blocks */

static const rapport_field heading_block[] = {
        {"heading", TEXT(1), NULL, 0, NULL, "a heading under the section's"},
        {"level", RAPPORT_T_INT, 0, 1, 2, NULL, 0, NULL, "1: one level down, 2: two"},
        {.key = NULL},
};
static const rapport_field paragraph_block[] = {
        {"paragraph", TEXT(1), NULL, 0, NULL, "a paragraph of inline markup"},
        {.key = NULL},
};
static const rapport_field list_block[] = {
        {"list", RAPPORT_T_ARRAY, 1, 1, 1e9, NULL, 0, NULL, "the items"},
        {"ordered", RAPPORT_T_BOOL, 0, 0, 0, NULL, 0, NULL, "numbered instead of bulleted"},
        {.key = NULL},
};
static const rapport_field list_item_fields[] = {
        {"text", TEXT(1), NULL, 0, NULL, "the item's markup"},
        {"items", RAPPORT_T_ARRAY, 0, 1, 1e9, NULL, 0, NULL, "a nested list"},
        {"ordered", RAPPORT_T_BOOL, 0, 0, 0, NULL, 0, NULL, "the nested list is numbered"},
        {.key = NULL},
};
static const rapport_field item_string = {"", TEXT(1), NULL, 0, NULL, NULL};

static void block_error(diag *d, const jnode *n, const char *what)
{
	char found[96];
	diag_pos pos = jnode_pos(n);
	diag_error(d, &pos, "expected %s, found %s", what, jnode_describe(n, found, sizeof(found)));
}

static int check_items(const jnode *arr, diag *d, int depth)
{
	int errors = 0;
	for (size_t i = 0; i < jnode_length(arr); i++) {
		const jnode *it = jnode_at(arr, i);
		if (jnode_kind(it) == J_STRING) {
			errors += schema_check_value(it, &item_string, d, NULL);
		} else if (jnode_kind(it) == J_OBJECT) {
			int e = schema_check(it, list_item_fields, d, NULL);
			errors += e;
			const jnode *sub = jnode_get(it, "items");
			if (!e && sub && depth < JSON_MAX_DEPTH)
				errors += check_items(sub, d, depth + 1);
		} else {
			block_error(d, it,
			            "a list item: a string or {\"text\": ..., \"items\": [...]}");
			errors++;
		}
	}
	return errors;
}

int report_check_blocks(const jnode *blocks, diag *d)
{
	if (!blocks)
		return 0;
	if (jnode_kind(blocks) != J_ARRAY) {
		block_error(d, blocks, "an array of content blocks");
		return 1;
	}
	int errors = 0;
	for (size_t i = 0; i < jnode_length(blocks); i++) {
		const jnode *b = jnode_at(blocks, i);
		const jnode *h = jnode_get(b, "heading"), *p = jnode_get(b, "paragraph"),
		            *l = jnode_get(b, "list"), *img = jnode_get(b, "image");
		if (jnode_kind(b) != J_OBJECT || (!!h + !!p + !!l + !!img) != 1) {
			block_error(d, b,
			            "a content block: {\"heading\": ...}, {\"paragraph\": ...}, "
			            "{\"list\": [...]} or {\"image\": ..., \"caption\": ...}");
			errors++;
			continue;
		}
		if (img)
			continue; /* pictures are checked with their files (sections/figure.c) */
		int e = schema_check(b,
		                     h   ? heading_block
		                     : p ? paragraph_block
		                         : list_block,
		                     d, NULL);
		errors += e;
		if (l && !e)
			errors += check_items(l, d, 0);
	}
	return errors;
}

/* -------------------------------------------------------------- sections */

static const rapport_field section_common[] = {
        {"type", TEXT(1), NULL, 0, NULL, "text, or a plugin's section type"},
        {"title", TEXT(1), NULL, 0, NULL, "the section's heading"},
        {"level", RAPPORT_T_INT, 0, 1, 2, NULL, 0, NULL, "1: a chapter, 2: under the last one"},
        {"whole_period", RAPPORT_T_BOOL, 0, 0, 0, NULL, 0, NULL, "left out of single years"},
        {"intro", RAPPORT_T_ARRAY, 0, 0, 0, NULL, RAPPORT_T_OBJECT, NULL, "blocks before"},
        {"outro", RAPPORT_T_ARRAY, 0, 0, 0, NULL, RAPPORT_T_OBJECT, NULL, "blocks after"},
};
#define NCOMMON (sizeof(section_common) / sizeof(section_common[0]))
static const rapport_field content_field = {
        "content", RAPPORT_T_ARRAY, 1, 0, 0, NULL, RAPPORT_T_OBJECT, NULL, "the text's blocks"};
static const rapport_field any_other = {"*", RAPPORT_T_ANY, 0, 0, 0, NULL, 0, NULL, NULL};

int report_check_section(const jnode *section, const rapport_section_type *type, diag *d)
{
	/* a section type that declares its fields has its object checked by the
	 * host (core/plugin/host.c), with the same common members */
	if (type && type->api_level >= 2)
		return report_check_blocks(jnode_get(section, "intro"), d) +
		       report_check_blocks(jnode_get(section, "outro"), d);
	rapport_field *all = xcalloc(NCOMMON + 2, sizeof(*all));
	size_t k = 0;
	for (size_t i = 0; i < NCOMMON; i++)
		all[k++] = section_common[i];
	/* a section without a plugin is text only when it says so (a missing
	 * type is reported without also asking for content) */
	int is_text = !type && strcmp(jnode_string(jnode_get(section, "type"), ""), "text") == 0;
	all[k++] = is_text ? content_field : any_other;
	char who[96] = "";
	if (type)
		snprintf(who, sizeof(who), "section type %s", type->name);
	int errors = schema_check(section, all, d, type ? who : NULL);
	free(all);
	errors += report_check_blocks(jnode_get(section, "intro"), d);
	errors += report_check_blocks(jnode_get(section, "outro"), d);
	if (is_text)
		errors += report_check_blocks(jnode_get(section, "content"), d);
	return errors;
}

/* ----------------------------------------------------------- year files */

int report_check_year_top(const jnode *year, const rapport_section_type *const *types,
                          size_t ntypes, diag *d)
{
	rapport_field *all = xcalloc(ntypes + 3, sizeof(*all));
	size_t k = 0;
	/* their presence and values are checked by report_load */
	all[k++] = (rapport_field){"format", RAPPORT_T_ANY, 0, 0, 0, NULL, 0, NULL, "1"};
	all[k++] = (rapport_field){"year", RAPPORT_T_ANY, 0, 0, 0, NULL, 0, NULL, "the year"};
	for (size_t i = 0; i < ntypes; i++) {
		const rapport_section_type *t = types[i];
		if (!t || t->api_level < 2 || !t->year_key)
			continue;
		int seen = 0;
		for (size_t j = 0; j < k && !seen; j++)
			seen = strcmp(all[j].key, t->year_key) == 0;
		if (!seen)
			all[k++] = (rapport_field){t->year_key, RAPPORT_T_ANY, 0,   0, 0, NULL,
			                           0,           NULL,          NULL};
	}
	/* a section type that does not declare what it reads may read anything;
	 * one that declares no year_key reads no member of its own */
	for (size_t i = 0; i < ntypes; i++)
		if (types[i] && types[i]->api_level < 2) {
			all[k++] = any_other;
			break;
		}
	int errors = schema_check(year, all, d, NULL);
	free(all);
	return errors;
}
