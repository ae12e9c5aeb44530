/*
 * batch.c - several report definitions built in parallel worker processes.
 *
 * Each definition is built by a forked child running the ordinary pipeline
 * (build_run) with its own diagnostics, plugins and PDF writer, so one
 * failing build cannot disturb another, and each output is written
 * atomically as in a single build.  The parent only starts workers, at most
 * `jobs` at a time, and collects their exit statuses.
 */
#include "config.h"

#include "pipeline/batch.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/file.h"
#include "data/json.h"

static int is_dir(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* A report definition, as opposed to a year file: a JSON object with a
 * "sections" member.  A file that does not parse counts as a definition, so
 * that its build reports the syntax error instead of skipping it silently. */
static int is_definition(const char *path)
{
	diag quiet;
	diag_init(&quiet);
	quiet.quiet = 1;
	jdoc *doc = jdoc_load_file(path, &quiet);
	if (!doc)
		return 1;
	const jnode *root = jdoc_root(doc);
	int yes = jnode_kind(root) != J_OBJECT || jnode_get(root, "sections") != NULL;
	jdoc_free(doc);
	return yes;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void push(char ***v, size_t *n, size_t *cap, char *s)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*v = xrealloc(*v, *cap * sizeof(**v));
	}
	(*v)[(*n)++] = s;
}

/* Adds the report definitions among the *.json files of directory dir to
 * the list, in name order, and with depth > 0 those of its subdirectories
 * (one directory per organisation).  Returns -1 if dir cannot be read. */
static int scan_dir(const char *dir, int depth, char ***v, size_t *n, size_t *cap)
{
	DIR *dh = opendir(dir);
	if (!dh) {
		fprintf(stderr, "rapport: cannot read directory %s: %s\n", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t nnames = 0, namecap = 0;
	const char *sep = ends_with(dir, "/") ? "" : "/";
	for (struct dirent *e; (e = readdir(dh)) != NULL;) {
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(dir) + strlen(sep) + strlen(e->d_name) + 1;
		char *path = xmalloc(len);
		snprintf(path, len, "%s%s%s", dir, sep, e->d_name);
		push(&names, &nnames, &namecap, path);
	}
	closedir(dh);
	if (nnames)
		qsort(names, nnames, sizeof(*names), by_name);
	int rc = 0;
	for (size_t i = 0; i < nnames; i++) {
		if (is_dir(names[i])) {
			if (depth > 0 && rc == 0)
				rc = scan_dir(names[i], depth - 1, v, n, cap);
			free(names[i]);
		} else if (ends_with(names[i], ".json") && is_definition(names[i])) {
			push(v, n, cap, names[i]);
		} else {
			free(names[i]);
		}
	}
	free(names);
	return rc;
}

char **batch_expand(const char *const *inputs, size_t ninputs, size_t *n)
{
	char **v = NULL;
	size_t cap = 0;
	*n = 0;
	for (size_t i = 0; i < ninputs; i++) {
		if (!is_dir(inputs[i])) {
			push(&v, n, &cap, xstrdup(inputs[i]));
			continue;
		}
		size_t first = *n;
		if (scan_dir(inputs[i], 1, &v, n, &cap) != 0)
			goto fail;
		if (*n == first) {
			fprintf(stderr,
			        "rapport: %s holds no report definition (a .json file with "
			        "\"sections\", in it or in a directory in it)\n",
			        inputs[i]);
			goto fail;
		}
	}
	return v;
fail:
	for (size_t i = 0; i < *n; i++)
		free(v[i]);
	free(v);
	*n = 0;
	return NULL;
}

/* The output name for defs[i]: its file name with .json replaced by .pdf;
 * when another definition has the same file name, its directory's name and
 * a dash go first ("a/report.json" -> "a-report.pdf").  Returns a malloc'd
 * string. */
static char *output_name(char *const *defs, size_t n, size_t i)
{
	const char *base = path_base(defs[i]);
	size_t stem = ends_with(base, ".json") ? strlen(base) - 5 : strlen(base);
	int clash = 0;
	for (size_t k = 0; k < n && !clash; k++) {
		const char *b = path_base(defs[k]);
		clash = k != i && strcmp(b, base) == 0;
	}
	const char *parent = "";
	size_t plen = 0;
	if (clash && base > defs[i]) {
		const char *end = base - 1; /* the slash before base */
		const char *start = end;
		while (start > defs[i] && start[-1] != '/')
			start--;
		parent = start;
		plen = (size_t)(end - start);
	}
	size_t len = plen + 1 + stem + sizeof(".pdf");
	char *name = xmalloc(len);
	if (plen)
		snprintf(name, len, "%.*s-%.*s.pdf", (int)plen, parent, (int)stem, base);
	else
		snprintf(name, len, "%.*s.pdf", (int)stem, base);
	return name;
}

/* The worker: one ordinary build.  Never returns. */
static void worker(const build_opts *base, const char *def, const char *out)
{
	build_opts o = *base;
	o.report_path = def;
	o.out_path = out;
	diag d;
	diag_init(&d);
	int rc = build_run(&o, &d);
	if (rc != EXIT_OK)
		fprintf(stderr, "rapport: %s: %d error%s, %d warning%s; nothing written\n", def,
		        d.errors, d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
	fflush(stdout);
	fflush(stderr);
	_exit(rc);
}

int batch_build(const build_opts *base, char *const *defs, size_t n, const char *out_dir, int jobs)
{
	if (mkdir(out_dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "rapport: cannot create the output directory %s: %s\n", out_dir,
		        strerror(errno));
		return EXIT_OUTPUT;
	}
	if (!is_dir(out_dir)) {
		fprintf(stderr,
		        "rapport: -o %s: with several report definitions, -o names a "
		        "directory\n",
		        out_dir);
		return EXIT_USAGE;
	}
	char **outs = xcalloc(n, sizeof(*outs));
	for (size_t i = 0; i < n; i++) {
		char *name = output_name(defs, n, i);
		size_t len = strlen(out_dir) + 1 + strlen(name) + 1;
		outs[i] = xmalloc(len);
		snprintf(outs[i], len, "%s/%s", out_dir, name);
		free(name);
	}
	int rc = EXIT_OK, clash = 0;
	for (size_t i = 0; i < n && !clash; i++)
		for (size_t k = 0; k < i && !clash; k++)
			if (strcmp(outs[i], outs[k]) == 0) {
				fprintf(stderr, "rapport: %s and %s would both be written to %s\n",
				        defs[k], defs[i], outs[i]);
				clash = 1;
				rc = EXIT_USAGE;
			}

	pid_t *pids = xcalloc(n, sizeof(*pids));
	size_t next = 0, running = 0;
	if (jobs < 1)
		jobs = 1;
	while (!clash && (next < n || running > 0)) {
		if (next < n && running < (size_t)jobs) {
			fflush(stdout);
			fflush(stderr);
			pid_t pid = fork();
			if (pid < 0) {
				fprintf(stderr, "rapport: %s: cannot start a worker: %s\n",
				        defs[next], strerror(errno));
				if (EXIT_FAILURE_INTERNAL > rc)
					rc = EXIT_FAILURE_INTERNAL;
				next++; /* that build fails; the others go on */
				continue;
			}
			if (pid == 0)
				worker(base, defs[next], outs[next]);
			pids[next++] = pid;
			running++;
			continue;
		}
		int status;
		pid_t pid = wait(&status);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		size_t i = 0;
		while (i < next && pids[i] != pid)
			i++;
		if (i == next)
			continue; /* not one of ours */
		running--;
		int code = WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_FAILURE_INTERNAL;
		if (!WIFEXITED(status))
			fprintf(stderr, "rapport: %s: the build was killed by signal %d\n", defs[i],
			        WTERMSIG(status));
		if (code > rc)
			rc = code;
	}
	for (size_t i = 0; i < n; i++)
		free(outs[i]);
	free(outs);
	free(pids);
	return rc;
}
