/* Statements and declarations: blocks, variable declarations (var, let, const, using, await
 * using), control flow, labels, for/for-in/for-of/for-await heads, switch, try, and the
 * dispatch that tells declarations from expression statements. */
#include <string.h>

#include "compiler/parser.h"

enum {
  MODE_LIST,     /* StatementListItem: declarations allowed */
  MODE_PLAIN,    /* Statement (loop bodies, with): no declarations */
  MODE_IF,       /* if/else body: sloppy code may hold a plain function declaration */
  MODE_LABEL_FN, /* body of a label in a statement list: sloppy code may hold a plain function */
};

static js_node *parse_stmt(js_parser *p, int mode);

/* ---- binding names ----------------------------------------------------------------------- */

void js__bound_names(js_parser *p, js_node *pat, void (*cb)(js_parser *, js_node *, void *), void *ud) {
  if (!pat) return;
  switch (pat->kind) {
  case JS_IDENT:
    cb(p, pat, ud);
    break;
  case JS_ARRAY_PATTERN:
  case JS_OBJECT_PATTERN:
    for (uint32_t i = 0; i < pat->u.list.items.len; i++) {
      js_node *e = pat->u.list.items.items[i];
      if (!e) continue;
      js__bound_names(p, e->kind == JS_PROPERTY ? e->u.prop.value : e, cb, ud);
    }
    break;
  case JS_ASSIGN_PATTERN:
    js__bound_names(p, pat->u.bin.left, cb, ud);
    break;
  case JS_REST:
    js__bound_names(p, pat->u.unary.arg, cb, ud);
    break;
  default:
    break;
  }
}

static void declare_cb(js_parser *p, js_node *id, void *ud) {
  int how = *(int *)ud;
  js_str name = id->u.ident.name;
  switch (how) {
  case JS_BIND_VAR:
    js__declare_var(p, name, id->loc.offset);
    break;
  case JS_BIND_LEXICAL:
    if (js__str_eq(name, "let")) js__report(p, id->loc.offset, "let is disallowed as a lexically bound name");
    js__declare_lexical(p, name, id->loc.offset, false);
    break;
  case JS_BIND_CATCH:
  case JS_BIND_CATCH_SIMPLE:
    js__declare_catch_param(p, name, id->loc.offset, how == JS_BIND_CATCH_SIMPLE);
    break;
  default:
    break;
  }
}

void js__declare_pattern(js_parser *p, js_node *pat, int how) { js__bound_names(p, pat, declare_cb, &how); }

/* ---- lists and blocks -------------------------------------------------------------------- */

void js__parse_statements(js_parser *p, js_tok end) {
  while (!js__is(p, end) && !js__is(p, JS_T_EOF)) {
    js_node *n = parse_stmt(p, MODE_LIST);
    if (n) js__push(p, n); /* NULL: an erased TypeScript declaration */
  }
}

js_node *js__parse_statement_list_item(js_parser *p) { return parse_stmt(p, MODE_LIST); }

js_node *js__parse_block(js_parser *p) {
  js_node *b = js__node_here(p, JS_BLOCK);
  js__expect(p, JS_T_LBRACE);
  js__scope_push(p, JS_SCOPE_BLOCK);
  uint32_t mark = p->sp;
  js__parse_statements(p, JS_T_RBRACE);
  js__expect(p, JS_T_RBRACE);
  b->u.list.items = js__pop_list(p, mark);
  js__scope_pop(p);
  js__finish(p, b);
  return b;
}

/* ---- declarations ------------------------------------------------------------------------ */

js_node *js__parse_var_decl(js_parser *p, js_loc start, int kind, bool in_for) {
  js_node *n = js__node(p, JS_VAR_DECL, start);
  n->op = (uint8_t)kind;
  uint32_t mark = p->sp;
  bool using = kind == JS_VAR_USING || kind == JS_VAR_AWAIT_USING;
  for (;;) {
    js_node *d = js__node_here(p, JS_DECLARATOR);
    js_node *id = using ? js__parse_binding_ident(p) : js__parse_binding_target(p);
    d->u.decl.id = id;
    if (p->ts) {
      if (js__is(p, JS_T_BANG) && !js__nl_before(p)) js__next(p); /* definite assignment `x!: T` */
      js__ts_annotation(p);
    }
    if (js__eat(p, JS_T_ASSIGN)) {
      d->u.decl.init = js__parse_assign(p, NULL);
    } else if (!in_for && !p->ts_ambient) {
      if (kind == JS_VAR_CONST)
        js__report(p, js__tok(p)->start, "Missing initializer in const declaration");
      else if (using)
        js__report(p, js__tok(p)->start, "Missing initializer in using declaration");
      else if (id->kind != JS_IDENT)
        js__report(p, js__tok(p)->start, "Missing initializer in destructuring declaration");
    }
    if (!in_for) js__declare_pattern(p, id, kind == JS_VAR_VAR ? JS_BIND_VAR : JS_BIND_LEXICAL);
    js__finish(p, d);
    js__push(p, d);
    if (!js__eat(p, JS_T_COMMA)) break;
  }
  n->u.var.decls = js__pop_list(p, mark);
  js__finish(p, n);
  return n;
}

/* Looks two tokens ahead. */
static void peek2(js_parser *p, js_token *a, js_token *b) {
  js_lexer_state s;
  js_lexer_save(&p->lx, &s);
  js_lexer_next(&p->lx);
  *a = p->lx.tok;
  js_lexer_next(&p->lx);
  *b = p->lx.tok;
  js_lexer_restore(&p->lx, &s);
  if (p->lx.oom) js__oom(p);
}

static bool name_can_bind(const js_token *t) {
  return t->type == JS_T_NAME && !(t->kw && t->kw <= JS_KW_LAST_RESERVED && !(t->flags & JS_TF_ESCAPED));
}

/* `let` starts a LexicalDeclaration (statement list or for head). */
static bool let_starts_decl(js_parser *p, bool *same_line) {
  if (!js__is_kw(p, JS_KW_LET)) return false;
  js_token nt;
  js__peek(p, &nt);
  *same_line = !(nt.flags & JS_TF_NL_BEFORE);
  if (nt.type == JS_T_LBRACKET || nt.type == JS_T_LBRACE) return true;
  if (nt.type == JS_T_NAME) {
    if (nt.kw && nt.kw <= JS_KW_LAST_RESERVED && !(nt.flags & JS_TF_ESCAPED)) return false;
    return true;
  }
  return false;
}

/* `using x` (statement list or for head): using, no line break, a binding identifier. */
static bool using_starts_decl(js_parser *p, bool for_head) {
  if (!js__is_kw(p, JS_KW_USING)) return false;
  js_token a, b;
  peek2(p, &a, &b);
  if ((a.flags & JS_TF_NL_BEFORE) || !name_can_bind(&a)) return false;
  if (for_head && a.type == JS_T_NAME && a.kw == JS_KW_OF && !(a.flags & JS_TF_ESCAPED)) {
    /* `for (using of x)` iterates with the identifier `using`; `for (using of of x)` and
     * `for (using of = ...;` declare `of`. */
    return b.type == JS_T_ASSIGN || b.type == JS_T_SEMI || (b.type == JS_T_NAME && b.kw == JS_KW_OF);
  }
  return true;
}

/* `await using x`: only where await expressions are allowed. */
static bool await_using_starts_decl(js_parser *p) {
  if (!js__is_kw(p, JS_KW_AWAIT) || !js__await_allowed(p)) return false;
  js_lexer_state s;
  js_lexer_save(&p->lx, &s);
  js_lexer_next(&p->lx);
  js_token a = p->lx.tok;
  js_lexer_next(&p->lx);
  js_token b = p->lx.tok;
  js_lexer_restore(&p->lx, &s);
  if (p->lx.oom) js__oom(p);
  return a.type == JS_T_NAME && a.kw == JS_KW_USING && !(a.flags & (JS_TF_ESCAPED | JS_TF_NL_BEFORE)) &&
         !(b.flags & JS_TF_NL_BEFORE) && name_can_bind(&b);
}

static void check_using_place(js_parser *p, uint32_t at) {
  if (p->scope->kind == JS_SCOPE_PROGRAM && !p->module && !p->cjs_body)
    js__report(p, at, "'using' declarations are not allowed at the top level of a script");
  else if (p->scope->kind == JS_SCOPE_SWITCH)
    js__report(p, at, "'using' declarations are not allowed directly in a switch case");
}

/* ---- control flow ------------------------------------------------------------------------ */

static void mark_loop_labels(js_parser *p, bool labelled) {
  if (!labelled) return;
  for (uint32_t i = p->label_chain; i < p->nlabels; i++) p->labels[i].loop = true;
}

static js_node *parse_loop_body(js_parser *p) {
  p->fn->loops++;
  p->fn->breakables++;
  js_node *b = parse_stmt(p, MODE_PLAIN);
  p->fn->loops--;
  p->fn->breakables--;
  return b;
}

static js_node *parse_paren_expr(js_parser *p) {
  js__expect(p, JS_T_LPAREN);
  bool no_in = p->no_in;
  p->no_in = false;
  js_node *e = js__parse_expression(p);
  p->no_in = no_in;
  js__expect(p, JS_T_RPAREN);
  return e;
}

static js_node *parse_if(js_parser *p) {
  js_node *n = js__node_here(p, JS_IF);
  js__next(p);
  n->u.cond.test = parse_paren_expr(p);
  n->u.cond.cons = parse_stmt(p, MODE_IF);
  if (js__is_kw(p, JS_KW_ELSE)) {
    js__next(p);
    n->u.cond.alt = parse_stmt(p, MODE_IF);
  }
  js__finish(p, n);
  return n;
}

static bool is_simple_target(js_parser *p, js_node *e) {
  return e->kind == JS_IDENT || e->kind == JS_MEMBER || js__call_target_ok(p, e);
}

static js_node *parse_for(js_parser *p, bool labelled) {
  js_loc start = js__tok_loc(p);
  js__next(p);
  bool is_await = false;
  if (js__is_kw(p, JS_KW_AWAIT)) {
    if (!js__await_allowed(p))
      js__raise(p, js__tok(p)->start, "for await is only valid in async functions and the top level bodies of modules");
    if (!p->await_pos) p->await_pos = js__tok(p)->start + 1;
    is_await = true;
    js__next(p);
  }
  js__expect(p, JS_T_LPAREN);
  js__scope_push(p, JS_SCOPE_BLOCK);
  js_node *init = NULL;
  int decl_kind = -1;
  js_token first = *js__tok(p);
  js_cover cv = {0, 0};
  bool same_line;
  bool no_in = p->no_in;
  p->no_in = true;
  if (js__is(p, JS_T_SEMI)) {
    /* empty */
  } else if (js__is_kw(p, JS_KW_VAR)) {
    js_loc l = js__tok_loc(p);
    js__next(p);
    decl_kind = JS_VAR_VAR;
    init = js__parse_var_decl(p, l, JS_VAR_VAR, true);
  } else if (js__is_kw(p, JS_KW_CONST) || let_starts_decl(p, &same_line)) {
    js_loc l = js__tok_loc(p);
    decl_kind = js__is_kw(p, JS_KW_CONST) ? JS_VAR_CONST : JS_VAR_LET;
    js__next(p);
    init = js__parse_var_decl(p, l, decl_kind, true);
  } else if (using_starts_decl(p, true)) {
    js_loc l = js__tok_loc(p);
    js__next(p);
    decl_kind = JS_VAR_USING;
    init = js__parse_var_decl(p, l, JS_VAR_USING, true);
  } else if (await_using_starts_decl(p)) {
    js_loc l = js__tok_loc(p);
    js__next(p);
    js__next(p);
    decl_kind = JS_VAR_AWAIT_USING;
    init = js__parse_var_decl(p, l, JS_VAR_AWAIT_USING, true);
  } else {
    init = js__parse_assign(p, &cv);
  }
  p->no_in = no_in;

  bool is_of = js__is_kw(p, JS_KW_OF);
  bool is_in = js__is_kw(p, JS_KW_IN);
  if (init && (is_of || is_in) && !(decl_kind < 0 && js__is(p, JS_T_COMMA))) {
    if (is_await && !is_of) js__unexpected(p);
    js_node *left = init;
    if (decl_kind >= 0) {
      if (init->u.var.decls.len != 1)
        js__raise(p, init->loc.offset, "Invalid left-hand side in %s loop: Must have a single binding.", is_of ? "for-of" : "for-in");
      js_node *d = init->u.var.decls.items[0];
      if (d->u.decl.init) {
        bool annex_b = !is_of && decl_kind == JS_VAR_VAR && !js__strict(p) && d->u.decl.id->kind == JS_IDENT;
        if (!annex_b)
          js__report(p, init->loc.offset, "%s loop variable declaration may not have an initializer.", is_of ? "for-of" : "for-in");
      }
      if (is_in && (decl_kind == JS_VAR_USING || decl_kind == JS_VAR_AWAIT_USING))
        js__report(p, init->loc.offset, "'using' declarations are not allowed in for-in loops");
      if (decl_kind == JS_VAR_VAR)
        js__declare_pattern(p, d->u.decl.id, JS_BIND_VAR);
      else
        js__declare_pattern(p, d->u.decl.id, JS_BIND_LEXICAL);
    } else {
      if (is_of && first.type == JS_T_NAME && first.kw == JS_KW_LET && !(first.flags & JS_TF_ESCAPED))
        js__raise(p, first.start, "The left-hand side of a for-of loop may not be 'let'.");
      if (is_of && !is_await && first.type == JS_T_NAME && first.kw == JS_KW_ASYNC &&
          !(first.flags & JS_TF_ESCAPED) && init->kind == JS_IDENT && !(init->flags & JS_NF_PARENS))
        js__raise(p, first.start, "The left-hand side of a for-of loop may not be 'async'.");
      if (!(init->flags & JS_NF_PARENS) && (init->kind == JS_OBJECT || init->kind == JS_ARRAY)) {
        js__to_pattern(p, init, false);
      } else {
        js__check_cover(p, &cv);
        if (!is_simple_target(p, init))
          js__raise(p, init->loc.offset, "Invalid left-hand side in %s loop", is_of ? "for-of" : "for-in");
        js__check_simple_target(p, init, "in for loop");
      }
    }
    js__next(p);
    js_node *n = js__node(p, is_of ? JS_FOR_OF : JS_FOR_IN, start);
    if (is_await) n->flags |= JS_NF_AWAIT;
    n->u.for_in.left = left;
    n->u.for_in.right = is_of ? js__parse_assign(p, NULL) : js__parse_expression(p);
    js__expect(p, JS_T_RPAREN);
    mark_loop_labels(p, labelled);
    n->u.for_in.body = parse_loop_body(p);
    js__finish(p, n);
    js__scope_pop(p);
    return n;
  }
  if (is_await) js__unexpected(p);
  if (decl_kind >= 0) {
    for (uint32_t i = 0; i < init->u.var.decls.len; i++) {
      js_node *d = init->u.var.decls.items[i];
      if (!d->u.decl.init) {
        if (decl_kind == JS_VAR_CONST)
          js__report(p, d->loc.offset, "Missing initializer in const declaration");
        else if (decl_kind == JS_VAR_USING || decl_kind == JS_VAR_AWAIT_USING)
          js__report(p, d->loc.offset, "Missing initializer in using declaration");
        else if (d->u.decl.id->kind != JS_IDENT)
          js__report(p, d->loc.offset, "Missing initializer in destructuring declaration");
      }
      js__declare_pattern(p, d->u.decl.id, decl_kind == JS_VAR_VAR ? JS_BIND_VAR : JS_BIND_LEXICAL);
    }
  } else if (init) {
    js__check_cover(p, &cv);
    if (js__is(p, JS_T_COMMA)) {
      js_node *seq = js__node(p, JS_SEQUENCE, init->loc);
      uint32_t mark = p->sp;
      js__push(p, init);
      p->no_in = true;
      while (js__eat(p, JS_T_COMMA)) js__push(p, js__parse_assign(p, NULL));
      p->no_in = no_in;
      seq->u.list.items = js__pop_list(p, mark);
      js__finish(p, seq);
      init = seq;
    }
  }
  js_node *n = js__node(p, JS_FOR, start);
  n->u.for_.init = init;
  js__expect(p, JS_T_SEMI);
  if (!js__is(p, JS_T_SEMI)) n->u.for_.test = js__parse_expression(p);
  js__expect(p, JS_T_SEMI);
  if (!js__is(p, JS_T_RPAREN)) n->u.for_.update = js__parse_expression(p);
  js__expect(p, JS_T_RPAREN);
  mark_loop_labels(p, labelled);
  n->u.for_.body = parse_loop_body(p);
  js__finish(p, n);
  js__scope_pop(p);
  return n;
}

static js_node *parse_switch(js_parser *p) {
  js_node *n = js__node_here(p, JS_SWITCH);
  js__next(p);
  n->u.sw.disc = parse_paren_expr(p);
  js__expect(p, JS_T_LBRACE);
  js__scope_push(p, JS_SCOPE_SWITCH);
  p->fn->breakables++;
  uint32_t mark = p->sp;
  bool seen_default = false;
  while (!js__is(p, JS_T_RBRACE)) {
    js_node *c = js__node_here(p, JS_CASE);
    if (js__is_kw(p, JS_KW_CASE)) {
      js__next(p);
      c->u.kase.test = js__parse_expression(p);
    } else if (js__is_kw(p, JS_KW_DEFAULT)) {
      if (seen_default) js__report(p, c->loc.offset, "More than one default clause in switch statement");
      seen_default = true;
      js__next(p);
    } else {
      js__unexpected(p);
    }
    js__expect(p, JS_T_COLON);
    uint32_t bmark = p->sp;
    while (!js__is(p, JS_T_RBRACE) && !js__is(p, JS_T_EOF) && !js__is_kw(p, JS_KW_CASE) && !js__is_kw(p, JS_KW_DEFAULT)) {
      js_node *s = parse_stmt(p, MODE_LIST);
      if (s) js__push(p, s);
    }
    c->u.kase.body = js__pop_list(p, bmark);
    js__finish(p, c);
    js__push(p, c);
  }
  js__next(p);
  p->fn->breakables--;
  js__scope_pop(p);
  n->u.sw.cases = js__pop_list(p, mark);
  js__finish(p, n);
  return n;
}

static js_node *parse_try(js_parser *p) {
  js_node *n = js__node_here(p, JS_TRY);
  js__next(p);
  n->u.try_.block = js__parse_block(p);
  if (js__is_kw(p, JS_KW_CATCH)) {
    js__next(p);
    js__scope_push(p, JS_SCOPE_CATCH);
    if (js__eat(p, JS_T_LPAREN)) {
      js_node *param = js__parse_binding_target(p);
      if (p->ts) js__ts_annotation(p);
      n->u.try_.param = param;
      js__declare_pattern(p, param, param->kind == JS_IDENT ? JS_BIND_CATCH_SIMPLE : JS_BIND_CATCH);
      js__expect(p, JS_T_RPAREN);
    }
    js_node *b = js__node_here(p, JS_BLOCK);
    js__expect(p, JS_T_LBRACE);
    uint32_t mark = p->sp;
    js__parse_statements(p, JS_T_RBRACE);
    js__expect(p, JS_T_RBRACE);
    b->u.list.items = js__pop_list(p, mark);
    js__finish(p, b);
    n->u.try_.handler = b;
    js__scope_pop(p);
  }
  if (js__is_kw(p, JS_KW_FINALLY)) {
    js__next(p);
    n->u.try_.finalizer = js__parse_block(p);
  }
  if (!n->u.try_.handler && !n->u.try_.finalizer) {
    if (js__is(p, JS_T_ERROR)) js__unexpected(p);
    js__raise(p, js__tok(p)->start, "Missing catch or finally after try");
  }
  js__finish(p, n);
  return n;
}

static js_node *parse_jump(js_parser *p, bool is_break) {
  js_node *n = js__node_here(p, is_break ? JS_BREAK : JS_CONTINUE);
  js__next(p);
  js_token *t = js__tok(p);
  if (t->type == JS_T_NAME && !(t->flags & JS_TF_NL_BEFORE) &&
      !(t->kw && t->kw <= JS_KW_LAST_RESERVED && !(t->flags & JS_TF_ESCAPED))) {
    js__check_identifier(p, t->value, t->kw, t->flags, t->start, false);
    js_str name = t->value;
    uint32_t at = t->start;
    n->u.label.label = name;
    js__next(p);
    js_label *found = NULL;
    for (uint32_t i = p->nlabels; i > p->fn->label_floor; i--) {
      js_label *l = &p->labels[i - 1];
      if (l->name.len == name.len && memcmp(l->name.ptr, name.ptr, name.len) == 0) {
        found = l;
        break;
      }
    }
    if (!found)
      js__report(p, at, "Undefined label '%.*s'", (int)(name.len > 64 ? 64 : name.len), name.ptr);
    else if (!is_break && !found->loop)
      js__report(p, at, "Illegal continue statement: '%.*s' does not denote an iteration statement",
                 (int)(name.len > 64 ? 64 : name.len), name.ptr);
  } else if (is_break ? !p->fn->breakables : !p->fn->loops) {
    js__report(p, n->loc.offset, is_break ? "Illegal break statement"
                                          : "Illegal continue statement: no surrounding iteration statement");
  }
  js__semicolon(p);
  js__finish(p, n);
  return n;
}

/* ---- statement dispatch ------------------------------------------------------------------ */

static void single_statement_context(js_parser *p, uint32_t at) {
  js__raise(p, at, "Lexical declaration cannot appear in a single-statement context");
}

static js_node *parse_function_statement(js_parser *p, int mode) {
  js_token *t = js__tok(p);
  js_loc start = js__tok_loc(p);
  if (mode == MODE_LIST) return js__parse_function(p, start, 0, JS_FUNC_DECL);
  if ((mode == MODE_IF || mode == MODE_LABEL_FN) && !js__strict(p)) {
    js_token nt;
    js__peek(p, &nt);
    if (nt.type == JS_T_STAR) js__raise(p, nt.start, "Generators can only be declared at the top level or inside a block.");
    if (mode == MODE_IF) {
      /* Annex B: as if the declaration were the only statement of a block. */
      js__scope_push(p, JS_SCOPE_BLOCK);
      js_node *f = js__parse_function(p, start, 0, JS_FUNC_DECL);
      js__scope_pop(p);
      return f;
    }
    return js__parse_function(p, start, 0, JS_FUNC_DECL);
  }
  js__raise(p, t->start, js__strict(p) ? "In strict mode code, functions can only be declared at top level or inside a block."
                                       : "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.");
}

static js_node *parse_expression_statement(js_parser *p, int mode, bool labelled) {
  js_node *e = js__parse_expression(p);
  if (e->kind == JS_IDENT && !(e->flags & JS_NF_PARENS) && js__is(p, JS_T_COLON)) {
    /* LabelledStatement */
    js__next(p);
    uint32_t chain = labelled ? p->label_chain : p->nlabels;
    js__label_push(p, e->u.ident.name, e->loc.offset);
    p->label_chain = chain;
    p->pending_chain = true;
    js_node *n = js__node(p, JS_LABELED, e->loc);
    n->u.label.label = e->u.ident.name;
    n->u.label.body = parse_stmt(p, (mode == MODE_LIST || mode == MODE_LABEL_FN) ? MODE_LABEL_FN : MODE_PLAIN);
    p->pending_chain = false;
    p->nlabels--;
    js__finish(p, n);
    return n;
  }
  js_node *n = js__node(p, JS_EXPR_STMT, e->loc);
  n->u.unary.arg = e;
  js__semicolon(p);
  js__finish(p, n);
  return n;
}

static js_node *parse_stmt(js_parser *p, int mode) {
  js__enter(p);
  bool labelled = p->pending_chain;
  p->pending_chain = false;
  js_token *t = js__tok(p);
  js_node *n = NULL;
  js_loc start = js__tok_loc(p);
  switch (t->type) {
  case JS_T_LBRACE:
    n = js__parse_block(p);
    goto out;
  case JS_T_SEMI:
    n = js__node_here(p, JS_EMPTY);
    js__next(p);
    js__finish(p, n);
    goto out;
  case JS_T_NAME:
    break;
  case JS_T_AT:
    /* Decorators: a class declaration follows, possibly exported; js__parse_class takes them. */
    if (mode != MODE_LIST) js__unexpected(p);
    p->decorators = js__parse_decorators(p);
    js__check_decorated(p);
    start = js__tok_loc(p);
    break;
  default:
    n = parse_expression_statement(p, mode, labelled);
    goto out;
  }
  if (t->flags & JS_TF_ESCAPED) {
    n = parse_expression_statement(p, mode, labelled);
    goto out;
  }
  if (p->ts && mode == MODE_LIST) {
    bool handled;
    n = js__ts_statement(p, &handled);
    if (handled) goto out;
  }
  switch (t->kw) {
  case JS_KW_VAR:
    js__next(p);
    n = js__parse_var_decl(p, start, JS_VAR_VAR, false);
    js__semicolon(p);
    js__finish(p, n);
    goto out;
  case JS_KW_CONST:
    if (mode != MODE_LIST) single_statement_context(p, t->start);
    js__next(p);
    n = js__parse_var_decl(p, start, JS_VAR_CONST, false);
    js__semicolon(p);
    js__finish(p, n);
    goto out;
  case JS_KW_LET: {
    bool same_line = true;
    if (let_starts_decl(p, &same_line)) {
      if (mode != MODE_LIST) {
        js_token nt;
        js__peek(p, &nt);
        if (nt.type == JS_T_LBRACKET || same_line) single_statement_context(p, t->start);
        break; /* `let` newline name: the identifier `let`, then ASI */
      }
      js__next(p);
      n = js__parse_var_decl(p, start, JS_VAR_LET, false);
      js__semicolon(p);
      js__finish(p, n);
      goto out;
    }
    break;
  }
  case JS_KW_USING:
    if (using_starts_decl(p, false)) {
      if (mode != MODE_LIST) single_statement_context(p, t->start);
      check_using_place(p, t->start);
      js__next(p);
      n = js__parse_var_decl(p, start, JS_VAR_USING, false);
      js__semicolon(p);
      js__finish(p, n);
      goto out;
    }
    break;
  case JS_KW_AWAIT:
    if (await_using_starts_decl(p)) {
      if (mode != MODE_LIST) single_statement_context(p, t->start);
      check_using_place(p, t->start);
      if (!p->await_pos) p->await_pos = t->start + 1;
      js__next(p);
      js__next(p);
      n = js__parse_var_decl(p, start, JS_VAR_AWAIT_USING, false);
      js__semicolon(p);
      js__finish(p, n);
      goto out;
    }
    break;
  case JS_KW_FUNCTION:
    n = parse_function_statement(p, mode);
    goto out;
  case JS_KW_ASYNC: {
    js_token nt;
    js__peek(p, &nt);
    if (nt.type == JS_T_NAME && nt.kw == JS_KW_FUNCTION && !(nt.flags & (JS_TF_ESCAPED | JS_TF_NL_BEFORE))) {
      if (mode != MODE_LIST) js__raise(p, t->start, "Async functions can only be declared at the top level or inside a block.");
      js__next(p);
      n = js__parse_function(p, start, JS_FN_ASYNC, JS_FUNC_DECL);
      goto out;
    }
    break;
  }
  case JS_KW_CLASS:
    if (mode != MODE_LIST) js__unexpected(p);
    n = js__parse_class(p, true, false);
    goto out;
  case JS_KW_IF:
    n = parse_if(p);
    goto out;
  case JS_KW_FOR:
    n = parse_for(p, labelled);
    goto out;
  case JS_KW_WHILE:
    n = js__node_here(p, JS_WHILE);
    js__next(p);
    n->u.loop.test = parse_paren_expr(p);
    mark_loop_labels(p, labelled);
    n->u.loop.body = parse_loop_body(p);
    js__finish(p, n);
    goto out;
  case JS_KW_DO:
    n = js__node_here(p, JS_DO_WHILE);
    js__next(p);
    mark_loop_labels(p, labelled);
    n->u.loop.body = parse_loop_body(p);
    if (!js__is_kw(p, JS_KW_WHILE)) js__unexpected(p);
    js__next(p);
    n->u.loop.test = parse_paren_expr(p);
    /* A semicolon is inserted after do-while even on the same line. */
    js__eat(p, JS_T_SEMI);
    js__finish(p, n);
    goto out;
  case JS_KW_CONTINUE:
    n = parse_jump(p, false);
    goto out;
  case JS_KW_BREAK:
    n = parse_jump(p, true);
    goto out;
  case JS_KW_RETURN: {
    js_fnctx *f = p->fn;
    if ((f->flags & (JS_CTX_STATIC_BLOCK | JS_CTX_FIELD)) || ((f->flags & JS_CTX_PROGRAM) && !p->cjs_body))
      js__report(p, t->start, "Illegal return statement");
    n = js__node_here(p, JS_RETURN);
    js__next(p);
    t = js__tok(p);
    if (t->type != JS_T_SEMI && t->type != JS_T_RBRACE && t->type != JS_T_EOF && !(t->flags & JS_TF_NL_BEFORE))
      n->u.unary.arg = js__parse_expression(p);
    js__semicolon(p);
    js__finish(p, n);
    goto out;
  }
  case JS_KW_WITH:
    if (js__strict(p)) js__report(p, t->start, "Strict mode code may not include a with statement");
    n = js__node_here(p, JS_WITH);
    js__next(p);
    n->u.loop.test = parse_paren_expr(p);
    n->u.loop.body = parse_stmt(p, MODE_PLAIN);
    js__finish(p, n);
    goto out;
  case JS_KW_SWITCH:
    n = parse_switch(p);
    goto out;
  case JS_KW_THROW:
    n = js__node_here(p, JS_THROW);
    js__next(p);
    if (js__nl_before(p)) js__raise(p, js__tok(p)->start, "Illegal newline after throw");
    n->u.unary.arg = js__parse_expression(p);
    js__semicolon(p);
    js__finish(p, n);
    goto out;
  case JS_KW_TRY:
    n = parse_try(p);
    goto out;
  case JS_KW_DEBUGGER:
    n = js__node_here(p, JS_DEBUGGER);
    js__next(p);
    js__semicolon(p);
    js__finish(p, n);
    goto out;
  case JS_KW_IMPORT: {
    js_token nt;
    js__peek(p, &nt);
    if (nt.type == JS_T_LPAREN || nt.type == JS_T_DOT) break;
    /* TypeScript's ambient modules (`declare module 'm' { import ... }`) hold imports too. */
    bool ambient_module = p->ts_ambient && p->ts_ns_scope && p->scope == p->ts_ns_scope;
    if (!p->module && !ambient_module) js__raise(p, t->start, "Cannot use import statement outside a module");
    if (mode != MODE_LIST || (p->scope->kind != JS_SCOPE_PROGRAM && !ambient_module))
      js__raise(p, t->start, "An import declaration can only be used at the top level of a module");
    n = js__parse_import(p);
    goto out;
  }
  case JS_KW_EXPORT: {
    /* A TypeScript namespace exports its members, in a script too. */
    bool in_namespace = p->ts_ns_scope && p->scope == p->ts_ns_scope;
    if (!p->module && !in_namespace) js__raise(p, t->start, "Unexpected token 'export'");
    if (mode != MODE_LIST || (p->scope->kind != JS_SCOPE_PROGRAM && !in_namespace))
      js__raise(p, t->start, "An export declaration can only be used at the top level of a module");
    n = js__parse_export(p);
    goto out;
  }
  default:
    break;
  }
  n = parse_expression_statement(p, mode, labelled);
out:
  /* A declaration file (.d.ts) describes types only: all of it is erased. */
  if (p->ts_ambient && mode == MODE_LIST) n = NULL;
  /* Erased TypeScript declarations leave nothing; where a statement is required, an empty one. */
  if (!n && mode != MODE_LIST) {
    n = js__node(p, JS_EMPTY, start);
    js__finish(p, n);
  }
  js__leave(p);
  return n;
}
