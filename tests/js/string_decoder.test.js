'use strict';
// node:string_decoder as in Node 24: every encoding, characters split across writes, end(),
// lastChar/lastNeed/lastTotal, text(), the encoding names and argument errors.

const { test } = require('node:test');
const assert = require('node:assert');
const util = require('node:util');
const { StringDecoder } = require('node:string_decoder');

const u8 = (...a) => Uint8Array.from(a);

function state(d) {
  return [d.lastNeed, d.lastTotal, [...d.lastChar]];
}

test('encoding names are normalised; unknown ones throw ERR_UNKNOWN_ENCODING', () => {
  const cases = [[undefined, 'utf8'], [null, 'utf8'], ['', 'utf8'], ['UTF-8', 'utf8'], ['Utf8', 'utf8'],
    ['ucs2', 'utf16le'], ['UCS-2', 'utf16le'], ['utf-16le', 'utf16le'], ['binary', 'latin1'], ['LATIN1', 'latin1'],
    ['base64', 'base64'], ['BASE64URL', 'base64url'], ['hex', 'hex'], ['ASCII', 'ascii']];
  for (const [given, want] of cases) assert.strictEqual(new StringDecoder(given).encoding, want, String(given));
  for (const bad of ['foo', 'utf-16be', 'utf16', 'buffer', 1, {}, true]) {
    assert.throws(() => new StringDecoder(bad), {
      name: 'TypeError', code: 'ERR_UNKNOWN_ENCODING', message: `Unknown encoding: ${util.inspect(bad).replace(/^'|'$/g, '')}`,
    }, String(bad));
  }
});

test('write() rejects what is not a buffer, typed array or DataView', () => {
  const d = new StringDecoder('utf8');
  for (const bad of [1, {}, null, [1], true]) {
    assert.throws(() => d.write(bad), {
      name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
      message: /^The "buf" argument must be an instance of Buffer, TypedArray, or DataView\. Received /,
    });
  }
  assert.throws(() => d.end(5), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.strictEqual(d.write('already text'), 'already text');
  assert.throws(() => StringDecoder.prototype.write.call({}, u8(1)), {
    name: 'TypeError', code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type StringDecoder',
  });
});

test('utf8: characters split anywhere are held until complete', () => {
  const d = new StringDecoder('utf8');
  assert.strictEqual(d.write(u8(0xe2)), '');
  assert.deepStrictEqual(state(d), [2, 3, [0xe2, 0, 0, 0]]);
  assert.strictEqual(d.write(u8(0x82)), '');
  assert.deepStrictEqual(state(d), [1, 3, [0xe2, 0x82, 0, 0]]);
  assert.strictEqual(d.write(u8(0xac, 0x41)), '€A');
  assert.deepStrictEqual(state(d), [0, 0, [0xe2, 0x82, 0xac, 0]]);
  assert.strictEqual(d.write(u8(0xf0, 0x9f, 0x98)), '');
  assert.strictEqual(d.end(u8(0x80)), '😀');
  assert.strictEqual(d.end(), '');
});

test('utf8: a held sequence cut short or left at end() becomes U+FFFD per maximal subpart', () => {
  let d = new StringDecoder('utf8');
  assert.strictEqual(d.write(u8(0xf0, 0x9f)), '');
  assert.strictEqual(d.write(u8(0x41)), '\ufffdA');
  assert.deepStrictEqual(state(d), [0, 0, [0xf0, 0x9f, 0, 0]]);
  d = new StringDecoder('utf8');
  assert.strictEqual(d.write(u8(0xe0, 0x80)), '');
  assert.deepStrictEqual(state(d), [1, 3, [0xe0, 0x80, 0, 0]]);
  assert.strictEqual(d.end(), '\ufffd\ufffd');
  assert.deepStrictEqual(state(d), [0, 0, [0xe0, 0x80, 0, 0]]);
  d = new StringDecoder('utf8');
  assert.strictEqual(d.write(u8(0xf5)), '');
  assert.deepStrictEqual(state(d), [3, 4, [0xf5, 0, 0, 0]]);
  assert.strictEqual(d.end(), '\ufffd');
  d = new StringDecoder('utf8');
  assert.strictEqual(d.write(u8(0xe2, 0x41, 0xc2)), '\ufffdA');
  assert.deepStrictEqual(state(d), [1, 2, [0xc2, 0, 0, 0]]);
  assert.strictEqual(d.end(u8(0xa9)), '©');
  assert.strictEqual(new StringDecoder('utf8').write(u8(0x80, 0xff, 0x41)), '\ufffd\ufffdA');
});

test('utf16le: odd bytes and surrogate pairs split across writes', () => {
  let d = new StringDecoder('utf16le');
  assert.strictEqual(d.write(u8(0x41)), '');
  assert.deepStrictEqual(state(d), [1, 2, [0x41, 0, 0, 0]]);
  assert.strictEqual(d.write(u8(0x00, 0x3d)), 'A');
  assert.deepStrictEqual(state(d), [1, 2, [0x3d, 0, 0, 0]]);
  // A high surrogate completed from a held byte is written out at once.
  assert.strictEqual(d.write(u8(0xd8)), '\ud83d');
  assert.deepStrictEqual(state(d), [0, 0, [0x3d, 0xd8, 0, 0]]);
  // One that ends a write waits for its low surrogate.
  assert.strictEqual(d.write(u8(0x3d, 0xd8)), '');
  assert.deepStrictEqual(state(d), [2, 4, [0x3d, 0xd8, 0, 0]]);
  assert.strictEqual(d.write(u8(0x00)), '');
  assert.deepStrictEqual(state(d), [1, 4, [0x3d, 0xd8, 0x00, 0]]);
  assert.strictEqual(d.write(u8(0xde)), '😀');
  d = new StringDecoder('utf16le');
  assert.strictEqual(d.write(u8(0x3d, 0xd8, 0x41)), '\ud83d');
  assert.strictEqual(d.end(), '');
  d = new StringDecoder('ucs2');
  assert.strictEqual(d.write(u8(0x3d, 0xd8)), '');
  assert.strictEqual(d.end(), '\ud83d');
  d = new StringDecoder('utf16le');
  assert.strictEqual(d.write(u8(0x3d, 0xd8)), '');
  assert.strictEqual(d.write(u8(0x41, 0x00)), '\ud83dA');
});

test('base64 and base64url: groups of three bytes', () => {
  let d = new StringDecoder('base64');
  assert.strictEqual(d.write(u8(1)), '');
  assert.deepStrictEqual(state(d), [2, 3, [1, 0, 0, 0]]);
  assert.strictEqual(d.write(u8(2)), '');
  assert.strictEqual(d.write(u8(3, 4)), 'AQID');
  assert.deepStrictEqual(state(d), [2, 3, [4, 2, 3, 0]]);
  assert.strictEqual(d.end(), 'BA==');
  assert.strictEqual(d.end(u8(0xfb, 0xff)), '+/8=');
  d = new StringDecoder('base64url');
  assert.strictEqual(d.write(u8(1, 2, 3, 4, 5)), 'AQID');
  assert.strictEqual(d.end(), 'BAU');
  assert.strictEqual(new StringDecoder('base64url').end(u8(0xfb, 0xff)), '-_8');
});

test('hex, latin1 and ascii hold nothing', () => {
  assert.strictEqual(new StringDecoder('hex').write(u8(0, 1, 0xab, 0xff)), '0001abff');
  assert.strictEqual(new StringDecoder('latin1').write(u8(0x41, 0xe9, 0xff)), 'Aéÿ');
  assert.strictEqual(new StringDecoder('binary').end(u8(0x80)), '\x80');
  assert.strictEqual(new StringDecoder('ascii').write(u8(0x41, 0xe9, 0xff)), 'Ai\x7f');
  const d = new StringDecoder('hex');
  d.write(u8(1));
  assert.deepStrictEqual(state(d), [0, 0, [0, 0, 0, 0]]);
});

test('inputs: Buffer, any typed array and DataView, with offsets', () => {
  const d = new StringDecoder('utf8');
  assert.strictEqual(d.write(new Uint16Array([0x41, 0x42])), 'A\0B\0');
  assert.strictEqual(d.write(new DataView(u8(0x61, 0x62, 0x63).buffer, 1)), 'bc');
  assert.strictEqual(d.write(u8(0x61, 0x62, 0x63).subarray(2)), 'c');
  assert.strictEqual(d.write(Buffer.from('€uro')), '€uro');
  assert.strictEqual(d.write(new Uint8Array(0)), '');
  if (typeof Float16Array === 'function') {
    assert.strictEqual(d.write(new Float16Array(Uint8Array.of(0x61, 0x62, 0x63, 0x64).buffer)), 'abcd');
  }
});

test('text(buf, offset) drops held bytes and decodes from offset', () => {
  const d = new StringDecoder('utf8');
  d.write(u8(0xe2));
  assert.strictEqual(d.text(Buffer.from([0x41, 0x42, 0x43]), 1), 'BC');
  assert.strictEqual(d.lastNeed, 0);
});

test('shape: prototype methods, own properties, inspect', () => {
  const d = new StringDecoder('utf8');
  assert.deepStrictEqual(Object.keys(d), ['encoding']);
  assert.deepStrictEqual(Object.getOwnPropertyNames(StringDecoder.prototype),
    ['constructor', 'write', 'end', 'text', 'lastChar', 'lastNeed', 'lastTotal']);
  assert.ok(Buffer.isBuffer(d.lastChar));
  assert.strictEqual(d.lastChar.length, 4);
  assert.strictEqual(util.inspect(new StringDecoder('hex')),
    "StringDecoder {\n  encoding: 'hex',\n  Symbol(kNativeDecoder): <Buffer 00 00 00 00 00 00 05>\n}");
  assert.strictEqual(require('string_decoder').StringDecoder, StringDecoder);
});

test('a large write decodes in one piece', () => {
  const s = 'aé€😀'.repeat(50000);
  const d = new StringDecoder('utf8');
  const b = Buffer.from(s);
  assert.strictEqual(d.write(b.subarray(0, 100001)) + d.end(b.subarray(100001)), s);
});
