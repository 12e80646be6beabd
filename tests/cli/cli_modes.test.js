'use strict';
// Node-only harness (needs child_process): dx's command-line modes against Node's.
// Run: DX_BIN=build/dx node --test tests/cli/
const test = require('node:test');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const dx = path.resolve(root, process.env.DX_BIN || 'build/dx');
const node = process.execPath;
const fixtures = path.join(__dirname, 'fixtures');

function run(bin, args, input) {
  const r = spawnSync(bin, args, { encoding: 'utf8', cwd: fixtures, input, timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function same(args, input) {
  const want = run(node, args, input);
  const got = run(dx, args, input);
  assert.strictEqual(got.stdout, want.stdout, `stdout of ${args.join(' ')}\n--- dx stderr:\n${got.stderr}`);
  assert.strictEqual(got.code, want.code, `exit code of ${args.join(' ')}`);
  return { want, got };
}

const script = 'console.log(typeof require, typeof module, __filename, __dirname, process.argv.length, this === globalThis)';

test('-e runs a script with CommonJS names as globals', () => same(['-e', script]));
test('--eval= form', () => same([`--eval=${script}`]));
test('-e with arguments after the code', () => same(['-e', 'console.log(process.argv.slice(1))', 'a', '--b', '-c']));
test('-e: var declarations become globals', () => same(['-e', 'var x = 41; console.log(globalThis.x + 1)']));
test('-p prints the value of the last expression', () => same(['-p', '[1, 2, 3].length * 2']));
test('-p prints strings as they are', () => same(['-p', '"text"']));
test('-e: require resolves from the current directory', () => same(['-e', 'console.log(require.resolve("./throw_nested.js"))']));
test('- reads the script from stdin', () => same(['-', 'arg1'], 'console.log("from stdin", process.argv.slice(1), __filename)'));
test('piped stdin without arguments', () => same([], 'console.log("piped", typeof require)'));
test('process.exitCode from -e', () => same(['-e', 'process.exitCode = 6']));
test('process.exit from -e', () => same(['-e', 'process.exit(5); console.log("not reached")']));
test('execArgv holds the options before the script', () => {
  const got = run(dx, ['-e', 'console.log(JSON.stringify(process.execArgv))']);
  const want = run(node, ['-e', 'console.log(JSON.stringify(process.execArgv))']);
  assert.strictEqual(got.stdout, want.stdout);
});
test('a script file with arguments; argv[1] is its absolute path', () =>
  same([path.join(fixtures, 'exit_code.js'), 'x', 'y']));

test('dx run FILE is dx FILE', () => {
  const a = run(dx, ['run', 'exit_code.js']);
  const b = run(dx, ['exit_code.js']);
  assert.deepStrictEqual(a, b);
  assert.strictEqual(a.code, 4);
});

test('an unknown option exits 9 with a message naming it, as Node', () => {
  const want = run(node, ['--definitely-not-an-option', 'x.js']);
  const got = run(dx, ['--definitely-not-an-option', 'x.js']);
  assert.strictEqual(got.code, want.code);
  assert.strictEqual(got.code, 9);
  assert.match(got.stderr, /bad option: --definitely-not-an-option/);
});

test('a missing script: MODULE_NOT_FOUND, exit 1', () => {
  const want = run(node, ['no_such_file.js']);
  const got = run(dx, ['no_such_file.js']);
  assert.strictEqual(got.code, want.code);
  assert.match(got.stderr, /Cannot find module '.*no_such_file\.js'/);
  assert.match(got.stderr, /code: 'MODULE_NOT_FOUND'/);
});

test('--version and --help', () => {
  const v = run(dx, ['--version']);
  assert.strictEqual(v.code, 0);
  assert.match(v.stdout, /^v\d+\.\d+\.\d+\n$/);
  const h = run(dx, ['--help']);
  assert.strictEqual(h.code, 0);
  assert.match(h.stdout, /Usage: dx/);
});

// `using` is lowered by dx's compiler when JSC rejects -e/-p code (docs/design.md, "using declarations").
test('-p with a using declaration in a block', () =>
  same(['-p', '{ using r = { [Symbol.dispose]() { console.log("disposed") } }; 5 }']));
test('-e with await using in an async function', () =>
  same(['-e', 'async function f() { await using r = { async [Symbol.asyncDispose]() { console.log("ad") } }; return 3 } f().then(console.log)']));
test('-e: top-level using in a script is a SyntaxError', () => {
  const { got } = same(['-e', 'using r = null']);
  assert.match(got.stderr, /SyntaxError/);
});
test('a CommonJS file with top-level using and return', () => same(['using_cjs.js']));
