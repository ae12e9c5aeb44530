/*
 * test_digest.c - SHA-256 and MD5 against the published test vectors
 * (FIPS 180-4 examples / NIST CAVS, RFC 1321 appendix A.5), whole and fed in
 * uneven pieces across block boundaries; then again with nettle's portable
 * code (the program runs itself once more with NETTLE_FAT_OVERRIDE=none, as
 * nettle chooses the CPU's SHA extensions when it is loaded).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/digest.h"

static char *sha_of(const char *s, size_t n)
{
	static char hex[2 * SHA256_LEN + 1];
	unsigned char h[SHA256_LEN];
	sha256(s, n, h);
	digest_hex(h, SHA256_LEN, hex);
	return hex;
}

static char *md5_of(const char *s)
{
	static char hex[2 * MD5_LEN + 1];
	unsigned char h[MD5_LEN];
	md5(s, strlen(s), h);
	digest_hex(h, MD5_LEN, hex);
	return hex;
}

static void test_sha256_vectors(void **state)
{
	(void)state;
	assert_string_equal(sha_of("", 0),
	                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_string_equal(sha_of("abc", 3),
	                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	assert_string_equal(sha_of(two, strlen(two)),
	                    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	                   "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	assert_string_equal(sha_of(four, strlen(four)),
	                    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
	/* 55, 56 and 64 bytes: the padding needs one block, two blocks, a full one */
	char a[64];
	memset(a, 'a', sizeof(a));
	assert_string_equal(sha_of(a, 55),
	                    "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
	assert_string_equal(sha_of(a, 56),
	                    "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
	assert_string_equal(sha_of(a, 64),
	                    "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

static void test_sha256_million_in_pieces(void **state)
{
	(void)state;
	size_t n = 1000000;
	char *m = malloc(n);
	assert_non_null(m);
	memset(m, 'a', n);
	assert_string_equal(sha_of(m, n),
	                    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	struct sha256_ctx c;
	sha256_init(&c);
	for (size_t at = 0, step = 1; at < n; at += step, step = step % 97 + 1)
		sha256_update(&c, at + step <= n ? step : n - at, (const uint8_t *)m + at);
	unsigned char h[SHA256_LEN];
	char hex[2 * SHA256_LEN + 1];
	sha256_digest(&c, SHA256_LEN, h);
	digest_hex(h, SHA256_LEN, hex);
	assert_string_equal(hex,
	                    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(m);
}

static void test_md5_vectors(void **state)
{
	(void)state;
	assert_string_equal(md5_of(""), "d41d8cd98f00b204e9800998ecf8427e");
	assert_string_equal(md5_of("a"), "0cc175b9c0f1b6a831c399e269772661");
	assert_string_equal(md5_of("abc"), "900150983cd24fb0d6963f7d28e17f72");
	assert_string_equal(md5_of("message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
	assert_string_equal(md5_of("abcdefghijklmnopqrstuvwxyz"),
	                    "c3fcd3d76192e4007dfb496cca67e13b");
	assert_string_equal(
	        md5_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
	        "d174ab98d277d9f5a5611c2c9f419d9f");
	assert_string_equal(md5_of("1234567890123456789012345678901234567890123456789012345678"
	                           "9012345678901234567890"),
	                    "57edf4a22be3c955ac49da2e2107b67a");
}

int main(int argc, char **argv)
{
	(void)argc;
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_sha256_vectors),
	        cmocka_unit_test(test_sha256_million_in_pieces),
	        cmocka_unit_test(test_md5_vectors),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	if (failed || getenv("NETTLE_FAT_OVERRIDE"))
		return failed;
	/* once more through the portable code */
	setenv("NETTLE_FAT_OVERRIDE", "none", 1);
	execv("/proc/self/exe", argv);
	perror("test_digest: /proc/self/exe");
	return 1;
}
