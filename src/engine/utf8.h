/* UTF-8 validation and conversion to UTF-16 / Latin-1 with the WHATWG decoder's error handling.
 * Engine-free. On x86-64 the bulk work is vectorised (SSE2 for ASCII runs everywhere, AVX2 for
 * validation and transcoding when the CPU has it, chosen at run time); elsewhere it is scalar. The
 * vector paths give exactly the scalar results (tests/unit/test_utf8.c compares them). */
#ifndef DX_ENGINE_UTF8_H
#define DX_ENGINE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes `n` bytes of UTF-8 into `out`, which must hold `n` UTF-16 units (the result is never
 * longer than the input). Every ill-formed sequence becomes one U+FFFD per maximal subpart, as the
 * WHATWG Encoding Standard and Node's decoder do, so any input converts. Returns the units written.
 * The well-formed prefix goes through the vector path, the rest through the scalar decoder. */
size_t dx_utf8_to_utf16(const unsigned char *s, size_t n, uint16_t *out);
/* The scalar decoder alone: the reference the vector paths are tested against. */
size_t dx_utf8_to_utf16_scalar(const unsigned char *s, size_t n, uint16_t *out);

/* Length of the ASCII prefix of `p` (n when every byte is below 0x80). */
size_t dx_ascii_prefix(const uint8_t *p, size_t n);

/* Whether `p` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF). */
bool dx_utf8_is_valid(const uint8_t *p, size_t n);

/* One pass over `p`: whether it is well-formed and, if so, the length of its UTF-16 decoding and
 * whether any code point is above U+00FF (else it fits Latin-1). When it is not well-formed,
 * `valid_len` is a character boundary before which the input is well-formed (0 <= valid_len < n;
 * not necessarily the longest such prefix) and `units`/`wide` are unspecified. */
typedef struct dx_utf8_info {
    bool valid;
    bool wide;
    size_t units;
    size_t valid_len;
} dx_utf8_info;
void dx_utf8_scan(const uint8_t *p, size_t n, dx_utf8_info *info);

/* Transcoding of WELL-FORMED input only (checked with dx_utf8_scan first; anything else is
 * undefined). `cap` is the room in `out` in units, at least the result length (dx_utf8_info.units);
 * the vector paths never write past it. Return the units written. The Latin-1 variant also needs
 * every code point to be below U+0100 (dx_utf8_info.wide false). */
size_t dx_utf8_valid_to_utf16(const uint8_t *p, size_t n, uint16_t *out, size_t cap);
size_t dx_utf8_valid_to_latin1(const uint8_t *p, size_t n, uint8_t *out, size_t cap);

/* The instruction set the functions above use: 0 scalar, 1 SSE2, 2 AVX2. dx_utf8_simd_level() is
 * what the CPU allows (DX_UTF8_SIMD=0/1/2 in the environment lowers it); dx_utf8_set_simd_level()
 * lowers or restores it (never above what the CPU has) and returns the previous level; for tests. */
int dx_utf8_simd_level(void);
int dx_utf8_set_simd_level(int level);

#endif
