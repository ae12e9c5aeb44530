/*
 * rapport/plugin.h - the one header a rapport section plugin needs.
 *
 * A plugin is a shared object that exports one symbol, RAPPORT_PLUGIN_ENTRY
 * (its name carries the ABI number, so a stale plugin fails to load with a
 * "rebuild this plugin" message instead of crashing).  At load time the core
 * calls it with the host table; the plugin registers one or more section
 * types.  When the report is built, the core calls each section type's
 * callbacks; a callback reads its data through opaque nodes and emits content
 * (headings, paragraphs, lists, tables, charts) through the host table.  A
 * plugin never positions anything on a page and never sees the PDF library or
 * the JSON parser.
 *
 * Versioning
 *   RAPPORT_ABI        changes only when an existing member changes meaning or
 *                      layout; the host refuses a plugin built for another ABI.
 *   RAPPORT_API_LEVEL  grows by one whenever members are appended to
 *                      rapport_host or rapport_section_type.  A plugin states
 *                      the minimum level it needs (rapport_section_type.
 *                      api_level); the host refuses a plugin that needs a newer
 *                      level than it provides.
 *   Every member below is tagged with the level that introduced it.
 *
 *   Level 1  the host table up to fmt(); section types with name, version,
 *            description, api_level, labels, validate, emit.
 *   Level 2  declared data: rapport_field, enum rapport_type, and the
 *            section_fields, year_key and year_fields members of
 *            rapport_section_type; and the members of rapport_host tagged
 *            level 2.
 *
 * Compatibility policy
 *   - Within one ABI, members are only ever appended, to the end of
 *     rapport_host and of rapport_section_type; existing members never move,
 *     change type or change meaning, and enum values are never renumbered.
 *   - A plugin built against an older header keeps working with a newer
 *     rapport of the same ABI: the host reads a section type's members of
 *     level N only when the type's api_level is N or more, and a plugin's
 *     descriptor is never read past what its level defines.
 *   - A plugin built against a newer header runs on an older rapport when
 *     its api_level is no higher than the host's; members the plugin uses
 *     beyond its api_level must be guarded with RAPPORT_HAS().
 *   - Anything else (removing or changing a member) bumps RAPPORT_ABI; the
 *     entry point's symbol then changes and stale plugins are refused with a
 *     "rebuild this plugin" message.
 *
 * Ownership and lifetime
 *   - Nodes and strings the host returns are borrowed: valid until the
 *     callback that received them returns.  Never free them.
 *   - Strings returned by the fmt_* and label helpers live in per-callback
 *     scratch memory, freed by the host when the callback returns.
 *   - Everything passed to an emit function is copied by the host.
 *   - A plugin must not call exit(), abort() or longjmp() out of a callback,
 *     and must not print: it reports through error()/warning() and returns
 *     RAPPORT_FAIL.  The host decides what happens next.
 *   - Callbacks are called from one thread; a plugin should keep no mutable
 *     global state (the same section type may be emitted several times).
 *   - Memory a plugin allocates itself (malloc) it frees itself, before the
 *     callback returns.  Memory is never freed across the boundary.
 *   - The rapport_section_type descriptor, its labels and its field lists
 *     are read by the host for as long as the plugin is loaded: make them
 *     static const.  The entry point does no work beyond registering.
 *   - A plugin that crashes in a callback (SIGSEGV, SIGBUS, SIGFPE, SIGILL,
 *     SIGABRT) is reported by name and file and the build stops with exit
 *     status 4, writing nothing.  This is a diagnosis, not a licence: the
 *     process state after a crash is not trusted.
 *
 * This header depends on the C standard library only.
 */
#ifndef RAPPORT_PLUGIN_H
#define RAPPORT_PLUGIN_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RAPPORT_ABI 1
#define RAPPORT_API_LEVEL 2

/* Return values of callbacks and of the entry point (level 1). */
#define RAPPORT_OK 0
#define RAPPORT_FAIL (-1)

#if defined(__GNUC__)
#define RAPPORT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RAPPORT_PRINTF(f, a)
#endif

/* Opaque handles (level 1).  Only the host creates them; a plugin passes
 * them back and never dereferences or frees them. */
typedef struct rapport_node rapport_node;         /* one value of the JSON data */
typedef struct rapport_ctx rapport_ctx;           /* the section being built */
typedef struct rapport_registry rapport_registry; /* handed to the entry point */
typedef struct rapport_host rapport_host;

/* What a node holds (level 1).  RAPPORT_MISSING is returned for absent members and
 * out-of-range indexes; every accessor accepts a missing node. */
enum rapport_kind {
	RAPPORT_MISSING = 0,
	RAPPORT_NULL,
	RAPPORT_BOOL,
	RAPPORT_NUMBER,
	RAPPORT_STRING,
	RAPPORT_ARRAY,
	RAPPORT_OBJECT
};

/* Horizontal alignment of a table column (level 1; DECIMAL level 2). */
enum rapport_align {
	RAPPORT_ALIGN_LEFT = 0,
	RAPPORT_ALIGN_RIGHT,
	RAPPORT_ALIGN_CENTER,
	RAPPORT_ALIGN_DECIMAL /* level 2: numbers lined up on the decimal separator */
};

/* Row flags for table_row() (level 1). */
#define RAPPORT_ROW_TOTAL 1u /* a totals row: bold, with a rule above */

/* Chart kinds (API level 1). */
enum rapport_chart_kind {
	RAPPORT_CHART_BAR = 0,     /* one bar per category and series, side by side */
	RAPPORT_CHART_STACKED_BAR, /* series stacked in one bar per category */
	RAPPORT_CHART_LINE,        /* one line with markers per series */
	/* API level 2 */
	RAPPORT_CHART_HBAR,         /* horizontal bars, series side by side */
	RAPPORT_CHART_STACKED_HBAR, /* horizontal bars, series stacked */
	RAPPORT_CHART_AREA,         /* series stacked as filled areas */
	RAPPORT_CHART_PIE,          /* one series; each category is a slice */
	RAPPORT_CHART_DONUT         /* a pie with its total in a hole */
};

/* One data series of a chart: n_categories values (level 1). */
typedef struct rapport_series {
	const char *name;     /* legend text */
	const double *values; /* n_categories values */
} rapport_series;

/* A chart as a plugin describes it; the core draws it (level 1).  Passed to
 * chart(), which copies everything: it may live on the stack. */
typedef struct rapport_chart {
	int kind;                       /* enum rapport_chart_kind */
	const char *caption;            /* printed as "Figur N. caption" */
	const char *alt;                /* alternative text for accessibility */
	const char *x_title;            /* axis titles, may be NULL */
	const char *y_title;
	size_t n_categories;            /* labels along the x axis */
	const char *const *categories;
	size_t n_series;
	const rapport_series *series;
} rapport_chart;

/* One fixed label of a plugin in every language the core knows (level 1).
 * A section type's label table ends with an entry whose key is NULL. */
typedef struct rapport_label {
	const char *key;
	const char *sv;
	const char *en;
} rapport_label;

/* Types of declared data fields (API level 2). */
enum rapport_type {
	RAPPORT_T_ANY = 0,
	RAPPORT_T_INT,    /* a whole number */
	RAPPORT_T_NUMBER, /* any number */
	RAPPORT_T_STRING,
	RAPPORT_T_BOOL,
	RAPPORT_T_ARRAY,  /* elements described by `fields` (objects) or `items` */
	RAPPORT_T_OBJECT  /* members described by `fields` */
};

/* One declared data field (API level 2).  A section type declares the data
 * it takes as lists of fields, each list ended by an entry whose key is NULL.
 * The core checks the data against them before validate() runs: types,
 * required members, ranges, allowed values, unknown keys ("did you mean"),
 * and `rapport describe TYPE` prints them as Markdown documentation.  Write
 * them with designated initialisers; members left out are 0 / NULL, which
 * means "any", "optional", "no range", "no list of values". */
typedef struct rapport_field {
	const char *key;                     /* member name; NULL ends a list */
	int type;                            /* enum rapport_type */
	int required;                        /* 1: must be present */
	double min, max;                     /* numbers: allowed range when min < max */
	const struct rapport_field *fields;  /* OBJECT members, or members of each
	                                      * element of an ARRAY of objects */
	int items;                           /* ARRAY of scalars: the elements' type */
	const char *const *values;           /* STRING: allowed values, NULL-ended */
	const char *doc;                     /* one line of documentation */
} rapport_field;

/* A section type (level 1; members tagged), registered by a plugin during
 * its entry point.  The descriptor must stay valid until the plugin is
 * unloaded (make it a static const).  name is what a report definition
 * writes as a section's "type". */
typedef struct rapport_section_type {
	const char *name;        /* e.g. "census"; [a-z0-9_]+, unique, not a
	                          * built-in type (text, table, chart) */
	const char *version;     /* the plugin's own version, e.g. "1.0.0" */
	const char *description; /* one line, shown by `rapport plugins` */
	unsigned api_level;      /* lowest RAPPORT_API_LEVEL this type needs */
	const rapport_label *labels; /* fixed labels, looked up with host->label() */

	/* Optional.  Checks the section's data and reports each problem with
	 * host->error(); returns RAPPORT_OK or RAPPORT_FAIL.  Emits nothing. */
	int (*validate)(const rapport_host *host, rapport_ctx *ctx);

	/* Emits the section's content.  Called only after validate succeeded. */
	int (*emit)(const rapport_host *host, rapport_ctx *ctx);

	/* --- level 2: read by the host only when api_level >= 2 --- */

	/* Options of the section's object in the report definition (besides
	 * the common type, title, level, whole_period, intro, outro, which the
	 * host always accepts).  NULL: the section takes no options. */
	const rapport_field *section_fields;
	/* The member of each year file this section reads, and its fields.  A
	 * year file without the member passes; make the data you need required
	 * inside it.  NULL: nothing is declared for the year files. */
	const char *year_key;
	const rapport_field *year_fields;
} rapport_section_type;

/*
 * The host table.  abi, api_level and size come first and never move; the
 * remaining members are only ever appended.  Use RAPPORT_HAS(host, member)
 * before calling a member introduced after the level your plugin requires.
 */
struct rapport_host {
	unsigned abi;       /* RAPPORT_ABI of the host */
	unsigned api_level; /* RAPPORT_API_LEVEL of the host */
	size_t size;        /* sizeof(rapport_host) as the host was built */

	/* --- registration (level 1) ------------------------------------- */

	/* Registers a section type; only valid inside the entry point. */
	int (*register_section)(rapport_registry *reg, const rapport_section_type *type);

	/* --- the report being built (level 1) ---------------------------- */

	/* The section's own object from the report definition ("type", "title"
	 * and any options the section type documents). */
	const rapport_node *(*section)(rapport_ctx *ctx);
	/* Number of years in this build (one for a single-year report). */
	size_t (*year_count)(rapport_ctx *ctx);
	/* The i-th year of the build, ascending. */
	int (*year)(rapport_ctx *ctx, size_t i);
	/* Member `key` of the i-th year's data file (missing if absent). */
	const rapport_node *(*year_data)(rapport_ctx *ctx, size_t i, const char *key);
	/* Member `key` of the report definition itself (title, period, ...). */
	const rapport_node *(*report)(rapport_ctx *ctx, const char *key);
	/* 1 when building the whole period, 0 for a single-year report. */
	int (*whole_period)(rapport_ctx *ctx);

	/* --- reading data (level 1) --------------------------------------- */

	int (*kind)(const rapport_node *node);
	/* Member of an object; missing node if absent or not an object. */
	const rapport_node *(*get)(const rapport_node *node, const char *key);
	/* Elements of an array or members of an object; 0 for anything else. */
	size_t (*length)(const rapport_node *node);
	const rapport_node *(*at)(const rapport_node *node, size_t i);
	/* Key of the i-th member of an object, NULL if none. */
	const char *(*key_at)(const rapport_node *node, size_t i);
	/* The value, or the fallback when the node is of another kind. */
	const char *(*string)(const rapport_node *node, const char *fallback);
	double (*number)(const rapport_node *node, double fallback);
	int (*boolean)(const rapport_node *node, int fallback);

	/* Checked getters for validate(): on a missing or wrong value they
	 * report an error at the node's file:line:column and JSON path and
	 * return RAPPORT_FAIL; *out is then left untouched. */
	int (*need_int)(rapport_ctx *ctx, const rapport_node *obj, const char *key, long min, long max,
	                long *out);
	int (*need_string)(rapport_ctx *ctx, const rapport_node *obj, const char *key, const char **out);
	int (*need_array)(rapport_ctx *ctx, const rapport_node *obj, const char *key,
	                  const rapport_node **out);
	int (*need_object)(rapport_ctx *ctx, const rapport_node *obj, const char *key,
	                   const rapport_node **out);

	/* --- diagnostics (level 1) ---------------------------------------- */

	/* Reports a problem at a node (NULL: at the section).  The host adds
	 * file:line:column, the JSON path and the plugin's name. */
	void (*error)(rapport_ctx *ctx, const rapport_node *at, const char *fmt, ...) RAPPORT_PRINTF(3, 4);
	void (*warning)(rapport_ctx *ctx, const rapport_node *at, const char *fmt, ...)
	        RAPPORT_PRINTF(3, 4);

	/* --- emitting content (level 1) ----------------------------------- */

	/* A heading one level below the section's own heading (level 1), or
	 * deeper (2, 3).  Numbered and listed in the contents by the core. */
	void (*heading)(rapport_ctx *ctx, int level, const char *text);
	/* A paragraph of inline markup: **bold**, *italic*, \ escapes. */
	void (*paragraph)(rapport_ctx *ctx, const char *markup);
	/* A bulleted (ordered = 0) or numbered list; items take markup.  Lists
	 * nest: list_begin inside an open list starts a sub-list of the last item. */
	void (*list_begin)(rapport_ctx *ctx, int ordered);
	void (*list_item)(rapport_ctx *ctx, const char *markup);
	void (*list_end)(rapport_ctx *ctx);
	/* A table with a caption ("Tabell N. caption"), ncols columns, one header
	 * row and an alignment per column (align may be NULL: numbers right). */
	void (*table_begin)(rapport_ctx *ctx, const char *caption, size_t ncols,
	                    const char *const *header, const int *align);
	void (*table_row)(rapport_ctx *ctx, const char *const *cells, unsigned flags);
	void (*table_end)(rapport_ctx *ctx);
	/* A chart; all its strings and arrays are copied. */
	void (*chart)(rapport_ctx *ctx, const rapport_chart *chart);

	/* --- language and numbers (level 1) ------------------------------- */

	/* "sv" or "en". */
	const char *(*lang)(rapport_ctx *ctx);
	/* The plugin's label `key` in the build's language; the key itself if
	 * the label table has no such entry. */
	const char *(*label)(rapport_ctx *ctx, const char *key);
	/* Numbers in the build's language: "1 257" / "1,257". */
	const char *(*fmt_int)(rapport_ctx *ctx, long value);
	/* A number with `decimals` decimals: "48,5" / "48.5". */
	const char *(*fmt_number)(rapport_ctx *ctx, double value, int decimals);
	/* A percentage of a share given as 0..100: "48,5 %" / "48.5%". */
	const char *(*fmt_percent)(rapport_ctx *ctx, double percent, int decimals);
	/* A signed change: "+12", "−18" (true minus sign); percent adds " %". */
	const char *(*fmt_change)(rapport_ctx *ctx, double value, int decimals, int percent);
	/* printf into scratch memory. */
	const char *(*fmt)(rapport_ctx *ctx, const char *fmt, ...) RAPPORT_PRINTF(2, 3);

	/* --- tables and pictures (level 2) -------------------------------- */

	/* A header-group row above the column headers of the open table:
	 * ncols labels (NULL or "" for none); neighbouring columns with the
	 * same label share one cell spanning them.  Call after table_begin. */
	void (*table_groups)(rapport_ctx *ctx, const char *const *groups);
	/* A PNG or JPEG picture with a numbered caption ("Figur N. caption").
	 * file is relative to the report definition's directory; a file that
	 * resolves outside it is refused.  width is the share of the text width
	 * (0.1 to 1; 0 for the whole width); the picture is never enlarged past
	 * one pixel per point nor made taller than 60 % of the page.  In
	 * validate() it only checks the file.  Returns RAPPORT_OK, or
	 * RAPPORT_FAIL after reporting an error. */
	int (*image)(rapport_ctx *ctx, const char *file, const char *caption, double width);
};

/* Is `member` present in this host table? (level 1) */
#define RAPPORT_HAS(host, member)                                                                  \
	(offsetof(rapport_host, member) + sizeof((host)->member) <= (host)->size)

/* The entry point's symbol carries the ABI number. */
#define RAPPORT_ENTRY_NAME_(abi) rapport_plugin_init_v##abi
#define RAPPORT_ENTRY_NAME(abi) RAPPORT_ENTRY_NAME_(abi)
#define RAPPORT_PLUGIN_ENTRY RAPPORT_ENTRY_NAME(RAPPORT_ABI)
#define RAPPORT_STR_(x) #x
#define RAPPORT_STR(x) RAPPORT_STR_(x)
#define RAPPORT_PLUGIN_ENTRY_SYMBOL "rapport_plugin_init_v" RAPPORT_STR(RAPPORT_ABI)

/* Signature of the entry point (level 1).  It registers section types with
 * host->register_section(reg, &type) and returns RAPPORT_OK, or RAPPORT_FAIL
 * to refuse to load (the host then reports the plugin's file). */
typedef int (*rapport_entry_fn)(const rapport_host *host, rapport_registry *reg);

/* Defines the entry point of a plugin:
 *     RAPPORT_PLUGIN(my_init)
 * where my_init has the signature of rapport_entry_fn. */
#if defined(__GNUC__)
#define RAPPORT_EXPORT __attribute__((visibility("default")))
#else
#define RAPPORT_EXPORT
#endif
#define RAPPORT_PLUGIN(init_fn)                                                                    \
	RAPPORT_EXPORT int RAPPORT_PLUGIN_ENTRY(const rapport_host *host, rapport_registry *reg);   \
	RAPPORT_EXPORT int RAPPORT_PLUGIN_ENTRY(const rapport_host *host, rapport_registry *reg)    \
	{                                                                                          \
		return init_fn(host, reg);                                                         \
	}

#ifdef __cplusplus
}
#endif

#endif /* RAPPORT_PLUGIN_H */
