/*
 * fontlist.h - reads fonts/fonts.list: which font file each face uses.
 *
 * Format (see fonts/fonts.list itself):
 *   # comment                  to the end of the line
 *   dir  DIRECTORY             a directory to search, in the order given
 *   FACE FILE                  the file for a face (serif, serif-bold, ...)
 * A bare FILE name is looked up in the directories, first match wins; a FILE
 * (or DIRECTORY) containing a slash is used as given, relative paths being
 * relative to the directory of the list file.  A bare FILE found in no
 * directory is looked up by name in fontconfig.  Every face must be given
 * once, except "fallback": without it fontconfig's "DejaVu Sans" is used.
 */
#ifndef RAPPORT_FONTLIST_H
#define RAPPORT_FONTLIST_H

#include "base/diag.h"
#include "text/fonts.h"

typedef struct font_list {
	char *path[FACE_COUNT]; /* resolved path of each face's file (malloc'd) */
} font_list;

/* Parses the list file at list_path and resolves every face to an existing,
 * readable file.  All problems are reported to d (syntax errors with the list
 * file and line; a missing font with the face, the file name and the
 * directories searched).  Returns 0, or -1 with fl left empty. */
int font_list_load(font_list *fl, const char *list_path, diag *d);

/* Releases the paths; safe on a zeroed or already freed list. */
void font_list_free(font_list *fl);

#endif
