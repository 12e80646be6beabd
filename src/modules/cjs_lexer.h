/* Static detection of the named exports of a CommonJS module, for `import { a } from './c.cjs'`.
 *
 * Node decides which names an ES module may import from a CommonJS module before running it, by
 * lexing the source for a frozen set of patterns (its cjs-module-lexer grammar, now the merve
 * library): `exports.a =`, `exports['a'] =`, `module.exports.a =`, `Object.defineProperty(exports,
 * 'a', {...})` with a value or a side-effect-free getter, `module.exports = { a, b: c, 'd': e }`,
 * and re-exports (`module.exports = require('x')`, `...require('x')` in that literal,
 * `__exportStar(require('x'))`, Babel's `Object.keys(_x).forEach(...)` over `var _x = require('x')`).
 * This is our own lexer for the same patterns, with Node's quirks; docs/cjs-exports.md says what
 * the runtime must build from the result. Engine-free, linear time, no recursion. */
#ifndef DX_MODULES_CJS_LEXER_H
#define DX_MODULES_CJS_LEXER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct dx_cjs_name {
    char *str;  /* UTF-8, NUL-terminated; a decoded string literal may itself contain NULs */
    size_t len; /* bytes, without the terminator */
} dx_cjs_name;

typedef struct dx_cjs_exports {
    dx_cjs_name *exports;   /* export names, deduplicated, in first-seen order */
    size_t nexports;
    dx_cjs_name *reexports; /* require() specifiers whose exports are re-exported, same order rules */
    size_t nreexports;
    /* NULL when the source lexed. Otherwise a static message ("Unexpected import statement in CJS
     * module." ...) at byte error_offset, and both lists are empty: Node then exposes no names but
     * `default` and `module.exports`. */
    const char *error;
    size_t error_offset;
} dx_cjs_exports;

/* Deepest nesting of brackets and template substitutions accepted; deeper input is an error. */
#define DX_CJS_MAX_DEPTH 65536

/* Lexes `len` bytes of UTF-8 source (a leading `#!` line is skipped). Returns 0 and fills *out
 * (caller frees with dx_cjs_exports_free, also after a lexing error), or -ENOMEM with *out empty. */
int dx_cjs_lex(const char *src, size_t len, dx_cjs_exports *out);
void dx_cjs_exports_free(dx_cjs_exports *out);

#endif
