/*
 * host.h - the host side of the plugin API: the rapport_host table and the
 * context a section is built in.  Emit calls become blocks; data accessors
 * read jnodes; diagnostics gain the file, line, column, JSON path and the
 * section type's name.
 */
#ifndef RAPPORT_HOST_H
#define RAPPORT_HOST_H

#include <stdint.h>

#include "base/arena.h"
#include "blocks/blocks.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "rapport/plugin.h"
#include "data/report.h"

struct rapport_ctx {
	const report *r;
	const report_section *sec;
	const rapport_section_type *type; /* NULL for built-in text */
	const char *origin;               /* the plugin's file, for messages */
	int crashed;                      /* a callback died of a signal */
	block_list *blocks;
	lang_id lang;
	diag *d;
	arena *scratch; /* per callback */
	int base_level; /* the section's heading level */
	block_list_data *lists[8];
	int list_depth;
	block_table *table;
	int errors_at_start;
	int duplicates_at_start; /* d->duplicates when the callback began */
	uint64_t *seen; /* hashes of the messages reported, to report each once */
	size_t nseen, seen_cap;
	int suppressed; /* repeats not reported in the current callback */
	int limit_hit;  /* the callback's output went over a limit (reported) */
};

/* Rows in one table at most (host->table_row refuses more). */
#define HOST_MAX_TABLE_ROWS 5000

/* The table handed to every plugin. */
const rapport_host *host_table(void);

void ctx_init(rapport_ctx *ctx, const report *r, block_list *blocks, lang_id lang, diag *d);
void ctx_free(rapport_ctx *ctx);
/* Checks the section's data against the fields the type declares (API level
 * 2), then runs its validate (if any).  Returns 0 when no error was reported. */
int host_validate(rapport_ctx *ctx, const report_section *sec, const rapport_section_type *type);
/* Runs the section type's emit.  Returns 0 on success.  A callback that
 * crashes (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) is reported with the
 * plugin's name and file and counts as a failure. */
int host_emit(rapport_ctx *ctx, const report_section *sec, const rapport_section_type *type);

#endif
