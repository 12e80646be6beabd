/* The uv handles behind JS timers and immediates. Timer lists live in JS (lib/internal/timers.js);
 * C owns one uv_timer_t for the earliest expiry, and calls JS once per due timer so that the
 * checkpoint (nextTicks, promise jobs) runs between two timers, as in Node. */
#include <stdlib.h>

#include "engine/engine.h"
#include "runtime/runtime.h"

static dx_runtime *rt_of(uv_handle_t *h) { return (dx_runtime *)h->data; }

static void on_timer(uv_timer_t *t) {
    dx_runtime *rt = rt_of((uv_handle_t *)t);
    double now = (double)uv_now(rt->loop);
    double next;
    for (;;) {
        JSValueRef arg = JSValueMakeNumber(rt->ctx, now);
        rt->tick_info[DX_TICK_TIMER_RAN] = 0;
        JSValueRef r = dx_call(rt, rt->hooks.process_timers, NULL, 1, &arg);
        if (rt->tick_info[DX_TICK_TIMER_RAN]) continue;
        next = r ? JSValueToNumber(rt->ctx, r, NULL) : 0;
        break;
    }
    if (next == 0) return;
    /* next > 0: a ref'd timer is pending; next < 0: only unref'd ones. */
    double abs_next = next < 0 ? -next : next;
    double delay = abs_next - (double)uv_now(rt->loop);
    uv_timer_start(&rt->timer, on_timer, delay > 0 ? (uint64_t)delay : 1, 0);
    if (next > 0) uv_ref((uv_handle_t *)&rt->timer);
    else uv_unref((uv_handle_t *)&rt->timer);
}

static void on_check(uv_check_t *c) {
    dx_runtime *rt = rt_of((uv_handle_t *)c);
    if (!rt->tick_info[DX_TICK_IMMEDIATES]) return;
    bool first = true;
    for (;;) {
        JSValueRef arg = JSValueMakeBoolean(rt->ctx, first);
        first = false;
        JSValueRef more = dx_call(rt, rt->hooks.process_immediate, NULL, 1, &arg);
        if (!more || !JSValueToBoolean(rt->ctx, more)) break;
    }
}

static void on_idle(uv_idle_t *i) { (void)i; }

void dx__loop_init(dx_runtime *rt) {
    /* performance.eventLoopUtilization() reads the loop's idle time, which libuv only tracks
     * when asked (a clock read around each poll). */
    uv_loop_configure(rt->loop, UV_METRICS_IDLE_TIME);
    uv_timer_init(rt->loop, &rt->timer);
    rt->timer.data = rt;
    uv_check_init(rt->loop, &rt->immediate_check);
    rt->immediate_check.data = rt;
    uv_check_start(&rt->immediate_check, on_check);
    uv_unref((uv_handle_t *)&rt->immediate_check);
    uv_idle_init(rt->loop, &rt->immediate_idle);
    rt->immediate_idle.data = rt;
}

/* scheduleTimer(ms): (re)arms the one uv timer. */
static JSValueRef schedule_timer(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    dx_runtime *rt = dx_runtime_of(ctx);
    double ms = argc > 0 ? JSValueToNumber(ctx, argv[0], NULL) : 1;
    if (!(ms >= 1)) ms = 1;
    uv_timer_start(&rt->timer, on_timer, (uint64_t)ms, 0);
    return JSValueMakeUndefined(ctx);
}

/* toggleTimerRef(bool): whether a ref'd JS timer exists. */
static JSValueRef toggle_timer_ref(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                   const JSValueRef argv[], JSValueRef *exc) {
    dx_runtime *rt = dx_runtime_of(ctx);
    if (argc > 0 && JSValueToBoolean(ctx, argv[0])) uv_ref((uv_handle_t *)&rt->timer);
    else uv_unref((uv_handle_t *)&rt->timer);
    return JSValueMakeUndefined(ctx);
}

/* toggleImmediateRef(bool): ref'd immediates keep the loop alive and its poll phase from blocking. */
static JSValueRef toggle_immediate_ref(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                       const JSValueRef argv[], JSValueRef *exc) {
    dx_runtime *rt = dx_runtime_of(ctx);
    if (argc > 0 && JSValueToBoolean(ctx, argv[0])) uv_idle_start(&rt->immediate_idle, on_idle);
    else uv_idle_stop(&rt->immediate_idle);
    return JSValueMakeUndefined(ctx);
}

/* getLibuvNow(): the loop's clock, brought up to date first (as Node's GetNow does), so a timer
 * started after a long synchronous stretch counts from now, not from the last loop turn. */
static JSValueRef get_libuv_now(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                const JSValueRef argv[], JSValueRef *exc) {
    uv_loop_t *loop = dx_runtime_of(ctx)->loop;
    uv_update_time(loop);
    return JSValueMakeNumber(ctx, (double)uv_now(loop));
}

JSObjectRef dx__timers_binding(JSContextRef ctx) {
    static const dx_fn_entry fns[] = {
        {"scheduleTimer", schedule_timer},
        {"toggleTimerRef", toggle_timer_ref},
        {"toggleImmediateRef", toggle_immediate_ref},
        {"getLibuvNow", get_libuv_now},
        {NULL, NULL},
    };
    return dx_make_binding(ctx, fns);
}
