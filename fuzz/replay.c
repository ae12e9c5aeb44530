/*
 * replay.c - runs a libFuzzer harness over given files, without libFuzzer,
 * so that `make check` replays the inputs that once crashed (and the seeds)
 * with the ordinary compiler, and under the sanitizers in check-sanitize.
 *
 *   replay FILE...      each FILE is one input; exit 0 when none crashed
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

int main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 2;
		}
		uint8_t *buf = NULL;
		size_t len = 0, cap = 0;
		for (;;) {
			if (len == cap) {
				cap = cap ? 2 * cap : 65536;
				uint8_t *nbuf = realloc(buf, cap);
				if (!nbuf) {
					fclose(f);
					free(buf);
					return 2;
				}
				buf = nbuf;
			}
			size_t n = fread(buf + len, 1, cap - len, f);
			if (n == 0)
				break;
			len += n;
		}
		fclose(f);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
	}
	printf("replayed %d inputs\n", argc - 1);
	return 0;
}
