'use strict';
// node:os: the facts must be the ones Node 24 reports on this machine, read from
// ${DX_GOLDEN_DIR or build/golden}/os.json (written by tests/js/tools/gen-os-golden.js under Node 24),
// and the changing values (memory, load, uptime, CPU times) must be sane. Argument errors and
// SystemError shapes are checked directly.
const test = require('node:test');
const assert = require('node:assert');
const os = require('node:os');
const gen = require('./tools/gen-os-golden.js');

const { loadGolden } = require('./tools/golden.js');

const golden = loadGolden('os.json');
// The golden applies when this process sees the same environment variables os consults.
const sameEnv = golden && ['TMPDIR', 'TMP', 'TEMP', 'HOME'].every((k) => golden.env[k] === process.env[k]);
const skip = sameEnv ? false : 'no golden file for this environment';
const mine = gen.snapshot(os);

const exact = ['keys', 'arch', 'platform', 'type', 'release', 'version', 'machine', 'endianness', 'EOL', 'devNull',
  'homedir', 'hostname', 'tmpdir', 'availableParallelism', 'totalmem', 'userInfo', 'userInfoHex', 'constants',
  'constantsFrozen', 'networkInterfaces', 'cpus', 'priority', 'setPriorityNoProcess', 'getPriorityNoProcess', 'lengths',
  'primitives'];
for (const key of exact) {
  test(`${key}: the same as Node 24 on this machine`, { skip }, () => {
    assert.deepStrictEqual(mine[key], golden.results[key]);
  });
}

test('uptime moves forward from Node\'s reading', { skip }, () => {
  const elapsed = (mine.time - golden.results.time) / 1000;
  assert.ok(Math.abs(mine.uptime - (golden.results.uptime + elapsed)) < 5, `${mine.uptime} vs ${golden.results.uptime} + ${elapsed}`);
});

test('memory, load and CPU times are sane', () => {
  const free = os.freemem();
  const total = os.totalmem();
  assert.ok(Number.isInteger(total) && total > 0);
  assert.ok(Number.isInteger(free) && free > 0 && free <= total);
  const load = os.loadavg();
  assert.strictEqual(load.length, 3);
  for (const l of load) assert.ok(typeof l === 'number' && l >= 0);
  const a = os.cpus();
  assert.ok(a.length >= 1);
  const b = os.cpus();
  for (let i = 0; i < a.length; i++) {
    assert.deepStrictEqual(Object.keys(a[i]), ['model', 'speed', 'times']);
    assert.deepStrictEqual(Object.keys(a[i].times), ['user', 'nice', 'sys', 'idle', 'irq']);
    for (const k of Object.keys(a[i].times)) assert.ok(b[i].times[k] >= a[i].times[k]);
  }
  assert.ok(os.uptime() > 0);
  assert.ok(os.availableParallelism() >= 1);
});

test('networkInterfaces entries are well formed', () => {
  const ifaces = os.networkInterfaces();
  for (const [name, list] of Object.entries(ifaces)) {
    for (const e of list) {
      assert.ok(e.family === 'IPv4' || e.family === 'IPv6', name);
      assert.match(e.mac, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
      assert.strictEqual(typeof e.internal, 'boolean');
      if (e.cidr !== null) assert.ok(e.cidr.startsWith(`${e.address}/`));
      if (e.family === 'IPv6') assert.strictEqual(typeof e.scopeid, 'number');
      else assert.strictEqual('scopeid' in e, false);
    }
  }
});

test('constants: real values, null prototypes, signals frozen', () => {
  const c = os.constants;
  assert.strictEqual(Object.getPrototypeOf(c), null);
  assert.strictEqual(c.signals.SIGINT, 2);
  assert.strictEqual(c.signals.SIGKILL, 9);
  assert.strictEqual(c.errno.ENOENT, 2);
  assert.strictEqual(c.priority.PRIORITY_HIGHEST, -20);
  assert.strictEqual(c.dlopen.RTLD_LAZY, 1);
  assert.strictEqual(c.UV_UDP_REUSEADDR, 4);
  assert.ok(Object.isFrozen(c.signals));
  const desc = Object.getOwnPropertyDescriptor(os, 'constants');
  assert.strictEqual(desc.configurable, false);
  assert.strictEqual(desc.writable, false);
});

test('fixed facts also convert to their value', () => {
  assert.strictEqual(`${os.hostname}`, os.hostname());
  assert.strictEqual(`${os.arch}`, os.arch());
  assert.strictEqual(+os.totalmem, os.totalmem());
});

test('tmpdir follows TMPDIR, TMP, TEMP and drops a trailing slash', () => {
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  const set = (k, v) => { if (v === undefined) delete process.env[k]; else process.env[k] = v; };
  try {
    set('TMPDIR', '/a/b/'); set('TMP', '/t'); set('TEMP', '/e');
    assert.strictEqual(os.tmpdir(), '/a/b');
    set('TMPDIR', undefined);
    assert.strictEqual(os.tmpdir(), '/t');
    set('TMP', undefined);
    assert.strictEqual(os.tmpdir(), '/e');
    set('TEMP', undefined);
    assert.strictEqual(os.tmpdir(), '/tmp');
    set('TMPDIR', '/');
    assert.strictEqual(os.tmpdir(), '/');
  } finally {
    for (const k of Object.keys(saved)) set(k, saved[k]);
  }
});

test('userInfo with encodings', () => {
  const u = os.userInfo();
  assert.strictEqual(Object.getPrototypeOf(u), null);
  assert.deepStrictEqual(Object.keys(u), ['uid', 'gid', 'username', 'homedir', 'shell']);
  assert.strictEqual(os.userInfo({ encoding: 'utf8' }).username, u.username);
  assert.strictEqual(os.userInfo({ encoding: 'bogus' }).username, u.username);
  assert.strictEqual(os.userInfo('buffer').username, u.username);
  if (typeof Buffer === 'function') {
    const b = os.userInfo({ encoding: 'buffer' });
    assert.ok(Buffer.isBuffer(b.username));
    assert.strictEqual(b.username.toString(), u.username);
    assert.strictEqual(os.userInfo({ encoding: 'BASE64' }).homedir, Buffer.from(u.homedir).toString('base64'));
  }
});

test('getPriority / setPriority validate pid and priority', () => {
  assert.strictEqual(typeof os.getPriority(), 'number');
  assert.strictEqual(os.getPriority(0), os.getPriority());
  assert.throws(() => os.getPriority('x'), { code: 'ERR_INVALID_ARG_TYPE', message: 'The "pid" argument must be of type number. Received type string (\'x\')' });
  assert.throws(() => os.getPriority(1.5), { code: 'ERR_OUT_OF_RANGE', message: 'The value of "pid" is out of range. It must be an integer. Received 1.5' });
  assert.throws(() => os.getPriority(2 ** 31), { code: 'ERR_OUT_OF_RANGE', message: 'The value of "pid" is out of range. It must be >= -2147483648 && <= 2147483647. Received 2147483648' });
  assert.throws(() => os.setPriority(0, 20), { code: 'ERR_OUT_OF_RANGE', message: 'The value of "priority" is out of range. It must be >= -20 && <= 19. Received 20' });
  assert.throws(() => os.setPriority(-21), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => os.setPriority(0, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
  // Raising our own niceness to what it already is always succeeds.
  os.setPriority(os.getPriority());
  os.setPriority(0, os.getPriority());
});

test('a failed uv call is a SystemError with info and accessors', () => {
  let err;
  try {
    os.setPriority(2 ** 31 - 2, 0);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof Error);
  assert.strictEqual(err.name, 'SystemError');
  assert.strictEqual(err.code, 'ERR_SYSTEM_ERROR');
  assert.strictEqual(err.message, 'A system error occurred: uv_os_setpriority returned ESRCH (no such process)');
  assert.deepStrictEqual(err.info, { errno: -3, code: 'ESRCH', message: 'no such process', syscall: 'uv_os_setpriority' });
  assert.strictEqual(err.errno, -3);
  assert.strictEqual(err.syscall, 'uv_os_setpriority');
  err.errno = 5;
  assert.strictEqual(err.info.errno, 5);
  assert.deepStrictEqual(Object.keys(err), ['code', 'info', 'errno', 'syscall']);
  assert.strictEqual(err.toString(), 'SystemError [ERR_SYSTEM_ERROR]: A system error occurred: uv_os_setpriority returned ESRCH (no such process)');
});
