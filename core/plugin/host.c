#include "plugin/host.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "base/file.h"
#include "base/guard.h"
#include "base/hash.h"
#include "data/image.h"
#include "data/json.h"
#include "data/schema.h"
#include "plugin/loader.h"


/* rapport_node is the public name of a jnode. */
#define J(n) ((const jnode *)(n))
#define N(n) ((const rapport_node *)(n))

/* ---------------------------------------------------------------- data */

static const rapport_node *h_section(rapport_ctx *ctx)
{
	return N(ctx->sec->node);
}

static size_t h_year_count(rapport_ctx *ctx)
{
	return ctx->r->nyears;
}

static int h_year(rapport_ctx *ctx, size_t i)
{
	return i < ctx->r->nyears ? ctx->r->years[i].year : 0;
}

static const rapport_node *h_year_data(rapport_ctx *ctx, size_t i, const char *key)
{
	if (i >= ctx->r->nyears)
		return NULL;
	return N(jnode_get(jdoc_root(ctx->r->years[i].doc), key));
}

static const rapport_node *h_report(rapport_ctx *ctx, const char *key)
{
	return N(jnode_get(jdoc_root(ctx->r->def), key));
}

static int h_whole_period(rapport_ctx *ctx)
{
	return ctx->r->single_year == 0;
}

static int h_kind(const rapport_node *n)
{
	return jnode_kind(J(n));
}

static const rapport_node *h_get(const rapport_node *n, const char *key)
{
	return N(jnode_get(J(n), key));
}

static size_t h_length(const rapport_node *n)
{
	return jnode_length(J(n));
}

static const rapport_node *h_at(const rapport_node *n, size_t i)
{
	return N(jnode_at(J(n), i));
}

static const char *h_key_at(const rapport_node *n, size_t i)
{
	return jnode_kind(J(n)) == J_OBJECT ? jnode_key_at(J(n), i) : NULL;
}

static const char *h_string(const rapport_node *n, const char *fallback)
{
	return jnode_string(J(n), fallback);
}

static double h_number(const rapport_node *n, double fallback)
{
	return jnode_number(J(n), fallback);
}

static int h_boolean(const rapport_node *n, int fallback)
{
	return jnode_bool(J(n), fallback);
}

/* ---------------------------------------------------------- diagnostics */

/* Prefixes a plugin's message with its section type's name. */
static void report_at(rapport_ctx *ctx, const jnode *at, int warning, const char *fmt, va_list ap)
{
	char msg[768];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	diag_pos pos = jnode_pos(at ? at : ctx->sec->node);
	/* two section types reading the same value report it once */
	uint64_t h = fnv_str(FNV_BASIS, msg);
	h ^= (uint64_t)(uintptr_t)(at ? at : ctx->sec->node) * 31u + (uint64_t)warning;
	for (size_t i = 0; i < ctx->nseen; i++)
		if (ctx->seen[i] == h) {
			ctx->suppressed++;
			return;
		}
	GROW(ctx->seen, ctx->seen_cap, ctx->nseen + 1);
	ctx->seen[ctx->nseen++] = h;
	const char *who = ctx->type ? ctx->type->name : "text";
	if (warning)
		diag_warning(ctx->d, &pos, "%s (section type %s)", msg, who);
	else
		diag_error(ctx->d, &pos, "%s (section type %s)", msg, who);
}

static void h_error(rapport_ctx *ctx, const rapport_node *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report_at(ctx, J(at), 0, fmt, ap);
	va_end(ap);
}

static void h_warning(rapport_ctx *ctx, const rapport_node *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report_at(ctx, J(at), 1, fmt, ap);
	va_end(ap);
}

static void error_plain(rapport_ctx *ctx, const jnode *at, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static void error_plain(rapport_ctx *ctx, const jnode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report_at(ctx, at, 0, fmt, ap);
	va_end(ap);
}

/* Member key of obj, or an error "missing ..." at obj. */
static const jnode *member(rapport_ctx *ctx, const rapport_node *obj, const char *key,
                           const char *what)
{
	const jnode *n = jnode_get(J(obj), key);
	if (!n)
		error_plain(ctx, J(obj), "missing \"%s\": expected %s", key, what);
	return n;
}

static int h_need_int(rapport_ctx *ctx, const rapport_node *obj, const char *key, long min,
                      long max, long *out)
{
	char what[96];
	snprintf(what, sizeof(what), "a whole number from %ld to %ld", min, max);
	const jnode *n = member(ctx, obj, key, what);
	if (!n)
		return RAPPORT_FAIL;
	double v = jnode_number(n, NAN);
	if (!jnode_is_int(n) || v < (double)min || v > (double)max) {
		char found[96];
		error_plain(ctx, n, "expected %s, found %s", what, jnode_describe(n, found, sizeof(found)));
		return RAPPORT_FAIL;
	}
	*out = (long)v;
	return RAPPORT_OK;
}

static int need_kind(rapport_ctx *ctx, const rapport_node *obj, const char *key, int kind,
                     const char *what, const jnode **out)
{
	const jnode *n = member(ctx, obj, key, what);
	if (!n)
		return RAPPORT_FAIL;
	if (jnode_kind(n) != kind || (kind == J_STRING && !*jnode_string(n, ""))) {
		char found[96];
		error_plain(ctx, n, "expected %s, found %s", what, jnode_describe(n, found, sizeof(found)));
		return RAPPORT_FAIL;
	}
	*out = n;
	return RAPPORT_OK;
}

static int h_need_string(rapport_ctx *ctx, const rapport_node *obj, const char *key,
                         const char **out)
{
	const jnode *n;
	if (need_kind(ctx, obj, key, J_STRING, "a non-empty string", &n) != RAPPORT_OK)
		return RAPPORT_FAIL;
	*out = jnode_string(n, "");
	return RAPPORT_OK;
}

static int h_need_array(rapport_ctx *ctx, const rapport_node *obj, const char *key,
                        const rapport_node **out)
{
	const jnode *n;
	if (need_kind(ctx, obj, key, J_ARRAY, "an array", &n) != RAPPORT_OK)
		return RAPPORT_FAIL;
	*out = N(n);
	return RAPPORT_OK;
}

static int h_need_object(rapport_ctx *ctx, const rapport_node *obj, const char *key,
                         const rapport_node **out)
{
	const jnode *n;
	if (need_kind(ctx, obj, key, J_OBJECT, "an object", &n) != RAPPORT_OK)
		return RAPPORT_FAIL;
	*out = N(n);
	return RAPPORT_OK;
}

/* ------------------------------------------------------------------ emit */

static int clamp_level(rapport_ctx *ctx, int level)
{
	int lv = ctx->base_level + (level < 1 ? 1 : level);
	return lv > 4 ? 4 : lv;
}

static void h_heading(rapport_ctx *ctx, int level, const char *text)
{
	blocks_heading(ctx->blocks, clamp_level(ctx, level), text);
}

static void h_paragraph(rapport_ctx *ctx, const char *markup)
{
	blocks_paragraph(ctx->blocks, markup);
}

static void h_list_begin(rapport_ctx *ctx, int ordered)
{
	if (ctx->list_depth >= (int)(sizeof(ctx->lists) / sizeof(ctx->lists[0]))) {
		h_warning(ctx, NULL, "lists nested too deep; flattened");
		return;
	}
	block_list_data *l;
	if (ctx->list_depth > 0) {
		block_list_data *parent = ctx->lists[ctx->list_depth - 1];
		if (parent->n == 0)
			list_add_item(ctx->blocks, parent, "");
		l = arena_alloc(ctx->blocks->arena, sizeof(*l));
		l->ordered = ordered;
		parent->items[parent->n - 1].sub = l;
	} else {
		l = blocks_list(ctx->blocks, ordered);
	}
	ctx->lists[ctx->list_depth++] = l;
}

static void h_list_item(rapport_ctx *ctx, const char *markup)
{
	if (ctx->list_depth == 0)
		h_list_begin(ctx, 0); /* an item outside a list starts one */
	list_add_item(ctx->blocks, ctx->lists[ctx->list_depth - 1], markup);
}

static void h_list_end(rapport_ctx *ctx)
{
	if (ctx->list_depth > 0)
		ctx->list_depth--;
}

static void h_table_begin(rapport_ctx *ctx, const char *caption, size_t ncols,
                          const char *const *header, const int *align)
{
	if (ncols == 0 || ncols > 64) {
		h_warning(ctx, NULL, "table \"%s\" with %zu columns ignored", caption ? caption : "",
		          ncols);
		ctx->table = NULL;
		return;
	}
	ctx->table = blocks_table(ctx->blocks, caption, ncols, header, align);
}

/* Rows past HOST_MAX_TABLE_ROWS are refused with one error: the data
 * behind such a table is almost surely wrong, and it would not fit on
 * paper anyway. */
static void h_table_row(rapport_ctx *ctx, const char *const *cells, unsigned flags)
{
	if (!ctx->table)
		return;
	if (ctx->table->nrows >= HOST_MAX_TABLE_ROWS) {
		if (!ctx->limit_hit)
			error_plain(
			        ctx, NULL,
			        "table \"%s\" would have more than %d rows (the limit); the data "
			        "behind it is too long",
			        ctx->table->caption ? ctx->table->caption : "",
			        HOST_MAX_TABLE_ROWS);
		ctx->limit_hit = 1;
		return;
	}
	table_add_row(ctx->blocks, ctx->table, cells, flags);
}

static void h_table_end(rapport_ctx *ctx)
{
	ctx->table = NULL;
}

static void h_chart(rapport_ctx *ctx, const rapport_chart *c)
{
	if (!c || c->n_categories == 0 || c->n_series == 0 || c->kind < 0 ||
	    c->kind > RAPPORT_CHART_DONUT) {
		h_warning(ctx, NULL, "empty or unknown chart ignored");
		return;
	}
	if ((c->kind == RAPPORT_CHART_PIE || c->kind == RAPPORT_CHART_DONUT) && c->n_series > 1)
		h_warning(ctx, NULL, "chart \"%s\": a pie shows one series; %zu more ignored",
		          c->caption ? c->caption : "", c->n_series - 1);
	arena *a = ctx->blocks->arena;
	block *k = blocks_add(ctx->blocks, BLOCK_CHART);
	block_chart *bc = k->chart = arena_alloc(a, sizeof(*bc));
	bc->kind = c->kind;
	bc->caption = arena_strdup(a, c->caption);
	bc->alt = arena_strdup(a, c->alt ? c->alt : c->caption);
	bc->x_title = arena_strdup(a, c->x_title);
	bc->y_title = arena_strdup(a, c->y_title);
	bc->ncat = c->n_categories;
	bc->nseries = c->n_series;
	bc->categories = arena_alloc(a, bc->ncat * sizeof(char *));
	for (size_t i = 0; i < bc->ncat; i++)
		bc->categories[i] = arena_strdup(a, c->categories[i] ? c->categories[i] : "");
	bc->series_names = arena_alloc(a, bc->nseries * sizeof(char *));
	bc->values = arena_alloc(a, bc->nseries * bc->ncat * sizeof(double));
	for (size_t s = 0; s < bc->nseries; s++) {
		bc->series_names[s] = arena_strdup(a, c->series[s].name ? c->series[s].name : "");
		for (size_t i = 0; i < bc->ncat; i++)
			bc->values[s * bc->ncat + i] = c->series[s].values[i];
	}
}

static void h_table_groups(rapport_ctx *ctx, const char *const *groups)
{
	if (ctx->table && groups)
		table_set_groups(ctx->blocks, ctx->table, groups);
}

static int h_image(rapport_ctx *ctx, const char *file, const char *caption, double width)
{
	char err[8400];
	char *dir = path_dir(ctx->r->path);
	image_info im;
	int bad = !file || image_open(dir, file, &im, err, sizeof(err)) != 0;
	free(dir);
	if (bad) {
		h_error(ctx, NULL, "%s", file ? err : "image without a file name");
		return RAPPORT_FAIL;
	}
	if (!(width == 0 || (width >= 0.1 && width <= 1))) {
		h_error(ctx, NULL, "image \"%s\": width %g is not a share of the text width (0.1 to 1)",
		        file, width);
		return RAPPORT_FAIL;
	}
	if (ctx->blocks)
		blocks_image(ctx->blocks, im.path, im.width, im.height, width ? (float)width : 1,
		             caption, NULL);
	return RAPPORT_OK;
}

/* -------------------------------------------------- language and numbers */

static const char *h_lang(rapport_ctx *ctx)
{
	return lang_code(ctx->lang);
}

static const char *h_label(rapport_ctx *ctx, const char *key)
{
	if (ctx->type && ctx->type->labels)
		for (const rapport_label *l = ctx->type->labels; l->key; l++)
			if (strcmp(l->key, key) == 0) {
				const char *s = ctx->lang == LANG_EN ? l->en : l->sv;
				return s ? s : l->sv;
			}
	return label(ctx->lang, key);
}

static const char *h_fmt_int(rapport_ctx *ctx, long v)
{
	char buf[64];
	return arena_strdup(ctx->scratch, fmt_int(ctx->lang, v, buf, sizeof(buf)));
}

static const char *h_fmt_number(rapport_ctx *ctx, double v, int decimals)
{
	char buf[64];
	return arena_strdup(ctx->scratch, fmt_number(ctx->lang, v, decimals, buf, sizeof(buf)));
}

static const char *h_fmt_percent(rapport_ctx *ctx, double v, int decimals)
{
	char buf[64];
	return arena_strdup(ctx->scratch, fmt_percent(ctx->lang, v, decimals, buf, sizeof(buf)));
}

static const char *h_fmt_change(rapport_ctx *ctx, double v, int decimals, int percent)
{
	char buf[64];
	return arena_strdup(ctx->scratch,
	                    fmt_change(ctx->lang, v, decimals, percent, buf, sizeof(buf)));
}

static const char *h_fmt(rapport_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(ctx->scratch, fmt, ap);
	va_end(ap);
	return s;
}

static const rapport_host HOST = {
        .abi = RAPPORT_ABI,
        .api_level = RAPPORT_API_LEVEL,
        .size = sizeof(rapport_host),
        .register_section = plugin_register_section,
        .section = h_section,
        .year_count = h_year_count,
        .year = h_year,
        .year_data = h_year_data,
        .report = h_report,
        .whole_period = h_whole_period,
        .kind = h_kind,
        .get = h_get,
        .length = h_length,
        .at = h_at,
        .key_at = h_key_at,
        .string = h_string,
        .number = h_number,
        .boolean = h_boolean,
        .need_int = h_need_int,
        .need_string = h_need_string,
        .need_array = h_need_array,
        .need_object = h_need_object,
        .error = h_error,
        .warning = h_warning,
        .heading = h_heading,
        .paragraph = h_paragraph,
        .list_begin = h_list_begin,
        .list_item = h_list_item,
        .list_end = h_list_end,
        .table_begin = h_table_begin,
        .table_row = h_table_row,
        .table_end = h_table_end,
        .chart = h_chart,
        .lang = h_lang,
        .label = h_label,
        .fmt_int = h_fmt_int,
        .fmt_number = h_fmt_number,
        .fmt_percent = h_fmt_percent,
        .fmt_change = h_fmt_change,
        .fmt = h_fmt,
        .table_groups = h_table_groups,
        .image = h_image,
};

const rapport_host *host_table(void)
{
	return &HOST;
}

void ctx_init(rapport_ctx *ctx, const report *r, block_list *blocks, lang_id lang, diag *d)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->r = r;
	ctx->blocks = blocks;
	ctx->lang = lang;
	ctx->d = d;
	ctx->scratch = arena_new();
}

void ctx_free(rapport_ctx *ctx)
{
	free(ctx->seen);
	ctx->seen = NULL;
	arena_free(ctx->scratch);
	ctx->scratch = NULL;
}

static void enter(rapport_ctx *ctx, const report_section *sec, const rapport_section_type *type)
{
	ctx->sec = sec;
	ctx->type = type;
	ctx->base_level = sec->level;
	ctx->list_depth = 0;
	ctx->table = NULL;
	ctx->errors_at_start = ctx->d->errors;
	ctx->duplicates_at_start = ctx->d->duplicates;
	ctx->suppressed = 0;
	ctx->limit_hit = 0;
}

/* What guard_run() calls: one callback of a section type. */
typedef struct callback {
	int (*fn)(const rapport_host *host, rapport_ctx *ctx);
	rapport_ctx *ctx;
} callback;

static int call_callback(void *arg)
{
	callback *cb = arg;
	return cb->fn(&HOST, cb->ctx);
}

/* Runs one callback under the crash guard.  A crash is reported with the
 * plugin's name and file; returns the callback's status. */
static int run_guarded(rapport_ctx *ctx, int (*fn)(const rapport_host *, rapport_ctx *),
                       const char *what)
{
	callback cb = {fn, ctx};
	int rc;
	int sig = guard_run(call_callback, &cb, &rc);
	arena_reset(ctx->scratch);
	if (sig) {
		ctx->crashed = 1;
		diag_pos pos = jnode_pos(ctx->sec->node);
		diag_error(ctx->d, &pos,
		           "plugin %s crashed with %s in %s() of section type \"%s\"",
		           ctx->origin ? ctx->origin : "(unknown file)", guard_signal_name(sig), what,
		           ctx->type->name);
	}
	return rc;
}

/* The members every section object may have, whatever its type. */
static const rapport_field COMMON_FIELDS[] = {
        {.key = "type", .type = RAPPORT_T_STRING, .required = 1},
        {.key = "title", .type = RAPPORT_T_STRING, .required = 1},
        {.key = "level", .type = RAPPORT_T_INT, .min = 1, .max = 2},
        {.key = "whole_period", .type = RAPPORT_T_BOOL},
        {.key = "intro", .type = RAPPORT_T_ARRAY},
        {.key = "outro", .type = RAPPORT_T_ARRAY},
        {.key = NULL},
};

/* Checks the section object and the year members against the fields the
 * section type declares (API level 2).  Returns 0 when all is well. */
static int check_declared(rapport_ctx *ctx, const rapport_section_type *type)
{
	char who[160];
	snprintf(who, sizeof(who), "section type %s", type->name);
	int bad = 0;
	size_t n = 0;
	while (type->section_fields && type->section_fields[n].key)
		n++;
	size_t ncommon = sizeof(COMMON_FIELDS) / sizeof(COMMON_FIELDS[0]) - 1;
	rapport_field *all = arena_alloc(ctx->scratch, (ncommon + n + 1) * sizeof(*all));
	memcpy(all, COMMON_FIELDS, ncommon * sizeof(*all));
	if (n)
		memcpy(all + ncommon, type->section_fields, n * sizeof(*all));
	memset(&all[ncommon + n], 0, sizeof(*all));
	if (schema_check(ctx->sec->node, all, ctx->d, who) != 0)
		bad = 1;
	if (type->year_key && type->year_fields)
		for (size_t i = 0; i < ctx->r->nyears; i++) {
			const jnode *y = jnode_get(jdoc_root(ctx->r->years[i].doc), type->year_key);
			if (y && schema_check(y, type->year_fields, ctx->d, who) != 0)
				bad = 1;
		}
	arena_reset(ctx->scratch);
	return bad || ctx->d->errors > ctx->errors_at_start;
}

int host_validate(rapport_ctx *ctx, const report_section *sec, const rapport_section_type *type)
{
	enter(ctx, sec, type);
	if (type->api_level >= 2 && check_declared(ctx, type) != 0)
		return -1;
	int rc = type->validate ? run_guarded(ctx, type->validate, "validate") : RAPPORT_OK;
	if (rc != RAPPORT_OK && ctx->d->errors == ctx->errors_at_start && !ctx->suppressed &&
	    ctx->d->duplicates == ctx->duplicates_at_start)
		error_plain(ctx, NULL, "the section's data was refused (no reason given)");
	return ctx->d->errors > ctx->errors_at_start || rc != RAPPORT_OK ? -1 : 0;
}

int host_emit(rapport_ctx *ctx, const report_section *sec, const rapport_section_type *type)
{
	enter(ctx, sec, type);
	int rc = run_guarded(ctx, type->emit, "emit");
	if (ctx->crashed)
		return -1;
	if (ctx->limit_hit)
		return -1; /* the data's fault, reported */
	if (rc != RAPPORT_OK || ctx->d->errors > ctx->errors_at_start) {
		diag_pos pos = jnode_pos(sec->node);
		diag_error(ctx->d, &pos, "section type \"%s\" (plugin %s) could not build its section",
		           type->name, ctx->origin ? ctx->origin : "(unknown file)");
		return -1;
	}
	return 0;
}
