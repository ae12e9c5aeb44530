#include "config.h"

#include "plugin/loader.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/guard.h"

struct rapport_registry {
	plugin_set *set;
	const char *path;
	diag *d;
	int failed;
};

static void add_dir(plugin_set *set, const char *dir, size_t len)
{
	if (len == 0)
		return;
	set->dirs = xrealloc(set->dirs, (set->ndirs + 1) * sizeof(*set->dirs));
	char *p = xmalloc(len + 1);
	memcpy(p, dir, len);
	p[len] = '\0';
	set->dirs[set->ndirs++] = p;
}

int running_from_build_tree(void)
{
	static int cached = -1;
	if (cached >= 0)
		return cached;
	char exe[PATH_MAX], build[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	cached = 0;
	if (n <= 0 || !realpath(ABS_TOP_BUILDDIR, build))
		return cached;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	/* libtool may run the real binary from .libs/ */
	size_t bl = strlen(build);
	cached = strcmp(exe, build) == 0 ||
	         (strncmp(exe, build, bl) == 0 && strcmp(exe + bl, "/.libs") == 0);
	return cached;
}

const char *plugin_builtin_dir(void)
{
	return running_from_build_tree() ? ABS_TOP_BUILDDIR "/.libs" : PKGLIBDIR;
}

void plugins_init(plugin_set *set, const char *const *cli_dirs, size_t ncli)
{
	memset(set, 0, sizeof(*set));
	for (size_t i = 0; i < ncli; i++)
		add_dir(set, cli_dirs[i], strlen(cli_dirs[i]));
	const char *env = getenv("RAPPORT_PLUGIN_PATH");
	while (env && *env) {
		const char *colon = strchr(env, ':');
		size_t len = colon ? (size_t)(colon - env) : strlen(env);
		add_dir(set, env, len);
		env = colon ? colon + 1 : NULL;
	}
	const char *builtin = plugin_builtin_dir();
	add_dir(set, builtin, strlen(builtin));
}

/* Refuses files and directories that other users may write to: loading
 * code from them would let anyone run code as the user. */
static int check_safe(const char *path, const struct stat *st, diag *d)
{
	if (st->st_mode & S_IWOTH) {
		diag_error(d, NULL,
		           "%s: refusing to load plugins from a %s writable by every user "
		           "(chmod o-w it)",
		           path, S_ISDIR(st->st_mode) ? "directory" : "file");
		return -1;
	}
	return 0;
}

/* 1 when the two plugin files are in the same directory: then neither can
 * override the other, and a section type both provide is ambiguous. */
static int same_dir(const char *a, const char *b)
{
	const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
	size_t la = sa ? (size_t)(sa - a) : 0, lb = sb ? (size_t)(sb - b) : 0;
	return la == lb && strncmp(a, b, la) == 0;
}

int plugin_valid_name(const char *name)
{
	if (!*name || strlen(name) > 64)
		return 0;
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
			return 0;
	return 1;
}

static void add_kind(plugin_set *set, const rapport_section_type *type, const char *path,
                     int builtin)
{
	GROW(set->kinds, set->cap_kinds, set->nkinds + 1);
	set->kinds[set->nkinds].type = type;
	set->kinds[set->nkinds].path = path;
	set->kinds[set->nkinds].builtin = builtin;
	set->nkinds++;
}

void plugins_add_builtin(plugin_set *set, const rapport_section_type *type)
{
	add_kind(set, type, "(built in)", 1);
}

/* Refuses a registration: the message, after the plugin's file name, fails
 * the plugin's loading.  Returns RAPPORT_FAIL. */
static int refuse(rapport_registry *reg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int refuse(rapport_registry *reg, const char *fmt, ...)
{
	char what[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	diag_error(reg->d, NULL, "%s: %s", reg->path, what);
	reg->failed = 1;
	return RAPPORT_FAIL;
}

int plugin_register_section(rapport_registry *reg, const rapport_section_type *type)
{
	if (!reg || !type || !type->name || !type->emit) {
		if (reg) {
			diag_error(reg->d, NULL, "%s: registers a section type without a name or emit",
			           reg->path);
			reg->failed = 1;
		}
		return RAPPORT_FAIL;
	}
	if (type->api_level > RAPPORT_API_LEVEL)
		return refuse(reg,
		              "section type \"%s\" needs plugin API level %u, but this rapport "
		              "provides level %d; upgrade rapport",
		              type->name, type->api_level, RAPPORT_API_LEVEL);
	plugin_set *set = reg->set;
	if (!plugin_valid_name(type->name))
		return refuse(reg,
		              "section type name \"%s\" is refused: a name is made of a-z, 0-9 "
		              "and _ only",
		              type->name);
	const section_kind *dup = plugins_find(set, type->name);
	if (dup && dup->builtin)
		return refuse(reg,
		              "section type \"%s\" is built in and cannot be replaced; give the "
		              "plugin's section type another name",
		              type->name);
	if (dup) {
		if (strcmp(dup->path, reg->path) != 0 && !same_dir(dup->path, reg->path)) {
			/* an earlier directory overrides a later one */
			diag_warning(reg->d, NULL,
			             "%s: section type \"%s\" is also in %s, which comes first in the "
			             "search path and is used",
			             reg->path, type->name, dup->path);
			return RAPPORT_OK;
		}
		if (strcmp(dup->path, reg->path) != 0)
			diag_error(reg->d, NULL,
			           "%s: section type \"%s\" is already provided by %s in the same "
			           "directory; remove one of the two plugins",
			           reg->path, type->name, dup->path);
		else
			diag_error(reg->d, NULL, "%s: registers section type \"%s\" twice", reg->path,
			           type->name);
		reg->failed = 1;
		return RAPPORT_FAIL;
	}
	add_kind(set, type, reg->path, 0);
	return RAPPORT_OK;
}

/* Tells which ABI a stale plugin was built for, by looking for the entry
 * points of other ABI numbers. */
static int other_abi(void *handle)
{
	for (int abi = 0; abi < 32; abi++) {
		if (abi == RAPPORT_ABI)
			continue;
		char name[64];
		snprintf(name, sizeof(name), "rapport_plugin_init_v%d", abi);
		if (dlsym(handle, name))
			return abi;
	}
	return -1;
}

/* The entry point's arguments, for guard_run(). */
struct entry_call {
	rapport_entry_fn entry;
	const rapport_host *host;
	rapport_registry *reg;
};

static int call_entry(void *arg)
{
	struct entry_call *c = arg;
	return c->entry(c->host, c->reg);
}

int plugin_load_file(plugin_set *set, const char *path, const rapport_host *host, diag *d)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		diag_error(d, NULL, "%s: cannot read plugin: %s", path, strerror(errno));
		return -1;
	}
	if (check_safe(path, &st, d) != 0)
		return -1;
	for (size_t i = 0; i < set->nlibs; i++) {
		char a[PATH_MAX], b[PATH_MAX];
		if (realpath(set->libs[i].path, a) && realpath(path, b) && strcmp(a, b) == 0)
			return 0; /* the same file through two directories */
	}
	dlerror();
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		diag_error(d, NULL, "%s: cannot load plugin: %s", path, dlerror());
		return -1;
	}
	void *sym = dlsym(h, RAPPORT_PLUGIN_ENTRY_SYMBOL);
	if (!sym) {
		int abi = other_abi(h);
		if (abi >= 0)
			diag_error(d, NULL,
			           "%s: plugin was built for plugin ABI %d, this rapport has ABI %d; "
			           "rebuild the plugin against this rapport's <rapport/plugin.h>",
			           path, abi, RAPPORT_ABI);
		else
			diag_error(d, NULL, "%s: not a rapport plugin: no entry point %s", path,
			           RAPPORT_PLUGIN_ENTRY_SYMBOL);
		dlclose(h);
		return -1;
	}
	GROW(set->libs, set->cap_libs, set->nlibs + 1);
	plugin_lib *lib = &set->libs[set->nlibs++];
	lib->path = xstrdup(path);
	lib->handle = h;

	rapport_registry reg = {set, lib->path, d, 0};
	rapport_entry_fn entry;
	memcpy(&entry, &sym, sizeof(entry));
	size_t before = set->nkinds;
	struct entry_call call = {entry, host, &reg};
	int rc;
	int sig = guard_run(call_entry, &call, &rc);
	if (sig) {
		diag_error(d, NULL, "%s: plugin crashed with %s in its entry point %s", path,
		           guard_signal_name(sig), RAPPORT_PLUGIN_ENTRY_SYMBOL);
		set->nkinds = before;
		return -1;
	}
	if (rc != RAPPORT_OK || reg.failed) {
		if (!reg.failed)
			diag_error(d, NULL, "%s: plugin initialisation failed (returned %d)", path, rc);
		set->nkinds = before; /* forget what it registered */
		return -1;
	}
	return 0;
}

static int is_plugin_name(const char *name)
{
	size_t n = strlen(name);
	return n > 3 && strcmp(name + n - 3, ".so") == 0 && name[0] != '.';
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Loads the *.so files of one directory, in name order. */
static int load_dir(plugin_set *set, const char *dir, const rapport_host *host, diag *d)
{
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return 0;
	if (check_safe(dir, &st, d) != 0)
		return -1;
	DIR *dh = opendir(dir);
	if (!dh) {
		diag_error(d, NULL, "%s: cannot read plugin directory: %s", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dh)) != NULL) {
		if (!is_plugin_name(e->d_name))
			continue;
		GROW(names, cap, n + 1);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dh);
	qsort(names, n, sizeof(*names), by_name);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		char *path = xmalloc(strlen(dir) + strlen(names[i]) + 2);
		sprintf(path, "%s/%s", dir, names[i]);
		struct stat fst;
		if (stat(path, &fst) == 0 && S_ISREG(fst.st_mode) &&
		    plugin_load_file(set, path, host, d) != 0)
			rc = -1;
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int plugins_load_all(plugin_set *set, const rapport_host *host, diag *d)
{
	int rc = 0;
	for (size_t i = 0; i < set->ndirs; i++)
		if (load_dir(set, set->dirs[i], host, d) != 0)
			rc = -1;
	return rc;
}

const section_kind *plugins_find(const plugin_set *set, const char *name)
{
	for (size_t i = 0; i < set->nkinds; i++)
		if (strcmp(set->kinds[i].type->name, name) == 0)
			return &set->kinds[i];
	return NULL;
}

void plugins_free(plugin_set *set)
{
	for (size_t i = set->nlibs; i-- > 0;) {
		dlclose(set->libs[i].handle);
		free(set->libs[i].path);
	}
	free(set->libs);
	free(set->kinds);
	for (size_t i = 0; i < set->ndirs; i++)
		free(set->dirs[i]);
	free(set->dirs);
	memset(set, 0, sizeof(*set));
}
