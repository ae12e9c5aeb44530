/*
 * timeit.c - runs a command once to warm up, then RUNS more times, and prints
 * on one line: the median and the fastest wall time of those runs in
 * seconds, the peak resident set size in KB of the largest child (getrusage
 * RUSAGE_CHILDREN: the maximum over every run), and the median CPU time
 * (user + system, of the command and all its children) in seconds, which a
 * machine shared with other work disturbs less than the wall time.
 *
 *   rapport-bench-time RUNS COMMAND [ARG]...
 *
 * The command's stdout goes to /dev/null; its stderr is kept.  Exits 1 if
 * any run fails (the command's exit status is then printed), 2 on bad usage.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_children(void)
{
	struct rusage ru;
	getrusage(RUSAGE_CHILDREN, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* Runs argv once; returns its wall time and sets *cpu to its CPU time, or
 * returns -1 when it did not exit 0. */
static double run(char **argv, double *cpu)
{
	double c0 = cpu_children();
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("rapport-bench-time: fork");
		return -1;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0)
			dup2(fd, STDOUT_FILENO);
		execvp(argv[0], argv);
		fprintf(stderr, "rapport-bench-time: cannot run %s\n", argv[0]);
		_exit(127);
	}
	int status;
	if (waitpid(pid, &status, 0) < 0) {
		perror("rapport-bench-time: waitpid");
		return -1;
	}
	double t = now() - t0;
	*cpu = cpu_children() - c0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "rapport-bench-time: %s failed (status %d)\n", argv[0],
		        WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
		return -1;
	}
	return t;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(const double *v, long n)
{
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	char *end;
	long runs = argc > 2 ? strtol(argv[1], &end, 10) : 0;
	if (argc < 3 || *end || runs < 1 || runs > 1000) {
		fprintf(stderr, "usage: rapport-bench-time RUNS COMMAND [ARG]...\n");
		return 2;
	}
	double *t = calloc((size_t)runs, sizeof(*t)), *c = calloc((size_t)runs, sizeof(*c));
	if (!t || !c || run(argv + 2, &c[0]) < 0)
		return 1;
	for (long i = 0; i < runs; i++)
		if ((t[i] = run(argv + 2, &c[i])) < 0)
			return 1;
	qsort(t, (size_t)runs, sizeof(*t), by_value);
	qsort(c, (size_t)runs, sizeof(*c), by_value);
	struct rusage ru;
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("%.4f %.4f %ld %.4f\n", median(t, runs), t[0], ru.ru_maxrss, median(c, runs));
	free(t);
	free(c);
	return 0;
}
