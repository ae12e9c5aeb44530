/*
 * file.h - paths and whole files: the one copy of each small helper that
 * reads an input or names a file.
 */
#ifndef RAPPORT_FILE_H
#define RAPPORT_FILE_H

#include <stddef.h>

#include "base/diag.h"

/* "a/b", newly allocated (xmalloc); "a/" and "b" give "a/b" too. */
char *path_join(const char *a, const char *b);
/* The directory part of path, newly allocated (xmalloc): "a/b/c" -> "a/b",
 * "/c" -> "/", "c" -> ".". */
char *path_dir(const char *path);
/* The part of path after its last '/' (path itself when it has none). */
const char *path_base(const char *path);
/* What file_read found. */
enum { FILE_READ_OK, FILE_CANNOT_OPEN, FILE_CANNOT_READ, FILE_TOO_LARGE };

/* Reads the whole file at path (a regular file in one read of its size, or
 * a pipe) into a new buffer, followed by a NUL that *size does not count
 * (free() it).  At most max bytes (0: no limit).  Returns FILE_READ_OK;
 * FILE_CANNOT_OPEN or FILE_CANNOT_READ (a directory, a read error) with
 * errno set; or FILE_TOO_LARGE, with *size the file's size, or 0 for a pipe
 * known only to hold more than max bytes.  Reports nothing. */
int file_read(const char *path, size_t max, unsigned char **data, size_t *size);
/* file_read without a limit that reports "PATH: cannot read: ..." to d.
 * Returns 0, or -1 after reporting. */
int file_read_all(const char *path, unsigned char **data, size_t *size, diag *d);

#endif
