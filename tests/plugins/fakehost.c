/*
 * fakehost.c - a fake rapport host over cJSON that records what a plugin
 * emits.  See fakehost.h.
 *
 * Nodes handed to the plugin are cJSON items cast to rapport_node; the
 * missing node is NULL.  Scratch strings (fmt_* results) are freed after each
 * callback, as the real host does, so valgrind catches a plugin that keeps
 * them.
 */
#include "fakehost.h"

#include <cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FH_MAX_TYPES      8
#define FH_MAX_YEARS      64
#define FH_MAX_LIST_DEPTH 8

struct strvec {
	char **v;
	size_t n, cap;
};

struct fh_doc {
	char *name; /* file name shown in diagnostics */
	cJSON *root;
	int year;
};

struct rapport_ctx {
	fakehost *fh;
};

struct rapport_registry {
	fakehost *fh;
};

enum fh_phase { PHASE_NONE = 0, PHASE_ENTRY, PHASE_VALIDATE, PHASE_EMIT };

struct fakehost {
	rapport_host host;
	struct rapport_ctx ctx;
	struct rapport_registry reg;
	const rapport_section_type *types[FH_MAX_TYPES];
	size_t ntypes;
	const rapport_section_type *current;
	int phase;

	struct fh_doc report;
	struct fh_doc years[FH_MAX_YEARS]; /* sorted by year */
	size_t nyears;
	size_t sel[FH_MAX_YEARS]; /* indexes into years[] of the build */
	size_t nsel;
	int sel_set, sel_first, sel_last;
	struct fh_doc section;   /* from fh_set_section_json */
	struct fh_doc synthetic; /* {"type": name, "title": name} */
	char lang[3];

	fh_block *blocks;
	size_t nblocks, capblocks;
	long open_table; /* index of the table being filled, or -1 */
	int list_depth;
	size_t list_items[FH_MAX_LIST_DEPTH + 1];

	struct strvec errors, warnings, violations, missing_labels, scratch;
	char *dump;
	char load_error[512];
};

/* ------------------------------------------------------------ utilities */

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL) {
		fputs("fakehost: out of memory\n", stderr);
		abort();
	}
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL) {
		fputs("fakehost: out of memory\n", stderr);
		abort();
	}
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n;
	char *d;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	d = xmalloc(n);
	memcpy(d, s, n);
	return d;
}

static char *vprintf_alloc(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *s;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return xstrdup("(bad format)");
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static char *printf_alloc(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vprintf_alloc(fmt, ap);
	va_end(ap);
	return s;
}

/* Appends s (taking ownership) to v. */
static void strvec_push(struct strvec *v, char *s)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 16;
		v->v = xrealloc(v->v, v->cap * sizeof *v->v);
	}
	v->v[v->n++] = s;
}

static void strvec_clear(struct strvec *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->v[i]);
	v->n = 0;
}

static void strvec_free(struct strvec *v)
{
	strvec_clear(v);
	free(v->v);
	v->v = NULL;
	v->cap = 0;
}

/* Keeps s in scratch memory until the callback returns. */
static const char *scratch(fakehost *fh, char *s)
{
	strvec_push(&fh->scratch, s);
	return s;
}

static void violation(fakehost *fh, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strvec_push(&fh->violations, vprintf_alloc(fmt, ap));
	va_end(ap);
}

static const rapport_node *N(const cJSON *j)
{
	return (const rapport_node *)(const void *)j;
}

static const cJSON *J(const rapport_node *n)
{
	return (const cJSON *)(const void *)n;
}

/* ------------------------------------------------------- documents, paths */

static void doc_free(struct fh_doc *d)
{
	cJSON_Delete(d->root);
	free(d->name);
	d->root = NULL;
	d->name = NULL;
}

/* Appends the path of target below cur to buf[0..pos); returns 1 if found. */
static int find_path(const cJSON *cur, const cJSON *target, char *buf, size_t size, size_t pos)
{
	const cJSON *c;
	size_t i = 0;

	if (cur == target) {
		buf[pos < size ? pos : size - 1] = '\0';
		return 1;
	}
	if (!cJSON_IsArray(cur) && !cJSON_IsObject(cur))
		return 0;
	for (c = cur->child; c != NULL; c = c->next, i++) {
		int n;
		if (cJSON_IsArray(cur))
			n = snprintf(buf + pos, pos < size ? size - pos : 0, "[%zu]", i);
		else
			n = snprintf(buf + pos, pos < size ? size - pos : 0, "%s%s", pos ? "." : "",
			             c->string);
		if (n < 0 || pos + (size_t)n >= size)
			continue;
		if (find_path(c, target, buf, size, pos + (size_t)n))
			return 1;
	}
	return 0;
}

/* "file: path" of a node (the section when NULL), malloc'd. */
static char *locate(fakehost *fh, const cJSON *node)
{
	const struct fh_doc *docs[FH_MAX_YEARS + 3];
	char path[1024];
	size_t i, n = 0;

	if (node == NULL)
		return printf_alloc("section %s", fh->current ? fh->current->name : "?");
	docs[n++] = &fh->report;
	docs[n++] = &fh->section;
	docs[n++] = &fh->synthetic;
	for (i = 0; i < fh->nyears; i++)
		docs[n++] = &fh->years[i];
	for (i = 0; i < n; i++) {
		if (docs[i]->root == NULL)
			continue;
		if (find_path(docs[i]->root, node, path, sizeof path, 0))
			return printf_alloc("%s: %s", docs[i]->name, path[0] ? path : "(root)");
	}
	return xstrdup("(unknown node)");
}

/* A short rendering of a value for "found ..." in messages. */
static char *describe(const cJSON *n)
{
	if (n == NULL)
		return xstrdup("nothing");
	if (cJSON_IsNumber(n))
		return printf_alloc("%g", n->valuedouble);
	if (cJSON_IsString(n))
		return printf_alloc("\"%.40s\"", n->valuestring);
	if (cJSON_IsBool(n))
		return xstrdup(cJSON_IsTrue(n) ? "true" : "false");
	if (cJSON_IsNull(n))
		return xstrdup("null");
	if (cJSON_IsArray(n))
		return xstrdup("an array");
	return xstrdup("an object");
}

/* Records "file: path[.key]: message" in list. */
static void report(fakehost *fh, struct strvec *list, const cJSON *at, const char *key,
                   const char *msg)
{
	char *where = locate(fh, at);
	strvec_push(list, printf_alloc("%s%s%s: %s", where, key ? "." : "", key ? key : "", msg));
	free(where);
}

/* -------------------------------------------------- host: the report */

static int h_register_section(rapport_registry *reg, const rapport_section_type *type)
{
	fakehost *fh = reg->fh;

	if (fh->phase != PHASE_ENTRY) {
		violation(fh, "register_section called outside the entry point");
		return RAPPORT_FAIL;
	}
	if (type == NULL || type->name == NULL || type->emit == NULL) {
		violation(fh, "register_section: incomplete section type");
		return RAPPORT_FAIL;
	}
	if (fh->ntypes == FH_MAX_TYPES)
		return RAPPORT_FAIL;
	fh->types[fh->ntypes++] = type;
	return RAPPORT_OK;
}

static const rapport_node *h_section(rapport_ctx *ctx)
{
	fakehost *fh = ctx->fh;
	const cJSON *sections, *s;

	if (fh->section.root != NULL)
		return N(fh->section.root);
	sections = cJSON_GetObjectItemCaseSensitive(fh->report.root, "sections");
	cJSON_ArrayForEach(s, sections)
	{
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(s, "type");
		if (cJSON_IsString(t) && strcmp(t->valuestring, fh->current->name) == 0)
			return N(s);
	}
	if (fh->synthetic.root == NULL) {
		fh->synthetic.root = cJSON_CreateObject();
		cJSON_AddStringToObject(fh->synthetic.root, "type", fh->current->name);
		cJSON_AddStringToObject(fh->synthetic.root, "title", fh->current->name);
		fh->synthetic.name = xstrdup("(section)");
	}
	return N(fh->synthetic.root);
}

static size_t h_year_count(rapport_ctx *ctx)
{
	return ctx->fh->nsel;
}

static int h_year(rapport_ctx *ctx, size_t i)
{
	fakehost *fh = ctx->fh;

	if (i >= fh->nsel) {
		violation(fh, "year(%zu) out of range", i);
		return 0;
	}
	return fh->years[fh->sel[i]].year;
}

static const rapport_node *h_year_data(rapport_ctx *ctx, size_t i, const char *key)
{
	fakehost *fh = ctx->fh;

	if (i >= fh->nsel) {
		violation(fh, "year_data(%zu) out of range", i);
		return NULL;
	}
	return N(cJSON_GetObjectItemCaseSensitive(fh->years[fh->sel[i]].root, key));
}

static const rapport_node *h_report(rapport_ctx *ctx, const char *key)
{
	return N(cJSON_GetObjectItemCaseSensitive(ctx->fh->report.root, key));
}

static int selected(const fakehost *fh, int year)
{
	size_t i;

	for (i = 0; i < fh->nsel; i++)
		if (fh->years[fh->sel[i]].year == year)
			return 1;
	return 0;
}

static int h_whole_period(rapport_ctx *ctx)
{
	fakehost *fh = ctx->fh;
	const cJSON *period = cJSON_GetObjectItemCaseSensitive(fh->report.root, "period");
	const cJSON *first = cJSON_GetObjectItemCaseSensitive(period, "first");
	const cJSON *last = cJSON_GetObjectItemCaseSensitive(period, "last");
	int y;

	if (!cJSON_IsNumber(first) || !cJSON_IsNumber(last))
		return fh->nsel == fh->nyears && fh->nyears > 0;
	for (y = first->valueint; y <= last->valueint; y++)
		if (!selected(fh, y))
			return 0;
	return 1;
}

/* ------------------------------------------------ host: reading data */

static int h_kind(const rapport_node *node)
{
	const cJSON *j = J(node);

	if (j == NULL)
		return RAPPORT_MISSING;
	if (cJSON_IsNull(j))
		return RAPPORT_NULL;
	if (cJSON_IsBool(j))
		return RAPPORT_BOOL;
	if (cJSON_IsNumber(j))
		return RAPPORT_NUMBER;
	if (cJSON_IsString(j))
		return RAPPORT_STRING;
	if (cJSON_IsArray(j))
		return RAPPORT_ARRAY;
	if (cJSON_IsObject(j))
		return RAPPORT_OBJECT;
	return RAPPORT_MISSING;
}

static const rapport_node *h_get(const rapport_node *node, const char *key)
{
	if (!cJSON_IsObject(J(node)) || key == NULL)
		return NULL;
	return N(cJSON_GetObjectItemCaseSensitive(J(node), key));
}

static size_t h_length(const rapport_node *node)
{
	if (!cJSON_IsArray(J(node)) && !cJSON_IsObject(J(node)))
		return 0;
	return (size_t)cJSON_GetArraySize(J(node));
}

static const rapport_node *h_at(const rapport_node *node, size_t i)
{
	if (i >= h_length(node))
		return NULL;
	return N(cJSON_GetArrayItem(J(node), (int)i));
}

static const char *h_key_at(const rapport_node *node, size_t i)
{
	if (!cJSON_IsObject(J(node)) || i >= h_length(node))
		return NULL;
	return cJSON_GetArrayItem(J(node), (int)i)->string;
}

static const char *h_string(const rapport_node *node, const char *fallback)
{
	return cJSON_IsString(J(node)) ? J(node)->valuestring : fallback;
}

static double h_number(const rapport_node *node, double fallback)
{
	return cJSON_IsNumber(J(node)) ? J(node)->valuedouble : fallback;
}

static int h_boolean(const rapport_node *node, int fallback)
{
	return cJSON_IsBool(J(node)) ? cJSON_IsTrue(J(node)) : fallback;
}

/* Reports a missing member at obj ("missing \"key\": expected <what>"), or a
 * wrong value at the value ("expected <what>, found <value>"), worded as the
 * real host words them. */
static void need_error(fakehost *fh, const cJSON *obj, const char *key, const cJSON *value,
                       const char *what)
{
	char *found, *msg;

	if (value == NULL) {
		msg = printf_alloc("missing \"%s\": expected %s", key, what);
		report(fh, &fh->errors, obj, NULL, msg);
		free(msg);
		return;
	}
	found = describe(value);
	msg = printf_alloc("expected %s, found %s", what, found);
	report(fh, &fh->errors, value, NULL, msg);
	free(found);
	free(msg);
}

static int h_need_int(rapport_ctx *ctx, const rapport_node *obj, const char *key, long min,
                      long max, long *out)
{
	const cJSON *v = J(h_get(obj, key));
	double d;

	if (cJSON_IsNumber(v)) {
		d = v->valuedouble;
		if (d == floor(d) && d >= (double)min && d <= (double)max) {
			*out = (long)d;
			return RAPPORT_OK;
		}
	}
	{
		char what[128];
		snprintf(what, sizeof what, "a whole number from %ld to %ld", min, max);
		need_error(ctx->fh, J(obj), key, v, what);
	}
	return RAPPORT_FAIL;
}

static int h_need_string(rapport_ctx *ctx, const rapport_node *obj, const char *key,
                         const char **out)
{
	const cJSON *v = J(h_get(obj, key));

	if (cJSON_IsString(v) && v->valuestring[0] != '\0') {
		*out = v->valuestring;
		return RAPPORT_OK;
	}
	need_error(ctx->fh, J(obj), key, v, "a non-empty string");
	return RAPPORT_FAIL;
}

static int h_need_array(rapport_ctx *ctx, const rapport_node *obj, const char *key,
                        const rapport_node **out)
{
	const cJSON *v = J(h_get(obj, key));

	if (cJSON_IsArray(v)) {
		*out = N(v);
		return RAPPORT_OK;
	}
	need_error(ctx->fh, J(obj), key, v, "an array");
	return RAPPORT_FAIL;
}

static int h_need_object(rapport_ctx *ctx, const rapport_node *obj, const char *key,
                         const rapport_node **out)
{
	const cJSON *v = J(h_get(obj, key));

	if (cJSON_IsObject(v)) {
		*out = N(v);
		return RAPPORT_OK;
	}
	need_error(ctx->fh, J(obj), key, v, "an object");
	return RAPPORT_FAIL;
}

/* ---------------------------------------------------- host: diagnostics */

static void h_error(rapport_ctx *ctx, const rapport_node *at, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = vprintf_alloc(fmt, ap);
	va_end(ap);
	report(ctx->fh, &ctx->fh->errors, J(at), NULL, msg);
	free(msg);
}

static void h_warning(rapport_ctx *ctx, const rapport_node *at, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = vprintf_alloc(fmt, ap);
	va_end(ap);
	report(ctx->fh, &ctx->fh->warnings, J(at), NULL, msg);
	free(msg);
}

/* ------------------------------------------------- host: emitting blocks */

/* Is s valid UTF-8? */
static int utf8_valid(const unsigned char *s)
{
	while (*s) {
		int n = *s < 0x80             ? 0
		        : (*s & 0xE0) == 0xC0 ? 1
		        : (*s & 0xF0) == 0xE0 ? 2
		        : (*s & 0xF8) == 0xF0 ? 3
		                              : -1;
		if (n < 0 || (n == 1 && *s < 0xC2))
			return 0;
		s++;
		while (n-- > 0) {
			if ((*s & 0xC0) != 0x80)
				return 0;
			s++;
		}
	}
	return 1;
}

/* Checks a string handed to an emit function; markup: also ** and * balance. */
static void check_text(fakehost *fh, const char *what, const char *s, int markup)
{
	int bold = 0, italic = 0;
	const char *p;

	if (s == NULL) {
		violation(fh, "%s: NULL text", what);
		return;
	}
	if (!utf8_valid((const unsigned char *)s))
		violation(fh, "%s: invalid UTF-8: %s", what, s);
	if (!markup)
		return;
	for (p = s; *p; p++) {
		if (*p == '\\' && p[1] != '\0') {
			p++;
		} else if (*p == '*' && p[1] == '*') {
			bold = !bold;
			p++;
		} else if (*p == '*') {
			italic = !italic;
		}
	}
	if (bold || italic)
		violation(fh, "%s: unbalanced markup: %s", what, s);
}

/* A new zeroed block of `kind`, after checking the emit is allowed now. */
static fh_block *new_block(fakehost *fh, int kind, const char *what)
{
	fh_block *b;

	if (fh->phase != PHASE_EMIT)
		violation(fh, "%s outside emit()", what);
	if (fh->open_table >= 0)
		violation(fh, "%s inside an open table", what);
	if (fh->nblocks == fh->capblocks) {
		fh->capblocks = fh->capblocks ? 2 * fh->capblocks : 32;
		fh->blocks = xrealloc(fh->blocks, fh->capblocks * sizeof *fh->blocks);
	}
	b = &fh->blocks[fh->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

static void h_heading(rapport_ctx *ctx, int level, const char *text)
{
	fakehost *fh = ctx->fh;
	fh_block *b = new_block(fh, FH_HEADING, "heading");

	if (level < 1 || level > 2)
		violation(fh, "heading level %d (the project uses 1..2)", level);
	if (fh->list_depth > 0)
		violation(fh, "heading inside a list");
	check_text(fh, "heading", text, 1);
	b->level = level;
	b->text = xstrdup(text);
}

static void h_paragraph(rapport_ctx *ctx, const char *markup)
{
	fakehost *fh = ctx->fh;
	fh_block *b = new_block(fh, FH_PARAGRAPH, "paragraph");

	if (fh->list_depth > 0)
		violation(fh, "paragraph inside a list");
	check_text(fh, "paragraph", markup, 1);
	b->text = xstrdup(markup);
}

static void h_list_begin(rapport_ctx *ctx, int ordered)
{
	fakehost *fh = ctx->fh;
	fh_block *b = new_block(fh, FH_LIST_BEGIN, "list_begin");

	if (fh->list_depth > 0 && fh->list_items[fh->list_depth] == 0)
		violation(fh, "sub-list before any item");
	if (fh->list_depth == FH_MAX_LIST_DEPTH) {
		violation(fh, "lists nested too deep");
		return;
	}
	fh->list_depth++;
	fh->list_items[fh->list_depth] = 0;
	b->level = fh->list_depth;
	b->ordered = ordered != 0;
}

static void h_list_item(rapport_ctx *ctx, const char *markup)
{
	fakehost *fh = ctx->fh;
	fh_block *b = new_block(fh, FH_LIST_ITEM, "list_item");

	if (fh->list_depth == 0)
		violation(fh, "list_item outside a list");
	else
		fh->list_items[fh->list_depth]++;
	check_text(fh, "list_item", markup, 1);
	b->level = fh->list_depth;
	b->text = xstrdup(markup);
}

static void h_list_end(rapport_ctx *ctx)
{
	fakehost *fh = ctx->fh;
	fh_block *b = new_block(fh, FH_LIST_END, "list_end");

	if (fh->list_depth == 0) {
		violation(fh, "list_end without list_begin");
		return;
	}
	if (fh->list_items[fh->list_depth] == 0)
		violation(fh, "empty list");
	b->level = fh->list_depth--;
}

static void h_table_begin(rapport_ctx *ctx, const char *caption, size_t ncols,
                          const char *const *header, const int *align)
{
	fakehost *fh = ctx->fh;
	fh_block *b = new_block(fh, FH_TABLE, "table_begin");
	size_t i;

	if (fh->list_depth > 0)
		violation(fh, "table inside a list");
	check_text(fh, "table caption", caption, 1);
	b->text = xstrdup(caption);
	if (ncols == 0 || header == NULL) {
		violation(fh, "table without columns or header");
		ncols = 0;
	}
	b->ncols = ncols;
	b->header = xmalloc(ncols * sizeof *b->header);
	for (i = 0; i < ncols; i++) {
		check_text(fh, "table header", header[i], 0);
		b->header[i] = xstrdup(header[i]);
	}
	if (align != NULL) {
		b->align = xmalloc(ncols * sizeof *b->align);
		memcpy(b->align, align, ncols * sizeof *b->align);
	}
	fh->open_table = (long)(fh->nblocks - 1);
}

static void h_table_row(rapport_ctx *ctx, const char *const *cells, unsigned flags)
{
	fakehost *fh = ctx->fh;
	fh_block *t;
	size_t i;

	if (fh->open_table < 0) {
		violation(fh, "table_row outside a table");
		return;
	}
	t = &fh->blocks[fh->open_table];
	if (cells == NULL) {
		violation(fh, "table_row with NULL cells");
		return;
	}
	t->cells = xrealloc(t->cells, (t->nrows + 1) * t->ncols * sizeof *t->cells);
	t->row_flags = xrealloc(t->row_flags, (t->nrows + 1) * sizeof *t->row_flags);
	for (i = 0; i < t->ncols; i++) {
		check_text(fh, "table cell", cells[i], 1);
		t->cells[t->nrows * t->ncols + i] = xstrdup(cells[i] ? cells[i] : "");
	}
	t->row_flags[t->nrows++] = flags;
}

static void h_table_end(rapport_ctx *ctx)
{
	fakehost *fh = ctx->fh;

	if (fh->open_table < 0) {
		violation(fh, "table_end outside a table");
		return;
	}
	if (fh->blocks[fh->open_table].nrows == 0)
		violation(fh, "empty table: %s", fh->blocks[fh->open_table].text);
	fh->open_table = -1;
}

static void h_chart(rapport_ctx *ctx, const rapport_chart *c)
{
	fakehost *fh = ctx->fh;
	fh_block *b = new_block(fh, FH_CHART, "chart");
	size_t i, j;

	if (fh->list_depth > 0)
		violation(fh, "chart inside a list");
	if (c == NULL || c->kind < RAPPORT_CHART_BAR || c->kind > RAPPORT_CHART_LINE ||
	    c->n_categories == 0 || c->categories == NULL || c->n_series == 0 ||
	    c->series == NULL) {
		violation(fh, "malformed chart");
		b->text = xstrdup("(malformed chart)");
		return;
	}
	check_text(fh, "chart caption", c->caption, 1);
	check_text(fh, "chart alt", c->alt, 0);
	b->chart_kind = c->kind;
	b->text = xstrdup(c->caption);
	b->alt = xstrdup(c->alt);
	b->x_title = xstrdup(c->x_title);
	b->y_title = xstrdup(c->y_title);
	b->ncat = c->n_categories;
	b->nseries = c->n_series;
	b->categories = xmalloc(b->ncat * sizeof *b->categories);
	for (i = 0; i < b->ncat; i++) {
		check_text(fh, "chart category", c->categories[i], 0);
		b->categories[i] = xstrdup(c->categories[i] ? c->categories[i] : "");
	}
	b->series_names = xmalloc(b->nseries * sizeof *b->series_names);
	b->values = xmalloc(b->nseries * b->ncat * sizeof *b->values);
	for (i = 0; i < b->nseries; i++) {
		check_text(fh, "series name", c->series[i].name, 0);
		b->series_names[i] = xstrdup(c->series[i].name ? c->series[i].name : "");
		for (j = 0; j < b->ncat; j++) {
			double v = c->series[i].values ? c->series[i].values[j] : NAN;
			if (!isfinite(v))
				violation(fh, "chart value not finite");
			b->values[i * b->ncat + j] = v;
		}
	}
}

/* ------------------------------------------- host: language and numbers */

static const char *h_lang(rapport_ctx *ctx)
{
	return ctx->fh->lang;
}

static const char *h_label(rapport_ctx *ctx, const char *key)
{
	fakehost *fh = ctx->fh;
	const rapport_label *l;
	size_t i;

	for (l = fh->current ? fh->current->labels : NULL; l != NULL && l->key != NULL; l++) {
		if (strcmp(l->key, key) != 0)
			continue;
		if (strcmp(fh->lang, "en") == 0 && l->en != NULL)
			return l->en;
		return l->sv;
	}
	for (i = 0; i < fh->missing_labels.n; i++)
		if (strcmp(fh->missing_labels.v[i], key) == 0)
			return key;
	strvec_push(&fh->missing_labels, xstrdup(key));
	return key;
}

static int is_en(const fakehost *fh)
{
	return strcmp(fh->lang, "en") == 0;
}

/* Inserts the language's thousands separator into a string of digits. */
static char *group(const fakehost *fh, const char *digits)
{
	const char *sep = is_en(fh) ? "," : "\u00a0";
	size_t n = strlen(digits), seplen = strlen(sep), i, o = 0;
	char *s = xmalloc(n + (n / 3 + 1) * seplen + 1);

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0) {
			memcpy(s + o, sep, seplen);
			o += seplen;
		}
		s[o++] = digits[i];
	}
	s[o] = '\0';
	return s;
}

/* |v| with `decimals` decimals in the language's conventions, malloc'd;
 * *zero tells whether it rounds to zero.  Like the real host, v is first
 * taken to 15 significant digits and then rounded half away from zero. */
static char *format_abs(const fakehost *fh, double v, int decimals, int *zero)
{
	char buf[512], *dot, *intpart, *s;
	const char *p;
	double scale, r;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	scale = pow(10.0, decimals);
	snprintf(buf, sizeof buf, "%.15g", fabs(v));
	r = strtod(buf, NULL) * scale;
	snprintf(buf, sizeof buf, "%.15g", r);
	r = round(strtod(buf, NULL)) / scale;
	snprintf(buf, sizeof buf, "%.*f", decimals, r);
	*zero = 1;
	for (p = buf; *p; p++)
		if (*p >= '1' && *p <= '9')
			*zero = 0;
	dot = strchr(buf, '.');
	if (dot != NULL)
		*dot = '\0';
	intpart = group(fh, buf);
	s = printf_alloc("%s%s%s", intpart, dot ? (is_en(fh) ? "." : ",") : "", dot ? dot + 1 : "");
	free(intpart);
	return s;
}

/* A number with an optional sign (`plus` for positive values, U+2212 for
 * negative ones, none when it rounds to zero) and suffix, in scratch memory;
 * "–" for NaN and infinities. */
static const char *signed_number(fakehost *fh, double v, int decimals, const char *plus,
                                 const char *suffix)
{
	int zero;
	char *a, *s;
	const char *sign;

	if (!isfinite(v))
		return scratch(fh, xstrdup("\u2013"));
	a = format_abs(fh, v, decimals, &zero);
	sign = zero ? "" : v < 0 ? "\u2212" : plus;
	s = printf_alloc("%s%s%s", sign, a, suffix);
	free(a);
	return scratch(fh, s);
}

static const char *h_fmt_int(rapport_ctx *ctx, long value)
{
	return signed_number(ctx->fh, (double)value, 0, "", "");
}

static const char *h_fmt_number(rapport_ctx *ctx, double value, int decimals)
{
	return signed_number(ctx->fh, value, decimals, "", "");
}

static const char *h_fmt_percent(rapport_ctx *ctx, double percent, int decimals)
{
	return signed_number(ctx->fh, percent, decimals, "", is_en(ctx->fh) ? "%" : "\u00a0%");
}

static const char *h_fmt_change(rapport_ctx *ctx, double value, int decimals, int percent)
{
	const char *suffix = percent ? (is_en(ctx->fh) ? "%" : "\u00a0%") : "";
	return signed_number(ctx->fh, value, decimals, "+", suffix);
}

static const char *h_fmt(rapport_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vprintf_alloc(fmt, ap);
	va_end(ap);
	return scratch(ctx->fh, s);
}

/* -------------------------------------------------------- setting up */

fakehost *fh_new(void)
{
	fakehost *fh = xmalloc(sizeof *fh);
	rapport_host *h = &fh->host;

	memset(fh, 0, sizeof *fh);
	fh->ctx.fh = fh;
	fh->reg.fh = fh;
	fh->open_table = -1;
	strcpy(fh->lang, "sv");
	h->abi = RAPPORT_ABI;
	h->api_level = RAPPORT_API_LEVEL;
	h->size = sizeof *h;
	h->register_section = h_register_section;
	h->section = h_section;
	h->year_count = h_year_count;
	h->year = h_year;
	h->year_data = h_year_data;
	h->report = h_report;
	h->whole_period = h_whole_period;
	h->kind = h_kind;
	h->get = h_get;
	h->length = h_length;
	h->at = h_at;
	h->key_at = h_key_at;
	h->string = h_string;
	h->number = h_number;
	h->boolean = h_boolean;
	h->need_int = h_need_int;
	h->need_string = h_need_string;
	h->need_array = h_need_array;
	h->need_object = h_need_object;
	h->error = h_error;
	h->warning = h_warning;
	h->heading = h_heading;
	h->paragraph = h_paragraph;
	h->list_begin = h_list_begin;
	h->list_item = h_list_item;
	h->list_end = h_list_end;
	h->table_begin = h_table_begin;
	h->table_row = h_table_row;
	h->table_end = h_table_end;
	h->chart = h_chart;
	h->lang = h_lang;
	h->label = h_label;
	h->fmt_int = h_fmt_int;
	h->fmt_number = h_fmt_number;
	h->fmt_percent = h_fmt_percent;
	h->fmt_change = h_fmt_change;
	h->fmt = h_fmt;
	return fh;
}

static void block_free(fh_block *b)
{
	size_t i;

	free(b->text);
	for (i = 0; i < b->ncols; i++)
		free(b->header[i]);
	free(b->header);
	free(b->align);
	for (i = 0; i < b->nrows * b->ncols; i++)
		free(b->cells[i]);
	free(b->cells);
	free(b->row_flags);
	free(b->alt);
	free(b->x_title);
	free(b->y_title);
	for (i = 0; i < b->ncat; i++)
		free(b->categories[i]);
	free(b->categories);
	for (i = 0; i < b->nseries; i++)
		free(b->series_names[i]);
	free(b->series_names);
	free(b->values);
}

/* Forgets everything a previous run recorded. */
static void reset_run(fakehost *fh)
{
	size_t i;

	for (i = 0; i < fh->nblocks; i++)
		block_free(&fh->blocks[i]);
	fh->nblocks = 0;
	fh->open_table = -1;
	fh->list_depth = 0;
	strvec_clear(&fh->errors);
	strvec_clear(&fh->warnings);
	strvec_clear(&fh->violations);
	strvec_clear(&fh->missing_labels);
	strvec_clear(&fh->scratch);
	doc_free(&fh->synthetic);
}

void fh_free(fakehost *fh)
{
	size_t i;

	if (fh == NULL)
		return;
	reset_run(fh);
	free(fh->blocks);
	strvec_free(&fh->errors);
	strvec_free(&fh->warnings);
	strvec_free(&fh->violations);
	strvec_free(&fh->missing_labels);
	strvec_free(&fh->scratch);
	doc_free(&fh->report);
	doc_free(&fh->section);
	for (i = 0; i < fh->nyears; i++)
		doc_free(&fh->years[i]);
	free(fh->dump);
	free(fh);
}

int fh_register(fakehost *fh, rapport_entry_fn entry)
{
	int rc;

	fh->phase = PHASE_ENTRY;
	rc = entry(&fh->host, &fh->reg);
	fh->phase = PHASE_NONE;
	return rc;
}

/* Parses text into d (named name); 0 or -1 with fh->load_error set. */
static int parse_doc(fakehost *fh, struct fh_doc *d, const char *name, const char *text)
{
	cJSON *root = cJSON_Parse(text);

	if (root == NULL) {
		const char *at = cJSON_GetErrorPtr();
		snprintf(fh->load_error, sizeof fh->load_error, "%s: JSON syntax error near: %.40s",
		         name, at ? at : "?");
		return -1;
	}
	doc_free(d);
	d->root = root;
	d->name = xstrdup(name);
	return 0;
}

/* Adds a year file, keeping years[] sorted; a year already loaded is
 * replaced. */
static int add_year(fakehost *fh, const char *name, const char *text)
{
	struct fh_doc d = {NULL, NULL, 0};
	const cJSON *year;
	size_t i;

	if (parse_doc(fh, &d, name, text) != 0)
		return -1;
	year = cJSON_GetObjectItemCaseSensitive(d.root, "year");
	if (!cJSON_IsNumber(year)) {
		snprintf(fh->load_error, sizeof fh->load_error, "%s: no \"year\"", name);
		doc_free(&d);
		return -1;
	}
	d.year = year->valueint;
	for (i = 0; i < fh->nyears && fh->years[i].year < d.year; i++)
		;
	if (i < fh->nyears && fh->years[i].year == d.year) {
		doc_free(&fh->years[i]);
	} else {
		if (fh->nyears == FH_MAX_YEARS) {
			doc_free(&d);
			return -1;
		}
		memmove(&fh->years[i + 1], &fh->years[i], (fh->nyears - i) * sizeof d);
		fh->nyears++;
	}
	fh->years[i] = d;
	return 0;
}

/* The whole file at path, malloc'd and NUL-terminated, or NULL. */
static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (f == NULL)
		return NULL;
	do {
		if (cap - n < 4096) {
			cap = cap ? 2 * cap : 65536;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

int fh_set_report_json(fakehost *fh, const char *json)
{
	return parse_doc(fh, &fh->report, "report.json", json);
}

int fh_add_year_json(fakehost *fh, const char *json)
{
	const cJSON *year;
	char name[32];
	cJSON *probe = cJSON_Parse(json);

	year = cJSON_GetObjectItemCaseSensitive(probe, "year");
	snprintf(name, sizeof name, "%d.json", cJSON_IsNumber(year) ? year->valueint : 0);
	cJSON_Delete(probe);
	return add_year(fh, name, json);
}

int fh_set_section_json(fakehost *fh, const char *json)
{
	return parse_doc(fh, &fh->section, "section.json", json);
}

int fh_load_report(fakehost *fh, const char *path)
{
	char *text = read_file(path), *dir, *slash;
	const cJSON *years, *y;
	int rc;

	if (text == NULL) {
		snprintf(fh->load_error, sizeof fh->load_error, "%s: cannot read", path);
		return -1;
	}
	rc = parse_doc(fh, &fh->report, path, text);
	free(text);
	if (rc != 0)
		return -1;
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash != NULL)
		*slash = '\0';
	else
		strcpy(dir, ".");
	years = cJSON_GetObjectItemCaseSensitive(fh->report.root, "years");
	cJSON_ArrayForEach(y, years)
	{
		char *p;
		if (!cJSON_IsString(y))
			continue;
		p = printf_alloc("%s/%s", dir, y->valuestring);
		text = read_file(p);
		if (text == NULL) {
			snprintf(fh->load_error, sizeof fh->load_error, "%s: cannot read", p);
			rc = -1;
		} else if (add_year(fh, y->valuestring, text) != 0) {
			rc = -1;
		}
		free(text);
		free(p);
	}
	free(dir);
	return rc;
}

const char *fh_data_path(const char *name)
{
	static char buf[4096];
	const char *top = getenv("top_srcdir");

	if (top == NULL || top[0] == '\0') {
#ifdef ABS_TOP_SRCDIR
		top = ABS_TOP_SRCDIR;
#else
		top = "../..";
#endif
	}
	snprintf(buf, sizeof buf, "%s/data/%s", top, name);
	return buf;
}

int fh_load_data_report(fakehost *fh, const char *name)
{
	return fh_load_report(fh, fh_data_path(name));
}

const char *fh_last_load_error(const fakehost *fh)
{
	return fh->load_error;
}

void fh_set_lang(fakehost *fh, const char *lang)
{
	snprintf(fh->lang, sizeof fh->lang, "%s", strcmp(lang, "en") == 0 ? "en" : "sv");
}

void fh_select_years(fakehost *fh, int first, int last)
{
	fh->sel_set = 1;
	fh->sel_first = first;
	fh->sel_last = last;
}

/* ------------------------------------------------------------ running */

static void select_years(fakehost *fh)
{
	size_t i;

	fh->nsel = 0;
	for (i = 0; i < fh->nyears; i++) {
		int y = fh->years[i].year;
		if (!fh->sel_set || (y >= fh->sel_first && y <= fh->sel_last))
			fh->sel[fh->nsel++] = i;
	}
}

/* Checks the state a callback left behind and frees its scratch memory. */
static void after_callback(fakehost *fh, const char *which, int rc, size_t errors_before)
{
	size_t errors = fh->errors.n - errors_before;

	if (rc != RAPPORT_OK && rc != RAPPORT_FAIL)
		violation(fh, "%s returned %d", which, rc);
	if (rc == RAPPORT_FAIL && errors == 0)
		violation(fh, "%s failed without reporting an error", which);
	if (rc == RAPPORT_OK && errors > 0)
		violation(fh, "%s reported %zu error(s) but returned RAPPORT_OK", which, errors);
	strvec_clear(&fh->scratch);
}

int fh_run(fakehost *fh, const char *name)
{
	size_t i, before;
	int rc = RAPPORT_OK;

	reset_run(fh);
	fh->current = NULL;
	for (i = 0; i < fh->ntypes; i++)
		if (strcmp(fh->types[i]->name, name) == 0)
			fh->current = fh->types[i];
	if (fh->current == NULL)
		return RAPPORT_FAIL;
	select_years(fh);
	if (fh->current->validate != NULL) {
		fh->phase = PHASE_VALIDATE;
		before = fh->errors.n;
		rc = fh->current->validate(&fh->host, &fh->ctx);
		after_callback(fh, "validate", rc, before);
		if (fh->nblocks > 0)
			violation(fh, "validate emitted blocks");
	}
	if (rc == RAPPORT_OK) {
		fh->phase = PHASE_EMIT;
		before = fh->errors.n;
		rc = fh->current->emit(&fh->host, &fh->ctx);
		after_callback(fh, "emit", rc, before);
		if (fh->open_table >= 0)
			violation(fh, "emit returned with a table open");
		if (fh->list_depth > 0)
			violation(fh, "emit returned with %d list(s) open", fh->list_depth);
	}
	fh->phase = PHASE_NONE;
	return rc;
}

/* ------------------------------------------------------- what happened */

size_t fh_block_count(const fakehost *fh)
{
	return fh->nblocks;
}

const fh_block *fh_block_at(const fakehost *fh, size_t i)
{
	return i < fh->nblocks ? &fh->blocks[i] : NULL;
}

size_t fh_error_count(const fakehost *fh)
{
	return fh->errors.n;
}

const char *fh_error_at(const fakehost *fh, size_t i)
{
	return i < fh->errors.n ? fh->errors.v[i] : NULL;
}

size_t fh_warning_count(const fakehost *fh)
{
	return fh->warnings.n;
}

const char *fh_warning_at(const fakehost *fh, size_t i)
{
	return i < fh->warnings.n ? fh->warnings.v[i] : NULL;
}

size_t fh_violation_count(const fakehost *fh)
{
	return fh->violations.n;
}

const char *fh_violation_at(const fakehost *fh, size_t i)
{
	return i < fh->violations.n ? fh->violations.v[i] : NULL;
}

size_t fh_missing_label_count(const fakehost *fh)
{
	return fh->missing_labels.n;
}

const char *fh_missing_label_at(const fakehost *fh, size_t i)
{
	return i < fh->missing_labels.n ? fh->missing_labels.v[i] : NULL;
}

int fh_error_contains(const fakehost *fh, const char *needle)
{
	size_t i;

	for (i = 0; i < fh->errors.n; i++)
		if (strstr(fh->errors.v[i], needle) != NULL)
			return 1;
	return 0;
}

int fh_clean(const fakehost *fh)
{
	return fh->errors.n == 0 && fh->violations.n == 0 && fh->missing_labels.n == 0;
}

struct buf {
	char *s;
	size_t n, cap;
};

static void buf_add(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;
	size_t n;

	va_start(ap, fmt);
	s = vprintf_alloc(fmt, ap);
	va_end(ap);
	n = strlen(s);
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n + 1);
	b->n += n;
	free(s);
}

static void dump_block(struct buf *b, const fh_block *k)
{
	static const char *const chart_names[] = {"bar", "stacked bar", "line"};
	size_t r, c;

	switch (k->kind) {
	case FH_HEADING:
		buf_add(b, "H%d %s\n", k->level, k->text);
		break;
	case FH_PARAGRAPH:
		buf_add(b, "P %s\n", k->text);
		break;
	case FH_LIST_BEGIN:
		buf_add(b, "%*sLIST%s\n", 2 * (k->level - 1), "", k->ordered ? " (ordered)" : "");
		break;
	case FH_LIST_ITEM:
		buf_add(b, "%*s- %s\n", 2 * k->level, "", k->text);
		break;
	case FH_LIST_END:
		buf_add(b, "%*sEND LIST\n", 2 * (k->level - 1), "");
		break;
	case FH_TABLE:
		buf_add(b, "TABLE %s\n ", k->text);
		for (c = 0; c < k->ncols; c++)
			buf_add(b, " | %s", k->header[c]);
		buf_add(b, " |\n");
		for (r = 0; r < k->nrows; r++) {
			buf_add(b, "%s", k->row_flags[r] & RAPPORT_ROW_TOTAL ? "=" : " ");
			for (c = 0; c < k->ncols; c++)
				buf_add(b, " | %s", k->cells[r * k->ncols + c]);
			buf_add(b, " |\n");
		}
		break;
	case FH_CHART:
		buf_add(b, "CHART %s: %s\n  categories:", chart_names[k->chart_kind], k->text);
		for (c = 0; c < k->ncat; c++)
			buf_add(b, " %s", k->categories[c]);
		buf_add(b, "\n");
		for (r = 0; r < k->nseries; r++) {
			buf_add(b, "  %s:", k->series_names[r]);
			for (c = 0; c < k->ncat; c++)
				buf_add(b, " %g", k->values[r * k->ncat + c]);
			buf_add(b, "\n");
		}
		break;
	default:
		break;
	}
}

const char *fh_dump(fakehost *fh)
{
	struct buf b = {NULL, 0, 0};
	size_t i;

	buf_add(&b, "%s", "");
	for (i = 0; i < fh->nblocks; i++)
		dump_block(&b, &fh->blocks[i]);
	for (i = 0; i < fh->errors.n; i++)
		buf_add(&b, "ERROR %s\n", fh->errors.v[i]);
	for (i = 0; i < fh->warnings.n; i++)
		buf_add(&b, "WARNING %s\n", fh->warnings.v[i]);
	for (i = 0; i < fh->violations.n; i++)
		buf_add(&b, "VIOLATION %s\n", fh->violations.v[i]);
	for (i = 0; i < fh->missing_labels.n; i++)
		buf_add(&b, "MISSING LABEL %s\n", fh->missing_labels.v[i]);
	free(fh->dump);
	fh->dump = b.s;
	return fh->dump;
}

int fh_dump_contains(fakehost *fh, const char *needle)
{
	return strstr(fh_dump(fh), needle) != NULL;
}

/* ------------------------------------------------------ finding things */

const fh_block *fh_find(const fakehost *fh, const fh_block *after, int kind, const char *needle)
{
	size_t i = after ? (size_t)(after - fh->blocks) + 1 : 0;

	for (; i < fh->nblocks; i++) {
		const fh_block *b = &fh->blocks[i];
		if (b->kind != kind)
			continue;
		if (needle == NULL || (b->text != NULL && strstr(b->text, needle) != NULL))
			return b;
	}
	return NULL;
}

size_t fh_count(const fakehost *fh, int kind, const char *needle)
{
	const fh_block *b = NULL;
	size_t n = 0;

	while ((b = fh_find(fh, b, kind, needle)) != NULL)
		n++;
	return n;
}

const fh_block *fh_find_chart(const fakehost *fh, int chart_kind)
{
	size_t i;

	for (i = 0; i < fh->nblocks; i++)
		if (fh->blocks[i].kind == FH_CHART && fh->blocks[i].chart_kind == chart_kind)
			return &fh->blocks[i];
	return NULL;
}

const char *fh_cell(const fh_block *t, size_t row, size_t col)
{
	if (t == NULL || t->kind != FH_TABLE || row >= t->nrows || col >= t->ncols)
		return NULL;
	return t->cells[row * t->ncols + col];
}

long fh_row_index(const fh_block *t, const char *row_key)
{
	size_t r;

	if (t == NULL || t->kind != FH_TABLE || t->ncols == 0)
		return -1;
	for (r = 0; r < t->nrows; r++)
		if (strcmp(t->cells[r * t->ncols], row_key) == 0)
			return (long)r;
	return -1;
}

const char *fh_lookup(const fh_block *t, const char *row_key, const char *col_header)
{
	long r = fh_row_index(t, row_key);
	size_t c;

	if (r < 0)
		return NULL;
	for (c = 0; c < t->ncols; c++)
		if (strcmp(t->header[c], col_header) == 0)
			return fh_cell(t, (size_t)r, c);
	return NULL;
}

double fh_chart_value(const fh_block *chart, const char *series, const char *category)
{
	size_t s, c;

	if (chart == NULL || chart->kind != FH_CHART)
		return NAN;
	for (s = 0; s < chart->nseries; s++) {
		if (strcmp(chart->series_names[s], series) != 0)
			continue;
		for (c = 0; c < chart->ncat; c++)
			if (strcmp(chart->categories[c], category) == 0)
				return chart->values[s * chart->ncat + c];
	}
	return NAN;
}
