/* libFuzzer target: the byte codecs of src/node/buffer.c on arbitrary input must never read or
 * write out of bounds, and must keep their invariants: base64 and hex encode -> decode round-trip,
 * decoding never writes past its capacity (a guard byte after it stays intact), lenient base64
 * decoding of 8-bit and 16-bit input agree, searches agree with a naive search, dx_utf8_is_valid
 * agrees with a scalar reference validator, and the vector UTF-8 decoders (engine/utf8.h) agree with
 * the scalar one.
 * Build: clang -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -Isrc src/node/buffer.c tests/fuzz/fuzz_buffer.c
 *
 * Input layout: byte 0 picks a capacity limit, the rest is the data. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/utf8.h"
#include "node/buffer.h"

/* The Unicode Standard's table 3-7 of well-formed byte sequences, one byte at a time. */
static bool ref_utf8(const uint8_t *p, size_t n) {
    size_t i = 0;
    while (i < n) {
        uint8_t c = p[i];
        size_t len;
        uint8_t lo = 0x80, hi = 0xBF;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else return false;
        if (i + len > n) return false;
        if (p[i + 1] < lo || p[i + 1] > hi) return false;
        for (size_t k = 2; k < len; k++)
            if ((p[i + k] & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

static ssize_t naive_search(const uint8_t *h, size_t hl, const uint8_t *nd, size_t nl, size_t start, bool fwd) {
    if (nl == 0 || nl > hl) return -1;
    if (fwd) {
        for (size_t i = start; i + nl <= hl; i++)
            if (memcmp(h + i, nd, nl) == 0) return (ssize_t)i;
        return -1;
    }
    size_t i = start < hl - nl ? start : hl - nl;
    for (;;) {
        if (memcmp(h + i, nd, nl) == 0) return (ssize_t)i;
        if (i == 0) return -1;
        i--;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    size_t cap_limit = data[0];
    const uint8_t *p = data + 1;
    size_t n = size - 1;

    /* Lenient base64: bounded by capacity, same result for 8-bit and 16-bit input. */
    size_t cap = n < cap_limit ? n : cap_limit;
    uint8_t *out8 = malloc(cap + 1), *out16 = malloc(cap + 1);
    uint16_t *wide = malloc((n ? n : 1) * sizeof(uint16_t));
    for (size_t i = 0; i < n; i++) wide[i] = (uint16_t)(p[i] | ((i & 1) ? 0x100 : 0)); /* low byte is what counts */
    out8[cap] = 0xA5;
    size_t a = dx_base64_decode8(p, n, out8, cap);
    size_t b = dx_base64_decode16(wide, n, out16, cap);
    if (a > cap || out8[cap] != 0xA5 || a != b || memcmp(out8, out16, a) != 0) abort();
    /* Decoding with more room extends, never changes, what a smaller capacity gave. */
    uint8_t *full = malloc(n + 1);
    size_t f = dx_base64_decode8(p, n, full, n);
    if (f < a || memcmp(full, out8, a) != 0) abort();

    /* Hex decode: bounded, and 8/16-bit agree. */
    a = dx_hex_decode8(p, n, out8, cap);
    b = dx_hex_decode16(wide, n, out16, cap);
    if (a > cap || out8[cap] != 0xA5 || a != b || memcmp(out8, out16, a) != 0) abort();

    /* Encode -> decode round trips. */
    for (int url = 0; url < 2; url++) {
        size_t m = dx_base64_encoded_length(n, url);
        char *text = malloc(m + 1);
        if (dx_base64_encode(p, n, text, url) != m) abort();
        if (dx_base64_decode8((const uint8_t *)text, m, full, n) != n || memcmp(full, p, n) != 0) abort();
        free(text);
    }
    char *hex = malloc(2 * n + 1);
    dx_hex_encode(p, n, hex);
    if (dx_hex_decode8((const uint8_t *)hex, 2 * n, full, n) != n || memcmp(full, p, n) != 0) abort();
    free(hex);

    /* UTF-8 and ASCII validation against references. */
    if (dx_utf8_is_valid(p, n) != ref_utf8(p, n)) abort();
    bool ascii = true;
    for (size_t i = 0; i < n; i++) ascii = ascii && p[i] < 0x80;
    if ((dx_ascii_prefix(p, n) == n) != ascii) abort();

    /* UTF-8 decoding: the vector paths (at the CPU's best level) give exactly what the scalar
     * decoder gives, and write nothing past the room they are given (a guard unit after it). */
    {
        uint16_t *want = malloc((n + 1) * sizeof *want), *got = malloc((n + 1) * sizeof *got);
        uint8_t *got8 = malloc(n + 1);
        size_t wn = dx_utf8_to_utf16_scalar(p, n, want);
        got[n] = 0xA5A5;
        if (dx_utf8_to_utf16(p, n, got) != wn || memcmp(got, want, wn * 2) != 0 || got[n] != 0xA5A5) abort();
        dx_utf8_info info;
        dx_utf8_scan(p, n, &info);
        bool valid = ref_utf8(p, n);
        if (info.valid != valid) abort();
        if (valid) {
            bool wide_cp = false;
            for (size_t i = 0; i < wn; i++) wide_cp = wide_cp || want[i] > 0xFF;
            if (info.units != wn || info.wide != wide_cp) abort();
            got[wn] = 0xA5A5;
            if (dx_utf8_valid_to_utf16(p, n, got, wn) != wn || memcmp(got, want, wn * 2) != 0 || got[wn] != 0xA5A5)
                abort();
            if (!wide_cp) {
                got8[wn] = 0x5A;
                if (dx_utf8_valid_to_latin1(p, n, got8, wn) != wn || got8[wn] != 0x5A) abort();
                for (size_t i = 0; i < wn; i++)
                    if (got8[i] != want[i]) abort();
            }
        } else if (info.valid_len >= n || !ref_utf8(p, info.valid_len)) {
            abort();
        }
        free(want);
        free(got);
        free(got8);
    }

    /* Searches: the first 1..4 bytes as needle, over the rest, both directions. */
    if (n > 1) {
        size_t nl = 1 + (cap_limit & 3);
        if (nl > n - 1) nl = n - 1;
        const uint8_t *hay = p + nl;
        size_t hl = n - nl;
        size_t start = hl ? cap_limit % (hl + 1) : 0;
        for (int fwd = 0; fwd < 2; fwd++) {
            int64_t s = dx_buffer_search_start(hl, (int64_t)start, nl, fwd);
            if (s < 0 || (size_t)s >= hl) continue;
            if (dx_buffer_search(hay, hl, p, nl, (size_t)s, fwd, false) != naive_search(hay, hl, p, nl, (size_t)s, fwd))
                abort();
            ssize_t r = dx_buffer_search(hay, hl, p, nl, (size_t)s, fwd, true);
            if (r >= 0 && ((r & 1) || (size_t)r + (nl & ~(size_t)1) > hl || memcmp(hay + r, p, nl & ~(size_t)1) != 0))
                abort();
        }
    }

    /* Fill and swap stay in bounds. */
    if (n > 0) {
        dx_buffer_fill_pattern(full, n, p, 1 + cap_limit % n);
        for (size_t i = 0; i < n; i++)
            if (full[i] != p[i % (1 + cap_limit % n)]) abort();
        dx_buffer_swap(full, n & ~(size_t)7, 8);
    }

    free(out8);
    free(out16);
    free(wide);
    free(full);
    return 0;
}
