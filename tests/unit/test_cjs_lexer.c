/* CommonJS named-export detection (src/modules/cjs_lexer.c): tables of `source -> export names,
 * re-export specifiers` and `source -> lexing error`. The expected lists are what Node 24 exposes
 * (checked against it by tests/conformance/cjs_exports, which also runs these patterns as fixtures);
 * names are joined by ',' in first-seen order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "modules/cjs_lexer.h"

typedef struct lex_row {
    const char *src;
    const char *exports;   /* "a,b" */
    const char *reexports; /* "./x,y" */
} lex_row;

typedef struct error_row {
    const char *src;
    const char *message;
} error_row;

/* Joins names with ',' (a NUL inside a name is shown as \0). */
static void join(const dx_cjs_name *names, size_t count, char *buf, size_t cap) {
    size_t w = 0;
    buf[0] = 0;
    for (size_t k = 0; k < count; k++) {
        if (k && w + 1 < cap) buf[w++] = ',';
        for (size_t i = 0; i < names[k].len && w + 3 < cap; i++) {
            if (names[k].str[i] == 0) {
                buf[w++] = '\\';
                buf[w++] = '0';
            } else {
                buf[w++] = names[k].str[i];
            }
        }
    }
    buf[w < cap ? w : cap - 1] = 0;
}

static int check_row(const lex_row *row) {
    dx_cjs_exports out;
    if (dx_cjs_lex(row->src, strlen(row->src), &out) != 0) {
        print_error("out of memory lexing %s\n", row->src);
        return 1;
    }
    char got_e[1024], got_r[1024];
    join(out.exports, out.nexports, got_e, sizeof got_e);
    join(out.reexports, out.nreexports, got_r, sizeof got_r);
    int bad = out.error || strcmp(got_e, row->exports) != 0 || strcmp(got_r, row->reexports) != 0;
    if (bad)
        print_error("source:    %s\nexpected:  [%s] reexports [%s]\ndetected:  [%s] reexports [%s]%s%s\n\n", row->src,
                    row->exports, row->reexports, got_e, got_r, out.error ? " error: " : "", out.error ? out.error : "");
    dx_cjs_exports_free(&out);
    return bad;
}

static void run_rows(const lex_row *rows, size_t n) {
    int failures = 0;
    for (size_t i = 0; i < n; i++) failures += check_row(&rows[i]);
    if (failures) fail_msg("%d of %zu rows failed", failures, n);
}

#define RUN(rows) run_rows(rows, sizeof rows / sizeof rows[0])

static void test_exports_members(void **state) {
    (void)state;
    static const lex_row rows[] = {
        {"exports.a = 1;", "a", ""},
        {"exports.a = 1; exports.b = 2; exports.a = 3;", "a,b", ""},
        {"module.exports.a = 1;", "a", ""},
        {"exports['a'] = 1; exports[\"b\"] = 2;", "a,b", ""},
        {"exports['a-b c'] = 1;", "a-b c", ""},
        {"module.exports['x'] = 1;", "x", ""},
        {"exports . a /* c */ = 1;", "a", ""},
        {"exports\n.\na\n=\n1", "a", ""},
        {"exports.a.b = 1;", "", ""},
        {"exports.a;", "", ""},
        {"exports.a == 1;", "a", ""}, /* Node counts a comparison too: it only checks for `=` */
        {"exports.a += 1;", "", ""},
        {"x.exports.a = 1; x.module.exports.b = 2;", "", ""},
        {"myexports.a = 1; exportsx.b = 2;", "", ""},
        {"(function (exports) { exports.a = 1; })(exports);", "a", ""},
        {"(function (e) { e.a = 1; })(exports);", "", ""},
        {"if (false) exports.a = 1;", "a", ""},
        {"exports.let = 1; exports.static = 2; exports.default = 3;", "let,static,default", ""},
        {"exports.$ = 1; exports._ = 2; exports.a1 = 3;", "$,_,a1", ""},
        {"exports.\\u0061 = 1;", "", ""},
        {"exports[a] = 1;", "", ""},
        {"exports['a' + 'b'] = 1;", "", ""},
        {"exports.caf\xc3\xa9 = 1;", "caf\xc3\xa9", ""},
        {"exports?.a = 1;", "", ""},
        {"exports = module.exports = f; exports.a = 1;", "a", ""},
        {"module\n.exports\n.a = 1", "a", ""},
        {"module.exports.a.b = 1; module.exportsX = 1;", "", ""},
    };
    RUN(rows);
}

static void test_string_names(void **state) {
    (void)state;
    static const lex_row rows[] = {
        {"exports['\\x61'] = 1;", "a", ""},
        {"exports['\\u0062'] = 1;", "b", ""},
        {"exports['\\u{63}'] = 1;", "c", ""},
        {"exports['\\u{1F600}'] = 1;", "\xf0\x9f\x98\x80", ""},
        {"exports['\\uD83D\\uDE00'] = 1;", "\xf0\x9f\x98\x80", ""},
        {"exports['\\uD83D'] = 1; exports.ok = 2;", "ok", ""}, /* lone surrogates are dropped */
        {"exports['\\uDE00x'] = 1;", "", ""},
        {"exports['\\x6'] = 1;", "", ""},
        {"exports['\\u{110000}'] = 1;", "", ""},
        {"exports['a\\\nb'] = 1;", "ab", ""},
        {"exports['\\101'] = 1;", "A", ""},
        {"exports['\\0'] = 1;", "\\0", ""},
        {"exports['\\n'] = 1;", "\n", ""},
        {"exports['\\q\\''] = 1;", "q'", ""},
        {"exports[''] = 1; exports.z = 1;", ",z", ""}, /* an empty name is a name */
        {"exports['a\nb'] = 1;", NULL, NULL},
    };
    /* The last row is an unterminated string: an error (checked in test_errors). */
    run_rows(rows, sizeof rows / sizeof rows[0] - 1);
}

static void test_define_property(void **state) {
    (void)state;
    static const lex_row rows[] = {
        {"Object.defineProperty(exports, '__esModule', { value: true });", "__esModule", ""},
        {"Object.defineProperty(module.exports, 'a', { value: 1 });", "a", ""},
        {"Object.defineProperty(exports, 'a', { enumerable: true, value: 1 });", "a", ""},
        {"Object.defineProperty(exports, 'a', { enumerable: true, get: function () { return b; } });", "a", ""},
        {"Object.defineProperty(exports, 'a', { enumerable: true, get: function get() { return b.c; } });", "a", ""},
        {"Object.defineProperty(exports, 'a', { enumerable: true, get() { return b['c']; } });", "a", ""},
        {"Object.defineProperty(exports, 'a', { get() { return b; }, });", "a", ""},
        {"Object.defineProperty(exports, 'a', { enumerable: true, get: function () { return b; }, })", "a", ""},
        {"Object.defineProperty(exports, \"a\", {\n  enumerable: true,\n  get: function () {\n    return m.a;\n  }\n});",
         "a", ""},
        {"Object.defineProperty(exports, 'a', { get () { return 'nope'; } });", "", ""},
        {"Object.defineProperty(exports, 'a', { get () { return f(); } });", "", ""},
        {"Object.defineProperty(exports, 'a', { enumerable: false, get () { return p; } });", "", ""},
        {"Object.defineProperty(exports, 'a', { configurable: true, get () { return p; } });", "", ""},
        {"Object.defineProperty(exports, 'a', { get: () => p });", "", ""},
        {"Object.defineProperty(exports, 'a', { get () { return p.q.r; } });", "", ""},
        {"Object.defineProperty(exports, 'a', { get () { return p; } }); exports.a = 1;", "a", ""},
        {"Object.defineProperty(exports, a, { value: 1 });", "", ""},
        {"Object.defineProperty(other, 'a', { value: 1 });", "", ""},
        {"Object.defineProperties(exports, { a: { value: 1 } });", "", ""},
        {"x.Object.defineProperty(exports, 'a', { value: 1 });", "", ""},
        {"function f() { Object.defineProperty(exports, 'a', { value: 1 }); }", "a", ""},
        {"Object.defineProperty(exports, 'a', { value: exports.b = 1 });", "a,b", ""},
    };
    RUN(rows);
}

static void test_literal_assign(void **state) {
    (void)state;
    static const lex_row rows[] = {
        {"module.exports = { a, b, c };", "a,b,c", ""},
        {"module.exports = { a: b, 'c': d, \"e\": f };", "a,c,e", ""},
        {"module.exports = {\n  a,\n  b: c,\n};", "a,b", ""},
        {"module.exports = { a, ...d, b };", "a,b", ""},
        {"module.exports = { a, ...require('x'), b };", "a,b", "x"},
        {"module.exports = { ...require('x'), ...require(\"y\") };", "", "x,y"},
        {"module.exports = { a, b: require('c'), d };", "a,b", "c"}, /* stops after a require */
        {"module.exports = { 'b': require('c').d, e };", "b", "c"},
        {"module.exports = { b: f(require('c')), e };", "b", ""},
        {"module.exports = { a: b , c };", "a", ""}, /* Node: no space after a value identifier */
        {"module.exports = { a: 1, b };", "", ""},
        {"module.exports = { a: b.c, d };", "a", ""},
        {"module.exports = { 1: a };", "", ""},
        {"module.exports = { [a]: b };", "", ""},
        {"module.exports = { if: a, let, yield };", "if,let,yield", ""},
        {"module.exports = { a /* c */, // d\n b };", "a,b", ""},
        {"module.exports = { ... a };", "", ""},
        {"module.exports = {};", "", ""},
        {"exports = { a };", "", ""},
        {"module.exports = { 'a\\x62': c };", "ab", ""},
    };
    RUN(rows);
}

static void test_reexports(void **state) {
    (void)state;
    static const lex_row rows[] = {
        {"module.exports = require('./a');", "", "./a"},
        {"module.exports = require ( \"./a\" ) ;", "", "./a"},
        {"module.exports = require('./a'); module.exports = require('./b');", "", "./b"},
        {"if (a) module.exports = require('./a'); else module.exports = require('./b');", "", "./b"},
        {"module.exports = require('./a'); module.exports = f;", "", ""},
        {"module.exports = require('./a'); module.exports = { b };", "b", ""},
        {"module.exports = require(a);", "", ""},
        {"module.exports = require(`a`);", "", ""},
        {"module.exports = require('a').b;", "", "a"},
        {"__exportStar(require('./a'), exports);", "", "./a"},
        {"__export(require('./a'));", "", "./a"},
        {"tslib_1.__exportStar(require(\"./a\"), exports);", "", "./a"},
        {"__exportStar( require('./a'), exports);", "", ""},
        {"if (x) { __exportStar(require('./a'), exports); }", "", ""},
        {"__exportStar(require('./a'), exports); module.exports = require('./b');", "", "./b"},
        {"module.exports = require('./b'); __exportStar(require('./a'), exports);", "", "./b,./a"},
        {"module.exports = require('./a'); module.exports = require('./a');", "", "./a"},
        {"(m => m.exports = require('./a'))(module);", "", ""},
    };
    RUN(rows);
}

static void test_babel_star(void **state) {
    (void)state;
    static const lex_row rows[] = {
        {"var _a = require('a');\n"
         "Object.keys(_a).forEach(function (key) {\n"
         "  if (key === \"default\" || key === \"__esModule\") return;\n"
         "  exports[key] = _a[key];\n"
         "});",
         "", "a"},
        {"var _a = require('a');\n"
         "Object.keys(_a).forEach(function (key) {\n"
         "  if (key === \"default\" || key === \"__esModule\") return;\n"
         "  if (Object.prototype.hasOwnProperty.call(_exportNames, key)) return;\n"
         "  if (key in exports && exports[key] === _a[key]) return;\n"
         "  Object.defineProperty(exports, key, {\n"
         "    enumerable: true,\n"
         "    get: function () {\n"
         "      return _a[key];\n"
         "    }\n"
         "  });\n"
         "});",
         "", "a"},
        {"const _b = _interopRequireWildcard(require(\"b\"));\n"
         "Object.keys(_b).forEach(function (k) { if (k === 'default' || k === '__esModule') return; exports[k] = _b[k] });",
         "", "b"},
        {"let x = require('x');\n"
         "Object.keys(x).forEach(function (k) { if (k !== 'default' && !exports.hasOwnProperty(k)) exports[k] = x[k]; });",
         "", "x"},
        {"var x = require('x');\n"
         "Object.keys(x).forEach(function (k) {\n"
         "  if (k !== 'default' && !Object.prototype.hasOwnProperty.call(exports, k)) Object.defineProperty(exports, k, {\n"
         "    enumerable: true, get: function () { return x[k]; } }); });",
         "", "x"},
        {"var x = require('x');\n"
         "Object.keys(x).forEach(function (k) { if (k !== 'default') module.exports[k] = x[k]; });",
         "", "x"},
        /* The loop must name the binding of a top-level `var x = require(...)`, with spaces only. */
        {"var x = require('x');\n"
         "Object.keys(y).forEach(function (k) { if (k !== 'default') exports[k] = y[k]; });",
         "", ""},
        {"var x =\n  require('x');\n"
         "Object.keys(x).forEach(function (k) { if (k !== 'default') exports[k] = x[k]; });",
         "", ""},
        {"var x = require('x');\n"
         "Object.keys(x).forEach(function (k) { if (k !== 'default') exports[k] = x[j]; });",
         "", ""},
        {"var x = require('x');\n"
         "Object.keys(x).forEach(function (k) { if (k !== 'default') exports[k] = f(k); });",
         "", ""},
        {"function g() { var x = require('x'); }\n"
         "Object.keys(x).forEach(function (k) { if (k !== 'default') exports[k] = x[k]; });",
         "", ""},
        {"var x = require('x');\n"
         "if (y) { Object.keys(x).forEach(function (k) { if (k !== 'default') exports[k] = x[k]; }); }",
         "", ""},
        {"var x = require('x'); x = require('z');\n"
         "Object.keys(x).forEach(function (k) { if (k !== 'default') exports[k] = x[k]; });",
         "", "x"},
        {"var x = require('x'); var x = require('z');\n"
         "Object.keys(x).forEach(function (k) { if (k !== 'default') exports[k] = x[k]; });",
         "", "z"},
    };
    RUN(rows);
}

/* The tokenizer must not see patterns inside strings, comments, templates or regexes, and must
 * see them after each. */
static void test_tokenizer(void **state) {
    (void)state;
    static const lex_row rows[] = {
        {"// exports.a = 1\nexports.b = 1;", "b", ""},
        {"/* exports.a = 1 */ exports.b = 1;", "b", ""},
        {"'exports.a = 1'; \"exports.c = 1\"; exports.b = 1;", "b", ""},
        {"`exports.a = 1`; exports.b = 1;", "b", ""},
        {"`${exports.a = 1}`; exports.b = 1;", "a,b", ""},
        {"`${ `${ { a: `}` } }` }`; exports.b = 1;", "b", ""},
        {"var r = /exports.a = 1/; exports.b = 1;", "b", ""},
        {"var r = /[/]exports.a = 1/g; exports.b = 1;", "b", ""},
        {"var r = a / b; exports.c = 1 / 2;", "c", ""},
        {"x = a / b / c; exports.d = 1;", "d", ""},
        {"if (a) /exports.x = 1/.test(b); exports.c = 1;", "c", ""},
        {"return /exports.x = 1/; exports.c = 1;", "c", ""},
        {"x = y.return / 2; exports.c = 1 / 3;", "c", ""},
        {"a++ / 2; exports.c = 1;", "c", ""},
        {"x = (a) / 2; exports.c = 1;", "c", ""},
        {"function f() {}\n/exports.x = 1/.test(a); exports.c = 1;", "c", ""},
        {"x = {} / 1; exports.c = 1;", "c", ""},
        {"x = a ? /r/ : /s/; exports.c = 1;", "c", ""},
        {"#!/usr/bin/env node\nexports.a = 1;", "a", ""},
        {"x = '\\'' + exports; exports.a = 1;", "a", ""},
        {"x = 1.5e+3 / 2; exports.a = .5 / 2;", "a", ""},
        {"<!-- exports.a = 1\nexports.b = 1;", "a,b", ""}, /* HTML comments are not comments here */
        {"import('x'); exports.a = 1;", "a", ""},
        {"x.import; y.export; exports.a = 1;", "a", ""},
        {"function f() { import x from 'y'; } exports.a = 1;", "a", ""},
        {"exports.a = 1; /* unterminated comment", "a", ""},
        /* Only ASCII whitespace separates tokens, as in Node: other spaces are identifier text. */
        {"exports.a\xe2\x80\xa8= 1; \xc2\xa0" "exports.b = 1; exports.c =\xe3\x80\x80""1;", "a\xe2\x80\xa8,c", ""},
        {"\xef\xbb\xbf" "exports.a = 1; exports.b = 1;", "b", ""},
        {"", "", ""},
    };
    RUN(rows);
}

static void test_errors(void **state) {
    (void)state;
    static const error_row rows[] = {
        {"import x from 'y'; exports.a = 1;", "Unexpected import statement in CJS module."},
        {"import 'y';", "Unexpected import statement in CJS module."},
        {"import{a} from 'y';", "Unexpected import statement in CJS module."},
        {"x = import.meta.url;", "Unexpected import.meta in CJS module."},
        {"export const a = 1;", "Unexpected export statement in CJS module."},
        {"export { a };", "Unexpected export statement in CJS module."},
        {"exports.a = 1; var s = 'abc", "Unterminated string."},
        {"exports.a = 1; var s = 'a\nb';", "Unterminated string."},
        {"exports.a = `abc", "Unterminated template."},
        {"exports.a = `${ 1 ", "Unterminated template."},
        {"exports.a = /abc", "Unterminated regular expression."},
        {"exports.a = /abc\n/;", "Unterminated regular expression."},
        {"exports.a = 1; }", "Unexpected closing brace."},
        {"exports.a = 1; )", "Unexpected closing bracket."},
        {"exports.a = f(1", "Unexpected end of input."},
        {"exports.a = function(){} / 1;", "Unterminated regular expression."}, /* as Node */
    };
    int failures = 0;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        dx_cjs_exports out;
        assert_int_equal(dx_cjs_lex(rows[i].src, strlen(rows[i].src), &out), 0);
        if (!out.error || strcmp(out.error, rows[i].message) != 0 || out.nexports || out.nreexports) {
            print_error("source:   %s\nexpected: %s\ngot:      %s (%zu names)\n\n", rows[i].src, rows[i].message,
                        out.error ? out.error : "(no error)", out.nexports);
            failures++;
        }
        dx_cjs_exports_free(&out);
    }
    if (failures) fail_msg("%d error rows failed", failures);
}

/* Nesting is bounded, never a crash; lengths are taken from `len`, not from a terminator. */
static void test_limits(void **state) {
    (void)state;
    size_t n = DX_CJS_MAX_DEPTH + 10;
    char *src = malloc(2 * n + 32);
    assert_non_null(src);
    memset(src, '(', n);
    memset(src + n, ')', n);
    dx_cjs_exports out;
    assert_int_equal(dx_cjs_lex(src, 2 * n, &out), 0);
    assert_string_equal(out.error, "Too deeply nested.");
    dx_cjs_exports_free(&out);

    n = DX_CJS_MAX_DEPTH - 1;
    memset(src, '{', n);
    memcpy(src + n, "exports.a=1", 11);
    memset(src + n + 11, '}', n);
    assert_int_equal(dx_cjs_lex(src, 2 * n + 11, &out), 0);
    assert_null(out.error);
    assert_int_equal(out.nexports, 1);
    assert_string_equal(out.exports[0].str, "a");
    dx_cjs_exports_free(&out);
    free(src);

    static const char embedded[] = "exports.a = 1;\0exports.b = 2;";
    assert_int_equal(dx_cjs_lex(embedded, sizeof embedded - 1, &out), 0);
    assert_int_equal(out.nexports, 2);
    dx_cjs_exports_free(&out);
    assert_int_equal(dx_cjs_lex("exports.a = 1;", 9, &out), 0);
    assert_int_equal(out.nexports, 0);
    dx_cjs_exports_free(&out);
    assert_int_equal(dx_cjs_lex(NULL, 0, &out), 0);
    assert_null(out.error);
    dx_cjs_exports_free(&out);
}

/* Many names stay deduplicated and in order (the hash index grows). */
static void test_many_names(void **state) {
    (void)state;
    size_t count = 5000, cap = count * 40;
    char *src = malloc(cap);
    assert_non_null(src);
    size_t w = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < count; i++) w += (size_t)snprintf(src + w, cap - w, "exports.n%zu=1;", i);
    dx_cjs_exports out;
    assert_int_equal(dx_cjs_lex(src, w, &out), 0);
    assert_int_equal(out.nexports, count);
    assert_string_equal(out.exports[0].str, "n0");
    assert_string_equal(out.exports[count - 1].str, "n4999");
    dx_cjs_exports_free(&out);
    free(src);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exports_members), cmocka_unit_test(test_string_names),
        cmocka_unit_test(test_define_property), cmocka_unit_test(test_literal_assign),
        cmocka_unit_test(test_reexports),       cmocka_unit_test(test_babel_star),
        cmocka_unit_test(test_tokenizer),       cmocka_unit_test(test_errors),
        cmocka_unit_test(test_limits),          cmocka_unit_test(test_many_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
