/* The ES module transform: turns a module's tree into one generator function that the runtime's
 * loader links and evaluates with the spec's algorithms (the JSC C API cannot load modules).
 *
 * The printed program is a single expression statement, whose completion value is
 *
 *   (function* (__dx_e, __dx_meta, __dx_import, __dx_w, __dx_i0, __dx_n0, __dx_i1, __dx_n1, ...) {
 *     "use strict";
 *     __dx_e({ get x() { return x; }, get default() { return __dx_default; } });
 *     yield;
 *     ...the module body, imports and exports removed...
 *   })
 *
 * (a module with top-level await has each `await x` lowered to `yield x`, and the loader resumes it
 * from promise reactions; `async function*` only when it uses `for await` or `await using`). Calling it is module instantiation:
 * hoisted functions exist and `let`/`const`/`class` bindings are in their TDZ. The first next()
 * hands the getters of the module's local exports to the loader's __dx_e, which installs them on
 * the module's bindings object (synchronously, even for an async generator); the second runs the
 * body. __dx_iK is the bindings object of the
 * module that request K resolved to and __dx_nK its namespace object (passed only when the module
 * imports that request's namespace); every reference to an imported binding is rewritten to a read
 * of __dx_iK.name, so bindings are live. Imported bindings are immutable: a write to __dx_iK.name
 * hits the loader's throwing setter, and a write to a namespace import becomes __dx_w(__dx_nK).v,
 * whose setter throws too (TypeError "Assignment to constant variable.", after the right-hand side,
 * as for a const). `import.meta` becomes __dx_meta and `import(x)` a call of
 * __dx_import(x), which the loader binds to the module. Identifiers starting with __dx_ are
 * reserved for this transform. */
#ifndef JS_TRANSFORMS_ESM_H
#define JS_TRANSFORMS_ESM_H

#include <stdbool.h>
#include <stdint.h>

#include "compiler/ast.h"
#include "compiler/compiler.h"

/* A module request: a specifier with its import attributes, deduplicated, in source order. */
typedef struct js_esm_request {
  js_str specifier;        /* WTF-8 */
  js_node **attributes;    /* JS_IMPORT_ATTRIBUTE nodes (key, value) */
  uint32_t nattributes;
  bool namespace_used;     /* the module reads the namespace object (import * as ns) */
} js_esm_request;

/* A binding the module imports by name (not namespaces): checked by the linker before anything
 * runs, so a missing export is a SyntaxError naming the importer's line. */
typedef struct js_esm_import {
  uint32_t request;
  js_str name;             /* the imported name ("default" for default imports) */
  js_loc loc;              /* where the import names it */
} js_esm_import;

typedef enum js_esm_export_kind {
  JS_ESM_EXPORT_LOCAL,     /* a getter in the yielded object */
  JS_ESM_EXPORT_INDIRECT,  /* export { name as exported } from request (or of an imported name) */
  JS_ESM_EXPORT_STAR,      /* export * from request */
} js_esm_export_kind;

typedef struct js_esm_export {
  uint8_t kind;            /* js_esm_export_kind */
  js_str exported;         /* empty for STAR */
  uint32_t request;        /* INDIRECT, STAR */
  js_str imported;         /* INDIRECT: the name in the other module, "*" for `export * as ns` */
} js_esm_export;

typedef struct js_esm_info {
  js_esm_request *requests;
  uint32_t nrequests;
  js_esm_import *imports;
  uint32_t nimports;
  js_esm_export *exports;
  uint32_t nexports;
  bool async;              /* top-level await: the module is async */
  bool coroutine;          /* ...and its awaits became yields: the loader drives the (plain)
                              generator from promise reactions; otherwise (for await, await
                              using) the function is an async generator */
  bool default_fn_name;    /* `export default function () {}`: the loader names it "default" */
} js_esm_info;

/* Rewrites ast->program (an error-free module-goal tree, TypeScript and JSX already lowered) into
 * the generator above and fills *info (arrays in ast->arena). Runs scope analysis itself. Returns 0,
 * or -1 when memory runs out. */
int js_esm_transform(js_ast *ast, js_esm_info *info);

#endif
