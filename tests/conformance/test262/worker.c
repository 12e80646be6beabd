#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "worker.h"

#include <JavaScriptCore/JavaScript.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "engine/jsc_private.h"
#include "meta.h"

/* ---- small buffers ---- */

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) abort();
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void buf_str(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    buf b = {0};
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) buf_add(&b, tmp, n);
    fclose(f);
    if (!b.p) buf_add(&b, "", 0);
    if (len) *len = b.len;
    return b.p;
}

/* JS source from UTF-8 bytes that may hold NUL characters (JSStringCreateWithUTF8CString stops at the
 * first). Ill-formed sequences become U+FFFD; test262 files are well-formed, this only keeps bad input
 * from reading past the end. */
static JSStringRef js_source(const char *s, size_t n) {
    JSChar *u = malloc((n + 1) * sizeof *u);
    if (!u) abort();
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        unsigned cp;
        size_t len;
        if (c < 0x80) cp = c, len = 1;
        else if ((c & 0xe0) == 0xc0) cp = c & 0x1f, len = 2;
        else if ((c & 0xf0) == 0xe0) cp = c & 0x0f, len = 3;
        else if ((c & 0xf8) == 0xf0) cp = c & 0x07, len = 4;
        else cp = 0xfffd, len = 1;
        if (len > 1) {
            if (i + len > n) {
                cp = 0xfffd, len = 1;
            } else {
                for (size_t j = 1; j < len; j++) {
                    if (((unsigned char)s[i + j] & 0xc0) != 0x80) {
                        cp = 0xfffd, len = 1;
                        break;
                    }
                    cp = (cp << 6) | ((unsigned char)s[i + j] & 0x3f);
                }
            }
        }
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            u[k++] = (JSChar)(0xd800 + (cp >> 10));
            u[k++] = (JSChar)(0xdc00 + (cp & 0x3ff));
        } else {
            u[k++] = (JSChar)cp;
        }
    }
    JSStringRef r = JSStringCreateWithCharacters(u, k);
    free(u);
    return r;
}

static char *to_utf8(JSStringRef s) {
    size_t cap = JSStringGetMaximumUTF8CStringSize(s);
    char *p = malloc(cap);
    if (!p) abort();
    JSStringGetUTF8CString(s, p, cap);
    return p;
}

/* ---- metadata ---- */

static const t262_config *cfg;

static bool is_unsupported(const char *feature) {
    const char *const *l = cfg->unsupported;
    size_t lo = 0, hi = cfg->n_unsupported;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(feature, l[mid]);
        if (!c) return true;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return false;
}

static bool has_feature(const t262_meta *m, const char *f) {
    for (size_t i = 0; i < m->n_features; i++)
        if (!strcmp(m->features[i], f)) return true;
    return false;
}

static bool meta_needs_dx(const t262_meta *m) { return m->module || has_feature(m, "dynamic-import"); }

bool t262_needs_dx(const char *root, const char *rel) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    char *src = read_all(path, NULL);
    if (!src) return false;
    bool r = false;
    if (strstr(src, "module") || strstr(src, "dynamic-import")) {
        t262_meta m;
        if (t262_meta_parse(src, &m)) r = meta_needs_dx(&m);
        t262_meta_free(&m);
    }
    free(src);
    return r;
}

/* Harness files, read once per worker. */
typedef struct harness_file {
    char *name, *src;
} harness_file;
static harness_file *harness;
static size_t n_harness;

static const char *harness_get(const char *name) {
    for (size_t i = 0; i < n_harness; i++)
        if (!strcmp(harness[i].name, name)) return harness[i].src;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/harness/%s", cfg->root, name);
    char *src = read_all(path, NULL);
    if (!src) return NULL;
    harness = realloc(harness, (n_harness + 1) * sizeof *harness);
    if (!harness) abort();
    harness[n_harness++] = (harness_file){strdup(name), src};
    return src;
}

/* The harness text a test runs after: assert.js and sta.js, doneprintHandle.js for async tests, then
 * the includes. Returns false (with the name in *missing) when an include does not exist. */
static bool harness_text(const t262_meta *m, buf *out, const char **missing) {
    const char *names[T262_MAX_LIST + 3];
    size_t n = 0;
    names[n++] = "assert.js";
    names[n++] = "sta.js";
    if (m->async) names[n++] = "doneprintHandle.js";
    for (size_t i = 0; i < m->n_includes; i++) names[n++] = m->includes[i];
    for (size_t i = 0; i < n; i++) {
        const char *src = harness_get(names[i]);
        if (!src) {
            *missing = names[i];
            return false;
        }
        buf_str(out, src);
        buf_str(out, "\n");
    }
    return true;
}

/* ---- in-process runs ---- */

static JSContextGroupRef group;
static buf printed;   /* what print() wrote during the current run */
static bool timed_out;
static JSGlobalContextRef *realms; /* contexts created by $262.createRealm during the current run */
static size_t n_realms, cap_realms;

static bool should_terminate(JSContextRef ctx, void *data) {
    (void)ctx, (void)data;
    timed_out = true;
    return true;
}

static JSValueRef fn_print(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc, const JSValueRef argv[],
                           JSValueRef *exc) {
    (void)fn, (void)self;
    for (size_t i = 0; i < argc; i++) {
        JSStringRef s = JSValueToStringCopy(ctx, argv[i], exc);
        if (!s) return NULL;
        char *u = to_utf8(s);
        JSStringRelease(s);
        if (i) buf_str(&printed, " ");
        buf_str(&printed, u);
        free(u);
    }
    buf_str(&printed, "\n");
    return JSValueMakeUndefined(ctx);
}

static JSObjectRef setup_realm(JSGlobalContextRef ctx, JSValueRef *exc);

static JSValueRef fn_create_realm(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    (void)ctx, (void)fn, (void)self, (void)argc, (void)argv;
    JSGlobalContextRef r = JSGlobalContextCreateInGroup(group, NULL);
    if (n_realms == cap_realms) {
        cap_realms = cap_realms ? cap_realms * 2 : 8;
        realms = realloc(realms, cap_realms * sizeof *realms);
        if (!realms) abort();
    }
    realms[n_realms++] = r;
    return setup_realm(r, exc);
}

/* Evaluates a script in the realm the function belongs to, as a new global Script (not eval). */
static JSValueRef fn_eval_script(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    (void)self;
    JSGlobalContextRef target = JSObjectGetGlobalContext(fn);
    JSStringRef src = JSValueToStringCopy(ctx, argc ? argv[0] : JSValueMakeUndefined(ctx), exc);
    if (!src) return NULL;
    JSValueRef r = JSEvaluateScript(target ? target : ctx, src, NULL, NULL, 1, exc);
    JSStringRelease(src);
    return r;
}

static JSValueRef fn_gc(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc, const JSValueRef argv[],
                        JSValueRef *exc) {
    (void)fn, (void)self, (void)argc, (void)argv, (void)exc;
    JSSynchronousGarbageCollectForDebugging(ctx);
    return JSValueMakeUndefined(ctx);
}

static void set_fn(JSContextRef ctx, JSObjectRef obj, const char *name, JSObjectCallAsFunctionCallback cb) {
    JSStringRef n = JSStringCreateWithUTF8CString(name);
    JSObjectSetProperty(ctx, obj, n, JSObjectMakeFunctionWithCallback(ctx, n, cb), kJSPropertyAttributeDontEnum, NULL);
    JSStringRelease(n);
}

/* detachArrayBuffer has no C API: ArrayBuffer.prototype.transfer detaches its receiver (and throws a
 * TypeError for a SharedArrayBuffer, as test262 expects). Captured before the test can patch it. */
static const char kRealmGlue[] =
    "(function ($262) {\n"
    "  var transfer = ArrayBuffer.prototype.transfer, apply = Reflect.apply;\n"
    "  $262.detachArrayBuffer = function detachArrayBuffer(buffer) { apply(transfer, buffer, []); return null; };\n"
    "  $262.global = globalThis;\n"
    "})";

static JSObjectRef setup_realm(JSGlobalContextRef ctx, JSValueRef *exc) {
    JSObjectRef global = JSContextGetGlobalObject(ctx);
    set_fn(ctx, global, "print", fn_print);
    JSObjectRef d = JSObjectMake(ctx, NULL, NULL);
    set_fn(ctx, d, "createRealm", fn_create_realm);
    set_fn(ctx, d, "evalScript", fn_eval_script);
    set_fn(ctx, d, "gc", fn_gc);
    JSStringRef name = JSStringCreateWithUTF8CString("$262");
    JSObjectSetProperty(ctx, global, name, d, kJSPropertyAttributeDontEnum, NULL);
    JSStringRelease(name);
    JSStringRef glue = JSStringCreateWithUTF8CString(kRealmGlue);
    JSValueRef f = JSEvaluateScript(ctx, glue, NULL, NULL, 1, exc);
    JSStringRelease(glue);
    if (!f) return NULL;
    JSValueRef args[1] = {d};
    if (!JSObjectCallAsFunction(ctx, (JSObjectRef)f, NULL, 1, args, exc)) return NULL;
    return d;
}

/* The constructor name of a thrown value ("" for primitives), read without running user getters
 * beyond constructor/name, which is what test262's negative.type compares. */
static void describe(JSContextRef ctx, JSValueRef v, char *type, size_t tcap, char *msg, size_t mcap) {
    type[0] = msg[0] = 0;
    JSValueRef e = NULL;
    if (JSValueIsObject(ctx, v)) {
        JSObjectRef o = JSValueToObject(ctx, v, &e);
        JSStringRef c = JSStringCreateWithUTF8CString("constructor");
        JSValueRef ctor = o ? JSObjectGetProperty(ctx, o, c, &e) : NULL;
        JSStringRelease(c);
        if (ctor && JSValueIsObject(ctx, ctor)) {
            JSStringRef n = JSStringCreateWithUTF8CString("name");
            JSValueRef nv = JSObjectGetProperty(ctx, (JSObjectRef)ctor, n, &e);
            JSStringRelease(n);
            if (nv && JSValueIsString(ctx, nv)) {
                JSStringRef s = JSValueToStringCopy(ctx, nv, &e);
                if (s) {
                    JSStringGetUTF8CString(s, type, tcap);
                    JSStringRelease(s);
                }
            }
        }
    }
    e = NULL;
    JSStringRef s = JSValueToStringCopy(ctx, v, &e);
    if (s) {
        JSStringGetUTF8CString(s, msg, mcap);
        JSStringRelease(s);
    } else {
        snprintf(msg, mcap, "(a value that cannot be converted to a string)");
    }
}

/* One run of a script test in a fresh realm. Returns true on pass; *msg says why not. */
static bool run_script(const char *rel, const char *src, size_t len, const t262_meta *m, bool strict, char *msg,
                       size_t mcap) {
    bool ok = false;
    printed.len = 0;
    if (printed.p) printed.p[0] = 0;
    timed_out = false;
    JSGlobalContextRef ctx = JSGlobalContextCreateInGroup(group, NULL);
    JSStringRef url = JSStringCreateWithUTF8CString(rel);
    JSStringRef test = NULL;
    JSValueRef exc = NULL;
    char type[64], text[512];
    if (!setup_realm(ctx, &exc)) {
        describe(ctx, exc, type, sizeof type, text, sizeof text);
        snprintf(msg, mcap, "host setup failed: %s", text);
        goto out;
    }
    if (!m->raw) {
        buf h = {0};
        const char *missing = NULL;
        if (!harness_text(m, &h, &missing)) {
            snprintf(msg, mcap, "missing harness file %s", missing);
            free(h.p);
            goto out;
        }
        JSStringRef hs = js_source(h.p, h.len);
        free(h.p);
        JSEvaluateScript(ctx, hs, NULL, NULL, 1, &exc);
        JSStringRelease(hs);
        if (exc) {
            describe(ctx, exc, type, sizeof type, text, sizeof text);
            snprintf(msg, mcap, "harness threw %s", text);
            goto out;
        }
    }
    if (strict) {
        buf b = {0};
        buf_str(&b, "\"use strict\";\n");
        buf_add(&b, src, len);
        test = js_source(b.p, b.len);
        free(b.p);
    } else {
        test = js_source(src, len);
    }
    bool neg_parse = !strcmp(m->negative_phase, "parse");
    if (!JSCheckScriptSyntax(ctx, test, url, 1, &exc)) {
        describe(ctx, exc, type, sizeof type, text, sizeof text);
        if (neg_parse && !strcmp(type, m->negative_type)) ok = true;
        else snprintf(msg, mcap, "parse error: %s", text);
        goto out;
    }
    if (neg_parse) {
        snprintf(msg, mcap, "expected a parse-time %s, but the script parsed", m->negative_type);
        goto out;
    }
    exc = NULL;
    JSEvaluateScript(ctx, test, NULL, url, 1, &exc);
    if (timed_out) {
        snprintf(msg, mcap, "timeout after %.0f s", cfg->timeout);
        goto out;
    }
    if (exc) {
        describe(ctx, exc, type, sizeof type, text, sizeof text);
        if (m->negative_phase[0] && !strcmp(type, m->negative_type)) ok = true;
        else snprintf(msg, mcap, "uncaught %s", text);
        goto out;
    }
    if (m->negative_phase[0]) {
        snprintf(msg, mcap, "expected a %s %s, but the script completed", m->negative_phase, m->negative_type);
        goto out;
    }
    if (m->async) {
        /* The microtask queue drained when JSEvaluateScript released the API lock. */
        const char *fail = printed.p ? strstr(printed.p, "Test262:AsyncTestFailure:") : NULL;
        if (fail) snprintf(msg, mcap, "%.*s", (int)strcspn(fail, "\n"), fail);
        else if (!printed.p || !strstr(printed.p, "Test262:AsyncTestComplete")) snprintf(msg, mcap, "async test never called $DONE");
        else ok = true;
        goto out;
    }
    ok = true;
out:
    if (test) JSStringRelease(test);
    JSStringRelease(url);
    for (size_t i = 0; i < n_realms; i++) JSGlobalContextRelease(realms[i]);
    n_realms = 0;
    JSGlobalContextRelease(ctx);
    return ok;
}

/* ---- runs through dx ---- */

/* Appends s as a JS string literal. */
static void js_quote(buf *b, const char *s) {
    buf_str(b, "\"");
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[8];
        if (c == '"' || c == '\\') {
            esc[0] = '\\', esc[1] = (char)c, esc[2] = 0;
            buf_str(b, esc);
        } else if (c < 0x20) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            buf_str(b, esc);
        } else {
            buf_add(b, (const char *)&c, 1);
        }
    }
    buf_str(b, "\"");
}

/* $262 under dx: evalScript is an indirect eval (global code, but its let/const stay local to the
 * eval), createRealm is unavailable (dx has one realm), gc is the engine's if exposed. */
static const char kDxPrelude[] =
    /* test262 hosts report unhandled rejections but do not fail on them (import('') in a syntax test);
     * Node's default (and dx's) exits, unless a listener is installed. */
    "process.on('unhandledRejection', function () {});\n"
    "var print = function print() { console.log.apply(console, arguments); };\n"
    "var $262 = (function () {\n"
    "  var transfer = ArrayBuffer.prototype.transfer, apply = Reflect.apply, ev = eval;\n"
    "  return {\n"
    "    global: globalThis,\n"
    "    evalScript: function evalScript(src) { return ev(String(src)); },\n"
    "    detachArrayBuffer: function detachArrayBuffer(b) { apply(transfer, b, []); return null; },\n"
    "    gc: function gc() { if (typeof globalThis.gc === 'function') globalThis.gc(); },\n"
    "    createRealm: function createRealm() { throw new TypeError('$262.createRealm: dx runs one realm'); },\n"
    "  };\n"
    "})();\n";

static bool write_file(const char *path, const char *s, size_t n) {
    FILE *f = fopen(path, "wb");
    if (!f) return false;
    bool ok = fwrite(s, 1, n, f) == n;
    return fclose(f) == 0 && ok;
}

/* Runs dx on entry with a deadline; returns the wait status, or -1 on timeout. */
static int spawn_dx(const char *entry, const char *out_path, const char *err_path) {
    pid_t pid = fork();
    if (pid < 0) return -2;
    if (pid == 0) {
        int o = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int in = open("/dev/null", O_RDONLY);
        if (o < 0 || e < 0 || in < 0) _exit(126);
        dup2(in, 0), dup2(o, 1), dup2(e, 2);
        setenv("NO_COLOR", "1", 1);
        execl(cfg->dx, cfg->dx, entry, (char *)NULL);
        _exit(127);
    }
    struct timespec t0, now, nap = {0, 2000000};
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        int status;
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) return status;
        if (r < 0 && errno != EINTR) return -2;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double el = (double)(now.tv_sec - t0.tv_sec) + (double)(now.tv_nsec - t0.tv_nsec) / 1e9;
        if (el > cfg->timeout) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        nanosleep(&nap, NULL);
    }
}

/* The last lines of dx's stderr that name an error: the message a failure report shows. */
static void error_summary(const char *err, char *msg, size_t mcap) {
    const char *best = NULL;
    for (const char *p = err; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n && memmem(p, n, "Error", 5) && !best) best = p;
        p = nl ? nl + 1 : NULL;
    }
    if (!best) best = err;
    /* Up to three lines: a thrown object prints over several. */
    size_t n = 0;
    for (int lines = 0; best[n] && lines < 3; n++)
        if (best[n] == '\n') lines++;
    snprintf(msg, mcap, "%.*s", (int)n, best);
}

static bool run_dx(const char *rel, const char *src, size_t len, const t262_meta *m, bool strict, char *msg,
                   size_t mcap) {
    (void)len;
    if (!cfg->dx || access(cfg->dx, X_OK) != 0) {
        snprintf(msg, mcap, "no dx binary to run module tests");
        return false;
    }
    /* Paths are bounded by PATH_MAX - 64 so that the generated names below always fit. */
    char dir[PATH_MAX - 64], entry[PATH_MAX], setup[PATH_MAX], out_path[PATH_MAX], err_path[PATH_MAX];
    int dn = snprintf(dir, sizeof dir, "%s/%s", cfg->shadow, rel);
    if (dn < 0 || (size_t)dn >= sizeof dir) {
        snprintf(msg, mcap, "test path too long");
        return false;
    }
    char *slash = strrchr(dir, '/');
    const char *base = slash + 1;
    *slash = 0;
    int pid = (int)getpid();
    snprintf(setup, sizeof setup, "%s/.t262-%d-setup.mjs", dir, pid);
    snprintf(entry, sizeof entry, "%s/.t262-%d.%s", dir, pid, m->module ? "mjs" : "cjs");
    snprintf(out_path, sizeof out_path, "%.*s/.t262-%d.out", PATH_MAX - 64, cfg->shadow, pid);
    snprintf(err_path, sizeof err_path, "%.*s/.t262-%d.err", PATH_MAX - 64, cfg->shadow, pid);
    buf pre = {0}, e = {0};
    buf_str(&pre, kDxPrelude);
    const char *missing = NULL;
    if (!m->raw && !harness_text(m, &pre, &missing)) {
        snprintf(msg, mcap, "missing harness file %s", missing);
        free(pre.p);
        return false;
    }
    /* The harness runs as global script code (indirect eval), so its functions are globals, before
     * the test's module graph evaluates. */
    bool ok = false;
    if (m->module) {
        buf s = {0};
        buf_str(&s, "(0, eval)(");
        js_quote(&s, pre.p);
        buf_str(&s, ");\n");
        bool w = write_file(setup, s.p, s.len);
        free(s.p);
        if (!w) goto io_error;
        buf_str(&e, "import \"./");
        buf_str(&e, strrchr(setup, '/') + 1);
        buf_str(&e, "\";\nimport \"./");
        buf_str(&e, base);
        buf_str(&e, "\";\n");
    } else {
        /* A script that calls import(): CommonJS is dx's script goal whose import() reaches the loader. */
        if (strict) buf_str(&e, "\"use strict\";");
        buf_str(&e, "(0, eval)(");
        js_quote(&e, pre.p);
        buf_str(&e, ");\n");
        buf_add(&e, src, len);
    }
    if (!write_file(entry, e.p, e.len)) goto io_error;
    int status;
    char *out = NULL, *err = NULL;
    for (int attempt = 0;; attempt++) {
        status = spawn_dx(entry, out_path, err_path);
        out = read_all(out_path, NULL), err = read_all(err_path, NULL);
        if (!out) out = strdup("");
        if (!err) err = strdup("");
        /* dx or its runtime library being rebuilt while the suite runs is not a test result. */
        if (attempt >= 5 || !strstr(err, "dx: cannot load the runtime")) break;
        free(out), free(err);
        sleep(2);
    }
    if (status == -1) {
        snprintf(msg, mcap, "timeout after %.0f s (dx)", cfg->timeout);
    } else if (status < 0 || !WIFEXITED(status)) {
        snprintf(msg, mcap, "dx %s %d", status >= 0 && WIFSIGNALED(status) ? "killed by signal" : "failed",
                 status >= 0 && WIFSIGNALED(status) ? WTERMSIG(status) : status);
    } else if (m->negative_phase[0]) {
        if (WEXITSTATUS(status) == 0) snprintf(msg, mcap, "expected a %s %s, but dx exited 0", m->negative_phase, m->negative_type);
        else if (strstr(err, "should not be evaluated")) snprintf(msg, mcap, "the module body ran before the %s error", m->negative_phase);
        else if (!strstr(err, m->negative_type)) error_summary(err, msg, mcap);
        else ok = true;
    } else if (WEXITSTATUS(status) != 0) {
        error_summary(err, msg, mcap);
    } else if (m->async) {
        const char *fail = strstr(out, "Test262:AsyncTestFailure:");
        if (fail) snprintf(msg, mcap, "%.*s", (int)strcspn(fail, "\n"), fail);
        else if (!strstr(out, "Test262:AsyncTestComplete")) snprintf(msg, mcap, "async test never called $DONE");
        else ok = true;
    } else {
        ok = true;
    }
    free(out);
    free(err);
    goto out;
io_error:
    snprintf(msg, mcap, "cannot write the entry file in %.200s", dir);
out:
    unlink(entry);
    if (m->module) unlink(setup);
    free(pre.p);
    free(e.p);
    return ok;
}

/* ---- one test ---- */

static char run_test(const char *rel, char *msg, size_t mcap) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", cfg->root, rel);
    size_t len;
    char *src = read_all(path, &len);
    if (!src) {
        snprintf(msg, mcap, "cannot read the test");
        return 'F';
    }
    t262_meta m;
    char status = 'F';
    if (!t262_meta_parse(src, &m)) {
        snprintf(msg, mcap, "no frontmatter");
        goto out;
    }
    for (size_t i = 0; i < m.n_features; i++) {
        if (is_unsupported(m.features[i])) {
            snprintf(msg, mcap, "feature %s", m.features[i]);
            status = 'S';
            goto out;
        }
    }
    if (m.can_block_false) {
        /* This host's main thread may block (Atomics.wait works on it), so CanBlock is true. */
        snprintf(msg, mcap, "host: CanBlockIsFalse (this host can block)");
        status = 'S';
        goto out;
    }
    if (strstr(src, "$262.agent")) {
        snprintf(msg, mcap, "host: $262.agent (a SharedArrayBuffer cannot be shared across JSC VMs via the C API)");
        status = 'S';
        goto out;
    }
    bool modes[2] = {false, false}; /* [sloppy, strict] */
    if (m.module || m.raw || m.no_strict) modes[0] = true;
    else if (m.only_strict) modes[1] = true;
    else modes[0] = modes[1] = true;
    status = 'P';
    for (int strict = 0; strict < 2 && status == 'P'; strict++) {
        if (!modes[strict]) continue;
        char one[900] = {0};
        bool ok = meta_needs_dx(&m) ? run_dx(rel, src, len, &m, strict, one, sizeof one)
                                    : run_script(rel, src, len, &m, strict, one, sizeof one);
        if (!ok) {
            status = 'F';
            snprintf(msg, mcap, "%s%.900s", m.module ? "" : strict ? "[strict] " : "[sloppy] ", one);
        }
    }
out:
    t262_meta_free(&m);
    free(src);
    return status;
}

/* A worker retires after this many tests so that what JSC keeps per context stays bounded. */
#define TESTS_PER_WORKER 3000

int t262_worker_main(const t262_config *config, const char *const *tests, int id, int in_fd, int out_fd) {
    (void)id;
    cfg = config;
    /* Engine options must be set before the first context: SharedArrayBuffer is off by default. */
    setenv("JSC_useSharedArrayBuffer", "1", 1);
    group = JSContextGroupCreate();
    JSContextGroupSetExecutionTimeLimit(group, cfg->timeout, should_terminate, NULL);
    FILE *in = fdopen(in_fd, "r");
    if (!in) return 2;
    char line[64];
    int done = 0;
    while (done < TESTS_PER_WORKER && fgets(line, sizeof line, in)) {
        long idx = strtol(line, NULL, 10);
        char msg[1024] = {0};
        char status = run_test(tests[idx], msg, sizeof msg);
        for (char *c = msg; *c; c++)
            if (*c == '\n' || *c == '\t' || *c == '\r') *c = ' ';
        char out[1200];
        int n = snprintf(out, sizeof out, "%ld\t%c\t%s\n", idx, status, msg);
        if (n > (int)sizeof out - 1) n = (int)sizeof out - 1, out[n - 1] = '\n';
        if (write(out_fd, out, (size_t)n) != n) break;
        done++;
    }
    fclose(in);
    JSContextGroupRelease(group);
    return 0;
}
