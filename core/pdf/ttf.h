/*
 * ttf.h - small rewrites of a TrueType font program before it is embedded.
 *
 * libharu 2.3.0 subsets only the glyf table of an embedded TrueType font and
 * copies the rest whole.  The biggest of the rest is 'post' with a name for
 * every glyph (27 KB of Liberation Serif's 68 KB embedded program), which a
 * CIDFontType2 font never uses: glyphs are found through the CIDToGIDMap.
 */
#ifndef RAPPORT_TTF_H
#define RAPPORT_TTF_H

#include <stddef.h>
#include <stdint.h>

/* Rewrites the sfnt font program in[0..len) with its 'post' table reduced to
 * version 3.0 (the same metrics, no glyph names), table checksums and the
 * head table's checkSumAdjustment recomputed.  Returns a malloc'ed program
 * and its length in *out_len, or NULL if `in` is not a well-formed sfnt
 * (the caller then keeps the original). */
uint8_t *ttf_drop_glyph_names(const uint8_t *in, size_t len, size_t *out_len);

#endif
