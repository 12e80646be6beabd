'use strict';
// ES module semantics: live bindings, namespaces, cycles, TDZ, linking errors, evaluation errors,
// top-level await ordering, JSON and CommonJS interop, import.meta, require(esm). Runs under Node 24
// (the reference) and dx; fixtures in fixtures/esm.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');

const fx = path.join(__dirname, 'fixtures', 'esm');
// pathToFileURL for these plain paths (node:url comes with the core-library issue)
const url = (name) => 'file://' + encodeURI(path.join(fx, name));
const load = (name) => import(url(name));

test('imported bindings are live', async () => {
  const m = await load('live.mjs');
  assert.strictEqual(m.count, 0);
  m.inc();
  m.inc();
  assert.strictEqual(m.count, 2);
});

test('anonymous default exports are named "default"', async () => {
  assert.strictEqual((await load('live.mjs')).default.name, 'default');
  assert.strictEqual((await load('default_class.mjs')).default.name, 'default');
  assert.strictEqual((await load('default_arrow.mjs')).default.name, 'default');
});

test('export default of an expression is its value at that point; string export names', async () => {
  const m = await load('default_expr.mjs');
  assert.strictEqual(m.default, 1);
  assert.strictEqual(m.default2, 2);
  assert.strictEqual(m['string name'], 2);
});

test('namespace objects are module namespace exotic objects', async () => {
  const ns = await load('ns_shape.mjs');
  assert.deepStrictEqual(Object.keys(ns), ['Z', 'a', 'b', 'fn']);
  assert.strictEqual(Object.getPrototypeOf(ns), null);
  assert.strictEqual(ns[Symbol.toStringTag], 'Module');
  assert.strictEqual(Object.prototype.toString.call(ns), '[object Module]');
  assert.strictEqual(Object.isExtensible(ns), false);
  assert.strictEqual(Object.isFrozen(ns), false);
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(ns, 'a'),
                         { value: 1, writable: true, enumerable: true, configurable: false });
  assert.strictEqual(Object.getOwnPropertyDescriptor(ns, 'nope'), undefined);
  assert.throws(() => { 'use strict'; ns.a = 5; }, TypeError);
  assert.throws(() => { 'use strict'; ns.newKey = 5; }, TypeError);
  assert.throws(() => { 'use strict'; delete ns.a; }, TypeError);
  assert.strictEqual(Reflect.deleteProperty(ns, 'nope'), true);
  assert.strictEqual(Reflect.defineProperty(ns, 'a', { value: 1 }), true);
  assert.strictEqual(Reflect.defineProperty(ns, 'a', { value: 2 }), false);
  assert.strictEqual(Reflect.setPrototypeOf(ns, {}), false);
  assert.strictEqual(Reflect.setPrototypeOf(ns, null), true);
  assert.strictEqual('a' in ns, true);
  assert.strictEqual('nope' in ns, false);
  assert.strictEqual(require('node:util').types.isModuleNamespaceObject(ns), true);
  assert.strictEqual(require('node:util').types.isProxy(ns), false);
  assert.strictEqual(require('node:util').inspect(ns), "[Module: null prototype] { Z: 26, a: 1, b: 2, fn: [Function: fn] }");
});

test('the same module gives the same namespace and runs once', async () => {
  const a = await load('counter.mjs');
  const b = await import(url('counter.mjs'));
  assert.strictEqual(a, b);
  assert.strictEqual(a.runs, 1);
  const c = await import(url('counter.mjs') + '?again');
  assert.notStrictEqual(c, a);
  assert.strictEqual(c.runs, 2);
});

test('hoisted functions are callable across a cycle before their module runs', async () => {
  const a = await load('cycle_a.mjs');
  assert.strictEqual(a.bSaw, 'hoisted from a');
});

test('reading a let/const binding before its module ran is a ReferenceError (TDZ)', async () => {
  await load('tdz_a.mjs'); // runs tdz_b first, which reads tdz_a's `early` too soon
  const b = await load('tdz_b.mjs');
  assert.ok(b.error instanceof ReferenceError);
});

test('a missing named export is a SyntaxError before anything runs', async () => {
  await assert.rejects(load('missing_export.mjs'), (e) => {
    assert.ok(e instanceof SyntaxError);
    assert.strictEqual(e.message, "The requested module './ns_shape.mjs' does not provide an export named 'nope'");
    return true;
  });
});

test('conflicting star exports are ambiguous for importers and left out of namespaces', async () => {
  await assert.rejects(load('ambiguous.mjs'), (e) => {
    assert.ok(e instanceof SyntaxError);
    assert.match(e.message, /conflicting star exports for name 'x'/);
    return true;
  });
  const ns = await load('star_both.mjs');
  assert.deepStrictEqual(Object.keys(ns), ['y']);
});

test('re-exports: export * as ns and export { a as b } from', async () => {
  const ns = await load('reexports.mjs');
  assert.deepStrictEqual(Object.keys(ns), ['nsOfOne', 'renamed', 'y']);
  assert.strictEqual(ns.renamed, 'y');
  assert.strictEqual(ns.nsOfOne.x, 1);
  assert.strictEqual(ns.nsOfOne[Symbol.toStringTag], 'Module');
});

test('a module that throws rejects every importer with the same error', async () => {
  let first;
  await assert.rejects(load('thrower.mjs'), (e) => { first = e; return e.message === 'thrown while evaluating'; });
  await assert.rejects(load('thrower.mjs'), (e) => e === first);
  await assert.rejects(load('imports_thrower.mjs'), (e) => e === first);
});

test('a module that does not parse rejects with a SyntaxError', async () => {
  await assert.rejects(load('broken.mjs'), SyntaxError);
});

test('resolution errors have Node codes and messages', async () => {
  await assert.rejects(import(url('nope.mjs')), (e) => {
    assert.strictEqual(e.code, 'ERR_MODULE_NOT_FOUND');
    assert.strictEqual(e.message, `Cannot find module '${path.join(fx, 'nope.mjs')}' imported from ${__filename}`);
    return true;
  });
  await assert.rejects(import('./fixtures/esm/live'), (e) => {
    assert.strictEqual(e.code, 'ERR_MODULE_NOT_FOUND');
    return true;
  });
  await assert.rejects(import('./fixtures/esm'), (e) => e.code === 'ERR_UNSUPPORTED_DIR_IMPORT');
  await assert.rejects(import('no-such-package-dx'), (e) => {
    assert.strictEqual(e.code, 'ERR_MODULE_NOT_FOUND');
    assert.strictEqual(e.message, `Cannot find package 'no-such-package-dx' imported from ${__filename}`);
    return true;
  });
  await assert.rejects(import('node:no-such-builtin'), (e) => e.code === 'ERR_UNKNOWN_BUILTIN_MODULE');
  await assert.rejects(import('https://example.com/x.mjs'), (e) => e.code === 'ERR_UNSUPPORTED_ESM_URL_SCHEME');
});

test('JSON modules need the type attribute', async () => {
  const m = await import(url('data.json'), { with: { type: 'json' } });
  assert.deepStrictEqual(m.default, { name: 'data', list: [1, 2] });
  assert.deepStrictEqual(Object.keys(m), ['default']);
  await assert.rejects(import(url('data.json')), (e) => e.code === 'ERR_IMPORT_ATTRIBUTE_MISSING');
  await assert.rejects(load('json_no_attr.mjs'), (e) => e.code === 'ERR_IMPORT_ATTRIBUTE_MISSING');
  await assert.rejects(import(url('plain.mjs'), { with: { type: 'json' } }),
                       (e) => e.code === 'ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE');
  await assert.rejects(import(url('plain.mjs'), { with: { kind: 'x' } }),
                       (e) => e.code === 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED');
});

test('importing CommonJS: module.exports as default, statically detected named exports', async () => {
  const m = await load('cjs_dep.cjs');
  assert.deepStrictEqual(m.default, { foo: 1, bar: 'b' });
  assert.strictEqual(m['module.exports'], m.default);
  assert.deepStrictEqual(Object.keys(m), ['bar', 'default', 'foo', 'module.exports']);
  assert.strictEqual(m.foo, 1);
  assert.strictEqual(m.bar, 'b');
});

test('builtins as node:x have a default and named exports', async () => {
  const p = await import('node:path');
  assert.strictEqual(p.default, require('node:path'));
  assert.strictEqual(p.join, require('node:path').join);
  const e = await import('events');
  assert.strictEqual(e.default, require('node:events'));
});

test('import.meta: url, filename, dirname, resolve, main', async () => {
  const { meta, resolved } = await load('meta.mjs');
  assert.strictEqual(meta.url, url('meta.mjs'));
  assert.strictEqual(meta.filename, path.join(fx, 'meta.mjs'));
  assert.strictEqual(meta.dirname, fx);
  assert.strictEqual(meta.main, false);
  assert.strictEqual(resolved, url('live.mjs'));
  assert.strictEqual(Object.getPrototypeOf(meta), null);
});

test('top-level await: siblings start in order, the parent runs after all of them', async () => {
  globalThis.__dxTlaLog = [];
  await load('tla_order.mjs');
  assert.deepStrictEqual(globalThis.__dxTlaLog, ['a start', 'sync', 'b start', 'b end', 'a end', 'root']);
});

test('require() of an ES module returns its namespace; with top-level await it throws', () => {
  const ns = require('./fixtures/esm/plain.mjs');
  assert.strictEqual(ns.plain, 'plain');
  assert.strictEqual(ns.default, 'def');
  assert.strictEqual(ns[Symbol.toStringTag], 'Module');
  assert.throws(() => require('./fixtures/esm/tla_parent.mjs'), (e) => e.code === 'ERR_REQUIRE_ASYNC_MODULE');
});

test('import() from an ES module resolves relative to that module', async () => {
  const { load: loadFrom } = await load('dyn_from_esm.mjs');
  const m = await loadFrom('./plain.mjs');
  assert.strictEqual(m.plain, 'plain');
});

test('data: URLs for JavaScript and JSON', async () => {
  const m = await import('data:text/javascript,export default 40 + 2;');
  assert.strictEqual(m.default, 42);
  const j = await import('data:application/json,{"a":1}', { with: { type: 'json' } });
  assert.deepStrictEqual(j.default, { a: 1 });
});

test('module detection: a .js file with import/export outside "type": "module" is an ES module', async () => {
  const m = await load('detect_esm.js');
  assert.strictEqual(m.detected, 'esm syntax in a .js file');
  assert.strictEqual(m[Symbol.toStringTag], 'Module');
  assert.strictEqual(require('./fixtures/esm/detect_esm.js').detected, 'esm syntax in a .js file');
  const c = await load('detect_cjs.js');
  assert.deepStrictEqual(c.default, { kind: 'cjs' });
  // no import/export, but top-level await and import.meta: fails as CommonJS, so a module
  await load('detect_tla.js');
  assert.strictEqual(globalThis.__dxDetectTla, 'string');
});
