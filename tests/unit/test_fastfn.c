/* engine/fastfn and engine/value: native functions made with the fast path behave as C API callbacks
 * (arguments, `this`, results, exceptions, `new`), also after garbage collection; the second ctest
 * run checks the same on the public C API path (DX_NO_FAST_CALLS=1). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/fastfn.h"
#include "engine/jsc_private.h"
#include "engine/value.h"

static JSGlobalContextRef ctx;

static char *eval_str(const char *src) {
    JSStringRef s = JSStringCreateWithUTF8CString(src);
    JSValueRef exc = NULL;
    JSValueRef v = JSEvaluateScript(ctx, s, NULL, NULL, 1, &exc);
    JSStringRelease(s);
    static char buf[512];
    JSStringRef r = JSValueToStringCopy(ctx, exc ? exc : v, NULL);
    JSStringGetUTF8CString(r, buf, sizeof buf);
    JSStringRelease(r);
    return buf;
}

/* sum(...numbers) -> their sum; throws a TypeError with code for a non-number. */
static JSValueRef sum(JSContextRef c, JSObjectRef f, JSObjectRef self, size_t argc, const JSValueRef argv[],
                      JSValueRef *exc) {
    (void)f;
    (void)self;
    double s = 0;
    for (size_t i = 0; i < argc; i++) {
        if (!JSValueIsNumber(c, argv[i])) {
            *exc = dx_make_error(c, "TypeError", "ERR_INVALID_ARG_TYPE", "argument %zu is not a number", i);
            return NULL;
        }
        s += dx_number_value(argv[i]);
    }
    return dx_number(s);
}

/* whoami() -> this.name, or 'none' when called without an object receiver. */
static JSValueRef whoami(JSContextRef c, JSObjectRef f, JSObjectRef self, size_t argc, const JSValueRef argv[],
                         JSValueRef *exc) {
    (void)f;
    (void)argc;
    (void)argv;
    (void)exc;
    if (!self) return dx_cstr_value(c, "none");
    return dx_get(c, self, "name");
}

/* callback(fn, x) -> fn(x): C calls back into JS from inside a fast call. */
static JSValueRef callback(JSContextRef c, JSObjectRef f, JSObjectRef self, size_t argc, const JSValueRef argv[],
                           JSValueRef *exc) {
    (void)f;
    (void)self;
    if (argc < 2) return dx_undefined();
    return JSObjectCallAsFunction(c, (JSObjectRef)argv[0], NULL, 1, &argv[1], exc);
}

static void setup_globals(void) {
    JSObjectRef g = JSContextGetGlobalObject(ctx);
    dx_set(ctx, g, "sum", dx_make_fast_function(ctx, "sum", sum));
    dx_set(ctx, g, "whoami", dx_make_fast_function(ctx, "whoami", whoami));
    dx_set(ctx, g, "callback", dx_make_fast_function(ctx, "callback", callback));
}

static void path_matches_build(void **state) {
    (void)state;
    assert_int_equal(dx_fast_functions(ctx), getenv("DX_NO_FAST_CALLS") == NULL);
    assert_true(dx_value_check(ctx));
}

static void arguments_and_results(void **state) {
    (void)state;
    assert_string_equal(eval_str("[sum(), sum(1, 2), sum(0.5, 2 ** 31), sum(-0) === 0, Object.is(sum(-0), -0)].join()"),
                        "0,3,2147483648.5,true,false");
    assert_string_equal(eval_str("let t = 0; for (let i = 0; i < 100000; i++) t = sum(t, 1); t"), "100000");
    assert_string_equal(eval_str("typeof sum + ' ' + sum.name"), "function sum");
}

static void receivers(void **state) {
    (void)state;
    assert_string_equal(eval_str("[whoami.call({name: 'o'}), ({name: 'm', whoami}).whoami()].join()"), "o,m");
    /* Without an object receiver the fast path passes NULL (the public API: the global object or a
     * wrapper, whose `name` is undefined here). */
    assert_string_equal(eval_str("[whoami.call(undefined), whoami.call(5)].join()"), dx_fast_functions(ctx) ? "none,none" : ",");
}

static void exceptions(void **state) {
    (void)state;
    assert_string_equal(eval_str("try { sum(1, 'x') } catch (e) { e.constructor.name + ':' + e.code + ':' + e.message }"),
                        "TypeError:ERR_INVALID_ARG_TYPE:argument 1 is not a number");
    assert_string_equal(eval_str("try { new sum() } catch (e) { e instanceof TypeError }"), "true");
    assert_string_equal(eval_str("try { callback(() => { throw new RangeError('inner') }, 1) } catch (e) { e.message }"),
                        "inner");
    assert_string_equal(eval_str("callback((x) => x * 2, 21)"), "42");
}

/* JSC's full-GC timer calls WTF::MemoryPressureHandler::singleton(), which crashes unless the main
 * run loop was initialised (the runtime does it at start; see jsc_private.h). */
static void memory_pressure_handler_after_run_loop_init(void **state) {
    (void)state;
    void *(*singleton)(void) = (void *(*)(void))dlsym(RTLD_DEFAULT, "_ZN3WTF21MemoryPressureHandler9singletonEv");
    if (!singleton) skip();
    assert_non_null(singleton());
}

static void survives_gc(void **state) {
    (void)state;
    for (int i = 0; i < 3; i++) JSSynchronousGarbageCollectForDebugging(ctx);
    assert_string_equal(eval_str("sum(40, 2)"), "42");
}

int main(void) {
    dx_jsc_initialize_main_run_loop();
    ctx = JSGlobalContextCreate(NULL);
    setup_globals();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(path_matches_build), cmocka_unit_test(arguments_and_results),
        cmocka_unit_test(receivers),          cmocka_unit_test(exceptions),
        cmocka_unit_test(survives_gc),           cmocka_unit_test(memory_pressure_handler_after_run_loop_init),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    JSGlobalContextRelease(ctx);
    return r;
}
