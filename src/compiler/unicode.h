/* Unicode helpers for the compiler: UTF-8 decoding and encoding, and the identifier and space
 * classes ECMAScript uses. Identifier classes come from ICU (ID_Start, ID_Continue) with an ASCII
 * fast path; everything else is tables in unicode.c. */
#ifndef JS_UNICODE_H
#define JS_UNICODE_H

#include <stdbool.h>
#include <stdint.h>

/* Decodes one code point from s (avail > 0 bytes). Returns the number of bytes used (1..4). An
 * ill-formed sequence (overlong, surrogate, truncated, > U+10FFFF) yields U+FFFD and length 1,
 * the WHATWG decoder's replacement behaviour for the first byte. */
int js_utf8_decode(const uint8_t *s, uint32_t avail, uint32_t *cp);

/* Writes cp (any value up to 0x10FFFF, lone surrogates included: WTF-8) and returns its length. */
int js_utf8_encode(char *out, uint32_t cp);

/* IdentifierStartChar / IdentifierPartChar of ECMA-262 (UnicodeIDStart plus $ and _; UnicodeIDContinue
 * plus $, ZWNJ and ZWJ). */
bool js_is_id_start(uint32_t cp);
bool js_is_id_part(uint32_t cp);

/* WhiteSpace (TAB VT FF ZWNBSP and category Zs) and LineTerminator (LF CR LS PS). */
bool js_is_space(uint32_t cp);
static inline bool js_is_line_terminator(uint32_t cp) {
  return cp == 0x0A || cp == 0x0D || cp == 0x2028 || cp == 0x2029;
}

#endif
