/*
 * verify.c - `rapport verify PDF`: rebuild a report from the inputs it
 * carries and compare the bytes.
 */
#include "config.h"

#include "cmd/verify.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "archive/contents.h"
#include "base/arena.h"
#include "base/file.h"

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
		const char *v = manifest_str(e, key);
		if (v && value && strcmp(v, value) == 0)
			return e;
	}
	return NULL;
}

/* What a manifest entry says of one component, for a message: its fields
 * in order, e.g. "census.so, version 1.0.0, ABI 1, API level 2". */
static void entry_text(const cJSON *e, const char *const *fields, char *out, size_t size)
{
	static const struct {
		const char *field, *label;
	} labels[] = {{"version", "version "}, {"abi", "ABI "},       {"api_level", "API level "},
	              {"sha256", "SHA-256 "},  {"file", ""},         {NULL, NULL}};
	size_t n = 0;
	out[0] = 0;
	for (size_t f = 0; fields[f]; f++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, fields[f]);
		const char *label = "";
		for (size_t l = 0; labels[l].field; l++)
			if (strcmp(labels[l].field, fields[f]) == 0)
				label = labels[l].label;
		char value[96];
		if (cJSON_IsString(v))
			snprintf(value, sizeof(value), "%s", v->valuestring);
		else if (cJSON_IsNumber(v))
			snprintf(value, sizeof(value), "%.0f", v->valuedouble);
		else
			snprintf(value, sizeof(value), "?");
		int k = snprintf(out + n, size - n, "%s%s%s", n ? ", " : "", label, value);
		if (k < 0 || (size_t)k >= size - n)
			break;
		n += (size_t)k;
	}
}

/* Compares the entries of a manifest list (plugins by name, fonts by face,
 * libraries by name) on the given fields.  Returns the number of
 * differences printed. */
static int differ_list(const char *pdf, const char *what, const char *key, const cJSON *was,
                       const cJSON *now, const char *const *fields)
{
	int n = 0;
	const cJSON *e;
	cJSON_ArrayForEach(e, was)
	{
		const char *id = manifest_str(e, key);
		const cJSON *o = entry_by(now, key, id);
		char label[160];
		snprintf(label, sizeof(label), "%s %s", what, id ? id : "?");
		if (!o) {
			printf("%s: %s: used to make the PDF, not found for the rebuild\n", pdf,
			       label);
			n++;
			continue;
		}
		char was_t[300], now_t[300];
		entry_text(e, fields, was_t, sizeof(was_t));
		entry_text(o, fields, now_t, sizeof(now_t));
		n += differ(pdf, label, was_t, now_t);
	}
	cJSON_ArrayForEach(e, now)
	{
		const char *id = manifest_str(e, key);
		if (!entry_by(was, key, id)) {
			printf("%s: %s %s: loaded for the rebuild, not used to make the PDF\n", pdf,
			       what, id ? id : "?");
			n++;
		}
	}
	return n;
}

/* Compares a file component (hyphenation patterns, ICC profile): file name
 * and SHA-256.  Returns 1 if they differ. */
static int differ_file(const char *pdf, const char *what, const char *key, const cJSON *was,
                       const cJSON *now)
{
	static const char *const fields[] = {"file", "sha256", NULL};
	char was_t[300], now_t[300];
	entry_text(cJSON_GetObjectItemCaseSensitive(was, key), fields, was_t, sizeof(was_t));
	entry_text(cJSON_GetObjectItemCaseSensitive(now, key), fields, now_t, sizeof(now_t));
	return differ(pdf, what, was_t, now_t);
}

/* Explains why the rebuild differs, from the two manifests. */
static int explain(const char *pdf, const cJSON *was, const cJSON *now)
{
	static const char *const plugin_fields[] = {"file", "version", "abi", "api_level", NULL};
	static const char *const font_fields[] = {"file", "sha256", NULL};
	static const char *const lib_fields[] = {"version", NULL};
	int n = differ(pdf, "rapport version", manifest_str(was, "rapport"),
	               manifest_str(now, "rapport"));
	n += differ_list(pdf, "library", "name", cJSON_GetObjectItemCaseSensitive(was, "libraries"),
	                 cJSON_GetObjectItemCaseSensitive(now, "libraries"), lib_fields);
	n += differ_list(pdf, "plugin", "name", cJSON_GetObjectItemCaseSensitive(was, "plugins"),
	                 cJSON_GetObjectItemCaseSensitive(now, "plugins"), plugin_fields);
	n += differ_list(pdf, "font", "face", cJSON_GetObjectItemCaseSensitive(was, "fonts"),
	                 cJSON_GetObjectItemCaseSensitive(now, "fonts"), font_fields);
	n += differ_file(pdf, "hyphenation patterns", "hyphenation", was, now);
	n += differ_file(pdf, "ICC profile", "icc_profile", was, now);
	return n;
}

/* Removes the verify scratch directory: the files extracted into in/, in/,
 * the rebuilt PDF and the directory itself. */
static void remove_scratch(const char *tmp, const contents *c)
{
	char *in = path_join(tmp, "in"), *out = path_join(tmp, "rebuilt.pdf");
	for (size_t i = 0; i < c->n; i++) {
		char *path = path_join(in, c->files[i].name);
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
	if (contents_read(pdf, &c, d) != 0)
		return EXIT_DATA;
	const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(c.manifest, "inputs");
	const cJSON *def = entry_by(inputs, "role", "definition");
	const cJSON *opts = cJSON_GetObjectItemCaseSensitive(c.manifest, "options");
	const cJSON *year = cJSON_GetObjectItemCaseSensitive(opts, "year");
	const cJSON *sde = cJSON_GetObjectItemCaseSensitive(opts, "source_date_epoch");
	lang_id lang;
	if (!c.manifest || !manifest_str(def, "name") || !cJSON_IsNumber(year) || !manifest_str(opts, "lang") ||
	    lang_from_string(manifest_str(opts, "lang"), &lang) != 0) {
		diag_error(d, NULL,
		           "%s: no usable %s embedded (inputs with a definition, options year and "
		           "lang): not a PDF that rapport can verify",
		           pdf, ARCHIVE_MANIFEST);
		contents_free(&c);
		return EXIT_DATA;
	}
	int differences = contents_check_inputs(pdf, &c, stdout);
	int data_problems = differences;

	const char *tmpdir = getenv("TMPDIR");
	char *tmp = path_join(tmpdir && *tmpdir ? tmpdir : "/tmp", "rapport-verify.XXXXXX");
	if (!mkdtemp(tmp)) {
		diag_error(d, NULL, "%s: cannot create a temporary directory: %s", tmp,
		           strerror(errno));
		free(tmp);
		contents_free(&c);
		return EXIT_OUTPUT;
	}
	char *in = path_join(tmp, "in"), *def_path = path_join(in, manifest_str(def, "name")),
	     *out = path_join(tmp, "rebuilt.pdf");
	int rc = mkdir(in, 0700) == 0 ? EXIT_OK : EXIT_OUTPUT;
	for (size_t i = 0; i < c.n && rc == EXIT_OK; i++)
		if (contents_write_new(in, &c.files[i], d) != 0)
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
	    (file_read_all(pdf, &orig, &norig, d) != 0 || file_read_all(out, &again, &nagain, d) != 0))
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
			if (contents_read(out, &now, d) == 0 && now.manifest)
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
			if (differences > data_problems)
				printf("%s: the data inside the PDF is unaffected (`rapport extract` "
				       "gets it back); for the same bytes, rebuild with what the PDF "
				       "was made with (above), or keep the PDF as it is\n",
				       pdf);
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
