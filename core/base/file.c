/*
 * file.c - paths and whole files.
 */
#include "base/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

char *path_join(const char *a, const char *b)
{
	char *s = xmalloc(strlen(a) + strlen(b) + 2);
	sprintf(s, "%s/%s", a, b);
	return s;
}

const char *path_base(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int file_read_all(const char *path, unsigned char **data, size_t *size, diag *d)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_error(d, NULL, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	size_t n = 0, cap = 0;
	unsigned char *buf = NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16384;
			buf = xrealloc(buf, cap);
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		diag_error(d, NULL, "%s: read error", path);
		free(buf);
		return -1;
	}
	*data = buf;
	*size = n;
	return 0;
}
