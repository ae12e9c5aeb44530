/*
 * main.c - the command line: build, check, plugins, extract, verify, --help,
 * --version.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "archive/contents.h"
#include "cmd/verify.h"
#include "pipeline/batch.h"
#include "pipeline/build.h"
#include "cmd/describe.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "rapport/plugin.h"
#include "cmd/new_plugin.h"

static const char USAGE[] =
        "usage: rapport build REPORT.json -o OUT.pdf [options]\n"
        "       rapport build REPORT.json|DIR... -o OUTDIR [-j N] [options]\n"
        "       rapport check REPORT.json [options]\n"
        "       rapport plugins [--plugin-dir DIR]... [--verbose]\n"
        "       rapport extract REPORT.pdf -o DIR\n"
        "       rapport verify REPORT.pdf [--plugin-dir DIR]... [--fonts FILE]\n"
        "       rapport describe TYPE [--plugin-dir DIR]...\n"
        "       rapport new-plugin NAME [DIR]\n"
        "       rapport --help | --version\n";

static const char HELP[] =
        "\n"
        "Turns a report definition and its yearly data files (JSON) into a paginated PDF\n"
        "report: title page, contents, numbered headings, tables and charts.\n"
        "\n"
        "commands:\n"
        "  build     build the PDF; the output file is replaced only when the build succeeds\n"
        "  check     validate the data and the plugins' sections, list every problem\n"
        "  plugins   list the section plugins found: name, version, description, path\n"
        "  extract   write the inputs embedded in a report PDF (and its manifest) into DIR\n"
        "  verify    rebuild a report PDF from its embedded inputs; ok if byte-identical\n"
        "  describe  the data a section type takes, as Markdown, from its declarations\n"
        "  new-plugin  write a new section plugin's skeleton into DIR (default NAME):\n"
        "            source, Makefile, sample data, README; then `make && make report`\n"
        "\n"
        "options:\n"
        "  -o, --output FILE    the PDF to write (build); with several report definitions\n"
        "                       or a directory of them, the directory to write each\n"
        "                       REPORT.pdf to (NAME-REPORT.pdf when file names repeat)\n"
        "  -j, --jobs N         build up to N reports at once (default 1); the exit\n"
        "                       status is then the largest of the failed builds'\n"
        "  --year YEAR          a single-year report for YEAR instead of the whole period\n"
        "  --lang sv|en         language of labels and number formats (default sv)\n"
        "  --plugin-dir DIR     search DIR for plugins first (may be repeated)\n"
        "  --fonts FILE         the fonts list to use (default: the installed fonts.list)\n"
        "  -v, --verbose        say which fonts and plugin directories are used\n"
        "  -q, --quiet          no summary line\n"
        "  --stats              typesetting figures of the body text, and the time\n"
        "                       each phase of the build took (build)\n"
        "\n"
        "plugins are searched in: --plugin-dir, then $RAPPORT_PLUGIN_PATH (colon-separated),\n"
        "then the compiled-in plugin directory; never the current directory.\n"
        "\n"
        "every PDF is PDF/A-3b and embeds its inputs with their SHA-256 and the versions of\n"
        "rapport and the plugins that made it (docs/archiving.md).\n"
        "\n"
        "exit status: 0 ok, 1 internal error, 2 usage, 3 invalid data, 4 plugin error,\n"
        "5 output error, 6 verify: the rebuild differs (or extract: an input does not\n"
        "match the manifest).\n";

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "rapport: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", USAGE);
	return EXIT_USAGE;
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
	if (argc < 2)
		return usage_error("%s", "no command given");
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		printf("%s%s", USAGE, HELP);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "--version")) {
		printf("rapport %s (plugin ABI %d, API level %d)\n", PACKAGE_VERSION, RAPPORT_ABI,
		       RAPPORT_API_LEVEL);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "new-plugin")) {
		if (argc < 3 || argc > 4 || argv[2][0] == '-')
			return usage_error("%s", "new-plugin wants a NAME and at most a DIR");
		diag d;
		diag_init(&d);
		return scaffold_run(argv[2], argc == 4 ? argv[3] : NULL, &d);
	}
	int is_build = !strcmp(cmd, "build"), is_check = !strcmp(cmd, "check"),
	    is_plugins = !strcmp(cmd, "plugins"), is_describe = !strcmp(cmd, "describe"),
	    is_extract = !strcmp(cmd, "extract"), is_verify = !strcmp(cmd, "verify");
	if (!is_build && !is_check && !is_plugins && !is_describe && !is_extract && !is_verify)
		return usage_error("unknown command '%s'", cmd);

	build_opts o = {0};
	const char **dirs = calloc((size_t)argc, sizeof(*dirs));
	const char **inputs = calloc((size_t)argc, sizeof(*inputs));
	size_t ndirs = 0, ninputs = 0;
	long jobs = 1;
	int rc = EXIT_OK, year_or_lang = 0;
	for (int i = 2; i < argc && rc == EXIT_OK; i++) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		int takes = !strcmp(a, "-o") || !strcmp(a, "--output") || !strcmp(a, "--year") ||
		            !strcmp(a, "--lang") || !strcmp(a, "--plugin-dir") ||
		            !strcmp(a, "--fonts") || !strcmp(a, "-j") || !strcmp(a, "--jobs");
		if (takes && !val) {
			rc = usage_error("option '%s' needs a value", a);
			break;
		}
		if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
			o.out_path = argv[++i];
		} else if (!strcmp(a, "--year")) {
			year_or_lang = 1;
			char *end;
			long y = strtol(argv[++i], &end, 10);
			if (*end || y < 1900 || y > 2200)
				rc = usage_error("--year wants a year like 2018, not '%s'",
				                 argv[i]);
			o.year = (int)y;
		} else if (!strcmp(a, "--lang")) {
			year_or_lang = 1;
			if (lang_from_string(argv[++i], &o.lang) != 0)
				rc = usage_error("--lang wants sv or en, not '%s'", argv[i]);
		} else if (!strcmp(a, "--plugin-dir")) {
			dirs[ndirs++] = argv[++i];
		} else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
			char *end;
			jobs = strtol(argv[++i], &end, 10);
			if (*end || jobs < 1 || jobs > 256)
				rc = usage_error("-j wants a number of jobs 1-256, not '%s'",
				                 argv[i]);
		} else if (!strcmp(a, "--fonts")) {
			o.fonts_list = argv[++i];
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			o.verbose = 1;
		} else if (!strcmp(a, "--stats")) {
			o.stats = 1;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			o.quiet = 1;
		} else if (a[0] == '-' && a[1]) {
			rc = usage_error("unknown option '%s'", a);
		} else if (!is_plugins && (is_build || !ninputs)) { /* describe: the TYPE */
			inputs[ninputs++] = a;
			o.report_path = inputs[0];
		} else {
			rc = usage_error("unexpected argument '%s'", a);
		}
	}
	if (rc == EXIT_OK && is_describe && !o.report_path)
		rc = usage_error("%s", "describe wants a section type: rapport describe TYPE");
	if (rc == EXIT_OK && (is_extract || is_verify) && !o.report_path)
		rc = usage_error("%s", "no report PDF given");
	if (rc == EXIT_OK && is_extract && !o.out_path)
		rc = usage_error("%s", "extract needs a directory: -o DIR");
	if (rc == EXIT_OK && is_verify && o.out_path)
		rc = usage_error("%s", "verify writes nothing; use extract for -o");
	if (rc == EXIT_OK && (is_extract || is_verify) && year_or_lang)
		rc = usage_error("%s", "--year and --lang come from the PDF's manifest");
	if (rc == EXIT_OK && !is_plugins && !o.report_path)
		rc = usage_error("%s", "no report definition given");
	if (rc == EXIT_OK && is_build && !o.out_path)
		rc = usage_error("%s", "build needs an output file: -o OUT.pdf");
	if (rc == EXIT_OK && is_check && o.out_path)
		rc = usage_error("%s", "check writes nothing; use build for -o");
	if (rc != EXIT_OK) {
		free(dirs);
		free(inputs);
		return rc;
	}
	o.plugin_dirs = dirs;
	o.nplugin_dirs = ndirs;

	struct stat sb;
	if (is_build && (ninputs > 1 || (stat(inputs[0], &sb) == 0 && S_ISDIR(sb.st_mode)))) {
		size_t n;
		char **defs = batch_expand(inputs, ninputs, &n);
		rc = defs ? batch_build(&o, defs, n, o.out_path, (int)jobs) : EXIT_DATA;
		for (size_t i = 0; defs && i < n; i++)
			free(defs[i]);
		free(defs);
		free(dirs);
		free(inputs);
		return rc;
	}

	diag d;
	diag_init(&d);
	if (is_extract)
		rc = archive_extract(o.report_path, o.out_path, o.quiet, &d);
	else if (is_verify)
		rc = archive_verify(o.report_path, &o, &d);
	else
		rc = is_plugins    ? build_list_plugins(&o, &d)
		     : is_describe ? describe_run(&o, o.report_path, &d)
		                   : build_run(&o, &d);
	if (rc != EXIT_OK && !is_plugins && !is_describe && !is_extract && !is_verify)
		fprintf(stderr, "rapport: %d error%s, %d warning%s; %s\n", d.errors,
		        d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s",
		        is_build ? "nothing written" : "check failed");
	if (build_heap_suspect()) {
		fflush(NULL);
		_exit(rc); /* no exit handlers, no freeing: a plugin crashed */
	}
	free(dirs);
	free(inputs);
	return rc;
}
