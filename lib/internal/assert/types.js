'use strict';
// Brand checks for the values deep equality compares, in plain JS: each calls an intrinsic getter or
// method that throws a TypeError on an object without the right internal slot, so a fake with a
// forged prototype or Symbol.toStringTag is not taken for the real thing (as util.types does in Node).

const {
  ArrayBufferIsView,
  ArrayBufferPrototypeGetByteLength,
  BigIntPrototypeValueOf,
  BooleanPrototypeValueOf,
  DatePrototypeGetTime,
  Error,
  FunctionPrototypeSymbolHasInstance,
  MapPrototypeGetSize,
  NumberPrototypeValueOf,
  ObjectPrototypeToString,
  PromisePrototype,
  ReflectGetPrototypeOf,
  RegExpPrototype,
  RegExpPrototypeGetSource,
  SetPrototypeGetSize,
  SharedArrayBufferPrototypeGetByteLength,
  StringPrototypeValueOf,
  SymbolPrototypeValueOf,
  SymbolToStringTag,
  TypedArrayPrototypeGetSymbolToStringTag,
  WeakMapPrototypeHas,
  WeakSetPrototypeHas,
} = primordials;

const ErrorIsError = Error.isError;
const probe = {};

function isObject(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function');
}

function isDate(v) {
  if (!isObject(v)) return false;
  try {
    DatePrototypeGetTime(v);
    return true;
  } catch {
    return false;
  }
}

function isRegExp(v) {
  // RegExp.prototype's `source` getter answers for RegExp.prototype itself, which is no RegExp.
  if (!isObject(v) || v === RegExpPrototype) return false;
  try {
    RegExpPrototypeGetSource(v);
    return true;
  } catch {
    return false;
  }
}

function isMap(v) {
  if (!isObject(v)) return false;
  try {
    MapPrototypeGetSize(v);
    return true;
  } catch {
    return false;
  }
}

function isSet(v) {
  if (!isObject(v)) return false;
  try {
    SetPrototypeGetSize(v);
    return true;
  } catch {
    return false;
  }
}

function isWeakMap(v) {
  if (!isObject(v)) return false;
  try {
    WeakMapPrototypeHas(v, probe);
    return true;
  } catch {
    return false;
  }
}

function isWeakSet(v) {
  if (!isObject(v)) return false;
  try {
    WeakSetPrototypeHas(v, probe);
    return true;
  } catch {
    return false;
  }
}

function isArrayBuffer(v) {
  if (!isObject(v)) return false;
  try {
    ArrayBufferPrototypeGetByteLength(v);
    return true;
  } catch {
    return false;
  }
}

function isSharedArrayBuffer(v) {
  if (!isObject(v) || SharedArrayBufferPrototypeGetByteLength === undefined) return false;
  try {
    SharedArrayBufferPrototypeGetByteLength(v);
    return true;
  } catch {
    return false;
  }
}

function isAnyArrayBuffer(v) {
  return isArrayBuffer(v) || isSharedArrayBuffer(v);
}

function isArrayBufferView(v) {
  return ArrayBufferIsView(v);
}

// 'Uint8Array', ... for typed arrays; undefined for anything else (DataView included).
function typedArrayName(v) {
  return TypedArrayPrototypeGetSymbolToStringTag(v);
}

function isFloatArray(v) {
  const name = TypedArrayPrototypeGetSymbolToStringTag(v);
  return name === 'Float64Array' || name === 'Float32Array' || name === 'Float16Array';
}

function brand(fn, v) {
  if (typeof v !== 'object' || v === null) return false;
  try {
    fn(v);
    return true;
  } catch {
    return false;
  }
}

function isNumberObject(v) { return brand(NumberPrototypeValueOf, v); }
function isStringObject(v) { return brand(StringPrototypeValueOf, v); }
function isBooleanObject(v) { return brand(BooleanPrototypeValueOf, v); }
function isBigIntObject(v) { return brand(BigIntPrototypeValueOf, v); }
function isSymbolObject(v) { return brand(SymbolPrototypeValueOf, v); }

function isBoxedPrimitive(v) {
  return isNumberObject(v) || isStringObject(v) || isBooleanObject(v) || isBigIntObject(v) || isSymbolObject(v);
}

// An object with an [[ErrorData]] slot.
function isNativeError(v) {
  if (!isObject(v)) return false;
  if (typeof ErrorIsError === 'function') return ErrorIsError(v);
  // Only objects with [[ErrorData]] get the built-in tag 'Error'; a Symbol.toStringTag could fake it.
  return v[SymbolToStringTag] === undefined && ObjectPrototypeToString(v) === '[object Error]';
}

// Node's internal isError: a native error, or anything that inherits from Error.prototype.
function isError(v) {
  return isNativeError(v) || FunctionPrototypeSymbolHasInstance(Error, v);
}

// A promise; the engine offers no side-effect-free brand check to JS, so this asks that the object
// inherits from Promise.prototype and says it is a Promise.
function isPromise(v) {
  if (!isObject(v)) return false;
  let proto = ReflectGetPrototypeOf(v);
  while (proto !== null) {
    if (proto === PromisePrototype) return ObjectPrototypeToString(v) === '[object Promise]';
    proto = ReflectGetPrototypeOf(proto);
  }
  return false;
}

// Node's test for its URL class (a WHATWG URL, not a legacy url.parse() result).
function isURL(v) {
  return Boolean(v?.href && v.protocol && v.auth === undefined && v.path === undefined);
}

module.exports = {
  isAnyArrayBuffer,
  isArrayBuffer,
  isArrayBufferView,
  isBigIntObject,
  isBooleanObject,
  isBoxedPrimitive,
  isDate,
  isError,
  isFloatArray,
  isMap,
  isNativeError,
  isNumberObject,
  isPromise,
  isRegExp,
  isSet,
  isSharedArrayBuffer,
  isStringObject,
  isSymbolObject,
  isURL,
  isWeakMap,
  isWeakSet,
  typedArrayName,
};
