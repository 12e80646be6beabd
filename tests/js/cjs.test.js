'use strict';
// CommonJS semantics beyond resolution (resolve.test.js): the module object, cycles, the cache,
// JSON, errors, createRequire, builtins.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const Module = require('node:module');

const fx = path.join(__dirname, 'fixtures', 'cjs');

test('the module object and wrapper arguments', () => {
  const info = require('./fixtures/cjs/module_info');
  const file = path.join(fx, 'module_info.js');
  assert.strictEqual(info.id, file);
  assert.strictEqual(info.filename, file);
  assert.strictEqual(info.file, file);
  assert.strictEqual(info.dirname, fx);
  assert.strictEqual(info.loadedDuring, false);
  assert.strictEqual(info.thisIsExports, true);
  assert.strictEqual(info.requireType, 'function');
  assert.strictEqual(info.pathsFirst, path.join(fx, 'node_modules'));
  assert.strictEqual(info.parentFile, __filename);
  const m = require.cache[file];
  assert.strictEqual(m.loaded, true);
  assert.ok(module.children.includes(m));
  assert.strictEqual(m.exports, info);
});

test('cycles see partial exports', () => {
  const a = require('./fixtures/cjs/cycle/a');
  assert.strictEqual(a.done, true);
  assert.deepStrictEqual(a.sawB, { name: 'b', sawAEarly: true, sawAName: 'a', sawADone: undefined });
});

test('the cache: same object twice; deleting an entry loads the file again', () => {
  const first = require('./fixtures/cjs/cache/counter');
  assert.strictEqual(require('./fixtures/cjs/cache/counter'), first);
  const file = require.resolve('./fixtures/cjs/cache/counter');
  assert.ok(file in require.cache);
  delete require.cache[file];
  const second = require('./fixtures/cjs/cache/counter');
  assert.notStrictEqual(second, first);
  assert.strictEqual(second.loads, first.loads + 1);
});

test('JSON files are parsed; a parse error names the file', () => {
  assert.deepStrictEqual(require('./fixtures/cjs/good.json'), { list: [1, 2, { deep: 'yes' }], text: 'café' });
  const bad = path.join(fx, 'bad.json');
  assert.throws(() => require('./fixtures/cjs/bad.json'), (err) => {
    assert.ok(err instanceof SyntaxError);
    assert.ok(err.message.startsWith(`${bad}: `), err.message);
    return true;
  });
});

test('a module that throws is not cached, and the error reaches the caller', () => {
  const file = path.join(fx, 'throws.js');
  assert.throws(() => require('./fixtures/cjs/throws'), /module failed to load/);
  assert.strictEqual(require.cache[file], undefined);
  assert.throws(() => require('./fixtures/cjs/throws'), /module failed to load/);
});

test('package.json main, hashbang lines', () => {
  assert.strictEqual(require('./fixtures/cjs/pkgmain'), 'entry via main');
  assert.strictEqual(require('./fixtures/cjs/shebang'), 'hashbang ok');
});

test('a .node file that cannot be loaded throws ERR_DLOPEN_FAILED', () => {
  assert.throws(() => require('./fixtures/cjs/fake.node'), { code: 'ERR_DLOPEN_FAILED' });
});

test('missing modules: MODULE_NOT_FOUND with the require stack', () => {
  assert.throws(() => require('./fixtures/cjs/nope'), (err) => {
    assert.strictEqual(err.code, 'MODULE_NOT_FOUND');
    assert.ok(err.message.startsWith("Cannot find module './fixtures/cjs/nope'\nRequire stack:\n- " + __filename));
    assert.ok(Array.isArray(err.requireStack));
    assert.strictEqual(err.requireStack[0], __filename);
    return true;
  });
});

test('require argument validation', () => {
  assert.throws(() => require(1), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
  assert.throws(() => require(''), { code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError' });
});

test('require.main is the entry module; require.resolve.paths', () => {
  assert.strictEqual(require.main, module);
  assert.strictEqual(module.id, '.');
  assert.strictEqual(require.resolve.paths('path'), null);
  assert.deepStrictEqual(require.resolve.paths('./x'), [__dirname]);
  assert.strictEqual(require.resolve.paths('pkg')[0], path.join(__dirname, 'node_modules'));
});

test('built-in modules: bare names, node: prefix, builtinModules, isBuiltin', () => {
  assert.strictEqual(require('path'), require('node:path'));
  assert.strictEqual(require.resolve('path'), 'path');
  assert.strictEqual(require.resolve('node:path'), 'node:path');
  assert.ok(Module.builtinModules.includes('path'));
  assert.ok(Module.builtinModules.includes('module'));
  assert.ok(!Module.builtinModules.some((m) => m.startsWith('internal/')));
  assert.strictEqual(Module.isBuiltin('node:path'), true);
  assert.strictEqual(Module.isBuiltin('path'), true);
  assert.strictEqual(Module.isBuiltin('internal/errors'), false);
  assert.strictEqual(Module.isBuiltin('node:nope'), false);
  assert.throws(() => require('internal/errors'), { code: 'MODULE_NOT_FOUND' });
  assert.throws(() => require('node:nope'), { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });
});

test('createRequire from a path and from a file URL', () => {
  const r1 = Module.createRequire(path.join(fx, 'x.js'));
  assert.strictEqual(r1('./pkgmain'), 'entry via main');
  const r2 = Module.createRequire(`file://${fx}/`);
  assert.strictEqual(r2('./pkgmain'), 'entry via main');
  assert.throws(() => Module.createRequire('relative/x.js'), { code: 'ERR_INVALID_ARG_VALUE' });
});
