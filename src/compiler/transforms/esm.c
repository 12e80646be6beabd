/* The ES module transform (see esm.h for the shape of its output). Three steps over one tree:
 * collect the module requests and the import bindings, rewrite every reference to an import (found
 * through scope analysis, so shadowed names stay untouched) and every import.meta / import(), then
 * replace the module's statements by the generator that wraps them. */
#include "compiler/transforms/esm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/arena.h"
#include "compiler/scope.h"
#include "compiler/transforms/walk.h"

typedef struct import_ref {
  const js_symbol *sym;
  uint32_t request;
  js_str name;      /* imported name; "*" for a namespace */
} import_ref;

typedef struct esm {
  js_ast *ast;
  js_arena *arena;
  js_esm_info *info;
  uint32_t req_cap, imp_cap, exp_cap;
  import_ref *refs;           /* open-addressing table keyed by symbol */
  uint32_t refs_cap;
  bool oom;
} esm;

static js_str S(const char *s) { return (js_str){s, (uint32_t)strlen(s)}; }

static bool str_eq(js_str a, js_str b) { return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0); }

static js_node *node(esm *e, js_kind kind, js_loc loc) {
  js_node *n = js_arena_zalloc(e->arena, sizeof *n);
  if (!n) { e->oom = true; return NULL; }
  n->kind = (uint8_t)kind;
  n->loc = loc;
  n->end = loc.offset;
  return n;
}

static js_node *ident(esm *e, js_str name, js_loc loc) {
  js_node *n = node(e, JS_IDENT, loc);
  if (n) n->u.ident.name = name;
  return n;
}

static js_node *string(esm *e, js_str value, js_loc loc) {
  js_node *n = node(e, JS_STRING, loc);
  if (n) n->u.str.value = value; /* raw left empty: the printer quotes the value */
  return n;
}

static bool list_of(esm *e, js_list *l, uint32_t n) {
  l->items = n ? js_arena_zalloc(e->arena, n * sizeof *l->items) : NULL;
  l->len = 0;
  if (n && !l->items) { e->oom = true; return false; }
  return true;
}

/* A name that can be written as an IdentifierName: ASCII letters, digits, $ and _ only. Anything
 * else (export names may be any string: `export { x as "☿" }`) is written as a string key. */
static bool is_identifier_name(js_str s) {
  if (!s.len) return false;
  for (uint32_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    bool ok = c == '$' || c == '_' || (unsigned)((c | 32) - 'a') < 26u || (i > 0 && (unsigned)(c - '0') < 10u);
    if (!ok) return false;
  }
  return true;
}

/* obj.name, or obj["name"] when name is not an identifier name. */
static js_node *member(esm *e, js_node *obj, js_str name, js_loc loc) {
  js_node *m = node(e, JS_MEMBER, loc);
  if (!m) return NULL;
  m->u.member.object = obj;
  if (is_identifier_name(name)) {
    m->u.member.prop = ident(e, name, loc);
  } else {
    m->u.member.prop = string(e, name, loc);
    m->flags |= JS_NF_COMPUTED;
  }
  return m;
}

static js_str param_name(esm *e, char kind, uint32_t request) {
  char buf[32];
  int n = snprintf(buf, sizeof buf, "__dx_%c%u", kind, request);
  char *s = js_arena_strndup(e->arena, buf, (size_t)n);
  if (!s) { e->oom = true; return S(""); }
  return (js_str){s, (uint32_t)n};
}

/* ---- requests ---- */

static bool attrs_eq(const js_esm_request *r, js_list attrs) {
  if (r->nattributes != attrs.len) return false;
  for (uint32_t i = 0; i < attrs.len; i++) {
    js_node *a = attrs.items[i];
    bool found = false;
    for (uint32_t j = 0; j < r->nattributes && !found; j++) {
      js_node *b = r->attributes[j];
      js_str ka = a->u.prop.key->kind == JS_STRING ? a->u.prop.key->u.str.value : a->u.prop.key->u.ident.name;
      js_str kb = b->u.prop.key->kind == JS_STRING ? b->u.prop.key->u.str.value : b->u.prop.key->u.ident.name;
      found = str_eq(ka, kb) && str_eq(a->u.prop.value->u.str.value, b->u.prop.value->u.str.value);
    }
    if (!found) return false;
  }
  return true;
}

static uint32_t request_of(esm *e, js_node *decl) {
  js_esm_info *in = e->info;
  js_str spec = decl->u.mod.source->u.str.value;
  for (uint32_t i = 0; i < in->nrequests; i++)
    if (str_eq(in->requests[i].specifier, spec) && attrs_eq(&in->requests[i], decl->u.mod.attributes)) return i;
  if (in->nrequests == e->req_cap) {
    uint32_t cap = e->req_cap ? e->req_cap * 2 : 8;
    js_esm_request *r = js_arena_zalloc(e->arena, cap * sizeof *r);
    if (!r) { e->oom = true; return 0; }
    if (in->nrequests) memcpy(r, in->requests, in->nrequests * sizeof *r);
    in->requests = r;
    e->req_cap = cap;
  }
  js_esm_request *r = &in->requests[in->nrequests];
  r->specifier = spec;
  r->attributes = decl->u.mod.attributes.items;
  r->nattributes = decl->u.mod.attributes.len;
  return in->nrequests++;
}

static void add_import(esm *e, uint32_t request, js_str name, js_loc loc) {
  js_esm_info *in = e->info;
  if (in->nimports == e->imp_cap) {
    uint32_t cap = e->imp_cap ? e->imp_cap * 2 : 16;
    js_esm_import *a = js_arena_zalloc(e->arena, cap * sizeof *a);
    if (!a) { e->oom = true; return; }
    if (in->nimports) memcpy(a, in->imports, in->nimports * sizeof *a);
    in->imports = a;
    e->imp_cap = cap;
  }
  in->imports[in->nimports++] = (js_esm_import){request, name, loc};
}

static void add_export(esm *e, js_esm_export x) {
  js_esm_info *in = e->info;
  if (in->nexports == e->exp_cap) {
    uint32_t cap = e->exp_cap ? e->exp_cap * 2 : 16;
    js_esm_export *a = js_arena_zalloc(e->arena, cap * sizeof *a);
    if (!a) { e->oom = true; return; }
    if (in->nexports) memcpy(a, in->exports, in->nexports * sizeof *a);
    in->exports = a;
    e->exp_cap = cap;
  }
  in->exports[in->nexports++] = x;
}

/* ---- import symbols ---- */

static uint32_t hash_ptr(const void *p) {
  uintptr_t v = (uintptr_t)p;
  v ^= v >> 17;
  v *= 0x9E3779B97F4A7C15ull;
  return (uint32_t)(v >> 32);
}

static import_ref *ref_slot(esm *e, const js_symbol *sym) {
  uint32_t mask = e->refs_cap - 1;
  for (uint32_t i = hash_ptr(sym) & mask;; i = (i + 1) & mask)
    if (!e->refs[i].sym || e->refs[i].sym == sym) return &e->refs[i];
}

static const import_ref *ref_of(esm *e, const js_node *id) {
  if (!e->refs_cap || id->kind != JS_IDENT || !id->u.ident.sym) return NULL;
  const import_ref *r = ref_slot(e, id->u.ident.sym);
  return r->sym ? r : NULL;
}

/* ---- rewriting references ---- */

/* The expression that reads an imported binding now: __dx_iK.name, or __dx_nK for a namespace. */
static js_node *import_read(esm *e, const import_ref *r, js_loc loc) {
  if (r->name.len == 1 && r->name.ptr[0] == '*') return ident(e, param_name(e, 'n', r->request), loc);
  return member(e, ident(e, param_name(e, 'i', r->request), loc), r->name, loc);
}

static bool is_namespace(const import_ref *r) { return r->name.len == 1 && r->name.ptr[0] == '*'; }

/* An import binding is immutable: writing it throws a TypeError after the right-hand side has run,
 * as for a const. A named import is written as __dx_iK.name, whose setter (the loader's) throws. A
 * namespace import is a parameter, so a write to it becomes __dx_w(__dx_nK).v, a property whose
 * getter reads the namespace (`ns ??= x` reads first) and whose setter throws. */
static js_node *namespace_target(esm *e, const import_ref *r, js_loc loc) {
  js_node *call = node(e, JS_CALL, loc);
  if (!call || !list_of(e, &call->u.call.args, 1)) return NULL;
  call->u.call.callee = ident(e, S("__dx_w"), loc);
  call->u.call.args.items[0] = ident(e, param_name(e, 'n', r->request), loc);
  call->u.call.args.len = 1;
  return member(e, call, S("v"), loc);
}

/* An assignment target (or pattern) in which references to imports are writes. */
static void guard_target(esm *e, js_node **slot) {
  js_node *n = *slot;
  if (!n || e->oom) return;
  switch ((js_kind)n->kind) {
  case JS_IDENT: {
    const import_ref *r = ref_of(e, n);
    if (r && is_namespace(r)) {
      js_node *t = namespace_target(e, r, n->loc);
      if (t) *slot = t;
    }
    break;
  }
  case JS_ARRAY_PATTERN:
    for (uint32_t i = 0; i < n->u.list.items.len; i++) guard_target(e, &n->u.list.items.items[i]);
    break;
  case JS_OBJECT_PATTERN:
    for (uint32_t i = 0; i < n->u.list.items.len; i++) {
      js_node *p = n->u.list.items.items[i];
      if (p->kind == JS_PROPERTY) guard_target(e, &p->u.prop.value);
      else guard_target(e, &n->u.list.items.items[i]);
    }
    break;
  case JS_ASSIGN_PATTERN:
    guard_target(e, &n->u.bin.left);
    break;
  case JS_REST:
    guard_target(e, &n->u.unary.arg);
    break;
  default:
    break;
  }
}

static bool rewrite(js_node **slot, void *ud) {
  esm *e = ud;
  js_node *n = *slot;
  if (e->oom) return false;
  switch ((js_kind)n->kind) {
  case JS_IMPORT_DECL:
    return false;
  case JS_IDENT: {
    const import_ref *r = ref_of(e, n);
    if (r) *slot = import_read(e, r, n->loc);
    return false;
  }
  case JS_CALL: case JS_TAGGED_TEMPLATE: {
    /* f() with f imported must still call with this = undefined: (0, __dx_i0.f)() */
    js_node **callee = n->kind == JS_CALL ? &n->u.call.callee : &n->u.tagged.tag;
    const import_ref *r = ref_of(e, *callee);
    if (r && !is_namespace(r)) {
      js_node *seq = node(e, JS_SEQUENCE, (*callee)->loc);
      js_node *zero = node(e, JS_NUMBER, (*callee)->loc);
      if (!seq || !zero || !list_of(e, &seq->u.list.items, 2)) return false;
      zero->u.num.value = 0;
      seq->u.list.items.items[0] = zero;
      seq->u.list.items.items[1] = import_read(e, r, (*callee)->loc);
      seq->u.list.items.len = 2;
      seq->flags |= JS_NF_PARENS;
      *callee = seq;
    }
    return true;
  }
  case JS_PROPERTY: {
    /* {x} with x imported becomes {x: __dx_i0.x}; in a pattern ({x} = o, {x = 1} = o) it is a
     * write, which guard_target has made throw. */
    js_node *v = n->u.prop.value;
    if (v && v->kind == JS_ASSIGN_PATTERN) v = v->u.bin.left;
    if ((n->flags & JS_NF_SHORTHAND) && v && (ref_of(e, v) || v->kind != JS_IDENT)) n->flags &= (uint16_t)~JS_NF_SHORTHAND;
    return true;
  }
  case JS_ASSIGN:
    guard_target(e, &n->u.bin.left);
    return true;
  case JS_UPDATE:
    guard_target(e, &n->u.unary.arg);
    return true;
  case JS_FOR_IN: case JS_FOR_OF:
    if (n->u.for_in.left->kind != JS_VAR_DECL) guard_target(e, &n->u.for_in.left);
    return true;
  case JS_IMPORT_META:
    *slot = ident(e, S("__dx_meta"), n->loc);
    return false;
  case JS_IMPORT_CALL: {
    js_node *call = node(e, JS_CALL, n->loc);
    if (!call) return false;
    call->end = n->end;
    call->u.call.callee = ident(e, S("__dx_import"), n->loc);
    uint32_t argc = n->u.import_call.options ? 2 : 1;
    if (!list_of(e, &call->u.call.args, argc)) return false;
    call->u.call.args.items[0] = n->u.import_call.source;
    if (argc == 2) call->u.call.args.items[1] = n->u.import_call.options;
    call->u.call.args.len = argc;
    *slot = call;
    return true; /* the arguments may use imports too */
  }
  default:
    return true;
  }
}

/* ---- top-level await ---- */

typedef struct tla { bool found; } tla;

static bool find_tla(js_node **slot, void *ud) {
  tla *t = ud;
  js_node *n = *slot;
  if (t->found) return false;
  switch ((js_kind)n->kind) {
  case JS_AWAIT:
    t->found = true;
    return false;
  case JS_FOR_OF:
    if (n->flags & JS_NF_AWAIT) { t->found = true; return false; }
    return true;
  case JS_VAR_DECL:
    if (n->op == JS_VAR_AWAIT_USING) { t->found = true; return false; }
    return true;
  case JS_FUNCTION_DECL: case JS_FUNCTION: case JS_ARROW:
    return false; /* await in there belongs to that function */
  case JS_CLASS_DECL: case JS_CLASS: {
    /* heritage and computed keys run at the top level; member bodies do not */
    js_class *c = n->u.cls;
    if (c->super) js__walk(&c->super, find_tla, ud);
    for (uint32_t i = 0; i < c->body.len && !t->found; i++) {
      js_node *m = c->body.items[i];
      if (m->kind != JS_STATIC_BLOCK && (m->flags & JS_NF_COMPUTED)) js__walk(&m->u.prop.key, find_tla, ud);
      for (uint32_t k = 0; m->kind != JS_STATIC_BLOCK && k < m->u.prop.decorators.len; k++)
        js__walk(&m->u.prop.decorators.items[k], find_tla, ud);
    }
    for (uint32_t k = 0; k < c->decorators.len; k++) js__walk(&c->decorators.items[k], find_tla, ud);
    return false;
  }
  default:
    return true;
  }
}

/* Top-level await in a plain generator: each `await x` of the module's own code becomes `yield x`
 * and the loader drives the generator as a coroutine, resuming it from promise reactions. So the
 * body runs synchronously up to its first await when the loader executes it, as the spec's
 * ExecuteAsyncModule does (an async generator could not: every resumption of one awaits first).
 * `for await` and `await using` have no such lowering; those modules stay async generators. */
typedef struct lower { bool blocked; } lower;

static bool lower_tla(js_node **slot, void *ud) {
  lower *l = ud;
  js_node *n = *slot;
  switch ((js_kind)n->kind) {
  case JS_AWAIT:
    n->kind = JS_YIELD;
    n->flags |= JS_NF_PARENS;
    return true;
  case JS_FOR_OF:
    if (n->flags & JS_NF_AWAIT) l->blocked = true;
    return true;
  case JS_VAR_DECL:
    if (n->op == JS_VAR_AWAIT_USING) l->blocked = true;
    return true;
  case JS_FUNCTION_DECL: case JS_FUNCTION: case JS_ARROW:
    return false;
  case JS_CLASS_DECL: case JS_CLASS: {
    js_class *c = n->u.cls;
    if (c->super) js__walk(&c->super, lower_tla, ud);
    for (uint32_t i = 0; i < c->body.len; i++) {
      js_node *m = c->body.items[i];
      if (m->kind != JS_STATIC_BLOCK && (m->flags & JS_NF_COMPUTED)) js__walk(&m->u.prop.key, lower_tla, ud);
    }
    return false;
  }
  default:
    return true;
  }
}

static bool find_blocker(js_node **slot, void *ud) {
  lower *l = ud;
  js_node *n = *slot;
  if ((n->kind == JS_FOR_OF && (n->flags & JS_NF_AWAIT)) || (n->kind == JS_VAR_DECL && n->op == JS_VAR_AWAIT_USING)) {
    l->blocked = true;
    return false;
  }
  return !(n->kind == JS_FUNCTION_DECL || n->kind == JS_FUNCTION || n->kind == JS_ARROW || n->kind == JS_CLASS_DECL ||
           n->kind == JS_CLASS);
}

/* ---- the generator ---- */

/* `get name() { return value; }` */
static js_node *getter(esm *e, js_str name, js_node *value, js_loc loc) {
  js_node *prop = node(e, JS_PROPERTY, loc);
  js_node *fn = node(e, JS_FUNCTION, loc);
  js_function *f = js_arena_zalloc(e->arena, sizeof *f);
  js_node *body = node(e, JS_BLOCK, loc);
  js_node *ret = node(e, JS_RETURN, loc);
  if (!prop || !fn || !f || !body || !ret || !value || !list_of(e, &body->u.list.items, 1)) { e->oom = true; return NULL; }
  ret->u.unary.arg = value;
  body->u.list.items.items[0] = ret;
  body->u.list.items.len = 1;
  f->body = body;
  f->flags = JS_FN_METHOD | JS_FN_STRICT | JS_FN_SIMPLE_PARAMS;
  fn->u.fn = f;
  prop->op = JS_PROP_GET;
  prop->u.prop.key = is_identifier_name(name) ? ident(e, name, loc) : string(e, name, loc);
  prop->u.prop.value = fn;
  return prop;
}

static js_node *stmt_expr(esm *e, js_node *expr) {
  js_node *s = node(e, JS_EXPR_STMT, expr ? expr->loc : (js_loc){0, 1, 0});
  if (s) s->u.unary.arg = expr;
  return s;
}

/* True for an anonymous function or class definition (NamedEvaluation gives it the name "default"). */
static bool anonymous_definition(const js_node *x) {
  return ((x->kind == JS_FUNCTION || x->kind == JS_CLASS) && !(x->kind == JS_FUNCTION ? x->u.fn->id : x->u.cls->id)) ||
         x->kind == JS_ARROW;
}

/* `const __dx_default = expr;`, or `const __dx_default = ({ default: expr }).default;` for an
 * anonymous function or class, whose name must be "default". */
static js_node *default_binding(esm *e, js_node *expr, js_loc loc) {
  js_node *init = expr;
  if (anonymous_definition(expr)) {
    js_node *obj = node(e, JS_OBJECT, loc);
    js_node *prop = node(e, JS_PROPERTY, loc);
    if (!obj || !prop || !list_of(e, &obj->u.list.items, 1)) return NULL;
    prop->u.prop.key = ident(e, S("default"), loc);
    prop->u.prop.value = expr;
    obj->u.list.items.items[0] = prop;
    obj->u.list.items.len = 1;
    obj->flags |= JS_NF_PARENS;
    init = member(e, obj, S("default"), loc);
  }
  js_node *decl = node(e, JS_VAR_DECL, loc);
  js_node *d = node(e, JS_DECLARATOR, loc);
  if (!decl || !d || !list_of(e, &decl->u.var.decls, 1)) return NULL;
  decl->op = JS_VAR_CONST;
  d->u.decl.id = ident(e, S("__dx_default"), loc);
  d->u.decl.init = init;
  decl->u.var.decls.items[0] = d;
  decl->u.var.decls.len = 1;
  return decl;
}

int js_esm_transform(js_ast *ast, js_esm_info *info) {
  memset(info, 0, sizeof *info);
  esm e = {.ast = ast, .arena = ast->arena, .info = info};
  js_node *prog = ast->program;
  js_list body = prog->u.program.body;

  /* 1. Requests in source order, and the import bindings with their request. */
  uint32_t *req_of_stmt = calloc(body.len ? body.len : 1, sizeof *req_of_stmt);
  if (!req_of_stmt) return -1;
  for (uint32_t i = 0; i < body.len; i++) {
    js_node *s = body.items[i];
    if ((s->kind == JS_IMPORT_DECL || s->kind == JS_EXPORT_ALL || (s->kind == JS_EXPORT_NAMED && s->u.mod.source)) &&
        s->u.mod.source)
      req_of_stmt[i] = request_of(&e, s);
  }
  js_scopes *scopes = js_scope_analyze(ast);
  if (!scopes || e.oom) { free(req_of_stmt); return -1; }

  uint32_t cap = 16;
  while (cap < scopes->nimports * 2 + 2) cap *= 2;
  e.refs = calloc(cap, sizeof *e.refs);
  e.refs_cap = cap;
  if (!e.refs) { free(req_of_stmt); return -1; }
  for (uint32_t k = 0; k < scopes->nimports; k++) {
    const js_import_binding *b = &scopes->imports[k];
    uint32_t req = 0;
    for (uint32_t i = 0; i < body.len; i++)
      if (body.items[i] == b->decl) req = req_of_stmt[i];
    import_ref *slot = ref_slot(&e, b->local);
    slot->sym = b->local;
    slot->request = req;
    if (b->kind == JS_IMPORT_KIND_NAMESPACE) {
      slot->name = S("*");
      info->requests[req].namespace_used = true;
    } else {
      slot->name = b->kind == JS_IMPORT_KIND_DEFAULT ? S("default") : b->imported;
      add_import(&e, req, slot->name, b->specifier->loc);
    }
  }

  /* 2. Exports: local getters, indirect and star entries. */
  js_list getters;
  if (!list_of(&e, &getters, scopes->nexports + 1)) goto oom;
  for (uint32_t k = 0; k < scopes->nexports; k++) {
    const js_export_entry *x = &scopes->exports[k];
    uint32_t req = 0;
    for (uint32_t i = 0; i < body.len; i++)
      if (body.items[i] == x->decl) req = req_of_stmt[i];
    js_loc loc = x->decl ? x->decl->loc : prog->loc;
    switch (x->kind) {
    case JS_EXPORT_LOCAL: {
      const import_ref *r = NULL;
      if (x->local && e.refs_cap) {
        const import_ref *s = ref_slot(&e, x->local);
        if (s->sym) r = s;
      }
      if (r) {
        /* export { imported }: an indirect export, resolved through the other module; a namespace
         * import re-exported is the other module's namespace, as `export * as ns from` is */
        add_export(&e, (js_esm_export){JS_ESM_EXPORT_INDIRECT, x->exported, r->request, r->name});
      } else {
        js_node *value = r ? import_read(&e, r, loc) : ident(&e, x->local ? x->local->name : x->exported, loc);
        getters.items[getters.len++] = getter(&e, x->exported, value, loc);
        add_export(&e, (js_esm_export){JS_ESM_EXPORT_LOCAL, x->exported, 0, {0}});
      }
      break;
    }
    case JS_EXPORT_DEFAULT_EXPR:
      getters.items[getters.len++] = getter(&e, S("default"), ident(&e, S("__dx_default"), loc), loc);
      add_export(&e, (js_esm_export){JS_ESM_EXPORT_LOCAL, S("default"), 0, {0}});
      break;
    case JS_EXPORT_REEXPORT:
      add_export(&e, (js_esm_export){JS_ESM_EXPORT_INDIRECT, x->exported, req, x->imported});
      break;
    case JS_EXPORT_STAR:
      add_export(&e, (js_esm_export){JS_ESM_EXPORT_STAR, {0}, req, {0}});
      break;
    }
  }
  if (e.oom) goto oom;

  /* 3. Rewrite references everywhere but in import declarations. */
  for (uint32_t i = 0; i < body.len && !e.oom; i++) js__walk(&body.items[i], rewrite, &e);
  if (e.oom) goto oom;

  /* 4. Top-level await? */
  tla t = {false};
  for (uint32_t i = 0; i < body.len && !t.found; i++) js__walk(&body.items[i], find_tla, &t);
  info->async = t.found;
  if (t.found) {
    lower l = {false};
    for (uint32_t i = 0; i < body.len && !l.blocked; i++) js__walk(&body.items[i], find_blocker, &l);
    if (!l.blocked) {
      for (uint32_t i = 0; i < body.len; i++) js__walk(&body.items[i], lower_tla, &l);
      info->coroutine = true;
    }
  }

  /* 5. The statements of the generator: "use strict", the getters handed to the loader, a yield,
   * then the body with import/export syntax removed. */
  js_list out;
  if (!list_of(&e, &out, body.len + 3)) goto oom;
  js_node *dir = node(&e, JS_DIRECTIVE, prog->loc);
  js_node *obj = node(&e, JS_OBJECT, prog->loc);
  js_node *call = node(&e, JS_CALL, prog->loc);
  js_node *yield = node(&e, JS_YIELD, prog->loc);
  if (!dir || !obj || !call || !yield || !list_of(&e, &call->u.call.args, 1)) goto oom;
  dir->u.str.value = S("use strict");
  dir->u.str.raw = S("\"use strict\"");
  obj->u.list.items = getters;
  call->u.call.callee = ident(&e, S("__dx_e"), prog->loc);
  call->u.call.args.items[call->u.call.args.len++] = obj;
  out.items[out.len++] = dir;
  out.items[out.len++] = stmt_expr(&e, call);
  out.items[out.len++] = stmt_expr(&e, yield);
  for (uint32_t i = 0; i < body.len; i++) {
    js_node *s = body.items[i];
    switch ((js_kind)s->kind) {
    case JS_DIRECTIVE: /* "use strict" is already there; others mean nothing in a module */
    case JS_IMPORT_DECL:
    case JS_EXPORT_ALL:
      break;
    case JS_EXPORT_NAMED:
      if (s->u.mod.decl) out.items[out.len++] = s->u.mod.decl;
      break;
    case JS_EXPORT_DEFAULT: {
      js_node *d = s->u.mod.decl;
      if (d->kind == JS_FUNCTION_DECL) {
        if (!d->u.fn->id) {
          d->u.fn->id = ident(&e, S("__dx_default"), d->loc);
          info->default_fn_name = true;
        }
        out.items[out.len++] = d;
      } else if (d->kind == JS_CLASS_DECL && d->u.cls->id) {
        out.items[out.len++] = d;
      } else {
        if (d->kind == JS_CLASS_DECL) d->kind = JS_CLASS; /* export default class {}: an expression */
        else if (d->kind == JS_FUNCTION_DECL) d->kind = JS_FUNCTION;
        out.items[out.len++] = default_binding(&e, d, s->loc);
      }
      break;
    }
    default:
      out.items[out.len++] = s;
    }
  }
  if (e.oom) goto oom;

  /* 6. The function expression: (function* (__dx_e, __dx_meta, __dx_import, __dx_w, __dx_i0, __dx_n0, ...) {...}) */
  js_function *f = js_arena_zalloc(e.arena, sizeof *f);
  js_node *fn = node(&e, JS_FUNCTION, prog->loc);
  js_node *block = node(&e, JS_BLOCK, prog->loc);
  if (!f || !fn || !block || !list_of(&e, &f->params, 4 + 2 * info->nrequests)) goto oom;
  f->params.items[f->params.len++] = ident(&e, S("__dx_e"), prog->loc);
  f->params.items[f->params.len++] = ident(&e, S("__dx_meta"), prog->loc);
  f->params.items[f->params.len++] = ident(&e, S("__dx_import"), prog->loc);
  f->params.items[f->params.len++] = ident(&e, S("__dx_w"), prog->loc);
  for (uint32_t k = 0; k < info->nrequests; k++) {
    f->params.items[f->params.len++] = ident(&e, param_name(&e, 'i', k), prog->loc);
    f->params.items[f->params.len++] = ident(&e, param_name(&e, 'n', k), prog->loc);
  }
  block->u.list.items = out;
  f->body = block;
  f->flags = JS_FN_GENERATOR | JS_FN_STRICT | JS_FN_USE_STRICT | JS_FN_SIMPLE_PARAMS |
             (info->async && !info->coroutine ? JS_FN_ASYNC : 0);
  fn->u.fn = f;
  fn->flags |= JS_NF_PARENS;
  js_node *stmt = stmt_expr(&e, fn);
  if (e.oom || !stmt || !list_of(&e, &prog->u.program.body, 1)) goto oom;
  prog->u.program.body.items[0] = stmt;
  prog->u.program.body.len = 1;
  prog->u.program.hashbang = (js_str){0};
  prog->flags &= (uint16_t)~JS_NF_MODULE; /* the output is a script */
  free(req_of_stmt);
  free(e.refs);
  return 0;
oom:
  free(req_of_stmt);
  free(e.refs);
  return -1;
}
