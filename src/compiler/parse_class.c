/* Classes: heritage, methods and accessors, fields, static blocks, private names (declared per
 * class, uses resolved when the class body ends, against enclosing classes too). All of a class is
 * strict code. */
#include <stdlib.h>
#include <string.h>

#include "compiler/parser.h"

static void *grow(js_parser *p, void *arr, uint32_t *cap, size_t elem) {
  uint32_t nc = *cap ? *cap * 2 : 8;
  void *n = js_arena_alloc(&p->scratch, nc * elem);
  if (!n) js__oom(p);
  if (*cap) memcpy(n, arr, *cap * elem);
  *cap = nc;
  return n;
}

static js_name *private_find(js_class_ctx *c, js_str name) {
  for (uint32_t i = 0; i < c->ndeclared; i++)
    if (c->declared[i].len == name.len && memcmp(c->declared[i].ptr, name.ptr, name.len) == 0) return &c->declared[i];
  return NULL;
}

static void private_declare(js_parser *p, js_str name, uint32_t kind, uint32_t offset) {
  js_class_ctx *c = p->cls;
  if (js__str_eq(name, "constructor")) {
    js__report(p, offset, "Classes may not have a private field named '#constructor'");
    return;
  }
  js_name *e = private_find(c, name);
  if (e) {
    uint32_t old = e->flags;
    bool pair = ((old & JS_PRIV_GET) && (kind & JS_PRIV_SET) && !(old & JS_PRIV_SET)) ||
                ((old & JS_PRIV_SET) && (kind & JS_PRIV_GET) && !(old & JS_PRIV_GET));
    if (!pair || (old & JS_PRIV_STATIC) != (kind & JS_PRIV_STATIC)) {
      js__report(p, offset, "Identifier '#%.*s' has already been declared", (int)(name.len > 64 ? 64 : name.len), name.ptr);
      return;
    }
    e->flags |= kind;
    return;
  }
  if (c->ndeclared == c->cap_declared) c->declared = grow(p, c->declared, &c->cap_declared, sizeof(js_name));
  js_name *n = &c->declared[c->ndeclared++];
  n->ptr = name.ptr;
  n->len = name.len;
  n->hash = 0;
  n->flags = kind;
}

void js__private_use(js_parser *p, js_str name, uint32_t offset) {
  js_class_ctx *c = p->cls;
  if (!c) {
    js__report(p, offset, "Private field '#%.*s' must be declared in an enclosing class",
               (int)(name.len > 64 ? 64 : name.len), name.ptr);
    return;
  }
  if (c->nrefs == c->cap_refs) c->refs = grow(p, c->refs, &c->cap_refs, sizeof(js_private_ref));
  c->refs[c->nrefs].name = name;
  c->refs[c->nrefs].offset = offset;
  c->nrefs++;
}

/* The class body is over: every use must name a private member of this class or of one that
 * encloses it (checked when that one ends). */
static void private_resolve(js_parser *p) {
  js_class_ctx *c = p->cls;
  js_class_ctx *outer = c->parent;
  for (uint32_t i = 0; i < c->nrefs; i++) {
    js_private_ref *r = &c->refs[i];
    if (private_find(c, r->name)) continue;
    if (outer) {
      if (outer->nrefs == outer->cap_refs) outer->refs = grow(p, outer->refs, &outer->cap_refs, sizeof(js_private_ref));
      outer->refs[outer->nrefs++] = *r;
    } else {
      js__report(p, r->offset, "Private field '#%.*s' must be declared in an enclosing class",
                 (int)(r->name.len > 64 ? 64 : r->name.len), r->name.ptr);
    }
  }
}

static bool key_is(js_node *key, bool computed, const char *name) {
  if (computed) return false;
  if (key->kind == JS_IDENT) return js__str_eq(key->u.ident.name, name);
  if (key->kind == JS_STRING) return js__str_eq(key->u.str.value, name);
  return false;
}

static js_node *parse_field_init(js_parser *p) {
  js_fnctx ctx;
  js__fn_push(p, &ctx, JS_CTX_FIELD);
  js__scope_push(p, JS_SCOPE_FUNCTION);
  uint32_t sy = p->yield_pos, sa = p->await_pos, si = p->await_ident_pos;
  p->yield_pos = p->await_pos = p->await_ident_pos = 0;
  js_node *v = js__parse_assign(p, NULL);
  p->yield_pos = sy;
  p->await_pos = sa;
  p->await_ident_pos = si;
  js__scope_pop(p);
  js__fn_pop(p);
  return v;
}

static js_node *parse_static_block(js_parser *p, js_loc start) {
  js_node *n = js__node(p, JS_STATIC_BLOCK, start);
  js__expect(p, JS_T_LBRACE);
  js_fnctx ctx;
  js__fn_push(p, &ctx, JS_CTX_STATIC_BLOCK);
  js__scope_push(p, JS_SCOPE_STATIC);
  uint32_t sy = p->yield_pos, sa = p->await_pos, si = p->await_ident_pos;
  bool pending = p->pending_chain;
  p->pending_chain = false;
  uint32_t mark = p->sp;
  js__parse_statements(p, JS_T_RBRACE);
  js__expect(p, JS_T_RBRACE);
  n->u.list.items = js__pop_list(p, mark);
  p->pending_chain = pending;
  p->yield_pos = sy;
  p->await_pos = sa;
  p->await_ident_pos = si;
  js__scope_pop(p);
  js__fn_pop(p);
  js__finish(p, n);
  return n;
}

/* A modifier word (static, async, get, set) is a modifier unless it is itself the element's name. */
static bool is_modifier(js_parser *p, bool async, bool accessor) {
  js_token nt;
  js__peek(p, &nt);
  if (nt.type == JS_T_LPAREN || nt.type == JS_T_ASSIGN || nt.type == JS_T_SEMI || nt.type == JS_T_RBRACE ||
      nt.type == JS_T_EOF)
    return false;
  /* `get *g() {}` is no accessor: `get` is a field (ASI before the generator method). */
  if (accessor && nt.type == JS_T_STAR) return false;
  /* TypeScript: `static?: T`, `get!: T`, `async: T`, `set<T>()` name the member. */
  if (p->ts && (nt.type == JS_T_COLON || nt.type == JS_T_QUESTION || nt.type == JS_T_BANG || nt.type == JS_T_LT))
    return false;
  if (async && (nt.flags & JS_TF_NL_BEFORE)) return false;
  return true;
}

/* TypeScript's member modifiers; abstract and declare members are erased (*erase). */
static bool ts_modifier(js_parser *p, bool *erase) {
  static const char *const words[] = {"public", "private", "protected", "readonly", "override", "abstract", "declare"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    if (!js__ts_is_word(p, words[i])) continue;
    js_token nt;
    js__peek(p, &nt);
    if (nt.flags & JS_TF_NL_BEFORE) return false;
    switch (nt.type) {
    case JS_T_NAME: case JS_T_STRING: case JS_T_NUMBER: case JS_T_BIGINT: case JS_T_LBRACKET: case JS_T_PRIVATE:
    case JS_T_STAR:
      break;
    default:
      return false;
    }
    if (i >= 5) *erase = true;
    js__next(p);
    return true;
  }
  return false;
}

/* `accessor` [no line break] ClassElementName: an auto-accessor (decorators proposal). */
static bool accessor_modifier(js_parser *p) {
  if (!js__ts_is_word(p, "accessor")) return false;
  js_token nt;
  js__peek(p, &nt);
  if (nt.flags & JS_TF_NL_BEFORE) return false;
  return nt.type == JS_T_NAME || nt.type == JS_T_STRING || nt.type == JS_T_NUMBER || nt.type == JS_T_BIGINT ||
         nt.type == JS_T_LBRACKET || nt.type == JS_T_PRIVATE;
}

static js_node *parse_member(js_parser *p, bool derived, bool *seen_ctor) {
  js_loc start = js__tok_loc(p);
  js_list decorators = {NULL, 0};
  if (js__is(p, JS_T_AT)) decorators = js__parse_decorators(p);
  bool is_static = false, is_accessor = false, erase = false;
  uint32_t fn_flags = 0;
  int accessor = JS_PROP_INIT;
  for (;;) {
    if (p->ts && ts_modifier(p, &erase)) continue;
    if (!is_static && !is_accessor && js__is_kw(p, JS_KW_STATIC) && is_modifier(p, false, false)) {
      js__next(p);
      is_static = true;
      if (js__is(p, JS_T_LBRACE)) {
        if (decorators.len) js__raise(p, decorators.items[0]->loc.offset, "Decorators are not valid here.");
        return parse_static_block(p, start);
      }
      continue;
    }
    if (!is_accessor && accessor_modifier(p)) {
      js__next(p);
      is_accessor = true;
      continue;
    }
    break;
  }
  if (p->ts && js__ts_index_signature(p)) {
    /* `[key: string]: T`: types only */
    if (!js__eat(p, JS_T_SEMI)) js__eat(p, JS_T_COMMA);
    return NULL;
  }
  if (is_accessor) goto key;
  if (js__is_kw(p, JS_KW_ASYNC) && is_modifier(p, true, false)) {
    js__next(p);
    fn_flags |= JS_FN_ASYNC;
  }
  if (js__is(p, JS_T_STAR)) {
    js__next(p);
    fn_flags |= JS_FN_GENERATOR;
  }
  if (!fn_flags && (js__is_kw(p, JS_KW_GET) || js__is_kw(p, JS_KW_SET)) && is_modifier(p, false, true)) {
    accessor = js__is_kw(p, JS_KW_GET) ? JS_PROP_GET : JS_PROP_SET;
    js__next(p);
  }
key:;
  js_node *key = js__parse_property_key(p, true);
  bool computed = p->key_computed;
  bool is_private = key->kind == JS_PRIVATE_NAME;
  if (p->ts) {
    /* optional `m?()` / `x?: T`, definite `x!: T` */
    if (js__is(p, JS_T_QUESTION)) js__next(p);
    else if (js__is(p, JS_T_BANG) && !js__nl_before(p)) js__next(p);
  }

  if (!is_accessor && (js__is(p, JS_T_LPAREN) || (p->ts && js__is(p, JS_T_LT)))) {
    js_node *m = js__node(p, JS_METHOD, start);
    m->u.prop.decorators = decorators;
    m->u.prop.key = key;
    if (computed) m->flags |= JS_NF_COMPUTED;
    if (is_static) m->flags |= JS_NF_STATIC;
    int kind = accessor == JS_PROP_GET ? JS_METHOD_GET : accessor == JS_PROP_SET ? JS_METHOD_SET : JS_METHOD_METHOD;
    uint32_t ctx = JS_CTX_METHOD | (p->ts ? JS_CTX_TS_SIGNATURE : 0);
    bool is_ctor = false;
    if (!is_static && key_is(key, computed, "constructor")) {
      if (accessor != JS_PROP_INIT) js__report(p, key->loc.offset, "Class constructor may not be an accessor");
      else if (fn_flags & JS_FN_GENERATOR) js__report(p, key->loc.offset, "Class constructor may not be a generator");
      else if (fn_flags & JS_FN_ASYNC) js__report(p, key->loc.offset, "Class constructor may not be an async method");
      else {
        is_ctor = true;
        kind = JS_METHOD_CONSTRUCTOR;
        ctx |= JS_CTX_CTOR | (derived ? JS_CTX_DERIVED : 0);
      }
    }
    if (is_static && key_is(key, computed, "prototype"))
      js__report(p, key->loc.offset, "Classes may not have a static property named 'prototype'");
    m->op = (uint8_t)kind;
    m->u.prop.value = js__parse_method_function(p, start, fn_flags, ctx, accessor);
    /* A TypeScript signature (no body) or an abstract or declared method is erased, and counts
     * neither as the constructor nor as a private name. */
    if (!m->u.prop.value || erase) return NULL;
    if (is_ctor) {
      if (*seen_ctor) js__report(p, key->loc.offset, "A class may only have one constructor");
      *seen_ctor = true;
    }
    if (is_private) {
      uint32_t pk = accessor == JS_PROP_GET ? JS_PRIV_GET : accessor == JS_PROP_SET ? JS_PRIV_SET : JS_PRIV_METHOD;
      private_declare(p, key->u.ident.name, pk | (is_static ? JS_PRIV_STATIC : 0), key->loc.offset);
    }
    js__finish(p, m);
    return m;
  }
  if (fn_flags || accessor != JS_PROP_INIT) js__unexpected(p);
  if (p->ts) js__ts_annotation(p);
  js_node *f = js__node(p, JS_FIELD, start);
  f->u.prop.decorators = decorators;
  if (is_accessor) f->flags |= JS_NF_ACCESSOR;
  f->u.prop.key = key;
  if (computed) f->flags |= JS_NF_COMPUTED;
  if (is_static) f->flags |= JS_NF_STATIC;
  if (key_is(key, computed, "constructor"))
    js__report(p, key->loc.offset, "Classes may not have a field named 'constructor'");
  if (is_static && key_is(key, computed, "prototype"))
    js__report(p, key->loc.offset, "Classes may not have a static property named 'prototype'");
  if (is_private && !erase)
    private_declare(p, key->u.ident.name, JS_PRIV_FIELD | (is_static ? JS_PRIV_STATIC : 0), key->loc.offset);
  if (js__eat(p, JS_T_ASSIGN)) f->u.prop.value = parse_field_init(p);
  js__semicolon(p);
  js__finish(p, f);
  return erase ? NULL : f;
}

js_node *js__parse_class(js_parser *p, bool decl, bool name_opt) {
  js__enter(p);
  js_node *n = js__node_here(p, decl ? JS_CLASS_DECL : JS_CLASS);
  js_class *c = js__alloc(p, sizeof *c);
  n->u.cls = c;
  /* Decorators read before the class (`@dec class`, `@dec export class`) belong to it. */
  c->decorators = p->decorators;
  p->decorators.items = NULL;
  p->decorators.len = 0;
  js__next(p); /* class */
  bool outer_strict = p->fn->strict;
  p->fn->strict = true;
  if (js__is(p, JS_T_NAME) && !js__is_kw(p, JS_KW_EXTENDS) && !(p->ts && js__ts_is_word(p, "implements"))) {
    c->id = js__parse_binding_ident(p);
    if (decl) js__declare_lexical(p, c->id->u.ident.name, c->id->loc.offset, false);
  } else if (decl && !name_opt) {
    js__unexpected(p);
  }
  if (p->ts) js__ts_type_params(p);
  if (js__is_kw(p, JS_KW_EXTENDS)) {
    js__next(p);
    c->super = js__parse_lhs(p);
    if (p->ts && (js__is(p, JS_T_LT) || js__is(p, JS_T_SHL))) js__ts_type_args(p);
  }
  if (p->ts && js__ts_is_word(p, "implements")) {
    js__next(p);
    js__ts_heritage(p);
  }
  js__expect(p, JS_T_LBRACE);
  js_class_ctx cctx;
  memset(&cctx, 0, sizeof cctx);
  cctx.parent = p->cls;
  p->cls = &cctx;
  bool no_in = p->no_in;
  p->no_in = false;
  uint32_t mark = p->sp;
  bool seen_ctor = false;
  while (!js__is(p, JS_T_RBRACE)) {
    if (js__eat(p, JS_T_SEMI)) continue;
    js_node *m = parse_member(p, c->super != NULL, &seen_ctor);
    if (m) js__push(p, m); /* NULL: an erased TypeScript member */
  }
  js__next(p);
  p->no_in = no_in;
  c->body = js__pop_list(p, mark);
  private_resolve(p);
  p->cls = cctx.parent;
  p->fn->strict = outer_strict;
  js__finish(p, n);
  js__leave(p);
  return n;
}
