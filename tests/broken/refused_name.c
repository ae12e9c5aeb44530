/* A plugin whose section type name rapport refuses at registration,
 * naming this file: built twice for `make check`, as shadow.so
 * (REFUSED_NAME "table", a built-in type) and bad_name.so ("Census-2",
 * outside [a-z0-9_]+).  It loads no section type. */
#include <rapport/plugin.h>

static int emit(const rapport_host *h, rapport_ctx *ctx)
{
	h->paragraph(ctx, "never emitted");
	return RAPPORT_OK;
}

static const rapport_section_type TYPE = {
        .name = REFUSED_NAME,
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
