/*
 * contents.c - reading back what a rapport PDF carries: its embedded files
 * and manifest; `rapport extract`.
 */
#include "archive/contents.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/digest.h"
#include "base/exit.h"
#include "base/file.h"

void contents_free(contents *c)
{
	pdf_embedded_free(c->files, c->n);
	cJSON_Delete(c->manifest);
	memset(c, 0, sizeof(*c));
}

const pdf_embedded *contents_find(const contents *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->files[i].name, name) == 0)
			return &c->files[i];
	return NULL;
}

int contents_read(const char *pdf, contents *c, diag *d)
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
	const pdf_embedded *m = bad ? NULL : contents_find(c, ARCHIVE_MANIFEST);
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

const char *manifest_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

int contents_check_inputs(const char *pdf, const contents *c, FILE *out)
{
	int problems = 0;
	const cJSON *e;
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(c->manifest, "inputs"))
	{
		const char *name = manifest_str(e, "name"), *want = manifest_str(e, "sha256");
		const pdf_embedded *f = name ? contents_find(c, name) : NULL;
		if (!f || !want) {
			fprintf(out, "%s: data: the manifest lists %s, which is not embedded\n",
			        pdf, name ? name : "an unnamed input");
			problems++;
			continue;
		}
		char hex[2 * SHA256_LEN + 1];
		sha256_hex(f->data, f->size, hex);
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

int contents_write_new(const char *dir, const pdf_embedded *f, diag *d)
{
	char *path = path_join(dir, f->name);
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
