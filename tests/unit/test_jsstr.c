/* engine/jsstr: strings made from bytes equal what JS itself makes, and views of JS strings read back
 * the right characters, on the fast path and (DX_NO_FAST_STRINGS=1, a second ctest run) the public
 * C API path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "engine/jsstr.h"

static JSGlobalContextRef ctx;

static JSValueRef eval(const char *src) {
    JSStringRef s = JSStringCreateWithUTF8CString(src);
    JSValueRef exc = NULL;
    JSValueRef v = JSEvaluateScript(ctx, s, NULL, NULL, 1, &exc);
    JSStringRelease(s);
    assert_null(exc);
    assert_non_null(v);
    return v;
}

static void assert_js_equal(JSValueRef got, const char *expected_js) {
    assert_non_null(got);
    if (!JSValueIsStrictEqual(ctx, got, eval(expected_js))) {
        JSStringRef s = JSValueToStringCopy(ctx, got, NULL);
        char buf[256];
        JSStringGetUTF8CString(s, buf, sizeof buf);
        JSStringRelease(s);
        fail_msg("expected %s, got \"%s\"", expected_js, buf);
    }
}

static void fast_path_matches_build(void **state) {
    (void)state;
    /* On the JSC this project targets, the self-test must pass; off only when asked. */
    assert_int_equal(dx_jsstr_fast_paths(), getenv("DX_NO_FAST_STRINGS") == NULL);
}

static void latin1_all_bytes(void **state) {
    (void)state;
    uint8_t b[256];
    for (int i = 0; i < 256; i++) b[i] = (uint8_t)i;
    JSValueRef exc = NULL;
    assert_js_equal(dx_jsstr_from_latin1(ctx, b, 256, &exc),
                    "Array.from({length: 256}, (_, i) => String.fromCharCode(i)).join('')");
    assert_js_equal(dx_jsstr_from_latin1(ctx, b, 0, &exc), "''");
    assert_js_equal(dx_jsstr_from_ascii(ctx, b + 0x7e, 4, &exc), "'\\x7e\\x7f\\x00\\x01'");
}

static void utf8_decoding(void **state) {
    (void)state;
    JSValueRef exc = NULL;
    const uint8_t *s = (const uint8_t *)"a\xC3\xA9z";          /* fits Latin-1 */
    assert_js_equal(dx_jsstr_from_utf8(ctx, s, 4, &exc), "'a\\u00e9z'");
    s = (const uint8_t *)"\xE2\x82\xAC\xF0\x9F\x98\x80";           /* BMP and astral */
    assert_js_equal(dx_jsstr_from_utf8(ctx, s, 7, &exc), "'\\u20ac\\u{1f600}'");
    s = (const uint8_t *)"x\xFF\xE2\x82y\xED\xA0\x80";             /* bad byte, truncated, surrogate */
    assert_js_equal(dx_jsstr_from_utf8(ctx, s, 8, &exc), "'x\\ufffd\\ufffdy\\ufffd\\ufffd\\ufffd'");
    char big[1000];
    memset(big, 'q', sizeof big);
    assert_js_equal(dx_jsstr_from_utf8(ctx, (const uint8_t *)big, sizeof big, &exc), "'q'.repeat(1000)");
}

static void utf16_bytes(void **state) {
    (void)state;
    JSValueRef exc = NULL;
    const uint8_t le[] = {0x41, 0x00, 0xAC, 0x20, 0x00, 0xD8, 0x7F};
    assert_js_equal(dx_jsstr_from_utf16_bytes(ctx, le, 7, false, &exc), "'A\\u20ac\\ud800'");
    assert_js_equal(dx_jsstr_from_utf16_bytes(ctx, le, 4, true, &exc), "'\\u4100\\uac20'");
}

static void check_view(const char *js, size_t want_len, bool want8, size_t want_utf8) {
    dx_strview v;
    dx_strview_open(ctx, eval(js), &v);
    assert_int_equal(v.length, want_len);
    if (dx_jsstr_fast_paths()) assert_int_equal(v.is8bit, want8);
    assert_int_equal(dx_strview_utf8_length(&v), want_utf8);
    /* Writing the whole string and decoding it again gives the string back (well-formed input). */
    uint8_t *buf = malloc(want_utf8 + 1);
    size_t read = 0;
    size_t n = dx_strview_write_utf8(&v, buf, want_utf8, &read);
    assert_int_equal(n, want_utf8);
    assert_int_equal(read, want_len);
    JSValueRef back = dx_jsstr_from_utf8(ctx, buf, n, NULL);
    free(buf);
    dx_strview_close(&v);
    char wrapped[512];
    snprintf(wrapped, sizeof wrapped, "(%s).toWellFormed()", js);
    assert_js_equal(back, wrapped);
}

static void views(void **state) {
    (void)state;
    check_view("''", 0, true, 0);
    check_view("'abc'", 3, true, 3);
    check_view("'caf\\u00e9'", 4, true, 5);
    check_view("'x'.repeat(300) + 'y'", 301, true, 301); /* a rope, flattened */
    check_view("'a\\u20ac\\u{1f600}'", 4, false, 1 + 3 + 4);
    check_view("'\\ud800x\\udc00'", 3, false, 3 + 1 + 3); /* lone surrogates count as U+FFFD */
}

static void write_never_splits(void **state) {
    (void)state;
    dx_strview v;
    dx_strview_open(ctx, eval("'a\\u20acb'"), &v);
    uint8_t buf[8];
    size_t read;
    assert_int_equal(dx_strview_write_utf8(&v, buf, 3, &read), 1); /* the euro needs 3 more */
    assert_int_equal(read, 1);
    assert_int_equal(dx_strview_write_utf8(&v, buf, 4, &read), 4);
    assert_int_equal(read, 2);
    dx_strview_close(&v);
    dx_strview_open(ctx, eval("'\\u00ff'"), &v);
    assert_int_equal(dx_strview_write_utf8(&v, buf, 1, &read), 0);
    assert_int_equal(dx_strview_write_utf8(&v, buf, 2, &read), 2);
    assert_memory_equal(buf, "\xC3\xBF", 2);
    dx_strview_close(&v);
}

/* An 8-bit string whose ASCII runs (long ones are copied whole) alternate with Latin-1 characters:
 * for every output room, the bytes and the count read match a byte-by-byte reference. */
static void write_latin1_every_room(void **state) {
    (void)state;
    dx_strview v;
    dx_strview_open(ctx, eval("'ab\\u00e9' + 'c'.repeat(40) + '\\u00ff\\u0080' + 'xyz'.repeat(11) + '\\u00e0'"), &v);
    if (!dx_jsstr_fast_paths()) {   /* the public API path gives UTF-16 views: nothing 8-bit to check */
        dx_strview_close(&v);
        return;
    }
    assert_true(v.is8bit);
    const uint8_t *p = v.chars;
    uint8_t want[256], got[256];
    size_t full = 0;
    for (size_t i = 0; i < v.length; i++) {
        if (p[i] < 0x80) want[full++] = p[i];
        else { want[full++] = (uint8_t)(0xC0 | p[i] >> 6); want[full++] = (uint8_t)(0x80 | (p[i] & 0x3F)); }
    }
    for (size_t room = 0; room <= full + 1; room++) {
        size_t read, o = 0, r = 0;
        while (r < v.length && o + (p[r] < 0x80 ? 1 : 2) <= room) o += p[r++] < 0x80 ? 1 : 2;
        assert_int_equal(dx_strview_write_utf8(&v, got, room, &read), o);
        assert_int_equal(read, r);
        assert_memory_equal(got, want, o);
    }
    dx_strview_close(&v);
}

/* Dead big strings give their memory back as they go (bigmem.h, dx_big_string), even beside a
 * large live heap, which makes JSC's own pacing allow hundreds of MB between collections: with 256 MB
 * of live strings, 64 strings of 8 MB (512 MB in all) made one after another and dropped raise the
 * process's peak RSS by well under half of that. */
static void dead_big_strings_are_collected(void **state) {
    (void)state;
    if (!dx_jsstr_fast_paths()) return;   /* the public API path copies through JSC's own calls */
    const size_t n = (size_t)8 << 20;
    uint8_t *bytes = malloc(n);
    memset(bytes, 'q', n);
    JSValueRef live[32];
    for (int i = 0; i < 32; i++) {
        live[i] = dx_jsstr_from_latin1(ctx, bytes, n, NULL);
        JSValueProtect(ctx, live[i]);
    }
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    for (int i = 0; i < 64; i++) {
        JSValueRef s = dx_jsstr_from_latin1(ctx, bytes, n, NULL);
        assert_true(JSValueIsString(ctx, s));
    }
    getrusage(RUSAGE_SELF, &after);
    for (int i = 0; i < 32; i++) JSValueUnprotect(ctx, live[i]);
    free(bytes);
    long grown_mb = (after.ru_maxrss - before.ru_maxrss) / 1024;   /* ru_maxrss is in KB */
#if defined(__SANITIZE_ADDRESS__)
    /* ASan's shadow memory and quarantine add their own resident memory: no bound to check. */
    (void)grown_mb;
#else
    assert_true(grown_mb < 200);
#endif
}

int main(void) {
    ctx = JSGlobalContextCreate(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fast_path_matches_build), cmocka_unit_test(latin1_all_bytes),
        cmocka_unit_test(utf8_decoding),           cmocka_unit_test(utf16_bytes),
        cmocka_unit_test(views),                   cmocka_unit_test(write_never_splits),
        cmocka_unit_test(write_latin1_every_room),
        cmocka_unit_test(dead_big_strings_are_collected),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    JSGlobalContextRelease(ctx);
    return r;
}
