/*
 * archive.h - a report PDF as its own archive: the inputs embedded in it
 * with a manifest, and the commands that get them back out and rebuild.
 *
 * The manifest (rapport-manifest.json, embedded beside the inputs) records
 * how the PDF was made: each input's name, role, size and SHA-256, the build
 * options (year, language, SOURCE_DATE_EPOCH), the rapport and libharu
 * versions, every plugin loaded (section type, version, file, SHA-256) and
 * the fonts and ICC profile embedded (file, SHA-256).  No absolute path is
 * recorded, so the same inputs give the same manifest anywhere.
 */
#ifndef RAPPORT_ARCHIVE_H
#define RAPPORT_ARCHIVE_H

#include "build.h"
#include "diag.h"
#include "pdf/pdf.h"
#include "plugin.h"
#include "report.h"

#define ARCHIVE_MANIFEST "rapport-manifest.json"

typedef struct archive archive;

/* Reads every input of report r (the definition, all its year files and the
 * nimages pictures it shows, by resolved path) and describes them, the
 * plugins of ps and the writer's fonts in a manifest.
 * Also reads SOURCE_DATE_EPOCH.  Returns NULL after reporting to d (an input
 * that cannot be read, two inputs with the same file name, a bad
 * SOURCE_DATE_EPOCH). */
archive *archive_collect(const report *r, const plugin_set *ps, const build_opts *o,
                         const pdf_writer *w, const char *const *images, size_t nimages,
                         diag *d);
/* The files to embed: the inputs (AFRelationship Source), then the manifest
 * (Supplement).  Valid until archive_free. */
const pdf_attachment *archive_files(const archive *a, size_t *n);
/* "YYYY-MM-DD HH:MM:SS" (UTC) from SOURCE_DATE_EPOCH, or NULL when unset. */
const char *archive_mod_date(const archive *a);
void archive_free(archive *a);

/* `rapport extract PDF -o DIR`: writes each embedded file into DIR (created
 * if missing), never overwriting a file, refusing names with '/' or "..",
 * and checks each input against the manifest's SHA-256.  Returns an exit
 * code. */
int archive_extract(const char *pdf, const char *dir, int quiet, diag *d);
/* `rapport verify PDF`: extracts into a temporary directory, rebuilds with
 * the recorded options (plugin directories and fonts list from o), and
 * compares the bytes.  Returns EXIT_OK when identical, EXIT_DIFFERS after
 * printing what differs (inputs, versions, plugins, fonts, bytes), or the
 * rebuild's exit code when it fails. */
int archive_verify(const char *pdf, const build_opts *o, diag *d);

#endif
