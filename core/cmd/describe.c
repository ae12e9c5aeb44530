#include "config.h"

#include "cmd/describe.h"

#include <string.h>

#include "plugin/host.h"
#include "plugin/loader.h"

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

int describe_run(const build_opts *o, const char *name, diag *d)
{
	plugin_set set;
	plugins_init(&set, o->plugin_dirs, o->nplugin_dirs);
	int rc = plugins_load_all(&set, host_table(), d) ? EXIT_PLUGIN : EXIT_OK;
	const section_kind *k = plugins_find(&set, name);
	if (k) {
		describe_markdown(stdout, k->type, k->path);
	} else if (rc == EXIT_OK) {
		diag_error(d, NULL,
		           "no plugin provides section type \"%s\" (see `rapport plugins`)", name);
		rc = EXIT_PLUGIN;
	}
	plugins_free(&set);
	return rc;
}
