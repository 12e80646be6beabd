/* internalBinding('util'): engine facts JS cannot see by itself (promise state, proxy targets). */
#include "engine/engine.h"
#include "engine/jsc_private.h"
#include "runtime/runtime.h"

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)

static bool is_promise(JSContextRef ctx, JSValueRef v) {
    if (!JSValueIsObject(ctx, v)) return false;
    JSObjectRef global = JSContextGetGlobalObject(ctx);
    JSValueRef ctor = dx_get(ctx, global, "Promise");
    /* instanceof is not a brand check; the JS caller uses its own brand check first, this is a guard. */
    return JSValueIsInstanceOfConstructor(ctx, v, (JSObjectRef)ctor, NULL);
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
    if (argc < 1 || !JSValueIsObject(ctx, argv[0])) return JSValueMakeUndefined(ctx);
    /* JSC's global object is itself a proxy over the real one: not a Proxy for JS. */
    if (JSValueIsStrictEqual(ctx, argv[0], JSContextGetGlobalObject(ctx))) return JSValueMakeUndefined(ctx);
    JSObjectRef t = JSObjectGetProxyTarget((JSObjectRef)argv[0]);
    return t ? (JSValueRef)t : JSValueMakeUndefined(ctx);
}

FN(u_gc) {
    JSSynchronousGarbageCollectForDebugging(ctx);
    return JSValueMakeUndefined(ctx);
}

JSObjectRef dx__util_binding(JSContextRef ctx) {
    static const dx_fn_entry fns[] = {
        {"getPromiseState", u_get_promise_state},
        {"isPromiseHandled", u_is_promise_handled},
        {"getProxyTarget", u_get_proxy_target},
        {"gc", u_gc},
        {NULL, NULL},
    };
    return dx_make_binding(ctx, fns);
}
