/*
 * archive.c - embedded inputs and manifest; `rapport extract` and
 * `rapport verify`.
 */
#include "config.h"

#include "archive.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>

#include "arena.h"
#include "digest.h"
#include "pdf/reader.h"

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

/* ------------------------------------------------------------- helpers */

/* "a/b", newly allocated. */
static char *join(const char *a, const char *b)
{
	char *s = xmalloc(strlen(a) + strlen(b) + 2);
	sprintf(s, "%s/%s", a, b);
	return s;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* Reads the whole file at path.  Returns 0, or -1 after reporting to d. */
static int read_all(const char *path, unsigned char **data, size_t *size, diag *d)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_error(d, NULL, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	size_t n = 0, cap = 0;
	unsigned char *buf = NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16384;
			buf = xrealloc(buf, cap);
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		diag_error(d, NULL, "%s: read error", path);
		free(buf);
		return -1;
	}
	*data = buf;
	*size = n;
	return 0;
}

static void sha_hex(const unsigned char *data, size_t n, char out[2 * SHA256_LEN + 1])
{
	unsigned char h[SHA256_LEN];
	sha256(data, n, h);
	digest_hex(h, SHA256_LEN, out);
}

/* SHA-256 (hex) of the file at path.  Returns 0, or -1 after reporting. */
static int file_sha(const char *path, char out[2 * SHA256_LEN + 1], diag *d)
{
	unsigned char *data;
	size_t n;
	if (read_all(path, &data, &n, d) != 0)
		return -1;
	sha_hex(data, n, out);
	free(data);
	return 0;
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
	if (read_all(path, &data, &size, d) != 0)
		return -1;
	const char *name = base_name(path);
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
	sha_hex(data, size, hex);
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

archive *archive_collect(const report *r, const plugin_set *ps, const build_opts *o,
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
	cJSON_AddStringToObject(m, "libharu", HPDF_GetVersion());
	cJSON *opts = cJSON_AddObjectToObject(m, "options");
	cJSON_AddNumberToObject(opts, "year", o->year);
	cJSON_AddStringToObject(opts, "lang", lang_code(o->lang));
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

	cJSON *plugins = cJSON_AddArrayToObject(m, "plugins");
	for (size_t i = 0; i < ps->nkinds && !bad; i++) {
		const section_kind *k = &ps->kinds[i];
		char hex[2 * SHA256_LEN + 1];
		if (file_sha(k->path, hex, d) != 0) {
			bad = 1;
			break;
		}
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "name", k->type->name);
		cJSON_AddStringToObject(e, "version", k->type->version ? k->type->version : "");
		cJSON_AddStringToObject(e, "file", base_name(k->path));
		cJSON_AddStringToObject(e, "sha256", hex);
		cJSON_AddItemToArray(plugins, e);
	}

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
		cJSON_AddStringToObject(e, "file", base_name(path));
		cJSON_AddStringToObject(e, "sha256", hex);
		cJSON_AddItemToArray(fonts, e);
	}
	char icc[2 * SHA256_LEN + 1];
	if (!bad && file_sha(pdf_icc_profile_path(), icc, d) == 0) {
		cJSON *e = cJSON_AddObjectToObject(m, "icc_profile");
		cJSON_AddStringToObject(e, "file", base_name(pdf_icc_profile_path()));
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
	         "How this PDF was made: SHA-256 of each input, rapport version, plugins, fonts",
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

/* ------------------------------------------------------------ extracting */

/* The embedded files of a PDF and its parsed manifest (NULL if none). */
typedef struct contents {
	pdf_embedded *files;
	size_t n;
	cJSON *manifest;
} contents;

static void contents_free(contents *c)
{
	pdf_embedded_free(c->files, c->n);
	cJSON_Delete(c->manifest);
	memset(c, 0, sizeof(*c));
}

static const pdf_embedded *find_file(const contents *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->files[i].name, name) == 0)
			return &c->files[i];
	return NULL;
}

/* Reads the embedded files of pdf and checks that each name is safe to
 * create in a directory.  Returns 0, or -1 after reporting to d. */
static int read_contents(const char *pdf, contents *c, diag *d)
{
	memset(c, 0, sizeof(*c));
	if (pdf_read_embedded(pdf, &c->files, &c->n, d) != 0)
		return -1;
	int bad = 0;
	for (size_t i = 0; i < c->n; i++) {
		const char *name = c->files[i].name;
		if (!name[0] || strlen(name) != c->files[i].name_len || strchr(name, '/') ||
		    strstr(name, "..")) {
			diag_error(
			        d, NULL,
			        "%s: refusing the embedded file name \"%s\": empty, or with '/', "
			        "\"..\" or a NUL byte",
			        pdf, name);
			bad = 1;
		}
		for (size_t k = 0; k < i; k++)
			if (strcmp(c->files[k].name, name) == 0) {
				diag_error(d, NULL, "%s: two embedded files are named \"%s\"", pdf,
				           name);
				bad = 1;
			}
	}
	const pdf_embedded *m = bad ? NULL : find_file(c, ARCHIVE_MANIFEST);
	if (m) {
		c->manifest = cJSON_ParseWithLength((const char *)m->data, m->size);
		if (!cJSON_IsObject(c->manifest)) {
			diag_error(d, NULL, "%s: the embedded %s is not a JSON object", pdf,
			           ARCHIVE_MANIFEST);
			bad = 1;
		}
	}
	if (bad)
		contents_free(c);
	return bad ? -1 : 0;
}

static const char *jstr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Checks each input listed in the manifest against the embedded bytes.
 * Prints a line per problem (prefix, then what) and returns their number. */
static int check_inputs(const char *pdf, const contents *c, FILE *out)
{
	int problems = 0;
	const cJSON *e;
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(c->manifest, "inputs"))
	{
		const char *name = jstr(e, "name"), *want = jstr(e, "sha256");
		const pdf_embedded *f = name ? find_file(c, name) : NULL;
		if (!f || !want) {
			fprintf(out, "%s: data: the manifest lists %s, which is not embedded\n",
			        pdf, name ? name : "an unnamed input");
			problems++;
			continue;
		}
		char hex[2 * SHA256_LEN + 1];
		sha_hex(f->data, f->size, hex);
		if (strcmp(hex, want) != 0) {
			fprintf(out,
			        "%s: data: %s has SHA-256 %s, but the manifest says %s (the "
			        "embedded file was changed)\n",
			        pdf, name, hex, want);
			problems++;
		}
	}
	return problems;
}

/* Writes file f into dir without overwriting anything.  Returns 0, or -1
 * after reporting to d. */
static int write_new(const char *dir, const pdf_embedded *f, diag *d)
{
	char *path = join(dir, f->name);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0) {
		diag_error(d, NULL, "%s: cannot create: %s%s", path, strerror(errno),
		           errno == EEXIST ? " (extract never overwrites a file)" : "");
		free(path);
		return -1;
	}
	int rc = 0;
	size_t done = 0;
	while (done < f->size) {
		ssize_t k = write(fd, f->data + done, f->size - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			rc = -1;
			break;
		}
		done += (size_t)k;
	}
	if (close(fd) != 0)
		rc = -1;
	if (rc != 0) {
		diag_error(d, NULL, "%s: write error: %s", path, strerror(errno));
		unlink(path);
	}
	free(path);
	return rc;
}

int archive_extract(const char *pdf, const char *dir, int quiet, diag *d)
{
	contents c;
	if (read_contents(pdf, &c, d) != 0)
		return EXIT_DATA;
	if (c.n == 0) {
		diag_error(d, NULL,
		           "%s: no embedded files (not built by a rapport that archives "
		           "its inputs)",
		           pdf);
		contents_free(&c);
		return EXIT_DATA;
	}
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		diag_error(d, NULL, "%s: cannot create the directory: %s", dir, strerror(errno));
		contents_free(&c);
		return EXIT_OUTPUT;
	}
	int rc = EXIT_OK;
	for (size_t i = 0; i < c.n && rc == EXIT_OK; i++) {
		if (write_new(dir, &c.files[i], d) != 0)
			rc = EXIT_OUTPUT;
		else if (!quiet)
			printf("%s/%s (%zu bytes)\n", dir, c.files[i].name, c.files[i].size);
	}
	if (rc == EXIT_OK && !c.manifest)
		diag_warning(d, NULL, "%s: no %s embedded: the files could not be checked", pdf,
		             ARCHIVE_MANIFEST);
	if (rc == EXIT_OK && c.manifest && check_inputs(pdf, &c, stderr) > 0)
		rc = EXIT_DIFFERS;
	contents_free(&c);
	return rc;
}

/* ------------------------------------------------------------- verifying */

/* Compares one string field of the two manifests; prints a line when they
 * differ.  Returns 1 if they differ. */
static int differ(const char *pdf, const char *what, const char *was, const char *now)
{
	if (was && now && strcmp(was, now) == 0)
		return 0;
	printf("%s: %s: the PDF was made with %s, the rebuild used %s\n", pdf, what,
	       was ? was : "(none)", now ? now : "(none)");
	return 1;
}

/* The entry of array arr whose `key` is value, or NULL. */
static const cJSON *entry_by(const cJSON *arr, const char *key, const char *value)
{
	const cJSON *e;
	cJSON_ArrayForEach(e, arr)
	{
		const char *v = jstr(e, key);
		if (v && value && strcmp(v, value) == 0)
			return e;
	}
	return NULL;
}

/* Compares the entries of a manifest list (plugins by name, fonts by face):
 * version (when versioned), file and SHA-256.  Returns the number of
 * differences printed. */
static int differ_list(const char *pdf, const char *what, const char *key, const cJSON *was,
                       const cJSON *now, int versioned)
{
	int n = 0;
	const cJSON *e;
	cJSON_ArrayForEach(e, was)
	{
		const char *id = jstr(e, key);
		const cJSON *o = entry_by(now, key, id);
		char label[160];
		snprintf(label, sizeof(label), "%s %s", what, id ? id : "?");
		if (!o) {
			printf("%s: %s: used to make the PDF, not found for the rebuild\n", pdf,
			       label);
			n++;
			continue;
		}
		if (versioned && differ(pdf, label, jstr(e, "version"), jstr(o, "version"))) {
			n++;
			continue;
		}
		char was_f[200], now_f[200];
		snprintf(was_f, sizeof(was_f), "%s (SHA-256 %s)",
		         jstr(e, "file") ? jstr(e, "file") : "?",
		         jstr(e, "sha256") ? jstr(e, "sha256") : "?");
		snprintf(now_f, sizeof(now_f), "%s (SHA-256 %s)",
		         jstr(o, "file") ? jstr(o, "file") : "?",
		         jstr(o, "sha256") ? jstr(o, "sha256") : "?");
		n += differ(pdf, label, was_f, now_f);
	}
	cJSON_ArrayForEach(e, now)
	{
		const char *id = jstr(e, key);
		if (!entry_by(was, key, id)) {
			printf("%s: %s %s: loaded for the rebuild, not used to make the PDF\n", pdf,
			       what, id ? id : "?");
			n++;
		}
	}
	return n;
}

/* Explains why the rebuild differs, from the two manifests. */
static int explain(const char *pdf, const cJSON *was, const cJSON *now)
{
	int n = differ(pdf, "rapport version", jstr(was, "rapport"), jstr(now, "rapport"));
	n += differ(pdf, "libharu version", jstr(was, "libharu"), jstr(now, "libharu"));
	n += differ_list(pdf, "plugin", "name", cJSON_GetObjectItemCaseSensitive(was, "plugins"),
	                 cJSON_GetObjectItemCaseSensitive(now, "plugins"), 1);
	n += differ_list(pdf, "font", "face", cJSON_GetObjectItemCaseSensitive(was, "fonts"),
	                 cJSON_GetObjectItemCaseSensitive(now, "fonts"), 0);
	const cJSON *wi = cJSON_GetObjectItemCaseSensitive(was, "icc_profile"),
	            *ni = cJSON_GetObjectItemCaseSensitive(now, "icc_profile");
	n += differ(pdf, "ICC profile SHA-256", jstr(wi, "sha256"), jstr(ni, "sha256"));
	return n;
}

/* Removes the verify scratch directory: the files extracted into in/, in/,
 * the rebuilt PDF and the directory itself. */
static void remove_scratch(const char *tmp, const contents *c)
{
	char *in = join(tmp, "in"), *out = join(tmp, "rebuilt.pdf");
	for (size_t i = 0; i < c->n; i++) {
		char *path = join(in, c->files[i].name);
		unlink(path);
		free(path);
	}
	rmdir(in);
	unlink(out);
	rmdir(tmp);
	free(in);
	free(out);
}

/* Byte comparison of two files: -1 on a read error, else the offset of the
 * first difference, or SIZE_MAX when identical. */
static size_t first_difference(const unsigned char *a, size_t na, const unsigned char *b, size_t nb)
{
	size_t n = na < nb ? na : nb;
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return i;
	return na == nb ? SIZE_MAX : n;
}

int archive_verify(const char *pdf, const build_opts *o, diag *d)
{
	contents c;
	if (read_contents(pdf, &c, d) != 0)
		return EXIT_DATA;
	const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(c.manifest, "inputs");
	const cJSON *def = entry_by(inputs, "role", "definition");
	const cJSON *opts = cJSON_GetObjectItemCaseSensitive(c.manifest, "options");
	const cJSON *year = cJSON_GetObjectItemCaseSensitive(opts, "year");
	const cJSON *sde = cJSON_GetObjectItemCaseSensitive(opts, "source_date_epoch");
	lang_id lang;
	if (!c.manifest || !jstr(def, "name") || !cJSON_IsNumber(year) || !jstr(opts, "lang") ||
	    lang_from_string(jstr(opts, "lang"), &lang) != 0) {
		diag_error(d, NULL,
		           "%s: no usable %s embedded (inputs with a definition, options year and "
		           "lang): not a PDF that rapport can verify",
		           pdf, ARCHIVE_MANIFEST);
		contents_free(&c);
		return EXIT_DATA;
	}
	int differences = check_inputs(pdf, &c, stdout);

	const char *tmpdir = getenv("TMPDIR");
	char *tmp = join(tmpdir && *tmpdir ? tmpdir : "/tmp", "rapport-verify.XXXXXX");
	if (!mkdtemp(tmp)) {
		diag_error(d, NULL, "%s: cannot create a temporary directory: %s", tmp,
		           strerror(errno));
		free(tmp);
		contents_free(&c);
		return EXIT_OUTPUT;
	}
	char *in = join(tmp, "in"), *def_path = join(in, jstr(def, "name")),
	     *out = join(tmp, "rebuilt.pdf");
	int rc = mkdir(in, 0700) == 0 ? EXIT_OK : EXIT_OUTPUT;
	for (size_t i = 0; i < c.n && rc == EXIT_OK; i++)
		if (write_new(in, &c.files[i], d) != 0)
			rc = EXIT_OUTPUT;

	/* the rebuild, with the recorded options */
	if (rc == EXIT_OK) {
		char epoch[32];
		if (cJSON_IsNumber(sde)) {
			snprintf(epoch, sizeof(epoch), "%.0f", sde->valuedouble);
			setenv("SOURCE_DATE_EPOCH", epoch, 1);
		} else {
			unsetenv("SOURCE_DATE_EPOCH");
		}
		build_opts b = *o;
		b.report_path = def_path;
		b.out_path = out;
		b.year = year->valueint;
		b.lang = lang;
		b.quiet = 1;
		rc = build_run(&b, d);
		if (rc != EXIT_OK)
			diag_error(d, NULL, "%s: rebuilding from the embedded inputs failed", pdf);
	}

	unsigned char *orig = NULL, *again = NULL;
	size_t norig = 0, nagain = 0;
	if (rc == EXIT_OK &&
	    (read_all(pdf, &orig, &norig, d) != 0 || read_all(out, &again, &nagain, d) != 0))
		rc = EXIT_FAILURE_INTERNAL;
	if (rc == EXIT_OK) {
		size_t at = first_difference(orig, norig, again, nagain);
		if (at == SIZE_MAX && differences == 0) {
			printf("%s: verified: rebuilt byte-identical (%zu bytes) from its %d "
			       "embedded "
			       "inputs with rapport %s\n",
			       pdf, norig, cJSON_GetArraySize(inputs), PACKAGE_VERSION);
		} else {
			contents now;
			if (read_contents(out, &now, d) == 0 && now.manifest)
				differences += explain(pdf, c.manifest, now.manifest);
			contents_free(&now);
			if (at != SIZE_MAX)
				printf("%s: bytes: the rebuild differs from byte %zu on (the PDF "
				       "has %zu "
				       "bytes, the rebuild %zu)\n",
				       pdf, at, norig, nagain);
			printf("%s: NOT verified: %d difference%s in what made the PDF%s\n", pdf,
			       differences, differences == 1 ? "" : "s",
			       at != SIZE_MAX ? ", and the bytes differ" : "");
			rc = EXIT_DIFFERS;
		}
	}
	free(orig);
	free(again);
	remove_scratch(tmp, &c);
	contents_free(&c);
	free(tmp);
	free(in);
	free(def_path);
	free(out);
	return rc;
}
