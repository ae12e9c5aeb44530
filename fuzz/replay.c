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

#include "base/file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

int main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		unsigned char *buf;
		size_t len;
		if (file_read(argv[i], 0, &buf, &len) != FILE_READ_OK) {
			perror(argv[i]);
			return 2;
		}
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
	}
	printf("replayed %d inputs\n", argc - 1);
	return 0;
}
