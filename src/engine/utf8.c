/* UTF-8 decoding (utf8.h): a scalar reference, and vector paths for x86-64.
 *
 * Validation (AVX2) looks at each byte together with the three before it. Every way a byte pair can
 * be wrong (a lead not followed by a continuation, a continuation after ASCII, overlongs, surrogates,
 * code points above U+10FFFF, two continuations in a row) is one bit of a byte; three 16-entry tables
 * indexed by the high and low nibble of the previous byte and the high nibble of the current one say
 * which of those cases each nibble allows, and their AND is the set of cases that hold. "Two
 * continuations in a row" is then cancelled exactly where the current byte is meant to be the third
 * or fourth of a character (a 3-byte lead two back, or a 4-byte lead three back). Any bit left is an
 * error. The same pass counts the UTF-16 length (bytes that are not continuations, plus one per
 * 4-byte lead) and notes any lead above 0xC3 (a code point beyond Latin-1).
 *
 * Transcoding (AVX2) takes 16 bytes at a time: ASCII is widened as is; otherwise every position is
 * decoded as if it started a 1-, 2- or 3-byte character (using the next two bytes), and the lanes of
 * the positions that really start a character are packed together with a byte shuffle chosen by an
 * 8-bit mask per half (a 256-entry table built at first use). A 4-byte character ends the block
 * before it and is decoded on its own. The input must be well-formed, so no checks are needed.
 * Invalid input is decoded by the vector path up to its first bad block and by the scalar decoder,
 * which implements the replacement rules (one U+FFFD per maximal subpart), from there. */
#include "engine/utf8.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define DX_UTF8_X86 1
#endif

/* ---- levels --------------------------------------------------------------------------------- */

static int cpu_level;    /* what the CPU has */
static int active_level; /* what is used */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
#ifdef DX_UTF8_X86
static uint8_t compact_tab[256][16] __attribute__((aligned(16)));
#endif

static void init(void) {
#ifdef DX_UTF8_X86
    cpu_level = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") ? 2 : 1;
    /* For each mask of 8 16-bit lanes: the byte indices of the selected lanes, in order. */
    for (int m = 0; m < 256; m++) {
        int k = 0;
        for (int j = 0; j < 8; j++)
            if (m & (1 << j)) {
                compact_tab[m][k++] = (uint8_t)(2 * j);
                compact_tab[m][k++] = (uint8_t)(2 * j + 1);
            }
        while (k < 16) compact_tab[m][k++] = 0x80; /* zero the unused lanes */
    }
#else
    cpu_level = 0;
#endif
    active_level = cpu_level;
    const char *env = getenv("DX_UTF8_SIMD");
    if (env && env[0] >= '0' && env[0] <= '2' && env[0] - '0' < active_level) active_level = env[0] - '0';
}

static inline int level(void) {
    pthread_once(&init_once, init);
    return active_level;
}

int dx_utf8_simd_level(void) { return level(); }

int dx_utf8_set_simd_level(int l) {
    int prev = level();
    if (l < 0) l = 0;
    active_level = l < cpu_level ? l : cpu_level;
    return prev;
}

/* ---- scalar --------------------------------------------------------------------------------- */

size_t dx_utf8_to_utf16_scalar(const unsigned char *s, size_t n, uint16_t *out) {
    size_t i = 0, o = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            out[o++] = (uint16_t)c;
            i++;
            continue;
        }
        /* The lead byte fixes the length and the allowed range of the first continuation byte
         * (which excludes overlongs, surrogates and code points above U+10FFFF). */
        unsigned need, cp, lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
        else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
        else { out[o++] = 0xFFFD; i++; continue; }
        size_t j = i + 1;
        unsigned k;
        for (k = 0; k < need && j < n; k++, j++) {
            unsigned b = s[j];
            if (b < lo || b > hi) break;
            lo = 0x80;
            hi = 0xBF;
            cp = (cp << 6) | (b & 0x3F);
        }
        i = j;
        if (k < need) { out[o++] = 0xFFFD; continue; }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[o++] = (uint16_t)(0xD800 + (cp >> 10));
            out[o++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            out[o++] = (uint16_t)cp;
        }
    }
    return o;
}

static inline bool word_is_ascii(const uint8_t *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return !(w & 0x8080808080808080ull);
}

/* Offset of the first ill-formed character (n when there is none). */
static size_t scalar_validate(const uint8_t *p, size_t n) {
    size_t i = 0;
    while (i < n) {
        if (i + 16 <= n && word_is_ascii(p + i) && word_is_ascii(p + i + 8)) {
            i += 16;
            continue;
        }
        uint8_t c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) return i;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (i + 2 >= n) return i;
            uint8_t c1 = p[i + 1];
            uint8_t lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
            if (c1 < lo || c1 > hi || (p[i + 2] & 0xC0) != 0x80) return i;
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (i + 3 >= n) return i;
            uint8_t c1 = p[i + 1];
            uint8_t lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
            if (c1 < lo || c1 > hi || (p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80) return i;
            i += 4;
        } else {
            return i;
        }
    }
    return n;
}

static void scalar_scan(const uint8_t *p, size_t n, dx_utf8_info *info) {
    size_t bad = scalar_validate(p, n);
    info->valid = bad == n;
    info->valid_len = bad;
    size_t units = 0;
    bool wide = false;
    if (info->valid) {
        for (size_t i = 0; i < n; i++) {
            uint8_t c = p[i];
            units += (c & 0xC0) != 0x80;
            units += c >= 0xF0;
            wide |= c >= 0xC4;
        }
    }
    info->units = units;
    info->wide = wide;
}

/* Decodes the well-formed character at p[*i] (not ASCII) into out; returns the units (1 or 2). */
static inline size_t decode_one(const uint8_t *p, size_t *i, uint16_t *out) {
    uint32_t c = p[*i];
    if (c < 0xE0) {
        out[0] = (uint16_t)((c & 0x1F) << 6 | (p[*i + 1] & 0x3F));
        *i += 2;
        return 1;
    }
    if (c < 0xF0) {
        out[0] = (uint16_t)((c & 0x0F) << 12 | (p[*i + 1] & 0x3F) << 6 | (p[*i + 2] & 0x3F));
        *i += 3;
        return 1;
    }
    uint32_t cp = (c & 0x07) << 18 | (uint32_t)(p[*i + 1] & 0x3F) << 12 | (uint32_t)(p[*i + 2] & 0x3F) << 6 |
                  (p[*i + 3] & 0x3F);
    cp -= 0x10000;
    out[0] = (uint16_t)(0xD800 + (cp >> 10));
    out[1] = (uint16_t)(0xDC00 + (cp & 0x3FF));
    *i += 4;
    return 2;
}

/* Well-formed input from `i` (which may point into the middle of a character already decoded, whose
 * continuation bytes are skipped). */
static size_t scalar_valid_to_utf16(const uint8_t *p, size_t i, size_t n, uint16_t *out) {
    size_t o = 0;
    while (i < n && (p[i] & 0xC0) == 0x80) i++;
    while (i < n) {
        uint8_t c = p[i];
        if (c < 0x80) {
#ifdef DX_UTF8_X86
            while (i + 16 <= n) {
                __m128i b = _mm_loadu_si128((const __m128i *)(p + i));
                if (_mm_movemask_epi8(b)) break;
                __m128i z = _mm_setzero_si128();
                _mm_storeu_si128((__m128i *)(out + o), _mm_unpacklo_epi8(b, z));
                _mm_storeu_si128((__m128i *)(out + o + 8), _mm_unpackhi_epi8(b, z));
                o += 16;
                i += 16;
            }
#endif
            while (i < n && p[i] < 0x80) out[o++] = p[i++];
            continue;
        }
        o += decode_one(p, &i, out + o);
    }
    return o;
}

static size_t scalar_valid_to_latin1(const uint8_t *p, size_t i, size_t n, uint8_t *out) {
    size_t o = 0;
    while (i < n && (p[i] & 0xC0) == 0x80) i++;
    while (i < n) {
        uint8_t c = p[i];
        if (c < 0x80) {
            while (i + 8 <= n && word_is_ascii(p + i)) {
                memcpy(out + o, p + i, 8);
                o += 8;
                i += 8;
            }
            while (i < n && p[i] < 0x80) out[o++] = p[i++];
            continue;
        }
        out[o++] = (uint8_t)((c & 0x1F) << 6 | (p[i + 1] & 0x3F));
        i += 2;
    }
    return o;
}

/* ---- AVX2 ----------------------------------------------------------------------------------- */

#ifdef DX_UTF8_X86

#define AVX2 __attribute__((target("avx2,popcnt")))

/* Error classes of a (previous byte, current byte) pair; see the comment at the top. */
enum {
    E_TOO_SHORT = 0x01,  /* lead, then not a continuation */
    E_TOO_LONG = 0x02,   /* ASCII, then a continuation */
    E_OVERLONG3 = 0x04,  /* E0 80..9F */
    E_TOO_LARGE = 0x08,  /* F4..FF 90..BF */
    E_SURROGATE = 0x10,  /* ED A0..BF */
    E_OVERLONG2 = 0x20,  /* C0..C1 80..BF */
    E_OVL4_LRG8 = 0x40,  /* F0 80..8F (overlong), F5..FF 80..8F (too large) */
};
/* Continuation, then a continuation: bit 7, spelled so that every table entry fits a (signed) char. */
#define E_TWO_CONTS ((signed char)0x80)

#define E_ANY_CONT (E_TOO_LONG | E_TWO_CONTS | E_OVERLONG2)
#define REP16(...) __VA_ARGS__, __VA_ARGS__

AVX2 static inline __m256i avx2_block_errors(__m256i cur, __m256i p1, __m256i p2, __m256i p3) {
    const __m256i t_prev_hi = _mm256_setr_epi8(REP16(
        E_TOO_LONG, E_TOO_LONG, E_TOO_LONG, E_TOO_LONG, E_TOO_LONG, E_TOO_LONG, E_TOO_LONG, E_TOO_LONG,
        E_TWO_CONTS, E_TWO_CONTS, E_TWO_CONTS, E_TWO_CONTS,
        E_TOO_SHORT | E_OVERLONG2, E_TOO_SHORT, E_TOO_SHORT | E_OVERLONG3 | E_SURROGATE,
        E_TOO_SHORT | E_TOO_LARGE | E_OVL4_LRG8));
#define COMMON (E_TOO_SHORT | E_TOO_LONG | E_TWO_CONTS)
    const __m256i t_prev_lo = _mm256_setr_epi8(REP16(
        COMMON | E_OVERLONG2 | E_OVERLONG3 | E_OVL4_LRG8, COMMON | E_OVERLONG2, COMMON, COMMON,
        COMMON | E_TOO_LARGE, COMMON | E_TOO_LARGE | E_OVL4_LRG8, COMMON | E_TOO_LARGE | E_OVL4_LRG8,
        COMMON | E_TOO_LARGE | E_OVL4_LRG8, COMMON | E_TOO_LARGE | E_OVL4_LRG8,
        COMMON | E_TOO_LARGE | E_OVL4_LRG8, COMMON | E_TOO_LARGE | E_OVL4_LRG8,
        COMMON | E_TOO_LARGE | E_OVL4_LRG8, COMMON | E_TOO_LARGE | E_OVL4_LRG8,
        COMMON | E_TOO_LARGE | E_OVL4_LRG8 | E_SURROGATE, COMMON | E_TOO_LARGE | E_OVL4_LRG8,
        COMMON | E_TOO_LARGE | E_OVL4_LRG8));
#undef COMMON
    const __m256i t_cur_hi = _mm256_setr_epi8(REP16(
        E_TOO_SHORT, E_TOO_SHORT, E_TOO_SHORT, E_TOO_SHORT, E_TOO_SHORT, E_TOO_SHORT, E_TOO_SHORT, E_TOO_SHORT,
        E_ANY_CONT | E_OVERLONG3 | E_OVL4_LRG8, E_ANY_CONT | E_OVERLONG3 | E_TOO_LARGE,
        E_ANY_CONT | E_SURROGATE | E_TOO_LARGE, E_ANY_CONT | E_SURROGATE | E_TOO_LARGE,
        E_TOO_SHORT, E_TOO_SHORT, E_TOO_SHORT, E_TOO_SHORT));
    const __m256i nib = _mm256_set1_epi8(0x0F);
    __m256i a = _mm256_shuffle_epi8(t_prev_hi, _mm256_and_si256(_mm256_srli_epi16(p1, 4), nib));
    __m256i b = _mm256_shuffle_epi8(t_prev_lo, _mm256_and_si256(p1, nib));
    __m256i c = _mm256_shuffle_epi8(t_cur_hi, _mm256_and_si256(_mm256_srli_epi16(cur, 4), nib));
    __m256i special = _mm256_and_si256(_mm256_and_si256(a, b), c);
    /* Third byte of a 3- or 4-byte character, or fourth of a 4-byte one: two continuations wanted. */
    __m256i third = _mm256_subs_epu8(p2, _mm256_set1_epi8((char)(0xE0 - 1)));
    __m256i fourth = _mm256_subs_epu8(p3, _mm256_set1_epi8((char)(0xF0 - 1)));
    __m256i must = _mm256_cmpgt_epi8(_mm256_or_si256(third, fourth), _mm256_setzero_si256());
    must = _mm256_and_si256(must, _mm256_set1_epi8((char)0x80));
    return _mm256_xor_si256(special, must);
}

/* Bit i set where byte i >= t (unsigned). */
AVX2 static inline uint32_t avx2_ge_mask(__m256i v, uint8_t t) {
    return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8((char)t)), v));
}

/* Start of the last character beginning before `i` (a conservative well-formed prefix). */
static size_t boundary_before(const uint8_t *p, size_t i) {
    size_t lim = i > 4 ? i - 4 : 0;
    while (i > lim) {
        i--;
        if ((p[i] & 0xC0) != 0x80) return i;
    }
    return lim;
}

AVX2 static void avx2_scan(const uint8_t *p, size_t n, dx_utf8_info *info) {
    size_t i = 0, units = 0;
    uint32_t wide = 0;
    uint8_t tmp[3 + 32 + 32];
    const __m256i cont_lim = _mm256_set1_epi8(-64);
    for (;;) {
        size_t r = n - i;
        __m256i cur, p1, p2, p3;
        uint32_t valid_bits = 0xFFFFFFFFu;
        if (i >= 3 && r >= 32) {
            cur = _mm256_loadu_si256((const __m256i *)(p + i));
            uint32_t hi = (uint32_t)_mm256_movemask_epi8(cur);
            if (!hi) {
                /* ASCII: wrong only if the character before is incomplete. */
                if (p[i - 1] >= 0xC0 || p[i - 2] >= 0xE0 || p[i - 3] >= 0xF0) goto bad;
                units += 32;
                i += 32;
                continue;
            }
            p1 = _mm256_loadu_si256((const __m256i *)(p + i - 1));
            p2 = _mm256_loadu_si256((const __m256i *)(p + i - 2));
            p3 = _mm256_loadu_si256((const __m256i *)(p + i - 3));
        } else {
            /* First block or the tail: copied with the three bytes before and zeros after (a zero
             * after an incomplete character is an error, so the end of input is checked too). */
            memset(tmp, 0, sizeof tmp);
            size_t before = i < 3 ? i : 3;
            size_t take = r < 32 ? r : 32;
            memcpy(tmp + 3 - before, p + i - before, before + take);
            cur = _mm256_loadu_si256((const __m256i *)(tmp + 3));
            p1 = _mm256_loadu_si256((const __m256i *)(tmp + 2));
            p2 = _mm256_loadu_si256((const __m256i *)(tmp + 1));
            p3 = _mm256_loadu_si256((const __m256i *)(tmp + 0));
            if (take < 32) valid_bits = (1u << take) - 1;
        }
        __m256i err = avx2_block_errors(cur, p1, p2, p3);
        if (!_mm256_testz_si256(err, err)) goto bad;
        uint32_t cont = (uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(cont_lim, cur)) & valid_bits;
        uint32_t four = avx2_ge_mask(cur, 0xF0) & valid_bits;
        wide |= avx2_ge_mask(cur, 0xC4) & valid_bits;
        units += (size_t)__builtin_popcount(valid_bits) - (size_t)__builtin_popcount(cont) +
                 (size_t)__builtin_popcount(four);
        if (r <= 32) {
            if (r == 32) { /* the end still needs its check: one more (empty) block */
                i += 32;
                continue;
            }
            break;
        }
        i += 32;
    }
    info->valid = true;
    info->valid_len = n;
    info->units = units;
    info->wide = wide != 0;
    return;
bad:
    info->valid = false;
    info->valid_len = boundary_before(p, i);
    info->units = 0;
    info->wide = false;
}

AVX2 static size_t avx2_valid_to_utf16(const uint8_t *p, size_t n, uint16_t *out, size_t cap) {
    size_t i = 0, o = 0;
    const __m128i cont_lim = _mm_set1_epi8(-64);
    const __m128i lead4 = _mm_set1_epi8((char)0xF0);
    while (i + 18 <= n && o + 16 <= cap) {
        __m128i b = _mm_loadu_si128((const __m128i *)(p + i));
        __m256i w0 = _mm256_cvtepu8_epi16(b);
        if (!_mm_movemask_epi8(b)) {
            _mm256_storeu_si256((__m256i *)(out + o), w0);
            i += 16;
            o += 16;
            continue;
        }
        unsigned four = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(b, lead4), b));
        unsigned stop = four ? (unsigned)__builtin_ctz(four) : 16;
        __m256i w1 = _mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *)(p + i + 1)));
        __m256i w2 = _mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *)(p + i + 2)));
        __m256i m3f = _mm256_set1_epi16(0x3F);
        __m256i t1 = _mm256_and_si256(w1, m3f), t2 = _mm256_and_si256(w2, m3f);
        __m256i c2 = _mm256_or_si256(_mm256_slli_epi16(_mm256_and_si256(w0, _mm256_set1_epi16(0x1F)), 6), t1);
        __m256i c3 = _mm256_or_si256(_mm256_slli_epi16(w0, 12), _mm256_or_si256(_mm256_slli_epi16(t1, 6), t2));
        __m256i cp = _mm256_blendv_epi8(w0, c2, _mm256_cmpgt_epi16(w0, _mm256_set1_epi16(0xBF)));
        cp = _mm256_blendv_epi8(cp, c3, _mm256_cmpgt_epi16(w0, _mm256_set1_epi16(0xDF)));
        unsigned keep = ~(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(b, cont_lim)) & ((1u << stop) - 1);
        unsigned lo = keep & 0xFF, hi = keep >> 8;
        __m256i ctrl = _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_load_si128((const __m128i *)compact_tab[lo])),
                                               _mm_load_si128((const __m128i *)compact_tab[hi]), 1);
        __m256i packed = _mm256_shuffle_epi8(cp, ctrl);
        _mm_storeu_si128((__m128i *)(out + o), _mm256_castsi256_si128(packed));
        o += (size_t)__builtin_popcount(lo);
        _mm_storeu_si128((__m128i *)(out + o), _mm256_extracti128_si256(packed, 1));
        o += (size_t)__builtin_popcount(hi);
        if (four) {
            i += stop;
            o += decode_one(p, &i, out + o);
        } else {
            i += 16;
        }
    }
    return o + scalar_valid_to_utf16(p, i, n, out + o);
}

AVX2 static size_t avx2_valid_to_latin1(const uint8_t *p, size_t n, uint8_t *out, size_t cap) {
    size_t i = 0, o = 0;
    const __m128i cont_lim = _mm_set1_epi8(-64);
    while (i + 17 <= n && o + 16 <= cap) {
        __m128i b = _mm_loadu_si128((const __m128i *)(p + i));
        if (!_mm_movemask_epi8(b)) {
            _mm_storeu_si128((__m128i *)(out + o), b);
            i += 16;
            o += 16;
            continue;
        }
        __m256i w0 = _mm256_cvtepu8_epi16(b);
        __m256i w1 = _mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *)(p + i + 1)));
        __m256i c2 = _mm256_or_si256(_mm256_slli_epi16(_mm256_and_si256(w0, _mm256_set1_epi16(0x1F)), 6),
                                     _mm256_and_si256(w1, _mm256_set1_epi16(0x3F)));
        __m256i cp = _mm256_blendv_epi8(w0, c2, _mm256_cmpgt_epi16(w0, _mm256_set1_epi16(0xBF)));
        unsigned keep = ~(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(b, cont_lim)) & 0xFFFF;
        unsigned lo = keep & 0xFF, hi = keep >> 8;
        __m256i ctrl = _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_load_si128((const __m128i *)compact_tab[lo])),
                                               _mm_load_si128((const __m128i *)compact_tab[hi]), 1);
        __m256i packed = _mm256_shuffle_epi8(cp, ctrl);
        __m256i bytes = _mm256_packus_epi16(packed, packed);
        _mm_storel_epi64((__m128i *)(out + o), _mm256_castsi256_si128(bytes));
        o += (size_t)__builtin_popcount(lo);
        _mm_storel_epi64((__m128i *)(out + o), _mm256_extracti128_si256(bytes, 1));
        o += (size_t)__builtin_popcount(hi);
        i += 16;
    }
    return o + scalar_valid_to_latin1(p, i, n, out + o);
}

#endif /* DX_UTF8_X86 */

/* ---- public --------------------------------------------------------------------------------- */

size_t dx_ascii_prefix(const uint8_t *p, size_t n) {
    size_t i = 0;
#ifdef DX_UTF8_X86
    for (; i + 64 <= n; i += 64) {
        __m128i a = _mm_or_si128(_mm_loadu_si128((const __m128i *)(p + i)), _mm_loadu_si128((const __m128i *)(p + i + 16)));
        __m128i b = _mm_or_si128(_mm_loadu_si128((const __m128i *)(p + i + 32)), _mm_loadu_si128((const __m128i *)(p + i + 48)));
        if (_mm_movemask_epi8(_mm_or_si128(a, b))) break;
    }
    for (; i + 16 <= n; i += 16)
        if (_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(p + i)))) break;
#endif
    for (; i + 8 <= n; i += 8)
        if (!word_is_ascii(p + i)) break;
    while (i < n && p[i] < 0x80) i++;
    return i;
}

void dx_utf8_scan(const uint8_t *p, size_t n, dx_utf8_info *info) {
#ifdef DX_UTF8_X86
    if (level() >= 2) {
        avx2_scan(p, n, info);
        return;
    }
#endif
    scalar_scan(p, n, info);
}

bool dx_utf8_is_valid(const uint8_t *p, size_t n) {
#ifdef DX_UTF8_X86
    if (level() >= 2) {
        dx_utf8_info info;
        avx2_scan(p, n, &info);
        return info.valid;
    }
#endif
    return scalar_validate(p, n) == n;
}

size_t dx_utf8_valid_to_utf16(const uint8_t *p, size_t n, uint16_t *out, size_t cap) {
#ifdef DX_UTF8_X86
    if (level() >= 2) return avx2_valid_to_utf16(p, n, out, cap);
#endif
    (void)cap;
    return scalar_valid_to_utf16(p, 0, n, out);
}

size_t dx_utf8_valid_to_latin1(const uint8_t *p, size_t n, uint8_t *out, size_t cap) {
#ifdef DX_UTF8_X86
    if (level() >= 2) return avx2_valid_to_latin1(p, n, out, cap);
#endif
    (void)cap;
    return scalar_valid_to_latin1(p, 0, n, out);
}

size_t dx_utf8_to_utf16(const unsigned char *s, size_t n, uint16_t *out) {
    if (level() < 2) return dx_utf8_to_utf16_scalar(s, n, out);
    dx_utf8_info info;
    dx_utf8_scan(s, n, &info);
    size_t good = info.valid ? n : info.valid_len;
    size_t o = dx_utf8_valid_to_utf16(s, good, out, n);
    return o + dx_utf8_to_utf16_scalar(s + good, n - good, out + o);
}
