/* Expressions: precedence climbing for binary operators, the cover grammar that turns
 * parenthesised lists and object/array literals into arrow parameters and destructuring patterns,
 * member/call chains with optional chaining, literals and templates.
 *
 * Cover grammar: an object or array literal is parsed as an expression; errors that would vanish
 * if it became a pattern (`{a = 1}`, a second `__proto__`) are deferred in a js_cover owned by the
 * nearest js__parse_assign. When that assignment finds `=` the literal becomes a pattern and the
 * deferred errors are dropped; any operator applied to the literal raises them. */
#include <string.h>

#include "compiler/parser.h"

static js_node *parse_unary(js_parser *p, js_cover *cv);
static js_node *parse_call_member(js_parser *p, js_cover *cv);
static js_node *parse_primary(js_parser *p, js_cover *cv, bool new_callee);
static js_node *parse_paren(js_parser *p);
static js_node *parse_object(js_parser *p, js_cover *cv);
static js_node *parse_array(js_parser *p, js_cover *cv);
static js_node *parse_conditional(js_parser *p, js_cover *cv);

void js__check_cover(js_parser *p, const js_cover *c) {
  if (!c) return;
  if (c->shorthand_init) js__raise(p, c->shorthand_init - 1, "Invalid shorthand property initializer");
  if (c->double_proto) js__raise(p, c->double_proto - 1, "Duplicate __proto__ fields are not allowed in object literals");
}

/* ---- literals and names ------------------------------------------------------------------ */

static js_node *ident_from_token(js_parser *p) {
  js_token *t = js__tok(p);
  js_node *n = js__node_here(p, JS_IDENT);
  n->u.ident.name = t->value;
  if (t->flags & JS_TF_ESCAPED) n->flags |= JS_NF_ESCAPED;
  js__next(p);
  js__finish(p, n);
  return n;
}

js_node *js__parse_ident_name(js_parser *p) {
  if (!js__is(p, JS_T_NAME)) js__unexpected(p);
  return ident_from_token(p);
}

js_node *js__parse_binding_ident(js_parser *p) {
  js_token *t = js__tok(p);
  if (t->type != JS_T_NAME) js__unexpected(p);
  js__check_identifier(p, t->value, t->kw, t->flags, t->start, true);
  return ident_from_token(p);
}

static void check_octal_number(js_parser *p, js_token *t) {
  if ((t->flags & JS_TF_LEGACY_OCTAL) && js__strict(p)) {
    bool decimal = false;
    for (uint32_t i = t->start; i < t->end; i++)
      if (p->lx.src[i] == '8' || p->lx.src[i] == '9' || p->lx.src[i] == '.' || p->lx.src[i] == 'e' ||
          p->lx.src[i] == 'E')
        decimal = true;
    js__report(p, t->start, decimal ? "Decimals with leading zeros are not allowed in strict mode."
                                    : "Octal literals are not allowed in strict mode.");
  }
}

static js_node *number_from_token(js_parser *p) {
  js_token *t = js__tok(p);
  check_octal_number(p, t);
  js_node *n;
  if (t->type == JS_T_BIGINT) {
    n = js__node_here(p, JS_BIGINT);
    n->u.str.value = t->value;
  } else {
    n = js__node_here(p, JS_NUMBER);
    n->u.num.value = t->num;
  }
  js_str raw = {(const char *)p->lx.src + t->start, t->end - t->start};
  if (n->kind == JS_BIGINT) n->u.str.raw = raw;
  else n->u.num.raw = raw;
  js__next(p);
  js__finish(p, n);
  return n;
}

js_node *js__parse_string_literal(js_parser *p) {
  js_token *t = js__tok(p);
  if (t->type != JS_T_STRING) js__unexpected(p);
  if ((t->flags & JS_TF_OCTAL_ESCAPE) && js__strict(p))
    js__report(p, t->esc_off, "Octal escape sequences are not allowed in strict mode.");
  js_node *n = js__node_here(p, JS_STRING);
  n->u.str.value = t->value;
  n->u.str.raw.ptr = (const char *)p->lx.src + t->start;
  n->u.str.raw.len = t->end - t->start;
  js__next(p);
  js__finish(p, n);
  return n;
}

js_node *js__parse_property_key(js_parser *p, bool allow_private) {
  js_token *t = js__tok(p);
  p->key_computed = false;
  switch (t->type) {
  case JS_T_NAME:
    return ident_from_token(p);
  case JS_T_STRING:
    return js__parse_string_literal(p);
  case JS_T_NUMBER:
  case JS_T_BIGINT:
    return number_from_token(p);
  case JS_T_PRIVATE: {
    if (!allow_private) js__unexpected(p);
    js_node *n = js__node_here(p, JS_PRIVATE_NAME);
    n->u.ident.name = t->value;
    js__next(p);
    js__finish(p, n);
    return n;
  }
  case JS_T_LBRACKET: {
    js__next(p);
    bool no_in = p->no_in;
    p->no_in = false;
    js_node *k = js__parse_assign(p, NULL);
    p->no_in = no_in;
    js__expect(p, JS_T_RBRACKET);
    /* Told through the parser, not a flag on k: k may be a computed member `[a[b]]`. */
    p->key_computed = true;
    return k;
  }
  default:
    js__unexpected(p);
  }
}

js_node *js__parse_template(js_parser *p, bool tagged) {
  js_node *n = js__node_here(p, JS_TEMPLATE);
  uint32_t qmark = p->sp;
  /* Quasis and expressions are pushed interleaved, then split. */
  for (;;) {
    js_token *t = js__tok(p);
    if (t->flags & JS_TF_INVALID_ESCAPE && !tagged)
      js__raise(p, t->esc_off, "%s", t->error ? t->error : "Invalid escape sequence in template");
    js_node *q = js__node_here(p, JS_TEMPLATE_ELEMENT);
    q->u.str.value = t->value;
    q->u.str.raw = t->raw;
    bool tail = t->type == JS_T_TEMPLATE || t->type == JS_T_TEMPLATE_TAIL;
    js__next(p);
    js__finish(p, q);
    js__push(p, q);
    if (tail) break;
    bool no_in = p->no_in;
    p->no_in = false;
    js_node *e = js__parse_expression(p);
    p->no_in = no_in;
    js__push(p, e);
    if (!js__is(p, JS_T_RBRACE)) js__unexpected(p);
    js_lexer_rescan_template(&p->lx);
    if (js__is(p, JS_T_ERROR)) js__unexpected(p);
  }
  uint32_t total = p->sp - qmark;
  uint32_t nq = (total + 1) / 2, ne = total / 2;
  js_node **q = js__alloc(p, nq * sizeof *q);
  js_node **e = ne ? js__alloc(p, ne * sizeof *e) : NULL;
  for (uint32_t i = 0; i < total; i++) {
    if (i % 2 == 0) q[i / 2] = p->stack[qmark + i];
    else e[i / 2] = p->stack[qmark + i];
  }
  p->sp = qmark;
  n->u.tpl.quasis.items = q;
  n->u.tpl.quasis.len = nq;
  n->u.tpl.exprs.items = e;
  n->u.tpl.exprs.len = ne;
  js__finish(p, n);
  return n;
}

static js_node *parse_regexp(js_parser *p) {
  js_lexer_rescan_regexp(&p->lx);
  js_token *t = js__tok(p);
  if (t->type != JS_T_REGEXP) js__unexpected(p);
  uint32_t at = 0;
  const char *err = js__regexp_validate(t->value.ptr, t->value.len, t->raw.ptr, t->raw.len, &at);
  if (err) js__report(p, t->start + 1 + at, "Invalid regular expression: /%.*s/%.*s: %s",
                      (int)(t->value.len > 64 ? 64 : t->value.len), t->value.ptr, (int)t->raw.len, t->raw.ptr, err);
  js_node *n = js__node_here(p, JS_REGEXP);
  n->u.regexp.pattern = t->value;
  n->u.regexp.flags = t->raw;
  js__next(p);
  js__finish(p, n);
  return n;
}

/* ---- patterns ---------------------------------------------------------------------------- */

static void check_target_ident(js_parser *p, js_node *n) {
  if (js__strict(p) && (js__str_eq(n->u.ident.name, "eval") || js__str_eq(n->u.ident.name, "arguments")))
    js__report(p, n->loc.offset, "Unexpected eval or arguments in strict mode");
}

/* Annex B (runtime errors for function call assignment targets): sloppy code may assign to a
 * call, which throws a ReferenceError when it runs. Logical assignment never may. */
bool js__call_target_ok(js_parser *p, js_node *n) {
  return n->kind == JS_CALL && !(n->flags & JS_NF_OPTIONAL) && !js__strict(p);
}

void js__check_simple_target(js_parser *p, js_node *n, const char *what) {
  if (n->kind == JS_IDENT) {
    check_target_ident(p, n);
    return;
  }
  if (n->kind == JS_MEMBER || js__call_target_ok(p, n)) return;
  js__raise(p, n->loc.offset, "Invalid left-hand side %s", what);
}

void js__to_pattern(js_parser *p, js_node *n, bool binding) {
  js__enter(p);
  switch (n->kind) {
  case JS_IDENT:
    /* The name was checked as a reference when it was parsed; as a target or binding strict code
     * also forbids eval and arguments. (x) is a target but not a binding. */
    if (binding && (n->flags & JS_NF_PARENS)) js__raise(p, n->loc.offset, "Invalid destructuring assignment target");
    check_target_ident(p, n);
    break;
  case JS_MEMBER:
    if (binding) js__raise(p, n->loc.offset, "Invalid destructuring assignment target");
    break;
  case JS_ARRAY:
  case JS_ARRAY_PATTERN: {
    if (n->flags & JS_NF_PARENS) js__raise(p, n->loc.offset, "Invalid destructuring assignment target");
    n->kind = JS_ARRAY_PATTERN;
    js_list *l = &n->u.list.items;
    for (uint32_t i = 0; i < l->len; i++) {
      js_node *e = l->items[i];
      if (!e) continue;
      if (e->kind == JS_SPREAD || e->kind == JS_REST) {
        if (i + 1 != l->len || (n->flags & JS_NF_TRAILING_COMMA))
          js__raise(p, e->loc.offset, "Rest element must be last element");
        e->kind = JS_REST;
        js_node *a = e->u.unary.arg;
        if (a->kind == JS_ASSIGN || a->kind == JS_ASSIGN_PATTERN)
          js__raise(p, a->loc.offset, "Rest element may not have a default initializer");
        js__to_pattern(p, a, binding);
      } else {
        js__to_pattern(p, e, binding);
      }
    }
    break;
  }
  case JS_OBJECT:
  case JS_OBJECT_PATTERN: {
    if (n->flags & JS_NF_PARENS) js__raise(p, n->loc.offset, "Invalid destructuring assignment target");
    n->kind = JS_OBJECT_PATTERN;
    js_list *l = &n->u.list.items;
    for (uint32_t i = 0; i < l->len; i++) {
      js_node *e = l->items[i];
      if (e->kind == JS_SPREAD || e->kind == JS_REST) {
        if (i + 1 != l->len || (n->flags & JS_NF_TRAILING_COMMA))
          js__raise(p, e->loc.offset, "Rest element must be last element");
        e->kind = JS_REST;
        js_node *a = e->u.unary.arg;
        if (a->kind != JS_IDENT && (binding || a->kind != JS_MEMBER))
          js__raise(p, a->loc.offset, "`...` must be followed by an assignable reference in assignment contexts");
        js__to_pattern(p, a, binding);
      } else {
        if (e->op != JS_PROP_INIT || (e->flags & JS_NF_METHOD))
          js__raise(p, e->loc.offset, "Invalid destructuring assignment target");
        js__to_pattern(p, e->u.prop.value, binding);
      }
    }
    break;
  }
  case JS_ASSIGN:
  case JS_ASSIGN_PATTERN:
    if (n->op != JS_OP_ASSIGN && n->kind == JS_ASSIGN)
      js__raise(p, n->loc.offset, "Invalid destructuring assignment target");
    if (n->flags & JS_NF_PARENS) js__raise(p, n->loc.offset, "Invalid destructuring assignment target");
    n->kind = JS_ASSIGN_PATTERN;
    n->op = JS_OP_NONE;
    js__to_pattern(p, n->u.bin.left, binding);
    break;
  default:
    js__raise(p, n->loc.offset, "Invalid destructuring assignment target");
  }
  js__leave(p);
}

/* Binding patterns parsed directly (declarations, parameters, catch). */
js_node *js__parse_binding_target(js_parser *p) {
  js_token *t = js__tok(p);
  if (t->type == JS_T_LBRACKET) {
    js__enter(p);
    js_node *n = js__node_here(p, JS_ARRAY_PATTERN);
    js__next(p);
    uint32_t mark = p->sp;
    while (!js__is(p, JS_T_RBRACKET)) {
      if (js__is(p, JS_T_COMMA)) {
        js__next(p);
        js__push(p, NULL);
        continue;
      }
      if (js__is(p, JS_T_ELLIPSIS)) {
        js_node *r = js__node_here(p, JS_REST);
        js__next(p);
        r->u.unary.arg = js__parse_binding_target(p);
        js__finish(p, r);
        js__push(p, r);
        if (!js__is(p, JS_T_RBRACKET))
          js__raise(p, js__tok(p)->start, js__is(p, JS_T_ASSIGN) ? "Rest element may not have a default initializer"
                                                                 : "Rest element must be last element");
        break;
      }
      js__push(p, js__parse_binding_element(p));
      if (!js__is(p, JS_T_RBRACKET)) js__expect(p, JS_T_COMMA);
    }
    js__next(p);
    n->u.list.items = js__pop_list(p, mark);
    js__finish(p, n);
    js__leave(p);
    return n;
  }
  if (t->type == JS_T_LBRACE) {
    js__enter(p);
    js_node *n = js__node_here(p, JS_OBJECT_PATTERN);
    js__next(p);
    uint32_t mark = p->sp;
    while (!js__is(p, JS_T_RBRACE)) {
      if (js__is(p, JS_T_ELLIPSIS)) {
        js_node *r = js__node_here(p, JS_REST);
        js__next(p);
        r->u.unary.arg = js__parse_binding_ident(p);
        js__finish(p, r);
        js__push(p, r);
        if (!js__is(p, JS_T_RBRACE)) js__raise(p, js__tok(p)->start, "Rest element must be last element");
        break;
      }
      js_node *prop = js__node_here(p, JS_PROPERTY);
      js_token kt = *js__tok(p);
      js_node *key = js__parse_property_key(p, false);
      if (p->key_computed) prop->flags |= JS_NF_COMPUTED;
      prop->u.prop.key = key;
      if (js__eat(p, JS_T_COLON)) {
        prop->u.prop.value = js__parse_binding_element(p);
      } else {
        if (kt.type != JS_T_NAME || (prop->flags & JS_NF_COMPUTED)) js__unexpected(p);
        js__check_identifier(p, kt.value, kt.kw, kt.flags, kt.start, true);
        js_node *id = js__node(p, JS_IDENT, key->loc);
        *id = *key;
        prop->flags |= JS_NF_SHORTHAND;
        if (js__is(p, JS_T_ASSIGN)) {
          js__next(p);
          js_node *ap = js__node(p, JS_ASSIGN_PATTERN, key->loc);
          ap->u.bin.left = id;
          bool no_in = p->no_in;
          p->no_in = false;
          ap->u.bin.right = js__parse_assign(p, NULL);
          p->no_in = no_in;
          js__finish(p, ap);
          prop->u.prop.value = ap;
        } else {
          prop->u.prop.value = id;
        }
      }
      js__finish(p, prop);
      js__push(p, prop);
      if (!js__is(p, JS_T_RBRACE)) js__expect(p, JS_T_COMMA);
    }
    js__next(p);
    n->u.list.items = js__pop_list(p, mark);
    js__finish(p, n);
    js__leave(p);
    return n;
  }
  return js__parse_binding_ident(p);
}

js_node *js__parse_binding_element(js_parser *p) {
  js_node *target = js__parse_binding_target(p);
  if (!js__is(p, JS_T_ASSIGN)) return target;
  js__next(p);
  js_node *ap = js__node(p, JS_ASSIGN_PATTERN, target->loc);
  ap->u.bin.left = target;
  bool no_in = p->no_in;
  p->no_in = false;
  ap->u.bin.right = js__parse_assign(p, NULL);
  p->no_in = no_in;
  js__finish(p, ap);
  return ap;
}

/* ---- operators --------------------------------------------------------------------------- */

/* Binary precedence of the current token (0 if not a binary operator). */
static int binary_prec(js_parser *p, js_op *op) {
  js_token *t = js__tok(p);
  switch (t->type) {
  case JS_T_NULLISH: *op = JS_OP_NULLISH; return 1;
  case JS_T_OR: *op = JS_OP_OR; return 2;
  case JS_T_AND: *op = JS_OP_AND; return 3;
  case JS_T_PIPE: *op = JS_OP_BITOR; return 4;
  case JS_T_CARET: *op = JS_OP_BITXOR; return 5;
  case JS_T_AMP: *op = JS_OP_BITAND; return 6;
  case JS_T_EQ: *op = JS_OP_EQ; return 7;
  case JS_T_NE: *op = JS_OP_NE; return 7;
  case JS_T_SEQ: *op = JS_OP_SEQ; return 7;
  case JS_T_SNE: *op = JS_OP_SNE; return 7;
  case JS_T_LT: *op = JS_OP_LT; return 8;
  case JS_T_GT: *op = JS_OP_GT; return 8;
  case JS_T_LE: *op = JS_OP_LE; return 8;
  case JS_T_GE: *op = JS_OP_GE; return 8;
  case JS_T_SHL: *op = JS_OP_SHL; return 9;
  case JS_T_SAR: *op = JS_OP_SAR; return 9;
  case JS_T_SHR: *op = JS_OP_SHR; return 9;
  case JS_T_PLUS: *op = JS_OP_ADD; return 10;
  case JS_T_MINUS: *op = JS_OP_SUB; return 10;
  case JS_T_STAR: *op = JS_OP_MUL; return 11;
  case JS_T_SLASH: *op = JS_OP_DIV; return 11;
  case JS_T_PERCENT: *op = JS_OP_MOD; return 11;
  case JS_T_STARSTAR: *op = JS_OP_EXP; return 12;
  case JS_T_NAME:
    if (t->flags & JS_TF_ESCAPED) return 0;
    if (t->kw == JS_KW_INSTANCEOF) {
      *op = JS_OP_INSTANCEOF;
      return 8;
    }
    if (t->kw == JS_KW_IN && !p->no_in) {
      *op = JS_OP_IN;
      return 8;
    }
    return 0;
  default:
    return 0;
  }
}

static bool is_unparenthesized(js_node *n, js_kind kind) { return n->kind == kind && !(n->flags & JS_NF_PARENS); }

static js_node *make_binary(js_parser *p, js_op op, js_node *l, js_node *r) {
  if (op == JS_OP_NULLISH) {
    if ((is_unparenthesized(l, JS_BINARY) && (l->op == JS_OP_AND || l->op == JS_OP_OR)) ||
        (is_unparenthesized(r, JS_BINARY) && (r->op == JS_OP_AND || r->op == JS_OP_OR)))
      js__raise(p, l->loc.offset, "Cannot mix ?? with || or && without parentheses");
  } else if (op == JS_OP_AND || op == JS_OP_OR) {
    if ((is_unparenthesized(l, JS_BINARY) && l->op == JS_OP_NULLISH) ||
        (is_unparenthesized(r, JS_BINARY) && r->op == JS_OP_NULLISH))
      js__raise(p, l->loc.offset, "Cannot mix ?? with || or && without parentheses");
  }
  if (r->kind == JS_PRIVATE_NAME) js__raise(p, r->loc.offset, "Unexpected private name");
  if (l->kind == JS_PRIVATE_NAME && op != JS_OP_IN) js__raise(p, l->loc.offset, "Unexpected private name");
  js_node *n = js__node(p, JS_BINARY, l->loc);
  n->op = (uint8_t)op;
  n->u.bin.left = l;
  n->u.bin.right = r;
  n->end = r->end;
  return n;
}

/* Operands are parsed with precedence climbing; left-associative chains build iteratively, so
 * `a + b + c + ...` costs no recursion (the printer walks them iteratively too). */
static js_node *parse_binary(js_parser *p, int min_prec, js_cover *cv) {
  js_node *left = parse_unary(p, cv);
  if (is_unparenthesized(left, JS_ARROW)) return left;
  for (;;) {
    js_op op;
    if (p->ts && min_prec <= 8 && !js__nl_before(p) && (js__ts_is_word(p, "as") || js__ts_is_word(p, "satisfies"))) {
      /* `x as T`, `x as const`, `x satisfies T` (relational precedence): the type is erased */
      js__check_cover(p, cv);
      bool as = js__ts_is_word(p, "as");
      js__next(p);
      if (as && js__is_kw(p, JS_KW_CONST)) js__next(p);
      else js__ts_type(p);
      continue;
    }
    int prec = binary_prec(p, &op);
    if (!prec || prec < min_prec) break;
    js__check_cover(p, cv);
    if (op == JS_OP_EXP) {
      if ((left->kind == JS_UNARY || left->kind == JS_AWAIT) && !(left->flags & JS_NF_PARENS))
        js__raise(p, left->loc.offset,
                  "Unary operator used immediately before exponentiation expression. Parenthesis must be "
                  "used to disambiguate operator precedence");
    }
    if (left->kind == JS_PRIVATE_NAME && (op != JS_OP_IN || prec < min_prec))
      js__raise(p, left->loc.offset, "Unexpected private name");
    js__next(p);
    js__enter(p);
    /* ** is right-associative: its right operand may hold another ** at the same level. */
    js_node *right = parse_binary(p, op == JS_OP_EXP ? prec : prec + 1, NULL);
    js__leave(p);
    if (is_unparenthesized(right, JS_ARROW)) js__raise(p, right->loc.offset, "Malformed arrow function parameter list");
    left = make_binary(p, op, left, right);
  }
  if (left->kind == JS_PRIVATE_NAME) js__raise(p, left->loc.offset, "Unexpected private name");
  return left;
}

static bool starts_expression(js_parser *p) {
  js_token *t = js__tok(p);
  switch (t->type) {
  case JS_T_NAME:
    return !(t->kw == JS_KW_IN || t->kw == JS_KW_INSTANCEOF) || (t->flags & JS_TF_ESCAPED);
  case JS_T_PRIVATE: case JS_T_NUMBER: case JS_T_BIGINT: case JS_T_STRING: case JS_T_TEMPLATE:
  case JS_T_TEMPLATE_HEAD: case JS_T_LPAREN: case JS_T_LBRACKET: case JS_T_LBRACE: case JS_T_PLUS:
  case JS_T_MINUS: case JS_T_BANG: case JS_T_TILDE: case JS_T_INC: case JS_T_DEC: case JS_T_SLASH:
  case JS_T_SLASH_ASSIGN: case JS_T_LT: case JS_T_ERROR: case JS_T_AT:
    return true;
  default:
    return false;
  }
}

static js_node *parse_yield(js_parser *p) {
  js_token *t = js__tok(p);
  if (t->flags & JS_TF_ESCAPED) js__raise(p, t->start, "Keyword must not contain escaped characters");
  if (p->fn->flags & JS_CTX_PARAMS) js__report(p, t->start, "Yield expression not allowed in formal parameter");
  if (!p->yield_pos) p->yield_pos = t->start + 1;
  js_node *n = js__node_here(p, JS_YIELD);
  js__next(p);
  if (!js__nl_before(p)) {
    if (js__is(p, JS_T_STAR)) {
      n->flags |= JS_NF_DELEGATE;
      js__next(p);
      n->u.unary.arg = js__parse_assign(p, NULL);
    } else if (starts_expression(p)) {
      n->u.unary.arg = js__parse_assign(p, NULL);
    }
  }
  js__finish(p, n);
  return n;
}

static bool is_assign_op(js_tok t, js_op *op) {
  switch (t) {
  case JS_T_ASSIGN: *op = JS_OP_ASSIGN; return true;
  case JS_T_PLUS_ASSIGN: *op = JS_OP_ADD_ASSIGN; return true;
  case JS_T_MINUS_ASSIGN: *op = JS_OP_SUB_ASSIGN; return true;
  case JS_T_STAR_ASSIGN: *op = JS_OP_MUL_ASSIGN; return true;
  case JS_T_SLASH_ASSIGN: *op = JS_OP_DIV_ASSIGN; return true;
  case JS_T_PERCENT_ASSIGN: *op = JS_OP_MOD_ASSIGN; return true;
  case JS_T_STARSTAR_ASSIGN: *op = JS_OP_EXP_ASSIGN; return true;
  case JS_T_SHL_ASSIGN: *op = JS_OP_SHL_ASSIGN; return true;
  case JS_T_SAR_ASSIGN: *op = JS_OP_SAR_ASSIGN; return true;
  case JS_T_SHR_ASSIGN: *op = JS_OP_SHR_ASSIGN; return true;
  case JS_T_PIPE_ASSIGN: *op = JS_OP_BITOR_ASSIGN; return true;
  case JS_T_CARET_ASSIGN: *op = JS_OP_BITXOR_ASSIGN; return true;
  case JS_T_AMP_ASSIGN: *op = JS_OP_BITAND_ASSIGN; return true;
  case JS_T_AND_ASSIGN: *op = JS_OP_AND_ASSIGN; return true;
  case JS_T_OR_ASSIGN: *op = JS_OP_OR_ASSIGN; return true;
  case JS_T_NULLISH_ASSIGN: *op = JS_OP_NULLISH_ASSIGN; return true;
  default: return false;
  }
}

js_node *js__parse_assign(js_parser *p, js_cover *outer) {
  if (js__tok(p)->type == JS_T_NAME && js__tok(p)->kw == JS_KW_YIELD && js__yield_is_expr(p))
    return parse_yield(p);
  js__enter(p);
  js_cover own = {0, 0};
  js_cover saved = {0, 0};
  js_cover *cv = &own;
  if (outer) {
    saved = *outer;
    outer->shorthand_init = outer->double_proto = 0;
    cv = outer;
  }
  js_node *left = parse_conditional(p, cv);
  js_op op;
  if (!is_unparenthesized(left, JS_ARROW) && is_assign_op(js__tok(p)->type, &op)) {
    if (op == JS_OP_ASSIGN && (is_unparenthesized(left, JS_OBJECT) || is_unparenthesized(left, JS_ARRAY))) {
      js__to_pattern(p, left, false);
      cv->shorthand_init = cv->double_proto = 0;
    } else {
      js__check_cover(p, cv);
      bool logical = op == JS_OP_AND_ASSIGN || op == JS_OP_OR_ASSIGN || op == JS_OP_NULLISH_ASSIGN;
      if (left->kind == JS_IDENT || left->kind == JS_MEMBER || (!logical && js__call_target_ok(p, left)))
        js__check_simple_target(p, left, "in assignment");
      else
        js__raise(p, left->loc.offset, "Invalid left-hand side in assignment");
    }
    js__next(p);
    js_node *right = js__parse_assign(p, NULL);
    js_node *n = js__node(p, JS_ASSIGN, left->loc);
    n->op = (uint8_t)op;
    n->u.bin.left = left;
    n->u.bin.right = right;
    n->end = right->end;
    left = n;
  } else if (!outer) {
    js__check_cover(p, cv);
  }
  if (outer) {
    if (saved.shorthand_init) outer->shorthand_init = saved.shorthand_init;
    if (saved.double_proto) outer->double_proto = saved.double_proto;
  }
  js__leave(p);
  return left;
}

static js_node *parse_conditional(js_parser *p, js_cover *cv) {
  js_node *test = parse_binary(p, 1, cv);
  if (!js__is(p, JS_T_QUESTION) || is_unparenthesized(test, JS_ARROW)) return test;
  js__check_cover(p, cv);
  js__next(p);
  js_node *n = js__node(p, JS_COND, test->loc);
  n->u.cond.test = test;
  bool no_in = p->no_in;
  p->no_in = false;
  uint32_t noret = p->ts_noret_at;
  if (p->ts) p->ts_noret_at = js__tok(p)->start + 1;
  n->u.cond.cons = js__parse_assign(p, NULL);
  p->ts_noret_at = noret;
  p->no_in = no_in;
  js__expect(p, JS_T_COLON);
  n->u.cond.alt = js__parse_assign(p, NULL);
  n->end = n->u.cond.alt->end;
  return n;
}

js_node *js__parse_expression(js_parser *p) {
  js_node *e = js__parse_assign(p, NULL);
  if (!js__is(p, JS_T_COMMA)) return e;
  js_node *seq = js__node(p, JS_SEQUENCE, e->loc);
  uint32_t mark = p->sp;
  js__push(p, e);
  while (js__eat(p, JS_T_COMMA)) js__push(p, js__parse_assign(p, NULL));
  seq->u.list.items = js__pop_list(p, mark);
  js__finish(p, seq);
  return seq;
}

/* ---- unary and update -------------------------------------------------------------------- */

static bool is_private_member(js_node *n) {
  while (n->kind == JS_CHAIN) n = n->u.unary.arg;
  return n->kind == JS_MEMBER && n->u.member.prop && n->u.member.prop->kind == JS_PRIVATE_NAME &&
         !(n->flags & JS_NF_COMPUTED);
}

static js_node *parse_unary(js_parser *p, js_cover *cv) {
  js_token *t = js__tok(p);
  js_op op = JS_OP_NONE;
  switch (t->type) {
  case JS_T_MINUS: op = JS_OP_NEG; break;
  case JS_T_PLUS: op = JS_OP_POS; break;
  case JS_T_BANG: op = JS_OP_NOT; break;
  case JS_T_TILDE: op = JS_OP_BITNOT; break;
  case JS_T_INC: op = JS_OP_INC; break;
  case JS_T_DEC: op = JS_OP_DEC; break;
  case JS_T_NAME:
    if (t->flags & JS_TF_ESCAPED) break;
    if (t->kw == JS_KW_TYPEOF) op = JS_OP_TYPEOF;
    else if (t->kw == JS_KW_VOID) op = JS_OP_VOID;
    else if (t->kw == JS_KW_DELETE) op = JS_OP_DELETE;
    else if (t->kw == JS_KW_AWAIT && js__await_allowed(p)) {
      js_node *n = js__node_here(p, JS_AWAIT);
      if (p->fn->flags & JS_CTX_PARAMS)
        js__report(p, t->start, "Illegal await-expression in formal parameters of async function");
      if (!p->await_pos) p->await_pos = t->start + 1;
      js__next(p);
      js__enter(p);
      n->u.unary.arg = parse_unary(p, NULL);
      js__leave(p);
      if (is_unparenthesized(n->u.unary.arg, JS_ARROW))
        js__raise(p, n->u.unary.arg->loc.offset, "Malformed arrow function parameter list");
      js__finish(p, n);
      return n;
    } else if (t->kw == JS_KW_AWAIT && (p->fn->flags & (JS_CTX_STATIC_BLOCK)) ) {
      js__raise(p, t->start, "Unexpected reserved word");
    }
    break;
  case JS_T_PRIVATE: {
    /* `#x in obj`: the only place a private name stands alone. */
    js_node *n = js__node_here(p, JS_PRIVATE_NAME);
    n->u.ident.name = t->value;
    js__private_use(p, t->value, t->start);
    js__next(p);
    js__finish(p, n);
    if (!js__is_kw(p, JS_KW_IN) || p->no_in) js__raise(p, n->loc.offset, "Unexpected private name");
    return n;
  }
  case JS_T_LT:
  case JS_T_SHL:
    if (p->ts) {
      /* TypeScript: a generic arrow `<T>(x: T) => x`, else (not in .tsx) an assertion `<T>x` */
      js_node *a = js__ts_arrow(p, js__tok_loc(p), false);
      if (a) return a;
      if (!p->jsx) {
        js__ts_type_assertion(p);
        js__enter(p);
        js_node *arg = parse_unary(p, NULL);
        js__leave(p);
        if (is_unparenthesized(arg, JS_ARROW)) js__raise(p, arg->loc.offset, "Malformed arrow function parameter list");
        return arg;
      }
    }
    break;
  default:
    break;
  }
  if (op != JS_OP_NONE) {
    js_node *n = js__node_here(p, (op == JS_OP_INC || op == JS_OP_DEC) ? JS_UPDATE : JS_UNARY);
    n->op = (uint8_t)op;
    js__next(p);
    js__enter(p);
    js_node *arg = parse_unary(p, NULL);
    js__leave(p);
    if (is_unparenthesized(arg, JS_ARROW)) js__raise(p, arg->loc.offset, "Malformed arrow function parameter list");
    n->u.unary.arg = arg;
    if (n->kind == JS_UPDATE) {
      n->flags |= JS_NF_PREFIX;
      if (arg->kind != JS_IDENT && arg->kind != JS_MEMBER && !js__call_target_ok(p, arg))
        js__raise(p, arg->loc.offset, "Invalid left-hand side expression in prefix operation");
      js__check_simple_target(p, arg, "expression in prefix operation");
    } else if (op == JS_OP_DELETE) {
      if (js__strict(p) && arg->kind == JS_IDENT)
        js__report(p, n->loc.offset, "Delete of an unqualified identifier in strict mode.");
      if (is_private_member(arg)) js__report(p, arg->loc.offset, "Private fields can not be deleted");
    }
    js__finish(p, n);
    return n;
  }
  js_node *e = parse_call_member(p, cv);
  if (is_unparenthesized(e, JS_ARROW)) return e;
  t = js__tok(p);
  if ((t->type == JS_T_INC || t->type == JS_T_DEC) && !(t->flags & JS_TF_NL_BEFORE)) {
    js__check_cover(p, cv);
    if (e->kind != JS_IDENT && e->kind != JS_MEMBER && !js__call_target_ok(p, e))
      js__raise(p, e->loc.offset, "Invalid left-hand side expression in postfix operation");
    js__check_simple_target(p, e, "expression in postfix operation");
    js_node *n = js__node(p, JS_UPDATE, e->loc);
    n->op = t->type == JS_T_INC ? JS_OP_INC : JS_OP_DEC;
    n->u.unary.arg = e;
    js__next(p);
    js__finish(p, n);
    return n;
  }
  return e;
}

/* ---- calls and members ------------------------------------------------------------------- */

/* Reads `( args )`. *spread_comma (if given) is set when a comma follows the last spread: valid
 * in a call, not in the async arrow parameters the call may turn out to be. */
static void parse_arguments(js_parser *p, js_list *out, js_cover *cv, bool *spread_comma) {
  js__expect(p, JS_T_LPAREN);
  bool no_in = p->no_in;
  p->no_in = false;
  uint32_t mark = p->sp;
  while (!js__is(p, JS_T_RPAREN)) {
    if (js__is(p, JS_T_ELLIPSIS)) {
      js_node *s = js__node_here(p, JS_SPREAD);
      js__next(p);
      s->u.unary.arg = js__parse_assign(p, cv);
      js__finish(p, s);
      js__push(p, s);
      if (spread_comma && js__is(p, JS_T_COMMA)) *spread_comma = true;
    } else {
      js__push(p, js__parse_assign(p, cv));
      if (spread_comma) *spread_comma = false;
    }
    if (!js__is(p, JS_T_RPAREN)) js__expect(p, JS_T_COMMA);
  }
  js__next(p);
  p->no_in = no_in;
  *out = js__pop_list(p, mark);
}

void js__parse_call_args(js_parser *p, js_list *out) { parse_arguments(p, out, NULL, NULL); }

static js_node *parse_super(js_parser *p) {
  js_node *n = js__node_here(p, JS_SUPER);
  js__next(p);
  js__finish(p, n);
  js_fnctx *f = js__fn_nonarrow(p);
  if (js__is(p, JS_T_LPAREN)) {
    if (!((f->flags & JS_CTX_CTOR) && (f->flags & JS_CTX_DERIVED)))
      js__report(p, n->loc.offset, "'super' keyword unexpected here");
  } else if (js__is(p, JS_T_DOT) || js__is(p, JS_T_LBRACKET)) {
    if (!(f->flags & (JS_CTX_METHOD | JS_CTX_FIELD | JS_CTX_STATIC_BLOCK)))
      js__report(p, n->loc.offset, "'super' keyword unexpected here");
  } else {
    js__raise(p, n->loc.offset, "'super' keyword unexpected here");
  }
  return n;
}

static js_node *parse_import_expr(js_parser *p) {
  js_loc start = js__tok_loc(p);
  js__next(p);
  if (js__is(p, JS_T_DOT)) {
    js__next(p);
    if (!js__is(p, JS_T_NAME) || js__tok(p)->kw != JS_KW_META) js__unexpected(p);
    if (js__tok(p)->flags & JS_TF_ESCAPED) js__raise(p, js__tok(p)->start, "'import.meta' must not contain escaped characters");
    if (!p->module) js__report(p, start.offset, "Cannot use 'import.meta' outside a module");
    js__next(p);
    js_node *n = js__node(p, JS_IMPORT_META, start);
    js__finish(p, n);
    return n;
  }
  if (!js__is(p, JS_T_LPAREN)) js__unexpected(p);
  js__next(p);
  js_node *n = js__node(p, JS_IMPORT_CALL, start);
  bool no_in = p->no_in;
  p->no_in = false;
  if (js__is(p, JS_T_ELLIPSIS)) js__unexpected(p);
  n->u.import_call.source = js__parse_assign(p, NULL);
  if (js__eat(p, JS_T_COMMA) && !js__is(p, JS_T_RPAREN)) {
    if (js__is(p, JS_T_ELLIPSIS)) js__unexpected(p);
    n->u.import_call.options = js__parse_assign(p, NULL);
    js__eat(p, JS_T_COMMA);
  }
  p->no_in = no_in;
  js__expect(p, JS_T_RPAREN);
  js__finish(p, n);
  return n;
}

static js_node *parse_new(js_parser *p) {
  js_loc start = js__tok_loc(p);
  js__next(p);
  if (js__is(p, JS_T_DOT)) {
    js__next(p);
    if (!js__is(p, JS_T_NAME) || js__tok(p)->kw != JS_KW_TARGET) js__unexpected(p);
    if (js__tok(p)->flags & JS_TF_ESCAPED) js__raise(p, js__tok(p)->start, "'new.target' must not contain escaped characters");
    js__next(p);
    js_node *n = js__node(p, JS_NEW_TARGET, start);
    js__finish(p, n);
    js_fnctx *f = js__fn_nonarrow(p);
    if (f->flags & JS_CTX_PROGRAM) js__report(p, start.offset, "new.target expression is not allowed here");
    return n;
  }
  js__enter(p);
  js_node *callee;
  js_token *t = js__tok(p);
  if (t->type == JS_T_NAME && t->kw == JS_KW_NEW && !(t->flags & JS_TF_ESCAPED)) {
    callee = parse_new(p);
  } else if (t->type == JS_T_NAME && t->kw == JS_KW_SUPER && !(t->flags & JS_TF_ESCAPED)) {
    callee = parse_super(p);
    if (js__is(p, JS_T_LPAREN)) js__raise(p, callee->loc.offset, "'super' keyword unexpected here");
  } else if (t->type == JS_T_NAME && t->kw == JS_KW_IMPORT && !(t->flags & JS_TF_ESCAPED)) {
    callee = parse_import_expr(p);
    if (callee->kind == JS_IMPORT_CALL) js__raise(p, callee->loc.offset, "Cannot use new with import");
  } else {
    callee = parse_primary(p, NULL, true);
    if (is_unparenthesized(callee, JS_ARROW)) js__unexpected(p);
  }
  /* MemberExpression: member accesses and tagged templates, no calls. */
  uint32_t links = 0;
  for (;;) {
    t = js__tok(p);
    if (t->type == JS_T_DOT) {
      js__next(p);
      js_node *m = js__node(p, JS_MEMBER, callee->loc);
      m->u.member.object = callee;
      if (js__is(p, JS_T_PRIVATE)) {
        m->u.member.prop = js__parse_property_key(p, true);
        js__private_use(p, m->u.member.prop->u.ident.name, m->u.member.prop->loc.offset);
      } else {
        m->u.member.prop = js__parse_ident_name(p);
      }
      js__finish(p, m);
      callee = m;
    } else if (t->type == JS_T_LBRACKET) {
      js__next(p);
      js_node *m = js__node(p, JS_MEMBER, callee->loc);
      m->flags |= JS_NF_COMPUTED;
      m->u.member.object = callee;
      bool no_in = p->no_in;
      p->no_in = false;
      m->u.member.prop = js__parse_expression(p);
      p->no_in = no_in;
      js__expect(p, JS_T_RBRACKET);
      js__finish(p, m);
      callee = m;
    } else if (t->type == JS_T_TEMPLATE || t->type == JS_T_TEMPLATE_HEAD) {
      js_node *m = js__node(p, JS_TAGGED_TEMPLATE, callee->loc);
      m->u.tagged.tag = callee;
      m->u.tagged.quasi = js__parse_template(p, true);
      js__finish(p, m);
      callee = m;
    } else if (t->type == JS_T_QUESTION_DOT) {
      js__raise(p, t->start, "Invalid optional chain from new expression");
    } else {
      break;
    }
    links++;
    js__enter(p);
  }
  if (p->ts && (js__is(p, JS_T_LT) || js__is(p, JS_T_SHL))) js__ts_expr_type_args(p); /* new C<T>() */
  js_node *n = js__node(p, JS_NEW, start);
  n->u.call.callee = callee;
  if (js__is(p, JS_T_LPAREN)) parse_arguments(p, &n->u.call.args, NULL, NULL);
  js__finish(p, n);
  p->depth -= links;
  js__leave(p);
  return n;
}

static js_node *parse_call_member(js_parser *p, js_cover *cv) {
  js_token *t = js__tok(p);
  js_node *e;
  bool is_super = false;
  if (t->type == JS_T_NAME && !(t->flags & JS_TF_ESCAPED) && t->kw == JS_KW_NEW) {
    e = parse_new(p);
  } else if (t->type == JS_T_NAME && !(t->flags & JS_TF_ESCAPED) && t->kw == JS_KW_SUPER) {
    e = parse_super(p);
    is_super = true;
  } else if (t->type == JS_T_NAME && !(t->flags & JS_TF_ESCAPED) && t->kw == JS_KW_IMPORT) {
    e = parse_import_expr(p);
  } else {
    e = parse_primary(p, cv, false);
    if (is_unparenthesized(e, JS_ARROW)) return e;
  }
  bool optional_chain = false;
  uint32_t links = 0;
  for (;;) {
    t = js__tok(p);
    js_node *m = NULL;
    bool optional = false;
    if (t->type == JS_T_QUESTION_DOT) {
      if (is_super) js__raise(p, t->start, "'super' keyword unexpected here");
      optional = optional_chain = true;
      js__check_cover(p, cv);
      js__next(p);
      if (p->ts && (js__is(p, JS_T_LT) || js__is(p, JS_T_SHL))) {
        /* f?.<T>() */
        js__ts_type_args(p);
        if (!js__is(p, JS_T_LPAREN)) js__unexpected(p);
      }
      t = js__tok(p);
      if (t->type == JS_T_LPAREN) {
        m = js__node(p, JS_CALL, e->loc);
        m->u.call.callee = e;
        parse_arguments(p, &m->u.call.args, NULL, NULL);
      } else if (t->type == JS_T_LBRACKET) {
        goto computed;
      } else if (t->type == JS_T_TEMPLATE || t->type == JS_T_TEMPLATE_HEAD) {
        js__raise(p, t->start, "Invalid tagged template on optional chain");
      } else {
        m = js__node(p, JS_MEMBER, e->loc);
        m->u.member.object = e;
        if (t->type == JS_T_PRIVATE) {
          m->u.member.prop = js__parse_property_key(p, true);
          js__private_use(p, m->u.member.prop->u.ident.name, m->u.member.prop->loc.offset);
        } else {
          m->u.member.prop = js__parse_ident_name(p);
        }
      }
    } else if (t->type == JS_T_DOT) {
      js__check_cover(p, cv);
      js__next(p);
      m = js__node(p, JS_MEMBER, e->loc);
      m->u.member.object = e;
      if (js__is(p, JS_T_PRIVATE)) {
        if (is_super) js__raise(p, js__tok(p)->start, "Unexpected private field");
        m->u.member.prop = js__parse_property_key(p, true);
        js__private_use(p, m->u.member.prop->u.ident.name, m->u.member.prop->loc.offset);
      } else {
        m->u.member.prop = js__parse_ident_name(p);
      }
    } else if (t->type == JS_T_LBRACKET) {
      js__check_cover(p, cv);
    computed:
      js__next(p);
      m = js__node(p, JS_MEMBER, e->loc);
      m->flags |= JS_NF_COMPUTED;
      m->u.member.object = e;
      bool no_in = p->no_in;
      p->no_in = false;
      m->u.member.prop = js__parse_expression(p);
      p->no_in = no_in;
      js__expect(p, JS_T_RBRACKET);
    } else if (t->type == JS_T_LPAREN) {
      js__check_cover(p, cv);
      m = js__node(p, JS_CALL, e->loc);
      m->u.call.callee = e;
      parse_arguments(p, &m->u.call.args, NULL, NULL);
    } else if (t->type == JS_T_TEMPLATE || t->type == JS_T_TEMPLATE_HEAD) {
      js__check_cover(p, cv);
      if (optional_chain) js__raise(p, t->start, "Invalid tagged template on optional chain");
      m = js__node(p, JS_TAGGED_TEMPLATE, e->loc);
      m->u.tagged.tag = e;
      m->u.tagged.quasi = js__parse_template(p, true);
    } else if (p->ts && t->type == JS_T_BANG && !(t->flags & JS_TF_NL_BEFORE)) {
      js__next(p); /* non-null assertion `x!`: erased */
      continue;
    } else if (p->ts && (t->type == JS_T_LT || t->type == JS_T_SHL) && js__ts_expr_type_args(p)) {
      /* `f<T>(x)`: the call is read next; `f<T>` alone is an instantiation expression (erased) */
      continue;
    } else {
      break;
    }
    if (optional) m->flags |= JS_NF_OPTIONAL;
    js__finish(p, m);
    e = m;
    is_super = false;
    links++;
    js__enter(p);
  }
  p->depth -= links;
  if (is_super) js__raise(p, e->loc.offset, "'super' keyword unexpected here");
  if (optional_chain) {
    js_node *c = js__node(p, JS_CHAIN, e->loc);
    c->u.unary.arg = e;
    c->end = e->end;
    e = c;
  }
  return e;
}

js_node *js__parse_lhs(js_parser *p) {
  js_node *e = parse_call_member(p, NULL);
  if (is_unparenthesized(e, JS_ARROW)) js__raise(p, e->loc.offset, "Malformed arrow function parameter list");
  return e;
}

/* ---- primary ----------------------------------------------------------------------------- */

/* `async` was read as an identifier; decides between async function, async arrow, call. */
static js_node *parse_async(js_parser *p, js_node *id, bool new_callee) {
  js_token *t = js__tok(p);
  if (t->flags & JS_TF_NL_BEFORE) return id;
  if (t->type == JS_T_NAME && t->kw == JS_KW_FUNCTION && !(t->flags & JS_TF_ESCAPED))
    return js__parse_function(p, id->loc, JS_FN_ASYNC, 0);
  /* `new async(x)` constructs `async`: its arguments belong to new, not to a call. */
  if (new_callee) return id;
  if (p->ts && (t->type == JS_T_LPAREN || t->type == JS_T_LT)) {
    /* `async (x: T): R => y`, `async <T>(x) => y` */
    js_node *a = js__ts_arrow(p, id->loc, true);
    if (a) return a;
    if (t->type == JS_T_LT) return id;
  }
  if (t->type == JS_T_NAME && !(t->kw == JS_KW_IN || t->kw == JS_KW_INSTANCEOF)) {
    /* async x => ... ; otherwise `async` is an identifier (`for await (async of xs)`). */
    js_token after;
    js__peek(p, &after);
    if (after.type != JS_T_ARROW) return id;
    uint32_t sy = p->yield_pos, sa = p->await_pos, si = p->await_ident_pos;
    p->yield_pos = p->await_pos = p->await_ident_pos = 0;
    /* A name `await` is noted here and reported by js__parse_arrow for the async arrow. */
    js__check_identifier(p, t->value, t->kw, t->flags, t->start, true);
    js_node *param = ident_from_token(p);
    if (js__nl_before(p)) js__unexpected(p);
    js_list l;
    l.len = 1;
    l.items = js__alloc(p, sizeof(js_node *));
    l.items[0] = param;
    return js__parse_arrow(p, id->loc, l, true, sy, sa, si);
  }
  if (t->type == JS_T_LPAREN) {
    uint32_t sy = p->yield_pos, sa = p->await_pos, si = p->await_ident_pos;
    p->yield_pos = p->await_pos = p->await_ident_pos = 0;
    js_cover cv = {0, 0};
    js_list args;
    bool spread_comma = false;
    parse_arguments(p, &args, &cv, &spread_comma);
    if (js__is(p, JS_T_ARROW) && !js__nl_before(p)) {
      if (spread_comma) js__raise(p, p->prev_end - 1, "A rest parameter may not have a trailing comma");
      return js__parse_arrow(p, id->loc, args, true, sy, sa, si);
    }
    js__check_cover(p, &cv);
    if (sy) p->yield_pos = sy;
    if (sa) p->await_pos = sa;
    if (si) p->await_ident_pos = si;
    js_node *c = js__node(p, JS_CALL, id->loc);
    c->u.call.callee = id;
    c->u.call.args = args;
    js__finish(p, c);
    return c;
  }
  return id;
}

/* new_callee: the primary is the callee of `new` (no async call or arrow head there). */
static js_node *parse_primary(js_parser *p, js_cover *cv, bool new_callee) {
  js_token *t = js__tok(p);
  js__enter(p);
  js_node *n = NULL;
  switch (t->type) {
  case JS_T_NAME: {
    bool esc = (t->flags & JS_TF_ESCAPED) != 0;
    switch (esc ? JS_KW_NONE : t->kw) {
    case JS_KW_THIS: n = js__node_here(p, JS_THIS); js__next(p); js__finish(p, n); goto out;
    case JS_KW_NULL: n = js__node_here(p, JS_NULL); js__next(p); js__finish(p, n); goto out;
    case JS_KW_TRUE: n = js__node_here(p, JS_TRUE); js__next(p); js__finish(p, n); goto out;
    case JS_KW_FALSE: n = js__node_here(p, JS_FALSE); js__next(p); js__finish(p, n); goto out;
    case JS_KW_FUNCTION: n = js__parse_function(p, js__tok_loc(p), 0, 0); goto out;
    case JS_KW_CLASS: n = js__parse_class(p, false, false); goto out;
    default: break;
    }
    js_token it = *t;
    js__check_identifier(p, it.value, it.kw, it.flags, it.start, false);
    n = ident_from_token(p);
    if (it.kw == JS_KW_ASYNC && !esc && !js__is(p, JS_T_ARROW)) {
      n = parse_async(p, n, new_callee);
      goto out;
    }
    if (js__is(p, JS_T_ARROW) && !js__nl_before(p)) {
      uint32_t sy = p->yield_pos, sa = p->await_pos, si = p->await_ident_pos;
      p->yield_pos = p->await_pos = 0;
      p->await_ident_pos = it.kw == JS_KW_AWAIT ? it.start + 1 : 0;
      js_list l;
      l.items = js__alloc(p, sizeof(js_node *));
      l.items[0] = n;
      l.len = 1;
      n = js__parse_arrow(p, n->loc, l, false, sy, sa, si);
    }
    goto out;
  }
  case JS_T_NUMBER:
  case JS_T_BIGINT:
    n = number_from_token(p);
    goto out;
  case JS_T_STRING:
    n = js__parse_string_literal(p);
    goto out;
  case JS_T_TEMPLATE:
  case JS_T_TEMPLATE_HEAD:
    n = js__parse_template(p, false);
    goto out;
  case JS_T_SLASH:
  case JS_T_SLASH_ASSIGN:
    n = parse_regexp(p);
    goto out;
  case JS_T_LPAREN:
    n = parse_paren(p);
    goto out;
  case JS_T_LBRACKET:
    n = parse_array(p, cv);
    goto out;
  case JS_T_LBRACE:
    n = parse_object(p, cv);
    goto out;
  case JS_T_AT:
    /* a decorated class expression */
    p->decorators = js__parse_decorators(p);
    if (!js__is_kw(p, JS_KW_CLASS)) js__raise(p, js__tok(p)->start, "Decorators are not valid here.");
    n = js__parse_class(p, false, false);
    goto out;
  case JS_T_LT:
    if (!p->jsx) js__unexpected(p);
    n = js__parse_jsx(p);
    goto out;
  default:
    js__unexpected(p);
  }
out:
  js__leave(p);
  return n;
}

static js_node *parse_paren(js_parser *p) {
  js_loc start = js__tok_loc(p);
  if (p->ts) {
    /* `(a: T, b?): R => ...`: TypeScript reads arrow parameters as parameters, not as a cover */
    js_node *a = js__ts_arrow(p, start, false);
    if (a) return a;
  }
  uint32_t sy = p->yield_pos, sa = p->await_pos, si = p->await_ident_pos;
  p->yield_pos = p->await_pos = p->await_ident_pos = 0;
  js__next(p);
  bool no_in = p->no_in;
  p->no_in = false;
  js_cover cv = {0, 0};
  uint32_t mark = p->sp;
  uint32_t rest_at = 0, trailing_at = 0;
  while (!js__is(p, JS_T_RPAREN)) {
    if (js__is(p, JS_T_ELLIPSIS)) {
      js_node *r = js__node_here(p, JS_REST);
      rest_at = r->loc.offset + 1;
      js__next(p);
      r->u.unary.arg = js__parse_binding_target(p);
      if (js__is(p, JS_T_ASSIGN)) js__raise(p, js__tok(p)->start, "Rest parameter may not have a default initializer");
      js__finish(p, r);
      js__push(p, r);
      if (js__is(p, JS_T_COMMA)) js__raise(p, js__tok(p)->start, "Rest parameter must be last formal parameter");
      break;
    }
    js__push(p, js__parse_assign(p, &cv));
    if (js__is(p, JS_T_COMMA)) {
      uint32_t comma = js__tok(p)->start;
      js__next(p);
      if (js__is(p, JS_T_RPAREN)) trailing_at = comma + 1;
      continue;
    }
    break;
  }
  uint32_t rparen = js__tok(p)->start;
  js__expect(p, JS_T_RPAREN);
  p->no_in = no_in;
  js_list items = js__pop_list(p, mark);
  if (js__is(p, JS_T_ARROW) && !js__nl_before(p)) return js__parse_arrow(p, start, items, false, sy, sa, si);
  if (items.len == 0) js__raise(p, rparen, "Unexpected token ')'");
  if (rest_at) js__raise(p, rest_at - 1, "Unexpected token '...'");
  if (trailing_at) js__raise(p, rparen, "Unexpected token ')'");
  js__check_cover(p, &cv);
  if (sy) p->yield_pos = sy;
  if (sa) p->await_pos = sa;
  if (si) p->await_ident_pos = si;
  js_node *e;
  if (items.len == 1) {
    e = items.items[0];
  } else {
    e = js__node(p, JS_SEQUENCE, items.items[0]->loc);
    e->u.list.items = items;
    e->end = items.items[items.len - 1]->end;
  }
  e->flags |= JS_NF_PARENS;
  return e;
}

static js_node *parse_array(js_parser *p, js_cover *cv) {
  js_node *n = js__node_here(p, JS_ARRAY);
  js__next(p);
  bool no_in = p->no_in;
  p->no_in = false;
  js_cover own = {0, 0};
  if (!cv) cv = &own;
  uint32_t mark = p->sp;
  while (!js__is(p, JS_T_RBRACKET)) {
    if (js__is(p, JS_T_COMMA)) {
      js__next(p);
      js__push(p, NULL);
      continue;
    }
    js_node *e;
    bool spread = false;
    if (js__is(p, JS_T_ELLIPSIS)) {
      e = js__node_here(p, JS_SPREAD);
      js__next(p);
      e->u.unary.arg = js__parse_assign(p, cv);
      js__finish(p, e);
      spread = true;
    } else {
      e = js__parse_assign(p, cv);
    }
    js__push(p, e);
    if (js__is(p, JS_T_RBRACKET)) break;
    js__expect(p, JS_T_COMMA);
    if (spread && js__is(p, JS_T_RBRACKET)) n->flags |= JS_NF_TRAILING_COMMA;
  }
  js__next(p);
  p->no_in = no_in;
  if (cv == &own) js__check_cover(p, cv);
  n->u.list.items = js__pop_list(p, mark);
  js__finish(p, n);
  return n;
}

static bool is_proto_key(js_node *key) {
  if (key->kind == JS_IDENT || key->kind == JS_STRING) {
    js_str s = key->kind == JS_IDENT ? key->u.ident.name : key->u.str.value;
    return js__str_eq(s, "__proto__");
  }
  return false;
}

static js_node *parse_object(js_parser *p, js_cover *cv) {
  js_node *n = js__node_here(p, JS_OBJECT);
  js__next(p);
  bool no_in = p->no_in;
  p->no_in = false;
  js_cover own = {0, 0};
  if (!cv) cv = &own;
  uint32_t mark = p->sp;
  bool seen_proto = false;
  while (!js__is(p, JS_T_RBRACE)) {
    if (js__is(p, JS_T_ELLIPSIS)) {
      js_node *s = js__node_here(p, JS_SPREAD);
      js__next(p);
      s->u.unary.arg = js__parse_assign(p, cv);
      js__finish(p, s);
      js__push(p, s);
      if (js__is(p, JS_T_RBRACE)) break;
      js__expect(p, JS_T_COMMA);
      if (js__is(p, JS_T_RBRACE)) n->flags |= JS_NF_TRAILING_COMMA;
      continue;
    }
    js_node *prop = js__node_here(p, JS_PROPERTY);
    uint32_t fn_flags = 0;
    int accessor = JS_PROP_INIT;
    js_token *t = js__tok(p);
    js_loc mstart = js__tok_loc(p);
    if (t->type == JS_T_NAME && !(t->flags & JS_TF_ESCAPED) &&
        (t->kw == JS_KW_ASYNC || t->kw == JS_KW_GET || t->kw == JS_KW_SET)) {
      js_token nt;
      js__peek(p, &nt);
      bool modifier = !(nt.type == JS_T_COMMA || nt.type == JS_T_RBRACE || nt.type == JS_T_COLON ||
                        nt.type == JS_T_LPAREN || nt.type == JS_T_ASSIGN || (p->ts && nt.type == JS_T_LT));
      if (modifier && t->kw == JS_KW_ASYNC && (nt.flags & JS_TF_NL_BEFORE)) modifier = false;
      if (modifier) {
        if (t->kw == JS_KW_ASYNC) fn_flags |= JS_FN_ASYNC;
        else accessor = t->kw == JS_KW_GET ? JS_PROP_GET : JS_PROP_SET;
        js__next(p);
      }
    }
    if (js__is(p, JS_T_STAR)) {
      if (accessor != JS_PROP_INIT) js__unexpected(p);
      fn_flags |= JS_FN_GENERATOR;
      js__next(p);
    }
    js_token kt = *js__tok(p);
    js_node *key = js__parse_property_key(p, false);
    if (p->key_computed) prop->flags |= JS_NF_COMPUTED;
    prop->u.prop.key = key;
    prop->op = (uint8_t)accessor;
    if (fn_flags || accessor != JS_PROP_INIT || js__is(p, JS_T_LPAREN) || (p->ts && js__is(p, JS_T_LT))) {
      if (!js__is(p, JS_T_LPAREN) && !(p->ts && js__is(p, JS_T_LT))) js__unexpected(p);
      if (accessor == JS_PROP_INIT) prop->flags |= JS_NF_METHOD;
      prop->u.prop.value = js__parse_method_function(p, mstart, fn_flags, JS_CTX_METHOD, accessor);
    } else if (js__is(p, JS_T_COLON)) {
      js__next(p);
      prop->u.prop.value = js__parse_assign(p, cv);
      if (!(prop->flags & JS_NF_COMPUTED) && is_proto_key(key)) {
        if (seen_proto && !cv->double_proto) cv->double_proto = key->loc.offset + 1;
        seen_proto = true;
      }
    } else {
      /* Shorthand: an IdentifierReference, possibly with a cover initializer. */
      if (kt.type != JS_T_NAME || (prop->flags & JS_NF_COMPUTED)) js__unexpected(p);
      if (kt.kw && kt.kw <= JS_KW_LAST_RESERVED) {
        if (kt.flags & JS_TF_ESCAPED) js__raise(p, kt.start, "Keyword must not contain escaped characters");
        js__raise(p, kt.start, "Unexpected token '%.*s'", (int)kt.value.len, kt.value.ptr);
      }
      if (kt.kw == JS_KW_YIELD && js__yield_is_expr(p)) js__raise(p, kt.start, "Unexpected identifier 'yield'");
      js__check_identifier(p, kt.value, kt.kw, kt.flags, kt.start, false);
      js_node *id = js__node(p, JS_IDENT, key->loc);
      *id = *key;
      prop->flags |= JS_NF_SHORTHAND;
      if (js__is(p, JS_T_ASSIGN)) {
        if (!cv->shorthand_init) cv->shorthand_init = js__tok(p)->start + 1;
        js__next(p);
        js_node *ap = js__node(p, JS_ASSIGN_PATTERN, key->loc);
        ap->u.bin.left = id;
        ap->u.bin.right = js__parse_assign(p, NULL);
        js__finish(p, ap);
        prop->u.prop.value = ap;
      } else {
        prop->u.prop.value = id;
      }
    }
    js__finish(p, prop);
    js__push(p, prop);
    if (js__is(p, JS_T_RBRACE)) break;
    js__expect(p, JS_T_COMMA);
  }
  js__next(p);
  p->no_in = no_in;
  if (cv == &own) js__check_cover(p, cv);
  n->u.list.items = js__pop_list(p, mark);
  js__finish(p, n);
  return n;
}
