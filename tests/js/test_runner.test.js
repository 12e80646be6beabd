'use strict';
// node:test as Node 24 behaves, and the `dx test` command.
// 1. In this process: the API (subtests, hooks, options, plan, context), checked by the tests below.
// 2. Fixture files run as child processes (when the runtime has child_process): their report lines and
//    exit status against Node 24's, from $DX_GOLDEN_DIR/test_runner.json (default build/golden),
//    written by tests/js/tools/gen-test-runner-golden.js under Node 24.
// 3. `dx test` (when $DX_BIN names a dx binary, or this runs under dx): file discovery, order, counts,
//    exit codes and options. dx only: Node has no `dx test`.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const golden = require('./tools/gen-test-runner-golden.js');

const { describe, it, before, after, beforeEach, afterEach } = test;

function optionalRequire(id) {
  try {
    return require(id);
  } catch {
    return undefined;
  }
}
const cp = optionalRequire('child_process');
const fs = optionalRequire('fs');
const os = optionalRequire('os');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('module shape', () => {
  it('exports test as the module and its helpers', () => {
    assert.strictEqual(typeof test, 'function');
    assert.strictEqual(test.test, test);
    assert.strictEqual(test.it, test);
    assert.strictEqual(test.describe, test.suite);
    for (const name of ['before', 'after', 'beforeEach', 'afterEach', 'getTestContext']) {
      assert.strictEqual(typeof test[name], 'function', name);
    }
    for (const fn of [test, test.describe, test.it]) {
      for (const variant of ['skip', 'todo', 'only']) assert.strictEqual(typeof fn[variant], 'function', variant);
    }
    assert.strictEqual(typeof test.assert.register, 'function');
  });

  it('test() returns a promise', async () => {
    // Inside a running test a global test() makes a subtest of it.
    const p = test('made by test()', () => {});
    assert.ok(p instanceof Promise);
    await p;
  });
});

describe('the test context', () => {
  it('has the name, full name and signal', async (t) => {
    assert.strictEqual(t.name, 'has the name, full name and signal');
    assert.strictEqual(t.fullName, 'the test context > has the name, full name and signal');
    assert.strictEqual(typeof t.signal, 'object');
    assert.strictEqual(t.signal.aborted, false);
    await t.test('inner', (t2) => {
      assert.strictEqual(t2.name, 'inner');
      assert.strictEqual(t2.fullName, 'the test context > has the name, full name and signal > inner');
    });
  });

  let signalOfEarlierTest;
  it('aborts its signal once the test is over (1)', (t) => {
    signalOfEarlierTest = t.signal;
    assert.strictEqual(t.signal.aborted, false);
  });
  it('aborts its signal once the test is over (2)', () => {
    assert.strictEqual(signalOfEarlierTest.aborted, true);
  });

  it('getTestContext() is the running test\'s context', (t) => {
    assert.strictEqual(test.getTestContext(), t);
  });

  it('diagnostic() takes a message', (t) => {
    t.diagnostic('a diagnostic from test_runner.test.js');
  });

  it('t.assert has the assertions, and registered ones', (t) => {
    for (const name of ['ok', 'equal', 'strictEqual', 'deepStrictEqual', 'throws', 'rejects', 'match', 'fail']) {
      assert.strictEqual(typeof t.assert[name], 'function', name);
    }
    t.assert.strictEqual(1, 1);
    t.assert.throws(() => t.assert.ok(false), { code: 'ERR_ASSERTION' });
  });

  test.assert.register('isEven', (n) => {
    if (n % 2 !== 0) throw new assert.AssertionError({ message: `${n} is odd` });
  });
  it('test.assert.register adds to t.assert', (t) => {
    t.assert.isEven(2);
    assert.throws(() => t.assert.isEven(3), { message: '3 is odd' });
  });

  it('waitFor() polls until the condition holds', async (t) => {
    let n = 0;
    const result = await t.waitFor(() => {
      if (++n < 3) throw new Error('not yet');
      return n;
    }, { interval: 1, timeout: 1000 });
    assert.strictEqual(result, 3);
    await assert.rejects(t.waitFor(() => { throw new Error('never'); }, { interval: 1, timeout: 10 }), {
      message: 'waitFor() timed out',
    });
  });
});

describe('subtests', () => {
  it('run in order and are awaited', async (t) => {
    const order = [];
    await t.test('first', async () => {
      await sleep(5);
      order.push('first');
    });
    await t.test('second', () => { order.push('second'); });
    assert.deepStrictEqual(order, ['first', 'second']);
  });

  it('that are not awaited still finish before their parent', async (t) => {
    const order = [];
    t.test('a', async () => {
      await sleep(5);
      order.push('a');
    });
    t.test('b', () => { order.push('b'); });
    t.after(() => assert.deepStrictEqual(order, ['a', 'b']));
  });

  it('run side by side with concurrency', { concurrency: 2 }, async (t) => {
    const order = [];
    await Promise.all([
      t.test('slow', async () => {
        await sleep(20);
        order.push('slow');
      }),
      t.test('fast', () => { order.push('fast'); }),
    ]);
    assert.deepStrictEqual(order, ['fast', 'slow']);
  });

  it('callback tests end when done() is called', (t, done) => {
    setTimeout(() => {
      assert.strictEqual(t.name, 'callback tests end when done() is called');
      done();
    }, 1);
  });
});

describe('skip, todo and plan', () => {
  let skippedRan = false;
  let todoRan = false;
  it('skipped', { skip: 'reason' }, () => { skippedRan = true; });
  it.skip('skipped too', () => { skippedRan = true; });
  it('todo runs', { todo: true }, () => { todoRan = true; });
  it('skipped functions never run; todo functions do', () => {
    assert.strictEqual(skippedRan, false);
    assert.strictEqual(todoRan, true);
  });

  it('plan counts assertions and subtests', async (t) => {
    t.plan(3);
    t.assert.ok(true);
    t.assert.strictEqual(2, 2);
    await t.test('counts too', () => {});
  });

  it('plan can wait for late assertions', (t) => {
    t.plan(1, { wait: 1000 });
    setTimeout(() => t.assert.ok(true), 5);
  });

  it('plan validates its arguments', (t) => {
    assert.throws(() => t.plan('x'), { code: 'ERR_INVALID_ARG_TYPE' });
    t.plan(0);
    assert.throws(() => t.plan(1), { code: 'ERR_TEST_FAILURE', message: 'cannot set plan more than once' });
  });
});

describe('hooks', () => {
  const log = [];
  describe('run in Node\'s order', () => {
    before(() => log.push('before'));
    after(() => log.push('after'));
    beforeEach((t) => log.push(`beforeEach ${t.name}`));
    afterEach((t) => log.push(`afterEach ${t.name}`));
    describe('inner', () => {
      beforeEach(() => log.push('beforeEach inner'));
      afterEach(() => log.push('afterEach inner'));
      it('x', () => log.push('x'));
    });
    it('y', () => log.push('y'));
  });
  it('in the order Node runs them', () => {
    assert.deepStrictEqual(log, ['before', 'beforeEach x', 'beforeEach inner', 'x', 'afterEach inner',
      'afterEach x', 'beforeEach y', 'y', 'afterEach y', 'after']);
  });

  it('t.beforeEach/t.afterEach wrap the subtests of a test', async (t) => {
    const seen = [];
    t.beforeEach((ctx) => seen.push(`+${ctx.name}`));
    t.afterEach((ctx) => seen.push(`-${ctx.name}`));
    await t.test('s1', () => seen.push('s1'));
    await t.test('s2', () => seen.push('s2'));
    assert.deepStrictEqual(seen, ['+s1', 's1', '-s1', '+s2', 's2', '-s2']);
  });
});

describe('option validation', () => {
  it('rejects a bad timeout and concurrency', () => {
    assert.throws(() => test('x', { timeout: -1 }), {
      code: 'ERR_OUT_OF_RANGE', name: 'RangeError',
      message: 'The value of "options.timeout" is out of range. It must be >= 0 && <= 2147483647. Received -1',
    });
    assert.throws(() => test('x', { concurrency: 'a' }), {
      code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
      message: 'The "options.concurrency" property must be one of type boolean or number. Received type string (\'a\')',
    });
    assert.throws(() => test('x', { signal: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
  });
});

// --- fixtures in child processes --------------------------------------------------------------

function loadGolden() {
  if (!fs) return undefined;
  const dir = process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', 'build', 'golden');
  const file = path.join(dir, 'test_runner.json');
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')).expected;
}

describe('files run directly print Node\'s spec report', { skip: !cp && 'no node:child_process' }, () => {
  const expected = loadGolden();
  for (const name of golden.FIXTURES) {
    it(name, { skip: !expected && 'no golden file (tests/js/tools/gen-test-runner-golden.js)' }, () => {
      const got = golden.runFixture(process.execPath, name);
      assert.deepStrictEqual(got.lines, expected[name].lines, got.stdout + got.stderr);
      assert.strictEqual(got.status, expected[name].status);
    });
  }

  it('the report matches for the failure details too', () => {
    const { stdout } = golden.runFixture(process.execPath, 'fx_basic.js');
    assert.match(stdout, /\n✖ failing tests:\n\ntest at fx_basic\.js:6:1\n✖ fails \([\d.]+ms\)\n {2}AssertionError \[ERR_ASSERTION\]: Expected values to be strictly equal:\n {2}\n {2}1 !== 2\n/);
    assert.match(stdout, /\ntest at fx_basic\.js:27:1\n✖ timeout \([\d.]+ms\)\n {2}'test timed out after 20ms'\n/);
    assert.match(stdout, /\ntest at fx_basic\.js:30:1\n✖ plan \([\d.]+ms\)\n {2}'plan expected 2 assertions but received 1'\n/);
  });

  it('--test-name-pattern filters by name (DX_TEST_NAME_PATTERN in dx)', () => {
    const isDx = path.basename(process.execPath) === 'dx';
    const env = { DX_TEST_NAME_PATTERN: '/ONE/i' };
    const args = isDx ? ['fx_names.js'] : ['--test-name-pattern=/ONE/i', 'fx_names.js'];
    const r = cp.spawnSync(process.execPath, args, { cwd: golden.fixtureDir, encoding: 'utf8', env: golden.cleanEnv(env) });
    assert.deepStrictEqual(golden.reportLines(r.stdout).slice(0, 4),
      ['▶ suite alpha', '  ✔ one', '✔ suite alpha', 'ℹ tests 1']);
  });
});

// --- dx test -----------------------------------------------------------------------------------

const dxBin = process.env.DX_BIN || (path.basename(process.execPath) === 'dx' ? process.execPath : undefined);
const noDx = !dxBin ? 'dx only: set DX_BIN to a dx binary' : !cp || !fs || !os ? 'needs child_process, fs, os' : false;

describe('dx test', { skip: noDx }, () => {
  let dir;
  const write = (rel, text) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const dxTest = (args, options = {}) => cp.spawnSync(dxBin, ['test', ...args], {
    cwd: dir, encoding: 'utf8', env: golden.cleanEnv(), timeout: 30000, ...options,
  });
  const lastLine = (out) => out.trimEnd().split('\n').pop();
  const ran = (out) => out.split('\n').filter((l) => l.startsWith('ran ')).map((l) => l.slice(4));

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-test-'));
    const pass = (name) => `console.log('ran ${name}'); require('node:test')('${name} ok', () => {});\n`;
    for (const f of ['a.test.js', 'a-test.mjs', 'a_test.cjs', 'test-x.js', 'test.js', 'sub/test/deep/y.js',
      'sub/b.test.cjs', 'c.test.ts']) {
      write(f, f.endsWith('.mjs') ? `import test from 'node:test'; console.log('ran ${f}'); test('${f} ok', () => {});\n` :
        f.endsWith('.ts') ? `console.log('ran ${f}');\n` : pass(f));
    }
    for (const f of ['x.js', 'b.spec.js', 'mytest.js', 'Test.js', 'sub/test/notes.txt', 'node_modules/p/a.test.js',
      '.hidden/a.test.js', '.dot.test.js']) {
      write(f, pass(f));
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds Node\'s default test files, in order', () => {
    // A file shows up by what it prints, or (if it cannot run here) as a test named after it.
    const shown = (out) => out.split('\n').map((l) => (l.startsWith('ran ') ? l.slice(4) :
      (/^[✔✖] (\S+\.[mc]?[jt]s) \(/.exec(l) || [])[1])).filter(Boolean);
    const r = dxTest([]);
    assert.deepStrictEqual([...new Set(shown(r.stdout))], ['a-test.mjs', 'a.test.js', 'a_test.cjs', 'c.test.ts',
      'sub/b.test.cjs', 'sub/test/deep/y.js', 'test-x.js', 'test.js']);
  });

  it('counts tests; a file without tests counts as one', () => {
    const r = dxTest(['a.test.js', 'test.js', 'c.test.ts']);
    assert.strictEqual(lastLine(r.stdout), '3 passed, 0 failed');
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /\n✔ c\.test\.ts \([\d.]+ms\)\n/);
    assert.match(r.stdout, /\nℹ tests 3\nℹ suites 0\nℹ pass 3\nℹ fail 0\nℹ cancelled 0\nℹ skipped 0\nℹ todo 0\nℹ duration_ms [\d.]+\n/);
  });

  it('takes files and globs; a directory is searched', () => {
    assert.deepStrictEqual(ran(dxTest(['x.js']).stdout), ['x.js']);
    assert.deepStrictEqual(ran(dxTest(['*.spec.js', 'x.js', './x.js']).stdout), ['b.spec.js', 'x.js']);
    assert.deepStrictEqual(ran(dxTest(['sub']).stdout), ['sub/b.test.cjs', 'sub/test/deep/y.js']);
    assert.deepStrictEqual(ran(dxTest(['{a,test}.test.js']).stdout), ['a.test.js']);
  });

  it('says when a named file does not exist', () => {
    const r = dxTest(['nope.js']);
    assert.strictEqual(r.stderr, "Could not find 'nope.js'\n");
    assert.strictEqual(r.status, 1);
    assert.strictEqual(dxTest(['zz/*.js']).status, 0);
  });

  it('shows each file\'s output and results in file order, whatever finishes first', () => {
    write('order/1.test.js', "const t = require('node:test'); t('slow', async () => { await new Promise((r) => setTimeout(r, 300)); console.log('one'); });\n");
    write('order/2.test.js', "console.log('two'); require('node:test')('fast', () => {});\n");
    const r = dxTest(['--test-concurrency=2', 'order']);
    const lines = r.stdout.split('\n');
    assert.deepStrictEqual(lines.slice(0, 4).map((l) => l.replace(/ \([\d.]+ms\)/, '')), ['one', '✔ slow', 'two', '✔ fast']);
    fs.rmSync(path.join(dir, 'order'), { recursive: true });
  });

  it('counts failures, skips and crashes; exits 1 on failure', () => {
    write('f/fail.test.js', [
      "const { test } = require('node:test');",
      "test('good', () => {});",
      "test('bad', () => { throw new Error('boom'); });",
      "test('skipped', { skip: true }, () => {});",
      "test('later', { todo: true }, () => {});",
      '',
    ].join('\n'));
    write('f/crash.test.js', "throw new Error('crash');\n");
    const r = dxTest(['f']);
    assert.strictEqual(lastLine(r.stdout), '1 passed, 2 failed, 2 skipped');
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /\n✖ f\/crash\.test\.js \([\d.]+ms\)\n/);
    assert.match(r.stdout, /\ntest at f\/fail\.test\.js:3:1\n✖ bad \([\d.]+ms\)\n {2}Error: boom\n/);
    assert.match(r.stdout, /\ntest at f\/crash\.test\.js:1:1\n✖ f\/crash\.test\.js \([\d.]+ms\)\n {2}'test failed'\n/);
    assert.match(r.stderr, /crash/);
    fs.rmSync(path.join(dir, 'f'), { recursive: true });
  });

  it('passes --test-name-pattern and --test-only to the files', () => {
    write('n/n.test.js', [
      "const { test } = require('node:test');",
      "test('alpha', () => {});",
      "test('beta', () => {});",
      "test.only('gamma', () => {});",
      '',
    ].join('\n'));
    assert.strictEqual(lastLine(dxTest(['--test-name-pattern=alpha', 'n']).stdout), '1 passed, 0 failed');
    assert.strictEqual(lastLine(dxTest(['--test-name-pattern', '/^(alpha|beta)$/', 'n']).stdout), '2 passed, 0 failed');
    assert.strictEqual(lastLine(dxTest(['--test-only', 'n']).stdout), '1 passed, 0 failed');
    // Without --test-only, `only` does not filter under `dx test` (as under `node --test`).
    assert.strictEqual(lastLine(dxTest(['n']).stdout), '3 passed, 0 failed');
    fs.rmSync(path.join(dir, 'n'), { recursive: true });
  });

  it('--test-timeout stops a file that runs too long', () => {
    write('t/slow.test.js', "require('node:test')('slow', async () => { await new Promise((r) => setTimeout(r, 5000)); });\n");
    const r = dxTest(['--test-timeout=300', 't']);
    assert.strictEqual(lastLine(r.stdout), '0 passed, 1 failed');
    assert.match(r.stdout, /'test timed out after 300ms'/);
    fs.rmSync(path.join(dir, 't'), { recursive: true });
  });

  it('rejects unknown options', () => {
    const r = dxTest(['--nope']);
    assert.strictEqual(r.status, 9);
    assert.match(r.stderr, /bad option: --nope/);
  });
});

describe('mocks', () => {
  it('mock.fn records calls and results', (t) => {
    const add = t.mock.fn((a, b) => a + b);
    assert.strictEqual(add(1, 2), 3);
    assert.strictEqual(add.call('self', 3, 4), 7);
    assert.strictEqual(add.mock.callCount(), 2);
    const [first, second] = add.mock.calls;
    assert.deepStrictEqual(first.arguments, [1, 2]);
    assert.strictEqual(first.result, 3);
    assert.strictEqual(first.error, undefined);
    assert.strictEqual(second.this, 'self');
    assert.ok(first.stack instanceof Error);
    add.mock.resetCalls();
    assert.strictEqual(add.mock.callCount(), 0);
  });

  it('mock.fn takes an implementation, once or for some calls', (t) => {
    const fn = t.mock.fn(() => 'original', () => 'mocked', { times: 2 });
    assert.deepStrictEqual([fn(), fn(), fn()], ['mocked', 'mocked', 'original']);
    const g = t.mock.fn(() => 1);
    g.mock.mockImplementationOnce(() => 2);
    g.mock.mockImplementationOnce(() => 3, 2);
    assert.deepStrictEqual([g(), g(), g(), g()], [2, 1, 3, 1]);
    g.mock.mockImplementation(() => 4);
    assert.strictEqual(g(), 4);
    const thrower = t.mock.fn(() => { throw new Error('no'); });
    assert.throws(() => thrower(), /no/);
    assert.strictEqual(thrower.mock.calls[0].error.message, 'no');
  });

  it('mock.fn works with new', (t) => {
    class Point { constructor(x) { this.x = x; } }
    const P = t.mock.fn(Point);
    const p = new P(3);
    assert.strictEqual(p.x, 3);
    assert.strictEqual(P.mock.calls[0].target, Point);
    assert.strictEqual(P.mock.calls[0].this, p);
  });

  const obj = { value: 2, double(n) { return n * this.value; }, get answer() { return 42; } };
  it('mock.method and mock.getter replace and restore', (t) => {
    const m = t.mock.method(obj, 'double');
    assert.strictEqual(obj.double(3), 6);
    assert.strictEqual(m.mock.calls[0].this, obj);
    t.mock.method(obj, 'double', () => 0);
    assert.strictEqual(obj.double(3), 0);
    t.mock.getter(obj, 'answer', () => 7);
    assert.strictEqual(obj.answer, 7);
    assert.throws(() => t.mock.method(obj, 'value'), { code: 'ERR_INVALID_ARG_VALUE' });
    assert.throws(() => t.mock.method(obj, 'double', { getter: true, setter: true }), { code: 'ERR_INVALID_ARG_VALUE' });
  });
  it('mocks of a test are restored when it ends', () => {
    assert.strictEqual(obj.double(3), 6);
    assert.strictEqual(obj.answer, 42);
  });

  it('test.mock is a tracker of its own', () => {
    const fn = test.mock.fn();
    fn();
    assert.strictEqual(fn.mock.callCount(), 1);
    const m = test.mock.method(obj, 'double', () => -1);
    assert.strictEqual(obj.double(1), -1);
    test.mock.restoreAll();
    assert.strictEqual(obj.double(1), 2);
    m.mock.restore();
    test.mock.reset();
  });
});
