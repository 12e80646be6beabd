/* Fast native functions (fastfn.h).
 *
 * JSC::JSFunction::create makes a host function whose native code has the signature
 * `EncodedJSValue fn(JSGlobalObject*, CallFrame*)`. On 64-bit builds a JSValueRef is the encoded
 * JSValue itself and a JSContextRef is the JSGlobalObject*, so one trampoline can serve every C API
 * callback: it reads the callee, the argument count, `this` and the arguments from the call frame
 * (slots 3, 4, 5 and 6.. of JSC's CallFrame), finds the callback registered for that callee, calls it
 * and turns an exception into a throw with JSC::VM::throwException. */
#include "engine/fastfn.h"
#include "engine/jsc_private.h"
#include "engine/value.h"

#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef int64_t encoded_value;
typedef encoded_value (*host_fn)(void *global, uint64_t *frame);
typedef void *(*function_create_fn)(void *vm, void *global, unsigned length, void **name, host_fn fn,
                                    int visibility, int intrinsic, host_fn constructor, const void *signature);
typedef void *(*throw_fn)(void *vm, void *global, encoded_value v);
typedef struct span8 {
    uint8_t *ptr;
    size_t size;
} span8;
typedef void (*create_uninit8_fn)(void **ret, size_t length, span8 *data);
typedef void (*impl_destroy_fn)(void *impl);

#define FRAME_CALLEE 3
#define FRAME_ARGC 4
#define FRAME_THIS 5
#define FRAME_ARGS 6

static function_create_fn function_create;
static host_fn as_constructor;
static throw_fn vm_throw;
static create_uninit8_fn create_uninit8;
static impl_destroy_fn impl_destroy;
static int state; /* 0 untested, 1 fast, -1 public API only */

/* Callee -> callback, per thread (one VM per thread; a VM calls its functions on its own thread).
 * Open addressing; entries of collected functions stay until their address is reused by a new fast
 * function, which overwrites them. */
typedef struct entry {
    void *fn;
    JSObjectCallAsFunctionCallback cb;
} entry;
static __thread entry *table;
static __thread size_t table_cap, table_used;

static size_t hash_ptr(void *p, size_t cap) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (size_t)x & (cap - 1);
}

static void table_put(void *fn, JSObjectCallAsFunctionCallback cb);

static void table_grow(void) {
    entry *old = table;
    size_t old_cap = table_cap;
    table_cap = old_cap ? old_cap * 2 : 256;
    table = calloc(table_cap, sizeof *table);
    if (!table) abort();
    table_used = 0;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].fn) table_put(old[i].fn, old[i].cb);
    free(old);
}

static void table_put(void *fn, JSObjectCallAsFunctionCallback cb) {
    if ((table_used + 1) * 2 > table_cap) table_grow();
    size_t i = hash_ptr(fn, table_cap);
    while (table[i].fn && table[i].fn != fn) i = (i + 1) & (table_cap - 1);
    if (!table[i].fn) table_used++;
    table[i].fn = fn;
    table[i].cb = cb;
}

static JSObjectCallAsFunctionCallback table_get(void *fn) {
    if (!table_cap) return NULL;
    size_t i = hash_ptr(fn, table_cap);
    while (table[i].fn) {
        if (table[i].fn == fn) return table[i].cb;
        i = (i + 1) & (table_cap - 1);
    }
    return NULL;
}

static encoded_value trampoline(void *global, uint64_t *frame) {
    void *callee = (void *)(uintptr_t)frame[FRAME_CALLEE];
    JSContextRef ctx = (JSContextRef)global;
    JSObjectCallAsFunctionCallback cb = table_get(callee);
    JSValueRef exc = NULL;
    if (!cb) abort(); /* every function made with the trampoline is registered first */
    size_t argc = (size_t)(int32_t)frame[FRAME_ARGC] - 1;
    JSValueRef self = (JSValueRef)(uintptr_t)frame[FRAME_THIS];
    JSObjectRef this_obj = dx_is_cell(self) && JSValueIsObject(ctx, self) ? (JSObjectRef)self : NULL;
    JSValueRef r = cb(ctx, (JSObjectRef)callee, this_obj, argc, (const JSValueRef *)&frame[FRAME_ARGS], &exc);
    if (exc) {
        vm_throw((void *)JSContextGetGroup(ctx), global, (encoded_value)(uintptr_t)exc);
        return 0;
    }
    return (encoded_value)(uintptr_t)(r ? r : dx_undefined());
}

static JSObjectRef make_fast(JSContextRef ctx, const char *name, JSObjectCallAsFunctionCallback cb) {
    size_t n = strlen(name);
    void *impl = NULL;
    span8 data = {0};
    JSLock(ctx);
    if (n) {
        create_uninit8(&impl, n, &data);
        if (!impl || !data.ptr) abort();
        memcpy(data.ptr, name, n);
    }
    void *f = function_create((void *)JSContextGetGroup(ctx), (void *)ctx, 0, &impl, trampoline, 0, 0, as_constructor,
                              NULL);
    if (impl) {
        /* Drop our reference to the name (StringImpl's count moves in steps of 2). */
        unsigned *rc = impl;
        if ((*rc -= 2) == 0) impl_destroy(impl);
    }
    if (f) table_put(f, cb);
    JSUnlock(ctx);
    return f;
}

/* Callbacks of the self-test. */
static JSValueRef probe_echo(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, const JSValueRef argv[],
                             JSValueRef *exc) {
    (void)f;
    (void)exc;
    /* [argc, this is an object, first argument] */
    JSValueRef out[3] = {JSValueMakeNumber(ctx, (double)argc), JSValueMakeBoolean(ctx, self != NULL),
                         argc ? argv[0] : JSValueMakeUndefined(ctx)};
    return JSObjectMakeArray(ctx, 3, out, NULL);
}

static JSValueRef probe_throw(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, const JSValueRef argv[],
                              JSValueRef *exc) {
    (void)f;
    (void)self;
    (void)argc;
    (void)argv;
    JSStringRef m = JSStringCreateWithUTF8CString("dx-probe");
    JSValueRef msg = JSValueMakeString(ctx, m);
    JSStringRelease(m);
    *exc = JSObjectMakeError(ctx, 1, &msg, NULL);
    return NULL;
}

static bool self_test(JSContextRef ctx) {
    function_create = (function_create_fn)dlsym(RTLD_DEFAULT,
        "_ZN3JSC10JSFunction6createERNS_2VMEPNS_14JSGlobalObjectEjRKN3WTF6StringENS5_11FunctionPtrILNS5_6PtrTagE1EFlS4_"
        "PNS_9CallFrameEELNS5_18FunctionAttributesE2EEENS_24ImplementationVisibilityENS_9IntrinsicESF_PKNS_6DOMJIT9"
        "SignatureE");
    as_constructor = (host_fn)dlsym(RTLD_DEFAULT, "_ZN3JSC29callHostFunctionAsConstructorEPNS_14JSGlobalObjectEPNS_9CallFrameE");
    vm_throw = (throw_fn)dlsym(RTLD_DEFAULT, "_ZN3JSC2VM14throwExceptionEPNS_14JSGlobalObjectENS_7JSValueE");
    create_uninit8 = (create_uninit8_fn)dlsym(RTLD_DEFAULT,
        "_ZN3WTF10StringImpl19createUninitializedEmRSt4spanIhLm18446744073709551615EE");
    impl_destroy = (impl_destroy_fn)dlsym(RTLD_DEFAULT, "_ZN3WTF10StringImpl7destroyEPS0_");
    if (!function_create || !as_constructor || !vm_throw || !create_uninit8 || !impl_destroy) return false;

    JSObjectRef echo = make_fast(ctx, "dxProbe", probe_echo);
    JSObjectRef thrower = make_fast(ctx, "dxThrow", probe_throw);
    if (!echo || !thrower) return false;
    /* Call them from JS: a method call with two arguments, then a throw caught by JS. */
    JSStringRef body = JSStringCreateWithUTF8CString(
        "var r = e.call({}, 'a', 2); var m; try { t(); } catch (x) { m = x.message; }"
        "return e.name + '|' + r.join() + '|' + e() + '|' + m + '|' + typeof e;");
    JSStringRef names[2] = {JSStringCreateWithUTF8CString("e"), JSStringCreateWithUTF8CString("t")};
    JSObjectRef probe = JSObjectMakeFunction(ctx, NULL, 2, names, body, NULL, 1, NULL);
    JSStringRelease(body);
    JSStringRelease(names[0]);
    JSStringRelease(names[1]);
    if (!probe) return false;
    JSValueRef args[2] = {echo, thrower};
    JSValueRef exc = NULL;
    JSValueRef r = JSObjectCallAsFunction(ctx, probe, NULL, 2, args, &exc);
    if (exc || !r) return false;
    char buf[128] = "";
    JSStringRef s = JSValueToStringCopy(ctx, r, NULL);
    JSStringGetUTF8CString(s, buf, sizeof buf);
    JSStringRelease(s);
    return strcmp(buf, "dxProbe|2,true,a|0,false,|dx-probe|function") == 0;
}

bool dx_fast_functions(JSContextRef ctx) {
    if (state == 0) state = getenv("DX_NO_FAST_CALLS") == NULL && self_test(ctx) ? 1 : -1;
    return state > 0;
}

JSObjectRef dx_make_fast_function(JSContextRef ctx, const char *name, JSObjectCallAsFunctionCallback cb) {
    if (dx_fast_functions(ctx)) {
        JSObjectRef f = make_fast(ctx, name, cb);
        if (f) return f;
    }
    JSStringRef n = JSStringCreateWithUTF8CString(name);
    JSObjectRef f = JSObjectMakeFunctionWithCallback(ctx, n, cb);
    JSStringRelease(n);
    return f;
}
