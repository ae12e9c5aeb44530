/*
 * plugins.c - `rapport plugins`: every section type registered, the built-in
 * ones and the plugins', with version, description and file.
 */
#include "config.h"

#include <stdlib.h>

#include "base/arena.h"
#include "cmd/cmd.h"
#include "sections/builtin.h"

typedef struct plugins_args {
	const cmd *c;
	build_opts o;
	const char **dirs;
	int verbose;
} plugins_args;

static int on_plugins_opt(int opt, const char *arg, void *ud)
{
	plugins_args *a = ud;
	if (opt == 'v') {
		a->verbose = 1;
		return EXIT_OK;
	}
	int rc = cmd_build_option(a->c, opt, arg, &a->o, a->dirs);
	return rc >= 0 ? rc : EXIT_FAILURE_INTERNAL;
}

static const struct option plugins_long[] = {
        {"plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR},
        {"verbose", no_argument, NULL, 'v'},
        CMD_OPT_HELP,
        {NULL, 0, NULL, 0},
};

int cmd_plugins(const cmd *c, int argc, char **argv)
{
	plugins_args a = {.c = c};
	a.dirs = xcalloc((size_t)argc + 1, sizeof(*a.dirs));
	int first, done;
	int rc = cmd_options(c, argc, argv, "v", plugins_long, on_plugins_opt, &a, &first, &done);
	if (rc == EXIT_OK && !done && first < argc)
		rc = cmd_usage_error(c, "unexpected argument '%s'", argv[first]);
	if (rc != EXIT_OK || done) {
		free(a.dirs);
		return rc;
	}
	diag d;
	diag_init(&d);
	plugin_set set;
	rc = sections_load(&set, a.o.plugin_dirs, a.o.nplugin_dirs, &d) ? EXIT_PLUGIN : EXIT_OK;
	printf("%-12s %-8s %-52s %s\n", "NAME", "VERSION", "DESCRIPTION", "PATH");
	for (size_t i = 0; i < set.nkinds; i++) {
		const rapport_section_type *t = set.kinds[i].type;
		printf("%-12s %-8s %-52s %s\n", t->name, t->version ? t->version : "?",
		       t->description ? t->description : "", set.kinds[i].path);
	}
	if (a.verbose)
		for (size_t i = 0; i < set.ndirs; i++)
			printf("searched: %s\n", set.dirs[i]);
	plugins_free(&set);
	free(a.dirs);
	return rc;
}
