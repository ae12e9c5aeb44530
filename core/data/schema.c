/*
 * schema.c - the generic checker behind the declared fields (schema.h).
 */
#include "data/schema.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/suggest.h"

/* Data nested deeper than this is not declared by any field list; it also
 * bounds the recursion (the loader limits nesting to JSON_MAX_DEPTH). */
#define SCHEMA_MAX_DEPTH JSON_MAX_DEPTH

static int check_value(const jnode *n, const rapport_field *f, diag *d, const char *who, int depth);

/* diag_error/diag_warning with " (who)" appended. */
static void report(diag *d, int is_error, const diag_pos *pos, const char *who, const char *fmt,
                   ...) __attribute__((format(printf, 5, 6)));
static void report(diag *d, int is_error, const diag_pos *pos, const char *who, const char *fmt,
                   ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (is_error)
		diag_error(d, pos, "%s%s%s%s", msg, who ? " (" : "", who ? who : "",
		           who ? ")" : "");
	else
		diag_warning(d, pos, "%s%s%s%s", msg, who ? " (" : "", who ? who : "",
		             who ? ")" : "");
}

/* Writes a number without a needless exponent or trailing zeros. */
static const char *num(double v, char *buf, size_t size)
{
	if (fabs(v) < 1e15 && v == floor(v))
		snprintf(buf, size, "%.0f", v);
	else
		snprintf(buf, size, "%g", v);
	return buf;
}

static const char *type_name(int type)
{
	switch (type) {
	case RAPPORT_T_INT:
		return "a whole number";
	case RAPPORT_T_NUMBER:
		return "a number";
	case RAPPORT_T_STRING:
		return "a string";
	case RAPPORT_T_BOOL:
		return "true or false";
	case RAPPORT_T_ARRAY:
		return "an array";
	case RAPPORT_T_OBJECT:
		return "an object";
	default:
		return "a value";
	}
}

/* "what is expected" for field f, as one phrase: "a whole number from 0 to
 * 100", "one of \"a\", \"b\"", "an array of 1 to 12 elements". */
static void describe(const rapport_field *f, char *buf, size_t size)
{
	char lo[32], hi[32];
	int ranged = f->min < f->max;
	num(f->min, lo, sizeof(lo));
	num(f->max, hi, sizeof(hi));
	if (f->type == RAPPORT_T_STRING && f->values) {
		size_t at = (size_t)snprintf(buf, size, "one of");
		for (size_t i = 0; f->values[i] && at < size; i++)
			at += (size_t)snprintf(buf + at, size - at, "%s \"%s\"", i ? "," : "",
			                       f->values[i]);
		return;
	}
	if (!ranged) {
		snprintf(buf, size, "%s", type_name(f->type));
		return;
	}
	switch (f->type) {
	case RAPPORT_T_INT:
	case RAPPORT_T_NUMBER:
		snprintf(buf, size, "%s from %s to %s", type_name(f->type), lo, hi);
		break;
	case RAPPORT_T_STRING:
		if (f->min == 1 && f->max >= 1e9)
			snprintf(buf, size, "a non-empty string");
		else
			snprintf(buf, size, "a string of %s to %s characters", lo, hi);
		break;
	case RAPPORT_T_ARRAY:
		if (f->min == 1 && f->max >= 1e9)
			snprintf(buf, size, "a non-empty array");
		else
			snprintf(buf, size, "an array of %s to %s elements", lo, hi);
		break;
	default:
		snprintf(buf, size, "%s", type_name(f->type));
	}
}

/* Is n of the declared type? */
static int type_ok(const jnode *n, int type)
{
	switch (type) {
	case RAPPORT_T_ANY:
		return jnode_kind(n) != J_MISSING;
	case RAPPORT_T_INT:
		return jnode_is_int(n);
	case RAPPORT_T_NUMBER:
		return jnode_kind(n) == J_NUMBER;
	case RAPPORT_T_STRING:
		return jnode_kind(n) == J_STRING;
	case RAPPORT_T_BOOL:
		return jnode_kind(n) == J_BOOL;
	case RAPPORT_T_ARRAY:
		return jnode_kind(n) == J_ARRAY;
	case RAPPORT_T_OBJECT:
		return jnode_kind(n) == J_OBJECT;
	default:
		return 0;
	}
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void wrong(const jnode *n, const rapport_field *f, diag *d, const char *who)
{
	char what[512], found[96];
	describe(f, what, sizeof(what));
	diag_pos pos = jnode_pos(n);
	if (jnode_kind(n) == J_ARRAY && f->type == RAPPORT_T_ARRAY && !jnode_length(n))
		snprintf(found, sizeof(found), "an empty array"); /* its length was wrong */
	else if (jnode_kind(n) == J_ARRAY && f->type == RAPPORT_T_ARRAY)
		snprintf(found, sizeof(found), "%zu elements", jnode_length(n));
	else
		jnode_describe(n, found, sizeof(found));
	report(d, 1, &pos, who, "expected %s, found %s", what, found);
}

static int check_elements(const jnode *arr, const rapport_field *f, diag *d, const char *who,
                          int depth)
{
	int errors = 0;
	size_t len = jnode_length(arr);
	if (f->fields) {
		rapport_field each = {.key = f->key, .type = RAPPORT_T_OBJECT, .fields = f->fields};
		for (size_t i = 0; i < len; i++)
			errors += check_value(jnode_at(arr, i), &each, d, who, depth + 1);
	} else if (f->items != RAPPORT_T_ANY) {
		rapport_field each = {.key = f->key, .type = f->items};
		for (size_t i = 0; i < len; i++)
			errors += check_value(jnode_at(arr, i), &each, d, who, depth + 1);
	}
	return errors;
}

const char *schema_suggest(const char *key, const rapport_field *fields)
{
	size_t n = 0;
	while (fields && fields[n].key)
		n++;
	const char **names = xcalloc(n + 1, sizeof(*names));
	for (size_t i = 0; i < n; i++)
		names[i] = strcmp(fields[i].key, "*") == 0 ? NULL : fields[i].key;
	const char *best = suggest_closest(key, names, n);
	free(names);
	return best;
}

static int is_identifier(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

static int check_members(const jnode *obj, const rapport_field *fields, diag *d, const char *who,
                         int depth)
{
	int errors = 0;
	const rapport_field *other = NULL;
	for (const rapport_field *f = fields; f->key; f++) {
		if (strcmp(f->key, "*") == 0) {
			other = f;
			continue;
		}
		const jnode *m = jnode_get(obj, f->key);
		if (m) {
			errors += check_value(m, f, d, who, depth + 1);
		} else if (f->required) {
			char what[512], path[1024];
			describe(f, what, sizeof(what));
			diag_pos pos = jnode_pos(obj);
			const char *base = pos.path ? pos.path : "";
			if (is_identifier(f->key))
				snprintf(path, sizeof(path), "%s%s%s", base, *base ? "." : "",
				         f->key);
			else
				snprintf(path, sizeof(path), "%s[\"%s\"]", base, f->key);
			pos.path = path;
			report(d, 1, &pos, who, "missing: expected %s", what);
			errors++;
		}
	}
	for (size_t i = 0; i < jnode_length(obj); i++) {
		const char *key = jnode_key_at(obj, i);
		int known = 0;
		for (const rapport_field *f = fields; f->key && !known; f++)
			known = strcmp(f->key, key) == 0;
		if (known)
			continue;
		if (other) {
			errors += check_value(jnode_at(obj, i), other, d, who, depth + 1);
			continue;
		}
		diag_pos pos = jnode_key_pos(jnode_at(obj, i));
		const char *near = schema_suggest(key, fields);
		if (near)
			report(d, 0, &pos, who, "unknown key \"%s\" ignored; did you mean \"%s\"?",
			       key, near);
		else
			report(d, 0, &pos, who, "unknown key \"%s\" ignored", key);
	}
	return errors;
}

static int check_value(const jnode *n, const rapport_field *f, diag *d, const char *who, int depth)
{
	if (depth > SCHEMA_MAX_DEPTH)
		return 0;
	if (!type_ok(n, f->type)) {
		wrong(n, f, d, who);
		return 1;
	}
	int ranged = f->min < f->max;
	switch (f->type) {
	case RAPPORT_T_INT:
	case RAPPORT_T_NUMBER: {
		double v = jnode_number(n, 0);
		if (ranged && (v < f->min || v > f->max)) {
			wrong(n, f, d, who);
			return 1;
		}
		return 0;
	}
	case RAPPORT_T_STRING: {
		const char *s = jnode_string(n, "");
		if (f->values) {
			for (size_t i = 0; f->values[i]; i++)
				if (strcmp(f->values[i], s) == 0)
					return 0;
			wrong(n, f, d, who);
			return 1;
		}
		double len = (double)utf8_chars(s);
		if (ranged && (len < f->min || len > f->max)) {
			wrong(n, f, d, who);
			return 1;
		}
		return 0;
	}
	case RAPPORT_T_ARRAY: {
		double len = (double)jnode_length(n);
		if (ranged && (len < f->min || len > f->max)) {
			wrong(n, f, d, who);
			return 1;
		}
		return check_elements(n, f, d, who, depth);
	}
	case RAPPORT_T_OBJECT:
		return f->fields ? check_members(n, f->fields, d, who, depth) : 0;
	default:
		return 0;
	}
}

int schema_check_value(const jnode *node, const rapport_field *field, diag *d, const char *who)
{
	return check_value(node, field, d, who, 0);
}

int schema_check(const jnode *node, const rapport_field *fields, diag *d, const char *who)
{
	rapport_field whole = {.key = "", .type = RAPPORT_T_OBJECT, .fields = fields};
	return check_value(node, &whole, d, who, 0);
}
