/* dx_runtime: start-up, the one entry into JS with Node's checkpoint, the event loop, exit. */
#include "runtime/runtime.h"

#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/engine.h"
#include "engine/value.h"
#include "engine/jsc_private.h"

/* From JavaScriptCore's GLib API (jsc/JSCOptions.h), whose header cannot be mixed with the C API's. */
gboolean jsc_options_set_boolean(const char *option, gboolean value);
gboolean jsc_options_set_uint(const char *option, guint value);
#include "runtime/bindings.h"
#include "runtime/builtins.h"
#include "runtime/sigint_trace.h"
#include "node/perf_binding.h"
#include "node/stream_wrap.h"

static dx_runtime *current; /* one runtime per process for now (workers get their own later) */

dx_runtime *dx_runtime_of(JSContextRef ctx) { return current; }

/* DX_PROFILE=file: JSC's sampling profiler runs for the whole process and its samples (JSON, one
 * stack per millisecond) are written to `file` at exit; tools/profile-summary.js summarises them.
 * A developer aid for the benchmarks, like node --cpu-prof. */
static const char *profile_path;

static void write_profile(void) {
    if (!profile_path || !current) return;
    JSStringRef s = JSContextGroupTakeSamplesFromSamplingProfiler(current->group);
    if (!s) return;
    size_t cap = JSStringGetMaximumUTF8CStringSize(s);
    char *buf = malloc(cap);
    FILE *f = buf ? fopen(profile_path, "w") : NULL;
    if (f) {
        size_t n = JSStringGetUTF8CString(s, buf, cap);
        fwrite(buf, 1, n ? n - 1 : 0, f);
        fclose(f);
    }
    free(buf);
    JSStringRelease(s);
}

_Noreturn void dx_really_exit(int code) {
    write_profile();
    fflush(NULL);
    dx_stdio_reset();
    /* _exit: JSC's helper threads must not run static destructors under us. */
    _exit(code & 0xff);
}

/* Prints an exception when the JS error machinery itself is unusable. */
static void print_raw_exception(JSContextRef ctx, JSValueRef exc) {
    char *msg = dx_to_utf8(ctx, exc, NULL, NULL);
    char *stack = NULL;
    if (JSValueIsObject(ctx, exc)) {
        JSValueRef s = dx_get(ctx, (JSObjectRef)exc, "stack");
        if (s && JSValueIsString(ctx, s)) stack = dx_to_utf8(ctx, s, NULL, NULL);
    }
    fprintf(stderr, "%s\n%s\n", msg ? msg : "(exception)", stack ? stack : "");
    free(msg);
    free(stack);
}

void dx_report_uncaught(dx_runtime *rt, JSValueRef exc) {
    if (!rt->hooks.on_uncaught) {
        fprintf(stderr, "dx: exception during start-up\n");
        print_raw_exception(rt->ctx, exc);
        dx_really_exit(70);
    }
    JSValueRef exc2 = NULL;
    JSValueRef args[2] = {exc, JSValueMakeBoolean(rt->ctx, false)};
    rt->depth++;
    JSObjectCallAsFunction(rt->ctx, rt->hooks.on_uncaught, NULL, 2, args, &exc2);
    rt->depth--;
    if (exc2) {
        /* An exception inside the uncaughtException machinery or handler: Node exits with 7. */
        print_raw_exception(rt->ctx, exc2);
        dx_really_exit(7);
    }
}

static bool call_hook(dx_runtime *rt, JSObjectRef fn) {
    JSValueRef exc = NULL;
    JSObjectCallAsFunction(rt->ctx, fn, NULL, 0, NULL, &exc);
    if (exc) { dx_report_uncaught(rt, exc); return false; }
    return true;
}

/* Runs the queued promise jobs. JSC runs them by itself when the outermost API lock is released, but
 * then each job enters the VM from outside, and every such entry sets the VM up afresh and, on Linux,
 * clears JSC's date caches (DateCache::resetIfNecessary cannot know whether the time zone changed):
 * 10.6M clears for 1M objects through a web-stream pipe, 20% of its time. So, where this build has
 * them, the jobs run inside one entry of our own, as the microtask checkpoint of newer JSCs does
 * (VMEntryScope::setUpSlow/tearDownSlow around VM::drainMicrotasks; checked once at start-up,
 * fast_drain_check). A job's own calls then enter the VM as nested calls do. */
static void drain_jobs(dx_runtime *rt) {
    if (!rt->fast_drain) {
        JSUnlock(rt->ctx);
        JSLock(rt->ctx);
        return;
    }
    const dx_jsc_private *p = dx_jsc_private_get();
    dx_vm_entry_scope scope = {rt->group, rt->ctx, {0}};
    p->vm_entry_set_up(&scope);
    p->vm_drain_microtasks(rt->group);
    p->vm_entry_tear_down(&scope);
}

/* Whether drain_jobs' own entry works in this build: a job queued from JS runs, and a job that
 * queues another runs that one too. Called under the lock, at depth 1, before any other JS. */
static bool fast_drain_check(dx_runtime *rt) {
    const dx_jsc_private *p = dx_jsc_private_get();
    if (!p->vm_drain_microtasks || !p->vm_entry_set_up || !p->vm_entry_tear_down) return false;
    if (getenv("DX_NO_FAST_DRAIN")) return false;
    JSStringRef src = dx_jsstr("(o) => { Promise.resolve().then(() => { o.n++; Promise.resolve().then(() => { o.n++; }); }); }");
    JSValueRef exc = NULL;
    JSValueRef fn = JSEvaluateScript(rt->ctx, src, NULL, NULL, 1, &exc);
    JSStringRelease(src);
    if (exc || !fn || !JSValueIsObject(rt->ctx, fn)) return false;
    JSObjectRef o = JSObjectMake(rt->ctx, NULL, NULL);
    dx_set(rt->ctx, o, "n", dx_number(0));
    JSValueRef arg = o;
    JSObjectCallAsFunction(rt->ctx, (JSObjectRef)fn, NULL, 1, &arg, &exc);
    if (exc) return false;
    rt->fast_drain = true;
    drain_jobs(rt);
    JSValueRef n = dx_get(rt->ctx, o, "n");
    if (n && JSValueIsNumber(rt->ctx, n) && JSValueToNumber(rt->ctx, n, NULL) == 2) return true;
    rt->fast_drain = false;
    drain_jobs(rt);   /* whatever is left runs the usual way */
    return false;
}

/* Node's processTicksAndRejections, driven from C: the nextTick queue, then the promise jobs (JSC drains
 * them when the outermost API lock is released), then unhandled rejections; until nothing is left. */
static void checkpoint(dx_runtime *rt) {
    bool again;
    do {
        if (rt->tick_info[DX_TICK_HAS_TICK]) call_hook(rt, rt->hooks.run_ticks);
        drain_jobs(rt);
        again = rt->tick_info[DX_TICK_HAS_TICK] != 0;
        /* As Node's processTicksAndRejections: rejections are looked at only once the nextTick
         * queue is empty, so a handler attached by a tick that a promise job queued still counts. */
        if (!again && rt->tick_info[DX_TICK_HAS_REJECTION]) {
            call_hook(rt, rt->hooks.process_rejections);
            again = true;
        }
    } while (again);
}

void dx_enter(dx_runtime *rt) {
    if (rt->depth++ == 0) JSLock(rt->ctx);
}

void dx_leave(dx_runtime *rt) {
    if (rt->depth == 1) {
        checkpoint(rt);
        JSUnlock(rt->ctx);
    }
    rt->depth--;
}

JSValueRef dx_call(dx_runtime *rt, JSObjectRef fn, JSObjectRef self, size_t argc, const JSValueRef argv[]) {
    if (rt->depth++ == 0) JSLock(rt->ctx);
    JSValueRef exc = NULL;
    JSValueRef r = JSObjectCallAsFunction(rt->ctx, fn, self, argc, argv, &exc);
    if (exc) {
        r = NULL;
        dx_report_uncaught(rt, exc);
    }
    if (rt->depth == 1) {
        /* Keep the result alive across the checkpoint, which runs arbitrary JS and GC. */
        if (r) JSValueProtect(rt->ctx, r);
        checkpoint(rt);
        if (r) JSValueUnprotect(rt->ctx, r);
        JSUnlock(rt->ctx);
    }
    rt->depth--;
    return r;
}

static JSObjectRef protect_fn(dx_runtime *rt, JSObjectRef hooks, const char *name) {
    JSValueRef v = dx_get(rt->ctx, hooks, name);
    if (!v || !JSValueIsObject(rt->ctx, v) || !JSObjectIsFunction(rt->ctx, (JSObjectRef)v)) {
        fprintf(stderr, "dx: bootstrap did not provide hook '%s'\n", name);
        dx_really_exit(70);
    }
    JSValueProtect(rt->ctx, v);
    return (JSObjectRef)v;
}

static JSObjectRef make_string_array(JSContextRef ctx, int n, char **items) {
    JSValueRef *vals = malloc(sizeof(JSValueRef) * (n + 1));
    for (int i = 0; i < n; i++) vals[i] = dx_str_value(ctx, items[i], strlen(items[i]));
    JSObjectRef arr = JSObjectMakeArray(ctx, n, vals, NULL);
    free(vals);
    return arr;
}

/* Runs a built-in wrapper function as the module `id` and returns its module.exports. Used only for
 * the two start-up modules; everything else goes through the JS loader in internal/bootstrap/realm. */
static JSValueRef run_startup_module(dx_runtime *rt, const char *id, JSValueRef primordials, JSValueRef *exc) {
    const dx_builtin_source *b = dx_builtin_find(id);
    if (!b) {
        fprintf(stderr, "dx: missing built-in %s\n", id);
        dx_really_exit(70);
    }
    char url[300];
    snprintf(url, sizeof url, "node:%s", id);
    JSObjectRef fn = dx_compile_wrapped(rt->ctx, DX_BUILTIN_WRAPPER_PREFIX, b->src, b->len, url, exc);
    if (!fn) return NULL;
    JSObjectRef module = JSObjectMake(rt->ctx, NULL, NULL);
    JSObjectRef exports = JSObjectMake(rt->ctx, NULL, NULL);
    dx_set(rt->ctx, module, "exports", exports);
    JSValueRef args[5] = {exports, JSValueMakeUndefined(rt->ctx), module, dx_internal_binding_fn(rt->ctx), primordials};
    JSObjectCallAsFunction(rt->ctx, fn, NULL, 5, args, exc);
    if (*exc) return NULL;
    return dx_get(rt->ctx, module, "exports");
}

static void glib_log_quiet(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data) {
    if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) fprintf(stderr, "%s: %s\n", domain ? domain : "glib", msg);
}

/* DX_TRACE_STARTUP=1 prints how long each start-up phase took (docs/performance.md). */
static double trace_t0;
static bool trace_on;
static void trace_phase(const char *phase) {
    if (!trace_on) return;
    fprintf(stderr, "dx startup: %-22s %7.2f ms\n", phase, (double)(uv_hrtime() - (uint64_t)trace_t0) / 1e6);
}

int dx_runtime_main(const dx_options *opts) {
    trace_on = getenv("DX_TRACE_STARTUP") != NULL;
    trace_t0 = trace_on ? (double)uv_hrtime() : 0;
    dx_perf_milestone(DX_PERF_NODE_START);
    static dx_runtime rt_storage;
    dx_runtime *rt = &rt_storage;
    current = rt;
    rt->opts = opts;

    /* JSC's thread suspension signal moves off SIGUSR1 so programs can use it (Node's inspector signal). */
    JSConfigureSignalForGC(SIGRTMIN + 3);
    /* Language features Node 24 has that this JSC keeps behind options, which must be set before the
     * first context (research/jsc-c-api.md §5): SharedArrayBuffer (with Atomics.wait on the main
     * thread, as Node allows) and DisposableStack/AsyncDisposableStack/SuppressedError. */
    jsc_options_set_boolean("useSharedArrayBuffer", TRUE);
    jsc_options_set_boolean("useExplicitResourceManagement", TRUE);
    /* The collector's minimum heap. The C API makes WebKit's "small" heap (1 MB), which collects
     * after every few MB allocated, and in this JSC each collection after buffers whose memory JSC
     * does not own (Buffer.allocUnsafe's) have died is followed by a full one. 16 MB: 1 GiB through a
     * 3-Transform pipeline 201 -> 55 ms, web-stream byte benchmarks 0.3-0.8x, the rest of
     * bench/core within noise except URL parsing (+6%; +13% at WebKit's "large" heap of 32 MB).
     * Start-up and idle memory unchanged (docs/performance.md, session 6). An explicit
     * JSC_smallHeapSize in the environment still decides. */
    if (!getenv("JSC_smallHeapSize")) jsc_options_set_uint("smallHeapSize", 16u << 20);
    signal(SIGPIPE, SIG_IGN);
    dx_stdio_init();
    g_log_set_default_handler(glib_log_quiet, NULL);
    /* JSC's RunLoop (async wasm compilation, FinalizationRegistry, GC timers) lives on this GLib context,
     * which the uv loop turns (glib_pump.c). It must be pushed before the first JSC call. */
    GMainContext *gctx = g_main_context_new();
    g_main_context_push_thread_default(gctx);
    dx_jsc_initialize_main_run_loop();

    rt->loop = uv_default_loop();
    rt->group = JSContextGroupCreate();
    dx_sigint_trace_prepare(rt);
    profile_path = getenv("DX_PROFILE");
    if (profile_path && *profile_path) JSContextGroupEnableSamplingProfiler(rt->group);
    else profile_path = NULL;
    trace_phase("engine (VM) created");
    dx_perf_milestone(DX_PERF_ENGINE_START);
    rt->ctx = JSGlobalContextCreateInGroup(rt->group, NULL);
    trace_phase("global context");
    JSStringRef gname = dx_jsstr("global");
    JSGlobalContextSetName(rt->ctx, gname);
    JSStringRelease(gname);
    if (!dx_value_check(rt->ctx)) {
        fprintf(stderr, "dx: this JavaScriptCore build does not encode values as dx expects (JSVALUE64)\n");
        exit(70);
    }
    dx_jsc_private_get();
    dx__loop_init(rt);
    rt->pump = dx__glib_pump_start(rt);

    JSLock(rt->ctx);
    rt->depth = 1;
    rt->fast_drain = fast_drain_check(rt);
    JSValueRef exc = NULL;
    /* 1. primordials, captured before any other code runs. */
    JSObjectRef primordials = JSObjectMake(rt->ctx, NULL, NULL);
    JSValueProtect(rt->ctx, primordials);
    run_startup_module(rt, "internal/per_context/primordials", primordials, &exc);
    if (exc) goto startup_failed;
    trace_phase("primordials");
    /* 2. the built-in module loader, then 3. the Node bootstrap, which returns the hooks. */
    JSValueRef realm = run_startup_module(rt, "internal/bootstrap/realm", primordials, &exc);
    if (exc) goto startup_failed;
    JSValueRef require_builtin = dx_get(rt->ctx, (JSObjectRef)realm, "requireBuiltin");
    JSValueRef arg = dx_cstr_value(rt->ctx, "internal/bootstrap/node");
    JSValueRef node = JSObjectCallAsFunction(rt->ctx, (JSObjectRef)require_builtin, NULL, 1, &arg, &exc);
    if (exc) goto startup_failed;
    trace_phase("module loader");
    dx_perf_milestone(DX_PERF_ENVIRONMENT);
    JSObjectRef setup = (JSObjectRef)node;
    /* setup(tickInfo, options) -> hooks */
    JSObjectRef tick_info = JSObjectMakeTypedArrayWithBytesNoCopy(rt->ctx, kJSTypedArrayTypeInt32Array, rt->tick_info,
                                                                   sizeof rt->tick_info, NULL, NULL, &exc);
    JSObjectRef o = JSObjectMake(rt->ctx, NULL, NULL);
    dx_set(rt->ctx, o, "argv", make_string_array(rt->ctx, opts->argc, opts->argv));
    dx_set(rt->ctx, o, "execArgv", make_string_array(rt->ctx, opts->exec_argc, opts->exec_argv));
    dx_set(rt->ctx, o, "execPath", dx_cstr_value(rt->ctx, opts->exec_path));
    dx_set(rt->ctx, o, "argv0", dx_cstr_value(rt->ctx, opts->argv0));
    dx_set(rt->ctx, o, "nodeVersion", dx_cstr_value(rt->ctx, DX_NODE_VERSION));
    dx_set(rt->ctx, o, "dxVersion", dx_cstr_value(rt->ctx, DX_VERSION));
    dx_set(rt->ctx, o, "uvVersion", dx_cstr_value(rt->ctx, uv_version_string()));
    dx_set(rt->ctx, o, "jscVersion", dx_cstr_value(rt->ctx, DX_JSC_VERSION));
#if defined(__x86_64__)
    dx_set(rt->ctx, o, "arch", dx_cstr_value(rt->ctx, "x64"));
#elif defined(__aarch64__)
    dx_set(rt->ctx, o, "arch", dx_cstr_value(rt->ctx, "arm64"));
#else
    dx_set(rt->ctx, o, "arch", dx_cstr_value(rt->ctx, "unknown"));
#endif
    JSValueRef sargs[2] = {tick_info, o};
    JSValueRef hooks_v = JSObjectCallAsFunction(rt->ctx, setup, NULL, 2, sargs, &exc);
    if (exc) goto startup_failed;
    JSObjectRef hooks = (JSObjectRef)hooks_v;
    rt->hooks.run_ticks = protect_fn(rt, hooks, "runTicks");
    rt->hooks.process_rejections = protect_fn(rt, hooks, "processRejections");
    rt->hooks.on_uncaught = protect_fn(rt, hooks, "triggerUncaughtException");
    rt->hooks.process_timers = protect_fn(rt, hooks, "processTimers");
    rt->hooks.process_immediate = protect_fn(rt, hooks, "processImmediate");
    rt->hooks.emit_before_exit = protect_fn(rt, hooks, "emitBeforeExit");
    rt->hooks.emit_exit = protect_fn(rt, hooks, "emitExit");
    rt->hooks.run_main = protect_fn(rt, hooks, "runMain");
    rt->hooks.on_signal = protect_fn(rt, hooks, "onSignal");
    JSObjectRef on_rejection = (JSObjectRef)dx_get(rt->ctx, hooks, "onUnhandledRejection");
    JSGlobalContextSetUnhandledRejectionCallback(rt->ctx, on_rejection, &exc);
    if (exc) goto startup_failed;

    trace_phase("bootstrap (process...)");
    dx_perf_milestone(DX_PERF_BOOTSTRAP_COMPLETE);
    /* The main script is the first macrotask: it runs under the lock, then the checkpoint. */
    rt->depth = 0;
    JSUnlock(rt->ctx);
    static const char *kinds[] = {"file", "eval", "print", "stdin"};
    JSValueRef margs[2] = {dx_cstr_value(rt->ctx, kinds[opts->kind]),
                           opts->entry ? dx_str_value(rt->ctx, opts->entry, strlen(opts->entry)) : JSValueMakeUndefined(rt->ctx)};
    dx_call(rt, rt->hooks.run_main, NULL, 2, margs);

    trace_phase("main script");
    /* The event loop, then 'beforeExit' (which may schedule more work), then 'exit'. */
    dx_perf_milestone(DX_PERF_LOOP_START);
    for (;;) {
        uv_run(rt->loop, UV_RUN_DEFAULT);
        dx_call(rt, rt->hooks.emit_before_exit, NULL, 0, NULL);
        if (!uv_loop_alive(rt->loop)) break;
    }
    dx_perf_milestone(DX_PERF_LOOP_EXIT);
    /* Promise jobs queued by 'exit' listeners still run (Node drains them at the end of the emit);
     * nextTicks do not, nextTick drops them once the process is exiting. */
    JSValueRef code = dx_call(rt, rt->hooks.emit_exit, NULL, 0, NULL);
    int exit_code = code ? (int)JSValueToNumber(rt->ctx, code, NULL) : 1;
    dx_really_exit(exit_code);

startup_failed:
    fprintf(stderr, "dx: start-up failed\n");
    print_raw_exception(rt->ctx, exc);
    dx_really_exit(70);
}
