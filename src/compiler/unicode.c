#include "compiler/unicode.h"

#include <unicode/uchar.h>

int js_utf8_decode(const uint8_t *s, uint32_t avail, uint32_t *cp) {
  uint8_t c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  uint32_t v;
  int n;
  uint32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    v = c & 0x1F;
    n = 2;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    v = c & 0x0F;
    n = 3;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    v = c & 0x07;
    n = 4;
    min = 0x10000;
  } else {
    goto bad;
  }
  if ((uint32_t)n > avail) goto bad;
  for (int i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) goto bad;
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) goto bad;
  *cp = v;
  return n;
bad:
  *cp = 0xFFFD;
  return 1;
}

int js_utf8_encode(char *out, uint32_t cp) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

bool js_is_id_start(uint32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '$' || cp == '_';
  return u_hasBinaryProperty((UChar32)cp, UCHAR_ID_START);
}

bool js_is_id_part(uint32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '$' || cp == '_';
  if (cp == 0x200C || cp == 0x200D) return true;
  return u_hasBinaryProperty((UChar32)cp, UCHAR_ID_CONTINUE);
}

bool js_is_space(uint32_t cp) {
  switch (cp) {
  case 0x09: case 0x0B: case 0x0C: case 0x20: case 0xA0: case 0xFEFF:
  case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    return true;
  default:
    return cp >= 0x2000 && cp <= 0x200A;
  }
}
