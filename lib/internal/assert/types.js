'use strict';
// The type checks deep equality needs: the brand checks are util.types' (internal/util/types, which a
// forged prototype or Symbol.toStringTag cannot fool); the few helpers below are assert's own.

const {
  ArrayBufferIsView,
  Error,
  FunctionPrototypeSymbolHasInstance,
  TypedArrayPrototypeGetSymbolToStringTag,
} = primordials;

const types = require('internal/util/types');

function typedArrayName(v) {
  return TypedArrayPrototypeGetSymbolToStringTag(v);
}

function isFloatArray(v) {
  const name = typedArrayName(v);
  return name === 'Float16Array' || name === 'Float32Array' || name === 'Float64Array';
}

// Node's internal isError: a native error, or anything that inherits from Error.prototype.
function isError(v) {
  return types.isNativeError(v) || FunctionPrototypeSymbolHasInstance(Error, v);
}

// Node's test for its URL class (a WHATWG URL, not a legacy url.parse() result).
function isURL(v) {
  return Boolean(v?.href && v.protocol && v.auth === undefined && v.path === undefined);
}

module.exports = {
  isAnyArrayBuffer: types.isAnyArrayBuffer,
  isArrayBuffer: types.isArrayBuffer,
  isArrayBufferView: ArrayBufferIsView,
  isBigIntObject: types.isBigIntObject,
  isBooleanObject: types.isBooleanObject,
  isBoxedPrimitive: types.isBoxedPrimitive,
  isDate: types.isDate,
  isError,
  isFloatArray,
  isMap: types.isMap,
  isNativeError: types.isNativeError,
  isNumberObject: types.isNumberObject,
  isPromise: types.isPromise,
  isRegExp: types.isRegExp,
  isSet: types.isSet,
  isSharedArrayBuffer: types.isSharedArrayBuffer,
  isStringObject: types.isStringObject,
  isSymbolObject: types.isSymbolObject,
  isURL,
  isWeakMap: types.isWeakMap,
  isWeakSet: types.isWeakSet,
  typedArrayName,
};
