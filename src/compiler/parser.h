/* Internal interface shared by the parser's files (parse.c, parse_stmt.c, parse_expr.c,
 * parse_func.c, parse_class.c, parse_module.c). Not part of the library's API.
 *
 * Error handling: a syntax error is fatal and leaves the parse with longjmp to js_parse; every
 * allocation is in the arenas or in buffers the parser struct owns, so unwinding leaks nothing.
 * Early errors (duplicate declarations, strict-mode rules...) are recorded and the parse goes on,
 * so one run reports several. */
#ifndef JS_PARSER_H
#define JS_PARSER_H

#include <setjmp.h>
#include <stdarg.h>

#include "compiler/arena.h"
#include "compiler/compiler.h"
#include "compiler/lexer.h"

/* ---- function contexts ------------------------------------------------------------------- */

enum {
  JS_CTX_ASYNC = 1 << 0,
  JS_CTX_GENERATOR = 1 << 1,
  JS_CTX_ARROW = 1 << 2,
  JS_CTX_METHOD = 1 << 3,       /* super.x allowed (methods, accessors, constructors) */
  JS_CTX_CTOR = 1 << 4,         /* a class constructor */
  JS_CTX_DERIVED = 1 << 5,      /* ...of a class with `extends`: super() allowed */
  JS_CTX_FIELD = 1 << 6,        /* a class field initializer */
  JS_CTX_STATIC_BLOCK = 1 << 7, /* a class static block */
  JS_CTX_PROGRAM = 1 << 8,      /* the script or module top level */
  JS_CTX_PARAMS = 1 << 9,       /* parsing the formal parameters */
  JS_CTX_TS_SIGNATURE = 1 << 10, /* TypeScript class method: a missing body (overload, abstract) erases it */
};

typedef struct js_fnctx {
  struct js_fnctx *parent;
  uint32_t flags;
  bool strict;
  uint32_t label_floor; /* labels below this index belong to enclosing functions */
  uint32_t loops;       /* enclosing iteration statements in this function */
  uint32_t breakables;  /* enclosing iteration and switch statements */
} js_fnctx;

/* ---- scopes (for the declaration early errors) ------------------------------------------- */

enum {
  JS_SCOPE_FUNCTION, /* function, arrow or method: parameters and body share it */
  JS_SCOPE_PROGRAM,  /* script or module top level */
  JS_SCOPE_STATIC,   /* class static block */
  JS_SCOPE_BLOCK,    /* block, for head, switch */
  JS_SCOPE_CATCH,    /* catch parameter and the catch block's declarations */
  JS_SCOPE_SWITCH,   /* the case block of a switch */
};

enum {
  JS_NAME_LEX = 1 << 0,     /* let, const, class, using, import, block-level function */
  JS_NAME_VAR = 1 << 1,     /* var (or var-scoped function) here or hoisted through here */
  JS_NAME_FUNC = 1 << 2,    /* with LEX: a plain function declaration in a sloppy block */
  JS_NAME_PARAM = 1 << 3,
  JS_NAME_CATCH = 1 << 4,   /* simple catch parameter */
  JS_NAME_CATCH_PAT = 1 << 5, /* name bound by a catch parameter pattern */
};

typedef struct js_name {
  const char *ptr;
  uint32_t len;
  uint32_t hash;
  uint32_t flags;
} js_name;

typedef struct js_scope {
  struct js_scope *parent;
  int kind;
  js_name *names; /* open addressing, cap a power of two; ptr NULL marks a free slot */
  uint32_t cap, count;
} js_scope;

/* ---- classes (private names) ------------------------------------------------------------- */

enum { JS_PRIV_FIELD = 1, JS_PRIV_METHOD = 2, JS_PRIV_GET = 4, JS_PRIV_SET = 8, JS_PRIV_STATIC = 16 };

typedef struct js_private_ref {
  js_str name;
  uint32_t offset;
} js_private_ref;

typedef struct js_class_ctx {
  struct js_class_ctx *parent;
  js_name *declared; /* flags JS_PRIV_* */
  uint32_t ndeclared, cap_declared;
  js_private_ref *refs; /* uses not yet matched to a declaration */
  uint32_t nrefs, cap_refs;
} js_class_ctx;

/* ---- cover grammar ----------------------------------------------------------------------- */

/* Errors that depend on whether an expression becomes a pattern. Offsets are stored plus one so
 * zero means none. */
typedef struct js_cover {
  uint32_t shorthand_init; /* {a = 1}: only valid as a pattern */
  uint32_t double_proto;   /* a second __proto__: only valid as a pattern */
} js_cover;

typedef struct js_label {
  js_str name;
  bool loop;
} js_label;

typedef struct js_parser {
  js_lexer lx;
  js_arena *arena;   /* the AST's */
  js_arena scratch;  /* scope tables, class contexts: released when the parse ends */
  jmp_buf *jmp;
  const char *filename;
  bool module;
  bool cjs_body;     /* script goal inside Node's CommonJS wrapper: top-level return and using */
  bool jsx;          /* lang is JSX or TSX: `<` starts an element where an expression starts */
  bool ts;           /* lang is TS or TSX: type syntax is parsed and erased (parse_ts.c) */
  /* TypeScript state (parse_ts.c) */
  uint32_t ts_ambient;      /* inside `declare` or a .d.ts file: no bodies or initializers needed */
  js_scope *ts_ns_scope;    /* the scope of the innermost namespace body (export allowed there) */
  uint32_t ts_noret_at;     /* offset + 1 of an expression in the true branch of a conditional, where
                               `(x): T => y` is an arrow only if a `:` follows it (TypeScript's rule) */
  bool ts_no_cond;          /* in the `extends` clause of a conditional type: no nested conditional */
  uint32_t *ts_no_arrow;    /* hash set of offsets + 1 where an arrow function was tried and failed */
  uint32_t ts_no_arrow_cap, ts_no_arrow_len;
  js_list decorators;       /* decorators read before a class, taken by js__parse_class */
  uint32_t max_depth, depth;
  bool no_in;        /* parsing a for-statement head: `in` is not an operator */
  bool key_computed; /* the last js__parse_property_key read a computed key `[expr]` */
  bool too_large;    /* the input does not fit 32-bit offsets */
  uint32_t prev_end; /* end offset of the last consumed token */
  js_fnctx *fn;
  js_scope *scope;
  js_class_ctx *cls;
  /* first yield / await expression and `await` identifier since the last reset (offset + 1) */
  uint32_t yield_pos, await_pos, await_ident_pos;
  /* labels of the enclosing statements */
  js_label *labels;
  uint32_t nlabels, cap_labels;
  uint32_t label_chain; /* labels[label_chain..nlabels) label the statement being parsed */
  bool pending_chain;   /* the next statement is the body of those labels */
  /* scratch stack for building lists */
  js_node **stack;
  uint32_t sp, cap;
  /* exports of a module */
  js_name *exports; /* exported names (for duplicates) */
  uint32_t nexports, cap_exports;
  js_private_ref *export_locals; /* `export { x }` locals to resolve at the end */
  uint32_t nexport_locals, cap_export_locals;
  /* errors */
  js_error *errors;
  uint32_t nerrors, cap_errors;
} js_parser;

/* ---- parse.c: tokens, errors, nodes, lists, scopes --------------------------------------- */

#define JS_MAX_ERRORS 32

void js__raise(js_parser *p, uint32_t offset, const char *fmt, ...) __attribute__((noreturn, format(printf, 3, 4)));
void js__report(js_parser *p, uint32_t offset, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void js__unexpected(js_parser *p) __attribute__((noreturn));
void js__oom(js_parser *p) __attribute__((noreturn));

static inline js_token *js__tok(js_parser *p) { return &p->lx.tok; }
void js__next(js_parser *p);
bool js__eat(js_parser *p, js_tok t);
void js__expect(js_parser *p, js_tok t);
void js__semicolon(js_parser *p);
/* The type and keyword of the token after the current one (the lexer state is restored). */
void js__peek(js_parser *p, js_token *out);

static inline bool js__is(js_parser *p, js_tok t) { return p->lx.tok.type == t; }
/* Current token is the (unescaped) keyword or contextual word kw. */
static inline bool js__is_kw(js_parser *p, js_kw kw) {
  return p->lx.tok.type == JS_T_NAME && p->lx.tok.kw == kw && !(p->lx.tok.flags & JS_TF_ESCAPED);
}
static inline bool js__nl_before(js_parser *p) { return (p->lx.tok.flags & JS_TF_NL_BEFORE) != 0; }

static inline bool js__strict(js_parser *p) { return p->fn->strict; }

void js__enter(js_parser *p);
static inline void js__leave(js_parser *p) { p->depth--; }

js_node *js__node(js_parser *p, js_kind kind, js_loc loc);
js_node *js__node_here(js_parser *p, js_kind kind);
static inline void js__finish(js_parser *p, js_node *n) { n->end = p->prev_end; }
js_loc js__tok_loc(js_parser *p);
void *js__alloc(js_parser *p, size_t size);

void js__push(js_parser *p, js_node *n);
js_list js__pop_list(js_parser *p, uint32_t mark);

static inline bool js__str_eq(js_str s, const char *lit) {
  size_t n = 0;
  while (lit[n]) n++;
  if (s.len != n) return false;
  for (size_t i = 0; i < n; i++)
    if (s.ptr[i] != lit[i]) return false;
  return true;
}

/* Scopes */
void js__scope_push(js_parser *p, int kind);
void js__scope_pop(js_parser *p);
void js__declare_lexical(js_parser *p, js_str name, uint32_t offset, bool sloppy_block_function);
void js__declare_var(js_parser *p, js_str name, uint32_t offset);
void js__declare_catch_param(js_parser *p, js_str name, uint32_t offset, bool simple);
/* Returns false if the name is already a parameter. */
bool js__declare_param(js_parser *p, js_str name);
bool js__scope_has(js_scope *s, js_str name, uint32_t flags);

/* Function contexts */
void js__fn_push(js_parser *p, js_fnctx *ctx, uint32_t flags);
void js__fn_pop(js_parser *p);
js_fnctx *js__fn_nonarrow(js_parser *p);

/* Labels */
void js__label_push(js_parser *p, js_str name, uint32_t offset);

/* Identifier rules */
bool js__await_reserved(js_parser *p);   /* `await` cannot be an identifier here */
bool js__await_allowed(js_parser *p);    /* `await expr` parses here */
bool js__yield_is_expr(js_parser *p);    /* `yield` is a YieldExpression here */
/* Checks a name used as an identifier reference or binding; binding adds the eval/arguments rule
 * of strict code. */
void js__check_identifier(js_parser *p, js_str name, uint8_t kw, uint16_t tflags, uint32_t offset, bool binding);
/* Rechecks a binding name against strict-mode rules (for retroactive strictness). */
void js__check_strict_binding(js_parser *p, js_node *id);

/* Directive prologue: parses statements while they are directives; returns true if one is
 * "use strict". Pushes the directive nodes on the list stack. */
bool js__parse_directives(js_parser *p, bool *octal_before);

/* ---- parse_stmt.c ------------------------------------------------------------------------ */

js_node *js__parse_statement_list_item(js_parser *p);
/* Parses `{ ... }` as a block with its own scope. */
js_node *js__parse_block(js_parser *p);
/* Parses statement list items up to `}` (not consumed) or EOF, pushing them. */
void js__parse_statements(js_parser *p, js_tok end);
/* var/let/const/using declarations; kind js_var_kind. in_for: no initializer required here. */
js_node *js__parse_var_decl(js_parser *p, js_loc start, int kind, bool in_for);
/* Declares every name a binding pattern binds, by declaration kind (var, lexical, param). */
enum { JS_BIND_VAR, JS_BIND_LEXICAL, JS_BIND_CATCH, JS_BIND_CATCH_SIMPLE };
void js__declare_pattern(js_parser *p, js_node *pat, int how);
/* Calls cb for every JS_IDENT a binding pattern binds, in source order. */
void js__bound_names(js_parser *p, js_node *pat, void (*cb)(js_parser *, js_node *, void *), void *ud);

/* ---- parse_expr.c ------------------------------------------------------------------------ */

js_node *js__parse_expression(js_parser *p);
js_node *js__parse_assign(js_parser *p, js_cover *cover);
js_node *js__parse_lhs(js_parser *p); /* LeftHandSideExpression (for the for-in/of head) */
js_node *js__parse_binding_target(js_parser *p); /* BindingIdentifier or BindingPattern */
js_node *js__parse_binding_element(js_parser *p); /* with an optional default */
js_node *js__parse_binding_ident(js_parser *p);
js_node *js__parse_ident_name(js_parser *p); /* IdentifierName, any keyword allowed */
js_node *js__parse_property_key(js_parser *p, bool allow_private);
js_node *js__parse_string_literal(js_parser *p);
/* Turns an expression into an assignment target or pattern (destructuring assignment) or, with
 * binding, into a binding pattern (arrow parameters). Reports invalid targets. */
void js__to_pattern(js_parser *p, js_node *n, bool binding);
/* Checks an expression as the operand of ++/-- or a compound assignment. */
void js__check_simple_target(js_parser *p, js_node *n, const char *what);
bool js__call_target_ok(js_parser *p, js_node *n);
void js__check_cover(js_parser *p, const js_cover *c);
js_node *js__parse_template(js_parser *p, bool tagged);

/* ---- parse_func.c ------------------------------------------------------------------------ */

enum {
  JS_FUNC_DECL = 1 << 0,      /* a declaration (declares its name) */
  JS_FUNC_NAME_OPT = 1 << 1,  /* the name may be omitted (export default) */
  JS_FUNC_STATEMENT = 1 << 2, /* in a Statement position (if body, label): only sloppy plain */
};
/* After `function` (and `async`): parses the rest of a function. start is where it began. */
js_node *js__parse_function(js_parser *p, js_loc start, uint32_t fn_flags, int how);
/* Parses parameters and body of a method or accessor; ctx_flags JS_CTX_*; fn_flags JS_FN_*. */
js_node *js__parse_method_function(js_parser *p, js_loc start, uint32_t fn_flags, uint32_t ctx_flags, int accessor);
/* Builds an arrow function from already-parsed parameters (expressions to be converted). */
js_node *js__parse_arrow(js_parser *p, js_loc start, js_list params, bool async, uint32_t saved_yield,
                         uint32_t saved_await, uint32_t saved_await_ident);

/* ---- parse_class.c ----------------------------------------------------------------------- */

js_node *js__parse_class(js_parser *p, bool decl, bool name_opt);
void js__private_use(js_parser *p, js_str name, uint32_t offset);

/* ---- parse_module.c ---------------------------------------------------------------------- */

js_node *js__parse_import(js_parser *p);
js_node *js__parse_export(js_parser *p);
void js__check_exports(js_parser *p);

/* ---- parse_jsx.c ------------------------------------------------------------------------- */

/* At `<` where a primary expression starts (JSX on): parses one element or fragment. */
js_node *js__parse_jsx(js_parser *p);
/* JSX text or attribute string with its HTML entities decoded: s itself when it has none, else
 * a copy in arena (ptr NULL when out of memory). */
js_str js__jsx_decode_entities(js_arena *arena, js_str s);

/* Appends an error found by a pass after parsing (a transform) to ast->errors, located at loc;
 * returns -1 when out of memory. The tree stays as it is. */
int js__ast_add_error(js_ast *ast, const char *filename, js_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- parse_ts.c: TypeScript syntax (erased while parsing) and decorators -------------------- */

/* Runs fn as a guess: if it returns true without a syntax error its effects stay, otherwise the
 * parser (tokens, lists, errors, contexts) is put back as it was and false is returned. Out of
 * memory is not a failed guess: it still leaves the parse. */
bool js__ts_try(js_parser *p, bool (*fn)(js_parser *, void *), void *ud);
/* The current token is the unescaped name w. */
bool js__ts_is_word(js_parser *p, const char *w);
void js__ts_type(js_parser *p);
/* `: Type` when the current token is `:`; return types also take `x is T` and `asserts x`. */
void js__ts_annotation(js_parser *p);
void js__ts_return_annotation(js_parser *p);
/* `<T extends U = V, ...>` when the current token is `<`. */
void js__ts_type_params(js_parser *p);
/* `<A, B>` (the current token is `<` or `<<`). */
void js__ts_type_args(js_parser *p);
/* The same after a JSX element name (`<C<T> x={1} />`, TSX): the token after the closing `>` is
 * read in JSX tag mode. */
void js__ts_jsx_type_args(js_parser *p);
/* At `<` or `<<` after an expression: reads type arguments if TypeScript would (the tokens after
 * them decide), returning true; otherwise reads nothing. */
bool js__ts_expr_type_args(js_parser *p);
/* `A, B.C<D>` after `implements` or an interface's `extends`. */
void js__ts_heritage(js_parser *p);
/* One formal parameter with TypeScript's additions (decorators and modifiers, `this`, `?`, type,
 * default). where is JS_TS_PARAM_*. Returns NULL for a `this` parameter, which is erased. */
enum { JS_TS_PARAM_FN, JS_TS_PARAM_CTOR, JS_TS_PARAM_ARROW, JS_TS_PARAM_TYPE };
js_node *js__ts_param(js_parser *p, int where);
/* At `(` or `<` where an arrow function may start (after `async` when async): the arrow function,
 * or NULL with nothing read when TypeScript would not read one here. */
js_node *js__ts_arrow(js_parser *p, js_loc start, bool async);
/* At `<` where a unary expression starts: consumes a type assertion's `<T>`. */
void js__ts_type_assertion(js_parser *p);
/* TypeScript declarations at the start of a statement-list item (enum, namespace, interface, type,
 * declare, abstract class, import x = ..., export =, export import, export as namespace).
 * *handled says whether one was read; the result is NULL when the declaration is erased. */
js_node *js__ts_statement(js_parser *p, bool *handled);
/* Class members: an index signature starts at the current `[`; reads it (erased) if so. */
bool js__ts_index_signature(js_parser *p);
/* `type` before an import or export specifier is a modifier (consumed) rather than a name. */
bool js__ts_specifier_type(js_parser *p);
/* `import type ...` (the current token is `type`): the import is type-only. */
bool js__ts_import_type(js_parser *p);
/* `@a @b.c(d)`: decorators in source order (ES decorators; TypeScript also allows them on
 * parameters, where they are dropped). */
js_list js__parse_decorators(js_parser *p);
/* After decorators at a statement: the next tokens must start a class declaration
 * (`[export [default]] [abstract] class`). */
void js__check_decorated(js_parser *p);
/* parse_expr.c: `( arguments )` of a call. */
void js__parse_call_args(js_parser *p, js_list *out);

/* ---- regexp.c ---------------------------------------------------------------------------- */

/* Validates a regular expression pattern for its flags; returns NULL or an error message and
 * the offset of the problem within the pattern. */
const char *js__regexp_validate(const char *pattern, uint32_t len, const char *flags, uint32_t flen,
                                uint32_t *err_at);

/* lexer.c: number text conversions in the C locale whatever the process's LC_NUMERIC says.
 * js__parse_decimal reads decimal digits (correctly rounded); js__format_double is snprintf with
 * "%.*e" (e) or "%.*g" (g). */
double js__parse_decimal(const char *digits, size_t len);
int js__format_double(char *out, size_t size, char conv, int prec, double v);

/* ast.c: Number::toString of ECMA-262 (property keys compare by it) */
void js__number_to_string(double v, char *out, size_t size);

#endif
