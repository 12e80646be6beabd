'use strict';
// ByteLengthQueuingStrategy and CountQueuingStrategy (Streams Standard §7).
// Exports: ByteLengthQueuingStrategy, CountQueuingStrategy.
// Each class's `size` getter returns one function object shared by every instance, as the spec's
// "size function" (named `size`, length 0 for count and 1 for byte length... see below).

const {
  ObjectDefineProperties,
  ObjectDefineProperty,
  SymbolToStringTag,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_MISSING_OPTION },
} = require('internal/errors');
const { kState, kInspect, customInspect } = require('internal/webstreams/util');

// The size functions are created with a `size` name; byte length takes one argument (chunk).
const byteLengthSize = { size(chunk) { return chunk.byteLength; } }.size;
const countSize = { size() { return 1; } }.size;

function readInit(init) {
  if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('init', 'Object', init);
  }
  const hwm = init.highWaterMark;
  if (hwm === undefined) throw new ERR_MISSING_OPTION('init.highWaterMark');
  return +hwm;
}

class ByteLengthQueuingStrategy {
  constructor(init) {
    this[kState] = { brand: ByteLengthQueuingStrategy, highWaterMark: readInit(init) };
  }

  get highWaterMark() {
    if (this?.[kState]?.brand !== ByteLengthQueuingStrategy) {
      throw new ERR_INVALID_THIS('ByteLengthQueuingStrategy');
    }
    return this[kState].highWaterMark;
  }

  get size() {
    if (this?.[kState]?.brand !== ByteLengthQueuingStrategy) {
      throw new ERR_INVALID_THIS('ByteLengthQueuingStrategy');
    }
    return byteLengthSize;
  }

  [kInspect](depth, options) {
    return customInspect(this, 'ByteLengthQueuingStrategy',
      { highWaterMark: this[kState].highWaterMark }, depth, options);
  }
}

class CountQueuingStrategy {
  constructor(init) {
    this[kState] = { brand: CountQueuingStrategy, highWaterMark: readInit(init) };
  }

  get highWaterMark() {
    if (this?.[kState]?.brand !== CountQueuingStrategy) throw new ERR_INVALID_THIS('CountQueuingStrategy');
    return this[kState].highWaterMark;
  }

  get size() {
    if (this?.[kState]?.brand !== CountQueuingStrategy) throw new ERR_INVALID_THIS('CountQueuingStrategy');
    return countSize;
  }

  [kInspect](depth, options) {
    return customInspect(this, 'CountQueuingStrategy',
      { highWaterMark: this[kState].highWaterMark }, depth, options);
  }
}

const enumerable = { __proto__: null, enumerable: true };
for (const C of [ByteLengthQueuingStrategy, CountQueuingStrategy]) {
  ObjectDefineProperties(C.prototype, { highWaterMark: enumerable, size: enumerable });
  ObjectDefineProperty(C.prototype, SymbolToStringTag, {
    __proto__: null, value: C.name, writable: false, enumerable: false, configurable: true,
  });
}

module.exports = { ByteLengthQueuingStrategy, CountQueuingStrategy };
