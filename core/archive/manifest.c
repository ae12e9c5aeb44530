/*
 * manifest.c - collecting a build's inputs and its manifest for embedding.
 */
#include "config.h"

#include "archive/manifest.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <libdeflate.h>

#include "base/arena.h"
#include "base/digest.h"
#include "base/file.h"
#include "text/hyphen.h"

struct archive {
	pdf_attachment *files;
	size_t n;
	unsigned char **data;     /* owned contents of files[i] */
	unsigned char **deflated; /* owned: files[i].deflated */
	char **desc;              /* owned descriptions */
	char *manifest;
	char mod_date[24];
	int has_epoch;
	long long epoch;
};

/* SHA-256 (hex) of the file at path.  Returns 0, or -1 after reporting. */
static int file_sha(const char *path, char out[2 * SHA256_LEN + 1], diag *d)
{
	unsigned char *data;
	size_t n;
	if (file_read_all(path, &data, &n, d) != 0)
		return -1;
	sha256_hex(data, n, out);
	free(data);
	return 0;
}

static int by_type_name(const void *a, const void *b)
{
	const section_kind *const *x = a, *const *y = b;
	return strcmp((*x)->type->name, (*y)->type->name);
}

/* SOURCE_DATE_EPOCH: 0 unset, 1 set (*epoch filled), -1 invalid (reported). */
static int source_date_epoch(long long *epoch, diag *d)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (!s || !*s)
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	/* up to 9999-12-31T23:59:59Z, the last time a PDF date can hold */
	if (*end || errno || v < 0 || v > 253402300799LL || s[0] == '-' || s[0] == '+') {
		diag_error(d, NULL,
		           "SOURCE_DATE_EPOCH='%s' is not a number of seconds since 1970-01-01 "
		           "(0 to 253402300799)",
		           s);
		return -1;
	}
	*epoch = v;
	return 1;
}

/* ------------------------------------------------------------ collecting */

/* Adds a file to embed; data is owned by the archive from here on, and the
 * file is compressed now (the archive is collected beside the layout, so
 * the PDF writer need not do it later). */
static void add_file(archive *a, const char *name, const char *desc, const char *rel,
                     unsigned char *data, const unsigned char *contents, size_t size)
{
	size_t i = a->n++;
	a->files = xrealloc(a->files, a->n * sizeof(*a->files));
	a->data = xrealloc(a->data, a->n * sizeof(*a->data));
	a->deflated = xrealloc(a->deflated, a->n * sizeof(*a->deflated));
	a->desc = xrealloc(a->desc, a->n * sizeof(*a->desc));
	a->data[i] = data;
	size_t deflated_size = 0;
	a->deflated[i] = pdf_deflate(contents, size, &deflated_size);
	a->desc[i] = xstrdup(desc);
	size_t len = strlen(name);
	const char *mime = "application/json";
	if (len > 4 && strcasecmp(name + len - 4, ".png") == 0)
		mime = "image/png";
	else if ((len > 4 && strcasecmp(name + len - 4, ".jpg") == 0) ||
	         (len > 5 && strcasecmp(name + len - 5, ".jpeg") == 0))
		mime = "image/jpeg";
	a->files[i] = (pdf_attachment){.name = name,
	                               .desc = a->desc[i],
	                               .mime = mime,
	                               .relationship = rel,
	                               .data = contents,
	                               .size = size,
	                               .deflated = a->deflated[i],
	                               .deflated_size = deflated_size,
	                               .has_md5 = 1};
	md5(contents, size, a->files[i].md5);
}

/* Adds one input file to the archive and its manifest entry to arr. */
static int add_input(archive *a, cJSON *arr, const char *path, const char *role, int year, diag *d)
{
	unsigned char *data;
	size_t size;
	if (file_read_all(path, &data, &size, d) != 0)
		return -1;
	const char *name = path_base(path);
	for (size_t i = 0; i < a->n; i++) {
		if (strcmp(a->files[i].name, name) == 0) {
			diag_error(d, NULL,
			           "%s: an input named %s is already embedded; the archived "
			           "inputs need distinct file names",
			           path, name);
			free(data);
			return -1;
		}
	}
	char desc[64], hex[2 * SHA256_LEN + 1];
	if (year)
		snprintf(desc, sizeof(desc), "Data for %d (source)", year);
	else if (strcmp(role, "image") == 0)
		snprintf(desc, sizeof(desc), "Picture (source)");
	else
		snprintf(desc, sizeof(desc), "Report definition (source)");
	sha256_hex(data, size, hex);
	add_file(a, name, desc, "Source", data, data, size);

	cJSON *e = cJSON_CreateObject();
	cJSON_AddStringToObject(e, "name", name);
	cJSON_AddStringToObject(e, "role", role);
	if (year)
		cJSON_AddNumberToObject(e, "year", year);
	cJSON_AddNumberToObject(e, "size", (double)size);
	cJSON_AddStringToObject(e, "sha256", hex);
	cJSON_AddItemToArray(arr, e);
	return 0;
}

archive *archive_collect(const report *r, const plugin_set *ps, int year, lang_id lang,
                         const pdf_writer *w, const char *const *images, size_t nimages, diag *d)
{
	archive *a = xcalloc(1, sizeof(*a));
	int sde = source_date_epoch(&a->epoch, d);
	if (sde < 0) {
		archive_free(a);
		return NULL;
	}
	if (sde) {
		time_t t = (time_t)a->epoch;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(a->mod_date, sizeof(a->mod_date), "%Y-%m-%d %H:%M:%S", &tm);
		a->has_epoch = 1;
	}

	cJSON *m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "format", "rapport-archive-1");
	cJSON_AddStringToObject(m, "rapport", PACKAGE_VERSION);
	/* the libraries whose version changes the bytes written */
	cJSON *libs = cJSON_AddArrayToObject(m, "libraries");
	static const char *const lib_names[] = {"libharu", "libdeflate", "cJSON"};
	const char *lib_versions[] = {HPDF_GetVersion(), LIBDEFLATE_VERSION_STRING, cJSON_Version()};
	for (size_t i = 0; i < sizeof(lib_names) / sizeof(lib_names[0]); i++) {
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", lib_names[i]);
		cJSON_AddStringToObject(e, "version", lib_versions[i]);
		cJSON_AddItemToArray(libs, e);
	}
	cJSON *opts = cJSON_AddObjectToObject(m, "options");
	cJSON_AddNumberToObject(opts, "year", year);
	cJSON_AddStringToObject(opts, "lang", lang_code(lang));
	if (a->has_epoch)
		cJSON_AddNumberToObject(opts, "source_date_epoch", (double)a->epoch);

	int bad = 0;
	cJSON *inputs = cJSON_AddArrayToObject(m, "inputs");
	bad |= add_input(a, inputs, r->path, "definition", 0, d);
	const jnode *years = jnode_get(jdoc_root(r->def), "years");
	for (size_t i = 0; i < r->nall_years; i++) {
		bad |= add_input(a, inputs, r->all_years[i].path, "data", r->all_years[i].year, d);
		/* verify rebuilds from files extracted side by side */
		const char *entry = jnode_string(jnode_at(years, i), "");
		if (strchr(entry, '/'))
			diag_warning(d, NULL,
			             "%s: year file \"%s\" is not beside the definition: the PDF "
			             "embeds it, but `rapport verify` cannot rebuild from it",
			             r->path, entry);
	}
	for (size_t i = 0; i < nimages; i++)
		bad |= add_input(a, inputs, images[i], "image", 0, d);

	/* Plugins by what they are, not by the bytes of their .so (which
	 * differ between two builds of the same source): built-in section
	 * types come with rapport's version and are not listed. */
	cJSON *plugins = cJSON_AddArrayToObject(m, "plugins");
	const section_kind **kinds = xmalloc((ps->nkinds + 1) * sizeof(*kinds));
	for (size_t i = 0; i < ps->nkinds; i++)
		kinds[i] = &ps->kinds[i];
	/* by name, whatever order the search path found them in */
	qsort(kinds, ps->nkinds, sizeof(*kinds), by_type_name);
	for (size_t i = 0; i < ps->nkinds && !bad; i++) {
		const section_kind *k = kinds[i];
		if (!k->path)
			continue;
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", k->type->name);
		cJSON_AddStringToObject(e, "version", k->type->version ? k->type->version : "");
		cJSON_AddStringToObject(e, "file", path_base(k->path));
		cJSON_AddNumberToObject(e, "abi", RAPPORT_ABI);
		cJSON_AddNumberToObject(e, "api_level", k->type->api_level);
		cJSON_AddItemToArray(plugins, e);
	}
	free(kinds);

	cJSON *fonts = cJSON_AddArrayToObject(m, "fonts");
	for (int f = 0; f < FACE_COUNT && !bad; f++) {
		const char *path = pdf_writer_font_path(w, (face_id)f);
		char hex[2 * SHA256_LEN + 1];
		if (!path || file_sha(path, hex, d) != 0) {
			bad = 1;
			break;
		}
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "face", face_name((face_id)f));
		cJSON_AddStringToObject(e, "file", path_base(path));
		cJSON_AddStringToObject(e, "sha256", hex);
		cJSON_AddItemToArray(fonts, e);
	}
	/* the hyphenation patterns decide where words break */
	const char *dict = hyph_dict_path(lang_code(lang));
	char dhex[2 * SHA256_LEN + 1];
	if (!bad && file_sha(dict, dhex, d) == 0) {
		cJSON *e = cJSON_AddObjectToObject(m, "hyphenation");
		cJSON_AddStringToObject(e, "file", path_base(dict));
		cJSON_AddStringToObject(e, "sha256", dhex);
	} else {
		bad = 1;
	}
	char icc[2 * SHA256_LEN + 1];
	if (!bad && file_sha(pdf_icc_profile_path(), icc, d) == 0) {
		cJSON *e = cJSON_AddObjectToObject(m, "icc_profile");
		cJSON_AddStringToObject(e, "file", path_base(pdf_icc_profile_path()));
		cJSON_AddStringToObject(e, "sha256", icc);
	} else {
		bad = 1;
	}

	a->manifest = bad ? NULL : cJSON_Print(m);
	cJSON_Delete(m);
	if (!a->manifest) {
		archive_free(a);
		return NULL;
	}
	add_file(a, ARCHIVE_MANIFEST,
	         "How this PDF was made: SHA-256 of each input, rapport and library versions, plugins, fonts, hyphenation patterns",
	         "Supplement", NULL, (const unsigned char *)a->manifest, strlen(a->manifest));
	return a;
}

const pdf_attachment *archive_files(const archive *a, size_t *n)
{
	*n = a->n;
	return a->files;
}

const char *archive_mod_date(const archive *a)
{
	return a->has_epoch ? a->mod_date : NULL;
}

void archive_free(archive *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n; i++) {
		free(a->data[i]);
		free(a->deflated[i]);
		free(a->desc[i]);
	}
	free(a->data);
	free(a->deflated);
	free(a->desc);
	free(a->files);
	if (a->manifest)
		cJSON_free(a->manifest);
	free(a);
}

