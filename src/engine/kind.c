/* Kinds of built-in objects from JSC's cell headers (kind.h).
 *
 * A JSCell starts with a 32-bit structure ID, then one byte of indexing type and one byte of JSType
 * (offset 5). Calibration reads that byte on sample objects: every sample of a kind must give the
 * same byte, and no other kind and no ordinary object may give it. Fast arrays are told apart from
 * other arrays by the indexing-type byte (offset 4), calibrated the same way. */
#include "engine/kind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const dx_kind_names[DX_KIND_COUNT] = {
    [DX_KIND_OTHER] = "other",
    [DX_KIND_DATE] = "date",
    [DX_KIND_REGEXP] = "regexp",
    [DX_KIND_MAP] = "map",
    [DX_KIND_SET] = "set",
    [DX_KIND_WEAK_MAP] = "weakMap",
    [DX_KIND_WEAK_SET] = "weakSet",
    [DX_KIND_MAP_ITERATOR] = "mapIterator",
    [DX_KIND_SET_ITERATOR] = "setIterator",
    [DX_KIND_NUMBER_OBJECT] = "numberObject",
    [DX_KIND_STRING_OBJECT] = "stringObject",
    [DX_KIND_BOOLEAN_OBJECT] = "booleanObject",
    [DX_KIND_SYMBOL_OBJECT] = "symbolObject",
    [DX_KIND_BIGINT_OBJECT] = "bigintObject",
    [DX_KIND_ARRAY_BUFFER] = "arrayBuffer",
    [DX_KIND_SHARED_ARRAY_BUFFER] = "sharedArrayBuffer",
    [DX_KIND_DATA_VIEW] = "dataView",
    [DX_KIND_GENERATOR] = "generator",
    [DX_KIND_ASYNC_GENERATOR] = "asyncGenerator",
    [DX_KIND_MAYBE_WRAPPER] = "maybeSymbolOrBigIntObject",
    [DX_KIND_PROXY] = "proxy",
    [DX_KIND_FAST_ARRAY] = "fastArray",
    [DX_KIND_PLAIN_OBJECT] = "plainObject",
};

uint8_t dx__kind_by_type[256];
int dx__kind_array_type = -1;
uint8_t dx__kind_fast_indexing[256];

/* Samples: each row is a kind and an expression; several rows per kind (subclasses included).
 * DX_KIND_OTHER rows are objects no kind may claim. */
static const struct sample {
    dx_kind kind;
    const char *expr;
} samples[] = {
#define SLOW_ARRAY DX_KIND_COUNT /* arrays that must not be fast: samples only */
    {DX_KIND_DATE, "new Date(0)"},
    {DX_KIND_DATE, "new (class extends Date {})(0)"},
    {DX_KIND_REGEXP, "/x/g"},
    {DX_KIND_REGEXP, "new (class extends RegExp {})('y')"},
    {DX_KIND_MAP, "new Map([[1, 2]])"},
    {DX_KIND_MAP, "new (class extends Map {})()"},
    {DX_KIND_SET, "new Set([1])"},
    {DX_KIND_SET, "new (class extends Set {})()"},
    {DX_KIND_WEAK_MAP, "new WeakMap()"},
    {DX_KIND_WEAK_MAP, "new (class extends WeakMap {})()"},
    {DX_KIND_WEAK_SET, "new WeakSet()"},
    {DX_KIND_WEAK_SET, "new (class extends WeakSet {})()"},
    {DX_KIND_MAP_ITERATOR, "new Map().entries()"},
    {DX_KIND_MAP_ITERATOR, "new Map().keys()"},
    {DX_KIND_SET_ITERATOR, "new Set().values()"},
    {DX_KIND_SET_ITERATOR, "new Set().entries()"},
    {DX_KIND_NUMBER_OBJECT, "new Number(1)"},
    {DX_KIND_NUMBER_OBJECT, "Object(2.5)"},
    {DX_KIND_STRING_OBJECT, "new String('s')"},
    {DX_KIND_STRING_OBJECT, "Object('')"},
    {DX_KIND_BOOLEAN_OBJECT, "new Boolean(false)"},
    {DX_KIND_BOOLEAN_OBJECT, "Object(true)"},
    {DX_KIND_SYMBOL_OBJECT, "Object(Symbol('s'))"},
    {DX_KIND_BIGINT_OBJECT, "Object(1n)"},
    {DX_KIND_MAYBE_WRAPPER, "Object(Symbol('w'))"},
    {DX_KIND_MAYBE_WRAPPER, "Object(2n)"},
    {DX_KIND_ARRAY_BUFFER, "new ArrayBuffer(8)"},
    {DX_KIND_ARRAY_BUFFER, "new ArrayBuffer(0, { maxByteLength: 16 })"},
    {DX_KIND_SHARED_ARRAY_BUFFER, "typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(8) : null"},
    {DX_KIND_DATA_VIEW, "new DataView(new ArrayBuffer(1))"},
    {DX_KIND_GENERATOR, "(function* () {})()"},
    {DX_KIND_ASYNC_GENERATOR, "(async function* () {})()"},
    {DX_KIND_PROXY, "new Proxy({}, {})"},
    {DX_KIND_PROXY, "new Proxy(function () {}, {})"},
    {DX_KIND_PROXY, "new Proxy([], {})"},
    {DX_KIND_PROXY, "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()"},
    /* Arrays in every storage that holds only data elements; the SLOW_ARRAY rows must differ. */
    {DX_KIND_FAST_ARRAY, "[]"},
    {DX_KIND_FAST_ARRAY, "[1, 2]"},
    {DX_KIND_FAST_ARRAY, "[1.5, 2]"},
    {DX_KIND_FAST_ARRAY, "['a', {}]"},
    {DX_KIND_FAST_ARRAY, "[1, , 3]"},
    {DX_KIND_FAST_ARRAY, "Array.of(1, 2)"},
    {DX_KIND_FAST_ARRAY, "Array.of(1.5)"},
    {DX_KIND_FAST_ARRAY, "Array.of('a')"},
    {DX_KIND_FAST_ARRAY, "new Array(3)"},
    {DX_KIND_FAST_ARRAY, "Object.assign([1, 2], { x: 1 })"},
    {SLOW_ARRAY, "Object.defineProperty([1], 0, { get() { return 1; }, enumerable: true })"},
    {SLOW_ARRAY, "Object.defineProperty([], 3, { get() { return 1; } })"},
    {SLOW_ARRAY, "(() => { const a = [1, 2]; a[100000] = 1; return a; })()"},
    {SLOW_ARRAY, "Object.defineProperty([1, 2], 1, { value: 1, writable: false })"},
    {DX_KIND_PLAIN_OBJECT, "({})"},
    {DX_KIND_PLAIN_OBJECT, "({ a: 1, get b() { return 1; } })"},
    {DX_KIND_PLAIN_OBJECT, "Object.create(null)"},
    {DX_KIND_PLAIN_OBJECT, "new (class {})()"},
    {DX_KIND_PLAIN_OBJECT, "new (class { constructor() { this.x = 1; } })()"},
    {DX_KIND_PLAIN_OBJECT, "Object.create(Map.prototype)"},
    {DX_KIND_PLAIN_OBJECT, "Object.create(Date.prototype)"},
    {DX_KIND_PLAIN_OBJECT, "Object.create(Promise.prototype)"},
    {DX_KIND_PLAIN_OBJECT, "Object.create(Error.prototype)"},
    {DX_KIND_OTHER, "Math"},
    {DX_KIND_OTHER, "new Error('e')"},
    {DX_KIND_OTHER, "function () {}"},
    {DX_KIND_OTHER, "class {}"},
    {DX_KIND_OTHER, "(function () { return arguments; })()"},
    {DX_KIND_OTHER, "(function () { 'use strict'; return arguments; })()"},
    {DX_KIND_OTHER, "(function (a) { (() => a)(); return arguments; })(1)"},
    {DX_KIND_OTHER, "new (class extends Error {})('e')"},
    {DX_KIND_OTHER, "new Uint8Array(1)"},
    {DX_KIND_OTHER, "new Float64Array(1)"},
    {DX_KIND_OTHER, "JSON"},
    {DX_KIND_OTHER, "globalThis"},
    {DX_KIND_OTHER, "Map.prototype"},
    {DX_KIND_OTHER, "Date.prototype"},
    {DX_KIND_OTHER, "Promise"},
    {DX_KIND_OTHER, "new WeakRef({})"},
    {DX_KIND_OTHER, "[].values()"},
    {DX_KIND_OTHER, "'x'[Symbol.iterator]()"},
    {DX_KIND_OTHER, "Object.getPrototypeOf(function* () {}).prototype"},
    {DX_KIND_OTHER, "Object.getPrototypeOf(async function* () {}).prototype"},
    {DX_KIND_OTHER, "Object.getPrototypeOf(new Map().entries())"},
    {DX_KIND_OTHER, "Object.getPrototypeOf(new Set().values())"},
};

#define NSAMPLES (sizeof samples / sizeof *samples)

static uint32_t supported;
static bool calibrated;

uint32_t dx_kind_calibrate(JSContextRef ctx) {
    if (calibrated) return supported;
    calibrated = true;
    /* One script builds every sample, so they stay alive (in the array) while we read them. */
    size_t cap = 64;
    for (size_t i = 0; i < NSAMPLES; i++) cap += strlen(samples[i].expr) + 2;
    char *src = malloc(cap);
    if (!src) abort();
    char *p = src;
    p += sprintf(p, "[");
    for (size_t i = 0; i < NSAMPLES; i++) p += sprintf(p, "%s%s", i ? "," : "", samples[i].expr);
    sprintf(p, "]");
    JSStringRef s = JSStringCreateWithUTF8CString(src);
    free(src);
    JSValueRef exc = NULL;
    JSValueRef arr = JSEvaluateScript(ctx, s, NULL, NULL, 1, &exc);
    JSStringRelease(s);
    if (exc || !arr || !JSValueIsObject(ctx, arr)) return 0;
    JSValueProtect(ctx, arr);

    int byte_of[DX_KIND_COUNT + 1];
    bool consistent[DX_KIND_COUNT + 1];
    uint8_t fast_indexing[256] = {0}, slow_indexing[256] = {0};
    int slow_array_type = -1;
    for (int k = 0; k <= DX_KIND_COUNT; k++) {
        byte_of[k] = -1;
        consistent[k] = true;
    }
    uint8_t other_bytes[256] = {0};
    int plain_byte = -1;
    for (size_t i = 0; i < NSAMPLES; i++) {
        JSValueRef v = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)arr, (unsigned)i, NULL);
        dx_kind k = samples[i].kind;
        if (!dx_is_cell(v)) {
            /* Only an absent optional feature (SharedArrayBuffer) yields null. */
            consistent[k] = false;
            continue;
        }
        int b = ((const uint8_t *)v)[5];
        if (k == DX_KIND_FAST_ARRAY) fast_indexing[((const uint8_t *)v)[4]] = 1;
        if (k == SLOW_ARRAY) {
            slow_indexing[((const uint8_t *)v)[4]] = 1;
            if (slow_array_type == -1) slow_array_type = b;
            else if (slow_array_type != b) consistent[DX_KIND_FAST_ARRAY] = false;
            continue;
        }
        if (k == DX_KIND_PLAIN_OBJECT && plain_byte == -1) plain_byte = b;
        if (k == DX_KIND_OTHER) {
            other_bytes[b] = 1;
        } else if (byte_of[k] == -1) {
            byte_of[k] = b;
        } else if (byte_of[k] != b) {
            consistent[k] = false;
        }
    }
    JSValueUnprotect(ctx, arr);

    memset(dx__kind_by_type, 0, sizeof dx__kind_by_type);
    memset(dx__kind_fast_indexing, 0, sizeof dx__kind_fast_indexing);
    dx__kind_array_type = -1;
    supported = 0;
    /* Fast arrays: the arrays' type byte (which slow arrays share: only the indexing byte tells),
     * used by no other kind or other object, and no indexing byte of a fast sample seen on a slow
     * one. */
    if (consistent[DX_KIND_FAST_ARRAY] && byte_of[DX_KIND_FAST_ARRAY] >= 0 &&
        byte_of[DX_KIND_FAST_ARRAY] == slow_array_type && !other_bytes[slow_array_type]) {
        bool overlap = false;
        for (int i = 0; i < 256; i++)
            if (fast_indexing[i] && slow_indexing[i]) overlap = true;
        for (int j = 1; j < DX_KIND_COUNT; j++)
            if (j != DX_KIND_FAST_ARRAY && byte_of[j] == slow_array_type) overlap = true;
        if (!overlap) {
            memcpy(dx__kind_fast_indexing, fast_indexing, sizeof fast_indexing);
            dx__kind_array_type = slow_array_type;
            supported |= 1u << DX_KIND_FAST_ARRAY;
        }
    }
    for (int k = 1; k < DX_KIND_COUNT; k++) {
        if (k == DX_KIND_FAST_ARRAY) continue;
        if (!consistent[k] || byte_of[k] < 0) continue;
        /* A filter kind may share its byte with other objects, but not with plain ones. */
        if (k == DX_KIND_MAYBE_WRAPPER ? byte_of[k] == plain_byte : other_bytes[byte_of[k]]) continue;
        bool unique = true;
        for (int j = 1; j < DX_KIND_COUNT; j++) {
            /* The wrapper filter stands for the two wrapper kinds: their shared byte is its own. */
            if (k == DX_KIND_MAYBE_WRAPPER && (j == DX_KIND_SYMBOL_OBJECT || j == DX_KIND_BIGINT_OBJECT)) continue;
            if (j != k && byte_of[j] == byte_of[k]) unique = false;
        }
        if (!unique) continue;
        dx__kind_by_type[byte_of[k]] = (uint8_t)k;
        supported |= 1u << k;
    }
    return supported;
}
