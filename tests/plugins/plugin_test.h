/*
 * plugin_test.h - cmocka fixtures shared by the plugin tests.
 *
 * Include after the plugin's .c file (which defines RAPPORT_PLUGIN_ENTRY)
 * and after defining REPORT, the bundled report definition's file name.
 */
#ifndef RAPPORT_PLUGIN_TEST_H
#define RAPPORT_PLUGIN_TEST_H

#include "fakehost.h"

/* A fake host with the plugin and the bundled report loaded. */
static int setup_report(void **state)
{
	fakehost *fh = fh_new();

	if (fh_register(fh, RAPPORT_PLUGIN_ENTRY) != RAPPORT_OK ||
	    fh_load_data_report(fh, REPORT) != 0) {
		print_error("%s\n", fh_last_load_error(fh));
		fh_free(fh);
		return -1;
	}
	*state = fh;
	return 0;
}

/* A fake host with the plugin and nothing loaded. */
static int setup_empty(void **state)
{
	fakehost *fh = fh_new();

	if (fh_register(fh, RAPPORT_PLUGIN_ENTRY) != RAPPORT_OK) {
		fh_free(fh);
		return -1;
	}
	*state = fh;
	return 0;
}

static int teardown(void **state)
{
	fh_free(*state);
	return 0;
}

#endif
