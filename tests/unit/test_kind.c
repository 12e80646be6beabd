/* engine/kind: the kinds read from JSC's cell headers. Calibration must find the kinds util.inspect
 * relies on for its fast paths in this engine, and dx_kind_of must give each value its kind and
 * decline the look-alikes: arrays that may hold accessors are not fast arrays, objects that merely
 * inherit from a built-in prototype are plain, a revoked proxy is still a proxy, the global object
 * is no proxy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "engine/kind.h"

static JSGlobalContextRef ctx;

static JSValueRef eval(const char *src) {
    JSStringRef s = JSStringCreateWithUTF8CString(src);
    JSValueRef exc = NULL;
    JSValueRef v = JSEvaluateScript(ctx, s, NULL, NULL, 1, &exc);
    JSStringRelease(s);
    if (exc) fail_msg("%s threw", src);
    return v;
}

static void expect_kind(const char *src, dx_kind want) {
    JSValueRef v = eval(src);
    JSValueProtect(ctx, v);
    dx_kind got = dx_kind_of(v);
    if (got != want) fail_msg("%s: kind %d (%s), expected %d (%s)", src, got, dx_kind_names[got], want, dx_kind_names[want]);
    JSValueUnprotect(ctx, v);
}

static void test_calibration_finds_inspect_kinds(void **state) {
    (void)state;
    uint32_t supported = dx_kind_calibrate(ctx);
    const dx_kind needed[] = {DX_KIND_DATE, DX_KIND_MAP, DX_KIND_SET, DX_KIND_MAYBE_WRAPPER, DX_KIND_PROXY,
                              DX_KIND_FAST_ARRAY, DX_KIND_PLAIN_OBJECT};
    for (size_t i = 0; i < sizeof needed / sizeof *needed; i++)
        if (!(supported & (1u << needed[i]))) fail_msg("kind %s not calibrated", dx_kind_names[needed[i]]);
    /* Calibrating again answers the same. */
    assert_int_equal(dx_kind_calibrate(ctx), supported);
}

static void test_fast_arrays(void **state) {
    (void)state;
    dx_kind_calibrate(ctx);
    expect_kind("[]", DX_KIND_FAST_ARRAY);
    expect_kind("[1, 2, 3]", DX_KIND_FAST_ARRAY);
    expect_kind("[0.5, 1]", DX_KIND_FAST_ARRAY);
    expect_kind("['a', null, {}]", DX_KIND_FAST_ARRAY);
    expect_kind("[1, , 3]", DX_KIND_FAST_ARRAY);
    expect_kind("new Array(10)", DX_KIND_FAST_ARRAY);
    expect_kind("Array.from({ length: 100 }, (_, i) => i)", DX_KIND_FAST_ARRAY);
    expect_kind("(() => { const a = []; for (let i = 0; i < 64; i++) a.push(i / 3); return a; })()", DX_KIND_FAST_ARRAY);
    expect_kind("Object.assign([1], { extra: 1, [Symbol.iterator]: 1 })", DX_KIND_FAST_ARRAY);
    /* Accessors on indices, or storage that could hold them, are never fast. */
    expect_kind("Object.defineProperty([1, 2], 0, { get() { return 1; }, enumerable: true })", DX_KIND_OTHER);
    expect_kind("Object.defineProperty([1, 2], 1, { set(v) {}, enumerable: true })", DX_KIND_OTHER);
    expect_kind("(() => { const a = [1]; a[1e6] = 2; return a; })()", DX_KIND_OTHER);
    expect_kind("(() => { const a = [1, 2]; Object.defineProperty(a, 5, { get() { return 1; } }); delete a[5]; return a; })()",
                DX_KIND_OTHER);
    /* Not arrays at all. */
    expect_kind("({ length: 0 })", DX_KIND_PLAIN_OBJECT);
    expect_kind("Object.create([])", DX_KIND_PLAIN_OBJECT);
    expect_kind("new Uint8Array(4)", DX_KIND_OTHER);
    expect_kind("(function () { return arguments; })(1, 2)", DX_KIND_OTHER);
    expect_kind("'str'", DX_KIND_OTHER);
    expect_kind("42", DX_KIND_OTHER);
}

static void test_plain_objects(void **state) {
    (void)state;
    dx_kind_calibrate(ctx);
    expect_kind("({})", DX_KIND_PLAIN_OBJECT);
    expect_kind("({ a: 1, get b() { return 2; } })", DX_KIND_PLAIN_OBJECT);
    expect_kind("Object.create(null)", DX_KIND_PLAIN_OBJECT);
    expect_kind("new (class Point { constructor() { this.x = 1; } })()", DX_KIND_PLAIN_OBJECT);
    expect_kind("Object.create(Date.prototype)", DX_KIND_PLAIN_OBJECT);
    expect_kind("(() => { const o = {}; for (let i = 0; i < 200; i++) o['k' + i] = i; return o; })()", DX_KIND_PLAIN_OBJECT);
    /* Objects with internal slots or exotic behaviour are not plain. */
    expect_kind("new Error('x')", DX_KIND_OTHER);
    expect_kind("function f() {}", DX_KIND_OTHER);
    expect_kind("(function () { 'use strict'; return arguments; })()", DX_KIND_OTHER);
    expect_kind("[].values()", DX_KIND_OTHER);
    /* The wrapper kind is a filter: other objects of the same engine type (Math) pass it too. */
    expect_kind("new WeakMap()", DX_KIND_WEAK_MAP);
    expect_kind("new Date(0)", DX_KIND_DATE);
    expect_kind("new Map()", DX_KIND_MAP);
    expect_kind("new Set()", DX_KIND_SET);
    expect_kind("Object(Symbol('s'))", DX_KIND_MAYBE_WRAPPER);
    expect_kind("Object(1n)", DX_KIND_MAYBE_WRAPPER);
    expect_kind("Promise.resolve()", DX_KIND_OTHER);
}

static void test_proxies(void **state) {
    (void)state;
    dx_kind_calibrate(ctx);
    expect_kind("new Proxy({}, {})", DX_KIND_PROXY);
    expect_kind("new Proxy([], {})", DX_KIND_PROXY);
    expect_kind("new Proxy(class {}, {})", DX_KIND_PROXY);
    expect_kind("(() => { const r = Proxy.revocable([], {}); r.revoke(); return r.proxy; })()", DX_KIND_PROXY);
    expect_kind("globalThis", DX_KIND_OTHER);
    expect_kind("this", DX_KIND_OTHER);
}

int main(void) {
    ctx = JSGlobalContextCreate(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calibration_finds_inspect_kinds),
        cmocka_unit_test(test_fast_arrays),
        cmocka_unit_test(test_plain_objects),
        cmocka_unit_test(test_proxies),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    JSGlobalContextRelease(ctx);
    return rc;
}
