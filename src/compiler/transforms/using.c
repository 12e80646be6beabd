/* Explicit resource management: lowers `using` and `await using` declarations, which
 * JavaScriptCore does not parse, to a try/finally over the runtime's helpers (the hidden global
 * __dx_using, lib/internal/using.js; docs/design.md, "using declarations").
 *
 * A statement list that declares resources becomes
 *
 *   const __dx_us = [];
 *   let __dx_ue, __dx_uh = false;
 *   try {
 *     ...the statements, each `using x = v` as `const x = __dx_using.use(__dx_us, v, 0)`
 *        (1 for `await using`)...
 *   } catch (__dx_ux) { __dx_ue = __dx_ux; __dx_uh = true; }
 *   finally { __dx_using.dispose(__dx_us, __dx_ue, __dx_uh); }
 *
 * or, when the list has an `await using`, with a finally block that steps through the disposal
 * with a disposer object and awaits where it says (dispose_block below).
 *
 * use() checks the value and takes its dispose method at the declaration; dispose() and the
 * disposer run the spec's DisposeResources: reverse order, errors chained in SuppressedErrors
 * over the body's own, awaits only where the spec awaits.
 *
 * The whole list moves into the try block, so a block or function body keeps its scoping. At the top
 * level of a module the declarations must stay visible to the module's exports, so there the
 * statements from the first `using` on are split: imports, exports without declarations and function
 * declarations stay where they are; let/const/class/var and using declarations are declared before
 * the try (`let`, or `var` for var) and assigned inside it.
 *
 * `for (using x of xs) body` becomes `for (const __dx_uv of xs) { using x = __dx_uv; body }`, and
 * `for (using x = v; ...; ...) body` becomes `{ using x = v; for (; ...; ...) body }` (labels
 * stay on the loop). Both are then lowered as above. */
#include <string.h>

#include "compiler/arena.h"
#include "compiler/transforms/transforms.h"
#include "compiler/transforms/walk.h"

typedef struct lower {
  js_arena *arena;
  bool module;
  bool oom;
} lower;

static js_str S(const char *s) { return (js_str){s, (uint32_t)strlen(s)}; }

static js_node *node(lower *l, js_kind kind, js_loc loc) {
  js_node *n = js_arena_zalloc(l->arena, sizeof *n);
  if (!n) { l->oom = true; return NULL; }
  n->kind = (uint8_t)kind;
  n->loc = loc;
  n->end = loc.offset;
  return n;
}

static js_node *ident(lower *l, const char *name, js_loc loc) {
  js_node *n = node(l, JS_IDENT, loc);
  if (n) n->u.ident.name = S(name);
  return n;
}

static js_node *ident_str(lower *l, js_str name, js_loc loc) {
  js_node *n = node(l, JS_IDENT, loc);
  if (n) n->u.ident.name = name;
  return n;
}

static bool list_of(lower *l, js_list *list, uint32_t cap) {
  list->len = 0;
  list->items = cap ? js_arena_zalloc(l->arena, cap * sizeof *list->items) : NULL;
  if (cap && !list->items) { l->oom = true; return false; }
  return true;
}

static js_node *list1(lower *l, js_kind kind, js_node *a, js_loc loc) {
  js_node *n = node(l, kind, loc);
  if (!n || !list_of(l, &n->u.list.items, 1)) return NULL;
  n->u.list.items.items[n->u.list.items.len++] = a;
  return n;
}

static js_node *unary(lower *l, js_kind kind, js_node *arg, js_loc loc) {
  js_node *n = node(l, kind, loc);
  if (n) n->u.unary.arg = arg;
  return n;
}

static js_node *member(lower *l, js_node *obj, const char *prop, js_loc loc) {
  js_node *n = node(l, JS_MEMBER, loc);
  if (!n) return NULL;
  n->u.member.object = obj;
  n->u.member.prop = ident(l, prop, loc);
  return n;
}

static js_node *call(lower *l, js_kind kind, js_node *callee, js_node *a, js_node *b, js_loc loc) {
  js_node *n = node(l, kind, loc);
  if (!n || !list_of(l, &n->u.call.args, 2)) return NULL;
  n->u.call.callee = callee;
  if (a) n->u.call.args.items[n->u.call.args.len++] = a;
  if (b) n->u.call.args.items[n->u.call.args.len++] = b;
  return n;
}

static js_node *assign(lower *l, js_node *left, js_node *right, js_loc loc) {
  js_node *n = node(l, JS_ASSIGN, loc);
  if (!n) return NULL;
  n->op = JS_OP_ASSIGN;
  n->u.bin.left = left;
  n->u.bin.right = right;
  return n;
}

static js_node *assign_stmt(lower *l, const char *name, js_node *value, js_loc loc) {
  return unary(l, JS_EXPR_STMT, assign(l, ident(l, name, loc), value, loc), loc);
}

static js_node *declarator(lower *l, js_node *id, js_node *init, js_loc loc) {
  js_node *n = node(l, JS_DECLARATOR, loc);
  if (!n) return NULL;
  n->u.decl.id = id;
  n->u.decl.init = init;
  return n;
}

static js_node *var_decl(lower *l, js_var_kind kind, uint32_t cap, js_loc loc) {
  js_node *n = node(l, JS_VAR_DECL, loc);
  if (!n || !list_of(l, &n->u.var.decls, cap)) return NULL;
  n->op = (uint8_t)kind;
  return n;
}

static js_node *try_stmt(lower *l, js_node *block, const char *param, js_node *handler, js_node *finalizer,
                         js_loc loc) {
  js_node *n = node(l, JS_TRY, loc);
  if (!n) return NULL;
  n->u.try_.block = block;
  n->u.try_.param = param ? ident(l, param, loc) : NULL;
  n->u.try_.handler = handler;
  n->u.try_.finalizer = finalizer;
  return n;
}

static bool is_using(const js_node *n) {
  return n && n->kind == JS_VAR_DECL && (n->op == JS_VAR_USING || n->op == JS_VAR_AWAIT_USING);
}

/* ---- the try/finally around a statement list ---- */

/* `catch (__dx_ux) { __dx_ue = __dx_ux; __dx_uh = true; }` */
static js_node *record_error_block(lower *l, js_loc loc) {
  js_node *b = node(l, JS_BLOCK, loc);
  if (!b || !list_of(l, &b->u.list.items, 2)) return NULL;
  b->u.list.items.items[b->u.list.items.len++] = assign_stmt(l, "__dx_ue", ident(l, "__dx_ux", loc), loc);
  b->u.list.items.items[b->u.list.items.len++] = assign_stmt(l, "__dx_uh", node(l, JS_TRUE, loc), loc);
  return b;
}

/* __dx_using.<fn>(__dx_us, __dx_ue, __dx_uh) */
static js_node *dispose_call(lower *l, const char *fn, js_loc loc) {
  js_node *c = call(l, JS_CALL, member(l, ident(l, "__dx_using", loc), fn, loc), ident(l, "__dx_us", loc),
                    ident(l, "__dx_ue", loc), loc);
  if (!c || !list_of(l, &c->u.call.args, 3)) return NULL;
  c->u.call.args.items[c->u.call.args.len++] = ident(l, "__dx_us", loc);
  c->u.call.args.items[c->u.call.args.len++] = ident(l, "__dx_ue", loc);
  c->u.call.args.items[c->u.call.args.len++] = ident(l, "__dx_uh", loc);
  return c;
}

/* The finally block. Sync: `__dx_using.dispose(...)`, which rethrows the body's error or the
 * disposal's. Async, so that the scope awaits exactly where the spec's DisposeResources does (and
 * not at all when no resource needs it):
 *   const __dx_ud = __dx_using.disposer(__dx_us, __dx_ue, __dx_uh);
 *   while (__dx_ud.next()) try { await __dx_ud.value; } catch (__dx_ux) { __dx_ud.fail(__dx_ux); }
 *   __dx_ud.end(); */
static js_node *dispose_block(lower *l, bool async, js_loc loc) {
  if (!async) return list1(l, JS_BLOCK, unary(l, JS_EXPR_STMT, dispose_call(l, "dispose", loc), loc), loc);
  js_node *d = var_decl(l, JS_VAR_CONST, 1, loc);
  js_node *loop = node(l, JS_WHILE, loc);
  js_node *b = node(l, JS_BLOCK, loc);
  if (!d || !loop || !b || !list_of(l, &b->u.list.items, 3)) return NULL;
  d->u.var.decls.items[d->u.var.decls.len++] = declarator(l, ident(l, "__dx_ud", loc), dispose_call(l, "disposer", loc), loc);
  loop->u.loop.test = call(l, JS_CALL, member(l, ident(l, "__dx_ud", loc), "next", loc), NULL, NULL, loc);
  js_node *wait = list1(l, JS_BLOCK, unary(l, JS_EXPR_STMT, unary(l, JS_AWAIT, member(l, ident(l, "__dx_ud", loc), "value", loc), loc), loc), loc);
  js_node *fail = list1(l, JS_BLOCK, unary(l, JS_EXPR_STMT, call(l, JS_CALL, member(l, ident(l, "__dx_ud", loc), "fail", loc),
                                                               ident(l, "__dx_ux", loc), NULL, loc), loc), loc);
  loop->u.loop.body = try_stmt(l, wait, "__dx_ux", fail, NULL, loc);
  b->u.list.items.items[b->u.list.items.len++] = d;
  b->u.list.items.items[b->u.list.items.len++] = loop;
  b->u.list.items.items[b->u.list.items.len++] =
      unary(l, JS_EXPR_STMT, call(l, JS_CALL, member(l, ident(l, "__dx_ud", loc), "end", loc), NULL, NULL, loc), loc);
  return b;
}

/* The value a `using` declarator adds to the resources: __dx_using.use(__dx_us, v, hint), hint 1 for
 * `await using`, 0 for `using`. */
static js_node *use_call(lower *l, js_node *value, bool async, js_loc loc) {
  js_node *hint = node(l, JS_NUMBER, loc);
  js_node *c = call(l, JS_CALL, member(l, ident(l, "__dx_using", loc), "use", loc), NULL, NULL, loc);
  if (!hint || !c || !list_of(l, &c->u.call.args, 3)) return NULL;
  hint->u.num.value = async ? 1 : 0;
  hint->u.num.raw = S(async ? "1" : "0");
  c->u.call.args.items[c->u.call.args.len++] = ident(l, "__dx_us", loc);
  c->u.call.args.items[c->u.call.args.len++] = value;
  c->u.call.args.items[c->u.call.args.len++] = hint;
  return c;
}

/* The statements that open the list: `const __dx_us = []; let __dx_ue, __dx_uh = false;` */
static bool add_prologue(lower *l, js_list *out, js_loc loc) {
  js_node *s = var_decl(l, JS_VAR_CONST, 1, loc);
  js_node *arr = node(l, JS_ARRAY, loc);
  if (!s || !arr) return false;
  s->u.var.decls.items[s->u.var.decls.len++] = declarator(l, ident(l, "__dx_us", loc), arr, loc);
  js_node *e = var_decl(l, JS_VAR_LET, 2, loc);
  if (!e) return false;
  e->u.var.decls.items[e->u.var.decls.len++] = declarator(l, ident(l, "__dx_ue", loc), NULL, loc);
  e->u.var.decls.items[e->u.var.decls.len++] = declarator(l, ident(l, "__dx_uh", loc), node(l, JS_FALSE, loc), loc);
  out->items[out->len++] = s;
  out->items[out->len++] = e;
  return !l->oom;
}

static js_node *wrap_try(lower *l, js_node *body, bool async, js_loc loc) {
  return try_stmt(l, body, "__dx_ux", record_error_block(l, loc), dispose_block(l, async, loc), loc);
}

/* Whether a list declares resources, and whether any is `await using`. */
static bool scan(const js_list *list, bool *async) {
  bool any = false;
  *async = false;
  for (uint32_t i = 0; i < list->len; i++) {
    const js_node *n = list->items[i];
    if (n && n->kind == JS_EXPORT_NAMED) n = n->u.mod.decl;
    if (!is_using(n)) continue;
    any = true;
    if (n->op == JS_VAR_AWAIT_USING) *async = true;
  }
  return any;
}

/* `using x = v, y = w` -> `const x = __dx_using.use(__dx_us, v, 0), y = ...` in place. */
static void using_to_const(lower *l, js_node *decl) {
  for (uint32_t i = 0; i < decl->u.var.decls.len; i++) {
    js_node *d = decl->u.var.decls.items[i];
    d->u.decl.init = use_call(l, d->u.decl.init, decl->op == JS_VAR_AWAIT_USING, d->loc);
  }
  decl->op = JS_VAR_CONST;
}

/* A block, function body or static block: everything after the directives moves into the try. */
static void lower_list(lower *l, js_list *list, js_loc loc) {
  bool async;
  if (!scan(list, &async)) return;
  uint32_t ndirectives = 0;
  while (ndirectives < list->len && list->items[ndirectives]->kind == JS_DIRECTIVE) ndirectives++;
  js_node *body = node(l, JS_BLOCK, loc);
  js_list out;
  if (!body || !list_of(l, &body->u.list.items, list->len - ndirectives) || !list_of(l, &out, ndirectives + 3)) return;
  for (uint32_t i = 0; i < list->len; i++) {
    js_node *n = list->items[i];
    if (i < ndirectives) { out.items[out.len++] = n; continue; }
    if (is_using(n)) using_to_const(l, n);
    body->u.list.items.items[body->u.list.items.len++] = n;
  }
  if (!add_prologue(l, &out, loc)) return;
  out.items[out.len++] = wrap_try(l, body, async, loc);
  *list = out;
}

/* ---- the top level of a module ---- */

/* Appends to decl (a let/var declaration) every name a binding pattern binds. */
static bool add_names(lower *l, js_node *decl, js_node *pattern, uint32_t *cap) {
  if (!pattern) return true;
  switch ((js_kind)pattern->kind) {
  case JS_IDENT:
    if (decl->u.var.decls.len == *cap) {
      uint32_t ncap = *cap * 2 + 4;
      js_node **items = js_arena_zalloc(l->arena, ncap * sizeof *items);
      if (!items) { l->oom = true; return false; }
      if (decl->u.var.decls.len) memcpy(items, decl->u.var.decls.items, decl->u.var.decls.len * sizeof *items);
      decl->u.var.decls.items = items;
      *cap = ncap;
    }
    decl->u.var.decls.items[decl->u.var.decls.len++] =
        declarator(l, ident_str(l, pattern->u.ident.name, pattern->loc), NULL, pattern->loc);
    return !l->oom;
  case JS_ARRAY_PATTERN: case JS_OBJECT_PATTERN:
    for (uint32_t i = 0; i < pattern->u.list.items.len; i++)
      if (!add_names(l, decl, pattern->u.list.items.items[i], cap)) return false;
    return true;
  case JS_PROPERTY:
    return add_names(l, decl, pattern->u.prop.value, cap);
  case JS_ASSIGN_PATTERN:
    return add_names(l, decl, pattern->u.bin.left, cap);
  case JS_REST:
    return add_names(l, decl, pattern->u.unary.arg, cap);
  default:
    return true;
  }
}

/* Splits the module body from the first `using` on, as the file comment says. */
static void lower_module(lower *l, js_list *list, js_loc loc) {
  bool async;
  if (!scan(list, &async)) return;
  uint32_t first = 0;
  while (first < list->len) {
    js_node *n = list->items[first];
    if (n->kind == JS_EXPORT_NAMED) n = n->u.mod.decl;
    if (is_using(n)) break;
    first++;
  }
  js_node *body = node(l, JS_BLOCK, loc);
  js_list out;
  /* each statement gives at most two statements before the try (let + export) and one in it */
  if (!body || !list_of(l, &body->u.list.items, list->len) || !list_of(l, &out, 2 * list->len + 3)) return;
  for (uint32_t i = 0; i < first; i++) out.items[out.len++] = list->items[i];
  if (!add_prologue(l, &out, loc)) return;
  for (uint32_t i = first; i < list->len; i++) {
    js_node *n = list->items[i];
    if (n->kind == JS_EXPORT_DEFAULT) {
      js_node *v = n->u.mod.decl;
      if (v->kind == JS_FUNCTION_DECL) { out.items[out.len++] = n; continue; } /* hoisted */
      /* export default <class or expression>: `let C; export { C as default }` before, `C = v`
       * in the try. An anonymous value is named "default" through ({ default: v }).default. */
      bool named_class = v->kind == JS_CLASS_DECL && v->u.cls->id;
      js_str name = named_class ? v->u.cls->id->u.ident.name : S("__dx_udefault");
      if (v->kind == JS_CLASS_DECL) v->kind = JS_CLASS;
      bool anonymous = (v->kind == JS_CLASS && !v->u.cls->id) ||
                       ((v->kind == JS_FUNCTION || v->kind == JS_ARROW) && !v->u.fn->id);
      if (anonymous) {
        js_node *prop = node(l, JS_PROPERTY, v->loc);
        js_node *obj = prop ? list1(l, JS_OBJECT, prop, v->loc) : NULL;
        if (!obj) return;
        prop->u.prop.key = ident(l, "default", v->loc);
        prop->u.prop.value = v;
        v = member(l, obj, "default", v->loc);
      }
      js_node *let = var_decl(l, JS_VAR_LET, 1, n->loc);
      js_node *spec = node(l, JS_EXPORT_SPECIFIER, n->loc);
      js_node *ex = node(l, JS_EXPORT_NAMED, n->loc);
      if (!let || !spec || !ex || !list_of(l, &ex->u.mod.specifiers, 1)) return;
      let->u.var.decls.items[let->u.var.decls.len++] = declarator(l, ident_str(l, name, n->loc), NULL, n->loc);
      spec->u.spec.a = ident_str(l, name, n->loc);
      spec->u.spec.b = ident(l, "default", n->loc);
      ex->u.mod.specifiers.items[ex->u.mod.specifiers.len++] = spec;
      out.items[out.len++] = let;
      out.items[out.len++] = ex;
      body->u.list.items.items[body->u.list.items.len++] =
          unary(l, JS_EXPR_STMT, assign(l, ident_str(l, name, n->loc), v, n->loc), n->loc);
      continue;
    }
    js_node *exported = n->kind == JS_EXPORT_NAMED ? n : NULL;
    js_node *d = exported ? n->u.mod.decl : n;
    if (!d || n->kind == JS_IMPORT_DECL || n->kind == JS_EXPORT_ALL || d->kind == JS_FUNCTION_DECL) {
      out.items[out.len++] = n; /* declarative: imports, re-exports, export lists, functions */
      continue;
    }
    if (d->kind == JS_CLASS_DECL) {
      /* class C {} -> `let C;` before, `C = class C {}` in the try */
      js_str name = d->u.cls->id->u.ident.name;
      js_node *let = var_decl(l, JS_VAR_LET, 1, d->loc);
      if (!let) return;
      let->u.var.decls.items[let->u.var.decls.len++] = declarator(l, ident_str(l, name, d->loc), NULL, d->loc);
      if (exported) exported->u.mod.decl = let;
      out.items[out.len++] = exported ? exported : let;
      d->kind = JS_CLASS;
      body->u.list.items.items[body->u.list.items.len++] =
          unary(l, JS_EXPR_STMT, assign(l, ident_str(l, name, d->loc), d, d->loc), d->loc);
      continue;
    }
    if (d->kind == JS_VAR_DECL) {
      /* let/const/using -> `let names;` before (var stays var), the initialisers as assignments in
       * the try, in order; a declarator without one leaves nothing (the binding is undefined). */
      if (is_using(d)) using_to_const(l, d);
      js_node *hoisted = var_decl(l, d->op == JS_VAR_VAR ? JS_VAR_VAR : JS_VAR_LET, 0, d->loc);
      js_node *seq = node(l, JS_SEQUENCE, d->loc);
      if (!hoisted || !seq || !list_of(l, &seq->u.list.items, d->u.var.decls.len)) return;
      uint32_t cap = 0;
      for (uint32_t k = 0; k < d->u.var.decls.len; k++) {
        js_node *dd = d->u.var.decls.items[k];
        if (!add_names(l, hoisted, dd->u.decl.id, &cap)) return;
        if (dd->u.decl.init)
          seq->u.list.items.items[seq->u.list.items.len++] = assign(l, dd->u.decl.id, dd->u.decl.init, dd->loc);
      }
      if (l->oom) return;
      if (exported) exported->u.mod.decl = hoisted;
      out.items[out.len++] = exported ? exported : hoisted;
      if (seq->u.list.items.len)
        body->u.list.items.items[body->u.list.items.len++] =
            unary(l, JS_EXPR_STMT, seq->u.list.items.len == 1 ? seq->u.list.items.items[0] : seq, d->loc);
      continue;
    }
    body->u.list.items.items[body->u.list.items.len++] = n;
  }
  out.items[out.len++] = wrap_try(l, body, async, loc);
  *list = out;
}

/* ---- loops ---- */

/* `for (using x of xs) body` -> `for (const __dx_uv of xs) { using x = __dx_uv; body }`; the new
 * block is lowered when the walk reaches it. */
static void lower_for_of(lower *l, js_node *loop) {
  js_node *left = loop->u.for_in.left;
  js_node *d = left->u.var.decls.items[0];
  js_node *tmp = var_decl(l, JS_VAR_CONST, 1, left->loc);
  js_node *inner = var_decl(l, (js_var_kind)left->op, 1, left->loc);
  js_node *block = node(l, JS_BLOCK, loop->u.for_in.body->loc);
  if (!tmp || !inner || !block || !list_of(l, &block->u.list.items, 2)) return;
  tmp->u.var.decls.items[tmp->u.var.decls.len++] = declarator(l, ident(l, "__dx_uv", d->loc), NULL, d->loc);
  inner->u.var.decls.items[inner->u.var.decls.len++] = declarator(l, d->u.decl.id, ident(l, "__dx_uv", d->loc), d->loc);
  block->u.list.items.items[block->u.list.items.len++] = inner;
  block->u.list.items.items[block->u.list.items.len++] = loop->u.for_in.body;
  loop->u.for_in.left = tmp;
  loop->u.for_in.body = block;
}

/* *slot holds a (possibly labelled) `for (using ...; ;)`: it becomes `{ using ...; L: for (; ;) }`. */
static void lower_for(lower *l, js_node **slot, js_node *loop) {
  js_node *block = node(l, JS_BLOCK, (*slot)->loc);
  if (!block || !list_of(l, &block->u.list.items, 2)) return;
  block->u.list.items.items[block->u.list.items.len++] = loop->u.for_.init;
  block->u.list.items.items[block->u.list.items.len++] = *slot;
  loop->u.for_.init = NULL;
  *slot = block;
  lower_list(l, &block->u.list.items, block->loc);
}

static bool visit(js_node **slot, void *ud) {
  lower *l = ud;
  if (l->oom) return false;
  js_node *n = *slot;
  switch ((js_kind)n->kind) {
  case JS_PROGRAM:
    if (l->module) lower_module(l, &n->u.program.body, n->loc);
    else lower_list(l, &n->u.program.body, n->loc); /* a CommonJS body */
    break;
  case JS_BLOCK: case JS_STATIC_BLOCK:
    lower_list(l, &n->u.list.items, n->loc);
    break;
  case JS_FOR_OF:
    if (is_using(n->u.for_in.left)) lower_for_of(l, n);
    break;
  case JS_LABELED: case JS_FOR: {
    js_node *loop = n;
    while (loop->kind == JS_LABELED) loop = loop->u.label.body;
    if (loop->kind == JS_FOR && is_using(loop->u.for_.init)) lower_for(l, slot, loop);
    break;
  }
  default:
    break;
  }
  return !l->oom;
}

int js_using_lower(js_ast *ast) {
  if (!ast->program) return 0;
  lower l = {.arena = ast->arena, .module = (ast->program->flags & JS_NF_MODULE) != 0};
  js__walk(&ast->program, visit, &l);
  return l.oom ? -1 : 0;
}
