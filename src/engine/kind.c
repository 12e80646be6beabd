/* Kinds of built-in objects from JSC's cell headers (kind.h).
 *
 * A JSCell starts with a 32-bit structure ID, then one byte of indexing type and one byte of JSType
 * (offset 5). Calibration reads that byte on sample objects: every sample of a kind must give the
 * same byte, and no other kind and no ordinary object may give it. */
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
};

uint8_t dx__kind_by_type[256];

/* Samples: each row is a kind and an expression; several rows per kind (subclasses included).
 * DX_KIND_OTHER rows are objects no kind may claim. */
static const struct sample {
    dx_kind kind;
    const char *expr;
} samples[] = {
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
    {DX_KIND_OTHER, "({})"},
    {DX_KIND_OTHER, "[]"},
    {DX_KIND_OTHER, "Object.create(null)"},
    {DX_KIND_OTHER, "new (class {})()"},
    {DX_KIND_OTHER, "Object.create(Map.prototype)"},
    {DX_KIND_OTHER, "Object.create(Date.prototype)"},
    {DX_KIND_OTHER, "Object.create(Promise.prototype)"},
    {DX_KIND_OTHER, "new Error('e')"},
    {DX_KIND_OTHER, "function () {}"},
    {DX_KIND_OTHER, "class {}"},
    {DX_KIND_OTHER, "(function () { return arguments; })()"},
    {DX_KIND_OTHER, "new Uint8Array(1)"},
    {DX_KIND_OTHER, "new Float64Array(1)"},
    {DX_KIND_OTHER, "Math"},
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

    int byte_of[DX_KIND_COUNT];
    bool consistent[DX_KIND_COUNT];
    for (int k = 0; k < DX_KIND_COUNT; k++) {
        byte_of[k] = -1;
        consistent[k] = true;
    }
    uint8_t other_bytes[256] = {0};
    int plain_byte = -1;
    size_t first_other = 0; /* the first DX_KIND_OTHER sample is a plain object, `({})` */
    while (first_other < NSAMPLES && samples[first_other].kind != DX_KIND_OTHER) first_other++;
    for (size_t i = 0; i < NSAMPLES; i++) {
        JSValueRef v = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)arr, (unsigned)i, NULL);
        dx_kind k = samples[i].kind;
        if (!dx_is_cell(v)) {
            /* Only an absent optional feature (SharedArrayBuffer) yields null. */
            consistent[k] = false;
            continue;
        }
        int b = ((const uint8_t *)v)[5];
        if (k == DX_KIND_OTHER) {
            if (i == first_other) plain_byte = b;
            other_bytes[b] = 1;
        } else if (byte_of[k] == -1) {
            byte_of[k] = b;
        } else if (byte_of[k] != b) {
            consistent[k] = false;
        }
    }
    JSValueUnprotect(ctx, arr);

    memset(dx__kind_by_type, 0, sizeof dx__kind_by_type);
    supported = 0;
    for (int k = 1; k < DX_KIND_COUNT; k++) {
        if (!consistent[k] || byte_of[k] < 0) continue;
        /* A filter kind may share its byte with other objects, but not with plain ones. */
        if (k == DX_KIND_MAYBE_WRAPPER ? byte_of[k] == plain_byte : other_bytes[byte_of[k]]) continue;
        bool unique = true;
        for (int j = 1; j < DX_KIND_COUNT; j++)
            if (j != k && byte_of[j] == byte_of[k]) unique = false;
        if (!unique) continue;
        dx__kind_by_type[byte_of[k]] = (uint8_t)k;
        supported |= 1u << k;
    }
    return supported;
}
