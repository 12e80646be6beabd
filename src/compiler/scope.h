/* Scope analysis: which declaration every identifier of a tree refers to.
 *
 * js_scope_analyze walks a parsed tree (plain JavaScript, or TypeScript/JSX before or after their
 * transforms), builds the tree of scopes with their symbol tables, and points ident.sym of every
 * JS_IDENT that is a binding or a reference at its js_symbol (NULL: an unresolved name, that is a
 * global or a name a `with` object or direct eval may supply). Property keys, `.prop` names,
 * labels, import/export names that are not local bindings and JSX tag names like `div` are not
 * references and keep sym NULL. JS_PRIVATE_NAME nodes get the private-name symbol of their class.
 *
 * For modules it also lists the import bindings and export entries (the ES-module transform
 * rewrites references to imports through exactly these symbols).
 *
 * Everything lives in the tree's arena (ast->arena) and stays valid until js_ast_free. Running the
 * analysis again (after a transform changed the tree) makes a fresh result and overwrites every
 * ident.sym it reaches; the previous result stays allocated but is stale.
 *
 * Cost: one walk of the tree plus one lookup per identifier in the per-scope hash tables, so
 * linear in the size of the tree times the scope depth of lookups. Recursion follows the tree's
 * nesting, which the parser bounds (JS_DEFAULT_MAX_DEPTH), except left-nested binary operators
 * (unbounded in the parser), which are walked iteratively. */
#ifndef JS_SCOPE_H
#define JS_SCOPE_H

#include <stdbool.h>
#include <stdint.h>

#include "compiler/ast.h"
#include "compiler/compiler.h"

typedef enum js_symbol_kind {
  JS_SYM_VAR,          /* var, and the var binding Annex B gives a block function in sloppy code */
  JS_SYM_LET,
  JS_SYM_CONST,
  JS_SYM_USING,        /* using and await using */
  JS_SYM_CLASS,        /* a class declaration's binding in the enclosing scope */
  JS_SYM_CLASS_NAME,   /* a class's own immutable binding of its name, seen from inside the class */
  JS_SYM_FUNCTION,     /* a function declaration (var-scoped at a function's top, lexical in a block) */
  JS_SYM_FUNCTION_NAME,/* a named function expression's binding of its own name */
  JS_SYM_PARAM,
  JS_SYM_CATCH,        /* catch parameter (any name the catch pattern binds) */
  JS_SYM_IMPORT,       /* ES import binding (default, named or namespace) */
  JS_SYM_ARGUMENTS,    /* the implicit `arguments` of a non-arrow function, made on first use */
  JS_SYM_PRIVATE,      /* #name of a class (field, method or accessor) */
  JS_SYM_TS_ENUM,      /* TypeScript enum (declarations of one name merge into one symbol) */
  JS_SYM_TS_ENUM_MEMBER, /* a member of an enum, in scope inside the enum's initializers */
  JS_SYM_TS_NAMESPACE, /* TypeScript namespace; merges with classes, functions, enums, namespaces */
  JS_SYM_TS_IMPORT_EQUALS, /* import x = require('m') / import x = A.B */
} js_symbol_kind;

/* js_symbol.flags */
enum {
  JS_SYMF_ASSIGNED = 1 << 0,  /* written somewhere other than its declaration's initializer */
  JS_SYMF_CAPTURED = 1 << 1,  /* referenced from a function (or class field, static block,
                                 namespace body) nested inside the one that declares it */
  JS_SYMF_EXPORTED = 1 << 2,  /* exported by the module, or by its TypeScript namespace */
  JS_SYMF_EARLY_REF = 1 << 3, /* lexical binding read or written textually before its
                                 declaration by code of the same function: a TDZ candidate */
  JS_SYMF_DYNAMIC = 1 << 4,   /* referenced from inside `with`, or visible from a direct eval:
                                 a reference may not mean this symbol, or it may gain uses */
  JS_SYMF_BLOCK_FUNCTION = 1 << 5, /* a function declaration in a block (lexical there) */
  JS_SYMF_MERGED = 1 << 6,    /* declared more than once (var twice, TS declaration merging) */
};

typedef struct js_scope_info js_scope_info;

typedef struct js_symbol {
  js_str name;
  uint8_t kind;           /* js_symbol_kind */
  uint16_t flags;         /* JS_SYMF_* */
  uint32_t reads;         /* references that read the value (a compound assignment reads too) */
  uint32_t writes;        /* references that write it, not counting the declaration itself */
  js_node *decl;          /* the first declaring JS_IDENT (JS_PRIVATE_NAME, JS_STRING for a
                             quoted enum member); NULL for `arguments` */
  js_node *decl_node;     /* what declares it: JS_VAR_DECL, JS_FUNCTION_DECL, JS_FUNCTION (a
                             parameter or a function expression's name), JS_CLASS_DECL/JS_CLASS,
                             JS_TRY, JS_IMPORT_DECL, JS_TS_ENUM, JS_TS_NAMESPACE, ... */
  js_scope_info *scope;        /* the scope it belongs to */
  struct js_symbol *hoisted; /* Annex B: the var-scoped symbol a sloppy block function also sets */
  struct js_symbol *next; /* the next symbol of the same scope, in declaration order */
} js_symbol;

typedef enum js_scope_kind {
  JS_SK_GLOBAL,        /* a script's top level */
  JS_SK_MODULE,        /* a module's top level */
  JS_SK_FUNCTION,      /* function, arrow, method: the parameters, plus the body's declarations
                             when the parameters are simple */
  JS_SK_FUNCTION_BODY, /* the body of a function whose parameters are not simple (defaults,
                             patterns, rest): its declarations are invisible to parameter code */
  JS_SK_FUNCTION_NAME, /* holds a named function expression's own name */
  JS_SK_BLOCK,         /* block statement, or the implicit block of `if (a) function f(){}` */
  JS_SK_FOR,           /* lexical declarations of a for / for-in / for-of head */
  JS_SK_SWITCH,        /* the case block of a switch */
  JS_SK_CATCH,         /* catch parameter and the catch block's declarations */
  JS_SK_CLASS,         /* class name (inner binding), heritage, computed keys, private names */
  JS_SK_FIELD,         /* one class field initializer (this is the instance or the class) */
  JS_SK_STATIC_BLOCK,  /* class static block */
  JS_SK_WITH,          /* the body of a `with` statement */
  JS_SK_TS_NAMESPACE,  /* a TypeScript namespace body (a function once lowered) */
  JS_SK_TS_ENUM,       /* a TypeScript enum's member names, seen by its initializers */
} js_scope_kind;

/* js_scope_info.flags */
enum {
  JS_SCOPEF_STRICT = 1 << 0,
  JS_SCOPEF_DIRECT_EVAL = 1 << 1,   /* a direct eval(...) is called right in this scope */
  JS_SCOPEF_CONTAINS_EVAL = 1 << 2, /* ...here or in a nested scope */
  JS_SCOPEF_DYNAMIC = 1 << 3,       /* with body: names may come from an object at run time */
  JS_SCOPEF_ARROW = 1 << 4,         /* JS_SK_FUNCTION of an arrow: no own `arguments`/`this` */
  JS_SCOPEF_PER_ITERATION = 1 << 5, /* JS_SK_FOR of `for (let ...;;)`: a copy per iteration */
};

struct js_scope_info {
  js_scope_info *parent;
  js_node *node;          /* the node that opened it (JS_PROGRAM, function, JS_BLOCK, JS_FOR...) */
  uint8_t kind;           /* js_scope_kind */
  uint8_t flags;          /* JS_SCOPEF_* */
  js_scope_info *fn;           /* nearest enclosing function-like scope (itself if it is one):
                             GLOBAL, MODULE, FUNCTION, FIELD, STATIC_BLOCK, TS_NAMESPACE */
  js_symbol *first, *last;/* its symbols in declaration order */
  uint32_t nsymbols;
  js_scope_info *children, *next_sibling, *last_child; /* nested scopes in source order */
  /* Open-addressing tables (capacity a power of two, NULL slots free): bindings, and a class's
   * private names. */
  js_symbol **table, **private_table;
  uint32_t cap, private_cap, nprivate;
};

typedef enum js_import_kind { JS_IMPORT_NAMED, JS_IMPORT_KIND_DEFAULT, JS_IMPORT_KIND_NAMESPACE } js_import_kind;

typedef struct js_import_binding {
  js_symbol *local;       /* the module-scope symbol */
  js_str imported;        /* imported name ("default" for a default import, "*" for a namespace) */
  uint8_t kind;           /* js_import_kind */
  js_node *source;        /* the module specifier (JS_STRING) */
  js_node *decl;          /* the JS_IMPORT_DECL */
  js_node *specifier;     /* the JS_IMPORT_SPECIFIER / _DEFAULT / _NAMESPACE */
} js_import_binding;

typedef enum js_export_kind {
  JS_EXPORT_LOCAL,        /* exported = a local binding (local set), including `export {imported}` */
  JS_EXPORT_DEFAULT_EXPR, /* export default <expression or anonymous function/class>: expr set */
  JS_EXPORT_REEXPORT,     /* export {imported as exported} from 'source' / export * as ns */
  JS_EXPORT_STAR,         /* export * from 'source' (exported empty) */
} js_export_kind;

typedef struct js_export_entry {
  uint8_t kind;           /* js_export_kind */
  js_str exported;        /* the name other modules import */
  js_symbol *local;       /* JS_EXPORT_LOCAL: the binding (NULL if the name is undeclared) */
  js_str imported;        /* JS_EXPORT_REEXPORT: name in the source module, "*" for `* as ns` */
  js_node *expr;          /* JS_EXPORT_DEFAULT_EXPR: the expression or declaration */
  js_node *source;        /* JS_EXPORT_REEXPORT / STAR: the module specifier */
  js_node *decl;          /* the export statement */
} js_export_entry;

typedef struct js_scope_map_entry {
  const js_node *node;
  js_scope_info *scope;
} js_scope_map_entry;

typedef struct js_scopes {
  js_scope_info *root;         /* JS_SK_GLOBAL or JS_SK_MODULE */
  bool module;
  js_import_binding *imports;
  uint32_t nimports;
  js_export_entry *exports;
  uint32_t nexports;
  /* node -> scope it opened, for js_scope_of */
  struct js_scope_map_entry *node_map;
  uint32_t node_map_cap;
  uint32_t nscopes, nsymbols;
} js_scopes;

/* Analyzes ast->program (which must be a parsed, error-free tree, possibly changed by transforms
 * since). Returns the result (in ast->arena) or NULL when memory runs out. */
js_scopes *js_scope_analyze(js_ast *ast);

/* The scope a node opened (program, function, block, for, switch, a catch clause's block, class,
 * field, static block, with, namespace, enum), or NULL. A function whose parameters are not simple
 * opened two: this returns the parameter scope; its body's scope is js_scope_of(fn->body). */
js_scope_info *js_scope_of(const js_scopes *s, const js_node *node);

/* The symbol `name` means in scope s (searching outwards), or NULL. Does not create `arguments`. */
js_symbol *js_scope_lookup(const js_scope_info *s, js_str name);

/* The symbol declared in exactly scope s under name, or NULL. */
js_symbol *js_scope_find_own(const js_scope_info *s, js_str name);

const char *js_symbol_kind_name(js_symbol_kind kind);
const char *js_scope_kind_name(js_scope_kind kind);

#endif
