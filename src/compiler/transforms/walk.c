/* The child slots of every node kind, as ast.h documents the payloads. */
#include "compiler/transforms/walk.h"

#include <stddef.h>

static void list(js_list l, js_walk_fn fn, void *ud) {
  for (uint32_t i = 0; i < l.len; i++)
    if (l.items[i]) js__walk(&l.items[i], fn, ud);
}

static void one(js_node **slot, js_walk_fn fn, void *ud) {
  if (*slot) js__walk(slot, fn, ud);
}

/* Walks every child of n but the one that may nest deeply on the left, and returns that one's slot
 * (or NULL) for the caller to continue with. */
static js_node **children(js_node *n, js_walk_fn fn, void *ud) {
  switch ((js_kind)n->kind) {
  case JS_PROGRAM:
    list(n->u.program.body, fn, ud);
    return NULL;
  case JS_EXPR_STMT: case JS_RETURN: case JS_THROW: case JS_SPREAD: case JS_UNARY: case JS_UPDATE:
  case JS_CHAIN: case JS_YIELD: case JS_AWAIT: case JS_REST: case JS_DECORATOR: case JS_TS_EXPORT_ASSIGN:
  case JS_JSX_SPREAD: case JS_JSX_EXPR:
    return n->u.unary.arg ? &n->u.unary.arg : NULL;
  case JS_BLOCK: case JS_ARRAY: case JS_OBJECT: case JS_ARRAY_PATTERN: case JS_OBJECT_PATTERN:
  case JS_STATIC_BLOCK: case JS_SEQUENCE:
    list(n->u.list.items, fn, ud);
    return NULL;
  case JS_WITH: case JS_WHILE: case JS_DO_WHILE:
    one(&n->u.loop.test, fn, ud);
    one(&n->u.loop.body, fn, ud);
    return NULL;
  case JS_LABELED:
    one(&n->u.label.body, fn, ud);
    return NULL;
  case JS_IF: case JS_COND:
    one(&n->u.cond.test, fn, ud);
    one(&n->u.cond.cons, fn, ud);
    one(&n->u.cond.alt, fn, ud);
    return NULL;
  case JS_SWITCH:
    one(&n->u.sw.disc, fn, ud);
    list(n->u.sw.cases, fn, ud);
    return NULL;
  case JS_CASE:
    one(&n->u.kase.test, fn, ud);
    list(n->u.kase.body, fn, ud);
    return NULL;
  case JS_TRY:
    one(&n->u.try_.block, fn, ud);
    one(&n->u.try_.param, fn, ud);
    one(&n->u.try_.handler, fn, ud);
    one(&n->u.try_.finalizer, fn, ud);
    return NULL;
  case JS_FOR:
    one(&n->u.for_.init, fn, ud);
    one(&n->u.for_.test, fn, ud);
    one(&n->u.for_.update, fn, ud);
    one(&n->u.for_.body, fn, ud);
    return NULL;
  case JS_FOR_IN: case JS_FOR_OF:
    one(&n->u.for_in.left, fn, ud);
    one(&n->u.for_in.right, fn, ud);
    one(&n->u.for_in.body, fn, ud);
    return NULL;
  case JS_VAR_DECL:
    list(n->u.var.decls, fn, ud);
    return NULL;
  case JS_DECLARATOR:
    one(&n->u.decl.id, fn, ud);
    one(&n->u.decl.init, fn, ud);
    return NULL;
  case JS_FUNCTION_DECL: case JS_FUNCTION: case JS_ARROW: {
    js_function *f = n->u.fn;
    one(&f->id, fn, ud);
    list(f->params, fn, ud);
    one(&f->body, fn, ud);
    return NULL;
  }
  case JS_CLASS_DECL: case JS_CLASS: {
    js_class *c = n->u.cls;
    list(c->decorators, fn, ud);
    one(&c->id, fn, ud);
    one(&c->super, fn, ud);
    list(c->body, fn, ud);
    return NULL;
  }
  case JS_IMPORT_DECL: case JS_EXPORT_NAMED: case JS_EXPORT_DEFAULT: case JS_EXPORT_ALL:
    list(n->u.mod.specifiers, fn, ud);
    one(&n->u.mod.decl, fn, ud);
    one(&n->u.mod.source, fn, ud);
    list(n->u.mod.attributes, fn, ud);
    return NULL;
  case JS_IMPORT_SPECIFIER: case JS_IMPORT_DEFAULT: case JS_IMPORT_NAMESPACE: case JS_EXPORT_SPECIFIER:
  case JS_TS_IMPORT_EQUALS:
    one(&n->u.spec.a, fn, ud);
    one(&n->u.spec.b, fn, ud);
    return NULL;
  case JS_IMPORT_ATTRIBUTE: case JS_PROPERTY: case JS_METHOD: case JS_FIELD: case JS_TS_ENUM_MEMBER:
  case JS_JSX_ATTR:
    if (n->kind == JS_METHOD || n->kind == JS_FIELD) list(n->u.prop.decorators, fn, ud);
    one(&n->u.prop.key, fn, ud);
    one(&n->u.prop.value, fn, ud);
    return NULL;
  case JS_TEMPLATE:
    /* quasis and expressions interleave in the source */
    for (uint32_t i = 0; i < n->u.tpl.quasis.len; i++) {
      one(&n->u.tpl.quasis.items[i], fn, ud);
      if (i < n->u.tpl.exprs.len) one(&n->u.tpl.exprs.items[i], fn, ud);
    }
    return NULL;
  case JS_TAGGED_TEMPLATE:
    one(&n->u.tagged.quasi, fn, ud);
    return &n->u.tagged.tag;
  case JS_BINARY: case JS_ASSIGN: case JS_ASSIGN_PATTERN:
    one(&n->u.bin.right, fn, ud);
    return &n->u.bin.left;
  case JS_CALL: case JS_NEW:
    list(n->u.call.args, fn, ud);
    return &n->u.call.callee;
  case JS_MEMBER:
    one(&n->u.member.prop, fn, ud);
    return &n->u.member.object;
  case JS_IMPORT_CALL:
    one(&n->u.import_call.source, fn, ud);
    one(&n->u.import_call.options, fn, ud);
    return NULL;
  case JS_TS_ENUM:
    one(&n->u.ts_enum.id, fn, ud);
    list(n->u.ts_enum.members, fn, ud);
    return NULL;
  case JS_TS_NAMESPACE:
    one(&n->u.ts_ns.id, fn, ud);
    list(n->u.ts_ns.body, fn, ud);
    return NULL;
  case JS_JSX_ELEMENT:
    one(&n->u.jsx.name, fn, ud);
    list(n->u.jsx.attrs, fn, ud);
    list(n->u.jsx.children, fn, ud);
    return NULL;
  default: /* leaves: identifiers, literals, this, super, new.target, import.meta, JSX names/text */
    return NULL;
  }
}

void js__walk(js_node **slot, js_walk_fn fn, void *ud) {
  /* Binary operators, member chains and call chains nest on the left without bound; the left child
   * is visited last (after the right side, slightly out of source order) by looping. */
  while (slot && *slot) {
    if (!fn(slot, ud)) return;
    slot = children(*slot, fn, ud);
  }
}

void js__walk_children(js_node *n, js_walk_fn fn, void *ud) {
  js_node **rest = children(n, fn, ud);
  if (rest) js__walk(rest, fn, ud);
}
