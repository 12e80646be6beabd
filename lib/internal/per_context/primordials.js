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
// Start-up cost matters (docs/performance.md). Visiting every property of every intrinsic makes JSC
// create ~2000 function objects and took ~10 ms, more than anything else at start-up. So the build
// lists the names that lib/ destructures from `primordials` (tools/embed.c), and only those are
// captured here, one property lookup each, before user code runs. A name missing from that list
// (computed access) is captured on first use through a Proxy at the end of the prototype chain.

const P = primordials;
const G = globalThis;
const reflectDefine = Reflect.defineProperty;
const reflectGetProto = Reflect.getPrototypeOf;
const reflectGetDesc = Reflect.getOwnPropertyDescriptor;
const fnBind = Function.prototype.bind;
const reflectApply = Reflect.apply;
// uncurry(f)(self, ...args) === f.call(self, ...args), without looking up `call` at use time.
// A rest parameter forwarded to Reflect.apply: JSC's optimizing tiers inline it without making the
// array, while a function bound to Function.prototype.call (V8's favourite) stays a slow generic
// call here (~3x slower in a loop of push/slice/exec).
const uncurry = (fn) => (self, ...args) => reflectApply(fn, self, args);
P.uncurryThis = uncurry;
P.applyBind = fnBind.bind(Function.prototype.apply);

// prefix -> { holder, mode }: 'static' binds functions to the holder, 'proto' uncurries them, 'raw'
// copies them as they are.
const holders = { __proto__: null };
function holder(prefix, object, mode) {
  holders[prefix] = { object, mode };
}

for (const name of ['decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape',
  'eval', 'globalThis', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'unescape', 'Proxy']) {
  P[name] = G[name];
}
for (const ns of ['Atomics', 'Intl', 'JSON', 'Math', 'Reflect']) {
  if (G[ns] !== undefined) holder(ns, G[ns], 'raw');
}
const constructors = ['AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array',
  'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry',
  'Float16Array', 'Float32Array', 'Float64Array', 'Function', 'Int16Array', 'Int32Array', 'Int8Array',
  'Map', 'Number', 'Object', 'Promise', 'RangeError', 'ReferenceError', 'RegExp', 'Set',
  'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError', 'TypeError', 'URIError', 'Uint16Array',
  'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakRef', 'WeakSet'];
for (let i = 0; i < constructors.length; i++) {
  const name = constructors[i];
  const C = G[name];
  if (C === undefined) continue;
  P[name] = C;
  holder(name, C, 'static');
  holder(name + 'Prototype', C.prototype, 'proto');
}
const TypedArray = reflectGetProto(Uint8Array);
P.TypedArray = TypedArray;
holder('TypedArray', TypedArray, 'static');
holder('TypedArrayPrototype', TypedArray.prototype, 'proto');
const anonymous = [
  ['AsyncIteratorPrototype', reflectGetProto(reflectGetProto(async function* () {}).prototype)],
  ['IteratorPrototype', reflectGetProto(reflectGetProto([][Symbol.iterator]()))],
  ['ArrayIteratorPrototype', reflectGetProto([][Symbol.iterator]())],
  ['StringIteratorPrototype', reflectGetProto(''[Symbol.iterator]())],
  ['MapIteratorPrototype', reflectGetProto(new Map()[Symbol.iterator]())],
  ['SetIteratorPrototype', reflectGetProto(new Set()[Symbol.iterator]())],
];
for (let i = 0; i < anonymous.length; i++) {
  P[anonymous[i][0]] = anonymous[i][1];
  holder(anonymous[i][0], anonymous[i][1], 'proto');
}

// 'Iterator' -> Symbol.iterator, 'ToStringTag' -> Symbol.toStringTag
const wellKnown = { __proto__: null };
const symbolKeys = Object.getOwnPropertyNames(Symbol);
for (let i = 0; i < symbolKeys.length; i++) {
  const k = symbolKeys[i];
  if (typeof Symbol[k] === 'symbol') {
    wellKnown[k.charAt(0).toUpperCase() + k.slice(1)] = Symbol[k];
    P[`Symbol${k.charAt(0).toUpperCase()}${k.slice(1)}`] = Symbol[k];
  }
}

function define(name, value) {
  reflectDefine(P, name, { value, enumerable: false, writable: false, configurable: false });
  return value;
}

// The own property of `object` that a name's suffix means: 'Push' -> push, 'MAX_SAFE_INTEGER',
// 'SymbolIterator' -> [Symbol.iterator].
function lookup(object, suffix) {
  if (suffix.slice(0, 6) === 'Symbol') {
    const sym = wellKnown[suffix.slice(6)];
    if (sym !== undefined) {
      const d = reflectGetDesc(object, sym);
      if (d !== undefined) return d;
    }
  }
  return reflectGetDesc(object, suffix.charAt(0).toLowerCase() + suffix.slice(1)) ??
    reflectGetDesc(object, suffix);
}

function isUpper(c) { return c >= 65 && c <= 90; }

// Defines primordial `name` on P from the live intrinsics; undefined if it names nothing.
function materialize(name) {
  // Try the longest holder prefix that ends at a word boundary (an upper-case letter follows).
  for (let end = name.length - 1; end > 0; end--) {
    if (!isUpper(name.charCodeAt(end))) continue;
    const entry = holders[name.slice(0, end)];
    if (entry === undefined) continue;
    const { object, mode } = entry;
    const suffix = name.slice(end);
    const kind = suffix.slice(0, 3);
    if ((kind === 'Get' || kind === 'Set') && suffix.length > 3) {
      const d = lookup(object, suffix.slice(3));
      const fn = d && (kind === 'Get' ? d.get : d.set);
      if (fn) return define(name, uncurry(fn));
    }
    const d = lookup(object, suffix);
    if (d === undefined || d.get !== undefined || d.set !== undefined) continue;
    let value = d.value;
    // `FunctionPrototype` is Function.prototype itself (callable, but not a method to bind).
    if (typeof value === 'function' && mode !== 'raw' && suffix !== 'Prototype') {
      value = mode === 'proto' ? uncurry(value) : fnBind.call(value, object);
    }
    return define(name, value);
  }
  return undefined;
}

// Calling a function through Function.prototype.call itself is a slow generic call on JSC
// (~0.5 us against ~35 ns for fn.call(...)); Reflect.apply with a forwarded rest array is inlined.
define('FunctionPrototypeCall', (fn, self, ...args) => reflectApply(fn, self, args));
define('FunctionPrototypeApply', (fn, self, args) => reflectApply(fn, self, args == null ? [] : args));
// A name the prefix rule cannot spell (Node's name for Object.prototype.__lookupGetter__).
define('ObjectPrototype__lookupGetter__', uncurry(Object.prototype.__lookupGetter__));

const names = internalBinding('builtins').primordialNames();
for (let i = 0; i < names.length; i++) {
  if (!(names[i] in P)) materialize(names[i]);
}

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
