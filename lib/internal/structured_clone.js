'use strict';
// structuredClone(value, { transfer }): the HTML structured serialize/deserialize pair as Node 24
// (V8's ValueSerializer) behaves, done in one walk that builds the copy as it reads the original.
//
// Observable order is Node's: `options.transfer` is read and the transfer list validated first,
// then the value is walked (user getters run in V8's order), and only once the whole walk has
// succeeded are the transferred ArrayBuffers detached. A transferred buffer is therefore first
// given a same-sized stand-in that the copy's views can be built over; at the end the contents are
// moved out of the source with ArrayBuffer.prototype.transfer() and copied into the stand-in.
//
// JavaScript cannot see an object's internal type directly. Arrays, typed arrays, DataViews,
// errors and DOMExceptions have side-effect-free brand checks; the other built-in kinds are
// recognised by the intrinsic prototype found on the object's prototype chain and then confirmed
// with a brand check. An exotic object whose chain no longer holds its intrinsic prototype is
// therefore cloned as a plain object, where Node would refuse it or keep its type. A
// SharedArrayBuffer is returned as the same object (Node returns a new object over the same
// memory, which the JSC API cannot make).

const {
  Array,
  ArrayBuffer,
  ArrayBufferIsView,
  ArrayBufferPrototypeGetByteLength,
  ArrayBufferPrototypeGetDetached,
  ArrayBufferPrototypeGetMaxByteLength,
  ArrayBufferPrototypeGetResizable,
  ArrayBufferPrototypeResize,
  ArrayBufferPrototypeSlice,
  ArrayBufferPrototypeTransfer,
  ArrayIsArray,
  ArrayPrototypePush,
  BigIntPrototypeValueOf,
  BooleanPrototypeValueOf,
  DataView,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
  Date,
  DatePrototypeGetTime,
  Error,
  EvalError,
  FinalizationRegistryPrototypeUnregister,
  FunctionPrototypeCall,
  FunctionPrototypeToString,
  Map,
  MapIteratorPrototypeNext,
  MapPrototypeEntries,
  MapPrototypeGetSize,
  MapPrototypeSet,
  NumberPrototypeValueOf,
  Object,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectPrototypeToString,
  ObjectSetPrototypeOf,
  ObjectDefineProperty,
  RangeError,
  ReferenceError,
  RegExp,
  RegExpPrototypeGetDotAll,
  RegExpPrototypeGetGlobal,
  RegExpPrototypeGetHasIndices,
  RegExpPrototypeGetIgnoreCase,
  RegExpPrototypeGetMultiline,
  RegExpPrototypeGetSource,
  RegExpPrototypeGetSticky,
  RegExpPrototypeGetUnicode,
  SafeMap,
  Set,
  SetIteratorPrototypeNext,
  SetPrototypeAdd,
  SetPrototypeGetSize,
  SetPrototypeValues,
  String,
  StringPrototypeValueOf,
  SymbolIterator,
  SymbolPrototypeToString,
  SymbolToStringTag,
  SyntaxError,
  TypeError,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeGetSymbolToStringTag,
  TypedArrayPrototypeSet,
  TypedArrayPrototypeValues,
  Uint8Array,
  URIError,
  WeakMapPrototypeHas,
  WeakRefPrototypeDeref,
  WeakSetPrototypeHas,
  globalThis,
} = primordials;

const {
  DOMException,
  isDOMException,
  kClone,
  kDeserialize,
} = require('internal/per_context/domexception');
const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');

const { getProxyTarget } = internalBinding('util');

const ErrorIsError = primordials.ErrorIsError;
const RegExpPrototypeGetUnicodeSets = primordials.RegExpPrototypeGetUnicodeSets;
const SharedArrayBuffer = primordials.SharedArrayBuffer;
const SharedArrayBufferPrototypeGetByteLength = primordials.SharedArrayBufferPrototypeGetByteLength;
const cloneDOMException = DOMException.prototype[kClone];
const deserializeDOMException = DOMException.prototype[kDeserialize];
const ObjectPrototype = Object.prototype;
// The original functions, for identity comparisons (the primordials are uncurried copies).
const ErrorPrototypeToString = Error.prototype.toString;
const ObjectPrototypeToStringFunction = ObjectPrototype.toString;
const globalObject = globalThis;

// Kinds of value the walk distinguishes.
const kPlain = 0;
const kArray = 1;
const kDate = 2;
const kRegExp = 3;
const kMap = 4;
const kSet = 5;
const kArrayBuffer = 6;
const kSharedArrayBuffer = 7;
const kTypedArray = 8;
const kDataView = 9;
const kError = 10;
const kBoolean = 11;
const kNumber = 12;
const kString = 13;
const kBigInt = 14;
const kDOMException = 15;
const kUncloneable = 16;

const kDetachedMessage = 'An ArrayBuffer is detached and could not be cloned.';

// ---------------------------------------------------------------------------------------------
// Errors

function dataCloneError(message) {
  return new DOMException(message, 'DataCloneError');
}

// The TypeError Node's WebIDL layer throws for a bad options argument: a plain TypeError whose
// own, enumerable `code` is ERR_INVALID_ARG_TYPE.
function webidlError(message) {
  const err = new TypeError(`Failed to execute 'structuredClone': ${message}`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function isObject(v) {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

// JSC reports the global object's own proxy (its `this`) as a proxy too; it is not one here.
function isProxy(v) {
  return v !== globalObject && getProxyTarget(v) !== undefined;
}

// Array.isArray looks through proxies without running traps and throws only for a revoked one.
function isRevokedProxy(v) {
  try {
    ArrayIsArray(v);
    return false;
  } catch {
    return true;
  }
}

// A property's value if it is a data property somewhere on the chain, without running getters or
// proxy traps (V8's JSReceiver::GetDataProperty).
function dataProperty(obj, key) {
  let o = obj;
  while (o !== null) {
    if (isProxy(o)) return undefined;
    const desc = ObjectGetOwnPropertyDescriptor(o, key);
    if (desc !== undefined) return ObjectPrototypeHasOwnProperty(desc, 'value') ? desc.value : undefined;
    o = ObjectGetPrototypeOf(o);
  }
  return undefined;
}

// The name V8 gives an object's internal class when nothing else describes it.
function builtinClassName(v) {
  if (ArrayIsArray(v)) return 'Array';
  switch (classify(v)) {
    case kDate: return 'Date';
    case kRegExp: return 'RegExp';
    case kMap: return 'Map';
    case kSet: return 'Set';
    case kArrayBuffer: return 'ArrayBuffer';
    case kSharedArrayBuffer: return 'SharedArrayBuffer';
    case kDataView: return 'DataView';
    case kError: return 'Error';
    case kBoolean: return 'Boolean';
    case kNumber: return 'Number';
    case kString: return 'String';
    case kBigInt: return 'BigInt';
    default: return 'Object';
  }
}

function errorToStringWithoutSideEffects(v) {
  let name = dataProperty(v, 'name');
  let message = dataProperty(v, 'message');
  name = typeof name === 'string' ? name : 'Error';
  message = typeof message === 'string' ? message : '';
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

// How V8 prints a value in "... could not be cloned." without running user code.
function describe(v) {
  if (typeof v === 'symbol') return SymbolPrototypeToString(v);
  if (!isObject(v)) return String(v);
  // A proxy is described by its target; a revoked one as 'null'.
  let target = v;
  for (;;) {
    if (isRevokedProxy(target)) return 'null';
    if (!isProxy(target)) break;
    target = getProxyTarget(target);
  }
  if (typeof target === 'function') return FunctionPrototypeToString(target);
  const toString = dataProperty(target, 'toString');
  const kind = classify(target);
  if (kind === kError || toString === ErrorPrototypeToString) {
    return errorToStringWithoutSideEffects(target);
  }
  if (toString === ObjectPrototypeToStringFunction) {
    const ctor = dataProperty(target, 'constructor');
    if (typeof ctor === 'function') {
      const name = dataProperty(ctor, 'name');
      if (typeof name === 'string' && name !== '') return `#<${name}>`;
    }
  }
  const tag = dataProperty(target, SymbolToStringTag);
  return `[object ${typeof tag === 'string' ? tag : builtinClassName(target)}]`;
}

function uncloneable(v) {
  return dataCloneError(`${describe(v)} could not be cloned.`);
}

// ---------------------------------------------------------------------------------------------
// Classification

function tryBrand(check, v) {
  try {
    check(v);
    return true;
  } catch {
    return false;
  }
}

// Intrinsic prototype -> [kind, brand check or null when the hint is trusted as it is].
const kindOfPrototype = new SafeMap();
function addPrototype(proto, kind, check) {
  if (proto !== undefined && proto !== null) kindOfPrototype.set(proto, [kind, check]);
}
addPrototype(Date.prototype, kDate, DatePrototypeGetTime);
addPrototype(RegExp.prototype, kRegExp, (v) => {
  if (typeof RegExpPrototypeGetGlobal(v) !== 'boolean') throw new TypeError();
});
addPrototype(Map.prototype, kMap, MapPrototypeGetSize);
addPrototype(Set.prototype, kSet, SetPrototypeGetSize);
addPrototype(ArrayBuffer.prototype, kArrayBuffer, ArrayBufferPrototypeGetByteLength);
if (SharedArrayBuffer !== undefined) {
  addPrototype(SharedArrayBuffer.prototype, kSharedArrayBuffer, SharedArrayBufferPrototypeGetByteLength);
}
addPrototype(primordials.Boolean.prototype, kBoolean, BooleanPrototypeValueOf);
addPrototype(primordials.Number.prototype, kNumber, NumberPrototypeValueOf);
addPrototype(String.prototype, kString, StringPrototypeValueOf);
addPrototype(primordials.BigInt.prototype, kBigInt, BigIntPrototypeValueOf);
addPrototype(primordials.Symbol.prototype, kUncloneable, primordials.SymbolPrototypeValueOf);
addPrototype(primordials.WeakMap.prototype, kUncloneable, (v) => WeakMapPrototypeHas(v, ObjectPrototype));
addPrototype(primordials.WeakSet.prototype, kUncloneable, (v) => WeakSetPrototypeHas(v, ObjectPrototype));
if (primordials.WeakRef !== undefined) {
  addPrototype(primordials.WeakRef.prototype, kUncloneable, WeakRefPrototypeDeref);
}
if (primordials.FinalizationRegistry !== undefined) {
  addPrototype(primordials.FinalizationRegistry.prototype, kUncloneable,
               (v) => FinalizationRegistryPrototypeUnregister(v, ObjectPrototype));
}
addPrototype(DOMException.prototype, kDOMException, (v) => {
  if (!isDOMException(v)) throw new TypeError();
});
// Kinds with no side-effect-free brand check: the prototype is trusted.
addPrototype(primordials.Promise.prototype, kUncloneable, null);
{
  const generator = ObjectGetPrototypeOf(function* () {}).prototype;
  const asyncGenerator = ObjectGetPrototypeOf(async function* () {}).prototype;
  addPrototype(generator, kUncloneable, null);
  addPrototype(asyncGenerator, kUncloneable, null);
  addPrototype(primordials.ArrayIteratorPrototype, kUncloneable, null);
  addPrototype(primordials.MapIteratorPrototype, kUncloneable, null);
  addPrototype(primordials.SetIteratorPrototype, kUncloneable, null);
  addPrototype(primordials.StringIteratorPrototype, kUncloneable, null);
  addPrototype(ObjectGetPrototypeOf(/a/[primordials.SymbolMatchAll]('a')), kUncloneable, null);
  const Iterator = globalObject.Iterator;
  if (typeof Iterator === 'function' && typeof Iterator.from === 'function') {
    addPrototype(ObjectGetPrototypeOf(Iterator.from({ next() {} })), kUncloneable, null);
    const helper = primordials.ArrayIteratorPrototype.map;
    if (typeof helper === 'function') {
      addPrototype(ObjectGetPrototypeOf(FunctionPrototypeCall(helper, [][SymbolIterator](), (x) => x)),
                   kUncloneable, null);
    }
  }
  const Intl = globalObject.Intl;
  if (Intl !== undefined) {
    const names = ['Collator', 'DateTimeFormat', 'DisplayNames', 'DurationFormat', 'ListFormat',
                   'Locale', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'Segmenter'];
    for (let i = 0; i < names.length; i++) {
      const C = Intl[names[i]];
      if (typeof C === 'function') addPrototype(C.prototype, kUncloneable, null);
    }
  }
}
// Errors, for engines without Error.isError: the prototype hint is confirmed by the built-in tag.
if (ErrorIsError === undefined) {
  const errorCheck = (v) => {
    if (ObjectPrototypeToString(v) !== '[object Error]') throw new TypeError();
  };
  addPrototype(Error.prototype, kError, errorCheck);
}

function isArguments(v) {
  return ObjectPrototypeHasOwnProperty(v, 'callee') &&
    ObjectPrototypeToString(v) === '[object Arguments]';
}

// The kind of a non-proxy, non-function object.
function classify(v) {
  if (ArrayIsArray(v)) return kArray;
  if (TypedArrayPrototypeGetSymbolToStringTag(v) !== undefined) return kTypedArray;
  if (ArrayBufferIsView(v)) return kDataView;
  if (ErrorIsError !== undefined && ErrorIsError(v)) return kError;
  let proto = ObjectGetPrototypeOf(v);
  if (proto === ObjectPrototype) {
    if (v === globalObject || isArguments(v)) return kUncloneable;
    return kPlain;
  }
  while (proto !== null && proto !== ObjectPrototype) {
    const hint = kindOfPrototype.get(proto);
    if (hint !== undefined) {
      const check = hint[1];
      if (check === null || tryBrand(check, v)) return hint[0];
      return kPlain;
    }
    if (isProxy(proto)) break;
    proto = ObjectGetPrototypeOf(proto);
  }
  if (v === globalObject) return kUncloneable;
  return kPlain;
}

// ---------------------------------------------------------------------------------------------
// Transfer list

// WebIDL sequence<object> conversion of options.transfer, then Node's checks, item by item.
function readTransferList(transfer) {
  if (!isObject(transfer)) throw webidlError('transfer in Options cannot be converted to sequence.');
  const method = transfer[SymbolIterator];
  if (typeof method !== 'function') {
    throw webidlError('transfer in Options cannot be converted to sequence.');
  }
  const iterator = FunctionPrototypeCall(method, transfer);
  if (!isObject(iterator)) throw webidlError('transfer in Options cannot be converted to sequence.');
  const next = iterator.next;
  if (typeof next !== 'function') {
    throw webidlError('transfer in Options cannot be converted to sequence.');
  }
  const items = [];
  for (;;) {
    const result = FunctionPrototypeCall(next, iterator);
    if (!isObject(result)) throw webidlError('transfer in Options cannot be converted to sequence.');
    if (result.done) break;
    const item = result.value;
    if (!isObject(item)) {
      throw webidlError(`transfer in Options[${items.length}] is not an object.`);
    }
    ArrayPrototypePush(items, item);
  }

  const buffers = new SafeMap();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (isProxy(item) || isRevokedProxy(item) || typeof item === 'function' ||
        classify(item) !== kArrayBuffer) {
      throw dataCloneError('Found invalid value in transferList.');
    }
    if (ArrayBufferPrototypeGetDetached(item)) {
      throw dataCloneError('Cannot transfer object of unsupported type.');
    }
    if (buffers.has(item)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
    // The stand-in is made when the walk first reaches the buffer.
    buffers.set(item, null);
  }
  return buffers;
}

// ---------------------------------------------------------------------------------------------
// The walk

class Cloner {
  constructor(transfers) {
    this.memory = new SafeMap();
    this.transfers = transfers;
  }

  clone(v) {
    switch (typeof v) {
      case 'undefined':
      case 'boolean':
      case 'number':
      case 'string':
      case 'bigint':
        return v;
      case 'symbol':
      case 'function':
        throw uncloneable(v);
      default:
        if (v === null) return v;
    }
    const seen = this.memory.get(v);
    if (seen !== undefined) return seen;
    if (isProxy(v) || isRevokedProxy(v)) throw uncloneable(v);
    switch (classify(v)) {
      case kPlain: return this.clonePlain(v);
      case kArray: return this.cloneArray(v);
      case kDate: return this.remember(v, new Date(DatePrototypeGetTime(v)));
      case kRegExp: return this.remember(v, cloneRegExp(v));
      case kMap: return this.cloneMap(v);
      case kSet: return this.cloneSet(v);
      case kArrayBuffer: return this.cloneArrayBuffer(v);
      case kSharedArrayBuffer: return this.remember(v, v);
      case kTypedArray: return this.cloneTypedArray(v);
      case kDataView: return this.cloneDataView(v);
      case kError: return this.cloneError(v);
      case kBoolean: return this.remember(v, new Object(BooleanPrototypeValueOf(v)));
      case kNumber: return this.remember(v, new Object(NumberPrototypeValueOf(v)));
      case kString: return this.remember(v, new Object(StringPrototypeValueOf(v)));
      case kBigInt: return this.remember(v, new Object(BigIntPrototypeValueOf(v)));
      case kDOMException: return this.cloneDOMException(v);
      default: throw uncloneable(v);
    }
  }

  remember(v, copy) {
    this.memory.set(v, copy);
    return copy;
  }

  // Own enumerable string keys, read with [[Get]] (getters run) unless an earlier getter removed
  // the property. The copy is filled while it has no prototype, so that keys such as __proto__
  // and setters on Object.prototype cannot interfere, and gets Object.prototype afterwards.
  clonePlain(v) {
    const copy = {};
    ObjectSetPrototypeOf(copy, null);
    this.memory.set(v, copy);
    const keys = ObjectKeys(v);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (!ObjectPrototypeHasOwnProperty(v, key)) continue;
      copy[key] = this.clone(v[key]);
    }
    ObjectSetPrototypeOf(copy, ObjectPrototype);
    return copy;
  }

  // Length, holes, elements in index order, then the other enumerable properties.
  cloneArray(v) {
    const length = v.length;
    const copy = new Array(length);
    this.memory.set(v, copy);
    const keys = ObjectKeys(v);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (!ObjectPrototypeHasOwnProperty(v, key)) continue;
      const value = this.clone(v[key]);
      if (key === '__proto__') {
        ObjectDefineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
      } else {
        copy[key] = value;
      }
    }
    return copy;
  }

  // The entries are listed before any of them is cloned, as the spec's copiedList.
  cloneMap(v) {
    const copy = new Map();
    this.memory.set(v, copy);
    const entries = [];
    const it = MapPrototypeEntries(v);
    for (let r = MapIteratorPrototypeNext(it); !r.done; r = MapIteratorPrototypeNext(it)) {
      ArrayPrototypePush(entries, r.value[0], r.value[1]);
    }
    for (let i = 0; i < entries.length; i += 2) {
      const key = this.clone(entries[i]);
      const value = this.clone(entries[i + 1]);
      MapPrototypeSet(copy, key, value);
    }
    return copy;
  }

  cloneSet(v) {
    const copy = new Set();
    this.memory.set(v, copy);
    const values = [];
    const it = SetPrototypeValues(v);
    for (let r = SetIteratorPrototypeNext(it); !r.done; r = SetIteratorPrototypeNext(it)) {
      ArrayPrototypePush(values, r.value);
    }
    for (let i = 0; i < values.length; i++) SetPrototypeAdd(copy, this.clone(values[i]));
    return copy;
  }

  cloneArrayBuffer(v) {
    if (ArrayBufferPrototypeGetDetached(v)) throw dataCloneError(kDetachedMessage);
    const byteLength = ArrayBufferPrototypeGetByteLength(v);
    const resizable = ArrayBufferPrototypeGetResizable(v);
    let copy;
    if (this.transfers !== null && this.transfers.has(v)) {
      copy = resizable ?
        new ArrayBuffer(byteLength, { maxByteLength: ArrayBufferPrototypeGetMaxByteLength(v) }) :
        new ArrayBuffer(byteLength);
      this.transfers.set(v, copy);
    } else if (resizable) {
      copy = new ArrayBuffer(byteLength, { maxByteLength: ArrayBufferPrototypeGetMaxByteLength(v) });
      TypedArrayPrototypeSet(new Uint8Array(copy), new Uint8Array(v));
    } else {
      copy = ArrayBufferPrototypeSlice(v, 0);
    }
    return this.remember(v, copy);
  }

  cloneTypedArray(v) {
    const buffer = TypedArrayPrototypeGetBuffer(v);
    if (bufferIsDetached(buffer)) throw dataCloneError(kDetachedMessage);
    if (typedArrayIsOutOfBounds(v)) throw uncloneable(v);
    const byteOffset = TypedArrayPrototypeGetByteOffset(v);
    const length = TypedArrayPrototypeGetLength(v);
    const tracking = viewTracksLength(v, buffer, byteOffset, TypedArrayPrototypeGetLength);
    const bufferCopy = this.clone(buffer);
    const C = typedArrayConstructors[TypedArrayPrototypeGetSymbolToStringTag(v)];
    const copy = tracking ? new C(bufferCopy, byteOffset) : new C(bufferCopy, byteOffset, length);
    return this.remember(v, copy);
  }

  cloneDataView(v) {
    const buffer = DataViewPrototypeGetBuffer(v);
    if (bufferIsDetached(buffer)) throw dataCloneError(kDetachedMessage);
    let byteOffset;
    let byteLength;
    try {
      byteOffset = DataViewPrototypeGetByteOffset(v);
      byteLength = DataViewPrototypeGetByteLength(v);
    } catch {
      throw uncloneable(v);  // out of bounds after a resize
    }
    const tracking = viewTracksLength(v, buffer, byteOffset, DataViewPrototypeGetByteLength);
    const bufferCopy = this.clone(buffer);
    const copy = tracking ? new DataView(bufferCopy, byteOffset) : new DataView(bufferCopy, byteOffset, byteLength);
    return this.remember(v, copy);
  }

  // V8 keeps the prototype for the six native error names, the `message` own data property, a
  // string `stack` and an own data property `cause`; nothing else.
  cloneError(v) {
    const name = `${v.name}`;
    const messageDesc = ObjectGetOwnPropertyDescriptor(v, 'message');
    const hasMessage = messageDesc !== undefined && ObjectPrototypeHasOwnProperty(messageDesc, 'value');
    const message = hasMessage ? `${messageDesc.value}` : undefined;
    const stack = v.stack;
    const causeDesc = ObjectGetOwnPropertyDescriptor(v, 'cause');
    const hasCause = causeDesc !== undefined && ObjectPrototypeHasOwnProperty(causeDesc, 'value');
    const C = errorConstructors[name] || Error;
    const copy = hasMessage ? new C(message) : new C();
    ObjectDefineProperty(copy, 'stack', {
      value: typeof stack === 'string' ? stack : undefined,
      writable: true,
      enumerable: false,
      configurable: true,
    });
    this.memory.set(v, copy);
    if (hasCause) {
      ObjectDefineProperty(copy, 'cause', {
        value: this.clone(causeDesc.value),
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
    return copy;
  }

  cloneDOMException(v) {
    const { data } = FunctionPrototypeCall(cloneDOMException, v);
    const copy = new DOMException();
    FunctionPrototypeCall(deserializeDOMException, copy, data);
    return this.remember(v, copy);
  }
}

const errorConstructors = {
  __proto__: null,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
};

const typedArrayConstructors = { __proto__: null };
for (const name of ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array',
  'BigUint64Array']) {
  if (primordials[name] !== undefined) typedArrayConstructors[name] = primordials[name];
}

function cloneRegExp(v) {
  let flags = '';
  if (RegExpPrototypeGetHasIndices(v)) flags += 'd';
  if (RegExpPrototypeGetGlobal(v)) flags += 'g';
  if (RegExpPrototypeGetIgnoreCase(v)) flags += 'i';
  if (RegExpPrototypeGetMultiline(v)) flags += 'm';
  if (RegExpPrototypeGetDotAll(v)) flags += 's';
  if (RegExpPrototypeGetUnicode(v)) flags += 'u';
  if (RegExpPrototypeGetUnicodeSets !== undefined && RegExpPrototypeGetUnicodeSets(v)) flags += 'v';
  if (RegExpPrototypeGetSticky(v)) flags += 'y';
  return new RegExp(RegExpPrototypeGetSource(v), flags);
}

function bufferIsDetached(buffer) {
  // A SharedArrayBuffer is never detached.
  return classify(buffer) === kArrayBuffer && ArrayBufferPrototypeGetDetached(buffer);
}

function typedArrayIsOutOfBounds(v) {
  if (TypedArrayPrototypeGetLength(v) !== 0 || TypedArrayPrototypeGetByteOffset(v) !== 0) return false;
  try {
    TypedArrayPrototypeValues(v);
    return false;
  } catch {
    return true;
  }
}

const bytesPerElement = {
  __proto__: null,
  Int8Array: 1, Uint8Array: 1, Uint8ClampedArray: 1, Int16Array: 2, Uint16Array: 2, Float16Array: 2,
  Int32Array: 4, Uint32Array: 4, Float32Array: 4, Float64Array: 8, BigInt64Array: 8, BigUint64Array: 8,
};

// Whether a view over a resizable buffer follows the buffer's length. Nothing reports this
// directly, and a fixed view that happens to end where the buffer ends looks the same until the
// buffer is resized; so the buffer is resized by one element and back, restoring its bytes. This
// runs only for views that reach the end of a resizable buffer.
function viewTracksLength(view, buffer, byteOffset, getLength) {
  if (classify(buffer) !== kArrayBuffer || !ArrayBufferPrototypeGetResizable(buffer)) return false;
  const tag = TypedArrayPrototypeGetSymbolToStringTag(view);
  const size = tag === undefined ? 1 : bytesPerElement[tag];
  const byteLength = ArrayBufferPrototypeGetByteLength(buffer);
  const length = getLength(view);
  if (byteOffset + length * size + size <= byteLength) return false;  // ends before the buffer does
  const maxByteLength = ArrayBufferPrototypeGetMaxByteLength(buffer);
  if (maxByteLength - byteLength >= size) {
    ArrayBufferPrototypeResize(buffer, byteLength + size);
    const grown = getLength(view);
    ArrayBufferPrototypeResize(buffer, byteLength);
    return grown !== length;
  }
  if (byteLength - byteOffset < size) return false;  // can neither grow nor shrink by an element
  const tail = ArrayBufferPrototypeSlice(buffer, byteLength - size, byteLength);
  ArrayBufferPrototypeResize(buffer, byteLength - size);
  let tracking;
  try {
    tracking = getLength(view) === length - 1;
    if (tracking && tag !== undefined && length === 1) tracking = !typedArrayIsOutOfBounds(view);
  } catch {
    tracking = false;  // a fixed DataView went out of bounds
  }
  ArrayBufferPrototypeResize(buffer, byteLength);
  TypedArrayPrototypeSet(new Uint8Array(buffer, byteLength - size, size), new Uint8Array(tail));
  return tracking;
}

// ---------------------------------------------------------------------------------------------

function structuredClone(value, options) {
  if (arguments.length === 0) {
    throw new ERR_MISSING_ARGS('The value argument must be specified');
  }
  let transfers = null;
  if (options !== undefined && options !== null) {
    if (!isObject(options)) throw webidlError('Options cannot be converted to a dictionary');
    const transfer = options.transfer;
    if (transfer !== undefined) transfers = readTransferList(transfer);
  }
  const copy = new Cloner(transfers).clone(value);
  if (transfers !== null) {
    // The walk succeeded: move each transferred buffer's bytes into its stand-in (if the walk
    // reached it) and leave the source detached.
    const it = MapPrototypeEntries(transfers);
    for (let r = MapIteratorPrototypeNext(it); !r.done; r = MapIteratorPrototypeNext(it)) {
      const source = r.value[0];
      const standIn = r.value[1];
      if (ArrayBufferPrototypeGetDetached(source)) continue;
      let moved;
      try {
        moved = ArrayBufferPrototypeTransfer(source);
      } catch {
        // Not detachable (the buffer of a WebAssembly.Memory).
        throw dataCloneError('Cannot transfer object of unsupported type.');
      }
      if (standIn !== null) TypedArrayPrototypeSet(new Uint8Array(standIn), new Uint8Array(moved));
    }
  }
  return copy;
}

module.exports = {
  structuredClone,
};
