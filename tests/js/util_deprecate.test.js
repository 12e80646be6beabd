'use strict';
// util.deprecate and util.debuglog / util.debug.
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');

// Collects the 'warning' events emitted while fn runs (they arrive on a later tick).
async function warningsDuring(fn) {
  const seen = [];
  const on = (w) => seen.push(w);
  process.on('warning', on);
  try {
    fn();
    await new Promise((r) => setTimeout(r, 5));
  } finally {
    process.off('warning', on);
  }
  return seen;
}

test('deprecate warns once per wrapper, with the message and code', async () => {
  const fn = util.deprecate((a, b) => a + b, 'fn() is old', 'DEP_T1');
  let results = [];
  const seen = await warningsDuring(() => { results = [fn(1, 2), fn(3, 4)]; });
  assert.deepStrictEqual(results, [3, 7]);
  assert.strictEqual(seen.length, 1);
  assert.strictEqual(seen[0].name, 'DeprecationWarning');
  assert.strictEqual(seen[0].message, 'fn() is old');
  assert.strictEqual(seen[0].code, 'DEP_T1');
});

test('deprecate warns once per code across wrappers; without a code, once per wrapper', async () => {
  const a = util.deprecate(() => {}, 'a', 'DEP_T2');
  const b = util.deprecate(() => {}, 'b', 'DEP_T2');
  const c = util.deprecate(() => {}, 'c');
  const d = util.deprecate(() => {}, 'd');
  const seen = await warningsDuring(() => { a(); b(); c(); c(); d(); });
  assert.deepStrictEqual(seen.map((w) => [w.message, w.code]), [['a', 'DEP_T2'], ['c', undefined], ['d', undefined]]);
});

test('deprecate: noDeprecation silences', async () => {
  const quiet = util.deprecate(() => 1, 'quiet', 'DEP_T3');
  process.noDeprecation = true;
  let seen;
  try {
    seen = await warningsDuring(() => quiet());
  } finally {
    process.noDeprecation = false;
  }
  assert.strictEqual(seen.length, 0);
});

test('deprecate keeps classes working: new, prototype, instanceof, this', async () => {
  class Old { constructor(x) { this.x = x; } get twice() { return this.x * 2; } }
  const Dep = util.deprecate(Old, 'Old is old', 'DEP_T5');
  await warningsDuring(() => {
    const o = new Dep(4);
    assert.strictEqual(o.twice, 8);
    assert.ok(o instanceof Old);
    assert.ok(o instanceof Dep);
    assert.ok(new Old(1) instanceof Dep);
  });
  assert.strictEqual(Object.getPrototypeOf(Dep), Old);
  const obj = { v: 3, get: util.deprecate(function () { return this.v; }, 'm') };
  await warningsDuring(() => assert.strictEqual(obj.get(), 3));
});

test('deprecate validates the code', () => {
  assert.throws(() => util.deprecate(() => {}, 'm', 1), {
    code: 'ERR_INVALID_ARG_TYPE', message: 'The "code" argument must be of type string. Received type number (1)',
  });
  assert.strictEqual(util.deprecate.length, 3);
});

test('util.isArray and util._extend warn with DEP0044 and DEP0060 and still work', async () => {
  let r;
  const seen = await warningsDuring(() => { r = [util.isArray([]), util.isArray({}), util._extend({ a: 1 }, { b: 2 })]; });
  assert.deepStrictEqual(r, [true, false, { a: 1, b: 2 }]);
  assert.deepStrictEqual(seen.map((w) => w.code).sort(), ['DEP0044', 'DEP0060']);
  assert.deepStrictEqual(util._extend({ a: 1 }, null), { a: 1 });
  assert.deepStrictEqual(util._extend({ a: 1 }, 'xy'), { a: 1 });
});

// The NODE_DEBUG pattern as the documentation describes it, to know what this process enables.
function enabledByEnv(section) {
  const env = process.env.NODE_DEBUG;
  if (!env) return false;
  return env.split(',').some((p) => {
    const re = new RegExp(`^${p.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
    return re.test(section);
  });
}

test('debuglog: debug is debuglog, enabled follows NODE_DEBUG, a disabled logger writes nothing', () => {
  assert.strictEqual(util.debug, util.debuglog);
  const name = 'dx_test_section_never_enabled';
  const log = util.debuglog(name);
  assert.strictEqual(typeof log, 'function');
  const desc = Object.getOwnPropertyDescriptor(log, 'enabled');
  assert.strictEqual(typeof desc.get, 'function');
  assert.strictEqual(desc.enumerable, true);
  assert.strictEqual(log.enabled, enabledByEnv(name));
  if (!log.enabled) {
    const write = process.stderr.write;
    let wrote = false;
    process.stderr.write = function () { wrote = true; return true; };
    try {
      log('hello %s', 'x');
    } finally {
      process.stderr.write = write;
    }
    assert.strictEqual(wrote, false);
  }
});

test('debuglog calls its callback once with the real logger', () => {
  const got = [];
  const log = util.debuglog('dx_test_cb_section', (fn) => got.push(fn));
  log('a');
  log('b');
  assert.strictEqual(got.length, 1);
  assert.strictEqual(typeof got[0], 'function');
});

// The output format needs NODE_DEBUG set at start-up, so this runs a child process where one can.
let spawnSync;
try {
  ({ spawnSync } = require('node:child_process'));
} catch {
  spawnSync = undefined;
}
test('debuglog with NODE_DEBUG: `SECTION PID: message` on stderr, wildcards, case-insensitive, commas only',
     { skip: typeof spawnSync === 'function' ? false : 'needs child_process' }, () => {
  const script = `const u = require('util');
    const f = u.debuglog('foo'); f('hi %s', 'x', { a: 1 });
    u.debuglog('bar')('y'); u.debuglog('baz').enabled && console.log('baz on');
    console.log([f.enabled, u.debuglog('BARX').enabled, u.debuglog('qux').enabled].join());`;
  const r = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, NODE_DEBUG: 'FOO,ba*, qux', NO_COLOR: '1' }, encoding: 'utf8',
  });
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stdout, 'baz on\ntrue,true,false\n');
  const pid = r.pid;
  assert.strictEqual(r.stderr, `FOO ${pid}: hi x { a: 1 }\nBAR ${pid}: y\n`);
});
