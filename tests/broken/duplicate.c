/* A plugin that provides a section type named like a bundled one
 * ("census").  Built for `make check` only: in the same directory as
 * census.so rapport must refuse both as ambiguous; in a directory searched
 * earlier it overrides census.so with a warning. */
#include <rapport/plugin.h>

static int emit(const rapport_host *h, rapport_ctx *ctx)
{
	h->paragraph(ctx, "the census as the duplicate plugin tells it");
	return RAPPORT_OK;
}

static const rapport_section_type DUPLICATE = {
        .name = "census",
        .version = "9.9.9",
        .description = "a second census",
        .api_level = 1,
        .emit = emit,
};

static int init(const rapport_host *host, rapport_registry *reg)
{
	return host->register_section(reg, &DUPLICATE);
}

RAPPORT_PLUGIN(init)
