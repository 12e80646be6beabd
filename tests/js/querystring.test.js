'use strict';
// node:querystring: Node's documented behaviour and its quirks, case by case, plus url.parse(s, true)
// which parses the query through querystring.
const test = require('node:test');
const assert = require('node:assert');
const qs = require('node:querystring');
const url = require('node:url');

process.noDeprecation = true;

const plain = (o) => ({ ...o });

test('module shape: encode/decode are stringify/parse', () => {
  assert.deepStrictEqual(Object.keys(qs).sort(),
    ['decode', 'encode', 'escape', 'parse', 'stringify', 'unescape', 'unescapeBuffer']);
  assert.strictEqual(qs.encode, qs.stringify);
  assert.strictEqual(qs.decode, qs.parse);
});

test('parse: repeated keys collect into arrays, the result has a null prototype', () => {
  const o = qs.parse('a=1&b=2&a=3&a=4');
  assert.strictEqual(Object.getPrototypeOf(o), null);
  assert.deepStrictEqual(plain(o), { a: ['1', '3', '4'], b: '2' });
});

test('parse: + is a space, escapes decode, malformed escapes stay', () => {
  assert.deepStrictEqual(plain(qs.parse('a+b=c+d&e=%41%zz&f=%E4%BD%A0&g=%')), { 'a b': 'c d', e: 'A%zz', f: '你', g: '%' });
  // Invalid UTF-8 in an escape becomes U+FFFD.
  assert.deepStrictEqual(plain(qs.parse('x=%ff%41')), { x: '\ufffdA' });
});

test('parse: empty pairs, missing values and missing keys', () => {
  assert.deepStrictEqual(plain(qs.parse('&&a&b=&=c&')), { a: '', b: '', '': 'c' });
  assert.deepStrictEqual(plain(qs.parse('')), {});
  assert.deepStrictEqual(plain(qs.parse(42)), {});
});

test('parse: which parts are decoded follows Node\'s escape check', () => {
  // A '+' does not interrupt an escape in a value; once a key has an escape, a second one in the
  // key marks the value for decoding too ('\u00ff%' decodes to U+FFFD and '%' only then).
  const entries = (s) => Object.entries(qs.parse(s));
  assert.deepStrictEqual(entries('%3D%41=\u00ff%'), [['=A', '\ufffd%']]);
  assert.deepStrictEqual(entries('%3D%4142=\u00ff%'), [['=A42', '\ufffd%']]);
  assert.deepStrictEqual(entries('a=%4+1\u00ff%'), [['a', '%4 1\ufffd%']]);
  assert.deepStrictEqual(entries('a=%4\u00ff%'), [['a', '%4\u00ff%']]);
  assert.deepStrictEqual(entries('k%4+1=\u00ff%'), [['k%4 1', '\u00ff%']]);
  assert.deepStrictEqual(entries('=x&=&&a'), [['', ['x', '']], ['a', '']]);
  assert.deepStrictEqual(entries('a&&b=&'), [['a', ''], ['b', '']]);
  assert.deepStrictEqual(entries('a=b=c&a=d&a'), [['a', ['b=c', 'd', '']]]);
});

test('parse: custom separators of several characters', () => {
  assert.deepStrictEqual(plain(qs.parse('a:1;b:2', ';', ':')), { a: '1', b: '2' });
  assert.deepStrictEqual(plain(qs.parse('a==1&&b==2', '&&', '==')), { a: '1', b: '2' });
  // No backtracking: in 'aab' with separator 'ab' the match restarts after the second 'a' fails.
  assert.deepStrictEqual(plain(qs.parse('x=1aab=2', 'ab')), { x: '1aab=2' });
});

test('parse: maxKeys limits the pairs read; 0 means no limit', () => {
  assert.deepStrictEqual(plain(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })), { a: '1', b: '2' });
  assert.deepStrictEqual(Object.keys(qs.parse('a&'.repeat(1500))).length, 1);
  const many = Array.from({ length: 1200 }, (_, i) => `k${i}=1`).join('&');
  assert.strictEqual(Object.keys(qs.parse(many)).length, 1000);
  assert.strictEqual(Object.keys(qs.parse(many, null, null, { maxKeys: 0 })).length, 1200);
});

test('parse: a custom decodeURIComponent is always called, and + becomes %20 for it', () => {
  const seen = [];
  const o = qs.parse('a+b=%41', null, null, { decodeURIComponent: (s) => { seen.push(s); return s.toLowerCase(); } });
  assert.deepStrictEqual(plain(o), { 'a%20b': '%41' });
  assert.deepStrictEqual(seen, ['a%20b', '%41']);
  // A decoder that throws falls back to querystring.unescape.
  assert.deepStrictEqual(plain(qs.parse('a=%41', null, null, { decodeURIComponent() { throw new Error(); } })), { a: 'A' });
});

test('parse uses a replaced querystring.unescape', () => {
  const saved = qs.unescape;
  qs.unescape = (s) => `<${s}>`;
  try {
    // A replaced unescape counts as a custom decoder: every key and value goes through it.
    assert.deepStrictEqual(plain(qs.parse('a=%41&b=c')), { '<a>': '<%41>', '<b>': '<c>' });
  } finally {
    qs.unescape = saved;
  }
});

test('stringify: arrays, numbers, booleans, bigints; other values are empty', () => {
  assert.strictEqual(qs.stringify({ a: [1, 2], b: 'x y', c: true, d: null, e: undefined, f: NaN, g: 10n, h: [], i: {} }),
    'a=1&a=2&b=x%20y&c=true&d=&e=&f=&g=10&i=');
  assert.strictEqual(qs.stringify({ big: 1e21, neg: -1e22, small: 1e-7 }), 'big=1e%2B21&neg=-1e%2B22&small=1e-7');
  assert.strictEqual(qs.stringify({ a: 1 }, ';', ':'), 'a:1');
  assert.strictEqual(qs.stringify('x'), '');
  assert.strictEqual(qs.stringify(null), '');
});

test('stringify: a custom encodeURIComponent sees every key and value as text', () => {
  const seen = [];
  const out = qs.stringify({ a: [1, true], b: null }, null, null, { encodeURIComponent: (s) => { seen.push(s); return s.toUpperCase(); } });
  assert.strictEqual(out, 'A=1&A=TRUE&B=');
  assert.deepStrictEqual(seen, ['a', '1', 'true', 'b', '']);
});

test('escape: encodeURIComponent\'s set, objects through String(), Node\'s surrogate handling', () => {
  assert.strictEqual(qs.escape("a b-_.!~*'()€😀"), "a%20b-_.!~*'()%E2%82%AC%F0%9F%98%80");
  assert.strictEqual(qs.escape({ toString() { return 'o k'; } }), 'o%20k');
  assert.strictEqual(qs.escape(12), '12');
  // A surrogate is combined with the unit after it, whatever that is.
  assert.strictEqual(qs.escape('\ud800a'), '%F0%90%81%A1');
  assert.throws(() => qs.escape('a\ud800'), { name: 'URIError', code: 'ERR_INVALID_URI', message: 'URI malformed' });
  assert.throws(() => qs.escape(Symbol('s')), TypeError);
});

test('unescape and unescapeBuffer', () => {
  assert.strictEqual(qs.unescape('%E4%BD%A0+'), '你+');
  assert.strictEqual(qs.unescape('%E4%BD%zz+', true), '\ufffd%zz ');
  const b = qs.unescapeBuffer('%41+%zz%4', true);
  assert.ok(b instanceof Uint8Array);
  if (typeof Buffer === 'function') assert.ok(Buffer.isBuffer(b));
  assert.deepStrictEqual(Array.from(b), [65, 32, 37, 122, 122, 37, 52]);
  assert.deepStrictEqual(Array.from(qs.unescapeBuffer('\u0141')), [0x41]);
});

test('url.parse(s, true) parses the query with querystring', () => {
  const u = url.parse('http://h/p?a=1&a=2&b=%41+c', true);
  assert.strictEqual(Object.getPrototypeOf(u.query), null);
  assert.deepStrictEqual(plain(u.query), { a: ['1', '2'], b: 'A c' });
  assert.strictEqual(u.search, '?a=1&a=2&b=%41+c');
  assert.deepStrictEqual(plain(url.parse('http://h/p', true).query), {});
  assert.strictEqual(url.format({ pathname: '/x', query: { q: 'a b', n: [1, 2] } }), '/x?q=a%20b&n=1&n=2');
});
