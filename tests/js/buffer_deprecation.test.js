'use strict';
// DEP0005: calling Buffer() (with or without new) warns once per process; a Buffer made by a
// TypedArray method through species (buf.map) is not the user's call and does not warn. A file of
// its own, so that no other test has warned first.
const test = require('node:test');
const assert = require('node:assert');

test('Buffer() warns DEP0005 once, species construction does not', async () => {
  const seen = [];
  process.on('warning', (w) => seen.push(w));
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  assert.strictEqual(Buffer.from('ab').map((x) => x + 1).toString(), 'bc');
  await tick();
  assert.deepStrictEqual(seen.filter((w) => w.code === 'DEP0005'), []);
  Buffer(1);
  new Buffer(2);
  await tick();
  const dep = seen.filter((w) => w.code === 'DEP0005');
  assert.strictEqual(dep.length, 1);
  assert.strictEqual(dep[0].name, 'DeprecationWarning');
  assert.strictEqual(dep[0].message, 'Buffer() is deprecated due to security and usability issues. Please use ' +
    'the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.');
});
