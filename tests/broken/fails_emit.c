/* A plugin whose emit reports an error and fails.  Built for `make check`
 * only; rapport must name the plugin and write nothing. */
#include <rapport/plugin.h>

static int fails_emit(const rapport_host *h, rapport_ctx *ctx)
{
	h->paragraph(ctx, "half a section");
	h->error(ctx, NULL, "the ledger service is unreachable");
	return RAPPORT_FAIL;
}

static const rapport_section_type FAILS_EMIT = {
        .name = "fails_emit",
        .version = "1.0.0",
        .description = "fails while emitting",
        .api_level = 1,
        .emit = fails_emit,
};

static int init(const rapport_host *host, rapport_registry *reg)
{
	return host->register_section(reg, &FAILS_EMIT);
}

RAPPORT_PLUGIN(init)
