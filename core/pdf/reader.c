/*
 * reader.c - the /EmbeddedFiles name tree through libqpdf's C API.
 */
#include "config.h"

#include "pdf/reader.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "base/arena.h"

/* libqpdf is opened only while a PDF is read (extract and verify): linking it
 * into rapport would load it, with the C++ runtime and TLS libraries it
 * needs, at the start of every build (about 2.6 ms of CPU). */
#define QPDF_FUNCTIONS(X) \
	X(qpdf_cleanup) \
	X(qpdf_get_error) \
	X(qpdf_get_error_full_text) \
	X(qpdf_get_root) \
	X(qpdf_has_error) \
	X(qpdf_init) \
	X(qpdf_oh_get_array_item) \
	X(qpdf_oh_get_array_n_items) \
	X(qpdf_oh_get_binary_utf8_value) \
	X(qpdf_oh_get_key) \
	X(qpdf_oh_get_name) \
	X(qpdf_oh_get_stream_data) \
	X(qpdf_oh_is_array) \
	X(qpdf_oh_is_dictionary) \
	X(qpdf_oh_is_name) \
	X(qpdf_oh_is_stream) \
	X(qpdf_oh_is_string) \
	X(qpdf_read) \
	X(qpdf_set_suppress_warnings) \
	X(qpdf_silence_errors)

static struct {
#define X(f) __typeof__(f) *f;
	QPDF_FUNCTIONS(X)
#undef X
} Q;

/* Opens libqpdf and looks up the functions above.  Returns the library's
 * handle for dlclose, or NULL after reporting to d. */
static void *open_qpdf(const char *path, diag *d)
{
	void *lib = dlopen(QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		diag_error(d, NULL, "%s: reading a PDF needs libqpdf (%s): %s", path, QPDF_SONAME,
		           dlerror());
		return NULL;
	}
#define X(f)                                                                                       \
	if (!(*(void **)&Q.f = dlsym(lib, #f))) {                                                  \
		diag_error(d, NULL, "%s: %s has no function %s", path, QPDF_SONAME, #f);          \
		dlclose(lib);                                                                      \
		return NULL;                                                                       \
	}
	QPDF_FUNCTIONS(X)
#undef X
	return lib;
}

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
	if (!Q.qpdf_oh_is_dictionary(q, spec)) {
		diag_error(r->d, NULL, "%s: an embedded files entry is not a file specification",
		           r->path);
		r->failed = 1;
		return;
	}
	qpdf_oh name = Q.qpdf_oh_get_key(q, spec, "/UF");
	if (!Q.qpdf_oh_is_string(q, name))
		name = Q.qpdf_oh_get_key(q, spec, "/F");
	qpdf_oh ef = Q.qpdf_oh_get_key(q, spec, "/EF");
	qpdf_oh stream = Q.qpdf_oh_get_key(q, ef, "/UF");
	if (!Q.qpdf_oh_is_stream(q, stream))
		stream = Q.qpdf_oh_get_key(q, ef, "/F");
	if (!Q.qpdf_oh_is_string(q, name) || !Q.qpdf_oh_is_stream(q, stream)) {
		diag_error(r->d, NULL, "%s: an embedded file has no name or no contents", r->path);
		r->failed = 1;
		return;
	}
	size_t len = 0;
	const char *utf8 = Q.qpdf_oh_get_binary_utf8_value(q, name, &len);
	unsigned char *buf = NULL;
	size_t size = 0;
	QPDF_BOOL filtered = QPDF_FALSE;
	if (Q.qpdf_oh_get_stream_data(q, stream, qpdf_dl_specialized, &filtered, &buf, &size) !=
	            QPDF_SUCCESS ||
	    Q.qpdf_has_error(q) || !filtered) {
		qpdf_error e = Q.qpdf_get_error(q);
		diag_error(r->d, NULL, "%s: cannot decode the embedded file \"%.*s\": %s", r->path,
		           (int)len, utf8, e ? Q.qpdf_get_error_full_text(q, e) : "unknown error");
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
	qpdf_oh rel = Q.qpdf_oh_get_key(q, spec, "/AFRelationship");
	if (Q.qpdf_oh_is_name(q, rel)) {
		const char *s = Q.qpdf_oh_get_name(q, rel);
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
	qpdf_oh names = Q.qpdf_oh_get_key(q, node, "/Names");
	if (Q.qpdf_oh_is_array(q, names)) {
		int n = Q.qpdf_oh_get_array_n_items(q, names);
		for (int i = 0; i + 1 < n; i += 2)
			read_spec(r, Q.qpdf_oh_get_array_item(q, names, i + 1));
	}
	qpdf_oh kids = Q.qpdf_oh_get_key(q, node, "/Kids");
	if (Q.qpdf_oh_is_array(q, kids)) {
		int n = Q.qpdf_oh_get_array_n_items(q, kids);
		for (int i = 0; i < n; i++)
			read_node(r, Q.qpdf_oh_get_array_item(q, kids, i), depth + 1);
	}
}

int pdf_read_embedded(const char *path, pdf_embedded **out, size_t *n, diag *d)
{
	*out = NULL;
	*n = 0;
	void *lib = open_qpdf(path, d);
	if (!lib)
		return -1;
	struct reader r = {.q = Q.qpdf_init(), .path = path, .d = d};
	Q.qpdf_silence_errors(r.q);
	Q.qpdf_set_suppress_warnings(r.q, QPDF_TRUE);
	if (Q.qpdf_read(r.q, path, NULL) & QPDF_ERRORS) {
		qpdf_error e = Q.qpdf_get_error(r.q);
		diag_error(d, NULL, "%s: not a readable PDF: %s", path,
		           e ? Q.qpdf_get_error_full_text(r.q, e) : "unknown error");
		Q.qpdf_cleanup(&r.q);
		dlclose(lib);
		return -1;
	}
	qpdf_oh root = Q.qpdf_get_root(r.q);
	qpdf_oh tree = Q.qpdf_oh_get_key(r.q, Q.qpdf_oh_get_key(r.q, root, "/Names"), "/EmbeddedFiles");
	if (Q.qpdf_oh_is_dictionary(r.q, tree))
		read_node(&r, tree, 0);
	Q.qpdf_cleanup(&r.q);
	dlclose(lib);
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
