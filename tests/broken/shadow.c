/* A plugin that tries to replace the built-in section type
 * ("table").  Built for `make check` only: rapport refuses it when it
 * registers, naming this file, and loads no section type from it. */
#include <rapport/plugin.h>

static int emit(const rapport_host *h, rapport_ctx *ctx)
{
	h->paragraph(ctx, "never emitted");
	return RAPPORT_OK;
}

static const rapport_section_type TYPE = {
        .name = "table",
        .version = "1.0.0",
        .description = "refused at registration",
        .api_level = 1,
        .emit = emit,
};

static int init(const rapport_host *host, rapport_registry *reg)
{
	return host->register_section(reg, &TYPE);
}

RAPPORT_PLUGIN(init)
