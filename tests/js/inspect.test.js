'use strict';
// util.inspect and util.format. Every expected string is what Node 24 prints; the file passes under
// real Node. Error stacks are set explicitly where the exact text matters, since engines place frames
// differently.
const test = require('node:test');
const assert = require('node:assert');
const util = require('util');

const customSym = Symbol.for('nodejs.util.inspect.custom');
// dx cannot see inside iterators or weak collections, nor a proxy's handler (docs/inspect.md).
const onDx = typeof process.versions.dx === 'string';
// JSC builds without cross-origin isolation have no SharedArrayBuffer.
const hasSAB = typeof SharedArrayBuffer === 'function';

function fakeStack(err, stack) {
  err.stack = stack;
  return err;
}

// `opts` is an options object, undefined, or a function doing the call itself.
function check(value, opts, expected) {
  const actual = typeof opts === 'function' ? opts(value) :
    opts === undefined ? util.inspect(value) : util.inspect(value, opts);
  assert.strictEqual(actual, expected);
}
// Node adds async-hook ids to promises made while its test runner tracks them; they are not part of
// what is tested.
function bare(promise) {
  for (const sym of Object.getOwnPropertySymbols(promise)) {
    if (sym.description === 'async_id_symbol' || sym.description === 'trigger_async_id_symbol') delete promise[sym];
  }
  return promise;
}


// primitives
test("primitives: strings use single quotes", () => {
  check('abc',
        undefined,
        "'abc'");
});
test("primitives: a string with a single quote uses double quotes", () => {
  check("it's",
        undefined,
        "\"it's\"");
});
test("primitives: a string with both quotes uses backticks", () => {
  check(`it's "q"`,
        undefined,
        "`it's \"q\"`");
});
test("primitives: a string with all three quote kinds escapes single quotes", () => {
  check(`it's "q" \`b\``,
        undefined,
        "'it\\'s \"q\" `b`'");
});
test("primitives: a string with ${ and quotes escapes single quotes", () => {
  check("it's \"q\" ${b}",
        undefined,
        "'it\\'s \"q\" ${b}'");
});
test("primitives: control characters are escaped", () => {
  check('\x00\x01\b\t\n\x0b\f\r\x0e\x1b\x7f\x80\x9f',
        undefined,
        "'\\x00\\x01\\b\\t\\n\\x0B\\f\\r\\x0E\\x1B\\x7F\\x80\\x9F'");
});
test("primitives: backslashes are escaped", () => {
  check('a\\b',
        undefined,
        "'a\\\\b'");
});
test("primitives: lone surrogates are escaped, pairs are kept", () => {
  check('\ud800x\udc00 \ud83d\ude00',
        undefined,
        "'\\ud800x\\udc00 😀'");
});
test("primitives: the empty string", () => {
  check('',
        undefined,
        "''");
});
test("primitives: long strings with newlines are split into concatenated lines", () => {
  check('aaaa\nbbbb'.repeat(10),
        undefined,
        "'aaaa\\n' +\n  'bbbbaaaa\\n' +\n  'bbbbaaaa\\n' +\n  'bbbbaaaa\\n' +\n  'bbbbaaaa\\n' +\n  'bbbbaaaa\\n' +\n  'bbbbaaaa\\n' +\n  'bbbbaaaa\\n' +\n  'bbbbaaaa\\n' +\n  'bbbbaaaa\\n' +\n  'bbbb'");
});
test("primitives: long strings inside arrays are split with deeper indentation", () => {
  check(['aaaa\nbbbb'.repeat(10)],
        undefined,
        "[\n  'aaaa\\n' +\n    'bbbbaaaa\\n' +\n    'bbbbaaaa\\n' +\n    'bbbbaaaa\\n' +\n    'bbbbaaaa\\n' +\n    'bbbbaaaa\\n' +\n    'bbbbaaaa\\n' +\n    'bbbbaaaa\\n' +\n    'bbbbaaaa\\n' +\n    'bbbbaaaa\\n' +\n    'bbbb'\n]");
});
test("primitives: numbers", () => {
  check([1, -1.5, 1e21, 1e-7, NaN, Infinity, -Infinity],
        undefined,
        "[ 1, -1.5, 1e+21, 1e-7, NaN, Infinity, -Infinity ]");
});
test("primitives: negative zero", () => {
  check(-0,
        undefined,
        "-0");
});
test("primitives: negative zero in arrays", () => {
  check([-0, 0],
        undefined,
        "[ -0, 0 ]");
});
test("primitives: bigint", () => {
  check(123n,
        undefined,
        "123n");
});
test("primitives: booleans, null and undefined", () => {
  check([true, false, null, undefined],
        undefined,
        "[ true, false, null, undefined ]");
});
test("primitives: symbols", () => {
  check([Symbol('a'), Symbol(), Symbol.iterator, Symbol.for('x')],
        undefined,
        "[ Symbol(a), Symbol(), Symbol(Symbol.iterator), Symbol(x) ]");
});
test("primitives: symbol descriptions are not escaped at top level", () => {
  check(Symbol('a\nb'),
        undefined,
        "Symbol(a\nb)");
});

// options
test("options: maxStringLength truncates strings", () => {
  check('x'.repeat(30),
        {maxStringLength: 10},
        "'xxxxxxxxxx'... 20 more characters");
});
test("options: maxStringLength with one character over", () => {
  check('x'.repeat(11),
        {maxStringLength: 10},
        "'xxxxxxxxxx'... 1 more character");
});
test("options: maxStringLength null means no limit", () => {
  check('x'.repeat(20),
        {maxStringLength: null},
        "'xxxxxxxxxxxxxxxxxxxx'");
});
test("options: numericSeparator groups digits of integers and fractions", () => {
  check([1234567.891234, -1234.5678, 0.1234567, 123, -0.5],
        {numericSeparator: true},
        "[ 1_234_567.891_234, -1_234.567_8, 0.123_456_7, 123, -0.5 ]");
});
test("options: numericSeparator leaves exponent notation and NaN alone", () => {
  check([1e21, 1.5e-7, NaN, -0],
        {numericSeparator: true},
        "[ 1e+21, 1.5e-7, NaN, -0 ]");
});
test("options: numericSeparator on bigint", () => {
  check([12345678n, -1234n],
        {numericSeparator: true},
        "[ 12_345_678n, -1_234n ]");
});
test("options: depth 0 shows nested objects as [Object]", () => {
  check({a: {b: 1}, c: [1], d: new Map([[1, 2]])},
        {depth: 0},
        "{ a: [Object], c: [Array], d: [Map] }");
});
test("options: empty nested objects are shown even beyond depth", () => {
  check({a: {}, b: []},
        {depth: 0},
        "{ a: {}, b: [] }");
});
test("options: default depth is 2", () => {
  check({a: {b: {c: {d: 1}}}},
        undefined,
        "{ a: { b: { c: [Object] } } }");
});
test("options: nested arrays beyond depth", () => {
  check([[[[1]]]],
        undefined,
        "[ [ [ [Array] ] ] ]");
});
test("options: depth Infinity", () => {
  check({a: {b: {c: {d: {e: 1}}}}},
        {depth: Infinity},
        "{\n  a: {\n    b: { c: { d: { e: 1 } } }\n  }\n}");
});
test("options: depth null", () => {
  check({a: {b: {c: {d: {e: 1}}}}},
        {depth: null},
        "{\n  a: {\n    b: { c: { d: { e: 1 } } }\n  }\n}");
});
test("options: depth -1 at the top", () => {
  check([{}],
        {depth: -1},
        "[Array]");
});
test("options: map keys beyond depth", () => {
  check(new Map([[{a: 1}, 1]]),
        {depth: 0},
        "Map(1) { [Object] => 1 }");
});
test("options: compact false puts every entry on its own line", () => {
  check({a: 1, b: 'x', c: [1, 2]},
        {compact: false},
        "{\n  a: 1,\n  b: 'x',\n  c: [\n    1,\n    2\n  ]\n}");
});
test("options: compact 1", () => {
  check({a: [1, 2, 3], b: {c: 1}},
        {compact: 1},
        "{\n  a: [ 1, 2, 3 ],\n  b: { c: 1 }\n}");
});
test("options: compact 0", () => {
  check({a: 1, b: {c: {d: 1}}},
        {compact: 0},
        "{\n  a: 1,\n  b: {\n    c: {\n      d: 1\n    }\n  }\n}");
});
test("options: compact true keeps the old layout", () => {
  check({a: 'x'.repeat(100)},
        {compact: true},
        "{ a:\n   'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }");
});
test("options: compact true breaks a nested long value", () => {
  check({a: {b: 'x'.repeat(100)}},
        {compact: true, breakLength: 40},
        "{ a:\n   { b:\n      'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' } }");
});
test("options: compact true with a set of long strings", () => {
  check(new Set(['x'.repeat(50), 'y'.repeat(50)]),
        {compact: true},
        "Set(2) {\n  'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',\n  'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy' }");
});
test("options: compact true with a circular reference", () => {
  check((() => { const o = {a: 1}; o.o = o; return o; })(),
        {compact: true},
        "<ref *1> { a: 1, o: [Circular *1] }");
});
test("options: breakLength 5", () => {
  check({a: 1, b: 2},
        {breakLength: 5},
        "{\n  a: 1,\n  b: 2\n}");
});
test("options: breakLength Infinity keeps one line", () => {
  check({a: 1, b: 2, c: 'x'.repeat(100)},
        {breakLength: Infinity},
        "{ a: 1, b: 2, c: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }");
});
test("options: sorted sorts object keys at every level", () => {
  check({b: 1, a: 2, c: {z: 1, y: 2}},
        {sorted: true},
        "{ a: 2, b: 1, c: { y: 2, z: 1 } }");
});
test("options: sorted sorts map entries", () => {
  check(new Map([['b', 1], ['a', 2]]),
        {sorted: true},
        "Map(2) { 'a' => 2, 'b' => 1 }");
});
test("options: sorted keeps array order but sorts extra keys", () => {
  check(Object.assign([3, 1], {z: 1, b: 2}),
        {sorted: true},
        "[ 3, 1, b: 2, z: 1 ]");
});
test("options: sorted with a comparator", () => {
  check({b: 1, a: 2, c: 3},
        {sorted: (a, b) => (a < b ? 1 : -1)},
        "{ c: 3, b: 1, a: 2 }");
});
test("options: maxArrayLength limits arrays", () => {
  check([1, 2, 3],
        {maxArrayLength: 1},
        "[ 1, ... 2 more items ]");
});
test("options: maxArrayLength 0", () => {
  check(Array(200).fill(0),
        {maxArrayLength: 0},
        "[ ... 200 more items ]");
});
test("options: maxArrayLength limits sets and maps", () => {
  check([new Set([1, 2, 3, 4]), new Map([[1, 2], [3, 4]])],
        {maxArrayLength: 1},
        "[ Set(4) { 1, ... 3 more items }, ... 1 more item ]");
});
test("options: maxArrayLength limits typed arrays and array buffers", () => {
  check([new Uint8Array(3), new ArrayBuffer(3)],
        {maxArrayLength: 1},
        "[ Uint8Array(3) [ 0, ... 2 more items ], ... 1 more item ]");
});
test("options: showHidden shows non-enumerable properties", () => {
  check(Object.defineProperties({}, {hid: {value: 1}, 'a-b': {value: 2}, [Symbol('s')]: {value: 3}}),
        {showHidden: true},
        "{ [hid]: 1, ['a-b']: 2, [Symbol(s)]: 3 }");
});
test("options: showHidden shows array length", () => {
  check([1, 2, 3],
        {showHidden: true},
        "[ 1, 2, 3, [length]: 3 ]");
});
test("options: showHidden on typed arrays", () => {
  check(new Uint8Array(2),
        {showHidden: true},
        "Uint8Array(2) [\n  0,\n  0,\n  [BYTES_PER_ELEMENT]: 1,\n  [length]: 2,\n  [byteLength]: 2,\n  [byteOffset]: 0,\n  [buffer]: ArrayBuffer { [byteLength]: 2 }\n]");
});
test("options: showHidden on boxed strings", () => {
  check(new String('ab'),
        {showHidden: true},
        "[String: 'ab'] { [length]: 2 }");
});
test("options: showHidden shows user prototype properties", () => {
  check((() => { class Q { constructor() { this.a = 1; } get g() { return 1; } } class Q2 extends Q {} Q.prototype.z = 5; return new Q2(); })(),
        {showHidden: true},
        "Q2 { a: 1, [g]: [Getter], z: 5 }");
});
test("options: legacy arguments: showHidden, depth, colors", () => {
  check({a: {b: {c: {}}}},
        (v) => util.inspect(v, false, 0, false),
        "{ a: [Object] }");
});

// collections
test("collections: arrays", () => {
  check([1, 'a', {b: 1}],
        undefined,
        "[ 1, 'a', { b: 1 } ]");
});
test("collections: empty array", () => {
  check([],
        undefined,
        "[]");
});
test("collections: holes", () => {
  check([1, , 3],
        undefined,
        "[ 1, <1 empty item>, 3 ]");
});
test("collections: only holes", () => {
  check([, ,],
        undefined,
        "[ <2 empty items> ]");
});
test("collections: an empty array with length", () => {
  check(new Array(5),
        undefined,
        "[ <5 empty items> ]");
});
test("collections: holes in long arrays", () => {
  check(Object.assign(new Array(30), {3: 1, 10: 2}),
        undefined,
        "[ <3 empty items>, 1, <6 empty items>, 2, <19 empty items> ]");
});
test("collections: holes and maxArrayLength", () => {
  check(Object.assign(new Array(30), {3: 1, 10: 2}),
        {maxArrayLength: 2},
        "[ <3 empty items>, 1, ... 26 more items ]");
});
test("collections: extra keys on arrays", () => {
  check(Object.assign([1, 2], {x: 1, '-1': 2}),
        undefined,
        "[ 1, 2, x: 1, '-1': 2 ]");
});
test("collections: more than 100 items", () => {
  check(Array.from({length: 101}, (_, k) => k),
        undefined,
        "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 1 more item\n]");
});
test("collections: numbers are grouped in right-aligned columns", () => {
  check(Array.from({length: 26}, (_, k) => k * 7),
        undefined,
        "[\n    0,   7,  14,  21,  28,  35,  42,\n   49,  56,  63,  70,  77,  84,  91,\n   98, 105, 112, 119, 126, 133, 140,\n  147, 154, 161, 168, 175\n]");
});
test("collections: strings are grouped in left-aligned columns", () => {
  check(Array.from({length: 26}, (_, k) => String.fromCharCode(97 + k).repeat(k % 5 + 1)),
        undefined,
        "[\n  'a',     'bb',    'ccc',   'dddd',\n  'eeeee', 'f',     'gg',    'hhh',\n  'iiii',  'jjjjj', 'k',     'll',\n  'mmm',   'nnnn',  'ooooo', 'p',\n  'qq',    'rrr',   'ssss',  'ttttt',\n  'u',     'vv',    'www',   'xxxx',\n  'yyyyy', 'z'\n]");
});
test("collections: mixed values are left-aligned", () => {
  check(Array.from({length: 8}, (_, k) => (k % 2 ? 'a' : 1)),
        undefined,
        "[\n  1, 'a', 1, 'a',\n  1, 'a', 1, 'a'\n]");
});
test("collections: negative numbers", () => {
  check(Array.from({length: 12}, (_, k) => -k * 11),
        undefined,
        "[\n   -0, -11,  -22,  -33,\n  -44, -55,  -66,  -77,\n  -88, -99, -110, -121\n]");
});
test("collections: bigints are right-aligned", () => {
  check(Array.from({length: 12}, (_, k) => BigInt(k * 1001)),
        undefined,
        "[\n     0n,  1001n,  2002n,\n  3003n,  4004n,  5005n,\n  6006n,  7007n,  8008n,\n  9009n, 10010n, 11011n\n]");
});
test("collections: grouping counts full-width characters as two columns", () => {
  check(Array.from({length: 9}, (_, k) => '日本' + k),
        undefined,
        "[\n  '日本0', '日本1',\n  '日本2', '日本3',\n  '日本4', '日本5',\n  '日本6', '日本7',\n  '日本8'\n]");
});
test("collections: grouping counts emoji as two columns", () => {
  check(Array.from({length: 9}, (_, k) => '😀' + k),
        undefined,
        "[\n  '😀0', '😀1',\n  '😀2', '😀3',\n  '😀4', '😀5',\n  '😀6', '😀7',\n  '😀8'\n]");
});
test("collections: grouping counts combining marks as zero columns", () => {
  check(Array.from({length: 9}, (_, k) => 'e\u0301' + k),
        undefined,
        "[\n  'é0', 'é1', 'é2',\n  'é3', 'é4', 'é5',\n  'é6', 'é7', 'é8'\n]");
});
test("collections: arrays of objects", () => {
  check(Array.from({length: 10}, (_, k) => ({a: k})),
        undefined,
        "[\n  { a: 0 }, { a: 1 },\n  { a: 2 }, { a: 3 },\n  { a: 4 }, { a: 5 },\n  { a: 6 }, { a: 7 },\n  { a: 8 }, { a: 9 }\n]");
});
test("collections: six items are not grouped", () => {
  check([1, 2, 3, 4, 5, 6],
        undefined,
        "[ 1, 2, 3, 4, 5, 6 ]");
});
test("collections: grouping inside nested objects", () => {
  check({a: {b: Array.from({length: 30}, (_, k) => k)}},
        undefined,
        "{\n  a: {\n    b: [\n       0,  1,  2,  3,  4,  5,  6,  7,  8,\n       9, 10, 11, 12, 13, 14, 15, 16, 17,\n      18, 19, 20, 21, 22, 23, 24, 25, 26,\n      27, 28, 29\n    ]\n  }\n}");
});
test("collections: compact 1 limits grouping", () => {
  check(Array.from({length: 7}, (_, k) => k),
        {compact: 1},
        "[\n  0, 1, 2, 3,\n  4, 5, 6\n]");
});
test("collections: long strings in arrays", () => {
  check(['x'.repeat(20), 'y'.repeat(20), 'z'.repeat(20), 'w'.repeat(20)],
        undefined,
        "[\n  'xxxxxxxxxxxxxxxxxxxx',\n  'yyyyyyyyyyyyyyyyyyyy',\n  'zzzzzzzzzzzzzzzzzzzz',\n  'wwwwwwwwwwwwwwwwwwww'\n]");
});
test("collections: Map", () => {
  check(new Map([['a', 1], [{b: 2}, [3]]]),
        undefined,
        "Map(2) { 'a' => 1, { b: 2 } => [ 3 ] }");
});
test("collections: empty Map and Set", () => {
  check([new Map(), new Set()],
        undefined,
        "[ Map(0) {}, Set(0) {} ]");
});
test("collections: Set", () => {
  check(new Set([1, 'a', [2]]),
        undefined,
        "Set(3) { 1, 'a', [ 2 ] }");
});
test("collections: extra keys on a Set", () => {
  check(Object.assign(new Set([1]), {x: 1}),
        undefined,
        "Set(1) { 1, x: 1 }");
});
test("collections: an own Symbol.toStringTag on a Map", () => {
  check([Object.defineProperty(new Map(), Symbol.toStringTag, {value: 'T', enumerable: true}), Object.defineProperty(new Map([[1, 2]]), Symbol.toStringTag, {value: 'T'})],
        undefined,
        "[ Map(0) { Symbol(Symbol.toStringTag): 'T' }, Map(1) [T] { 1 => 2 } ]");
});
test("collections: subclasses of built-in collections", () => {
  check((() => { class M extends Map {} class A2 extends Array {} class S2 extends Set {} return [new M([[1, 2]]), A2.from([1, 2]), new A2(), new S2()]; })(),
        undefined,
        "[ M(1) [Map] { 1 => 2 }, A2(2) [ 1, 2 ], A2(0) [], S2(0) [Set] {} ]");
});
test("collections: null-prototype collections", () => {
  check([Object.setPrototypeOf(new Map([[1, 2]]), null), Object.setPrototypeOf([1, 2], null), Object.setPrototypeOf(new Set([1]), null)],
        undefined,
        "[\n  [Map(1): null prototype] { 1 => 2 },\n  [Array(2): null prototype] [ 1, 2 ],\n  [Set(1): null prototype] { 1 }\n]");
});
test("collections: WeakMap and WeakSet", () => {
  check([new WeakMap(), new WeakSet()],
        undefined,
        "[ WeakMap { <items unknown> }, WeakSet { <items unknown> } ]");
});
test("collections: typed arrays", () => {
  check([new Uint8Array([1, 2, 3]), new Float64Array(2), new BigInt64Array(2), new Int16Array([-1, 300])],
        undefined,
        "[\n  Uint8Array(3) [ 1, 2, 3 ],\n  Float64Array(2) [ 0, 0 ],\n  BigInt64Array(2) [ 0n, 0n ],\n  Int16Array(2) [ -1, 300 ]\n]");
});
test("collections: typed array subclasses and null prototypes", () => {
  check((() => { class U extends Uint8Array {} return [new U(2), Object.setPrototypeOf(new Uint8Array(2), null)]; })(),
        undefined,
        "[\n  U(2) [Uint8Array] [ 0, 0 ],\n  [Uint8Array(2): null prototype] [ 0, 0 ]\n]");
});
test("collections: extra keys on typed arrays", () => {
  check(Object.assign(new Uint8Array(2), {x: 1}),
        undefined,
        "Uint8Array(2) [ 0, 0, x: 1 ]");
});
test("collections: many typed array elements are grouped", () => {
  check(new Uint16Array(Array.from({length: 40}, (_, k) => (k * 997) % 65536)),
        undefined,
        "Uint16Array(40) [\n      0,   997,  1994,  2991,  3988,\n   4985,  5982,  6979,  7976,  8973,\n   9970, 10967, 11964, 12961, 13958,\n  14955, 15952, 16949, 17946, 18943,\n  19940, 20937, 21934, 22931, 23928,\n  24925, 25922, 26919, 27916, 28913,\n  29910, 30907, 31904, 32901, 33898,\n  34895, 35892, 36889, 37886, 38883\n]");
});
test("collections: ArrayBuffer", () => {
  check(new Uint8Array([1, 2]).buffer,
        undefined,
        "ArrayBuffer { [Uint8Contents]: <01 02>, [byteLength]: 2 }");
});
test("collections: ArrayBuffer with extra keys", () => {
  check(Object.assign(new ArrayBuffer(2), {x: 1}),
        undefined,
        "ArrayBuffer { [Uint8Contents]: <00 00>, [byteLength]: 2, x: 1 }");
});
test("collections: ArrayBuffer beyond depth", () => {
  check({ab: new ArrayBuffer(2)},
        {depth: 0},
        "{ ab: [ArrayBuffer] }");
});
test("collections: DataView", () => {
  check(new DataView(new ArrayBuffer(2), 1),
        undefined,
        "DataView {\n  [byteLength]: 1,\n  [byteOffset]: 1,\n  [buffer]: ArrayBuffer { [Uint8Contents]: <00 00>, [byteLength]: 2 }\n}");
});
test("collections: DataView beyond depth", () => {
  check(new DataView(new ArrayBuffer(1)),
        {depth: 0},
        "DataView { [byteLength]: 1, [byteOffset]: 0, [buffer]: [ArrayBuffer] }");
});
test("collections: arguments objects", () => {
  check((function () { return arguments; })(1, 2),
        undefined,
        "[Arguments] { '0': 1, '1': 2 }");
});

// objects
test("objects: plain objects", () => {
  check({a: 1, b: 'two', c: [3]},
        undefined,
        "{ a: 1, b: 'two', c: [ 3 ] }");
});
test("objects: keys that need quotes", () => {
  check({'a-b': 1, __proto__x: 2, ok_1: 4, '1a': 5, 'a\nb': 6, "it's": 7, '': 8, 'ü': 9, $a: 10, _: 11},
        undefined,
        "{\n  'a-b': 1,\n  __proto__x: 2,\n  ok_1: 4,\n  '1a': 5,\n  'a\\nb': 6,\n  \"it's\": 7,\n  '': 8,\n  'ü': 9,\n  '$a': 10,\n  _: 11\n}");
});
test("objects: an own __proto__ key", () => {
  check({['__proto__']: 1},
        undefined,
        "{ ['__proto__']: 1 }");
});
test("objects: symbol keys", () => {
  check({[Symbol('a')]: 1, [Symbol('b\'c')]: 2},
        undefined,
        "{ Symbol(a): 1, Symbol(b\\'c): 2 }");
});
test("objects: class instances", () => {
  check((() => { class Foo { constructor() { this.x = 1; } } return new Foo(); })(),
        undefined,
        "Foo { x: 1 }");
});
test("objects: instances of anonymous classes", () => {
  check(new (class {})(),
        undefined,
        "{}");
});
test("objects: instances of constructor functions", () => {
  check((() => { function Legacy() { this.a = 1; } return new Legacy(); })(),
        undefined,
        "Legacy { a: 1 }");
});
test("objects: null prototype objects", () => {
  check([Object.create(null), Object.assign(Object.create(null), {a: 1})],
        undefined,
        "[ [Object: null prototype] {}, [Object: null prototype] { a: 1 } ]");
});
test("objects: inherited enumerable keys are not shown", () => {
  check(Object.create({a: 1}),
        undefined,
        "{}");
});
test("objects: a prototype chain without constructors", () => {
  check(Object.create(Object.create(null)),
        undefined,
        "Object <[Object: null prototype] {}> {}");
});
test("objects: Symbol.toStringTag on a class", () => {
  check((() => { class Foo { constructor() { this.x = 1; } get [Symbol.toStringTag]() { return 'bar'; } } return new Foo(); })(),
        undefined,
        "Foo [bar] { x: 1 }");
});
test("objects: a non-enumerable Symbol.toStringTag", () => {
  check(Object.defineProperty({}, Symbol.toStringTag, {value: 'foo'}),
        undefined,
        "Object [foo] {}");
});
test("objects: an enumerable own Symbol.toStringTag is a key", () => {
  check({[Symbol.toStringTag]: 'foo'},
        undefined,
        "{ Symbol(Symbol.toStringTag): 'foo' }");
});
test("objects: Symbol.toStringTag on a null-prototype object", () => {
  check([Object.assign(Object.create(null), {[Symbol.toStringTag]: 'x', a: 1}), Object.defineProperty(Object.create(null), Symbol.toStringTag, {value: 'NT'})],
        undefined,
        "[\n  [x: null prototype] { a: 1, Symbol(Symbol.toStringTag): 'x' },\n  [Object: null prototype] [NT] {}\n]");
});
test("objects: built-in prototypes", () => {
  check([Map.prototype, Array.prototype, Object.prototype, Promise.prototype, Date.prototype, Uint8Array.prototype, Symbol.prototype, Number.prototype],
        undefined,
        "[\n  Object [Map] {},\n  Object(0) [],\n  [Object: null prototype] {},\n  Object [Promise] {},\n  {},\n  TypedArray {},\n  Object [Symbol] {},\n  {}\n]");
});
test("objects: objects created from built-in prototypes", () => {
  check([Object.create(Array.prototype), Object.create(Map.prototype), Object.create(Date.prototype)],
        undefined,
        "[ Array {}, Map {}, Date {} ]");
});
test("objects: getters and setters", () => {
  check({get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {}},
        undefined,
        "{ a: [Getter], b: [Setter], c: [Getter/Setter] }");
});
test("objects: getters: true shows values", () => {
  check({get a() { return 1; }, get o() { return {x: 1}; }, get n() { return null; }, get s() { throw 'str'; }},
        {getters: true},
        "{\n  a: [Getter: 1],\n  o: [Getter] { x: 1 },\n  n: [Getter: null],\n  s: [Getter: <Inspection threw ('str')>]\n}");
});
test("objects: getters: 'set' only for getters with setters", () => {
  check({get a() { return 1; }, set a(v) {}, get b() { return 2; }},
        {getters: 'set'},
        "{ a: [Getter/Setter: 1], b: [Getter] }");
});
test("objects: getters: 'get' only for getters without setters", () => {
  check({get a() { return 1; }, set a(v) {}, get b() { return 2; }},
        {getters: 'get'},
        "{ a: [Getter/Setter], b: [Getter: 2] }");
});
test("objects: circular references", () => {
  check((() => { const c = {a: 1}; c.self = c; return c; })(),
        undefined,
        "<ref *1> { a: 1, self: [Circular *1] }");
});
test("objects: two circular references", () => {
  check((() => { const c = {x: {}}; c.x.y = c; c.x.z = c.x; return c; })(),
        undefined,
        "<ref *1> { x: <ref *2> { y: [Circular *1], z: [Circular *2] } }");
});
test("objects: a circular array", () => {
  check((() => { const a = [1]; a.push(a); return a; })(),
        undefined,
        "<ref *1> [ 1, [Circular *1] ]");
});
test("objects: circular through a map", () => {
  check((() => { const m = new Map(); m.set('m', m); return m; })(),
        undefined,
        "<ref *1> Map(1) { 'm' => [Circular *1] }");
});

// functions and classes
test("functions and classes: functions", () => {
  check([function f() {}, () => {}, function () {}],
        undefined,
        "[ [Function: f], [Function (anonymous)], [Function (anonymous)] ]");
});
test("functions and classes: async and generator functions", () => {
  check([async function af() {}, function* g() {}, async function* ag() {}, async () => {}],
        undefined,
        "[\n  [AsyncFunction: af],\n  [GeneratorFunction: g],\n  [AsyncGeneratorFunction: ag],\n  [AsyncFunction (anonymous)]\n]");
});
test("functions and classes: functions with properties", () => {
  check(Object.assign(function f() {}, {x: 1}),
        undefined,
        "[Function: f] { x: 1 }");
});
test("functions and classes: functions with a null prototype", () => {
  check(Object.setPrototypeOf(function npf() {}, null),
        undefined,
        "[Function (null prototype): npf]");
});
test("functions and classes: classes", () => {
  check((() => { class A {} class B extends A {} return [A, B, class {}, class extends A {}]; })(),
        undefined,
        "[\n  [class A],\n  [class B extends A],\n  [class (anonymous)],\n  [class (anonymous) extends A]\n]");
});
test("functions and classes: classes with a computed heritage print as functions", () => {
  check((() => { const mixin = (B) => B; class B0 {} return class A extends mixin(B0) {}; })(),
        undefined,
        "[Function: A]");
});
test("functions and classes: comments in class headers", () => {
  check((() => { class B0 {} return [class /* c( */ C {}, class D extends /* x */ B0 {}]; })(),
        undefined,
        "[ [class C], [class D extends B0] ]");
});
test("functions and classes: a class with a null prototype", () => {
  check(Object.setPrototypeOf(class K {}, null),
        undefined,
        "[class K extends [null prototype]]");
});
test("functions and classes: a static name property", () => {
  check((() => { class CC { static name = 'X'; } return CC; })(),
        undefined,
        "[class X] { name: 'X' }");
});
test("functions and classes: a function with a non-string name", () => {
  check(Object.defineProperty(function () {}, 'name', {value: 5}),
        undefined,
        "[Function: 5]");
});
test("functions and classes: a function with Symbol.toStringTag", () => {
  check(Object.defineProperty(function named() {}, Symbol.toStringTag, {value: 'TT'}),
        undefined,
        "[Function: named] [TT]");
});
test("functions and classes: bound functions", () => {
  check(function b() {}.bind(null),
        undefined,
        "[Function: bound b]");
});

// boxed primitives, dates, regexps
test("boxed primitives, dates, regexps: boxed primitives", () => {
  check([new Number(3), new String('ab'), new Boolean(false), Object(1n), Object(Symbol('s')), new Number(-0)],
        undefined,
        "[\n  [Number: 3],\n  [String: 'ab'],\n  [Boolean: false],\n  [BigInt: 1n],\n  [Symbol: Symbol(s)],\n  [Number: -0]\n]");
});
test("boxed primitives, dates, regexps: boxed primitives with properties", () => {
  check(Object.assign(new Number(3), {x: 1}),
        undefined,
        "[Number: 3] { x: 1 }");
});
test("boxed primitives, dates, regexps: a boxed primitive with a null prototype", () => {
  check(Object.setPrototypeOf(new Number(2), null),
        undefined,
        "[Number (null prototype): 2]");
});
test("boxed primitives, dates, regexps: dates", () => {
  check([new Date(0), new Date(NaN)],
        undefined,
        "[ 1970-01-01T00:00:00.000Z, Invalid Date ]");
});
test("boxed primitives, dates, regexps: dates with properties", () => {
  check(Object.assign(new Date(0), {x: 1}),
        undefined,
        "1970-01-01T00:00:00.000Z { x: 1 }");
});
test("boxed primitives, dates, regexps: date subclasses and null prototypes", () => {
  check((() => { class D extends Date {} return [new D(0), Object.setPrototypeOf(new Date(0), null)]; })(),
        undefined,
        "[\n  D 1970-01-01T00:00:00.000Z,\n  [Date: null prototype] 1970-01-01T00:00:00.000Z\n]");
});
test("boxed primitives, dates, regexps: regular expressions", () => {
  check([/a/g, /[\n]/u, new RegExp('a/b')],
        undefined,
        "[ /a/g, /[\\n]/u, /a\\/b/ ]");
});
test("boxed primitives, dates, regexps: regular expressions with properties", () => {
  check(Object.assign(/b/, {x: 1}),
        undefined,
        "/b/ { x: 1 }");
});
test("boxed primitives, dates, regexps: regexp subclasses and null prototypes", () => {
  check((() => { class R extends RegExp {} return [new R('x'), Object.setPrototypeOf(/x/g, null)]; })(),
        undefined,
        "[ R /x/, [RegExp: null prototype] /x/g ]");
});

// promises and proxies
test("promises and proxies: fulfilled promise", () => {
  check(bare(Promise.resolve(1)),
        undefined,
        "Promise { 1 }");
});
test("promises and proxies: pending promise", () => {
  check(bare(new Promise(() => {})),
        undefined,
        "Promise { <pending> }");
});
test("promises and proxies: rejected promise", () => {
  check((() => { const p = Promise.reject(3); p.catch(() => {}); return bare(p); })(),
        undefined,
        "Promise { <rejected> 3 }");
});
test("promises and proxies: rejected promise with an error", () => {
  check((() => { const e = new Error('x'); e.stack = 'Error: x\n    at f (a.js:1:1)'; const p = Promise.reject(e); p.catch(() => {}); return bare(p); })(),
        undefined,
        "Promise {\n  <rejected> Error: x\n      at f (a.js:1:1)\n}");
});
test("promises and proxies: a promise subclass", () => {
  check((() => { class Pr extends Promise {} return bare(Pr.resolve(1)); })(),
        undefined,
        "Pr [Promise] { 1 }");
});
test("promises and proxies: a proxy shows its target", () => {
  check(new Proxy({a: 1}, {}),
        undefined,
        "{ a: 1 }");
});
test("promises and proxies: a proxy's traps are not run", () => {
  check(new Proxy([1], {get() { return 5; }, ownKeys() { throw new Error('trap'); }}),
        undefined,
        "[ 1 ]");
});
test("promises and proxies: a proxied function", () => {
  check(new Proxy(function x() {}, {}),
        undefined,
        "[Function: x]");
});
test("promises and proxies: a revoked proxy", () => {
  check((() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })(),
        undefined,
        "<Revoked Proxy>");
});
test("promises and proxies: showProxy beyond depth", () => {
  check([new Proxy({}, {})],
        {showProxy: true, depth: 0},
        "[ Proxy [Array] ]");
});

// errors
test("errors: an error without frames is bracketed", () => {
  check(fakeStack(new Error('x'), 'Error: x'),
        undefined,
        "[Error: x]");
});
test("errors: error properties are listed after the stack", () => {
  check(Object.assign(fakeStack(new Error('x'), 'Error: x\n    at f (a.js:1:1)'), {code: 'X'}),
        undefined,
        "Error: x\n    at f (a.js:1:1) {\n  code: 'X'\n}");
});
test("errors: error properties without frames", () => {
  check(Object.assign(fakeStack(new Error('x'), 'Error: x'), {code: 'X'}),
        undefined,
        "[Error: x] { code: 'X' }");
});
test("errors: error subclasses", () => {
  check(fakeStack(new TypeError('x'), 'TypeError: x\n    at f (a.js:1:1)'),
        undefined,
        "TypeError: x\n    at f (a.js:1:1)");
});
test("errors: a class extending Error names both", () => {
  check((() => { class MyErr extends Error {} return fakeStack(new MyErr('m'), 'Error: m\n    at f (a.js:1:1)'); })(),
        undefined,
        "MyErr [Error]: m\n    at f (a.js:1:1)");
});
test("errors: a class setting its name", () => {
  check((() => { class MyErr2 extends Error { constructor(m) { super(m); this.name = 'MyErr2'; } } return fakeStack(new MyErr2('m'), 'MyErr2: m\n    at f (a.js:1:1)'); })(),
        undefined,
        "MyErr2: m\n    at f (a.js:1:1)");
});
test("errors: error cause", () => {
  check(fakeStack(new Error('x', {cause: fakeStack(new Error('c'), 'Error: c')}), 'Error: x'),
        undefined,
        "[Error: x] { [cause]: [Error: c] }");
});
test("errors: a non-error cause", () => {
  check(fakeStack(new Error('x', {cause: 'str'}), 'Error: x\n    at f (a.js:1:1)'),
        undefined,
        "Error: x\n    at f (a.js:1:1) {\n  [cause]: 'str'\n}");
});
test("errors: frames shared with the cause are folded", () => {
  check(fakeStack(new Error('p', {cause: fakeStack(new Error('c'), 'Error: c\n    at x (f.js:9:9)\n    at b (f.js:2:2)\n    at c (f.js:3:3)\n    at d (f.js:4:4)\n    at e (f.js:5:5)')}), 'Error: p\n    at a (f.js:1:1)\n    at b (f.js:2:2)\n    at c (f.js:3:3)\n    at d (f.js:4:4)\n    at e (f.js:5:5)'),
        undefined,
        "Error: p\n    at a (f.js:1:1)\n    at b (f.js:2:2)\n    ... 2 lines matching cause stack trace ...\n    at e (f.js:5:5) {\n  [cause]: Error: c\n      at x (f.js:9:9)\n      at b (f.js:2:2)\n      at c (f.js:3:3)\n      at d (f.js:4:4)\n      at e (f.js:5:5)\n}");
});
test("errors: AggregateError lists its errors", () => {
  check(fakeStack(new AggregateError([fakeStack(new Error('a'), 'Error: a')], 'agg'), 'AggregateError: agg'),
        undefined,
        "[AggregateError: agg] { [errors]: [ [Error: a] ] }");
});
test("errors: a name changed after creation is listed", () => {
  check(Object.assign(fakeStack(new Error('m'), 'Error: m'), {name: 'Foo'}),
        undefined,
        "[Error: m] { name: 'Foo' }");
});
test("errors: a null-prototype error", () => {
  check(Object.setPrototypeOf(fakeStack(new Error('m'), 'Error: m'), null),
        undefined,
        "[[Error: null prototype]: m]");
});
test("errors: an error without a stack uses toString", () => {
  check((() => { const e = new Error('m'); e.stack = undefined; return e; })(),
        undefined,
        "[Error: m]");
});
test("errors: an error with a stack that is not a string", () => {
  check((() => { const e = new Error('m'); e.stack = {a: 1}; return e; })(),
        undefined,
        "[Error: m\n    {\n      a: 1\n    }]");
});
test("errors: a stack that is not V8-shaped is kept", () => {
  check(fakeStack(new Error('m'), 'garbage text'),
        undefined,
        "[garbage text]");
});
test("errors: errors nested in objects are indented", () => {
  check({e: fakeStack(new Error('m'), 'Error: m\n    at f (a.js:1:1)')},
        undefined,
        "{\n  e: Error: m\n      at f (a.js:1:1)\n}");
});
test("errors: errors nested in arrays are indented", () => {
  check([fakeStack(new Error('m'), 'Error: m\n    at f (a.js:1:1)')],
        undefined,
        "[\n  Error: m\n      at f (a.js:1:1)\n]");
});
test("errors: an error with a nested property", () => {
  check(Object.assign(fakeStack(new Error('x'), 'Error: x\n    at f (a.js:1:1)'), {extra: {deep: {deeper: {x: 1}}}}),
        undefined,
        "Error: x\n    at f (a.js:1:1) {\n  extra: { deep: { deeper: [Object] } }\n}");
});
test("errors: an object inheriting from Error.prototype", () => {
  check(Object.create(Error.prototype),
        undefined,
        "[Error]");
});
test("errors: an error with its name duplicated as an own enumerable property", () => {
  check(Object.assign(fakeStack(new Error('m'), 'Error: m'), {message: 'm', name: 'Error'}),
        undefined,
        "[Error: m]");
});
test("errors: an error that throws from a getter while inspected with getters", () => {
  check({get t() { throw fakeStack(new Error('boom'), 'Error: boom'); }},
        {getters: true},
        "{ t: [Getter: <Inspection threw ([Error: boom])>] }");
});

// colors
test("colors: colors on primitives", () => {
  check({a: 1, s: 'x', n: null, u: undefined, b: true, sy: Symbol('q'), d: new Date(0), r: /x/, big: 2n, f() {}, arr: [1]},
        {colors: true},
        "{\n  a: \u001b[33m1\u001b[39m,\n  s: \u001b[32m'x'\u001b[39m,\n  n: \u001b[1mnull\u001b[22m,\n  u: \u001b[90mundefined\u001b[39m,\n  b: \u001b[33mtrue\u001b[39m,\n  sy: \u001b[32mSymbol(q)\u001b[39m,\n  d: \u001b[35m1970-01-01T00:00:00.000Z\u001b[39m,\n  r: \u001b[31m/x/\u001b[39m,\n  big: \u001b[33m2n\u001b[39m,\n  f: \u001b[36m[Function: f]\u001b[39m,\n  arr: [ \u001b[33m1\u001b[39m ]\n}");
});
test("colors: colors on special entries", () => {
  check([[1, , 2], new WeakSet(), bare(Promise.resolve(2)), new Number(3), Object.assign(new Number(3), {x: 1})],
        {colors: true},
        "[\n  [ \u001b[33m1\u001b[39m, \u001b[90m<1 empty item>\u001b[39m, \u001b[33m2\u001b[39m ],\n  WeakSet { \u001b[36m<items unknown>\u001b[39m },\n  Promise { \u001b[33m2\u001b[39m },\n  \u001b[33m[Number: 3]\u001b[39m,\n  [Number: 3] { x: \u001b[33m1\u001b[39m }\n]");
});
test("colors: colors on circular references", () => {
  check((() => { const c = {}; c.c = c; return c; })(),
        {colors: true},
        "\u001b[36m<ref *1>\u001b[39m { c: \u001b[36m[Circular *1]\u001b[39m }");
});
test("colors: colors on keys", () => {
  check({'a-b': 1, [Symbol('s')]: 2, ok: 3},
        {colors: true},
        "{ \u001b[32m'a-b'\u001b[39m: \u001b[33m1\u001b[39m, ok: \u001b[33m3\u001b[39m, \u001b[32mSymbol(s)\u001b[39m: \u001b[33m2\u001b[39m }");
});
test("colors: colors on hidden keys", () => {
  check(Object.defineProperties({}, {hid: {value: 1}, 'a-b': {value: 2}, [Symbol('z')]: {value: 3}}),
        {colors: true, showHidden: true},
        "{ [hid]: \u001b[33m1\u001b[39m, [\u001b[32m'a-b'\u001b[39m]: \u001b[33m2\u001b[39m, [\u001b[32mSymbol(z)\u001b[39m]: \u001b[33m3\u001b[39m }");
});
test("colors: colors on getters", () => {
  check({get t() { return 1; }, get u() { return {}; }, get v() { throw 'str'; }},
        {getters: true, colors: true},
        "{\n  t: \u001b[36m[Getter:\u001b[39m \u001b[33m1\u001b[39m\u001b[36m]\u001b[39m,\n  u: \u001b[36m[Getter]\u001b[39m {},\n  v: \u001b[36m[Getter:\u001b[39m <Inspection threw (\u001b[32m'str'\u001b[39m)>\u001b[36m]\u001b[39m\n}");
});
test("colors: colors do not count in the column layout", () => {
  check(Array.from({length: 30}, (_, k) => k * 3),
        {colors: true},
        "[\n   \u001b[33m0\u001b[39m,  \u001b[33m3\u001b[39m,  \u001b[33m6\u001b[39m,  \u001b[33m9\u001b[39m, \u001b[33m12\u001b[39m, \u001b[33m15\u001b[39m, \u001b[33m18\u001b[39m, \u001b[33m21\u001b[39m, \u001b[33m24\u001b[39m,\n  \u001b[33m27\u001b[39m, \u001b[33m30\u001b[39m, \u001b[33m33\u001b[39m, \u001b[33m36\u001b[39m, \u001b[33m39\u001b[39m, \u001b[33m42\u001b[39m, \u001b[33m45\u001b[39m, \u001b[33m48\u001b[39m, \u001b[33m51\u001b[39m,\n  \u001b[33m54\u001b[39m, \u001b[33m57\u001b[39m, \u001b[33m60\u001b[39m, \u001b[33m63\u001b[39m, \u001b[33m66\u001b[39m, \u001b[33m69\u001b[39m, \u001b[33m72\u001b[39m, \u001b[33m75\u001b[39m, \u001b[33m78\u001b[39m,\n  \u001b[33m81\u001b[39m, \u001b[33m84\u001b[39m, \u001b[33m87\u001b[39m\n]");
});
test("colors: colors on buffers and views", () => {
  check([new Uint8Array(2).buffer, new DataView(new ArrayBuffer(1))],
        {colors: true},
        "[\n  ArrayBuffer { \u001b[36m[Uint8Contents]\u001b[39m: <00 00>, \u001b[32m[byteLength]\u001b[39m: \u001b[33m2\u001b[39m },\n  DataView {\n    \u001b[32m[byteLength]\u001b[39m: \u001b[33m1\u001b[39m,\n    \u001b[32m[byteOffset]\u001b[39m: \u001b[33m0\u001b[39m,\n    \u001b[32m[buffer]\u001b[39m: ArrayBuffer { \u001b[36m[Uint8Contents]\u001b[39m: <00>, \u001b[32m[byteLength]\u001b[39m: \u001b[33m1\u001b[39m }\n  }\n]");
});
test("colors: colors on depth markers", () => {
  check({a: {b: {}}, c: [[]]},
        {depth: 0, colors: true},
        "{ a: \u001b[36m[Object]\u001b[39m, c: \u001b[36m[Array]\u001b[39m }");
});
test("colors: colors on truncation", () => {
  check(['x'.repeat(30), [1, 2, 3]],
        {colors: true, maxStringLength: 10, maxArrayLength: 1},
        "[ \u001b[32m'xxxxxxxxxx'\u001b[39m... 20 more characters, ... 1 more item ]");
});
test("colors: colors on error stacks mark node_modules and built-ins", () => {
  check(fakeStack(new Error('x'), 'Error: x\n    at g (/other/node_modules/foo/x.js:1:1)\n    at h (/other/node_modules/@s/pkg/y.js:1:1)\n    at k (node:internal/x:1:1)\n    at new X (native)'),
        {colors: true},
        "Error: x\n    at g (/other/node_modules/\u001b[4mfoo\u001b[24m/x.js:1:1)\n    at h (/other/node_modules/\u001b[4m@s/pkg\u001b[24m/y.js:1:1)\n    at k (node:internal/x:1:1)\n    at new X (native)");
});

// custom inspect
test("custom inspect: util.inspect.custom receives depth, options and inspect", () => {
  check({[customSym](depth, opts, insp) { return `D${depth} ${opts.depth} ${typeof opts.stylize} ${insp === util.inspect} ${Object.keys(opts).join()}`; }},
        undefined,
        "D2 2 function true stylize,showHidden,depth,colors,customInspect,showProxy,maxArrayLength,maxStringLength,breakLength,compact,sorted,getters,numericSeparator");
});
test("custom inspect: custom inspect depth decreases with nesting", () => {
  check({a: {b: {[customSym](depth) { return `D${depth}`; }}}},
        undefined,
        "{ a: { b: D0 } }");
});
test("custom inspect: custom inspect passes unknown options through", () => {
  check({a: {[customSym](d, o) { return `${o.depth} ${o.foo}`; }}},
        {depth: 5, foo: 1},
        "{ a: 5 1 }");
});
test("custom inspect: custom inspect returning an object inspects it", () => {
  check({[customSym]() { return {x: 1, y: [1]}; }},
        undefined,
        "{ x: 1, y: [ 1 ] }");
});
test("custom inspect: custom inspect returning a multi-line string is indented", () => {
  check({o: {[customSym]() { return 'a\nb'; }}},
        undefined,
        "{\n  o: a\n  b\n}");
});
test("custom inspect: custom inspect returning this falls back to the object", () => {
  check({[customSym]() { return this; }, z: 1},
        undefined,
        "{\n  z: 1,\n  Symbol(nodejs.util.inspect.custom): [Function: [nodejs.util.inspect.custom]]\n}");
});
test("custom inspect: a non-function custom property is a key", () => {
  check({[customSym]: 5, z: 1},
        undefined,
        "{ z: 1, Symbol(nodejs.util.inspect.custom): 5 }");
});
test("custom inspect: customInspect false ignores it", () => {
  check({[customSym]() { return 1; }},
        {customInspect: false},
        "{\n  Symbol(nodejs.util.inspect.custom): [Function: [nodejs.util.inspect.custom]]\n}");
});
test("custom inspect: a prototype's custom inspect is for instances", () => {
  check((() => { class P { [customSym]() { return 'P!'; } } return [new P(), P.prototype]; })(),
        undefined,
        "[ P!, {} ]");
});
test("custom inspect: custom inspect on a proxy gets the proxy and a null-prototype options object", () => {
  check(new Proxy({[customSym](d, o) { return `${Object.getPrototypeOf(o)} ${typeof o.stylize}`; }}, {}),
        undefined,
        "null function");
});
test("custom inspect: custom stylize through options.stylize", () => {
  check({[customSym](d, o) { return o.stylize('x', 'number'); }},
        {colors: true},
        "\u001b[33mx\u001b[39m");
});
test("custom inspect: custom inspect calling inspect with its options", () => {
  check({[customSym](d, o, i) { return i({a: [1, {b: 2}]}, o); }},
        undefined,
        "{ a: [ 1, { b: 2 } ] }");
});
test("format: %s with a string", () => {
  assert.strictEqual(util.format(...['%s', 'a']),
                     "a");
});
test("format: %s with numbers keeps -0", () => {
  assert.strictEqual(util.format(...['%s %s %s', 1, -0, 1.5]),
                     "1 -0 1.5");
});
test("format: %s with a bigint", () => {
  assert.strictEqual(util.format(...['%s', 1n]),
                     "1n");
});
test("format: %s with a symbol", () => {
  assert.strictEqual(util.format(...['%s', Symbol('x')]),
                     "Symbol(x)");
});
test("format: %s with null and undefined", () => {
  assert.strictEqual(util.format(...['%s %s', null, undefined]),
                     "null undefined");
});
test("format: %s inspects plain objects with depth 0", () => {
  assert.strictEqual(util.format(...['%s', {a: {b: {c: 1}}}]),
                     "{ a: [Object] }");
});
test("format: %s inspects arrays with depth 0", () => {
  assert.strictEqual(util.format(...['%s', [1, [2, [3]]]]),
                     "[ 1, [Array] ]");
});
test("format: %s uses an own toString", () => {
  assert.strictEqual(util.format(...['%s', {toString() { return 'TS'; }}]),
                     "TS");
});
test("format: %s uses a class's toString", () => {
  assert.strictEqual(util.format(...['%s', new (class X { toString() { return 'XX'; } })()]),
                     "XX");
});
test("format: %s uses Symbol.toPrimitive", () => {
  assert.strictEqual(util.format(...['%s', {[Symbol.toPrimitive]() { return 'prim'; }}]),
                     "prim");
});
test("format: %s inspects dates", () => {
  assert.strictEqual(util.format(...['%s', new Date(0)]),
                     "1970-01-01T00:00:00.000Z");
});
test("format: %s inspects a date with its own toString through it", () => {
  assert.strictEqual(util.format(...['%s', Object.assign(new Date(0), {toString() { return 'own'; }})]),
                     "own");
});
test("format: %s prints functions as source", () => {
  assert.strictEqual(util.format(...['%s', function foo() {}]),
                     "function foo() {}");
});
test("format: %s inspects instances of classes without toString", () => {
  assert.strictEqual(util.format(...['%s', new (class Y {})()]),
                     "Y {}");
});
test("format: %s inspects null-prototype objects", () => {
  assert.strictEqual(util.format(...['%s', Object.create(null)]),
                     "[Object: null prototype] {}");
});
test("format: %s inspects maps", () => {
  assert.strictEqual(util.format(...['%s', new Map([[1, 2]])]),
                     "Map(1) { 1 => 2 }");
});
test("format: %s prints errors with their stack", () => {
  assert.strictEqual(util.format(...['%s', fakeStack(new Error('e'), 'Error: e\n    at f (a.js:1:1)')]),
                     "Error: e\n    at f (a.js:1:1)");
});
test("format: %d converts with Number", () => {
  assert.strictEqual(util.format(...['%d %d %d %d', '42', 1.5, {}, -0]),
                     "42 1.5 NaN -0");
});
test("format: %d with bigint and symbol", () => {
  assert.strictEqual(util.format(...['%d %d', 2n, Symbol()]),
                     "2n NaN");
});
test("format: %i parses integers", () => {
  assert.strictEqual(util.format(...['%i %i %i', '42.9x', 3n, Symbol()]),
                     "42 3n NaN");
});
test("format: %f parses floats", () => {
  assert.strictEqual(util.format(...['%f %f', '1.5e3', Symbol()]),
                     "1500 NaN");
});
test("format: %j is JSON", () => {
  assert.strictEqual(util.format(...['%j %j', {a: 1}, undefined]),
                     "{\"a\":1} undefined");
});
test("format: %j of a circular object", () => {
  assert.strictEqual(util.format(...['%j', (() => { const c = {}; c.c = c; return c; })()]),
                     "[Circular]");
});
test("format: %o shows hidden properties with depth 4", () => {
  assert.strictEqual(util.format(...['%o', {a: [1, 2], f() {}}]),
                     "{\n  a: [ 1, 2, [length]: 2 ],\n  f: [Function: f] { [length]: 0, [name]: 'f' }\n}");
});
test("format: %O inspects", () => {
  assert.strictEqual(util.format(...['%O', {a: {b: {c: {d: 1}}}}]),
                     "{ a: { b: { c: [Object] } } }");
});
test("format: %c consumes an argument and prints nothing", () => {
  assert.strictEqual(util.format(...['a%cb', 'color: red']),
                     "ab");
});
test("format: %% is a percent sign", () => {
  assert.strictEqual(util.format(...['%% %s', 'a']),
                     "% a");
});
test("format: a lone format string is returned as is", () => {
  assert.strictEqual(util.format(...['%%']),
                     "%%");
});
test("format: a trailing % is kept", () => {
  assert.strictEqual(util.format(...['a%']),
                     "a%");
});
test("format: unknown placeholders are kept", () => {
  assert.strictEqual(util.format(...['%x', 1]),
                     "%x 1");
});
test("format: placeholders without arguments are kept", () => {
  assert.strictEqual(util.format(...['%s %s', 'a']),
                     "a %s");
});
test("format: extra arguments are appended with spaces", () => {
  assert.strictEqual(util.format(...['%s:%s', 'a', 'b', 'c', {d: 1}]),
                     "a:b c { d: 1 }");
});
test("format: without a format string every argument is inspected", () => {
  assert.strictEqual(util.format(...[1, 2, '3', {a: 1}]),
                     "1 2 3 { a: 1 }");
});
test("format: a first argument that is not a string is inspected", () => {
  assert.strictEqual(util.format(...[{a: 1}, 'x']),
                     "{ a: 1 } x");
});
test("format: no arguments", () => {
  assert.strictEqual(util.format(...[]),
                     "");
});
test("format: the empty string", () => {
  assert.strictEqual(util.format(...['']),
                     "");
});
test("format: %s on a proxy", () => {
  assert.strictEqual(util.format(...['%s', new Proxy({a: 1}, {})]),
                     "{ a: 1 }");
});

// The API around inspect

test('inspect.custom is the registered symbol', () => {
  assert.strictEqual(util.inspect.custom, Symbol.for('nodejs.util.inspect.custom'));
});

test('inspect.defaultOptions has Node defaults', () => {
  assert.deepStrictEqual({ ...util.inspect.defaultOptions }, {
    showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false, maxArrayLength: 100,
    maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false, numericSeparator: false,
  });
});

test('setting inspect.defaultOptions changes later calls', () => {
  const saved = { ...util.inspect.defaultOptions };
  try {
    util.inspect.defaultOptions = { depth: 0 };
    assert.strictEqual(util.inspect({ a: { b: 1 } }), '{ a: [Object] }');
    assert.strictEqual(util.inspect.defaultOptions.depth, 0);
    assert.strictEqual(util.inspect.defaultOptions.breakLength, 80);
  } finally {
    util.inspect.defaultOptions = saved;
  }
  assert.strictEqual(util.inspect({ a: { b: 1 } }), '{ a: { b: 1 } }');
});

test('inspect.defaultOptions rejects a non-object', () => {
  assert.throws(() => { util.inspect.defaultOptions = null; },
                { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
                  message: 'The "options" argument must be of type object. Received null' });
  assert.throws(() => { util.inspect.defaultOptions = 5; },
                { code: 'ERR_INVALID_ARG_TYPE',
                  message: 'The "options" argument must be of type object. Received type number (5)' });
});

test('inspect.colors has the ANSI codes and hidden aliases', () => {
  assert.strictEqual(Object.getPrototypeOf(util.inspect.colors), null);
  assert.deepStrictEqual(util.inspect.colors.red, [31, 39]);
  assert.deepStrictEqual(util.inspect.colors.bgWhiteBright, [107, 49]);
  assert.deepStrictEqual(util.inspect.colors.grey, [90, 39]);
  assert.strictEqual(Object.keys(util.inspect.colors).includes('grey'), false);
  assert.strictEqual(Object.keys(util.inspect.colors).length, 44);
  const desc = Object.getOwnPropertyDescriptor(util.inspect.colors, 'faint');
  assert.strictEqual(typeof desc.get, 'function');
  assert.strictEqual(desc.enumerable, false);
});

test('inspect.styles maps value kinds to colours', () => {
  assert.strictEqual(Object.getPrototypeOf(util.inspect.styles), null);
  assert.deepStrictEqual({ ...util.inspect.styles }, {
    special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey', null: 'bold',
    string: 'green', symbol: 'green', date: 'magenta', regexp: 'red', module: 'underline',
  });
});

test('changing inspect.styles changes colours', () => {
  const saved = util.inspect.styles.number;
  try {
    util.inspect.styles.number = 'red';
    assert.strictEqual(util.inspect(1, { colors: true }), '\u001b[31m1\u001b[39m');
    util.inspect.styles.number = 'no such colour';
    assert.strictEqual(util.inspect(1, { colors: true }), '1');
  } finally {
    util.inspect.styles.number = saved;
  }
});

test('a stylize option is used when colors are off', () => {
  assert.strictEqual(util.inspect('x', { stylize: (s, t) => `<${t}>${s}` }), "<string>'x'");
  assert.strictEqual(util.inspect({ a: 1 }, { stylize: (s, t) => `<${t}>${s}`, colors: true }),
                     '{ a: \u001b[33m1\u001b[39m }');
});

test('inspect has Node\'s arity and name', () => {
  assert.strictEqual(util.inspect.length, 2);
  assert.strictEqual(util.inspect.name, 'inspect');
  assert.strictEqual(util.format.length, 0);
  assert.strictEqual(util.formatWithOptions.length, 1);
});

test('a real error prints its stack in V8 shape', () => {
  function thrower() { return new Error('real'); }
  const s = util.inspect(thrower());
  assert.match(s, /^Error: real\n {4}at /);
  assert.match(s, /thrower/);
});

test('a real error nested in an object is indented', () => {
  const s = util.inspect({ e: new RangeError('deep') });
  assert.match(s, /^\{\n {2}e: RangeError: deep\n {6}at /);
});

test('an error with own properties prints them after the stack', () => {
  const err = new Error('with code');
  err.code = 'E_X';
  assert.match(util.inspect(err), /^Error: with code\n {4}at [^]*\n\s+at [^]* \{\n {2}code: 'E_X'\n\}$/);
});

test('deep nesting stops with a message instead of overflowing the stack', () => {
  const deep = {};
  let cur = deep;
  for (let i = 0; i < 50000; i++) {
    cur.a = {};
    cur = cur.a;
  }
  const s = util.inspect(deep, { depth: Infinity });
  assert.match(s, /\[Object: Inspection interrupted prematurely\. Maximum call stack size exceeded\.\]/);
});

test('inspecting a proxy runs none of its traps', () => {
  let trapped = false;
  const p = new Proxy({ a: 1 }, { get(t, k) { trapped = true; return t[k]; } });
  assert.strictEqual(util.inspect(p), '{ a: 1 }');
  assert.strictEqual(trapped, false);
});

test('showProxy shows the target and the handler', { todo: onDx && 'JSC does not expose handlers' }, () => {
  assert.strictEqual(util.inspect(new Proxy({ a: 1 }, {}), { showProxy: true }), 'Proxy [ { a: 1 }, {} ]');
});

test('map and set iterators show the remaining entries', { todo: onDx && 'needs an engine preview' }, () => {
  const it = new Map([['a', 1], ['b', 2]]).entries();
  it.next();
  assert.strictEqual(util.inspect(it), "[Map Entries] { [ 'b', 2 ] }");
  assert.strictEqual(util.inspect(new Set([1, 2]).values()), '[Set Iterator] { 1, 2 }');
  assert.strictEqual(util.inspect(new Map([['a', 1]]).keys()), "[Map Iterator] { 'a' }");
});

test('showHidden shows weak collection entries', { todo: onDx && 'needs an engine preview' }, () => {
  const key = {};
  const wm = new WeakMap([[key, 1]]);
  assert.strictEqual(util.inspect(wm, { showHidden: true }), 'WeakMap { {} => 1 }');
});

test('other iterators are plain objects', () => {
  assert.strictEqual(util.inspect([1][Symbol.iterator]()), 'Object [Array Iterator] {}');
  assert.strictEqual(util.inspect('ab'[Symbol.iterator]()), 'Object [String Iterator] {}');
  assert.strictEqual(util.inspect((function* () {})()), 'Object [Generator] {}');
});

test('collections: SharedArrayBuffer', { todo: !hasSAB && 'no SharedArrayBuffer here' }, () => {
  check(new SharedArrayBuffer(2), undefined, 'SharedArrayBuffer { [Uint8Contents]: <00 00>, [byteLength]: 2 }');
});

test('util.types tells shared array buffers apart', { todo: !hasSAB && 'no SharedArrayBuffer here' }, () => {
  const t = util.types;
  assert.strictEqual(t.isArrayBuffer(new SharedArrayBuffer(1)), false);
  assert.strictEqual(t.isSharedArrayBuffer(new SharedArrayBuffer(1)), true);
  assert.strictEqual(t.isAnyArrayBuffer(new SharedArrayBuffer(1)), true);
});

// formatWithOptions

test('formatWithOptions passes options to inspection but not to %s', () => {
  assert.strictEqual(util.formatWithOptions({ colors: true }, '%s %O %d', { a: 1 }, { b: 2 }, 3, 'z', 4),
                     '{ a: 1 } { b: \u001b[33m2\u001b[39m } 3 z \u001b[33m4\u001b[39m');
});

test('formatWithOptions numericSeparator applies to numbers', () => {
  assert.strictEqual(util.formatWithOptions({ numericSeparator: true }, '%d %i %f %s', 12345, 12345.6, 12345.6, 12345),
                     '12_345 12_345 12_345.6 12_345');
});

test('formatWithOptions accepts arrays as options', () => {
  assert.strictEqual(util.formatWithOptions([], 'x %s', 1), 'x 1');
});

test('formatWithOptions rejects non-objects', () => {
  for (const bad of [null, 'x', () => {}, undefined, 1]) {
    assert.throws(() => util.formatWithOptions(bad, 'x'), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
  }
  assert.throws(() => util.formatWithOptions(null, 'x'),
                { message: 'The "inspectOptions" argument must be of type object. Received null' });
});

test('%j rethrows errors other than circularity', () => {
  assert.throws(() => util.format('%j', 1n), TypeError);
  assert.throws(() => util.format('%j', { toJSON() { throw new RangeError('x'); } }), RangeError);
});

// stripVTControlCharacters

test('stripVTControlCharacters removes escape sequences', () => {
  assert.strictEqual(util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007link\u001b]8;;\u0007'),
                     'red link');
  assert.strictEqual(util.stripVTControlCharacters('\u009b1;2Hx\u001b[?25l'), 'x');
  assert.throws(() => util.stripVTControlCharacters(1), { code: 'ERR_INVALID_ARG_TYPE' });
});

// util.types

test('util.types tells built-in kinds apart by their internal slots', () => {
  const t = util.types;
  assert.strictEqual(t.isDate(new Date()), true);
  assert.strictEqual(t.isDate(Object.create(Date.prototype)), false);
  assert.strictEqual(t.isRegExp(/x/), true);
  assert.strictEqual(t.isRegExp(RegExp.prototype), false);
  assert.strictEqual(t.isMap(new Map()), true);
  assert.strictEqual(t.isMap({ [Symbol.toStringTag]: 'Map' }), false);
  assert.strictEqual(t.isSet(new Set()), true);
  assert.strictEqual(t.isWeakMap(new WeakMap()), true);
  assert.strictEqual(t.isWeakSet(new WeakSet()), true);
  assert.strictEqual(t.isWeakSet(new WeakMap()), false);
  assert.strictEqual(t.isTypedArray(new Uint8Array(1)), true);
  assert.strictEqual(t.isTypedArray(new DataView(new ArrayBuffer(1))), false);
  assert.strictEqual(t.isUint8Array(new Uint8Array(1)), true);
  assert.strictEqual(t.isUint8Array(new Int8Array(1)), false);
  assert.strictEqual(t.isFloat64Array(new Float64Array(1)), true);
  assert.strictEqual(t.isBigInt64Array(new BigInt64Array(1)), true);
  assert.strictEqual(t.isArrayBuffer(new ArrayBuffer(1)), true);
  assert.strictEqual(t.isSharedArrayBuffer(new ArrayBuffer(1)), false);
  assert.strictEqual(t.isAnyArrayBuffer(new ArrayBuffer(1)), true);
  assert.strictEqual(t.isDataView(new DataView(new ArrayBuffer(1))), true);
  assert.strictEqual(t.isArrayBufferView(new DataView(new ArrayBuffer(1))), true);
  assert.strictEqual(t.isNumberObject(new Number(1)), true);
  assert.strictEqual(t.isNumberObject(1), false);
  assert.strictEqual(t.isStringObject(new String('')), true);
  assert.strictEqual(t.isBooleanObject(new Boolean(false)), true);
  assert.strictEqual(t.isBigIntObject(Object(1n)), true);
  assert.strictEqual(t.isSymbolObject(Object(Symbol())), true);
  assert.strictEqual(t.isBoxedPrimitive(Object(Symbol())), true);
  assert.strictEqual(t.isBoxedPrimitive({}), false);
  assert.strictEqual(t.isNativeError(new TypeError()), true);
  assert.strictEqual(t.isNativeError(Object.create(Error.prototype)), false);
  assert.strictEqual(t.isPromise(Promise.resolve()), true);
  assert.strictEqual(t.isPromise({ then() {} }), false);
  assert.strictEqual(t.isPromise(Object.create(Promise.prototype)), false);
  assert.strictEqual(t.isProxy(new Proxy({}, {})), true);
  assert.strictEqual(t.isProxy({}), false);
  assert.strictEqual(t.isAsyncFunction(async () => {}), true);
  assert.strictEqual(t.isAsyncFunction(async function* () {}), true);
  assert.strictEqual(t.isAsyncFunction(() => {}), false);
  assert.strictEqual(t.isGeneratorFunction(function* () {}), true);
  assert.strictEqual(t.isGeneratorFunction(async function* () {}), true);
  assert.strictEqual(t.isGeneratorFunction(function () {}), false);
  assert.strictEqual(t.isGeneratorObject((function* () {})()), true);
  assert.strictEqual(t.isGeneratorObject({}), false);
  assert.strictEqual(t.isMapIterator(new Map().keys()), true);
  assert.strictEqual(t.isMapIterator(new Set().keys()), false);
  assert.strictEqual(t.isSetIterator(new Set().values()), true);
  assert.strictEqual(t.isArgumentsObject((function () { return arguments; })()), true);
  assert.strictEqual(t.isArgumentsObject([]), false);
  assert.strictEqual(t.isModuleNamespaceObject({}), false);
  assert.strictEqual(t.isExternal({}), false);
});
