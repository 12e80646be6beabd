/* The transforms that lower the parser's tree to plain JavaScript, in pipeline order (see
 * transpile.c): TypeScript runtime features, then JSX. Each rewrites ast->program in place,
 * allocating new nodes in ast->arena, and returns 0, or -1 with errors appended to the ast. */
#ifndef JS_TRANSFORMS_H
#define JS_TRANSFORMS_H

#include <stdbool.h>

#include "compiler/ast.h"
#include "compiler/compiler.h"

/* ---- TypeScript (transforms/ts.c) -------------------------------------------------------- */

typedef struct js_ts_options {
  const char *filename;        /* for messages; NULL reads as "<input>" */
  bool verbatim_module_syntax; /* keep every import and export as written (no import elision) */
  const char *jsx_factory_root;/* classic JSX runtime: the identifier the factory starts with
                                  ("React" for React.createElement); an import of it is kept when
                                  the file holds JSX, which refers to it once lowered */
} js_ts_options;

/* Lowers enums, namespaces, parameter properties, `import x = ...`, `export =` and applies
 * TypeScript's import elision, as transpileModule does for target ESNext (see ts.c). Runs scope
 * analysis itself (ident.sym is fresh afterwards only for the nodes that existed before). opts may
 * be NULL. Returns 0, or -1 (out of memory) with an error appended to the ast. */
int js_ts_lower(js_ast *ast, const js_ts_options *opts);

/* ---- JSX (transforms/jsx.c) -------------------------------------------------------------- */

typedef enum js_jsx_runtime {
  JS_JSX_AUTOMATIC = 0, /* jsx/jsxs/Fragment imported from <import_source>/jsx-runtime (React 17+) */
  JS_JSX_CLASSIC = 1,   /* factory(type, props, ...children), e.g. React.createElement */
} js_jsx_runtime;

typedef struct js_jsx_options {
  js_jsx_runtime runtime;
  const char *import_source; /* automatic: default "react" */
  const char *factory;       /* classic: default "React.createElement" (a dotted name) */
  const char *fragment;      /* classic: default "React.Fragment" */
  bool development;          /* automatic: jsxDEV from <import_source>/jsx-dev-runtime, with
                                {fileName, lineNumber, columnNumber} source information */
  const char *filename;      /* for development's fileName and for error messages */
} js_jsx_options;

/* Lowers every JSX element of ast->program to calls. The per-file pragmas recorded by the parser
 * (ast->jsx_pragmas: @jsx, @jsxFrag, @jsxRuntime, @jsxImportSource) override opts, which may be
 * NULL for the defaults. The automatic runtime adds an import (module goal) or a require (script
 * goal) of its helpers at the top of the program, under names no identifier of the file uses. */
int js_jsx_lower(js_ast *ast, const js_jsx_options *opts);

/* ---- using declarations (transforms/using.c) ------------------------------------------- */

/* Lowers `using` and `await using` declarations (blocks, function and static-block bodies, for
 * heads, a module's top level, a CommonJS body parsed with cjs_body) to try/finally over the
 * engine's DisposableStack / AsyncDisposableStack, for engines that do not parse them. Run after
 * the TypeScript and JSX transforms and before the module transform. Returns 0, or -1 when memory
 * runs out. */
int js_using_lower(js_ast *ast);

#endif
