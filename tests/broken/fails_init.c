/* A plugin whose entry point fails.  Built for `make check` only. */
#include <rapport/plugin.h>

static int init(const rapport_host *host, rapport_registry *reg)
{
	(void)host;
	(void)reg;
	return RAPPORT_FAIL;
}

RAPPORT_PLUGIN(init)
