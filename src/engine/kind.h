/* What kind of built-in object a value is (Date, Map, boxed Number...), read from the JSType byte in
 * the header of JSC's cells, for util.types and util.inspect.
 *
 * JS can only tell these apart by calling a built-in that throws on the wrong object, and a thrown
 * exception costs microseconds in JSC (it records a stack). The JSType numbering is private to each
 * JSC build, so dx_kind_calibrate learns it from sample objects made in the running engine; a kind
 * whose samples do not give one type byte of its own stays unsupported and the JS check is used. */
#ifndef DX_ENGINE_KIND_H
#define DX_ENGINE_KIND_H

#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine/value.h"

typedef enum dx_kind {
    DX_KIND_OTHER = 0,
    DX_KIND_DATE,
    DX_KIND_REGEXP,
    DX_KIND_MAP,
    DX_KIND_SET,
    DX_KIND_WEAK_MAP,
    DX_KIND_WEAK_SET,
    DX_KIND_MAP_ITERATOR,
    DX_KIND_SET_ITERATOR,
    DX_KIND_NUMBER_OBJECT,
    DX_KIND_STRING_OBJECT,
    DX_KIND_BOOLEAN_OBJECT,
    DX_KIND_SYMBOL_OBJECT,
    DX_KIND_BIGINT_OBJECT,
    DX_KIND_ARRAY_BUFFER,
    DX_KIND_SHARED_ARRAY_BUFFER,
    DX_KIND_DATA_VIEW,
    DX_KIND_GENERATOR,
    DX_KIND_ASYNC_GENERATOR,
    /* A filter, not a brand: Symbol and BigInt wrapper objects share their JSType with other
     * objects (WeakRef...), but not with plain objects, so anything else is neither. */
    DX_KIND_MAYBE_WRAPPER,
    /* A Proxy (revoked or not); not the global object's own proxy. */
    DX_KIND_PROXY,
    /* A plain Array whose elements can only be data properties (JSC's Int32, Double, Contiguous and
     * Undecided storage: an accessor or a sparse element moves an array to another storage). It
     * may still have holes and named properties. Told apart by the indexing-type byte (offset 4). */
    DX_KIND_FAST_ARRAY,
    /* An ordinary object (JSC's final object: literals, class instances, Object.create(...)): no
     * array, function, arguments object, error or other built-in with internal slots. */
    DX_KIND_PLAIN_OBJECT,
    DX_KIND_COUNT
} dx_kind;

/* The JS names of the kinds ("date", "regexp", ...), indexed by dx_kind. */
extern const char *const dx_kind_names[DX_KIND_COUNT];

/* Learns this engine's type bytes (once per process; needs a context). Returns a bit set of the
 * kinds that can be told apart (bit k for kind k). */
uint32_t dx_kind_calibrate(JSContextRef ctx);

extern uint8_t dx__kind_by_type[256];
/* The type byte of arrays (-1 until calibrated) and the indexing bytes of fast arrays. */
extern int dx__kind_array_type;
extern uint8_t dx__kind_fast_indexing[256];

/* The kind of `v`; DX_KIND_OTHER for primitives and other objects. Calibrate first. */
static inline dx_kind dx_kind_of(JSValueRef v) {
    if (!dx_is_cell(v)) return DX_KIND_OTHER;
    const uint8_t *cell = (const uint8_t *)v;
    if (cell[5] == dx__kind_array_type && dx__kind_fast_indexing[cell[4]]) return DX_KIND_FAST_ARRAY;
    return (dx_kind)dx__kind_by_type[cell[5]];
}

#endif
