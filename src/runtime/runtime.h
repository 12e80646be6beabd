/* The runtime: one dx_runtime owns the JSC context and the uv loop, and is the one way into JavaScript. */
#ifndef DX_RUNTIME_RUNTIME_H
#define DX_RUNTIME_RUNTIME_H

#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

/* Slots of the Int32Array shared with lib/internal/bootstrap/node.js (`tickInfo`). JS writes them, C reads
 * them without crossing into JS. */
enum {
    DX_TICK_HAS_TICK = 0,       /* the nextTick queue is not empty */
    DX_TICK_HAS_REJECTION = 1,  /* JSC reported unhandled rejections that JS has not processed yet */
    DX_TICK_IMMEDIATES = 2,     /* immediates waiting to run */
    DX_TICK_TIMER_RAN = 3,      /* set by processTimers when it ran a timer and more may be due */
    DX_TICK_SLOTS = 8
};

#include "runtime/options.h"

typedef struct dx_runtime dx_runtime;

/* The hooks bootstrap JS hands back to C; all protected for the runtime's lifetime. */
typedef struct dx_hooks {
    JSObjectRef run_ticks;          /* runs the whole nextTick queue */
    JSObjectRef process_rejections; /* Node's processPromiseRejections */
    JSObjectRef on_uncaught;        /* triggerUncaughtException(err, fromPromise) */
    JSObjectRef process_timers;     /* processTimers(now) -> next expiry (0 none, <0 unref'd) */
    JSObjectRef process_immediate;  /* processImmediate(firstOfBatch) -> more in this batch */
    JSObjectRef emit_before_exit;
    JSObjectRef emit_exit;          /* -> exit code */
    JSObjectRef run_main;
    JSObjectRef on_signal;          /* onSignal(signum): emits the signal's event on process */
} dx_hooks;

struct dx_runtime {
    JSContextGroupRef group;
    JSGlobalContextRef ctx;
    uv_loop_t *loop;
    int depth;                      /* nesting of dx_call: the checkpoint runs at depth 1 only */
    int32_t tick_info[DX_TICK_SLOTS];
    dx_hooks hooks;
    JSObjectRef binding_cache;      /* internalBinding(name) results */
    const dx_options *opts;
    uv_timer_t timer;               /* the one timer behind all JS timers */
    uv_check_t immediate_check;
    uv_idle_t immediate_idle;       /* keeps the loop from blocking while ref'd immediates wait */
    int immediate_refs;
    struct dx_glib_pump *pump;
    bool fast_drain;                /* promise jobs run inside one VM entry of ours (runtime.c, drain_jobs) */
};


/* THE way into JavaScript: calls fn under the API lock; reports an uncaught exception through
 * process 'uncaughtException' handling; at the outermost level runs the checkpoint (nextTicks, then
 * promise jobs, repeated until both are empty, then unhandled rejections). Returns the result, or NULL
 * if the call threw (already reported). */
JSValueRef dx_call(dx_runtime *rt, JSObjectRef fn, JSObjectRef self, size_t argc, const JSValueRef argv[]);

/* A macrotask that is not a single call (GLib dispatch): dx_enter takes the lock, dx_leave runs the
 * checkpoint at the outermost level and releases it. */
void dx_enter(dx_runtime *rt);
void dx_leave(dx_runtime *rt);

/* Reports an exception that escaped JS as Node does (uncaughtException, or print and exit 1). */
void dx_report_uncaught(dx_runtime *rt, JSValueRef exc);

/* The runtime of a context (one per thread). */
dx_runtime *dx_runtime_of(JSContextRef ctx);

/* Flushes and ends the process now (process.reallyExit). */
_Noreturn void dx_really_exit(int code);

/* Event-loop pieces (loop.c) */
void dx__loop_init(dx_runtime *rt);
void dx__loop_close(dx_runtime *rt);
JSObjectRef dx__timers_binding(JSContextRef ctx);

/* GLib run-loop pump for JSC's own timers (glib_pump.c) */
struct dx_glib_pump *dx__glib_pump_start(dx_runtime *rt);
void dx__glib_pump_ref(struct dx_glib_pump *p, int delta);

#endif
