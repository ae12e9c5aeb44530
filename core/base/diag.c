/*
 * diag.c - diagnostics in the style of a compiler.
 *
 * One message is one line on stderr:
 *
 *   FILE:LINE:COL: error: PATH: message     everything known
 *   FILE:LINE:COL: error: message           no JSON path, or the root ("")
 *   FILE:LINE: error: message               no column
 *   FILE: error: message                    a file but no position
 *   rapport: error: message                 no file
 *
 * Warnings use "warning" instead of "error".  The root value's path is "",
 * which prints as nothing: a message about the root reads
 * "data.json:1:1: error: expected an object, found an array".
 *
 * A message repeated at the same place, and a second error about the same
 * value (see diag.h), are counted in d->duplicates and not reported again.
 *
 * After `limit` printed errors one more line says that output stops; from
 * then on messages (errors and warnings) are still counted and stored in
 * d->last, but nothing more is printed.  A limit of 0 or less means no limit.
 */
#include "base/diag.h"

#include <stdio.h>
#include <string.h>

#include "base/hash.h"

#define PROGRAM_NAME  "rapport"
#define DEFAULT_LIMIT 50

void diag_init(diag *d)
{
	memset(d, 0, sizeof *d);
	d->limit = DEFAULT_LIMIT;
}

/* Writes the "FILE:LINE:COL: severity: PATH: " prefix into buf. */
static void format_prefix(char *buf, size_t size, const char *severity, const diag_pos *pos)
{
	const char *file = pos ? pos->file : NULL;
	const char *path = pos ? pos->path : NULL;
	int n;

	if (file && *file && pos->line > 0 && pos->column > 0)
		n = snprintf(buf, size, "%s:%d:%d: ", file, pos->line, pos->column);
	else if (file && *file && pos->line > 0)
		n = snprintf(buf, size, "%s:%d: ", file, pos->line);
	else if (file && *file)
		n = snprintf(buf, size, "%s: ", file);
	else
		n = snprintf(buf, size, "%s: ", PROGRAM_NAME);
	if (n < 0 || (size_t)n >= size)
		return;
	if (path && *path)
		snprintf(buf + n, size - (size_t)n, "%s: %s: ", severity, path);
	else
		snprintf(buf + n, size - (size_t)n, "%s: ", severity);
}

/* Is printing still allowed?  Prints the "stopping output" line once, when
 * the error that goes over the limit arrives. */
static int may_print(diag *d, int is_error)
{
	if (d->quiet)
		return 0;
	if (d->limit <= 0 || d->errors <= d->limit)
		return 1;
	if (is_error && d->errors == d->limit + 1)
		fprintf(stderr, "%s: too many errors; stopping output\n", PROGRAM_NAME);
	return 0;
}

/* Has the same message been reported at the same place?  Remembers it if
 * not (up to the size of d->seen; later messages are never deduplicated). */
static int seen_before(diag *d, const char *prefix, const char *fmt, va_list ap)
{
	char msg[1024];
	va_list ap2;
	va_copy(ap2, ap);
	vsnprintf(msg, sizeof msg, fmt, ap2);
	va_end(ap2);
	size_t len = strlen(msg);
	const char *who = strstr(msg, " (section type ");
	if (who && msg[len - 1] == ')' && !strchr(who + 2, '('))
		len = (size_t)(who - msg);
	uint64_t h = fnv_bytes(fnv_str(FNV_BASIS, prefix), msg, len);
	for (int i = 0; i < d->nseen; i++)
		if (d->seen[i] == h)
			return 1;
	if (d->nseen < (int)(sizeof d->seen / sizeof d->seen[0]))
		d->seen[d->nseen++] = h;
	return 0;
}

/* Is one of the paths a, b the other or a part of it ("x.y" and "x.y.z" or
 * "x.y[2]")? */
static int same_value(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > lb) {
		const char *t = a;
		a = b;
		b = t;
		la = lb;
	}
	return strncmp(a, b, la) == 0 && (b[la] == '\0' || b[la] == '.' || b[la] == '[');
}

/* Has an error about the same value been reported?  Remembers this one if
 * not.  Only errors with a line and column take part. */
static int value_reported(diag *d, const diag_pos *pos)
{
	if (!pos || !pos->file || pos->line <= 0 || pos->column <= 0)
		return 0;
	uint64_t h = fnv_str(FNV_BASIS, pos->file);
	h = fnv_bytes(h, &pos->line, sizeof pos->line);
	h = fnv_bytes(h, &pos->column, sizeof pos->column);
	const char *path = pos->path ? pos->path : "";
	for (int i = 0; i < d->nvalues; i++)
		if (d->values[i].where == h && same_value(d->values[i].path, path))
			return 1;
	if (d->nvalues < (int)(sizeof d->values / sizeof d->values[0]) &&
	    strlen(path) < sizeof d->values[0].path) {
		d->values[d->nvalues].where = h;
		strcpy(d->values[d->nvalues].path, path);
		d->nvalues++;
	}
	return 0;
}

static void report(diag *d, int is_error, const diag_pos *pos, const char *fmt, va_list ap)
{
	const char *severity = is_error ? "error" : "warning";
	char prefix[8192];
	size_t plen;
	va_list ap2;

	format_prefix(prefix, sizeof prefix, severity, pos);
	if (d && (seen_before(d, prefix, fmt, ap) ||
	          (is_error && d->one_per_value && value_reported(d, pos)))) {
		d->duplicates++;
		return;
	}
	if (!d) {
		fputs(prefix, stderr);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
		return;
	}
	if (is_error)
		d->errors++;
	else
		d->warnings++;

	/* The stored copy may be truncated; the printed one never is. */
	va_copy(ap2, ap);
	plen = strlen(prefix);
	if (plen >= sizeof d->last)
		plen = sizeof d->last - 1;
	memcpy(d->last, prefix, plen);
	d->last[plen] = '\0';
	if (plen + 1 < sizeof d->last)
		vsnprintf(d->last + plen, sizeof d->last - plen, fmt, ap2);
	va_end(ap2);

	if (may_print(d, is_error)) {
		FILE *out = d->out ? d->out : stderr;
		fputs(prefix, out);
		vfprintf(out, fmt, ap);
		fputc('\n', out);
	}
}

void diag_merge(diag *d, const diag *from)
{
	d->errors += from->errors;
	d->warnings += from->warnings;
	d->duplicates += from->duplicates;
	if (from->last[0])
		memcpy(d->last, from->last, sizeof d->last);
}

void diag_verror(diag *d, const diag_pos *pos, const char *fmt, va_list ap)
{
	report(d, 1, pos, fmt, ap);
}

void diag_vwarning(diag *d, const diag_pos *pos, const char *fmt, va_list ap)
{
	report(d, 0, pos, fmt, ap);
}

void diag_error(diag *d, const diag_pos *pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(d, 1, pos, fmt, ap);
	va_end(ap);
}

void diag_warning(diag *d, const diag_pos *pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(d, 0, pos, fmt, ap);
	va_end(ap);
}
