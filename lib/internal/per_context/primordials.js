'use strict';
// Captures the intrinsics that built-in code relies on before any user code runs. The names follow
// Node's convention, because code written for Node's lib/ reads the same here:
//   statics          Object.keys               -> ObjectKeys(o)
//   methods          Array.prototype.push      -> ArrayPrototypePush(arr, x)   (this as first argument)
//   accessors        get Map.prototype.size    -> MapPrototypeGetSize(map)
//   symbol keys      Symbol.iterator           -> SymbolIterator
// plus Safe* collections whose methods user code cannot patch. `primordials` arrives as an empty
// object; this module fills it.
//
// Start-up cost matters (docs/performance.md): visiting ~2000 properties in JS here took 8-10 ms of
// interpreter time. So at start-up we only take one native snapshot of each holder's property
// descriptors (Object.getOwnPropertyDescriptors, done in C++), which is enough to be immune to later
// patches; the named functions (bound or uncurried) are made from the snapshot the first time a
// built-in asks for a name, through a Proxy at the end of the primordials' prototype chain.

const P = primordials;
const G = globalThis;
const reflectDefine = Reflect.defineProperty;
const reflectGetProto = Reflect.getPrototypeOf;
const getDescriptors = Object.getOwnPropertyDescriptors;
const fnBind = Function.prototype.bind;
const fnCall = Function.prototype.call;
const hasOwn = Object.prototype.hasOwnProperty;
// uncurry(f)(self, ...args) === f.call(self, ...args), without looking up `call` at use time.
const uncurry = fnBind.bind(fnCall);
P.uncurryThis = uncurry;
P.applyBind = fnBind.bind(Function.prototype.apply);

// prefix -> { holder, descs, mode }; mode 'static' binds functions to the holder, 'proto' uncurries
// them, 'raw' copies them as they are.
const holders = { __proto__: null };
const prefixes = [];
function snapshot(prefix, holder, mode) {
  holders[prefix] = { holder, descs: getDescriptors(holder), mode };
  prefixes.push(prefix);
}

for (const name of ['decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape',
  'eval', 'globalThis', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'unescape', 'Proxy']) {
  P[name] = G[name];
}
for (const ns of ['Atomics', 'Intl', 'JSON', 'Math', 'Reflect']) {
  if (G[ns] !== undefined) snapshot(ns, G[ns], 'raw');
}
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
  snapshot(name, C, 'static');
  snapshot(name + 'Prototype', C.prototype, 'proto');
}
const TypedArray = reflectGetProto(Uint8Array);
P.TypedArray = TypedArray;
snapshot('TypedArray', TypedArray, 'static');
snapshot('TypedArrayPrototype', TypedArray.prototype, 'proto');
const anonymous = [
  ['AsyncIteratorPrototype', reflectGetProto(reflectGetProto(async function* () {}).prototype)],
  ['IteratorPrototype', reflectGetProto(reflectGetProto([][Symbol.iterator]()))],
  ['ArrayIteratorPrototype', reflectGetProto([][Symbol.iterator]())],
  ['StringIteratorPrototype', reflectGetProto(''[Symbol.iterator]())],
  ['MapIteratorPrototype', reflectGetProto(new Map()[Symbol.iterator]())],
  ['SetIteratorPrototype', reflectGetProto(new Set()[Symbol.iterator]())],
];
for (const [name, proto] of anonymous) {
  P[name] = proto;
  snapshot(name, proto, 'proto');
}
// Longest prefix first, so 'ArrayPrototype' wins over 'Array'.
prefixes.sort((a, b) => b.length - a.length);

// 'Iterator' -> Symbol.iterator, 'ToStringTag' -> Symbol.toStringTag
const wellKnown = { __proto__: null };
for (const k of Object.getOwnPropertyNames(Symbol)) {
  if (typeof Symbol[k] === 'symbol') wellKnown[k.charAt(0).toUpperCase() + k.slice(1)] = Symbol[k];
}

function define(name, value) {
  reflectDefine(P, name, { value, enumerable: false, writable: false, configurable: false });
  return value;
}

// Finds `name` in the snapshots and defines it on P; undefined if it names nothing.
function materialize(name) {
  for (let i = 0; i < prefixes.length; i++) {
    const prefix = prefixes[i];
    if (name.length <= prefix.length || name.slice(0, prefix.length) !== prefix) continue;
    const { holder, descs, mode } = holders[prefix];
    const suffix = name.slice(prefix.length);
    // Accessors: PrefixGetKey / PrefixSetKey
    for (const kind of ['Get', 'Set']) {
      if (suffix.slice(0, 3) !== kind || suffix.length === 3) continue;
      const desc = lookup(descs, suffix.slice(3));
      const fn = desc && (kind === 'Get' ? desc.get : desc.set);
      if (fn) return define(name, uncurry(fn));
    }
    const desc = lookup(descs, suffix);
    if (desc === undefined || !fnCall.call(hasOwn, desc, 'value')) continue;
    let value = desc.value;
    if (typeof value === 'function' && mode !== 'raw') {
      value = mode === 'proto' ? uncurry(value) : fnBind.call(value, holder);
    }
    return define(name, value);
  }
  return undefined;
}

// The descriptor for the key a suffix names: 'Push' -> 'push', 'MAX_SAFE_INTEGER', 'SymbolIterator'.
function lookup(descs, suffix) {
  if (suffix.slice(0, 6) === 'Symbol') {
    const sym = wellKnown[suffix.slice(6)];
    if (sym !== undefined && descs[sym] !== undefined) return descs[sym];
  }
  const lower = suffix.charAt(0).toLowerCase() + suffix.slice(1);
  if (fnCall.call(hasOwn, descs, lower)) return descs[lower];
  if (fnCall.call(hasOwn, descs, suffix)) return descs[suffix];
  return undefined;
}

// Well-known symbols: SymbolIterator, SymbolAsyncIterator, ...
for (const k in wellKnown) define(`Symbol${k}`, wellKnown[k]);

Reflect.setPrototypeOf(P, new Proxy({ __proto__: null }, {
  get(target, name) {
    return typeof name === 'string' ? materialize(name) : undefined;
  },
  has(target, name) {
    return typeof name === 'string' && materialize(name) !== undefined;
  },
}));

const {
  ArrayPrototypeSymbolIterator, ArrayIteratorPrototypeNext, StringPrototypeSymbolIterator,
  StringIteratorPrototypeNext, PromisePrototypeThen, ObjectFreeze, ObjectSetPrototypeOf,
  ReflectOwnKeys, ReflectGetOwnPropertyDescriptor,
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
  const iterating = ['entries', 'keys', 'values', Symbol.iterator];
  let nextOf = null;
  const keys = ReflectOwnKeys(baseProto);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === 'constructor') continue;
    const desc = ReflectGetOwnPropertyDescriptor(baseProto, key);
    if (iterating.includes(key) && typeof desc.value === 'function') {
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
