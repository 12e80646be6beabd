/* dx_utf8_to_utf16: valid text of every length, and every class of ill-formed input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "engine/utf8.h"

typedef struct { const char *name; const char *in; size_t len; uint16_t want[8]; size_t nwant; } row;

#define R(name, bytes, ...) { name, bytes, sizeof(bytes) - 1, { __VA_ARGS__ }, sizeof((uint16_t[]){ __VA_ARGS__ }) / 2 }

static const row rows[] = {
    R("ascii", "ab", 'a', 'b'),
    R("two-byte", "\xC3\xA9", 0xE9),
    R("three-byte", "\xE2\x82\xAC", 0x20AC),
    R("four-byte gives a surrogate pair", "\xF0\x9F\x98\x80", 0xD83D, 0xDE00),
    R("max code point", "\xF4\x8F\xBF\xBF", 0xDBFF, 0xDFFF),
    R("lone continuation byte", "\x80", 0xFFFD),
    R("invalid lead bytes C0 C1 F5 FF", "\xC0\xC1\xF5\xFF", 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD),
    R("overlong three-byte is two errors per byte after the lead", "\xE0\x80\x80", 0xFFFD, 0xFFFD, 0xFFFD),
    R("surrogate encoded in UTF-8", "\xED\xA0\x80", 0xFFFD, 0xFFFD, 0xFFFD),
    R("above U+10FFFF", "\xF4\x90\x80\x80", 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD),
    R("truncated sequence then ascii: one replacement (maximal subpart)", "\xE2\x82" "a", 0xFFFD, 'a'),
    R("truncated at end of input", "\xF0\x9F\x98", 0xFFFD),
    R("continuation missing in the middle", "\xE2" "a\x82", 0xFFFD, 'a', 0xFFFD),
};

static void test_rows(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        uint16_t out[16];
        size_t n = dx_utf8_to_utf16((const unsigned char *)rows[i].in, rows[i].len, out);
        if (n != rows[i].nwant || memcmp(out, rows[i].want, n * 2) != 0) {
            print_error("row '%s': got %zu units, want %zu\n", rows[i].name, n, rows[i].nwant);
            fail();
        }
    }
}

/* Every code point encoded by a reference encoder decodes back to itself. */
static void test_round_trip_all_code_points(void **state) {
    (void)state;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        unsigned char b[4];
        size_t len;
        if (cp < 0x80) { b[0] = (unsigned char)cp; len = 1; }
        else if (cp < 0x800) { b[0] = 0xC0 | (cp >> 6); b[1] = 0x80 | (cp & 0x3F); len = 2; }
        else if (cp < 0x10000) { b[0] = 0xE0 | (cp >> 12); b[1] = 0x80 | ((cp >> 6) & 0x3F); b[2] = 0x80 | (cp & 0x3F); len = 3; }
        else { b[0] = 0xF0 | (cp >> 18); b[1] = 0x80 | ((cp >> 12) & 0x3F); b[2] = 0x80 | ((cp >> 6) & 0x3F); b[3] = 0x80 | (cp & 0x3F); len = 4; }
        uint16_t out[4];
        size_t n = dx_utf8_to_utf16(b, len, out);
        uint32_t got = n == 2 ? 0x10000 + ((uint32_t)(out[0] - 0xD800) << 10) + (out[1] - 0xDC00) : out[0];
        if (got != cp || n != (cp >= 0x10000 ? 2u : 1u)) {
            print_error("U+%04X decoded to U+%04X\n", cp, got);
            fail();
        }
    }
}

/* Output never exceeds the input length, whatever the bytes (checked on pseudo-random input). */
static void test_output_bounded(void **state) {
    (void)state;
    uint32_t x = 12345;
    unsigned char in[64];
    uint16_t out[64];
    for (int iter = 0; iter < 200000; iter++) {
        size_t len = (x % 64) + 1;
        for (size_t i = 0; i < len; i++) { x = x * 1103515245 + 12345; in[i] = (unsigned char)(x >> 16); }
        size_t n = dx_utf8_to_utf16(in, len, out);
        assert_true(n <= len);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows),
        cmocka_unit_test(test_round_trip_all_code_points),
        cmocka_unit_test(test_output_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
