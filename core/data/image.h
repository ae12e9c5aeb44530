/*
 * image.h - PNG and JPEG images named in the data: where they are (never
 * outside the data directory) and how big they are, read from their headers
 * so layout can scale them without decoding them.
 */
#ifndef RAPPORT_IMAGE_H
#define RAPPORT_IMAGE_H

#include <stddef.h>

enum image_kind { IMAGE_PNG = 1, IMAGE_JPEG };

typedef struct image_info {
	char path[4096];   /* the resolved, absolute path */
	int kind;          /* enum image_kind */
	int width, height; /* pixels */
} image_info;

/* Resolves `name` (relative to the directory `data_dir`, or absolute) with
 * realpath, refuses it unless it lies inside realpath(data_dir), and reads
 * its kind and size.  Returns 0, or -1 with a message in err (which says
 * what was wrong: missing, outside the data directory, not PNG or JPEG,
 * unreadable header). */
int image_open(const char *data_dir, const char *name, image_info *out, char *err, size_t errsize);

#endif
