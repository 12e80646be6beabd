'use strict';
// globalThis.structuredClone, as Node 24 has it. Every expectation passes under real Node.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');

function cloneError(message) {
  return (e) => {
    assert.ok(e instanceof DOMException, `expected a DOMException, got ${e}`);
    assert.strictEqual(e.name, 'DataCloneError');
    assert.strictEqual(e.code, 25);
    if (message !== undefined) assert.strictEqual(e.message, message);
    return true;
  };
}

function optionsError(message) {
  return (e) => {
    assert.strictEqual(Object.getPrototypeOf(e), TypeError.prototype);
    assert.strictEqual(e.code, 'ERR_INVALID_ARG_TYPE');
    assert.strictEqual(e.message, `Failed to execute 'structuredClone': ${message}`);
    return true;
  };
}

test('global binding and function shape', () => {
  const desc = Object.getOwnPropertyDescriptor(globalThis, 'structuredClone');
  assert.strictEqual(desc.writable, true);
  assert.strictEqual(desc.enumerable, true);
  assert.strictEqual(desc.configurable, true);
  assert.strictEqual(structuredClone.name, 'structuredClone');
  assert.strictEqual(structuredClone.length, 2);
});

test('no argument: ERR_MISSING_ARGS (with Node\'s doubled wording)', () => {
  assert.throws(() => structuredClone(), {
    name: 'TypeError',
    code: 'ERR_MISSING_ARGS',
    message: 'The "The value argument must be specified" argument must be specified',
  });
  assert.strictEqual(structuredClone(undefined), undefined);
});

test('primitives are returned as they are', () => {
  for (const v of [undefined, null, true, false, 0, -0, 1.5, NaN, Infinity, -Infinity, '', 'str', 10n, -(2n ** 70n)]) {
    assert.ok(Object.is(structuredClone(v), v), String(v));
  }
});

test('wrapper objects keep their primitive and lose extra properties', () => {
  const cases = [Object(1), Object(-0), Object('ab'), Object(true), Object(false), Object(10n)];
  for (const w of cases) {
    const c = structuredClone(w);
    assert.notStrictEqual(c, w);
    assert.strictEqual(typeof c, 'object');
    assert.strictEqual(Object.getPrototypeOf(c), Object.getPrototypeOf(w));
    assert.ok(Object.is(c.valueOf(), w.valueOf()));
  }
  const s = Object('ab');
  s.extra = 1;
  assert.deepStrictEqual(Object.keys(structuredClone(s)), ['0', '1']);
});

test('Date keeps its time; extra properties are dropped', () => {
  const d = new Date(123456789);
  d.extra = 1;
  const c = structuredClone(d);
  assert.ok(c instanceof Date);
  assert.strictEqual(c.getTime(), 123456789);
  assert.strictEqual(c.extra, undefined);
  assert.ok(Number.isNaN(structuredClone(new Date(NaN)).getTime()));
});

test('RegExp keeps source and flags, not lastIndex or extra properties', () => {
  const re = /a+(b)/gimsuyd;
  re.lastIndex = 3;
  re.extra = 1;
  const c = structuredClone(re);
  assert.ok(c instanceof RegExp);
  assert.notStrictEqual(c, re);
  assert.strictEqual(c.source, 'a+(b)');
  assert.strictEqual(c.flags, 'dgimsuy');
  assert.strictEqual(c.lastIndex, 0);
  assert.strictEqual(c.extra, undefined);
  assert.strictEqual(structuredClone(/[\p{L}--[a-z]]/v).flags, 'v');
  assert.strictEqual(structuredClone(new RegExp('')).source, '(?:)');
});

test('ArrayBuffer is copied; resizable buffers keep maxByteLength', () => {
  const ab = new ArrayBuffer(8);
  new Uint8Array(ab).set([1, 2, 3]);
  const c = structuredClone(ab);
  assert.notStrictEqual(c, ab);
  assert.deepStrictEqual([...new Uint8Array(c)], [1, 2, 3, 0, 0, 0, 0, 0]);
  new Uint8Array(c)[0] = 9;
  assert.strictEqual(new Uint8Array(ab)[0], 1);
  assert.strictEqual(c.resizable, false);
  const r = new ArrayBuffer(4, { maxByteLength: 16 });
  new Uint8Array(r)[3] = 7;
  const rc = structuredClone(r);
  assert.strictEqual(rc.resizable, true);
  assert.strictEqual(rc.maxByteLength, 16);
  assert.strictEqual(rc.byteLength, 4);
  assert.strictEqual(new Uint8Array(rc)[3], 7);
  r.x = 1;
  assert.strictEqual(structuredClone(r).x, undefined);
});

const typedArrayNames = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  ...(typeof Float16Array === 'function' ? ['Float16Array'] : [])];

test('every TypedArray kind is cloned with its values', () => {
  for (const name of typedArrayNames) {
    const C = globalThis[name];
    const big = name.startsWith('Big');
    const ta = C.from([1, 2, 3], (v) => (big ? BigInt(v) : v));
    const c = structuredClone(ta);
    assert.strictEqual(Object.getPrototypeOf(c), C.prototype, name);
    assert.notStrictEqual(c.buffer, ta.buffer, name);
    assert.deepStrictEqual(c, ta, name);
  }
});

test('views keep offset and length and share one cloned buffer', () => {
  const buf = new ArrayBuffer(16);
  const a = new Uint8Array(buf, 2, 3);
  const b = new Int16Array(buf, 4, 2);
  const d = new DataView(buf, 1, 5);
  const c = structuredClone({ a, b, d, buf });
  assert.strictEqual(c.a.buffer, c.buf);
  assert.strictEqual(c.b.buffer, c.buf);
  assert.strictEqual(c.d.buffer, c.buf);
  assert.deepStrictEqual([c.a.byteOffset, c.a.length, c.b.byteOffset, c.b.length], [2, 3, 4, 2]);
  assert.deepStrictEqual([c.d.byteOffset, c.d.byteLength], [1, 5]);
  assert.ok(c.d instanceof DataView);
  c.a[0] = 5;
  assert.strictEqual(new Uint8Array(c.buf)[2], 5);
  assert.strictEqual(buf.byteLength, 16);
  const sub = new Uint8Array(8).subarray(3);
  const cs = structuredClone(sub);
  assert.strictEqual(cs.byteOffset, 3);
  assert.strictEqual(cs.buffer.byteLength, 8);
  const ta = new Uint8Array(2);
  ta.x = 1;
  assert.strictEqual(structuredClone(ta).x, undefined);
});

test('views over resizable buffers: length-tracking or fixed, as the original', () => {
  const b = new ArrayBuffer(4, { maxByteLength: 16 });
  const tracking = new Uint8Array(b);
  const trackingFrom1 = new Uint8Array(b, 1);
  const fixed = new Uint8Array(b, 0, 2);
  const fixedToEnd = new Uint8Array(b, 0, 4);
  const dvTracking = new DataView(b);
  const dvFixed = new DataView(b, 0, 4);
  new Uint8Array(b).set([1, 2, 3, 4]);
  const c = structuredClone({ tracking, trackingFrom1, fixed, fixedToEnd, dvTracking, dvFixed });
  assert.deepStrictEqual([...b.constructor === ArrayBuffer ? new Uint8Array(b) : []], [1, 2, 3, 4]);
  assert.strictEqual(b.byteLength, 4, 'the original buffer is left as it was');
  c.tracking.buffer.resize(10);
  assert.strictEqual(c.tracking.length, 10);
  assert.strictEqual(c.trackingFrom1.length, 9);
  assert.strictEqual(c.fixed.length, 2);
  assert.strictEqual(c.fixedToEnd.length, 4);
  assert.strictEqual(c.dvTracking.byteLength, 10);
  assert.strictEqual(c.dvFixed.byteLength, 4);
  const full = new ArrayBuffer(4, { maxByteLength: 4 });
  new Uint8Array(full).set([9, 8, 7, 6]);
  const t2 = structuredClone({ t: new Uint16Array(full), f: new Uint16Array(full, 0, 2) });
  assert.deepStrictEqual([...new Uint8Array(full)], [9, 8, 7, 6]);
  t2.t.buffer.resize(2);
  assert.strictEqual(t2.t.length, 1);
  assert.strictEqual(t2.f.length, 0);
});

test('detached buffers and out-of-bounds views cannot be cloned', () => {
  const ab = new ArrayBuffer(4);
  const view = new Uint8Array(ab);
  const dv = new DataView(ab);
  ab.transfer();
  assert.throws(() => structuredClone(ab), cloneError('An ArrayBuffer is detached and could not be cloned.'));
  assert.throws(() => structuredClone(view), cloneError('An ArrayBuffer is detached and could not be cloned.'));
  assert.throws(() => structuredClone(dv), cloneError('An ArrayBuffer is detached and could not be cloned.'));
  const r = new ArrayBuffer(8, { maxByteLength: 16 });
  const oob = new Uint8Array(r, 4, 4);
  const oobDv = new DataView(r, 4, 4);
  r.resize(2);
  assert.throws(() => structuredClone(oob), cloneError('[object Object] could not be cloned.'));
  assert.throws(() => structuredClone(oobDv), cloneError('#<DataView> could not be cloned.'));
});

test('Map and Set keep order, and clone keys and values', () => {
  const k = { k: 1 };
  const m = new Map([[1, 'a'], [k, { v: 2 }], ['z', k]]);
  m.extra = 1;
  const cm = structuredClone(m);
  assert.ok(cm instanceof Map);
  assert.strictEqual(cm.extra, undefined);
  const entries = [...cm];
  assert.deepStrictEqual(entries.map(([key]) => key), [1, { k: 1 }, 'z']);
  assert.strictEqual(entries[1][0], entries[2][1], 'a shared object stays shared');
  assert.notStrictEqual(entries[1][0], k);
  const s = new Set([3, 'x', k, k]);
  const cs = structuredClone(s);
  assert.ok(cs instanceof Set);
  assert.deepStrictEqual([...cs], [3, 'x', { k: 1 }]);
  class MyMap extends Map {}
  assert.strictEqual(Object.getPrototypeOf(structuredClone(new MyMap([[1, 2]]))), Map.prototype);
});

test('Map entries are listed before they are cloned', () => {
  const m = new Map();
  m.set('a', { get x() { m.set('late', 1); return 1; } });
  const c = structuredClone(m);
  assert.deepStrictEqual([...c.keys()], ['a']);
  assert.strictEqual(m.size, 2);
});

test('arrays keep length, holes and extra properties', () => {
  const a = [1, , 3]; // eslint-disable-line no-sparse-arrays
  a.length = 5;
  a.extra = 'y';
  const c = structuredClone(a);
  assert.ok(Array.isArray(c));
  assert.strictEqual(c.length, 5);
  assert.strictEqual(1 in c, false);
  assert.deepStrictEqual(Object.keys(c), ['0', '2', 'extra']);
  assert.strictEqual(c.extra, 'y');
  const sparse = [];
  sparse[1e6] = 'far';
  const cs = structuredClone(sparse);
  assert.strictEqual(cs.length, 1e6 + 1);
  assert.deepStrictEqual(Object.keys(cs), ['1000000']);
  class MyArray extends Array {}
  assert.strictEqual(Object.getPrototypeOf(structuredClone(MyArray.from([1]))), Array.prototype);
});

test('plain objects: own enumerable string keys, in order; prototype becomes Object.prototype', () => {
  const proto = { inherited: 1 };
  const o = Object.create(proto);
  o.b = 1;
  o[2] = 'two';
  o.a = 3;
  o[1] = 'one';
  o[Symbol('s')] = 'sym';
  Object.defineProperty(o, 'hidden', { value: 1, enumerable: false });
  const c = structuredClone(o);
  assert.strictEqual(Object.getPrototypeOf(c), Object.prototype);
  assert.deepStrictEqual(Reflect.ownKeys(c), ['1', '2', 'b', 'a']);
  for (const key of Reflect.ownKeys(c)) {
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(c, key),
                           { value: o[key], writable: true, enumerable: true, configurable: true });
  }
  const nullProto = Object.assign(Object.create(null), { x: 1 });
  assert.strictEqual(Object.getPrototypeOf(structuredClone(nullProto)), Object.prototype);
  class Point { #secret = 1; constructor() { this.x = 1; } get y() { return 2; } }
  const p = structuredClone(new Point());
  assert.strictEqual(Object.getPrototypeOf(p), Object.prototype);
  assert.deepStrictEqual(p, { x: 1 });
});

test('a __proto__ own key stays an own key', () => {
  const o = JSON.parse('{"__proto__": {"a": 1}, "b": 2}');
  const c = structuredClone(o);
  assert.deepStrictEqual(Object.getOwnPropertyNames(c), ['__proto__', 'b']);
  assert.strictEqual(Object.getPrototypeOf(c), Object.prototype);
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(c, '__proto__').value, { a: 1 });
});

test('getters are called once each, in key order; the copy has data properties', () => {
  const log = [];
  const o = {
    get a() { log.push('a'); return { n: 1 }; },
    b: 2,
    get c() { log.push('c'); return 3; },
  };
  const c = structuredClone(o);
  assert.deepStrictEqual(log, ['a', 'c']);
  assert.deepStrictEqual(c, { a: { n: 1 }, b: 2, c: 3 });
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(c, 'a'),
                         { value: { n: 1 }, writable: true, enumerable: true, configurable: true });
});

test('a property deleted by an earlier getter is skipped; one added is not visited', () => {
  const o = { get a() { delete this.b; this.z = 1; return 1; }, b: 2, c: 3 };
  assert.deepStrictEqual(structuredClone(o), { a: 1, c: 3 });
});

test('a throwing getter propagates its error', () => {
  const err = new RangeError('from getter');
  assert.throws(() => structuredClone({ get a() { throw err; } }), (e) => e === err);
});

test('cycles and shared references are preserved', () => {
  const o = { name: 'root' };
  o.self = o;
  o.list = [o, o];
  const shared = { s: 1 };
  o.x = shared;
  o.y = shared;
  const m = new Map();
  m.set(m, o);
  o.m = m;
  const c = structuredClone(o);
  assert.notStrictEqual(c, o);
  assert.strictEqual(c.self, c);
  assert.strictEqual(c.list[0], c);
  assert.strictEqual(c.list[1], c);
  assert.strictEqual(c.x, c.y);
  assert.strictEqual(c.m.get(c.m), c);
  const s = new Set();
  s.add(s);
  const cs = structuredClone(s);
  assert.ok(cs.has(cs));
});

test('errors: the prototype of a native error name, message, stack and cause', () => {
  for (const C of [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError]) {
    const e = new C('msg');
    const c = structuredClone(e);
    assert.notStrictEqual(c, e);
    assert.strictEqual(Object.getPrototypeOf(c), C.prototype, C.name);
    assert.strictEqual(c.message, 'msg');
    assert.ok(Object.hasOwn(c, 'message'));
    assert.strictEqual(c.stack, e.stack);
    assert.strictEqual(Object.getOwnPropertyDescriptor(c, 'message').enumerable, false);
    assert.strictEqual(Object.hasOwn(c, 'cause'), false);
  }
});

test('errors: other names and subclasses become Error, named ones become that type', () => {
  class MyError extends Error {}
  assert.strictEqual(Object.getPrototypeOf(structuredClone(new MyError('q'))), Error.prototype);
  assert.strictEqual(Object.getPrototypeOf(structuredClone(new AggregateError([1], 'm'))), Error.prototype);
  assert.strictEqual(structuredClone(new AggregateError([1], 'm')).errors, undefined);
  const renamed = new Error('a');
  renamed.name = 'RangeError';
  assert.strictEqual(Object.getPrototypeOf(structuredClone(renamed)), RangeError.prototype);
  const custom = Object.assign(new Error('a'), { name: 'Foo', extra: 1 });
  const cc = structuredClone(custom);
  assert.strictEqual(Object.getPrototypeOf(cc), Error.prototype);
  assert.strictEqual(cc.name, 'Error');
  assert.strictEqual(cc.extra, undefined);
  class Named extends Error { get name() { return 'SyntaxError'; } }
  assert.strictEqual(Object.getPrototypeOf(structuredClone(new Named('q'))), SyntaxError.prototype);
  const nameObject = new Error('x');
  nameObject.name = { toString() { return 'TypeError'; } };
  assert.strictEqual(Object.getPrototypeOf(structuredClone(nameObject)), TypeError.prototype);
  const symbolName = new Error('x');
  symbolName.name = Symbol('n');
  assert.throws(() => structuredClone(symbolName), TypeError);
  const noProto = new Error('m');
  Object.setPrototypeOf(noProto, null);
  assert.strictEqual(Object.getPrototypeOf(structuredClone(noProto)), Error.prototype);
  // Not an error: only the prototype looks like one.
  assert.deepStrictEqual(structuredClone(Object.create(Error.prototype)), {});
});

test('errors: message only from an own data property, converted to a string', () => {
  const none = new Error();
  assert.strictEqual(Object.hasOwn(structuredClone(none), 'message'), false);
  const num = new Error('m');
  num.message = 5;
  assert.strictEqual(structuredClone(num).message, '5');
  const getter = new Error('m');
  Object.defineProperty(getter, 'message', { get() { return 'g'; } });
  const cg = structuredClone(getter);
  assert.strictEqual(Object.hasOwn(cg, 'message'), false);
  assert.strictEqual(cg.message, '');
  const undef = new Error('m');
  Object.defineProperty(undef, 'message', { value: undefined });
  assert.strictEqual(structuredClone(undef).message, 'undefined');
});

test('errors: a string stack is kept, anything else is not', () => {
  const custom = new Error('x');
  custom.stack = 'custom stack';
  assert.strictEqual(structuredClone(custom).stack, 'custom stack');
  const getter = new Error('x');
  Object.defineProperty(getter, 'stack', { get() { return 'from getter'; } });
  assert.strictEqual(structuredClone(getter).stack, 'from getter');
  for (const stack of [5, undefined, { toString() { return 'st'; } }]) {
    const e = new Error('x');
    e.stack = stack;
    assert.strictEqual(structuredClone(e).stack, undefined);
  }
  const deleted = new Error('x');
  delete deleted.stack;
  assert.strictEqual(structuredClone(deleted).stack, undefined);
});

test('errors: cause is cloned when it is an own data property', () => {
  const e = new Error('m', { cause: { a: [1] } });
  const c = structuredClone(e);
  assert.deepStrictEqual(c.cause, { a: [1] });
  assert.notStrictEqual(c.cause, e.cause);
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(c, 'cause'),
                         { value: { a: [1] }, writable: true, enumerable: false, configurable: true });
  const u = structuredClone(new Error('m', { cause: undefined }));
  assert.ok(Object.hasOwn(u, 'cause'));
  const accessor = new Error('m');
  Object.defineProperty(accessor, 'cause', { get() { return 7; }, enumerable: true });
  assert.strictEqual(Object.hasOwn(structuredClone(accessor), 'cause'), false);
  const self = new Error('self');
  self.cause = self;
  const cs = structuredClone(self);
  assert.strictEqual(cs.cause, cs);
  const bad = new Error('m');
  bad.cause = function f() {};
  assert.throws(() => structuredClone(bad), cloneError('function f() {} could not be cloned.'));
});

test('functions cannot be cloned; the message shows their source', () => {
  function foo() {}
  assert.throws(() => structuredClone(foo), cloneError('function foo() {} could not be cloned.'));
  assert.throws(() => structuredClone(() => 1), cloneError('() => 1 could not be cloned.'));
  assert.throws(() => structuredClone(class A {}), cloneError('class A {} could not be cloned.'));
  assert.throws(() => structuredClone(async function q() {}), cloneError('async function q() {} could not be cloned.'));
  assert.throws(() => structuredClone([1, function bar() { return 1; }]),
                cloneError('function bar() { return 1; } could not be cloned.'));
  assert.throws(() => structuredClone({ method() {} }), cloneError('method() {} could not be cloned.'));
});

test('symbols cannot be cloned', () => {
  assert.throws(() => structuredClone(Symbol('x')), cloneError('Symbol(x) could not be cloned.'));
  assert.throws(() => structuredClone(Symbol()), cloneError('Symbol() could not be cloned.'));
  assert.throws(() => structuredClone({ a: Symbol.iterator }), cloneError('Symbol(Symbol.iterator) could not be cloned.'));
  assert.throws(() => structuredClone(new Map([[1, Symbol('z')]])), cloneError('Symbol(z) could not be cloned.'));
  assert.throws(() => structuredClone(Object(Symbol('q'))), cloneError('[object Symbol] could not be cloned.'));
});

test('weak collections, promises and other host-only objects cannot be cloned', () => {
  assert.throws(() => structuredClone(new WeakMap()), cloneError('#<WeakMap> could not be cloned.'));
  assert.throws(() => structuredClone(new WeakSet()), cloneError('#<WeakSet> could not be cloned.'));
  assert.throws(() => structuredClone(new WeakRef({})), cloneError('#<WeakRef> could not be cloned.'));
  assert.throws(() => structuredClone(new FinalizationRegistry(() => {})),
                cloneError('#<FinalizationRegistry> could not be cloned.'));
  assert.throws(() => structuredClone(Promise.resolve()), cloneError('#<Promise> could not be cloned.'));
  class MyWeakMap extends WeakMap {}
  assert.throws(() => structuredClone(new MyWeakMap()), cloneError('#<MyWeakMap> could not be cloned.'));
  assert.throws(() => structuredClone([].values()), cloneError('[object Array Iterator] could not be cloned.'));
  assert.throws(() => structuredClone(new Map().keys()), cloneError('[object Map Iterator] could not be cloned.'));
  assert.throws(() => structuredClone((function* () {})()), cloneError('[object Generator] could not be cloned.'));
  assert.throws(() => structuredClone((async function* () {})()), cloneError('[object AsyncGenerator] could not be cloned.'));
  assert.throws(() => structuredClone((function () { return arguments; })(1)), cloneError('#<Object> could not be cloned.'));
  assert.throws(() => structuredClone(globalThis), cloneError('#<Object> could not be cloned.'));
  const tagged = new WeakMap();
  Object.defineProperty(tagged, 'toString', { value: null });
  Object.defineProperty(tagged, Symbol.toStringTag, { value: 'ZZ' });
  assert.throws(() => structuredClone(tagged), cloneError('[object ZZ] could not be cloned.'));
});

test('proxies cannot be cloned', () => {
  assert.throws(() => structuredClone(new Proxy({}, {})), cloneError('#<Object> could not be cloned.'));
  assert.throws(() => structuredClone(new Proxy([], {})), cloneError('[object Array] could not be cloned.'));
  assert.throws(() => structuredClone(new Proxy(new Map(), {})), cloneError('#<Map> could not be cloned.'));
  assert.throws(() => structuredClone(new Proxy(function f() {}, {})), cloneError('function f() {} could not be cloned.'));
  assert.throws(() => structuredClone({ p: new Proxy({}, {}) }), cloneError());
  // No trap runs.
  const traps = [];
  const handler = {};
  for (const t of ['get', 'has', 'ownKeys', 'getPrototypeOf', 'getOwnPropertyDescriptor']) {
    handler[t] = (...args) => { traps.push(t); return Reflect[t](...args); };
  }
  assert.throws(() => structuredClone(new Proxy({ a: 1 }, handler)), cloneError());
  assert.deepStrictEqual(traps, []);
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.throws(() => structuredClone(proxy), cloneError('null could not be cloned.'));
});

test('objects that only look like built-ins are plain objects', () => {
  assert.deepStrictEqual(structuredClone(Object.create(Map.prototype)), {});
  assert.deepStrictEqual(structuredClone({ [Symbol.toStringTag]: 'Map', a: 1 }), { a: 1 });
  assert.deepStrictEqual(structuredClone(Math), {});
  assert.deepStrictEqual(structuredClone(JSON), {});
});

test('transfer: the buffer moves into the clone and the original is detached', () => {
  const b = new ArrayBuffer(4);
  const u = new Uint8Array(b);
  u[0] = 7;
  const c = structuredClone({ u, b }, { transfer: [b] });
  assert.strictEqual(b.detached, true);
  assert.strictEqual(b.byteLength, 0);
  assert.strictEqual(u.length, 0);
  assert.strictEqual(c.b.byteLength, 4);
  assert.strictEqual(c.u[0], 7);
  assert.strictEqual(c.u.buffer, c.b);
  const r = new ArrayBuffer(4, { maxByteLength: 8 });
  const rc = structuredClone(r, { transfer: [r] });
  assert.strictEqual(r.detached, true);
  assert.strictEqual(rc.resizable, true);
  assert.strictEqual(rc.maxByteLength, 8);
});

test('transfer: a buffer the value does not reach is detached too; any iterable works', () => {
  const b = new ArrayBuffer(4);
  assert.strictEqual(structuredClone(1, { transfer: [b] }), 1);
  assert.strictEqual(b.detached, true);
  const s = new ArrayBuffer(2);
  structuredClone(s, { transfer: new Set([s]) });
  assert.strictEqual(s.detached, true);
});

test('transfer: nothing is detached when cloning fails', () => {
  const b = new ArrayBuffer(4);
  assert.throws(() => structuredClone({ b, f() {} }, { transfer: [b] }), cloneError());
  assert.strictEqual(b.detached, false);
});

test('transfer list errors, checked item by item before the value', () => {
  const b = new ArrayBuffer(1);
  assert.throws(() => structuredClone(1, { transfer: [b, b] }), cloneError('Transfer list contains duplicate ArrayBuffer'));
  assert.throws(() => structuredClone(1, { transfer: [{}] }), cloneError('Found invalid value in transferList.'));
  assert.throws(() => structuredClone(1, { transfer: [new Uint8Array(1)] }), cloneError('Found invalid value in transferList.'));
  assert.throws(() => structuredClone(1, { transfer: [() => {}] }), cloneError('Found invalid value in transferList.'));
  const d = new ArrayBuffer(1);
  d.transfer();
  assert.throws(() => structuredClone(1, { transfer: [d] }), cloneError('Cannot transfer object of unsupported type.'));
  const c = new ArrayBuffer(1);
  assert.throws(() => structuredClone(1, { transfer: [c, {}, c] }), cloneError('Found invalid value in transferList.'));
  assert.throws(() => structuredClone(1, { transfer: [c, c, d] }), cloneError('Transfer list contains duplicate ArrayBuffer'));
  assert.strictEqual(c.detached, false);
  assert.throws(() => structuredClone(() => {}, { transfer: [{}] }), cloneError('Found invalid value in transferList.'));
  const e = new ArrayBuffer(1);
  assert.throws(() => structuredClone(1, { transfer: [e, {}] }), cloneError());
  assert.strictEqual(e.detached, false);
});

test('options: undefined and null are no options; others must be objects with an iterable transfer', () => {
  assert.strictEqual(structuredClone(1, undefined), 1);
  assert.strictEqual(structuredClone(1, null), 1);
  assert.strictEqual(structuredClone(1, {}), 1);
  assert.strictEqual(structuredClone(1, { transfer: undefined }), 1);
  assert.strictEqual(structuredClone(1, () => {}), 1);
  assert.throws(() => structuredClone(1, 5), optionsError('Options cannot be converted to a dictionary'));
  assert.throws(() => structuredClone(1, 'x'), optionsError('Options cannot be converted to a dictionary'));
  for (const transfer of [5, 'ab', null, false, {}, { length: 1, 0: new ArrayBuffer(1) }, function () {},
    { [Symbol.iterator]: 5 }, { [Symbol.iterator]() { return 5; } },
    { [Symbol.iterator]() { return { next: 5 }; } }, { [Symbol.iterator]() { return { next() { return 5; } }; } }]) {
    assert.throws(() => structuredClone(1, { transfer }),
                  optionsError('transfer in Options cannot be converted to sequence.'));
  }
  assert.throws(() => structuredClone(1, { transfer: [null] }), optionsError('transfer in Options[0] is not an object.'));
  assert.throws(() => structuredClone(1, { transfer: [{}, 5] }), optionsError('transfer in Options[1] is not an object.'));
  const err = new RangeError('it');
  assert.throws(() => structuredClone(1, { transfer: { [Symbol.iterator]() { throw err; } } }), (e) => e === err);
  assert.throws(() => structuredClone(1, { get transfer() { throw err; } }), (e) => e === err);
});

test('options are read before the value, and the iterator protocol is followed', () => {
  const order = [];
  structuredClone({ get x() { order.push('value'); return 1; } },
                  { get transfer() { order.push('transfer'); return []; }, get other() { order.push('other'); } });
  assert.deepStrictEqual(order, ['transfer', 'value']);
  let nextReads = 0;
  const log = [];
  let i = 0;
  const iterator = {
    get next() {
      nextReads++;
      return () => {
        i++;
        return {
          get done() { log.push('done'); return i > 1; },
          get value() { log.push('value'); return new ArrayBuffer(1); },
        };
      };
    },
  };
  structuredClone(1, { transfer: { [Symbol.iterator]() { return iterator; } } });
  assert.strictEqual(nextReads, 1);
  assert.deepStrictEqual(log, ['done', 'value', 'done']);
  let count = 0;
  structuredClone(1, { transfer: { [Symbol.iterator]() {
    return { next() { count++; return count > 1 ? { done: 1 } : { value: new ArrayBuffer(1), done: false }; } };
  } } });
  assert.strictEqual(count, 2);
});

test('DataCloneError is a DOMException thrown from structuredClone', () => {
  try {
    structuredClone(() => {});
    assert.fail('no error');
  } catch (e) {
    assert.ok(e instanceof DOMException);
    assert.ok(e instanceof Error);
    assert.strictEqual(e.code, DOMException.DATA_CLONE_ERR);
    assert.strictEqual(Object.prototype.toString.call(e), '[object DOMException]');
  }
});

// Values whose clone is deep-equal to them: no functions, symbols, weak collections or
// null-prototype objects (the clone's prototype is Object.prototype).
const cloneable = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
                  tie('leaf'), tie('array'), tie('object'), tie('map'), tie('set'), tie('typed')),
  leaf: fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.double(), fc.integer(),
                 fc.string(), fc.bigInt(), fc.date({ noInvalidDate: false }),
                 fc.constantFrom(-0, NaN, Infinity).map((n) => n),
                 fc.string().map((s) => new RegExp(s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'g')),
                 fc.integer().map((n) => Object(n)), fc.string().map((s) => Object(s)),
                 fc.boolean().map((b) => Object(b))),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.string(), tie('value'), { maxKeys: 5, noNullPrototype: true }),
  map: fc.array(fc.tuple(tie('leaf'), tie('value')), { maxLength: 4 }).map((e) => new Map(e)),
  set: fc.array(tie('leaf'), { maxLength: 4 }).map((e) => new Set(e)),
  typed: fc.oneof(fc.uint8Array({ maxLength: 8 }), fc.int32Array({ maxLength: 8 }),
                  fc.float64Array({ maxLength: 8 }), fc.bigInt64Array({ maxLength: 4 })),
})).value;

test('property: the clone of a generated value is deep-equal to it', () => {
  fc.assert(fc.property(cloneable, (v) => {
    const c = structuredClone(v);
    assert.deepStrictEqual(c, v);
    if (v !== null && typeof v === 'object') assert.notStrictEqual(c, v);
  }), { seed: 20240611, numRuns: 400 });
});

test('property: fc.anything (without null prototypes) clones deep-equal', () => {
  const anything = fc.anything({
    withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true,
    withSparseArray: true, withTypedArray: true, withNullPrototype: false, withObjectString: false,
    maxDepth: 3,
  });
  fc.assert(fc.property(anything, (v) => {
    assert.deepStrictEqual(structuredClone(v), v);
  }), { seed: 77, numRuns: 400 });
});

test('property: shared references and cycles keep their shape', () => {
  fc.assert(fc.property(fc.array(fc.nat(4), { minLength: 1, maxLength: 12 }), (links) => {
    const nodes = links.map((_, i) => ({ id: i }));
    links.forEach((target, i) => { nodes[i].next = nodes[target % nodes.length]; });
    const copy = structuredClone(nodes);
    copy.forEach((node, i) => {
      assert.strictEqual(node.id, i);
      assert.strictEqual(node.next, copy[links[i] % nodes.length]);
    });
  }), { seed: 5, numRuns: 200 });
});
