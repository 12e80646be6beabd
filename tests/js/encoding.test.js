'use strict';
// TextEncoder and TextDecoder as Node 24 has them: the label table, options, BOM handling,
// streaming, fatal mode, input kinds, argument errors, the class shape and util.inspect output.

const { test } = require('node:test');
const assert = require('node:assert');
const util = require('node:util');

const u8 = (...a) => Uint8Array.from(a);

test('TextDecoder defaults to utf-8, not fatal, BOM removed', () => {
  const d = new TextDecoder();
  assert.strictEqual(d.encoding, 'utf-8');
  assert.strictEqual(d.fatal, false);
  assert.strictEqual(d.ignoreBOM, false);
  assert.strictEqual(d.decode(u8(0xef, 0xbb, 0xbf, 0x41)), 'A');
  assert.strictEqual(d.decode(), '');
  assert.strictEqual(d.decode(undefined), '');
});

test('labels are ASCII case-insensitive and whitespace-trimmed', () => {
  const cases = [
    ['UTF8', 'utf-8'], [' unicode-1-1-utf-8\n', 'utf-8'], ['\t\r\fLatin1 ', 'windows-1252'], ['ascii', 'windows-1252'],
    ['US-ASCII', 'windows-1252'], ['iso-8859-1', 'windows-1252'], ['utf-16', 'utf-16le'], ['UnicodeFFFE', 'utf-16be'],
    ['ucs-2', 'utf-16le'], ['csshiftjis', 'shift_jis'], ['x-sjis', 'shift_jis'], ['gb2312', 'gbk'], ['chinese', 'gbk'],
    ['GB18030', 'gb18030'], ['big5-hkscs', 'big5'], ['x-euc-jp', 'euc-jp'], ['csiso2022jp', 'iso-2022-jp'],
    ['korean', 'euc-kr'], ['windows-949', 'euc-kr'], ['koi', 'koi8-r'], ['koi8-ru', 'koi8-u'], ['mac', 'macintosh'],
    ['tis-620', 'windows-874'], ['iso-8859-9', 'windows-1254'], ['logical', 'iso-8859-8-i'], ['visual', 'iso-8859-8'],
    ['iso-8859-16', 'iso-8859-16'], ['x-mac-ukrainian', 'x-mac-cyrillic'], ['x-user-defined', 'x-user-defined'],
    ['866', 'ibm866'], ['l9', 'iso-8859-15'], ['dos-874', 'windows-874'],
  ];
  for (const [label, name] of cases) assert.strictEqual(new TextDecoder(label).encoding, name, label);
});

test('unknown labels and the replacement encoding throw ERR_ENCODING_NOT_SUPPORTED', () => {
  for (const label of ['foo', 'utf-32', 'utf\u00a08', ' utf-8\v', 'utf-8\0', '', 'null', 'utf-7', 'x'.repeat(100)]) {
    assert.throws(() => new TextDecoder(label), {
      name: 'RangeError', code: 'ERR_ENCODING_NOT_SUPPORTED', message: `The "${label}" encoding is not supported`,
    }, JSON.stringify(label));
  }
  // The replacement encoding's labels report its name.
  for (const label of ['replacement', 'ISO-2022-KR', 'hz-gb-2312', 'iso-2022-cn', 'csiso2022kr']) {
    assert.throws(() => new TextDecoder(label), {
      name: 'RangeError', code: 'ERR_ENCODING_NOT_SUPPORTED', message: 'The "replacement" encoding is not supported',
    }, label);
  }
  assert.throws(() => new TextDecoder(null), { code: 'ERR_ENCODING_NOT_SUPPORTED', message: 'The "null" encoding is not supported' });
  assert.strictEqual(new TextDecoder(undefined).encoding, 'utf-8');
  assert.strictEqual(new TextDecoder({ toString: () => 'latin1' }).encoding, 'windows-1252');
});

test('options: any object or null; other types throw ERR_INVALID_ARG_TYPE', () => {
  assert.strictEqual(new TextDecoder('utf-8', null).fatal, false);
  assert.strictEqual(new TextDecoder('utf-8', { fatal: 1, ignoreBOM: 'yes' }).fatal, true);
  assert.strictEqual(new TextDecoder('utf-8', { fatal: 1, ignoreBOM: 'yes' }).ignoreBOM, true);
  assert.strictEqual(new TextDecoder('utf-8', []).fatal, false);
  for (const bad of [5, 'x', true, 1n]) {
    assert.throws(() => new TextDecoder('utf-8', bad), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
  }
  assert.throws(() => new TextDecoder().decode(u8(65), 5), {
    code: 'ERR_INVALID_ARG_TYPE', message: 'The "options" argument must be of type object. Received type number (5)',
  });
  assert.strictEqual(new TextDecoder().decode(u8(65), null), 'A');
});

test('decode accepts ArrayBuffer, every typed array and DataView, with offsets', () => {
  const d = new TextDecoder();
  const buf = new Uint8Array([0x61, 0x62, 0x63, 0x64]).buffer;
  assert.strictEqual(d.decode(buf), 'abcd');
  assert.strictEqual(d.decode(new Uint8Array(buf, 1, 2)), 'bc');
  assert.strictEqual(d.decode(new DataView(buf, 2)), 'cd');
  assert.strictEqual(d.decode(new Uint16Array(buf, 2, 1)), 'cd');
  assert.strictEqual(d.decode(new Int8Array(buf)), 'abcd');
  assert.strictEqual(d.decode(new Float32Array(buf)), 'abcd');
  assert.strictEqual(d.decode(new BigUint64Array(1)), '\0'.repeat(8));
  assert.strictEqual(d.decode(new Uint8ClampedArray([0xe2, 0x82, 0xac])), '€');
  assert.strictEqual(d.decode(new ArrayBuffer(0)), '');
  if (typeof Float16Array === 'function') assert.strictEqual(d.decode(new Float16Array(buf, 0, 2)), 'abcd');
  if (typeof SharedArrayBuffer === 'function') {
    const sab = new SharedArrayBuffer(2);
    new Uint8Array(sab).set([0x68, 0x69]);
    assert.strictEqual(d.decode(sab), 'hi');
  }
});

test('decode rejects other inputs with Node\'s error', () => {
  const d = new TextDecoder();
  for (const bad of [null, 'abc', 5, {}, [65], { buffer: new ArrayBuffer(1) }]) {
    assert.throws(() => d.decode(bad), {
      name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.',
    });
  }
});

test('a detached buffer decodes as empty', () => {
  const ab = new ArrayBuffer(4);
  const view = new Uint8Array(ab);
  ab.transfer?.();
  if (ab.byteLength === 0) {
    assert.strictEqual(new TextDecoder().decode(ab), '');
    assert.strictEqual(new TextDecoder().decode(view), '');
  }
});

test('UTF-8 replacement follows maximal subparts', () => {
  const d = new TextDecoder();
  const cases = [
    [[0xff], '\ufffd'], [[0xc0, 0x80], '\ufffd\ufffd'], [[0xe0, 0x80, 0x80], '\ufffd\ufffd\ufffd'],
    [[0xe2, 0x82], '\ufffd'], [[0xe2, 0x82, 0x41], '\ufffdA'], [[0xed, 0xa0, 0x80], '\ufffd\ufffd\ufffd'],
    [[0xf0, 0x9f, 0x98], '\ufffd'], [[0xf4, 0x90, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd'],
    [[0xf0, 0x9f, 0x98, 0x80], '😀'], [[0x80, 0xbf], '\ufffd\ufffd'], [[0xc2], '\ufffd'],
    [[0x41, 0xf5, 0x42], 'A\ufffdB'], [[0xef, 0xbf, 0xbf], '\uffff'],
  ];
  for (const [bytes, want] of cases) assert.strictEqual(d.decode(Uint8Array.from(bytes)), want, JSON.stringify(bytes));
});

test('fatal mode throws ERR_ENCODING_INVALID_ENCODED_DATA naming the encoding', () => {
  for (const [encoding, bytes] of [['utf-8', [0xff]], ['utf-8', [0xe2, 0x82]], ['utf-16le', [0x00, 0xd8]],
    ['utf-16be', [0x41]], ['windows-1253', [0xaa]], ['shift_jis', [0x80]], ['euc-kr', [0xff, 0xff]],
    ['iso-8859-8', [0xa1]], ['gb18030', [0xff]]]) {
    const d = new TextDecoder(encoding, { fatal: true });
    assert.throws(() => d.decode(Uint8Array.from(bytes)), {
      name: 'TypeError', code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
      message: `The encoded data was not valid for encoding ${encoding}`,
    }, `${encoding} ${bytes}`);
    // The decoder is usable again afterwards.
    assert.strictEqual(d.decode(u8(0x41, 0, 0x42, 0)).replace(/\0/g, '').length > 0, true);
  }
});

test('streaming keeps partial UTF-8 sequences across calls', () => {
  const d = new TextDecoder();
  const bytes = [0xf0, 0x9f, 0x98, 0x80, 0xe2, 0x82, 0xac, 0x41];
  let out = '';
  for (const b of bytes) out += d.decode(u8(b), { stream: true });
  out += d.decode();
  assert.strictEqual(out, '😀€A');
  assert.strictEqual(d.decode(u8(0xe2), { stream: true }), '');
  assert.strictEqual(d.decode(), '\ufffd');
  assert.strictEqual(d.decode(u8(0xe2), { stream: true }), '');
  assert.strictEqual(d.decode(u8(0x41)), '\ufffdA');
});

test('streaming UTF-16 keeps odd bytes and high surrogates across calls', () => {
  for (const [encoding, bytes] of [['utf-16le', [0x3d, 0xd8, 0x00, 0xde, 0x41, 0x00]],
    ['utf-16be', [0xd8, 0x3d, 0xde, 0x00, 0x00, 0x41]]]) {
    const d = new TextDecoder(encoding);
    let out = '';
    for (const b of bytes) out += d.decode(u8(b), { stream: true });
    assert.strictEqual(out + d.decode(), '😀A', encoding);
    assert.strictEqual(d.decode(u8(bytes[0]), { stream: true }), '');
    assert.strictEqual(d.decode(), '\ufffd');
  }
  assert.strictEqual(new TextDecoder('utf-16le').decode(u8(0x00, 0xd8, 0x41, 0x00)), '\ufffdA');
  assert.strictEqual(new TextDecoder('utf-16le').decode(u8(0x00, 0xdc, 0x00, 0xd8)), '\ufffd\ufffd');
  assert.strictEqual(new TextDecoder('utf-16le').decode(u8(0x41, 0x00, 0x42)), 'A\ufffd');
});

test('the BOM is removed once per stream for UTF-8 and UTF-16, kept with ignoreBOM', () => {
  const boms = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };
  const a = { 'utf-8': [0x61], 'utf-16le': [0x61, 0], 'utf-16be': [0, 0x61] };
  for (const enc of Object.keys(boms)) {
    const input = Uint8Array.from([...boms[enc], ...boms[enc], ...a[enc]]);
    assert.strictEqual(new TextDecoder(enc).decode(input), '\ufeffa', enc);
    assert.strictEqual(new TextDecoder(enc, { ignoreBOM: true }).decode(input), '\ufeff\ufeffa', enc);
    // Split byte by byte.
    const d = new TextDecoder(enc);
    let out = '';
    for (const b of input) out += d.decode(u8(b), { stream: true });
    assert.strictEqual(out + d.decode(), '\ufeffa', enc);
    // A new stream after a flush removes it again.
    assert.strictEqual(d.decode(input), '\ufeffa', enc);
  }
  // Other encodings never remove it.
  assert.strictEqual(new TextDecoder('windows-1252').decode(u8(0xef, 0xbb, 0xbf)), 'ï»¿');
  // The BOM in the middle of a stream stays.
  const d = new TextDecoder();
  assert.strictEqual(d.decode(u8(0x41), { stream: true }), 'A');
  assert.strictEqual(d.decode(u8(0xef, 0xbb, 0xbf)), '\ufeff');
});

test('windows-1252 (latin1, ascii) maps 0x80-0x9F as the Encoding Standard', () => {
  const s = new TextDecoder('latin1').decode(u8(0x80, 0x81, 0x8d, 0x9f, 0xa0, 0xe9, 0xff));
  assert.strictEqual(s, '\u20ac\u0081\u008d\u0178\u00a0\u00e9\u00ff');
  assert.strictEqual(new TextDecoder('ascii').decode(u8(0x41, 0x99)), 'A\u2122');
});

test('x-user-defined maps high bytes to U+F780..U+F7FF', () => {
  assert.strictEqual(new TextDecoder('x-user-defined').decode(u8(0x41, 0x80, 0xff)), 'A\uf780\uf7ff');
});

test('legacy multi-byte encodings decode through their converters', () => {
  assert.strictEqual(new TextDecoder('shift_jis').decode(u8(0x82, 0xa0, 0x88, 0x9f)), 'あ亜');
  assert.strictEqual(new TextDecoder('euc-jp').decode(u8(0xa4, 0xa2, 0x8e, 0xb1)), 'あｱ');
  assert.strictEqual(new TextDecoder('iso-2022-jp').decode(u8(0x1b, 0x24, 0x42, 0x24, 0x22, 0x1b, 0x28, 0x42, 0x41)), 'あA');
  assert.strictEqual(new TextDecoder('gbk').decode(u8(0xc4, 0xe3, 0xba, 0xc3, 0x80)), '你好€');
  assert.strictEqual(new TextDecoder('gb18030').decode(u8(0x81, 0x30, 0x81, 0x30, 0x95, 0x32, 0x82, 0x36)), '\u0080\u{20000}');
  assert.strictEqual(new TextDecoder('big5').decode(u8(0xa4, 0xa4, 0xa4, 0xe5)), '中文');
  assert.strictEqual(new TextDecoder('euc-kr').decode(u8(0xc7, 0xd1, 0xb1, 0xdb)), '한글');
  assert.strictEqual(new TextDecoder('shift_jis').decode(u8(0x80, 0xa0)), '\ufffd\ufffd');
  const d = new TextDecoder('shift_jis');
  assert.strictEqual(d.decode(u8(0x82), { stream: true }) + d.decode(u8(0xa0)), 'あ');
});

test('TextEncoder encodes UTF-8, lone surrogates as U+FFFD', () => {
  const e = new TextEncoder();
  assert.strictEqual(e.encoding, 'utf-8');
  assert.deepStrictEqual([...e.encode('aé€😀')], [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  assert.deepStrictEqual([...e.encode('\ud800x\udc00')], [0xef, 0xbf, 0xbd, 0x78, 0xef, 0xbf, 0xbd]);
  assert.deepStrictEqual([...e.encode()], []);
  assert.deepStrictEqual([...e.encode(undefined)], []);
  assert.deepStrictEqual([...e.encode(null)], [0x6e, 0x75, 0x6c, 0x6c]);
  assert.deepStrictEqual([...e.encode(12)], [0x31, 0x32]);
  assert.deepStrictEqual([...e.encode({ toString: () => 'x' })], [0x78]);
  assert.ok(e.encode('abc') instanceof Uint8Array);
  assert.strictEqual(e.encode('abc').buffer.byteLength, 3);
  assert.throws(() => e.encode(Symbol('s')), TypeError);
});

test('encodeInto fills what fits without splitting a character', () => {
  const e = new TextEncoder();
  assert.deepStrictEqual(e.encodeInto('a😀b', new Uint8Array(4)), { read: 1, written: 1 });
  assert.deepStrictEqual(e.encodeInto('a😀b', new Uint8Array(5)), { read: 3, written: 5 });
  assert.deepStrictEqual(e.encodeInto('a😀b', new Uint8Array(6)), { read: 4, written: 6 });
  assert.deepStrictEqual(e.encodeInto('', new Uint8Array(2)), { read: 0, written: 0 });
  assert.deepStrictEqual(e.encodeInto('abc', new Uint8Array(0)), { read: 0, written: 0 });
  assert.deepStrictEqual(e.encodeInto('\ud800', new Uint8Array(3)), { read: 1, written: 3 });
  const buf = new Uint8Array(8).fill(9);
  assert.deepStrictEqual(e.encodeInto('éé', buf.subarray(2, 5)), { read: 1, written: 2 });
  assert.deepStrictEqual([...buf], [9, 9, 0xc3, 0xa9, 9, 9, 9, 9]);
});

test('encodeInto validates its arguments', () => {
  const e = new TextEncoder();
  assert.throws(() => e.encodeInto(), {
    code: 'ERR_INVALID_ARG_TYPE', message: 'The "src" argument must be of type string. Received undefined',
  });
  assert.throws(() => e.encodeInto(1, new Uint8Array(1)), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => e.encodeInto('a'), {
    code: 'ERR_INVALID_ARG_TYPE', message: 'The "dest" argument must be an instance of Uint8Array. Received undefined',
  });
  for (const bad of [[], new Uint16Array(2), new Int8Array(2), new ArrayBuffer(2), new DataView(new ArrayBuffer(2))]) {
    assert.throws(() => e.encodeInto('a', bad), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
  }
});

test('methods and getters check their receiver', () => {
  for (const [C, names] of [[TextDecoder, ['encoding', 'fatal', 'ignoreBOM']], [TextEncoder, ['encoding']]]) {
    for (const name of names) {
      const get = Object.getOwnPropertyDescriptor(C.prototype, name).get;
      assert.throws(() => get.call({}), {
        name: 'TypeError', code: 'ERR_INVALID_THIS', message: `Value of "this" must be of type ${C.name}`,
      });
    }
  }
  assert.throws(() => TextDecoder.prototype.decode.call({}, u8(1)), { code: 'ERR_INVALID_THIS' });
  assert.throws(() => TextEncoder.prototype.encode.call({}, 'a'), { code: 'ERR_INVALID_THIS' });
  assert.throws(() => TextEncoder.prototype.encodeInto.call({}, 'a', new Uint8Array(1)), { code: 'ERR_INVALID_THIS' });
  assert.throws(() => TextDecoder('utf-8'), TypeError);
  assert.throws(() => TextEncoder(), TypeError);
});

test('class shape: enumerable accessors and methods, toStringTag, lengths', () => {
  assert.deepStrictEqual(Object.getOwnPropertyNames(TextDecoder.prototype),
    ['constructor', 'decode', 'encoding', 'fatal', 'ignoreBOM']);
  assert.deepStrictEqual(Object.getOwnPropertyNames(TextEncoder.prototype),
    ['constructor', 'encoding', 'encode', 'encodeInto']);
  for (const [C, name] of [[TextDecoder, 'decode'], [TextDecoder, 'encoding'], [TextEncoder, 'encode'],
    [TextEncoder, 'encodeInto'], [TextEncoder, 'encoding']]) {
    const desc = Object.getOwnPropertyDescriptor(C.prototype, name);
    assert.strictEqual(desc.enumerable, true, name);
    assert.strictEqual(desc.configurable, true, name);
  }
  assert.strictEqual(Object.prototype.toString.call(new TextDecoder()), '[object TextDecoder]');
  assert.strictEqual(Object.prototype.toString.call(new TextEncoder()), '[object TextEncoder]');
  assert.strictEqual(TextDecoder.length, 0);
  assert.strictEqual(TextEncoder.prototype.encodeInto.length, 2);
  const g = Object.getOwnPropertyDescriptor(globalThis, 'TextDecoder');
  assert.strictEqual(g.enumerable, false);
  assert.strictEqual(g.writable, true);
  assert.strictEqual(util.TextDecoder, TextDecoder);
  assert.strictEqual(util.TextEncoder, TextEncoder);
});

test('util.inspect output', () => {
  assert.strictEqual(util.inspect(new TextDecoder()), "TextDecoder { encoding: 'utf-8', fatal: false, ignoreBOM: false }");
  assert.strictEqual(util.inspect(new TextDecoder('sjis', { fatal: true, ignoreBOM: true })),
    "TextDecoder { encoding: 'shift_jis', fatal: true, ignoreBOM: true }");
  assert.strictEqual(util.inspect(new TextEncoder()), "{ encoding: 'utf-8' }");
  assert.strictEqual(util.inspect({ a: { b: new TextDecoder(), c: new TextEncoder() } }, { depth: 1 }),
    '{ a: { b: [TextDecoder], c: [TextEncoder] } }');
  class Sub extends TextDecoder {}
  assert.strictEqual(util.inspect(new Sub('latin1')), "Sub { encoding: 'windows-1252', fatal: false, ignoreBOM: false }");
});

test('large inputs: 1 MB of mixed text round-trips', () => {
  const s = 'aé€😀\u0000'.repeat(100000);
  const bytes = new TextEncoder().encode(s);
  assert.strictEqual(bytes.length, 11 * 100000);
  assert.strictEqual(new TextDecoder().decode(bytes), s);
  const latin = 'x\u00e9'.repeat(300000);
  assert.strictEqual(new TextDecoder().decode(new TextEncoder().encode(latin)), latin);
});
