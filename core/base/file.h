/*
 * file.h - paths and whole files: the one copy of each small helper that
 * reads an input or names a file.
 */
#ifndef RAPPORT_FILE_H
#define RAPPORT_FILE_H

#include <stddef.h>

#include "base/diag.h"

/* "a/b", newly allocated (xmalloc). */
char *path_join(const char *a, const char *b);
/* The part of path after its last '/' (path itself when it has none). */
const char *path_base(const char *path);
/* Reads the whole file at path into a new buffer (free() it).  Returns 0,
 * or -1 after reporting "PATH: cannot read: ..." or a read error to d. */
int file_read_all(const char *path, unsigned char **data, size_t *size, diag *d);

#endif
