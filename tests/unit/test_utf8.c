/* dx_utf8_to_utf16: valid text of every length, and every class of ill-formed input; the vector
 * paths (utf8.h) against the scalar reference. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
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

/* ---- vector paths against the scalar reference ---------------------------------------------- */

static int top_level; /* the best level the CPU has */

/* The scalar verdict, units and width of `p`. */
static void reference_scan(const uint8_t *p, size_t n, dx_utf8_info *ref) {
    int prev = dx_utf8_set_simd_level(0);
    dx_utf8_scan(p, n, ref);
    dx_utf8_set_simd_level(prev);
}

#define CANARY 0xA5A5u

/* Every entry point at the top level gives the scalar result on `p`, and writes nothing past the
 * room it is given. Returns false (after printing) on a difference. */
static bool agrees(const uint8_t *p, size_t n) {
    static uint16_t want[4096], got[4096 + 32];
    static uint8_t got8[4096 + 32];
    assert_true(n <= 4096);
    size_t nwant = dx_utf8_to_utf16_scalar(p, n, want);
    dx_utf8_info ref;
    reference_scan(p, n, &ref);

    dx_utf8_set_simd_level(top_level);
    for (size_t k = 0; k < n + 32; k++) got[k] = CANARY;
    size_t ngot = dx_utf8_to_utf16(p, n, got);
    if (ngot != nwant || memcmp(got, want, nwant * 2) != 0 || got[n] != CANARY) {
        print_error("dx_utf8_to_utf16 differs from the scalar decoder (%zu bytes)\n", n);
        return false;
    }
    dx_utf8_info info;
    dx_utf8_scan(p, n, &info);
    if (info.valid != ref.valid || dx_utf8_is_valid(p, n) != ref.valid) {
        print_error("validity differs (%zu bytes): vector %d, scalar %d\n", n, info.valid, ref.valid);
        return false;
    }
    if (!ref.valid) {
        /* The prefix it reports is well-formed and ends at a character boundary. */
        dx_utf8_info pre;
        reference_scan(p, info.valid_len, &pre);
        if (info.valid_len >= n || !pre.valid) {
            print_error("bad valid_len %zu of %zu\n", info.valid_len, n);
            return false;
        }
        return true;
    }
    if (info.units != ref.units || info.wide != ref.wide || info.units != nwant) {
        print_error("units/wide differ: %zu/%d vs %zu/%d\n", info.units, info.wide, ref.units, ref.wide);
        return false;
    }
    /* Exactly the room needed: a canary right after it must survive the vector stores. */
    for (size_t k = 0; k < n + 32; k++) got[k] = CANARY;
    ngot = dx_utf8_valid_to_utf16(p, n, got, nwant);
    if (ngot != nwant || memcmp(got, want, nwant * 2) != 0 || got[nwant] != CANARY) {
        print_error("dx_utf8_valid_to_utf16 differs (%zu bytes)\n", n);
        return false;
    }
    if (!ref.wide) {
        memset(got8, 0x5A, n + 32);
        ngot = dx_utf8_valid_to_latin1(p, n, got8, nwant);
        bool same = ngot == nwant && got8[nwant] == 0x5A;
        for (size_t k = 0; same && k < nwant; k++) same = got8[k] == want[k];
        if (!same) {
            print_error("dx_utf8_valid_to_latin1 differs (%zu bytes)\n", n);
            return false;
        }
    }
    return true;
}

/* Bytes that matter to a UTF-8 decoder: ASCII, the edges of every continuation range, every lead
 * class (including the never-valid ones). */
static const uint8_t interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                      0xC3, 0xC4, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1,
                                      0xF3, 0xF4, 0xF5, 0xFF};
#define NI (sizeof interesting)

/* Backgrounds the short sequences are dropped into: ASCII, 2-byte Latin-1, 2-byte wide, 3-byte
 * and 4-byte text, so that blocks around them take every vector path. */
static size_t fill(uint8_t *b, size_t n, int kind) {
    static const char *units[] = {"a", "\xC3\xA9", "\xD0\x96", "\xE6\x9D\xB1", "\xF0\x9F\x98\x80", "x\xC3\xA9\xE6\x9D\xB1"};
    const char *u = units[kind];
    size_t ul = strlen(u), o = 0;
    while (o + ul <= n) {
        memcpy(b + o, u, ul);
        o += ul;
    }
    while (o < n) b[o++] = 'z';
    return n;
}

/* Every sequence of 1 to 3 interesting bytes, at every offset of a 70-byte buffer (around the 16-
 * and 32-byte block edges and the end), on every background. */
static void test_vector_exhaustive_short(void **state) {
    (void)state;
    uint8_t buf[80];
    for (int kind = 0; kind < 6; kind++) {
        for (size_t len = 1; len <= 3; len++) {
            size_t combos = 1;
            for (size_t k = 0; k < len; k++) combos *= NI;
            for (size_t c = 0; c < combos; c++) {
                uint8_t seq[3];
                size_t x = c;
                for (size_t k = 0; k < len; k++) {
                    seq[k] = interesting[x % NI];
                    x /= NI;
                }
                for (size_t off = 0; off + len <= 70; off += (off > 4 && off < 12) || (off > 36 && off < 60) ? 3 : 1) {
                    fill(buf, 70, kind);
                    memcpy(buf + off, seq, len);
                    if (!agrees(buf, 70)) {
                        print_error("background %d, %zu bytes at offset %zu: %02X %02X %02X\n", kind, len, off,
                                    seq[0], len > 1 ? seq[1] : 0, len > 2 ? seq[2] : 0);
                        fail();
                    }
                }
                /* Alone too: every length near the block sizes is reached by the backgrounds. */
                if (!agrees(seq, len)) fail();
            }
        }
    }
}

/* Every 4-byte sequence of interesting bytes, alone and straddling the 32-byte edge. */
static void test_vector_exhaustive_four(void **state) {
    (void)state;
    uint8_t buf[64];
    for (size_t c = 0; c < NI * NI * NI * NI; c++) {
        uint8_t seq[4];
        size_t x = c;
        for (int k = 0; k < 4; k++) {
            seq[k] = interesting[x % NI];
            x /= NI;
        }
        if (!agrees(seq, 4)) fail();
        fill(buf, 40, 0);
        memcpy(buf + 30, seq, 4);
        if (!agrees(buf, 40)) fail();
        fill(buf, 40, 5);
        memcpy(buf + 14, seq, 4);
        if (!agrees(buf, 40)) fail();
    }
}

static uint32_t rng = 0x9E3779B9u;
static uint32_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

/* Random well-formed text of every character length, with runs of ASCII, then 0-3 corruptions
 * (a random byte, a deleted byte or a truncated end), lengths 0..4096. */
static void test_vector_random_long(void **state) {
    (void)state;
    static uint8_t buf[4096 + 8];
    for (int iter = 0; iter < 20000; iter++) {
        size_t target = next() % (iter < 5000 ? 100 : 4096), n = 0;
        int mix = (int)(next() % 5); /* which character lengths dominate */
        while (n + 4 <= target) {
            uint32_t r = next(), cp;
            unsigned pick = r % 8;
            if (mix == 0 || pick < 3) {
                size_t run = 1 + (r >> 8) % 40;
                for (size_t k = 0; k < run && n < target; k++) buf[n++] = (uint8_t)(0x20 + (next() % 95));
                continue;
            }
            if (mix == 1 || pick < 5) cp = 0x80 + (r >> 4) % (mix == 1 ? 0x80 : 0x780);
            else if (mix == 2 || pick < 7) {
                cp = 0x800 + (r >> 4) % 0xF800;
                if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xE000;
            } else cp = 0x10000 + (r >> 4) % 0x100000;
            if (cp < 0x800) { buf[n++] = (uint8_t)(0xC0 | cp >> 6); buf[n++] = (uint8_t)(0x80 | (cp & 0x3F)); }
            else if (cp < 0x10000) {
                buf[n++] = (uint8_t)(0xE0 | cp >> 12);
                buf[n++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
                buf[n++] = (uint8_t)(0x80 | (cp & 0x3F));
            } else {
                buf[n++] = (uint8_t)(0xF0 | cp >> 18);
                buf[n++] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
                buf[n++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
                buf[n++] = (uint8_t)(0x80 | (cp & 0x3F));
            }
        }
        int errors = (int)(next() % 4);
        for (int e = 0; e < errors && n > 0; e++) {
            size_t at = next() % n;
            switch (next() % 3) {
            case 0: buf[at] = (uint8_t)next(); break;
            case 1: memmove(buf + at, buf + at + 1, n - at - 1); n--; break;
            default: n = at; break;
            }
        }
        if (!agrees(buf, n)) {
            print_error("iteration %d (%zu bytes)\n", iter, n);
            fail();
        }
    }
}

int main(void) {
    top_level = dx_utf8_simd_level();

    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows),
        cmocka_unit_test(test_round_trip_all_code_points),
        cmocka_unit_test(test_output_bounded),
        cmocka_unit_test(test_vector_exhaustive_short),
        cmocka_unit_test(test_vector_exhaustive_four),
        cmocka_unit_test(test_vector_random_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
