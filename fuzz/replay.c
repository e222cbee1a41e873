/*
 * A main() for a fuzz target without libFuzzer: runs the target once on
 * each file named, as libFuzzer would.  make asan links it with a
 * target under ASan+UBSan, so that tests/fuzz.bats replays the inputs of
 * fuzz/regress/ (inputs that once crashed a target) in make check-asan,
 * with gcc and no clang.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
replay(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL, *grown;
	size_t len = 0, cap = 0, n;

	if (f == NULL) {
		perror(path);
		return 2;
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((grown = realloc(data, cap)) == NULL) {
				perror(path);
				exit(2);
			}
			data = grown;
		}
		n = fread(data + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	if (ferror(f)) {
		perror(path);
		fclose(f);
		free(data);
		return 2;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

int
main(int argc, char *argv[])
{
	int i, status = 0;

	if (argc < 2) {
		fputs("usage: replay FILE...\n", stderr);
		return 2;
	}
	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++)
		if (replay(argv[i]) != 0)
			status = 2;
	return status;
}
