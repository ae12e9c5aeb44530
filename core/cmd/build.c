/*
 * build.c - `rapport build`: one report (to a file, to standard output with
 * -o -, or to its archive name), or several at once (batch.c).  Prints the
 * summary line, --stats and --verbose; the pipeline itself prints nothing.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/file.h"
#include "cmd/batch.h"
#include "cmd/cmd.h"

/* The typesetting figures and the phases' times of `--stats`. */
static void print_stats(FILE *out, const build_result *res)
{
	const layout_stats *st = &res->stats;
	fprintf(out, "justified lines:        %d\n", st->justified_lines);
	fprintf(out, "largest space:          %.2f x natural\n", (double)st->max_space_ratio);
	fprintf(out, "hyphenated lines:       %d\n", st->hyphenated_lines);
	fprintf(out, "widows:                 %d\n", st->widows);
	fprintf(out, "orphans:                %d\n", st->orphans);
	fprintf(out, "overfull lines:         %d\n", st->overfull_lines);
	fprintf(out, "fallback glyphs:        %d\n", st->fallback_glyphs);
	fprintf(out, "missing glyphs:         %d\n", st->missing_glyphs);
	fprintf(out, "greedy paragraphs:      %d\n", st->greedy_paragraphs);
	for (int i = 0; i < res->nphases; i++) {
		char name[40];
		snprintf(name, sizeof(name), "time %s:", res->phase[i]);
		fprintf(out, "%-25s %7.2f ms\n", name, res->phase_ms[i]);
	}
}

/* Copies the file at path to standard output.  Returns an exit code. */
static int copy_to_stdout(const char *path, diag *d)
{
	FILE *in = fopen(path, "rb");
	if (!in) {
		diag_error(d, NULL, "%s: cannot read the PDF back: %s", path, strerror(errno));
		return EXIT_OUTPUT;
	}
	char buf[65536];
	size_t n;
	int rc = EXIT_OK;
	while (rc == EXIT_OK && (n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			rc = EXIT_OUTPUT;
	if (ferror(in))
		rc = EXIT_OUTPUT;
	fclose(in);
	if (rc == EXIT_OK && fflush(stdout) != 0)
		rc = EXIT_OUTPUT;
	if (rc != EXIT_OK)
		diag_error(d, NULL, "cannot write the PDF to standard output: %s",
		           errno == EPIPE ? "the reading end of the pipe was closed"
		                          : strerror(errno));
	return rc;
}

int build_one(const build_opts *o, const build_shown *shown)
{
	diag d;
	diag_init(&d);
	build_opts b = *o;
	int to_stdout = o->out_path && strcmp(o->out_path, "-") == 0;
	char *tmpdir = NULL, *tmp = NULL;
	int rc = EXIT_OK;
	if (to_stdout) { /* built beside, then copied: nothing half-written goes out */
		const char *t = getenv("TMPDIR");
		tmpdir = path_join(t && *t ? t : "/tmp", "rapport-build.XXXXXX");
		if (!mkdtemp(tmpdir)) {
			diag_error(&d, NULL, "%s: cannot create a temporary directory: %s", tmpdir,
			           strerror(errno));
			rc = EXIT_OUTPUT;
		}
		b.out_path = tmp = path_join(tmpdir, "report.pdf");
	}
	build_result res;
	if (rc == EXIT_OK)
		rc = build_run(&b, &res, &d);
	if (rc == EXIT_OK && to_stdout)
		rc = copy_to_stdout(tmp, &d);
	if (tmp) {
		unlink(tmp);
		rmdir(tmpdir);
		free(tmp);
		free(tmpdir);
	}
	if (rc != EXIT_OK) {
		fprintf(stderr, "rapport: %s%s%d error%s, %d warning%s; nothing written\n",
		        shown->batch ? o->report_path : "", shown->batch ? ": " : "", d.errors,
		        d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
		return rc;
	}
	FILE *info = to_stdout ? stderr : stdout;
	if (shown->verbose)
		for (int f = 0; f < FACE_COUNT; f++)
			fprintf(stderr, "rapport: font %-17s %s\n", face_name((face_id)f),
			        res.font[f]);
	if (!shown->quiet)
		fprintf(info, "%s: %zu pages, %lld KB, %.3f s%s\n",
		        to_stdout ? "(standard output)" : res.out_path, res.npages,
		        (res.bytes + 1023) / 1024, res.seconds,
		        o->out_path ? "" : " (its archive name: no -o given)");
	if (shown->stats)
		print_stats(info, &res);
	return rc;
}

/* The command line of build and check. */
typedef struct build_args {
	const cmd *c;
	build_opts o;
	build_shown shown;
	const char **dirs;
	long jobs;
} build_args;

static int on_build_opt(int opt, const char *arg, void *ud)
{
	build_args *a = ud;
	int rc = cmd_build_option(a->c, opt, arg, &a->o, a->dirs);
	if (rc >= 0)
		return rc;
	char *end;
	switch (opt) {
	case 'o':
		a->o.out_path = arg;
		return EXIT_OK;
	case 'j':
		a->jobs = strtol(arg, &end, 10);
		if (!*arg || *end || a->jobs < 1 || a->jobs > 256)
			return cmd_usage_error(a->c, "-j wants a number of jobs 1-256, not '%s'",
			                       arg);
		return EXIT_OK;
	case 'v':
		a->shown.verbose = 1;
		return EXIT_OK;
	case 'q':
		a->shown.quiet = 1;
		return EXIT_OK;
	case OPT_STATS:
		a->shown.stats = 1;
		return EXIT_OK;
	}
	return EXIT_FAILURE_INTERNAL; /* an option in the table without a case */
}

static const struct option build_long[] = {
        {"output", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},
        {"year", required_argument, NULL, OPT_YEAR},
        {"lang", required_argument, NULL, OPT_LANG},
        {"plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR},
        {"fonts", required_argument, NULL, OPT_FONTS},
        {"verbose", no_argument, NULL, 'v'},
        {"quiet", no_argument, NULL, 'q'},
        {"stats", no_argument, NULL, OPT_STATS},
        CMD_OPT_HELP,
        {NULL, 0, NULL, 0},
};

int cmd_build(const cmd *c, int argc, char **argv)
{
	build_args a = {.c = c, .jobs = 1};
	a.dirs = xcalloc((size_t)argc + 1, sizeof(*a.dirs));
	int first, done;
	int rc = cmd_options(c, argc, argv, "o:j:vq", build_long, on_build_opt, &a, &first, &done);
	int ninputs = argc - first;
	struct stat sb;
	if (rc != EXIT_OK || done) {
		free(a.dirs);
		return rc;
	}
	if (ninputs == 0) {
		free(a.dirs);
		return cmd_usage_error(c, "no report definition given");
	}
	cmd_catch_signals();
	if (ninputs > 1 || (stat(argv[first], &sb) == 0 && S_ISDIR(sb.st_mode))) {
		if (!a.o.out_path || strcmp(a.o.out_path, "-") == 0) {
			free(a.dirs);
			return cmd_usage_error(c,
			                       "several reports need an output directory: -o DIR");
		}
		size_t n;
		char **defs = batch_expand((const char *const *)argv + first, (size_t)ninputs, &n);
		a.shown.batch = 1;
		rc = defs ? batch_build(&a.o, &a.shown, defs, n, a.o.out_path, (int)a.jobs)
		          : EXIT_DATA;
		for (size_t i = 0; defs && i < n; i++)
			free(defs[i]);
		free(defs);
	} else {
		a.o.report_path = argv[first];
		rc = build_one(&a.o, &a.shown);
	}
	free(a.dirs);
	return rc;
}
