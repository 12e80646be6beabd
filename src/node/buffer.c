/* Byte codecs and searches for node:buffer; see buffer.h. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "node/buffer.h"

#include <string.h>

static const char b64_std[64] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64_url[64] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Sextet of each byte for decoding: both alphabets at once (Node accepts '-' and '_' in 'base64'
 * and '+' and '/' in 'base64url'); 0xFF for everything else. */
static uint8_t unb64[256];
/* The sextet of each byte already in place for the 1st..4th character of a group of four (bits
 * 18-23, 12-17, 6-11, 0-5), or 0x80000000 for a byte outside both alphabets: OR-ing the four gives
 * the group's 24 bits and whether all four were valid, with no shifts in the loop. */
static uint32_t unb64_at[4][256];
/* Nibble of each hex digit, 0xFF otherwise. */
static uint8_t unhex[256];
/* Two characters per byte, for encoding: hex pairs, and base64 pairs of 12-bit groups. */
static char hex_pairs[512];
static char b64_pairs_std[8192];
static char b64_pairs_url[8192];

static void init_tables(void) {
    static volatile int done;
    if (done) return;
    memset(unb64, 0xFF, sizeof unb64);
    for (int i = 0; i < 64; i++) {
        unb64[(uint8_t)b64_std[i]] = (uint8_t)i;
        unb64[(uint8_t)b64_url[i]] = (uint8_t)i;
    }
    for (int c = 0; c < 256; c++)
        for (int j = 0; j < 4; j++)
            unb64_at[j][c] = unb64[c] & 0x80 ? 0x80000000u : (uint32_t)unb64[c] << (18 - 6 * j);
    memset(unhex, 0xFF, sizeof unhex);
    for (int i = 0; i < 10; i++) unhex['0' + i] = (uint8_t)i;
    for (int i = 0; i < 6; i++) unhex['a' + i] = unhex['A' + i] = (uint8_t)(10 + i);
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 256; i++) {
        hex_pairs[2 * i] = digits[i >> 4];
        hex_pairs[2 * i + 1] = digits[i & 15];
    }
    for (int i = 0; i < 4096; i++) {
        b64_pairs_std[2 * i] = b64_std[i >> 6];
        b64_pairs_std[2 * i + 1] = b64_std[i & 63];
        b64_pairs_url[2 * i] = b64_url[i >> 6];
        b64_pairs_url[2 * i + 1] = b64_url[i & 63];
    }
    /* Tables are written before the flag; the values are idempotent, so a race rewrites the same
     * bytes. */
    done = 1;
}

size_t dx_base64_encoded_length(size_t n, bool url) {
    if (url) return n / 3 * 4 + (n % 3 == 0 ? 0 : n % 3 + 1);
    return (n + 2) / 3 * 4;
}

size_t dx_base64_encode(const uint8_t *src, size_t n, char *dst, bool url) {
    init_tables();
    const char *pairs = url ? b64_pairs_url : b64_pairs_std;
    const char *alpha = url ? b64_url : b64_std;
    char *d = dst;
    size_t i = 0;
    /* Two groups (6 bytes in, 8 characters out) per step. */
    for (; i + 6 <= n; i += 6) {
        uint32_t a = (uint32_t)src[i] << 16 | (uint32_t)src[i + 1] << 8 | src[i + 2];
        uint32_t b = (uint32_t)src[i + 3] << 16 | (uint32_t)src[i + 4] << 8 | src[i + 5];
        memcpy(d, pairs + 2 * (a >> 12), 2);
        memcpy(d + 2, pairs + 2 * (a & 4095), 2);
        memcpy(d + 4, pairs + 2 * (b >> 12), 2);
        memcpy(d + 6, pairs + 2 * (b & 4095), 2);
        d += 8;
    }
    for (; i + 3 <= n; i += 3) {
        uint32_t a = (uint32_t)src[i] << 16 | (uint32_t)src[i + 1] << 8 | src[i + 2];
        memcpy(d, pairs + 2 * (a >> 12), 2);
        memcpy(d + 2, pairs + 2 * (a & 4095), 2);
        d += 4;
    }
    size_t rest = n - i;
    if (rest == 1) {
        *d++ = alpha[src[i] >> 2];
        *d++ = alpha[(src[i] & 3) << 4];
        if (!url) {
            *d++ = '=';
            *d++ = '=';
        }
    } else if (rest == 2) {
        *d++ = alpha[src[i] >> 2];
        *d++ = alpha[(src[i] & 3) << 4 | src[i + 1] >> 4];
        *d++ = alpha[(src[i + 1] & 15) << 2];
        if (!url) *d++ = '=';
    }
    return (size_t)(d - dst);
}

/* Both widths share one body: a fast loop over groups of four valid characters, and a character
 * loop for the groups that hold skipped characters, which hands back to the fast loop at the next
 * group boundary. */
#define BASE64_DECODE_BODY(T)                                                                   \
    init_tables();                                                                              \
    size_t i = 0, k = 0;                                                                        \
    for (;;) {                                                                                  \
        while (i + 4 <= n && k + 3 <= cap) {                                                    \
            uint32_t v = unb64_at[0][(uint8_t)src[i]] | unb64_at[1][(uint8_t)src[i + 1]] |      \
                         unb64_at[2][(uint8_t)src[i + 2]] | unb64_at[3][(uint8_t)src[i + 3]];   \
            if (v & 0x80000000u) break;                                                         \
            dst[k] = (uint8_t)(v >> 16);                                                        \
            dst[k + 1] = (uint8_t)(v >> 8);                                                     \
            dst[k + 2] = (uint8_t)v;                                                            \
            i += 4;                                                                             \
            k += 3;                                                                             \
        }                                                                                       \
        if (i >= n || k >= cap) return k;                                                       \
        uint32_t acc = 0;                                                                       \
        int got = 0;                                                                            \
        while (got < 4) {                                                                       \
            if (i >= n) goto partial;                                                           \
            uint8_t ch = (uint8_t)src[i++];                                                     \
            uint8_t s = unb64[ch];                                                              \
            if (s & 0x80) {                                                                     \
                if (ch == '=') goto partial;                                                    \
                continue;                                                                       \
            }                                                                                   \
            acc = acc << 6 | s;                                                                 \
            got++;                                                                              \
            if (got >= 2) {                                                                     \
                if (k >= cap) return k;                                                         \
                /* After 2, 3, 4 sextets: bits 4..11 of 12, 2..9 of 18, 0..7 of 24. */          \
                dst[k++] = (uint8_t)(acc >> (2 * (4 - got)));                                   \
            }                                                                                   \
        }                                                                                       \
        continue;                                                                               \
    partial:                                                                                    \
        return k;                                                                               \
    }

size_t dx_base64_decode8(const uint8_t *src, size_t n, uint8_t *dst, size_t cap) {
    BASE64_DECODE_BODY(uint8_t)
}

size_t dx_base64_decode16(const uint16_t *src, size_t n, uint8_t *dst, size_t cap) {
    BASE64_DECODE_BODY(uint16_t)
}

void dx_hex_encode(const uint8_t *src, size_t n, char *dst) {
    init_tables();
    for (size_t i = 0; i < n; i++) memcpy(dst + 2 * i, hex_pairs + 2 * src[i], 2);
}

#define HEX_DECODE_BODY                                                                         \
    init_tables();                                                                              \
    size_t k = 0;                                                                               \
    for (; k < cap && 2 * k + 1 < n; k++) {                                                     \
        uint8_t a = unhex[(uint8_t)src[2 * k]], b = unhex[(uint8_t)src[2 * k + 1]];             \
        if ((a | b) & 0x80) break;                                                              \
        dst[k] = (uint8_t)(a << 4 | b);                                                         \
    }                                                                                           \
    return k;

size_t dx_hex_decode8(const uint8_t *src, size_t n, uint8_t *dst, size_t cap) { HEX_DECODE_BODY }
size_t dx_hex_decode16(const uint16_t *src, size_t n, uint8_t *dst, size_t cap) { HEX_DECODE_BODY }

int64_t dx_buffer_search_start(size_t len, int64_t offset, size_t needle_len, bool forward) {
    int64_t l = (int64_t)len, nl = (int64_t)needle_len;
    if (offset < 0) {
        if (offset + l >= 0) return l + offset;    /* counts back from the end */
        if (forward || nl == 0) return 0;          /* before the start: search everything */
        return -1;
    }
    if (offset + nl <= l) return offset;
    if (nl == 0) return l;
    return forward ? -1 : l - 1;
}

static ssize_t search_bytes(const uint8_t *hay, size_t hay_len, const uint8_t *needle, size_t nl,
                            size_t start, bool forward) {
    if (nl > hay_len) return -1;
    if (forward) {
        if (start > hay_len - nl) return -1;
        const uint8_t *m = memmem(hay + start, hay_len - start, needle, nl);
        return m ? (ssize_t)(m - hay) : -1;
    }
    size_t pos = start < hay_len - nl ? start : hay_len - nl;
    for (;;) {
        const uint8_t *m = memrchr(hay, needle[0], pos + 1);
        if (!m) return -1;
        size_t at = (size_t)(m - hay);
        if (memcmp(m, needle, nl) == 0) return (ssize_t)at;
        if (at == 0) return -1;
        pos = at - 1;
    }
}

ssize_t dx_buffer_search(const uint8_t *hay, size_t hay_len, const uint8_t *needle, size_t needle_len,
                         size_t start, bool forward, bool units16) {
    if (needle_len == 0) return -1;
    if (!units16) return search_bytes(hay, hay_len, needle, needle_len, start, forward);
    /* 16-bit units: only even positions count, lengths are whole units. */
    size_t hl = hay_len & ~(size_t)1, nl = needle_len & ~(size_t)1;
    if (nl == 0 || hl < nl) return -1;
    start &= ~(size_t)1;
    if (forward) {
        while (start + nl <= hl) {
            ssize_t r = search_bytes(hay, hl, needle, nl, start, true);
            if (r < 0) return -1;
            if (!(r & 1)) return r;
            start = (size_t)r + 1;
        }
        return -1;
    }
    if (start > hl - nl) start = hl - nl;
    for (;;) {
        ssize_t r = search_bytes(hay, hl, needle, nl, start, false);
        if (r < 0) return -1;
        if (!(r & 1)) return r;
        if (r == 1) return -1;
        start = (size_t)r - 1;
    }
}

void dx_buffer_fill_pattern(uint8_t *dst, size_t n, const uint8_t *pat, size_t pat_len) {
    if (n == 0) return;
    if (pat_len == 1) {
        memset(dst, pat[0], n);
        return;
    }
    size_t done = pat_len < n ? pat_len : n;
    memcpy(dst, pat, done);
    while (done < n) {
        size_t step = done < n - done ? done : n - done;
        memcpy(dst + done, dst, step);
        done += step;
    }
}

void dx_buffer_swap(uint8_t *p, size_t n, int size) {
    if (size == 2) {
        for (size_t i = 0; i + 2 <= n; i += 2) {
            uint16_t v;
            memcpy(&v, p + i, 2);
            v = __builtin_bswap16(v);
            memcpy(p + i, &v, 2);
        }
    } else if (size == 4) {
        for (size_t i = 0; i + 4 <= n; i += 4) {
            uint32_t v;
            memcpy(&v, p + i, 4);
            v = __builtin_bswap32(v);
            memcpy(p + i, &v, 4);
        }
    } else if (size == 8) {
        for (size_t i = 0; i + 8 <= n; i += 8) {
            uint64_t v;
            memcpy(&v, p + i, 8);
            v = __builtin_bswap64(v);
            memcpy(p + i, &v, 8);
        }
    }
}
