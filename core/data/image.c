/*
 * image.c - image paths and sizes.
 */
#include "data/image.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Width and height from a PNG's IHDR chunk; -2 for 16 bits per channel,
 * which the PDF library draws wrongly, -3 for an interlaced PNG, which it
 * cannot read. */
static int png_size(FILE *f, int *w, int *h)
{
	/* after the signature: length, "IHDR", width, height, bit depth, colour
	 * type, compression, filter, interlace */
	unsigned char b[21];
	if (fread(b, 1, 21, f) != 21 || memcmp(b + 4, "IHDR", 4) != 0 || (b[8] | b[12]) & 0x80)
		return -1;
	if (b[16] == 16)
		return -2;
	if (b[20] != 0)
		return -3;
	*w = (int)((unsigned)b[8] << 24 | (unsigned)b[9] << 16 | (unsigned)b[10] << 8 | b[11]);
	*h = (int)((unsigned)b[12] << 24 | (unsigned)b[13] << 16 | (unsigned)b[14] << 8 | b[15]);
	return *w > 0 && *h > 0 ? 0 : -1;
}

/* Width and height from a JPEG's first start-of-frame marker. */
static int jpeg_size(FILE *f, int *w, int *h)
{
	if (fseek(f, 2, SEEK_SET) != 0)
		return -1;
	for (;;) {
		int c = fgetc(f);
		while (c == 0xFF)
			c = fgetc(f);
		if (c == EOF || c == 0xD9 || c == 0xDA)
			return -1; /* end of image or of headers without a frame */
		unsigned char len[2];
		if (fread(len, 1, 2, f) != 2)
			return -1;
		long n = (long)(len[0] << 8 | len[1]);
		if (n < 2)
			return -1;
		/* SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) */
		if (c >= 0xC0 && c <= 0xCF && c != 0xC4 && c != 0xC8 && c != 0xCC) {
			unsigned char b[5];
			if (fread(b, 1, 5, f) != 5)
				return -1;
			*h = b[1] << 8 | b[2];
			*w = b[3] << 8 | b[4];
			return *w > 0 && *h > 0 ? 0 : -1;
		}
		if (fseek(f, n - 2, SEEK_CUR) != 0)
			return -1;
	}
}

int image_open(const char *data_dir, const char *name, image_info *out, char *err, size_t errsize)
{
	char dir[PATH_MAX], joined[2 * PATH_MAX + 2];
	memset(out, 0, sizeof(*out));
	if (!realpath(data_dir, dir)) {
		snprintf(err, errsize, "data directory %s: %s", data_dir, strerror(errno));
		return -1;
	}
	if (name[0] == '/')
		snprintf(joined, sizeof(joined), "%s", name);
	else
		snprintf(joined, sizeof(joined), "%s/%s", dir, name);
	if (!realpath(joined, out->path)) {
		snprintf(err, errsize, "image \"%s\": %s (looked for %s)", name, strerror(errno),
		         joined);
		return -1;
	}
	size_t n = strlen(dir);
	if (strncmp(out->path, dir, n) != 0 || (out->path[n] != '/' && strcmp(dir, "/") != 0)) {
		snprintf(err, errsize,
		         "image \"%s\" is %s, outside the data directory %s: refused (copy it into "
		         "the data directory)",
		         name, out->path, dir);
		return -1;
	}
	FILE *f = fopen(out->path, "rb");
	if (!f) {
		snprintf(err, errsize, "image \"%s\": %s", out->path, strerror(errno));
		return -1;
	}
	unsigned char magic[8];
	int rc = -1;
	if (fread(magic, 1, 8, f) == 8) {
		if (memcmp(magic, "\x89PNG\r\n\x1a\n", 8) == 0) {
			out->kind = IMAGE_PNG;
			rc = png_size(f, &out->width, &out->height);
		} else if (magic[0] == 0xFF && magic[1] == 0xD8) {
			out->kind = IMAGE_JPEG;
			rc = jpeg_size(f, &out->width, &out->height);
		}
	}
	fclose(f);
	if (rc == -2)
		snprintf(
		        err, errsize,
		        "image \"%s\": a PNG of 16 bits per channel is not supported; save it with "
		        "8 bits per channel",
		        out->path);
	else if (rc == -3)
		snprintf(err, errsize,
		         "image \"%s\": an interlaced PNG is not supported; save it without "
		         "interlacing",
		         out->path);
	else if (rc != 0)
		snprintf(err, errsize, "image \"%s\": %s", out->path,
		         out->kind ? "its header is damaged (no size found)"
		                   : "not a PNG or JPEG file");
	return rc;
}
