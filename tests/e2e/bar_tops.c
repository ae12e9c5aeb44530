/* bar_tops - finds the bars of a chart in a greyscale PGM (P5) image, as
 * `pdftoppm -gray` writes it, for tests/e2e/chart_pixels.sh.
 *
 *   bar_tops IMAGE.pgm LO HI
 *
 * A bar is a run of at least 6 neighbouring columns each holding a vertical
 * run of at least 4 pixels whose grey level is in [LO, HI].  For each bar,
 * left to right, prints "bar X TOP BOTTOM": its centre column and the first
 * and last row of the run in that column.  Then prints "grid Y" for every
 * row that is light grey (200..240) over at least half the image width: the
 * gridlines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int next_int(FILE *f)
{
	int c, v = 0;
	do {
		c = fgetc(f);
		if (c == '#')
			while (c != '\n' && c != EOF)
				c = fgetc(f);
	} while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
	while (c >= '0' && c <= '9') {
		v = v * 10 + (c - '0');
		c = fgetc(f);
	}
	return v;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: bar_tops IMAGE.pgm LO HI\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	char magic[3] = {0};
	if (!f || fread(magic, 1, 2, f) != 2 || strcmp(magic, "P5") != 0) {
		fprintf(stderr, "bar_tops: %s: not a binary PGM\n", argv[1]);
		return 2;
	}
	int w = next_int(f), h = next_int(f), max = next_int(f);
	if (w <= 0 || h <= 0 || max != 255) {
		fprintf(stderr, "bar_tops: %s: unsupported PGM header\n", argv[1]);
		return 2;
	}
	unsigned char *px = malloc((size_t)w * (size_t)h);
	if (!px || fread(px, 1, (size_t)w * (size_t)h, f) != (size_t)w * (size_t)h) {
		fprintf(stderr, "bar_tops: %s: short image\n", argv[1]);
		return 2;
	}
	fclose(f);
	int lo = atoi(argv[2]), hi = atoi(argv[3]);
	/* per column: the longest run of bar-coloured pixels */
	int *top = calloc((size_t)w, sizeof(int)), *bot = calloc((size_t)w, sizeof(int));
	for (int x = 0; x < w; x++) {
		int best = 0, start = -1;
		for (int y = 0; y <= h; y++) {
			int in =
			        y < h && px[(size_t)y * w + x] >= lo && px[(size_t)y * w + x] <= hi;
			if (in && start < 0)
				start = y;
			if (!in && start >= 0) {
				if (y - start > best) {
					best = y - start;
					top[x] = start;
					bot[x] = y - 1;
				}
				start = -1;
			}
		}
		if (best < 4)
			top[x] = bot[x] = -1;
	}
	for (int x = 0; x < w;) {
		if (top[x] < 0) {
			x++;
			continue;
		}
		int e = x;
		while (e < w && top[e] >= 0)
			e++;
		if (e - x >= 6) {
			int c = (x + e) / 2;
			printf("bar %d %d %d\n", c, top[c], bot[c]);
		}
		x = e;
	}
	for (int y = 0; y < h; y++) {
		int n = 0;
		for (int x = 0; x < w; x++)
			n += px[(size_t)y * w + x] >= 200 && px[(size_t)y * w + x] <= 240;
		if (n >= w / 2)
			printf("grid %d\n", y);
	}
	free(px);
	free(top);
	free(bot);
	return 0;
}
