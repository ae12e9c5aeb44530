/* A plugin whose entry point crashes.  Built for `make check` only; rapport
 * must name the plugin's file and stop with the plugin error code. */
#include <stddef.h>

#include <rapport/plugin.h>

static int init(const rapport_host *host, rapport_registry *reg)
{
	volatile int *nowhere = NULL;
	(void)host;
	(void)reg;
	return *nowhere;
}

RAPPORT_PLUGIN(init)
