/* Regular expression pattern validation (ECMA-262 22.2 with Annex B.1.2 for patterns without the
 * u or v flag): the early errors of a RegularExpressionLiteral. Nothing is compiled; the pattern
 * is parsed once with the grammar its flags select.
 *
 * Without u/v a pattern is a sequence of UTF-16 code units, so an astral character written
 * literally is read as two surrogates (that is what makes /[😀-😂]/ an out-of-order range).
 * Unicode property names are checked against ECMA-262's tables; General_Category and Script
 * values through ICU, accepting only the exact aliases of PropertyValueAliases.txt. */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "compiler/parser.h"
#include "compiler/unicode.h"

#define RX_MAX_DEPTH 512

typedef struct rx_path {
  uint32_t disj, alt;
} rx_path;

typedef struct rx_name {
  char *name;
  rx_path *path;
  uint32_t npath;
} rx_name;

typedef struct rx {
  const uint8_t *s;
  uint32_t len, pos;
  uint32_t pending_low; /* second half of an astral literal in UTF-16 mode */
  bool u, v, named;
  uint32_t ngroups;
  const char *err;
  uint32_t err_at;
  int depth;
  /* group names defined so far, with the alternatives they sit in */
  rx_name *names;
  uint32_t nnames, cap_names;
  /* names referenced by \k, checked at the end */
  char **refs;
  uint32_t *ref_at;
  uint32_t nrefs, cap_refs;
  rx_path *path;
  uint32_t npath, cap_path;
  uint32_t next_disj;
} rx;

static bool fail(rx *r, const char *msg) {
  if (!r->err) {
    r->err = msg;
    r->err_at = r->pos;
  }
  return false;
}

static bool fail_at(rx *r, const char *msg, uint32_t at) {
  if (!r->err) {
    r->err = msg;
    r->err_at = at;
  }
  return false;
}

static inline bool eof(rx *r) { return !r->pending_low && r->pos >= r->len; }

/* Current character: a code point with u/v, a code unit without; -1 at the end. */
static int32_t peek(rx *r) {
  if (r->pending_low) return (int32_t)r->pending_low;
  if (r->pos >= r->len) return -1;
  uint8_t c = r->s[r->pos];
  if (c < 0x80) return c;
  uint32_t cp;
  js_utf8_decode(r->s + r->pos, r->len - r->pos, &cp);
  if (cp >= 0x10000 && !r->u) return (int32_t)(0xD800 + ((cp - 0x10000) >> 10));
  return (int32_t)cp;
}

static int32_t peek_at(rx *r, uint32_t k) {
  /* ASCII lookahead only (for punctuators). */
  if (r->pending_low) return k == 0 ? (int32_t)r->pending_low : -1;
  return r->pos + k < r->len ? r->s[r->pos + k] : -1;
}

static int32_t advance(rx *r) {
  if (r->pending_low) {
    int32_t c = (int32_t)r->pending_low;
    r->pending_low = 0;
    return c;
  }
  if (r->pos >= r->len) return -1;
  uint8_t c = r->s[r->pos];
  if (c < 0x80) {
    r->pos++;
    return c;
  }
  uint32_t cp;
  int n = js_utf8_decode(r->s + r->pos, r->len - r->pos, &cp);
  r->pos += (uint32_t)n;
  if (cp >= 0x10000 && !r->u) {
    r->pending_low = 0xDC00 + ((cp - 0x10000) & 0x3FF);
    return (int32_t)(0xD800 + ((cp - 0x10000) >> 10));
  }
  return (int32_t)cp;
}

static bool eat(rx *r, int c) {
  if (peek(r) == c) {
    advance(r);
    return true;
  }
  return false;
}

static inline int hexval(int32_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static inline bool is_syntax_char(int32_t c) { return c >= 0 && c < 128 && strchr("^$\\.*+?()[]{}|", (int)c) && c; }

/* ---- escapes shared by atoms and classes ------------------------------------------------- */

/* After `\u`: reads RegExpUnicodeEscapeSequence. Returns the code point or -1 (not an escape;
 * position restored). With u/v a surrogate pair of escapes joins into one code point. */
static int32_t read_u_escape(rx *r, bool unicode) {
  uint32_t save = r->pos;
  if (unicode && peek(r) == '{') {
    advance(r);
    uint32_t v = 0;
    int digits = 0;
    while (hexval(peek(r)) >= 0) {
      v = v * 16 + (uint32_t)hexval(advance(r));
      digits++;
      if (v > 0x10FFFF) return fail(r, "Invalid Unicode escape"), -2;
    }
    if (!digits || !eat(r, '}')) {
      r->pos = save;
      return -1;
    }
    return (int32_t)v;
  }
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) {
    int h = hexval(peek_at(r, 0));
    if (h < 0) {
      r->pos = save;
      return -1;
    }
    advance(r);
    v = v * 16 + (uint32_t)h;
  }
  if (unicode && v >= 0xD800 && v <= 0xDBFF && peek_at(r, 0) == '\\' && peek_at(r, 1) == 'u') {
    uint32_t s2 = r->pos;
    r->pos += 2;
    uint32_t w = 0;
    bool ok = true;
    for (int i = 0; i < 4; i++) {
      int h = hexval(peek_at(r, 0));
      if (h < 0) {
        ok = false;
        break;
      }
      r->pos++;
      w = w * 16 + (uint32_t)h;
    }
    if (ok && w >= 0xDC00 && w <= 0xDFFF) return (int32_t)(0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00));
    r->pos = s2;
  }
  return (int32_t)v;
}

/* ---- group names ------------------------------------------------------------------------- */

/* RegExpIdentifierName after `<`, up to and including `>`. Returns a malloc'd UTF-8 name. */
static char *read_group_name(rx *r) {
  size_t cap = 32, len = 0;
  char *out = malloc(cap);
  if (!out) return fail(r, "Out of memory"), NULL;
  bool first = true;
  for (;;) {
    int32_t c = peek(r);
    if (c == '>') {
      if (first) break;
      advance(r);
      out[len] = 0;
      return out;
    }
    uint32_t at = r->pos;
    int32_t cp;
    if (c == '\\') {
      advance(r);
      if (!eat(r, 'u')) break;
      cp = read_u_escape(r, true);
      if (cp < 0) break;
    } else if (c < 0) {
      break;
    } else {
      /* Names are read by code point whatever the flags: a literal astral letter is one. */
      if (r->pending_low) break;
      if (c < 0x80) {
        cp = advance(r);
      } else {
        uint32_t d;
        int n = js_utf8_decode(r->s + r->pos, r->len - r->pos, &d);
        r->pos += (uint32_t)n;
        cp = (int32_t)d;
      }
    }
    if (!(first ? js_is_id_start((uint32_t)cp) : js_is_id_part((uint32_t)cp))) {
      r->pos = at;
      break;
    }
    if (len + 5 > cap) {
      cap *= 2;
      char *no = realloc(out, cap);
      if (!no) {
        free(out);
        return fail(r, "Out of memory"), NULL;
      }
      out = no;
    }
    len += (size_t)js_utf8_encode(out + len, (uint32_t)cp);
    first = false;
  }
  free(out);
  fail(r, "Invalid capture group name");
  return NULL;
}

/* First pass: count capturing groups and note whether any has a name. */
static void prescan(rx *r) {
  bool in_class = false;
  for (uint32_t i = 0; i < r->len; i++) {
    uint8_t c = r->s[i];
    if (c == '\\') {
      i++;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') in_class = true;
    else if (c == '(') {
      if (i + 1 < r->len && r->s[i + 1] == '?') {
        if (i + 2 < r->len && r->s[i + 2] == '<' && i + 3 < r->len && r->s[i + 3] != '=' && r->s[i + 3] != '!') {
          r->ngroups++;
          r->named = true;
        }
      } else {
        r->ngroups++;
      }
    }
  }
}

static bool paths_disjoint(const rx_path *a, uint32_t na, const rx_path *b, uint32_t nb) {
  for (uint32_t i = 0; i < na && i < nb; i++) {
    if (a[i].disj != b[i].disj) return false;
    if (a[i].alt != b[i].alt) return true;
  }
  return false;
}

static bool define_name(rx *r, char *name, uint32_t at) {
  for (uint32_t i = 0; i < r->nnames; i++) {
    if (strcmp(r->names[i].name, name) == 0 &&
        !paths_disjoint(r->names[i].path, r->names[i].npath, r->path, r->npath)) {
      free(name);
      return fail_at(r, "Duplicate capture group name", at);
    }
  }
  if (r->nnames == r->cap_names) {
    uint32_t cap = r->cap_names ? r->cap_names * 2 : 8;
    rx_name *nn = realloc(r->names, cap * sizeof *nn);
    if (!nn) {
      free(name);
      return fail(r, "Out of memory");
    }
    r->names = nn;
    r->cap_names = cap;
  }
  rx_name *e = &r->names[r->nnames++];
  e->name = name;
  e->npath = r->npath;
  e->path = malloc((r->npath ? r->npath : 1) * sizeof *e->path);
  if (!e->path) return fail(r, "Out of memory");
  if (r->npath) memcpy(e->path, r->path, r->npath * sizeof *e->path);
  return true;
}

static bool add_ref(rx *r, char *name, uint32_t at) {
  if (r->nrefs == r->cap_refs) {
    uint32_t cap = r->cap_refs ? r->cap_refs * 2 : 8;
    char **nr = realloc(r->refs, cap * sizeof *nr);
    uint32_t *na = nr ? realloc(r->ref_at, cap * sizeof *na) : NULL;
    if (nr) r->refs = nr;
    if (!nr || !na) {
      free(name);
      return fail(r, "Out of memory");
    }
    r->ref_at = na;
    r->cap_refs = cap;
  }
  r->refs[r->nrefs] = name;
  r->ref_at[r->nrefs] = at;
  r->nrefs++;
  return true;
}

/* ---- Unicode properties ------------------------------------------------------------------ */

static const char *const binary_props[] = {
  "ASCII", "ASCII_Hex_Digit", "AHex", "Alphabetic", "Alpha", "Any", "Assigned", "Bidi_Control", "Bidi_C",
  "Bidi_Mirrored", "Bidi_M", "Case_Ignorable", "CI", "Cased", "Changes_When_Casefolded", "CWCF",
  "Changes_When_Casemapped", "CWCM", "Changes_When_Lowercased", "CWL", "Changes_When_NFKC_Casefolded",
  "CWKCF", "Changes_When_Titlecased", "CWT", "Changes_When_Uppercased", "CWU", "Dash",
  "Default_Ignorable_Code_Point", "DI", "Deprecated", "Dep", "Diacritic", "Dia", "Emoji",
  "Emoji_Component", "EComp", "Emoji_Modifier", "EMod", "Emoji_Modifier_Base", "EBase",
  "Emoji_Presentation", "EPres", "Extended_Pictographic", "ExtPict", "Extender", "Ext", "Grapheme_Base",
  "Gr_Base", "Grapheme_Extend", "Gr_Ext", "Hex_Digit", "Hex", "IDS_Binary_Operator", "IDSB",
  "IDS_Trinary_Operator", "IDST", "ID_Continue", "IDC", "ID_Start", "IDS", "Ideographic", "Ideo",
  "Join_Control", "Join_C", "Logical_Order_Exception", "LOE", "Lowercase", "Lower", "Math",
  "Noncharacter_Code_Point", "NChar", "Pattern_Syntax", "Pat_Syn", "Pattern_White_Space", "Pat_WS",
  "Quotation_Mark", "QMark", "Radical", "Regional_Indicator", "RI", "Sentence_Terminal", "STerm",
  "Soft_Dotted", "SD", "Terminal_Punctuation", "Term", "Unified_Ideograph", "UIdeo", "Uppercase", "Upper",
  "Variation_Selector", "VS", "White_Space", "space", "XID_Continue", "XIDC", "XID_Start", "XIDS",
};

static const char *const string_props[] = {
  "Basic_Emoji", "Emoji_Keycap_Sequence", "RGI_Emoji_Modifier_Sequence", "RGI_Emoji_Flag_Sequence",
  "RGI_Emoji_Tag_Sequence", "RGI_Emoji_ZWJ_Sequence", "RGI_Emoji",
};

static bool in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, list[i]) == 0) return true;
  return false;
}

/* True if value is one of the exact aliases ICU knows for a value of prop. */
static bool exact_value(UProperty prop, const char *value) {
  int32_t e = u_getPropertyValueEnum(prop, value);
  if (e == UCHAR_INVALID_CODE) return false;
  for (int choice = 0; choice < 8; choice++) {
    const char *n = u_getPropertyValueName(prop, e, (UPropertyNameChoice)choice);
    if (n && strcmp(n, value) == 0) {
      if (prop == UCHAR_SCRIPT) {
        /* ICU also knows ISO 15924 codes of scripts Unicode has not encoded. */
        if (e == USCRIPT_UNKNOWN || e == USCRIPT_COMMON || e == USCRIPT_INHERITED) return true;
        if (uscript_getUsage((UScriptCode)e) == USCRIPT_USAGE_NOT_ENCODED) return false;
      }
      return true;
    }
  }
  return false;
}

/* After `\p` or `\P`: `{Name}` or `{Name=Value}`. *strings is set for properties of strings. */
static bool property_escape(rx *r, bool negated, bool *strings) {
  uint32_t at = r->pos;
  if (!eat(r, '{')) return fail(r, "Invalid property name");
  char name[64], value[64];
  size_t nl = 0, vl = 0;
  bool has_value = false;
  for (;;) {
    int32_t c = peek(r);
    if (c == '}') break;
    if (c == '=' && !has_value) {
      has_value = true;
      advance(r);
      continue;
    }
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return fail_at(r, "Invalid property name", at);
    advance(r);
    if (has_value) {
      if (vl + 1 >= sizeof value) return fail_at(r, "Invalid property name", at);
      value[vl++] = (char)c;
    } else {
      if (nl + 1 >= sizeof name) return fail_at(r, "Invalid property name", at);
      name[nl++] = (char)c;
    }
  }
  advance(r);
  name[nl] = 0;
  value[vl] = 0;
  *strings = false;
  if (has_value) {
    if (!nl || !vl) return fail_at(r, "Invalid property name", at);
    if (!strcmp(name, "General_Category") || !strcmp(name, "gc")) {
      if (exact_value(UCHAR_GENERAL_CATEGORY_MASK, value)) return true;
    } else if (!strcmp(name, "Script") || !strcmp(name, "sc") || !strcmp(name, "Script_Extensions") ||
               !strcmp(name, "scx")) {
      if (exact_value(UCHAR_SCRIPT, value)) return true;
    }
    return fail_at(r, "Invalid property name", at);
  }
  if (!nl) return fail_at(r, "Invalid property name", at);
  if (in_list(name, binary_props, sizeof binary_props / sizeof *binary_props)) return true;
  if (exact_value(UCHAR_GENERAL_CATEGORY_MASK, name)) return true;
  if (r->v && in_list(name, string_props, sizeof string_props / sizeof *string_props)) {
    if (negated) return fail_at(r, "Invalid property name", at);
    *strings = true;
    return true;
  }
  return fail_at(r, "Invalid property name", at);
}

/* ---- character escapes ------------------------------------------------------------------- */

enum { CE_NONE = -1, CE_SET = -2 };

/* After a backslash inside or outside a class: reads a CharacterEscape or CharacterClassEscape.
 * Returns the code point, CE_SET for a class escape (\d, \p{...}), or CE_NONE after failing.
 * in_class enables \b (backspace) and, with u, \-. */
static int32_t char_escape(rx *r, bool in_class, bool *strings) {
  uint32_t at = r->pos - 1;
  int32_t c = peek(r);
  if (strings) *strings = false;
  if (c < 0) return fail(r, "\\ at end of pattern"), CE_NONE;
  switch (c) {
  case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
    advance(r);
    return CE_SET;
  case 'p': case 'P':
    if (r->u) {
      advance(r);
      bool st = false;
      if (!property_escape(r, c == 'P', &st)) return CE_NONE;
      if (strings) *strings = st;
      return CE_SET;
    }
    advance(r);
    return c;
  case 'f': advance(r); return '\f';
  case 'n': advance(r); return '\n';
  case 'r': advance(r); return '\r';
  case 't': advance(r); return '\t';
  case 'v': advance(r); return '\v';
  case 'b':
    if (in_class) {
      advance(r);
      return '\b';
    }
    break;
  case '-':
    if (in_class && r->u) {
      advance(r);
      return '-';
    }
    break;
  case 'c': {
    int32_t d = peek_at(r, 1);
    if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')) {
      advance(r);
      advance(r);
      return d % 32;
    }
    if (!r->u && in_class && ((d >= '0' && d <= '9') || d == '_')) {
      advance(r);
      advance(r);
      return d % 32;
    }
    if (r->u) return fail_at(r, "Invalid unicode escape", at), CE_NONE;
    /* Annex B: the backslash stands for itself; `c` is read next. */
    return '\\';
  }
  case '0':
    advance(r);
    if (peek(r) >= '0' && peek(r) <= '9') {
      if (r->u) return fail_at(r, "Invalid decimal escape", at), CE_NONE;
      /* legacy octal */
      int32_t v = 0;
      r->pos--;
      for (int i = 0; i < 3 && peek(r) >= '0' && peek(r) <= '7'; i++) {
        int32_t nv = v * 8 + (advance(r) - '0');
        if (nv > 0377) {
          r->pos--;
          break;
        }
        v = nv;
      }
      return v;
    }
    return 0;
  case 'x': {
    advance(r);
    int h1 = hexval(peek_at(r, 0)), h2 = hexval(peek_at(r, 1));
    if (h1 >= 0 && h2 >= 0) {
      advance(r);
      advance(r);
      return h1 * 16 + h2;
    }
    if (r->u) return fail_at(r, "Invalid escape", at), CE_NONE;
    return 'x';
  }
  case 'u': {
    advance(r);
    int32_t cp = read_u_escape(r, r->u);
    if (cp == -2) return CE_NONE;
    if (cp < 0) {
      if (r->u) return fail_at(r, "Invalid Unicode escape", at), CE_NONE;
      return 'u';
    }
    return cp;
  }
  case 'k':
    if (r->u || r->named) return fail_at(r, "Invalid named reference", at), CE_NONE;
    advance(r);
    return 'k';
  default:
    break;
  }
  if (c >= '1' && c <= '9') {
    /* Inside a class (or without u, a too large backreference): legacy octal or identity. */
    if (r->u) return fail_at(r, in_class ? "Invalid class escape" : "Invalid escape", at), CE_NONE;
    if (c <= '7') {
      int32_t v = 0;
      for (int i = 0; i < 3 && peek(r) >= '0' && peek(r) <= '7'; i++) {
        int32_t nv = v * 8 + (peek(r) - '0');
        if (nv > 0377) break;
        advance(r);
        v = nv;
      }
      return v;
    }
    advance(r);
    return c;
  }
  if (r->u) {
    if (is_syntax_char(c) || c == '/') {
      advance(r);
      return c;
    }
    return fail_at(r, in_class ? "Invalid class escape" : "Invalid escape", at), CE_NONE;
  }
  advance(r);
  return c;
}

/* ---- classes ----------------------------------------------------------------------------- */

/* A ClassAtom without v: returns the code point or CE_SET. */
static int32_t class_atom(rx *r) {
  int32_t c = advance(r);
  if (c == '\\') return char_escape(r, true, NULL);
  return c;
}

static bool class_ranges(rx *r) {
  for (;;) {
    if (eof(r)) return fail(r, "Unterminated character class");
    if (peek(r) == ']') {
      advance(r);
      return true;
    }
    uint32_t at = r->pos;
    int32_t a = class_atom(r);
    if (a == CE_NONE) return false;
    if (peek(r) == '-' && peek_at(r, 1) != ']' && peek_at(r, 1) >= 0) {
      advance(r);
      int32_t b = class_atom(r);
      if (b == CE_NONE) return false;
      if (a == CE_SET || b == CE_SET) {
        if (r->u) return fail_at(r, "Invalid character class", at);
        continue;
      }
      if (a > b) return fail_at(r, "Range out of order in character class", at);
    }
  }
}

static bool is_reserved_double(int32_t a, int32_t b) {
  return a == b && a >= 0 && a < 128 && strchr("&!#$%*+,.:;<=>?@^`~", (int)a) && a;
}

static bool class_v(rx *r, bool negated, bool *strings);

/* ClassSetCharacter; returns the code point or CE_NONE. */
static int32_t class_set_char(rx *r) {
  int32_t c = peek(r);
  uint32_t at = r->pos;
  if (c < 0) return fail(r, "Unterminated character class"), CE_NONE;
  if (c == '\\') {
    advance(r);
    int32_t d = peek(r);
    if (d >= 0 && d < 128 && strchr("&-!#%,:;<=>@`~", (int)d) && d) {
      advance(r);
      return d;
    }
    if (d == 'b') {
      advance(r);
      return '\b';
    }
    int32_t e = char_escape(r, false, NULL);
    if (e == CE_SET) return fail_at(r, "Invalid set operation in character class", at), CE_NONE;
    return e;
  }
  if (is_reserved_double(c, peek_at(r, 1))) return fail(r, "Invalid set operation in character class"), CE_NONE;
  if (c < 128 && strchr("()[]{}/-|", (int)c)) return fail(r, "Invalid character in character class"), CE_NONE;
  advance(r);
  return c;
}

/* One ClassSetOperand. *single is the code point when it is a lone ClassSetCharacter (a range
 * may start there), otherwise CE_SET. */
static bool class_operand(rx *r, int32_t *single, bool *strings) {
  *strings = false;
  *single = CE_SET;
  int32_t c = peek(r);
  if (c == '[') {
    advance(r);
    bool neg = eat(r, '^');
    return class_v(r, neg, strings);
  }
  if (c == '\\') {
    int32_t d = peek_at(r, 1);
    if (d == 'q') {
      uint32_t at = r->pos;
      r->pos += 2;
      if (!eat(r, '{')) return fail_at(r, "Invalid escape", at);
      uint32_t count = 0;
      for (;;) {
        if (peek(r) == '}') {
          advance(r);
          if (count != 1) *strings = true;
          break;
        }
        if (peek(r) == '|') {
          advance(r);
          if (count != 1) *strings = true;
          count = 0;
          continue;
        }
        if (class_set_char(r) == CE_NONE) return false;
        count++;
      }
      return true;
    }
    if (d == 'd' || d == 'D' || d == 's' || d == 'S' || d == 'w' || d == 'W' || d == 'p' || d == 'P') {
      advance(r);
      return char_escape(r, true, strings) != CE_NONE;
    }
  }
  int32_t ch = class_set_char(r);
  if (ch == CE_NONE) return false;
  *single = ch;
  return true;
}

/* After `[` (and `^`) with v: ClassContents up to and including `]`. */
static bool class_v(rx *r, bool negated, bool *strings) {
  if (++r->depth > RX_MAX_DEPTH) return fail(r, "Regular expression too deeply nested");
  *strings = false;
  uint32_t start = r->pos;
  if (eat(r, ']')) {
    r->depth--;
    return true;
  }
  int32_t single;
  bool s;
  if (!class_operand(r, &single, &s)) return false;
  bool result_strings = s;
  if (peek(r) == '&' && peek_at(r, 1) == '&') {
    while (peek(r) == '&' && peek_at(r, 1) == '&') {
      r->pos += 2;
      if (peek(r) == '&') return fail(r, "Invalid set operation in character class");
      bool s2;
      if (!class_operand(r, &single, &s2)) return false;
      result_strings = result_strings && s2;
    }
    if (!eat(r, ']')) return fail(r, "Invalid set operation in character class");
  } else if (peek(r) == '-' && peek_at(r, 1) == '-') {
    while (peek(r) == '-' && peek_at(r, 1) == '-') {
      r->pos += 2;
      bool s2;
      if (!class_operand(r, &single, &s2)) return false;
    }
    if (!eat(r, ']')) return fail(r, "Invalid set operation in character class");
  } else {
    /* ClassUnion: operands and ranges */
    for (;;) {
      if (single != CE_SET && peek(r) == '-' && peek_at(r, 1) != '-') {
        uint32_t at = r->pos;
        advance(r);
        int32_t b = class_set_char(r);
        if (b == CE_NONE) return false;
        if (single > b) return fail_at(r, "Range out of order in character class", at);
        single = CE_SET;
      }
      if (eat(r, ']')) break;
      if (eof(r)) return fail(r, "Unterminated character class");
      if ((peek(r) == '&' && peek_at(r, 1) == '&') || (peek(r) == '-' && peek_at(r, 1) == '-'))
        return fail(r, "Invalid set operation in character class");
      bool s2;
      if (!class_operand(r, &single, &s2)) return false;
      result_strings = result_strings || s2;
    }
  }
  (void)start;
  if (negated && result_strings) return fail(r, "Negated character class may contain strings");
  *strings = result_strings;
  r->depth--;
  return true;
}

/* ---- terms ------------------------------------------------------------------------------- */

/* Reads `{n}`, `{n,}` or `{n,m}` at `{`. Returns 1 if one was read, 0 if the text is not a
 * quantifier (position unchanged), -1 on error (numbers out of order). */
static int braced_quantifier(rx *r) {
  uint32_t save = r->pos;
  if (peek(r) != '{') return 0;
  advance(r);
  uint32_t a0 = r->pos;
  while (peek(r) >= '0' && peek(r) <= '9') advance(r);
  uint32_t a1 = r->pos;
  if (a0 == a1) {
    r->pos = save;
    return 0;
  }
  uint32_t b0 = 0, b1 = 0;
  bool comma = false;
  if (eat(r, ',')) {
    comma = true;
    b0 = r->pos;
    while (peek(r) >= '0' && peek(r) <= '9') advance(r);
    b1 = r->pos;
  }
  if (!eat(r, '}')) {
    r->pos = save;
    return 0;
  }
  if (comma && b1 > b0) {
    /* compare the decimal numbers a and b without overflow */
    while (a0 < a1 - 1 && r->s[a0] == '0') a0++;
    while (b0 < b1 - 1 && r->s[b0] == '0') b0++;
    uint32_t la = a1 - a0, lb = b1 - b0;
    int cmp = la != lb ? (la < lb ? -1 : 1) : memcmp(r->s + a0, r->s + b0, la);
    if (cmp > 0) {
      fail_at(r, "numbers out of order in {} quantifier", save);
      return -1;
    }
  }
  return 1;
}

static bool disjunction(rx *r);

/* A group after `(`; returns whether it may be quantified (lookbehinds may not; lookaheads
 * only without u). */
static bool group(rx *r, bool *quantifiable) {
  uint32_t at = r->pos - 1;
  *quantifiable = true;
  if (eat(r, '?')) {
    int32_t c = peek(r);
    if (c == ':') {
      advance(r);
    } else if (c == '=' || c == '!') {
      advance(r);
      *quantifiable = !r->u;
    } else if (c == '<' && (peek_at(r, 1) == '=' || peek_at(r, 1) == '!')) {
      r->pos += 2;
      *quantifiable = false;
    } else if (c == '<') {
      advance(r);
      char *name = read_group_name(r);
      if (!name) return false;
      if (!define_name(r, name, at)) return false;
    } else if (c == 'i' || c == 'm' || c == 's' || c == '-') {
      /* modifiers: (?ims-ims: ... ) */
      unsigned seen = 0;
      bool dash = false, any_add = false, any_remove = false;
      for (;;) {
        c = peek(r);
        if (c == ':') break;
        if (c == '-' && !dash) {
          dash = true;
          advance(r);
          continue;
        }
        unsigned bit = c == 'i' ? 1 : c == 'm' ? 2 : c == 's' ? 4 : 0;
        if (!bit) return fail(r, "Invalid group");
        if (seen & bit) return fail(r, "Repeated flag in modifiers");
        seen |= bit;
        if (dash) any_remove = true;
        else any_add = true;
        advance(r);
      }
      if (dash && !any_add && !any_remove) return fail(r, "Invalid group");
      advance(r);
    } else {
      return fail(r, "Invalid group");
    }
  }
  if (!disjunction(r)) return false;
  if (!eat(r, ')')) return fail(r, "Unterminated group");
  return true;
}

static bool term(rx *r) {
  uint32_t at = r->pos;
  int32_t c = peek(r);
  bool quantifiable = true;
  switch (c) {
  case '^': case '$':
    advance(r);
    quantifiable = false;
    break;
  case '\\': {
    advance(r);
    int32_t d = peek(r);
    if (d == 'b' || d == 'B') {
      advance(r);
      quantifiable = false;
      break;
    }
    if (d >= '1' && d <= '9') {
      /* DecimalEscape: a backreference if it names an existing group. */
      uint32_t save = r->pos;
      uint64_t n = 0;
      while (peek(r) >= '0' && peek(r) <= '9') {
        n = n * 10 + (uint64_t)(advance(r) - '0');
        if (n > 0xFFFFFFFFu) n = 0xFFFFFFFFu;
      }
      if (n <= r->ngroups) break;
      if (r->u) return fail_at(r, "Invalid escape", at);
      r->pos = save;
    }
    if (d == 'k' && (r->u || r->named)) {
      advance(r);
      if (!eat(r, '<')) return fail_at(r, "Invalid named reference", at);
      char *name = read_group_name(r);
      if (!name) return false;
      if (!add_ref(r, name, at)) return false;
      break;
    }
    if (char_escape(r, false, NULL) == CE_NONE) return false;
    break;
  }
  case '(':
    advance(r);
    if (++r->depth > RX_MAX_DEPTH) return fail(r, "Regular expression too deeply nested");
    if (!group(r, &quantifiable)) return false;
    r->depth--;
    break;
  case '[': {
    advance(r);
    bool neg = eat(r, '^');
    if (r->v) {
      bool strings;
      if (!class_v(r, neg, &strings)) return false;
    } else if (!class_ranges(r)) {
      return false;
    }
    break;
  }
  case '.':
    advance(r);
    break;
  case '*': case '+': case '?':
    return fail(r, "Nothing to repeat");
  case '{': {
    if (r->u) return fail(r, "Lone quantifier brackets");
    int q = braced_quantifier(r);
    if (q != 0) return fail_at(r, "Nothing to repeat", at);
    advance(r);
    break;
  }
  case '}': case ']':
    if (r->u) return fail(r, "Lone quantifier brackets");
    advance(r);
    break;
  default:
    advance(r);
    break;
  }
  /* Quantifier */
  c = peek(r);
  bool has_q = false;
  if (c == '*' || c == '+' || c == '?') {
    advance(r);
    has_q = true;
  } else if (c == '{') {
    int q = braced_quantifier(r);
    if (q < 0) return false;
    if (q > 0) has_q = true;
    else if (r->u) return fail(r, "Incomplete quantifier");
  }
  if (has_q) {
    if (!quantifiable) return fail_at(r, "Nothing to repeat", at);
    eat(r, '?');
  }
  return true;
}

static bool alternative(rx *r) {
  while (!eof(r) && peek(r) != '|' && peek(r) != ')')
    if (!term(r)) return false;
  return true;
}

static bool push_path(rx *r, uint32_t disj, uint32_t alt) {
  if (r->npath == r->cap_path) {
    uint32_t cap = r->cap_path ? r->cap_path * 2 : 16;
    rx_path *np = realloc(r->path, cap * sizeof *np);
    if (!np) return fail(r, "Out of memory");
    r->path = np;
    r->cap_path = cap;
  }
  r->path[r->npath].disj = disj;
  r->path[r->npath].alt = alt;
  r->npath++;
  return true;
}

static bool disjunction(rx *r) {
  uint32_t id = r->next_disj++;
  uint32_t alt = 0;
  if (!push_path(r, id, alt)) return false;
  for (;;) {
    if (!alternative(r)) return false;
    if (!eat(r, '|')) break;
    r->path[r->npath - 1].alt = ++alt;
  }
  r->npath--;
  return true;
}

const char *js__regexp_validate(const char *pattern, uint32_t len, const char *flags, uint32_t flen,
                                uint32_t *err_at) {
  rx r;
  memset(&r, 0, sizeof r);
  r.s = (const uint8_t *)pattern;
  r.len = len;
  for (uint32_t i = 0; i < flen; i++) {
    if (flags[i] == 'u') r.u = true;
    if (flags[i] == 'v') r.u = r.v = true;
  }
  prescan(&r);
  if (r.u) r.named = true;
  if (disjunction(&r) && !eof(&r)) {
    if (peek(&r) == ')') fail(&r, "Unmatched ')'");
    else fail(&r, "Unexpected character");
  }
  for (uint32_t i = 0; !r.err && i < r.nrefs; i++) {
    bool found = false;
    for (uint32_t j = 0; j < r.nnames && !found; j++) found = strcmp(r.names[j].name, r.refs[i]) == 0;
    if (!found) fail_at(&r, "Invalid named capture referenced", r.ref_at[i]);
  }
  for (uint32_t i = 0; i < r.nnames; i++) {
    free(r.names[i].name);
    free(r.names[i].path);
  }
  for (uint32_t i = 0; i < r.nrefs; i++) free(r.refs[i]);
  free(r.names);
  free(r.refs);
  free(r.ref_at);
  free(r.path);
  *err_at = r.err_at > len ? len : r.err_at;
  return r.err;
}
