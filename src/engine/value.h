/* Immediate JS values without a C API call.
 *
 * Every public API call takes JSC's lock (a JSLockHolder: ~20-50 ns even when the lock is already
 * held), so a binding that returns `undefined` or a number through JSValueMakeUndefined/MakeNumber
 * pays more for the return than for its work. On 64-bit builds a JSValueRef *is* the encoded JSValue
 * (JSCJSValue.h, JSVALUE64): these helpers build and read immediates directly.
 * dx_value_check() compares them with the API once at start-up (runtime.c); a mismatch stops dx. */
#ifndef DX_ENGINE_VALUE_H
#define DX_ENGINE_VALUE_H

#include <JavaScriptCore/JavaScript.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define DX__NUMBER_TAG 0xfffe000000000000ull
#define DX__DOUBLE_OFFSET (1ull << 49)
#define DX__OTHER_TAG 0x2ull

static inline JSValueRef dx__bits(uint64_t b) { return (JSValueRef)(uintptr_t)b; }
static inline uint64_t dx__raw(JSValueRef v) { return (uint64_t)(uintptr_t)v; }

static inline JSValueRef dx_undefined(void) { return dx__bits(0xa); }
static inline JSValueRef dx_null(void) { return dx__bits(0x2); }
static inline JSValueRef dx_boolean(bool b) { return dx__bits(b ? 0x7 : 0x6); }

static inline JSValueRef dx_number(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0) {
        int32_t i = (int32_t)d;
        if ((double)i == d && !(i == 0 && signbit(d))) return dx__bits(DX__NUMBER_TAG | (uint32_t)i);
    }
    if (isnan(d)) d = NAN; /* the one NaN JSC uses, so no payload can look like a tag */
    uint64_t b;
    memcpy(&b, &d, 8);
    return dx__bits(b + DX__DOUBLE_OFFSET);
}

static inline bool dx_is_undefined(JSValueRef v) { return dx__raw(v) == 0xa; }
static inline bool dx_is_number(JSValueRef v) { return (dx__raw(v) & DX__NUMBER_TAG) != 0; }
/* A heap cell: object, string, symbol, BigInt (heap), ... */
static inline bool dx_is_cell(JSValueRef v) {
    return dx__raw(v) != 0 && (dx__raw(v) & (DX__NUMBER_TAG | DX__OTHER_TAG)) == 0;
}

/* The number in `v`, which must be a number (dx_is_number). */
static inline double dx_number_value(JSValueRef v) {
    uint64_t b = dx__raw(v);
    if ((b & DX__NUMBER_TAG) == DX__NUMBER_TAG) return (double)(int32_t)(uint32_t)b;
    b -= DX__DOUBLE_OFFSET;
    double d;
    memcpy(&d, &b, 8);
    return d;
}

/* Whether the encodings above match this JSC build. */
bool dx_value_check(JSContextRef ctx);

#endif
