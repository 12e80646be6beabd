/* DX-JS compiler library: parse JavaScript source text into an AST and print an AST back to
 * JavaScript. Plain C11 with no dependency on the engine, the event loop or the file system:
 * callers hand it bytes. The library is reentrant; one parse or print runs on one thread.
 *
 * Prefix js_ for the public API, js__ for internal functions shared between files. */
#ifndef JS_COMPILER_H
#define JS_COMPILER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compiler/ast.h"

typedef enum js_goal { JS_GOAL_SCRIPT = 0, JS_GOAL_MODULE = 1 } js_goal;

/* The source language: plain JavaScript, TypeScript (.ts/.mts/.cts), JavaScript with JSX (.jsx),
 * TypeScript with JSX (.tsx). JSX nodes and TypeScript runtime features (enums, namespaces...)
 * are in the tree until their transforms lower them. */
typedef enum js_lang { JS_LANG_JS = 0, JS_LANG_TS = 1, JS_LANG_JSX = 2, JS_LANG_TSX = 3 } js_lang;

typedef struct js_parse_options {
  js_goal goal;          /* Script (sloppy unless "use strict") or Module (always strict) */
  const char *filename;  /* for messages; NULL reads as "<input>". Borrowed during js_parse only. */
  unsigned max_depth;    /* nesting bound; 0 picks JS_DEFAULT_MAX_DEPTH */
  bool strict;           /* Script goal only: parse as strict code from the start */
  js_lang lang;          /* JS_LANG_JS unless set */
  bool cjs_body;         /* Script goal only: the source is the body of Node's CommonJS wrapper
                            function, so top-level `return` and `using` declarations are allowed */
} js_parse_options;

/* Nesting of statements and expressions deeper than this is reported as an error instead of
 * risking the C stack; each level costs at most a few hundred bytes of stack in the parser and in
 * every recursive pass over the tree. */
#define JS_DEFAULT_MAX_DEPTH 1000

typedef struct js_error {
  const char *message;   /* bare message, e.g. "Unexpected token ')'" */
  const char *text;      /* "file:line:col: message", col 1-based */
  uint32_t offset;       /* byte offset in the source */
  uint32_t line;         /* 1-based */
  uint32_t col;          /* 1-based, UTF-16 code units */
} js_error;

typedef struct js_arena js_arena;

/* JSX pragmas from comments (`@jsx h`, `@jsxFrag F`, `@jsxRuntime classic`, `@jsxImportSource preact`), found
 * when lang has JSX: each value as written (len 0 when absent; the last one in the file wins),
 * pointing into the source. transforms/jsx.c applies them over its options. */
typedef struct js_jsx_pragmas {
  js_str jsx, frag, runtime, import_source;
} js_jsx_pragmas;

/* The result of a parse. program is NULL exactly when nerrors > 0. Everything (nodes, strings,
 * errors) lives in the result's arena and is released by js_ast_free. */
typedef struct js_ast {
  js_node *program;
  const js_error *errors; /* sorted by offset */
  size_t nerrors;
  js_arena *arena;        /* owner of the tree; later passes may allocate new nodes in it */
  js_jsx_pragmas jsx_pragmas;
} js_ast;

/* Parses src[0..len) (UTF-8; ill-formed bytes read as U+FFFD). Returns NULL only when memory runs
 * out; otherwise a result to be freed with js_ast_free. The source bytes must stay alive and
 * unchanged as long as the tree is used: names and raw texts point into them. */
js_ast *js_parse(const char *src, size_t len, const js_parse_options *opts);
void js_ast_free(js_ast *ast);

/* Called by the printer for each node with a location as it starts writing it: gen_* is the
 * position in the output (0-based line, 0-based column in UTF-16 units), node->loc the original
 * position. The hook source maps build on. */
typedef void (*js_mapping_fn)(void *ud, uint32_t gen_line, uint32_t gen_col, const js_node *node);

typedef struct js_print_options {
  bool minify;             /* no indentation, newlines or optional spaces */
  const char *indent;      /* one level of indentation, default two spaces */
  js_mapping_fn on_mapping;
  void *mapping_ud;
} js_print_options;

/* Prints a tree (a JS_PROGRAM, a statement or an expression) as JavaScript that parses back to
 * the same tree (js_ast_equal). TypeScript runtime nodes (enum, namespace, `import x =`,
 * `export =`) and JSX print as TypeScript and JSX; any other node prints as its source text; an
 * invalid kind prints nothing. Returns a NUL-terminated malloc'd string (caller frees), its length
 * in *len if len is not NULL, or NULL when memory runs out or the tree nests more than 4000
 * levels deep (no parsed tree does: the parser's own bound is lower). */
char *js_print(const js_node *node, const js_print_options *opts, size_t *len);

/* ---- transpile: parse, lower TypeScript and JSX, print with a source map (transpile.c) ---- */

typedef enum js_sourcemap_mode {
  JS_SOURCEMAP_NONE = 0,
  JS_SOURCEMAP_EXTERNAL, /* the map is returned in result.map; a sourceMappingURL comment is added
                            only when map_url is set */
  JS_SOURCEMAP_INLINE,   /* the code ends with a base64 data-URL sourceMappingURL comment */
} js_sourcemap_mode;

typedef struct js_transpile_options {
  js_goal goal;
  js_lang lang;
  bool strict;                 /* Script goal: strict from the start */
  const char *filename;        /* for messages ("<input>" when NULL) and the map's "sources" */
  const char *source_name;     /* the map's "sources" entry when it differs from filename */
  bool minify;
  js_sourcemap_mode sourcemap;
  bool no_sources_content;     /* leave "sourcesContent" out of the map */
  const char *map_file;        /* the map's "file" field; NULL leaves it out */
  const char *map_url;         /* EXTERNAL: written as `//# sourceMappingURL=<map_url>` */
  /* A map of the input itself (tsc or babel output with its own map): the result's map is
   * composed with it so it points at the original files. NULL for none. */
  const char *input_map;
  size_t input_map_len;
} js_transpile_options;

/* Everything malloc'd and owned by the result; release with js_transpile_result_free. */
typedef struct js_transpile_result {
  char *code;             /* NUL-terminated JavaScript; NULL when there are errors */
  size_t code_len;
  char *map;              /* EXTERNAL mode: the source map JSON, NUL-terminated; else NULL */
  size_t map_len;
  js_error *errors;       /* syntax and transform errors, text "file:line:col: message" */
  size_t nerrors;
  char *input_map_error;  /* why input_map was ignored (malformed), or NULL */
} js_transpile_result;

/* Transpiles src[0..len) to JavaScript. Returns 0 on success; -1 with result->errors filled when
 * the input has errors, or -1 with no errors when memory runs out. *result is always
 * initialised, so js_transpile_result_free is always safe. */
int js_transpile(const char *src, size_t len, const js_transpile_options *opts, js_transpile_result *result);
void js_transpile_result_free(js_transpile_result *result);

#endif
