/*
 * tounicode.h - replaces libharu 2.3.0's invalid /ToUnicode CMaps.
 *
 * libharu attaches to every Type0 (Identity-H) font a code-to-CID CMap as
 * /ToUnicode (CMapType 1, notdefrange, begincidrange), which a ToUnicode CMap
 * must not contain.  Our text codes are UCS-2 code points, so the correct map
 * is the identity, written here as a CMapType 2 Adobe-Identity-UCS CMap made
 * of bfrange blocks.  Private to the PDF writer.
 */
#ifndef RAPPORT_TOUNICODE_H
#define RAPPORT_TOUNICODE_H

#include <hpdf.h>

/* Rewrites the /ToUnicode stream of every Type0 TrueType font created so far
 * in pdf (call it just before saving).  Idempotent.  Returns HPDF_OK or a
 * libharu error code. */
HPDF_STATUS tounicode_fix(HPDF_Doc pdf);

#endif
