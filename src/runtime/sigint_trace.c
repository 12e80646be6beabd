/* util.setTraceSigInt(): while enabled, SIGINT prints the stack of the JavaScript running at that
 * moment to stderr and the process then dies by SIGINT, as Node does.
 *
 * A signal handler cannot touch the engine, so the work is split:
 *   - the SIGINT handler only marks the interrupt pending (an atomic) and wakes the event loop
 *     (uv_async_send, which is async-signal-safe);
 *   - while JavaScript runs, JSC's watchdog (JSContextGroupSetExecutionTimeLimit, armed while the
 *     feature is on) calls back on the JS thread every kWatchdogSeconds of execution; the callback
 *     sees the pending interrupt, captures the stack by making an Error there, prints it and
 *     re-raises SIGINT with the default action. The callback answers "keep running" otherwise;
 *   - when no JavaScript runs (the loop is waiting), the async handle's callback does the same
 *     with an empty stack, which is what Node prints in that case.
 * Whichever side claims the pending interrupt first (compare-and-swap) prints; the other does
 * nothing. Main thread only: the state is process-wide, like the signal. */
#include <math.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uv.h>

#include "engine/engine.h"
#include "engine/jsc_private.h"
#include "runtime/runtime.h"
#include "runtime/sigint_trace.h"

#define kWatchdogSeconds 0.05
#define kMaxFrames 10          /* Error.stackTraceLimit's default in Node */

enum { IDLE, PENDING, CLAIMED };

static atomic_int state = IDLE;
static bool enabled;
static bool async_ready;
static uv_async_t wake;
static struct sigaction previous;

static void on_sigint(int sig) {
    (void)sig;
    int expected = IDLE;
    if (atomic_compare_exchange_strong(&state, &expected, PENDING)) uv_async_send(&wake);
}

static bool claim(void) {
    int expected = PENDING;
    return atomic_compare_exchange_strong(&state, &expected, CLAIMED);
}

static void put(const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(2, s, n);
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

static void puts_err(const char *s) { put(s, strlen(s)); }

/* One JSC frame ("name@location", or a bare location) as a V8-style "    at" line. */
static void put_frame(const char *line, size_t len) {
    const char *at = memchr(line, '@', len);
    puts_err("    at ");
    if (at == NULL) {
        put(line, len);
    } else {
        size_t name_len = (size_t)(at - line);
        const char *loc = at + 1;
        size_t loc_len = len - name_len - 1;
        bool anonymous = name_len == 0 || (name_len == 13 && memcmp(line, "__dx_module__", 13) == 0) ||
                         (name_len == 11 && memcmp(line, "global code", 11) == 0);
        if (anonymous) {
            put(loc, loc_len);
        } else {
            put(line, name_len);
            puts_err(" (");
            if (loc_len == 13 && memcmp(loc, "[native code]", 13) == 0) puts_err("native");
            else put(loc, loc_len);
            puts_err(")");
        }
    }
    puts_err("\n");
}

static void print_trace(JSContextRef ctx) {
    puts_err("KEYBOARD_INTERRUPT: Script execution was interrupted by `SIGINT`\n");
    int frames = 0;
    if (ctx != NULL) {
        /* An Error made here records the frames of the code the watchdog interrupted. */
        JSObjectRef err = JSObjectMakeError(ctx, 0, NULL, NULL);
        JSValueRef stack = err ? dx_get(ctx, err, "stack") : NULL;
        char *text = stack && JSValueIsString(ctx, stack) ? dx_to_utf8(ctx, stack, NULL, NULL) : NULL;
        if (text != NULL) {
            const char *p = text;
            while (*p != '\0' && frames < kMaxFrames) {
                const char *end = strchr(p, '\n');
                size_t len = end ? (size_t)(end - p) : strlen(p);
                if (len > 0) {
                    put_frame(p, len);
                    frames++;
                }
                if (end == NULL) break;
                p = end + 1;
            }
            free(text);
        }
    }
    if (frames > 0) puts_err("\n");   /* Node ends a non-empty stack with a blank line */
}

/* Ends the process by SIGINT, as an unhandled interrupt does. */
static _Noreturn void die_by_sigint(void) {
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGINT, &dfl, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGINT);
    _exit(128 + SIGINT);
}

static bool watchdog(JSContextRef ctx, void *data) {
    (void)data;
    if (atomic_load(&state) == PENDING && claim()) {
        print_trace(ctx);
        die_by_sigint();
    }
    /* Keep running, and re-arm explicitly: this JSC does not restart the period by itself. */
    if (enabled) JSContextGroupSetExecutionTimeLimit(JSContextGetGroup(ctx), kWatchdogSeconds, watchdog, NULL);
    return false;
}

static void on_wake(uv_async_t *handle) {
    (void)handle;
    if (claim()) {
        print_trace(NULL);
        die_by_sigint();
    }
}

void dx_sigint_trace_prepare(dx_runtime *rt) {
    JSContextGroupSetExecutionTimeLimit(rt->group, INFINITY, watchdog, NULL);
}

void dx_sigint_trace_set(dx_runtime *rt, bool enable) {
    if (enable == enabled) return;
    if (enable) {
        if (!async_ready) {
            uv_async_init(rt->loop, &wake, on_wake);
            uv_unref((uv_handle_t *)&wake);
            async_ready = true;
        }
        atomic_store(&state, IDLE);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigint;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGINT, &sa, &previous);
        JSContextGroupSetExecutionTimeLimit(rt->group, kWatchdogSeconds, watchdog, NULL);
    } else {
        /* Not cleared: a period already started still ends in a call, which must not terminate
         * (a watchdog without a callback would). */
        JSContextGroupSetExecutionTimeLimit(rt->group, INFINITY, watchdog, NULL);
        sigaction(SIGINT, &previous, NULL);
        atomic_store(&state, IDLE);
    }
    enabled = enable;
}
