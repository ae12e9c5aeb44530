/*
 * hpdf_mem.c - libharu's memory helpers, done by libc.
 *
 * libharu 2.3.0 copies and fills memory one byte per loop turn
 * (HPDF_MemCpy, HPDF_MemSet in hpdf_utils.c): every byte of every content
 * stream, font program and embedded file passes through them, twice or more.
 * libharu calls them through its procedure linkage table, so the
 * definitions below, in the program, take their place inside libharu too
 * (ELF symbol interposition).  Every program linked with libcore (rapport
 * and the tests alike) is linked so that they are pulled in and exported
 * (AM_LDFLAGS in Makefile.am).  Same contracts: the return value points
 * just past the last byte written.
 */
#include <hpdf.h>
#include <hpdf_utils.h>
#include <string.h>

HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	if (n)
		memmove(out, in, n);
	return out + n;
}

void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	if (n)
		memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}
