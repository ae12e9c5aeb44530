/*
 * extract.c - `rapport extract PDF -o DIR`: the data files embedded in a
 * report PDF, and its manifest.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "archive/contents.h"
#include "archive/manifest.h"
#include "cmd/cmd.h"

/* Writes each embedded file of pdf into dir (created if missing), never
 * overwriting a file, refusing names with '/' or "..", and checks each
 * input against the manifest's SHA-256.  Returns an exit code. */
static int extract(const char *pdf, const char *dir, int quiet, diag *d)
{
	contents c;
	if (contents_read(pdf, &c, d) != 0)
		return EXIT_DATA;
	if (c.n == 0) {
		diag_error(d, NULL,
		           "%s: no embedded files (not built by a rapport that archives "
		           "its inputs)",
		           pdf);
		contents_free(&c);
		return EXIT_DATA;
	}
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		diag_error(d, NULL, "%s: cannot create the directory: %s", dir, strerror(errno));
		contents_free(&c);
		return EXIT_OUTPUT;
	}
	int rc = EXIT_OK;
	for (size_t i = 0; i < c.n && rc == EXIT_OK; i++) {
		if (contents_write_new(dir, &c.files[i], d) != 0)
			rc = EXIT_OUTPUT;
		else if (!quiet)
			printf("%s/%s (%zu bytes)\n", dir, c.files[i].name, c.files[i].size);
	}
	if (rc == EXIT_OK && !c.manifest)
		diag_warning(d, NULL, "%s: no %s embedded: the files could not be checked", pdf,
		             ARCHIVE_MANIFEST);
	if (rc == EXIT_OK && c.manifest && contents_check_inputs(pdf, &c, stderr) > 0)
		rc = EXIT_DIFFERS;
	contents_free(&c);
	return rc;
}

typedef struct extract_args {
	const cmd *c;
	const char *dir;
	int quiet;
} extract_args;

static int on_extract_opt(int opt, const char *arg, void *ud)
{
	extract_args *a = ud;
	if (opt == 'o')
		a->dir = arg;
	else if (opt == 'q')
		a->quiet = 1;
	else
		return EXIT_FAILURE_INTERNAL;
	return EXIT_OK;
}

static const struct option extract_long[] = {
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        CMD_OPT_HELP,
        {NULL, 0, NULL, 0},
};

int cmd_extract(const cmd *c, int argc, char **argv)
{
	extract_args a = {.c = c};
	int first, done;
	int rc = cmd_options(c, argc, argv, "o:q", extract_long, on_extract_opt, &a, &first, &done);
	if (rc != EXIT_OK || done)
		return rc;
	if (argc - first != 1)
		return cmd_usage_error(c, argc == first ? "no report PDF given"
		                                        : "extract takes one report PDF");
	if (!a.dir)
		return cmd_usage_error(c, "extract needs a directory: -o DIR");
	diag d;
	diag_init(&d);
	return extract(argv[first], a.dir, a.quiet, &d);
}
