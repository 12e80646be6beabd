/* Engine-free byte codecs and searches behind node:buffer (src/node/buffer_binding.c).
 *
 * Decoders take 8-bit (Latin-1) or 16-bit (UTF-16) character input, as JS strings come in both
 * forms; like Node, a 16-bit character is read through its low byte by the base64 and hex decoders.
 * Nothing here allocates; every writer is bounded by the capacity it is given. */
#ifndef DX_NODE_BUFFER_H
#define DX_NODE_BUFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Characters written by dx_base64_encode for n bytes: padded to a multiple of 4, or, for the URL
 * alphabet, unpadded. */
size_t dx_base64_encoded_length(size_t n, bool url);
/* Writes the base64 (url: base64url, no padding) text of src into dst, which holds
 * dx_base64_encoded_length(n, url) bytes. Returns the characters written. */
size_t dx_base64_encode(const uint8_t *src, size_t n, char *dst, bool url);

/* Node's lenient base64 decoding, for both alphabets: characters outside them (whitespace...) are
 * skipped, decoding stops at the first '=' looked for as a character, and the bits that do not
 * make a whole byte are dropped. Writes at most cap bytes; returns the bytes written. */
size_t dx_base64_decode8(const uint8_t *src, size_t n, uint8_t *dst, size_t cap);
size_t dx_base64_decode16(const uint16_t *src, size_t n, uint8_t *dst, size_t cap);

/* Lower-case hex of src (2n characters) into dst. */
void dx_hex_encode(const uint8_t *src, size_t n, char *dst);
/* Decodes pairs of hex digits until the first pair that is not one, the input runs out (an odd
 * last character is ignored) or cap bytes were written. Returns the bytes written. */
size_t dx_hex_decode8(const uint8_t *src, size_t n, uint8_t *dst, size_t cap);
size_t dx_hex_decode16(const uint16_t *src, size_t n, uint8_t *dst, size_t cap);

/* UTF-8 validity and ASCII checks are in engine/utf8.h (shared with TextDecoder). */

/* Node's start position for indexOf/lastIndexOf over `len` bytes with a needle of needle_len bytes
 * and the caller's (already integral) offset: a position in [0, len], or -1 when nothing can
 * match. */
int64_t dx_buffer_search_start(size_t len, int64_t offset, size_t needle_len, bool forward);
/* Finds needle in hay starting at `start` (forward: first match at >= start; backward: last match
 * at <= start). Returns the position or -1. With `units16` the search is over 16-bit units
 * (positions and lengths are in bytes and rounded down to even). Empty needles are the caller's. */
ssize_t dx_buffer_search(const uint8_t *hay, size_t hay_len, const uint8_t *needle, size_t needle_len,
                         size_t start, bool forward, bool units16);

/* Fills dst[0..n) by repeating pat[0..pat_len) (pat_len > 0). pat may not overlap dst. */
void dx_buffer_fill_pattern(uint8_t *dst, size_t n, const uint8_t *pat, size_t pat_len);

/* Reverses each group of `size` (2, 4 or 8) bytes in place; n is a multiple of size. */
void dx_buffer_swap(uint8_t *p, size_t n, int size);

#endif
