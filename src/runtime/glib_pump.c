/* Turns JSC's GLib run loop from the uv loop. JSC's RunLoop timers (async WebAssembly compilation,
 * FinalizationRegistry cleanup, GC activity) are GLib sources on the thread-default GMainContext; nothing
 * would dispatch them otherwise. Each loop iteration: prepare+query the context (uv_prepare), watch its fds
 * (uv_poll) and its timeout (uv_timer), then check+dispatch (uv_check), under the JS lock with a checkpoint.
 * The handles are unref'd: JSC's idle timers must not keep a program alive. Work a program waits for
 * (a pending WebAssembly.compile) refs the pump through dx__glib_pump_ref. */
#include <glib.h>
#include <stdlib.h>

#include "engine/engine.h"
#include "engine/jsc_private.h"
#include "runtime/runtime.h"

#define MAX_FDS 8

typedef struct dx_glib_pump {
    dx_runtime *rt;
    GMainContext *gctx;
    uv_prepare_t prepare;
    uv_check_t check;
    uv_timer_t timeout;
    uv_poll_t *polls[MAX_FDS];
    int poll_fds[MAX_FDS];
    int npolls;
    GPollFD fds[MAX_FDS];
    int nfds;
    gint max_priority;
    int refs;
} dx_glib_pump;

static void on_poll(uv_poll_t *p, int status, int events) { (void)p; (void)status; (void)events; }
static void on_timeout(uv_timer_t *t) { (void)t; }
static void on_poll_closed(uv_handle_t *h) { free(h); }

static void apply_ref(dx_glib_pump *p, uv_handle_t *h) {
    if (p->refs > 0) uv_ref(h);
    else uv_unref(h);
}

static void on_prepare(uv_prepare_t *h) {
    dx_glib_pump *p = h->data;
    gint timeout = -1;
    g_main_context_prepare(p->gctx, &p->max_priority);
    p->nfds = g_main_context_query(p->gctx, p->max_priority, &timeout, p->fds, MAX_FDS);
    if (p->nfds > MAX_FDS) p->nfds = MAX_FDS;
    /* Re-watch the fds when the set changed (one eventfd in practice, so this runs once). */
    bool same = p->nfds == p->npolls;
    for (int i = 0; same && i < p->nfds; i++) same = p->poll_fds[i] == p->fds[i].fd;
    if (!same) {
        for (int i = 0; i < p->npolls; i++) uv_close((uv_handle_t *)p->polls[i], on_poll_closed);
        p->npolls = 0;
        for (int i = 0; i < p->nfds; i++) {
            uv_poll_t *ph = malloc(sizeof *ph);
            if (!ph || uv_poll_init(p->rt->loop, ph, p->fds[i].fd) != 0) { free(ph); continue; }
            ph->data = p;
            uv_poll_start(ph, UV_READABLE, on_poll);
            uv_unref((uv_handle_t *)ph);
            p->polls[p->npolls] = ph;
            p->poll_fds[p->npolls++] = p->fds[i].fd;
        }
    }
    if (timeout >= 0) {
        uv_timer_start(&p->timeout, on_timeout, (uint64_t)timeout, 0);
        apply_ref(p, (uv_handle_t *)&p->timeout);
    } else {
        uv_timer_stop(&p->timeout);
    }
}

static void on_check(uv_check_t *h) {
    dx_glib_pump *p = h->data;
    for (int i = 0; i < p->nfds; i++) p->fds[i].revents = 0;
    /* revents are not needed by JSC's sources (they check their own state), but give GLib a real poll. */
    if (p->nfds > 0) g_poll(p->fds, p->nfds, 0);
    if (g_main_context_check(p->gctx, p->max_priority, p->fds, p->nfds)) {
        /* Dispatch runs JS (FinalizationRegistry callbacks, wasm promise resolution): it is a macrotask
         * like any other, under the lock and followed by the checkpoint. */
        dx_enter(p->rt);
        g_main_context_dispatch(p->gctx);
        dx_leave(p->rt);
    }
}

dx_glib_pump *dx__glib_pump_start(dx_runtime *rt) {
    dx_glib_pump *p = calloc(1, sizeof *p);
    p->rt = rt;
    p->gctx = g_main_context_get_thread_default();
    uv_prepare_init(rt->loop, &p->prepare);
    p->prepare.data = p;
    uv_prepare_start(&p->prepare, on_prepare);
    uv_unref((uv_handle_t *)&p->prepare);
    uv_check_init(rt->loop, &p->check);
    p->check.data = p;
    uv_check_start(&p->check, on_check);
    uv_unref((uv_handle_t *)&p->check);
    uv_timer_init(rt->loop, &p->timeout);
    uv_unref((uv_handle_t *)&p->timeout);
    return p;
}

void dx__glib_pump_ref(dx_glib_pump *p, int delta) {
    p->refs += delta;
    apply_ref(p, (uv_handle_t *)&p->prepare);
}
