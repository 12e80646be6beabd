/* Functions: declarations and expressions, generators and async variants, methods and accessors,
 * arrow functions (whose parameters arrive as expressions from the cover grammar), formal
 * parameters, function bodies and the rules that apply once the body's strictness is known. */
#include <string.h>

#include "compiler/parser.h"

typedef struct param_check {
  uint32_t dup_at; /* offset + 1 of the first repeated name */
} param_check;

static void declare_param_cb(js_parser *p, js_node *id, void *ud) {
  param_check *pc = ud;
  if (!js__declare_param(p, id->u.ident.name) && !pc->dup_at) pc->dup_at = id->loc.offset + 1;
}

static void strict_param_cb(js_parser *p, js_node *id, void *ud) {
  (void)ud;
  js__check_strict_binding(p, id);
}

static bool params_simple(js_list params) {
  for (uint32_t i = 0; i < params.len; i++)
    if (params.items[i]->kind != JS_IDENT) return false;
  return true;
}

/* Reads `( FormalParameters )` in the function's own context (JS_CTX_PARAMS set). */
static js_list parse_params(js_parser *p) {
  js__expect(p, JS_T_LPAREN);
  bool no_in = p->no_in;
  p->no_in = false;
  p->fn->flags |= JS_CTX_PARAMS;
  uint32_t mark = p->sp;
  while (p->ts && !js__is(p, JS_T_RPAREN)) {
    uint32_t at = js__tok(p)->start;
    js_node *n = js__ts_param(p, (p->fn->flags & JS_CTX_CTOR) ? JS_TS_PARAM_CTOR : JS_TS_PARAM_FN);
    if (!n) {
      /* `this: T` declares the type of `this` and is erased; only the first parameter may. */
      if (p->sp != mark) js__report(p, at, "A 'this' parameter must be the first parameter.");
    } else {
      js__push(p, n);
      if (n->kind == JS_REST && !js__is(p, JS_T_RPAREN))
        js__raise(p, js__tok(p)->start, "Rest parameter must be last formal parameter");
    }
    if (!js__is(p, JS_T_RPAREN)) js__expect(p, JS_T_COMMA);
  }
  while (!js__is(p, JS_T_RPAREN)) {
    if (js__is(p, JS_T_ELLIPSIS)) {
      js_node *r = js__node_here(p, JS_REST);
      js__next(p);
      r->u.unary.arg = js__parse_binding_target(p);
      js__finish(p, r);
      js__push(p, r);
      if (js__is(p, JS_T_ASSIGN)) js__raise(p, js__tok(p)->start, "Rest parameter may not have a default initializer");
      if (!js__is(p, JS_T_RPAREN)) js__raise(p, js__tok(p)->start, "Rest parameter must be last formal parameter");
      break;
    }
    js__push(p, js__parse_binding_element(p));
    if (!js__is(p, JS_T_RPAREN)) js__expect(p, JS_T_COMMA);
  }
  js__next(p);
  p->fn->flags &= ~(uint32_t)JS_CTX_PARAMS;
  p->no_in = no_in;
  return js__pop_list(p, mark);
}

/* Reads `{ FunctionBody }`; returns the block and whether it has a "use strict" directive. */
static js_node *parse_body(js_parser *p, bool *use_strict) {
  js_node *b = js__node_here(p, JS_BLOCK);
  js__expect(p, JS_T_LBRACE);
  bool no_in = p->no_in;
  p->no_in = false;
  bool pending = p->pending_chain;
  p->pending_chain = false;
  uint32_t mark = p->sp;
  bool octal;
  *use_strict = js__parse_directives(p, &octal);
  js__parse_statements(p, JS_T_RBRACE);
  js__expect(p, JS_T_RBRACE);
  b->u.list.items = js__pop_list(p, mark);
  js__finish(p, b);
  p->no_in = no_in;
  p->pending_chain = pending;
  return b;
}

/* Rules that depend on the finished function: strictness from its own directive applies back to
 * its name and parameters; some parameter lists may not repeat names or carry "use strict". */
static void check_function(js_parser *p, js_function *fn, bool outer_strict, bool use_strict, uint32_t dup_at,
                           bool unique_params, js_loc start) {
  bool simple = params_simple(fn->params);
  if (simple) fn->flags |= JS_FN_SIMPLE_PARAMS;
  if (use_strict) fn->flags |= JS_FN_USE_STRICT;
  if (p->fn->strict) fn->flags |= JS_FN_STRICT;
  if (use_strict && !simple)
    js__report(p, start.offset, "Illegal 'use strict' directive in function with non-simple parameter list");
  if (dup_at && (p->fn->strict || !simple || unique_params))
    js__report(p, dup_at - 1, "Duplicate parameter name not allowed in this context");
  if (use_strict && !outer_strict) {
    if (fn->id) js__check_strict_binding(p, fn->id);
    for (uint32_t i = 0; i < fn->params.len; i++) js__bound_names(p, fn->params.items[i], strict_param_cb, NULL);
  }
}

static void declare_function_name(js_parser *p, js_function *fn, uint32_t fn_flags) {
  js_scope *s = p->scope;
  js_str nm = fn->id->u.ident.name;
  if ((s->kind == JS_SCOPE_PROGRAM && !p->module) || s->kind == JS_SCOPE_FUNCTION || s->kind == JS_SCOPE_STATIC)
    js__declare_var(p, nm, fn->id->loc.offset);
  else
    js__declare_lexical(p, nm, fn->id->loc.offset,
                        !js__strict(p) && !(fn_flags & (JS_FN_ASYNC | JS_FN_GENERATOR)) && s->kind != JS_SCOPE_PROGRAM);
}

js_node *js__parse_function(js_parser *p, js_loc start, uint32_t fn_flags, int how) {
  js__enter(p);
  js__expect(p, JS_T_NAME); /* function */
  if (js__eat(p, JS_T_STAR)) fn_flags |= JS_FN_GENERATOR;
  bool decl = (how & JS_FUNC_DECL) != 0;
  js_node *n = js__node(p, decl ? JS_FUNCTION_DECL : JS_FUNCTION, start);
  js_function *fn = js__alloc(p, sizeof *fn);
  n->u.fn = fn;
  fn->flags = fn_flags;
  bool outer_strict = js__strict(p);
  uint32_t sy = p->yield_pos, sa = p->await_pos, si = p->await_ident_pos;

  js_token name = *js__tok(p);
  bool has_name = name.type == JS_T_NAME;
  if (!has_name && !(how & JS_FUNC_NAME_OPT) && decl) js__unexpected(p);
  if (has_name && decl) {
    /* A declaration's name is bound in the enclosing context; in TypeScript once the body is
     * seen, since overload signatures (no body) are erased and must not count as declarations. */
    fn->id = js__parse_binding_ident(p);
    if (!p->ts) declare_function_name(p, fn, fn_flags);
  }

  js_fnctx ctx;
  js__fn_push(p, &ctx, ((fn_flags & JS_FN_ASYNC) ? JS_CTX_ASYNC : 0) | ((fn_flags & JS_FN_GENERATOR) ? JS_CTX_GENERATOR : 0));
  if (has_name && !decl) {
    /* An expression's name is bound inside it: `yield` and `await` follow its own kind. */
    fn->id = js__parse_binding_ident(p);
  }
  js__scope_push(p, JS_SCOPE_FUNCTION);
  p->yield_pos = p->await_pos = p->await_ident_pos = 0;
  if (p->ts) js__ts_type_params(p);
  fn->params = parse_params(p);
  if (p->ts) js__ts_return_annotation(p);
  if (p->ts && decl && !js__is(p, JS_T_LBRACE)) {
    /* An overload signature or ambient declaration: erased. */
    js__semicolon(p);
    n = NULL;
    goto out;
  }
  param_check pc = {0};
  for (uint32_t i = 0; i < fn->params.len; i++) js__bound_names(p, fn->params.items[i], declare_param_cb, &pc);
  bool use_strict;
  fn->body = parse_body(p, &use_strict);
  check_function(p, fn, outer_strict, use_strict, pc.dup_at, false, start);
out:
  js__scope_pop(p);
  js__fn_pop(p);
  p->yield_pos = sy;
  p->await_pos = sa;
  p->await_ident_pos = si;
  if (n) {
    if (p->ts && decl && fn->id) declare_function_name(p, fn, fn_flags);
    js__finish(p, n);
  }
  js__leave(p);
  return n;
}

js_node *js__parse_method_function(js_parser *p, js_loc start, uint32_t fn_flags, uint32_t ctx_flags, int accessor) {
  js__enter(p);
  js_node *n = js__node(p, JS_FUNCTION, start);
  js_function *fn = js__alloc(p, sizeof *fn);
  n->u.fn = fn;
  fn->flags = fn_flags | JS_FN_METHOD;
  bool outer_strict = js__strict(p);
  uint32_t sy = p->yield_pos, sa = p->await_pos, si = p->await_ident_pos;
  js_fnctx ctx;
  js__fn_push(p, &ctx, ctx_flags | ((fn_flags & JS_FN_ASYNC) ? JS_CTX_ASYNC : 0) |
                           ((fn_flags & JS_FN_GENERATOR) ? JS_CTX_GENERATOR : 0));
  js__scope_push(p, JS_SCOPE_FUNCTION);
  p->yield_pos = p->await_pos = p->await_ident_pos = 0;
  if (p->ts) js__ts_type_params(p);
  uint32_t lparen = js__tok(p)->start;
  fn->params = parse_params(p);
  if (p->ts) {
    js__ts_return_annotation(p);
    if ((ctx_flags & JS_CTX_TS_SIGNATURE) && !js__is(p, JS_T_LBRACE)) {
      /* A method signature (overload or abstract): erased. */
      js__semicolon(p);
      js__scope_pop(p);
      js__fn_pop(p);
      p->yield_pos = sy;
      p->await_pos = sa;
      p->await_ident_pos = si;
      js__leave(p);
      return NULL;
    }
  }
  if (accessor == JS_PROP_GET && fn->params.len != 0)
    js__report(p, lparen, "Getter must not have any formal parameters.");
  if (accessor == JS_PROP_SET) {
    if (fn->params.len != 1)
      js__report(p, lparen, "Setter must have exactly one formal parameter.");
    else if (fn->params.items[0]->kind == JS_REST)
      js__report(p, fn->params.items[0]->loc.offset, "Setter function argument must not be a rest parameter");
  }
  param_check pc = {0};
  for (uint32_t i = 0; i < fn->params.len; i++) js__bound_names(p, fn->params.items[i], declare_param_cb, &pc);
  bool use_strict;
  fn->body = parse_body(p, &use_strict);
  check_function(p, fn, outer_strict, use_strict, pc.dup_at, true, start);
  js__scope_pop(p);
  js__fn_pop(p);
  p->yield_pos = sy;
  p->await_pos = sa;
  p->await_ident_pos = si;
  js__finish(p, n);
  js__leave(p);
  return n;
}

js_node *js__parse_arrow(js_parser *p, js_loc start, js_list params, bool async, uint32_t sy, uint32_t sa,
                         uint32_t si) {
  js__enter(p);
  if (p->yield_pos) js__report(p, p->yield_pos - 1, "Yield expression not allowed in formal parameter");
  if (p->await_pos) js__report(p, p->await_pos - 1, "Illegal await-expression in formal parameters of async function");
  if (async && p->await_ident_pos)
    js__report(p, p->await_ident_pos - 1, "'await' is not a valid identifier name in an async function");
  js_node *n = js__node(p, JS_ARROW, start);
  js_function *fn = js__alloc(p, sizeof *fn);
  n->u.fn = fn;
  fn->flags = JS_FN_ARROW | (async ? JS_FN_ASYNC : 0);
  bool outer_strict = js__strict(p);
  js_fnctx ctx;
  js__fn_push(p, &ctx, JS_CTX_ARROW | (async ? JS_CTX_ASYNC : 0));
  js__scope_push(p, JS_SCOPE_FUNCTION);
  for (uint32_t i = 0; i < params.len; i++) {
    js_node *e = params.items[i];
    if (e->kind == JS_SPREAD) {
      if (i + 1 != params.len) js__raise(p, e->loc.offset, "Rest parameter must be last formal parameter");
      e->kind = JS_REST;
      if (e->u.unary.arg->kind == JS_ASSIGN)
        js__raise(p, e->u.unary.arg->loc.offset, "Rest parameter may not have a default initializer");
      js__to_pattern(p, e->u.unary.arg, true);
    } else if (e->kind != JS_REST) {
      js__to_pattern(p, e, true);
    }
  }
  fn->params = params;
  param_check pc = {0};
  for (uint32_t i = 0; i < params.len; i++) js__bound_names(p, params.items[i], declare_param_cb, &pc);
  js__expect(p, JS_T_ARROW);
  /* `await` named in these parameters still counts for an async arrow around this one. */
  uint32_t param_await_ident = p->await_ident_pos;
  p->yield_pos = p->await_pos = p->await_ident_pos = 0;
  bool use_strict = false;
  if (js__is(p, JS_T_LBRACE)) {
    fn->body = parse_body(p, &use_strict);
  } else {
    fn->flags |= JS_FN_EXPR_BODY;
    bool pending = p->pending_chain;
    p->pending_chain = false;
    fn->body = js__parse_assign(p, NULL);
    p->pending_chain = pending;
  }
  check_function(p, fn, outer_strict, use_strict, pc.dup_at, true, start);
  js__scope_pop(p);
  js__fn_pop(p);
  p->yield_pos = sy;
  p->await_pos = sa;
  p->await_ident_pos = si ? si : param_await_ident;
  js__finish(p, n);
  js__leave(p);
  return n;
}
