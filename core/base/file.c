/*
 * file.c - paths and whole files.
 */
#include "base/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"

char *path_join(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	int slash = na > 0 && a[na - 1] != '/';
	char *s = xmalloc(na + (size_t)slash + nb + 1);
	memcpy(s, a, na);
	if (slash)
		s[na] = '/';
	memcpy(s + na + (size_t)slash, b, nb + 1);
	return s;
}

char *path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	size_t n = slash == path ? 1 : (size_t)(slash - path);
	char *s = xmalloc(n + 1);
	memcpy(s, path, n);
	s[n] = '\0';
	return s;
}

const char *path_base(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int file_read(const char *path, size_t max, unsigned char **data, size_t *size)
{
	*data = NULL;
	*size = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return FILE_CANNOT_OPEN;
	struct stat st;
	if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
		int e = S_ISDIR(st.st_mode) ? EISDIR : errno;
		close(fd);
		errno = e;
		return FILE_CANNOT_READ;
	}
	if (max && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		close(fd);
		*size = (size_t)st.st_size;
		return FILE_TOO_LARGE;
	}
	/* regular files: their size plus one byte to see the end (and hold the
	 * NUL); other files (pipes) grow the buffer as they go */
	size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536, n = 0;
	unsigned char *buf = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			if (max && n > max) {
				free(buf);
				close(fd);
				return FILE_TOO_LARGE;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(buf);
			close(fd);
			errno = e;
			return FILE_CANNOT_READ;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n == cap)
		buf = xrealloc(buf, cap + 1);
	buf[n] = '\0';
	*data = buf;
	*size = n;
	return FILE_READ_OK;
}

int file_read_all(const char *path, unsigned char **data, size_t *size, diag *d)
{
	if (file_read(path, 0, data, size) != FILE_READ_OK) {
		diag_error(d, NULL, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
