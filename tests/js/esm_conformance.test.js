'use strict';
// ECMA-262 module semantics that test262 checks and Node 24 follows: immutable import bindings,
// the evaluation order of import() inside a graph being evaluated, the rejection order of async
// graphs, and the reading of import() options.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const fixture = (name) => pathToFileURL(path.join(__dirname, 'fixtures', 'esm_conformance', name)).href;
const constError = 'TypeError: Assignment to constant variable.';

test('writing an imported binding throws TypeError after the right-hand side, in every form', async () => {
  const { results } = await import(fixture('const_import.mjs'));
  assert.deepStrictEqual(results, [
    `x = v: ${constError}`,
    `ns = v: ${constError}`,
    `x++: ${constError}`,
    `--x: ${constError}`,
    'rhs ran',
    `x += rhs: ${constError}`,
    'ns rhs ran',
    `ns = rhs: ${constError}`,
    `[x] = a: ${constError}`,
    `({ x } = o): ${constError}`,
    `({ x = d } = o): ${constError}`,
    `({ a: x } = o): ${constError}`,
    `[...x] = a: ${constError}`,
    `({ ns } = o): ${constError}`,
    `[ns = d] = a: ${constError}`,
    `for (x of a): ${constError}`,
    `for (ns in o): ${constError}`,
    'x ??= v (x is set): no error',
    `x &&= v: ${constError}`,
    'ns ||= v: no error',
    'object',
    'typeof ns: no error',
    'x is live: 7',
  ]);
});

test('the exporting module still sees its own binding unchanged by failed writes', async () => {
  const dep = await import(fixture('const_dep.mjs'));
  await import(fixture('const_import.mjs'));
  assert.strictEqual(dep.x, 7);
});

test('import() of a module of the graph being evaluated runs it in the graph order', async () => {
  const root = await import(fixture('dfs_root.mjs'));
  assert.deepStrictEqual(root.record.order, ['A', 'B']);
  const b = await root.keep.dynamic;
  assert.strictEqual(Object.prototype.toString.call(b), '[object Module]');
  assert.deepStrictEqual(root.record.order, ['A', 'B']);
});

test('import() returns a %Promise% even when the module is already evaluated', async () => {
  await import(fixture('dfs_root.mjs'));
  const p = import(fixture('dfs_root.mjs'));
  assert.strictEqual(Object.getPrototypeOf(p), Promise.prototype);
  assert.strictEqual(Promise.resolve(p), p);
  await p;
});

// The order of the two rejections is not asserted: ECMA-262 (since 2024) and test262's
// top-level-await/rejection-order.js reject B's own import() first, which dx does; Node 24's V8 still
// rejects the importers first (A, B).
test('a rejected async module rejects its import() and those of the graphs that wait on it', async () => {
  const { logs, done } = await import(fixture('rej_root.mjs'));
  await done;
  assert.deepStrictEqual([...logs].sort(), ['A', 'B']);
  await assert.rejects(import(fixture('rej_a.mjs')), { message: 'p1' });
  await assert.rejects(import(fixture('rej_b.mjs')), { message: 'p1' });
});

test('import() reads each attribute of options.with once', async () => {
  const log = [];
  const withObject = new Proxy({}, {
    ownKeys() { log.push('ownKeys'); return ['type']; },
    getOwnPropertyDescriptor(t, name) {
      log.push(`getOwnPropertyDescriptor ${String(name)}`);
      return { configurable: true, enumerable: true, value: 'json' };
    },
    get(t, name) { log.push(`get ${String(name)}`); return 'json'; },
  });
  const p = import(fixture('data.json'), { with: withObject });
  assert.deepStrictEqual(log.filter((e) => e.startsWith('get ')), ['get type']);
  const m = await p;
  assert.deepStrictEqual(m.default, { value: 262 });
});

test('import() with a non-string attribute value rejects with TypeError', async () => {
  await assert.rejects(import(fixture('data.json'), { with: { type: 1 } }), TypeError);
});
