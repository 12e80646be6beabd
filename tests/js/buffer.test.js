'use strict';
// node:buffer: the Buffer class and module functions, each behaviour with Node 24's results and
// errors (code, class, message). Runs on dx and on Node 24; the limits (kMaxLength) differ by
// engine, so messages that print them are built from buffer.kMaxLength.
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');
const buffer = require('node:buffer');
const { Buffer, kMaxLength } = buffer;

process.noDeprecation = true;

const hex = (b) => Buffer.from(b).toString('hex');
function throwsCode(fn, code, name, message) {
  assert.throws(fn, (e) => {
    assert.strictEqual(e.code, code, `code of ${e}`);
    if (name) assert.strictEqual(e.name, name);
    if (message !== undefined) assert.strictEqual(e.message, message);
    return true;
  });
}

test('Buffer is a Uint8Array subclass whose instances share memory with their ArrayBuffer', () => {
  const b = Buffer.from([1, 2, 3, 4]);
  assert.ok(b instanceof Uint8Array);
  assert.ok(Buffer.isBuffer(b));
  assert.ok(!Buffer.isBuffer(new Uint8Array(2)));
  assert.strictEqual(Object.getPrototypeOf(Buffer.prototype), Uint8Array.prototype);
  assert.strictEqual(Object.getPrototypeOf(Buffer), Uint8Array);
  assert.strictEqual(b.constructor, Buffer);
  const s = b.subarray(1, 3);
  s[0] = 9;
  assert.strictEqual(b[1], 9);
  assert.ok(Buffer.isBuffer(s));
  const sl = b.slice(-2);
  sl[1] = 7;
  assert.strictEqual(b[3], 7);
  const u = new Uint8Array(b.buffer, b.byteOffset, b.length);
  u[0] = 5;
  assert.strictEqual(b[0], 5);
  assert.strictEqual(b.parent, b.buffer);
  assert.strictEqual(b.offset, b.byteOffset);
  assert.strictEqual(Buffer.prototype.parent, undefined);
});

test('module exports and constants', () => {
  assert.deepStrictEqual(Object.keys(buffer), ['Buffer', 'SlowBuffer', 'transcode', 'isUtf8', 'isAscii', 'kMaxLength',
    'kStringMaxLength', 'btoa', 'atob', 'constants', 'INSPECT_MAX_BYTES', 'Blob', 'resolveObjectURL', 'File']);
  assert.strictEqual(buffer.constants.MAX_LENGTH, kMaxLength);
  assert.strictEqual(buffer.constants.MAX_STRING_LENGTH, buffer.kStringMaxLength);
  assert.ok(kMaxLength >= 2 ** 32);
  assert.ok(buffer.kStringMaxLength >= 2 ** 28);
  assert.strictEqual(buffer.INSPECT_MAX_BYTES, 50);
  assert.strictEqual(Buffer.poolSize, 64 * 1024);
  assert.strictEqual(typeof globalThis.atob, 'function');
  assert.strictEqual(globalThis.Buffer, Buffer);
  assert.strictEqual(buffer.atob, globalThis.atob);
  assert.strictEqual(buffer.Blob, globalThis.Blob);
  assert.strictEqual(buffer.File, globalThis.File);
});

test('Buffer.from(string, encoding) in every encoding', () => {
  assert.strictEqual(hex(Buffer.from('héllo')), '68c3a96c6c6f');
  assert.strictEqual(hex(Buffer.from('héllo', 'utf-8')), '68c3a96c6c6f');
  assert.strictEqual(hex(Buffer.from('a\ud800b')), '61efbfbd62');
  assert.strictEqual(hex(Buffer.from('😀')), 'f09f9880');
  assert.strictEqual(hex(Buffer.from('aé€', 'utf16le')), '6100e900ac20');
  assert.strictEqual(hex(Buffer.from('aé', 'UCS-2')), '6100e900');
  assert.strictEqual(hex(Buffer.from('aé€', 'latin1')), '61e9ac');
  assert.strictEqual(hex(Buffer.from('aé€', 'binary')), '61e9ac');
  assert.strictEqual(hex(Buffer.from('aé€', 'ascii')), '61e9ac');
  assert.strictEqual(hex(Buffer.from('aGVsbG8=', 'base64')), '68656c6c6f');
  assert.strictEqual(hex(Buffer.from('aGV sbG8\n', 'base64')), '68656c6c6f');
  assert.strictEqual(hex(Buffer.from('-_-_', 'base64')), 'fbffbf');
  assert.strictEqual(hex(Buffer.from('+/+/', 'base64url')), 'fbffbf');
  assert.strictEqual(hex(Buffer.from('QQ==QUJD', 'base64')), '41');
  assert.strictEqual(hex(Buffer.from('QUJ\u013dQUJD', 'base64')), '4142');
  assert.strictEqual(hex(Buffer.from('0102zz03', 'hex')), '0102');
  assert.strictEqual(hex(Buffer.from('abc', 'hex')), 'ab');
  assert.strictEqual(hex(Buffer.from('ABCDEF', 'HEX')), 'abcdef');
  assert.strictEqual(hex(Buffer.from('abc', null)), '616263');
  assert.strictEqual(Buffer.from('').length, 0);
  throwsCode(() => Buffer.from('abc', 'bogus'), 'ERR_UNKNOWN_ENCODING', 'TypeError', 'Unknown encoding: bogus');
});

test('Buffer.from of arrays, array-likes, buffers, ArrayBuffers and objects', () => {
  assert.strictEqual(hex(Buffer.from([1, 256, -1, 3.7, '4'])), '0100ff0304');
  assert.strictEqual(hex(Buffer.from({ length: 2, 0: 5, 1: 6 })), '0506');
  assert.strictEqual(hex(Buffer.from({ length: 'x' })), '');
  assert.strictEqual(hex(Buffer.from({ type: 'Buffer', data: [7, 8] })), '0708');
  assert.strictEqual(hex(Buffer.from(new Uint16Array([0x102, 3]))), '0203');
  const src = Buffer.from([1, 2, 3]);
  const copy = Buffer.from(src);
  copy[0] = 9;
  assert.strictEqual(src[0], 1);
  const ab = new ArrayBuffer(8);
  const view = Buffer.from(ab, 2, 3);
  assert.strictEqual(view.length, 3);
  assert.strictEqual(view.byteOffset, 2);
  view[0] = 1;
  assert.strictEqual(new Uint8Array(ab)[2], 1);
  assert.strictEqual(Buffer.from(ab, 'x').length, 8);
  const growing = new ArrayBuffer(4, { maxByteLength: 16 });
  const tracking = Buffer.from(growing, 1);
  growing.resize(10);
  assert.strictEqual(tracking.length, 9);
  assert.strictEqual(Buffer.from(ab, 2, -1).length, 0);
  if (typeof SharedArrayBuffer === 'function') assert.strictEqual(Buffer.from(new SharedArrayBuffer(4)).length, 4);
  throwsCode(() => Buffer.from(ab, 9), 'ERR_BUFFER_OUT_OF_BOUNDS', 'RangeError', '"offset" is outside of buffer bounds');
  throwsCode(() => Buffer.from(ab, 1, 8), 'ERR_BUFFER_OUT_OF_BOUNDS', 'RangeError', '"length" is outside of buffer bounds');
  assert.strictEqual(Buffer.from(new String('ab')).toString(), 'ab');
  assert.strictEqual(Buffer.from({ [Symbol.toPrimitive]: () => 'xy' }).toString(), 'xy');
  assert.strictEqual(Buffer.from({ valueOf: () => 'hi' }, 'latin1').toString(), 'hi');
  const msg = 'The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an ' +
    'Array-like Object.';
  throwsCode(() => Buffer.from(5), 'ERR_INVALID_ARG_TYPE', 'TypeError', `${msg} Received type number (5)`);
  throwsCode(() => Buffer.from({}), 'ERR_INVALID_ARG_TYPE', 'TypeError', `${msg} Received an instance of Object`);
  throwsCode(() => Buffer.from(null), 'ERR_INVALID_ARG_TYPE', 'TypeError');
});

test('alloc, allocUnsafe, allocUnsafeSlow, of and the pool', () => {
  assert.strictEqual(hex(Buffer.alloc(3)), '000000');
  assert.strictEqual(hex(Buffer.alloc(5, 'ab')), '6162616261');
  assert.strictEqual(hex(Buffer.alloc(4, 'aGk=', 'base64')), '68696869');
  assert.strictEqual(hex(Buffer.alloc(3, 257)), '010101');
  assert.strictEqual(hex(Buffer.alloc(3, Buffer.from([1, 2]))), '010201');
  assert.strictEqual(Buffer.alloc(1.7).length, 1);
  const small = Buffer.allocUnsafe(10);
  assert.strictEqual(small.length, 10);
  assert.strictEqual(small.buffer.byteLength, Buffer.poolSize);
  assert.strictEqual(Buffer.allocUnsafeSlow(10).buffer.byteLength, 10);
  assert.strictEqual(Buffer.allocUnsafe(0).length, 0);
  assert.strictEqual(hex(Buffer.of(1, 2, 300)), '01022c');
  const range = `>= 0 && <= ${kMaxLength}`;
  for (const f of [Buffer.alloc, Buffer.allocUnsafe, Buffer.allocUnsafeSlow]) {
    throwsCode(() => f(-1), 'ERR_OUT_OF_RANGE', 'RangeError', `The value of "size" is out of range. It must be ${range}. Received -1`);
    throwsCode(() => f(NaN), 'ERR_OUT_OF_RANGE', 'RangeError');
    throwsCode(() => f('1'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
      'The "size" argument must be of type number. Received type string (\'1\')');
  }
});

test('byteLength of strings in each encoding, ArrayBuffers and views', () => {
  assert.strictEqual(Buffer.byteLength('héllo'), 6);
  assert.strictEqual(Buffer.byteLength('a\ud800'), 4);
  assert.strictEqual(Buffer.byteLength('😀'), 4);
  assert.strictEqual(Buffer.byteLength('abc', 'ucs2'), 6);
  assert.strictEqual(Buffer.byteLength('abcé', 'latin1'), 4);
  assert.strictEqual(Buffer.byteLength('abcé', 'ascii'), 4);
  assert.strictEqual(Buffer.byteLength('aGk=', 'base64'), 2);
  assert.strictEqual(Buffer.byteLength('aGk', 'base64url'), 2);
  assert.strictEqual(Buffer.byteLength('abc', 'hex'), 1);
  assert.strictEqual(Buffer.byteLength('aé', 'bogus'), 3);
  assert.strictEqual(Buffer.byteLength(new ArrayBuffer(7)), 7);
  assert.strictEqual(Buffer.byteLength(new Uint16Array(3)), 6);
  assert.strictEqual(Buffer.byteLength(new DataView(new ArrayBuffer(5))), 5);
  assert.strictEqual(Buffer.byteLength('é'.repeat(1000)), 2000);
  throwsCode(() => Buffer.byteLength(5), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "string" argument must be of type string or an instance of Buffer or ArrayBuffer. Received type number (5)');
});

test('isEncoding', () => {
  for (const e of ['utf8', 'UTF-8', 'ucs2', 'UCS-2', 'utf16le', 'UTF-16LE', 'latin1', 'Binary', 'ascii', 'base64',
    'BASE64URL', 'hex']) {
    assert.strictEqual(Buffer.isEncoding(e), true, e);
  }
  for (const e of ['', 'utf16-le', 'utf-16', 'bogus', null, undefined, 1, {}]) {
    assert.strictEqual(Buffer.isEncoding(e), false, String(e));
  }
});

test('concat', () => {
  assert.strictEqual(hex(Buffer.concat([Buffer.from('ab'), new Uint8Array([1])])), '616201');
  assert.strictEqual(hex(Buffer.concat([Buffer.from('ab')], 4)), '61620000');
  assert.strictEqual(hex(Buffer.concat([Buffer.from('abc')], 2)), '6162');
  assert.strictEqual(Buffer.concat([]).length, 0);
  throwsCode(() => Buffer.concat('x'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "list" argument must be an instance of Array. Received type string (\'x\')');
  throwsCode(() => Buffer.concat([1]), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "list[0]" argument must be an instance of Buffer or Uint8Array. Received type number (1)');
  throwsCode(() => Buffer.concat([Buffer.alloc(1)], -1), 'ERR_OUT_OF_RANGE', 'RangeError');
});

test('compare, equals and prototype compare with ranges', () => {
  const a = Buffer.from('abc');
  const b = Buffer.from('abd');
  assert.strictEqual(Buffer.compare(a, b), -1);
  assert.strictEqual(Buffer.compare(b, a), 1);
  assert.strictEqual(Buffer.compare(a, Buffer.from('abc')), 0);
  assert.strictEqual(Buffer.compare(a, Buffer.from('ab')), 1);
  assert.strictEqual(a.compare(b, 0, 2, 0, 2), 0);
  assert.strictEqual(a.compare(b, 1, 2), -1); // 'abc' against 'b'
  assert.strictEqual(a.compare(b, 0, 0, 0, 0), 0);
  assert.strictEqual(a.compare(b, 0, 1, 0, 0), -1);
  assert.strictEqual(a.compare(b, 0, 0, 0, 1), 1);
  const big1 = Buffer.alloc(5000, 1);
  const big2 = Buffer.alloc(5000, 1);
  assert.ok(big1.equals(big2));
  big2[4999] = 2;
  assert.ok(!big1.equals(big2));
  assert.strictEqual(big1.compare(big2), -1);
  assert.ok(a.equals(new Uint8Array([97, 98, 99])));
  throwsCode(() => Buffer.compare('x', a), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "buf1" argument must be an instance of Buffer or Uint8Array. Received type string (\'x\')');
  throwsCode(() => a.equals('x'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "otherBuffer" argument must be an instance of Buffer or Uint8Array. Received type string (\'x\')');
  throwsCode(() => a.compare(b, 0, 5), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "targetEnd" is out of range. It must be >= 0 && <= 3. Received 5');
  throwsCode(() => a.compare(b, -1), 'ERR_OUT_OF_RANGE', 'RangeError');
});

test('copyBytesFrom', () => {
  assert.strictEqual(hex(Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1)), '0200');
  assert.strictEqual(hex(Buffer.copyBytesFrom(new Uint8Array([1, 2, 3]), 1)), '0203');
  assert.strictEqual(hex(Buffer.copyBytesFrom(new Uint8Array([1, 2, 3]), 5)), '');
  throwsCode(() => Buffer.copyBytesFrom('x'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "view" argument must be an instance of TypedArray. Received type string (\'x\')');
  throwsCode(() => Buffer.copyBytesFrom(new Uint8Array(2), -1), 'ERR_OUT_OF_RANGE', 'RangeError');
});

test('toString with encodings and ranges', () => {
  const b = Buffer.from('héllo wörld');
  assert.strictEqual(b.toString(), 'héllo wörld');
  assert.strictEqual(b.toString('utf8', 1, 3), 'é');
  assert.strictEqual(b.toString('utf8', 1, 2), '\ufffd');
  assert.strictEqual(b.toString(undefined, -5, 100), 'héllo wörld');
  assert.strictEqual(b.toString('utf8', 5, 2), '');
  assert.strictEqual(b.toString('hex', 0, 2), '68c3');
  assert.strictEqual(b.toString('base64'), 'aMOpbGxvIHfDtnJsZA==');
  assert.strictEqual(b.toString('base64url'), 'aMOpbGxvIHfDtnJsZA');
  assert.strictEqual(b.toString('latin1', 0, 3), 'hÃ©');
  assert.strictEqual(b.toString('ascii', 0, 3), 'hC)');
  assert.strictEqual(Buffer.from([0x61, 0, 0x62]).toString('ucs2'), 'a');
  assert.strictEqual(Buffer.from([0xff, 0xfe, 0x41]).toString(), '\ufffd\ufffdA');
  assert.strictEqual(Buffer.from([0xf0, 0x9f, 0x98]).toString(), '\ufffd');
  assert.strictEqual(Buffer.from([0xed, 0xa0, 0x80]).toString(), '\ufffd\ufffd\ufffd');
  assert.strictEqual(b.toLocaleString(), b.toString());
  throwsCode(() => b.toString('bogus'), 'ERR_UNKNOWN_ENCODING', 'TypeError', 'Unknown encoding: bogus');
  throwsCode(() => b.toString(null), 'ERR_UNKNOWN_ENCODING', 'TypeError', 'Unknown encoding: null');
  const big = Buffer.alloc(100000, 'é');
  assert.strictEqual(big.toString(), 'é'.repeat(50000));
});

test('write with all argument shapes', () => {
  const b = Buffer.alloc(6);
  assert.strictEqual(b.write('abc'), 3);
  assert.strictEqual(hex(b), '616263000000');
  assert.strictEqual(b.write('ffee', 'hex'), 2);
  assert.strictEqual(hex(b), 'ffee63000000');
  assert.strictEqual(b.write('xy', 4), 2);
  assert.strictEqual(b.write('zzz', 1, 1), 1);
  assert.strictEqual(b.write('aGk=', 2, 'base64'), 2);
  assert.strictEqual(b.write('0102', 0, 1, 'hex'), 1);
  assert.strictEqual(hex(b), '017a68697879');
  assert.strictEqual(b.write('ééé', 3), 2); // a partial character is not written
  assert.strictEqual(b.write('abcd', 0, 'ucs2'), 6);
  assert.strictEqual(hex(b), '610062006300');
  assert.strictEqual(b.write('zz', 'hex'), 0);
  assert.strictEqual(b.write('', 0), 0);
  throwsCode(() => b.write(5), 'ERR_INVALID_ARG_TYPE', 'TypeError', 'argument must be a string');
  throwsCode(() => b.write('a', 7), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "offset" is out of range. It must be >= 0 && <= 6. Received 7');
  throwsCode(() => b.write('a', 1, 7), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "length" is out of range. It must be >= 0 && <= 6. Received 7');
  throwsCode(() => b.write('a', 1.5), 'ERR_OUT_OF_RANGE', 'RangeError');
  throwsCode(() => b.write('a', 0, 1, 'bogus'), 'ERR_UNKNOWN_ENCODING', 'TypeError');
});

test('fill with numbers, strings, buffers, offsets and encodings', () => {
  assert.strictEqual(hex(Buffer.alloc(4).fill(257)), '01010101');
  assert.strictEqual(hex(Buffer.alloc(4).fill(-1)), 'ffffffff');
  assert.strictEqual(hex(Buffer.alloc(5).fill('ab')), '6162616261');
  assert.strictEqual(hex(Buffer.alloc(4).fill('€', 1)), '00e282ac');
  assert.strictEqual(hex(Buffer.alloc(5).fill('\u0222', 'ucs2')), '2202220222');
  assert.strictEqual(hex(Buffer.alloc(5).fill(new Uint16Array([0x102, 0x304]))), '0201040302');
  assert.strictEqual(hex(Buffer.alloc(4).fill('a', 1, 3)), '00616100');
  assert.strictEqual(hex(Buffer.alloc(4).fill('0102', 'hex')), '01020102');
  assert.strictEqual(hex(Buffer.alloc(3).fill('')), '000000');
  assert.strictEqual(hex(Buffer.alloc(3).fill(true)), '010101');
  assert.strictEqual(hex(Buffer.alloc(3).fill('x', 2, 2)), '000000');
  const self = Buffer.from('abcdef');
  self.fill(self.subarray(0, 2), 2);
  assert.strictEqual(self.toString(), 'abababab'.slice(0, 6));
  const big = Buffer.alloc(10000).fill('xyz');
  assert.strictEqual(big.toString('latin1', 9990), 'xyzxyzxyzx'.slice(0, 10));
  throwsCode(() => Buffer.alloc(4).fill('zz', 'hex'), 'ERR_INVALID_ARG_VALUE', 'TypeError',
    "The argument 'value' is invalid. Received 'zz'");
  throwsCode(() => Buffer.alloc(4).fill(Buffer.alloc(0)), 'ERR_INVALID_ARG_VALUE', 'TypeError');
  throwsCode(() => Buffer.alloc(4).fill('a', 1, 5), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "end" is out of range. It must be >= 0 && <= 4. Received 5');
  throwsCode(() => Buffer.alloc(4).fill('a', -1), 'ERR_OUT_OF_RANGE', 'RangeError',
    `The value of "offset" is out of range. It must be >= 0 && <= ${kMaxLength}. Received -1`);
  throwsCode(() => Buffer.alloc(4).fill(1, 1.5), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "offset" is out of range. It must be an integer. Received 1.5');
  throwsCode(() => Buffer.alloc(4).fill('a', 'bogus'), 'ERR_UNKNOWN_ENCODING', 'TypeError', 'Unknown encoding: bogus');
});

test('indexOf, lastIndexOf and includes', () => {
  const b = Buffer.from('abcabc');
  assert.strictEqual(b.indexOf('bc'), 1);
  assert.strictEqual(b.indexOf('bc', 2), 4);
  assert.strictEqual(b.indexOf('bc', -2), 4);
  assert.strictEqual(b.indexOf('bc', -100), 1);
  assert.strictEqual(b.indexOf('bc', 100), -1);
  assert.strictEqual(b.indexOf(''), 0);
  assert.strictEqual(b.indexOf('', 100), 6);
  assert.strictEqual(b.lastIndexOf('bc'), 4);
  assert.strictEqual(b.lastIndexOf('bc', 3), 1);
  assert.strictEqual(b.lastIndexOf('bc', -100), -1);
  assert.strictEqual(b.lastIndexOf('bc', 100), 4);
  assert.strictEqual(b.indexOf(0x63), 2);
  assert.strictEqual(b.indexOf(0x163), 2);
  assert.strictEqual(b.lastIndexOf(99), 5);
  assert.strictEqual(b.indexOf(99, '2'), 2);
  assert.strictEqual(b.indexOf(Buffer.from('ca')), 2);
  assert.strictEqual(b.indexOf(new Uint8Array([0x61, 0x62])), 0);
  assert.strictEqual(b.indexOf('YmM=', 'base64'), 1);
  assert.strictEqual(b.indexOf('6263', 2, 'hex'), 4);
  assert.strictEqual(b.indexOf('b', undefined, 'latin1'), 1);
  assert.ok(b.includes('cab'));
  assert.ok(!b.includes('cab', 3));
  const u = Buffer.from('abcab', 'ucs2');
  assert.strictEqual(u.indexOf('ab', 0, 'ucs2'), 0);
  assert.strictEqual(u.indexOf('ab', 1, 'ucs2'), 0); // the offset is rounded down to a unit
  assert.strictEqual(u.indexOf('ab', 2, 'ucs2'), 6);
  assert.strictEqual(u.lastIndexOf('b', undefined, 'utf16le'), 8);
  assert.strictEqual(Buffer.from([0, 0x61, 0]).indexOf('a', 0, 'ucs2'), -1);
  const big = Buffer.alloc(100000, 'ab');
  big.write('needle', 77777);
  assert.strictEqual(big.indexOf('needle'), 77777);
  assert.strictEqual(big.lastIndexOf('needle'), 77777);
  throwsCode(() => b.indexOf({}), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "value" argument must be one of type number or string or an instance of Buffer or Uint8Array. Received an instance of Object');
  throwsCode(() => b.indexOf('a', 0, 'bogus'), 'ERR_UNKNOWN_ENCODING', 'TypeError', 'Unknown encoding: bogus');
});

test('copy', () => {
  const src = Buffer.from('abcdef');
  const dst = Buffer.alloc(4);
  assert.strictEqual(src.copy(dst), 4);
  assert.strictEqual(dst.toString(), 'abcd');
  assert.strictEqual(src.copy(dst, 2, 4), 2);
  assert.strictEqual(dst.toString(), 'abef');
  assert.strictEqual(src.copy(dst, 10), 0);
  assert.strictEqual(src.copy(dst, 0, 3, 2), 0);
  assert.strictEqual(src.copy(dst, 1.7, '1', 3), 2);
  assert.strictEqual(dst.toString(), 'abcf');
  src.copy(src, 1, 0, 5);
  assert.strictEqual(src.toString(), 'aabcde');
  const big = Buffer.alloc(1000, 'x');
  const bigDst = Buffer.alloc(1000);
  assert.strictEqual(big.copy(bigDst, 500), 500);
  assert.strictEqual(bigDst.toString('latin1', 499, 501), '\0x');
  throwsCode(() => src.copy('x'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "target" argument must be an instance of Buffer or Uint8Array. Received type string (\'x\')');
  throwsCode(() => src.copy(dst, -1), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "targetStart" is out of range. It must be >= 0. Received -1');
  throwsCode(() => src.copy(dst, 0, 7), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "sourceStart" is out of range. It must be >= 0 && <= 6. Received 7');
  throwsCode(() => src.copy(dst, 0, 0, -1), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "sourceEnd" is out of range. It must be >= 0. Received -1');
});

test('slice and subarray clamp like Node', () => {
  const b = Buffer.from('abcdef');
  assert.strictEqual(b.slice(1, -1).toString(), 'bcde');
  assert.strictEqual(b.slice(-100, 2).toString(), 'ab');
  assert.strictEqual(b.slice(4, 2).length, 0);
  assert.strictEqual(b.slice('1', '3').toString(), 'bc');
  assert.strictEqual(b.subarray(NaN, 2.9).toString(), 'ab');
  assert.strictEqual(b.subarray(2).toString(), 'cdef');
});

test('toJSON and JSON.stringify', () => {
  assert.deepStrictEqual(Buffer.from([1, 2]).toJSON(), { type: 'Buffer', data: [1, 2] });
  assert.strictEqual(JSON.stringify(Buffer.from('a')), '{"type":"Buffer","data":[97]}');
  assert.deepStrictEqual(Buffer.from(JSON.parse(JSON.stringify(Buffer.from('hi')))), Buffer.from('hi'));
});

test('swap16, swap32 and swap64', () => {
  assert.strictEqual(hex(Buffer.from('01020304', 'hex').swap16()), '02010403');
  assert.strictEqual(hex(Buffer.from('0102030405060708', 'hex').swap32()), '0403020108070605');
  assert.strictEqual(hex(Buffer.from('0102030405060708', 'hex').swap64()), '0807060504030201');
  const big = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) big[i] = i;
  big.swap32();
  assert.deepStrictEqual([big[0], big[3], big[252], big[255]], [3, 0, 255, 252]);
  throwsCode(() => Buffer.alloc(3).swap16(), 'ERR_INVALID_BUFFER_SIZE', 'RangeError', 'Buffer size must be a multiple of 16-bits');
  throwsCode(() => Buffer.alloc(6).swap32(), 'ERR_INVALID_BUFFER_SIZE', 'RangeError', 'Buffer size must be a multiple of 32-bits');
  throwsCode(() => Buffer.alloc(300).swap64(), 'ERR_INVALID_BUFFER_SIZE', 'RangeError', 'Buffer size must be a multiple of 64-bits');
});

test('number reads', () => {
  const b = Buffer.from('0102030405060708f0', 'hex');
  assert.strictEqual(b.readUInt8(0), 1);
  assert.strictEqual(b.readInt8(8), -16);
  assert.strictEqual(b.readUInt16LE(0), 0x0201);
  assert.strictEqual(b.readUInt16BE(0), 0x0102);
  assert.strictEqual(b.readInt16BE(7), 0x08f0);
  assert.strictEqual(b.readUInt32LE(0), 0x04030201);
  assert.strictEqual(b.readUInt32BE(5), 0x060708f0);
  assert.strictEqual(b.readInt32BE(5), 0x060708f0);
  assert.strictEqual(Buffer.from('ffffffff', 'hex').readInt32LE(), -1);
  assert.strictEqual(b.readUIntLE(0, 6), 0x060504030201);
  assert.strictEqual(b.readUIntBE(0, 6), 0x010203040506);
  assert.strictEqual(b.readIntBE(4, 5), 0x05060708f0);
  assert.strictEqual(Buffer.from('ffffffffffff', 'hex').readIntLE(0, 6), -1);
  assert.strictEqual(Buffer.from('800000', 'hex').readIntBE(0, 3), -0x800000);
  assert.strictEqual(b.readBigUInt64LE(0), 0x0807060504030201n);
  assert.strictEqual(b.readBigUInt64BE(1), 0x02030405060708f0n);
  assert.strictEqual(Buffer.from('ffffffffffffffff', 'hex').readBigInt64LE(), -1n);
  assert.strictEqual(b.readBigUint64LE, b.readBigUInt64LE);
  assert.strictEqual(b.readUint32LE, b.readUInt32LE);
  assert.strictEqual(Buffer.from('0000803f', 'hex').readFloatLE(), 1);
  assert.strictEqual(Buffer.from('3ff0000000000000', 'hex').readDoubleBE(), 1);
  throwsCode(() => Buffer.alloc(4).readUInt32LE(1), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "offset" is out of range. It must be >= 0 and <= 0. Received 1');
  throwsCode(() => Buffer.alloc(4).readUInt8(1.5), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "offset" is out of range. It must be an integer. Received 1.5');
  throwsCode(() => Buffer.alloc(4).readUInt8('1'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "offset" argument must be of type number. Received type string (\'1\')');
  throwsCode(() => Buffer.alloc(2).readUInt32LE(0), 'ERR_BUFFER_OUT_OF_BOUNDS', 'RangeError',
    'Attempt to access memory outside buffer bounds');
  throwsCode(() => Buffer.alloc(8).readIntLE(0, 7), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "byteLength" is out of range. It must be >= 1 and <= 6. Received 7');
  throwsCode(() => Buffer.alloc(8).readIntLE(0), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "byteLength" argument must be of type number. Received undefined');
  throwsCode(() => Buffer.alloc(8).readUIntBE(), 'ERR_INVALID_ARG_TYPE', 'TypeError');
  throwsCode(() => Buffer.alloc(8).readBigInt64LE(1), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "offset" is out of range. It must be >= 0 and <= 0. Received 1');
});

test('number writes', () => {
  const b = Buffer.alloc(8);
  assert.strictEqual(b.writeUInt8(255), 1);
  assert.strictEqual(b.writeInt16BE(-2, 1), 3);
  assert.strictEqual(hex(b.subarray(0, 3)), 'fffffe');
  assert.strictEqual(b.writeUInt32LE(0xdeadbeef, 4), 8);
  assert.strictEqual(hex(b.subarray(4)), 'efbeadde');
  assert.strictEqual(b.writeUIntBE(0x123456789abc, 0, 6), 6);
  assert.strictEqual(hex(b.subarray(0, 6)), '123456789abc');
  assert.strictEqual(b.writeIntLE(-2, 0, 5), 5);
  assert.strictEqual(hex(b.subarray(0, 5)), 'feffffffff');
  assert.strictEqual(b.writeBigInt64BE(-2n), 8);
  assert.strictEqual(hex(b), 'fffffffffffffffe');
  assert.strictEqual(b.writeBigUInt64LE(1n), 8);
  assert.strictEqual(hex(b), '0100000000000000');
  assert.strictEqual(b.writeDoubleLE('x'), 8);
  assert.ok(Number.isNaN(b.readDoubleLE()));
  assert.strictEqual(b.writeFloatBE(1.5, 4), 8);
  assert.strictEqual(b.readFloatBE(4), 1.5);
  assert.strictEqual(b.writeUInt8('7'), 1);
  assert.strictEqual(b[0], 7);
  throwsCode(() => b.writeUInt8(256), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "value" is out of range. It must be >= 0 and <= 255. Received 256');
  throwsCode(() => b.writeInt8(-129), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "value" is out of range. It must be >= -128 and <= 127. Received -129');
  throwsCode(() => b.writeUInt32LE(2 ** 32), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "value" is out of range. It must be >= 0 and <= 4294967295. Received 4294967296');
  throwsCode(() => b.writeUIntLE(2 ** 48, 0, 6), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "value" is out of range. It must be >= 0 and < 2 ** 48. Received 281_474_976_710_656');
  throwsCode(() => b.writeIntBE(-(2 ** 47) - 1, 0, 6), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "value" is out of range. It must be >= -(2 ** 47) and < 2 ** 47. Received -140_737_488_355_329');
  throwsCode(() => b.writeBigInt64LE(2n ** 63n), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "value" is out of range. It must be >= -(2n ** 63n) and < 2n ** 63n. Received 9_223_372_036_854_775_808n');
  throwsCode(() => b.writeBigUInt64LE(-1n), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "value" is out of range. It must be >= 0n and < 2n ** 64n. Received -1n');
  assert.throws(() => b.writeBigUInt64LE(1), TypeError);
  throwsCode(() => b.writeFloatLE(1, 5), 'ERR_OUT_OF_RANGE', 'RangeError',
    'The value of "offset" is out of range. It must be >= 0 and <= 4. Received 5');
  throwsCode(() => b.writeUIntLE(1, 0, 0), 'ERR_OUT_OF_RANGE', 'RangeError');
});

test('util.inspect prints <Buffer ..> with INSPECT_MAX_BYTES and extra properties', () => {
  assert.strictEqual(util.inspect(Buffer.from([1, 2, 255])), '<Buffer 01 02 ff>');
  assert.strictEqual(util.inspect(Buffer.alloc(0)), '<Buffer >');
  assert.strictEqual(util.inspect(Buffer.alloc(51)), `<Buffer ${'00 '.repeat(50)}... 1 more byte>`);
  assert.strictEqual(util.inspect(Object.assign(Buffer.from([1]), { x: 1 })), '<Buffer 01, x: 1>');
  assert.strictEqual(util.inspect({ b: Buffer.from('hi') }), '{ b: <Buffer 68 69> }');
  const old = buffer.INSPECT_MAX_BYTES;
  buffer.INSPECT_MAX_BYTES = 2;
  try {
    assert.strictEqual(util.inspect(Buffer.from([1, 2, 3, 4])), '<Buffer 01 02 ... 2 more bytes>');
  } finally {
    buffer.INSPECT_MAX_BYTES = old;
  }
  throwsCode(() => { buffer.INSPECT_MAX_BYTES = -1; }, 'ERR_OUT_OF_RANGE', 'RangeError');
  assert.strictEqual(Buffer.from([1]).inspect(), '<Buffer 01>');
});

test('assert.deepStrictEqual compares Buffers by content and type', () => {
  assert.deepStrictEqual(Buffer.from('ab'), Buffer.from('ab'));
  assert.throws(() => assert.deepStrictEqual(Buffer.from('ab'), Buffer.from('ac')), assert.AssertionError);
  assert.throws(() => assert.deepStrictEqual(Buffer.from('ab'), new Uint8Array([97, 98])), assert.AssertionError);
  assert.deepEqual(Buffer.from('ab'), new Uint8Array([97, 98]));
});

test('transcode', () => {
  const { transcode } = buffer;
  assert.strictEqual(hex(transcode(Buffer.from('€aé'), 'utf8', 'latin1')), '3f61e9');
  assert.strictEqual(hex(transcode(Buffer.from('€a'), 'utf8', 'ascii')), '3f61');
  assert.strictEqual(hex(transcode(Buffer.from('aé'), 'utf8', 'ucs2')), '6100e900');
  assert.strictEqual(hex(transcode(Buffer.from('6100e900', 'hex'), 'ucs2', 'utf8')), '61c3a9');
  assert.strictEqual(hex(transcode(Buffer.from([0xff, 0x41]), 'latin1', 'utf8')), 'c3bf41');
  assert.strictEqual(hex(transcode(Buffer.from([0xff, 0x41]), 'ascii', 'ucs2')), 'ff004100');
  assert.strictEqual(hex(transcode(Buffer.from('abc'), 'binary', 'utf16le')), '610062006300');
  assert.strictEqual(transcode(Buffer.alloc(0), 'x', 'y').length, 0);
  assert.throws(() => transcode(Buffer.from([0xff]), 'utf8', 'ucs2'),
    (e) => e.code === 'U_INVALID_CHAR_FOUND' && e.errno === 10 && e.message === 'Unable to transcode Buffer [U_INVALID_CHAR_FOUND]');
  assert.throws(() => transcode(Buffer.from('a'), 'utf8', 'hex'),
    (e) => e.code === 'U_ILLEGAL_ARGUMENT_ERROR' && e.errno === 1);
  throwsCode(() => transcode('abc', 'utf8', 'ucs2'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "source" argument must be an instance of Buffer or Uint8Array. Received type string (\'abc\')');
});

test('isUtf8 and isAscii', () => {
  const { isUtf8, isAscii } = buffer;
  assert.strictEqual(isUtf8(Buffer.from('héllo 😀')), true);
  assert.strictEqual(isUtf8(Buffer.from([0xc0, 0x80])), false);
  assert.strictEqual(isUtf8(Buffer.from([0xed, 0xa0, 0x80])), false);
  assert.strictEqual(isUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80])), false);
  assert.strictEqual(isUtf8(Buffer.from([0xe2, 0x82])), false);
  assert.strictEqual(isUtf8(new ArrayBuffer(3)), true);
  assert.strictEqual(isUtf8(new Uint16Array([0xffff])), false);
  assert.strictEqual(isAscii(Buffer.from('hello')), true);
  assert.strictEqual(isAscii(Buffer.from('héllo')), false);
  assert.strictEqual(isAscii(Buffer.alloc(1000, 'a')), true);
  throwsCode(() => isUtf8('x'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "input" argument must be an instance of ArrayBuffer, Buffer, or TypedArray. Received type string (\'x\')');
  throwsCode(() => isAscii(5), 'ERR_INVALID_ARG_TYPE', 'TypeError');
});

test('atob and btoa', () => {
  assert.strictEqual(btoa('hello'), 'aGVsbG8=');
  assert.strictEqual(btoa('\u00ff\u0000'), '/wA=');
  assert.strictEqual(btoa(12), 'MTI=');
  assert.strictEqual(atob('aGVsbG8='), 'hello');
  assert.strictEqual(atob(' aGVs\nbG8 '), 'hello');
  assert.strictEqual(atob('YQ'), 'a');
  assert.strictEqual(atob('/wA='), '\u00ff\u0000');
  assert.strictEqual(atob(null), '\u009e\u00e9e');
  const invalid = (fn, message) => assert.throws(fn, (e) => e instanceof DOMException &&
    e.name === 'InvalidCharacterError' && e.code === 5 && e.message === message);
  invalid(() => atob('a'), 'The string to be decoded is not correctly encoded.');
  invalid(() => atob('a*'), 'Invalid character');
  invalid(() => atob('-_'), 'Invalid character');
  invalid(() => btoa('\u0100'), 'Invalid character');
  throwsCode(() => atob(), 'ERR_MISSING_ARGS', 'TypeError', 'The "input" argument must be specified');
  throwsCode(() => btoa(), 'ERR_MISSING_ARGS', 'TypeError', 'The "input" argument must be specified');
});

test('SlowBuffer and the legacy Buffer() constructor', () => {
  assert.strictEqual(buffer.SlowBuffer(3).length, 3);
  assert.ok(buffer.SlowBuffer(3) instanceof Uint8Array);
  assert.strictEqual(hex(Buffer(2)), '0000');
  assert.strictEqual(hex(new Buffer('ab')), '6162');
  assert.strictEqual(hex(new Buffer('ab', 'hex')), 'ab');
  throwsCode(() => Buffer(2, 'utf8'), 'ERR_INVALID_ARG_TYPE', 'TypeError');
});

test('legacy per-encoding methods', () => {
  const b = Buffer.alloc(4);
  assert.strictEqual(b.latin1Write('ab', 1), 2);
  assert.strictEqual(b.hexSlice(), '00616200');
  assert.strictEqual(b.utf8Slice(1, 3), 'ab');
  assert.strictEqual(b.ucs2Write('a'), 2);
  assert.strictEqual(b.base64Slice(0, 3), 'YQBi');
});

test('large inputs (the huge-page and in-place paths, 1 MB and up) encode and decode as small ones do', () => {
  // Each large result is checked against the concatenation of the same codec over small pieces.
  const size = (6 << 20) + 7; // over 4 MB, not a multiple of 3 or of 2 MB
  const bin = Buffer.allocUnsafe(size);
  let x = 0x9e3779b9;
  for (let i = 0; i < size; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; bin[i] = x & 0xff; }
  const piece = 3 * 4096;
  const pieces = (enc) => {
    const out = [];
    for (let i = 0; i < size; i += piece) out.push(bin.subarray(i, Math.min(size, i + piece)).toString(enc));
    return out.join('');
  };
  for (const enc of ['base64', 'base64url', 'hex', 'latin1', 'ascii']) {
    const s = bin.toString(enc);
    assert.strictEqual(s, pieces(enc), enc);
    if (enc !== 'ascii') assert.ok(Buffer.from(s, enc).equals(bin), `${enc} round trip`);
  }
  // ucs2 from an odd offset (unaligned) and an even one; an odd length drops the last byte.
  for (const off of [0, 1]) {
    const v = bin.subarray(off, off + (2 << 20) + 3);
    const s = v.toString('ucs2');
    assert.strictEqual(s.length, (v.length - 1) / 2);
    for (const i of [0, 1, 12345, s.length - 1]) assert.strictEqual(s.charCodeAt(i), v.readUInt16LE(2 * i));
  }
  const text = 'plain ascii text\n'.repeat(400000); // 6.8 MB
  const enc = new TextEncoder().encode(text);
  assert.strictEqual(enc.length, text.length);
  assert.strictEqual(Buffer.from(enc.buffer, enc.byteOffset, enc.length).toString('latin1'), text);
  assert.strictEqual(new TextDecoder().decode(enc), text);
  assert.strictEqual(Buffer.from(text).toString(), text);
});

test('many large results in a row keep their own bytes (freed blocks are reused only once dead)', () => {
  // 48 results of 3-8 MB from every path that makes big buffers; half of them (the latin1 and
  // TextEncoder ones) stay alive to the end. Each is checked when made, the live ones again at the end.
  const live = [];
  const sizes = [3 << 20, 5 << 20, (8 << 20) - 1];
  for (let i = 0; i < 48; i++) {
    const n = sizes[i % 3];
    const fill = String.fromCharCode(97 + (i % 26));
    const kind = i % 4;
    let buf;
    if (kind === 0) buf = Buffer.from(fill.repeat(n), 'latin1');
    else if (kind === 1) buf = Buffer.from(Buffer.alloc(n, fill).toString('base64'), 'base64');
    else if (kind === 2) buf = Buffer.from(Buffer.alloc(n, fill).toString('hex'), 'hex');
    else buf = Buffer.from(new TextEncoder().encode(fill.repeat(n)));
    assert.strictEqual(buf.length, n);
    assert.ok(buf.equals(Buffer.alloc(n, fill)), `result ${i}`);
    if (i % 4 === 3 || i % 4 === 0) live.push([buf, n, fill]);
  }
  for (const [buf, n, fill] of live) assert.ok(buf.equals(Buffer.alloc(n, fill)));
});

test('unpooled allocUnsafe, allocUnsafeSlow and SlowBuffer buffers own exactly their bytes', () => {
  // Sizes around the pool limit (Buffer.poolSize >>> 1) and around the size from which dx hands out
  // memory that JSC did not zero (8192); fractional sizes truncate as Node's do.
  const limit = Buffer.poolSize >>> 1;
  const sizes = [1, 4096, 8191, 8192, 8193, 9000.7, limit - 1, limit, limit + 1, 65536, 200003, 1 << 20, (1 << 20) + 9];
  const live = [];
  for (const [name, f] of [['allocUnsafe', Buffer.allocUnsafe], ['allocUnsafeSlow', Buffer.allocUnsafeSlow],
    ['SlowBuffer', buffer.SlowBuffer]]) {
    for (const size of sizes) {
      const b = f(size);
      const n = Math.trunc(size);
      const pooled = f === Buffer.allocUnsafe && n < limit;
      assert.strictEqual(b.length, n, `${name}(${size})`);
      assert.strictEqual(Object.getPrototypeOf(b), Buffer.prototype, `${name}(${size})`);
      assert.ok(Buffer.isBuffer(b) && ArrayBuffer.isView(b));
      if (!pooled) {
        assert.strictEqual(b.byteOffset, 0, `${name}(${size})`);
        assert.strictEqual(b.buffer.byteLength, n, `${name}(${size})`);
      }
      b[0] = 1;
      b[n - 1] = 2;
      assert.strictEqual(b[n], undefined);
      b.fill(live.length & 0xff);
      live.push(b);
    }
  }
  // Every buffer kept its own bytes while the others were written.
  live.forEach((b, i) => assert.ok(b.equals(Buffer.alloc(b.length, i & 0xff)), `buffer ${i}`));
});

test('an unpooled allocUnsafe buffer\'s ArrayBuffer transfers and detaches', () => {
  const b = Buffer.allocUnsafe(65536);
  b.fill(7);
  const ab = b.buffer;
  const moved = ab.transfer();
  assert.strictEqual(ab.detached, true);
  assert.strictEqual(b.length, 0);
  assert.strictEqual(moved.byteLength, 65536);
  assert.strictEqual(new Uint8Array(moved)[65535], 7);
  const c = Buffer.allocUnsafeSlow(10000);
  c.fill(3);
  const copy = structuredClone(c.buffer, { transfer: [c.buffer] });
  assert.strictEqual(c.length, 0);
  assert.strictEqual(new Uint8Array(copy)[9999], 3);
});
