/*
 * reader.c - the /EmbeddedFiles name tree through libqpdf's C API.
 */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "../arena.h"

#define MAX_DEPTH 32 /* name tree levels followed; deeper is treated as damage */

struct reader {
	qpdf_data q;
	const char *path;
	diag *d;
	pdf_embedded *files;
	size_t n, cap;
	int failed;
};

static char *dup_n(const char *s, size_t n)
{
	char *c = xmalloc(n + 1);
	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

/* One file specification, the value of a name tree entry. */
static void read_spec(struct reader *r, qpdf_oh spec)
{
	qpdf_data q = r->q;
	if (!qpdf_oh_is_dictionary(q, spec)) {
		diag_error(r->d, NULL, "%s: an embedded files entry is not a file specification",
		           r->path);
		r->failed = 1;
		return;
	}
	qpdf_oh name = qpdf_oh_get_key(q, spec, "/UF");
	if (!qpdf_oh_is_string(q, name))
		name = qpdf_oh_get_key(q, spec, "/F");
	qpdf_oh ef = qpdf_oh_get_key(q, spec, "/EF");
	qpdf_oh stream = qpdf_oh_get_key(q, ef, "/UF");
	if (!qpdf_oh_is_stream(q, stream))
		stream = qpdf_oh_get_key(q, ef, "/F");
	if (!qpdf_oh_is_string(q, name) || !qpdf_oh_is_stream(q, stream)) {
		diag_error(r->d, NULL, "%s: an embedded file has no name or no contents", r->path);
		r->failed = 1;
		return;
	}
	size_t len = 0;
	const char *utf8 = qpdf_oh_get_binary_utf8_value(q, name, &len);
	unsigned char *buf = NULL;
	size_t size = 0;
	QPDF_BOOL filtered = QPDF_FALSE;
	if (qpdf_oh_get_stream_data(q, stream, qpdf_dl_specialized, &filtered, &buf, &size) !=
	            QPDF_SUCCESS ||
	    qpdf_has_error(q) || !filtered) {
		qpdf_error e = qpdf_get_error(q);
		diag_error(r->d, NULL, "%s: cannot decode the embedded file \"%.*s\": %s", r->path,
		           (int)len, utf8, e ? qpdf_get_error_full_text(q, e) : "unknown error");
		free(buf);
		r->failed = 1;
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->files = xrealloc(r->files, r->cap * sizeof(*r->files));
	}
	pdf_embedded *f = &r->files[r->n++];
	memset(f, 0, sizeof(*f));
	f->name = dup_n(utf8, len);
	f->name_len = len;
	f->data = buf;
	f->size = size;
	qpdf_oh rel = qpdf_oh_get_key(q, spec, "/AFRelationship");
	if (qpdf_oh_is_name(q, rel)) {
		const char *s = qpdf_oh_get_name(q, rel);
		f->relationship = xstrdup(s[0] == '/' ? s + 1 : s);
	}
}

/* A name tree node: its /Names pairs, then its /Kids. */
static void read_node(struct reader *r, qpdf_oh node, int depth)
{
	qpdf_data q = r->q;
	if (depth > MAX_DEPTH) {
		diag_error(r->d, NULL, "%s: the embedded files name tree is deeper than %d levels",
		           r->path, MAX_DEPTH);
		r->failed = 1;
		return;
	}
	qpdf_oh names = qpdf_oh_get_key(q, node, "/Names");
	if (qpdf_oh_is_array(q, names)) {
		int n = qpdf_oh_get_array_n_items(q, names);
		for (int i = 0; i + 1 < n; i += 2)
			read_spec(r, qpdf_oh_get_array_item(q, names, i + 1));
	}
	qpdf_oh kids = qpdf_oh_get_key(q, node, "/Kids");
	if (qpdf_oh_is_array(q, kids)) {
		int n = qpdf_oh_get_array_n_items(q, kids);
		for (int i = 0; i < n; i++)
			read_node(r, qpdf_oh_get_array_item(q, kids, i), depth + 1);
	}
}

int pdf_read_embedded(const char *path, pdf_embedded **out, size_t *n, diag *d)
{
	struct reader r = {.q = qpdf_init(), .path = path, .d = d};
	*out = NULL;
	*n = 0;
	qpdf_silence_errors(r.q);
	qpdf_set_suppress_warnings(r.q, QPDF_TRUE);
	if (qpdf_read(r.q, path, NULL) & QPDF_ERRORS) {
		qpdf_error e = qpdf_get_error(r.q);
		diag_error(d, NULL, "%s: not a readable PDF: %s", path,
		           e ? qpdf_get_error_full_text(r.q, e) : "unknown error");
		qpdf_cleanup(&r.q);
		return -1;
	}
	qpdf_oh root = qpdf_get_root(r.q);
	qpdf_oh tree = qpdf_oh_get_key(r.q, qpdf_oh_get_key(r.q, root, "/Names"), "/EmbeddedFiles");
	if (qpdf_oh_is_dictionary(r.q, tree))
		read_node(&r, tree, 0);
	qpdf_cleanup(&r.q);
	if (r.failed) {
		pdf_embedded_free(r.files, r.n);
		return -1;
	}
	*out = r.files;
	*n = r.n;
	return 0;
}

void pdf_embedded_free(pdf_embedded *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].name);
		free(e[i].relationship);
		free(e[i].data);
	}
	free(e);
}
