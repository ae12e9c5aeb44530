/*
 * digest.c - SHA-256 and MD5, written from FIPS 180-4 and RFC 1321.
 * Both process 64-byte blocks; they differ in byte order (SHA-256 is
 * big-endian, MD5 little-endian) and in the compression function.
 */
#include "base/digest.h"

#include <string.h>

static uint32_t rotr(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

static uint32_t rotl(uint32_t x, unsigned n)
{
	return (x << n) | (x >> (32 - n));
}

/* ------------------------------------------------------------ SHA-256 */

static const uint32_t K256[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2};

static void sha256_block(sha256_ctx *c, const unsigned char *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3], e = c->h[4], f = c->h[5],
	         g = c->h[6], h = c->h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) +
		              K256[i] + w[i];
		uint32_t t2 =
		        (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & cc) ^ (b & cc));
		h = g;
		g = f;
		f = e;
		e = d + t1;
		d = cc;
		cc = b;
		b = a;
		a = t1 + t2;
	}
	c->h[0] += a;
	c->h[1] += b;
	c->h[2] += cc;
	c->h[3] += d;
	c->h[4] += e;
	c->h[5] += f;
	c->h[6] += g;
	c->h[7] += h;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>

/* The same compression with the x86 SHA extensions (SHA-NI), for CPUs that
 * have them: hashing the fonts, plugins and ICC profile for the archive
 * manifest (3.4 MB) was half of the instructions of building the bundled
 * report with the portable code.  The state is kept in the instructions'
 * order, ABEF and CDGH; each SHA256RNDS2 does two rounds with the low half
 * of the message-plus-constant vector. */
__attribute__((target("sha,sse4.1,ssse3"))) static void
sha256_blocks_ni(uint32_t h[8], const unsigned char *p, size_t nblocks)
{
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
	__m128i dcba = _mm_loadu_si128((const __m128i *)&h[0]);
	__m128i hgfe = _mm_loadu_si128((const __m128i *)&h[4]);
	__m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
	__m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
	__m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
	__m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

	for (; nblocks > 0; nblocks--, p += 64) {
		__m128i abef0 = abef, cdgh0 = cdgh, m[16];
		for (int i = 0; i < 16; i++) {
			if (i < 4) {
				m[i] = _mm_shuffle_epi8(
				        _mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap);
			} else { /* W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16] */
				__m128i x = _mm_sha256msg1_epu32(m[i - 4], m[i - 3]);
				x = _mm_add_epi32(x, _mm_alignr_epi8(m[i - 1], m[i - 2], 4));
				m[i] = _mm_sha256msg2_epu32(x, m[i - 1]);
			}
			__m128i wk =
			        _mm_add_epi32(m[i], _mm_loadu_si128((const __m128i *)&K256[4 * i]));
			/* two rounds: the old ABEF is the new CDGH; two more */
			cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
			wk = _mm_shuffle_epi32(wk, 0x0E);
			abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);
		}
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	__m128i feba = _mm_shuffle_epi32(abef, 0x1B);
	__m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
	_mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(feba, dchg, 0xF0));
	_mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(dchg, feba, 8));
}

static int sha_ni = -1; /* -1: not asked yet */

/* Does this CPU have the SHA extensions (and SSE4.1, SSSE3)?  Asked once. */
static int have_sha_ni(void)
{
	int known = sha_ni;
	if (known < 0) {
		unsigned a, b, c, d;
		int sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));
		int sse = __get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 19)) && (c & (1u << 9));
		known = sha_ni = sha && sse;
	}
	return known;
}
#endif

int sha256_use_portable(int yes)
{
#if defined(__x86_64__) && defined(__GNUC__)
	int was = have_sha_ni();
	if (yes)
		sha_ni = 0;
	else
		sha_ni = -1;
	return was;
#else
	(void)yes;
	return 0;
#endif
}

/* Compresses n whole blocks at p into c->h. */
static void sha256_blocks(sha256_ctx *c, const unsigned char *p, size_t n)
{
#if defined(__x86_64__) && defined(__GNUC__)
	if (have_sha_ni()) {
		sha256_blocks_ni(c->h, p, n);
		return;
	}
#endif
	for (; n > 0; n--, p += 64)
		sha256_block(c, p);
}

void sha256_init(sha256_ctx *c)
{
	static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	memcpy(c->h, iv, sizeof(iv));
	c->len = 0;
	c->nbuf = 0;
}

void sha256_update(sha256_ctx *c, const void *data, size_t n)
{
	const unsigned char *p = data;
	c->len += n;
	while (n > 0) {
		if (c->nbuf == 0 && n >= 64) {
			size_t whole = n / 64;
			sha256_blocks(c, p, whole);
			p += 64 * whole;
			n -= 64 * whole;
			continue;
		}
		size_t k = 64 - c->nbuf < n ? 64 - c->nbuf : n;
		memcpy(c->buf + c->nbuf, p, k);
		c->nbuf += k;
		p += k;
		n -= k;
		if (c->nbuf == 64) {
			sha256_blocks(c, c->buf, 1);
			c->nbuf = 0;
		}
	}
}

void sha256_final(sha256_ctx *c, unsigned char out[SHA256_LEN])
{
	uint64_t bits = c->len * 8;
	unsigned char pad[72] = {0x80};
	size_t npad = (c->nbuf < 56 ? 56 : 120) - c->nbuf;
	for (int i = 0; i < 8; i++)
		pad[npad + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_update(c, pad, npad + 8);
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 4; j++)
			out[4 * i + j] = (unsigned char)(c->h[i] >> (24 - 8 * j));
}

void sha256(const void *data, size_t n, unsigned char out[SHA256_LEN])
{
	sha256_ctx c;
	sha256_init(&c);
	sha256_update(&c, data, n);
	sha256_final(&c, out);
}

/* ---------------------------------------------------------------- MD5 */

static const uint32_t KMD5[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613,
        0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193,
        0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d,
        0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
        0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
        0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
        0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244,
        0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
        0xeb86d391};

/* Left-rotation amounts, four per round. */
static const unsigned SMD5[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

static void md5_block(md5_ctx *c, const unsigned char *p)
{
	uint32_t x[16];
	for (int i = 0; i < 16; i++)
		x[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 |
		       (uint32_t)p[4 * i + 2] << 16 | (uint32_t)p[4 * i + 3] << 24;
	uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3];
	for (int i = 0; i < 64; i++) {
		uint32_t f;
		int g;
		switch (i / 16) {
		case 0:
			f = (b & cc) | (~b & d);
			g = i;
			break;
		case 1:
			f = (d & b) | (~d & cc);
			g = (5 * i + 1) % 16;
			break;
		case 2:
			f = b ^ cc ^ d;
			g = (3 * i + 5) % 16;
			break;
		default:
			f = cc ^ (b | ~d);
			g = (7 * i) % 16;
			break;
		}
		uint32_t t = d;
		d = cc;
		cc = b;
		b = b + rotl(a + f + KMD5[i] + x[g], SMD5[(i / 16) * 4 + i % 4]);
		a = t;
	}
	c->h[0] += a;
	c->h[1] += b;
	c->h[2] += cc;
	c->h[3] += d;
}

void md5_init(md5_ctx *c)
{
	c->h[0] = 0x67452301;
	c->h[1] = 0xefcdab89;
	c->h[2] = 0x98badcfe;
	c->h[3] = 0x10325476;
	c->len = 0;
	c->nbuf = 0;
}

void md5_update(md5_ctx *c, const void *data, size_t n)
{
	const unsigned char *p = data;
	c->len += n;
	while (n > 0) {
		size_t k = 64 - c->nbuf < n ? 64 - c->nbuf : n;
		memcpy(c->buf + c->nbuf, p, k);
		c->nbuf += k;
		p += k;
		n -= k;
		if (c->nbuf == 64) {
			md5_block(c, c->buf);
			c->nbuf = 0;
		}
	}
}

void md5_final(md5_ctx *c, unsigned char out[MD5_LEN])
{
	uint64_t bits = c->len * 8;
	unsigned char pad[72] = {0x80};
	size_t npad = (c->nbuf < 56 ? 56 : 120) - c->nbuf;
	for (int i = 0; i < 8; i++)
		pad[npad + (size_t)i] = (unsigned char)(bits >> (8 * i));
	md5_update(c, pad, npad + 8);
	for (int i = 0; i < 4; i++)
		for (int j = 0; j < 4; j++)
			out[4 * i + j] = (unsigned char)(c->h[i] >> (8 * j));
}

void md5(const void *data, size_t n, unsigned char out[MD5_LEN])
{
	md5_ctx c;
	md5_init(&c);
	md5_update(&c, data, n);
	md5_final(&c, out);
}

void digest_hex(const unsigned char *bytes, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[bytes[i] >> 4];
		out[2 * i + 1] = hex[bytes[i] & 15];
	}
	out[2 * n] = '\0';
}

void sha256_hex(const void *data, size_t n, char out[2 * SHA256_LEN + 1])
{
	unsigned char h[SHA256_LEN];
	sha256(data, n, h);
	digest_hex(h, SHA256_LEN, out);
}
