/*
 * digest.h - SHA-256 (FIPS 180-4) and MD5 (RFC 1321) message digests, by
 * nettle (which picks the CPU's SHA extensions itself when it has them).
 *
 * SHA-256 identifies the archived inputs and plugins; MD5 only fills the
 * /CheckSum of embedded files, which the PDF specification defines as MD5.
 * For a digest in pieces use nettle's own sha256_init/update/digest.
 */
#ifndef RAPPORT_DIGEST_H
#define RAPPORT_DIGEST_H

#include <stddef.h>

#include <nettle/md5.h>
#include <nettle/sha2.h>

#define SHA256_LEN SHA256_DIGEST_SIZE
#define MD5_LEN    MD5_DIGEST_SIZE

/* One-shot SHA-256 and MD5 of n bytes. */
void sha256(const void *data, size_t n, unsigned char out[SHA256_LEN]);
void md5(const void *data, size_t n, unsigned char out[MD5_LEN]);

/* Writes n bytes as 2n lowercase hex digits and a NUL into out (2n + 1). */
void digest_hex(const unsigned char *bytes, size_t n, char *out);
/* SHA-256 of n bytes as 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *data, size_t n, char out[2 * SHA256_LEN + 1]);

#endif
