/*
 * cmd.h - the commands of `rapport`, in git's commands[] style: a table of
 * name, function, one-line help and usage (core/cmd/main.c), one file per
 * command, and the helpers they share: option parsing with getopt_long
 * ("did you mean ...?" for a mistyped option), --help, usage errors, and
 * the checked end of every write to standard output.
 */
#ifndef RAPPORT_CMD_H
#define RAPPORT_CMD_H

#include <getopt.h>
#include <stdio.h>

#include "base/exit.h"
#include "pipeline/build.h"

typedef struct cmd cmd;
struct cmd {
	const char *name;
	int (*run)(const cmd *c, int argc, char **argv); /* argv[0] is the name */
	const char *help;                                /* one line, for `rapport --help` */
	const char *usage;   /* the arguments, e.g. "REPORT.json [-o OUT.pdf] [options]" */
	const char *options; /* the option lines of `rapport NAME --help` */
};

/* The commands (main.c), ended by an entry whose name is NULL. */
extern const cmd commands[];

int cmd_build(const cmd *c, int argc, char **argv);
int cmd_check(const cmd *c, int argc, char **argv);
int cmd_plugins(const cmd *c, int argc, char **argv);
int cmd_describe(const cmd *c, int argc, char **argv);
int cmd_new_plugin(const cmd *c, int argc, char **argv);
int cmd_extract(const cmd *c, int argc, char **argv);
int cmd_verify(const cmd *c, int argc, char **argv);

/* What `rapport build` prints besides the diagnostics. */
typedef struct build_shown {
	int quiet;   /* no summary line */
	int verbose; /* the fonts used */
	int stats;   /* the typesetting figures and the phases' times */
	int batch;   /* one of several: messages name the definition */
} build_shown;

/* One build of o, with its summary line ("FILE: N pages, K KB, S s"; on
 * standard error when the PDF goes to standard output, o->out_path "-") or
 * its count of problems.  Returns the build's exit code. */
int build_one(const build_opts *o, const build_shown *shown);

/* Long-only options' codes (getopt_long's val) shared by the commands. */
enum { OPT_YEAR = 256, OPT_LANG, OPT_PLUGIN_DIR, OPT_FONTS, OPT_STATS, OPT_HELP };

/* The options every command takes: --help. */
#define CMD_OPT_HELP                                                                               \
	{                                                                                          \
		"help", no_argument, NULL, OPT_HELP                                                \
	}

/* Parses the options of argv (argv[0]: the command's name) with
 * getopt_long: `--opt=value`, `--opt value`, `-oFILE`, `-o FILE`, `--` ends
 * the options, options and arguments in any order.  Calls on_opt for each
 * option (it returns EXIT_OK or a usage error's code); handles --help
 * (prints c's help: *done set, EXIT_OK).  An unknown option is a usage
 * error with "did you mean ...?".  On EXIT_OK, *first is the index of the
 * first argument that is not an option. */
int cmd_options(const cmd *c, int argc, char **argv, const char *shortopts,
                const struct option *longopts, int (*on_opt)(int opt, const char *arg, void *ud),
                void *ud, int *first, int *done);

/* Reports a bad command line: "rapport NAME: MESSAGE", the usage and where
 * to read more.  Returns EXIT_USAGE. */
int cmd_usage_error(const cmd *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The options the building commands share: --year, --lang, --plugin-dir,
 * --fonts, into o (dirs: room for argc entries).  Returns EXIT_OK, a usage
 * error's code, or -1 when opt is not one of them. */
int cmd_build_option(const cmd *c, int opt, const char *arg, build_opts *o, const char **dirs);

/* Installs the handlers that remove a build's temporary output when the
 * process is interrupted (SIGINT, SIGTERM, SIGHUP), then dies of the signal. */
void cmd_catch_signals(void);

/* Flushes standard output and error and checks that every write to them
 * succeeded: a full disk or a closed pipe is reported ("rapport: cannot
 * write to standard output: ...") and turns rc into EXIT_OUTPUT. */
int cmd_finish(int rc);

#endif
