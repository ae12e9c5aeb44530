#include "config.h"

#include "cmd/describe.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/suggest.h"
#include "cmd/cmd.h"
#include "plugin/loader.h"
#include "sections/builtin.h"

/* The type of a field in words, e.g. "array of whole numbers". */
static const char *type_words(int type, int items, int has_fields)
{
	switch (type) {
	case RAPPORT_T_INT:
		return "whole number";
	case RAPPORT_T_NUMBER:
		return "number";
	case RAPPORT_T_STRING:
		return "string";
	case RAPPORT_T_BOOL:
		return "true or false";
	case RAPPORT_T_OBJECT:
		return "object";
	case RAPPORT_T_ARRAY:
		if (has_fields)
			return "array of objects";
		switch (items) {
		case RAPPORT_T_INT:
			return "array of whole numbers";
		case RAPPORT_T_NUMBER:
			return "array of numbers";
		case RAPPORT_T_STRING:
			return "array of strings";
		case RAPPORT_T_BOOL:
			return "array of true/false";
		default:
			return "array";
		}
	default:
		return "any value";
	}
}

/* A number as written in JSON: whole numbers without decimals. */
static void put_number(FILE *out, double v)
{
	if (v == (double)(long long)v)
		fprintf(out, "%lld", (long long)v);
	else
		fprintf(out, "%g", v);
}

/* One table row per field of the list, nested fields under their parent's
 * path ("lines[].item", "totals.spent"). */
static void field_rows(FILE *out, const rapport_field *fields, const char *prefix)
{
	for (const rapport_field *f = fields; f && f->key; f++) {
		fprintf(out, "| `%s%s` | %s | %s | ", prefix, f->key,
		        type_words(f->type, f->items, f->fields != NULL),
		        f->required ? "yes" : "no");
		int any = 0;
		if (f->min < f->max) {
			put_number(out, f->min);
			fputs(" to ", out);
			put_number(out, f->max);
			any = 1;
		}
		for (const char *const *v = f->values; v && *v; v++) {
			fprintf(out, "%s`\"%s\"`", any ? ", " : "", *v);
			any = 1;
		}
		fprintf(out, "%s | %s |\n", any ? "" : "any", f->doc ? f->doc : "");
		if (f->fields) {
			char sub[256];
			snprintf(sub, sizeof(sub), "%s%s%s", prefix, f->key,
			         f->type == RAPPORT_T_ARRAY ? "[]." : ".");
			field_rows(out, f->fields, sub);
		}
	}
}

static void field_table(FILE *out, const rapport_field *fields, const char *prefix)
{
	fputs("| key | type | required | allowed | description |\n", out);
	fputs("|---|---|---|---|---|\n", out);
	field_rows(out, fields, prefix);
}

void describe_markdown(FILE *out, const rapport_section_type *t, const char *origin)
{
	fprintf(out, "# Section type `%s`\n\n", t->name);
	fprintf(out, "%s%s\n\n", t->description ? t->description : "",
	        t->description && *t->description ? "." : "");
	fprintf(out, "Version %s, plugin API level %u, from `%s`.\n\n",
	        t->version ? t->version : "?", t->api_level, origin);
	if (t->api_level < 2) {
		fputs("This section type declares no data fields (it was written for plugin API "
		      "level 1); its own validation still checks the data.\n",
		      out);
		return;
	}
	fputs("## The section in the report definition\n\n", out);
	fprintf(out,
	        "`{\"type\": \"%s\", \"title\": ...}` in `sections`; besides the members every "
	        "section may have (`type`, `title`, `level`, `whole_period`, `intro`, "
	        "`outro`):\n\n",
	        t->name);
	if (t->section_fields && t->section_fields->key)
		field_table(out, t->section_fields, "");
	else
		fputs("No options.\n", out);
	fputs("\n## The year files\n\n", out);
	if (t->year_key && t->year_fields) {
		fprintf(out,
		        "Each year file may have a member `%s`; a year without it is left out of "
		        "the section.\n\n",
		        t->year_key);
		char prefix[128];
		snprintf(prefix, sizeof(prefix), "%s.", t->year_key);
		field_table(out, t->year_fields, prefix);
	} else {
		fputs("The section reads nothing from the year files.\n", out);
	}
}

/* `rapport describe NAME`: loads the section types and describes one. */
static int describe_type(const build_opts *o, const char *name, diag *d)
{
	plugin_set set;
	int rc = sections_load(&set, o->plugin_dirs, o->nplugin_dirs, d) ? EXIT_PLUGIN : EXIT_OK;
	const section_kind *k = plugins_find(&set, name);
	if (k) {
		describe_markdown(stdout, k->type, k->path);
	} else if (rc == EXIT_OK) {
		const char **names = xcalloc(set.nkinds + 1, sizeof(*names));
		for (size_t i = 0; i < set.nkinds; i++)
			names[i] = set.kinds[i].type->name;
		const char *best = suggest_closest(name, names, set.nkinds);
		if (best)
			diag_error(d, NULL, "no section type \"%s\"; did you mean \"%s\"?", name,
			           best);
		else
			diag_error(d, NULL,
			           "no plugin provides section type \"%s\" (see `rapport plugins`)",
			           name);
		free(names);
		rc = EXIT_PLUGIN;
	}
	plugins_free(&set);
	return rc;
}

typedef struct describe_args {
	const cmd *c;
	build_opts o;
	const char **dirs;
} describe_args;

static int on_describe_opt(int opt, const char *arg, void *ud)
{
	describe_args *a = ud;
	int rc = cmd_build_option(a->c, opt, arg, &a->o, a->dirs);
	return rc >= 0 ? rc : EXIT_FAILURE_INTERNAL;
}

static const struct option describe_long[] = {
        {"plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR},
        CMD_OPT_HELP,
        {NULL, 0, NULL, 0},
};

int cmd_describe(const cmd *c, int argc, char **argv)
{
	describe_args a = {.c = c};
	a.dirs = xcalloc((size_t)argc + 1, sizeof(*a.dirs));
	int first, done;
	int rc = cmd_options(c, argc, argv, "", describe_long, on_describe_opt, &a, &first, &done);
	if (rc == EXIT_OK && !done && argc - first != 1)
		rc = cmd_usage_error(c, "describe wants one section type: rapport describe TYPE");
	if (rc == EXIT_OK && !done) {
		diag d;
		diag_init(&d);
		rc = describe_type(&a.o, argv[first], &d);
	}
	free(a.dirs);
	return rc;
}
