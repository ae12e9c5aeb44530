/*
 * test_base.c - the small helpers of core/base: FNV-1a against its
 * published values, UTF-8 encoding against decoding, paths, whole files
 * (regular, empty, a pipe, a directory, missing, over a limit), the work
 * queue of task.c, and libharu bound to libcore's memory helpers.
 */
#define _GNU_SOURCE /* dladdr, RTLD_DEFAULT */
#include <dlfcn.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/file.h"
#include "base/hash.h"
#include "base/task.h"
#include "base/utf8.h"

static void fnv_known_values(void **state)
{
	(void)state;
	/* FNV-1a 64 of "", "a" and "foobar" (the FNV reference's test values) */
	assert_true(fnv_str(FNV_BASIS, "") == 0xcbf29ce484222325ull);
	assert_true(fnv_str(FNV_BASIS, "a") == 0xaf63dc4c8601ec8cull);
	assert_true(fnv_str(FNV_BASIS, "foobar") == 0x85944171f73967e8ull);
	assert_true(fnv_bytes(FNV_BASIS, "foobar", 6) == 0x85944171f73967e8ull);
	assert_true(fnv_step(fnv_str(FNV_BASIS, "fooba"), 'r') == 0x85944171f73967e8ull);
}

static void utf8_round_trip(void **state)
{
	(void)state;
	static const uint32_t cps[] = {0x24,   0xA2,   0x7FF,   0x800,   0x20AC,
	                               0xFFFD, 0xFFFF, 0x10000, 0x10348, 0x10FFFF};
	static const size_t lens[] = {1, 2, 2, 3, 3, 3, 3, 4, 4, 4};
	for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		char buf[4];
		size_t n = utf8_encode(cps[i], buf);
		assert_int_equal(n, lens[i]);
		assert_int_equal(utf8_valid_len((const unsigned char *)buf, n), n);
		const char *p = buf;
		assert_int_equal(utf8_next(&p, buf + n), cps[i]);
		assert_ptr_equal(p, buf + n);
	}
	/* invalid: a stray continuation, an overlong form, a surrogate, a cut */
	assert_int_equal(utf8_valid_len((const unsigned char *)"\x80", 1), 0);
	assert_int_equal(utf8_valid_len((const unsigned char *)"\xC0\xAF", 2), 0);
	assert_int_equal(utf8_valid_len((const unsigned char *)"\xED\xA0\x80", 3), 0);
	assert_int_equal(utf8_valid_len((const unsigned char *)"\xE2\x82", 2), 0);
	char out[6];
	/* "aé€": cut before the euro sign, not inside it */
	assert_string_equal(utf8_copy_trunc(out, 6, "a\xC3\xA9\xE2\x82\xAC"), "a\xC3\xA9");
}

static void paths(void **state)
{
	(void)state;
	static const char *const dirs[][2] = {
	        {"a/b/c", "a/b"}, {"/c", "/"}, {"c", "."}, {"a/", "a"}, {"/a/b", "/a"}};
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		char *d = path_dir(dirs[i][0]);
		assert_string_equal(d, dirs[i][1]);
		free(d);
	}
	assert_string_equal(path_base("a/b/c.json"), "c.json");
	assert_string_equal(path_base("c.json"), "c.json");
	char *j = path_join("a", "b");
	assert_string_equal(j, "a/b");
	free(j);
	j = path_join("/", "b");
	assert_string_equal(j, "/b");
	free(j);
}

static void whole_files(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_base.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = path_join(dir, "f"), *empty = path_join(dir, "e");
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	for (int i = 0; i < 100000; i++)
		fputc('a' + i % 26, f);
	fclose(f);
	fclose(fopen(empty, "wb"));

	unsigned char *data;
	size_t n;
	assert_int_equal(file_read(path, 0, &data, &n), FILE_READ_OK);
	assert_int_equal(n, 100000);
	assert_int_equal(data[99999], 'a' + 99999 % 26);
	assert_int_equal(data[n], '\0');
	free(data);
	assert_int_equal(file_read(empty, 0, &data, &n), FILE_READ_OK);
	assert_int_equal(n, 0);
	assert_int_equal(data[0], '\0');
	free(data);
	assert_int_equal(file_read(path, 99999, &data, &n), FILE_TOO_LARGE);
	assert_int_equal(n, 100000);
	assert_int_equal(file_read(path, 100000, &data, &n), FILE_READ_OK);
	free(data);
	assert_int_equal(file_read(dir, 0, &data, &n), FILE_CANNOT_READ);
	assert_int_equal(errno, EISDIR);
	char *missing = path_join(dir, "missing");
	assert_int_equal(file_read(missing, 0, &data, &n), FILE_CANNOT_OPEN);
	assert_int_equal(errno, ENOENT);

	/* a pipe: its size is not known beforehand */
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		char block[1000];
		memset(block, 'p', sizeof(block));
		for (int i = 0; i < 200; i++)
			if (write(fd[1], block, sizeof(block)) != (ssize_t)sizeof(block))
				_exit(1);
		_exit(0);
	}
	close(fd[1]);
	char name[64];
	snprintf(name, sizeof(name), "/proc/self/fd/%d", fd[0]);
	assert_int_equal(file_read(name, 0, &data, &n), FILE_READ_OK);
	close(fd[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(n, 200000);
	assert_int_equal(data[n - 1], 'p');
	free(data);

	unlink(path);
	unlink(empty);
	rmdir(dir);
	free(path);
	free(empty);
	free(missing);
}

/* Work items that record which thread state worked on them. */
typedef struct item {
	int times;
	void *state;
} item;

static atomic_int states_made, states_freed; /* both threads count */

static void *state_new(void)
{
	states_made++;
	return malloc(1);
}

static void state_free(void *s)
{
	states_freed++;
	free(s);
}

static void work(void *state, void *arg)
{
	item *it = arg;
	it->times++;
	it->state = state;
}

static void queue_works_on_every_item_once(void **state)
{
	(void)state;
	enum { N = 5000 };
	item *items = calloc(N, sizeof(*items));
	states_made = states_freed = 0;
	task_queue *q = task_queue_new(work, NULL, NULL);
	for (int i = 0; i < N; i++)
		task_queue_add(q, &items[i]);
	task_queue_finish(q);
	for (int i = 0; i < N; i++) {
		assert_int_equal(items[i].times, 1);
		assert_null(items[i].state);
	}
	/* with states: the thread's and the caller's, each freed */
	memset(items, 0, N * sizeof(*items));
	q = task_queue_new(work, state_new, state_free);
	for (int i = 0; i < N; i++)
		task_queue_add(q, &items[i]);
	task_queue_finish(q);
	for (int i = 0; i < N; i++) {
		assert_int_equal(items[i].times, 1);
		assert_non_null(items[i].state);
	}
	assert_int_equal(states_made, 2);
	assert_int_equal(states_freed, 2);
	/* an empty queue */
	task_queue_finish(task_queue_new(work, NULL, NULL));
	free(items);
}

/* The program (a test, like rapport) exports pdf/hpdf_mem.c's HPDF_MemCpy
 * and HPDF_MemSet, so libharu's calls bind to them, not to its own. */
static void libharu_binds_to_libcore_memory_helpers(void **state)
{
	(void)state;
	static const char *const names[] = {"HPDF_MemCpy", "HPDF_MemSet"};
	for (size_t i = 0; i < 2; i++) {
		void *f = dlsym(RTLD_DEFAULT, names[i]);
		assert_non_null(f);
		Dl_info info;
		assert_true(dladdr(f, &info) != 0);
		assert_null(strstr(info.dli_fname, "libhpdf"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(fnv_known_values),
	        cmocka_unit_test(utf8_round_trip),
	        cmocka_unit_test(paths),
	        cmocka_unit_test(whole_files),
	        cmocka_unit_test(queue_works_on_every_item_once),
	        cmocka_unit_test(libharu_binds_to_libcore_memory_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
