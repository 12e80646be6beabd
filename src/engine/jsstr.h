/* Bulk conversions between JS strings and bytes, for Buffer, TextEncoder/TextDecoder and
 * string_decoder. The public C API makes every string 16-bit and copies it twice; these functions
 * reach JSC's own string representation (Latin-1 or UTF-16) through exported WTF/JSC functions when
 * a start-up self-test shows they behave as expected, and fall back to the public API otherwise.
 * All of them must be called with the context's API lock held (inside a binding call). */
#ifndef DX_ENGINE_JSSTR_H
#define DX_ENGINE_JSSTR_H

#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* New JS strings. Each returns NULL and sets *exc (a RangeError like Node's
 * ERR_STRING_TOO_LONG) when the result would be longer than the engine allows. */
JSValueRef dx_jsstr_from_latin1(JSContextRef ctx, const uint8_t *p, size_t n, JSValueRef *exc);
JSValueRef dx_jsstr_from_utf16(JSContextRef ctx, const uint16_t *p, size_t n, JSValueRef *exc);
/* UTF-16 from bytes in byte order `big_endian`; an odd trailing byte is ignored (Node's ucs2). */
JSValueRef dx_jsstr_from_utf16_bytes(JSContextRef ctx, const uint8_t *p, size_t n, bool big_endian,
                                     JSValueRef *exc);
/* WHATWG UTF-8 decode: every ill-formed sequence becomes U+FFFD per maximal subpart. */
JSValueRef dx_jsstr_from_utf8(JSContextRef ctx, const uint8_t *p, size_t n, JSValueRef *exc);
/* Bytes < 0x80 are kept, others keep their low 7 bits (Node's 'ascii' decoding). */
JSValueRef dx_jsstr_from_ascii(JSContextRef ctx, const uint8_t *p, size_t n, JSValueRef *exc);

/* A new Latin-1 string written in place, without a scratch copy: dx_jsstr_latin1_begin returns n
 * writable bytes (NULL with *exc set when n is longer than a string can be), which the caller fills
 * in full before dx_jsstr_latin1_end turns them into the string. No JS may run in between. */
typedef struct dx_strbuild {
    void *impl;     /* the engine's string when the fast path is on */
    uint8_t *chars; /* else a scratch block */
    size_t n;
} dx_strbuild;
uint8_t *dx_jsstr_latin1_begin(JSContextRef ctx, size_t n, dx_strbuild *b, JSValueRef *exc);
JSValueRef dx_jsstr_latin1_end(JSContextRef ctx, dx_strbuild *b);

/* A borrowed view of a string's characters: 8-bit (Latin-1) or 16-bit (UTF-16, possibly with lone
 * surrogates). Valid until dx_strview_close; the string must not be modified meanwhile (JS strings
 * are immutable, so only the view's own ownership matters). */
typedef struct dx_strview {
    const void *chars;   /* const uint8_t * when is8bit, else const uint16_t * */
    size_t length;       /* in characters */
    bool is8bit;
    /* private */
    JSStringRef ref;
} dx_strview;

/* Opens a view of `value`, which must be a string (callers convert first). Never fails. */
void dx_strview_open(JSContextRef ctx, JSValueRef value, dx_strview *out);
void dx_strview_close(dx_strview *v);

/* Length of the UTF-8 encoding of a view, lone surrogates counted as U+FFFD (3 bytes). */
size_t dx_strview_utf8_length(const dx_strview *v);
/* Writes at most `cap` bytes of the view's UTF-8 encoding into `out`, never splitting a character.
 * Returns bytes written; *chars_read (if not NULL) gets the number of UTF-16 units consumed. */
size_t dx_strview_write_utf8(const dx_strview *v, uint8_t *out, size_t cap, size_t *chars_read);

/* Whether the fast (internal) paths passed their self-test; for tests and benchmarks. */
bool dx_jsstr_fast_paths(void);

#endif
