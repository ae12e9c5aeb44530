/* Plugin discovery and loading: the real plugins of the build tree, and the
 * deliberately broken ones in tests/broken/ (built only for `make check`). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin/host.h"
#include "plugin/loader.h"

static char path_buf[4096];

static const char *builddir(void)
{
	const char *b = getenv("top_builddir");
	return b ? b : ".";
}

static const char *broken(const char *name)
{
	snprintf(path_buf, sizeof(path_buf), "%s/tests/broken/.libs/%s.so", builddir(), name);
	return path_buf;
}

static void quiet(diag *d)
{
	diag_init(d);
	d->quiet = 1;
}

static void loads_the_four_plugins(void **state)
{
	(void)state;
	diag d;
	quiet(&d);
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/.libs", builddir());
	const char *dirs[] = {dir};
	plugin_set set;
	plugins_init(&set, dirs, 1);
	assert_int_equal(plugins_load_all(&set, host_table(), &d), 0);
	const char *names[] = {"outreach", "placements", "census", "analysis"};
	for (int i = 0; i < 4; i++) {
		const section_kind *k = plugins_find(&set, names[i]);
		assert_non_null(k);
		assert_non_null(k->type->emit);
		assert_non_null(strstr(k->path, names[i]));
	}
	assert_null(plugins_find(&set, "budget"));
	plugins_free(&set);
}

static void wrong_abi_is_refused_with_a_message(void **state)
{
	(void)state;
	diag d;
	quiet(&d);
	plugin_set set;
	plugins_init(&set, NULL, 0);
	assert_int_equal(plugin_load_file(&set, broken("wrong_abi"), host_table(), &d), -1);
	assert_non_null(strstr(d.last, "built for plugin ABI 0"));
	assert_non_null(strstr(d.last, "rebuild the plugin"));
	assert_int_equal(set.nkinds, 0);
	plugins_free(&set);
}

static void missing_entry_point(void **state)
{
	(void)state;
	diag d;
	quiet(&d);
	plugin_set set;
	plugins_init(&set, NULL, 0);
	assert_int_equal(plugin_load_file(&set, broken("no_entry"), host_table(), &d), -1);
	assert_non_null(strstr(d.last, "no entry point rapport_plugin_init_v1"));
	plugins_free(&set);
}

static void api_level_too_new(void **state)
{
	(void)state;
	diag d;
	quiet(&d);
	plugin_set set;
	plugins_init(&set, NULL, 0);
	assert_int_equal(plugin_load_file(&set, broken("too_new"), host_table(), &d), -1);
	assert_non_null(strstr(d.last, "needs plugin API level 99"));
	assert_null(plugins_find(&set, "too_new"));
	plugins_free(&set);
}

static void failing_init(void **state)
{
	(void)state;
	diag d;
	quiet(&d);
	plugin_set set;
	plugins_init(&set, NULL, 0);
	assert_int_equal(plugin_load_file(&set, broken("fails_init"), host_table(), &d), -1);
	assert_non_null(strstr(d.last, "initialisation failed"));
	assert_non_null(strstr(d.last, "fails_init.so"));
	plugins_free(&set);
}

static void missing_file(void **state)
{
	(void)state;
	diag d;
	quiet(&d);
	plugin_set set;
	plugins_init(&set, NULL, 0);
	assert_int_equal(plugin_load_file(&set, "/nonexistent/x.so", host_table(), &d), -1);
	assert_non_null(strstr(d.last, "/nonexistent/x.so"));
	plugins_free(&set);
}

static void search_path_order(void **state)
{
	(void)state;
	setenv("RAPPORT_PLUGIN_PATH", "/env/a:/env/b", 1);
	const char *dirs[] = {"/cli"};
	plugin_set set;
	plugins_init(&set, dirs, 1);
	assert_int_equal(set.ndirs, 4);
	assert_string_equal(set.dirs[0], "/cli");
	assert_string_equal(set.dirs[1], "/env/a");
	assert_string_equal(set.dirs[2], "/env/b");
	assert_string_equal(set.dirs[3], plugin_builtin_dir());
	for (size_t i = 0; i < set.ndirs; i++)
		assert_string_not_equal(set.dirs[i], ".");
	plugins_free(&set);
	unsetenv("RAPPORT_PLUGIN_PATH");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(loads_the_four_plugins),
	        cmocka_unit_test(wrong_abi_is_refused_with_a_message),
	        cmocka_unit_test(missing_entry_point),
	        cmocka_unit_test(api_level_too_new),
	        cmocka_unit_test(failing_init),
	        cmocka_unit_test(missing_file),
	        cmocka_unit_test(search_path_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
