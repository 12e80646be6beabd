/* Declarations of functions that libjavascriptcoregtk-4.1 exports but does not declare in its installed
 * headers. Each names the WebKit header it comes from. Verified against WebKitGTK 2.50.6
 * (../shared/research/jsc-c-api.md). The C++ members are reached with dlsym (jsc_private.c) and may be
 * missing in another build: callers must check for NULL and fall back. */
#ifndef DX_ENGINE_JSC_PRIVATE_H
#define DX_ENGINE_JSC_PRIVATE_H

#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>

/* JSContextRefPrivate.h */
JS_EXPORT void JSGlobalContextSetUnhandledRejectionCallback(JSGlobalContextRef ctx, JSObjectRef function,
                                                            JSValueRef *exception);
typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void *context);
JS_EXPORT void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit,
                                                   JSShouldTerminateCallback callback, void *context);
JS_EXPORT void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);

/* JSObjectRefPrivate.h */
JS_EXPORT JSObjectRef JSObjectGetProxyTarget(JSObjectRef object);
JS_EXPORT JSGlobalContextRef JSObjectGetGlobalContext(JSObjectRef object);

/* JSContextRefPrivate.h: the sampling profiler (samples as JSON). */
JS_EXPORT bool JSContextGroupEnableSamplingProfiler(JSContextGroupRef group);
JS_EXPORT void JSContextGroupDisableSamplingProfiler(JSContextGroupRef group);
JS_EXPORT JSStringRef JSContextGroupTakeSamplesFromSamplingProfiler(JSContextGroupRef group);

/* JSBasePrivate.h */
JS_EXPORT bool JSConfigureSignalForGC(int signal);
JS_EXPORT JSObjectRef JSGetMemoryUsageStatistics(JSContextRef ctx);
JS_EXPORT void JSSynchronousGarbageCollectForDebugging(JSContextRef ctx);
JS_EXPORT void JSSynchronousEdenCollectForDebugging(JSContextRef ctx);
JS_EXPORT void JSReportExtraMemoryCost(JSContextRef ctx, size_t size);

/* JSLockRefPrivate.h: the recursive API lock. Releasing the outermost lock drains the microtask queue. */
JS_EXPORT void JSLock(JSContextRef ctx);
JS_EXPORT void JSUnlock(JSContextRef ctx);

/* C++ members resolved at start-up (runtime/JSPromise.h); NULL when this build lacks them. */
typedef bool (*dx_promise_is_handled_fn)(JSObjectRef promise, JSContextGroupRef vm);
typedef unsigned (*dx_promise_status_fn)(JSObjectRef promise, JSContextGroupRef vm);
typedef JSValueRef (*dx_promise_result_fn)(JSObjectRef promise, JSContextGroupRef vm);
/* runtime/VM.h: runs every queued promise job (and the jobs they queue) now. */
typedef void (*dx_vm_drain_microtasks_fn)(JSContextGroupRef vm);
/* runtime/VMEntryScope.h: the out-of-line halves of entering and leaving the VM from outside. The
 * scope's first field is the VM, its second the global object (this build's setUpSlow and
 * tearDownSlow read the first only: see runtime.c, drain_jobs). */
typedef struct dx_vm_entry_scope {
    JSContextGroupRef vm;
    JSGlobalContextRef global;
    void *spare[6];   /* zeroed room, should a build's scope hold more */
} dx_vm_entry_scope;
typedef void (*dx_vm_entry_fn)(dx_vm_entry_scope *scope);

typedef struct dx_jsc_private {
    dx_promise_is_handled_fn promise_is_handled;
    dx_promise_status_fn promise_status;
    dx_promise_result_fn promise_result;
    dx_vm_drain_microtasks_fn vm_drain_microtasks;
    dx_vm_entry_fn vm_entry_set_up, vm_entry_tear_down;
} dx_jsc_private;

/* WTF::RunLoop::initializeMain(): makes the calling thread's run loop WTF's main one. JSC's full-GC
 * timer reaches WTF::MemoryPressureHandler::singleton(), whose constructor dereferences the main
 * run loop: without this call, the first full collection run from the timer crashes (SIGSEGV at
 * address 8). Call once, on the main thread, after pushing the thread-default GMainContext and
 * before the first JSC call. Does nothing if this build lacks the symbol. */
void dx_jsc_initialize_main_run_loop(void);

/* Resolves the C++ members once; never fails (missing members stay NULL). */
const dx_jsc_private *dx_jsc_private_get(void);

#endif
