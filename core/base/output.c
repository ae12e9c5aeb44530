/*
 * output.c - atomic output files: write a temporary file next to the target,
 * fsync it, rename it over the target, fsync the directory.
 */
#include "base/output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/file.h"

/* The temporary file currently reserved, for a signal handler.  Set only
 * after the string is complete and cleared before it is freed, so a handler
 * sees either NULL or a valid path. */
static const char *volatile pending_tmp;

/* Longest NAME used in ".NAME.XXXXXX", to stay within NAME_MAX (255). */
#define MAX_TMP_STEM 200

/* The process's umask, without changing it for longer than two calls. */
static mode_t current_umask(void)
{
	mode_t m = umask(022);
	umask(m);
	return m;
}

int output_begin(output *o, const char *target, diag *d)
{
	memset(o, 0, sizeof(*o));
	if (!target || !target[0]) {
		diag_error(d, NULL, "no output file name given");
		return -1;
	}

	const char *base = path_base(target);
	char *dir = path_dir(target);
	int rc = -1;
	struct stat st;

	if (!base[0] || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		diag_error(d, NULL,
		           "cannot write %s: the output must be a file name, not a directory",
		           target);
		goto out;
	}
	if (stat(dir, &st) != 0) {
		if (errno == ENOENT)
			diag_error(d, NULL, "cannot write %s: directory %s does not exist", target,
			           dir);
		else
			diag_error(d, NULL, "cannot write %s: directory %s: %s", target, dir,
			           strerror(errno));
		goto out;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_error(d, NULL, "cannot write %s: %s is not a directory", target, dir);
		goto out;
	}
	if (access(dir, W_OK | X_OK) != 0) {
		diag_error(d, NULL, "cannot write %s: directory %s is not writable", target, dir);
		goto out;
	}

	mode_t mode = 0644 & ~current_umask();
	if (stat(target, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			diag_error(d, NULL, "cannot write %s: it is a directory", target);
			goto out;
		}
		if (!S_ISREG(st.st_mode)) {
			diag_error(d, NULL, "cannot write %s: it exists and is not a regular file",
			           target);
			goto out;
		}
		/* Read-only by its mode (which root's access() would ignore) or for us. */
		if ((st.st_mode & 0222) == 0 || access(target, W_OK) != 0) {
			diag_error(
			        d, NULL,
			        "refusing to replace %s: the file is read-only (make it writable "
			        "or remove it first)",
			        target);
			goto out;
		}
		mode = st.st_mode & 07777; /* keep the existing file's permissions */
	} else if (errno != ENOENT) {
		diag_error(d, NULL, "cannot write %s: %s", target, strerror(errno));
		goto out;
	}

	/* "dir/.NAME.XXXXXX" */
	size_t stem = strlen(base);
	if (stem > MAX_TMP_STEM)
		stem = MAX_TMP_STEM;
	size_t dlen = strlen(dir);
	char *tmp = xmalloc(dlen + 1 + 1 + stem + 8 + 1);
	snprintf(tmp, dlen + 1 + 1 + stem + 8 + 1, "%s/.%.*s.XXXXXX", dir, (int)stem, base);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag_error(d, NULL, "cannot create a temporary file in %s: %s", dir,
		           strerror(errno));
		free(tmp);
		goto out;
	}
	if (fchmod(fd, mode) != 0) {
		diag_error(d, NULL, "cannot set the permissions of %s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		goto out;
	}
	close(fd);

	o->target = xstrdup(target);
	o->tmp = tmp;
	pending_tmp = o->tmp;
	rc = 0;
out:
	free(dir);
	return rc;
}

/* fsyncs the file or directory at path; returns 0 or -1 with errno set. */
static int sync_path(const char *path, int flags)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | flags);
	if (fd < 0)
		return -1;
	int r = fsync(fd);
	int err = errno;
	close(fd);
	errno = err;
	return r;
}

int output_commit(output *o, diag *d)
{
	if (!o->tmp || !o->target) {
		diag_error(d, NULL, "internal error: output_commit without output_begin");
		return -1;
	}
	if (sync_path(o->tmp, 0) != 0) {
		diag_error(d, NULL, "cannot write %s: syncing %s failed: %s", o->target, o->tmp,
		           strerror(errno));
		output_abort(o);
		return -1;
	}
	if (rename(o->tmp, o->target) != 0) {
		diag_error(d, NULL, "cannot write %s: renaming %s failed: %s", o->target, o->tmp,
		           strerror(errno));
		output_abort(o);
		return -1;
	}
	/* The file is in place; make the rename itself durable. */
	pending_tmp = NULL;
	free(o->tmp);
	o->tmp = NULL;

	char *dir = path_dir(o->target);
	if (sync_path(dir, O_DIRECTORY) != 0 && errno != EINVAL)
		diag_warning(d, NULL, "%s written, but syncing directory %s failed: %s", o->target,
		             dir, strerror(errno));
	free(dir);
	return 0;
}

void output_abort(output *o)
{
	if (!o->tmp)
		return;
	if (pending_tmp == o->tmp)
		pending_tmp = NULL;
	unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
}

const char *output_pending_tmp(void)
{
	return pending_tmp;
}

void output_free(output *o)
{
	output_abort(o);
	free(o->target);
	o->target = NULL;
}
