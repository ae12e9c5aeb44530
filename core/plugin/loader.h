/*
 * plugin.h - finding and loading section plugins (internal to the core).
 *
 * Plugins are regular *.so files in explicit directories: those given with
 * --plugin-dir, then RAPPORT_PLUGIN_PATH (colon-separated), then the
 * compiled-in directory (the build tree's when rapport runs from it).  The
 * current directory is never searched implicitly.  Each file is opened with
 * dlopen(RTLD_NOW | RTLD_LOCAL); its entry point's name carries the ABI
 * number, so a plugin built for another ABI is reported, not run.
 */
#ifndef RAPPORT_PLUGIN_INTERNAL_H
#define RAPPORT_PLUGIN_INTERNAL_H

#include <stddef.h>

#include "base/diag.h"
#include "rapport/plugin.h"

typedef struct plugin_lib {
	char *path;
	void *handle;
} plugin_lib;

/* A registered section type and the file it came from. */
typedef struct section_kind {
	const rapport_section_type *type;
	const char *path; /* "(built in)" for the core's own */
	int builtin;
} section_kind;

typedef struct plugin_set {
	plugin_lib *libs;
	size_t nlibs, cap_libs;
	section_kind *kinds;
	size_t nkinds, cap_kinds;
	char **dirs; /* the directories searched, in order */
	size_t ndirs;
} plugin_set;

/* Collects the search directories: cli_dirs, then RAPPORT_PLUGIN_PATH, then
 * the compiled-in directory. */
void plugins_init(plugin_set *set, const char *const *cli_dirs, size_t ncli);
/* The compiled-in plugin directory: the build tree's .libs when this binary
 * runs from its build tree, else $(pkglibdir). */
const char *plugin_builtin_dir(void);
/* 1 when the running binary is the one in the build tree. */
int running_from_build_tree(void);
/* Loads every plugin in the search directories.  A directory that does not
 * exist is skipped; an unsafe or broken plugin is an error.  Returns 0, or -1
 * after reporting every problem to d. */
int plugins_load_all(plugin_set *set, const rapport_host *host, diag *d);
/* Loads one plugin file. */
int plugin_load_file(plugin_set *set, const char *path, const rapport_host *host, diag *d);
const section_kind *plugins_find(const plugin_set *set, const char *name);
/* Unloads everything (dlclose) after the last callback ran. */
void plugins_free(plugin_set *set);

/* Registers one of the core's section types (core/sections/builtin.c),
 * before the plugins are loaded: no plugin can then replace it. */
void plugins_add_builtin(plugin_set *set, const rapport_section_type *type);
/* 1 when name is a valid section type name: [a-z0-9_]+, at most 64 bytes. */
int plugin_valid_name(const char *name);

/* The host's register_section member. */
int plugin_register_section(rapport_registry *reg, const rapport_section_type *type);

#endif
