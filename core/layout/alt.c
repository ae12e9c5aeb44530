/*
 * alt.c - the alternative text of a chart's Figure in the tagged PDF: what
 * it shows (the data's or the plugin's `alt`, else the chart's kind and
 * caption), then every value by series and category, and where its table
 * is.
 */
#include <math.h>
#include <string.h>

#include "base/i18n.h"
#include "layout/internal.h"
#include "rapport/plugin.h"
#include "text/markup.h"

/* The kind of chart in words. */
static const char *kind_label(lang_id lang, int kind)
{
	switch (kind) {
	case RAPPORT_CHART_BAR:
	case RAPPORT_CHART_STACKED_BAR:
	case RAPPORT_CHART_HBAR:
	case RAPPORT_CHART_STACKED_HBAR:
		return label(lang, "chart_bar");
	case RAPPORT_CHART_LINE:
	case RAPPORT_CHART_AREA:
		return label(lang, "chart_line");
	case RAPPORT_CHART_PIE:
	case RAPPORT_CHART_DONUT:
		return label(lang, "chart_pie");
	}
	return label(lang, "chart_other");
}

/* The caption as plain text, without a {#anchor}. */
static const char *plain_caption(arena *a, const char *caption)
{
	if (!caption)
		return "";
	const char *s = markup_plain(a, caption);
	const char *anchor = strstr(s, "{#");
	if (!anchor)
		return s;
	const char *end = strchr(anchor, '}');
	return arena_printf(a, "%.*s%s", (int)(anchor - s), s, end ? end + 1 : "");
}

const char *chart_alt_text(layout *L, const block_chart *c)
{
	arena *a = L->doc->arena;
	lang_id lang = L->o->lang;
	const char *s = c->alt && *c->alt ? c->alt
	                                  : arena_printf(a, "%s: %s.", kind_label(lang, c->kind),
	                                                 plain_caption(a, c->caption));
	size_t n = strlen(s);
	if (n && !strchr(".!?", s[n - 1]))
		s = arena_printf(a, "%s.", s);
	for (size_t k = 0; k < c->nseries; k++) {
		const char *name = c->series_names && c->series_names[k] ? c->series_names[k] : "";
		s = arena_printf(a, "%s%s%s", s, *name ? " " : "", name);
		for (size_t i = 0; i < c->ncat; i++) {
			double v = c->values[k * c->ncat + i];
			char num[48];
			if (isnan(v))
				snprintf(num, sizeof(num), "%s", label(lang, "none"));
			else
				fmt_number(lang, v, v == floor(v) ? 0 : 1, num, sizeof(num));
			s = arena_printf(a, "%s%s %s %s", s,
			                 i       ? ";"
			                 : *name ? ":"
			                         : "",
			                 c->categories[i], num);
		}
		s = arena_printf(a, "%s.", s);
	}
	return arena_printf(a, "%s %s", s, label(lang, "chart_see"));
}
