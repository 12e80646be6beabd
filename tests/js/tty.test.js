'use strict';
// node:tty without a terminal: isatty, the constructors' argument checks, and the colour rules of
// tty.WriteStream (getColorDepth/hasColors) over an environment matrix. Terminal behaviour itself
// (real pseudo-terminals) is in tests/cli/stdio.test.js.
const test = require('node:test');
const assert = require('node:assert');
const tty = require('node:tty');

test('module shape', () => {
  assert.deepStrictEqual(Object.keys(tty).sort(), ['ReadStream', 'WriteStream', 'isatty']);
  assert.strictEqual(typeof tty.ReadStream, 'function');
  assert.strictEqual(typeof tty.WriteStream, 'function');
  assert.strictEqual(tty.WriteStream.prototype.isTTY, true);
  for (const m of ['getColorDepth', 'hasColors', '_refreshSize', 'cursorTo', 'moveCursor', 'clearLine',
    'clearScreenDown', 'getWindowSize']) {
    assert.strictEqual(typeof tty.WriteStream.prototype[m], 'function', m);
  }
  assert.strictEqual(typeof tty.ReadStream.prototype.setRawMode, 'function');
});

test('isatty is false for anything that is not an open terminal fd', () => {
  for (const fd of [-1, 0.5, 2 ** 31, NaN, Infinity, '0', '1', null, undefined, {}, 1n, 123456]) {
    assert.strictEqual(tty.isatty(fd), false, String(fd));
  }
});

test('isatty agrees with process.stdout.isTTY', () => {
  assert.strictEqual(tty.isatty(1), process.stdout.isTTY === true);
  assert.strictEqual(tty.isatty(2), process.stderr.isTTY === true);
});

test('the constructors reject fds that are not non-negative int32s with ERR_INVALID_FD', () => {
  for (const Ctor of [tty.ReadStream, tty.WriteStream]) {
    for (const fd of [-1, 0.5, 2 ** 31, '1', NaN]) {
      assert.throws(() => new Ctor(fd), (e) => {
        assert.strictEqual(e.name, 'RangeError');
        assert.strictEqual(e.code, 'ERR_INVALID_FD');
        assert.strictEqual(e.message, `"fd" must be a positive integer: ${fd}`);
        return true;
      });
    }
  }
});

test('a valid fd that is not a terminal: ERR_TTY_INIT_FAILED (a SystemError)', () => {
  for (const Ctor of [tty.ReadStream, tty.WriteStream]) {
    // An fd number far above anything open.
    assert.throws(() => Ctor(987654), (e) => {
      assert.strictEqual(e.name, 'SystemError');
      assert.strictEqual(e.code, 'ERR_TTY_INIT_FAILED');
      assert.match(e.message, /^TTY initialization failed: uv_tty_init returned E[A-Z]+ \(.+\)$/);
      assert.strictEqual(e.syscall, 'uv_tty_init');
      assert.strictEqual(typeof e.errno, 'number');
      return true;
    });
  }
});

// getColorDepth/hasColors do not need a terminal: they read only their environment argument.
const ws = Object.create(tty.WriteStream.prototype);

const matrix = [
  [{}, 1],
  [{ FORCE_COLOR: '' }, 4],
  [{ FORCE_COLOR: '1' }, 4],
  [{ FORCE_COLOR: 'true' }, 4],
  [{ FORCE_COLOR: '0' }, 1],
  [{ FORCE_COLOR: '2' }, 8],
  [{ FORCE_COLOR: '3' }, 24],
  [{ FORCE_COLOR: 'false' }, 1],
  [{ FORCE_COLOR: '2', TERM: 'dumb' }, 8],
  [{ NO_COLOR: '' }, 1],
  [{ NO_COLOR: '1', TERM: 'xterm-256color' }, 1],
  [{ NODE_DISABLE_COLORS: '', COLORTERM: 'truecolor' }, 24],
  [{ NODE_DISABLE_COLORS: '1', COLORTERM: 'truecolor' }, 1],
  [{ NODE_DISABLE_COLORS: '0', COLORTERM: 'truecolor' }, 1],
  [{ NO_COLOR: '', COLORTERM: 'truecolor' }, 24],
  [{ NO_COLOR: '0', COLORTERM: 'truecolor' }, 1],
  [{ TERM: 'dumb' }, 1],
  [{ TERM: 'dumb', COLORTERM: 'truecolor' }, 1],
  [{ TMUX: '1' }, 24],
  [{ TMUX: '' , TERM: 'xterm' }, 4],
  [{ TF_BUILD: '1', AGENT_NAME: 'x' }, 4],
  [{ TF_BUILD: '1' }, 1],
  [{ CI: '1' }, 1],
  [{ CI: '' }, 1],
  [{ CI: '1', GITHUB_ACTIONS: '1' }, 24],
  [{ CI: '1', GITEA_ACTIONS: '' }, 24],
  [{ CI: '1', CIRCLECI: '1' }, 24],
  [{ CI: '1', TRAVIS: '1' }, 8],
  [{ CI: '1', APPVEYOR: '1' }, 8],
  [{ CI: '1', BUILDKITE: '1' }, 8],
  [{ CI: '1', DRONE: '1' }, 8],
  [{ CI: '1', GITLAB_CI: '1' }, 8],
  [{ CI: '1', CI_NAME: 'codeship' }, 8],
  [{ CI: '1', TERM: 'xterm-256color' }, 1],
  [{ GITHUB_ACTIONS: '1' }, 1],
  [{ TEAMCITY_VERSION: '9.1.0' }, 4],
  [{ TEAMCITY_VERSION: '10.0' }, 4],
  [{ TEAMCITY_VERSION: '9.0.1' }, 1],
  [{ TEAMCITY_VERSION: '8.1' }, 1],
  [{ TERM_PROGRAM: 'iTerm.app' }, 8],
  [{ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '2.9' }, 8],
  [{ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0' }, 24],
  [{ TERM_PROGRAM: 'HyperTerm' }, 24],
  [{ TERM_PROGRAM: 'MacTerm' }, 24],
  [{ TERM_PROGRAM: 'Apple_Terminal' }, 8],
  [{ TERM_PROGRAM: 'vscode' }, 1],
  [{ COLORTERM: 'truecolor' }, 24],
  [{ COLORTERM: '24bit' }, 24],
  [{ COLORTERM: '1' }, 4],
  [{ COLORTERM: 'truecolor', TERM: 'xterm' }, 24],
  [{ TERM: 'xterm-truecolor' }, 24],
  [{ TERM: 'xterm-256color' }, 8],
  [{ TERM: 'xterm' }, 4],
  [{ TERM: 'XTERM' }, 4],
  [{ TERM: 'screen-256color' }, 4],
  [{ TERM: 'mosh' }, 24],
  [{ TERM: 'xterm-kitty' }, 24],
  [{ TERM: 'rxvt-unicode-24bit' }, 24],
  [{ TERM: 'terminator' }, 24],
  [{ TERM: 'rxvt-unicode' }, 4],
  [{ TERM: 'st' }, 4],
  [{ TERM: 'Eterm' }, 4],
  [{ TERM: 'putty' }, 4],
  [{ TERM: 'linux' }, 4],
  [{ TERM: 'vt100' }, 4],
  [{ TERM: 'vt220' }, 4],
  [{ TERM: 'foo-direct' }, 4],
  [{ TERM: 'ansi' }, 4],
  [{ TERM: 'con80x25' }, 4],
  [{ TERM: 'xterm-color' }, 4],
  [{ TERM: 'unknown' }, 1],
  [{ TERM: 'unknown', COLORTERM: 'yes' }, 4],
];

test('getColorDepth follows the environment', () => {
  for (const [env, depth] of matrix) {
    assert.strictEqual(ws.getColorDepth(env), depth, JSON.stringify(env));
  }
});

test('hasColors(count, env) is count <= 2 ** depth, 16 by default', () => {
  for (const [env, depth] of matrix) {
    assert.strictEqual(ws.hasColors(env), 16 <= 2 ** depth, JSON.stringify(env));
    for (const count of [2, 16, 17, 256, 257, 2 ** 24, 2 ** 24 + 1]) {
      assert.strictEqual(ws.hasColors(count, env), count <= 2 ** depth, `${count} ${JSON.stringify(env)}`);
    }
  }
});

test('hasColors validates count', () => {
  assert.throws(() => ws.hasColors(1, {}), {
    code: 'ERR_OUT_OF_RANGE', name: 'RangeError',
    message: 'The value of "count" is out of range. It must be >= 2 && <= 9007199254740991. Received 1',
  });
  assert.throws(() => ws.hasColors(2.5, {}), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "count" is out of range. It must be an integer. Received 2.5',
  });
  assert.throws(() => ws.hasColors('16', {}), {
    code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
    message: 'The "count" argument must be of type number. Received type string (\'16\')',
  });
  assert.throws(() => ws.hasColors(undefined, {}), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => ws.hasColors(2 ** 53, {}), { code: 'ERR_OUT_OF_RANGE' });
});

test('FORCE_COLOR with NO_COLOR / NODE_DISABLE_COLORS set warns once', async () => {
  const seen = [];
  const onWarning = (w) => seen.push(w.message);
  process.on('warning', onWarning);
  try {
    assert.strictEqual(ws.getColorDepth({ FORCE_COLOR: '2', NO_COLOR: '1' }), 8);
    assert.strictEqual(ws.getColorDepth({ FORCE_COLOR: '3', NODE_DISABLE_COLORS: '1' }), 24);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  assert.ok(seen.length <= 1, JSON.stringify(seen));
  if (seen.length === 1) {
    assert.strictEqual(seen[0], "The 'NO_COLOR' env is ignored due to the 'FORCE_COLOR' env being set.");
  }
});

test('cursor helpers write ECMA-48 sequences through write()', () => {
  const out = [];
  const fake = Object.create(tty.WriteStream.prototype);
  fake.write = (data, cb) => { out.push([data, typeof cb]); return true; };
  assert.strictEqual(fake.cursorTo(4), true);
  fake.cursorTo(4, 2);
  fake.cursorTo(0, 0, () => {});
  fake.moveCursor(-3, 2);
  fake.moveCursor(5, -1);
  fake.clearLine(-1);
  fake.clearLine(1);
  fake.clearLine(0);
  fake.clearScreenDown();
  assert.deepStrictEqual(out, [
    ['\x1b[5G', 'undefined'], ['\x1b[3;5H', 'undefined'], ['\x1b[1;1H', 'function'],
    ['\x1b[3D\x1b[2B', 'undefined'], ['\x1b[5C\x1b[1A', 'undefined'],
    ['\x1b[1K', 'undefined'], ['\x1b[0K', 'undefined'], ['\x1b[2K', 'undefined'], ['\x1b[0J', 'undefined'],
  ]);
  out.length = 0;
  fake.moveCursor(0, 0);
  assert.deepStrictEqual(out, []);
  assert.throws(() => fake.cursorTo(NaN), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => fake.cursorTo(1, NaN), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => fake.cursorTo(undefined, 1), { code: 'ERR_INVALID_CURSOR_POS', name: 'TypeError' });
  assert.throws(() => fake.clearLine(0, 'nope'), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('getWindowSize returns [columns, rows]', () => {
  const fake = Object.create(tty.WriteStream.prototype);
  fake.columns = 100;
  fake.rows = 30;
  assert.deepStrictEqual(fake.getWindowSize(), [100, 30]);
});
