/* Font files found through fontconfig: by file name when a fonts.list
 * directory does not have it, and the fallback face by family. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pdf/fontconfig.h"
#include "pdf/fontlist.h"

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && !strcmp(s + n - k, tail);
}

static void finds_files_and_families(void **state)
{
	(void)state;
	char *p = fc_find_file("DejaVuSans.ttf");
	assert_non_null(p);
	assert_true(ends_with(p, "/DejaVuSans.ttf"));
	assert_int_equal(access(p, R_OK), 0);
	free(p);
	assert_null(fc_find_file("no-such-font-at-all.ttf"));

	p = fc_find_family("DejaVu Sans");
	assert_non_null(p);
	assert_true(ends_with(p, "/DejaVuSans.ttf"));
	free(p);
	/* fontconfig substitutes something for any family: that is not a match */
	assert_null(fc_find_family("No Such Family Anywhere"));
}

/* A list whose only directory is empty and that names no fallback: every
 * face is still found, the fallback being DejaVu Sans. */
static void list_falls_back_on_fontconfig(void **state)
{
	(void)state;
	char dir[] = "/tmp/rapport-fonts.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char list[64];
	snprintf(list, sizeof(list), "%s/fonts.list", dir);
	FILE *f = fopen(list, "w");
	assert_non_null(f);
	fprintf(f, "dir %s\n"
	           "serif LiberationSerif-Regular.ttf\n"
	           "serif-bold LiberationSerif-Bold.ttf\n"
	           "serif-italic LiberationSerif-Italic.ttf\n"
	           "serif-bold-italic LiberationSerif-BoldItalic.ttf\n"
	           "sans LiberationSans-Regular.ttf\n"
	           "sans-bold LiberationSans-Bold.ttf\n",
	        dir);
	fclose(f);
	font_list fl;
	diag d;
	diag_init(&d);
	d.quiet = 1;
	assert_int_equal(font_list_load(&fl, list, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_true(ends_with(fl.path[FACE_SERIF], "/LiberationSerif-Regular.ttf"));
	assert_true(ends_with(fl.path[FACE_FALLBACK], "/DejaVuSans.ttf"));
	font_list_free(&fl);

	/* a file fontconfig does not know either is still an error */
	f = fopen(list, "a");
	fprintf(f, "fallback NoSuchFont.ttf\n");
	fclose(f);
	assert_int_equal(font_list_load(&fl, list, &d), -1);
	assert_non_null(strstr(d.last, "NoSuchFont.ttf"));
	unlink(list);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(finds_files_and_families),
	        cmocka_unit_test(list_falls_back_on_fontconfig),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
