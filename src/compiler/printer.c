/* The printer: AST to JavaScript. Parentheses come from precedence (a child is wrapped when it
 * binds more loosely than its position requires) plus the few positional rules of the grammar:
 * an expression statement may not start with `{`, `function`, `class` or `let [`, an arrow's
 * expression body may not start with `{`, `in` may not appear bare in a for-statement head, a
 * `new` callee may not contain a call, an optional chain ends at a parenthesis.
 *
 * Minified mode drops indentation, newlines and optional spaces; the spaces that separate tokens
 * (`a - -b`, `typeof x`, `a / /re/`) are kept in both modes by checking the last byte written. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "compiler/lexer.h"
#include "compiler/parser.h"
#include "compiler/unicode.h"

enum {
  L_LOWEST, L_COMMA, L_SPREAD, L_YIELD, L_ASSIGN, L_COND, L_NULLISH, L_OR, L_AND, L_BITOR, L_BITXOR,
  L_BITAND, L_EQ, L_REL, L_SHIFT, L_ADD, L_MUL, L_EXP, L_PREFIX, L_POSTFIX, L_NEW, L_CALL, L_MEMBER
};

enum { F_FORBID_IN = 1, F_FORBID_CALL = 2 };

#define NONE SIZE_MAX

/* Nesting of expr()/stmt() calls js_print allows. A parsed tree needs no more than the parser's
 * own depth count (tests/unit/test_compiler_printer.c checks each nesting shape at the parser's
 * limit); lowering adds a few levels per construct (a namespace becomes a call of a function), so
 * the bound leaves four times that. A level costs at most ~400 bytes of stack at -O2: a parsed
 * tree stays under 0.5 MiB (a worker thread's stack is 1 MiB), the bound itself under 2 MiB. */
#define PRINT_MAX_DEPTH (4 * JS_DEFAULT_MAX_DEPTH)

typedef struct printer {
  char *buf;
  size_t len, cap;
  bool oom;
  bool minify;
  const char *indent;
  size_t indent_len;
  int level;
  size_t stmt_start;    /* output offset where an expression statement begins */
  size_t arrow_start;   /* ...where an arrow's expression body begins */
  size_t default_start; /* ...where an `export default` expression begins */
  size_t for_start;     /* ...where a for-statement head's init or left side begins */
  const js_node *for_of_left;
  js_mapping_fn cb;
  void *ud;
  size_t scanned; /* output already counted into gen_line/gen_col */
  uint32_t gen_line, gen_col;
  /* Nodes whose mapping waits for their first token: a separating space or a newline and
   * indentation may still come before it, and a source map must point at the token itself. */
  const js_node *pending[16];
  int npending;
  bool hold; /* the bytes being written are not a token of the pending nodes */
  unsigned depth; /* nesting of expr()/stmt() calls; past PRINT_MAX_DEPTH the print fails as oom */
} printer;

static void flush_mappings(printer *p, size_t at);

static void stmt(printer *p, const js_node *n);
static void expr(printer *p, const js_node *n, int level, int flags);
static void fragment(printer *p, const js_node *n);
static bool is_statement(js_kind k);
static void function_rest(printer *p, const js_function *fn);
static void class_rest(printer *p, const js_class *c);

/* ---- output ------------------------------------------------------------------------------ */

/* Makes room for n more bytes and the final NUL; false when memory ran out (or the print failed). */
static bool grow(printer *p, size_t n) {
  if (p->oom) return false;
  size_t cap = p->cap ? p->cap : 4096;
  while (cap < p->len + n + 1) cap *= 2;
  char *nb = realloc(p->buf, cap);
  if (!nb) {
    p->oom = true;
    return false;
  }
  p->buf = nb;
  p->cap = cap;
  return true;
}

/* Resolves the pending mappings at the first byte of s[0..n) that is not white space. */
static void resolve_pending(printer *p, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t') {
      flush_mappings(p, p->len - n + i);
      break;
    }
}

/* Appends s[0..n). Most writes are tokens of one to eight bytes: they are copied with two
 * fixed-size moves that overlap (no call into memcpy, no read outside s). */
static inline void emit(printer *p, const char *s, size_t n) {
  if (p->oom || (p->len + n >= p->cap && !grow(p, n))) return;
  char *d = p->buf + p->len;
  if (n >= 4 && n <= 8) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    memcpy(d, &a, 4);
    memcpy(d + n - 4, &b, 4);
  } else if (n < 4) {
    if (n) {
      d[0] = s[0];
      d[n / 2] = s[n / 2];
      d[n - 1] = s[n - 1];
    }
  } else {
    memcpy(d, s, n);
  }
  p->len += n;
  if (p->npending && !p->hold) resolve_pending(p, s, n);
}

/* strlen of a literal argument folds to a constant once these are inlined. */
static inline void emits(printer *p, const char *s) { emit(p, s, strlen(s)); }

static inline void emitc(printer *p, char c) {
  if (p->oom || (p->len + 1 >= p->cap && !grow(p, 1))) return;
  p->buf[p->len++] = c;
  if (p->npending && !p->hold && c != ' ' && c != '\n' && c != '\t') flush_mappings(p, p->len - 1);
}

static inline int last_char(printer *p) { return p->len ? (unsigned char)p->buf[p->len - 1] : -1; }

static inline bool is_word_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
         c == '\\' || c >= 0x80;
}

/* A keyword, identifier or number: separated from a preceding word. */
static inline void word(printer *p, const char *s, size_t n) {
  if (n && is_word_char((unsigned char)s[0]) && is_word_char(last_char(p))) emitc(p, ' ');
  emit(p, s, n);
}
static inline void words(printer *p, const char *s) { word(p, s, strlen(s)); }

/* An operator or punctuator: separated from a preceding one it would merge with. */
static inline void op(printer *p, const char *s) {
  int l = last_char(p), c = (unsigned char)s[0];
  if ((l == '+' && c == '+') || (l == '-' && c == '-') || (l == '/' && (c == '/' || c == '*')) ||
      (l == '<' && c == '!') || (l == '-' && c == '>') || (is_word_char(l) && is_word_char(c)))
    emitc(p, ' ');
  emits(p, s);
}

/* A parenthesis the printer adds around a node: the nodes waiting for a mapping start inside it
 * (their source position is the token after it), so it does not resolve them. */
static void open_paren(printer *p) {
  p->hold = true;
  op(p, "(");
  p->hold = false;
}

static void space(printer *p) {
  if (!p->minify) emitc(p, ' ');
}

static void newline(printer *p) {
  if (p->minify) return;
  emitc(p, '\n');
  for (int i = 0; i < p->level; i++) emit(p, p->indent, p->indent_len);
}

/* Reports the pending nodes at output offset `at`. */
static void flush_mappings(printer *p, size_t at) {
  int n = p->npending;
  p->npending = 0;
  if (p->oom) return;
  for (; p->scanned < at;) {
    unsigned char c = (unsigned char)p->buf[p->scanned];
    if (c == '\n') {
      p->gen_line++;
      p->gen_col = 0;
      p->scanned++;
    } else if (c < 0x80) {
      p->gen_col++;
      p->scanned++;
    } else {
      uint32_t cp;
      int k = js_utf8_decode((const uint8_t *)p->buf + p->scanned, (uint32_t)(p->len - p->scanned), &cp);
      p->gen_col += cp >= 0x10000 ? 2 : 1;
      p->scanned += (size_t)k;
    }
  }
  for (int i = 0; i < n; i++) p->cb(p->ud, p->gen_line, p->gen_col, p->pending[i]);
}

static void mapping(printer *p, const js_node *n) {
  if (!p->cb || !n || p->oom) return;
  if (p->npending == (int)(sizeof p->pending / sizeof p->pending[0])) flush_mappings(p, p->len);
  p->pending[p->npending++] = n;
}

/* ---- literals ---------------------------------------------------------------------------- */

/* Shortest text that reads back as the same double (JavaScript's Number::toString shape). */
static void format_number(double v, char *out, size_t size) {
  if (isinf(v)) {
    snprintf(out, size, "1e999");
    return;
  }
  if (v != v) {
    snprintf(out, size, "NaN");
    return;
  }
  if (v >= 0 && v < 9007199254740992.0 && v == (double)(uint64_t)v) {
    /* Integers, the common case, without printf's floating-point path. */
    char digits[24];
    int k = 0;
    uint64_t u = (uint64_t)v;
    do {
      digits[k++] = (char)('0' + u % 10);
      u /= 10;
    } while (u);
    size_t o = 0;
    while (k && o + 1 < size) out[o++] = digits[--k];
    out[o] = 0;
    return;
  }
  char tmp[64];
  for (int prec = 1; prec <= 17; prec++) {
    js__format_double(tmp, sizeof tmp, 'g', prec, v);
    if (js__parse_decimal(tmp, strlen(tmp)) == v) break;
  }
  /* 1e+21 -> 1e21, 1e-07 -> 1e-7 */
  char *e = strchr(tmp, 'e');
  if (e) {
    char mant[40];
    size_t ml = (size_t)(e - tmp);
    memcpy(mant, tmp, ml);
    mant[ml] = 0;
    int ex = atoi(e + 1);
    snprintf(out, size, "%se%d", mant, ex);
  } else {
    snprintf(out, size, "%s", tmp);
  }
}

/* Literals are never negative or NaN, but transforms may build such numbers: -x prints with a
 * unary minus (and binds like one), NaN as 0/0. */
static void print_number(printer *p, double v) {
  char tmp[64];
  if (v != v) {
    word(p, "0", 1);
    emits(p, "/0");
    return;
  }
  if (signbit(v)) {
    op(p, "-");
    v = -v;
  }
  format_number(v, tmp, sizeof tmp);
  word(p, tmp, strlen(tmp));
}

static void print_string(printer *p, js_str s) {
  size_t dq = 0, sq = 0;
  for (uint32_t i = 0; i < s.len; i++) {
    if (s.ptr[i] == '"') dq++;
    else if (s.ptr[i] == '\'') sq++;
  }
  char q = dq > sq ? '\'' : '"';
  emitc(p, q);
  for (uint32_t i = 0; i < s.len;) {
    /* Copy the run of bytes that need no escape in one write. ED (lone surrogates) and E2 (LS and
     * PS) leads take the careful path below. */
    uint32_t run = i;
    while (run < s.len) {
      unsigned char b = (unsigned char)s.ptr[run];
      if (b < 0x20 || b == '\\' || b == (unsigned char)q || b == 0x7F || b == 0xED || b == 0xE2) break;
      run++;
    }
    if (run > i) {
      emit(p, s.ptr + i, run - i);
      i = run;
      continue;
    }
    unsigned char c = (unsigned char)s.ptr[i];
    char tmp[16];
    if (c < 0x80) {
      switch (c) {
      case '\\': emits(p, "\\\\"); break;
      case '\n': emits(p, "\\n"); break;
      case '\r': emits(p, "\\r"); break;
      case '\t': emits(p, "\\t"); break;
      case '\b': emits(p, "\\b"); break;
      case '\f': emits(p, "\\f"); break;
      case '\v': emits(p, "\\v"); break;
      default:
        if (c == (unsigned char)q) {
          emitc(p, '\\');
          emitc(p, (char)c);
        } else if (c < 0x20 || c == 0x7F) {
          snprintf(tmp, sizeof tmp, "\\x%02X", c);
          emits(p, tmp);
        } else {
          emitc(p, (char)c);
        }
      }
      i++;
      continue;
    }
    /* WTF-8: ED A0..BF xx is a lone surrogate, which UTF-8 output cannot carry. */
    if (c == 0xED && i + 2 < s.len && (unsigned char)s.ptr[i + 1] >= 0xA0) {
      uint32_t cp = 0xD000 | (((unsigned char)s.ptr[i + 1] & 0x3F) << 6) | ((unsigned char)s.ptr[i + 2] & 0x3F);
      snprintf(tmp, sizeof tmp, "\\u%04X", cp);
      emits(p, tmp);
      i += 3;
      continue;
    }
    uint32_t cp;
    int n = js_utf8_decode((const uint8_t *)s.ptr + i, s.len - i, &cp);
    if (cp == 0x2028 || cp == 0x2029) {
      snprintf(tmp, sizeof tmp, "\\u%04X", cp);
      emits(p, tmp);
    } else {
      emit(p, s.ptr + i, (size_t)n);
    }
    i += (uint32_t)n;
  }
  emitc(p, q);
}

static bool is_keyword_name(js_str s) {
  static const char *const words_[] = {
    "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
    "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
    "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
    "var", "void", "while", "with", "yield", "let", "static", "implements", "interface", "package",
    "private", "protected", "public", "async", "of", "get", "set", "using", "as", "from", "target", "meta"};
  for (size_t i = 0; i < sizeof words_ / sizeof *words_; i++)
    if (js__str_eq(s, words_[i])) return true;
  return false;
}

static void print_ident(printer *p, const js_node *n) {
  mapping(p, n); /* binding names (functions, classes, imports) are not printed through expr() */
  js_str s = n->u.ident.name;
  if ((n->flags & JS_NF_ESCAPED) && s.len && is_keyword_name(s)) {
    /* Keep a keyword-like name escaped: unescaped it could read as the keyword. */
    char tmp[8];
    snprintf(tmp, sizeof tmp, "\\u%04X", (unsigned char)s.ptr[0]);
    word(p, tmp, strlen(tmp));
    emit(p, s.ptr + 1, s.len - 1);
    return;
  }
  word(p, s.ptr, s.len);
}

static void print_template(printer *p, const js_node *t) {
  op(p, "`");
  for (uint32_t i = 0; i < t->u.tpl.quasis.len; i++) {
    js_str raw = t->u.tpl.quasis.items[i]->u.str.raw;
    emit(p, raw.ptr, raw.len);
    if (i < t->u.tpl.exprs.len) {
      emits(p, "${");
      expr(p, t->u.tpl.exprs.items[i], L_LOWEST, 0);
      emitc(p, '}');
    }
  }
  emitc(p, '`');
}

/* ---- properties, patterns, functions ----------------------------------------------------- */

static void print_key(printer *p, const js_node *key, bool computed) {
  if (computed) {
    op(p, "[");
    expr(p, key, L_ASSIGN, 0);
    emitc(p, ']');
    return;
  }
  mapping(p, key); /* `get x`, `static x`: the member starts before its key */
  switch (key->kind) {
  case JS_IDENT:
    word(p, key->u.ident.name.ptr, key->u.ident.name.len);
    break;
  case JS_PRIVATE_NAME:
    op(p, "#");
    emit(p, key->u.ident.name.ptr, key->u.ident.name.len);
    break;
  case JS_STRING:
    print_string(p, key->u.str.value);
    break;
  case JS_NUMBER: {
    double v = key->u.num.value;
    if (v != v || signbit(v)) {
      /* Not writable as a numeric key: the property name it stands for, quoted. */
      char tmp[64];
      js__number_to_string(v, tmp, sizeof tmp);
      js_str s = {tmp, (uint32_t)strlen(tmp)};
      print_string(p, s);
    } else {
      print_number(p, v);
    }
    break;
  }
  case JS_BIGINT:
    word(p, key->u.str.value.ptr, key->u.str.value.len);
    emitc(p, 'n');
    break;
  default:
    expr(p, key, L_ASSIGN, 0);
  }
}

/* bare: an arrow whose one parameter had no parentheses in the source; the arrow starts at the
 * parameter, so the parenthesis added here is not its token. */
static void print_params(printer *p, js_list params, bool bare) {
  if (bare) open_paren(p);
  else emitc(p, '(');
  for (uint32_t i = 0; i < params.len; i++) {
    if (i) {
      emitc(p, ',');
      space(p);
    }
    expr(p, params.items[i], L_ASSIGN, 0);
  }
  emitc(p, ')');
}

static void print_block_body(printer *p, js_list body) {
  op(p, "{");
  if (body.len) {
    p->level++;
    for (uint32_t i = 0; i < body.len; i++) {
      newline(p);
      stmt(p, body.items[i]);
    }
    p->level--;
    newline(p);
  }
  emitc(p, '}');
}

/* Parameters and body of a function, method or accessor. */
static void function_rest(printer *p, const js_function *fn) {
  print_params(p, fn->params, false);
  space(p);
  print_block_body(p, fn->body->u.list.items);
}

static void print_property(printer *p, const js_node *n) {
  mapping(p, n);
  if (n->kind == JS_SPREAD || n->kind == JS_REST) {
    op(p, "...");
    expr(p, n->u.unary.arg, L_ASSIGN, 0);
    return;
  }
  bool computed = (n->flags & JS_NF_COMPUTED) != 0;
  if (n->op == JS_PROP_GET || n->op == JS_PROP_SET || (n->flags & JS_NF_METHOD)) {
    const js_function *fn = n->u.prop.value->u.fn;
    if (n->op == JS_PROP_GET) words(p, "get ");
    else if (n->op == JS_PROP_SET) words(p, "set ");
    else {
      if (fn->flags & JS_FN_ASYNC) words(p, "async ");
      if (fn->flags & JS_FN_GENERATOR) op(p, "*");
    }
    print_key(p, n->u.prop.key, computed);
    function_rest(p, fn);
    return;
  }
  if (n->flags & JS_NF_SHORTHAND) {
    expr(p, n->u.prop.value, L_ASSIGN, 0);
    return;
  }
  print_key(p, n->u.prop.key, computed);
  emitc(p, ':');
  space(p);
  expr(p, n->u.prop.value, L_ASSIGN, 0);
}

/* A decorator written as `@a.b.c(args)` needs no parentheses; anything else gets them. */
static bool decorator_plain(const js_node *e) {
  if (e->kind == JS_CALL && !(e->flags & JS_NF_OPTIONAL)) e = e->u.call.callee;
  while (e->kind == JS_MEMBER && !(e->flags & (JS_NF_COMPUTED | JS_NF_OPTIONAL))) e = e->u.member.object;
  return e->kind == JS_IDENT;
}

/* Decorators are kept as written, in ES decorator syntax (lowering them is not done here), each
 * followed by a space so the next token cannot extend its expression. */
static void print_decorators(printer *p, js_list decorators) {
  for (uint32_t i = 0; i < decorators.len; i++) {
    const js_node *d = decorators.items[i];
    mapping(p, d);
    op(p, "@");
    const js_node *e = d->u.unary.arg;
    bool plain = decorator_plain(e);
    if (!plain) emitc(p, '(');
    expr(p, e, plain ? L_CALL : L_LOWEST, 0);
    if (!plain) emitc(p, ')');
    emitc(p, ' ');
  }
}

static void print_class_member(printer *p, const js_node *n) {
  mapping(p, n);
  if (n->kind != JS_STATIC_BLOCK) print_decorators(p, n->u.prop.decorators);
  if (n->kind == JS_STATIC_BLOCK) {
    words(p, "static");
    space(p);
    print_block_body(p, n->u.list.items);
    return;
  }
  if (n->flags & JS_NF_STATIC) words(p, "static ");
  bool computed = (n->flags & JS_NF_COMPUTED) != 0;
  if (n->kind == JS_FIELD) {
    if (n->flags & JS_NF_ACCESSOR) words(p, "accessor ");
    print_key(p, n->u.prop.key, computed);
    if (n->u.prop.value) {
      space(p);
      emitc(p, '=');
      space(p);
      expr(p, n->u.prop.value, L_ASSIGN, 0);
    }
    emitc(p, ';');
    return;
  }
  const js_function *fn = n->u.prop.value->u.fn;
  if (n->op == JS_METHOD_GET) words(p, "get ");
  else if (n->op == JS_METHOD_SET) words(p, "set ");
  else {
    if (fn->flags & JS_FN_ASYNC) words(p, "async ");
    if (fn->flags & JS_FN_GENERATOR) op(p, "*");
  }
  print_key(p, n->u.prop.key, computed);
  function_rest(p, fn);
}

static void class_rest(printer *p, const js_class *c) {
  if (c->id) {
    emitc(p, ' ');
    print_ident(p, c->id);
  }
  if (c->super) {
    words(p, " extends ");
    expr(p, c->super, L_CALL, 0);
  }
  space(p);
  emitc(p, '{');
  if (c->body.len) {
    p->level++;
    for (uint32_t i = 0; i < c->body.len; i++) {
      newline(p);
      print_class_member(p, c->body.items[i]);
    }
    p->level--;
    newline(p);
  }
  emitc(p, '}');
}

static void print_function(printer *p, const js_function *fn) {
  if (fn->flags & JS_FN_ASYNC) words(p, "async ");
  words(p, "function");
  if (fn->flags & JS_FN_GENERATOR) emitc(p, '*');
  if (fn->id) {
    if (!(fn->flags & JS_FN_GENERATOR)) emitc(p, ' ');
    else space(p);
    print_ident(p, fn->id);
  }
  function_rest(p, fn);
}

/* ---- expressions ------------------------------------------------------------------------- */

static int binary_level(js_op o) {
  switch (o) {
  case JS_OP_NULLISH: return L_NULLISH;
  case JS_OP_OR: return L_OR;
  case JS_OP_AND: return L_AND;
  case JS_OP_BITOR: return L_BITOR;
  case JS_OP_BITXOR: return L_BITXOR;
  case JS_OP_BITAND: return L_BITAND;
  case JS_OP_EQ: case JS_OP_NE: case JS_OP_SEQ: case JS_OP_SNE: return L_EQ;
  case JS_OP_LT: case JS_OP_LE: case JS_OP_GT: case JS_OP_GE: case JS_OP_IN: case JS_OP_INSTANCEOF: return L_REL;
  case JS_OP_SHL: case JS_OP_SAR: case JS_OP_SHR: return L_SHIFT;
  case JS_OP_ADD: case JS_OP_SUB: return L_ADD;
  case JS_OP_MUL: case JS_OP_DIV: case JS_OP_MOD: return L_MUL;
  case JS_OP_EXP: return L_EXP;
  default: return L_LOWEST;
  }
}

static int level_of(const js_node *n) {
  switch ((js_kind)n->kind) {
  case JS_SEQUENCE: return L_COMMA;
  case JS_YIELD: return L_YIELD;
  case JS_ARROW: case JS_ASSIGN: return L_ASSIGN;
  case JS_COND: return L_COND;
  case JS_BINARY: return binary_level((js_op)n->op);
  case JS_UNARY: case JS_AWAIT: return L_PREFIX;
  case JS_UPDATE: return (n->flags & JS_NF_PREFIX) ? L_PREFIX : L_POSTFIX;
  case JS_NEW: case JS_CALL: case JS_CHAIN: case JS_TAGGED_TEMPLATE: case JS_IMPORT_CALL: return L_CALL;
  case JS_NUMBER:
    if (n->u.num.value != n->u.num.value) return L_MUL;
    return signbit(n->u.num.value) ? L_PREFIX : L_MEMBER;
  default: return L_MEMBER;
  }
}

/* The left operand's required level and the right's, for a binary operator. */
static void operand_levels(const js_node *n, int *ll, int *rl) {
  int lv = binary_level((js_op)n->op);
  if (n->op == JS_OP_EXP) {
    *ll = L_POSTFIX; /* -a ** b is a syntax error: keep unary operands parenthesised */
    *rl = L_EXP;
  } else if (n->op == JS_OP_NULLISH) {
    const js_node *l = n->u.bin.left;
    *ll = (l->kind == JS_BINARY && l->op == JS_OP_NULLISH) ? L_NULLISH : L_BITOR;
    *rl = L_BITOR;
  } else {
    *ll = lv;
    *rl = lv + 1;
  }
}

static bool needs_parens(const js_node *n, int level, int flags) {
  if (level_of(n) < level) return true;
  if ((flags & F_FORBID_IN) && n->kind == JS_BINARY && n->op == JS_OP_IN) return true;
  if ((flags & F_FORBID_CALL) && (n->kind == JS_CALL || n->kind == JS_CHAIN || n->kind == JS_IMPORT_CALL)) return true;
  return false;
}

static bool at_start(printer *p) { return p->len == p->stmt_start || p->len == p->default_start; }

static void print_binary(printer *p, const js_node *n, int flags) {
  /* Walk down the left spine while the left operand needs no parentheses; print its bottom
   * operand, then each operator and right operand on the way back up. */
  size_t cap = 16, k = 0;
  const js_node *stackbuf[16];
  const js_node **spine = stackbuf;
  const js_node *cur = n;
  for (;;) {
    if (k == cap) {
      size_t nc = cap * 2;
      const js_node **ns = malloc(nc * sizeof *ns);
      if (!ns) {
        p->oom = true;
        if (spine != stackbuf) free(spine);
        return;
      }
      memcpy(ns, spine, k * sizeof *ns);
      if (spine != stackbuf) free(spine);
      spine = ns;
      cap = nc;
    }
    spine[k++] = cur;
    int ll, rl;
    operand_levels(cur, &ll, &rl);
    const js_node *l = cur->u.bin.left;
    if (l->kind == JS_BINARY && !needs_parens(l, ll, flags)) {
      cur = l;
      continue;
    }
    break;
  }
  int ll, rl;
  operand_levels(spine[k - 1], &ll, &rl);
  expr(p, spine[k - 1]->u.bin.left, ll, flags);
  for (size_t i = k; i-- > 0;) {
    const js_node *b = spine[i];
    operand_levels(b, &ll, &rl);
    const char *t = js_op_text((js_op)b->op);
    if (b->op == JS_OP_IN || b->op == JS_OP_INSTANCEOF) {
      emitc(p, ' ');
      emits(p, t);
      emitc(p, ' ');
    } else {
      space(p);
      op(p, t);
      space(p);
    }
    expr(p, b->u.bin.right, rl, flags);
  }
  if (spine != stackbuf) free(spine);
}

static bool digits_only(double v) {
  char tmp[64];
  if (v != v || signbit(v)) return false;
  format_number(v, tmp, sizeof tmp);
  for (char *c = tmp; *c; c++)
    if (!(*c >= '0' && *c <= '9')) return false;
  return true;
}

/* The object of a member access, callee of a call or tag of a template. */
static void print_object(printer *p, const js_node *o, int flags) {
  if (o->kind == JS_CHAIN || (o->kind == JS_NUMBER && digits_only(o->u.num.value))) {
    emitc(p, '(');
    expr(p, o, L_LOWEST, 0);
    emitc(p, ')');
    return;
  }
  expr(p, o, L_CALL, flags & F_FORBID_CALL);
}

static void print_args(printer *p, js_list args) {
  emitc(p, '(');
  for (uint32_t i = 0; i < args.len; i++) {
    if (i) {
      emitc(p, ',');
      space(p);
    }
    expr(p, args.items[i], L_ASSIGN, 0);
  }
  emitc(p, ')');
}

static void print_list_items(printer *p, js_list l, bool holes) {
  for (uint32_t i = 0; i < l.len; i++) {
    if (i) {
      emitc(p, ',');
      if (l.items[i]) space(p);
    }
    if (l.items[i]) expr(p, l.items[i], L_ASSIGN, 0);
  }
  if (holes && l.len && !l.items[l.len - 1]) emitc(p, ',');
}

/* ---- JSX --------------------------------------------------------------------------------- */

/* JSX prints back as JSX (for trees the JSX transform has not lowered): texts and attribute
 * strings as the source spelled them, since JSX has no escapes to re-create them with; a text or
 * string made by a pass (no raw text) is printed as a string in braces. */
static void print_jsx(printer *p, const js_node *n);

static void print_jsx_name(printer *p, const js_node *n) {
  if (n->kind == JS_JSX_NAME) emit(p, n->u.ident.name.ptr, n->u.ident.name.len);
  else expr(p, n, L_MEMBER, 0);
}

static void print_jsx_braced(printer *p, const js_node *e, bool spread) {
  emitc(p, '{');
  if (spread) emits(p, "...");
  if (e) expr(p, e, spread ? L_ASSIGN : L_LOWEST, 0);
  emitc(p, '}');
}

static void print_jsx_attr(printer *p, const js_node *a) {
  print_jsx_name(p, a->u.prop.key);
  const js_node *v = a->u.prop.value;
  if (!v) return;
  emitc(p, '=');
  if (v->kind == JS_STRING && v->u.str.raw.len >= 2) emit(p, v->u.str.raw.ptr, v->u.str.raw.len);
  else if (v->kind == JS_JSX_ELEMENT) print_jsx(p, v);
  else if (v->kind == JS_JSX_EXPR) print_jsx_braced(p, v->u.unary.arg, false);
  else print_jsx_braced(p, v, false);
}

static void print_jsx(printer *p, const js_node *n) {
  if (last_char(p) == '<') emitc(p, ' '); /* a < <b /> must not print as a << */
  emitc(p, '<');
  if (n->u.jsx.name) print_jsx_name(p, n->u.jsx.name);
  for (uint32_t i = 0; i < n->u.jsx.attrs.len; i++) {
    const js_node *a = n->u.jsx.attrs.items[i];
    emitc(p, ' ');
    mapping(p, a);
    if (a->kind == JS_JSX_SPREAD) {
      print_jsx_braced(p, a->u.unary.arg, true);
      continue;
    }
    print_jsx_attr(p, a);
  }
  if (n->u.jsx.name && !n->u.jsx.children.len) {
    if (!p->minify) emitc(p, ' ');
    emits(p, "/>");
    return;
  }
  emitc(p, '>');
  for (uint32_t i = 0; i < n->u.jsx.children.len; i++) {
    const js_node *c = n->u.jsx.children.items[i];
    mapping(p, c);
    switch ((js_kind)c->kind) {
    case JS_JSX_TEXT:
      if (c->u.str.raw.ptr) {
        emit(p, c->u.str.raw.ptr, c->u.str.raw.len);
      } else {
        emitc(p, '{');
        print_string(p, c->u.str.value);
        emitc(p, '}');
      }
      break;
    case JS_JSX_EXPR: print_jsx_braced(p, c->u.unary.arg, false); break;
    case JS_JSX_SPREAD: print_jsx_braced(p, c->u.unary.arg, true); break;
    case JS_JSX_ELEMENT: print_jsx(p, c); break;
    default: print_jsx_braced(p, c, false); break;
    }
  }
  emits(p, "</");
  if (n->u.jsx.name) print_jsx_name(p, n->u.jsx.name);
  emitc(p, '>');
}

/* Every recursion of the printer goes through expr() or stmt(), so counting there bounds the C
 * stack for any tree: parsed trees stay far below the bound (the parser's own depth limit), and a
 * deeper tree built by hand makes js_print fail instead of overflowing. */
static bool enter(printer *p) {
  if (p->depth >= PRINT_MAX_DEPTH) {
    p->oom = true;
    return false;
  }
  p->depth++;
  return true;
}

static void expr_node(printer *p, const js_node *n, int level, int flags);

static void expr(printer *p, const js_node *n, int level, int flags) {
  if (!enter(p)) return;
  expr_node(p, n, level, flags);
  p->depth--;
}

static void expr_node(printer *p, const js_node *n, int level, int flags) {
  if (needs_parens(n, level, flags)) {
    open_paren(p);
    expr(p, n, L_LOWEST, 0);
    emitc(p, ')');
    return;
  }
  mapping(p, n);
  switch ((js_kind)n->kind) {
  case JS_IDENT:
    if ((js__str_eq(n->u.ident.name, "let") && (at_start(p) || p->len == p->for_start)) ||
        (n == p->for_of_left && js__str_eq(n->u.ident.name, "async"))) {
      op(p, "(");
      print_ident(p, n);
      emitc(p, ')');
    } else {
      print_ident(p, n);
    }
    break;
  case JS_PRIVATE_NAME:
    op(p, "#");
    emit(p, n->u.ident.name.ptr, n->u.ident.name.len);
    break;
  case JS_THIS: words(p, "this"); break;
  case JS_SUPER: words(p, "super"); break;
  case JS_NULL: words(p, "null"); break;
  case JS_TRUE: words(p, "true"); break;
  case JS_FALSE: words(p, "false"); break;
  case JS_NUMBER: print_number(p, n->u.num.value); break;
  case JS_BIGINT:
    word(p, n->u.str.value.ptr, n->u.str.value.len);
    emitc(p, 'n');
    break;
  case JS_STRING:
    print_string(p, n->u.str.value);
    break;
  case JS_REGEXP:
    op(p, "/");
    emit(p, n->u.regexp.pattern.ptr, n->u.regexp.pattern.len);
    emitc(p, '/');
    emit(p, n->u.regexp.flags.ptr, n->u.regexp.flags.len);
    break;
  case JS_TEMPLATE:
    print_template(p, n);
    break;
  case JS_TAGGED_TEMPLATE:
    print_object(p, n->u.tagged.tag, flags);
    print_template(p, n->u.tagged.quasi);
    break;
  case JS_ARRAY:
  case JS_ARRAY_PATTERN:
    op(p, "[");
    print_list_items(p, n->u.list.items, true);
    emitc(p, ']');
    break;
  case JS_OBJECT:
  case JS_OBJECT_PATTERN: {
    bool wrap = at_start(p) || p->len == p->arrow_start;
    if (wrap) open_paren(p);
    op(p, "{");
    js_list l = n->u.list.items;
    for (uint32_t i = 0; i < l.len; i++) {
      if (i) {
        emitc(p, ',');
        space(p);
      }
      print_property(p, l.items[i]);
    }
    emitc(p, '}');
    if (wrap) emitc(p, ')');
    break;
  }
  case JS_FUNCTION: {
    bool wrap = at_start(p);
    if (wrap) open_paren(p);
    print_function(p, n->u.fn);
    if (wrap) emitc(p, ')');
    break;
  }
  case JS_CLASS: {
    bool wrap = at_start(p);
    if (wrap) open_paren(p);
    print_decorators(p, n->u.cls->decorators);
    words(p, "class");
    class_rest(p, n->u.cls);
    if (wrap) emitc(p, ')');
    break;
  }
  case JS_ARROW: {
    const js_function *fn = n->u.fn;
    if (fn->flags & JS_FN_ASYNC) {
      words(p, "async");
      space(p);
    }
    print_params(p, fn->params, fn->params.len == 1 && fn->params.items[0]->loc.offset == n->loc.offset);
    space(p);
    emits(p, "=>");
    space(p);
    if (fn->flags & JS_FN_EXPR_BODY) {
      size_t saved = p->arrow_start;
      p->arrow_start = p->len;
      expr(p, fn->body, L_ASSIGN, flags & F_FORBID_IN);
      p->arrow_start = saved;
    } else {
      print_block_body(p, fn->body->u.list.items);
    }
    break;
  }
  case JS_UNARY: {
    const char *t = js_op_text((js_op)n->op);
    if (n->op == JS_OP_TYPEOF || n->op == JS_OP_VOID || n->op == JS_OP_DELETE) {
      words(p, t);
      emitc(p, ' ');
    } else {
      op(p, t);
    }
    expr(p, n->u.unary.arg, L_PREFIX, 0);
    break;
  }
  case JS_UPDATE:
    if (n->flags & JS_NF_PREFIX) {
      op(p, js_op_text((js_op)n->op));
      expr(p, n->u.unary.arg, L_PREFIX, 0);
    } else {
      expr(p, n->u.unary.arg, L_POSTFIX, flags & F_FORBID_IN);
      op(p, js_op_text((js_op)n->op));
    }
    break;
  case JS_AWAIT:
    words(p, "await ");
    expr(p, n->u.unary.arg, L_PREFIX, 0);
    break;
  case JS_YIELD:
    words(p, "yield");
    if (n->flags & JS_NF_DELEGATE) emitc(p, '*');
    if (n->u.unary.arg) {
      space(p);
      expr(p, n->u.unary.arg, L_ASSIGN, flags & F_FORBID_IN);
    }
    break;
  case JS_SPREAD:
  case JS_REST:
    op(p, "...");
    expr(p, n->u.unary.arg, L_ASSIGN, 0);
    break;
  case JS_BINARY:
    print_binary(p, n, flags & F_FORBID_IN);
    break;
  case JS_ASSIGN:
    if (n->u.bin.left->kind == JS_OBJECT_PATTERN && (at_start(p) || p->len == p->arrow_start)) {
      /* `({a} = b)`: the pattern cannot be parenthesised alone. */
      op(p, "(");
      size_t s1 = p->stmt_start, s2 = p->default_start, s3 = p->arrow_start;
      p->stmt_start = p->default_start = p->arrow_start = NONE;
      expr(p, n, L_LOWEST, 0);
      p->stmt_start = s1;
      p->default_start = s2;
      p->arrow_start = s3;
      emitc(p, ')');
      break;
    }
    expr(p, n->u.bin.left, L_CALL, flags & F_FORBID_IN);
    space(p);
    op(p, js_op_text((js_op)n->op));
    space(p);
    expr(p, n->u.bin.right, L_ASSIGN, flags & F_FORBID_IN);
    break;
  case JS_ASSIGN_PATTERN:
    expr(p, n->u.bin.left, L_CALL, flags & F_FORBID_IN);
    space(p);
    emitc(p, '=');
    space(p);
    expr(p, n->u.bin.right, L_ASSIGN, flags & F_FORBID_IN);
    break;
  case JS_COND:
    expr(p, n->u.cond.test, L_NULLISH, flags & F_FORBID_IN);
    space(p);
    op(p, "?");
    space(p);
    expr(p, n->u.cond.cons, L_ASSIGN, 0);
    space(p);
    emitc(p, ':');
    space(p);
    expr(p, n->u.cond.alt, L_ASSIGN, flags & F_FORBID_IN);
    break;
  case JS_SEQUENCE: {
    js_list l = n->u.list.items;
    for (uint32_t i = 0; i < l.len; i++) {
      if (i) {
        emitc(p, ',');
        space(p);
      }
      expr(p, l.items[i], L_ASSIGN, flags & F_FORBID_IN);
    }
    break;
  }
  case JS_CALL:
    print_object(p, n->u.call.callee, flags);
    if (n->flags & JS_NF_OPTIONAL) emits(p, "?.");
    print_args(p, n->u.call.args);
    break;
  case JS_NEW:
    words(p, "new ");
    if (n->u.call.callee->kind == JS_CHAIN) {
      emitc(p, '(');
      expr(p, n->u.call.callee, L_LOWEST, 0);
      emitc(p, ')');
    } else {
      expr(p, n->u.call.callee, L_NEW, F_FORBID_CALL);
    }
    print_args(p, n->u.call.args);
    break;
  case JS_MEMBER: {
    print_object(p, n->u.member.object, flags);
    const js_node *prop = n->u.member.prop;
    if (n->flags & JS_NF_COMPUTED) {
      if (n->flags & JS_NF_OPTIONAL) emits(p, "?.");
      emitc(p, '[');
      expr(p, prop, L_LOWEST, 0);
      emitc(p, ']');
    } else {
      emits(p, (n->flags & JS_NF_OPTIONAL) ? "?." : ".");
      mapping(p, prop); /* stack traces of a.b.c() point at the property name */
      if (prop->kind == JS_PRIVATE_NAME) emitc(p, '#');
      emit(p, prop->u.ident.name.ptr, prop->u.ident.name.len);
    }
    break;
  }
  case JS_CHAIN:
    expr(p, n->u.unary.arg, L_CALL, flags & F_FORBID_CALL);
    break;
  case JS_NEW_TARGET: words(p, "new.target"); break;
  case JS_IMPORT_META: words(p, "import.meta"); break;
  case JS_IMPORT_CALL:
    words(p, "import");
    emitc(p, '(');
    expr(p, n->u.import_call.source, L_ASSIGN, 0);
    if (n->u.import_call.options) {
      emitc(p, ',');
      space(p);
      expr(p, n->u.import_call.options, L_ASSIGN, 0);
    }
    emitc(p, ')');
    break;
  case JS_JSX_ELEMENT:
    print_jsx(p, n);
    break;
  default:
    /* A statement where an expression was expected prints as one; anything else is a fragment.
     * Neither path comes back here for the same node, so no tree can make the printer loop. */
    if (is_statement((js_kind)n->kind)) stmt(p, n);
    else fragment(p, n);
    break;
  }
}

/* ---- statements -------------------------------------------------------------------------- */

static void semicolon(printer *p) { emitc(p, ';'); }

static void print_var_decl(printer *p, const js_node *n, int flags) {
  static const char *const kinds[] = {"var", "let", "const", "using", "await using"};
  words(p, kinds[n->op < 5 ? n->op : 0]);
  emitc(p, ' ');
  js_list l = n->u.var.decls;
  for (uint32_t i = 0; i < l.len; i++) {
    if (i) {
      emitc(p, ',');
      space(p);
    }
    const js_node *d = l.items[i];
    mapping(p, d);
    expr(p, d->u.decl.id, L_ASSIGN, 0);
    if (d->u.decl.init) {
      space(p);
      emitc(p, '=');
      space(p);
      expr(p, d->u.decl.init, L_ASSIGN, flags);
    }
  }
}

/* A nested statement (if/loop body): a block stays on the line, others too. */
static void body(printer *p, const js_node *b) {
  if (b->kind == JS_BLOCK) {
    space(p);
    stmt(p, b);
    return;
  }
  if (b->kind == JS_EMPTY) {
    emitc(p, ';');
    return;
  }
  p->level++;
  newline(p);
  stmt(p, b);
  p->level--;
}

/* `if (a) if (b) x; else y` would move the else: wrap a consequent ending in an open if. */
static bool ends_with_open_if(const js_node *n) {
  for (;;) {
    switch (n->kind) {
    case JS_IF:
      if (!n->u.cond.alt) return true;
      n = n->u.cond.alt;
      continue;
    case JS_FOR: n = n->u.for_.body; continue;
    case JS_FOR_IN: case JS_FOR_OF: n = n->u.for_in.body; continue;
    case JS_WHILE: case JS_WITH: n = n->u.loop.body; continue;
    case JS_LABELED: n = n->u.label.body; continue;
    default: return false;
    }
  }
}

static void print_attributes(printer *p, js_list attrs) {
  if (!attrs.len) return;
  words(p, " with");
  space(p);
  emitc(p, '{');
  for (uint32_t i = 0; i < attrs.len; i++) {
    if (i) {
      emitc(p, ',');
      space(p);
    }
    const js_node *a = attrs.items[i];
    if (a->u.prop.key->kind == JS_STRING) print_string(p, a->u.prop.key->u.str.value);
    else word(p, a->u.prop.key->u.ident.name.ptr, a->u.prop.key->u.ident.name.len);
    emitc(p, ':');
    space(p);
    print_string(p, a->u.prop.value->u.str.value);
  }
  emitc(p, '}');
}

static void print_module_name(printer *p, const js_node *n) {
  mapping(p, n);
  if (n->kind == JS_STRING) print_string(p, n->u.str.value);
  else word(p, n->u.ident.name.ptr, n->u.ident.name.len);
}

static void print_specifiers(printer *p, js_list specs) {
  emitc(p, '{');
  for (uint32_t i = 0; i < specs.len; i++) {
    if (i) {
      emitc(p, ',');
      space(p);
    }
    const js_node *s = specs.items[i];
    print_module_name(p, s->u.spec.a);
    const js_node *a = s->u.spec.a, *b = s->u.spec.b;
    bool same = a == b || (a->kind == JS_IDENT && b->kind == JS_IDENT && a->u.ident.name.len == b->u.ident.name.len &&
                           memcmp(a->u.ident.name.ptr, b->u.ident.name.ptr, a->u.ident.name.len) == 0);
    if (!same) {
      words(p, " as ");
      print_module_name(p, s->u.spec.b);
    }
  }
  emitc(p, '}');
}

/* Every kind stmt() has a case for. The others are expressions or fragments of a construct. */
static bool is_statement(js_kind k) {
  switch (k) {
  case JS_PROGRAM: case JS_DIRECTIVE: case JS_EXPR_STMT: case JS_BLOCK: case JS_EMPTY: case JS_DEBUGGER:
  case JS_WITH: case JS_RETURN: case JS_LABELED: case JS_BREAK: case JS_CONTINUE: case JS_IF: case JS_SWITCH:
  case JS_THROW: case JS_TRY: case JS_WHILE: case JS_DO_WHILE: case JS_FOR: case JS_FOR_IN: case JS_FOR_OF:
  case JS_VAR_DECL: case JS_FUNCTION_DECL: case JS_CLASS_DECL: case JS_IMPORT_DECL: case JS_EXPORT_NAMED:
  case JS_EXPORT_DEFAULT: case JS_EXPORT_ALL: case JS_TS_ENUM: case JS_TS_NAMESPACE: case JS_TS_IMPORT_EQUALS:
  case JS_TS_EXPORT_ASSIGN:
    return true;
  default:
    return false;
  }
}

static void print_enum_member(printer *p, const js_node *m) {
  mapping(p, m);
  print_key(p, m->u.prop.key, false);
  if (m->u.prop.value) {
    space(p);
    emitc(p, '=');
    space(p);
    expr(p, m->u.prop.value, L_ASSIGN, 0);
  }
}

/* TypeScript's runtime declarations print as TypeScript: a tree the TypeScript transform has not
 * lowered (a caller printing straight after js_parse) still reads back the same way with
 * lang = TypeScript. */
static void print_ts_statement(printer *p, const js_node *n) {
  switch ((js_kind)n->kind) {
  case JS_TS_ENUM: {
    if (n->flags & JS_NF_CONST) words(p, "const ");
    words(p, "enum ");
    print_ident(p, n->u.ts_enum.id);
    space(p);
    emitc(p, '{');
    js_list l = n->u.ts_enum.members;
    if (l.len) {
      p->level++;
      for (uint32_t i = 0; i < l.len; i++) {
        if (i) emitc(p, ',');
        newline(p);
        print_enum_member(p, l.items[i]);
      }
      p->level--;
      newline(p);
    }
    emitc(p, '}');
    break;
  }
  case JS_TS_NAMESPACE:
    words(p, "namespace ");
    print_ident(p, n->u.ts_ns.id);
    space(p);
    print_block_body(p, n->u.ts_ns.body);
    break;
  case JS_TS_IMPORT_EQUALS: {
    if (n->flags & JS_NF_EXPORT) words(p, "export ");
    words(p, "import ");
    print_ident(p, n->u.spec.a);
    space(p);
    emitc(p, '=');
    space(p);
    const js_node *target = n->u.spec.b;
    if (target->kind == JS_STRING) {
      mapping(p, target);
      words(p, "require");
      emitc(p, '(');
      print_string(p, target->u.str.value);
      emitc(p, ')');
    } else {
      expr(p, target, L_MEMBER, 0);
    }
    semicolon(p);
    break;
  }
  case JS_TS_EXPORT_ASSIGN:
    words(p, "export");
    space(p);
    emitc(p, '=');
    space(p);
    expr(p, n->u.unary.arg, L_ASSIGN, 0);
    semicolon(p);
    break;
  default:
    break;
  }
}

/* A node that is neither a statement nor an expression, printed alone (js_print of a part of a
 * tree, or a transform that left one where an expression belongs): as the source text it stands
 * for in its construct. It only ever recurses into its children, so it cannot loop with expr() or
 * stmt(). JS_INVALID and kinds out of range print nothing. */
static void fragment(printer *p, const js_node *n) {
  switch ((js_kind)n->kind) {
  case JS_DECLARATOR:
    mapping(p, n);
    expr(p, n->u.decl.id, L_ASSIGN, 0);
    if (n->u.decl.init) {
      space(p);
      emitc(p, '=');
      space(p);
      expr(p, n->u.decl.init, L_ASSIGN, 0);
    }
    break;
  case JS_IMPORT_SPECIFIER:
  case JS_EXPORT_SPECIFIER: {
    js_node *one[1] = {(js_node *)n};
    js_list l = {one, 1};
    print_specifiers(p, l);
    break;
  }
  case JS_IMPORT_DEFAULT:
    print_ident(p, n->u.spec.b);
    break;
  case JS_IMPORT_NAMESPACE:
    op(p, "*");
    words(p, " as ");
    print_ident(p, n->u.spec.b);
    break;
  case JS_IMPORT_ATTRIBUTE:
    print_module_name(p, n->u.prop.key);
    emitc(p, ':');
    space(p);
    print_string(p, n->u.prop.value->u.str.value);
    break;
  case JS_CASE:
    mapping(p, n);
    if (n->u.kase.test) {
      words(p, "case ");
      expr(p, n->u.kase.test, L_LOWEST, 0);
    } else {
      words(p, "default");
    }
    emitc(p, ':');
    for (uint32_t j = 0; j < n->u.kase.body.len; j++) {
      space(p);
      stmt(p, n->u.kase.body.items[j]);
    }
    break;
  case JS_PROPERTY:
    print_property(p, n);
    break;
  case JS_METHOD:
  case JS_FIELD:
  case JS_STATIC_BLOCK:
    print_class_member(p, n);
    break;
  case JS_DECORATOR: {
    js_node *one[1] = {(js_node *)n};
    js_list l = {one, 1};
    print_decorators(p, l);
    break;
  }
  case JS_TEMPLATE_ELEMENT:
    emit(p, n->u.str.raw.ptr, n->u.str.raw.len);
    break;
  case JS_TS_ENUM_MEMBER:
    print_enum_member(p, n);
    break;
  case JS_JSX_NAME:
    print_jsx_name(p, n);
    break;
  case JS_JSX_ATTR:
    print_jsx_attr(p, n);
    break;
  case JS_JSX_SPREAD:
  case JS_JSX_EXPR:
    print_jsx_braced(p, n->u.unary.arg, n->kind == JS_JSX_SPREAD);
    break;
  case JS_JSX_TEXT:
    if (n->u.str.raw.ptr) emit(p, n->u.str.raw.ptr, n->u.str.raw.len);
    else print_string(p, n->u.str.value);
    break;
  default:
    break;
  }
}

static void stmt_node(printer *p, const js_node *n);

static void stmt(printer *p, const js_node *n) {
  if (!enter(p)) return;
  stmt_node(p, n);
  p->depth--;
}

static void stmt_node(printer *p, const js_node *n) {
  mapping(p, n);
  switch ((js_kind)n->kind) {
  case JS_PROGRAM: {
    js_list l = n->u.program.body;
    if (n->u.program.hashbang.ptr) {
      emits(p, "#!");
      emit(p, n->u.program.hashbang.ptr, n->u.program.hashbang.len);
      emitc(p, '\n');
    }
    for (uint32_t i = 0; i < l.len; i++) {
      if (i) newline(p);
      stmt(p, l.items[i]);
    }
    if (l.len && !p->minify) emitc(p, '\n');
    break;
  }
  case JS_DIRECTIVE:
    emit(p, n->u.str.raw.ptr, n->u.str.raw.len);
    semicolon(p);
    break;
  case JS_EXPR_STMT: {
    const js_node *e = n->u.unary.arg;
    p->stmt_start = p->len;
    if (e->kind == JS_STRING) {
      /* Parenthesised so it can never read as a directive. */
      emitc(p, '(');
      expr(p, e, L_LOWEST, 0);
      emitc(p, ')');
    } else {
      expr(p, e, L_LOWEST, 0);
    }
    p->stmt_start = NONE;
    semicolon(p);
    break;
  }
  case JS_BLOCK:
    print_block_body(p, n->u.list.items);
    break;
  case JS_EMPTY:
    emitc(p, ';');
    break;
  case JS_DEBUGGER:
    words(p, "debugger");
    semicolon(p);
    break;
  case JS_WITH:
    words(p, "with");
    space(p);
    emitc(p, '(');
    expr(p, n->u.loop.test, L_LOWEST, 0);
    emitc(p, ')');
    body(p, n->u.loop.body);
    break;
  case JS_RETURN:
  case JS_THROW:
    words(p, n->kind == JS_RETURN ? "return" : "throw");
    if (n->u.unary.arg) {
      emitc(p, ' ');
      expr(p, n->u.unary.arg, L_LOWEST, 0);
    }
    semicolon(p);
    break;
  case JS_LABELED:
    word(p, n->u.label.label.ptr, n->u.label.label.len);
    emitc(p, ':');
    if (n->u.label.body->kind == JS_EMPTY) {
      emitc(p, ';');
    } else {
      space(p);
      stmt(p, n->u.label.body);
    }
    break;
  case JS_BREAK:
  case JS_CONTINUE:
    words(p, n->kind == JS_BREAK ? "break" : "continue");
    if (n->u.label.label.len) {
      emitc(p, ' ');
      emit(p, n->u.label.label.ptr, n->u.label.label.len);
    }
    semicolon(p);
    break;
  case JS_IF: {
    words(p, "if");
    space(p);
    emitc(p, '(');
    expr(p, n->u.cond.test, L_LOWEST, 0);
    emitc(p, ')');
    const js_node *cons = n->u.cond.cons;
    if (n->u.cond.alt && ends_with_open_if(cons)) {
      space(p);
      emitc(p, '{');
      p->level++;
      newline(p);
      stmt(p, cons);
      p->level--;
      newline(p);
      emitc(p, '}');
    } else {
      body(p, cons);
    }
    if (n->u.cond.alt) {
      if (cons->kind == JS_BLOCK || (n->u.cond.alt && ends_with_open_if(cons))) space(p);
      else newline(p);
      words(p, "else");
      const js_node *alt = n->u.cond.alt;
      if (alt->kind == JS_IF) {
        emitc(p, ' ');
        stmt(p, alt);
      } else {
        body(p, alt);
      }
    }
    break;
  }
  case JS_SWITCH: {
    words(p, "switch");
    space(p);
    emitc(p, '(');
    expr(p, n->u.sw.disc, L_LOWEST, 0);
    emitc(p, ')');
    space(p);
    emitc(p, '{');
    p->level++;
    for (uint32_t i = 0; i < n->u.sw.cases.len; i++) {
      const js_node *c = n->u.sw.cases.items[i];
      newline(p);
      mapping(p, c);
      if (c->u.kase.test) {
        words(p, "case ");
        expr(p, c->u.kase.test, L_LOWEST, 0);
      } else {
        words(p, "default");
      }
      emitc(p, ':');
      p->level++;
      for (uint32_t j = 0; j < c->u.kase.body.len; j++) {
        newline(p);
        stmt(p, c->u.kase.body.items[j]);
      }
      p->level--;
    }
    p->level--;
    newline(p);
    emitc(p, '}');
    break;
  }
  case JS_TRY:
    words(p, "try");
    space(p);
    stmt(p, n->u.try_.block);
    if (n->u.try_.handler) {
      space(p);
      words(p, "catch");
      if (n->u.try_.param) {
        space(p);
        emitc(p, '(');
        expr(p, n->u.try_.param, L_LOWEST, 0);
        emitc(p, ')');
      }
      space(p);
      stmt(p, n->u.try_.handler);
    }
    if (n->u.try_.finalizer) {
      space(p);
      words(p, "finally");
      space(p);
      stmt(p, n->u.try_.finalizer);
    }
    break;
  case JS_WHILE:
    words(p, "while");
    space(p);
    emitc(p, '(');
    expr(p, n->u.loop.test, L_LOWEST, 0);
    emitc(p, ')');
    body(p, n->u.loop.body);
    break;
  case JS_DO_WHILE:
    words(p, "do");
    if (n->u.loop.body->kind == JS_BLOCK) {
      space(p);
      stmt(p, n->u.loop.body);
      space(p);
    } else {
      emitc(p, ' ');
      stmt(p, n->u.loop.body);
      newline(p);
    }
    words(p, "while");
    space(p);
    emitc(p, '(');
    expr(p, n->u.loop.test, L_LOWEST, 0);
    emitc(p, ')');
    semicolon(p);
    break;
  case JS_FOR: {
    words(p, "for");
    space(p);
    emitc(p, '(');
    const js_node *init = n->u.for_.init;
    if (init) {
      size_t saved = p->for_start;
      p->for_start = p->len;
      if (init->kind == JS_VAR_DECL) print_var_decl(p, init, F_FORBID_IN);
      else expr(p, init, L_LOWEST, F_FORBID_IN);
      p->for_start = saved;
    }
    emitc(p, ';');
    if (n->u.for_.test) {
      space(p);
      expr(p, n->u.for_.test, L_LOWEST, 0);
    }
    emitc(p, ';');
    if (n->u.for_.update) {
      space(p);
      expr(p, n->u.for_.update, L_LOWEST, 0);
    }
    emitc(p, ')');
    body(p, n->u.for_.body);
    break;
  }
  case JS_FOR_IN:
  case JS_FOR_OF: {
    bool of = n->kind == JS_FOR_OF;
    words(p, "for");
    if (n->flags & JS_NF_AWAIT) words(p, " await");
    space(p);
    emitc(p, '(');
    const js_node *left = n->u.for_in.left;
    size_t saved = p->for_start;
    const js_node *saved_left = p->for_of_left;
    p->for_start = p->len;
    if (of && !(n->flags & JS_NF_AWAIT)) p->for_of_left = left;
    if (left->kind == JS_VAR_DECL) print_var_decl(p, left, F_FORBID_IN);
    else expr(p, left, L_CALL, F_FORBID_IN);
    p->for_start = saved;
    p->for_of_left = saved_left;
    words(p, of ? " of " : " in ");
    expr(p, n->u.for_in.right, of ? L_ASSIGN : L_LOWEST, 0);
    emitc(p, ')');
    body(p, n->u.for_in.body);
    break;
  }
  case JS_VAR_DECL:
    print_var_decl(p, n, 0);
    semicolon(p);
    break;
  case JS_FUNCTION_DECL:
    print_function(p, n->u.fn);
    break;
  case JS_CLASS_DECL:
    print_decorators(p, n->u.cls->decorators);
    words(p, "class");
    class_rest(p, n->u.cls);
    break;
  case JS_IMPORT_DECL: {
    words(p, "import");
    js_list specs = n->u.mod.specifiers;
    if (specs.len) {
      emitc(p, ' ');
      uint32_t i = 0;
      if (specs.items[0]->kind == JS_IMPORT_DEFAULT) {
        print_ident(p, specs.items[0]->u.spec.b);
        i = 1;
        if (i < specs.len) {
          emitc(p, ',');
          space(p);
        }
      }
      if (i < specs.len && specs.items[i]->kind == JS_IMPORT_NAMESPACE) {
        emitc(p, '*');
        words(p, " as ");
        print_ident(p, specs.items[i]->u.spec.b);
      } else if (i < specs.len) {
        js_list rest = {specs.items + i, specs.len - i};
        print_specifiers(p, rest);
      }
      words(p, " from");
    }
    space(p);
    print_string(p, n->u.mod.source->u.str.value);
    print_attributes(p, n->u.mod.attributes);
    semicolon(p);
    break;
  }
  case JS_EXPORT_NAMED:
    words(p, "export");
    if (n->u.mod.decl) {
      emitc(p, ' ');
      stmt(p, n->u.mod.decl);
      break;
    }
    space(p);
    print_specifiers(p, n->u.mod.specifiers);
    if (n->u.mod.source) {
      words(p, " from");
      space(p);
      print_string(p, n->u.mod.source->u.str.value);
      print_attributes(p, n->u.mod.attributes);
    }
    semicolon(p);
    break;
  case JS_EXPORT_DEFAULT: {
    words(p, "export default ");
    const js_node *d = n->u.mod.decl;
    if (d->kind == JS_FUNCTION_DECL || d->kind == JS_CLASS_DECL) {
      stmt(p, d);
    } else {
      p->default_start = p->len;
      expr(p, d, L_ASSIGN, 0);
      p->default_start = NONE;
      semicolon(p);
    }
    break;
  }
  case JS_EXPORT_ALL:
    words(p, "export");
    space(p);
    emitc(p, '*');
    if (n->u.mod.decl) {
      words(p, " as ");
      print_module_name(p, n->u.mod.decl);
    }
    words(p, " from");
    space(p);
    print_string(p, n->u.mod.source->u.str.value);
    print_attributes(p, n->u.mod.attributes);
    semicolon(p);
    break;
  case JS_TS_ENUM:
  case JS_TS_NAMESPACE:
  case JS_TS_IMPORT_EQUALS:
  case JS_TS_EXPORT_ASSIGN:
    print_ts_statement(p, n);
    break;
  default:
    if (is_statement((js_kind)n->kind)) break; /* unreachable: every statement kind has a case */
    expr(p, n, L_LOWEST, 0);
    break;
  }
}

char *js_print(const js_node *node, const js_print_options *opts, size_t *len) {
  js_print_options defaults = {0};
  if (!opts) opts = &defaults;
  printer pr;
  memset(&pr, 0, sizeof pr);
  pr.minify = opts->minify;
  pr.indent = opts->indent ? opts->indent : "  ";
  pr.indent_len = strlen(pr.indent);
  pr.stmt_start = pr.arrow_start = pr.default_start = pr.for_start = NONE;
  pr.cb = opts->on_mapping;
  pr.ud = opts->mapping_ud;
  /* Output is about as long as the source it came from: reserving that up front saves the copies
   * of a doubling buffer (pages never written cost nothing). */
  if (node && node->kind == JS_PROGRAM && node->end > node->loc.offset) {
    size_t want = (size_t)(node->end - node->loc.offset) * 9 / 8 + 4096;
    pr.buf = malloc(want); /* only a hint: on failure the buffer grows as usual */
    pr.cap = pr.buf ? want : 0;
  }
  if (node) {
    if (is_statement((js_kind)node->kind)) stmt(&pr, node);
    else expr(&pr, node, L_LOWEST, 0);
  }
  if (pr.npending) flush_mappings(&pr, pr.len);
  emit(&pr, "", 0);
  if (pr.oom || !pr.buf) {
    if (!pr.oom && !pr.buf) {
      char *e = malloc(1);
      if (e) *e = 0;
      if (len) *len = 0;
      return e;
    }
    free(pr.buf);
    return NULL;
  }
  pr.buf[pr.len] = 0;
  if (len) *len = pr.len;
  return pr.buf;
}
