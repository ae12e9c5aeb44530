/*
 * fontconfig.c - font files by name or family from fontconfig's cache.
 */
#include "pdf/fontconfig.h"

#include <fontconfig/fontconfig.h>
#include <string.h>

#include "base/arena.h"
#include "base/file.h"

static int is_ttf(const char *path)
{
	size_t n = strlen(path);
	return n > 4 && (!strcmp(path + n - 4, ".ttf") || !strcmp(path + n - 4, ".TTF"));
}

char *fc_find_file(const char *file)
{
	if (!FcInit())
		return NULL;
	FcPattern *pat = FcPatternCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_FILE, (char *)0);
	FcFontSet *set = pat && os ? FcFontList(NULL, pat, os) : NULL;
	char *found = NULL;
	for (int i = 0; set && i < set->nfont && !found; i++) {
		FcChar8 *path;
		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &path) != FcResultMatch)
			continue;
		if (strchr((const char *)path, '/') && !strcmp(path_base((const char *)path), file))
			found = xstrdup((const char *)path);
	}
	if (set)
		FcFontSetDestroy(set);
	if (os)
		FcObjectSetDestroy(os);
	if (pat)
		FcPatternDestroy(pat);
	return found;
}

char *fc_find_family(const char *family)
{
	if (!FcInit())
		return NULL;
	FcPattern *pat = FcNameParse((const FcChar8 *)family);
	if (!pat)
		return NULL;
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult res;
	FcPattern *match = FcFontMatch(NULL, pat, &res);
	char *found = NULL;
	FcChar8 *path, *fam;
	if (match && FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch &&
	    FcPatternGetString(match, FC_FAMILY, 0, &fam) == FcResultMatch &&
	    !strcmp((const char *)fam, family) && is_ttf((const char *)path))
		found = xstrdup((const char *)path);
	if (match)
		FcPatternDestroy(match);
	FcPatternDestroy(pat);
	return found;
}
