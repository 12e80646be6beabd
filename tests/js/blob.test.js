'use strict';
// Blob, File and blob: URLs (node:buffer and the globals), with Node 24's results and errors.
// Blob.prototype.stream() needs a ReadableStream, which dx lacks: that part is not tested here.
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');
const { Blob, File, resolveObjectURL } = require('node:buffer');

function throwsCode(fn, code, name, message) {
  assert.throws(fn, (e) => {
    assert.strictEqual(e.code, code, `code of ${e}`);
    if (name) assert.strictEqual(e.name, name);
    if (message !== undefined) assert.strictEqual(e.message, message);
    return true;
  });
}

test('Blob concatenates strings, buffers, views, ArrayBuffers and blobs', async () => {
  const b = new Blob([new Uint16Array([0x4241]), new ArrayBuffer(1), 'é', 5, {}, new Blob(['x']),
    new DataView(new Uint8Array([0x79]).buffer)]);
  assert.strictEqual(b.size, 2 + 1 + 2 + 1 + 15 + 1 + 1);
  assert.strictEqual(await b.text(), 'AB\u0000é5[object Object]xy');
  assert.strictEqual(new Blob().size, 0);
  assert.strictEqual(new Blob(new Set(['a', 'b'])).size, 2);
  assert.strictEqual(await new Blob(['a\ud800']).text(), 'a\ufffd');
});

test('Blob copies its sources', async () => {
  const u = new Uint8Array([1, 2]);
  const b = new Blob([u]);
  u[0] = 9;
  assert.deepStrictEqual(await b.bytes(), new Uint8Array([1, 2]));
});

test('type is lower-cased, or empty when it has characters outside U+0020..U+007E', () => {
  assert.strictEqual(new Blob([], { type: 'Text/HTML' }).type, 'text/html');
  assert.strictEqual(new Blob([], { type: 'té' }).type, '');
  assert.strictEqual(new Blob([], { type: 5 }).type, '5');
  assert.strictEqual(new Blob([]).type, '');
});

test('endings: native turns every line break into \\n', async () => {
  assert.strictEqual(await new Blob(['a\r\nb\rc\n'], { endings: 'native' }).text(), 'a\nb\nc\n');
  assert.strictEqual(await new Blob(['a\r\nb\rc\n'], { endings: 'transparent' }).text(), 'a\r\nb\rc\n');
  throwsCode(() => new Blob(['a'], { endings: 'x' }), 'ERR_INVALID_ARG_VALUE', 'TypeError',
    "The property 'options.endings' is invalid. Received 'x'");
});

test('constructor argument errors', () => {
  for (const bad of ['abc', 5, null]) {
    throwsCode(() => new Blob(bad), 'ERR_INVALID_ARG_TYPE', 'TypeError', 'Value cannot be converted to sequence.');
  }
  throwsCode(() => new Blob(['a'], 5), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "options" argument must be a dictionary. Received type number (5)');
  assert.strictEqual(new Blob(['a'], null).size, 1);
  assert.throws(() => Blob(), TypeError);
  assert.throws(() => new Blob([], { get type() { throw new Error('boom'); } }), /boom/);
});

test('slice: relative positions, clamping and content type', async () => {
  const b = new Blob(['abcdef'], { type: 'a/b' });
  const s = b.slice(1, -1, 'X/Y');
  assert.strictEqual(s.size, 4);
  assert.strictEqual(s.type, 'x/y');
  assert.strictEqual(await s.text(), 'bcde');
  assert.strictEqual(await b.slice(-2).text(), 'ef');
  assert.strictEqual(b.slice(4, 2).size, 0);
  assert.strictEqual(b.slice(-100, 100).size, 6);
  assert.strictEqual(b.slice().type, '');
  assert.strictEqual(await s.slice(1, 2).text(), 'c');
});

test('arrayBuffer, bytes and text', async () => {
  const b = new Blob(['abcdef']);
  const ab = await b.arrayBuffer();
  assert.ok(ab instanceof ArrayBuffer);
  assert.deepStrictEqual(new Uint8Array(ab), new Uint8Array([97, 98, 99, 100, 101, 102]));
  const bytes = await b.bytes();
  assert.ok(bytes instanceof Uint8Array);
  assert.strictEqual(bytes.length, 6);
  assert.strictEqual(await b.slice(2, 4).text(), 'cd');
  assert.strictEqual(new Uint8Array(await b.slice(2, 4).arrayBuffer()).length, 2);
});

test('methods and getters check this', async () => {
  throwsCode(() => Blob.prototype.size, 'ERR_INVALID_THIS', 'TypeError', 'Value of "this" must be of type Blob');
  throwsCode(() => Blob.prototype.slice.call({}), 'ERR_INVALID_THIS', 'TypeError');
  await assert.rejects(Blob.prototype.text.call({}), { code: 'ERR_INVALID_THIS' });
  await assert.rejects(Blob.prototype.arrayBuffer.call({}), { code: 'ERR_INVALID_THIS' });
  throwsCode(() => Object.getOwnPropertyDescriptor(File.prototype, 'name').get.call(new Blob()),
    'ERR_INVALID_THIS', 'TypeError', 'Value of "this" must be of type File');
});

test('toStringTag, enumerable members and inspect', () => {
  assert.strictEqual(Object.prototype.toString.call(new Blob([])), '[object Blob]');
  assert.strictEqual(Object.prototype.toString.call(new File([], 'f')), '[object File]');
  for (const k of ['size', 'type', 'slice', 'arrayBuffer', 'text', 'bytes']) {
    assert.strictEqual(Object.getOwnPropertyDescriptor(Blob.prototype, k).enumerable, true, k);
  }
  assert.strictEqual(util.inspect(new Blob(['abc'], { type: 'a/b' })), "Blob { size: 3, type: 'a/b' }");
  assert.strictEqual(util.inspect(new File(['abc'], 'f', { lastModified: 7 })),
    "File { size: 3, type: '', name: 'f', lastModified: 7 }");
  assert.strictEqual(Blob.length, 0);
  assert.strictEqual(File.length, 2);
});

test('File: name, lastModified and errors', () => {
  const f = new File(['ab'], 'n.txt', { type: 'a/b', lastModified: 5 });
  assert.ok(f instanceof Blob);
  assert.strictEqual(f.name, 'n.txt');
  assert.strictEqual(f.lastModified, 5);
  assert.strictEqual(f.size, 2);
  assert.strictEqual(f.type, 'a/b');
  assert.strictEqual(new File([], 5).name, '5');
  assert.strictEqual(new File([], 'a\ud800').name, 'a\ufffd');
  assert.strictEqual(new File([], 'x', { lastModified: 'x' }).lastModified, 0);
  assert.strictEqual(new File([], 'x', { lastModified: 1.9 }).lastModified, 1.9);
  assert.strictEqual(new File([], 'x', { lastModified: '12' }).lastModified, 12);
  const before = Date.now();
  const t = new File([], 'x').lastModified;
  assert.ok(t >= before && t <= Date.now());
  throwsCode(() => new File(['a']), 'ERR_MISSING_ARGS', 'TypeError',
    'The "fileBits" and "fileName" arguments must be specified');
});

test('URL.createObjectURL, resolveObjectURL and revokeObjectURL', async () => {
  const blob = new Blob(['hi'], { type: 'text/plain' });
  const url = URL.createObjectURL(blob);
  assert.match(url, /^blob:nodedata:[0-9a-f-]{36}$/);
  const back = resolveObjectURL(url);
  assert.ok(back instanceof Blob);
  assert.strictEqual(back.type, 'text/plain');
  assert.strictEqual(await back.text(), 'hi');
  assert.strictEqual(URL.revokeObjectURL(url), undefined);
  assert.strictEqual(resolveObjectURL(url), undefined);
  assert.strictEqual(resolveObjectURL('x'), undefined);
  assert.strictEqual(resolveObjectURL('blob:nodedata:nope'), undefined);
  throwsCode(() => URL.createObjectURL('x'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
    'The "obj" argument must be an instance of Blob. Received type string (\'x\')');
  throwsCode(() => URL.revokeObjectURL(), 'ERR_MISSING_ARGS', 'TypeError', 'The "url" argument must be specified');
});

test('globals', () => {
  assert.strictEqual(globalThis.Blob, Blob);
  assert.strictEqual(globalThis.File, File);
  assert.strictEqual(Object.getOwnPropertyDescriptor(globalThis, 'Blob').enumerable, false);
});
