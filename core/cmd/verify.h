/*
 * verify.h - `rapport verify`.
 */
#ifndef RAPPORT_VERIFY_H
#define RAPPORT_VERIFY_H

#include "base/diag.h"
#include "pipeline/build.h"

/* `rapport verify PDF`: extracts into a temporary directory, rebuilds with
 * the recorded options (plugin directories and fonts list from o), and
 * compares the bytes.  Returns EXIT_OK when identical, EXIT_DIFFERS after
 * printing what differs (inputs, versions, plugins, fonts, bytes), or the
 * rebuild's exit code when it fails. */
int archive_verify(const char *pdf, const build_opts *o, diag *d);

#endif
