/* The JavaScript AST: one tagged node type whose payload depends on its kind, every node and
 * string allocated in the arena of the parse that made it. A node records where it starts (byte
 * offset, 1-based line, 0-based column in UTF-16 units) and the byte offset where it ends.
 *
 * Strings (js_str) are byte ranges, not NUL-terminated. Identifier names and cooked string values
 * are decoded (escapes resolved) and encoded as WTF-8: UTF-8 that may also hold lone surrogates,
 * which JavaScript strings can contain. Raw texts point into the source or the arena.
 *
 * The tree is built to be transformed: later passes (TypeScript erasure, the module transform)
 * rewrite nodes in place or allocate new ones in the same arena. */
#ifndef JS_AST_H
#define JS_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct js_str {
  const char *ptr;
  uint32_t len;
} js_str;

typedef struct js_loc {
  uint32_t offset; /* byte offset in the source */
  uint32_t line;   /* 1-based */
  uint32_t col;    /* 0-based, in UTF-16 code units from the line start */
} js_loc;

typedef struct js_node js_node;

typedef struct js_list {
  js_node **items;
  uint32_t len;
} js_list;

typedef enum js_kind {
  JS_INVALID = 0,
  /* Program and statements */
  JS_PROGRAM,       /* program: body (directives first), hashbang */
  JS_DIRECTIVE,     /* str: value = cooked, raw = source text with quotes */
  JS_EXPR_STMT,     /* unary.arg */
  JS_BLOCK,         /* list */
  JS_EMPTY,
  JS_DEBUGGER,
  JS_WITH,          /* loop: test = object, body */
  JS_RETURN,        /* unary.arg, may be NULL */
  JS_LABELED,       /* label: label, body */
  JS_BREAK,         /* label: label (len 0 if none) */
  JS_CONTINUE,      /* label */
  JS_IF,            /* cond: test, cons, alt (NULL if no else) */
  JS_SWITCH,        /* sw: disc, cases (JS_CASE) */
  JS_CASE,          /* kase: test (NULL for default), body */
  JS_THROW,         /* unary.arg */
  JS_TRY,           /* try_: block, param (NULL if none), handler (NULL if no catch), finalizer */
  JS_WHILE,         /* loop: test, body */
  JS_DO_WHILE,      /* loop */
  JS_FOR,           /* for_: init (JS_VAR_DECL, expression or NULL), test, update, body */
  JS_FOR_IN,        /* for_in: left (JS_VAR_DECL with one declarator, or a target), right, body */
  JS_FOR_OF,        /* for_in; flag JS_NF_AWAIT for `for await` */
  JS_VAR_DECL,      /* var: decls (JS_DECLARATOR); op = js_var_kind */
  JS_DECLARATOR,    /* decl: id (binding pattern), init (may be NULL) */
  JS_FUNCTION_DECL, /* fn */
  JS_CLASS_DECL,    /* cls */
  JS_IMPORT_DECL,   /* mod: specifiers, source, attributes */
  JS_IMPORT_SPECIFIER, /* spec: a = imported name (JS_IDENT or JS_STRING), b = local JS_IDENT */
  JS_IMPORT_DEFAULT,   /* spec: b = local */
  JS_IMPORT_NAMESPACE, /* spec: b = local */
  JS_EXPORT_NAMED,  /* mod: decl (declaration) or specifiers [+ source, attributes] */
  JS_EXPORT_SPECIFIER, /* spec: a = local (JS_IDENT, or JS_STRING with a source), b = exported */
  JS_EXPORT_DEFAULT,   /* mod: decl = function/class declaration (id may be NULL) or expression */
  JS_EXPORT_ALL,    /* mod: decl = exported name (NULL for `export *`), source, attributes */
  JS_IMPORT_ATTRIBUTE, /* prop: key (JS_IDENT or JS_STRING), value (JS_STRING) */

  /* Expressions */
  JS_IDENT,         /* ident: name; flag JS_NF_ESCAPED when the source spelled it with \u */
  JS_PRIVATE_NAME,  /* ident: name without '#' */
  JS_THIS,
  JS_SUPER,
  JS_NULL,
  JS_TRUE,
  JS_FALSE,
  JS_NUMBER,        /* num: value, raw */
  JS_BIGINT,        /* str: value = decimal digits, raw = source text */
  JS_STRING,        /* str: value = cooked (WTF-8), raw = source text with quotes (len 0 if synthesised) */
  JS_REGEXP,        /* regexp: pattern, flags */
  JS_TEMPLATE,      /* tpl: quasis (JS_TEMPLATE_ELEMENT, one more than exprs), exprs */
  JS_TEMPLATE_ELEMENT, /* str: value = cooked (ptr NULL when invalid, tagged only), raw (LF line ends) */
  JS_TAGGED_TEMPLATE,  /* tagged: tag, quasi (JS_TEMPLATE) */
  JS_ARRAY,         /* list: elements, NULL for holes */
  JS_OBJECT,        /* list: JS_PROPERTY and JS_SPREAD */
  JS_PROPERTY,      /* prop: key, value; op = js_prop_kind; flags COMPUTED, SHORTHAND, METHOD */
  JS_SPREAD,        /* unary.arg */
  JS_FUNCTION,      /* fn (function expression) */
  JS_ARROW,         /* fn */
  JS_CLASS,         /* cls (class expression) */
  JS_UNARY,         /* unary: op, arg */
  JS_UPDATE,        /* unary: op, arg; flag JS_NF_PREFIX */
  JS_BINARY,        /* bin: op (arithmetic, comparison, `in`, logical && || ??), left, right */
  JS_ASSIGN,        /* bin: op, left = target or pattern, right */
  JS_COND,          /* cond: test, cons, alt */
  JS_CALL,          /* call: callee, args; flag JS_NF_OPTIONAL for `f?.()` */
  JS_NEW,           /* call */
  JS_MEMBER,        /* member: object, prop (JS_IDENT, JS_PRIVATE_NAME or expression if COMPUTED); OPTIONAL */
  JS_CHAIN,         /* unary.arg: an optional chain; its end is where short-circuiting stops */
  JS_SEQUENCE,      /* list */
  JS_YIELD,         /* unary.arg (may be NULL); flag JS_NF_DELEGATE */
  JS_AWAIT,         /* unary.arg */
  JS_NEW_TARGET,
  JS_IMPORT_META,
  JS_IMPORT_CALL,   /* import_call: source, options (may be NULL) */

  /* Patterns (made from the cover grammar or parsed as bindings) */
  JS_ARRAY_PATTERN, /* list: elements, NULL for holes, last may be JS_REST */
  JS_OBJECT_PATTERN,/* list: JS_PROPERTY (value is the pattern) and a last JS_REST */
  JS_ASSIGN_PATTERN,/* bin: left = target, right = default value */
  JS_REST,          /* unary.arg */

  /* Class members */
  JS_METHOD,        /* prop: key, value = JS_FUNCTION; op = js_method_kind; flags STATIC, COMPUTED */
  JS_FIELD,         /* prop: key, value (may be NULL); flags STATIC, COMPUTED */
  JS_STATIC_BLOCK,  /* list */
  JS_DECORATOR,     /* unary.arg: the decorator expression (`@a.b(c)` -> a.b(c)) */

  /* TypeScript runtime features: made by the TypeScript parser (parse_ts.c) and lowered to plain
   * JavaScript by transforms/ts.c before anything else sees the tree. Type syntax itself leaves
   * no nodes: it is erased while parsing. */
  JS_TS_ENUM,       /* ts_enum: id, members (JS_TS_ENUM_MEMBER); flag JS_NF_CONST for `const enum` */
  JS_TS_ENUM_MEMBER,/* prop: key (JS_IDENT or JS_STRING), value = initializer or NULL */
  JS_TS_NAMESPACE,  /* ts_ns: id (JS_IDENT), body (statements; `export` inside is JS_EXPORT_NAMED);
                       `namespace A.B {}` is parsed as A containing `export namespace B {}` */
  JS_TS_IMPORT_EQUALS, /* spec: a = local JS_IDENT, b = JS_STRING (`require('m')`) or an entity
                          name (JS_IDENT / JS_MEMBER chain); flag JS_NF_EXPORT for `export import` */
  JS_TS_EXPORT_ASSIGN, /* unary.arg: `export = expr` */

  /* JSX (parse_jsx.c), lowered to calls by transforms/jsx.c */
  JS_JSX_ELEMENT,   /* jsx: name (NULL for a fragment), attrs, children */
  JS_JSX_NAME,      /* ident: a tag or attribute name that is not a plain identifier reference:
                       `div`, `data-x`, `svg:rect` (a namespaced name keeps its colon) */
  JS_JSX_ATTR,      /* prop: key (JS_JSX_NAME), value (JS_STRING, JS_JSX_EXPR, JS_JSX_ELEMENT or NULL) */
  JS_JSX_SPREAD,    /* unary.arg: {...expr} as an attribute or child */
  JS_JSX_EXPR,      /* unary.arg: {expr}; arg NULL for an empty expression: {} or braces holding only a comment */
  JS_JSX_TEXT,      /* str: value = text with entities decoded, raw = source text */

  JS_KIND_COUNT
} js_kind;

/* Node flags; which apply depends on the kind. */
enum {
  JS_NF_PARENS = 1 << 0,     /* the expression was written in parentheses (parser bookkeeping) */
  JS_NF_COMPUTED = 1 << 1,   /* [key] or obj[expr] */
  JS_NF_SHORTHAND = 1 << 2,  /* {a} / {a = 1} */
  JS_NF_METHOD = 1 << 3,     /* {m() {}} */
  JS_NF_STATIC = 1 << 4,
  JS_NF_OPTIONAL = 1 << 5,   /* a?.b, a?.[b], a?.() */
  JS_NF_PREFIX = 1 << 6,     /* ++a */
  JS_NF_DELEGATE = 1 << 7,   /* yield* */
  JS_NF_AWAIT = 1 << 8,      /* for await */
  JS_NF_ESCAPED = 1 << 9,    /* identifier written with escapes */
  JS_NF_STRICT = 1 << 10,    /* JS_PROGRAM: strict code */
  JS_NF_MODULE = 1 << 11,    /* JS_PROGRAM: module goal */
  JS_NF_TRAILING_COMMA = 1 << 12, /* array/object literal: a comma follows a spread element */
  JS_NF_CONST = 1 << 13,     /* JS_TS_ENUM: const enum */
  JS_NF_EXPORT = 1 << 13,    /* JS_TS_IMPORT_EQUALS: export import x = ... */
  JS_NF_PARAM_PROP = 1 << 14,/* function parameter (JS_IDENT or JS_ASSIGN_PATTERN) that is a
                                TypeScript parameter property: `constructor(private x = 1)` */
  JS_NF_TYPESCRIPT = 1 << 14,/* JS_PROGRAM: parsed as TypeScript (import elision applies) */
  JS_NF_ACCESSOR = 1 << 15,  /* JS_FIELD: an auto-accessor, `accessor x = 1` (decorators proposal) */
  JS_NF_IMPORT_CLAUSE = 1 << 15, /* JS_IMPORT_DECL: written with an import clause (`import {} from 'm'`,
                                   `import type T from 'm'`), not as `import 'm'`: TypeScript removes such
                                   a declaration once elision leaves it no specifiers */
};

typedef enum js_op {
  JS_OP_NONE = 0,
  /* binary */
  JS_OP_EQ, JS_OP_NE, JS_OP_SEQ, JS_OP_SNE, JS_OP_LT, JS_OP_LE, JS_OP_GT, JS_OP_GE,
  JS_OP_SHL, JS_OP_SAR, JS_OP_SHR, JS_OP_ADD, JS_OP_SUB, JS_OP_MUL, JS_OP_DIV, JS_OP_MOD,
  JS_OP_EXP, JS_OP_BITOR, JS_OP_BITXOR, JS_OP_BITAND, JS_OP_IN, JS_OP_INSTANCEOF,
  JS_OP_AND, JS_OP_OR, JS_OP_NULLISH,
  /* assignment */
  JS_OP_ASSIGN, JS_OP_ADD_ASSIGN, JS_OP_SUB_ASSIGN, JS_OP_MUL_ASSIGN, JS_OP_DIV_ASSIGN,
  JS_OP_MOD_ASSIGN, JS_OP_EXP_ASSIGN, JS_OP_SHL_ASSIGN, JS_OP_SAR_ASSIGN, JS_OP_SHR_ASSIGN,
  JS_OP_BITOR_ASSIGN, JS_OP_BITXOR_ASSIGN, JS_OP_BITAND_ASSIGN, JS_OP_AND_ASSIGN,
  JS_OP_OR_ASSIGN, JS_OP_NULLISH_ASSIGN,
  /* unary */
  JS_OP_NEG, JS_OP_POS, JS_OP_NOT, JS_OP_BITNOT, JS_OP_TYPEOF, JS_OP_VOID, JS_OP_DELETE,
  /* update */
  JS_OP_INC, JS_OP_DEC,
  JS_OP_COUNT
} js_op;

typedef enum js_var_kind {
  JS_VAR_VAR, JS_VAR_LET, JS_VAR_CONST, JS_VAR_USING, JS_VAR_AWAIT_USING
} js_var_kind;

typedef enum js_prop_kind { JS_PROP_INIT, JS_PROP_GET, JS_PROP_SET } js_prop_kind;

typedef enum js_method_kind {
  JS_METHOD_METHOD, JS_METHOD_GET, JS_METHOD_SET, JS_METHOD_CONSTRUCTOR
} js_method_kind;

/* Function flags */
enum {
  JS_FN_ASYNC = 1 << 0,
  JS_FN_GENERATOR = 1 << 1,
  JS_FN_ARROW = 1 << 2,
  JS_FN_EXPR_BODY = 1 << 3,     /* arrow with a concise (expression) body */
  JS_FN_STRICT = 1 << 4,        /* the function's code is strict */
  JS_FN_SIMPLE_PARAMS = 1 << 5, /* parameters are plain identifiers */
  JS_FN_METHOD = 1 << 6,        /* object or class method, accessor or constructor */
  JS_FN_USE_STRICT = 1 << 7,    /* its body has a "use strict" directive */
};

typedef struct js_function {
  js_node *id;     /* JS_IDENT or NULL */
  js_list params;  /* binding patterns; a last JS_REST for rest parameters */
  js_node *body;   /* JS_BLOCK, or an expression when JS_FN_EXPR_BODY */
  uint32_t flags;
} js_function;

typedef struct js_class {
  js_node *id;     /* JS_IDENT or NULL */
  js_node *super;  /* heritage expression or NULL */
  js_list body;    /* JS_METHOD, JS_FIELD, JS_STATIC_BLOCK */
  js_list decorators; /* JS_DECORATOR, in source order */
} js_class;

struct js_node {
  uint8_t kind;    /* js_kind */
  uint8_t op;      /* js_op, js_var_kind, js_prop_kind or js_method_kind */
  uint16_t flags;  /* JS_NF_* */
  uint32_t end;    /* byte offset just past the node */
  js_loc loc;      /* where the node starts */
  union {
    struct { js_list body; js_str hashbang; } program;
    struct { js_str name; struct js_symbol *sym; } ident; /* sym: set by scope analysis (scope.h) */
    struct { js_str value, raw; } str;
    struct { double value; js_str raw; } num;
    struct { js_str pattern, flags; } regexp;
    struct { js_node *arg; } unary;
    struct { js_node *left, *right; } bin;
    struct { js_node *test, *cons, *alt; } cond;
    struct { js_node *callee; js_list args; } call;
    struct { js_node *object, *prop; } member;
    struct { js_list items; } list;
    struct { js_list quasis, exprs; } tpl;
    struct { js_node *tag, *quasi; } tagged;
    struct { js_node *key, *value; js_list decorators; } prop; /* decorators: class members only */
    struct { js_node *id; js_list members; } ts_enum;
    struct { js_node *id; js_list body; } ts_ns;
    struct { js_node *name; js_list attrs, children; } jsx;
    js_function *fn;
    js_class *cls;
    struct { js_node *init, *test, *update, *body; } for_;
    struct { js_node *left, *right, *body; } for_in;
    struct { js_node *test, *body; } loop;
    struct { js_node *disc; js_list cases; } sw;
    struct { js_node *test; js_list body; } kase;
    struct { js_node *block, *param, *handler, *finalizer; } try_;
    struct { js_str label; js_node *body; } label;
    struct { js_list decls; } var;
    struct { js_node *id, *init; } decl;
    struct { js_list specifiers; js_node *source; js_list attributes; js_node *decl; } mod;
    struct { js_node *a, *b; } spec;
    struct { js_node *source, *options; } import_call;
  } u;
};

/* The name of a kind ("Identifier"-style, for dumps and messages) and an operator's text. */
const char *js_kind_name(js_kind kind);
const char *js_op_text(js_op op);

/* True when the trees mean the same program: same kinds, operators, names and values, ignoring
 * locations, parentheses, raw spellings that do not change a value (number formats, string
 * quotes and escapes, identifier escapes), nested sequences ((a, b), c is a, b, c) and the
 * spelling of non-computed property keys and module export names ('1', 1 and 1.0 name the same
 * property). Directives compare by their text between the quotes, which decides strictness. */
bool js_ast_equal(const js_node *a, const js_node *b);

/* Appends to *out a one-line S-expression of the tree, for tests and debugging; returns 0 or -1
 * when out of memory. *out is malloc'd (caller frees), *len its length. */
int js_ast_dump(const js_node *n, char **out, size_t *len);

#endif
