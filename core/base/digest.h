/*
 * digest.h - SHA-256 (FIPS 180-4) and MD5 (RFC 1321) message digests.
 *
 * SHA-256 identifies the archived inputs and plugins; MD5 only fills the
 * /CheckSum of embedded files, which the PDF specification defines as MD5.
 * Incremental: init, update any number of times, final.
 */
#ifndef RAPPORT_DIGEST_H
#define RAPPORT_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32
#define MD5_LEN    16

typedef struct sha256_ctx {
	uint32_t h[8];
	uint64_t len; /* bytes hashed so far */
	unsigned char buf[64];
	size_t nbuf;
} sha256_ctx;

typedef struct md5_ctx {
	uint32_t h[4];
	uint64_t len;
	unsigned char buf[64];
	size_t nbuf;
} md5_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t n);
void sha256_final(sha256_ctx *c, unsigned char out[SHA256_LEN]);
/* One-shot SHA-256 of n bytes. */
void sha256(const void *data, size_t n, unsigned char out[SHA256_LEN]);
/* Tests: yes = 1 makes SHA-256 use the portable code even where the CPU's
 * SHA extensions would be used; returns whether they were in use before. */
int sha256_use_portable(int yes);

void md5_init(md5_ctx *c);
void md5_update(md5_ctx *c, const void *data, size_t n);
void md5_final(md5_ctx *c, unsigned char out[MD5_LEN]);
void md5(const void *data, size_t n, unsigned char out[MD5_LEN]);

/* Writes n bytes as 2n lowercase hex digits and a NUL into out (2n + 1). */
void digest_hex(const unsigned char *bytes, size_t n, char *out);
/* SHA-256 of n bytes as 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *data, size_t n, char out[2 * SHA256_LEN + 1]);

#endif
