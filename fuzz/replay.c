/*
 * A main() for a fuzz target without libFuzzer: runs the target once on
 * each file named, as libFuzzer would.  make asan links it with a
 * target under ASan+UBSan, so that tests/fuzz.bats replays the inputs of
 * fuzz/regress/ (inputs that once crashed a target) in make check-asan,
 * with gcc and no clang.
 *
 * With -t first it prints each input's time (CPU seconds, then the file)
 * on stdout: fuzz/slowest.sh links it with an optimised build of a
 * target to list the inputs that take long, the timeouts of a fuzzing
 * run to come (tests/fuzz/README.md).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* where -t prints: the first stdout, which a target may send to /dev/null */
static FILE *times;

static double
cpu_seconds(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
		return 0;
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
replay(const char *path, int timed)
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
	if (timed) {
		double t0 = cpu_seconds();

		LLVMFuzzerTestOneInput(data, len);
		fprintf(times, "%.6f\t%s\n", cpu_seconds() - t0, path);
		fflush(times);
	} else
		LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

int
main(int argc, char *argv[])
{
	int i, fd, status = 0, timed = 0;

	if (argc > 1 && strcmp(argv[1], "-t") == 0) {
		if ((fd = dup(STDOUT_FILENO)) < 0 ||
		    (times = fdopen(fd, "w")) == NULL) {
			perror("replay");
			return 2;
		}
		timed = 1;
		argv[1] = argv[0];
		argc--;
		argv++;
	}
	if (argc < 2) {
		fputs("usage: replay [-t] FILE...\n", stderr);
		return 2;
	}
	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++)
		if (replay(argv[i], timed) != 0)
			status = 2;
	return status;
}
