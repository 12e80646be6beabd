#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strtod_l, newlocale, uselocale */
#endif
#include "compiler/lexer.h"

#include <locale.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/unicode.h"

/* ---- scratch buffer ---------------------------------------------------------------------- */

static void buf_reserve(js_lexer *lx, uint32_t extra) {
  if (lx->buf_len + extra <= lx->buf_cap) return;
  uint32_t cap = lx->buf_cap ? lx->buf_cap : 256;
  while (cap < lx->buf_len + extra) cap *= 2;
  char *nb = realloc(lx->buf, cap);
  if (!nb) {
    lx->oom = true;
    return;
  }
  lx->buf = nb;
  lx->buf_cap = cap;
}

static void buf_push(js_lexer *lx, const char *s, uint32_t n) {
  if (!n) return;
  buf_reserve(lx, n);
  if (lx->oom) return;
  memcpy(lx->buf + lx->buf_len, s, n);
  lx->buf_len += n;
}

static void buf_byte(js_lexer *lx, char c) {
  buf_reserve(lx, 1);
  if (lx->oom) return;
  lx->buf[lx->buf_len++] = c;
}

/* Appends a code point as WTF-8: a low surrogate right after a high surrogate joins it into one
 * supplementary code point, as the UTF-16 string would. */
static void buf_cp(js_lexer *lx, uint32_t cp) {
  if (cp >= 0xDC00 && cp <= 0xDFFF && lx->buf_len >= 3) {
    unsigned char *b = (unsigned char *)lx->buf + lx->buf_len - 3;
    if (b[0] == 0xED && b[1] >= 0xA0 && b[1] <= 0xAF) {
      uint32_t hi = 0xD000 | ((uint32_t)(b[1] & 0x3F) << 6) | (b[2] & 0x3F);
      lx->buf_len -= 3;
      cp = 0x10000 + ((hi - 0xD800) << 10) + (cp - 0xDC00);
    }
  }
  char tmp[4];
  buf_push(lx, tmp, (uint32_t)js_utf8_encode(tmp, cp));
}

static js_str buf_finish(js_lexer *lx) {
  js_str s;
  s.len = lx->buf_len;
  s.ptr = js_arena_strndup(lx->arena, lx->buf ? lx->buf : "", lx->buf_len);
  if (!s.ptr) {
    lx->oom = true;
    s.ptr = "";
    s.len = 0;
  }
  lx->buf_len = 0;
  return s;
}

/* ---- input ------------------------------------------------------------------------------- */

static bool utf8_valid(const uint8_t *s, uint32_t len) {
  uint32_t i = 0;
  while (i < len) {
    /* Source text is mostly ASCII: skip it a word at a time (memcpy: s has no alignment). */
    while (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= len) break;
    if (s[i] < 0x80) {
      i++;
      continue;
    }
    uint32_t cp;
    int n = js_utf8_decode(s + i, len - i, &cp);
    if (cp == 0xFFFD && n == 1) return false;
    i += (uint32_t)n;
  }
  return true;
}

void js_lexer_init(js_lexer *lx, const char *src, uint32_t len, js_arena *arena, bool module) {
  memset(lx, 0, sizeof *lx);
  lx->arena = arena;
  lx->module = module;
  lx->line = 1;
  const uint8_t *s = (const uint8_t *)src;
  if (!utf8_valid(s, len)) {
    /* Ill-formed UTF-8 is read the way Node reads a source file: each bad byte becomes U+FFFD.
     * Working on a repaired copy keeps every later stage free of encoding checks. */
    uint8_t *copy = js_arena_alloc(arena, (size_t)len * 3 + 1);
    if (!copy) {
      lx->oom = true;
      len = 0;
    } else {
      uint32_t o = 0;
      for (uint32_t i = 0; i < len;) {
        uint32_t cp;
        int n = js_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && n == 1 && !(s[i] == 0xEF && i + 2 < len && s[i + 1] == 0xBF && s[i + 2] == 0xBD)) {
          copy[o++] = 0xEF;
          copy[o++] = 0xBF;
          copy[o++] = 0xBD;
        } else {
          memcpy(copy + o, s + i, (size_t)n);
          o += (uint32_t)n;
        }
        i += (uint32_t)n;
      }
      s = copy;
      len = o;
    }
  }
  lx->src = s;
  lx->len = len;
  if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
    lx->pos = 3;
    lx->col_adjust = 2;
  }
  if (lx->pos + 1 < len && s[lx->pos] == '#' && s[lx->pos + 1] == '!') {
    uint32_t b = lx->pos + 2, e = b;
    while (e < len) {
      if (s[e] == '\n' || s[e] == '\r') break;
      if (s[e] >= 0x80) {
        uint32_t cp;
        int n = js_utf8_decode(s + e, len - e, &cp);
        if (cp == 0x2028 || cp == 0x2029) break;
        lx->col_adjust += (uint32_t)n - (cp >= 0x10000 ? 2 : 1);
        e += (uint32_t)n;
        continue;
      }
      e++;
    }
    lx->hashbang.ptr = (const char *)s + b;
    lx->hashbang.len = e - b;
    lx->pos = e;
  }
}

void js_lexer_free(js_lexer *lx) {
  free(lx->buf);
  lx->buf = NULL;
  lx->buf_cap = lx->buf_len = 0;
}

/* ---- helpers ----------------------------------------------------------------------------- */

static inline int at(const js_lexer *lx, uint32_t i) { return i < lx->len ? lx->src[i] : -1; }

/* Classes of ASCII bytes, so the hot loops (names, white space) test one table entry per byte
 * instead of a chain of ranges. Bytes from 0x80 have no class: they take the Unicode paths. */
/* ID: ASCII identifier start; DG: digit; SP: white space other than LF/CR; TV: may start trivia
 * (white space, a line end, a comment, `<!--` or `-->`), so other bytes skip skip_trivia's loop. */
enum { ID = 1, DG = 2, SP = 4, TV = 8 };
static const uint8_t cclass[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, SP | TV, TV, SP | TV, SP | TV, TV, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  SP | TV, 0, 0, 0, ID, 0, 0, 0, 0, 0, 0, 0, 0, TV, 0, TV,
  DG, DG, DG, DG, DG, DG, DG, DG, DG, DG, 0, 0, TV, 0, 0, 0,
  0, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
  ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, 0, 0, 0, 0, ID,
  0, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
  ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, 0, 0, 0, 0, 0,
  /* 0x80-0xFF: a non-ASCII space or LS/PS may start trivia */
  TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV,
  TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV,
  TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV,
  TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV,
  TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV,
  TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV,
  TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV,
  TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV, TV,
};

static inline bool is_ascii_id_part(uint8_t c) { return (cclass[c] & (ID | DG)) != 0; }

/* Consumes a line terminator at pos (CRLF counts once) and starts a new line. */
static void eat_newline(js_lexer *lx) {
  uint8_t c = lx->src[lx->pos];
  if (c == '\r') {
    lx->pos += (at(lx, lx->pos + 1) == '\n') ? 2 : 1;
  } else if (c == '\n') {
    lx->pos += 1;
  } else {
    lx->pos += 3; /* LS, PS */
  }
  lx->line++;
  lx->line_start = lx->pos;
  lx->col_adjust = 0;
}

/* Decodes the (non-ASCII) code point at pos without consuming it. */
static inline uint32_t peek_cp(const js_lexer *lx, int *n) {
  uint32_t cp;
  *n = js_utf8_decode(lx->src + lx->pos, lx->len - lx->pos, &cp);
  return cp;
}

static inline void skip_cp(js_lexer *lx, uint32_t cp, int n) {
  lx->pos += (uint32_t)n;
  lx->col_adjust += (uint32_t)n - (cp >= 0x10000 ? 2 : 1);
}

static inline bool is_ls_ps_at(const js_lexer *lx, uint32_t i) {
  return i + 2 < lx->len + 0u && lx->src[i] == 0xE2 && lx->src[i + 1] == 0x80 &&
         (lx->src[i + 2] == 0xA8 || lx->src[i + 2] == 0xA9);
}

static void set_error(js_lexer *lx, const char *msg, uint32_t off) {
  lx->tok.type = JS_T_ERROR;
  lx->tok.error = msg;
  lx->tok.err_off = off;
}

static inline int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* ---- trivia ------------------------------------------------------------------------------ */

/* Records `@jsx X`, `@jsxFrag X`, `@jsxRuntime X` and `@jsxImportSource X` found in the comment
 * text src[from..to): the word must start the comment or follow white space or `*`, and its value
 * is the run of non-space characters after it. Later pragmas replace earlier ones. Only called
 * when JSX is on, and cheap when the comment has no `@`. */
static void scan_jsx_pragmas(js_lexer *lx, uint32_t from, uint32_t to) {
  static const struct { const char *word; uint32_t len; int slot; } words[] = {
    {"jsxImportSource", 15, JS_JSX_PRAGMA_IMPORT_SOURCE}, {"jsxRuntime", 10, JS_JSX_PRAGMA_RUNTIME},
    {"jsxFrag", 7, JS_JSX_PRAGMA_FRAG}, {"jsx", 3, JS_JSX_PRAGMA_JSX},
  };
  const uint8_t *s = lx->src;
  for (uint32_t i = from; i < to; i++) {
    if (s[i] != '@') continue;
    if (i > from && s[i - 1] != ' ' && s[i - 1] != '\t' && s[i - 1] != '*' && s[i - 1] != '\n' && s[i - 1] != '\r')
      continue;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
      uint32_t e = i + 1 + words[w].len;
      if (e >= to || memcmp(s + i + 1, words[w].word, words[w].len) != 0) continue;
      if (s[e] != ' ' && s[e] != '\t') continue;
      while (e < to && (s[e] == ' ' || s[e] == '\t')) e++;
      uint32_t v = e;
      while (e < to && s[e] > ' ') e++;
      if (e > v) {
        lx->jsx_pragmas[words[w].slot].ptr = (const char *)s + v;
        lx->jsx_pragmas[words[w].slot].len = e - v;
      }
      i = e;
      break;
    }
  }
}

/* Skips white space and comments; sets JS_TF_NL_BEFORE on the token. Returns false and sets an
 * error token for an unterminated comment. */
static bool skip_trivia(js_lexer *lx) {
  /* Most tokens follow another with nothing between (`a.b(c)`). */
  if (lx->pos < lx->len && !(cclass[lx->src[lx->pos]] & TV)) return true;
  uint32_t comment_start;
  bool nl = false;
  bool line_start = lx->pos == 0; /* for --> (HTML close comment) at the start of the input */
  while (lx->pos < lx->len) {
    uint8_t c = lx->src[lx->pos];
    switch (c) {
    case ' ': case '\t': case '\v': case '\f': {
      /* Indentation comes in runs: one tight loop instead of a dispatch per byte. */
      uint32_t pos = lx->pos + 1, len = lx->len;
      for (uint64_t w; pos + 8 <= len; pos += 8) {
        memcpy(&w, lx->src + pos, 8);
        if (w != 0x2020202020202020ull) break;
      }
      while (pos < len && (cclass[lx->src[pos]] & SP)) pos++;
      lx->pos = pos;
      continue;
    }
    case '\n': case '\r':
      eat_newline(lx);
      nl = line_start = true;
      continue;
    case '/': {
      int d = at(lx, lx->pos + 1);
      if (d == '/') {
        lx->pos += 2;
        goto line_comment;
      }
      if (d == '*') {
        uint32_t start = lx->pos;
        lx->pos += 2;
        for (;;) {
          if (lx->pos >= lx->len) {
            set_error(lx, "Unterminated comment", start);
            return false;
          }
          uint8_t e = lx->src[lx->pos];
          if (e == '*' && at(lx, lx->pos + 1) == '/') {
            if (lx->jsx) scan_jsx_pragmas(lx, start + 2, lx->pos);
            lx->pos += 2;
            break;
          }
          if (e == '\n' || e == '\r') {
            eat_newline(lx);
            nl = line_start = true;
          } else if (e >= 0x80) {
            int n;
            uint32_t cp = peek_cp(lx, &n);
            if (cp == 0x2028 || cp == 0x2029) {
              eat_newline(lx);
              nl = line_start = true;
            } else {
              skip_cp(lx, cp, n);
            }
          } else {
            lx->pos++;
          }
        }
        continue;
      }
      goto done;
    }
    case '<':
      if (!lx->module && at(lx, lx->pos + 1) == '!' && at(lx, lx->pos + 2) == '-' &&
          at(lx, lx->pos + 3) == '-') {
        lx->pos += 4;
        goto line_comment;
      }
      goto done;
    case '-':
      if (!lx->module && line_start && at(lx, lx->pos + 1) == '-' && at(lx, lx->pos + 2) == '>') {
        lx->pos += 3;
        goto line_comment;
      }
      goto done;
    default:
      if (c >= 0x80) {
        int n;
        uint32_t cp = peek_cp(lx, &n);
        if (cp == 0x2028 || cp == 0x2029) {
          eat_newline(lx);
          nl = line_start = true;
          continue;
        }
        if (js_is_space(cp)) {
          skip_cp(lx, cp, n);
          continue;
        }
      }
      goto done;
    }
  line_comment:
    comment_start = lx->pos;
    while (lx->pos < lx->len) {
      uint8_t e = lx->src[lx->pos];
      if (e == '\n' || e == '\r') break;
      if (e >= 0x80) {
        int n;
        uint32_t cp = peek_cp(lx, &n);
        if (cp == 0x2028 || cp == 0x2029) break;
        skip_cp(lx, cp, n);
      } else {
        lx->pos++;
      }
    }
    if (lx->jsx) scan_jsx_pragmas(lx, comment_start, lx->pos);
  }
done:
  if (nl) lx->tok.flags |= JS_TF_NL_BEFORE;
  return true;
}

/* ---- keywords ---------------------------------------------------------------------------- */

static const char *const kw_names[JS_KW_COUNT] = {
  [JS_KW_NONE] = "",
  [JS_KW_BREAK] = "break", [JS_KW_CASE] = "case", [JS_KW_CATCH] = "catch",
  [JS_KW_CLASS] = "class", [JS_KW_CONST] = "const", [JS_KW_CONTINUE] = "continue",
  [JS_KW_DEBUGGER] = "debugger", [JS_KW_DEFAULT] = "default", [JS_KW_DELETE] = "delete",
  [JS_KW_DO] = "do", [JS_KW_ELSE] = "else", [JS_KW_ENUM] = "enum", [JS_KW_EXPORT] = "export",
  [JS_KW_EXTENDS] = "extends", [JS_KW_FALSE] = "false", [JS_KW_FINALLY] = "finally",
  [JS_KW_FOR] = "for", [JS_KW_FUNCTION] = "function", [JS_KW_IF] = "if",
  [JS_KW_IMPORT] = "import", [JS_KW_IN] = "in", [JS_KW_INSTANCEOF] = "instanceof",
  [JS_KW_NEW] = "new", [JS_KW_NULL] = "null", [JS_KW_RETURN] = "return",
  [JS_KW_SUPER] = "super", [JS_KW_SWITCH] = "switch", [JS_KW_THIS] = "this",
  [JS_KW_THROW] = "throw", [JS_KW_TRUE] = "true", [JS_KW_TRY] = "try",
  [JS_KW_TYPEOF] = "typeof", [JS_KW_VAR] = "var", [JS_KW_VOID] = "void",
  [JS_KW_WHILE] = "while", [JS_KW_WITH] = "with",
  [JS_KW_IMPLEMENTS] = "implements", [JS_KW_INTERFACE] = "interface", [JS_KW_LET] = "let",
  [JS_KW_PACKAGE] = "package", [JS_KW_PRIVATE] = "private", [JS_KW_PROTECTED] = "protected",
  [JS_KW_PUBLIC] = "public", [JS_KW_STATIC] = "static", [JS_KW_YIELD] = "yield",
  [JS_KW_AWAIT] = "await", [JS_KW_ASYNC] = "async", [JS_KW_AS] = "as", [JS_KW_FROM] = "from",
  [JS_KW_GET] = "get", [JS_KW_SET] = "set", [JS_KW_OF] = "of", [JS_KW_TARGET] = "target",
  [JS_KW_META] = "meta", [JS_KW_USING] = "using", [JS_KW_EVAL] = "eval",
  [JS_KW_ARGUMENTS] = "arguments", [JS_KW_CONSTRUCTOR] = "constructor",
  [JS_KW_PROTOTYPE] = "prototype",
};

const char *js_kw_text(js_kw k) { return (unsigned)k < JS_KW_COUNT ? kw_names[k] : ""; }

/* Keyword candidates by first letter; a name is compared only with the few that share it. */
static const uint8_t kw_by_first[26][8] = {
  ['a' - 'a'] = {JS_KW_ARGUMENTS, JS_KW_AS, JS_KW_ASYNC, JS_KW_AWAIT},
  ['b' - 'a'] = {JS_KW_BREAK},
  ['c' - 'a'] = {JS_KW_CASE, JS_KW_CATCH, JS_KW_CLASS, JS_KW_CONST, JS_KW_CONTINUE, JS_KW_CONSTRUCTOR},
  ['d' - 'a'] = {JS_KW_DEBUGGER, JS_KW_DEFAULT, JS_KW_DELETE, JS_KW_DO},
  ['e' - 'a'] = {JS_KW_ELSE, JS_KW_ENUM, JS_KW_EXPORT, JS_KW_EXTENDS, JS_KW_EVAL},
  ['f' - 'a'] = {JS_KW_FALSE, JS_KW_FINALLY, JS_KW_FOR, JS_KW_FUNCTION, JS_KW_FROM},
  ['g' - 'a'] = {JS_KW_GET},
  ['i' - 'a'] = {JS_KW_IF, JS_KW_IMPLEMENTS, JS_KW_IMPORT, JS_KW_IN, JS_KW_INSTANCEOF, JS_KW_INTERFACE},
  ['l' - 'a'] = {JS_KW_LET},
  ['m' - 'a'] = {JS_KW_META},
  ['n' - 'a'] = {JS_KW_NEW, JS_KW_NULL},
  ['o' - 'a'] = {JS_KW_OF},
  ['p' - 'a'] = {JS_KW_PACKAGE, JS_KW_PRIVATE, JS_KW_PROTECTED, JS_KW_PUBLIC, JS_KW_PROTOTYPE},
  ['r' - 'a'] = {JS_KW_RETURN},
  ['s' - 'a'] = {JS_KW_SET, JS_KW_STATIC, JS_KW_SUPER, JS_KW_SWITCH},
  ['t' - 'a'] = {JS_KW_TARGET, JS_KW_THIS, JS_KW_THROW, JS_KW_TRUE, JS_KW_TRY, JS_KW_TYPEOF},
  ['u' - 'a'] = {JS_KW_USING},
  ['v' - 'a'] = {JS_KW_VAR, JS_KW_VOID},
  ['w' - 'a'] = {JS_KW_WHILE, JS_KW_WITH},
  ['y' - 'a'] = {JS_KW_YIELD},
};

/* The length of each keyword: most names are rejected by it before any byte is compared. */
static const uint8_t kw_len[JS_KW_COUNT] = {
  [JS_KW_BREAK] = 5, [JS_KW_CASE] = 4, [JS_KW_CATCH] = 5, [JS_KW_CLASS] = 5, [JS_KW_CONST] = 5,
  [JS_KW_CONTINUE] = 8, [JS_KW_DEBUGGER] = 8, [JS_KW_DEFAULT] = 7, [JS_KW_DELETE] = 6, [JS_KW_DO] = 2,
  [JS_KW_ELSE] = 4, [JS_KW_ENUM] = 4, [JS_KW_EXPORT] = 6, [JS_KW_EXTENDS] = 7, [JS_KW_FALSE] = 5,
  [JS_KW_FINALLY] = 7, [JS_KW_FOR] = 3, [JS_KW_FUNCTION] = 8, [JS_KW_IF] = 2, [JS_KW_IMPORT] = 6,
  [JS_KW_IN] = 2, [JS_KW_INSTANCEOF] = 10, [JS_KW_NEW] = 3, [JS_KW_NULL] = 4, [JS_KW_RETURN] = 6,
  [JS_KW_SUPER] = 5, [JS_KW_SWITCH] = 6, [JS_KW_THIS] = 4, [JS_KW_THROW] = 5, [JS_KW_TRUE] = 4,
  [JS_KW_TRY] = 3, [JS_KW_TYPEOF] = 6, [JS_KW_VAR] = 3, [JS_KW_VOID] = 4, [JS_KW_WHILE] = 5,
  [JS_KW_WITH] = 4, [JS_KW_IMPLEMENTS] = 10, [JS_KW_INTERFACE] = 9, [JS_KW_LET] = 3,
  [JS_KW_PACKAGE] = 7, [JS_KW_PRIVATE] = 7, [JS_KW_PROTECTED] = 9, [JS_KW_PUBLIC] = 6,
  [JS_KW_STATIC] = 6, [JS_KW_YIELD] = 5, [JS_KW_AWAIT] = 5, [JS_KW_ASYNC] = 5, [JS_KW_AS] = 2,
  [JS_KW_FROM] = 4, [JS_KW_GET] = 3, [JS_KW_SET] = 3, [JS_KW_OF] = 2, [JS_KW_TARGET] = 6,
  [JS_KW_META] = 4, [JS_KW_USING] = 5, [JS_KW_EVAL] = 4, [JS_KW_ARGUMENTS] = 9,
  [JS_KW_CONSTRUCTOR] = 11, [JS_KW_PROTOTYPE] = 9,
};

static uint8_t kw_lookup(const char *s, uint32_t len) {
  if (len < 2 || len > 11 || s[0] < 'a' || s[0] > 'z') return JS_KW_NONE;
  const uint8_t *b = kw_by_first[s[0] - 'a'];
  for (int j = 0; j < 8 && b[j]; j++) {
    if (kw_len[b[j]] != len) continue;
    const char *k = kw_names[b[j]];
    uint32_t i = 1; /* the first letter picked the row */
    while (i < len && k[i] == s[i]) i++;
    if (i == len) return b[j];
  }
  return JS_KW_NONE;
}

/* ---- identifiers ------------------------------------------------------------------------- */

/* Reads \uXXXX or \u{X...} with pos at the backslash. Returns the code point or -1. */
static int32_t read_unicode_escape(js_lexer *lx) {
  uint32_t p = lx->pos;
  if (at(lx, p + 1) != 'u') return -1;
  p += 2;
  uint32_t v = 0;
  if (at(lx, p) == '{') {
    p++;
    int digits = 0;
    int h;
    while ((h = hexval(at(lx, p))) >= 0) {
      v = v * 16 + (uint32_t)h;
      if (v > 0x10FFFF) return -2;
      p++;
      digits++;
    }
    if (!digits || at(lx, p) != '}') return -1;
    p++;
  } else {
    for (int i = 0; i < 4; i++) {
      int h = hexval(at(lx, p + (uint32_t)i));
      if (h < 0) return -1;
      v = v * 16 + (uint32_t)h;
    }
    p += 4;
  }
  lx->pos = p;
  return (int32_t)v;
}

/* Scans an IdentifierName at pos into tok.value; false (error token set) if malformed. */
static bool scan_name(js_lexer *lx) {
  uint32_t start = lx->pos;
  const uint8_t *s = lx->src;
  uint32_t pos = lx->pos, len = lx->len;
  while (pos < len && is_ascii_id_part(s[pos])) pos++;
  lx->pos = pos;
  if (lx->pos >= lx->len || (s[lx->pos] != '\\' && s[lx->pos] < 0x80)) {
    lx->tok.value.ptr = (const char *)s + start;
    lx->tok.value.len = lx->pos - start;
    return true;
  }
  /* Slow path: escapes or non-ASCII characters. */
  bool escaped = false;
  lx->buf_len = 0;
  buf_push(lx, (const char *)s + start, lx->pos - start);
  while (lx->pos < lx->len) {
    uint8_t c = s[lx->pos];
    bool first = lx->pos == start;
    if (c == '\\') {
      uint32_t esc = lx->pos;
      int32_t cp = read_unicode_escape(lx);
      if (cp < 0 || !(first ? js_is_id_start((uint32_t)cp) : js_is_id_part((uint32_t)cp))) {
        set_error(lx, "Invalid Unicode escape sequence", esc);
        lx->buf_len = 0;
        return false;
      }
      buf_cp(lx, (uint32_t)cp);
      escaped = true;
    } else if (c >= 0x80) {
      int n;
      uint32_t cp = peek_cp(lx, &n);
      if (!(first ? js_is_id_start(cp) : js_is_id_part(cp))) break;
      buf_push(lx, (const char *)s + lx->pos, (uint32_t)n);
      skip_cp(lx, cp, n);
    } else if (is_ascii_id_part(c)) {
      buf_byte(lx, (char)c);
      lx->pos++;
    } else {
      break;
    }
  }
  if (lx->pos == start) {
    /* A non-ASCII character that cannot start a name. */
    int n;
    peek_cp(lx, &n);
    lx->pos += (uint32_t)n;
    set_error(lx, "Invalid or unexpected token", start);
    lx->buf_len = 0;
    return false;
  }
  if (escaped) {
    lx->tok.value = buf_finish(lx);
    lx->tok.flags |= JS_TF_ESCAPED;
  } else {
    lx->buf_len = 0;
    lx->tok.value.ptr = (const char *)s + start;
    lx->tok.value.len = lx->pos - start;
  }
  return true;
}

/* ---- numbers ----------------------------------------------------------------------------- */

static locale_t c_locale(void) {
  static _Atomic(locale_t) loc;
  locale_t l = atomic_load(&loc);
  if (!l) {
    locale_t n = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t expected = (locale_t)0;
    if (atomic_compare_exchange_strong(&loc, &expected, n)) {
      l = n;
    } else {
      freelocale(n);
      l = expected;
    }
  }
  return l;
}

/* Without a C locale object (newlocale failed: out of memory) the process locale is used. */
int js__format_double(char *out, size_t size, char conv, int prec, double v) {
  locale_t c = c_locale();
  locale_t old = c ? uselocale(c) : (locale_t)0;
  int n = snprintf(out, size, conv == 'e' ? "%.*e" : "%.*g", prec, v);
  if (c) uselocale(old);
  return n;
}

double js__parse_decimal(const char *digits, size_t len) {
  /* Integers of up to 15 digits are exact in a double; everything else goes through strtod,
   * which rounds correctly. */
  if (len <= 15) {
    double v = 0;
    size_t i = 0;
    for (; i < len && digits[i] >= '0' && digits[i] <= '9'; i++) v = v * 10 + (digits[i] - '0');
    if (i == len) return v;
  }
  char stackbuf[128];
  char *tmp = len < sizeof stackbuf ? stackbuf : malloc(len + 1);
  if (!tmp) return NAN;
  memcpy(tmp, digits, len);
  tmp[len] = 0;
  locale_t c = c_locale();
  double v = c ? strtod_l(tmp, NULL, c) : strtod(tmp, NULL);
  if (tmp != stackbuf) free(tmp);
  return v;
}

/* Value of digits in radix 2, 8 or 16, correctly rounded: small values are exact in a uint64,
 * large ones are rewritten as a hexadecimal float string for strtod. */
static double radix_value(const char *d, uint32_t n, int radix) {
  uint64_t v = 0;
  int bits = radix == 16 ? 4 : radix == 8 ? 3 : 1;
  uint32_t i = 0;
  while (i < n && d[i] == '0') i++;
  if ((uint64_t)(n - i) * (uint64_t)bits <= 53) {
    for (; i < n; i++) v = v * (uint64_t)radix + (uint64_t)hexval(d[i]);
    return (double)v;
  }
  /* Re-encode the bits in hexadecimal. */
  uint32_t nbits = (n - i) * (uint32_t)bits;
  uint32_t nhex = (nbits + 3) / 4;
  char *hex = malloc(nhex + 4);
  if (!hex) return NAN;
  hex[0] = '0';
  hex[1] = 'x';
  memset(hex + 2, '0', nhex);
  hex[nhex + 2] = 0;
  /* Bit k counts from the least significant end. */
  for (uint32_t j = 0; j < n - i; j++) {
    int dv = hexval(d[n - 1 - j]);
    for (int b = 0; b < bits; b++) {
      if (dv & (1 << b)) {
        uint32_t k = j * (uint32_t)bits + (uint32_t)b;
        char *h = &hex[2 + nhex - 1 - k / 4];
        int cur = hexval(*h) | (1 << (k % 4));
        *h = "0123456789abcdef"[cur];
      }
    }
  }
  locale_t c = c_locale();
  double r = c ? strtod_l(hex, NULL, c) : strtod(hex, NULL);
  free(hex);
  return r;
}

static inline bool is_digit_radix(int c, int radix) {
  if (radix == 16) return hexval(c) >= 0;
  if (radix == 10) return c >= '0' && c <= '9';
  if (radix == 8) return c >= '0' && c <= '7';
  return c == '0' || c == '1';
}

/* Reads digits of a radix with numeric separators into the scratch buffer. The first char must
 * be a digit unless allow_empty. Returns false with an error token for a misplaced `_`. */
static bool scan_digits(js_lexer *lx, int radix, bool allow_sep) {
  bool prev_digit = false;
  while (lx->pos < lx->len) {
    int c = lx->src[lx->pos];
    if (c == '_') {
      if (!allow_sep) {
        set_error(lx, "Numeric separators are not allowed here", lx->pos);
        return false;
      }
      if (!prev_digit || !is_digit_radix(at(lx, lx->pos + 1), radix)) {
        set_error(lx, at(lx, lx->pos + 1) == '_' ? "Only one underscore is allowed as numeric separator"
                                                  : "Numeric separators are allowed only between digits",
                  lx->pos);
        return false;
      }
      lx->pos++;
      prev_digit = false;
      continue;
    }
    if (!is_digit_radix(c, radix)) break;
    buf_byte(lx, (char)c);
    lx->pos++;
    prev_digit = true;
  }
  return true;
}

static void scan_number(js_lexer *lx) {
  uint32_t start = lx->pos;
  js_token *t = &lx->tok;
  lx->buf_len = 0;
  int c = lx->src[lx->pos];
  int d = at(lx, lx->pos + 1);
  bool is_int = true;
  t->type = JS_T_NUMBER;
  if (c == '0' && (d == 'x' || d == 'X' || d == 'o' || d == 'O' || d == 'b' || d == 'B')) {
    int radix = (d == 'x' || d == 'X') ? 16 : (d == 'o' || d == 'O') ? 8 : 2;
    lx->pos += 2;
    if (!is_digit_radix(at(lx, lx->pos), radix)) {
      set_error(lx, at(lx, lx->pos) == '_' ? "Numeric separators are allowed only between digits"
                                           : "Invalid or unexpected token",
                lx->pos);
      return;
    }
    if (!scan_digits(lx, radix, true)) return;
    if (at(lx, lx->pos) == 'n') {
      lx->pos++;
      t->type = JS_T_BIGINT;
    } else {
      t->num = radix_value(lx->buf, lx->buf_len, radix);
    }
  } else if (c == '0' && d >= '0' && d <= '9') {
    /* LegacyOctalIntegerLiteral (017) or NonOctalDecimalIntegerLiteral (018, 09.5). */
    t->flags |= JS_TF_LEGACY_OCTAL;
    bool octal = true;
    while (lx->pos < lx->len && lx->src[lx->pos] >= '0' && lx->src[lx->pos] <= '9') {
      if (lx->src[lx->pos] >= '8') octal = false;
      buf_byte(lx, (char)lx->src[lx->pos]);
      lx->pos++;
    }
    if (at(lx, lx->pos) == '_') {
      set_error(lx, "Numeric separators are not allowed here", lx->pos);
      return;
    }
    if (octal) {
      t->num = radix_value(lx->buf, lx->buf_len, 8);
    } else {
      is_int = false; /* no BigInt suffix; may have a fraction or exponent */
      goto fraction;
    }
    if (at(lx, lx->pos) == 'n') {
      set_error(lx, "Invalid BigInt literal", start);
      return;
    }
  } else {
    if (c != '.') {
      if (c == '0' && d == '_') {
        set_error(lx, "Numeric separator can not be used after leading 0", lx->pos + 1);
        return;
      }
      if (!scan_digits(lx, 10, true)) return;
    }
  fraction:
    if (at(lx, lx->pos) == '.') {
      is_int = false;
      buf_byte(lx, '.');
      lx->pos++;
      if (at(lx, lx->pos) == '_') {
        set_error(lx, "Numeric separators are allowed only between digits", lx->pos);
        return;
      }
      if (!scan_digits(lx, 10, true)) return;
    }
    int e = at(lx, lx->pos);
    if (e == 'e' || e == 'E') {
      is_int = false;
      buf_byte(lx, 'e');
      lx->pos++;
      int s = at(lx, lx->pos);
      if (s == '+' || s == '-') {
        buf_byte(lx, (char)s);
        lx->pos++;
      }
      if (!(at(lx, lx->pos) >= '0' && at(lx, lx->pos) <= '9')) {
        set_error(lx, at(lx, lx->pos) == '_' ? "Numeric separators are allowed only between digits"
                                             : "Invalid or unexpected token",
                  lx->pos);
        return;
      }
      if (!scan_digits(lx, 10, true)) return;
    }
    if (at(lx, lx->pos) == 'n') {
      if (!is_int || (t->flags & JS_TF_LEGACY_OCTAL)) {
        set_error(lx, "Invalid BigInt literal", start);
        return;
      }
      lx->pos++;
      t->type = JS_T_BIGINT;
    } else {
      t->num = js__parse_decimal(lx->buf, lx->buf_len);
    }
  }
  /* The SourceCharacter after a NumericLiteral must not be an IdentifierStart or a digit. */
  int n = at(lx, lx->pos);
  bool bad = (n >= '0' && n <= '9') || n == '\\' || n == '_' || n == '$' ||
             (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z');
  if (n >= 0x80) {
    int len;
    uint32_t cp = peek_cp(lx, &len);
    bad = js_is_id_start(cp);
  }
  if (bad) {
    set_error(lx, "Invalid or unexpected token", lx->pos);
    return;
  }
  if (t->type == JS_T_BIGINT) {
    /* The value keeps the radix prefix and drops separators and the suffix: 0x1fn -> 0x1f. */
    lx->buf_len = 0;
    for (uint32_t i = start; i < lx->pos - 1; i++)
      if (lx->src[i] != '_') buf_byte(lx, (char)lx->src[i]);
    t->value = buf_finish(lx);
  }
  lx->buf_len = 0;
}

/* ---- strings and templates --------------------------------------------------------------- */

/* Reads an escape sequence after the backslash at pos (string or template). Appends the cooked
 * value to the buffer. Returns 0 on success; for an octal-like escape sets *octal; returns -1
 * for a malformed escape with *msg set (pos is left after what was read). */
static int read_escape(js_lexer *lx, bool *octal, const char **msg) {
  uint32_t bs = lx->pos;
  lx->pos++; /* backslash */
  if (lx->pos >= lx->len) {
    *msg = "Unterminated string constant";
    return -1;
  }
  uint8_t c = lx->src[lx->pos];
  switch (c) {
  case 'b': buf_byte(lx, '\b'); lx->pos++; return 0;
  case 't': buf_byte(lx, '\t'); lx->pos++; return 0;
  case 'n': buf_byte(lx, '\n'); lx->pos++; return 0;
  case 'v': buf_byte(lx, '\v'); lx->pos++; return 0;
  case 'f': buf_byte(lx, '\f'); lx->pos++; return 0;
  case 'r': buf_byte(lx, '\r'); lx->pos++; return 0;
  case '\r': case '\n':
    eat_newline(lx); /* LineContinuation */
    return 0;
  case 'x': {
    int h1 = hexval(at(lx, lx->pos + 1)), h2 = hexval(at(lx, lx->pos + 2));
    if (h1 < 0 || h2 < 0) {
      lx->pos++;
      *msg = "Invalid hexadecimal escape sequence";
      return -1;
    }
    buf_cp(lx, (uint32_t)(h1 * 16 + h2));
    lx->pos += 3;
    return 0;
  }
  case 'u': {
    lx->pos = bs;
    int32_t cp = read_unicode_escape(lx);
    if (cp < 0) {
      lx->pos = bs + 2;
      *msg = cp == -2 ? "Undefined Unicode code-point" : "Invalid Unicode escape sequence";
      return -1;
    }
    buf_cp(lx, (uint32_t)cp);
    return 0;
  }
  case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
    int d = at(lx, lx->pos + 1);
    if (c == '0' && !(d >= '0' && d <= '9')) {
      buf_byte(lx, 0);
      lx->pos++;
      return 0;
    }
    *octal = true;
    uint32_t v = (uint32_t)(c - '0');
    lx->pos++;
    int max = c <= '3' ? 2 : 1;
    for (int i = 0; i < max; i++) {
      int e = at(lx, lx->pos);
      if (e < '0' || e > '7') break;
      v = v * 8 + (uint32_t)(e - '0');
      lx->pos++;
    }
    buf_cp(lx, v);
    return 0;
  }
  case '8': case '9':
    *octal = true;
    buf_byte(lx, (char)c);
    lx->pos++;
    return 0;
  default:
    if (c >= 0x80) {
      int n;
      uint32_t cp = peek_cp(lx, &n);
      if (cp == 0x2028 || cp == 0x2029) {
        eat_newline(lx); /* LineContinuation */
        return 0;
      }
      buf_push(lx, (const char *)lx->src + lx->pos, (uint32_t)n);
      skip_cp(lx, cp, n);
      return 0;
    }
    buf_byte(lx, (char)c);
    lx->pos++;
    return 0;
  }
}

static void scan_string(js_lexer *lx) {
  js_token *t = &lx->tok;
  uint8_t quote = lx->src[lx->pos];
  uint32_t start = lx->pos;
  lx->pos++;
  uint32_t body = lx->pos;
  /* Fast path: no escapes, value is a slice of the source. */
  while (lx->pos < lx->len) {
    uint8_t c = lx->src[lx->pos];
    if (c == quote) {
      t->type = JS_T_STRING;
      t->value.ptr = (const char *)lx->src + body;
      t->value.len = lx->pos - body;
      lx->pos++;
      return;
    }
    if (c == '\\') break;
    if (c == '\n' || c == '\r') {
      set_error(lx, "Unterminated string constant", start);
      return;
    }
    if (c >= 0x80) {
      int n;
      uint32_t cp = peek_cp(lx, &n);
      if (cp == 0x2028 || cp == 0x2029) {
        eat_newline(lx);
        continue;
      }
      skip_cp(lx, cp, n);
      continue;
    }
    lx->pos++;
  }
  if (lx->pos >= lx->len) {
    set_error(lx, "Unterminated string constant", start);
    return;
  }
  /* Slow path from the first backslash. */
  lx->buf_len = 0;
  buf_push(lx, (const char *)lx->src + body, lx->pos - body);
  t->flags |= JS_TF_HAS_ESCAPE;
  while (lx->pos < lx->len) {
    uint8_t c = lx->src[lx->pos];
    if (c == quote) {
      lx->pos++;
      t->type = JS_T_STRING;
      t->value = buf_finish(lx);
      return;
    }
    if (c == '\\') {
      bool octal = false;
      const char *msg = NULL;
      uint32_t esc = lx->pos;
      if (read_escape(lx, &octal, &msg) < 0) {
        set_error(lx, msg, esc);
        lx->buf_len = 0;
        return;
      }
      if (octal && !(t->flags & JS_TF_OCTAL_ESCAPE)) {
        t->flags |= JS_TF_OCTAL_ESCAPE;
        t->esc_off = esc;
      }
      continue;
    }
    if (c == '\n' || c == '\r') break;
    if (c >= 0x80) {
      int n;
      uint32_t cp = peek_cp(lx, &n);
      buf_push(lx, (const char *)lx->src + lx->pos, (uint32_t)n);
      if (cp == 0x2028 || cp == 0x2029)
        eat_newline(lx);
      else
        skip_cp(lx, cp, n);
      continue;
    }
    buf_byte(lx, (char)c);
    lx->pos++;
  }
  lx->buf_len = 0;
  set_error(lx, "Unterminated string constant", start);
}

/* Scans template characters from pos (just after ` or }) to the closing ` or ${. */
static void scan_template(js_lexer *lx, bool head) {
  js_token *t = &lx->tok;
  uint32_t body = lx->pos;
  bool cr = false, esc = false;
  lx->buf_len = 0;
  bool invalid = false;
  for (;;) {
    if (lx->pos >= lx->len) {
      set_error(lx, "Unterminated template literal", t->start);
      lx->buf_len = 0;
      return;
    }
    uint8_t c = lx->src[lx->pos];
    if (c == '`' || (c == '$' && at(lx, lx->pos + 1) == '{')) {
      uint32_t end = lx->pos;
      bool tail = c == '`';
      lx->pos += tail ? 1 : 2;
      t->type = head ? (tail ? JS_T_TEMPLATE : JS_T_TEMPLATE_HEAD)
                     : (tail ? JS_T_TEMPLATE_TAIL : JS_T_TEMPLATE_MIDDLE);
      if (invalid) {
        t->value.ptr = NULL;
        t->value.len = 0;
        lx->buf_len = 0;
      } else if (esc || cr) {
        t->value = buf_finish(lx);
      } else {
        t->value.ptr = (const char *)lx->src + body;
        t->value.len = end - body;
      }
      lx->buf_len = 0;
      if (cr) {
        /* TRV: CR and CRLF are read as LF. */
        for (uint32_t i = body; i < end; i++) {
          if (lx->src[i] == '\r') {
            buf_byte(lx, '\n');
            if (i + 1 < end && lx->src[i + 1] == '\n') i++;
          } else {
            buf_byte(lx, (char)lx->src[i]);
          }
        }
        t->raw = buf_finish(lx);
      } else {
        t->raw.ptr = (const char *)lx->src + body;
        t->raw.len = end - body;
      }
      if (esc) t->flags |= JS_TF_HAS_ESCAPE;
      return;
    }
    if (c == '\\') {
      esc = true;
      bool octal = false;
      const char *msg = NULL;
      uint32_t e = lx->pos;
      if (at(lx, lx->pos + 1) == '\r') cr = true;
      int r = read_escape(lx, &octal, &msg);
      if (r < 0 || octal) {
        if (lx->pos >= lx->len) {
          set_error(lx, "Unterminated template literal", t->start);
          lx->buf_len = 0;
          return;
        }
        if (!invalid) {
          invalid = true;
          t->flags |= JS_TF_INVALID_ESCAPE;
          t->esc_off = e;
          t->error = octal ? "Octal escape sequences are not allowed in template strings" : msg;
        }
      }
      continue;
    }
    if (c == '\r') {
      cr = true;
      buf_byte(lx, '\n');
      eat_newline(lx);
      continue;
    }
    if (c == '\n') {
      buf_byte(lx, '\n');
      eat_newline(lx);
      continue;
    }
    if (c >= 0x80) {
      int n;
      uint32_t cp = peek_cp(lx, &n);
      buf_push(lx, (const char *)lx->src + lx->pos, (uint32_t)n);
      if (cp == 0x2028 || cp == 0x2029)
        eat_newline(lx);
      else
        skip_cp(lx, cp, n);
      continue;
    }
    buf_byte(lx, (char)c);
    lx->pos++;
  }
}

/* ---- the token loop ---------------------------------------------------------------------- */

static inline void punct(js_lexer *lx, js_tok type, uint32_t n) {
  lx->tok.type = type;
  lx->pos += n;
}

void js_lexer_next(js_lexer *lx) {
  js_token *t = &lx->tok;
  t->flags = 0;
  t->kw = 0;
  t->error = NULL;
  t->value.ptr = NULL;
  t->value.len = 0;
  t->raw.ptr = NULL;
  t->raw.len = 0;
  if (!skip_trivia(lx)) {
    t->start = lx->tok.err_off;
    t->end = lx->pos;
    return;
  }
  t->start = lx->pos;
  t->line = lx->line;
  t->col = lx->pos - lx->line_start - lx->col_adjust;
  if (lx->pos >= lx->len) {
    t->type = JS_T_EOF;
    t->end = lx->pos;
    return;
  }
  uint8_t c = lx->src[lx->pos];
  int d = at(lx, lx->pos + 1);
  switch (c) {
  case '{': punct(lx, JS_T_LBRACE, 1); break;
  case '}': punct(lx, JS_T_RBRACE, 1); break;
  case '(': punct(lx, JS_T_LPAREN, 1); break;
  case ')': punct(lx, JS_T_RPAREN, 1); break;
  case '[': punct(lx, JS_T_LBRACKET, 1); break;
  case ']': punct(lx, JS_T_RBRACKET, 1); break;
  case ';': punct(lx, JS_T_SEMI, 1); break;
  case ',': punct(lx, JS_T_COMMA, 1); break;
  case ':': punct(lx, JS_T_COLON, 1); break;
  case '~': punct(lx, JS_T_TILDE, 1); break;
  case '@': punct(lx, JS_T_AT, 1); break;
  case '.':
    if (d >= '0' && d <= '9') {
      scan_number(lx);
    } else if (d == '.' && at(lx, lx->pos + 2) == '.') {
      punct(lx, JS_T_ELLIPSIS, 3);
    } else {
      punct(lx, JS_T_DOT, 1);
    }
    break;
  case '?':
    if (d == '?')
      punct(lx, at(lx, lx->pos + 2) == '=' ? JS_T_NULLISH_ASSIGN : JS_T_NULLISH,
            at(lx, lx->pos + 2) == '=' ? 3 : 2);
    else if (d == '.' && !(at(lx, lx->pos + 2) >= '0' && at(lx, lx->pos + 2) <= '9'))
      punct(lx, JS_T_QUESTION_DOT, 2);
    else
      punct(lx, JS_T_QUESTION, 1);
    break;
  case '<':
    if (d == '<')
      punct(lx, at(lx, lx->pos + 2) == '=' ? JS_T_SHL_ASSIGN : JS_T_SHL, at(lx, lx->pos + 2) == '=' ? 3 : 2);
    else if (d == '=')
      punct(lx, JS_T_LE, 2);
    else
      punct(lx, JS_T_LT, 1);
    break;
  case '>':
    if (d == '>') {
      int e = at(lx, lx->pos + 2);
      if (e == '>')
        punct(lx, at(lx, lx->pos + 3) == '=' ? JS_T_SHR_ASSIGN : JS_T_SHR, at(lx, lx->pos + 3) == '=' ? 4 : 3);
      else if (e == '=')
        punct(lx, JS_T_SAR_ASSIGN, 3);
      else
        punct(lx, JS_T_SAR, 2);
    } else if (d == '=') {
      punct(lx, JS_T_GE, 2);
    } else {
      punct(lx, JS_T_GT, 1);
    }
    break;
  case '=':
    if (d == '=')
      punct(lx, at(lx, lx->pos + 2) == '=' ? JS_T_SEQ : JS_T_EQ, at(lx, lx->pos + 2) == '=' ? 3 : 2);
    else if (d == '>')
      punct(lx, JS_T_ARROW, 2);
    else
      punct(lx, JS_T_ASSIGN, 1);
    break;
  case '!':
    if (d == '=')
      punct(lx, at(lx, lx->pos + 2) == '=' ? JS_T_SNE : JS_T_NE, at(lx, lx->pos + 2) == '=' ? 3 : 2);
    else
      punct(lx, JS_T_BANG, 1);
    break;
  case '+':
    punct(lx, d == '+' ? JS_T_INC : d == '=' ? JS_T_PLUS_ASSIGN : JS_T_PLUS, (d == '+' || d == '=') ? 2 : 1);
    break;
  case '-':
    punct(lx, d == '-' ? JS_T_DEC : d == '=' ? JS_T_MINUS_ASSIGN : JS_T_MINUS, (d == '-' || d == '=') ? 2 : 1);
    break;
  case '*':
    if (d == '*')
      punct(lx, at(lx, lx->pos + 2) == '=' ? JS_T_STARSTAR_ASSIGN : JS_T_STARSTAR, at(lx, lx->pos + 2) == '=' ? 3 : 2);
    else
      punct(lx, d == '=' ? JS_T_STAR_ASSIGN : JS_T_STAR, d == '=' ? 2 : 1);
    break;
  case '/': punct(lx, d == '=' ? JS_T_SLASH_ASSIGN : JS_T_SLASH, d == '=' ? 2 : 1); break;
  case '%': punct(lx, d == '=' ? JS_T_PERCENT_ASSIGN : JS_T_PERCENT, d == '=' ? 2 : 1); break;
  case '^': punct(lx, d == '=' ? JS_T_CARET_ASSIGN : JS_T_CARET, d == '=' ? 2 : 1); break;
  case '&':
    if (d == '&')
      punct(lx, at(lx, lx->pos + 2) == '=' ? JS_T_AND_ASSIGN : JS_T_AND, at(lx, lx->pos + 2) == '=' ? 3 : 2);
    else
      punct(lx, d == '=' ? JS_T_AMP_ASSIGN : JS_T_AMP, d == '=' ? 2 : 1);
    break;
  case '|':
    if (d == '|')
      punct(lx, at(lx, lx->pos + 2) == '=' ? JS_T_OR_ASSIGN : JS_T_OR, at(lx, lx->pos + 2) == '=' ? 3 : 2);
    else
      punct(lx, d == '=' ? JS_T_PIPE_ASSIGN : JS_T_PIPE, d == '=' ? 2 : 1);
    break;
  case '"': case '\'':
    scan_string(lx);
    break;
  case '`':
    lx->pos++;
    scan_template(lx, true);
    break;
  case '#':
    lx->pos++;
    if (lx->pos < lx->len && (lx->src[lx->pos] == '\\' || lx->src[lx->pos] >= 0x80 ||
                              js_is_id_start(lx->src[lx->pos]))) {
      if (scan_name(lx)) t->type = JS_T_PRIVATE;
    } else {
      set_error(lx, "Invalid or unexpected token", t->start);
    }
    break;
  case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8':
  case '9':
    scan_number(lx);
    break;
  default:
    if (cclass[c] & ID) {
      if (scan_name(lx)) {
        t->type = JS_T_NAME;
        t->kw = kw_lookup(t->value.ptr, t->value.len);
      }
    } else if (c == '\\' || c >= 0x80) {
      if (c >= 0x80) {
        int n;
        uint32_t cp = peek_cp(lx, &n);
        if (!js_is_id_start(cp)) {
          lx->pos += (uint32_t)n;
          set_error(lx, "Invalid or unexpected token", t->start);
          break;
        }
      }
      if (scan_name(lx)) {
        t->type = JS_T_NAME;
        t->kw = kw_lookup(t->value.ptr, t->value.len);
      }
    } else {
      lx->pos++;
      set_error(lx, "Invalid or unexpected token", t->start);
    }
    break;
  }
  t->end = lx->pos;
  if (t->type == JS_T_ERROR && t->start > t->err_off) t->start = t->err_off;
}

/* ---- JSX --------------------------------------------------------------------------------- */

static inline bool jsx_name_part(js_lexer *lx) {
  uint8_t c = lx->src[lx->pos];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
      c == '-') {
    lx->pos++;
    return true;
  }
  if (c < 0x80) return false;
  int n;
  uint32_t cp = peek_cp(lx, &n);
  if (!js_is_id_part(cp)) return false;
  skip_cp(lx, cp, n);
  return true;
}

static void reset_token(js_lexer *lx) {
  js_token *t = &lx->tok;
  t->flags = 0;
  t->kw = 0;
  t->error = NULL;
  t->value.ptr = NULL;
  t->value.len = 0;
  t->raw.ptr = NULL;
  t->raw.len = 0;
}

static void start_token(js_lexer *lx) {
  js_token *t = &lx->tok;
  t->start = lx->pos;
  t->line = lx->line;
  t->col = lx->pos - lx->line_start - lx->col_adjust;
}

void js_lexer_next_jsx_tag(js_lexer *lx) {
  js_token *t = &lx->tok;
  reset_token(lx);
  if (!skip_trivia(lx)) {
    t->start = lx->tok.err_off;
    t->end = lx->pos;
    return;
  }
  if (lx->pos >= lx->len) {
    js_lexer_next(lx);
    return;
  }
  uint8_t c = lx->src[lx->pos];
  if (c == '"' || c == '\'') {
    start_token(lx);
    lx->pos++;
    uint32_t begin = lx->pos;
    for (;;) {
      if (lx->pos >= lx->len) {
        set_error(lx, "Unterminated string constant", t->start);
        t->end = lx->pos;
        return;
      }
      uint8_t e = lx->src[lx->pos];
      if (e == c) break;
      if (e == '\n' || e == '\r') {
        eat_newline(lx);
      } else if (e >= 0x80) {
        int n;
        uint32_t cp = peek_cp(lx, &n);
        if (cp == 0x2028 || cp == 0x2029) eat_newline(lx);
        else skip_cp(lx, cp, n);
      } else {
        lx->pos++;
      }
    }
    t->type = JS_T_STRING;
    t->value.ptr = (const char *)lx->src + begin;
    t->value.len = lx->pos - begin;
    lx->pos++;
    t->end = lx->pos;
    return;
  }
  if (c == '>') {
    start_token(lx);
    t->type = JS_T_GT;
    lx->pos++;
    t->end = lx->pos;
    return;
  }
  /* Names: JavaScript's, then any run of '-' and name characters. */
  js_lexer_next(lx);
  if (t->type != JS_T_NAME || lx->pos >= lx->len || lx->src[lx->pos] != '-') return;
  if (t->flags & JS_TF_ESCAPED) {
    set_error(lx, "Invalid or unexpected token", t->start);
    return;
  }
  while (lx->pos < lx->len && jsx_name_part(lx)) {}
  t->value.ptr = (const char *)lx->src + t->start;
  t->value.len = lx->pos - t->start;
  t->kw = 0;
  t->end = lx->pos;
}

void js_lexer_next_jsx_child(js_lexer *lx) {
  js_token *t = &lx->tok;
  reset_token(lx);
  start_token(lx);
  if (lx->pos >= lx->len) {
    t->type = JS_T_EOF;
    t->end = lx->pos;
    return;
  }
  uint8_t c = lx->src[lx->pos];
  if (c == '<' || c == '{') {
    t->type = c == '<' ? JS_T_LT : JS_T_LBRACE;
    lx->pos++;
    t->end = lx->pos;
    return;
  }
  while (lx->pos < lx->len) {
    uint8_t e = lx->src[lx->pos];
    if (e == '<' || e == '{') break;
    if (e == '>' || e == '}') {
      /* TypeScript's wording; Babel rejects the same characters. */
      set_error(lx, e == '>' ? "Unexpected token. Did you mean `{'>'}` or `&gt;`?"
                             : "Unexpected token. Did you mean `{'}'}` or `&rbrace;`?", lx->pos);
      lx->pos++;
      t->end = lx->pos;
      return;
    }
    if (e == '\n' || e == '\r') {
      eat_newline(lx);
    } else if (e >= 0x80) {
      int n;
      uint32_t cp = peek_cp(lx, &n);
      if (cp == 0x2028 || cp == 0x2029) eat_newline(lx);
      else skip_cp(lx, cp, n);
    } else {
      lx->pos++;
    }
  }
  t->type = JS_T_JSX_TEXT;
  t->value.ptr = (const char *)lx->src + t->start;
  t->value.len = lx->pos - t->start;
  t->end = lx->pos;
}

void js_lexer_rescan_regexp(js_lexer *lx) {
  js_token *t = &lx->tok;
  lx->pos = t->start + 1;
  bool in_class = false;
  uint32_t body = lx->pos;
  for (;;) {
    if (lx->pos >= lx->len) goto unterminated;
    uint8_t c = lx->src[lx->pos];
    if (c == '\n' || c == '\r') goto unterminated;
    if (c >= 0x80) {
      int n;
      uint32_t cp = peek_cp(lx, &n);
      if (cp == 0x2028 || cp == 0x2029) goto unterminated;
      skip_cp(lx, cp, n);
      continue;
    }
    if (c == '\\') {
      lx->pos++;
      if (lx->pos >= lx->len) goto unterminated;
      uint8_t e = lx->src[lx->pos];
      if (e == '\n' || e == '\r' || is_ls_ps_at(lx, lx->pos)) goto unterminated;
      if (e >= 0x80) {
        int n;
        uint32_t cp = peek_cp(lx, &n);
        skip_cp(lx, cp, n);
      } else {
        lx->pos++;
      }
      continue;
    }
    lx->pos++;
    if (c == '[') in_class = true;
    else if (c == ']') in_class = false;
    else if (c == '/' && !in_class) break;
  }
  t->value.ptr = (const char *)lx->src + body;
  t->value.len = lx->pos - 1 - body;
  uint32_t fstart = lx->pos;
  unsigned seen = 0;
  const char *letters = "dgimsuyv";
  while (lx->pos < lx->len) {
    uint8_t c = lx->src[lx->pos];
    if (c == '\\') {
      set_error(lx, "Invalid regular expression flags", lx->pos);
      t->end = lx->pos + 1;
      return;
    }
    if (c >= 0x80) {
      int n;
      uint32_t cp = peek_cp(lx, &n);
      if (!js_is_id_part(cp)) break;
      set_error(lx, "Invalid regular expression flags", lx->pos);
      lx->pos += (uint32_t)n;
      t->end = lx->pos;
      return;
    }
    if (!js_is_id_part(c)) break;
    const char *f = strchr(letters, c);
    if (!f || (seen & (1u << (f - letters)))) {
      set_error(lx, "Invalid regular expression flags", lx->pos);
      lx->pos++;
      t->end = lx->pos;
      return;
    }
    seen |= 1u << (f - letters);
    lx->pos++;
  }
  if ((seen & (1u << 5)) && (seen & (1u << 7))) {
    set_error(lx, "Invalid regular expression flags", fstart);
    t->end = lx->pos;
    return;
  }
  t->raw.ptr = (const char *)lx->src + fstart;
  t->raw.len = lx->pos - fstart;
  t->type = JS_T_REGEXP;
  t->end = lx->pos;
  return;
unterminated:
  set_error(lx, "Invalid regular expression: missing /", t->start);
  t->end = lx->pos;
}

void js_lexer_rescan_template(js_lexer *lx) {
  js_token *t = &lx->tok;
  lx->pos = t->start + 1;
  t->flags &= JS_TF_NL_BEFORE;
  t->error = NULL;
  scan_template(lx, false);
  t->end = lx->pos;
}

void js_lexer_position(const js_lexer *lx, uint32_t offset, uint32_t *line, uint32_t *col) {
  uint32_t ln = 1, ls = 0, adj = 0;
  const uint8_t *s = lx->src;
  if (offset > lx->len) offset = lx->len;
  for (uint32_t i = 0; i < offset;) {
    uint8_t c = s[i];
    if (c == '\n' || c == '\r') {
      i += (c == '\r' && i + 1 < lx->len && s[i + 1] == '\n') ? 2 : 1;
      ln++;
      ls = i;
      adj = 0;
    } else if (c >= 0x80) {
      uint32_t cp;
      int n = js_utf8_decode(s + i, lx->len - i, &cp);
      i += (uint32_t)n;
      if (cp == 0x2028 || cp == 0x2029) {
        ln++;
        ls = i;
        adj = 0;
      } else {
        adj += (uint32_t)n - (cp >= 0x10000 ? 2 : 1);
      }
    } else {
      i++;
    }
  }
  *line = ln;
  *col = offset - ls - adj;
}

static const char *const tok_texts[JS_T_COUNT] = {
  [JS_T_EOF] = "end of input", [JS_T_ERROR] = "invalid token", [JS_T_NAME] = "identifier",
  [JS_T_PRIVATE] = "private name", [JS_T_NUMBER] = "number", [JS_T_BIGINT] = "bigint",
  [JS_T_STRING] = "string", [JS_T_TEMPLATE] = "template", [JS_T_TEMPLATE_HEAD] = "template",
  [JS_T_TEMPLATE_MIDDLE] = "template", [JS_T_TEMPLATE_TAIL] = "template",
  [JS_T_REGEXP] = "regular expression",
  [JS_T_LBRACE] = "{", [JS_T_RBRACE] = "}", [JS_T_LPAREN] = "(", [JS_T_RPAREN] = ")",
  [JS_T_LBRACKET] = "[", [JS_T_RBRACKET] = "]", [JS_T_DOT] = ".", [JS_T_ELLIPSIS] = "...",
  [JS_T_SEMI] = ";", [JS_T_COMMA] = ",", [JS_T_QUESTION] = "?", [JS_T_QUESTION_DOT] = "?.",
  [JS_T_COLON] = ":", [JS_T_ARROW] = "=>", [JS_T_AT] = "@", [JS_T_HASH] = "#",
  [JS_T_LT] = "<", [JS_T_GT] = ">", [JS_T_LE] = "<=", [JS_T_GE] = ">=", [JS_T_EQ] = "==",
  [JS_T_NE] = "!=", [JS_T_SEQ] = "===", [JS_T_SNE] = "!==", [JS_T_PLUS] = "+",
  [JS_T_MINUS] = "-", [JS_T_STAR] = "*", [JS_T_SLASH] = "/", [JS_T_PERCENT] = "%",
  [JS_T_STARSTAR] = "**", [JS_T_INC] = "++", [JS_T_DEC] = "--", [JS_T_SHL] = "<<",
  [JS_T_SAR] = ">>", [JS_T_SHR] = ">>>", [JS_T_AMP] = "&", [JS_T_PIPE] = "|",
  [JS_T_CARET] = "^", [JS_T_BANG] = "!", [JS_T_TILDE] = "~", [JS_T_AND] = "&&",
  [JS_T_OR] = "||", [JS_T_NULLISH] = "??", [JS_T_ASSIGN] = "=", [JS_T_PLUS_ASSIGN] = "+=",
  [JS_T_MINUS_ASSIGN] = "-=", [JS_T_STAR_ASSIGN] = "*=", [JS_T_SLASH_ASSIGN] = "/=",
  [JS_T_PERCENT_ASSIGN] = "%=", [JS_T_STARSTAR_ASSIGN] = "**=", [JS_T_SHL_ASSIGN] = "<<=",
  [JS_T_SAR_ASSIGN] = ">>=", [JS_T_SHR_ASSIGN] = ">>>=", [JS_T_AMP_ASSIGN] = "&=",
  [JS_T_PIPE_ASSIGN] = "|=", [JS_T_CARET_ASSIGN] = "^=", [JS_T_AND_ASSIGN] = "&&=",
  [JS_T_OR_ASSIGN] = "||=", [JS_T_NULLISH_ASSIGN] = "?\?=", [JS_T_JSX_TEXT] = "JSX text",
};

const char *js_tok_text(js_tok t) { return (unsigned)t < JS_T_COUNT && tok_texts[t] ? tok_texts[t] : "?"; }
