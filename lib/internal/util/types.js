'use strict';
// util.types: what kind of object a value is, by the engine's internal slots where JS can see them.
//
// JSC gives no C-free way to ask "is this a Map?", so each check calls a built-in method or getter
// that throws on objects without the right internal slot (Map.prototype.size, Date.prototype.getTime,
// the TypedArray toStringTag getter...). Those cannot be fooled by Symbol.toStringTag or by
// Object.create(Map.prototype), and they have no side effects. Where the language has no such method
// (promises, errors, generators, iterators, arguments objects) the check reads the engine's
// Object.prototype.toString tag while making sure no Symbol.toStringTag property could have produced
// it, and in the cases that still leave a doubt also checks the prototype chain. docs/inspect.md
// lists what those can get wrong.

const {
  ArrayBufferPrototypeGetByteLength,
  BigIntPrototypeValueOf,
  BooleanPrototype,
  BooleanPrototypeValueOf,
  DataViewPrototypeGetBuffer,
  DatePrototypeGetTime,
  FunctionPrototypeToString,
  MapPrototypeGetSize,
  NumberPrototype,
  NumberPrototypeValueOf,
  ObjectGetPrototypeOf,
  ObjectIsExtensible,
  ObjectPrototypeToString,
  ObjectPrototypeIsPrototypeOf,
  ReflectGetOwnPropertyDescriptor,
  RegExpPrototype,
  RegExpPrototypeExec,
  RegExpPrototypeGetSource,
  SetPrototypeGetSize,
  SharedArrayBufferPrototypeGetByteLength,
  StringPrototype,
  StringPrototypeValueOf,
  SymbolPrototypeValueOf,
  SymbolToStringTag,
  TypedArrayPrototypeGetSymbolToStringTag,
  WeakMapPrototypeHas,
  WeakSetPrototypeHas,
  ErrorIsError,
  ErrorPrototype,
  Promise: PromiseCtor,
  PromisePrototype,
  PromisePrototypeThen,
  PromiseResolve,
  ReflectApply,
  MapIteratorPrototype,
  SetIteratorPrototype,
  SafeWeakSet,
} = primordials;

const utilBinding = internalBinding('util');
// The engine's own type of an object, read in C from the cell header (src/engine/kind.c): a number
// per kind, for the kinds this JSC build lets C tell apart (the rest keep the JS checks below).
// One fast binding call instead of a thrown and caught TypeError per check.
const { valueKind, kinds: K } = utilBinding;
const kindCheck = (name) => K[name];
const KIND_DATE = kindCheck('date');
const KIND_REGEXP = kindCheck('regexp');
const KIND_MAP = kindCheck('map');
const KIND_SET = kindCheck('set');
const KIND_WEAK_MAP = kindCheck('weakMap');
const KIND_WEAK_SET = kindCheck('weakSet');
const KIND_MAP_ITERATOR = kindCheck('mapIterator');
const KIND_SET_ITERATOR = kindCheck('setIterator');
const KIND_NUMBER_OBJECT = kindCheck('numberObject');
const KIND_STRING_OBJECT = kindCheck('stringObject');
const KIND_BOOLEAN_OBJECT = kindCheck('booleanObject');
const KIND_ARRAY_BUFFER = kindCheck('arrayBuffer');
const KIND_SHARED_ARRAY_BUFFER = kindCheck('sharedArrayBuffer');
const KIND_DATA_VIEW = kindCheck('dataView');
const KIND_GENERATOR = kindCheck('generator');
const KIND_ASYNC_GENERATOR = kindCheck('asyncGenerator');
const KIND_MAYBE_WRAPPER = kindCheck('maybeSymbolOrBigIntObject');
const KIND_PROXY = kindCheck('proxy');

// The prototypes of function kinds and generator objects, reached from literals.
const AsyncFunctionPrototype = ObjectGetPrototypeOf(async function() {});
const GeneratorFunctionPrototype = ObjectGetPrototypeOf(function*() {});
const AsyncGeneratorFunctionPrototype = ObjectGetPrototypeOf(async function*() {});
const FunctionPrototypeOfFunctions = ObjectGetPrototypeOf(function() {});
const GeneratorPrototype = GeneratorFunctionPrototype.prototype;
const AsyncGeneratorPrototype = AsyncGeneratorFunctionPrototype.prototype;

function isObjectLike(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

// True when the engine's own tag for `value` is `tag` (the `X` of `[object X]`) and no
// Symbol.toStringTag property, own or inherited, could have supplied it instead.
function hasBuiltinTag(value, tag) {
  let text;
  try {
    text = ObjectPrototypeToString(value);
  } catch {
    return false;
  }
  if (text !== `[object ${tag}]`) return false;
  return !hasToStringTagProperty(value);
}

// Looks for a Symbol.toStringTag property without running getters or proxy traps of `value`
// itself where avoidable.
function hasToStringTagProperty(value) {
  let obj = value;
  for (let depth = 0; obj !== null && depth < 10000; depth++) {
    let desc;
    try {
      desc = ReflectGetOwnPropertyDescriptor(obj, SymbolToStringTag);
    } catch {
      return true;
    }
    if (desc !== undefined) {
      if (desc.get !== undefined || desc.set !== undefined) return true;
      return typeof desc.value === 'string';
    }
    try {
      obj = ObjectGetPrototypeOf(obj);
    } catch {
      return true;
    }
  }
  return false;
}

function isDate(value) {
  if (KIND_DATE !== undefined) return valueKind(value) === KIND_DATE;
  if (!isObjectLike(value)) return false;
  try {
    DatePrototypeGetTime(value);
    return true;
  } catch {
    return false;
  }
}

function isRegExp(value) {
  if (KIND_REGEXP !== undefined) return value !== RegExpPrototype && valueKind(value) === KIND_REGEXP;
  // The `source` getter also answers for RegExp.prototype itself, which is no RegExp.
  if (!isObjectLike(value) || value === RegExpPrototype) return false;
  try {
    RegExpPrototypeGetSource(value);
    return true;
  } catch {
    return false;
  }
}

function isMap(value) {
  if (KIND_MAP !== undefined) return valueKind(value) === KIND_MAP;
  if (!isObjectLike(value)) return false;
  try {
    MapPrototypeGetSize(value);
    return true;
  } catch {
    return false;
  }
}

function isSet(value) {
  if (KIND_SET !== undefined) return valueKind(value) === KIND_SET;
  if (!isObjectLike(value)) return false;
  try {
    SetPrototypeGetSize(value);
    return true;
  } catch {
    return false;
  }
}

const probeKey = {};
function isWeakMap(value) {
  if (KIND_WEAK_MAP !== undefined) return valueKind(value) === KIND_WEAK_MAP;
  if (!isObjectLike(value)) return false;
  try {
    WeakMapPrototypeHas(value, probeKey);
    return true;
  } catch {
    return false;
  }
}

function isWeakSet(value) {
  if (KIND_WEAK_SET !== undefined) return valueKind(value) === KIND_WEAK_SET;
  if (!isObjectLike(value)) return false;
  try {
    WeakSetPrototypeHas(value, probeKey);
    return true;
  } catch {
    return false;
  }
}

// The name of a typed array's type ('Uint8Array'...), or undefined for anything else. The getter is
// a brand check by specification.
function typedArrayTag(value) {
  if (!isObjectLike(value)) return undefined;
  return TypedArrayPrototypeGetSymbolToStringTag(value);
}

function isTypedArray(value) {
  return typedArrayTag(value) !== undefined;
}

function isArrayBuffer(value) {
  if (KIND_ARRAY_BUFFER !== undefined) return valueKind(value) === KIND_ARRAY_BUFFER;
  if (!isObjectLike(value)) return false;
  try {
    ArrayBufferPrototypeGetByteLength(value);
    return true;
  } catch {
    return false;
  }
}

function isSharedArrayBuffer(value) {
  if (KIND_SHARED_ARRAY_BUFFER !== undefined) return valueKind(value) === KIND_SHARED_ARRAY_BUFFER;
  if (!isObjectLike(value) || SharedArrayBufferPrototypeGetByteLength === undefined) return false;
  try {
    SharedArrayBufferPrototypeGetByteLength(value);
    return true;
  } catch {
    return false;
  }
}

function isAnyArrayBuffer(value) {
  return isArrayBuffer(value) || isSharedArrayBuffer(value);
}

function isDataView(value) {
  if (KIND_DATA_VIEW !== undefined) return valueKind(value) === KIND_DATA_VIEW;
  if (!isObjectLike(value)) return false;
  try {
    // `buffer`, unlike `byteLength`, still answers once the buffer is detached.
    DataViewPrototypeGetBuffer(value);
    return true;
  } catch {
    return false;
  }
}

function isArrayBufferView(value) {
  return isTypedArray(value) || isDataView(value);
}

function isNumberObject(value) {
  if (KIND_NUMBER_OBJECT !== undefined) return value !== NumberPrototype && valueKind(value) === KIND_NUMBER_OBJECT;
  // Number.prototype carries [[NumberData]] but is not reported as a boxed number (V8 agrees).
  if (typeof value !== 'object' || value === null || value === NumberPrototype) return false;
  try {
    NumberPrototypeValueOf(value);
    return true;
  } catch {
    return false;
  }
}

function isStringObject(value) {
  if (KIND_STRING_OBJECT !== undefined) return value !== StringPrototype && valueKind(value) === KIND_STRING_OBJECT;
  if (typeof value !== 'object' || value === null || value === StringPrototype) return false;
  try {
    StringPrototypeValueOf(value);
    return true;
  } catch {
    return false;
  }
}

function isBooleanObject(value) {
  if (KIND_BOOLEAN_OBJECT !== undefined) return value !== BooleanPrototype && valueKind(value) === KIND_BOOLEAN_OBJECT;
  if (typeof value !== 'object' || value === null || value === BooleanPrototype) return false;
  try {
    BooleanPrototypeValueOf(value);
    return true;
  } catch {
    return false;
  }
}

function isBigIntObject(value) {
  if (KIND_MAYBE_WRAPPER !== undefined && valueKind(value) !== KIND_MAYBE_WRAPPER) return false;
  if (typeof value !== 'object' || value === null) return false;
  try {
    BigIntPrototypeValueOf(value);
    return true;
  } catch {
    return false;
  }
}

function isSymbolObject(value) {
  if (KIND_MAYBE_WRAPPER !== undefined && valueKind(value) !== KIND_MAYBE_WRAPPER) return false;
  if (typeof value !== 'object' || value === null) return false;
  try {
    SymbolPrototypeValueOf(value);
    return true;
  } catch {
    return false;
  }
}

function isBoxedPrimitive(value) {
  return isNumberObject(value) || isStringObject(value) || isBooleanObject(value) ||
    isBigIntObject(value) || isSymbolObject(value);
}

function isProxy(value) {
  if (KIND_PROXY !== undefined) return valueKind(value) === KIND_PROXY && !moduleNamespaces.has(value);
  return isObjectLike(value) && utilBinding.getProxyTarget(value) !== undefined && !moduleNamespaces.has(value);
}

// Promises have no side-effect-free brand check in the language, and the engine's promise
// accessors must never see anything else. Promise.resolve gives one: called with the object's own
// constructor, it returns the object itself exactly when the object is a promise, without running
// anything of it. Only objects that inherit from Promise.prototype and whose constructor is Promise
// or a subclass of it get that far; for such an object that is not a promise (a deliberate fake),
// Promise.resolve makes a new promise that follows it, whose rejection is handled here.
function isPromise(value) {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof utilBinding.isPromise === 'function') return utilBinding.isPromise(value);
  if (isProxy(value) || !ObjectPrototypeIsPrototypeOf(PromisePrototype, value)) return false;
  const C = dataPropertyOnChain(value, 'constructor');
  if (C !== PromiseCtor && !(typeof C === 'function' && ObjectPrototypeIsPrototypeOf(PromiseCtor, C))) {
    return false;
  }
  let result;
  try {
    if (C === PromiseCtor) {
      result = PromiseResolve(value);
    } else {
      const resolve = unboundPromiseResolve();
      if (resolve === undefined) return false;
      result = ReflectApply(resolve, C, [value]);
    }
  } catch {
    return false;
  }
  if (result === value) return true;
  try {
    PromisePrototypeThen(result, undefined, noop);
  } catch {
    // Not a promise of ours either.
  }
  return false;
}

function noop() {}

// Promise.resolve itself (the primordial is bound to Promise; subclasses need their own `this`).
// It is read when first needed, so it is checked to behave as the real one before it is trusted.
let unboundResolve = null;
function unboundPromiseResolve() {
  if (unboundResolve !== null) return unboundResolve;
  unboundResolve = undefined;
  const desc = ReflectGetOwnPropertyDescriptor(PromiseCtor, 'resolve');
  const fn = desc === undefined ? undefined : desc.value;
  if (typeof fn !== 'function') return undefined;
  try {
    class Probe extends PromiseCtor {}
    const real = new Probe(noop);
    const fake = { __proto__: Probe.prototype };
    const plain = {};
    if (ReflectApply(fn, Probe, [real]) !== real) return undefined;
    const other = ReflectApply(fn, Probe, [fake]);
    if (other === fake) return undefined;
    PromisePrototypeThen(other, undefined, noop);
    const wrapped = ReflectApply(fn, PromiseCtor, [plain]);
    if (wrapped === plain || PromiseResolve(wrapped) !== wrapped) return undefined;
  } catch {
    return undefined;
  }
  unboundResolve = fn;
  return fn;
}

// The value of the nearest `key` data property on the prototype chain; undefined for an accessor.
function dataPropertyOnChain(obj, key) {
  for (let depth = 0; obj !== null && depth < 10000; depth++) {
    const desc = ReflectGetOwnPropertyDescriptor(obj, key);
    if (desc !== undefined) return desc.get === undefined && desc.set === undefined ? desc.value : undefined;
    obj = ObjectGetPrototypeOf(obj);
  }
  return undefined;
}

function isNativeError(value) {
  if (!isObjectLike(value)) return false;
  // Error.isError (ES2026) is the brand check, where the engine has it.
  if (ErrorIsError !== undefined) return ErrorIsError(value);
  if (hasBuiltinTag(value, 'Error')) return true;
  // An error whose tag was overridden: the engine's error objects inherit from Error.prototype and
  // own a `stack` property from birth.
  return hasToStringTagProperty(value) && ObjectPrototypeIsPrototypeOf(ErrorPrototype, value) &&
    ReflectGetOwnPropertyDescriptor(value, 'stack') !== undefined && !isProxy(value);
}

function isArgumentsObject(value) {
  return typeof value === 'object' && value !== null && !isProxy(value) &&
    hasBuiltinTag(value, 'Arguments');
}

// Source text is the fallback for function kinds whose prototype was changed.
const asyncSourceRe = /^async(?:\s+function\b|\s*\*|\s*\(|\s+[^\s(=]+\s*=>|\s+[^\s(]+\s*\()/;
const generatorSourceRe = /^(?:async\s*)?(?:function\s*\*|\*)/;

function functionSource(fn) {
  try {
    return FunctionPrototypeToString(fn);
  } catch {
    return '';
  }
}

function isAsyncFunction(value) {
  if (typeof value !== 'function') return false;
  const proto = ObjectGetPrototypeOf(value);
  if (proto === AsyncFunctionPrototype || proto === AsyncGeneratorFunctionPrototype) return true;
  if (proto === GeneratorFunctionPrototype || proto === FunctionPrototypeOfFunctions) return false;
  return RegExpPrototypeExec(asyncSourceRe, functionSource(value)) !== null;
}

function isGeneratorFunction(value) {
  if (typeof value !== 'function') return false;
  const proto = ObjectGetPrototypeOf(value);
  if (proto === GeneratorFunctionPrototype || proto === AsyncGeneratorFunctionPrototype) return true;
  if (proto === AsyncFunctionPrototype || proto === FunctionPrototypeOfFunctions) return false;
  return RegExpPrototypeExec(generatorSourceRe, functionSource(value)) !== null;
}

function isGeneratorObject(value) {
  if (KIND_GENERATOR !== undefined && KIND_ASYNC_GENERATOR !== undefined) return (valueKind(value) === KIND_GENERATOR || valueKind(value) === KIND_ASYNC_GENERATOR);
  if (typeof value !== 'object' || value === null || isProxy(value)) return false;
  let text;
  try {
    text = ObjectPrototypeToString(value);
  } catch {
    return false;
  }
  if (text === '[object Generator]') return ObjectPrototypeIsPrototypeOf(GeneratorPrototype, value);
  if (text === '[object AsyncGenerator]') {
    return ObjectPrototypeIsPrototypeOf(AsyncGeneratorPrototype, value);
  }
  return false;
}

function isMapIterator(value) {
  if (KIND_MAP_ITERATOR !== undefined) return value !== MapIteratorPrototype && valueKind(value) === KIND_MAP_ITERATOR;
  if (typeof value !== 'object' || value === null || value === MapIteratorPrototype) return false;
  let text;
  try {
    text = ObjectPrototypeToString(value);
  } catch {
    return false;
  }
  return text === '[object Map Iterator]' && !isProxy(value) &&
    ObjectPrototypeIsPrototypeOf(MapIteratorPrototype, value) &&
    ReflectGetOwnPropertyDescriptor(value, SymbolToStringTag) === undefined;
}

function isSetIterator(value) {
  if (KIND_SET_ITERATOR !== undefined) return value !== SetIteratorPrototype && valueKind(value) === KIND_SET_ITERATOR;
  if (typeof value !== 'object' || value === null || value === SetIteratorPrototype) return false;
  let text;
  try {
    text = ObjectPrototypeToString(value);
  } catch {
    return false;
  }
  return text === '[object Set Iterator]' && !isProxy(value) &&
    ObjectPrototypeIsPrototypeOf(SetIteratorPrototype, value) &&
    ReflectGetOwnPropertyDescriptor(value, SymbolToStringTag) === undefined;
}

// dx's ES modules are not engine modules (docs/design.md): a namespace object is a Proxy the ES
// module loader makes and registers here, so it is known by identity, and it is not a Proxy to
// util.types.isProxy, as Node's are not.
const moduleNamespaces = new SafeWeakSet();
function markModuleNamespaceObject(ns) { moduleNamespaces.add(ns); }
function isModuleNamespaceObject(value) {
  return typeof value === 'object' && value !== null && moduleNamespaces.has(value);
}

function typedArrayIs(name) {
  return (value) => typedArrayTag(value) === name;
}

function isExternal() {
  return false;
}

function isKeyObject() {
  return false;
}

function isCryptoKey() {
  return false;
}

module.exports = {
  isExternal,
  isDate,
  isArgumentsObject,
  isBigIntObject,
  isBooleanObject,
  isNumberObject,
  isStringObject,
  isSymbolObject,
  isNativeError,
  isRegExp,
  isAsyncFunction,
  isGeneratorFunction,
  isGeneratorObject,
  isPromise,
  isMap,
  isSet,
  isMapIterator,
  isSetIterator,
  isWeakMap,
  isWeakSet,
  isArrayBuffer,
  isDataView,
  isSharedArrayBuffer,
  isProxy,
  isModuleNamespaceObject,
  markModuleNamespaceObject,
  isAnyArrayBuffer,
  isBoxedPrimitive,
  isArrayBufferView,
  isTypedArray,
  isUint8Array: typedArrayIs('Uint8Array'),
  isUint8ClampedArray: typedArrayIs('Uint8ClampedArray'),
  isUint16Array: typedArrayIs('Uint16Array'),
  isUint32Array: typedArrayIs('Uint32Array'),
  isInt8Array: typedArrayIs('Int8Array'),
  isInt16Array: typedArrayIs('Int16Array'),
  isInt32Array: typedArrayIs('Int32Array'),
  isFloat16Array: typedArrayIs('Float16Array'),
  isFloat32Array: typedArrayIs('Float32Array'),
  isFloat64Array: typedArrayIs('Float64Array'),
  isBigInt64Array: typedArrayIs('BigInt64Array'),
  isBigUint64Array: typedArrayIs('BigUint64Array'),
  isKeyObject,
  isCryptoKey,
  // Not part of util.types; used by inspect.
  typedArrayTag,
};
