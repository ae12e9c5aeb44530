/*
 * builtin.c - the section types the core provides: "text" (content blocks
 * written in the report definition), "table" and "chart" (of the year
 * files' figures, core/sections/generic.c).  Their declared fields are
 * what `rapport describe` prints and what the host checks before their
 * validate() runs, as for a plugin's.
 */
#include "config.h"

#include "sections/builtin.h"

#include <stdio.h>
#include <string.h>

#include "data/report_schema.h"
#include "plugin/host.h"
#include "sections/generic.h"
#include "sections/text.h"

/* The directory of the report definition, where pictures are looked up. */
static void data_dir(const rapport_ctx *ctx, char *dir, size_t size)
{
	const char *path = ctx->r->path;
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, size, ".");
	else if (slash == path)
		snprintf(dir, size, "/");
	else
		snprintf(dir, size, "%.*s", (int)(slash - path), path);
}

static int text_validate(const rapport_host *host, rapport_ctx *ctx)
{
	(void)host;
	char dir[4096];
	data_dir(ctx, dir, sizeof(dir));
	const jnode *content = jnode_get(ctx->sec->node, "content");
	int errors = ctx->d->errors;
	report_check_blocks(content, ctx->d);
	text_blocks(content, ctx->sec->level, NULL, ctx->d, dir);
	return ctx->d->errors > errors ? RAPPORT_FAIL : RAPPORT_OK;
}

static int text_emit(const rapport_host *host, rapport_ctx *ctx)
{
	(void)host;
	char dir[4096];
	data_dir(ctx, dir, sizeof(dir));
	text_blocks(jnode_get(ctx->sec->node, "content"), ctx->sec->level, ctx->blocks, ctx->d,
	            dir);
	return RAPPORT_OK;
}

static int generic_validate(const rapport_host *host, rapport_ctx *ctx)
{
	(void)host;
	return generic_section(ctx->r, ctx->sec, ctx->lang, NULL, ctx->d) ? RAPPORT_FAIL
	                                                                  : RAPPORT_OK;
}

static int generic_emit(const rapport_host *host, rapport_ctx *ctx)
{
	(void)host;
	return generic_section(ctx->r, ctx->sec, ctx->lang, ctx->blocks, ctx->d) ? RAPPORT_FAIL
	                                                                         : RAPPORT_OK;
}

static const rapport_field text_fields[] = {
        {.key = "content",
         .type = RAPPORT_T_ARRAY,
         .required = 1,
         .items = RAPPORT_T_OBJECT,
         .doc = "content blocks: {\"heading\"}, {\"paragraph\"}, {\"list\"}, {\"image\"}"},
        {.key = NULL},
};

static const char *const column_values[] = {"year", NULL};
static const rapport_field column_fields[] = {
        {.key = "header", .type = RAPPORT_T_STRING, .required = 1, .doc = "the column's header"},
        {.key = "path",
         .type = RAPPORT_T_STRING,
         .doc = "a dotted path into the year files, e.g. census.companies"},
        {.key = "value",
         .type = RAPPORT_T_STRING,
         .values = column_values,
         .doc = "instead of path: the row's year"},
        {.key = "decimals", .type = RAPPORT_T_INT, .doc = "decimals shown, 0 to 3"},
        {.key = "group", .type = RAPPORT_T_STRING, .doc = "a header spanning adjacent columns"},
        {.key = "percent_of",
         .type = RAPPORT_T_STRING,
         .doc = "a path: show path as a percentage of it"},
        {.key = NULL},
};
static const rapport_field table_fields[] = {
        {.key = "caption", .type = RAPPORT_T_STRING, .required = 1, .doc = "the table's caption"},
        {.key = "columns",
         .type = RAPPORT_T_ARRAY,
         .required = 1,
         .fields = column_fields,
         .doc = "the columns; the rows are the years"},
        {.key = "years",
         .type = RAPPORT_T_ARRAY,
         .items = RAPPORT_T_INT,
         .doc = "the years shown (default: the build's)"},
        {.key = "total", .type = RAPPORT_T_BOOL, .doc = "a row of sums (default false)"},
        {.key = "zebra", .type = RAPPORT_T_BOOL, .doc = "shaded alternate rows (default true)"},
        {.key = NULL},
};

static const rapport_field series_fields[] = {
        {.key = "name", .type = RAPPORT_T_STRING, .required = 1, .doc = "the legend's text"},
        {.key = "path",
         .type = RAPPORT_T_STRING,
         .doc = "a dotted path to a number in every year file shown"},
        {.key = NULL},
};
static const rapport_field chart_fields[] = {
        {.key = "caption", .type = RAPPORT_T_STRING, .required = 1, .doc = "the figure's caption"},
        {.key = "kind",
         .type = RAPPORT_T_STRING,
         .doc = "(required) bar, stacked_bar, line, hbar, stacked_hbar, area, pie or donut"},
        {.key = "series",
         .type = RAPPORT_T_ARRAY,
         .fields = series_fields,
         .doc = "the series (required); the categories are the years"},
        {.key = "years",
         .type = RAPPORT_T_ARRAY,
         .items = RAPPORT_T_INT,
         .doc = "the years shown (default: the build's)"},
        {.key = "year", .type = RAPPORT_T_INT, .doc = "pie and donut: the year shown"},
        {.key = "x_title", .type = RAPPORT_T_STRING, .doc = "the horizontal axis' title"},
        {.key = "y_title", .type = RAPPORT_T_STRING, .doc = "the vertical axis' title"},
        {.key = "alt", .type = RAPPORT_T_STRING, .doc = "the chart described in words"},
        {.key = NULL},
};

static const rapport_section_type builtins[] = {
        {.name = "text",
         .version = PACKAGE_VERSION,
         .description = "narrative text from the data (built in)",
         .api_level = 2,
         .validate = text_validate,
         .emit = text_emit,
         .section_fields = text_fields},
        {.name = "table",
         .version = PACKAGE_VERSION,
         .description = "a table of the year files' figures (built in)",
         .api_level = 2,
         .validate = generic_validate,
         .emit = generic_emit,
         .section_fields = table_fields},
        {.name = "chart",
         .version = PACKAGE_VERSION,
         .description = "a chart of the year files' figures (built in)",
         .api_level = 2,
         .validate = generic_validate,
         .emit = generic_emit,
         .section_fields = chart_fields},
};

int sections_load(plugin_set *set, const char *const *dirs, size_t ndirs, diag *d)
{
	plugins_init(set, dirs, ndirs);
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		plugins_add_builtin(set, &builtins[i]);
	return plugins_load_all(set, host_table(), d);
}
