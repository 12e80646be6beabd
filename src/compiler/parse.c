/* The parser's core: the entry point, tokens, errors, nodes, list building, scopes and the
 * identifier rules shared by every part of the grammar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/parser.h"

/* ---- errors ------------------------------------------------------------------------------ */

static void add_error(js_parser *p, uint32_t offset, const char *fmt, va_list ap) {
  if (p->nerrors == p->cap_errors) {
    uint32_t cap = p->cap_errors ? p->cap_errors * 2 : 8;
    js_error *ne = realloc(p->errors, cap * sizeof *ne);
    if (!ne) return;
    p->errors = ne;
    p->cap_errors = cap;
  }
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  uint32_t line, col;
  js_lexer_position(&p->lx, offset, &line, &col);
  js_error *e = &p->errors[p->nerrors];
  e->offset = offset;
  e->line = line;
  e->col = col + 1;
  size_t n = strlen(msg);
  char *m = js_arena_strndup(p->arena, msg, n);
  size_t tn = strlen(p->filename) + n + 32;
  char *t = js_arena_alloc(p->arena, tn);
  if (!m || !t) return;
  snprintf(t, tn, "%s:%u:%u: %s", p->filename, line, col + 1, msg);
  e->message = m;
  e->text = t;
  p->nerrors++;
}

void js__raise(js_parser *p, uint32_t offset, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  add_error(p, offset, fmt, ap);
  va_end(ap);
  longjmp(*p->jmp, 1);
}

void js__report(js_parser *p, uint32_t offset, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  add_error(p, offset, fmt, ap);
  va_end(ap);
  if (p->nerrors >= JS_MAX_ERRORS) longjmp(*p->jmp, 1);
}

void js__oom(js_parser *p) {
  p->lx.oom = true;
  longjmp(*p->jmp, 2);
}

void js__unexpected(js_parser *p) {
  js_token *t = js__tok(p);
  switch (t->type) {
  case JS_T_ERROR:
    js__raise(p, t->err_off, "%s", t->error);
  case JS_T_EOF:
    js__raise(p, t->start, "Unexpected end of input");
  case JS_T_NAME:
    if (t->flags & JS_TF_ESCAPED && t->kw && t->kw <= JS_KW_LAST_RESERVED)
      js__raise(p, t->start, "Keyword must not contain escaped characters");
    if (t->kw && t->kw <= JS_KW_LAST_RESERVED)
      js__raise(p, t->start, "Unexpected token '%.*s'", (int)t->value.len, t->value.ptr);
    if (t->kw && t->kw <= JS_KW_LAST_STRICT_RESERVED && js__strict(p))
      js__raise(p, t->start, "Unexpected strict mode reserved word");
    js__raise(p, t->start, "Unexpected identifier '%.*s'", (int)(t->value.len > 64 ? 64 : t->value.len),
              t->value.ptr);
  case JS_T_NUMBER:
  case JS_T_BIGINT:
    js__raise(p, t->start, "Unexpected number");
  case JS_T_STRING:
    js__raise(p, t->start, "Unexpected string");
  case JS_T_TEMPLATE:
  case JS_T_TEMPLATE_HEAD:
  case JS_T_TEMPLATE_MIDDLE:
  case JS_T_TEMPLATE_TAIL:
    js__raise(p, t->start, "Unexpected template string");
  case JS_T_REGEXP:
    js__raise(p, t->start, "Unexpected regular expression");
  case JS_T_PRIVATE:
    js__raise(p, t->start, "Unexpected private name '#%.*s'", (int)(t->value.len > 64 ? 64 : t->value.len),
              t->value.ptr);
  default:
    js__raise(p, t->start, "Unexpected token '%s'", js_tok_text(t->type));
  }
}

/* ---- tokens ------------------------------------------------------------------------------ */

void js__next(js_parser *p) {
  p->prev_end = p->lx.tok.end;
  js_lexer_next(&p->lx);
  if (p->lx.oom) js__oom(p);
}

bool js__eat(js_parser *p, js_tok t) {
  if (p->lx.tok.type != t) return false;
  js__next(p);
  return true;
}

void js__expect(js_parser *p, js_tok t) {
  if (p->lx.tok.type != t) js__unexpected(p);
  js__next(p);
}

void js__semicolon(js_parser *p) {
  js_token *t = js__tok(p);
  if (t->type == JS_T_SEMI) {
    js__next(p);
    return;
  }
  if (t->type == JS_T_RBRACE || t->type == JS_T_EOF || (t->flags & JS_TF_NL_BEFORE)) return;
  js__unexpected(p);
}

void js__peek(js_parser *p, js_token *out) {
  js_lexer_state s;
  js_lexer_save(&p->lx, &s);
  js_lexer_next(&p->lx);
  *out = p->lx.tok;
  js_lexer_restore(&p->lx, &s);
  if (p->lx.oom) js__oom(p);
}

void js__enter(js_parser *p) {
  if (++p->depth > p->max_depth)
    js__raise(p, js__tok(p)->start, "Maximum nesting depth exceeded");
}

/* ---- nodes and lists --------------------------------------------------------------------- */

void *js__alloc(js_parser *p, size_t size) {
  void *m = js_arena_zalloc(p->arena, size);
  if (!m) js__oom(p);
  return m;
}

js_loc js__tok_loc(js_parser *p) {
  js_token *t = js__tok(p);
  js_loc l = {t->start, t->line, t->col};
  return l;
}

js_node *js__node(js_parser *p, js_kind kind, js_loc loc) {
  js_node *n = js_arena_alloc(p->arena, sizeof *n);
  if (!n) js__oom(p);
  memset(n, 0, sizeof *n);
  n->kind = (uint8_t)kind;
  n->loc = loc;
  n->end = loc.offset;
  return n;
}

js_node *js__node_here(js_parser *p, js_kind kind) { return js__node(p, kind, js__tok_loc(p)); }

void js__push(js_parser *p, js_node *n) {
  if (p->sp == p->cap) {
    uint32_t cap = p->cap ? p->cap * 2 : 256;
    js_node **ns = realloc(p->stack, cap * sizeof *ns);
    if (!ns) js__oom(p);
    p->stack = ns;
    p->cap = cap;
  }
  p->stack[p->sp++] = n;
}

js_list js__pop_list(js_parser *p, uint32_t mark) {
  js_list l;
  l.len = p->sp - mark;
  l.items = NULL;
  if (l.len) {
    l.items = js_arena_alloc(p->arena, l.len * sizeof(js_node *));
    if (!l.items) js__oom(p);
    memcpy(l.items, p->stack + mark, l.len * sizeof(js_node *));
  }
  p->sp = mark;
  return l;
}

/* ---- scopes ------------------------------------------------------------------------------ */

static uint32_t name_hash(js_str s) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < s.len; i++) h = (h ^ (uint8_t)s.ptr[i]) * 16777619u;
  return h;
}

static void *scratch_zalloc(js_parser *p, size_t size) {
  void *m = js_arena_zalloc(&p->scratch, size);
  if (!m) js__oom(p);
  return m;
}

void js__scope_push(js_parser *p, int kind) {
  js_scope *s = scratch_zalloc(p, sizeof *s);
  s->kind = kind;
  s->parent = p->scope;
  p->scope = s;
}

void js__scope_pop(js_parser *p) { p->scope = p->scope->parent; }

static js_name *scope_find(js_scope *s, js_str name, uint32_t h) {
  if (!s->cap) return NULL;
  uint32_t mask = s->cap - 1;
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    js_name *e = &s->names[i];
    if (!e->ptr) return NULL;
    if (e->hash == h && e->len == name.len && memcmp(e->ptr, name.ptr, name.len) == 0) return e;
  }
}

/* Finds or adds the entry for name. */
static js_name *scope_get(js_parser *p, js_scope *s, js_str name) {
  uint32_t h = name_hash(name);
  js_name *e = scope_find(s, name, h);
  if (e) return e;
  if ((s->count + 1) * 4 > s->cap * 3) {
    uint32_t cap = s->cap ? s->cap * 2 : 8;
    js_name *nn = scratch_zalloc(p, cap * sizeof *nn);
    for (uint32_t i = 0; i < s->cap; i++) {
      js_name *o = &s->names[i];
      if (!o->ptr) continue;
      uint32_t j = o->hash & (cap - 1);
      while (nn[j].ptr) j = (j + 1) & (cap - 1);
      nn[j] = *o;
    }
    s->names = nn;
    s->cap = cap;
  }
  uint32_t mask = s->cap - 1;
  uint32_t i = h & mask;
  while (s->names[i].ptr) i = (i + 1) & mask;
  e = &s->names[i];
  /* Names used in scopes point into the source or the AST arena, both outliving the parse. */
  e->ptr = name.ptr ? name.ptr : "";
  e->len = name.len;
  e->hash = h;
  e->flags = 0;
  s->count++;
  return e;
}

bool js__scope_has(js_scope *s, js_str name, uint32_t flags) {
  js_name *e = scope_find(s, name, name_hash(name));
  return e && (e->flags & flags);
}

static void redeclared(js_parser *p, js_str name, uint32_t offset) {
  js__report(p, offset, "Identifier '%.*s' has already been declared", (int)(name.len > 64 ? 64 : name.len),
             name.ptr);
}

void js__declare_lexical(js_parser *p, js_str name, uint32_t offset, bool sloppy_block_function) {
  js_scope *s = p->scope;
  js_name *e = scope_get(p, s, name);
  if (e->flags & JS_NAME_LEX) {
    if (!(sloppy_block_function && (e->flags & JS_NAME_FUNC))) redeclared(p, name, offset);
    return;
  }
  if (e->flags & (JS_NAME_VAR | JS_NAME_PARAM | JS_NAME_CATCH | JS_NAME_CATCH_PAT)) {
    redeclared(p, name, offset);
    return;
  }
  e->flags |= JS_NAME_LEX | (sloppy_block_function ? JS_NAME_FUNC : 0);
}

/* A var hoists to the nearest function (or program or static block): it conflicts with a lexical
 * declaration of any scope it passes, and with a catch parameter that is a pattern (a simple one
 * may be redeclared, Annex B.3.4). */
void js__declare_var(js_parser *p, js_str name, uint32_t offset) {
  for (js_scope *s = p->scope; s; s = s->parent) {
    js_name *e = scope_get(p, s, name);
    if (e->flags & (JS_NAME_LEX | JS_NAME_CATCH_PAT)) {
      redeclared(p, name, offset);
      return;
    }
    e->flags |= JS_NAME_VAR;
    if (s->kind == JS_SCOPE_FUNCTION || s->kind == JS_SCOPE_PROGRAM || s->kind == JS_SCOPE_STATIC) break;
  }
}

void js__declare_catch_param(js_parser *p, js_str name, uint32_t offset, bool simple) {
  js_name *e = scope_get(p, p->scope, name);
  if (e->flags) {
    redeclared(p, name, offset);
    return;
  }
  e->flags |= simple ? JS_NAME_CATCH : JS_NAME_CATCH_PAT;
}

bool js__declare_param(js_parser *p, js_str name) {
  js_name *e = scope_get(p, p->scope, name);
  if (e->flags & JS_NAME_PARAM) return false;
  e->flags |= JS_NAME_PARAM;
  return true;
}

/* ---- function contexts and labels -------------------------------------------------------- */

void js__fn_push(js_parser *p, js_fnctx *ctx, uint32_t flags) {
  memset(ctx, 0, sizeof *ctx);
  ctx->parent = p->fn;
  ctx->flags = flags;
  ctx->strict = p->fn ? p->fn->strict : false;
  ctx->label_floor = p->nlabels;
  p->fn = ctx;
}

void js__fn_pop(js_parser *p) {
  p->nlabels = p->fn->label_floor;
  p->fn = p->fn->parent;
}

js_fnctx *js__fn_nonarrow(js_parser *p) {
  js_fnctx *f = p->fn;
  while (f->flags & JS_CTX_ARROW) f = f->parent;
  return f;
}

void js__label_push(js_parser *p, js_str name, uint32_t offset) {
  for (uint32_t i = p->fn->label_floor; i < p->nlabels; i++) {
    if (p->labels[i].name.len == name.len && memcmp(p->labels[i].name.ptr, name.ptr, name.len) == 0) {
      js__report(p, offset, "Label '%.*s' has already been declared", (int)(name.len > 64 ? 64 : name.len),
                 name.ptr);
      break;
    }
  }
  if (p->nlabels == p->cap_labels) {
    uint32_t cap = p->cap_labels ? p->cap_labels * 2 : 16;
    js_label *nl = realloc(p->labels, cap * sizeof *nl);
    if (!nl) js__oom(p);
    p->labels = nl;
    p->cap_labels = cap;
  }
  p->labels[p->nlabels].name = name;
  p->labels[p->nlabels].loop = false;
  p->nlabels++;
}

/* ---- identifier rules -------------------------------------------------------------------- */

bool js__await_reserved(js_parser *p) {
  if (p->module) return true;
  for (js_fnctx *f = p->fn; f; f = f->parent) {
    if (f->flags & (JS_CTX_ASYNC | JS_CTX_STATIC_BLOCK)) return true;
    /* A field initializer takes [Await] from the class around it. */
    if (!(f->flags & JS_CTX_FIELD)) return false;
  }
  return false;
}

bool js__await_allowed(js_parser *p) {
  js_fnctx *f = p->fn;
  if (f->flags & JS_CTX_ASYNC) return true;
  return (f->flags & JS_CTX_PROGRAM) && p->module;
}

bool js__yield_is_expr(js_parser *p) { return (p->fn->flags & JS_CTX_GENERATOR) != 0; }

void js__check_identifier(js_parser *p, js_str name, uint8_t kw, uint16_t tflags, uint32_t offset, bool binding) {
  if (!kw) return;
  if (kw <= JS_KW_LAST_RESERVED) {
    if (tflags & JS_TF_ESCAPED)
      js__report(p, offset, "Keyword must not contain escaped characters");
    else
      js__report(p, offset, "Unexpected token '%.*s'", (int)name.len, name.ptr);
    return;
  }
  if (kw <= JS_KW_LAST_STRICT_RESERVED) {
    if (js__strict(p)) {
      js__report(p, offset, "Unexpected strict mode reserved word");
      return;
    }
    if (kw == JS_KW_YIELD && js__yield_is_expr(p)) {
      js__report(p, offset, "Unexpected identifier 'yield'");
      return;
    }
    return;
  }
  if (kw == JS_KW_AWAIT) {
    if (js__await_reserved(p)) {
      js__report(p, offset, "Unexpected reserved word");
      return;
    }
    if (!p->await_ident_pos) p->await_ident_pos = offset + 1;
    return;
  }
  if (binding && (kw == JS_KW_EVAL || kw == JS_KW_ARGUMENTS) && js__strict(p)) {
    js__report(p, offset, "Unexpected eval or arguments in strict mode");
    return;
  }
  if (!binding && kw == JS_KW_ARGUMENTS) {
    for (js_fnctx *f = p->fn; f; f = f->parent) {
      if (f->flags & (JS_CTX_FIELD | JS_CTX_STATIC_BLOCK)) {
        js__report(p, offset, "'arguments' is not allowed in class field initializer or static initialization block");
        break;
      }
      if (!(f->flags & JS_CTX_ARROW)) break;
    }
  }
}

void js__check_strict_binding(js_parser *p, js_node *id) {
  js_str n = id->u.ident.name;
  if (js__str_eq(n, "eval") || js__str_eq(n, "arguments")) {
    js__report(p, id->loc.offset, "Unexpected eval or arguments in strict mode");
    return;
  }
  static const char *const words[] = {"implements", "interface", "let", "package", "private",
                                      "protected", "public", "static", "yield"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    if (js__str_eq(n, words[i])) {
      js__report(p, id->loc.offset, "Unexpected strict mode reserved word");
      return;
    }
  }
}

/* ---- directives -------------------------------------------------------------------------- */

static bool is_use_strict(js_str raw) {
  return raw.len == 12 && (memcmp(raw.ptr, "\"use strict\"", 12) == 0 || memcmp(raw.ptr, "'use strict'", 12) == 0);
}

bool js__parse_directives(js_parser *p, bool *octal_before) {
  bool use_strict = false;
  uint32_t octal_at = 0;
  *octal_before = false;
  while (js__is(p, JS_T_STRING)) {
    js_token t = *js__tok(p);
    js_node *stmt = js__parse_statement_list_item(p);
    if (!stmt) break; /* erased (TypeScript declaration files) */
    js_node *e = stmt->kind == JS_EXPR_STMT ? stmt->u.unary.arg : NULL;
    if (!e || e->kind != JS_STRING || (e->flags & JS_NF_PARENS) || e->loc.offset != t.start || e->end != t.end) {
      /* Not a directive: the prologue is over. */
      js__push(p, stmt);
      break;
    }
    stmt->kind = JS_DIRECTIVE;
    stmt->u.str.value = e->u.str.value;
    stmt->u.str.raw = e->u.str.raw;
    if ((t.flags & JS_TF_OCTAL_ESCAPE) && !octal_at) octal_at = t.esc_off + 1;
    if (is_use_strict(e->u.str.raw)) {
      use_strict = true;
      if (!p->fn->strict) {
        p->fn->strict = true;
        if (octal_at) {
          js__report(p, octal_at - 1, "Octal escape sequences are not allowed in strict mode.");
          *octal_before = true;
        }
      }
    }
    js__push(p, stmt);
  }
  return use_strict;
}

/* ---- program ----------------------------------------------------------------------------- */

static js_node *parse_program(js_parser *p, bool strict) {
  js_fnctx top;
  js__fn_push(p, &top, JS_CTX_PROGRAM);
  top.strict = strict || p->module;
  js__scope_push(p, JS_SCOPE_PROGRAM);
  js_loc start = {0, 1, 0};
  if (p->too_large) js__raise(p, 0, "Input too large (the limit is 1 GiB)");
  js_node *prog = js__node(p, JS_PROGRAM, start);
  prog->u.program.hashbang = p->lx.hashbang;
  js__next(p);
  uint32_t mark = p->sp;
  bool octal;
  js__parse_directives(p, &octal);
  js__parse_statements(p, JS_T_EOF);
  if (!js__is(p, JS_T_EOF)) js__unexpected(p);
  /* In TypeScript `export { T }` may name a type, which the lowering erases: no binding to check. */
  if (p->module && !p->ts) js__check_exports(p);
  prog->u.program.body = js__pop_list(p, mark);
  prog->end = p->lx.len;
  if (top.strict) prog->flags |= JS_NF_STRICT;
  if (p->module) prog->flags |= JS_NF_MODULE;
  if (p->ts) prog->flags |= JS_NF_TYPESCRIPT;
  js__scope_pop(p);
  js__fn_pop(p);
  return prog;
}

static int cmp_errors(const void *a, const void *b) {
  const js_error *x = a, *y = b;
  if (x->offset != y->offset) return x->offset < y->offset ? -1 : 1;
  return 0;
}

/* The setjmp lives in its own frame so js_parse's locals are not clobbered by longjmp. */
static int run(js_parser *p, bool strict, js_node **out) {
  jmp_buf jb;
  p->jmp = &jb;
  int r = setjmp(jb);
  if (r == 0) *out = parse_program(p, strict);
  p->jmp = NULL;
  return r;
}

static bool is_declaration_file(const char *name) {
  static const char *const ends[] = {".d.ts", ".d.mts", ".d.cts"};
  size_t n = strlen(name);
  for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
    size_t e = strlen(ends[i]);
    if (n >= e && memcmp(name + n - e, ends[i], e) == 0) return true;
  }
  return false;
}

js_ast *js_parse(const char *src, size_t len, const js_parse_options *opts) {
  js_parse_options defaults = {0};
  if (!opts) opts = &defaults;
  js_ast *ast = calloc(1, sizeof *ast);
  js_arena *arena = malloc(sizeof *arena);
  if (!ast || !arena) {
    free(ast);
    free(arena);
    return NULL;
  }
  js_arena_init(arena, 0);
  ast->arena = arena;
  /* Offsets are 32-bit, and a repaired copy of ill-formed UTF-8 may triple in size. */
  bool too_large = len > 0x40000000u;
  if (too_large) len = 0;

  js_parser *p = calloc(1, sizeof *p);
  if (!p) {
    js_ast_free(ast);
    return NULL;
  }
  p->arena = arena;
  js_arena_init(&p->scratch, 0);
  p->filename = opts->filename ? opts->filename : "<input>";
  p->module = opts->goal == JS_GOAL_MODULE;
  p->cjs_body = !p->module && opts->cjs_body;
  p->max_depth = opts->max_depth ? opts->max_depth : JS_DEFAULT_MAX_DEPTH;
  p->too_large = too_large;
  p->jsx = opts->lang == JS_LANG_JSX || opts->lang == JS_LANG_TSX;
  p->ts = opts->lang == JS_LANG_TS || opts->lang == JS_LANG_TSX;
  /* A declaration file (.d.ts, .d.mts, .d.cts) is ambient throughout, as if under `declare`. */
  if (p->ts && is_declaration_file(p->filename)) p->ts_ambient = 1;
  js_lexer_init(&p->lx, src, (uint32_t)len, arena, p->module);
  p->lx.jsx = p->jsx;

  js_node *prog = NULL;
  int r = run(p, opts->strict, &prog);
  bool oom = r == 2 || p->lx.oom || (r == 1 && p->nerrors == 0);

  if (!oom && p->nerrors) {
    js_error *errs = js_arena_alloc(arena, p->nerrors * sizeof *errs);
    if (!errs) {
      oom = true;
    } else {
      memcpy(errs, p->errors, p->nerrors * sizeof *errs);
      qsort(errs, p->nerrors, sizeof *errs, cmp_errors);
      ast->errors = errs;
      ast->nerrors = p->nerrors;
    }
  } else if (!oom && prog) {
    ast->program = prog;
  }
  ast->jsx_pragmas.jsx = p->lx.jsx_pragmas[JS_JSX_PRAGMA_JSX];
  ast->jsx_pragmas.frag = p->lx.jsx_pragmas[JS_JSX_PRAGMA_FRAG];
  ast->jsx_pragmas.runtime = p->lx.jsx_pragmas[JS_JSX_PRAGMA_RUNTIME];
  ast->jsx_pragmas.import_source = p->lx.jsx_pragmas[JS_JSX_PRAGMA_IMPORT_SOURCE];
  js_lexer_free(&p->lx);
  js_arena_free(&p->scratch);
  free(p->stack);
  free(p->labels);
  free(p->errors);
  free(p->exports);
  free(p->export_locals);
  free(p);
  if (oom) {
    js_ast_free(ast);
    return NULL;
  }
  return ast;
}

int js__ast_add_error(js_ast *ast, const char *filename, js_loc loc, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (!filename) filename = "<input>";
  size_t n = strlen(msg), tn = strlen(filename) + n + 32;
  js_error *errs = js_arena_alloc(ast->arena, (ast->nerrors + 1) * sizeof *errs);
  char *m = js_arena_strndup(ast->arena, msg, n);
  char *t = js_arena_alloc(ast->arena, tn);
  if (!errs || !m || !t) return -1;
  if (ast->nerrors) memcpy(errs, ast->errors, ast->nerrors * sizeof *errs);
  snprintf(t, tn, "%s:%u:%u: %s", filename, loc.line, loc.col + 1, msg);
  errs[ast->nerrors] = (js_error){.message = m, .text = t, .offset = loc.offset, .line = loc.line, .col = loc.col + 1};
  ast->errors = errs;
  ast->nerrors++;
  return 0;
}

void js_ast_free(js_ast *ast) {
  if (!ast) return;
  if (ast->arena) {
    js_arena_free(ast->arena);
    free(ast->arena);
  }
  free(ast);
}
