/*
 * digest.c - one-shot SHA-256 and MD5 through nettle, and their hex form.
 */
#include "base/digest.h"

#include <nettle/base16.h>

void sha256(const void *data, size_t n, unsigned char out[SHA256_LEN])
{
	struct sha256_ctx c;
	sha256_init(&c);
	sha256_update(&c, n, data);
	sha256_digest(&c, SHA256_LEN, out);
}

void md5(const void *data, size_t n, unsigned char out[MD5_LEN])
{
	struct md5_ctx c;
	md5_init(&c);
	md5_update(&c, n, data);
	md5_digest(&c, MD5_LEN, out);
}

void digest_hex(const unsigned char *bytes, size_t n, char *out)
{
	base16_encode_update(out, n, bytes); /* lowercase */
	out[2 * n] = '\0';
}

void sha256_hex(const void *data, size_t n, char out[2 * SHA256_LEN + 1])
{
	unsigned char h[SHA256_LEN];
	sha256(data, n, h);
	digest_hex(h, SHA256_LEN, out);
}
