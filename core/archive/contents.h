/*
 * contents.h - the embedded files of a rapport PDF and its manifest, read
 * back for `rapport extract` and `rapport verify`.
 */
#ifndef RAPPORT_CONTENTS_H
#define RAPPORT_CONTENTS_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "archive/manifest.h"
#include "base/diag.h"
#include "pdf/reader.h"

/* The embedded files of a PDF and its parsed manifest (NULL if none). */
typedef struct contents {
	pdf_embedded *files;
	size_t n;
	cJSON *manifest;
} contents;

/* Reads the embedded files of pdf and checks that each name is safe to
 * create in a directory.  Returns 0, or -1 after reporting to d. */
int contents_read(const char *pdf, contents *c, diag *d);
void contents_free(contents *c);
/* The embedded file called name, or NULL. */
const pdf_embedded *contents_find(const contents *c, const char *name);
/* Checks each input listed in the manifest against the embedded bytes.
 * Prints a line per problem (prefix, then what) and returns their number. */
int contents_check_inputs(const char *pdf, const contents *c, FILE *out);
/* Writes file f into dir without overwriting anything.  Returns 0, or -1
 * after reporting to d. */
int contents_write_new(const char *dir, const pdf_embedded *f, diag *d);
/* The string member key of a manifest object, or NULL. */
const char *manifest_str(const cJSON *o, const char *key);


#endif
