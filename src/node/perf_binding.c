/* internalBinding('perf'): the clocks behind node:perf_hooks and Event.timeStamp.
 *
 * The time origin is taken when the process image is initialised (a constructor runs before main),
 * which is what Node calls the process start: performance.now() counts milliseconds from it on the
 * monotonic clock (uv_hrtime), and performance.timeOrigin is the wall-clock time of that instant. */
#include <math.h>
#include <time.h>
#include <uv.h>

#include "engine/engine.h"
#include "node/histogram_stats.h"
#include "node/perf_binding.h"
#include "runtime/bindings.h"
#include "runtime/runtime.h"

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)

static uint64_t origin_ns;        /* uv_hrtime() at process start */
static double origin_wall_ms;     /* CLOCK_REALTIME at the same instant, in ms */
static double milestones[DX_PERF_MILESTONE_COUNT];  /* ms since origin, -1 if not reached */

__attribute__((constructor)) static void perf_origin(void) {
    struct timespec ts;
    origin_ns = uv_hrtime();
    clock_gettime(CLOCK_REALTIME, &ts);
    origin_wall_ms = (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
    for (int i = 0; i < DX_PERF_MILESTONE_COUNT; i++) milestones[i] = -1;
}

static double since_origin_ms(void) { return (double)(uv_hrtime() - origin_ns) / 1e6; }

void dx_perf_milestone(int which) {
    if (which >= 0 && which < DX_PERF_MILESTONE_COUNT) milestones[which] = since_origin_ms();
}

/* now(): milliseconds since the time origin (performance.now()). */
FN(p_now) { return JSValueMakeNumber(ctx, since_origin_ms()); }

/* timeOrigin(): the wall-clock time of the origin, ms since the epoch. */
FN(p_time_origin) { return JSValueMakeNumber(ctx, origin_wall_ms); }

/* loopIdleTime(): milliseconds the event loop spent waiting in the kernel for events. */
FN(p_loop_idle_time) {
    dx_runtime *rt = dx_runtime_of(ctx);
    return JSValueMakeNumber(ctx, (double)uv_metrics_idle_time(rt->loop) / 1e6);
}

/* milestones(Float64Array(DX_PERF_MILESTONE_COUNT)): fills the milestones, -1 where not reached. */
FN(p_milestones) {
    if (argc < 1 || !JSValueIsObject(ctx, argv[0])) return JSValueMakeUndefined(ctx);
    JSObjectRef arr = (JSObjectRef)argv[0];
    if (JSValueGetTypedArrayType(ctx, arr, NULL) != kJSTypedArrayTypeFloat64Array ||
        JSObjectGetTypedArrayByteLength(ctx, arr, NULL) < sizeof milestones)
        return JSValueMakeUndefined(ctx);
    uint8_t *base = JSObjectGetTypedArrayBytesPtr(ctx, arr, NULL);
    size_t off = JSObjectGetTypedArrayByteOffset(ctx, arr, NULL);
    double *out = (double *)(base + off);
    for (int i = 0; i < DX_PERF_MILESTONE_COUNT; i++) out[i] = milestones[i];
    return JSValueMakeUndefined(ctx);
}

/* The distributions behind the histograms' statistical tests (lib/internal/perf/histogram.js); the
 * caller passes numbers, validated in JS. */
static double num_arg(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
    return i < argc ? JSValueToNumber(ctx, argv[i], NULL) : NAN;
}

/* studentTCdf(t, df) */
FN(p_student_t_cdf) {
    return JSValueMakeNumber(ctx, dx_hist_student_t_cdf(num_arg(ctx, argc, argv, 0), num_arg(ctx, argc, argv, 1)));
}

/* studentTUpperQuantile(p, df) */
FN(p_student_t_quantile) {
    return JSValueMakeNumber(ctx, dx_hist_student_t_upper_quantile(num_arg(ctx, argc, argv, 0),
                                                                   num_arg(ctx, argc, argv, 1)));
}

/* normalCdf(x) */
FN(p_normal_cdf) { return JSValueMakeNumber(ctx, dx_hist_normal_cdf(num_arg(ctx, argc, argv, 0))); }

/* percentileRanks(n, p, tail, which): the lower (which = 0) or upper (1) confidence rank. */
FN(p_percentile_rank) {
    double n = num_arg(ctx, argc, argv, 0);
    if (!(n >= 0 && n <= 9007199254740991.0)) return JSValueMakeNumber(ctx, 0);
    double p = num_arg(ctx, argc, argv, 1), tail = num_arg(ctx, argc, argv, 2);
    int64_t r = num_arg(ctx, argc, argv, 3) == 0 ? dx_hist_rank_lower((int64_t)n, p, tail)
                                                 : dx_hist_rank_upper((int64_t)n, p, tail);
    return JSValueMakeNumber(ctx, (double)r);
}

/* ewmaAlpha(halfLife) */
FN(p_ewma_alpha) { return JSValueMakeNumber(ctx, dx_hist_ewma_alpha(num_arg(ctx, argc, argv, 0))); }

JSObjectRef dx__perf_binding(JSContextRef ctx) {
    static const dx_fn_entry fns[] = {
        {"now", p_now},
        {"timeOrigin", p_time_origin},
        {"loopIdleTime", p_loop_idle_time},
        {"milestones", p_milestones},
        {"studentTCdf", p_student_t_cdf},
        {"studentTUpperQuantile", p_student_t_quantile},
        {"normalCdf", p_normal_cdf},
        {"percentileRank", p_percentile_rank},
        {"ewmaAlpha", p_ewma_alpha},
        {NULL, NULL},
    };
    return dx_make_binding(ctx, fns);
}
