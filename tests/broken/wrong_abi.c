/* A plugin built for another ABI: its entry point carries ABI number 0.
 * Built for `make check` only; rapport must refuse it with a message. */
#include <rapport/plugin.h>

int rapport_plugin_init_v0(const rapport_host *host, rapport_registry *reg);
int rapport_plugin_init_v0(const rapport_host *host, rapport_registry *reg)
{
	(void)host;
	(void)reg;
	return RAPPORT_OK;
}
