/* The WHATWG Encoding Standard's decoders (and Node's string_decoder byte work), engine-free.
 *
 * UTF-8, UTF-16LE/BE, the single-byte encodings and x-user-defined are our own code; the CJK
 * encodings (gbk, gb18030, big5, euc-jp, iso-2022-jp, shift_jis, euc-kr) go through ICU's ucnv
 * converters, as in Node. A dx_decoder is the state of one TextDecoder: bytes of an incomplete
 * sequence held between streaming calls, the BOM flag and, for ICU encodings, the converter.
 * Output is UTF-16 (malloc'd, caller frees); src/web/encoding_binding.c adds fast paths that
 * build JS strings directly. Nothing here is thread-affine; a decoder is used by one thread. */
#ifndef DX_WEB_ENCODING_H
#define DX_WEB_ENCODING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum dx_enc_kind {
    DX_ENC_KIND_UTF8,
    DX_ENC_KIND_UTF16LE,
    DX_ENC_KIND_UTF16BE,
    DX_ENC_KIND_SINGLE_BYTE, /* table-driven, dx_enc_info.table */
    DX_ENC_KIND_X_USER_DEFINED,
    DX_ENC_KIND_ICU,         /* dx_enc_info.icu_name */
    DX_ENC_KIND_REPLACEMENT, /* named by labels, but not decoded (Node rejects it) */
} dx_enc_kind;

typedef struct dx_enc_info {
    const char *name;     /* the lower-case name TextDecoder.encoding reports ("utf-8", "gbk") */
    dx_enc_kind kind;
    int table;            /* single-byte table index, else -1 */
    const char *icu_name; /* converter name for DX_ENC_KIND_ICU, else NULL */
} dx_enc_info;

/* The encoding a label names (ASCII case-insensitive, leading/trailing ASCII whitespace
 * ignored), as an index for dx_enc_get; -1 when the label is unknown. The "replacement" encoding
 * has an index, but dx_decoder_init refuses it, as Node does. */
int dx_enc_lookup(const char *label, size_t len);
const dx_enc_info *dx_enc_get(int enc);

typedef struct dx_decoder {
    int enc;
    dx_enc_kind kind;
    bool fatal, ignore_bom;
    bool bom_seen;
    bool do_not_flush;    /* the previous decode() streamed: keep the state */
    uint8_t pend[4];      /* bytes of an incomplete sequence (UTF-8, UTF-16) */
    uint8_t npend;
    const uint16_t *table;
    void *icu;            /* UConverter * */
} dx_decoder;

/* 0, or -1 when an ICU converter cannot be opened (the encoding is then unsupported). */
int dx_decoder_init(dx_decoder *d, int enc, bool fatal, bool ignore_bom);
void dx_decoder_free(dx_decoder *d);
/* Starts a decode() call: resets the state unless the previous call streamed; `stream` is this
 * call's option. Every decode goes through dx_decoder_begin then one of the functions below. */
void dx_decoder_begin(dx_decoder *d, bool stream);
/* Marks the decoder as failed (fatal mode): the next call starts afresh. */
void dx_decoder_fail(dx_decoder *d);

/* Decodes `n` bytes (after the bytes held from earlier calls) into a malloc'd UTF-16 buffer.
 * Returns 0 with *out and *outlen set (*out may be NULL when *outlen is 0), -1 on a decoding error
 * in fatal mode (nothing allocated; the decoder is reset), -2 when out of memory. `flush` is
 * !stream: bytes of an incomplete sequence at the end become U+FFFD (an error when fatal). */
int dx_decoder_decode(dx_decoder *d, const uint8_t *in, size_t n, bool flush, uint16_t **out, size_t *outlen);

/* UTF-8 in pieces, for the bindings' fast path: the code point completed by the held bytes (the
 * "head", 0 when none), the range [body_start, body_end) of `in` that decodes by itself, and
 * whether one U+FFFD follows (an incomplete sequence at the end of a flushed input). */
typedef struct dx_utf8_plan {
    uint32_t head;
    size_t body_start, body_end;
    bool tail_fffd;
} dx_utf8_plan;
/* Plans the decoding of `in` after the `*npend` held bytes in `pend` (a valid incomplete prefix of
 * a sequence, updated). Returns false when `fatal` and the input is ill-formed. No BOM handling. */
bool dx_utf8_plan_chunk(uint8_t pend[4], uint8_t *npend, const uint8_t *in, size_t n, bool flush, bool fatal,
                        dx_utf8_plan *plan);
/* The same for a dx_decoder, with the BOM rule applied (a leading U+FEFF is dropped once). */
bool dx_decoder_utf8_plan(dx_decoder *d, const uint8_t *in, size_t n, bool flush, dx_utf8_plan *plan);

/* Length (0-3) of the incomplete but so far valid UTF-8 sequence that ends `p`. */
size_t dx_utf8_incomplete_tail(const uint8_t *p, size_t n);
/* Whether a single-byte table maps every byte of `p` to itself (bytes < 0x80 always do). */
bool dx_single_byte_identity(const uint16_t *table, const uint8_t *p, size_t n);

/* --- node:string_decoder ------------------------------------------------------------------- */

/* Encodings of StringDecoder: the values of the state's encoding byte, Node's enum encoding. */
enum { DX_SD_ASCII = 0, DX_SD_UTF8 = 1, DX_SD_BASE64 = 2, DX_SD_UTF16LE = 3, DX_SD_LATIN1 = 4, DX_SD_HEX = 5,
       DX_SD_BASE64URL = 7 };
/* The state a StringDecoder keeps in a 7-byte array, laid out as Node's: the held bytes of an
 * incomplete character, how many more it needs, how many are held, and the encoding. */
enum { DX_SD_CHARS = 0, DX_SD_MISSING = 4, DX_SD_BUFFERED = 5, DX_SD_ENCODING = 6, DX_SD_SIZE = 7 };

/* Base64 of `n` bytes into `out` (capacity dx_sd_base64_len(n, url)); `url` selects base64url
 * without padding. Returns the characters written. */
size_t dx_sd_base64_len(size_t n, bool url);
size_t dx_sd_base64_encode(const uint8_t *p, size_t n, bool url, char *out);

/* What one StringDecoder write of `in` emits: the bytes of a held character that `in` completed
 * (or cut short: a UTF-8 sequence broken by a byte that is not a continuation byte), then the
 * range [body_start, body_end) of `in`; the bytes after body_end are now held in `state`. Each
 * part is converted by itself (UTF-8 parts with WHATWG replacement) and the results joined, which
 * equals converting all bytes written so far at once, as Node's decoder guarantees. */
typedef struct dx_sd_plan {
    uint8_t head[4];
    size_t head_len;
    size_t body_start, body_end;
} dx_sd_plan;
void dx_sd_plan_write(uint8_t state[DX_SD_SIZE], const uint8_t *in, size_t n, dx_sd_plan *plan);
/* end(): the held bytes to convert (copied to `plan->head`; the body is empty), state cleared. */
void dx_sd_plan_end(uint8_t state[DX_SD_SIZE], dx_sd_plan *plan);

/* A whole write (or end when `end`) as UTF-16 into a malloc'd buffer, for tests and fuzzing.
 * Returns 0, or -2 when out of memory. */
int dx_sd_decode(uint8_t state[DX_SD_SIZE], const uint8_t *in, size_t n, bool end, uint16_t **out,
                 size_t *outlen);

#endif
