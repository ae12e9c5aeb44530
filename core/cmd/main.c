/*
 * main.c - `rapport COMMAND [options]`: finds the command in commands[] and
 * runs it; --help and --version.  Each command is in its own file.
 */
#include "config.h"

#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/suggest.h"
#include "cmd/cmd.h"
#include "rapport/plugin.h"

#define BUILD_OPTIONS                                                                              \
	"  --year YEAR          a single-year report for YEAR instead of the whole period\n"       \
	"  --lang sv|en         language of labels and number formats (default sv)\n"              \
	"  --plugin-dir DIR     search DIR for plugins first (may be repeated)\n"                  \
	"  --fonts FILE         the fonts list to use (default: the installed fonts.list)\n"

const cmd commands[] = {
        {"build", cmd_build,
         "build the PDF; the output file is replaced only when the build succeeds",
         "REPORT.json [-o OUT.pdf|-] [options]\n"
         "       rapport build REPORT.json|DIR... -o OUTDIR [-j N] [options]",
         "  -o, --output FILE    the PDF to write; - for standard output; default: the\n"
         "                       archive name organisation-year-kind.pdf in the current\n"
         "                       directory.  With several report definitions or a\n"
         "                       directory of them, the directory to write each\n"
         "                       REPORT.pdf to (NAME-REPORT.pdf when file names repeat)\n"
         "  -j, --jobs N         build up to N reports at once (default 1); the exit\n"
         "                       status is then the largest of the failed builds'\n" BUILD_OPTIONS
         "  -v, --verbose        say which fonts and plugin directories are used\n"
         "  -q, --quiet          no summary line\n"
         "  --stats              typesetting figures of the body text, and the time\n"
         "                       each phase of the build took\n"},
        {"check", cmd_check, "validate the data and the sections, list every problem",
         "REPORT.json [options]", BUILD_OPTIONS "  -q, --quiet          no \"ok\" line\n"},
        {"plugins", cmd_plugins, "list the section types: built in, and those of the plugins found",
         "[--plugin-dir DIR]... [-v]",
         "  --plugin-dir DIR     search DIR for plugins first (may be repeated)\n"
         "  -v, --verbose        also list the directories searched\n"},
        {"describe", cmd_describe,
         "the data a section type takes, as Markdown, from its declarations",
         "TYPE [--plugin-dir DIR]...",
         "  --plugin-dir DIR     search DIR for plugins first (may be repeated)\n"},
        {"new-plugin", cmd_new_plugin,
         "write a new section plugin's skeleton into DIR (default NAME): source, Makefile, "
         "sample data, README; then `make && make report`",
         "NAME [DIR]", ""},
        {"extract", cmd_extract,
         "write the inputs embedded in a report PDF (and its manifest) into DIR",
         "REPORT.pdf -o DIR",
         "  -o, --output DIR     the directory to write to (created if missing; no file\n"
         "                       in it is overwritten)\n"
         "  -q, --quiet          do not list the files written\n"},
        {"verify", cmd_verify,
         "rebuild a report PDF from its embedded inputs; ok if byte-identical",
         "REPORT.pdf [--plugin-dir DIR]... [--fonts FILE]",
         "  --plugin-dir DIR     search DIR for plugins first (may be repeated)\n"
         "  --fonts FILE         the fonts list to use (default: the installed fonts.list)\n"},
        {NULL, NULL, NULL, NULL, NULL},
};

static const char HELP[] =
        "\n"
        "plugins are searched in: --plugin-dir, then $RAPPORT_PLUGIN_PATH (colon-separated),\n"
        "then the compiled-in plugin directory; never the current directory.\n"
        "\n"
        "every PDF is PDF/A-3b and embeds its inputs with their SHA-256 and the versions of\n"
        "rapport and the plugins that made it (docs/archiving.md).\n"
        "\n"
        "exit status: 0 ok, 1 internal error, 2 usage, 3 invalid data, 4 plugin error,\n"
        "5 output error (a file, a full disk, a closed pipe), 6 verify: the rebuild differs\n"
        "(or extract: an input does not match the manifest).\n";

static void usage(FILE *out)
{
	for (const cmd *c = commands; c->name; c++)
		fprintf(out, "%s rapport %s %s\n", c == commands ? "usage:" : "      ", c->name,
		        c->usage);
	fprintf(out, "       rapport --help | --version\n");
}

static int help(void)
{
	usage(stdout);
	printf("\nTurns a report definition and its yearly data files (JSON) into a paginated "
	       "PDF\nreport: title page, contents, numbered headings, tables and charts.\n\n"
	       "commands (rapport COMMAND --help tells more):\n");
	for (const cmd *c = commands; c->name; c++)
		printf("  %-11s %s\n", c->name, c->help);
	printf("%s", HELP);
	return EXIT_OK;
}

/* An unknown command: the closest one is suggested. */
static int unknown_command(const char *name)
{
	const char *names[16];
	size_t n = 0;
	for (const cmd *c = commands; c->name && n < 16; c++)
		names[n++] = c->name;
	const char *best = suggest_closest(name, names, n);
	if (best)
		fprintf(stderr, "rapport: unknown command '%s'; did you mean '%s'?\n", name, best);
	else
		fprintf(stderr, "rapport: unknown command '%s'\n", name);
	usage(stderr);
	return EXIT_USAGE;
}

static int run(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "rapport: no command given\n");
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help"))
		return help();
	if (!strcmp(name, "--version")) {
		printf("rapport %s (plugin ABI %d, API level %d)\n", PACKAGE_VERSION, RAPPORT_ABI,
		       RAPPORT_API_LEVEL);
		return EXIT_OK;
	}
	for (const cmd *c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c->run(c, argc - 1, argv + 1);
	return unknown_command(name);
}

int main(int argc, char **argv)
{
#ifdef M_TOP_PAD
	/* Grow the heap 8 MB at a time: a thread's heap (see task.h) otherwise
	 * grows one page per system call, which made loading the hyphenation
	 * patterns on a second thread take half as long again.  Untouched pages
	 * cost nothing. */
	mallopt(M_TOP_PAD, 8 << 20);
#endif
	/* a closed pipe is a write error, reported by cmd_finish, not a
	 * silent death */
	signal(SIGPIPE, SIG_IGN);
	int rc = cmd_finish(run(argc, argv));
	if (build_heap_suspect())
		_exit(rc); /* no exit handlers, no freeing: a plugin crashed */
	return rc;
}
