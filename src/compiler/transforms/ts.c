/* TypeScript runtime features to JavaScript (transforms.h: js_ts_lower).
 *
 * Types are gone by the time this runs (the parser erases them); what is left are the constructs
 * that exist at run time, lowered the way TypeScript's transpileModule does (target ESNext,
 * isolated modules), so a program behaves as it does under tsc:
 *
 *   enum E { A, B = A * 2 }     var E; (function (E) { E[E["A"] = 0] = "A"; E[E["B"] = 0] = "B"; })(E || (E = {}));
 *   namespace N { export const x = 1; }
 *                               var N; (function (N) { N.x = 1; })(N || (N = {}));
 *   constructor(public a) {}    a;  constructor(a) { this.a = a; }   (after super() in derived classes)
 *   import x = require('m')     const x = require('m');
 *   import x = N.y              var x = N.y;   (dropped when x is never used as a value)
 *   export = e                  module.exports = e;
 *
 * and TypeScript's import elision: an import whose binding is never referenced as a value (every
 * remaining reference is a value reference, types being erased) is dropped; a declaration left
 * with no specifiers is dropped unless it was a bare `import 'm'`; `export { T }` of a name that has
 * no value declaration is dropped.
 *
 * Which identifier means which declaration comes from scope analysis, so shadowing is exact: a
 * local `x` inside a namespace function is not its exported `x`.
 *
 * The walk goes through js__walk, which follows the tree's (parser-bounded) nesting and loops along
 * unbounded left-nested chains. Memory: new nodes in ast->arena; bookkeeping tables too, so an
 * out-of-memory longjmp leaks nothing that js_ast_free does not release, except the one malloc'd
 * list buffer, which is freed on that path. */
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/arena.h"
#include "compiler/parser.h"
#include "compiler/scope.h"
#include "compiler/transforms/transforms.h"
#include "compiler/transforms/walk.h"

/* ---- small maps in the arena --------------------------------------------------------------- */

typedef struct ptr_entry {
  const void *key;
  void *value;
} ptr_entry;

typedef struct ptr_map {
  ptr_entry *slots;
  uint32_t cap, count;
} ptr_map;

typedef struct str_entry {
  js_str key;
  void *value;
  bool used;
} str_entry;

typedef struct str_map {
  str_entry *slots;
  uint32_t cap, count;
} str_map;

/* One value an enum member folds to. */
typedef enum { CV_NONE, CV_NUM, CV_STR } cv_kind;
typedef struct cvalue {
  cv_kind kind;
  double num;
  js_str str;
} cvalue;

/* One namespace as TypeScript merges it: all declarations of a name in one scope, or of an
 * exported name in (any declaration of) one namespace. */
typedef struct ns_id {
  str_map exports;  /* names exported by any of its declarations */
  str_map children; /* exported namespace name -> ns_id* */
} ns_id;

/* A namespace whose body is being walked. */
typedef struct ns_level {
  js_symbol *sym;   /* the namespace's symbol (shared by merged declarations) */
  js_str param;     /* the IIFE's parameter */
  js_scope_info *scope;  /* the body's scope */
  str_map *exports; /* names exported by any declaration of the same namespace */
  ns_id *id;
} ns_level;

/* An enum whose initializers are being rewritten. */
typedef struct enum_level {
  js_symbol *sym;
  js_str param;
  str_map *members; /* name -> cvalue*, across the merged declarations seen so far */
} enum_level;

typedef struct ts {
  js_ast *ast;
  js_arena *arena;
  const js_ts_options *opts;
  jmp_buf oom;
  js_scopes *scopes;
  bool module;
  bool has_jsx;             /* the program holds JSX (which refers to the classic factory) */
  ns_level *ns;             /* stack of namespaces (malloc'd) */
  uint32_t nns, cap_ns;
  enum_level *en;           /* the enum being lowered, or NULL */
  ptr_map rewrite;          /* symbol of an exported namespace variable -> js_str* namespace param */
  ptr_map exported_in_ns;   /* JS_TS_NAMESPACE / JS_TS_ENUM node -> js_str* outer namespace param */
  ptr_map ns_by_sym;        /* symbol of a namespace not exported from another -> ns_id* */
  ptr_map ns_of_node;       /* JS_TS_NAMESPACE -> its ns_id* */
  ptr_map enum_members;     /* enum symbol -> str_map* of members' values */
  ptr_map elided;           /* JS_TS_IMPORT_EQUALS nodes to drop */
  ptr_map const_values;     /* const symbol -> cvalue* its initializer folds to */
  js_symbol *fresh;         /* marker symbol of generated identifiers (see ident) */
} ts;

static void *zalloc(ts *t, size_t size) {
  void *p = js_arena_zalloc(t->arena, size);
  if (!p) longjmp(t->oom, 1);
  return p;
}

static uint32_t hash_ptr(const void *p) { return (uint32_t)(((uintptr_t)p >> 3) * 2654435761u); }

static uint32_t hash_str(js_str s) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < s.len; i++) h = (h ^ (uint8_t)s.ptr[i]) * 16777619u;
  return h;
}

static bool str_eq(js_str a, js_str b) { return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0); }

static js_str lit(const char *s) { return (js_str){s, (uint32_t)strlen(s)}; }

static void *ptr_get(const ptr_map *m, const void *key) {
  if (!m->cap) return NULL;
  for (uint32_t i = hash_ptr(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
    if (!m->slots[i].key) return NULL;
    if (m->slots[i].key == key) return m->slots[i].value;
  }
}

static void ptr_put(ts *t, ptr_map *m, const void *key, void *value) {
  if ((m->count + 1) * 2 > m->cap) {
    uint32_t ncap = m->cap ? m->cap * 2 : 16;
    ptr_entry *ns = zalloc(t, ncap * sizeof *ns);
    for (uint32_t i = 0; i < m->cap; i++) {
      if (!m->slots[i].key) continue;
      uint32_t j = hash_ptr(m->slots[i].key) & (ncap - 1);
      while (ns[j].key) j = (j + 1) & (ncap - 1);
      ns[j] = m->slots[i];
    }
    m->slots = ns;
    m->cap = ncap;
  }
  uint32_t j = hash_ptr(key) & (m->cap - 1);
  while (m->slots[j].key && m->slots[j].key != key) j = (j + 1) & (m->cap - 1);
  if (!m->slots[j].key) m->count++;
  m->slots[j].key = key;
  m->slots[j].value = value;
}

static str_entry *str_find(const str_map *m, js_str key) {
  if (!m || !m->cap) return NULL;
  for (uint32_t i = hash_str(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
    if (!m->slots[i].used) return NULL;
    if (str_eq(m->slots[i].key, key)) return &m->slots[i];
  }
}

static void str_put(ts *t, str_map *m, js_str key, void *value) {
  if ((m->count + 1) * 2 > m->cap) {
    uint32_t ncap = m->cap ? m->cap * 2 : 16;
    str_entry *ns = zalloc(t, ncap * sizeof *ns);
    for (uint32_t i = 0; i < m->cap; i++) {
      if (!m->slots[i].used) continue;
      uint32_t j = hash_str(m->slots[i].key) & (ncap - 1);
      while (ns[j].used) j = (j + 1) & (ncap - 1);
      ns[j] = m->slots[i];
    }
    m->slots = ns;
    m->cap = ncap;
  }
  uint32_t j = hash_str(key) & (m->cap - 1);
  while (m->slots[j].used && !str_eq(m->slots[j].key, key)) j = (j + 1) & (m->cap - 1);
  if (!m->slots[j].used) m->count++;
  m->slots[j] = (str_entry){key, value, true};
}

/* ---- node builders ------------------------------------------------------------------------- */

static js_node *mk(ts *t, js_kind kind, const js_node *at) {
  js_node *n = zalloc(t, sizeof *n);
  n->kind = (uint8_t)kind;
  if (at) {
    n->loc = at->loc;
    n->end = at->end;
  }
  return n;
}

/* Identifiers this transform makes name what they were made for (a namespace parameter, the
 * variable of a namespace); the walk must not take them for references to rewrite, so they carry
 * the marker symbol t->fresh until the end, when every marker is reset to NULL. */
static js_node *ident(ts *t, js_str name, const js_node *at) {
  js_node *n = mk(t, JS_IDENT, at);
  n->u.ident.name = name;
  n->u.ident.sym = t->fresh;
  return n;
}

static js_node *string(ts *t, js_str value, const js_node *at) {
  js_node *n = mk(t, JS_STRING, at);
  n->u.str.value = value;
  return n;
}

static js_node *member(ts *t, js_node *obj, js_str name, const js_node *at) {
  js_node *n = mk(t, JS_MEMBER, at);
  n->u.member.object = obj;
  n->u.member.prop = ident(t, name, at);
  return n;
}

static js_node *index_(ts *t, js_node *obj, js_node *key, const js_node *at) {
  js_node *n = mk(t, JS_MEMBER, at);
  n->flags |= JS_NF_COMPUTED;
  n->u.member.object = obj;
  n->u.member.prop = key;
  return n;
}

static js_node *binop(ts *t, js_kind kind, js_op op, js_node *l, js_node *r, const js_node *at) {
  js_node *n = mk(t, kind, at);
  n->op = (uint8_t)op;
  n->u.bin.left = l;
  n->u.bin.right = r;
  return n;
}

static js_node *assign(ts *t, js_node *l, js_node *r, const js_node *at) { return binop(t, JS_ASSIGN, JS_OP_ASSIGN, l, r, at); }

static js_node *expr_stmt(ts *t, js_node *e, const js_node *at) {
  js_node *n = mk(t, JS_EXPR_STMT, at);
  n->u.unary.arg = e;
  return n;
}

static js_list list_of(ts *t, uint32_t n) {
  js_list l = {zalloc(t, (n ? n : 1) * sizeof(js_node *)), 0};
  return l;
}

static js_list list1(ts *t, js_node *a) {
  js_list l = list_of(t, 1);
  l.items[l.len++] = a;
  return l;
}

/* `let name;` / `var name;` */
static js_node *declare_var(ts *t, int kind, js_str name, js_node *init, const js_node *at) {
  js_node *d = mk(t, JS_DECLARATOR, at);
  d->u.decl.id = ident(t, name, at);
  d->u.decl.init = init;
  js_node *v = mk(t, JS_VAR_DECL, at);
  v->op = (uint8_t)kind;
  v->u.var.decls = list1(t, d);
  return v;
}

/* (function (param) { body })(arg); */
static js_node *iife(ts *t, js_str param, js_list body, js_node *arg, const js_node *at) {
  js_function *fn = zalloc(t, sizeof *fn);
  fn->params = list1(t, ident(t, param, at));
  fn->flags = JS_FN_SIMPLE_PARAMS;
  js_node *block = mk(t, JS_BLOCK, at);
  block->u.list.items = body;
  fn->body = block;
  js_node *f = mk(t, JS_FUNCTION, at);
  f->u.fn = fn;
  js_node *call = mk(t, JS_CALL, at);
  call->u.call.callee = f;
  call->u.call.args = list1(t, arg);
  return expr_stmt(t, call, at);
}

/* name || (name = {})  or, exported from namespace P:  name = P.name || (P.name = {}) */
static js_node *merge_arg(ts *t, js_str name, const js_str *outer, const js_node *at) {
  js_node *obj = mk(t, JS_OBJECT, at);
  if (!outer) {
    js_node *fallback = assign(t, ident(t, name, at), obj, at);
    fallback->flags |= JS_NF_PARENS;
    return binop(t, JS_BINARY, JS_OP_OR, ident(t, name, at), fallback, at);
  }
  js_node *fallback = assign(t, member(t, ident(t, *outer, at), name, at), obj, at);
  js_node *either = binop(t, JS_BINARY, JS_OP_OR, member(t, ident(t, *outer, at), name, at), fallback, at);
  return assign(t, ident(t, name, at), either, at);
}

static char *fmt(ts *t, const char *f, js_str s, unsigned n) {
  size_t size = s.len + 24;
  char *out = zalloc(t, size);
  snprintf(out, size, f, (int)s.len, s.ptr, n);
  return out;
}

/* A parameter name for a namespace or enum IIFE: its own name unless the body declares that name
 * itself (`namespace N { const N = 1 }`), then N_1, N_2... like TypeScript. A candidate must not
 * be visible from the body either, or the body's references to it would be captured. */
static js_str param_name(ts *t, js_str name, js_scope_info *body) {
  if (!body || !js_scope_find_own(body, name)) return name;
  for (unsigned i = 1;; i++) {
    js_str cand = lit(fmt(t, "%.*s_%u", name, i));
    if (!js_scope_lookup(body, cand)) return cand;
  }
}

/* ---- the walk ------------------------------------------------------------------------------ */

static bool visit(js_node **slot, void *ud);

static void walk(ts *t, js_node **slot) {
  if (*slot) js__walk(slot, visit, t);
}

static void walk_list(ts *t, js_list l) {
  for (uint32_t i = 0; i < l.len; i++)
    if (l.items[i]) walk(t, &l.items[i]);
}

static bool scope_within(const js_scope_info *s, const js_scope_info *outer) {
  for (; s; s = s->parent)
    if (s == outer) return true;
  return false;
}

/* What an identifier reference becomes, or NULL to leave it. */
static js_node *rewrite_ident(ts *t, js_node *id) {
  js_symbol *sym = id->u.ident.sym;
  if (sym == t->fresh) return NULL;
  js_str name = id->u.ident.name;
  if (t->en) {
    /* Inside an enum's initializers, its members (of any of its merged declarations) read as E.m */
    if (sym && sym->kind == JS_SYM_TS_ENUM_MEMBER && sym->scope->node->u.ts_enum.id->u.ident.sym == t->en->sym)
      return member(t, ident(t, t->en->param, id), name, id);
    if (!sym && str_find(t->en->members, name)) return member(t, ident(t, t->en->param, id), name, id);
  }
  js_str *param = sym ? ptr_get(&t->rewrite, sym) : NULL;
  if (param) return member(t, ident(t, *param, id), name, id);
  /* A name declared outside the namespace (or nowhere) that a merged declaration of the namespace
   * exports means the namespace's member: TypeScript merges their scopes. */
  for (uint32_t i = t->nns; i-- > 0;) {
    ns_level *l = &t->ns[i];
    if (sym && scope_within(sym->scope, l->scope)) return NULL;
    if (str_find(l->exports, name)) return member(t, ident(t, l->param, id), name, id);
  }
  return NULL;
}

static void lower_class(ts *t, js_node *n);
static js_node *lower_namespace(ts *t, js_node *n);
static js_node *lower_enum(ts *t, js_node *n);
static js_list lower_list(ts *t, js_list in, ns_level *ns, bool program);

static bool visit(js_node **slot, void *ud) {
  ts *t = ud;
  js_node *n = *slot;
  switch ((js_kind)n->kind) {
  case JS_IDENT: {
    js_node *r = rewrite_ident(t, n);
    if (r) *slot = r;
    return false;
  }
  case JS_PROGRAM:
    n->u.program.body = lower_list(t, n->u.program.body, NULL, true);
    return true;
  case JS_BLOCK: case JS_STATIC_BLOCK:
    n->u.list.items = lower_list(t, n->u.list.items, NULL, false);
    return true;
  case JS_CASE:
    n->u.kase.body = lower_list(t, n->u.kase.body, NULL, false);
    return true;
  case JS_MEMBER:
    /* `.name` is not a reference; a computed key is */
    walk(t, &n->u.member.object);
    if (n->flags & JS_NF_COMPUTED) walk(t, &n->u.member.prop);
    return false;
  case JS_PROPERTY: {
    if (n->flags & JS_NF_COMPUTED) walk(t, &n->u.prop.key);
    walk(t, &n->u.prop.value);
    /* {x} whose x became N.x is written {x: N.x} */
    if (n->flags & JS_NF_SHORTHAND) {
      js_node *v = n->u.prop.value;
      if (v->kind == JS_ASSIGN_PATTERN) v = v->u.bin.left;
      if (v->kind != JS_IDENT) n->flags &= (uint16_t)~JS_NF_SHORTHAND;
    }
    return false;
  }
  case JS_METHOD: case JS_FIELD:
    walk_list(t, n->u.prop.decorators);
    if (n->flags & JS_NF_COMPUTED) walk(t, &n->u.prop.key);
    walk(t, &n->u.prop.value);
    return false;
  case JS_JSX_ATTR:
    walk(t, &n->u.prop.value);
    return false;
  case JS_IMPORT_DECL: case JS_EXPORT_ALL: case JS_IMPORT_ATTRIBUTE: case JS_EXPORT_SPECIFIER:
    return false;
  case JS_EXPORT_NAMED:
    walk(t, &n->u.mod.decl);
    return false;
  case JS_CLASS: case JS_CLASS_DECL:
    lower_class(t, n);
    return true;
  case JS_TS_NAMESPACE:
    *slot = lower_namespace(t, n);
    return false;
  case JS_TS_ENUM:
    *slot = lower_enum(t, n);
    return false;
  default:
    return true;
  }
}

/* ---- parameter properties ------------------------------------------------------------------ */

/* Fields for `constructor(public a)` go first in the class body, and `this.a = a` right after the
 * constructor's top-level super(...) call (or first, after the directives), as TypeScript emits
 * for ESNext with useDefineForClassFields. */
static void lower_class(ts *t, js_node *n) {
  js_class *c = n->u.cls;
  js_node *ctor = NULL;
  for (uint32_t i = 0; i < c->body.len; i++) {
    js_node *m = c->body.items[i];
    if (m->kind == JS_METHOD && m->op == JS_METHOD_CONSTRUCTOR && m->u.prop.value) ctor = m->u.prop.value;
  }
  if (!ctor) return;
  js_function *fn = ctor->u.fn;
  uint32_t nprops = 0;
  for (uint32_t i = 0; i < fn->params.len; i++)
    if (fn->params.items[i]->flags & JS_NF_PARAM_PROP) nprops++;
  if (!nprops || !fn->body) return;
  js_list body = list_of(t, c->body.len + nprops);
  js_list stmts = fn->body->u.list.items;
  js_list nstmts = list_of(t, stmts.len + nprops);
  uint32_t at = 0;
  while (at < stmts.len && stmts.items[at]->kind == JS_DIRECTIVE) at++;
  if (c->super) {
    for (uint32_t i = at; i < stmts.len; i++) {
      js_node *s = stmts.items[i];
      if (s->kind == JS_EXPR_STMT && s->u.unary.arg->kind == JS_CALL && s->u.unary.arg->u.call.callee->kind == JS_SUPER) {
        at = i + 1;
        break;
      }
    }
  }
  for (uint32_t i = 0; i < at; i++) nstmts.items[nstmts.len++] = stmts.items[i];
  for (uint32_t i = 0; i < fn->params.len; i++) {
    js_node *p = fn->params.items[i];
    if (!(p->flags & JS_NF_PARAM_PROP)) continue;
    p->flags &= (uint16_t)~JS_NF_PARAM_PROP;
    js_node *id = p->kind == JS_ASSIGN_PATTERN ? p->u.bin.left : p;
    if (id->kind != JS_IDENT) continue;
    js_node *field = mk(t, JS_FIELD, id);
    field->u.prop.key = ident(t, id->u.ident.name, id);
    body.items[body.len++] = field;
    js_node *copy = ident(t, id->u.ident.name, id);
    copy->u.ident.sym = id->u.ident.sym;
    nstmts.items[nstmts.len++] = expr_stmt(t, assign(t, member(t, mk(t, JS_THIS, id), id->u.ident.name, id), copy, id), id);
  }
  for (uint32_t i = at; i < stmts.len; i++) nstmts.items[nstmts.len++] = stmts.items[i];
  fn->body->u.list.items = nstmts;
  for (uint32_t i = 0; i < c->body.len; i++) body.items[body.len++] = c->body.items[i];
  c->body = body;
}

/* ---- enums --------------------------------------------------------------------------------- */

static str_map *members_of(ts *t, js_symbol *sym) {
  str_map *m = ptr_get(&t->enum_members, sym);
  if (!m) {
    m = zalloc(t, sizeof *m);
    ptr_put(t, &t->enum_members, sym, m);
  }
  return m;
}

static js_str num_str(ts *t, double v) {
  char tmp[64];
  js__number_to_string(v, tmp, sizeof tmp);
  size_t n = strlen(tmp);
  char *s = zalloc(t, n + 1);
  memcpy(s, tmp, n);
  return (js_str){s, (uint32_t)n};
}

static js_str concat(ts *t, js_str a, js_str b) {
  char *s = zalloc(t, (size_t)a.len + b.len + 1);
  if (a.len) memcpy(s, a.ptr, a.len);
  if (b.len) memcpy(s + a.len, b.ptr, b.len);
  return (js_str){s, a.len + b.len};
}

static int32_t to_int32(double v) {
  if (!isfinite(v)) return 0;
  double m = fmod(trunc(v), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return (int32_t)(uint32_t)m;
}

static cvalue member_value(const str_map *members, js_str name) {
  str_entry *e = str_find(members, name);
  if (e && e->value) return *(cvalue *)e->value;
  return (cvalue){CV_NONE, 0, {0}};
}

/* TypeScript's constant folding of enum initializers: literals, templates, unary + - ~, binary
 * arithmetic, bitwise and shift operators, string concatenation, references to members (A, E.A,
 * E["A"], also of enums declared before) whose values are known, and consts with constant
 * initializers. Anything else is computed at run time. */
static cvalue evaluate(ts *t, const js_node *n, enum_level *en, unsigned depth) {
  cvalue none = {CV_NONE, 0, {0}};
  /* left-nested operators are not depth-bounded by the parser: past the parser's own bound the
   * initializer is simply computed at run time */
  if (depth > JS_DEFAULT_MAX_DEPTH) return none;
  switch (n->kind) {
  case JS_NUMBER:
    return (cvalue){CV_NUM, n->u.num.value, {0}};
  case JS_STRING:
    return (cvalue){CV_STR, 0, n->u.str.value};
  case JS_TEMPLATE: {
    js_str acc = {"", 0};
    for (uint32_t i = 0; i < n->u.tpl.quasis.len; i++) {
      const js_node *q = n->u.tpl.quasis.items[i];
      if (!q->u.str.value.ptr) return none;
      acc = concat(t, acc, q->u.str.value);
      if (i < n->u.tpl.exprs.len) {
        cvalue v = evaluate(t, n->u.tpl.exprs.items[i], en, depth + 1);
        if (v.kind == CV_NONE) return none;
        acc = concat(t, acc, v.kind == CV_STR ? v.str : num_str(t, v.num));
      }
    }
    return (cvalue){CV_STR, 0, acc};
  }
  case JS_IDENT: {
    const js_symbol *sym = n->u.ident.sym;
    if (sym && sym->kind == JS_SYM_TS_ENUM_MEMBER && sym->scope->node->u.ts_enum.id->u.ident.sym == en->sym)
      return member_value(en->members, n->u.ident.name);
    if (!sym) return member_value(en->members, n->u.ident.name);
    /* a const whose initializer is itself constant: const k = 2; enum E { A = k } */
    if (sym->kind == JS_SYM_CONST && sym->decl_node && sym->decl_node->kind == JS_VAR_DECL) {
      /* memoised per symbol (a chain of consts each used twice would otherwise cost 2^n), and
       * a cycle reads as unknown: the entry is unknown while it is being computed */
      cvalue *memo = ptr_get(&t->const_values, sym);
      if (memo) return *memo;
      memo = zalloc(t, sizeof *memo);
      ptr_put(t, &t->const_values, sym, memo);
      js_list ds = sym->decl_node->u.var.decls;
      for (uint32_t i = 0; i < ds.len; i++)
        if (ds.items[i]->u.decl.id == sym->decl && ds.items[i]->u.decl.init)
          *memo = evaluate(t, ds.items[i]->u.decl.init, en, depth + 1);
      return *memo;
    }
    return none;
  }
  case JS_MEMBER: {
    /* E.A, E["A"]: a member of this enum or of another enum lowered before */
    const js_node *o = n->u.member.object, *p = n->u.member.prop;
    if (o->kind != JS_IDENT || !o->u.ident.sym) return none;
    const js_symbol *osym = o->u.ident.sym;
    const str_map *members = osym == en->sym ? en->members
                             : osym->kind == JS_SYM_TS_ENUM ? ptr_get(&t->enum_members, osym) : NULL;
    if (!members) return none;
    if (!(n->flags & JS_NF_COMPUTED) && p->kind == JS_IDENT) return member_value(members, p->u.ident.name);
    if ((n->flags & JS_NF_COMPUTED) && p->kind == JS_STRING) return member_value(members, p->u.str.value);
    return none;
  }
  case JS_UNARY: {
    cvalue v = evaluate(t, n->u.unary.arg, en, depth + 1);
    if (v.kind != CV_NUM) return none;
    switch (n->op) {
    case JS_OP_POS: return v;
    case JS_OP_NEG: v.num = -v.num; return v;
    case JS_OP_BITNOT: v.num = (double)~to_int32(v.num); return v;
    default: return none;
    }
  }
  case JS_BINARY: {
    cvalue a = evaluate(t, n->u.bin.left, en, depth + 1), b = evaluate(t, n->u.bin.right, en, depth + 1);
    if (a.kind == CV_NONE || b.kind == CV_NONE) return none;
    if (n->op == JS_OP_ADD && (a.kind == CV_STR || b.kind == CV_STR)) {
      js_str x = a.kind == CV_STR ? a.str : num_str(t, a.num), y = b.kind == CV_STR ? b.str : num_str(t, b.num);
      return (cvalue){CV_STR, 0, concat(t, x, y)};
    }
    if (a.kind != CV_NUM || b.kind != CV_NUM) return none;
    double x = a.num, y = b.num, r;
    switch (n->op) {
    case JS_OP_ADD: r = x + y; break;
    case JS_OP_SUB: r = x - y; break;
    case JS_OP_MUL: r = x * y; break;
    case JS_OP_DIV: r = x / y; break;
    case JS_OP_MOD: r = fmod(x, y); break;
    case JS_OP_EXP: r = pow(x, y); break;
    case JS_OP_BITOR: r = (double)(to_int32(x) | to_int32(y)); break;
    case JS_OP_BITAND: r = (double)(to_int32(x) & to_int32(y)); break;
    case JS_OP_BITXOR: r = (double)(to_int32(x) ^ to_int32(y)); break;
    case JS_OP_SHL: r = (double)(int32_t)((uint32_t)to_int32(x) << (to_int32(y) & 31)); break;
    case JS_OP_SAR: r = (double)(to_int32(x) >> (to_int32(y) & 31)); break;
    case JS_OP_SHR: r = (double)((uint32_t)to_int32(x) >> (to_int32(y) & 31)); break;
    default: return none;
    }
    return (cvalue){CV_NUM, r, {0}};
  }
  default:
    return none;
  }
}

/* A folded number as TypeScript prints it: -0 as 0, non-finite values by their global names. */
static js_node *number_node(ts *t, double v, const js_node *at) {
  if (v != v) return ident(t, lit("NaN"), at);
  if (isinf(v)) {
    js_node *inf = ident(t, lit("Infinity"), at);
    if (v > 0) return inf;
    js_node *neg = mk(t, JS_UNARY, at);
    neg->op = JS_OP_NEG;
    neg->u.unary.arg = inf;
    return neg;
  }
  if (v == 0) v = 0;
  js_node *n = mk(t, JS_NUMBER, at);
  if (v < 0) {
    n->u.num.value = -v;
    js_node *neg = mk(t, JS_UNARY, at);
    neg->op = JS_OP_NEG;
    neg->u.unary.arg = n;
    return neg;
  }
  n->u.num.value = v;
  return n;
}

static js_node *lower_enum(ts *t, js_node *n) {
  js_node *id = n->u.ts_enum.id;
  js_str name = id->u.ident.name;
  js_symbol *sym = id->u.ident.sym;
  str_map *members = members_of(t, sym ? sym : (js_symbol *)n);
  /* The parameter keeps the enum's name even when a member has it too: members are always read
   * qualified (E.E), never by their bare name. */
  enum_level en = {sym, name, members};
  js_list body = list_of(t, n->u.ts_enum.members.len);
  cvalue prev = {CV_NUM, -1, {0}};
  enum_level *saved = t->en;
  for (uint32_t i = 0; i < n->u.ts_enum.members.len; i++) {
    js_node *m = n->u.ts_enum.members.items[i];
    js_node *k = m->u.prop.key;
    js_str key = k->kind == JS_STRING ? k->u.str.value : k->u.ident.name;
    cvalue v;
    js_node *value;
    if (m->u.prop.value) {
      v = evaluate(t, m->u.prop.value, &en, 0);
      if (v.kind == CV_NUM) value = number_node(t, v.num, m->u.prop.value);
      else if (v.kind == CV_STR) value = string(t, v.str, m->u.prop.value);
      else {
        value = m->u.prop.value;
        t->en = &en;
        walk(t, &value);
        t->en = saved;
      }
    } else if (prev.kind == CV_NUM) {
      v = (cvalue){CV_NUM, prev.num + 1, {0}};
      value = number_node(t, v.num, k);
    } else {
      /* after a member TypeScript cannot compute, it emits undefined (and reports an error) */
      v = (cvalue){CV_NONE, 0, {0}};
      js_node *u = mk(t, JS_UNARY, k);
      u->op = JS_OP_VOID;
      u->u.unary.arg = number_node(t, 0, k);
      value = u;
    }
    prev = v;
    cvalue *stored = zalloc(t, sizeof *stored);
    *stored = v;
    str_put(t, members, key, stored);
    /* E["A"] = value, and for anything but a known string the reverse mapping E[E["A"] = v] = "A" */
    js_node *set = assign(t, index_(t, ident(t, en.param, m), string(t, key, k), m), value, m);
    if (v.kind != CV_STR) set = assign(t, index_(t, ident(t, en.param, m), set, m), string(t, key, k), m);
    body.items[body.len++] = expr_stmt(t, set, m);
  }
  return iife(t, en.param, body, merge_arg(t, name, ptr_get(&t->exported_in_ns, n), id), n);
}

/* ---- namespaces ---------------------------------------------------------------------------- */

static bool elided(ts *t, const js_node *n) { return ptr_get(&t->elided, n) != NULL; }

static js_node *unexport(js_node *s) {
  return s->kind == JS_EXPORT_NAMED && s->u.mod.decl ? s->u.mod.decl : s;
}

/* A namespace holding only types (and namespaces holding only types) has no run-time existence. */
static bool instantiated(ts *t, const js_node *ns) {
  for (uint32_t i = 0; i < ns->u.ts_ns.body.len; i++) {
    const js_node *s = unexport(ns->u.ts_ns.body.items[i]);
    if (s->kind == JS_EMPTY) continue;
    if (s->kind == JS_TS_NAMESPACE && !instantiated(t, s)) continue;
    if (s->kind == JS_TS_IMPORT_EQUALS && elided(t, s)) continue;
    if (s->kind == JS_EXPORT_NAMED && !s->u.mod.decl && !s->u.mod.specifiers.len && !s->u.mod.source) continue;
    return true;
  }
  return false;
}

static void add_bound_names(ts *t, str_map *m, js_node *pat) {
  if (!pat) return;
  switch (pat->kind) {
  case JS_IDENT: str_put(t, m, pat->u.ident.name, pat); break;
  case JS_ARRAY_PATTERN: case JS_OBJECT_PATTERN:
    for (uint32_t i = 0; i < pat->u.list.items.len; i++) {
      js_node *e = pat->u.list.items.items[i];
      if (e) add_bound_names(t, m, e->kind == JS_PROPERTY ? e->u.prop.value : e);
    }
    break;
  case JS_ASSIGN_PATTERN: add_bound_names(t, m, pat->u.bin.left); break;
  case JS_REST: add_bound_names(t, m, pat->u.unary.arg); break;
  default: break;
  }
}

static ns_id *ns_child(ts *t, ns_id *parent, js_str name) {
  str_entry *e = str_find(&parent->children, name);
  if (e) return e->value;
  ns_id *id = zalloc(t, sizeof *id);
  str_put(t, &parent->children, name, id);
  return id;
}

/* Gives every namespace declaration in l (and, through their bodies, in them) its merged identity
 * and collects the names each identity exports, before any body is lowered: a declaration may
 * read a name that a later declaration of the same namespace exports. parent is the namespace
 * whose body l is, or NULL. */
static void collect_namespaces(ts *t, js_list l, ns_id *parent) {
  for (uint32_t i = 0; i < l.len; i++) {
    js_node *s = l.items[i];
    bool exported = s->kind == JS_EXPORT_NAMED && s->u.mod.decl;
    js_node *d = exported ? s->u.mod.decl : s;
    if (d->kind != JS_TS_NAMESPACE || ptr_get(&t->ns_of_node, d)) continue;
    js_node *nid = d->u.ts_ns.id;
    ns_id *id;
    if (exported && parent) {
      id = ns_child(t, parent, nid->u.ident.name);
    } else {
      const void *key = nid->u.ident.sym ? (const void *)nid->u.ident.sym : (const void *)d;
      id = ptr_get(&t->ns_by_sym, key);
      if (!id) {
        id = zalloc(t, sizeof *id);
        ptr_put(t, &t->ns_by_sym, key, id);
      }
    }
    ptr_put(t, &t->ns_of_node, d, id);
    str_map *m = &id->exports;
    for (uint32_t j = 0; j < d->u.ts_ns.body.len; j++) {
      js_node *e = d->u.ts_ns.body.items[j];
      js_node *x = e->kind == JS_EXPORT_NAMED ? e->u.mod.decl : NULL;
      if (e->kind == JS_TS_IMPORT_EQUALS && (e->flags & JS_NF_EXPORT)) x = e;
      if (!x) continue;
      switch (x->kind) {
      case JS_VAR_DECL:
        for (uint32_t k = 0; k < x->u.var.decls.len; k++) add_bound_names(t, m, x->u.var.decls.items[k]->u.decl.id);
        break;
      case JS_FUNCTION_DECL: if (x->u.fn->id) str_put(t, m, x->u.fn->id->u.ident.name, x); break;
      case JS_CLASS_DECL: if (x->u.cls->id) str_put(t, m, x->u.cls->id->u.ident.name, x); break;
      case JS_TS_ENUM: str_put(t, m, x->u.ts_enum.id->u.ident.name, x); break;
      case JS_TS_NAMESPACE: if (instantiated(t, x)) str_put(t, m, x->u.ts_ns.id->u.ident.name, x); break;
      case JS_TS_IMPORT_EQUALS: str_put(t, m, x->u.spec.a->u.ident.name, x); break;
      default: break;
      }
    }
    collect_namespaces(t, d->u.ts_ns.body, id);
  }
}

static js_node *lower_namespace(ts *t, js_node *n) {
  js_node *id = n->u.ts_ns.id;
  js_str name = id->u.ident.name;
  js_symbol *sym = id->u.ident.sym;
  js_scope_info *scope = js_scope_of(t->scopes, n);
  if (t->nns == t->cap_ns) {
    uint32_t ncap = t->cap_ns ? t->cap_ns * 2 : 8;
    ns_level *p = realloc(t->ns, ncap * sizeof *p);
    if (!p) longjmp(t->oom, 1);
    t->ns = p;
    t->cap_ns = ncap;
  }
  ns_id *nsid = ptr_get(&t->ns_of_node, n);
  if (!nsid) {
    /* a namespace in a block (TypeScript reports it; lowered all the same) */
    collect_namespaces(t, (js_list){&n, 1}, NULL);
    nsid = ptr_get(&t->ns_of_node, n);
  }
  ns_level level = {sym, param_name(t, name, scope), scope, &nsid->exports, nsid};
  js_list body = lower_list(t, n->u.ts_ns.body, &level, false);
  t->ns[t->nns++] = level;
  walk_list(t, body);
  t->nns--;
  return iife(t, level.param, body, merge_arg(t, name, ptr_get(&t->exported_in_ns, n), id), n);
}

/* ---- statement lists ----------------------------------------------------------------------- */

typedef struct out_list {
  js_node **items;
  uint32_t len, cap;
} out_list;

static void out_push(ts *t, out_list *o, js_node *s) {
  if (o->len == o->cap) {
    uint32_t ncap = o->cap ? o->cap * 2 : 16;
    js_node **p = zalloc(t, ncap * sizeof *p);
    if (o->len) memcpy(p, o->items, o->len * sizeof *p);
    o->items = p;
    o->cap = ncap;
  }
  o->items[o->len++] = s;
}

static bool used(const js_symbol *sym) { return sym && (sym->reads || sym->writes); }

/* `export const [a, {b}] = f()` in a namespace: [N.a, {b: N.b}] = f(), through the identifier
 * rewriting of exported variables; declarations without a value disappear. */
static void lower_ns_var(ts *t, out_list *o, js_node *v, ns_level *ns) {
  js_node *seq = NULL;
  for (uint32_t i = 0; i < v->u.var.decls.len; i++) {
    js_node *d = v->u.var.decls.items[i];
    str_map names = {0};
    add_bound_names(t, &names, d->u.decl.id);
    for (uint32_t k = 0; k < names.cap; k++) {
      if (!names.slots[k].used) continue;
      js_node *nid = names.slots[k].value;
      if (nid->u.ident.sym) ptr_put(t, &t->rewrite, nid->u.ident.sym, &ns->param);
    }
    if (!d->u.decl.init) continue;
    js_node *a = assign(t, d->u.decl.id, d->u.decl.init, d);
    if (!seq) {
      seq = a;
    } else if (seq->kind != JS_SEQUENCE) {
      js_node *s = mk(t, JS_SEQUENCE, seq);
      s->u.list.items = list_of(t, v->u.var.decls.len);
      s->u.list.items.items[s->u.list.items.len++] = seq;
      s->u.list.items.items[s->u.list.items.len++] = a;
      seq = s;
    } else {
      seq->u.list.items.items[seq->u.list.items.len++] = a;
    }
  }
  if (seq) out_push(t, o, expr_stmt(t, seq, v));
}

static js_node *import_equals_value(ts *t, js_node *n) {
  js_node *b = n->u.spec.b;
  if (b->kind != JS_STRING) return b;
  js_node *call = mk(t, JS_CALL, n);
  call->u.call.callee = ident(t, lit("require"), n);
  call->u.call.args = list1(t, b);
  return call;
}

/* Filters an import declaration's specifiers to those used as values; NULL drops it. */
static js_node *elide_import(ts *t, js_node *s) {
  if (t->opts && t->opts->verbatim_module_syntax) return s;
  js_list specs = s->u.mod.specifiers;
  js_list kept = list_of(t, specs.len);
  for (uint32_t i = 0; i < specs.len; i++) {
    js_node *sp = specs.items[i];
    js_symbol *sym = sp->u.spec.b->u.ident.sym;
    bool keep = used(sym);
    if (!keep && t->opts && t->opts->jsx_factory_root && sym && t->has_jsx &&
        str_eq(sym->name, lit(t->opts->jsx_factory_root)))
      keep = true;
    if (keep) kept.items[kept.len++] = sp;
  }
  if (!kept.len && (specs.len || (s->flags & JS_NF_IMPORT_CLAUSE))) return NULL;
  s->u.mod.specifiers = kept;
  return s;
}

/* Lowers the TypeScript statements of one list (the program, a block, a namespace body). ns is the
 * namespace whose body this is; program marks the top level. */
static js_list lower_list(ts *t, js_list in, ns_level *ns, bool program) {
  out_list o = {0}, tail = {0};
  ptr_map seen = {0}; /* symbols already given a `var`/`let` (or declared by a class/function) */
  bool had_module_syntax = false, has_module_syntax = false;
  collect_namespaces(t, in, ns ? ns->id : NULL);
  for (uint32_t i = 0; i < in.len; i++) {
    js_node *s = in.items[i];
    bool exported = s->kind == JS_EXPORT_NAMED && s->u.mod.decl;
    js_node *d = exported ? s->u.mod.decl : s;
    if (s->kind == JS_IMPORT_DECL || s->kind == JS_EXPORT_NAMED || s->kind == JS_EXPORT_DEFAULT ||
        s->kind == JS_EXPORT_ALL)
      had_module_syntax = true;
    switch (d->kind) {
    case JS_TS_NAMESPACE: case JS_TS_ENUM: {
      if (d->kind == JS_TS_NAMESPACE && !instantiated(t, d)) continue;
      js_node *id = d->kind == JS_TS_ENUM ? d->u.ts_enum.id : d->u.ts_ns.id;
      js_symbol *sym = id->u.ident.sym;
      if (!sym || !ptr_get(&seen, sym)) {
        /* var at the top level, let in functions, blocks and namespace bodies (as TypeScript) */
        js_node *v = declare_var(t, program ? JS_VAR_VAR : JS_VAR_LET, id->u.ident.name, NULL, id);
        if (exported && !ns) {
          js_node *e = mk(t, JS_EXPORT_NAMED, s);
          e->u.mod.decl = v;
          v = e;
          has_module_syntax = true;
        }
        out_push(t, &o, v);
        if (sym) ptr_put(t, &seen, sym, sym);
      }
      if (exported && ns) ptr_put(t, &t->exported_in_ns, d, &ns->param);
      out_push(t, &o, d);
      continue;
    }
    case JS_CLASS_DECL: case JS_FUNCTION_DECL: {
      js_node *id = d->kind == JS_CLASS_DECL ? d->u.cls->id : d->u.fn->id;
      if (id && id->u.ident.sym) ptr_put(t, &seen, id->u.ident.sym, id->u.ident.sym);
      if (exported && ns && id) {
        out_push(t, &o, d);
        js_node *copy = ident(t, id->u.ident.name, id);
        copy->u.ident.sym = id->u.ident.sym;
        out_push(t, &o, expr_stmt(t, assign(t, member(t, ident(t, ns->param, id), id->u.ident.name, id), copy, id), id));
        continue;
      }
      break;
    }
    case JS_VAR_DECL:
      if (exported && ns) {
        lower_ns_var(t, &o, d, ns);
        continue;
      }
      break;
    case JS_TS_IMPORT_EQUALS: {
      if (elided(t, d)) continue;
      js_node *a = d->u.spec.a;
      bool exp = exported || (d->flags & JS_NF_EXPORT);
      js_node *value = import_equals_value(t, d);
      if (exp && ns) {
        if (a->u.ident.sym) ptr_put(t, &t->rewrite, a->u.ident.sym, &ns->param);
        out_push(t, &o, expr_stmt(t, assign(t, member(t, ident(t, ns->param, a), a->u.ident.name, a), value, d), d));
        continue;
      }
      js_node *v = declare_var(t, d->u.spec.b->kind == JS_STRING ? JS_VAR_CONST : JS_VAR_VAR, a->u.ident.name, value, d);
      v->u.var.decls.items[0]->u.decl.id->u.ident.sym = a->u.ident.sym;
      if (exp && !t->module) {
        /* a CommonJS file: the binding, then its export */
        out_push(t, &o, v);
        js_node *target = member(t, ident(t, lit("exports"), a), a->u.ident.name, a);
        js_node *copy = ident(t, a->u.ident.name, a);
        copy->u.ident.sym = a->u.ident.sym;
        out_push(t, &o, expr_stmt(t, assign(t, target, copy, d), d));
        continue;
      }
      if (exp) {
        js_node *e = mk(t, JS_EXPORT_NAMED, d);
        e->u.mod.decl = v;
        v = e;
        has_module_syntax = true;
      }
      out_push(t, &o, v);
      continue;
    }
    case JS_TS_EXPORT_ASSIGN: {
      /* TypeScript assigns module.exports at the end of the file, after everything else ran */
      js_node *target = member(t, ident(t, lit("module"), d), lit("exports"), d);
      out_push(t, program ? &tail : &o, expr_stmt(t, assign(t, target, d->u.unary.arg, d), d));
      continue;
    }
    case JS_IMPORT_DECL:
      if (program) {
        js_node *k = elide_import(t, d);
        if (!k) continue;
        has_module_syntax = true;
        out_push(t, &o, k);
        continue;
      }
      break;
    case JS_EXPORT_NAMED:
      /* export { T } of a name with no value declaration (a type) goes away */
      if (program && !d->u.mod.decl && !d->u.mod.source && !(t->opts && t->opts->verbatim_module_syntax)) {
        js_list specs = d->u.mod.specifiers;
        js_list kept = list_of(t, specs.len);
        for (uint32_t k = 0; k < specs.len; k++) {
          js_node *a = specs.items[k]->u.spec.a;
          if (a->kind != JS_IDENT || a->u.ident.sym) kept.items[kept.len++] = specs.items[k];
        }
        if (specs.len && !kept.len) continue;
        d->u.mod.specifiers = kept;
      }
      break;
    case JS_EXPORT_DEFAULT:
      /* export default I, where I names only a type (nothing declares it as a value) */
      if (program && d->u.mod.decl->kind == JS_IDENT && !d->u.mod.decl->u.ident.sym &&
          !(t->opts && t->opts->verbatim_module_syntax))
        continue;
      break;
    default:
      break;
    }
    if (s->kind == JS_IMPORT_DECL || s->kind == JS_EXPORT_NAMED || s->kind == JS_EXPORT_DEFAULT || s->kind == JS_EXPORT_ALL)
      has_module_syntax = true;
    out_push(t, &o, s);
  }
  for (uint32_t i = 0; i < tail.len; i++) out_push(t, &o, tail.items[i]);
  /* A module whose imports and exports were all types stays a module: `export {};` */
  if (program && t->module && had_module_syntax && !has_module_syntax) {
    js_node *e = mk(t, JS_EXPORT_NAMED, NULL);
    out_push(t, &o, e);
  }
  return (js_list){o.items ? o.items : list_of(t, 0).items, o.len};
}

/* ---- import = elision ---------------------------------------------------------------------- */

typedef struct ie_list {
  js_node **items;
  size_t len, cap;
  bool oom;
} ie_list;

static bool collect_import_equals(js_node **slot, void *ud) {
  ie_list *l = ud;
  js_node *n = *slot;
  if (n->kind == JS_TS_IMPORT_EQUALS) {
    if (l->len == l->cap) {
      size_t ncap = l->cap ? l->cap * 2 : 16;
      js_node **p = realloc(l->items, ncap * sizeof *p);
      if (!p) {
        l->oom = true;
        return false;
      }
      l->items = p;
      l->cap = ncap;
    }
    l->items[l->len++] = n;
    return false;
  }
  /* expressions cannot hold declarations: only statements need a look */
  return n->kind == JS_PROGRAM || n->kind == JS_TS_NAMESPACE || n->kind == JS_EXPORT_NAMED || n->kind == JS_BLOCK ||
         n->kind == JS_FUNCTION_DECL || n->kind == JS_IF || n->kind == JS_LABELED || n->kind == JS_FOR ||
         n->kind == JS_FOR_IN || n->kind == JS_FOR_OF || n->kind == JS_WHILE || n->kind == JS_DO_WHILE ||
         n->kind == JS_TRY || n->kind == JS_SWITCH || n->kind == JS_CASE;
}

static js_node *leftmost(js_node *n) {
  while (n->kind == JS_MEMBER) n = n->u.member.object;
  return n;
}

/* `import x = A.B` whose x is never used is dropped (except at the top level of a script, where it
 * is a global other scripts may read; `import x = require()` makes a file a module, so is dropped
 * there too), and its reference to A no longer counts, which may leave A
 * (an import, or another alias) unused in turn: later aliases are decided first. */
static int elide_import_equals(ts *t) {
  ie_list l = {0};
  js__walk(&t->ast->program, collect_import_equals, &l);
  if (l.oom) {
    free(l.items);
    return -1;
  }
  for (size_t i = l.len; i-- > 0;) {
    js_node *n = l.items[i];
    js_symbol *sym = n->u.spec.a->u.ident.sym;
    if ((n->flags & JS_NF_EXPORT) || used(sym) || (sym && (sym->flags & JS_SYMF_EXPORTED))) continue;
    if (sym && sym->scope->kind == JS_SK_GLOBAL && n->u.spec.b->kind != JS_STRING) continue;
    if (n->u.spec.b->kind != JS_STRING) {
      js_node *root = leftmost(n->u.spec.b);
      js_symbol *rs = root->kind == JS_IDENT ? root->u.ident.sym : NULL;
      if (rs && rs->reads) rs->reads--;
    }
    ptr_put(t, &t->elided, n, n);
  }
  free(l.items);
  return 0;
}

/* ---- entry --------------------------------------------------------------------------------- */

static bool find_jsx(js_node **slot, void *ud) {
  if ((*slot)->kind == JS_JSX_ELEMENT) *(bool *)ud = true;
  return !*(bool *)ud;
}

static bool clear_fresh(js_node **slot, void *ud) {
  ts *t = ud;
  if ((*slot)->kind == JS_IDENT && (*slot)->u.ident.sym == t->fresh) (*slot)->u.ident.sym = NULL;
  return true;
}

int js_ts_lower(js_ast *ast, const js_ts_options *opts) {
  ts *t = calloc(1, sizeof *t);
  if (!t) return -1;
  volatile int rc = -1;
  js_ts_options o = opts ? *opts : (js_ts_options){0};
  t->ast = ast;
  t->arena = ast->arena;
  t->opts = &o;
  if (setjmp(t->oom)) goto out;
  if (o.jsx_factory_root) js__walk(&ast->program, find_jsx, &t->has_jsx);
  t->scopes = js_scope_analyze(ast);
  if (!t->scopes) goto out;
  t->module = t->scopes->module;
  if (elide_import_equals(t) < 0) goto out;
  t->fresh = zalloc(t, sizeof *t->fresh);
  js__walk(&ast->program, visit, t);
  js__walk(&ast->program, clear_fresh, t);
  rc = 0;
out:
  if (rc < 0) js__ast_add_error(ast, o.filename, ast->program ? ast->program->loc : (js_loc){0, 1, 0}, "Out of memory");
  free(t->ns);
  free(t);
  return rc;
}
