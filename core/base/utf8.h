/*
 * utf8.h - UTF-8, the one copy: strict decoding (RFC 3629), validation,
 * encoding, and cutting a string at a character boundary.
 */
#ifndef RAPPORT_UTF8_H
#define RAPPORT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 sequence at *s (advancing it); returns U+FFFD for an
 * invalid sequence, skipping its maximal subpart (at least one byte).  If
 * *s >= end, returns U+FFFD and leaves *s alone. */
uint32_t utf8_next(const char **s, const char *end);

/* Length of the valid UTF-8 sequence at p (left >= 1 bytes available): 1..4,
 * or 0 if the bytes there are not valid UTF-8 (overlong forms, surrogates
 * and code points above U+10FFFF are invalid). */
size_t utf8_valid_len(const unsigned char *p, size_t left);

/* Writes cp (at most U+10FFFF) as UTF-8 into out, which has room for 4
 * bytes; returns the number of bytes written, 1..4 (not NUL-terminated). */
size_t utf8_encode(uint32_t cp, char *out);

/* Copies src into buf (size bytes), NUL-terminated; when it does not fit,
 * cuts it at a UTF-8 character boundary.  Returns buf. */
char *utf8_copy_trunc(char *buf, size_t size, const char *src);

#endif
