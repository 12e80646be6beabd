/* internalBinding('process'): the system side of `process` (lib/internal/bootstrap/node.js shapes it). */
#include <errno.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/engine.h"
#include "engine/jsc_private.h"
#include "runtime/runtime.h"

extern char **environ;

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)

FN(p_cwd) {
    char buf[4096];
    size_t n = sizeof buf;
    int r = uv_cwd(buf, &n);
    if (r < 0) { *exc = dx_make_uv_error(ctx, r, "uv_cwd", NULL); return NULL; }
    return dx_str_value(ctx, buf, n);
}

FN(p_chdir) {
    char *dir = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!dir) return NULL;
    int r = uv_chdir(dir);
    if (r < 0) {
        /* Node: "ENOENT: no such file or directory, chdir /cwd -> 'dir'" */
        char cwd[4096];
        size_t n = sizeof cwd;
        if (uv_cwd(cwd, &n) < 0) cwd[0] = 0;
        char msg[8300];
        snprintf(msg, sizeof msg, "%s -> '%s'", cwd, dir);
        *exc = dx_make_uv_error(ctx, r, "chdir", NULL);
        char full[8500];
        snprintf(full, sizeof full, "%s: %s, chdir %s", uv_err_name(r), uv_strerror(r), msg);
        dx_set(ctx, (JSObjectRef)*exc, "message", dx_str_value(ctx, full, strlen(full)));
        dx_set(ctx, (JSObjectRef)*exc, "path", dx_str_value(ctx, cwd, strlen(cwd)));
        dx_set(ctx, (JSObjectRef)*exc, "dest", dx_str_value(ctx, dir, strlen(dir)));
        free(dir);
        return NULL;
    }
    free(dir);
    return JSValueMakeUndefined(ctx);
}

/* umask(mask?) -> the old mask; without a mask reads it without changing it. */
FN(p_umask) {
    mode_t old;
    if (argc > 0 && !JSValueIsUndefined(ctx, argv[0])) {
        old = umask((mode_t)JSValueToNumber(ctx, argv[0], NULL));
    } else {
        old = umask(0);
        umask(old);
    }
    return JSValueMakeNumber(ctx, old);
}

/* hrtime(): fills the Uint32Array argument with [sec_hi, sec_lo, nsec]. */
FN(p_hrtime) {
    uint64_t t = uv_hrtime();
    uint32_t *out = JSObjectGetTypedArrayBytesPtr(ctx, (JSObjectRef)argv[0], NULL);
    uint64_t sec = t / 1000000000u;
    out[0] = (uint32_t)(sec >> 32);
    out[1] = (uint32_t)sec;
    out[2] = (uint32_t)(t % 1000000000u);
    return JSValueMakeUndefined(ctx);
}

FN(p_hrtime_bigint) { return JSBigIntCreateWithUInt64(ctx, uv_hrtime(), exc); }

/* memoryUsage(Float64Array(5)): rss, heapTotal, heapUsed, external, arrayBuffers. */
FN(p_memory_usage) {
    double *out = JSObjectGetTypedArrayBytesPtr(ctx, (JSObjectRef)argv[0], NULL);
    size_t rss = 0;
    uv_resident_set_memory(&rss);
    out[0] = (double)rss;
    JSObjectRef stats = JSGetMemoryUsageStatistics(ctx);
    out[1] = JSValueToNumber(ctx, dx_get(ctx, stats, "heapCapacity"), NULL);
    out[2] = JSValueToNumber(ctx, dx_get(ctx, stats, "heapSize"), NULL);
    out[3] = JSValueToNumber(ctx, dx_get(ctx, stats, "extraMemorySize"), NULL);
    out[4] = out[3];
    return JSValueMakeUndefined(ctx);
}

FN(p_rss) {
    size_t rss = 0;
    uv_resident_set_memory(&rss);
    return JSValueMakeNumber(ctx, (double)rss);
}

/* cpuUsage(Float64Array(2)): user and system CPU time in microseconds. */
FN(p_cpu_usage) {
    double *out = JSObjectGetTypedArrayBytesPtr(ctx, (JSObjectRef)argv[0], NULL);
    uv_rusage_t ru;
    int r = uv_getrusage(&ru);
    if (r < 0) { *exc = dx_make_uv_error(ctx, r, "uv_getrusage", NULL); return NULL; }
    out[0] = (double)ru.ru_utime.tv_sec * 1e6 + (double)ru.ru_utime.tv_usec;
    out[1] = (double)ru.ru_stime.tv_sec * 1e6 + (double)ru.ru_stime.tv_usec;
    return JSValueMakeUndefined(ctx);
}

/* kill(pid, signum) -> 0 or a negative uv error code. */
FN(p_kill) {
    int pid = (int)JSValueToNumber(ctx, argv[0], NULL);
    int sig = (int)JSValueToNumber(ctx, argv[1], NULL);
    return JSValueMakeNumber(ctx, uv_kill(pid, sig));
}

FN(p_really_exit) {
    int code = argc > 0 ? (int)JSValueToNumber(ctx, argv[0], NULL) : 0;
    dx_really_exit(code);
}

FN(p_pid) { return JSValueMakeNumber(ctx, uv_os_getpid()); }
FN(p_ppid) { return JSValueMakeNumber(ctx, uv_os_getppid()); }

FN(p_get_title) {
    char buf[512];
    if (uv_get_process_title(buf, sizeof buf) < 0) return dx_cstr_value(ctx, "dx");
    return dx_str_value(ctx, buf, strlen(buf));
}

FN(p_set_title) {
    char *t = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!t) return NULL;
    uv_set_process_title(t);
    free(t);
    return JSValueMakeUndefined(ctx);
}

/* guessHandleType(fd) -> 'TTY' | 'PIPE' | 'FILE' | 'TCP' | 'UDP' | 'UNKNOWN' */
FN(p_guess_handle_type) {
    int fd = (int)JSValueToNumber(ctx, argv[0], NULL);
    const char *t = "UNKNOWN";
    switch (uv_guess_handle(fd)) {
    case UV_TTY: t = "TTY"; break;
    case UV_NAMED_PIPE: t = "PIPE"; break;
    case UV_FILE: t = "FILE"; break;
    case UV_TCP: t = "TCP"; break;
    case UV_UDP: t = "UDP"; break;
    default: break;
    }
    return dx_cstr_value(ctx, t);
}

/* ttyWindowSize(fd) -> [columns, rows] or undefined. */
FN(p_tty_window_size) {
    int fd = (int)JSValueToNumber(ctx, argv[0], NULL);
    uv_tty_t tty;
    int w, h;
    if (uv_tty_init(dx_runtime_of(ctx)->loop, &tty, fd, 0) < 0) return JSValueMakeUndefined(ctx);
    int r = uv_tty_get_winsize(&tty, &w, &h);
    uv_close((uv_handle_t *)&tty, NULL);
    /* uv_close completes on the next loop turn; the stack handle must be gone before that. */
    uv_run(dx_runtime_of(ctx)->loop, UV_RUN_NOWAIT);
    if (r < 0) return JSValueMakeUndefined(ctx);
    JSValueRef v[2] = {JSValueMakeNumber(ctx, w), JSValueMakeNumber(ctx, h)};
    return JSObjectMakeArray(ctx, 2, v, NULL);
}

/* wasmPending(delta): async WebAssembly work in flight keeps the loop alive. */
FN(p_wasm_pending) {
    dx_runtime *rt = dx_runtime_of(ctx);
    dx__glib_pump_ref(rt->pump, (int)JSValueToNumber(ctx, argv[0], NULL));
    return JSValueMakeUndefined(ctx);
}

/* ---- signals: process.on('SIGINT') and friends ---- */

#define DX_MAX_SIGNAL 65
static uv_signal_t *signal_handles[DX_MAX_SIGNAL];

static void on_signal(uv_signal_t *h, int signum) {
    dx_runtime *rt = h->data;
    JSValueRef arg = JSValueMakeNumber(rt->ctx, signum);
    dx_call(rt, rt->hooks.on_signal, NULL, 1, &arg);
}

static void on_signal_closed(uv_handle_t *h) { free(h); }

/* signalStart(signum) -> 0 or a negative uv error. The handle is unref'd: a listener alone does not
 * keep a program alive, as in Node. SIGSEGV and SIGBUS stay JSC's (WebAssembly guard pages). */
FN(p_signal_start) {
    int sig = (int)JSValueToNumber(ctx, argv[0], NULL);
    if (sig <= 0 || sig >= DX_MAX_SIGNAL) return JSValueMakeNumber(ctx, UV_EINVAL);
    if (sig == SIGSEGV || sig == SIGBUS) return JSValueMakeNumber(ctx, 0);
    if (signal_handles[sig]) return JSValueMakeNumber(ctx, 0);
    dx_runtime *rt = dx_runtime_of(ctx);
    uv_signal_t *h = malloc(sizeof *h);
    uv_signal_init(rt->loop, h);
    h->data = rt;
    int r = uv_signal_start(h, on_signal, sig);
    if (r < 0) {
        uv_close((uv_handle_t *)h, on_signal_closed);
        return JSValueMakeNumber(ctx, r);
    }
    uv_unref((uv_handle_t *)h);
    signal_handles[sig] = h;
    return JSValueMakeNumber(ctx, 0);
}

FN(p_signal_stop) {
    int sig = (int)JSValueToNumber(ctx, argv[0], NULL);
    if (sig > 0 && sig < DX_MAX_SIGNAL && signal_handles[sig]) {
        uv_close((uv_handle_t *)signal_handles[sig], on_signal_closed);
        signal_handles[sig] = NULL;
    }
    return JSValueMakeUndefined(ctx);
}

/* ---- process.env: an exotic object over the real environment, as Node's. ---- */

/* A variable's name as a C string; short names (all real ones) need no allocation. */
typedef struct env_key {
    char *name;
    char buf[256];
} env_key;

static const char *env_key_open(env_key *k, JSStringRef name) {
    size_t cap = JSStringGetMaximumUTF8CStringSize(name);
    k->name = cap <= sizeof k->buf ? k->buf : malloc(cap);
    if (!k->name) abort();
    JSStringGetUTF8CString(name, k->name, cap);
    return k->name;
}

static void env_key_close(env_key *k) {
    if (k->name != k->buf) free(k->name);
}

static JSValueRef env_get(JSContextRef ctx, JSObjectRef obj, JSStringRef name, JSValueRef *exc) {
    env_key k;
    const char *v = getenv(env_key_open(&k, name));
    env_key_close(&k);
    if (!v) return NULL; /* not ours: falls through to the prototype */
    return dx_str_value(ctx, v, strlen(v));
}

static bool env_set(JSContextRef ctx, JSObjectRef obj, JSStringRef name, JSValueRef value, JSValueRef *exc) {
    /* Node coerces to string; symbols throw a TypeError there (JS toString does that for us). */
    char *v = dx_to_utf8(ctx, value, NULL, exc);
    if (!v) return true;
    env_key k;
    const char *n = env_key_open(&k, name);
    if (n[0] && !strchr(n, '=')) setenv(n, v, 1);
    env_key_close(&k);
    free(v);
    return true;
}

static bool env_delete(JSContextRef ctx, JSObjectRef obj, JSStringRef name, JSValueRef *exc) {
    env_key k;
    const char *n = env_key_open(&k, name);
    if (n[0] && !strchr(n, '=')) unsetenv(n);
    env_key_close(&k);
    return true;
}

static void env_names(JSContextRef ctx, JSObjectRef obj, JSPropertyNameAccumulatorRef acc) {
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e) continue;
        char *k = strndup(*e, (size_t)(eq - *e));
        JSStringRef s = dx_jsstr(k);
        JSPropertyNameAccumulatorAddName(acc, s);
        JSStringRelease(s);
        free(k);
    }
}

FN(p_make_env) {
    JSClassDefinition def = kJSClassDefinitionEmpty;
    def.className = "Object";
    def.getProperty = env_get;
    /* No hasProperty: JSC then asks getProperty for `in` too, so a read that finds the variable is one
     * callback (with hasProperty it is two, each dropping and retaking the API lock). */
    def.setProperty = env_set;
    def.deleteProperty = env_delete;
    def.getPropertyNames = env_names;
    JSClassRef cls = JSClassCreate(&def);
    JSObjectRef env = JSObjectMake(ctx, cls, NULL);
    JSClassRelease(cls);
    return env;
}

JSObjectRef dx__process_binding(JSContextRef ctx) {
    static const dx_fn_entry fns[] = {
        {"cwd", p_cwd},
        {"chdir", p_chdir},
        {"umask", p_umask},
        {"hrtime", p_hrtime},
        {"hrtimeBigInt", p_hrtime_bigint},
        {"memoryUsage", p_memory_usage},
        {"rss", p_rss},
        {"cpuUsage", p_cpu_usage},
        {"kill", p_kill},
        {"reallyExit", p_really_exit},
        {"pid", p_pid},
        {"ppid", p_ppid},
        {"getTitle", p_get_title},
        {"setTitle", p_set_title},
        {"guessHandleType", p_guess_handle_type},
        {"ttyWindowSize", p_tty_window_size},
        {"wasmPending", p_wasm_pending},
        {"makeEnv", p_make_env},
        {"signalStart", p_signal_start},
        {"signalStop", p_signal_stop},
        {NULL, NULL},
    };
    return dx_make_binding(ctx, fns);
}
