'use strict';
// Deep equality with Node's rules, for assert.deepEqual (loose), assert.deepStrictEqual (strict),
// assert.partialDeepStrictEqual (partial) and util.isDeepStrictEqual.
//
// Strict: same [[Prototype]] (constructors for well-known classes), same own enumerable keys and
// symbols, Object.is for primitives (NaN equals NaN, -0 differs from 0), Map and Set contents compared
// without order, byte-equal typed arrays and ArrayBuffers, Dates by time, RegExps by source, flags and
// lastIndex, boxed primitives by value, errors by name, message, cause and errors too.
// Loose: == for primitives, prototypes and symbol keys ignored.
// Partial: `expected` may hold a subset of `actual`'s keys, entries and elements.
//
// Cycles: the first pass runs without bookkeeping; if it overflows the stack (a cycle), every later
// comparison tracks the pairs on the current path, and a pair seen again counts as equal when both
// sides are back at the same point.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  BigInt,
  BigInt64Array,
  BigIntPrototypeValueOf,
  BigUint64Array,
  Boolean,
  BooleanPrototypeValueOf,
  DataView,
  Date,
  DatePrototypeGetTime,
  Error,
  Float32Array,
  Float64Array,
  Function,
  Int16Array,
  Int32Array,
  Int8Array,
  Map,
  MapPrototypeEntries,
  MapPrototypeGet,
  MapPrototypeGetSize,
  MapPrototypeHas,
  MapPrototypeValues,
  MapIteratorPrototypeNext,
  Number,
  NumberPrototypeValueOf,
  Object,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertySymbols,
  ObjectGetPrototypeOf,
  ObjectIs,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectPrototypePropertyIsEnumerable,
  ObjectPrototypeToString,
  Promise,
  ReflectOwnKeys,
  RegExp,
  RegExpPrototypeGetFlags,
  RegExpPrototypeGetSource,
  SafeSet,
  Set,
  SetPrototypeGetSize,
  SetPrototypeHas,
  SetPrototypeValues,
  SetIteratorPrototypeNext,
  String,
  StringPrototypeCharCodeAt,
  StringPrototypeValueOf,
  Symbol,
  SymbolPrototypeValueOf,
  SymbolToStringTag,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetLength,
  Uint16Array,
  Uint32Array,
  Uint8Array,
  Uint8ClampedArray,
  WeakMap,
  WeakSet,
  globalThis,
} = primordials;

const {
  isAnyArrayBuffer,
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
  isStringObject,
  isSymbolObject,
  isURL,
  isWeakMap,
  isWeakSet,
  typedArrayName,
} = require('internal/assert/types');

const kLoose = 0;
const kPartial = 1;
const kStrict = 2;
const kStrictWithoutPrototypes = 3;

const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

// For these, strict mode compares `constructor`s instead of prototypes (cheaper, same answer).
const wellKnownConstructors = new SafeSet();
for (const C of [Array, ArrayBuffer, BigInt, BigInt64Array, BigUint64Array, Boolean, DataView, Date, Error,
  Float32Array, Float64Array, Function, Int16Array, Int32Array, Int8Array, Map, Number, Object, Promise,
  RegExp, Set, String, Symbol, Uint16Array, Uint32Array, Uint8Array, Uint8ClampedArray, WeakMap, WeakSet,
  globalThis.Float16Array]) {
  if (C !== undefined) wellKnownConstructors.add(C);
}
let bufferChecked = false;
function isWellKnownConstructor(C) {
  if (!bufferChecked) {
    bufferChecked = true;
    // Buffer is a well-known class too, once the runtime has one.
    const B = globalThis.Buffer;
    if (typeof B === 'function') wellKnownConstructors.add(B);
  }
  return wellKnownConstructors.has(C);
}

const hasOwn = ObjectPrototypeHasOwnProperty;
const hasEnumerable = ObjectPrototypePropertyIsEnumerable;

// Whether an own key is an array index ('0', '17'; not '01', '-1', '4294967295').
function isIndexKey(key) {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return false;
  const first = StringPrototypeCharCodeAt(key, 0);
  if (first === 48) return key.length === 1;
  for (let i = 0; i < key.length; i++) {
    const c = StringPrototypeCharCodeAt(key, i);
    if (c < 48 || c > 57) return false;
  }
  return key.length < 10 || +key < 4294967295;
}

// The runtime may offer this natively (Node's internalBinding('util').getOwnNonIndexProperties, with
// its filter bits ONLY_ENUMERABLE = 2 and SKIP_SYMBOLS = 16): listing every index of a big array or
// typed array only to drop it costs JavaScriptCore about 1 µs per element.
let nativeNonIndexKeys;
try {
  const fn = internalBinding('util').getOwnNonIndexProperties;
  if (typeof fn === 'function') nativeNonIndexKeys = fn;
} catch {
  // No util binding: the JS version below.
}

// The own enumerable keys of an array or typed array that are not indices (symbols too, unless
// `skipSymbols`). Own keys list indices first, so the rest is read from the end.
function ownNonIndexKeys(obj, skipSymbols) {
  if (nativeNonIndexKeys !== undefined) return nativeNonIndexKeys(obj, skipSymbols ? 2 | 16 : 2);
  const keys = ReflectOwnKeys(obj);
  let start = keys.length;
  while (start > 0 && !isIndexKey(keys[start - 1])) start--;
  const out = [];
  for (let i = start; i < keys.length; i++) {
    const key = keys[i];
    if (skipSymbols && typeof key === 'symbol') continue;
    if (hasEnumerable(obj, key)) ArrayPrototypePush(out, key);
  }
  return out;
}

function bytesOf(view) {
  if (typedArrayName(view) !== undefined) {
    return new Uint8Array(TypedArrayPrototypeGetBuffer(view), TypedArrayPrototypeGetByteOffset(view),
                          TypedArrayPrototypeGetByteLength(view));
  }
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength); // DataView
}

function viewByteLength(view) {
  return typedArrayName(view) !== undefined ? TypedArrayPrototypeGetByteLength(view) : view.byteLength;
}

function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

// `b` is a subsequence of `a`.
function isPartialBytes(a, b) {
  const lenA = a.length;
  const lenB = b.length;
  if (lenA < lenB) return false;
  let offsetA = 0;
  for (let offsetB = 0; offsetB < lenB; offsetB++) {
    while (a[offsetA] !== b[offsetB]) {
      offsetA++;
      if (offsetA > lenA - lenB + offsetB) return false;
    }
    offsetA++;
  }
  return true;
}

function areSimilarRegExps(a, b) {
  return RegExpPrototypeGetSource(a) === RegExpPrototypeGetSource(b) &&
    RegExpPrototypeGetFlags(a) === RegExpPrototypeGetFlags(b) &&
    a.lastIndex === b.lastIndex;
}

// Loose float arrays compare element by element with ===, so 0 equals -0 and NaN differs from NaN.
function areSimilarFloatArrays(a, b) {
  if (TypedArrayPrototypeGetByteLength(a) !== TypedArrayPrototypeGetByteLength(b)) return false;
  const len = TypedArrayPrototypeGetLength(a);
  for (let i = 0; i < len; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function isEqualBoxedPrimitive(a, b) {
  if (isNumberObject(a)) return isNumberObject(b) && ObjectIs(NumberPrototypeValueOf(a), NumberPrototypeValueOf(b));
  if (isStringObject(a)) return isStringObject(b) && StringPrototypeValueOf(a) === StringPrototypeValueOf(b);
  if (isBooleanObject(a)) return isBooleanObject(b) && BooleanPrototypeValueOf(a) === BooleanPrototypeValueOf(b);
  if (isBigIntObject(a)) return isBigIntObject(b) && BigIntPrototypeValueOf(a) === BigIntPrototypeValueOf(b);
  if (isSymbolObject(a)) return isSymbolObject(b) && SymbolPrototypeValueOf(a) === SymbolPrototypeValueOf(b);
  return false;
}

// Error properties that are usually not enumerable ('message', 'name', 'cause', 'errors') are
// compared anyway, unless `b` has them enumerable (then the key comparison covers them).
function isEnumerableOrIdentical(a, b, prop, mode, memos) {
  return hasEnumerable(b, prop) ||
    (mode === kPartial && (b[prop] === undefined || (prop === 'message' && b[prop] === ''))) ||
    innerDeepEqual(a[prop], b[prop], mode, memos);
}

function innerDeepEqual(a, b, mode, memos) {
  if (a === b) return a !== 0 || ObjectIs(a, b) || mode === kLoose;
  if (mode !== kLoose) {
    if (typeof a === 'number') return a !== a && b !== b; // NaN
    if (typeof b !== 'object' || typeof a !== 'object' || a === null || b === null) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      // eslint-disable-next-line eqeqeq
      return (b === null || typeof b !== 'object') && (a == b || (a !== a && b !== b));
    }
    if (b === null || typeof b !== 'object') return false;
  }
  return objectComparisonStart(a, b, mode, memos);
}

function hasUnequalTag(a, b) {
  return a[SymbolToStringTag] !== b[SymbolToStringTag];
}

function slowHasUnequalTag(aTag, a, b) {
  if (a[SymbolToStringTag] !== undefined && b[SymbolToStringTag] !== undefined) {
    return a[SymbolToStringTag] !== b[SymbolToStringTag];
  }
  return aTag !== ObjectPrototypeToString(b);
}

function objectComparisonStart(a, b, mode, memos) {
  if (mode === kStrict) {
    const ctor = a.constructor;
    if (isWellKnownConstructor(ctor) || (ctor !== undefined && !hasOwn(a, 'constructor'))) {
      if (ctor !== b.constructor) return false;
    } else if (ObjectGetPrototypeOf(a) !== ObjectGetPrototypeOf(b)) {
      return false;
    }
  }

  if (ArrayIsArray(a)) {
    if (!ArrayIsArray(b) || (a.length !== b.length && (mode !== kPartial || a.length < b.length)) ||
        hasUnequalTag(a, b)) {
      return false;
    }
    const skipSymbols = mode === kLoose;
    const keysB = ownNonIndexKeys(b, skipSymbols);
    if (mode !== kPartial && keysB.length !== ownNonIndexKeys(a, skipSymbols).length) return false;
    return keyCheck(a, b, mode, memos, kIsArray, keysB);
  }

  let aTag;
  if (a[SymbolToStringTag] === undefined && (aTag = ObjectPrototypeToString(a)) === '[object Object]') {
    if (slowHasUnequalTag(aTag, a, b)) return false;
    return keyCheck(a, b, mode, memos, kNoIterator);
  }
  if (isSet(a)) {
    const sizeA = SetPrototypeGetSize(a);
    if (!isSet(b)) return false;
    const sizeB = SetPrototypeGetSize(b);
    if ((sizeA !== sizeB && (mode !== kPartial || sizeA < sizeB)) || hasUnequalTag(a, b)) return false;
    return keyCheck(a, b, mode, memos, kIsSet);
  }
  if (isMap(a)) {
    const sizeA = MapPrototypeGetSize(a);
    if (!isMap(b)) return false;
    const sizeB = MapPrototypeGetSize(b);
    if ((sizeA !== sizeB && (mode !== kPartial || sizeA < sizeB)) || hasUnequalTag(a, b)) return false;
    return keyCheck(a, b, mode, memos, kIsMap);
  }
  if (isArrayBufferView(a)) {
    if (!isArrayBufferView(b) || typedArrayName(a) !== typedArrayName(b)) return false;
    if (mode === kPartial && viewByteLength(a) !== viewByteLength(b)) {
      if (!isPartialBytes(bytesOf(a), bytesOf(b))) return false;
    } else if (mode === kLoose && isFloatArray(a)) {
      if (!areSimilarFloatArrays(a, b)) return false;
    } else if (!equalBytes(bytesOf(a), bytesOf(b))) {
      return false;
    }
    // The elements are equal; what is left are the other own keys.
    const skipSymbols = mode === kLoose;
    const keysB = ownNonIndexKeys(b, skipSymbols);
    if (mode !== kPartial && keysB.length !== ownNonIndexKeys(a, skipSymbols).length) return false;
    return keyCheck(a, b, mode, memos, kNoIterator, keysB);
  }
  if (isDate(a)) {
    if (!isDate(b) || hasUnequalTag(a, b)) return false;
    const timeA = DatePrototypeGetTime(a);
    const timeB = DatePrototypeGetTime(b);
    if (timeA !== timeB && (timeA === timeA || timeB === timeB)) return false; // Invalid Dates are equal
  } else if (isRegExp(a)) {
    if (!isRegExp(b) || !areSimilarRegExps(a, b) || hasUnequalTag(a, b)) return false;
  } else if (isAnyArrayBuffer(a)) {
    if (!isAnyArrayBuffer(b) || hasUnequalTag(a, b)) return false;
    const bytesA = new Uint8Array(a);
    const bytesB = new Uint8Array(b);
    if (mode !== kPartial || bytesA.length === bytesB.length) {
      if (!equalBytes(bytesA, bytesB)) return false;
    } else if (!isPartialBytes(bytesA, bytesB)) {
      return false;
    }
  } else if (slowHasUnequalTag(aTag ?? ObjectPrototypeToString(a), a, b) || ArrayIsArray(b) ||
             isArrayBufferView(b) || isSet(b) || isMap(b) || isDate(b) || isRegExp(b) ||
             isAnyArrayBuffer(b)) {
    return false;
  } else if (isError(a)) {
    // The stack is not compared: it differs between otherwise equal errors.
    if (!isError(b) ||
        !isEnumerableOrIdentical(a, b, 'message', mode, memos) ||
        !isEnumerableOrIdentical(a, b, 'name', mode, memos) ||
        !isEnumerableOrIdentical(a, b, 'cause', mode, memos) ||
        !isEnumerableOrIdentical(a, b, 'errors', mode, memos)) {
      return false;
    }
    const bHasCause = hasOwn(b, 'cause');
    if (bHasCause !== hasOwn(a, 'cause') && (mode !== kPartial || bHasCause)) return false;
  } else if (isBoxedPrimitive(a)) {
    if (!isEqualBoxedPrimitive(a, b)) return false;
  } else if (isURL(a)) {
    if (!isURL(b) || a.href !== b.href) return false;
  } else if (isBoxedPrimitive(b) || isNativeError(b) || b instanceof Error ||
             isWeakMap(a) || isWeakSet(a) || isPromise(a)) {
    // WeakMaps, WeakSets and promises cannot be looked into: only the identical one is equal.
    return false;
  }
  return keyCheck(a, b, mode, memos, kNoIterator);
}

function keyCheck(a, b, mode, memos, iterationType, keysB) {
  const arrayLike = keysB !== undefined;
  if (keysB === undefined) keysB = ObjectKeys(b);
  let keysA;

  if (!arrayLike) {
    if (mode === kPartial) {
      const symbols = ObjectGetOwnPropertySymbols(b);
      for (let i = 0; i < symbols.length; i++) {
        if (hasEnumerable(b, symbols[i])) ArrayPrototypePush(keysB, symbols[i]);
      }
    } else if (keysB.length !== (keysA = ObjectKeys(a)).length) {
      return false;
    } else if (mode === kStrict || mode === kStrictWithoutPrototypes) {
      const symbolsA = ObjectGetOwnPropertySymbols(a);
      for (let i = 0; i < symbolsA.length; i++) {
        if (hasEnumerable(a, symbolsA[i])) ArrayPrototypePush(keysA, symbolsA[i]);
      }
      const symbolsB = ObjectGetOwnPropertySymbols(b);
      for (let i = 0; i < symbolsB.length; i++) {
        if (hasEnumerable(b, symbolsB[i])) ArrayPrototypePush(keysB, symbolsB[i]);
      }
      if (keysA.length !== keysB.length) return false;
    }
  }

  if (keysB.length === 0 &&
      (iterationType === kNoIterator ||
       (iterationType === kIsArray && b.length === 0) ||
       (iterationType === kIsSet && SetPrototypeGetSize(b) === 0) ||
       (iterationType === kIsMap && MapPrototypeGetSize(b) === 0))) {
    return true;
  }

  if (memos === null) return objEquiv(a, b, mode, keysA, keysB, memos, iterationType);
  return handleCycles(a, b, mode, keysA, keysB, memos, iterationType);
}

// Tracks the pairs being compared on the current path. The first pair is kept in fields; a set is
// made only once the comparison goes deeper than that.
function handleCycles(a, b, mode, keysA, keysB, memos, iterationType) {
  if (memos === undefined) {
    memos = { set: undefined, a, b, c: undefined, d: undefined, deep: false };
    return objEquiv(a, b, mode, keysA, keysB, memos, iterationType);
  }
  if (memos.set === undefined) {
    if (memos.deep === false) {
      if (memos.a === a) return memos.b === b;
      if (memos.b === b) return false;
      memos.c = a;
      memos.d = b;
      memos.deep = true;
      const result = objEquiv(a, b, mode, keysA, keysB, memos, iterationType);
      memos.deep = false;
      if (memos.set !== undefined) {
        memos.set.delete(memos.c);
        memos.set.delete(memos.d);
      }
      return result;
    }
    memos.set = new SafeSet();
    memos.set.add(memos.a);
    memos.set.add(memos.b);
    memos.set.add(memos.c);
    memos.set.add(memos.d);
  }
  const set = memos.set;
  const before = set.size;
  set.add(a);
  set.add(b);
  if (before !== set.size - 2) return before === set.size;
  const result = objEquiv(a, b, mode, keysA, keysB, memos, iterationType);
  set.delete(a);
  set.delete(b);
  return result;
}

// Loose mode: which primitive a missing Set/Map entry could loosely equal. null: look for null or
// undefined; true: cannot tell (numbers and strings have many loose equals); false: nothing can.
function findLooseMatchingPrimitives(prim) {
  switch (typeof prim) {
    case 'undefined':
      return null;
    case 'object': // null
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      prim = +prim;
      // fall through
    case 'number':
      if (prim !== prim) return false;
  }
  return true;
}

function setMightHaveLoosePrim(a, b, prim) {
  const alt = findLooseMatchingPrimitives(prim);
  if (alt != null) return alt;
  return !SetPrototypeHas(b, alt) && SetPrototypeHas(a, alt);
}

function mapMightHaveLoosePrim(a, b, prim, item2, memos) {
  const alt = findLooseMatchingPrimitives(prim);
  if (alt != null) return alt;
  const item1 = MapPrototypeGet(a, alt);
  if ((item1 === undefined && !MapPrototypeHas(a, alt)) || !innerDeepEqual(item1, item2, kLoose, memos)) {
    return false;
  }
  return !MapPrototypeHas(b, alt) && innerDeepEqual(item1, item2, kLoose, memos);
}

function setValues(set) {
  const it = SetPrototypeValues(set);
  const out = [];
  for (let r = SetIteratorPrototypeNext(it); !r.done; r = SetIteratorPrototypeNext(it)) ArrayPrototypePush(out, r.value);
  return out;
}

function mapEntries(map) {
  const it = MapPrototypeEntries(map);
  const out = [];
  for (let r = MapIteratorPrototypeNext(it); !r.done; r = MapIteratorPrototypeNext(it)) ArrayPrototypePush(out, r.value);
  return out;
}

// Finds an element of array[start..end) equal to val1; moves array[end] into its place.
function arrayHasEqualElement(array, val1, mode, memos, comparator, start, end) {
  for (let i = end - 1; i >= start; i--) {
    if (comparator(val1, array[i], mode, memos)) {
      array[i] = array[end];
      return true;
    }
  }
  return false;
}

// `array` holds b's values that a lacks (objects, or primitives in loose mode); each value of a that
// b lacks must match one of them. Matches are looked for at both ends first, since sets built the
// same way usually list equal objects in the same order.
function setObjectEquiv(array, a, b, mode, memos) {
  let direction = 1;
  let start = 0;
  let end = array.length - 1;
  const comparator = mode !== kLoose ? objectComparisonStart : innerDeepEqual;
  const extraChecks = mode === kLoose || array.length !== SetPrototypeGetSize(a);
  const valuesA = setValues(a);
  for (let i = 0; i < valuesA.length; i++) {
    const val1 = valuesA[i];
    if (extraChecks) {
      if (typeof val1 === 'object') {
        if (SetPrototypeHas(b, val1)) continue;
      } else if (SetPrototypeHas(b, val1)) {
        continue;
      } else if (mode !== kLoose) {
        return false;
      }
    }
    let innerStart = start;
    if (direction === 1) {
      if (comparator(val1, array[start], mode, memos)) {
        start += 1;
        continue;
      }
      if (start === end) return false;
      direction = -1;
      innerStart += 1;
    }
    if (!comparator(val1, array[end], mode, memos)) {
      direction = 1;
      if (!arrayHasEqualElement(array, val1, mode, memos, comparator, innerStart, end)) return false;
    }
    end -= 1;
  }
  return true;
}

function partialObjectSetEquiv(array, a, b, mode, memos) {
  let aPos = 0;
  let direction = 1;
  let start = 0;
  let end = array.length - 1;
  const valuesA = setValues(a);
  const sizeA = valuesA.length;
  for (let i = 0; i < valuesA.length; i++) {
    const val1 = valuesA[i];
    aPos++;
    if (!SetPrototypeHas(b, val1)) {
      let innerStart = start;
      if (direction === 1) {
        if (innerDeepEqual(val1, array[start], mode, memos)) {
          if (start === end) return true;
          start += 1;
          continue;
        }
        if (start === end) continue;
        direction = -1;
        innerStart += 1;
      }
      let matched = true;
      if (!innerDeepEqual(val1, array[end], mode, memos)) {
        direction = 1;
        matched = arrayHasEqualElement(array, val1, mode, memos, innerDeepEqual, innerStart, end);
      }
      if (matched) {
        if (start === end) return true;
        end -= 1;
      }
    }
    if (sizeA - aPos <= end - start) return false;
  }
  return false;
}

// Sets of one or two elements, where b has `val` that a lacks.
function compareSmallSets(a, b, val, valuesB, indexB, mode, memos) {
  const valuesA = setValues(a);
  const firstA = valuesA[0];
  if (innerDeepEqual(firstA, val, mode, memos)) {
    if (SetPrototypeGetSize(b) === 1) return true;
    const secondA = valuesA[1];
    return SetPrototypeHas(b, secondA) || innerDeepEqual(secondA, valuesB[indexB + 1], mode, memos);
  }
  return valuesA.length !== 1 && innerDeepEqual(valuesA[1], val, mode, memos) && (
    SetPrototypeGetSize(b) === 1 ||
    SetPrototypeHas(b, firstA) ||
    innerDeepEqual(firstA, valuesB[indexB + 1], mode, memos));
}

function setEquiv(a, b, mode, memos) {
  let array;
  const valuesB = setValues(b);
  for (let i = 0; i < valuesB.length; i++) {
    const val = valuesB[i];
    if (!SetPrototypeHas(a, val)) {
      if ((typeof val !== 'object' || val === null) && (mode !== kLoose || !setMightHaveLoosePrim(a, b, val))) {
        return false;
      }
      if (array === undefined) {
        if (SetPrototypeGetSize(a) < 3) return compareSmallSets(a, b, val, valuesB, i, mode, memos);
        array = [];
      }
      ArrayPrototypePush(array, val);
    }
  }
  if (array === undefined) return true;
  if (mode === kPartial) return partialObjectSetEquiv(array, a, b, mode, memos);
  return setObjectEquiv(array, a, b, mode, memos);
}

function arrayHasEqualMapElement(array, key1, item1, b, mode, memos, comparator, start, end) {
  for (let i = end - 1; i >= start; i--) {
    const key2 = array[i];
    if (comparator(key1, key2, mode, memos) && innerDeepEqual(item1, MapPrototypeGet(b, key2), mode, memos)) {
      array[i] = array[end];
      return true;
    }
  }
  return false;
}

function mapObjectEquiv(array, a, b, mode, memos) {
  let direction = 1;
  let start = 0;
  let end = array.length - 1;
  const comparator = mode !== kLoose ? objectComparisonStart : innerDeepEqual;
  const entriesA = mapEntries(a);
  for (let i = 0; i < entriesA.length; i++) {
    const key1 = entriesA[i][0];
    const item1 = entriesA[i][1];
    // A primitive (or null) key never matches an object key collected in `array`.
    if (typeof key1 !== 'object' || key1 === null) {
      if (MapPrototypeHas(b, key1)) {
        if (mode !== kLoose || innerDeepEqual(item1, MapPrototypeGet(b, key1), mode, memos)) continue;
      } else if (mode !== kLoose) {
        return false;
      }
    }
    let innerStart = start;
    if (direction === 1) {
      const key2 = array[start];
      if (comparator(key1, key2, mode, memos) && innerDeepEqual(item1, MapPrototypeGet(b, key2), mode, memos)) {
        start += 1;
        continue;
      }
      if (start === end) return false;
      direction = -1;
      innerStart += 1;
    }
    const key2 = array[end];
    if (!comparator(key1, key2, mode, memos) || !innerDeepEqual(item1, MapPrototypeGet(b, key2), mode, memos)) {
      direction = 1;
      if (!arrayHasEqualMapElement(array, key1, item1, b, mode, memos, comparator, innerStart, end)) return false;
    }
    end -= 1;
  }
  return true;
}

function partialObjectMapEquiv(array, a, b, mode, memos) {
  let aPos = 0;
  let direction = 1;
  let start = 0;
  let end = array.length - 1;
  const entriesA = mapEntries(a);
  const sizeA = entriesA.length;
  for (let i = 0; i < entriesA.length; i++) {
    const key1 = entriesA[i][0];
    const item1 = entriesA[i][1];
    aPos++;
    if (typeof key1 === 'object' && key1 !== null) {
      let innerStart = start;
      if (direction === 1) {
        const key2 = array[start];
        if (objectComparisonStart(key1, key2, mode, memos) &&
            innerDeepEqual(item1, MapPrototypeGet(b, key2), mode, memos)) {
          if (start === end) return true;
          start += 1;
          continue;
        }
        if (start === end) continue;
        direction = -1;
        innerStart += 1;
      }
      let matched = true;
      const key2 = array[end];
      if (!objectComparisonStart(key1, key2, mode, memos) ||
          !innerDeepEqual(item1, MapPrototypeGet(b, key2), mode, memos)) {
        direction = 1;
        matched = arrayHasEqualMapElement(array, key1, item1, b, mode, memos, objectComparisonStart, innerStart, end);
      }
      if (matched) {
        if (start === end) return true;
        end -= 1;
      }
    }
    if (sizeA - aPos <= end - start) return false;
  }
  return false;
}

function mapEquiv(a, b, mode, memos) {
  let array;
  const entriesB = mapEntries(b);
  for (let i = 0; i < entriesB.length; i++) {
    const key2 = entriesB[i][0];
    const item2 = entriesB[i][1];
    if (typeof key2 === 'object' && key2 !== null) {
      if (array === undefined) {
        if (MapPrototypeGetSize(a) === 1) {
          const first = mapEntries(a)[0];
          return innerDeepEqual(first[0], key2, mode, memos) && innerDeepEqual(first[1], item2, mode, memos);
        }
        array = [];
      }
      ArrayPrototypePush(array, key2);
    } else {
      const item1 = MapPrototypeGet(a, key2);
      if ((item1 === undefined && !MapPrototypeHas(a, key2)) || !innerDeepEqual(item1, item2, mode, memos)) {
        if (mode !== kLoose) return false;
        if (!mapMightHaveLoosePrim(a, b, key2, item2, memos)) return false;
        if (array === undefined) array = [];
        ArrayPrototypePush(array, key2);
      }
    }
  }
  if (array === undefined) return true;
  if (mode === kPartial) return partialObjectMapEquiv(array, a, b, mode, memos);
  return mapObjectEquiv(array, a, b, mode, memos);
}

function partialSparseArrayEquiv(a, b, mode, memos, startA, startB) {
  let aPos = startA;
  const keysA = ObjectKeys(a);
  const keysB = ObjectKeys(b);
  const lenA = keysA.length - startA;
  const lenB = keysB.length - startB;
  if (lenA < lenB) return false;
  for (let i = 0; i < lenB; i++) {
    const keyB = keysB[startB + i];
    while (!innerDeepEqual(a[keysA[aPos]], b[keyB], mode, memos)) {
      aPos++;
      if (aPos > keysA.length - lenB + i) return false;
    }
    aPos++;
  }
  return true;
}

function partialArrayEquiv(a, b, mode, memos) {
  let aPos = 0;
  for (let i = 0; i < b.length; i++) {
    let isSparse = b[i] === undefined && !hasOwn(b, i);
    if (isSparse) return partialSparseArrayEquiv(a, b, mode, memos, aPos, i);
    while (!(isSparse = a[aPos] === undefined && !hasOwn(a, aPos)) && !innerDeepEqual(a[aPos], b[i], mode, memos)) {
      aPos++;
      if (aPos > a.length - b.length + i) return false;
    }
    if (isSparse) return partialSparseArrayEquiv(a, b, mode, memos, aPos, i);
    aPos++;
  }
  return true;
}

function sparseArrayEquiv(a, b, mode, memos, i) {
  const keysA = ObjectKeys(a);
  const keysB = ObjectKeys(b);
  if (keysA.length !== keysB.length) return false;
  for (; i < keysB.length; i++) {
    const key = keysB[i];
    if ((a[key] === undefined && !hasOwn(a, key)) || !innerDeepEqual(a[key], b[key], mode, memos)) return false;
  }
  return true;
}

function objEquiv(a, b, mode, keysA, keysB, memos, iterationType) {
  if (keysB.length > 0) {
    let i = 0;
    // While both objects list their keys in the same order, no descriptor lookup is needed.
    if (keysA !== undefined) {
      for (; i < keysB.length; i++) {
        const key = keysB[i];
        if (keysA[i] !== key) break;
        if (!innerDeepEqual(a[key], b[key], mode, memos)) return false;
      }
    }
    for (; i < keysB.length; i++) {
      const key = keysB[i];
      const desc = ObjectGetOwnPropertyDescriptor(a, key);
      if (desc === undefined || desc.enumerable !== true) return false;
      const value = desc.writable !== undefined ? desc.value : a[key];
      if (!innerDeepEqual(value, b[key], mode, memos)) return false;
    }
  }

  if (iterationType === kIsArray) {
    if (mode === kPartial) return partialArrayEquiv(a, b, mode, memos);
    for (let i = 0; i < a.length; i++) {
      if (b[i] === undefined) {
        if (!hasOwn(b, i)) return sparseArrayEquiv(a, b, mode, memos, i);
        if ((a[i] !== undefined || !hasOwn(a, i)) && (mode !== kLoose || a[i] !== null)) return false;
      } else if ((a[i] === undefined || !innerDeepEqual(a[i], b[i], mode, memos)) &&
                 (mode !== kLoose || b[i] !== null)) {
        return false;
      }
    }
  } else if (iterationType === kIsSet) {
    if (!setEquiv(a, b, mode, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, mode, memos)) return false;
  }
  return true;
}

// Cycles are only tracked once a comparison has overflowed the stack.
let detectCycles = function(a, b, mode) {
  try {
    return innerDeepEqual(a, b, mode, null);
  } catch {
    detectCycles = innerDeepEqual;
    return innerDeepEqual(a, b, mode, undefined);
  }
};

module.exports = {
  isDeepEqual(a, b) {
    return detectCycles(a, b, kLoose);
  },
  isDeepStrictEqual(a, b, skipPrototype) {
    return detectCycles(a, b, skipPrototype ? kStrictWithoutPrototypes : kStrict);
  },
  isPartialStrictEqual(a, b) {
    return detectCycles(a, b, kPartial);
  },
};
