/*
 * fuzz_data.c - libFuzzer harness for the loader and the validators.
 *
 * Each input is written into a scratch copy of the bundled data and checked
 * the way `rapport check` does, then the sections' blocks are emitted
 * (build_opts.emit_only), so the JSON loader, the report checks, the schema
 * engine and the plugins' validate() and emit() all see it:
 *
 *   - an input without a line "===" replaces the year file 2018.json;
 *   - an input "DEFINITION\n===\nYEAR" replaces the report definition and
 *     2018.json.
 *
 * The input's length picks the language and, one time in five, a
 * single-year report for 2018 (--year 2018).
 *
 * Environment: RAPPORT_FUZZ_DATA (the data/ directory to copy) and
 * RAPPORT_FUZZ_PLUGINS (the directory of sanitized plugins); fuzz/run.sh sets
 * both.  Inputs that name device or proc files are skipped: reading
 * /dev/stdin would block the fuzzer, not rapport's users.
 */
#include <dirent.h>
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pipeline/build.h"
#include "base/diag.h"
#include "base/file.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char scratch[4096];
static char def_path[4200], year_path[4200];
static char *def_orig, *year_orig;
static size_t def_len, year_len;
static const char *plugin_dir;

static char *slurp(const char *path, size_t *len)
{
	unsigned char *buf;
	if (file_read(path, 0, &buf, len) != FILE_READ_OK) {
		perror(path);
		exit(1);
	}
	return (char *)buf;
}

static void spill(const char *path, const void *buf, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

/* Removes the scratch directory and its files at exit. */
static void remove_scratch(void)
{
	DIR *dir = opendir(scratch);
	struct dirent *e;
	while (dir && (e = readdir(dir))) {
		char path[sizeof(scratch) + 260];
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", scratch, e->d_name);
		unlink(path);
	}
	if (dir)
		closedir(dir);
	rmdir(scratch);
}

/* Copies the bundled data into a scratch directory and keeps the plugins
 * loaded for the whole run (RTLD_NODELETE), so that each input does not
 * unload and reload them. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *data = getenv("RAPPORT_FUZZ_DATA");
	plugin_dir = getenv("RAPPORT_FUZZ_PLUGINS");
	if (!data || !plugin_dir) {
		fprintf(stderr, "fuzz_data: set RAPPORT_FUZZ_DATA and RAPPORT_FUZZ_PLUGINS\n");
		exit(1);
	}
	snprintf(scratch, sizeof(scratch), "/tmp/rapport-fuzz-XXXXXX");
	if (!mkdtemp(scratch)) {
		perror("mkdtemp");
		exit(1);
	}
	atexit(remove_scratch);
	DIR *dir = opendir(data);
	struct dirent *e;
	while (dir && (e = readdir(dir))) {
		size_t n = strlen(e->d_name);
		if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
			continue;
		char src[4200], dst[4200];
		snprintf(src, sizeof(src), "%s/%s", data, e->d_name);
		snprintf(dst, sizeof(dst), "%s/%s", scratch, e->d_name);
		size_t len;
		char *buf = slurp(src, &len);
		spill(dst, buf, len);
		if (strstr(e->d_name, "slutrapport")) {
			def_orig = buf;
			def_len = len;
			snprintf(def_path, sizeof(def_path), "%s", dst);
		} else if (strcmp(e->d_name, "2018.json") == 0) {
			year_orig = buf;
			year_len = len;
			snprintf(year_path, sizeof(year_path), "%s", dst);
		} else {
			free(buf);
		}
	}
	if (dir)
		closedir(dir);
	if (!def_orig || !year_orig) {
		fprintf(stderr, "fuzz_data: %s lacks the report definition or 2018.json\n", data);
		exit(1);
	}
	dir = opendir(plugin_dir);
	while (dir && (e = readdir(dir))) {
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 3, ".so") != 0)
			continue;
		char so[4200];
		snprintf(so, sizeof(so), "%s/%s", plugin_dir, e->d_name);
		if (!dlopen(so, RTLD_NOW | RTLD_NODELETE))
			fprintf(stderr, "fuzz_data: %s\n", dlerror());
	}
	if (dir)
		closedir(dir);
	return 0;
}

static const char *find_sep(const char *s, size_t n)
{
	for (size_t i = 0; i + 5 <= n; i++)
		if (memcmp(s + i, "\n===\n", 5) == 0)
			return s + i;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	if (memmem(s, size, "/dev", 4) || memmem(s, size, "/proc", 5) || memmem(s, size, "/sys", 4))
		return 0;
	const char *sep = find_sep(s, size);
	if (sep) {
		spill(def_path, s, (size_t)(sep - s));
		spill(year_path, sep + 5, size - (size_t)(sep - s) - 5);
	} else {
		spill(def_path, def_orig, def_len);
		spill(year_path, s, size);
	}
	const char *dirs[] = {plugin_dir};
	build_opts o = {0};
	o.report_path = def_path;
	o.plugin_dirs = dirs;
	o.nplugin_dirs = 1;
	o.quiet = 1;
	o.emit_only = 1;
	o.lang = (size & 1) ? LANG_EN : LANG_SV;
	o.year = size % 5 == 0 ? 2018 : 0; /* now and then a single-year report */
	diag d;
	diag_init(&d);
	d.quiet = 1;
	build_run(&o, &d);
	return 0;
}
