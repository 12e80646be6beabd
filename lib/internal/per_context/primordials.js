'use strict';
// Captures the intrinsics that built-in code relies on before any user code runs. The names follow
// Node's convention, because code written for Node's lib/ reads the same here:
//   statics          Object.keys               -> ObjectKeys(o)
//   methods          Array.prototype.push      -> ArrayPrototypePush(arr, x)   (this as first argument)
//   accessors        get Map.prototype.size    -> MapPrototypeGetSize(map)
//   symbol keys      Symbol.iterator           -> SymbolIterator
// plus Safe* collections whose methods user code cannot patch. `primordials` arrives as an empty
// object; this module fills and freezes it.

const P = primordials;
const reflectOwnKeys = Reflect.ownKeys;
const reflectGetDesc = Reflect.getOwnPropertyDescriptor;
const reflectDefine = Reflect.defineProperty;
const fnBind = Function.prototype.bind;
const fnCall = Function.prototype.call;
// uncurry(f)(self, ...args) === f.call(self, ...args), without looking up `call` at use time.
const uncurry = fnBind.bind(fnCall);
P.uncurryThis = uncurry;
P.applyBind = fnBind.bind(Function.prototype.apply);

function suffixOf(key) {
  if (typeof key === 'symbol') {
    // 'Symbol.iterator' -> 'SymbolIterator'
    const d = key.description;
    return 'Symbol' + d.charAt(7).toUpperCase() + d.slice(8);
  }
  return key.charAt(0).toUpperCase() + key.slice(1);
}

// mode: 'static' binds functions to `holder`; 'proto' uncurries them; 'raw' copies as they are.
function capture(holder, prefix, mode) {
  const keys = reflectOwnKeys(holder);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const desc = reflectGetDesc(holder, key);
    const name = prefix + suffixOf(key);
    if (desc.get !== undefined || desc.set !== undefined) {
      if (desc.get) reflectDefine(P, prefix + 'Get' + suffixOf(key), { value: uncurry(desc.get), enumerable: desc.enumerable });
      if (desc.set) reflectDefine(P, prefix + 'Set' + suffixOf(key), { value: uncurry(desc.set), enumerable: desc.enumerable });
      continue;
    }
    let value = desc.value;
    if (typeof value === 'function') {
      if (mode === 'proto') value = uncurry(value);
      else if (mode === 'static') value = fnBind.call(value, holder);
    }
    reflectDefine(P, name, { value, enumerable: desc.enumerable, writable: false, configurable: false });
  }
}

const G = globalThis;
for (const name of ['decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape',
  'eval', 'globalThis', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'unescape']) {
  P[name] = G[name];
}
for (const ns of ['Atomics', 'Intl', 'JSON', 'Math', 'Reflect']) {
  if (G[ns] !== undefined) capture(G[ns], ns, 'raw');
}
P.Proxy = G.Proxy;

const constructors = ['AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array',
  'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry',
  'Float16Array', 'Float32Array', 'Float64Array', 'Function', 'Int16Array', 'Int32Array', 'Int8Array',
  'Map', 'Number', 'Object', 'Promise', 'RangeError', 'ReferenceError', 'RegExp', 'Set',
  'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError', 'TypeError', 'URIError', 'Uint16Array',
  'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakRef', 'WeakSet'];
for (const name of constructors) {
  const C = G[name];
  if (C === undefined) continue;
  P[name] = C;
  capture(C, name, 'static');
  capture(C.prototype, name + 'Prototype', 'proto');
}

const TypedArray = Reflect.getPrototypeOf(Uint8Array);
P.TypedArray = TypedArray;
capture(TypedArray, 'TypedArray', 'static');
capture(TypedArray.prototype, 'TypedArrayPrototype', 'proto');

const anonymousIntrinsics = {
  AsyncIteratorPrototype: Reflect.getPrototypeOf(Reflect.getPrototypeOf(async function* () {}).prototype),
  IteratorPrototype: Reflect.getPrototypeOf(Reflect.getPrototypeOf([][Symbol.iterator]())),
  ArrayIteratorPrototype: Reflect.getPrototypeOf([][Symbol.iterator]()),
  StringIteratorPrototype: Reflect.getPrototypeOf(''[Symbol.iterator]()),
  MapIteratorPrototype: Reflect.getPrototypeOf(new Map()[Symbol.iterator]()),
  SetIteratorPrototype: Reflect.getPrototypeOf(new Set()[Symbol.iterator]()),
};
for (const name of reflectOwnKeys(anonymousIntrinsics)) {
  P[name] = anonymousIntrinsics[name];
  capture(anonymousIntrinsics[name], name, 'proto');
}

const {
  ArrayPrototypeSymbolIterator, ArrayIteratorPrototypeNext, StringPrototypeSymbolIterator,
  StringIteratorPrototypeNext, PromisePrototypeThen, ObjectFreeze, ObjectSetPrototypeOf,
} = P;

// An iterator over `make(iterable)` whose `next` was captured here.
function safeIteratorClass(make, next) {
  const Iter = class {
    constructor(iterable) { this.inner = make(iterable); }
    next() { return next(this.inner); }
    [Symbol.iterator]() { return this; }
  };
  ObjectSetPrototypeOf(Iter.prototype, null);
  ObjectFreeze(Iter.prototype);
  return ObjectFreeze(Iter);
}
P.SafeArrayIterator = safeIteratorClass(ArrayPrototypeSymbolIterator, ArrayIteratorPrototypeNext);
P.SafeStringIterator = safeIteratorClass(StringPrototypeSymbolIterator, StringIteratorPrototypeNext);

// Safe collections: a subclass whose prototype owns copies of the base methods (so patching the
// base prototype changes nothing), with iterators that are safe too.
function safeCollection(Base, Safe) {
  const baseProto = Base.prototype;
  const iterating = new Set(['entries', 'keys', 'values', Symbol.iterator]);
  let nextOf = null;
  for (const key of reflectOwnKeys(baseProto)) {
    if (key === 'constructor') continue;
    const desc = reflectGetDesc(baseProto, key);
    if (iterating.has(key) && typeof desc.value === 'function') {
      const make = uncurry(desc.value);
      if (nextOf === null) nextOf = uncurry(make(new Base()).next);
      const Iter = safeIteratorClass(make, nextOf);
      desc.value = function () { return new Iter(this); };
    }
    reflectDefine(Safe.prototype, key, desc);
  }
  ObjectSetPrototypeOf(Safe.prototype, null);
  ObjectFreeze(Safe.prototype);
  return ObjectFreeze(Safe);
}
P.SafeMap = safeCollection(Map, class SafeMap extends Map {});
P.SafeSet = safeCollection(Set, class SafeSet extends Set {});
P.SafeWeakMap = safeCollection(WeakMap, class SafeWeakMap extends WeakMap {});
P.SafeWeakSet = safeCollection(WeakSet, class SafeWeakSet extends WeakSet {});
P.SafeWeakRef = safeCollection(WeakRef, class SafeWeakRef extends WeakRef {});
P.SafeFinalizationRegistry = safeCollection(FinalizationRegistry,
  class SafeFinalizationRegistry extends FinalizationRegistry {});

// promise.finally(onFinally) through the captured `then`.
P.SafePromisePrototypeFinally = function (promise, onFinally) {
  return new Promise((resolve, reject) => {
    const after = (settle) => PromisePrototypeThen(Promise.resolve(onFinally()), settle, reject);
    PromisePrototypeThen(promise, (v) => after(() => resolve(v)), (e) => after(() => reject(e)));
  });
};

ObjectSetPrototypeOf(P, null);
ObjectFreeze(P);
