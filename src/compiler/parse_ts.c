/* TypeScript: type syntax, read and thrown away while parsing (no node is built for a type), the
 * declarations that have run-time meaning (enum, namespace, import x = require(), export =), the
 * ones that are erased (interface, type, declare, overload signatures), and decorators, which are
 * plain JavaScript syntax too.
 *
 * TypeScript's grammar is ambiguous where JavaScript's is not: `(a): T => b` against a
 * parenthesised expression, `f<T>(x)` against two comparisons, `<T>x` against a generic arrow. The
 * parser resolves them as TypeScript does, by looking ahead and, where that is not enough, by
 * parsing a guess (js__ts_try) that is undone when it fails. Guesses at arrow functions that failed
 * are remembered by position, so nested parentheses cannot make the work exponential. */
#include <string.h>

#include "compiler/parser.h"

/* ---- guesses ----------------------------------------------------------------------------- */

typedef struct snapshot {
  js_lexer_state lx;
  uint32_t prev_end, sp, nerrors, depth, nlabels, label_chain;
  uint32_t yield_pos, await_pos, await_ident_pos, nexports, nexport_locals, cls_nrefs;
  uint32_t fn_flags, loops, breakables, ambient, noret_at;
  bool pending_chain, no_in, strict, no_cond;
  js_fnctx *fn;
  js_scope *scope, *ns_scope;
  js_class_ctx *cls;
  js_list decorators;
} snapshot;

static void snap_save(js_parser *p, snapshot *s) {
  js_lexer_save(&p->lx, &s->lx);
  s->prev_end = p->prev_end;
  s->sp = p->sp;
  s->nerrors = p->nerrors;
  s->depth = p->depth;
  s->nlabels = p->nlabels;
  s->label_chain = p->label_chain;
  s->yield_pos = p->yield_pos;
  s->await_pos = p->await_pos;
  s->await_ident_pos = p->await_ident_pos;
  s->nexports = p->nexports;
  s->nexport_locals = p->nexport_locals;
  s->cls = p->cls;
  s->cls_nrefs = p->cls ? p->cls->nrefs : 0;
  s->fn = p->fn;
  s->fn_flags = p->fn->flags;
  s->loops = p->fn->loops;
  s->breakables = p->fn->breakables;
  s->strict = p->fn->strict;
  s->ambient = p->ts_ambient;
  s->noret_at = p->ts_noret_at;
  s->no_cond = p->ts_no_cond;
  s->pending_chain = p->pending_chain;
  s->no_in = p->no_in;
  s->scope = p->scope;
  s->ns_scope = p->ts_ns_scope;
  s->decorators = p->decorators;
}

/* Everything a failed guess may have changed. Nodes it allocated stay in the arena unused; an
 * expression declares nothing in the scope it starts in (its functions and classes have their own
 * scopes), so the scope tables need no undoing. */
static void snap_restore(js_parser *p, const snapshot *s) {
  js_lexer_restore(&p->lx, &s->lx);
  p->prev_end = s->prev_end;
  p->sp = s->sp;
  p->nerrors = s->nerrors;
  p->depth = s->depth;
  p->nlabels = s->nlabels;
  p->label_chain = s->label_chain;
  p->yield_pos = s->yield_pos;
  p->await_pos = s->await_pos;
  p->await_ident_pos = s->await_ident_pos;
  p->nexports = s->nexports;
  p->nexport_locals = s->nexport_locals;
  p->cls = s->cls;
  if (p->cls) p->cls->nrefs = s->cls_nrefs;
  p->fn = s->fn;
  p->fn->flags = s->fn_flags;
  p->fn->loops = s->loops;
  p->fn->breakables = s->breakables;
  p->fn->strict = s->strict;
  p->ts_ambient = s->ambient;
  p->ts_noret_at = s->noret_at;
  p->ts_no_cond = s->no_cond;
  p->pending_chain = s->pending_chain;
  p->no_in = s->no_in;
  p->scope = s->scope;
  p->ts_ns_scope = s->ns_scope;
  p->decorators = s->decorators;
}

bool js__ts_try(js_parser *p, bool (*fn)(js_parser *, void *), void *ud) {
  snapshot s;
  snap_save(p, &s);
  jmp_buf jb;
  jmp_buf *outer = p->jmp;
  p->jmp = &jb;
  volatile bool ok = false;
  int r = setjmp(jb);
  if (r == 0) ok = fn(p, ud);
  p->jmp = outer;
  if (r == 2) longjmp(*outer, 2);
  if (r != 0 || !ok) {
    snap_restore(p, &s);
    return false;
  }
  return true;
}

/* Like js__ts_try, but always undone: a lookahead that needs the parser. */
static bool lookahead(js_parser *p, bool (*fn)(js_parser *, void *), void *ud) {
  snapshot s;
  snap_save(p, &s);
  jmp_buf jb;
  jmp_buf *outer = p->jmp;
  p->jmp = &jb;
  volatile bool ok = false;
  int r = setjmp(jb);
  if (r == 0) ok = fn(p, ud);
  p->jmp = outer;
  if (r == 2) longjmp(*outer, 2);
  snap_restore(p, &s);
  return r == 0 && ok;
}

/* Offsets where an arrow function was guessed and failed: a set of offset + 1 (open addressing). */
static bool no_arrow_has(js_parser *p, uint32_t off) {
  if (!p->ts_no_arrow_cap) return false;
  uint32_t key = off + 1, mask = p->ts_no_arrow_cap - 1;
  for (uint32_t i = (key * 2654435761u) & mask;; i = (i + 1) & mask) {
    if (p->ts_no_arrow[i] == key) return true;
    if (!p->ts_no_arrow[i]) return false;
  }
}

static void no_arrow_add(js_parser *p, uint32_t off) {
  if ((p->ts_no_arrow_len + 1) * 2 > p->ts_no_arrow_cap) {
    uint32_t cap = p->ts_no_arrow_cap ? p->ts_no_arrow_cap * 2 : 64;
    uint32_t *n = js_arena_zalloc(&p->scratch, cap * sizeof *n);
    if (!n) js__oom(p);
    for (uint32_t i = 0; i < p->ts_no_arrow_cap; i++) {
      uint32_t k = p->ts_no_arrow[i];
      if (!k) continue;
      uint32_t j = (k * 2654435761u) & (cap - 1);
      while (n[j]) j = (j + 1) & (cap - 1);
      n[j] = k;
    }
    p->ts_no_arrow = n;
    p->ts_no_arrow_cap = cap;
  }
  uint32_t key = off + 1, mask = p->ts_no_arrow_cap - 1;
  uint32_t i = (key * 2654435761u) & mask;
  while (p->ts_no_arrow[i] && p->ts_no_arrow[i] != key) i = (i + 1) & mask;
  if (!p->ts_no_arrow[i]) {
    p->ts_no_arrow[i] = key;
    p->ts_no_arrow_len++;
  }
}

/* ---- tokens ------------------------------------------------------------------------------ */

static bool word_is(const js_token *t, const char *w) {
  size_t n = strlen(w);
  return t->type == JS_T_NAME && !(t->flags & JS_TF_ESCAPED) && t->value.len == n && memcmp(t->value.ptr, w, n) == 0;
}

bool js__ts_is_word(js_parser *p, const char *w) { return word_is(js__tok(p), w); }

/* An identifier in TypeScript's sense: a name that is not a reserved word. */
static bool is_ident(const js_token *t) {
  return t->type == JS_T_NAME && !(t->kw && t->kw <= JS_KW_LAST_RESERVED && !(t->flags & JS_TF_ESCAPED));
}

static bool nl_before(const js_token *t) { return (t->flags & JS_TF_NL_BEFORE) != 0; }

/* Reads n tokens past the current one into out[0..n) and puts the lexer back. */
static void peek_n(js_parser *p, js_token *out, int n) {
  js_lexer_state s;
  js_lexer_save(&p->lx, &s);
  for (int i = 0; i < n; i++) {
    js_lexer_next(&p->lx);
    out[i] = p->lx.tok;
  }
  js_lexer_restore(&p->lx, &s);
  if (p->lx.oom) js__oom(p);
}

static bool is_gt(const js_token *t) {
  return t->type == JS_T_GT || t->type == JS_T_SAR || t->type == JS_T_SHR || t->type == JS_T_GE ||
         t->type == JS_T_SAR_ASSIGN || t->type == JS_T_SHR_ASSIGN;
}

/* Consumes one character of a token (`<<` or a `>`-led token) and reads the rest as a new token:
 * TypeScript closes `A<B<C>>` with two `>` and opens `f<<T>() => T>()` with two `<`. Only ASCII
 * punctuation is split, on one line, so the lexer's line and column bookkeeping still holds. */
static void split_token(js_parser *p) {
  uint32_t at = js__tok(p)->start + 1;
  p->prev_end = at;
  p->lx.pos = at;
  js_lexer_next(&p->lx);
  if (p->lx.oom) js__oom(p);
}

static void eat_gt(js_parser *p) {
  js_token *t = js__tok(p);
  if (t->type == JS_T_GT) js__next(p);
  else if (is_gt(t)) split_token(p);
  else js__unexpected(p);
}

static bool eat_lt(js_parser *p) {
  js_token *t = js__tok(p);
  if (t->type == JS_T_LT) {
    js__next(p);
    return true;
  }
  if (t->type == JS_T_SHL) {
    split_token(p);
    return true;
  }
  return false;
}

/* ---- types ------------------------------------------------------------------------------- */

static void type_members(js_parser *p);
static void return_type(js_parser *p);

/* A type inside brackets, where a conditional type is unambiguous again. */
static void inner_type(js_parser *p) {
  bool nc = p->ts_no_cond;
  p->ts_no_cond = false;
  js__ts_type(p);
  p->ts_no_cond = nc;
}

/* `( params )` of a function type or signature. */
static void signature_params(js_parser *p) {
  js__expect(p, JS_T_LPAREN);
  bool nc = p->ts_no_cond, no_in = p->no_in;
  p->ts_no_cond = false;
  p->no_in = false;
  uint32_t mark = p->sp;
  while (!js__is(p, JS_T_RPAREN)) {
    js__ts_param(p, JS_TS_PARAM_TYPE);
    if (!js__is(p, JS_T_RPAREN)) js__expect(p, JS_T_COMMA);
  }
  js__next(p);
  p->sp = mark;
  p->ts_no_cond = nc;
  p->no_in = no_in;
}

/* Reads `<A, B` and stops at the token holding the closing `>`. */
static void type_args_open(js_parser *p) {
  if (!eat_lt(p)) js__unexpected(p);
  if (is_gt(js__tok(p))) js__raise(p, js__tok(p)->start, "Type argument list cannot be empty.");
  for (;;) {
    inner_type(p);
    if (is_gt(js__tok(p))) break;
    js__expect(p, JS_T_COMMA);
    if (is_gt(js__tok(p))) break;
  }
}

void js__ts_type_args(js_parser *p) {
  js__enter(p);
  type_args_open(p);
  eat_gt(p);
  js__leave(p);
}

void js__ts_jsx_type_args(js_parser *p) {
  js__enter(p);
  type_args_open(p);
  /* The closing `>` may be the first character of `>>` or `>=` (`<C<T>>text</C>`): the rest of the
   * tag is read from just after it with JSX's tag grammar, as split_token does for types. */
  uint32_t at = js__tok(p)->start + 1;
  p->prev_end = at;
  p->lx.pos = at;
  js_lexer_next_jsx_tag(&p->lx);
  if (p->lx.oom) js__oom(p);
  js__leave(p);
}

void js__ts_type_params(js_parser *p) {
  if (!eat_lt(p)) return;
  js__enter(p);
  if (is_gt(js__tok(p))) js__raise(p, js__tok(p)->start, "Type parameter list cannot be empty.");
  while (!is_gt(js__tok(p))) {
    /* Variance and const modifiers, unless the word is the parameter's name. */
    for (;;) {
      js_token nt;
      js__peek(p, &nt);
      if ((js__ts_is_word(p, "in") || js__ts_is_word(p, "out") || js__ts_is_word(p, "const")) && is_ident(&nt)) {
        js__next(p);
        continue;
      }
      break;
    }
    if (!is_ident(js__tok(p))) js__unexpected(p);
    js__next(p);
    if (js__is_kw(p, JS_KW_EXTENDS)) {
      js__next(p);
      inner_type(p);
    }
    if (js__eat(p, JS_T_ASSIGN)) inner_type(p);
    if (!is_gt(js__tok(p))) js__expect(p, JS_T_COMMA);
  }
  eat_gt(p);
  js__leave(p);
}

/* `A.B.C` of a type reference or heritage clause; names after a dot may be any IdentifierName. */
static void entity_name(js_parser *p, bool allow_this) {
  js_token *t = js__tok(p);
  if (!(is_ident(t) || (allow_this && t->type == JS_T_NAME && t->kw == JS_KW_THIS))) js__unexpected(p);
  js__next(p);
  while (js__is(p, JS_T_DOT)) {
    js__next(p);
    if (js__is(p, JS_T_PRIVATE)) js__next(p);
    else js__parse_ident_name(p);
  }
}

static bool type_args_here(js_parser *p) {
  js_token *t = js__tok(p);
  return (t->type == JS_T_LT || t->type == JS_T_SHL) && !nl_before(t);
}

void js__ts_heritage(js_parser *p) {
  for (;;) {
    entity_name(p, false);
    if (type_args_here(p)) js__ts_type_args(p);
    if (!js__eat(p, JS_T_COMMA)) break;
  }
}

/* `import('m', { with: {...} }).A.B<C>` */
static void import_type(js_parser *p) {
  js__next(p); /* import */
  js__expect(p, JS_T_LPAREN);
  js__parse_string_literal(p);
  if (js__eat(p, JS_T_COMMA) && !js__is(p, JS_T_RPAREN)) {
    bool no_in = p->no_in;
    p->no_in = false;
    js__parse_assign(p, NULL);
    p->no_in = no_in;
    js__eat(p, JS_T_COMMA);
  }
  js__expect(p, JS_T_RPAREN);
  while (js__eat(p, JS_T_DOT)) js__parse_ident_name(p);
  if (type_args_here(p)) js__ts_type_args(p);
}

static void template_type(js_parser *p) {
  js__enter(p);
  while (js__is(p, JS_T_TEMPLATE_HEAD) || js__is(p, JS_T_TEMPLATE_MIDDLE)) {
    js__next(p);
    inner_type(p);
    if (!js__is(p, JS_T_RBRACE)) js__unexpected(p);
    js_lexer_rescan_template(&p->lx);
    if (js__is(p, JS_T_ERROR)) js__unexpected(p);
  }
  if (!js__is(p, JS_T_TEMPLATE_TAIL)) js__unexpected(p);
  js__next(p);
  js__leave(p);
}

/* `{ [K in T as U]?: V }` (after `{` come an optional `+`/`-` readonly and `[ name in`). */
static bool mapped_type_ahead(js_parser *p) {
  js_token t[4];
  peek_n(p, t, 4);
  int i = 0;
  if (t[0].type == JS_T_PLUS || t[0].type == JS_T_MINUS) {
    return word_is(&t[1], "readonly");
  }
  if (word_is(&t[0], "readonly")) i = 1;
  return t[i].type == JS_T_LBRACKET && is_ident(&t[i + 1]) && t[i + 2].type == JS_T_NAME && t[i + 2].kw == JS_KW_IN &&
         !(t[i + 2].flags & JS_TF_ESCAPED);
}

static void mapped_type(js_parser *p) {
  js__expect(p, JS_T_LBRACE);
  if (js__is(p, JS_T_PLUS) || js__is(p, JS_T_MINUS)) {
    js__next(p);
    if (!js__ts_is_word(p, "readonly")) js__unexpected(p);
  }
  if (js__ts_is_word(p, "readonly")) js__next(p);
  js__expect(p, JS_T_LBRACKET);
  js__next(p); /* the key's name */
  js__next(p); /* in */
  inner_type(p);
  if (js__ts_is_word(p, "as")) {
    js__next(p);
    inner_type(p);
  }
  js__expect(p, JS_T_RBRACKET);
  if (js__is(p, JS_T_PLUS) || js__is(p, JS_T_MINUS)) {
    js__next(p);
    if (!js__is(p, JS_T_QUESTION)) js__unexpected(p);
  }
  js__eat(p, JS_T_QUESTION);
  if (js__eat(p, JS_T_COLON)) inner_type(p);
  if (!js__eat(p, JS_T_SEMI)) js__eat(p, JS_T_COMMA);
  js__expect(p, JS_T_RBRACE);
}

static void tuple_type(js_parser *p) {
  js__expect(p, JS_T_LBRACKET);
  while (!js__is(p, JS_T_RBRACKET)) {
    js__eat(p, JS_T_ELLIPSIS);
    js_token t[2];
    peek_n(p, t, 2);
    if (js__is(p, JS_T_NAME) &&
        (t[0].type == JS_T_COLON || (t[0].type == JS_T_QUESTION && t[1].type == JS_T_COLON))) {
      /* a named member: `name: T`, `name?: T` */
      js__next(p);
      js__eat(p, JS_T_QUESTION);
      js__expect(p, JS_T_COLON);
      inner_type(p);
    } else {
      inner_type(p);
      js__eat(p, JS_T_QUESTION);
    }
    if (!js__is(p, JS_T_RBRACKET)) js__expect(p, JS_T_COMMA);
  }
  js__next(p);
}

static void primary_type(js_parser *p) {
  js_token *t = js__tok(p);
  switch (t->type) {
  case JS_T_NAME:
    if (!(t->flags & JS_TF_ESCAPED)) {
      switch (t->kw) {
      case JS_KW_THIS: case JS_KW_VOID: case JS_KW_NULL: case JS_KW_TRUE: case JS_KW_FALSE:
        js__next(p);
        return;
      case JS_KW_TYPEOF:
        js__next(p);
        if (js__is_kw(p, JS_KW_IMPORT)) {
          import_type(p);
          return;
        }
        entity_name(p, true);
        if (type_args_here(p)) js__ts_type_args(p);
        return;
      case JS_KW_IMPORT:
        import_type(p);
        return;
      default:
        break;
      }
    }
    entity_name(p, false);
    if (type_args_here(p)) js__ts_type_args(p);
    return;
  case JS_T_NUMBER: case JS_T_BIGINT: case JS_T_STRING: case JS_T_TEMPLATE:
    js__next(p);
    return;
  case JS_T_TEMPLATE_HEAD:
    template_type(p);
    return;
  case JS_T_MINUS:
    js__next(p);
    if (!js__is(p, JS_T_NUMBER) && !js__is(p, JS_T_BIGINT)) js__unexpected(p);
    js__next(p);
    return;
  case JS_T_LBRACE:
    if (mapped_type_ahead(p)) mapped_type(p);
    else type_members(p);
    return;
  case JS_T_LBRACKET:
    tuple_type(p);
    return;
  case JS_T_LPAREN:
    js__next(p);
    inner_type(p);
    js__expect(p, JS_T_RPAREN);
    return;
  default:
    js__unexpected(p);
  }
}

static void postfix_type(js_parser *p) {
  primary_type(p);
  for (;;) {
    js_token *t = js__tok(p);
    if (nl_before(t)) break;
    if (t->type == JS_T_LBRACKET) {
      js__next(p);
      if (!js__eat(p, JS_T_RBRACKET)) {
        inner_type(p);
        js__expect(p, JS_T_RBRACKET);
      }
    } else {
      break;
    }
  }
}

typedef struct infer_try {
  bool outer_no_cond;
} infer_try;

/* `infer U extends C`: the constraint belongs to U unless a `?` follows, which makes `extends` the
 * start of a conditional type (`infer U extends C ? X : Y`). */
static bool infer_constraint(js_parser *p, void *ud) {
  infer_try *it = ud;
  js__next(p); /* extends */
  p->ts_no_cond = true;
  js__ts_type(p);
  p->ts_no_cond = it->outer_no_cond;
  return it->outer_no_cond || !js__is(p, JS_T_QUESTION);
}

static void type_operator(js_parser *p) {
  if (js__ts_is_word(p, "keyof") || js__ts_is_word(p, "unique") || js__ts_is_word(p, "readonly")) {
    js__next(p);
    js__enter(p);
    type_operator(p);
    js__leave(p);
    return;
  }
  if (js__ts_is_word(p, "infer")) {
    js_token nt;
    js__peek(p, &nt);
    if (is_ident(&nt)) {
      js__next(p);
      js__next(p);
      if (js__is_kw(p, JS_KW_EXTENDS) && !js__nl_before(p)) {
        infer_try it = {p->ts_no_cond};
        js__ts_try(p, infer_constraint, &it);
      }
      return;
    }
  }
  postfix_type(p);
}

static void intersection_type(js_parser *p) {
  js__eat(p, JS_T_AMP);
  type_operator(p);
  while (js__eat(p, JS_T_AMP)) type_operator(p);
}

static void union_type(js_parser *p) {
  js__eat(p, JS_T_PIPE);
  intersection_type(p);
  while (js__eat(p, JS_T_PIPE)) intersection_type(p);
}

static bool fn_type_ahead_cb(js_parser *p, void *ud) {
  (void)ud;
  js__next(p); /* ( */
  if (js__is(p, JS_T_RPAREN) || js__is(p, JS_T_ELLIPSIS)) return true;
  /* skip a parameter's start: modifiers, then a name, `this` or a binding pattern */
  static const char *const mods[] = {"public", "private", "protected", "readonly", "override"};
  for (size_t i = 0; i < sizeof mods / sizeof *mods; i++) {
    if (js__ts_is_word(p, mods[i])) {
      js__next(p);
      break;
    }
  }
  js_token *t = js__tok(p);
  if (is_ident(t) || (t->type == JS_T_NAME && t->kw == JS_KW_THIS)) {
    js__next(p);
  } else if (t->type == JS_T_LBRACKET || t->type == JS_T_LBRACE) {
    uint32_t errs = p->nerrors;
    js__parse_binding_target(p);
    if (p->nerrors != errs) return false;
  } else {
    return false;
  }
  t = js__tok(p);
  if (t->type == JS_T_COLON || t->type == JS_T_COMMA || t->type == JS_T_QUESTION || t->type == JS_T_ASSIGN) return true;
  if (t->type == JS_T_RPAREN) {
    js__next(p);
    return js__is(p, JS_T_ARROW);
  }
  return false;
}

static bool function_type_ahead(js_parser *p) {
  js_token *t = js__tok(p);
  if (t->type == JS_T_LT) return true;
  if (t->type == JS_T_LPAREN) return lookahead(p, fn_type_ahead_cb, NULL);
  if (t->type == JS_T_NAME && t->kw == JS_KW_NEW && !(t->flags & JS_TF_ESCAPED)) return true;
  if (word_is(t, "abstract")) {
    js_token nt;
    js__peek(p, &nt);
    return nt.type == JS_T_NAME && nt.kw == JS_KW_NEW && !(nt.flags & JS_TF_ESCAPED);
  }
  return false;
}

/* `<T>(a: A) => R`, `new (...) => R`, `abstract new (...) => R` */
static void function_type(js_parser *p) {
  if (js__ts_is_word(p, "abstract")) js__next(p);
  if (js__is_kw(p, JS_KW_NEW)) js__next(p);
  js__ts_type_params(p);
  signature_params(p);
  js__expect(p, JS_T_ARROW);
  /* The return type may be a conditional type even in an `extends` clause:
   * `A extends <V>() => V extends U ? 1 : 2 ? X : Y` */
  bool nc = p->ts_no_cond;
  p->ts_no_cond = false;
  return_type(p);
  p->ts_no_cond = nc;
}

void js__ts_type(js_parser *p) {
  js__enter(p);
  bool nc = p->ts_no_cond;
  if (function_type_ahead(p)) {
    function_type(p);
  } else {
    union_type(p);
    if (!nc && js__is_kw(p, JS_KW_EXTENDS) && !js__nl_before(p)) {
      js__next(p);
      p->ts_no_cond = true;
      js__ts_type(p);
      p->ts_no_cond = false;
      js__expect(p, JS_T_QUESTION);
      js__ts_type(p);
      js__expect(p, JS_T_COLON);
      js__ts_type(p);
    }
  }
  p->ts_no_cond = nc;
  js__leave(p);
}

/* A return type: a type, or a predicate `x is T`, `this is T`, `asserts x [is T]`. */
static void return_type(js_parser *p) {
  js_token t[2];
  peek_n(p, t, 2);
  js_token *c = js__tok(p);
  bool subject = is_ident(&t[0]) || (t[0].type == JS_T_NAME && t[0].kw == JS_KW_THIS);
  if (word_is(c, "asserts") && subject && !nl_before(&t[0])) {
    js__next(p);
    js__next(p);
    if (js__ts_is_word(p, "is") && !js__nl_before(p)) {
      js__next(p);
      js__ts_type(p);
    }
    return;
  }
  if ((is_ident(c) || (c->type == JS_T_NAME && c->kw == JS_KW_THIS)) && word_is(&t[0], "is") && !nl_before(&t[0])) {
    js__next(p);
    js__next(p);
    js__ts_type(p);
    return;
  }
  js__ts_type(p);
}

void js__ts_annotation(js_parser *p) {
  if (!js__eat(p, JS_T_COLON)) return;
  inner_type(p);
}

void js__ts_return_annotation(js_parser *p) {
  if (!js__eat(p, JS_T_COLON)) return;
  bool nc = p->ts_no_cond;
  p->ts_no_cond = false;
  return_type(p);
  p->ts_no_cond = nc;
}

/* `[key: string]: T` rather than a computed name `[expr]` (the current token is `[`). */
static bool index_signature_ahead(js_parser *p) {
  js_token t[4];
  peek_n(p, t, 4);
  if (t[0].type == JS_T_ELLIPSIS || t[0].type == JS_T_RBRACKET) return true;
  int i = 0;
  static const char *const mods[] = {"public", "private", "protected", "readonly", "static", "export"};
  for (size_t k = 0; k < sizeof mods / sizeof *mods; k++) {
    if (word_is(&t[0], mods[k])) {
      if (is_ident(&t[1])) return true;
      break;
    }
  }
  if (!is_ident(&t[i])) return false;
  js_token *n = &t[i + 1];
  if (n->type == JS_T_COLON || n->type == JS_T_COMMA) return true;
  if (n->type != JS_T_QUESTION) return false;
  n = &t[i + 2];
  return n->type == JS_T_COLON || n->type == JS_T_COMMA || n->type == JS_T_RBRACKET;
}

static void index_signature(js_parser *p) {
  js__expect(p, JS_T_LBRACKET);
  uint32_t mark = p->sp;
  while (!js__is(p, JS_T_RBRACKET)) {
    js__ts_param(p, JS_TS_PARAM_TYPE);
    if (!js__is(p, JS_T_RBRACKET)) js__expect(p, JS_T_COMMA);
  }
  js__next(p);
  p->sp = mark;
  js__ts_annotation(p);
}

bool js__ts_index_signature(js_parser *p) {
  if (!js__is(p, JS_T_LBRACKET) || !index_signature_ahead(p)) return false;
  index_signature(p);
  return true;
}

/* A modifier word followed on the same line by something a modifier can precede. */
static bool modifier_ahead(js_parser *p) {
  js_token nt;
  js__peek(p, &nt);
  if (nl_before(&nt)) return false;
  switch (nt.type) {
  case JS_T_NAME: case JS_T_STRING: case JS_T_NUMBER: case JS_T_BIGINT: case JS_T_LBRACKET: case JS_T_LBRACE:
  case JS_T_STAR: case JS_T_PRIVATE: case JS_T_ELLIPSIS:
    return true;
  default:
    return false;
  }
}

static void signature_rest(js_parser *p) {
  js__ts_type_params(p);
  signature_params(p);
  js__ts_return_annotation(p);
}

/* One member of an interface or object type. */
static void type_member(js_parser *p) {
  js_token *t = js__tok(p);
  if (t->type == JS_T_LPAREN || t->type == JS_T_LT) {
    signature_rest(p);
    return;
  }
  if (t->type == JS_T_NAME && t->kw == JS_KW_NEW && !(t->flags & JS_TF_ESCAPED)) {
    js_token nt;
    js__peek(p, &nt);
    if (nt.type == JS_T_LPAREN || nt.type == JS_T_LT) {
      js__next(p);
      signature_rest(p);
      return;
    }
  }
  static const char *const mods[] = {"readonly", "public", "private", "protected", "static", "declare", "abstract", "override", "export"};
  for (bool again = true; again;) {
    again = false;
    for (size_t i = 0; i < sizeof mods / sizeof *mods; i++) {
      if (js__ts_is_word(p, mods[i]) && modifier_ahead(p)) {
        js__next(p);
        again = true;
        break;
      }
    }
  }
  if ((js__ts_is_word(p, "get") || js__ts_is_word(p, "set")) && modifier_ahead(p)) js__next(p);
  if (js__ts_index_signature(p)) return;
  js__parse_property_key(p, true);
  js__eat(p, JS_T_QUESTION);
  if (js__is(p, JS_T_LPAREN) || js__is(p, JS_T_LT)) {
    signature_rest(p);
    return;
  }
  js__ts_annotation(p);
}

/* `{ members }` of an interface or object type; members end with `;`, `,` or a line break. */
static void type_members(js_parser *p) {
  js__enter(p);
  js__expect(p, JS_T_LBRACE);
  bool nc = p->ts_no_cond, no_in = p->no_in;
  p->ts_no_cond = false;
  p->no_in = false;
  while (!js__is(p, JS_T_RBRACE)) {
    type_member(p);
    if (js__eat(p, JS_T_SEMI) || js__eat(p, JS_T_COMMA)) continue;
    if (js__is(p, JS_T_RBRACE) || js__nl_before(p)) continue;
    js__unexpected(p);
  }
  js__next(p);
  p->ts_no_cond = nc;
  p->no_in = no_in;
  js__leave(p);
}

/* ---- parameters -------------------------------------------------------------------------- */

static bool param_modifier(js_parser *p) {
  static const char *const mods[] = {"public", "private", "protected", "readonly", "override"};
  for (size_t i = 0; i < sizeof mods / sizeof *mods; i++) {
    if (js__ts_is_word(p, mods[i])) {
      js_token nt;
      js__peek(p, &nt);
      return !nl_before(&nt) && (nt.type == JS_T_NAME || nt.type == JS_T_LBRACE || nt.type == JS_T_LBRACKET);
    }
  }
  return false;
}

js_node *js__ts_param(js_parser *p, int where) {
  if (js__is(p, JS_T_AT)) js__parse_decorators(p); /* parameter decorators (legacy): dropped */
  uint32_t mod_at = 0;
  while (param_modifier(p)) {
    if (!mod_at) mod_at = js__tok(p)->start + 1;
    js__next(p);
  }
  if (mod_at && where != JS_TS_PARAM_CTOR && where != JS_TS_PARAM_TYPE)
    js__report(p, mod_at - 1, "A parameter property is only allowed in a constructor implementation.");
  js_token *t = js__tok(p);
  if (t->type == JS_T_NAME && t->kw == JS_KW_THIS && !(t->flags & JS_TF_ESCAPED) && !mod_at) {
    if (where == JS_TS_PARAM_ARROW) js__raise(p, t->start, "An arrow function cannot have a 'this' parameter.");
    js__next(p);
    js__ts_annotation(p);
    return NULL;
  }
  js_loc start = js__tok_loc(p);
  bool rest = js__eat(p, JS_T_ELLIPSIS);
  js_node *target = js__parse_binding_target(p);
  js__eat(p, JS_T_QUESTION);
  js__ts_annotation(p);
  js_node *n = target;
  if (rest) {
    if (js__is(p, JS_T_ASSIGN)) js__raise(p, js__tok(p)->start, "Rest parameter may not have a default initializer");
    n = js__node(p, JS_REST, start);
    n->u.unary.arg = target;
    js__finish(p, n);
  } else if (js__is(p, JS_T_ASSIGN)) {
    js__next(p);
    js_node *ap = js__node(p, JS_ASSIGN_PATTERN, target->loc);
    ap->u.bin.left = target;
    bool no_in = p->no_in;
    p->no_in = false;
    ap->u.bin.right = js__parse_assign(p, NULL);
    p->no_in = no_in;
    js__finish(p, ap);
    n = ap;
  }
  if (mod_at) {
    if (target->kind != JS_IDENT || rest)
      js__report(p, mod_at - 1, "A parameter property may not be declared using a binding pattern.");
    n->flags |= JS_NF_PARAM_PROP;
  }
  return n;
}

/* ---- arrow functions --------------------------------------------------------------------- */

enum { NO, YES, MAYBE };

/* After `(`: is this an arrow function's parameter list? (TypeScript's lookahead.) */
static int paren_arrow_ahead(js_parser *p) {
  js_token t[3];
  peek_n(p, t, 3);
  switch (t[0].type) {
  case JS_T_RPAREN:
    return (t[1].type == JS_T_ARROW || t[1].type == JS_T_COLON || t[1].type == JS_T_LBRACE) ? YES : NO;
  case JS_T_LBRACKET:
  case JS_T_LBRACE:
    return MAYBE;
  case JS_T_ELLIPSIS:
    return YES;
  default:
    break;
  }
  static const char *const mods[] = {"public", "private", "protected", "readonly", "override"};
  for (size_t i = 0; i < sizeof mods / sizeof *mods; i++)
    if (word_is(&t[0], mods[i]) && is_ident(&t[1]) && !nl_before(&t[1])) return YES;
  if (!is_ident(&t[0]) && !(t[0].type == JS_T_NAME && t[0].kw == JS_KW_THIS)) return NO;
  switch (t[1].type) {
  case JS_T_COLON:
    return YES;
  case JS_T_QUESTION:
    return (t[2].type == JS_T_COLON || t[2].type == JS_T_COMMA || t[2].type == JS_T_ASSIGN ||
            t[2].type == JS_T_RPAREN) ? YES : NO;
  case JS_T_COMMA:
  case JS_T_ASSIGN:
  case JS_T_RPAREN:
    return MAYBE;
  default:
    return NO;
  }
}

/* At `<` in a .tsx file: `<T,>` and `<T extends U>` start generic arrows; the rest is JSX. */
static bool tsx_generic_arrow_ahead(js_parser *p) {
  js_token t[4];
  peek_n(p, t, 4);
  int i = word_is(&t[0], "const") && t[1].type == JS_T_NAME ? 1 : 0;
  if (!is_ident(&t[i])) return false;
  js_token *n = &t[i + 1];
  if (n->type == JS_T_NAME && n->kw == JS_KW_EXTENDS && !(n->flags & JS_TF_ESCAPED)) {
    js_token *f = &t[i + 2];
    return !(f->type == JS_T_ASSIGN || f->type == JS_T_GT || f->type == JS_T_SLASH);
  }
  return n->type == JS_T_COMMA || n->type == JS_T_ASSIGN;
}

typedef struct arrow_try {
  js_loc start;
  bool async;
  bool restricted; /* in a conditional's true branch: a return type needs a `:` after the arrow */
  js_list params;
  js_node *result;
  uint32_t sy, sa, si;
} arrow_try;

/* `<T>(params): R =>` up to the arrow (not consumed). */
static bool arrow_head(js_parser *p, void *ud) {
  arrow_try *a = ud;
  js__ts_type_params(p);
  js__expect(p, JS_T_LPAREN);
  bool no_in = p->no_in;
  p->no_in = false;
  uint32_t mark = p->sp;
  while (!js__is(p, JS_T_RPAREN)) {
    js_node *prm = js__ts_param(p, JS_TS_PARAM_ARROW);
    js__push(p, prm);
    if (prm->kind == JS_REST) {
      if (js__is(p, JS_T_COMMA)) js__raise(p, js__tok(p)->start, "Rest parameter must be last formal parameter");
      break;
    }
    if (!js__is(p, JS_T_RPAREN)) js__expect(p, JS_T_COMMA);
  }
  js__expect(p, JS_T_RPAREN);
  p->no_in = no_in;
  a->params = js__pop_list(p, mark);
  bool has_return = js__is(p, JS_T_COLON);
  js__ts_return_annotation(p);
  if (!js__is(p, JS_T_ARROW) || js__nl_before(p)) js__unexpected(p);
  if (a->restricted && has_return) {
    a->result = js__parse_arrow(p, a->start, a->params, a->async, a->sy, a->sa, a->si);
    if (!js__is(p, JS_T_COLON)) return false;
  }
  return true;
}

js_node *js__ts_arrow(js_parser *p, js_loc start, bool async) {
  js_token *t = js__tok(p);
  uint32_t at = t->start;
  int la;
  if (t->type == JS_T_LT) la = p->jsx ? (tsx_generic_arrow_ahead(p) ? YES : NO) : MAYBE;
  else if (t->type == JS_T_LPAREN) la = paren_arrow_ahead(p);
  else return NULL;
  if (la == NO || (la == MAYBE && no_arrow_has(p, at))) return NULL;
  arrow_try a;
  memset(&a, 0, sizeof a);
  a.start = start;
  a.async = async;
  a.restricted = p->ts_noret_at == start.offset + 1;
  a.sy = p->yield_pos;
  a.sa = p->await_pos;
  a.si = p->await_ident_pos;
  p->yield_pos = p->await_pos = p->await_ident_pos = 0;
  bool ok;
  if (la == YES && !a.restricted) {
    ok = arrow_head(p, &a);
  } else {
    ok = js__ts_try(p, arrow_head, &a);
    if (!ok && la == MAYBE) no_arrow_add(p, at);
  }
  if (!ok) {
    p->yield_pos = a.sy;
    p->await_pos = a.sa;
    p->await_ident_pos = a.si;
    return NULL;
  }
  if (a.result) return a.result;
  return js__parse_arrow(p, start, a.params, async, a.sy, a.sa, a.si);
}

void js__ts_type_assertion(js_parser *p) {
  if (!eat_lt(p)) js__unexpected(p);
  inner_type(p);
  eat_gt(p);
}

/* ---- type arguments in expressions ------------------------------------------------------- */

static bool starts_expression(const js_token *t) {
  switch (t->type) {
  case JS_T_NAME: case JS_T_PRIVATE: case JS_T_NUMBER: case JS_T_BIGINT: case JS_T_STRING: case JS_T_TEMPLATE:
  case JS_T_TEMPLATE_HEAD: case JS_T_LPAREN: case JS_T_LBRACKET: case JS_T_LBRACE: case JS_T_PLUS:
  case JS_T_MINUS: case JS_T_BANG: case JS_T_TILDE: case JS_T_INC: case JS_T_DEC: case JS_T_SLASH:
  case JS_T_SLASH_ASSIGN: case JS_T_LT: case JS_T_AT:
    return true;
  default:
    return false;
  }
}

static bool is_binary_operator(const js_token *t) {
  switch (t->type) {
  case JS_T_NULLISH: case JS_T_OR: case JS_T_AND: case JS_T_PIPE: case JS_T_CARET: case JS_T_AMP: case JS_T_EQ:
  case JS_T_NE: case JS_T_SEQ: case JS_T_SNE: case JS_T_LT: case JS_T_GT: case JS_T_LE: case JS_T_GE: case JS_T_SHL:
  case JS_T_SAR: case JS_T_SHR: case JS_T_PLUS: case JS_T_MINUS: case JS_T_STAR: case JS_T_SLASH: case JS_T_PERCENT:
  case JS_T_STARSTAR:
    return true;
  case JS_T_NAME:
    return !(t->flags & JS_TF_ESCAPED) && (t->kw == JS_KW_IN || t->kw == JS_KW_INSTANCEOF || word_is(t, "as") ||
                                           word_is(t, "satisfies"));
  default:
    return false;
  }
}

/* TypeScript reads `<...>` after an expression as type arguments only when what follows could not
 * continue a comparison: a call, a template, a line break, a binary operator, or a token that
 * cannot start an expression. `<`, `>`, `+` and `-` after the list mean a comparison. */
static bool expr_type_args_cb(js_parser *p, void *ud) {
  (void)ud;
  js__ts_type_args(p);
  js_token *t = js__tok(p);
  switch (t->type) {
  case JS_T_LPAREN: case JS_T_TEMPLATE: case JS_T_TEMPLATE_HEAD:
    return true;
  case JS_T_LT: case JS_T_PLUS: case JS_T_MINUS:
    return false;
  default:
    break;
  }
  if (is_gt(t)) return false;
  return nl_before(t) || is_binary_operator(t) || !starts_expression(t);
}

bool js__ts_expr_type_args(js_parser *p) { return js__ts_try(p, expr_type_args_cb, NULL); }

/* ---- decorators -------------------------------------------------------------------------- */

static js_node *parse_decorator(js_parser *p) {
  js_node *d = js__node_here(p, JS_DECORATOR);
  js_token nt;
  js__peek(p, &nt);
  /* `@` that starts no decorator is reported as itself */
  if (nt.type != JS_T_NAME && nt.type != JS_T_LPAREN) js__unexpected(p);
  js__next(p); /* @ */
  js__enter(p);
  js_node *e;
  bool no_in = p->no_in;
  p->no_in = false;
  if (js__is(p, JS_T_LPAREN)) {
    js__next(p);
    e = js__parse_expression(p);
    js__expect(p, JS_T_RPAREN);
    e->flags |= JS_NF_PARENS;
  } else {
    /* DecoratorMemberExpression [Arguments]: a name, property accesses, one optional call. */
    js_token *t = js__tok(p);
    if (t->type != JS_T_NAME) js__unexpected(p);
    if (t->kw && t->kw <= JS_KW_LAST_RESERVED && !(t->flags & JS_TF_ESCAPED)) js__unexpected(p);
    js__check_identifier(p, t->value, t->kw, t->flags, t->start, false);
    e = js__parse_ident_name(p);
    while (js__is(p, JS_T_DOT)) {
      js__next(p);
      js_node *m = js__node(p, JS_MEMBER, e->loc);
      m->u.member.object = e;
      if (js__is(p, JS_T_PRIVATE)) {
        m->u.member.prop = js__parse_property_key(p, true);
        js__private_use(p, m->u.member.prop->u.ident.name, m->u.member.prop->loc.offset);
      } else {
        m->u.member.prop = js__parse_ident_name(p);
      }
      js__finish(p, m);
      e = m;
    }
    if (p->ts && type_args_here(p)) js__ts_type_args(p);
    if (js__is(p, JS_T_LPAREN)) {
      js_node *c = js__node(p, JS_CALL, e->loc);
      c->u.call.callee = e;
      js__parse_call_args(p, &c->u.call.args);
      js__finish(p, c);
      e = c;
    }
  }
  p->no_in = no_in;
  d->u.unary.arg = e;
  js__finish(p, d);
  js__leave(p);
  return d;
}

js_list js__parse_decorators(js_parser *p) {
  uint32_t mark = p->sp;
  while (js__is(p, JS_T_AT)) js__push(p, parse_decorator(p));
  return js__pop_list(p, mark);
}

void js__check_decorated(js_parser *p) {
  js_token t[3];
  peek_n(p, t, 3);
  const js_token *c = js__tok(p);
  int i = -1; /* index in t of the token after c that is examined; -1 means c itself */
  if (c->type == JS_T_NAME && c->kw == JS_KW_EXPORT && !(c->flags & JS_TF_ESCAPED)) {
    i = 0;
    if (t[0].type == JS_T_NAME && t[0].kw == JS_KW_DEFAULT && !(t[0].flags & JS_TF_ESCAPED)) i = 1;
  }
  const js_token *k = i < 0 ? c : &t[i];
  if (p->ts && word_is(k, "abstract")) k = i < 0 ? &t[0] : &t[i + 1];
  if (k->type == JS_T_NAME && k->kw == JS_KW_CLASS && !(k->flags & JS_TF_ESCAPED)) return;
  js__raise(p, c->start, "Decorators are not valid here.");
}

/* ---- declarations ------------------------------------------------------------------------ */

static js_node *parse_enum(js_parser *p, js_loc start, bool is_const) {
  js__next(p); /* enum */
  js_node *n = js__node(p, JS_TS_ENUM, start);
  if (is_const) n->flags |= JS_NF_CONST;
  n->u.ts_enum.id = js__parse_binding_ident(p);
  js__expect(p, JS_T_LBRACE);
  uint32_t mark = p->sp;
  bool no_in = p->no_in;
  p->no_in = false;
  while (!js__is(p, JS_T_RBRACE)) {
    js_node *m = js__node_here(p, JS_TS_ENUM_MEMBER);
    js_token *t = js__tok(p);
    if (t->type == JS_T_NAME) {
      m->u.prop.key = js__parse_ident_name(p);
    } else if (t->type == JS_T_STRING) {
      m->u.prop.key = js__parse_string_literal(p);
    } else if (t->type == JS_T_LBRACKET) {
      /* `['a b']`: a string in brackets is still a plain member name */
      js__next(p);
      if (!js__is(p, JS_T_STRING) && !js__is(p, JS_T_TEMPLATE))
        js__raise(p, js__tok(p)->start, "Computed property names are not allowed in enums.");
      if (js__is(p, JS_T_TEMPLATE)) {
        js_node *s = js__node_here(p, JS_STRING);
        s->u.str.value = js__tok(p)->value;
        if (!s->u.str.value.ptr) js__unexpected(p);
        js__next(p);
        js__finish(p, s);
        m->u.prop.key = s;
      } else {
        m->u.prop.key = js__parse_string_literal(p);
      }
      js__expect(p, JS_T_RBRACKET);
    } else if (t->type == JS_T_NUMBER || t->type == JS_T_BIGINT) {
      js__raise(p, t->start, "An enum member cannot have a numeric name.");
    } else {
      js__unexpected(p);
    }
    if (js__eat(p, JS_T_ASSIGN)) m->u.prop.value = js__parse_assign(p, NULL);
    js__finish(p, m);
    js__push(p, m);
    if (!js__is(p, JS_T_RBRACE)) js__expect(p, JS_T_COMMA);
  }
  js__next(p);
  p->no_in = no_in;
  n->u.ts_enum.members = js__pop_list(p, mark);
  js__finish(p, n);
  return n;
}

/* `{ statements }` of a namespace or ambient module: its own function-like scope (it becomes a
 * function), where `export` is allowed and names the namespace's members, not the module's. */
static js_list namespace_body(js_parser *p) {
  js__expect(p, JS_T_LBRACE);
  js__scope_push(p, JS_SCOPE_FUNCTION);
  js_scope *ns = p->ts_ns_scope;
  p->ts_ns_scope = p->scope;
  uint32_t nexports = p->nexports, nlocals = p->nexport_locals;
  bool pending = p->pending_chain;
  p->pending_chain = false;
  uint32_t mark = p->sp;
  js__parse_statements(p, JS_T_RBRACE);
  js__expect(p, JS_T_RBRACE);
  js_list body = js__pop_list(p, mark);
  p->pending_chain = pending;
  p->nexports = nexports;
  p->nexport_locals = nlocals;
  p->ts_ns_scope = ns;
  js__scope_pop(p);
  return body;
}

/* After `namespace` / `module`: `A.B.C { ... }` nests as A { export namespace B { ... } }. */
static js_node *namespace_rest(js_parser *p, js_loc start) {
  js__enter(p);
  js_node *n = js__node(p, JS_TS_NAMESPACE, start);
  n->u.ts_ns.id = js__parse_binding_ident(p);
  if (js__is(p, JS_T_DOT)) {
    js__next(p);
    js_loc inner_start = js__tok_loc(p);
    js_node *inner = namespace_rest(p, inner_start);
    js_node *ex = js__node(p, JS_EXPORT_NAMED, inner_start);
    ex->u.mod.decl = inner;
    ex->end = inner->end;
    n->u.ts_ns.body.items = js__alloc(p, sizeof(js_node *));
    n->u.ts_ns.body.items[0] = ex;
    n->u.ts_ns.body.len = 1;
  } else {
    n->u.ts_ns.body = namespace_body(p);
  }
  js__finish(p, n);
  js__leave(p);
  return n;
}

/* `declare ...`: parsed as ambient (no bodies or initializers needed) in a throwaway scope, since
 * the declaration binds nothing at run time, and erased. */
static void parse_declare(js_parser *p) {
  js__next(p); /* declare */
  p->ts_ambient++;
  js__scope_push(p, JS_SCOPE_FUNCTION);
  js__parse_statement_list_item(p);
  js__scope_pop(p);
  p->ts_ambient--;
}

static bool declare_follows(const js_token *nt) {
  static const char *const words[] = {"var", "let", "const", "function", "class", "enum", "namespace", "module",
                                      "global", "type", "interface", "abstract", "async", "using"};
  if (nl_before(nt)) return false;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (word_is(nt, words[i])) return true;
  return false;
}

/* `import x = require('m')`, `import x = A.B`, with `export` or `type` before x. */
static js_node *import_equals(js_parser *p, js_loc start, bool exported, bool type_only) {
  js__next(p); /* import */
  if (type_only) js__next(p);
  js_node *n = js__node(p, JS_TS_IMPORT_EQUALS, start);
  if (exported) n->flags |= JS_NF_EXPORT;
  js_node *local = js__parse_binding_ident(p);
  n->u.spec.a = local;
  js__expect(p, JS_T_ASSIGN);
  js_token nt;
  js__peek(p, &nt);
  if (js__ts_is_word(p, "require") && nt.type == JS_T_LPAREN) {
    js__next(p);
    js__next(p);
    n->u.spec.b = js__parse_string_literal(p);
    js__expect(p, JS_T_RPAREN);
  } else {
    js_token *t = js__tok(p);
    if (!is_ident(t)) js__unexpected(p);
    js__check_identifier(p, t->value, t->kw, t->flags, t->start, false);
    js_node *e = js__parse_ident_name(p);
    while (js__is(p, JS_T_DOT)) {
      js__next(p);
      js_node *m = js__node(p, JS_MEMBER, e->loc);
      m->u.member.object = e;
      m->u.member.prop = js__parse_ident_name(p);
      js__finish(p, m);
      e = m;
    }
    n->u.spec.b = e;
  }
  js__semicolon(p);
  js__finish(p, n);
  if (type_only) return NULL;
  if (!p->ts_ambient) js__declare_lexical(p, local->u.ident.name, local->loc.offset, false);
  return n;
}

/* After `import`: `x =` or `type x =` follows. *type_only tells which. */
static bool import_equals_ahead(js_parser *p, bool *type_only) {
  js_token t[3];
  peek_n(p, t, 3);
  *type_only = false;
  if (word_is(&t[0], "type") && is_ident(&t[1]) && t[2].type == JS_T_ASSIGN) {
    *type_only = true;
    return true;
  }
  return is_ident(&t[0]) && t[1].type == JS_T_ASSIGN;
}

static js_node *parse_statement_ts(js_parser *p, bool *handled) {
  js_token *t = js__tok(p);
  js_loc start = js__tok_loc(p);
  js_token nt;
  js__peek(p, &nt);
  bool same_line = !nl_before(&nt);
  *handled = true;
  if (t->kw == JS_KW_ENUM) return parse_enum(p, start, false);
  if (t->kw == JS_KW_CONST && word_is(&nt, "enum")) {
    js__next(p);
    return parse_enum(p, start, true);
  }
  if (t->kw == JS_KW_INTERFACE && same_line && is_ident(&nt)) {
    js__next(p);
    js__next(p);
    js__ts_type_params(p);
    if (js__is_kw(p, JS_KW_EXTENDS)) {
      js__next(p);
      js__ts_heritage(p);
    }
    type_members(p);
    return NULL;
  }
  if (word_is(t, "type") && same_line && is_ident(&nt)) {
    js__next(p);
    js__next(p);
    js__ts_type_params(p);
    js__expect(p, JS_T_ASSIGN);
    inner_type(p);
    js__semicolon(p);
    return NULL;
  }
  if ((word_is(t, "namespace") && same_line && is_ident(&nt)) ||
      (word_is(t, "module") && same_line && (is_ident(&nt) || nt.type == JS_T_STRING))) {
    js__next(p);
    if (js__is(p, JS_T_STRING)) {
      /* `module 'm' { ... }` or `module 'm';`: an ambient module, types only */
      js__next(p);
      if (js__is(p, JS_T_LBRACE)) {
        p->ts_ambient++;
        namespace_body(p);
        p->ts_ambient--;
      } else {
        js__semicolon(p);
      }
      return NULL;
    }
    js_node *n = namespace_rest(p, start);
    return p->ts_ambient ? NULL : n;
  }
  if (word_is(t, "global") && p->ts_ambient && nt.type == JS_T_LBRACE) {
    js__next(p);
    namespace_body(p);
    return NULL;
  }
  if (word_is(t, "abstract") && same_line && nt.type == JS_T_NAME && nt.kw == JS_KW_CLASS &&
      !(nt.flags & JS_TF_ESCAPED)) {
    js__next(p);
    return js__parse_class(p, true, false);
  }
  if (word_is(t, "declare") && declare_follows(&nt)) {
    parse_declare(p);
    return NULL;
  }
  bool type_only;
  if (t->kw == JS_KW_IMPORT && import_equals_ahead(p, &type_only)) return import_equals(p, start, false, type_only);
  if (t->kw == JS_KW_EXPORT) {
    if (nt.type == JS_T_ASSIGN) {
      js__next(p);
      js__next(p);
      js_node *n = js__node(p, JS_TS_EXPORT_ASSIGN, start);
      n->u.unary.arg = js__parse_assign(p, NULL);
      js__semicolon(p);
      js__finish(p, n);
      return p->ts_ambient ? NULL : n;
    }
    if (word_is(&nt, "as")) {
      /* `export as namespace X;` (UMD global name of a declaration file) */
      js__next(p);
      js__next(p);
      if (!js__ts_is_word(p, "namespace")) js__unexpected(p);
      js__next(p);
      js__parse_ident_name(p);
      js__semicolon(p);
      return NULL;
    }
    if (nt.type == JS_T_NAME && nt.kw == JS_KW_IMPORT && !(nt.flags & JS_TF_ESCAPED)) {
      js__next(p);
      if (import_equals_ahead(p, &type_only)) {
        js_node *n = import_equals(p, start, true, type_only);
        return p->ts_ambient ? NULL : n;
      }
      js__unexpected(p);
    }
  }
  *handled = false;
  return NULL;
}

js_node *js__ts_statement(js_parser *p, bool *handled) { return parse_statement_ts(p, handled); }

/* ---- modules ----------------------------------------------------------------------------- */

bool js__ts_specifier_type(js_parser *p) {
  if (!p->ts || !js__ts_is_word(p, "type")) return false;
  js_token t[3];
  peek_n(p, t, 3);
  bool type_only;
  if (word_is(&t[0], "as")) {
    if (word_is(&t[1], "as")) type_only = t[2].type == JS_T_NAME; /* `type as as x` */
    else type_only = !(t[1].type == JS_T_NAME);                /* `type as` alone */
  } else {
    type_only = t[0].type == JS_T_NAME || t[0].type == JS_T_STRING; /* `type x` */
  }
  if (type_only) js__next(p);
  return type_only;
}

bool js__ts_import_type(js_parser *p) {
  if (!p->ts || !js__ts_is_word(p, "type")) return false;
  js_token t[2];
  peek_n(p, t, 2);
  if (t[0].type == JS_T_LBRACE || t[0].type == JS_T_STAR) return true;
  if (t[0].type != JS_T_NAME) return false;
  /* `import type from 'm'` imports a default named type; `import type from from 'm'` is typed */
  if (word_is(&t[0], "from")) return t[1].type != JS_T_STRING;
  return true;
}
