'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');

test('process identity', () => {
  assert.strictEqual(typeof process.pid, 'number');
  assert.strictEqual(typeof process.ppid, 'number');
  assert.strictEqual(process.platform, 'linux');
  assert.ok(['x64', 'arm64'].includes(process.arch));
  assert.match(process.version, /^v\d+\.\d+\.\d+$/);
  assert.strictEqual(process.versions.node, process.version.slice(1));
  assert.strictEqual(typeof process.versions.uv, 'string');
  assert.strictEqual(process.release.name, 'node');
  assert.strictEqual(Object.prototype.toString.call(process), '[object process]');
  assert.strictEqual(typeof process.title, 'string');
});

test('argv: execPath first, then this file', () => {
  assert.ok(Array.isArray(process.argv));
  assert.strictEqual(process.argv[0], process.execPath);
  assert.strictEqual(process.argv[1], __filename);
  assert.ok(path.isAbsolute(process.execPath));
  assert.strictEqual(typeof process.argv0, 'string');
  assert.ok(Array.isArray(process.execArgv));
});

test('env is live, string-valued and deletable', () => {
  const key = `DX_TEST_ENV_${process.pid}`;
  assert.strictEqual(process.env[key], undefined);
  assert.strictEqual(key in process.env, false);
  process.env[key] = 42;
  assert.strictEqual(process.env[key], '42');
  assert.strictEqual(key in process.env, true);
  assert.ok(Object.keys(process.env).includes(key));
  process.env[key] = true;
  assert.strictEqual(process.env[key], 'true');
  assert.strictEqual(delete process.env[key], true);
  assert.strictEqual(process.env[key], undefined);
  assert.strictEqual(typeof process.env.PATH, 'string');
  // Non-ASCII values come back as written; own-property queries see the live environment.
  for (const v of ['café', 'naïve 東京 😀', '\u00ff\u0100', '']) {
    process.env[key] = v;
    assert.strictEqual(process.env[key], v);
    assert.strictEqual(Object.hasOwn(process.env, key), true);
    assert.strictEqual(Object.getOwnPropertyDescriptor(process.env, key).value, v);
  }
  delete process.env[key];
  assert.strictEqual(Object.hasOwn(process.env, key), false);
  assert.strictEqual(Object.getOwnPropertyDescriptor(process.env, key), undefined);
});

test('cwd and chdir', () => {
  const here = process.cwd();
  assert.ok(path.isAbsolute(here));
  try {
    process.chdir('/');
    assert.strictEqual(process.cwd(), '/');
    process.chdir(here);
    assert.strictEqual(process.cwd(), here);
    assert.throws(() => process.chdir('/definitely/not/here'), (err) => {
      assert.strictEqual(err.code, 'ENOENT');
      assert.strictEqual(err.syscall, 'chdir');
      assert.match(err.message, /^ENOENT: no such file or directory, chdir .* -> '\/definitely\/not\/here'$/);
      return true;
    });
    assert.throws(() => process.chdir(1), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
  } finally {
    process.chdir(here);
  }
});

test('hrtime and hrtime.bigint are monotonic', () => {
  const a = process.hrtime();
  assert.strictEqual(a.length, 2);
  assert.ok(Number.isInteger(a[0]) && Number.isInteger(a[1]) && a[1] < 1e9);
  const d = process.hrtime(a);
  assert.ok(d[0] >= 0 && d[1] >= 0);
  const b1 = process.hrtime.bigint();
  const b2 = process.hrtime.bigint();
  assert.strictEqual(typeof b1, 'bigint');
  assert.ok(b2 >= b1);
  assert.throws(() => process.hrtime(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => process.hrtime([1]), { code: 'ERR_OUT_OF_RANGE' });
});

test('uptime, memoryUsage, cpuUsage', () => {
  assert.ok(process.uptime() > 0);
  const m = process.memoryUsage();
  for (const k of ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers']) {
    assert.strictEqual(typeof m[k], 'number', k);
  }
  assert.ok(m.rss > 1e6);
  assert.ok(process.memoryUsage.rss() > 1e6);
  const c = process.cpuUsage();
  assert.ok(c.user > 0 && c.system >= 0);
  const d = process.cpuUsage(c);
  assert.ok(d.user >= 0 && d.system >= 0);
  assert.throws(() => process.cpuUsage(1), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('umask reads and sets', () => {
  const old = process.umask();
  assert.strictEqual(typeof old, 'number');
  assert.strictEqual(process.umask(0o22), old);
  assert.strictEqual(process.umask('0027'), 0o22);
  assert.strictEqual(process.umask(old), 0o27);
  assert.throws(() => process.umask({}), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('kill with signal 0 probes a process; bad signals throw', () => {
  assert.strictEqual(process.kill(process.pid, 0), true);
  assert.throws(() => process.kill(process.pid, 'SIGNOPE'), { code: 'ERR_UNKNOWN_SIGNAL', name: 'TypeError' });
  assert.throws(() => process.kill('x'), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('exitCode validates its value', () => {
  const old = process.exitCode;
  assert.throws(() => { process.exitCode = 'abc'; }, { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => { process.exitCode = 1.5; }, { code: 'ERR_OUT_OF_RANGE' });
  process.exitCode = old;
});

test('emitWarning emits a warning event with name and code', async () => {
  const w = await new Promise((resolve) => {
    process.once('warning', resolve);
    process.emitWarning('careful', { type: 'CustomWarning', code: 'DX1', detail: 'more' });
  });
  assert.strictEqual(w.name, 'CustomWarning');
  assert.strictEqual(w.message, 'careful');
  assert.strictEqual(w.code, 'DX1');
  assert.strictEqual(w.detail, 'more');
  assert.throws(() => process.emitWarning(1), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('stdout and stderr are writable', () => {
  assert.strictEqual(typeof process.stdout.write, 'function');
  assert.strictEqual(process.stdout.fd, 1);
  assert.strictEqual(process.stderr.fd, 2);
  assert.strictEqual(process.stdout.write(''), true);
});

test('structuredClone and queueMicrotask are globals', () => {
  assert.strictEqual(typeof structuredClone, 'function');
  assert.strictEqual(typeof queueMicrotask, 'function');
  assert.strictEqual(globalThis.global, globalThis);
});

test('node:process is the process object, also as an ES module', async () => {
  assert.strictEqual(require('process'), process);
  assert.strictEqual(require('node:process'), process);
  const ns = await import('node:process');
  assert.strictEqual(ns.default, process);
  assert.strictEqual(ns.argv, process.argv);
});
