/* A plugin that crashes in its callbacks.  Built for `make check` only.
 * Section options: "signal" picks the crash ("segv", "fpe", "ill" or
 * "abort"; default "segv"); "in" picks the callback ("validate" or "emit";
 * default "emit").  rapport must name the plugin, exit with the plugin error
 * code and write nothing. */
#include <stdlib.h>
#include <string.h>

#include <rapport/plugin.h>

static int crash(const rapport_host *h, rapport_ctx *ctx)
{
	const char *how = h->string(h->get(h->section(ctx), "signal"), "segv");
	if (strcmp(how, "abort") == 0)
		abort();
	if (strcmp(how, "ill") == 0)
		__builtin_trap();
	if (strcmp(how, "fpe") == 0) {
		volatile int one = 1, zero = 0;
		return one / zero;
	}
	volatile int *nowhere = NULL;
	return *nowhere;
}

static int crashes_validate(const rapport_host *h, rapport_ctx *ctx)
{
	if (strcmp(h->string(h->get(h->section(ctx), "in"), "emit"), "validate") == 0)
		return crash(h, ctx);
	return RAPPORT_OK;
}

static int crashes_emit(const rapport_host *h, rapport_ctx *ctx)
{
	h->paragraph(ctx, "before the crash");
	return crash(h, ctx);
}

static const rapport_section_type CRASHES = {
        .name = "crashes",
        .version = "1.0.0",
        .description = "crashes in a callback",
        .api_level = 1,
        .validate = crashes_validate,
        .emit = crashes_emit,
};

static int init(const rapport_host *host, rapport_registry *reg)
{
	return host->register_section(reg, &CRASHES);
}

RAPPORT_PLUGIN(init)
