/* internalBinding('stream_wrap'): libuv stream handles as JS objects.
 *
 * One generic wrapper (dx_stream) holds any uv_stream_t; the kinds (Pipe, TTY, TCP) only differ in
 * how the handle is initialised and in a few methods of their own (open, getWindowSize, setRawMode).
 * A handle object is a JSClass instance whose private data is the dx_stream; the methods are fast
 * functions on the kinds' prototypes (research/jsc-c-api.md §7), and every write is one crossing.
 *
 * Lifetime (CONVENTIONS: handles are embedded, closed, then freed): the JS object is protected from
 * the moment its uv handle is initialised until the close callback, so libuv never holds a pointer
 * into a collected object; the dx_stream is freed by the finalizer once the handle is closed (or
 * was never initialised). A write or shutdown request object is protected by its C request until
 * completion. Finalizers never call into JS.
 *
 * Results cross back through one shared Float64Array, `streamState` (bytes written by the last
 * write and whether it went asynchronous), and completions through the JS functions given to
 * setCallbacks(): onread (this = handle), afterWrite, afterShutdown, afterFsRead. */
#include "node/stream_wrap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include "engine/bigmem.h"
#include "engine/engine.h"
#include "engine/fastfn.h"
#include "engine/jsstr.h"
#include "engine/value.h"
#include "runtime/runtime.h"

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)

enum { KIND_PIPE, KIND_TTY, KIND_TCP };
enum { ST_NEW, ST_OPEN, ST_CLOSING, ST_CLOSED };

/* Slots of streamState (lib/internal/stream_base.js reads them after each write). */
enum { K_READ_BYTES = 0, K_BYTES_WRITTEN = 1, K_LAST_WRITE_ASYNC = 2, K_STATE_SLOTS = 4 };
static double stream_state[K_STATE_SLOTS];

#define READ_CHUNK 65536
/* Strings up to this many UTF-8 bytes are encoded on the stack before the first write attempt. */
#define STACK_ENCODE 16384

typedef struct dx_stream {
    union {
        uv_handle_t handle;
        uv_stream_t stream;
        uv_pipe_t pipe;
        uv_tty_t tty;
        uv_tcp_t tcp;
    } u;
    dx_runtime *rt;
    JSObjectRef obj;      /* the JS handle object, protected while state is OPEN or CLOSING */
    JSObjectRef close_cb; /* protected until the close callback ran */
    int kind;
    int state;
    int fd;               /* the fd it was opened on, or -1 */
    double bytes_read;
    double bytes_written;
} dx_stream;

typedef struct write_req {
    uv_write_t req;
    dx_stream *s;
    JSObjectRef obj;      /* the JS request object, protected until completion */
    size_t len;
    char data[];
} write_req;

typedef struct shutdown_req {
    uv_shutdown_t req;
    dx_stream *s;
    JSObjectRef obj;
} shutdown_req;

static struct {
    JSObjectRef onread, after_write, after_shutdown, after_fs_read;
} cb;

static JSClassRef base_class, pipe_class, tty_class, tcp_class;

/* ---- stdio state saved before the first handle touches fds 0-2 ---- */

static int saved_flags[3];
static bool saved[3];
static bool tty_mode_changed;

static void save_stdio(int fd) {
    if (fd < 0 || fd > 2 || saved[fd]) return;
    int fl;
    do fl = fcntl(fd, F_GETFL);
    while (fl == -1 && errno == EINTR);
    if (fl == -1) return;
    saved_flags[fd] = fl;
    saved[fd] = true;
}

void dx_stdio_init(void) {
    for (int fd = 0; fd <= 2; fd++) {
        struct stat st;
        if (fstat(fd, &st) == 0 || errno != EBADF) continue;
        /* A closed stdio fd would be taken by the next open() and receive console output. */
        int nfd = open("/dev/null", O_RDWR);
        if (nfd >= 0 && nfd != fd) {
            dup2(nfd, fd);
            close(nfd);
        }
    }
}

void dx_stdio_reset(void) {
    if (tty_mode_changed) uv_tty_reset_mode();
    for (int fd = 0; fd <= 2; fd++) {
        if (!saved[fd]) continue;
        int r;
        do r = fcntl(fd, F_SETFL, saved_flags[fd]);
        while (r == -1 && errno == EINTR);
    }
}

/* ---- the handle objects ---- */

static void handle_finalize(JSObjectRef obj) {
    dx_stream *s = JSObjectGetPrivate(obj);
    if (!s) return;
    /* OPEN and CLOSING handles are protected, so only NEW and CLOSED ones get here. */
    if (s->state == ST_NEW || s->state == ST_CLOSED) free(s);
}

static dx_stream *stream_of(JSContextRef ctx, JSObjectRef self, JSValueRef *exc) {
    if (!self || !JSValueIsObjectOfClass(ctx, self, base_class)) {
        *exc = dx_make_error(ctx, "TypeError", "ERR_INVALID_THIS", "Illegal invocation");
        return NULL;
    }
    return JSObjectGetPrivate(self);
}

/* The handle is usable for I/O (initialised and not closing). */
static bool usable(dx_stream *s) { return s->state == ST_OPEN; }

static JSObjectRef new_handle(JSContextRef ctx, JSClassRef cls, int kind, dx_stream **out) {
    dx_stream *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->rt = dx_runtime_of(ctx);
    s->kind = kind;
    s->state = ST_NEW;
    s->fd = -1;
    JSObjectRef obj = JSObjectMake(ctx, cls, s);
    s->obj = obj;
    s->u.handle.data = s;
    *out = s;
    return obj;
}

/* The uv handle is initialised: from now on it must be closed, and the object stays alive. */
static void mark_open(JSContextRef ctx, dx_stream *s) {
    s->state = ST_OPEN;
    s->u.handle.data = s;
    JSValueProtect(ctx, s->obj);
}

/* new Pipe(ipc) */
static JSObjectRef ctor_pipe(JSContextRef ctx, JSObjectRef ctor, size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    dx_stream *s;
    JSObjectRef obj = new_handle(ctx, pipe_class, KIND_PIPE, &s);
    if (!obj) { *exc = dx_make_error(ctx, "Error", "ERR_MEMORY_ALLOCATION_FAILED", "Failed to allocate memory"); return NULL; }
    bool ipc = argc > 0 && JSValueToBoolean(ctx, argv[0]);
    int r = uv_pipe_init(s->rt->loop, &s->u.pipe, ipc);
    if (r == 0) mark_open(ctx, s);
    return obj;
}

/* new TCP() */
static JSObjectRef ctor_tcp(JSContextRef ctx, JSObjectRef ctor, size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    dx_stream *s;
    JSObjectRef obj = new_handle(ctx, tcp_class, KIND_TCP, &s);
    if (!obj) { *exc = dx_make_error(ctx, "Error", "ERR_MEMORY_ALLOCATION_FAILED", "Failed to allocate memory"); return NULL; }
    int r = uv_tcp_init(s->rt->loop, &s->u.tcp);
    if (r == 0) mark_open(ctx, s);
    return obj;
}

/* new TTY(fd, ctx): on failure the object is not usable and ctx gets {code, errno, syscall}, the
 * way Node's TTY constructor reports to tty.js (which throws ERR_TTY_INIT_FAILED). */
static JSObjectRef ctor_tty(JSContextRef ctx, JSObjectRef ctor, size_t argc, const JSValueRef argv[], JSValueRef *exc) {
    dx_stream *s;
    JSObjectRef obj = new_handle(ctx, tty_class, KIND_TTY, &s);
    if (!obj) { *exc = dx_make_error(ctx, "Error", "ERR_MEMORY_ALLOCATION_FAILED", "Failed to allocate memory"); return NULL; }
    double d = argc > 0 && dx_is_number(argv[0]) ? dx_number_value(argv[0]) : -1;
    int fd = d >= 0 && d <= 2147483647.0 ? (int)d : -1;
    int r = UV_EBADF;
    if (fd >= 0) {
        save_stdio(fd);
        /* libuv decides readability itself from the fd's access mode; fd 0 is read. */
        r = uv_tty_init(s->rt->loop, &s->u.tty, fd, fd == 0);
    }
    if (r == 0) {
        s->fd = fd;
        mark_open(ctx, s);
    } else if (argc > 1 && JSValueIsObject(ctx, argv[1])) {
        JSObjectRef c = (JSObjectRef)argv[1];
        dx_set(ctx, c, "code", dx_cstr_value(ctx, uv_err_name(r)));
        dx_set(ctx, c, "errno", JSValueMakeNumber(ctx, r));
        dx_set(ctx, c, "syscall", dx_cstr_value(ctx, "uv_tty_init"));
        dx_set(ctx, c, "message", dx_cstr_value(ctx, uv_strerror(r)));
    }
    return obj;
}

/* ---- reading ---- */

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
    (void)suggested;
    buf->base = malloc(READ_CHUNK);
    buf->len = buf->base ? READ_CHUNK : 0;
}

static void free_bytes(void *bytes, void *unused) {
    (void)unused;
    free(bytes);
}

static void on_read(uv_stream_t *st, ssize_t nread, const uv_buf_t *buf) {
    dx_stream *s = st->data;
    dx_runtime *rt = s->rt;
    if (nread == 0) { free(buf->base); return; } /* EAGAIN: nothing to report */
    dx_enter(rt);
    JSValueRef args[2];
    if (nread > 0) {
        s->bytes_read += (double)nread;
        char *p = buf->base;
        if (nread < READ_CHUNK / 2) {
            char *q = realloc(p, (size_t)nread);
            if (q) p = q;
        }
        dx_big_account_js(rt->ctx, (size_t)nread);
        /* On failure the ArrayBuffer JSC made has already freed the bytes. */
        JSObjectRef ab = JSObjectMakeArrayBufferWithBytesNoCopy(rt->ctx, p, (size_t)nread, free_bytes, NULL, NULL);
        args[0] = dx_number((double)nread);
        args[1] = ab ? (JSValueRef)ab : dx_undefined();
        if (!ab) args[0] = dx_number(UV_ENOMEM);
    } else {
        free(buf->base);
        args[0] = dx_number((double)nread);
        args[1] = dx_undefined();
    }
    if (cb.onread) dx_call(rt, cb.onread, s->obj, 2, args);
    dx_leave(rt);
}

FN(s_read_start) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (!usable(s)) return dx_number(UV_EBADF);
    return dx_number(uv_read_start(&s->u.stream, on_alloc, on_read));
}

FN(s_read_stop) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (!usable(s)) return dx_number(UV_EBADF);
    return dx_number(uv_read_stop(&s->u.stream));
}

/* ---- writing ---- */

static void on_write(uv_write_t *req, int status) {
    write_req *w = (write_req *)req;
    dx_stream *s = w->s;
    dx_runtime *rt = s->rt;
    if (status == 0) s->bytes_written += (double)w->len;
    dx_enter(rt);
    JSValueRef args[3] = {w->obj, dx_number(status), s->obj};
    if (cb.after_write) dx_call(rt, cb.after_write, NULL, 3, args);
    JSValueUnprotect(rt->ctx, w->obj);
    dx_leave(rt);
    free(w);
}

/* Writes bytes: as much as the fd takes at once, the rest queued on a request (copied, so the
 * caller's memory may change afterwards). Returns 0 or a negative uv error; sets streamState. */
static int do_write(JSContextRef ctx, dx_stream *s, JSValueRef req_obj, const char *p, size_t len) {
    stream_state[K_LAST_WRITE_ASYNC] = 0;
    stream_state[K_BYTES_WRITTEN] = (double)len;
    if (!usable(s)) return UV_EBADF;
    size_t off = 0;
    if (len > 0) {
        uv_buf_t b = uv_buf_init((char *)p, (unsigned)(len > 0x7fffffff ? 0x7fffffff : len));
        int r = uv_try_write(&s->u.stream, &b, 1);
        if (r >= 0) off = (size_t)r;
        else if (r != UV_EAGAIN && r != UV_ENOSYS) return r;
        s->bytes_written += (double)off;
        if (off == len) return 0;
    } else {
        return 0;
    }
    if (!req_obj || !JSValueIsObject(ctx, req_obj)) return UV_EINVAL;
    size_t rest = len - off;
    write_req *w = malloc(sizeof *w + rest);
    if (!w) return UV_ENOMEM;
    memcpy(w->data, p + off, rest);
    w->s = s;
    w->len = rest;
    w->obj = (JSObjectRef)req_obj;
    /* uv_buf_t lengths are unsigned int on this platform: a very large rest goes in 1 GB pieces. */
    enum { PIECE = 1u << 30 };
    size_t nbufs = (rest + PIECE - 1) / PIECE;
    uv_buf_t one, *bufs = nbufs == 1 ? &one : malloc(nbufs * sizeof *bufs);
    if (!bufs) { free(w); return UV_ENOMEM; }
    for (size_t i = 0; i < nbufs; i++) {
        size_t at = i * (size_t)PIECE;
        bufs[i] = uv_buf_init(w->data + at, (unsigned)(rest - at < PIECE ? rest - at : PIECE));
    }
    /* uv_write copies the uv_buf_t array itself. */
    int r = uv_write(&w->req, &s->u.stream, bufs, (unsigned)nbufs, on_write);
    if (bufs != &one) free(bufs);
    if (r < 0) { free(w); return r; }
    JSValueProtect(ctx, w->obj);
    stream_state[K_LAST_WRITE_ASYNC] = 1;
    return 0;
}

/* writeBuffer(req, arrayBufferView) -> err */
FN(s_write_buffer) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (argc < 2 || !JSValueIsObject(ctx, argv[1]) ||
        JSValueGetTypedArrayType(ctx, argv[1], NULL) == kJSTypedArrayTypeNone) {
        *exc = dx_make_error(ctx, "TypeError", "ERR_INVALID_ARG_TYPE", "Second argument must be a buffer");
        return NULL;
    }
    JSObjectRef arr = (JSObjectRef)argv[1];
    const char *base = JSObjectGetTypedArrayBytesPtr(ctx, arr, exc);
    if (*exc) return NULL;
    size_t off = JSObjectGetTypedArrayByteOffset(ctx, arr, NULL);
    size_t len = JSObjectGetTypedArrayByteLength(ctx, arr, NULL);
    return dx_number(do_write(ctx, s, argv[0], base ? base + off : "", base ? len : 0));
}

enum { ENC_UTF8, ENC_LATIN1 };

static JSValueRef write_string(JSContextRef ctx, JSObjectRef self, size_t argc, const JSValueRef argv[],
                               JSValueRef *exc, int enc) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (argc < 2 || !JSValueIsString(ctx, argv[1])) {
        *exc = dx_make_error(ctx, "TypeError", "ERR_INVALID_ARG_TYPE", "Second argument must be a string");
        return NULL;
    }
    dx_strview v;
    dx_strview_open(ctx, argv[1], &v);
    int r;
    if (v.is8bit && enc == ENC_LATIN1) {
        r = do_write(ctx, s, argv[0], v.chars, v.length);
    } else {
        size_t n = enc == ENC_UTF8 ? dx_strview_utf8_length(&v) : v.length;
        if (v.is8bit && n == v.length) {
            /* ASCII: the string's own bytes are its UTF-8. */
            r = do_write(ctx, s, argv[0], v.chars, v.length);
        } else {
            char stack[STACK_ENCODE];
            char *buf = n <= sizeof stack ? stack : malloc(n ? n : 1);
            if (!buf) {
                r = UV_ENOMEM;
            } else {
                if (enc == ENC_UTF8) {
                    n = dx_strview_write_utf8(&v, (uint8_t *)buf, n, NULL);
                } else {
                    const uint16_t *u = v.chars;
                    for (size_t i = 0; i < v.length; i++) buf[i] = (char)(u[i] & 0xff);
                }
                r = do_write(ctx, s, argv[0], buf, n);
                if (buf != stack) free(buf);
            }
        }
    }
    dx_strview_close(&v);
    return dx_number(r);
}

FN(s_write_utf8) { return write_string(ctx, self, argc, argv, exc, ENC_UTF8); }
FN(s_write_latin1) { return write_string(ctx, self, argc, argv, exc, ENC_LATIN1); }

static void on_shutdown(uv_shutdown_t *req, int status) {
    shutdown_req *sr = (shutdown_req *)req;
    dx_stream *s = sr->s;
    dx_runtime *rt = s->rt;
    dx_enter(rt);
    JSValueRef args[3] = {sr->obj, dx_number(status), s->obj};
    if (cb.after_shutdown) dx_call(rt, cb.after_shutdown, NULL, 3, args);
    JSValueUnprotect(rt->ctx, sr->obj);
    dx_leave(rt);
    free(sr);
}

/* shutdown(req) -> err: ends the writing side once queued writes are done. */
FN(s_shutdown) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (!usable(s)) return dx_number(UV_EBADF);
    if (argc < 1 || !JSValueIsObject(ctx, argv[0])) return dx_number(UV_EINVAL);
    shutdown_req *sr = malloc(sizeof *sr);
    if (!sr) return dx_number(UV_ENOMEM);
    sr->s = s;
    sr->obj = (JSObjectRef)argv[0];
    int r = uv_shutdown(&sr->req, &s->u.stream, on_shutdown);
    if (r < 0) { free(sr); return dx_number(r); }
    JSValueProtect(ctx, sr->obj);
    return dx_number(0);
}

/* ---- closing, ref counting, modes ---- */

static void on_close(uv_handle_t *h) {
    dx_stream *s = h->data;
    dx_runtime *rt = s->rt;
    s->state = ST_CLOSED;
    dx_enter(rt);
    if (s->close_cb) {
        JSObjectRef f = s->close_cb;
        s->close_cb = NULL;
        dx_call(rt, f, s->obj, 0, NULL);
        JSValueUnprotect(rt->ctx, f);
    }
    JSValueUnprotect(rt->ctx, s->obj);
    dx_leave(rt);
}

/* close(callback?) */
FN(s_close) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (s->state != ST_OPEN) return dx_undefined();
    if (argc > 0 && JSValueIsObject(ctx, argv[0]) && JSObjectIsFunction(ctx, (JSObjectRef)argv[0])) {
        s->close_cb = (JSObjectRef)argv[0];
        JSValueProtect(ctx, s->close_cb);
    }
    s->state = ST_CLOSING;
    uv_close(&s->u.handle, on_close);
    return dx_undefined();
}

FN(s_ref) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (usable(s)) uv_ref(&s->u.handle);
    return dx_undefined();
}

FN(s_unref) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (usable(s)) uv_unref(&s->u.handle);
    return dx_undefined();
}

FN(s_has_ref) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    return dx_boolean(usable(s) && uv_has_ref(&s->u.handle));
}

/* setBlocking(bool) -> err */
FN(s_set_blocking) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (!usable(s)) return dx_number(UV_EBADF);
    return dx_number(uv_stream_set_blocking(&s->u.stream, argc > 0 && JSValueToBoolean(ctx, argv[0])));
}

/* Pipe and TCP: open(fd) -> err */
FN(s_open) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (!usable(s) || s->kind == KIND_TTY) return dx_number(UV_EINVAL);
    double d = argc > 0 && dx_is_number(argv[0]) ? dx_number_value(argv[0]) : -1;
    if (!(d >= 0 && d <= 2147483647.0)) return dx_number(UV_EBADF);
    int fd = (int)d;
    save_stdio(fd);
    int r = s->kind == KIND_PIPE ? uv_pipe_open(&s->u.pipe, fd) : uv_tcp_open(&s->u.tcp, fd);
    if (r == 0) s->fd = fd;
    return dx_number(r);
}

/* TTY: getWindowSize(array) -> err; fills array[0] = columns, array[1] = rows. */
FN(s_get_window_size) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (!usable(s) || s->kind != KIND_TTY) return dx_number(UV_EBADF);
    int w, h;
    int r = uv_tty_get_winsize(&s->u.tty, &w, &h);
    if (r == 0 && argc > 0 && JSValueIsObject(ctx, argv[0])) {
        JSObjectSetPropertyAtIndex(ctx, (JSObjectRef)argv[0], 0, dx_number(w), NULL);
        JSObjectSetPropertyAtIndex(ctx, (JSObjectRef)argv[0], 1, dx_number(h), NULL);
    }
    return dx_number(r);
}

/* TTY: setRawMode(bool) -> err */
FN(s_set_raw_mode) {
    dx_stream *s = stream_of(ctx, self, exc);
    if (!s) return NULL;
    if (!usable(s) || s->kind != KIND_TTY) return dx_number(UV_EBADF);
    bool raw = argc > 0 && JSValueToBoolean(ctx, argv[0]);
    int r = uv_tty_set_mode(&s->u.tty, raw ? UV_TTY_MODE_RAW : UV_TTY_MODE_NORMAL);
    if (r == 0) tty_mode_changed = true;
    return dx_number(r);
}

/* ---- accessors (JSClass static values on the base class) ---- */

static JSValueRef get_fd(JSContextRef ctx, JSObjectRef obj, JSStringRef name, JSValueRef *exc) {
    dx_stream *s = JSObjectGetPrivate(obj);
    if (!s || !usable(s)) return dx_number(-1);
    uv_os_fd_t fd;
    if (uv_fileno(&s->u.handle, &fd) != 0) return dx_number(-1);
    return dx_number(fd);
}

static JSValueRef get_bytes_read(JSContextRef ctx, JSObjectRef obj, JSStringRef name, JSValueRef *exc) {
    dx_stream *s = JSObjectGetPrivate(obj);
    return dx_number(s ? s->bytes_read : 0);
}

static JSValueRef get_bytes_written(JSContextRef ctx, JSObjectRef obj, JSStringRef name, JSValueRef *exc) {
    dx_stream *s = JSObjectGetPrivate(obj);
    return dx_number(s ? s->bytes_written : 0);
}

static JSValueRef get_write_queue_size(JSContextRef ctx, JSObjectRef obj, JSStringRef name, JSValueRef *exc) {
    dx_stream *s = JSObjectGetPrivate(obj);
    return dx_number(s && usable(s) ? (double)s->u.stream.write_queue_size : 0);
}

/* ---- files: chunked reads off the main thread (stdin redirected from a file) ---- */

typedef struct fs_read_req {
    uv_fs_t req;
    dx_runtime *rt;
    JSObjectRef obj;
    char *buf;
} fs_read_req;

static void on_fs_read(uv_fs_t *req) {
    fs_read_req *r = (fs_read_req *)req;
    dx_runtime *rt = r->rt;
    ssize_t n = req->result;
    uv_fs_req_cleanup(req);
    dx_enter(rt);
    JSValueRef args[3] = {r->obj, dx_number((double)n), dx_undefined()};
    if (n > 0) {
        char *q = realloc(r->buf, (size_t)n);
        if (q) r->buf = q;
        dx_big_account_js(rt->ctx, (size_t)n);
        /* On failure the ArrayBuffer JSC made has already freed the bytes. */
        JSObjectRef ab = JSObjectMakeArrayBufferWithBytesNoCopy(rt->ctx, r->buf, (size_t)n, free_bytes, NULL, NULL);
        if (ab) args[2] = ab;
        else args[1] = dx_number(UV_ENOMEM);
    } else {
        free(r->buf);
    }
    if (cb.after_fs_read) dx_call(rt, cb.after_fs_read, NULL, 3, args);
    JSValueUnprotect(rt->ctx, r->obj);
    dx_leave(rt);
    free(r);
}

/* fsRead(fd, length, position, req) -> err; later afterFsRead(req, nread | -errno, arrayBuffer?).
 * position < 0 reads from the current file position. */
FN(fs_read) {
    if (argc < 4 || !dx_is_number(argv[0]) || !dx_is_number(argv[1]) || !dx_is_number(argv[2]) ||
        !JSValueIsObject(ctx, argv[3])) {
        *exc = dx_make_error(ctx, "TypeError", "ERR_INVALID_ARG_TYPE", "fsRead(fd, length, position, req)");
        return NULL;
    }
    double fd = dx_number_value(argv[0]), len = dx_number_value(argv[1]), pos = dx_number_value(argv[2]);
    if (!(fd >= 0 && fd <= 2147483647.0) || !(len >= 1 && len <= 0x40000000)) return dx_number(UV_EINVAL);
    fs_read_req *r = malloc(sizeof *r);
    char *buf = malloc((size_t)len);
    if (!r || !buf) { free(r); free(buf); return dx_number(UV_ENOMEM); }
    r->rt = dx_runtime_of(ctx);
    r->obj = (JSObjectRef)argv[3];
    r->buf = buf;
    uv_buf_t b = uv_buf_init(buf, (unsigned)len);
    int e = uv_fs_read(r->rt->loop, &r->req, (uv_file)fd, &b, 1, pos >= 0 ? (int64_t)pos : -1, on_fs_read);
    if (e < 0) { free(buf); free(r); return dx_number(e); }
    JSValueProtect(ctx, r->obj);
    return dx_number(0);
}

/* ---- binding-level functions ---- */

/* setCallbacks(onread, afterWrite, afterShutdown, afterFsRead): once, from stream_base.js. */
FN(b_set_callbacks) {
    JSObjectRef *slots[] = {&cb.onread, &cb.after_write, &cb.after_shutdown, &cb.after_fs_read};
    for (size_t i = 0; i < 4; i++) {
        if (i >= argc || !JSValueIsObject(ctx, argv[i]) || !JSObjectIsFunction(ctx, (JSObjectRef)argv[i])) {
            *exc = dx_make_error(ctx, "TypeError", "ERR_INVALID_ARG_TYPE", "setCallbacks expects 4 functions");
            return NULL;
        }
    }
    for (size_t i = 0; i < 4; i++) {
        if (*slots[i]) JSValueUnprotect(ctx, *slots[i]);
        *slots[i] = (JSObjectRef)argv[i];
        JSValueProtect(ctx, *slots[i]);
    }
    return dx_undefined();
}

/* isTTY(fd) -> bool */
FN(b_is_tty) {
    double d = argc > 0 && dx_is_number(argv[0]) ? dx_number_value(argv[0]) : -1;
    if (!(d >= 0 && d <= 2147483647.0)) return dx_boolean(false);
    return dx_boolean(uv_guess_handle((int)d) == UV_TTY);
}

/* errname(err) -> 'EPIPE'...; strerror(err) -> its message. */
FN(b_errname) {
    int e = argc > 0 && dx_is_number(argv[0]) ? (int)dx_number_value(argv[0]) : 0;
    return dx_cstr_value(ctx, uv_err_name(e));
}

FN(b_strerror) {
    int e = argc > 0 && dx_is_number(argv[0]) ? (int)dx_number_value(argv[0]) : 0;
    return dx_cstr_value(ctx, uv_strerror(e));
}

static void set_methods(JSContextRef ctx, JSObjectRef proto, const dx_fn_entry *fns) {
    for (; fns->name; fns++) dx_define_hidden(ctx, proto, fns->name, dx_make_fast_function(ctx, fns->name, fns->fn));
}

static JSObjectRef make_ctor(JSContextRef ctx, JSObjectRef binding, const char *name, JSClassRef cls,
                             JSObjectCallAsConstructorCallback fn) {
    JSObjectRef c = JSObjectMakeConstructor(ctx, cls, fn);
    dx_set(ctx, binding, name, c);
    return (JSObjectRef)dx_get(ctx, c, "prototype");
}

JSObjectRef dx__stream_wrap_binding(JSContextRef ctx) {
    if (!base_class) {
        static const JSStaticValue values[] = {
            {"fd", get_fd, NULL, kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontEnum},
            {"bytesRead", get_bytes_read, NULL, kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontEnum},
            {"bytesWritten", get_bytes_written, NULL, kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontEnum},
            {"writeQueueSize", get_write_queue_size, NULL, kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontEnum},
            {NULL, NULL, NULL, 0},
        };
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "LibuvStreamWrap";
        def.staticValues = values;
        def.finalize = handle_finalize;
        base_class = JSClassCreate(&def);
        JSClassDefinition sub = kJSClassDefinitionEmpty;
        sub.parentClass = base_class;
        sub.className = "Pipe";
        pipe_class = JSClassCreate(&sub);
        sub.className = "TTY";
        tty_class = JSClassCreate(&sub);
        sub.className = "TCP";
        tcp_class = JSClassCreate(&sub);
    }
    static const dx_fn_entry fns[] = {
        {"setCallbacks", b_set_callbacks},
        {"isTTY", b_is_tty},
        {"errname", b_errname},
        {"strerror", b_strerror},
        {"fsRead", fs_read},
        {NULL, NULL},
    };
    static const dx_fn_entry stream_methods[] = {
        {"readStart", s_read_start},
        {"readStop", s_read_stop},
        {"writeBuffer", s_write_buffer},
        {"writeUtf8String", s_write_utf8},
        {"writeLatin1String", s_write_latin1},
        {"writeAsciiString", s_write_latin1},
        {"shutdown", s_shutdown},
        {"close", s_close},
        {"ref", s_ref},
        {"unref", s_unref},
        {"hasRef", s_has_ref},
        {"setBlocking", s_set_blocking},
        {NULL, NULL},
    };
    static const dx_fn_entry open_methods[] = {
        {"open", s_open},
        {NULL, NULL},
    };
    static const dx_fn_entry tty_methods[] = {
        {"getWindowSize", s_get_window_size},
        {"setRawMode", s_set_raw_mode},
        {NULL, NULL},
    };
    JSObjectRef b = dx_make_binding(ctx, fns);
    /* The kinds' prototypes inherit from the base class's, which holds the generic stream methods. */
    JSObjectRef pipe_proto = make_ctor(ctx, b, "Pipe", pipe_class, ctor_pipe);
    JSObjectRef tty_proto = make_ctor(ctx, b, "TTY", tty_class, ctor_tty);
    JSObjectRef tcp_proto = make_ctor(ctx, b, "TCP", tcp_class, ctor_tcp);
    JSObjectRef base_proto = (JSObjectRef)JSObjectGetPrototype(ctx, pipe_proto);
    set_methods(ctx, base_proto, stream_methods);
    set_methods(ctx, pipe_proto, open_methods);
    set_methods(ctx, tcp_proto, open_methods);
    set_methods(ctx, tty_proto, tty_methods);
    JSValueRef e = NULL;
    JSObjectRef state = JSObjectMakeTypedArrayWithBytesNoCopy(ctx, kJSTypedArrayTypeFloat64Array, stream_state,
                                                              sizeof stream_state, NULL, NULL, &e);
    dx_set(ctx, b, "streamState", state);
    dx_set(ctx, b, "kReadBytes", dx_number(K_READ_BYTES));
    dx_set(ctx, b, "kBytesWritten", dx_number(K_BYTES_WRITTEN));
    dx_set(ctx, b, "kLastWriteWasAsync", dx_number(K_LAST_WRITE_ASYNC));
    dx_set(ctx, b, "UV_EOF", dx_number(UV_EOF));
    return b;
}
