/*
 * fontlist.c - parses fonts/fonts.list and finds the font files.
 */
#include "pdf/fontlist.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/file.h"
#include "pdf/fontconfig.h"

/* What the list said about one face. */
struct face_entry {
	char *file; /* as written */
	int line;   /* 0: not given */
};

struct parse {
	const char *list_path;
	char *base;  /* directory of the list file */
	char **dirs; /* search directories, resolved */
	size_t ndirs, dirs_cap;
	struct face_entry face[FACE_COUNT];
	diag *d;
	int errors;
};

static void error_at(struct parse *p, int line, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void error_at(struct parse *p, int line, const char *fmt, ...)
{
	diag_pos pos = {p->list_path, line, 0, ""};
	va_list ap;
	va_start(ap, fmt);
	diag_verror(p->d, &pos, fmt, ap);
	va_end(ap);
	p->errors++;
}

/* A path from the list: absolute as is, relative to the list's directory. */
static char *resolve(const struct parse *p, const char *path)
{
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (path[0] == '/' || strcmp(p->base, ".") == 0)
		return xstrdup(path);
	return path_join(p->base, path);
}

/* 1 if path is an existing regular file, 0 if absent, -1 if it exists but
 * cannot be used (errno set: EISDIR for a non-file, or from access()). */
static int usable_file(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0;
	if (!S_ISREG(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	if (access(path, R_OK) != 0)
		return -1;
	return 1;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Handles one line (already without its newline). */
static void parse_line(struct parse *p, char *s, int line)
{
	/* A '#' at the start or after white space begins a comment. */
	for (char *c = s; *c; c++) {
		if (*c == '#' && (c == s || is_blank(c[-1]))) {
			*c = '\0';
			break;
		}
	}
	size_t n = strlen(s);
	while (n > 0 && (is_blank(s[n - 1]) || s[n - 1] == '\r'))
		s[--n] = '\0';
	while (is_blank(*s))
		s++;
	if (*s == '\0')
		return;

	char *key = s;
	while (*s && !is_blank(*s))
		s++;
	if (*s)
		*s++ = '\0';
	while (is_blank(*s))
		s++;
	char *value = s; /* the rest of the line: may contain spaces */

	if (strcmp(key, "dir") == 0) {
		if (!*value) {
			error_at(p, line, "'dir' needs a directory");
			return;
		}
		GROW(p->dirs, p->dirs_cap, p->ndirs + 1);
		p->dirs[p->ndirs++] = resolve(p, value);
		return;
	}

	int f;
	for (f = 0; f < FACE_COUNT; f++)
		if (strcmp(key, face_name((face_id)f)) == 0)
			break;
	if (f == FACE_COUNT) {
		char names[256] = "";
		for (int i = 0; i < FACE_COUNT; i++) {
			strcat(names, ", ");
			strcat(names, face_name((face_id)i));
		}
		error_at(p, line, "unknown face or keyword '%s' (expected dir%s)", key, names);
		return;
	}
	if (p->face[f].line) {
		error_at(p, line, "face '%s' given twice (first on line %d)", key, p->face[f].line);
		return;
	}
	p->face[f].line = line; /* even if the value is missing: reported once */
	if (!*value) {
		error_at(p, line, "face '%s' needs a font file name", key);
		return;
	}
	p->face[f].file = xstrdup(value);
}

/* Finds the file of face f; returns its path or NULL after reporting. */
static char *find_face(struct parse *p, int f)
{
	const struct face_entry *e = &p->face[f];
	const char *name = face_name((face_id)f);

	if (strchr(e->file, '/')) {
		char *path = resolve(p, e->file);
		int r = usable_file(path);
		if (r > 0)
			return path;
		if (r == 0)
			error_at(p, e->line, "face '%s': font file '%s' not found (looked at %s)",
			         name, e->file, path);
		else
			error_at(p, e->line, "face '%s': font file %s cannot be read: %s", name,
			         path, strerror(errno));
		free(path);
		return NULL;
	}

	if (p->ndirs == 0) {
		error_at(p, e->line,
		         "face '%s': font file '%s' has no directory to search (add a 'dir' line "
		         "or give a path with a slash)",
		         name, e->file);
		return NULL;
	}
	for (size_t i = 0; i < p->ndirs; i++) {
		char *path = path_join(p->dirs[i], e->file);
		int r = usable_file(path);
		if (r > 0)
			return path;
		if (r < 0) {
			error_at(p, e->line, "face '%s': font file %s cannot be read: %s", name,
			         path, strerror(errno));
			free(path);
			return NULL;
		}
		free(path);
	}
	char *fc = fc_find_file(e->file);
	if (fc)
		return fc;

	/* Not found: name every directory searched. */
	size_t len = 1;
	for (size_t i = 0; i < p->ndirs; i++)
		len += strlen(p->dirs[i]) + 2;
	char *list = xmalloc(len);
	list[0] = '\0';
	for (size_t i = 0; i < p->ndirs; i++) {
		if (i)
			strcat(list, ", ");
		strcat(list, p->dirs[i]);
	}
	error_at(p, e->line, "face '%s': font file '%s' not found in %s", name, e->file, list);
	free(list);
	return NULL;
}

int font_list_load(font_list *fl, const char *list_path, diag *d)
{
	memset(fl, 0, sizeof(*fl));

	struct parse p;
	memset(&p, 0, sizeof(p));
	p.list_path = list_path;
	p.d = d;

	FILE *fp = fopen(list_path, "r");
	if (!fp) {
		int err = errno;
		error_at(&p, 0, "cannot open the fonts list: %s", strerror(err));
		return -1;
	}
	p.base = path_dir(list_path);

	char *buf = NULL;
	size_t cap = 0;
	ssize_t got;
	int line = 0;
	while ((got = getline(&buf, &cap, fp)) >= 0) {
		line++;
		size_t n = (size_t)got;
		if (n > 0 && buf[n - 1] == '\n')
			buf[--n] = '\0';
		if (strlen(buf) != n) {
			error_at(&p, line, "NUL byte in line");
			continue;
		}
		parse_line(&p, buf, line);
	}
	if (ferror(fp))
		error_at(&p, line, "read error: %s", strerror(errno));
	free(buf);
	fclose(fp);

	/* the fallback face may be left to fontconfig */
	char *fallback = NULL;
	if (!p.face[FACE_FALLBACK].line && !(fallback = fc_find_family("DejaVu Sans")))
		error_at(&p, 0, "no font file given for face 'fallback' and fontconfig has no "
		                "DejaVu Sans (fonts-dejavu-core)");
	for (int f = 0; f < FACE_COUNT; f++)
		if (!p.face[f].line && f != FACE_FALLBACK)
			error_at(&p, 0, "no font file given for face '%s'", face_name((face_id)f));

	if (!p.errors) {
		for (int f = 0; f < FACE_COUNT; f++)
			fl->path[f] = fallback && f == FACE_FALLBACK ? fallback : find_face(&p, f);
	} else {
		free(fallback);
	}

	int failed = p.errors != 0;
	for (int f = 0; f < FACE_COUNT; f++)
		free(p.face[f].file);
	for (size_t i = 0; i < p.ndirs; i++)
		free(p.dirs[i]);
	free(p.dirs);
	free(p.base);
	if (failed) {
		font_list_free(fl);
		return -1;
	}
	return 0;
}

void font_list_free(font_list *fl)
{
	for (int f = 0; f < FACE_COUNT; f++) {
		free(fl->path[f]);
		fl->path[f] = NULL;
	}
}
