'use strict';
// util.inspect on the values its fast paths take or must decline (lib/internal/util/inspect.js with
// the object kinds of src/engine/kind.c): arrays read without property descriptors (dense, with holes,
// extra keys, accessors, frozen, changed by a custom inspect while being formatted), proxies, plain
// and class objects, boxed primitives, quoting. Each value is inspected with the defaults and with
// { breakLength: 40, compact: 1 }; the expected strings are what Node 24 prints.
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');

const customSym = Symbol.for('nodejs.util.inspect.custom');
const cases = {
  'dense array of primitives': () => [1, 'two', 3.5, null, undefined, true, 10n],
  'array with a named and a symbol key': () => Object.assign([1, 2], { x: 'y', [Symbol('s')]: 3 }),
  'array with a hidden named key': () => Object.defineProperty([1, 2], 'hidden', { value: 1, enumerable: false }),
  'array with a key past the index range': () => Object.assign([1], { 4294967295: 'big', 4294967294: 'idx' }),
  'array with holes and an extra key': () => Object.assign([1, , 3, , , 6, ,], { extra: true }),
  'array with only holes': () => new Array(5),
  'array with an index getter': () => Object.defineProperty([1, 2, 3], 1, { get() { return 'g'; }, enumerable: true }),
  'array with an index setter only': () => Object.defineProperty([1, 2, 3], 2, { set(v) {}, enumerable: true }),
  'frozen array': () => Object.freeze([1, 'a', { b: 2 }]),
  'array with an own Symbol.iterator': () => Object.assign([1, 2], { [Symbol.iterator]: 1 }),
  'array shrunk by a custom inspect': () => { const a = [0, 1, 2, 3]; a[1] = { [customSym]() { a.length = 2; return 'M'; } }; return a; },
  'array given a getter by a custom inspect': () => { const a = [0, 1, 2, 3]; a[1] = { [customSym]() { Object.defineProperty(a, 3, { get() { return 'got'; }, enumerable: true }); return 'M'; } }; return a; },
  'array with a hole filled from Array.prototype': () => { Array.prototype[1] = 'proto'; try { return util.inspect([0, , 2]); } finally { delete Array.prototype[1]; } },
  'array given a getter by its Symbol.toStringTag getter': () => { const a = [1, 2, 3]; Object.defineProperty(a, Symbol.toStringTag, { get() { Object.defineProperty(a, 1, { get() { throw new Error('getter ran'); }, enumerable: true }); return 'T'; } }); return a; },
  'array subclass': () => { class A extends Array {} return A.from([1, 2]); },
  'long array grouped in columns': () => Array.from({ length: 30 }, (_, i) => i * 7),
  'array over maxArrayLength': () => Array.from({ length: 120 }, (_, i) => i),
  'nested arrays': () => [[1, [2, [3, [4]]]], []],
  'circular array': () => { const a = [1]; a.push(a); return a; },
  'proxy of an array': () => new Proxy([1, 2], {}),
  'proxy of an object': () => new Proxy({ a: 1 }, { get() { throw new Error('trap'); } }),
  'revoked proxy': () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; },
  'class instance': () => { class P { constructor() { this.x = 1; } } return new P(); },
  'class instance with a getter on the prototype': () => { class P { constructor() { this.x = 1; } get y() { return 2; } } return new P(); },
  'object with own getter and setter': () => ({ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} }),
  'null-prototype object': () => Object.assign(Object.create(null), { a: 1 }),
  'object inheriting from Map.prototype': () => Object.create(Map.prototype),
  'object inheriting from Error.prototype': () => Object.create(Error.prototype),
  'boxed symbol and bigint': () => [Object(Symbol('s')), Object(5n), new Number(1), new String('ab'), new Boolean(false)],
  'arguments object': () => (function () { return arguments; })(1, 'a'),
  'map and set': () => [new Map([[1, { a: [] }]]), new Set(['x', [1]])],
  'typed arrays': () => [new Uint8Array([1, 2, 3]), new Float64Array(2)],
  'string with quotes and escapes': () => ["it's", 'say "hi"', "it's \"x\"", 'a\nb\t\\', '\x00\x7f\x9f', 'x\ud800y'],
  'long string split on newlines': () => ({ s: 'line one is here\n'.repeat(6) }),
  'object with undefined, null and own __proto__ values': () => { const o = { a: undefined, b: null, c: 0, d: '' }; Object.defineProperty(o, '__proto__', { value: 1, enumerable: true }); return o; },
  'object whose key is turned into a getter while formatting': () => { const o = { a: null, b: 2 }; o.a = { [customSym]() { Object.defineProperty(o, 'b', { get() { return 'g'; }, enumerable: true }); return 'M'; } }; return o; },
  'object with symbol keys and non-identifier keys': () => ({ [Symbol('s')]: 1, [Symbol()]: 2, 'a-b': 3, "it's": 4, 1: 5, 'x\ny': 6 }),
  'object with a hidden symbol key': () => Object.defineProperty({ a: 1 }, Symbol('h'), { value: 2, enumerable: false }),
};

// [default options, { breakLength: 40, compact: 1 }]
const expected = {
  "array given a getter by its Symbol.toStringTag getter": [
    "Array(3) [T] [ 1, [Getter], 3 ]",
    "Array(3) [T] [ 1, [Getter], 3 ]"
  ],
  "dense array of primitives": [
    "[ 1, 'two', 3.5, null, undefined, true, 10n ]",
    "[\n  1,\n  'two',\n  3.5,\n  null,\n  undefined,\n  true,\n  10n\n]"
  ],
  "array with a named and a symbol key": [
    "[ 1, 2, x: 'y', Symbol(s): 3 ]",
    "[ 1, 2, x: 'y', Symbol(s): 3 ]"
  ],
  "array with a hidden named key": [
    "[ 1, 2 ]",
    "[ 1, 2 ]"
  ],
  "array with a key past the index range": [
    "[ 1, <4294967293 empty items>, 'idx', '4294967295': 'big' ]",
    "[\n  1,\n  <4294967293 empty items>,\n  'idx',\n  '4294967295': 'big'\n]"
  ],
  "array with holes and an extra key": [
    "[\n  1,\n  <1 empty item>,\n  3,\n  <2 empty items>,\n  6,\n  <1 empty item>,\n  extra: true\n]",
    "[\n  1,\n  <1 empty item>,\n  3,\n  <2 empty items>,\n  6,\n  <1 empty item>,\n  extra: true\n]"
  ],
  "array with only holes": [
    "[ <5 empty items> ]",
    "[ <5 empty items> ]"
  ],
  "array with an index getter": [
    "[ 1, [Getter], 3 ]",
    "[ 1, [Getter], 3 ]"
  ],
  "array with an index setter only": [
    "[ 1, 2, [Setter] ]",
    "[ 1, 2, [Setter] ]"
  ],
  "frozen array": [
    "[ 1, 'a', { b: 2 } ]",
    "[\n  1,\n  'a',\n  { b: 2 }\n]"
  ],
  "array with an own Symbol.iterator": [
    "[ 1, 2, Symbol(Symbol.iterator): 1 ]",
    "[\n  1,\n  2,\n  Symbol(Symbol.iterator): 1\n]"
  ],
  "array shrunk by a custom inspect": [
    "[ 0, M ]",
    "[ 0, M ]"
  ],
  "array given a getter by a custom inspect": [
    "[ 0, M, 2, [Getter] ]",
    "[ 0, M, 2, [Getter] ]"
  ],
  "array with a hole filled from Array.prototype": [
    "[ 0, <1 empty item>, 2 ]",
    "[ 0, <1 empty item>, 2 ]"
  ],
  "array subclass": [
    "A(2) [ 1, 2 ]",
    "A(2) [ 1, 2 ]"
  ],
  "long array grouped in columns": [
    "[\n    0,   7,  14,  21,  28,  35,  42,  49,\n   56,  63,  70,  77,  84,  91,  98, 105,\n  112, 119, 126, 133, 140, 147, 154, 161,\n  168, 175, 182, 189, 196, 203\n]",
    "[\n    0,   7,  14,  21,\n   28,  35,  42,  49,\n   56,  63,  70,  77,\n   84,  91,  98, 105,\n  112, 119, 126, 133,\n  140, 147, 154, 161,\n  168, 175, 182, 189,\n  196, 203\n]"
  ],
  "array over maxArrayLength": [
    "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 20 more items\n]",
    "[\n   0,  1,  2,  3,\n   4,  5,  6,  7,\n   8,  9, 10, 11,\n  12, 13, 14, 15,\n  16, 17, 18, 19,\n  20, 21, 22, 23,\n  24, 25, 26, 27,\n  28, 29, 30, 31,\n  32, 33, 34, 35,\n  36, 37, 38, 39,\n  40, 41, 42, 43,\n  44, 45, 46, 47,\n  48, 49, 50, 51,\n  52, 53, 54, 55,\n  56, 57, 58, 59,\n  60, 61, 62, 63,\n  64, 65, 66, 67,\n  68, 69, 70, 71,\n  72, 73, 74, 75,\n  76, 77, 78, 79,\n  80, 81, 82, 83,\n  84, 85, 86, 87,\n  88, 89, 90, 91,\n  92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 20 more items\n]"
  ],
  "nested arrays": [
    "[ [ 1, [ 2, [Array] ] ], [] ]",
    "[\n  [\n    1,\n    [ 2, [Array] ]\n  ],\n  []\n]"
  ],
  "circular array": [
    "<ref *1> [ 1, [Circular *1] ]",
    "<ref *1> [ 1, [Circular *1] ]"
  ],
  "proxy of an array": [
    "[ 1, 2 ]",
    "[ 1, 2 ]"
  ],
  "proxy of an object": [
    "{ a: 1 }",
    "{ a: 1 }"
  ],
  "revoked proxy": [
    "<Revoked Proxy>",
    "<Revoked Proxy>"
  ],
  "class instance": [
    "P { x: 1 }",
    "P { x: 1 }"
  ],
  "class instance with a getter on the prototype": [
    "P { x: 1 }",
    "P { x: 1 }"
  ],
  "object with own getter and setter": [
    "{ a: [Getter], b: [Setter], c: [Getter/Setter] }",
    "{\n  a: [Getter],\n  b: [Setter],\n  c: [Getter/Setter]\n}"
  ],
  "null-prototype object": [
    "[Object: null prototype] { a: 1 }",
    "[Object: null prototype] {\n  a: 1\n}"
  ],
  "object inheriting from Map.prototype": [
    "Map {}",
    "Map {}"
  ],
  "object inheriting from Error.prototype": [
    "[Error]",
    "[Error]"
  ],
  "boxed symbol and bigint": [
    "[\n  [Symbol: Symbol(s)],\n  [BigInt: 5n],\n  [Number: 1],\n  [String: 'ab'],\n  [Boolean: false]\n]",
    "[\n  [Symbol: Symbol(s)],\n  [BigInt: 5n],\n  [Number: 1],\n  [String: 'ab'],\n  [Boolean: false]\n]"
  ],
  "arguments object": [
    "[Arguments] { '0': 1, '1': 'a' }",
    "[Arguments] {\n  '0': 1,\n  '1': 'a'\n}"
  ],
  "map and set": [
    "[ Map(1) { 1 => { a: [] } }, Set(2) { 'x', [ 1 ] } ]",
    "[\n  Map(1) {\n    1 => { a: [] }\n  },\n  Set(2) {\n    'x',\n    [ 1 ]\n  }\n]"
  ],
  "typed arrays": [
    "[ Uint8Array(3) [ 1, 2, 3 ], Float64Array(2) [ 0, 0 ] ]",
    "[\n  Uint8Array(3) [ 1, 2, 3 ],\n  Float64Array(2) [ 0, 0 ]\n]"
  ],
  "string with quotes and escapes": [
    "[\n  \"it's\",\n  'say \"hi\"',\n  `it's \"x\"`,\n  'a\\nb\\t\\\\',\n  '\\x00\\x7F\\x9F',\n  'x\\ud800y'\n]",
    "[\n  \"it's\",\n  'say \"hi\"',\n  `it's \"x\"`,\n  'a\\nb\\t\\\\',\n  '\\x00\\x7F\\x9F',\n  'x\\ud800y'\n]"
  ],
  "long string split on newlines": [
    "{\n  s: 'line one is here\\n' +\n    'line one is here\\n' +\n    'line one is here\\n' +\n    'line one is here\\n' +\n    'line one is here\\n' +\n    'line one is here\\n'\n}",
    "{\n  s: 'line one is here\\n' +\n    'line one is here\\n' +\n    'line one is here\\n' +\n    'line one is here\\n' +\n    'line one is here\\n' +\n    'line one is here\\n'\n}"
  ],
  "object with undefined, null and own __proto__ values": [
    "{ a: undefined, b: null, c: 0, d: '', ['__proto__']: 1 }",
    "{\n  a: undefined,\n  b: null,\n  c: 0,\n  d: '',\n  ['__proto__']: 1\n}"
  ],
  "object whose key is turned into a getter while formatting": [
    "{ a: M, b: [Getter] }",
    "{ a: M, b: [Getter] }"
  ],
  "object with symbol keys and non-identifier keys": [
    "{ '1': 5, 'a-b': 3, \"it's\": 4, 'x\\ny': 6, Symbol(s): 1, Symbol(): 2 }",
    "{\n  '1': 5,\n  'a-b': 3,\n  \"it's\": 4,\n  'x\\ny': 6,\n  Symbol(s): 1,\n  Symbol(): 2\n}"
  ],
  "object with a hidden symbol key": [
    "{ a: 1 }",
    "{ a: 1 }"
  ]
};

for (const [name, make] of Object.entries(cases)) {
  test(name, () => {
    const v = make();
    // A case that must inspect inside a temporary global change returns the string itself.
    const actual = typeof v === 'string' ? [v, v] : [util.inspect(v), util.inspect(make(), { breakLength: 40, compact: 1 })];
    assert.deepStrictEqual(actual, expected[name]);
  });
}

test('util.format placeholders next to literal percent signs', () => {
  const o = { a: [1, 2] };
  assert.strictEqual(util.format('%s%', 'x'), 'x%');
  assert.strictEqual(util.format('100%', 1), '100% 1');
  assert.strictEqual(util.format('%%%s', 'x'), '%x');
  assert.strictEqual(util.format('%', 1), '% 1');
  assert.strictEqual(util.format('%x %s', 1), '%x 1');
  assert.strictEqual(util.format('a%%b%dc', 7), 'a%b7c');
  assert.strictEqual(util.format('%s:%s%%', 1, o), '1:{ a: [Array] }%');
  assert.strictEqual(util.format('%s is %d years, %i%% done: %j', 'u', 3, 4.5, o), 'u is 3 years, 4% done: {"a":[1,2]}');
  assert.strictEqual(util.format('%s %s', 'only'), 'only %s');
  assert.strictEqual(util.format('no placeholder', 'x', 2), 'no placeholder x 2');
});
