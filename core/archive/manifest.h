/*
 * manifest.h - a report PDF as its own archive: the inputs embedded in it
 * with a manifest that says how the PDF was made.
 *
 * The manifest (rapport-manifest.json, embedded beside the inputs) records
 * how the PDF was made: each input's name, role, size and SHA-256, the build
 * options (year, language, SOURCE_DATE_EPOCH), the versions of rapport and
 * of the libraries that shape the bytes (libharu, libdeflate, cJSON), every
 * plugin loaded (section type, version, file, ABI and API level: not the
 * .so's bytes, which differ between two builds of one source), and the
 * files that shape the output (fonts, hyphenation patterns, ICC profile:
 * file name and SHA-256).  No absolute path is recorded, so the same inputs
 * give the same manifest anywhere, and two builds of one release give the
 * same PDF.
 */
#ifndef RAPPORT_MANIFEST_H
#define RAPPORT_MANIFEST_H

#include "base/diag.h"
#include "base/i18n.h"
#include "pdf/pdf.h"
#include "plugin/loader.h"
#include "data/report.h"

#define ARCHIVE_MANIFEST "rapport-manifest.json"

typedef struct archive archive;

/* Reads every input of report r (the definition, all its year files and the
 * nimages pictures it shows, by resolved path) and describes them, the
 * build options (year, 0 for the whole period; lang), the plugins of ps and
 * the writer's fonts in a manifest.
 * Also reads SOURCE_DATE_EPOCH.  Returns NULL after reporting to d (an input
 * that cannot be read, two inputs with the same file name, a bad
 * SOURCE_DATE_EPOCH). */
archive *archive_collect(const report *r, const plugin_set *ps, int year, lang_id lang,
                         const pdf_writer *w, const char *const *images, size_t nimages,
                         diag *d);
/* The files to embed: the inputs (AFRelationship Source), then the manifest
 * (Supplement).  Valid until archive_free. */
const pdf_attachment *archive_files(const archive *a, size_t *n);
/* "YYYY-MM-DD HH:MM:SS" (UTC) from SOURCE_DATE_EPOCH, or NULL when unset. */
const char *archive_mod_date(const archive *a);
void archive_free(archive *a);

#endif
