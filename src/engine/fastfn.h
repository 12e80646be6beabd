/* Native functions without the C API's per-call lock drop.
 *
 * A function made by JSObjectMakeFunctionWithCallback costs 100-300 ns per call from JS, nearly all
 * of it JSC dropping and retaking its API lock around the callback (research/jsc-c-api.md §7). JSC
 * exports the constructor of its own host functions, which JS calls with the lock held, in 3-6 ns.
 * dx_make_fast_function builds such a function around an ordinary C API callback: the callback gets
 * the same arguments (context, callee, `this`, argc, argv, exception slot) and uses the public API as
 * usual; `this` is NULL when the receiver is not an object (the public API would pass the global
 * object or a wrapper object). A start-up self-test checks the exported functions and the call-frame layout;
 * if it fails (another JSC build), this falls back to JSObjectMakeFunctionWithCallback.
 *
 * Differences a callback may notice: the API lock stays held during the call (JSUnlock in a callback
 * never drains microtasks either way), `new f()` throws a TypeError, and `argv` points into the JS
 * stack (valid for the call only). Must be called with the API lock available (any binding call). */
#ifndef DX_ENGINE_FASTFN_H
#define DX_ENGINE_FASTFN_H

#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>

JSObjectRef dx_make_fast_function(JSContextRef ctx, const char *name, JSObjectCallAsFunctionCallback cb);

/* Whether fast functions are in use (self-test passed and DX_NO_FAST_CALLS is unset). */
bool dx_fast_functions(JSContextRef ctx);

#endif
