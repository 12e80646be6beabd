/* src/node/buffer.c: base64 and hex both ways (Node's lenient decoding, capacities, 16-bit
 * input), UTF-8/ASCII validation, Node's search start rules and searches (bytes and 16-bit units),
 * pattern fills and byte swaps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "engine/utf8.h"
#include "node/buffer.h"

static size_t b64dec(const char *s, uint8_t *out, size_t cap) {
    return dx_base64_decode8((const uint8_t *)s, strlen(s), out, cap);
}

static void expect_b64(const char *in, const char *want_hex) {
    uint8_t out[64];
    size_t n = b64dec(in, out, sizeof out);
    char got[129] = {0};
    dx_hex_encode(out, n, got);
    if (strcmp(got, want_hex) != 0) {
        print_error("base64 '%s': got %s, want %s\n", in, got, want_hex);
        fail();
    }
}

static void test_base64_decode_lenient(void **state) {
    (void)state;
    expect_b64("aGVsbG8=", "68656c6c6f");
    expect_b64("aGVsbG8", "68656c6c6f");
    expect_b64(" aG\nVs\tbG8 ", "68656c6c6f");
    expect_b64("-_-_", "fbffbf");
    expect_b64("+/+/", "fbffbf");
    expect_b64("QQ==QUJD", "41");     /* stops at the first '=' */
    expect_b64("QUJ=QUJD", "4142");
    expect_b64("Q", "");              /* one sextet is no byte */
    expect_b64("QQ", "41");
    expect_b64("QUJ", "4142");
    expect_b64("*Q*U*J*D*", "414243"); /* junk is skipped inside groups */
    expect_b64("", "");
    expect_b64("====", "");
}

static void test_base64_decode_capacity(void **state) {
    (void)state;
    uint8_t out[8];
    memset(out, 0xEE, sizeof out);
    assert_int_equal(b64dec("QUJDREVG", out, 4), 4);
    assert_memory_equal(out, "ABCD", 4);
    assert_int_equal(out[4], 0xEE);
    assert_int_equal(b64dec("QU JDREVG", out, 2), 2);
    assert_int_equal(b64dec("QUJDREVG", out, 0), 0);
}

static void test_base64_decode16_uses_low_byte(void **state) {
    (void)state;
    /* U+0141 reads as 'A' (0x41), U+013D as '=' (0x3D), as in Node. */
    const uint16_t in[] = {'Q', 'U', 'J', 0x013D, 'Q', 'U', 'J', 'D'};
    uint8_t out[8];
    assert_int_equal(dx_base64_decode16(in, 8, out, sizeof out), 2);
    assert_memory_equal(out, "AB", 2);
    const uint16_t in2[] = {'Q', 0x0155, 'J', 'D'}; /* 0x55 = 'U' */
    assert_int_equal(dx_base64_decode16(in2, 4, out, sizeof out), 3);
    assert_memory_equal(out, "ABC", 3);
}

static void test_base64_encode(void **state) {
    (void)state;
    char out[64];
    const struct { const char *in, *std, *url; } rows[] = {
        {"", "", ""}, {"f", "Zg==", "Zg"}, {"fo", "Zm8=", "Zm8"}, {"foo", "Zm9v", "Zm9v"},
        {"foob", "Zm9vYg==", "Zm9vYg"}, {"fooba", "Zm9vYmE=", "Zm9vYmE"}, {"foobar", "Zm9vYmFy", "Zm9vYmFy"},
        {"\xfb\xff\xbf", "+/+/", "-_-_"}, {"\xff\xff\xff\xff\xff\xff\xff", "/////////w==", "_________w"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        size_t n = strlen(rows[i].in);
        assert_int_equal(dx_base64_encoded_length(n, false), strlen(rows[i].std));
        assert_int_equal(dx_base64_encoded_length(n, true), strlen(rows[i].url));
        size_t m = dx_base64_encode((const uint8_t *)rows[i].in, n, out, false);
        out[m] = 0;
        assert_string_equal(out, rows[i].std);
        m = dx_base64_encode((const uint8_t *)rows[i].in, n, out, true);
        out[m] = 0;
        assert_string_equal(out, rows[i].url);
    }
}

/* Encode then decode every length up to 300 of pseudo-random bytes. */
static void test_base64_round_trip(void **state) {
    (void)state;
    uint8_t in[300], back[300];
    char text[404];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof in; i++) {
        x = x * 1103515245u + 12345u;
        in[i] = (uint8_t)(x >> 16);
    }
    for (size_t n = 0; n <= sizeof in; n++) {
        for (int url = 0; url < 2; url++) {
            size_t m = dx_base64_encode(in, n, text, url);
            assert_int_equal(dx_base64_decode8((const uint8_t *)text, m, back, sizeof back), n);
            assert_memory_equal(back, in, n);
        }
    }
}

static void test_hex(void **state) {
    (void)state;
    char text[16];
    dx_hex_encode((const uint8_t *)"\x01\xab\xff", 3, text);
    assert_memory_equal(text, "01abff", 6);
    uint8_t out[8];
    assert_int_equal(dx_hex_decode8((const uint8_t *)"01AbfF", 6, out, 8), 3);
    assert_memory_equal(out, "\x01\xab\xff", 3);
    assert_int_equal(dx_hex_decode8((const uint8_t *)"0102zz03", 8, out, 8), 2);
    assert_int_equal(dx_hex_decode8((const uint8_t *)"abc", 3, out, 8), 1);
    assert_int_equal(dx_hex_decode8((const uint8_t *)"g0", 2, out, 8), 0);
    assert_int_equal(dx_hex_decode8((const uint8_t *)"010203", 6, out, 2), 2);
    const uint16_t wide[] = {'4', 0x0131, '4', '2'}; /* U+0131 reads as '1' */
    assert_int_equal(dx_hex_decode16(wide, 4, out, 8), 2);
    assert_memory_equal(out, "\x41\x42", 2);
}

static void test_is_utf8(void **state) {
    (void)state;
    const struct { const char *s; size_t n; bool ok; } rows[] = {
        {"", 0, true}, {"abc", 3, true}, {"\xc3\xa9", 2, true}, {"\xe2\x82\xac", 3, true},
        {"\xf0\x9f\x98\x80", 4, true}, {"\xf4\x8f\xbf\xbf", 4, true}, {"\xc0\x80", 2, false},
        {"\xc1\xbf", 2, false}, {"\xe0\x80\x80", 3, false}, {"\xed\xa0\x80", 3, false},
        {"\xf4\x90\x80\x80", 4, false}, {"\xf5\x80\x80\x80", 4, false}, {"\x80", 1, false},
        {"\xe2\x82", 2, false}, {"\xc3", 1, false}, {"aaaaaaaaaaaaaaaaaaaa\xff", 21, false},
        {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xc3\xa9", 41, true},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (dx_utf8_is_valid((const uint8_t *)rows[i].s, rows[i].n) != rows[i].ok) {
            print_error("row %zu: want %d\n", i, rows[i].ok);
            fail();
        }
    }
    uint8_t big[100];
    memset(big, 'a', sizeof big);
    assert_true((dx_ascii_prefix(big, sizeof big) == sizeof big));
    big[77] = 0x80;
    assert_false((dx_ascii_prefix(big, sizeof big) == sizeof big));
    assert_false(dx_utf8_is_valid(big, sizeof big));
    assert_true((dx_ascii_prefix(big, 77) == 77));
}

static void test_search_start(void **state) {
    (void)state;
    assert_int_equal(dx_buffer_search_start(6, 2, 2, true), 2);
    assert_int_equal(dx_buffer_search_start(6, -2, 2, true), 4);
    assert_int_equal(dx_buffer_search_start(6, -100, 2, true), 0);
    assert_int_equal(dx_buffer_search_start(6, -100, 2, false), -1);
    assert_int_equal(dx_buffer_search_start(6, -100, 0, false), 0);
    assert_int_equal(dx_buffer_search_start(6, 100, 2, true), -1);
    assert_int_equal(dx_buffer_search_start(6, 100, 2, false), 5);
    assert_int_equal(dx_buffer_search_start(6, 100, 0, true), 6);
}

static void test_search(void **state) {
    (void)state;
    const uint8_t *h = (const uint8_t *)"abcabcab";
    assert_int_equal(dx_buffer_search(h, 8, (const uint8_t *)"bc", 2, 0, true, false), 1);
    assert_int_equal(dx_buffer_search(h, 8, (const uint8_t *)"bc", 2, 2, true, false), 4);
    assert_int_equal(dx_buffer_search(h, 8, (const uint8_t *)"bc", 2, 5, true, false), -1);
    assert_int_equal(dx_buffer_search(h, 8, (const uint8_t *)"bc", 2, 7, false, false), 4);
    assert_int_equal(dx_buffer_search(h, 8, (const uint8_t *)"bc", 2, 3, false, false), 1);
    assert_int_equal(dx_buffer_search(h, 8, (const uint8_t *)"bc", 2, 0, false, false), -1);
    assert_int_equal(dx_buffer_search(h, 8, (const uint8_t *)"ab", 2, 0, false, false), 0);
    assert_int_equal(dx_buffer_search(h, 8, (const uint8_t *)"abcabcabc", 9, 0, true, false), -1);
    /* 16-bit units: a match at an odd byte position does not count. */
    const uint8_t u[] = {0, 'a', 0, 'a', 0, 'x', 'a', 0};
    assert_int_equal(dx_buffer_search(u, 8, (const uint8_t *)"a\0", 2, 0, true, true), 6);
    assert_int_equal(dx_buffer_search(u, 8, (const uint8_t *)"a\0", 2, 6, false, true), 6);
    assert_int_equal(dx_buffer_search(u, 8, (const uint8_t *)"a\0", 2, 4, false, true), -1);
    assert_int_equal(dx_buffer_search(u, 7, (const uint8_t *)"a\0", 2, 0, true, true), -1);
}

static void test_fill_and_swap(void **state) {
    (void)state;
    uint8_t b[11];
    dx_buffer_fill_pattern(b, sizeof b, (const uint8_t *)"abc", 3);
    assert_memory_equal(b, "abcabcabcab", 11);
    dx_buffer_fill_pattern(b, 2, (const uint8_t *)"xyz", 3);
    assert_memory_equal(b, "xycabcabcab", 11);
    dx_buffer_fill_pattern(b, 4, (const uint8_t *)"q", 1);
    assert_memory_equal(b, "qqqqbcabcab", 11);
    uint8_t s[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    dx_buffer_swap(s, 8, 2);
    assert_memory_equal(s, "\x02\x01\x04\x03\x06\x05\x08\x07", 8);
    dx_buffer_swap(s, 8, 2);
    dx_buffer_swap(s, 8, 4);
    assert_memory_equal(s, "\x04\x03\x02\x01\x08\x07\x06\x05", 8);
    dx_buffer_swap(s, 8, 4);
    dx_buffer_swap(s, 8, 8);
    assert_memory_equal(s, "\x08\x07\x06\x05\x04\x03\x02\x01", 8);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base64_decode_lenient),
        cmocka_unit_test(test_base64_decode_capacity),
        cmocka_unit_test(test_base64_decode16_uses_low_byte),
        cmocka_unit_test(test_base64_encode),
        cmocka_unit_test(test_base64_round_trip),
        cmocka_unit_test(test_hex),
        cmocka_unit_test(test_is_utf8),
        cmocka_unit_test(test_search_start),
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_fill_and_swap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
