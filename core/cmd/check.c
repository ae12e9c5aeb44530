/*
 * check.c - `rapport check`: validates the data and every section, lists
 * every problem, writes nothing.
 */
#include "config.h"

#include <stdlib.h>

#include "base/arena.h"
#include "cmd/cmd.h"

typedef struct check_args {
	const cmd *c;
	build_opts o;
	const char **dirs;
	int quiet;
} check_args;

static int on_check_opt(int opt, const char *arg, void *ud)
{
	check_args *a = ud;
	int rc = cmd_build_option(a->c, opt, arg, &a->o, a->dirs);
	if (rc >= 0)
		return rc;
	if (opt == 'q') {
		a->quiet = 1;
		return EXIT_OK;
	}
	return EXIT_FAILURE_INTERNAL;
}

static const struct option check_long[] = {
        {"year", required_argument, NULL, OPT_YEAR},
        {"lang", required_argument, NULL, OPT_LANG},
        {"plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR},
        {"fonts", required_argument, NULL, OPT_FONTS},
        {"quiet", no_argument, NULL, 'q'},
        CMD_OPT_HELP,
        {NULL, 0, NULL, 0},
};

int cmd_check(const cmd *c, int argc, char **argv)
{
	check_args a = {.c = c};
	a.o.check_only = 1;
	a.dirs = xcalloc((size_t)argc + 1, sizeof(*a.dirs));
	int first, done;
	int rc = cmd_options(c, argc, argv, "q", check_long, on_check_opt, &a, &first, &done);
	if (rc == EXIT_OK && !done && first == argc)
		rc = cmd_usage_error(c, "no report definition given");
	else if (rc == EXIT_OK && !done && argc - first > 1)
		rc = cmd_usage_error(c, "unexpected argument '%s' (check takes one report)",
		                     argv[first + 1]);
	if (rc != EXIT_OK || done) {
		free(a.dirs);
		return rc;
	}
	a.o.report_path = argv[first];
	diag d;
	diag_init(&d);
	build_result res;
	rc = build_run(&a.o, &res, &d);
	if (rc == EXIT_OK && !a.quiet)
		printf("%s: ok (%zu years, %zu sections)\n", a.o.report_path, res.nyears,
		       res.nsections);
	else if (rc != EXIT_OK)
		fprintf(stderr, "rapport: %d error%s, %d warning%s; check failed\n", d.errors,
		        d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
	free(a.dirs);
	return rc;
}
