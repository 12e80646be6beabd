/* UTF-8 to UTF-16 conversion with the WHATWG decoder's error handling. Engine-free. */
#ifndef DX_ENGINE_UTF8_H
#define DX_ENGINE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes `n` bytes of UTF-8 into `out`, which must hold `n` UTF-16 units (the result is never
 * longer than the input). Every ill-formed sequence becomes one U+FFFD per maximal subpart, as the
 * WHATWG Encoding Standard and Node's decoder do, so any input converts. Returns the units written. */
size_t dx_utf8_to_utf16(const unsigned char *s, size_t n, uint16_t *out);

/* Length of the ASCII prefix of `p` (n when every byte is below 0x80), 32 bytes at a time. */
size_t dx_ascii_prefix(const uint8_t *p, size_t n);

/* Whether `p` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF). */
bool dx_utf8_is_valid(const uint8_t *p, size_t n);

#endif
