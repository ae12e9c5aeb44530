/*
 * ttf.h - small rewrites of a TrueType font program before it is embedded.
 *
 * libharu 2.3.0 subsets only the glyf table of an embedded TrueType font and
 * copies the rest whole.  The biggest of the rest is 'post' with a name for
 * every glyph (27 KB of Liberation Serif's 68 KB embedded program), which a
 * CIDFontType2 font never uses: glyphs are found through the CIDToGIDMap.
 * rapport therefore embeds subsets it makes itself (ttf_subset), and falls
 * back to libharu's program without glyph names (ttf_drop_glyph_names) for
 * a font the subsetter does not take.
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

/* A subset of a TrueType font program: only some of its glyphs, renumbered
 * from 0 (the .notdef glyph) in their original order.  Kept: glyph 0, every
 * glyph with keep[gid] set (keep has num_glyphs entries, see
 * ttf_num_glyphs), and the parts of each kept composite glyph.  The program
 * has the tables a PDF viewer reads (head, hhea, maxp, hmtx, loca, glyf,
 * post 3.0 without names; cvt, fpgm, prep, gasp and OS/2 as they were; no
 * cmap: a CIDFontType2 font finds glyphs through its CIDToGIDMap).  On
 * success new_gid[old] is the new number of each kept glyph (0 for the
 * rest: .notdef), *out_len the length, and the malloc'ed program is
 * returned; NULL if `in` is not a well-formed TrueType program. */
uint8_t *ttf_subset(const uint8_t *in, size_t len, const uint8_t *keep, uint16_t *new_gid,
                    size_t *out_len);

/* The number of glyphs of the TrueType program in[0..len) (maxp), or 0. */
size_t ttf_num_glyphs(const uint8_t *in, size_t len);

#endif
