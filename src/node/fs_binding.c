/* internalBinding('fs'): the file-system calls the foundation needs (module loading, stdio writes).
 * The full node:fs comes later on the same binding. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/engine.h"
#include "engine/jsstr.h"
#include "runtime/runtime.h"

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)

/* Reads a whole fd; returns 0 or a negative uv error. */
static int read_all(int fd, char **out, size_t *len) {
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf) return UV_ENOMEM;
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); return UV_ENOMEM; }
            buf = nb;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r == 0) break;
        if (r < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) { struct pollfd p = {fd, POLLIN, 0}; poll(&p, 1, -1); continue; }
            int e = -errno;
            free(buf);
            return e;
        }
        n += (size_t)r;
    }
    *out = buf;
    *len = n;
    return 0;
}

/* readFileUtf8(path) -> string; throws Node's ENOENT/EISDIR/... error. */
FN(fs_read_file_utf8) {
    char *path = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!path) return NULL;
    JSValueRef result = NULL;
    char *data = NULL;
    size_t len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { *exc = dx_make_uv_error(ctx, -errno, "open", path); goto out; }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) { *exc = dx_make_uv_error(ctx, UV_EISDIR, "read", NULL); goto out; }
    int r = read_all(fd, &data, &len);
    if (r < 0) { *exc = dx_make_uv_error(ctx, r, "read", NULL); goto out; }
    /* A UTF-8 BOM is not part of the text (Node strips it for modules and JSON). */
    size_t skip = (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
                   (unsigned char)data[2] == 0xBF) ? 3 : 0;
    result = dx_str_value(ctx, data + skip, len - skip);
out:
    if (fd >= 0) close(fd);
    free(data);
    free(path);
    return result;
}

/* readStdin() -> the whole of fd 0 as a string (for `dx -` and piped programs). */
FN(fs_read_stdin) {
    char *data = NULL;
    size_t len = 0;
    int r = read_all(0, &data, &len);
    if (r < 0) { *exc = dx_make_uv_error(ctx, r, "read", NULL); return NULL; }
    JSValueRef v = dx_str_value(ctx, data, len);
    free(data);
    return v;
}

/* Writes all of p[0..len) to fd, waiting when a non-blocking fd is full. 0 or a negative errno. */
static int write_all(int fd, const char *p, size_t len) {
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, p + off, len - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) { struct pollfd pf = {fd, POLLOUT, 0}; poll(&pf, 1, -1); continue; }
            return -errno;
        }
        off += (size_t)w;
    }
    return 0;
}

/* writeString(fd, string) -> bytes written (UTF-8); blocks until all is written (stdio to files and
 * SyncWriteStream are synchronous, as Node's). ASCII strings are written from the string's own
 * bytes; others are encoded once, on the stack when small. */
FN(fs_write_string) {
    int fd = (int)JSValueToNumber(ctx, argv[0], NULL);
    if (argc < 2 || !JSValueIsString(ctx, argv[1])) {
        *exc = dx_make_error(ctx, "TypeError", "ERR_INVALID_ARG_TYPE", "writeString expects a string");
        return NULL;
    }
    dx_strview v;
    dx_strview_open(ctx, argv[1], &v);
    size_t n = dx_strview_utf8_length(&v);
    int r;
    if (v.is8bit && n == v.length) {
        r = write_all(fd, v.chars, n);
    } else {
        char stack[16384];
        char *buf = n <= sizeof stack ? stack : malloc(n);
        if (!buf) {
            r = UV_ENOMEM;
        } else {
            n = dx_strview_write_utf8(&v, (uint8_t *)buf, n, NULL);
            r = write_all(fd, buf, n);
            if (buf != stack) free(buf);
        }
    }
    dx_strview_close(&v);
    if (r < 0) { *exc = dx_make_uv_error(ctx, r, "write", NULL); return NULL; }
    return JSValueMakeNumber(ctx, (double)n);
}

/* writeBuffer(fd, Uint8Array) -> bytes written; blocking like writeString. */
FN(fs_write_buffer) {
    int fd = (int)JSValueToNumber(ctx, argv[0], NULL);
    JSObjectRef arr = (JSObjectRef)argv[1];
    const char *p = JSObjectGetTypedArrayBytesPtr(ctx, arr, exc);
    if (!p && *exc) return NULL;
    size_t off = JSObjectGetTypedArrayByteOffset(ctx, arr, NULL);
    size_t len = JSObjectGetTypedArrayByteLength(ctx, arr, NULL);
    int r = p ? write_all(fd, p + off, len) : 0;
    if (r < 0) { *exc = dx_make_uv_error(ctx, r, "write", NULL); return NULL; }
    return JSValueMakeNumber(ctx, (double)len);
}

/* internalModuleStat(path) -> 0 file, 1 directory, negative uv error. */
FN(fs_internal_module_stat) {
    char *path = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!path) return NULL;
    struct stat st;
    int r = stat(path, &st) == 0 ? (S_ISDIR(st.st_mode) ? 1 : 0) : -errno;
    free(path);
    return JSValueMakeNumber(ctx, r);
}

FN(fs_realpath) {
    char *path = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!path) return NULL;
    char *real = realpath(path, NULL);
    JSValueRef r;
    if (!real) { *exc = dx_make_uv_error(ctx, -errno, "realpath", path); r = NULL; }
    else { r = dx_str_value(ctx, real, strlen(real)); free(real); }
    free(path);
    return r;
}

JSObjectRef dx__fs_binding(JSContextRef ctx) {
    static const dx_fn_entry fns[] = {
        {"readFileUtf8", fs_read_file_utf8},
        {"readStdin", fs_read_stdin},
        {"writeString", fs_write_string},
        {"writeBuffer", fs_write_buffer},
        {"internalModuleStat", fs_internal_module_stat},
        {"realpath", fs_realpath},
        {NULL, NULL},
    };
    return dx_make_binding(ctx, fns);
}
