// self-test: pass — getArrayBufferViews()/getBufferSources() give views of the same bytes.
'use strict';
const common = require('../common');
const assert = require('assert');
const bytes = new Uint8Array(new ArrayBuffer(40), 8, 24);
for (let i = 0; i < bytes.length; i++) bytes[i] = i * 7;
const views = common.getArrayBufferViews(bytes);
const names = views.map((v) => v.constructor.name);
for (const n of ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
                 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView']) {
  assert.ok(names.includes(n), `missing ${n}`);
}
for (const v of views) {
  assert.strictEqual(v.byteLength, 24);
  assert.deepStrictEqual(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), bytes);
}
const sources = common.getBufferSources(bytes);
assert.strictEqual(sources.length, views.length + 1);
assert.ok(sources[sources.length - 1] instanceof ArrayBuffer);
assert.deepStrictEqual(new Uint8Array(sources[sources.length - 1]), bytes);
// A length no element size but 1 divides: only the byte views.
assert.deepStrictEqual(common.getArrayBufferViews(new Uint8Array(3)).map((v) => v.constructor.name),
                       ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'DataView']);
