#include "config.h"

#include "pipeline/build.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "archive/manifest.h"
#include "blocks/blocks.h"
#include "plugin/host.h"
#include "data/json.h"
#include "layout/layout.h"
#include "base/file.h"
#include "base/output.h"
#include "pdf/pdf.h"
#include "plugin/loader.h"
#include "data/report.h"
#include "data/report_schema.h"
#include "sections/chart_data.h"
#include "sections/figure.h"
#include "sections/builtin.h"
#include "sections/text.h"
#include "base/task.h"
#include "text/fonts.h"
#include "text/hyphen.h"
#include "text/xref.h"

const char *default_fonts_list(void)
{
	return running_from_build_tree() ? ABS_TOP_SRCDIR "/fonts/fonts.list"
	                                 : PKGDATADIR "/fonts.list";
}

/* ------------------------------------------------------------ pipeline */

typedef struct pipeline {
	const build_opts *o;
	diag *d;
	report r;
	plugin_set plugins;
	const rapport_section_type **types; /* per section */
	const char **origins;               /* per section: the plugin's file */
	const section_kind **kinds;         /* per section */
	block_list blocks;
	rapport_ctx ctx;
	char data_dir[4096]; /* the report definition's directory */
	image_info logo;     /* logo.path[0] == 0: none */
	task *patterns;      /* loading the hyphenation patterns, until the layout */
	const char **texts;  /* the body text (paragraphs, list items), for them */
	size_t ntexts;
	build_result *res; /* what the caller is told */
	double mark;       /* the end of the last phase timed */
} pipeline;

static int section_included(const pipeline *p, const report_section *s)
{
	return !(p->r.single_year && s->whole_period);
}

static int check_data(pipeline *p);

/* Loads the data and the plugins and checks every section.  Returns an exit
 * code. */
static int load_and_check(pipeline *p)
{
	diag *d = p->d;
	d->one_per_value = 1;
	int rc = check_data(p);
	d->one_per_value = 0;
	return rc;
}

/* load_and_check's work, with one error per value. */
static int check_data(pipeline *p)
{
	const build_opts *o = p->o;
	diag *d = p->d;
	int data_bad = report_load(&p->r, o->report_path, o->year, d) != 0;
	if (!p->r.def)
		return EXIT_DATA;
	char *dir = path_dir(o->report_path);
	snprintf(p->data_dir, sizeof(p->data_dir), "%s", dir);
	free(dir);
	if (figure_logo(jdoc_root(p->r.def), p->data_dir, &p->logo, d) != 0)
		data_bad = 1;
	if (sections_load(&p->plugins, o->plugin_dirs, o->nplugin_dirs, d) != 0)
		return EXIT_PLUGIN;
	p->types = xcalloc(p->r.nsections + 1, sizeof(*p->types));
	p->origins = xcalloc(p->r.nsections + 1, sizeof(*p->origins));
	p->kinds = xcalloc(p->r.nsections + 1, sizeof(*p->kinds));
	int missing = 0;
	for (size_t i = 0; i < p->r.nsections; i++) {
		const report_section *s = &p->r.sections[i];
		if (!s->type)
			continue; /* reported by report_check_section */
		const section_kind *k = plugins_find(&p->plugins, s->type);
		if (!k) {
			diag_pos pos = jnode_pos(jnode_get(s->node, "type"));
			char dirs[1024] = "";
			for (size_t j = 0; j < p->plugins.ndirs; j++) {
				size_t at = strlen(dirs);
				snprintf(dirs + at, sizeof(dirs) - at, "%s%s", j ? ", " : "",
				         p->plugins.dirs[j]);
			}
			diag_error(d, &pos,
			           "no plugin provides section type \"%s\" (searched: %s; see "
			           "`rapport plugins`)",
			           s->type, dirs);
			missing = 1;
			continue;
		}
		p->types[i] = k->type;
		p->origins[i] = k->path;
		p->kinds[i] = k;
	}
	if (missing)
		return EXIT_PLUGIN;

	/* the sections' own members and the year files' top level, against the
	 * core's declarations and the section types' */
	int bad_sections = 0;
	for (size_t i = 0; i < p->r.nsections; i++) {
		const report_section *s = &p->r.sections[i];
		bad_sections += report_check_section(s->node, p->types[i], d) != 0;
	}
	const rapport_section_type **all = xcalloc(p->plugins.nkinds + 1, sizeof(*all));
	for (size_t i = 0; i < p->plugins.nkinds; i++)
		all[i] = p->plugins.kinds[i].type;
	for (size_t i = 0; i < p->r.nall_years; i++)
		report_check_year_top(jdoc_root(p->r.all_years[i].doc), all, p->plugins.nkinds, d);
	free(all);
	/* the section types check their data even when the definition has
	 * other problems, so that one run lists them all */
	if (bad_sections || p->r.nyears == 0)
		return EXIT_DATA;

	const jnode *appendix = jnode_get(jdoc_root(p->r.def), "chart_data_appendix");
	if (appendix && jnode_kind(appendix) != J_BOOL) {
		char found[96];
		diag_pos pos = jnode_pos(appendix);
		diag_error(d, &pos, "expected true or false, found %s",
		           jnode_describe(appendix, found, sizeof(found)));
	}
	ctx_init(&p->ctx, &p->r, NULL, o->lang, d);
	for (size_t i = 0; i < p->r.nsections; i++) {
		const report_section *s = &p->r.sections[i];
		text_blocks(jnode_get(s->node, "intro"), s->level, NULL, d, p->data_dir);
		text_blocks(jnode_get(s->node, "outro"), s->level, NULL, d, p->data_dir);
		if (section_included(p, s)) {
			p->ctx.origin = p->origins[i];
			host_validate(&p->ctx, s, p->types[i]);
			if (p->ctx.crashed)
				return EXIT_PLUGIN; /* its state may be damaged: stop here */
		}
	}
	return d->errors || data_bad ? EXIT_DATA : EXIT_OK;
}

static int emit_all(pipeline *p)
{
	blocks_init(&p->blocks);
	p->ctx.blocks = &p->blocks;
	for (size_t i = 0; i < p->r.nsections; i++) {
		const report_section *s = &p->r.sections[i];
		if (!section_included(p, s))
			continue;
		size_t first = p->blocks.n; /* the data's own text, in its language */
		blocks_heading(&p->blocks, s->level, s->title);
		text_blocks(jnode_get(s->node, "intro"), s->level, &p->blocks, p->d, p->data_dir);
		for (size_t k = first; k < p->blocks.n; k++)
			p->blocks.v[k].data_lang = 1;
		first = p->blocks.n;
		p->ctx.origin = p->origins[i];
		if (host_emit(&p->ctx, s, p->types[i]) != 0)
			return p->ctx.limit_hit || p->kinds[i]->builtin ? EXIT_DATA : EXIT_PLUGIN;
		/* a text section's content is the data's own text */
		if (p->kinds[i]->builtin && strcmp(s->type, "text") == 0)
			for (size_t k = first; k < p->blocks.n; k++)
				p->blocks.v[k].data_lang = 1;
		first = p->blocks.n;
		text_blocks(jnode_get(s->node, "outro"), s->level, &p->blocks, p->d, p->data_dir);
		for (size_t k = first; k < p->blocks.n; k++)
			p->blocks.v[k].data_lang = 1;
	}
	if (jnode_bool(jnode_get(jdoc_root(p->r.def), "chart_data_appendix"), 1))
		chart_data_appendix(&p->blocks, p->o->lang);
	return EXIT_OK;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Marks the end of the phase `name` (the previous mark is its start). */
static void phase_done(pipeline *p, const char *name)
{
	build_result *res = p->res;
	if (res->nphases < BUILD_MAX_PHASES) {
		double t = now();
		res->phase[res->nphases] = name;
		res->phase_ms[res->nphases++] = (t - p->mark) * 1e3;
		p->mark = t;
	}
}

/* Warns about each string in the data (values, not keys) with a character
 * that neither the body face nor the fallback face has: it would print as
 * U+FFFD.  The warning names the string's file, line, column and path. */
static void check_glyphs(const jnode *n, const metrics *m, diag *d, int depth, int ascii_ok)
{
	if (depth > JSON_MAX_DEPTH)
		return;
	if (jnode_kind(n) == J_ARRAY || jnode_kind(n) == J_OBJECT) {
		for (size_t i = 0; i < jnode_length(n); i++)
			check_glyphs(jnode_at(n, i), m, d, depth + 1, ascii_ok);
		return;
	}
	const char *s = jnode_string(n, NULL);
	if (!s || !m->has_glyph)
		return;
	const char *end = s + strlen(s);
	for (const char *t = s; t < end;) {
		if (ascii_ok && (unsigned char)*t >= 0x20 && (unsigned char)*t < 0x7F) {
			t++; /* most of the text: known to be there */
			continue;
		}
		uint32_t cp = utf8_next(&t, end);
		if (cp < 0x20 || cp == 0xA0 || cp == 0xAD || m->has_glyph(m->ud, FACE_SERIF, cp) ||
		    m->has_glyph(m->ud, FACE_FALLBACK, cp))
			continue;
		char shown[96];
		diag_pos pos = jnode_pos(n);
		diag_warning(d, &pos,
		             "no font has the character U+%04X in %s; it will print as U+FFFD",
		             (unsigned)cp, jnode_describe(n, shown, sizeof(shown)));
		return;
	}
}

/* Runs check_glyphs over the definition and the years with the fonts the
 * PDF will use (before the years are freed for the layout). */
static void warn_undrawable(pipeline *p, pdf_writer *w)
{
	const metrics *m = pdf_writer_metrics(w);
	int ascii_ok = m->ascii_full[FACE_SERIF];
	check_glyphs(jdoc_root(p->r.def), m, p->d, 0, ascii_ok);
	for (size_t i = 0; i < p->r.nyears; i++)
		check_glyphs(jdoc_root(p->r.years[i].doc), m, p->d, 0, ascii_ok);
}

/* Test hook (docs/robustness.md): with RAPPORT_TEST_COMMIT_DELAY=N in the
 * environment, waits N seconds (at most 60) between writing the temporary
 * file and renaming it, so that a test can interrupt a build at that point.
 * Returns 0. */
static int test_hook_delay(void)
{
	const char *v = getenv("RAPPORT_TEST_COMMIT_DELAY");
	int n = v ? atoi(v) : 0;
	if (n > 0)
		sleep((unsigned)(n > 60 ? 60 : n));
	return 0;
}

/* The pictures the report shows (the logo, then image blocks), each once,
 * for the archive; warns about those `rapport verify` cannot put back
 * because they are not beside the definition.  Free the array. */
static const char **report_images(pipeline *p, size_t *n)
{
	const char **v = xcalloc(p->blocks.n + 2, sizeof(*v));
	*n = 0;
	if (p->logo.path[0])
		v[(*n)++] = p->logo.path;
	for (size_t i = 0; i < p->blocks.n; i++) {
		if (p->blocks.v[i].kind != BLOCK_IMAGE)
			continue;
		const char *path = p->blocks.v[i].image->path;
		int seen = 0;
		for (size_t j = 0; j < *n && !seen; j++)
			seen = strcmp(v[j], path) == 0;
		if (!seen)
			v[(*n)++] = path;
	}
	char dir[4096];
	for (size_t i = 0; i < *n && realpath(p->data_dir, dir); i++) {
		const char *slash = strrchr(v[i], '/');
		if (!slash || (size_t)(slash - v[i]) != strlen(dir) ||
		    strncmp(v[i], dir, strlen(dir)) != 0)
			diag_warning(p->d, NULL,
			             "%s: picture %s is not beside the definition: the PDF embeds "
			             "it, but `rapport verify` cannot rebuild from it",
			             p->r.path, v[i]);
	}
	return v;
}

/* Loads hyphenation patterns (a task: path is a file name). */
static void *load_patterns(void *path)
{
	return hyph_open(path);
}

/* Loads the hyphenation patterns for the words of the body text (a task:
 * arg is the pipeline, whose blocks stay unchanged meanwhile). */
static void *load_patterns_for(void *arg)
{
	pipeline *p = arg;
	return hyph_open_for(hyph_dict_path(lang_code(p->o->lang)), p->texts, p->ntexts);
}

/* Starts loading the hyphenation patterns: for a report of little data,
 * only those its body text's words need (hyph_open_for: a few ms less),
 * else all of them.  Call it once the blocks are emitted. */
static void start_patterns(pipeline *p, int little_data)
{
	if (!little_data) {
		p->patterns =
		        task_start(load_patterns, (void *)hyph_dict_path(lang_code(p->o->lang)));
		return;
	}
	const char **body;
	size_t n = blocks_body_texts(&p->blocks, &body);
	p->texts = xmalloc((n + 1) * sizeof(*p->texts));
	p->texts[0] = xref_words(); /* the words references bring */
	if (n)
		memcpy(p->texts + 1, body, n * sizeof(*body));
	p->ntexts = n + 1;
	free(body);
	p->patterns = task_start(load_patterns_for, p);
}

/* Reports with less data than this (bytes of JSON) load only the
 * hyphenation patterns their words need. */
#define LITTLE_DATA (1024 * 1024)

/* The size of the report's data files together. */
static size_t data_bytes(const report *r)
{
	struct stat sb;
	size_t n = stat(r->path, &sb) == 0 ? (size_t)sb.st_size : 0;
	for (size_t i = 0; i < r->nall_years; i++)
		if (stat(r->all_years[i].path, &sb) == 0)
			n += (size_t)sb.st_size;
	return n;
}

/* archive_collect as a task, beside the layout: its messages are held in
 * `text` until the join. */
typedef struct manifest_task {
	const pipeline *p;
	const pdf_writer *w;
	const char **images;
	size_t nimages;
	diag d;
	char *text;
	size_t len;
} manifest_task;

static void *collect_manifest(void *arg)
{
	manifest_task *m = arg;
	return archive_collect(&m->p->r, &m->p->plugins, m->p->o->year, m->p->o->lang, m->w, m->images, m->nimages,
	                       &m->d);
}

/* Starts collecting the archive (hashing every input, plugin and font):
 * beside the caller, or at once if `now`. */
static task *start_manifest(manifest_task *m, pipeline *p, const pdf_writer *w, int now)
{
	memset(m, 0, sizeof(*m));
	m->p = p;
	m->w = w;
	m->images = report_images(p, &m->nimages);
	diag_init(&m->d);
	m->d.quiet = p->d->quiet;
	m->d.limit = p->d->limit;
	m->d.out = open_memstream(&m->text, &m->len);
	return now ? task_run(collect_manifest, m) : task_start(collect_manifest, m);
}

/* Waits for the archive, passes its messages on to d, and returns it (NULL
 * if it could not be collected). */
static archive *finish_manifest(task *t, manifest_task *m, diag *d)
{
	archive *a = task_join(t);
	if (m->d.out) {
		fclose(m->d.out);
		fputs(m->text, d->out ? d->out : stderr);
		free(m->text);
	}
	diag_merge(d, &m->d);
	free(m->images);
	return a;
}

/* layout_opts.pages_done: the writer draws them (a failure is reported,
 * and pdf_writer_write then fails). */
struct drawing {
	pdf_writer *w;
	diag *d;
};

static void draw_pages(void *ud, document *doc, size_t from, size_t to)
{
	struct drawing *dr = ud;
	pdf_writer_draw(dr->w, doc, from, to, dr->d);
}

/* Lays out and writes the PDF.  Returns an exit code. */
static int write_pdf(pipeline *p, pdf_writer *w, double t0)
{
	const build_opts *o = p->o;
	diag *d = p->d;
	for (int f = 0; f < FACE_COUNT; f++)
		snprintf(p->res->font[f], sizeof(p->res->font[f]), "%s",
		         pdf_writer_font_path(w, (face_id)f));

	/* the title page: a single-year report is that year's annual report */
	const jnode *root = jdoc_root(p->r.def);
	size_t na = jnode_length(jnode_get(root, "authors"));
	layout_author *authors = xcalloc(na + 1, sizeof(*authors));
	for (size_t i = 0; i < na; i++) {
		const jnode *a = jnode_at(jnode_get(root, "authors"), i);
		authors[i].name = jnode_string(jnode_get(a, "name"), "");
		authors[i].role = jnode_string(jnode_get(a, "role"), NULL);
	}
	char title[256], period[64];
	layout_opts lo = {0};
	lo.m = pdf_writer_metrics(w);
	lo.lang = o->lang;
	lang_from_string(p->r.lang, &lo.data_lang);
	lo.title_is_label = p->r.single_year;
	lo.organisation = p->r.organisation;
	lo.title = p->r.title;
	lo.subtitle = p->r.subtitle;
	lo.period_label = p->r.period_label;
	lo.date = p->r.date;
	lo.authors = authors;
	lo.nauthors = na;
	lo.toc_depth = 3;
	block_image logo = {0};
	if (p->logo.path[0]) {
		logo.path = p->logo.path;
		logo.width = p->logo.width;
		logo.height = p->logo.height;
		logo.scale = 1;
		lo.logo = &logo;
	}
	/* the inputs and what made the PDF go inside it (see archive.h):
	 * collected now if the patterns are still loading (this thread would
	 * only wait), else beside the layout; the same archive either way */
	manifest_task manifest;
	task *collecting = start_manifest(&manifest, p, w, !task_done(p->patterns));
	/* one set of patterns for all the layout's passes */
	lo.hyph = task_join(p->patterns);
	p->patterns = NULL;
	phase_done(p, "archive, patterns");
	if (p->r.single_year) {
		snprintf(title, sizeof(title), "%s %d", label(o->lang, "annual_report"),
		         p->r.single_year);
		snprintf(period, sizeof(period), "%d", p->r.single_year);
		lo.title = title;
		lo.period_label = period;
	}

	document doc;
	document_init(&doc);
	archive *arch = NULL;
	layout_stats st;
	int rc = EXIT_OK;
	/* pages are drawn as the layout finishes them, so that their content is
	 * compressed on the other core meanwhile */
	pdf_writer_release_pages(w, 1);
	struct drawing drawing = {w, d};
	lo.pages_done = draw_pages;
	lo.pages_done_ud = &drawing;
	int laid_out = layout_run(&p->blocks, &lo, &doc, &st, d) == 0;
	phase_done(p, "layout");
	arch = finish_manifest(collecting, &manifest, d);
	phase_done(p, "archive (wait)");
	if (!laid_out || !arch) {
		rc = EXIT_DATA;
		goto out;
	}
	/* the pages' spare capacity goes before the writer's peak (the block
	 * tree stays: the archive names its pictures by their paths in it) */
	document_trim(&doc);
	char creator[64];
	snprintf(creator, sizeof(creator), "rapport %s", PACKAGE_VERSION);
	doc.info.creator = creator;
	doc.info.author = na ? authors[0].name : NULL;
	char keywords[512];
	const char *kind = p->r.single_year ? "arsrapport" : p->r.kind;
	snprintf(keywords, sizeof(keywords), "%s; %s; %s",
	         p->r.organisation ? p->r.organisation : "", kind ? kind : "",
	         lo.period_label ? lo.period_label : "");
	doc.info.keywords = keywords;
	doc.info.mod_date = archive_mod_date(arch);
	size_t nfiles;
	const pdf_attachment *files = archive_files(arch, &nfiles);
	pdf_writer_attach(w, files, nfiles);

	output out = {0};
	if (output_begin(&out, p->res->out_path, d) != 0) {
		rc = EXIT_OUTPUT;
		goto out;
	}
	int written = pdf_writer_write(w, &doc, out.tmp, d) == 0;
	phase_done(p, "draw and save");
	if (!written || test_hook_delay() || output_commit(&out, d) != 0) {
		output_abort(&out);
		rc = EXIT_OUTPUT;
	} else {
		phase_done(p, "commit");
		struct stat sb;
		p->res->bytes = stat(p->res->out_path, &sb) == 0 ? (long long)sb.st_size : 0;
		p->res->npages = doc.npages;
		p->res->stats = st;
		p->res->seconds = now() - t0;
	}
	output_free(&out);
out:
	document_free(&doc);
	hyph_close(lo.hyph);
	free(authors);
	pdf_writer_free(w);
	archive_free(arch);
	return rc;
}

/* Set when a plugin crashed during build_run. */
static int heap_suspect;

int build_heap_suspect(void)
{
	return heap_suspect;
}

/* Appends the letters of s to out (at *n of size): lower case, å and ä as
 * a, ö as o, every other run of characters as one hyphen. */
static void name_part(const char *s, char *out, size_t size, size_t *n)
{
	int hyphen = *n > 0;
	for (const unsigned char *c = (const unsigned char *)s; *c && *n + 2 < size; c++) {
		char letter = 0;
		if (*c >= 'a' && *c <= 'z')
			letter = (char)*c;
		else if (*c >= 'A' && *c <= 'Z')
			letter = (char)(*c - 'A' + 'a');
		else if (c[0] == 0xC3 && (c[1] == 0xA5 || c[1] == 0xA4 || c[1] == 0x85 ||
		                          c[1] == 0x84)) /* å ä Å Ä */
			letter = 'a', c++;
		else if (c[0] == 0xC3 && (c[1] == 0xB6 || c[1] == 0x96)) /* ö Ö */
			letter = 'o', c++;
		if (!letter) {
			hyphen = *n > 0;
			continue;
		}
		if (hyphen && *n > 0 && out[*n - 1] != '-')
			out[(*n)++] = '-';
		hyphen = 0;
		out[(*n)++] = letter;
	}
	out[*n] = '\0';
}

void build_archive_name(const report *r, char *out, size_t size)
{
	char when[32];
	if (r->single_year)
		snprintf(when, sizeof(when), "%d", r->single_year);
	else
		snprintf(when, sizeof(when), "%d-%d", r->first, r->last);
	size_t n = 0;
	out[0] = '\0';
	name_part(r->organisation ? r->organisation : "", out, size, &n);
	size_t at = strlen(out);
	snprintf(out + at, size - at, "%s%s-%s.pdf", at ? "-" : "", when,
	         r->single_year ? "arsrapport" : r->kind ? r->kind : "rapport");
}

int build_run(const build_opts *o, build_result *res, diag *d)
{
	double t0 = now();
	build_result ignored;
	if (!res)
		res = &ignored;
	memset(res, 0, sizeof(*res));
	pipeline p;
	memset(&p, 0, sizeof(p));
	p.o = o;
	p.d = d;
	p.res = res;
	p.mark = t0;
	int rc = load_and_check(&p);
	phase_done(&p, "load and check");
	res->nyears = p.r.nyears;
	res->nsections = p.r.nsections;
	if (p.r.def) {
		if (o->out_path)
			snprintf(res->out_path, sizeof(res->out_path), "%s", o->out_path);
		else
			build_archive_name(&p.r, res->out_path, sizeof(res->out_path));
	}
	if (rc == EXIT_OK && (!o->check_only || o->emit_only)) {
		/* the patterns take a while to load, and only the layout needs
		 * them: loaded beside the plugins or the fonts */
		int little = data_bytes(&p.r) < LITTLE_DATA;
		if (!o->emit_only && !little)
			start_patterns(&p, 0);
		rc = emit_all(&p);
		phase_done(&p, "plugins");
		if (rc == EXIT_OK && d->errors)
			rc = EXIT_DATA;
		if (rc == EXIT_OK && !o->emit_only && !p.patterns)
			start_patterns(&p, 1);
		/* the blocks copy all they hold: the year files and the plugins'
		 * strings are not needed for the layout */
		if (p.ctx.scratch)
			ctx_free(&p.ctx);
		pdf_writer *w = NULL;
		if (rc == EXIT_OK && !o->emit_only) {
			w = pdf_writer_new(o->fonts_list ? o->fonts_list : default_fonts_list(), d);
			if (w)
				warn_undrawable(&p, w);
			else
				rc = EXIT_DATA;
			phase_done(&p, "fonts, glyph check");
		}
		report_free_years(&p.r);
		if (rc == EXIT_OK && !o->emit_only)
			rc = write_pdf(&p, w, t0); /* frees w */
		else
			pdf_writer_free(w);
	}
	if (p.patterns) { /* not laid out */
		hyphenator *h = task_join(p.patterns);
		if (!p.ctx.crashed)
			hyph_close(h);
	}
	free(p.texts);
	if (p.ctx.crashed) {
		heap_suspect = 1;
		return rc; /* a plugin crashed: the heap may be damaged, free nothing */
	}
	if (p.ctx.scratch)
		ctx_free(&p.ctx);
	if (p.blocks.arena)
		blocks_free(&p.blocks);
	free(p.types);
	free(p.origins);
	free(p.kinds);
	report_free(&p.r);
	plugins_free(&p.plugins);
	return rc;
}

