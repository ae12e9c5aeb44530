#include "config.h"

#include "cmd/new_plugin.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "cmd/cmd.h"
#include "pipeline/build.h"
#include "plugin/loader.h"
#include "cmd/scaffold_templates.h"

/* One file of the skeleton: its name (with @NAME@) and its template. */
typedef struct skel_file {
	const char *name;
	const char *text;
} skel_file;

static const skel_file FILES[] = {
        {"@NAME@.c", TPL_PLUGIN},    {"Makefile", TPL_MAKEFILE}, {"README.md", TPL_README},
        {"report.json", TPL_REPORT}, {"2023.json", TPL_YEAR1},   {"2024.json", TPL_YEAR2},
        {"test_@NAME@.c", TPL_TEST},
};

/* A section type name that is also a C identifier: [a-z][a-z0-9_]*, at most
 * 40 characters. */
static int valid_name(const char *s)
{
	if (!*s || *s < 'a' || *s > 'z' || strlen(s) > 40)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

/* The template with every @KEY@ replaced by its value; keys[] and values[]
 * end with NULL.  The result is malloc'd. */
static char *expand(const char *tpl, const char *const *keys, const char *const *values)
{
	size_t cap = strlen(tpl) + 1, n = 0;
	char *out = xmalloc(cap);
	while (*tpl) {
		size_t k = 0;
		if (*tpl == '@')
			for (; keys[k]; k++)
				if (strncmp(tpl, keys[k], strlen(keys[k])) == 0)
					break;
		const char *add = *tpl == '@' && keys[k] ? values[k] : NULL;
		size_t len = add ? strlen(add) : 1;
		if (n + len + 1 > cap) {
			cap = 2 * (n + len + 1);
			out = xrealloc(out, cap);
		}
		memcpy(out + n, add ? add : tpl, len);
		n += len;
		tpl += add ? strlen(keys[k]) : 1;
	}
	out[n] = '\0';
	return out;
}

/* 0 when dir does not exist (it is created) or is an empty directory. */
static int prepare_dir(const char *dir, diag *d)
{
	if (mkdir(dir, 0755) == 0)
		return 0;
	if (errno != EEXIST) {
		diag_error(d, NULL, "%s: cannot create the directory: %s", dir, strerror(errno));
		return -1;
	}
	DIR *dh = opendir(dir);
	if (!dh) {
		diag_error(d, NULL, "%s: exists and is not a readable directory", dir);
		return -1;
	}
	struct dirent *e;
	int empty = 1;
	while ((e = readdir(dh)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	closedir(dh);
	if (!empty) {
		diag_error(d, NULL, "%s: the directory is not empty; nothing written", dir);
		return -1;
	}
	return 0;
}

/* Writes one new file (O_EXCL: never overwrites).  Returns 0 or -1. */
static int write_new(const char *path, const char *text, diag *d)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0) {
		diag_error(d, NULL, "%s: cannot create: %s", path, strerror(errno));
		return -1;
	}
	size_t len = strlen(text), off = 0;
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);
		if (w < 0) {
			diag_error(d, NULL, "%s: cannot write: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0) {
		diag_error(d, NULL, "%s: cannot write: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int scaffold_run(const char *name, const char *dir, diag *d)
{
	if (!valid_name(name)) {
		diag_error(d, NULL,
		           "'%s' is not a usable plugin name: use lower-case letters, digits and "
		           "underscores, starting with a letter (it becomes the section type and "
		           "C identifiers)",
		           name);
		return EXIT_USAGE;
	}
	if (!dir)
		dir = name;
	/* From the build tree the skeleton uses the tree's header and binary; an
	 * installed rapport is found through pkg-config and PATH. */
	char cflags[1200], rapport[1100], exe[1024];
	const char *header_from;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	if (running_from_build_tree()) {
		snprintf(cflags, sizeof(cflags),
		         "PKG_CONFIG ?= pkg-config\n"
		         "RAPPORT_CFLAGS = -I%s/include\n"
		         "FAKEHOST_DIR = %s/tests/plugins",
		         ABS_TOP_SRCDIR, ABS_TOP_SRCDIR);
		snprintf(rapport, sizeof(rapport), "%s/rapport", ABS_TOP_BUILDDIR);
		header_from = "rapport's source tree, where `rapport new-plugin` ran from";
	} else {
		snprintf(cflags, sizeof(cflags),
		         "PKG_CONFIG ?= pkg-config\n"
		         "RAPPORT_CFLAGS = $(shell $(PKG_CONFIG) --cflags rapport-plugin)\n"
		         "FAKEHOST_DIR = $(shell $(PKG_CONFIG) --variable=fakehostdir "
		         "rapport-plugin)");
		snprintf(rapport, sizeof(rapport), "%s", n > 0 ? exe : "rapport");
		header_from = "the installed one, found with `pkg-config --cflags rapport-plugin`";
	}
	const char *keys[] = {"@NAME@", "@CFLAGS_LINE@", "@RAPPORT@", "@HEADER_FROM@", NULL};
	const char *values[] = {name, cflags, rapport, header_from, NULL};

	if (prepare_dir(dir, d) != 0)
		return EXIT_OUTPUT;
	for (size_t i = 0; i < sizeof(FILES) / sizeof(FILES[0]); i++) {
		char *file = expand(FILES[i].name, keys, values);
		char *text = expand(FILES[i].text, keys, values);
		char *path = xmalloc(strlen(dir) + strlen(file) + 2);
		sprintf(path, "%s/%s", dir, file);
		int rc = write_new(path, text, d);
		free(path);
		free(text);
		free(file);
		if (rc != 0)
			return EXIT_OUTPUT;
	}
	printf("%s/: %s.c, test_%s.c, Makefile, README.md, report.json, 2023.json, 2024.json\n"
	       "next: cd %s && make && make report && make test\n",
	       dir, name, name, dir);
	return EXIT_OK;
}

static int on_new_plugin_opt(int opt, const char *arg, void *ud)
{
	(void)opt;
	(void)arg;
	(void)ud;
	return EXIT_FAILURE_INTERNAL; /* it has no options but --help */
}

static const struct option new_plugin_long[] = {
        CMD_OPT_HELP,
        {NULL, 0, NULL, 0},
};

int cmd_new_plugin(const cmd *c, int argc, char **argv)
{
	int first, done;
	int rc = cmd_options(c, argc, argv, "", new_plugin_long, on_new_plugin_opt, NULL, &first,
	                     &done);
	if (rc != EXIT_OK || done)
		return rc;
	if (argc - first < 1 || argc - first > 2)
		return cmd_usage_error(c, "new-plugin wants a NAME and at most a DIR");
	diag d;
	diag_init(&d);
	return scaffold_run(argv[first], argc - first == 2 ? argv[first + 1] : NULL, &d);
}
