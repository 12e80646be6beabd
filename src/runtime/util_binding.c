/* internalBinding('util'): engine facts JS cannot see by itself (promise state, proxy targets). */
#include <uv.h>

#include "engine/engine.h"
#include "engine/value.h"
#include "engine/kind.h"
#include "engine/jsc_private.h"
#include "runtime/runtime.h"
#include "runtime/sigint_trace.h"

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)

/* Whether v is a real promise (a JSPromise cell), not an object that merely inherits from
 * Promise.prototype: reading promise state from anything else would read unrelated memory.
 * The C API has no such check, so this compares the cell's type byte with a promise's. A JSC cell
 * starts with a 32-bit StructureID, an indexing-type byte and then the JSType byte (offset 5); the
 * start-up self-test below checks that layout against known values and disables the check (and so
 * the promise-state functions) if it does not hold. */
static int promise_type = -1;   /* -2: layout unknown, the check is off */

static unsigned cell_type(JSValueRef v) { return ((const unsigned char *)v)[5]; }

static void promise_self_test(JSContextRef ctx) {
    JSStringRef src = dx_jsstr("[Promise.resolve(1), new (class extends Promise {})(() => {}), {}, "
                               "Object.create(Promise.prototype), [], function () {}, new Map()]");
    JSValueRef arr = JSEvaluateScript(ctx, src, NULL, NULL, 1, NULL);
    JSStringRelease(src);
    promise_type = -2;
    if (!arr || !JSValueIsObject(ctx, arr)) return;
    JSValueRef v[7];
    for (unsigned i = 0; i < 7; i++) v[i] = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)arr, i, NULL);
    unsigned t = cell_type(v[0]);
    if (cell_type(v[1]) != t) return;
    for (int i = 2; i < 7; i++) if (cell_type(v[i]) == t) return;
    promise_type = (int)t;
}

static bool is_promise(JSContextRef ctx, JSValueRef v) {
    if (!JSValueIsObject(ctx, v)) return false;
    if (promise_type == -1) promise_self_test(ctx);
    return promise_type >= 0 && cell_type(v) == (unsigned)promise_type;
}

/* isPromise(v) -> whether v is a real promise; undefined when the engine check is unavailable. */
FN(u_is_promise) {
    if (argc < 1) return JSValueMakeBoolean(ctx, false);
    if (promise_type == -1) promise_self_test(ctx);
    if (promise_type < 0) return JSValueMakeUndefined(ctx);
    return JSValueMakeBoolean(ctx, is_promise(ctx, argv[0]));
}

/* getPromiseState(p) -> [state, result]: 0 pending, 1 fulfilled, 2 rejected; undefined if unknown. */
FN(u_get_promise_state) {
    const dx_jsc_private *priv = dx_jsc_private_get();
    if (argc < 1 || !is_promise(ctx, argv[0]) || !priv->promise_status || !priv->promise_result)
        return JSValueMakeUndefined(ctx);
    JSObjectRef p = (JSObjectRef)argv[0];
    JSContextGroupRef vm = JSContextGetGroup(ctx);
    unsigned st = priv->promise_status(p, vm);
    JSValueRef vals[2] = {JSValueMakeNumber(ctx, st), st ? priv->promise_result(p, vm) : JSValueMakeUndefined(ctx)};
    return JSObjectMakeArray(ctx, 2, vals, NULL);
}

/* isPromiseHandled(p) -> bool, or undefined when the engine does not say. */
FN(u_is_promise_handled) {
    const dx_jsc_private *priv = dx_jsc_private_get();
    if (argc < 1 || !is_promise(ctx, argv[0]) || !priv->promise_is_handled) return JSValueMakeUndefined(ctx);
    return JSValueMakeBoolean(ctx, priv->promise_is_handled((JSObjectRef)argv[0], JSContextGetGroup(ctx)));
}

/* getProxyTarget(v) -> the target of a Proxy, else undefined. The handler is not reachable on JSC. */
FN(u_get_proxy_target) {
    /* Called for every object util.inspect formats: one API call on the common path. */
    if (argc < 1 || !dx_is_cell(argv[0]) || !JSValueIsObject(ctx, argv[0])) return dx_undefined();
    JSObjectRef t = JSObjectGetProxyTarget((JSObjectRef)argv[0]);
    if (!t) return dx_undefined();
    /* JSC's global object is itself a proxy over the real one: not a Proxy for JS. */
    if (argv[0] == (JSValueRef)JSContextGetGlobalObject(ctx)) return dx_undefined();
    return t;
}

FN(u_gc) {
    JSSynchronousGarbageCollectForDebugging(ctx);
    return JSValueMakeUndefined(ctx);
}

/* getErrorMap() -> flat array errno, name, message for every error libuv knows. */
FN(u_err_map) {
    static const int codes[] = {
#define XX(code, _) UV_##code,
        UV_ERRNO_MAP(XX)
#undef XX
    };
    size_t n = sizeof codes / sizeof codes[0];
    JSValueRef vals[sizeof codes / sizeof codes[0] * 3];
    for (size_t i = 0; i < n; i++) {
        vals[i * 3] = JSValueMakeNumber(ctx, codes[i]);
        vals[i * 3 + 1] = dx_cstr_value(ctx, uv_err_name(codes[i]));
        vals[i * 3 + 2] = dx_cstr_value(ctx, uv_strerror(codes[i]));
    }
    return JSObjectMakeArray(ctx, n * 3, vals, exc);
}

/* valueKind(v) -> the dx_kind of v (0 for anything without a kind of its own); see kinds. */
FN(u_value_kind) {
    return dx_number(argc ? (double)dx_kind_of(argv[0]) : 0);
}

/* kinds: { date: 1, map: 3, ... } for the kinds this engine lets C tell apart. */
static JSObjectRef make_kinds(JSContextRef ctx) {
    uint32_t supported = dx_kind_calibrate(ctx);
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    for (int k = 1; k < DX_KIND_COUNT; k++)
        if (supported & (1u << k)) dx_set(ctx, o, dx_kind_names[k], dx_number(k));
    return o;
}

/* setTraceSigInt(enable): see runtime/sigint_trace.c. */
FN(u_set_trace_sigint) {
    dx_sigint_trace_set(dx_runtime_of(ctx), argc > 0 && JSValueToBoolean(ctx, argv[0]));
    return JSValueMakeUndefined(ctx);
}

JSObjectRef dx__util_binding(JSContextRef ctx) {
    static const dx_fn_entry fns[] = {
        {"getPromiseState", u_get_promise_state},
        {"isPromise", u_is_promise},
        {"isPromiseHandled", u_is_promise_handled},
        {"getProxyTarget", u_get_proxy_target},
        {"valueKind", u_value_kind},
        {"gc", u_gc},
        {"getErrorMap", u_err_map},
        {"setTraceSigInt", u_set_trace_sigint},
        {NULL, NULL},
    };
    JSObjectRef b = dx_make_binding(ctx, fns);
    dx_set(ctx, b, "kinds", make_kinds(ctx));
    return b;
}
