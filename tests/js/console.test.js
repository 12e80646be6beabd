'use strict';
// The console module. Every expectation here is Node 24's behaviour; the file passes under real Node.
const test = require('node:test');
const assert = require('node:assert');
const EventEmitter = require('events');
const { once } = EventEmitter;
const consoleModule = require('console');
const { Console } = consoleModule;

// A writable stream as far as Console cares: `write(string)` plus the EventEmitter methods it uses
// to guard against write errors.
function sink(extra = {}) {
  const s = new EventEmitter();
  s.text = '';
  s.write = (chunk) => {
    s.text += chunk;
    return true;
  };
  return Object.assign(s, extra);
}

function make(options = {}) {
  const stdout = sink(options.stdoutExtra);
  const stderr = sink(options.stderrExtra);
  const c = new Console({ stdout, stderr, ...options.consoleOptions });
  return { c, stdout, stderr };
}

// Runs `fn` with process.hrtime answering `diff` whenever it is asked for an elapsed time.
function withHrtime(diffs, fn) {
  const saved = process.hrtime;
  let i = 0;
  process.hrtime = (prev) => (prev ? diffs[i++] : [5, 0]);
  try {
    fn();
  } finally {
    process.hrtime = saved;
  }
}

function withEnv(changes, fn) {
  const saved = {};
  for (const k of Object.keys(changes)) {
    saved[k] = process.env[k];
    if (changes[k] === undefined) delete process.env[k];
    else process.env[k] = changes[k];
  }
  try {
    fn();
  } finally {
    for (const k of Object.keys(saved)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

test('log, info, debug and dirxml write formatted lines to stdout', () => {
  const { c, stdout, stderr } = make();
  c.log('a %s %d', 'b', 3, { x: 1 });
  c.info('info');
  c.debug('debug');
  c.dirxml({ a: 1 }, 2);
  c.log();
  assert.strictEqual(stdout.text, 'a b 3 { x: 1 }\ninfo\ndebug\n{ a: 1 } 2\n\n');
  assert.strictEqual(stderr.text, '');
});

test('warn and error write to stderr', () => {
  const { c, stdout, stderr } = make();
  c.warn('w', 1);
  c.error(new Map([[1, 2]]));
  assert.strictEqual(stderr.text, 'w 1\nMap(1) { 1 => 2 }\n');
  assert.strictEqual(stdout.text, '');
});

test('the positional form takes stdout and stderr, stderr defaulting to stdout', () => {
  const out = sink();
  const err = sink();
  const c = new Console(out, err);
  c.log('o');
  c.error('e');
  assert.strictEqual(out.text, 'o\n');
  assert.strictEqual(err.text, 'e\n');
  const one = sink();
  const c2 = new Console(one);
  c2.log('a');
  c2.error('b');
  assert.strictEqual(one.text, 'a\nb\n');
  const c3 = new Console({ stdout: one });
  c3.warn('c');
  assert.strictEqual(one.text, 'a\nb\nc\n');
});

test('Console can be called without new', () => {
  const s = sink();
  const c = Console(s);
  assert.ok(c instanceof Console);
  c.log('x');
  assert.strictEqual(s.text, 'x\n');
});

test('methods are bound and keep their names', () => {
  const { c, stdout } = make();
  const { log, table } = c;
  log('bound');
  assert.strictEqual(stdout.text, 'bound\n');
  assert.strictEqual(c.log.name, 'log');
  assert.strictEqual(table.name, 'table');
  assert.strictEqual(c.info.name, 'info');
  assert.deepStrictEqual(Object.keys(c), [
    'log', 'info', 'debug', 'warn', 'error', 'dir', 'time', 'timeEnd', 'timeLog', 'trace', 'assert', 'clear',
    'count', 'countReset', 'group', 'groupEnd', 'table', 'dirxml', 'groupCollapsed',
  ]);
});

test('instances carry Node\'s hidden state', () => {
  const { c, stdout } = make();
  assert.strictEqual(c._stdout, stdout);
  assert.strictEqual(c._ignoreErrors, true);
  assert.strictEqual(Object.getOwnPropertyDescriptor(c, '_stdout').enumerable, false);
  assert.strictEqual(Object.prototype.toString.call(c), '[object console]');
});

test('a subclass can override methods', () => {
  const s = sink();
  class Loud extends Console {
    log(...args) { super.log('!', ...args); }
  }
  const c = new Loud(s);
  c.log('x');
  const { log } = c;
  log('y');
  assert.strictEqual(s.text, '! x\n! y\n');
});

test('the module is the global console, with the class attached', () => {
  assert.strictEqual(consoleModule, globalThis.console);
  assert.strictEqual(typeof consoleModule.Console, 'function');
  assert.ok(consoleModule instanceof Console);
  assert.strictEqual(Object.getPrototypeOf(Object.getPrototypeOf(consoleModule)), Object.prototype);
  for (const k of ['log', 'info', 'debug', 'warn', 'error', 'dir', 'time', 'timeEnd', 'timeLog', 'trace', 'assert',
    'clear', 'count', 'countReset', 'group', 'groupEnd', 'table', 'dirxml', 'groupCollapsed', 'Console']) {
    assert.strictEqual(typeof consoleModule[k], 'function', k);
    assert.ok(Object.keys(consoleModule).includes(k), k);
  }
  assert.strictEqual(consoleModule.error.name, 'error');
  assert.strictEqual(Console.name, 'Console');
  assert.strictEqual(Console.length, 1);
});

test('instanceof is false for other values and throws for null', () => {
  assert.strictEqual({} instanceof Console, false);
  assert.strictEqual(5 instanceof Console, false);
  assert.throws(() => null instanceof Console, TypeError);
});

test('a stream without write is rejected', () => {
  assert.throws(() => new Console({}), {
    code: 'ERR_CONSOLE_WRITABLE_STREAM', name: 'TypeError',
    message: 'Console expects a writable stream instance for stdout',
  });
  assert.throws(() => new Console(), { code: 'ERR_CONSOLE_WRITABLE_STREAM' });
  assert.throws(() => new Console({ stdout: sink(), stderr: {} }), {
    code: 'ERR_CONSOLE_WRITABLE_STREAM', message: 'Console expects a writable stream instance for stderr',
  });
});

test('options are validated', () => {
  const stdout = sink();
  assert.throws(() => new Console({ stdout, colorMode: 'x' }), {
    code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError',
    message: "The argument 'colorMode' must be one of: 'auto', true, false. Received 'x'",
  });
  assert.throws(() => new Console({ stdout, colorMode: true, inspectOptions: { colors: true } }), {
    code: 'ERR_INCOMPATIBLE_OPTION_PAIR', name: 'TypeError',
    message: 'Option "options.inspectOptions.color" cannot be used in combination with option "colorMode"',
  });
  assert.throws(() => new Console({ stdout, inspectOptions: 5 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.inspectOptions" property must be of type object. Received type number (5)',
  });
  assert.throws(() => new Console({ stdout, groupIndentation: 1001 }), {
    code: 'ERR_OUT_OF_RANGE', name: 'RangeError',
    message: 'The value of "groupIndentation" is out of range. It must be >= 0 && <= 1000. Received 1001',
  });
  assert.throws(() => new Console({ stdout, groupIndentation: 1.5 }), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "groupIndentation" is out of range. It must be an integer. Received 1.5',
  });
  assert.throws(() => new Console({ stdout, groupIndentation: 'x' }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "groupIndentation" argument must be of type number. Received type string (\'x\')',
  });
});

test('group indents every line by two spaces, groupEnd outdents', () => {
  const { c, stdout, stderr } = make();
  c.group('G');
  c.log('a\nb');
  c.group();
  c.error('deep');
  c.groupCollapsed('C');
  c.log('x');
  c.groupEnd();
  c.groupEnd();
  c.groupEnd();
  c.groupEnd();
  c.log('after');
  assert.strictEqual(stdout.text, 'G\n  a\n  b\n    C\n      x\nafter\n');
  assert.strictEqual(stderr.text, '    deep\n');
});

test('groupIndentation changes the step', () => {
  const { c, stdout } = make({ consoleOptions: { groupIndentation: 4 } });
  c.group('g');
  c.log({ a: 1, b: 'x'.repeat(80) });
  c.groupEnd();
  c.log('z');
  assert.strictEqual(stdout.text, `g\n    {\n      a: 1,\n      b: '${'x'.repeat(80)}'\n    }\nz\n`);
});

test('count prints label: n and countReset starts over', () => {
  const { c, stdout } = make();
  c.count();
  c.count();
  c.count('x');
  c.count(1);
  c.countReset();
  c.count();
  c.count('1');
  assert.strictEqual(stdout.text, 'default: 1\ndefault: 2\nx: 1\n1: 1\ndefault: 1\n1: 2\n');
});

test('countReset of an unknown label warns', async () => {
  const { c } = make();
  const warned = once(process, 'warning');
  c.countReset('zz');
  const [w] = await warned;
  assert.strictEqual(w.message, "Count for 'zz' does not exist");
});

test('timeEnd prints milliseconds with up to three decimals', () => {
  const { c, stdout } = make();
  withHrtime([[0, 1234567], [0, 100000], [0, 0]], () => {
    c.time('t');
    c.timeEnd('t');
    c.time();
    c.timeEnd();
    c.time('z');
    c.timeEnd('z');
  });
  assert.strictEqual(stdout.text, 't: 1.235ms\ndefault: 0.1ms\nz: 0ms\n');
});

test('times switch to seconds, minutes and hours', () => {
  const { c, stdout } = make();
  withHrtime([[1, 500000000], [62, 345000000], [3723, 456000000], [59, 999600000]], () => {
    c.time('a');
    c.timeLog('a');
    c.timeLog('a');
    c.timeLog('a');
    c.timeEnd('a');
  });
  assert.strictEqual(stdout.text,
                     'a: 1.500s\na: 1:02.345 (m:ss.mmm)\na: 1:02:03.456 (h:mm:ss.mmm)\na: 60.000s\n');
});

test('timeLog prints extra data', () => {
  const { c, stdout } = make();
  withHrtime([[0, 2000000]], () => {
    c.time('t');
    c.timeLog('t', 'extra', { a: 1 });
  });
  assert.strictEqual(stdout.text, "t: 2ms extra { a: 1 }\n");
});

test('a real timer measures something', () => {
  const { c, stdout } = make();
  c.time();
  c.timeEnd();
  assert.match(stdout.text, /^default: \d+(\.\d{1,3})?ms\n$/);
});

test('time warns about a label in use, timeEnd and timeLog about unknown labels', async () => {
  const { c, stdout } = make();
  const messages = [];
  const onWarning = (w) => messages.push(w.message);
  process.on('warning', onWarning);
  try {
    c.time('d');
    c.time('d');
    c.timeEnd('nope');
    c.timeLog('nope');
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.removeListener('warning', onWarning);
  }
  assert.deepStrictEqual(messages, [
    "Label 'd' already exists for console.time()",
    "No such label 'nope' for console.timeEnd()",
    "No such label 'nope' for console.timeLog()",
  ]);
  assert.strictEqual(stdout.text, '');
});

test('trace prints Trace: message and the stack to stderr', () => {
  const { c, stderr } = make();
  function callsTrace() {
    c.trace('tr %d', 5);
  }
  callsTrace();
  assert.match(stderr.text, /^Trace: tr 5\n {4}at callsTrace \(.*console\.test\.js:\d+:\d+\)\n/);
  assert.doesNotMatch(stderr.text, /at (Console\.)?trace/);
});

test('trace without arguments prints Trace', () => {
  const { c, stderr } = make();
  c.trace();
  assert.match(stderr.text, /^Trace\n {4}at /);
});

test('assert prints Assertion failed to stderr only when the assertion fails', () => {
  const { c, stdout, stderr } = make();
  c.assert(true, 'no');
  c.assert(false);
  c.assert(false, 'msg %s', 'A');
  c.assert(false, { a: 1 });
  c.assert(0, 1, 2);
  c.assert('');
  assert.strictEqual(stderr.text,
                     'Assertion failed\nAssertion failed: msg A\nAssertion failed { a: 1 }\nAssertion failed 1 2\nAssertion failed\n');
  assert.strictEqual(stdout.text, '');
});

test('dir inspects with options and without custom inspection', () => {
  const { c, stdout } = make();
  c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
  c.dir({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'CI'; } });
  c.dir('str');
  assert.strictEqual(stdout.text,
                     "{ a: [Object] }\n{\n  Symbol(nodejs.util.inspect.custom): [Function: [nodejs.util.inspect.custom]]\n}\n'str'\n");
});

test('colorMode true colours inspected values', () => {
  const { c, stdout } = make({ consoleOptions: { colorMode: true } });
  c.log('%s', 1, 2, 'str', { a: true });
  assert.strictEqual(stdout.text, '1 \u001b[33m2\u001b[39m str { a: \u001b[33mtrue\u001b[39m }\n');
});

test('colorMode auto colours a TTY with colours', () => {
  withEnv({ FORCE_COLOR: undefined, NO_COLOR: undefined, NODE_DISABLE_COLORS: undefined }, () => {
    const tty = { isTTY: true, getColorDepth: () => 8 };
    const { c, stdout, stderr } = make({ stdoutExtra: tty });
    c.log(1);
    c.error(1);
    assert.strictEqual(stdout.text, '\u001b[33m1\u001b[39m\n');
    assert.strictEqual(stderr.text, '1\n');
    const mono = make({ stdoutExtra: { isTTY: true, getColorDepth: () => 1 } });
    mono.c.log(1);
    assert.strictEqual(mono.stdout.text, '1\n');
    const plain = make({ stdoutExtra: { isTTY: true } });
    plain.c.log(1);
    assert.strictEqual(plain.stdout.text, '\u001b[33m1\u001b[39m\n');
  });
});

test('FORCE_COLOR decides for colorMode auto', () => {
  withEnv({ FORCE_COLOR: '1' }, () => {
    const { c, stdout } = make();
    c.log(1);
    assert.strictEqual(stdout.text, '\u001b[33m1\u001b[39m\n');
  });
  withEnv({ FORCE_COLOR: '0' }, () => {
    const { c, stdout } = make({ stdoutExtra: { isTTY: true, getColorDepth: () => 24 } });
    c.log(1);
    assert.strictEqual(stdout.text, '1\n');
  });
});

test('colorMode false never colours', () => {
  const { c, stdout } = make({ consoleOptions: { colorMode: false }, stdoutExtra: { isTTY: true, getColorDepth: () => 24 } });
  c.log(1);
  assert.strictEqual(stdout.text, '1\n');
});

test('inspectOptions apply to every call', () => {
  const { c, stdout } = make({ consoleOptions: { inspectOptions: { depth: 0, breakLength: 10 } } });
  c.log({ a: { b: 1 } }, 'x');
  assert.strictEqual(stdout.text, '{\n  a: [Object]\n} x\n');
});

test('write errors are swallowed unless ignoreErrors is false', () => {
  const throwing = sink();
  throwing.write = () => { throw new Error('broken'); };
  const c = new Console(throwing);
  c.log('x');
  assert.strictEqual(throwing.listenerCount('error'), 0);
  const strict = new Console({ stdout: throwing, ignoreErrors: false });
  assert.throws(() => strict.log('x'), /broken/);
});

test('ignoreErrors false writes without an error handler', () => {
  const calls = [];
  const s = { write: (...args) => { calls.push(args); return true; } };
  const c = new Console({ stdout: s, ignoreErrors: false });
  c.log('a');
  assert.deepStrictEqual(calls, [['a\n']]);
});

test('clear writes the cursor-home and erase sequences to a TTY only', () => {
  withEnv({ TERM: 'xterm' }, () => {
    const { c, stdout } = make({ stdoutExtra: { isTTY: true } });
    c.clear();
    assert.strictEqual(stdout.text, '\u001b[1;1H\u001b[0J');
    const plain = make();
    plain.c.clear();
    assert.strictEqual(plain.stdout.text, '');
  });
  withEnv({ TERM: 'dumb' }, () => {
    const { c, stdout } = make({ stdoutExtra: { isTTY: true } });
    c.clear();
    assert.strictEqual(stdout.text, '');
  });
});

test('table draws rows of objects with a column per key', () => {
  const { c, stdout } = make();
  c.table([{ a: 1, b: 'x' }, { a: 22, c: true }]);
  assert.strictEqual(stdout.text, [
    '┌─────────┬────┬─────┬──────┐',
    '│ (index) │ a  │ b   │ c    │',
    '├─────────┼────┼─────┼──────┤',
    "│ 0       │ 1  │ 'x' │      │",
    '│ 1       │ 22 │     │ true │',
    '└─────────┴────┴─────┴──────┘',
    '',
  ].join('\n'));
});

test('table puts primitives in a Values column', () => {
  const { c, stdout } = make();
  c.table([1, 'two', { a: 1 }]);
  assert.strictEqual(stdout.text, [
    '┌─────────┬───┬────────┐',
    '│ (index) │ a │ Values │',
    '├─────────┼───┼────────┤',
    '│ 0       │   │ 1      │',
    "│ 1       │   │ 'two'  │",
    '│ 2       │ 1 │        │',
    '└─────────┴───┴────────┘',
    '',
  ].join('\n'));
});

test('table of a Map and of a Set uses iteration indices', () => {
  const { c, stdout } = make();
  c.table(new Map([['k', { v: 1 }]]));
  c.table(new Set([1, 2]));
  assert.strictEqual(stdout.text, [
    '┌───────────────────┬─────┬──────────┐',
    '│ (iteration index) │ Key │ Values   │',
    '├───────────────────┼─────┼──────────┤',
    "│ 0                 │ 'k' │ { v: 1 } │",
    '└───────────────────┴─────┴──────────┘',
    '┌───────────────────┬────────┐',
    '│ (iteration index) │ Values │',
    '├───────────────────┼────────┤',
    '│ 0                 │ 1      │',
    '│ 1                 │ 2      │',
    '└───────────────────┴────────┘',
    '',
  ].join('\n'));
});

test('table of map and set iterators', () => {
  const { c, stdout } = make();
  c.table(new Map([['a', 1]]).entries());
  c.table(new Set(['a']).values());
  assert.strictEqual(stdout.text, [
    '┌───────────────────┬─────┬────────┐',
    '│ (iteration index) │ Key │ Values │',
    '├───────────────────┼─────┼────────┤',
    "│ 0                 │ 'a' │ 1      │",
    '└───────────────────┴─────┴────────┘',
    '┌───────────────────┬────────┐',
    '│ (iteration index) │ Values │',
    '├───────────────────┼────────┤',
    "│ 0                 │ 'a'    │",
    '└───────────────────┴────────┘',
    '',
  ].join('\n'));
});

test('table cells are shallow and short', () => {
  const { c, stdout } = make();
  c.table({ r1: { c: 1 }, r2: { c: [1, 2, 3, 4, 5] } });
  c.table([{ x: { a: 1, b: 2, c: 3 } }, { x: { a: 1 } }]);
  assert.strictEqual(stdout.text, [
    '┌─────────┬───────────────────────────────┐',
    '│ (index) │ c                             │',
    '├─────────┼───────────────────────────────┤',
    '│ r1      │ 1                             │',
    '│ r2      │ [ 1, 2, 3, ... 2 more items ] │',
    '└─────────┴───────────────────────────────┘',
    '┌─────────┬──────────┐',
    '│ (index) │ x        │',
    '├─────────┼──────────┤',
    '│ 0       │ [Object] │',
    '│ 1       │ { a: 1 } │',
    '└─────────┴──────────┘',
    '',
  ].join('\n'));
});

test('table with a properties filter, arrays of arrays, wide characters and no rows', () => {
  const { c, stdout } = make();
  c.table([{ a: 1, b: 2 }], ['a']);
  c.table([[1, 2], [3]]);
  c.table([{ 日本: '語' }]);
  c.table([]);
  assert.strictEqual(stdout.text, [
    '┌─────────┬───┐',
    '│ (index) │ a │',
    '├─────────┼───┤',
    '│ 0       │ 1 │',
    '└─────────┴───┘',
    '┌─────────┬───┬───┐',
    '│ (index) │ 0 │ 1 │',
    '├─────────┼───┼───┤',
    '│ 0       │ 1 │ 2 │',
    '│ 1       │ 3 │   │',
    '└─────────┴───┴───┘',
    '┌─────────┬──────┐',
    '│ (index) │ 日本 │',
    '├─────────┼──────┤',
    "│ 0       │ '語' │",
    '└─────────┴──────┘',
    '┌─────────┐',
    '│ (index) │',
    '├─────────┤',
    '└─────────┘',
    '',
  ].join('\n'));
});

test('table of a primitive logs it', () => {
  const { c, stdout } = make();
  c.table(5);
  c.table('s');
  c.table(null);
  assert.strictEqual(stdout.text, '5\ns\nnull\n');
});

test('table rejects properties that are not an array', () => {
  const { c } = make();
  assert.throws(() => c.table([], 5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "properties" argument must be an instance of Array. Received type number (5)',
  });
});

test('table inside a group is indented', () => {
  const { c, stdout } = make();
  c.group();
  c.table([{ a: 1 }]);
  c.groupEnd();
  assert.strictEqual(stdout.text, [
    '  ┌─────────┬───┐',
    '  │ (index) │ a │',
    '  ├─────────┼───┤',
    '  │ 0       │ 1 │',
    '  └─────────┴───┘',
    '',
  ].join('\n'));
});
