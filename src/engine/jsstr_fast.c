/* Fast path of jsstr.c; see jsstr_fast.h.
 *
 * The public C API makes every string it creates or reads 16-bit: JSStringCreateWithCharacters takes
 * UTF-16 and JSStringGetCharactersPtr converts an 8-bit (Latin-1) string to UTF-16. Most text is
 * 8-bit inside JSC, so Buffer and TextDecoder would pay a widening copy both ways. JSC exports the
 * functions that build its own 8-bit strings, and the layout of the two objects involved is simple:
 *
 *   OpaqueJSString (a JSStringRef): { atomic<unsigned> refCount; WTF::String m_string; ... }
 *   WTF::StringImpl:                { unsigned refCount; unsigned length; const void *data;
 *                                     unsigned hashAndFlags; ... }   (8-bit flag: 1 << 2)
 *
 * Creating: StringImpl::createUninitialized (8-bit) + memcpy + OpaqueJSString::tryCreate(String&&)
 * gives a JSStringRef holding an 8-bit string; JSValueMakeString (public, takes the lock itself) turns
 * it into a JS string. No JSC lock is needed for the first steps: they only allocate WTF memory.
 * Reading: JSValueToStringCopy moves the JS string's own StringImpl into the JSStringRef (no copy),
 * so its characters can be read in place, 8-bit or 16-bit.
 *
 * Everything is checked once by a self-test against the public API; any mismatch (another JSC build)
 * turns the fast path off for good. */
#include "engine/jsstr_fast.h"
#include "engine/jsc_private.h"
#include "engine/bigmem.h"

#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct span8 {
    uint8_t *ptr;
    size_t size;
} span8;

typedef struct string_impl {
    unsigned ref_count;
    unsigned length;
    const void *data;
    unsigned hash_and_flags;
} string_impl;

#define IMPL_8BIT_FLAG (1u << 2)

typedef struct span16 {
    uint16_t *ptr;
    size_t size;
} span16;

/* Ref<StringImpl> StringImpl::createUninitialized(size_t, std::span<LChar or UChar>&): the Ref comes
 * back through a hidden result pointer (Itanium C++ ABI, non-trivial class). */
typedef void (*create_uninit8_fn)(string_impl **ret, size_t length, span8 *data);
typedef void (*create_uninit16_fn)(string_impl **ret, size_t length, span16 *data);
/* RefPtr<OpaqueJSString> OpaqueJSString::tryCreate(String&&). */
typedef void (*try_create_fn)(void **ret, string_impl **string);
/* JSString* JSC::jsStringWithCacheSlowCase(VM&, StringImpl&): a JS string holding the impl itself. */
typedef void *(*js_string_fn)(void *vm, string_impl *impl);
typedef void (*impl_destroy_fn)(string_impl *impl);

static create_uninit8_fn create_uninit8;
static create_uninit16_fn create_uninit16;
static try_create_fn try_create;
static js_string_fn js_string;
static impl_destroy_fn impl_destroy;
static int state; /* 0 untested, 1 ok, -1 off */

static const string_impl *view_impl(JSStringRef s) {
    /* m_string follows the 4-byte atomic reference count, aligned to a pointer. */
    string_impl *const *slot = (string_impl *const *)((const char *)s + sizeof(void *));
    return *slot;
}

static JSStringRef make_latin1_ref(const uint8_t *p, size_t n) {
    string_impl *impl = NULL;
    span8 data = {0};
    create_uninit8(&impl, n, &data);
    if (!impl || data.size != n || !data.ptr) abort();
    memcpy(data.ptr, p, n);
    void *ref = NULL;
    try_create(&ref, &impl);
    /* tryCreate moved the string into the JSStringRef; it never fails for a non-null string. */
    if (!ref) abort();
    return (JSStringRef)ref;
}

/* Drops a reference of ours (StringImpl counts in steps of 2; bit 0 marks static strings). */
static void impl_deref(string_impl *impl) {
    if ((impl->ref_count -= 2) == 0) impl_destroy(impl);
}

/* A JS string that holds `impl` itself, without the copy JSValueMakeString makes. Creating a cell
 * needs the API lock, which a binding call may have dropped; taking it inside a callback does not
 * drain microtasks (only the outermost release does). */
static JSValueRef impl_to_js(JSContextRef ctx, string_impl *impl) {
    JSLock(ctx);
    void *cell = js_string((void *)JSContextGetGroup(ctx), impl);
    impl_deref(impl);
    JSUnlock(ctx);
    return (JSValueRef)cell;
}

static bool view_matches(JSStringRef s, const char *ascii, const uint16_t *u16, size_t n, bool want8) {
    const string_impl *impl = view_impl(s);
    if (!impl || impl->length != n || JSStringGetLength(s) != n) return false;
    bool is8 = (impl->hash_and_flags & IMPL_8BIT_FLAG) != 0;
    if (is8 != want8) return false;
    if (want8) return memcmp(impl->data, ascii, n) == 0;
    return memcmp(impl->data, u16, n * 2) == 0;
}

static bool self_test(void) {
    create_uninit8 = (create_uninit8_fn)dlsym(RTLD_DEFAULT,
        "_ZN3WTF10StringImpl19createUninitializedEmRSt4spanIhLm18446744073709551615EE");
    create_uninit16 = (create_uninit16_fn)dlsym(RTLD_DEFAULT,
        "_ZN3WTF10StringImpl19createUninitializedEmRSt4spanIDsLm18446744073709551615EE");
    try_create = (try_create_fn)dlsym(RTLD_DEFAULT, "_ZN14OpaqueJSString9tryCreateEON3WTF6StringE");
    js_string = (js_string_fn)dlsym(RTLD_DEFAULT, "_ZN3JSC25jsStringWithCacheSlowCaseERNS_2VMERN3WTF10StringImplE");
    impl_destroy = (impl_destroy_fn)dlsym(RTLD_DEFAULT, "_ZN3WTF10StringImpl7destroyEPS0_");
    if (!create_uninit8 || !create_uninit16 || !try_create || !js_string || !impl_destroy) return false;

    /* Reading: an ASCII string made by the public API is 8-bit, one with U+20AC is 16-bit. */
    bool ok = true;
    JSStringRef a = JSStringCreateWithUTF8CString("dx-self-test");
    ok = ok && view_matches(a, "dx-self-test", NULL, 12, true);
    JSStringRelease(a);
    static const uint16_t w[] = {'x', 0x20AC, 'y', 0xD800};
    JSStringRef b = JSStringCreateWithCharacters(w, 4);
    ok = ok && view_matches(b, NULL, w, 4, false);
    JSStringRelease(b);
    if (!ok) return false;

    /* Creating: the public API must read back what we wrote, including bytes >= 0x80. */
    static const uint8_t l1[] = {'a', 0xE9, 0x00, 0xFF, 'z'};
    JSStringRef c = make_latin1_ref(l1, 5);
    const JSChar *cp = JSStringGetCharactersPtr(c);
    ok = JSStringGetLength(c) == 5 && cp && view_impl(c) && (view_impl(c)->hash_and_flags & IMPL_8BIT_FLAG);
    for (size_t i = 0; ok && i < 5; i++) ok = cp[i] == l1[i];
    JSStringRelease(c);
    return ok;
}

bool dx__jsstr_fast_ok(void) {
    if (state == 0) state = getenv("DX_NO_FAST_STRINGS") == NULL && self_test() ? 1 : -1;
    return state > 0;
}

static int direct_state; /* jsStringWithCacheSlowCase path: 0 untested, 1 ok, -1 off */

static string_impl *new_impl8(const uint8_t *p, size_t n) {
    string_impl *impl = NULL;
    span8 data = {0};
    create_uninit8(&impl, n, &data);
    if (!impl || data.size != n || !data.ptr) abort();
    dx_hint_huge(data.ptr, n);
    memcpy(data.ptr, p, n);
    return impl;
}

static string_impl *new_impl16(const uint16_t *p, size_t n) {
    string_impl *impl = NULL;
    span16 data = {0};
    create_uninit16(&impl, n, &data);
    if (!impl || data.size != n || !data.ptr) abort();
    dx_hint_huge(data.ptr, n * 2);
    memcpy(data.ptr, p, n * 2);
    return impl;
}

/* The direct path, checked once with a context: both widths must read back through the public API. */
static bool direct_ok(JSContextRef ctx) {
    if (direct_state) return direct_state > 0;
    direct_state = -1;
    static const uint8_t l1[] = {'d', 0xE9, 'x', 0xFF, 0x00, '!'};
    static const uint16_t w[] = {'d', 0x20AC, 0xD83D, 0xDE00, 'x', 0xDC00};
    JSValueRef a = impl_to_js(ctx, new_impl8(l1, sizeof l1));
    JSValueRef b = impl_to_js(ctx, new_impl16(w, 6));
    bool ok = a && b && JSValueIsString(ctx, a) && JSValueIsString(ctx, b);
    if (ok) {
        JSStringRef sa = JSValueToStringCopy(ctx, a, NULL), sb = JSValueToStringCopy(ctx, b, NULL);
        const JSChar *ca = JSStringGetCharactersPtr(sa), *cb = JSStringGetCharactersPtr(sb);
        ok = JSStringGetLength(sa) == sizeof l1 && JSStringGetLength(sb) == 6;
        for (size_t i = 0; ok && i < sizeof l1; i++) ok = ca[i] == l1[i];
        for (size_t i = 0; ok && i < 6; i++) ok = cb[i] == w[i];
        JSStringRelease(sa);
        JSStringRelease(sb);
    }
    if (ok) direct_state = 1;
    return ok;
}

JSValueRef dx__jsstr_fast_latin1(JSContextRef ctx, const uint8_t *p, size_t n) {
    dx_big_string(ctx, n);
    if (n && direct_ok(ctx)) return impl_to_js(ctx, new_impl8(p, n));
    JSStringRef s = n ? make_latin1_ref(p, n) : JSStringCreateWithCharacters(NULL, 0);
    JSValueRef v = JSValueMakeString(ctx, s);
    JSStringRelease(s);
    return v;
}

JSValueRef dx__jsstr_fast_utf16(JSContextRef ctx, const uint16_t *p, size_t n) {
    dx_big_string(ctx, n * 2);
    if (n && direct_ok(ctx)) return impl_to_js(ctx, new_impl16(p, n));
    JSStringRef s = JSStringCreateWithCharacters(p, n);
    JSValueRef v = JSValueMakeString(ctx, s);
    JSStringRelease(s);
    return v;
}

void *dx__jsstr_fast_begin8(JSContextRef ctx, size_t n, uint8_t **chars) {
    if (!n || !direct_ok(ctx)) return NULL;
    dx_big_string(ctx, n);
    string_impl *impl = NULL;
    span8 data = {0};
    create_uninit8(&impl, n, &data);
    if (!impl || data.size != n || !data.ptr) abort();
    *chars = data.ptr;
    dx_hint_huge(data.ptr, n);
    return impl;
}

void *dx__jsstr_fast_begin16(JSContextRef ctx, size_t n, uint16_t **chars) {
    if (!n || !direct_ok(ctx)) return NULL;
    dx_big_string(ctx, n * 2);
    string_impl *impl = NULL;
    span16 data = {0};
    create_uninit16(&impl, n, &data);
    if (!impl || data.size != n || !data.ptr) abort();
    *chars = data.ptr;
    dx_hint_huge(data.ptr, n * 2);
    return impl;
}

JSValueRef dx__jsstr_fast_finish(JSContextRef ctx, void *impl) { return impl_to_js(ctx, impl); }

bool dx__jsstr_fast_view(dx_strview *v) {
    const string_impl *impl = view_impl(v->ref);
    if (!impl) return false;
    v->length = impl->length;
    v->is8bit = (impl->hash_and_flags & IMPL_8BIT_FLAG) != 0;
    v->chars = impl->data;
    if (!v->chars) v->chars = "";
    return true;
}

