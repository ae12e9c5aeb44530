/*
 * fontconfig.h - finding font files through fontconfig.
 */
#ifndef RAPPORT_FONTCONFIG_H
#define RAPPORT_FONTCONFIG_H

/* The path of an installed TrueType file whose name is `file` (no
 * directory), or NULL.  The caller frees the result. */
char *fc_find_file(const char *file);
/* The path of the TrueType file fontconfig picks for `family` ("DejaVu
 * Sans"), or NULL if it picks nothing or not a .ttf.  The caller frees it. */
char *fc_find_family(const char *family);

#endif
