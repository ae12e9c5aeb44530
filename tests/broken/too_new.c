/* A plugin whose section type needs a newer plugin API than rapport has.
 * Built for `make check` only. */
#include <rapport/plugin.h>

static int emit(const rapport_host *host, rapport_ctx *ctx)
{
	(void)host;
	(void)ctx;
	return RAPPORT_OK;
}

static const rapport_section_type TOO_NEW = {
        .name = "too_new",
        .version = "1.0.0",
        .description = "needs API level 99",
        .api_level = 99,
        .emit = emit,
};

static int init(const rapport_host *host, rapport_registry *reg)
{
	return host->register_section(reg, &TOO_NEW);
}

RAPPORT_PLUGIN(init)
