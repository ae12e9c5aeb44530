/*
 * cmd.c - what the commands share (cmd.h).
 */
#include "config.h"

#include "cmd/cmd.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/output.h"
#include "base/suggest.h"

int cmd_usage_error(const cmd *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "rapport %s: ", c->name);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: rapport %s %s\n(rapport %s --help tells more)\n", c->name,
	        c->usage, c->name);
	return EXIT_USAGE;
}

/* "did you mean --NAME?" for an unknown long option ("--yaer=2018"). */
static int unknown_option(const cmd *c, const char *word, const struct option *longopts)
{
	char name[64];
	snprintf(name, sizeof(name), "%.*s", (int)strcspn(word + 2, "="), word + 2);
	size_t n = 0;
	while (longopts[n].name)
		n++;
	const char **names = xcalloc(n + 1, sizeof(*names));
	for (size_t i = 0; i < n; i++)
		names[i] = longopts[i].name;
	const char *best = suggest_closest(name, names, n);
	int rc =
	        best ? cmd_usage_error(c, "unknown option '--%s'; did you mean '--%s'?", name, best)
	             : cmd_usage_error(c, "unknown option '--%s'", name);
	free(names);
	return rc;
}

static void help(const cmd *c)
{
	printf("usage: rapport %s %s\n\n%s.\n", c->name, c->usage, c->help);
	if (c->options && *c->options)
		printf("\noptions:\n%s", c->options);
	printf("  -h, --help           this help\n");
}

int cmd_options(const cmd *c, int argc, char **argv, const char *shortopts,
                const struct option *longopts, int (*on_opt)(int opt, const char *arg, void *ud),
                void *ud, int *first, int *done)
{
	*done = 0;
	optind = 1;
	opterr = 0;
	char shorts[64];
	snprintf(shorts, sizeof(shorts), ":%sh", shortopts); /* ':' a missing value */
	for (;;) {
		int opt = getopt_long(argc, argv, shorts, longopts, NULL);
		if (opt == -1)
			break;
		const char *word = argv[optind - 1];
		int is_long = strncmp(word, "--", 2) == 0;
		if (opt == 'h' || opt == OPT_HELP) {
			help(c);
			*done = 1;
			return EXIT_OK;
		}
		if (opt == ':')
			return is_long ? cmd_usage_error(c, "option '%s' needs a value", word)
			               : cmd_usage_error(c, "option '-%c' needs a value", optopt);
		if (opt == '?') {
			if (!is_long)
				return cmd_usage_error(c, "unknown option '-%c'", optopt);
			if (optopt)
				return cmd_usage_error(c, "option '%s' takes no value", word);
			return unknown_option(c, word, longopts);
		}
		int rc = on_opt(opt, optarg, ud);
		if (rc != EXIT_OK)
			return rc;
	}
	*first = optind;
	return EXIT_OK;
}

int cmd_build_option(const cmd *c, int opt, const char *arg, build_opts *o, const char **dirs)
{
	char *end;
	switch (opt) {
	case OPT_YEAR: {
		long y = strtol(arg, &end, 10);
		if (!*arg || *end || y < 1900 || y > 2200)
			return cmd_usage_error(c, "--year wants a year like 2018, not '%s'", arg);
		o->year = (int)y;
		return EXIT_OK;
	}
	case OPT_LANG:
		if (lang_from_string(arg, &o->lang) != 0)
			return cmd_usage_error(c, "--lang wants sv or en, not '%s'", arg);
		return EXIT_OK;
	case OPT_PLUGIN_DIR:
		dirs[o->nplugin_dirs++] = arg;
		o->plugin_dirs = dirs;
		return EXIT_OK;
	case OPT_FONTS:
		o->fonts_list = arg;
		return EXIT_OK;
	default:
		return -1;
	}
}

/* Signals remove the temporary output before the process dies. */
static void on_signal(int sig)
{
	const char *tmp = output_pending_tmp();
	if (tmp)
		unlink(tmp);
	static const char msg[] = "rapport: interrupted; the output file was not changed\n";
	ssize_t ignored = write(2, msg, sizeof(msg) - 1);
	(void)ignored;
	signal(sig, SIG_DFL);
	raise(sig);
}

void cmd_catch_signals(void)
{
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
}

int cmd_finish(int rc)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int e = errno;
		fprintf(stderr, "rapport: cannot write to standard output: %s\n",
		        e == EPIPE ? "the reading end of the pipe was closed"
		        : e        ? strerror(e)
		                   : "write error");
		if (rc == EXIT_OK)
			rc = EXIT_OUTPUT;
	}
	if (fflush(stderr) != 0 || ferror(stderr))
		if (rc == EXIT_OK)
			rc = EXIT_OUTPUT;
	return rc;
}
