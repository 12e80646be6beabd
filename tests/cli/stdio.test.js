'use strict';
// Node-only harness (needs child_process): process.stdin/stdout/stderr over real files, pipes,
// /dev/null and a pseudo-terminal, dx against Node 24 running the same script.
// Run: DX_BIN=build/dx node --test tests/cli/stdio.test.js
const test = require('node:test');
const assert = require('node:assert');
const { spawnSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const dx = path.resolve(root, process.env.DX_BIN || 'build/dx');
const node = process.execPath;
const fixtures = path.join(__dirname, 'fixtures', 'stdio');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-stdio-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// A clean environment: colour variables of the caller must not change what is compared.
const env = { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', LANG: 'C.UTF-8' };

// Runs a bash command line with $BIN set to the runtime; the fixtures directory is the cwd.
function sh(bin, cmd, input) {
  const r = spawnSync('bash', ['-c', cmd], {
    cwd: fixtures, input, timeout: 60000, env: { ...env, BIN: bin, TMP: tmp },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}

function same(cmd, input) {
  const want = sh(node, cmd, input);
  const got = sh(dx, cmd, input);
  assert.strictEqual(got.stdout.toString('latin1'), want.stdout.toString('latin1'),
    `stdout of ${cmd}\n--- dx stderr:\n${got.stderr}\n--- node stderr:\n${want.stderr}`);
  assert.strictEqual(got.code, want.code, `exit code of ${cmd}\n--- dx stderr:\n${got.stderr}`);
  return { want, got };
}

// The first line that names the error, e.g. "Error: write EPIPE".
function errorLine(stderr) {
  return stderr.split('\n').find((l) => /^\w*Error\b/.test(l));
}

test('stdout to a file is a SyncWriteStream; every chunk kind arrives in order', () => {
  same('"$BIN" write_kinds.js > "$TMP/out.txt"; cat "$TMP/out.txt"');
});

test('stdout to a pipe is a Socket over a pipe; same bytes as Node', () => {
  same('"$BIN" write_kinds.js | cat');
});

test('stdout to /dev/null, stdin from /dev/null', () => {
  const { want, got } = same('"$BIN" describe.js 2>&1 > /dev/null < /dev/null');
  assert.match(got.stdout.toString(), /"name":"SyncWriteStream","type":"fs"/);
  assert.strictEqual(got.stderr, want.stderr);
});

test('stdio kinds when stdin is a pipe and stdout a file', () => {
  same('echo x | "$BIN" describe.js > /dev/null 2> "$TMP/d.txt"; cat "$TMP/d.txt"');
});

test('a closed stdin is opened on /dev/null (no later file can take fd 0)', () => {
  same('"$BIN" -e "process.stdin.on(\'end\', () => console.log(\'end\')).resume(); console.log(process.stdin.constructor.name)" 0<&-');
});

test('16 MB through a pipe into a slow reader: drain, nothing lost', () => {
  const { want, got } = same('"$BIN" big.js | (sleep 0.3; cksum)');
  assert.strictEqual(got.stderr, want.stderr);
  assert.strictEqual(got.stderr, 'done, waited true\n');
});

test('one 16 MB write to a pipe is complete when the program ends normally', () => {
  const { got } = same('"$BIN" -e "process.stdout.write(Buffer.alloc(16 << 20, 97))" | (sleep 0.3; wc -c)');
  assert.strictEqual(got.stdout.toString().trim(), String(16 << 20));
});

test('process.exit() right after a large pipe write keeps what Node keeps', () => {
  // The reader starts only once the writer has exited: what is in the pipe then is what was kept.
  same('rm -f "$TMP/exited"; { "$BIN" -e "process.stdout.write(\'x\'.repeat(1e6)); process.exit()"; touch "$TMP/exited"; } | ' +
    '(while [ ! -e "$TMP/exited" ]; do sleep 0.05; done; wc -c)');
});

test('process.exit() after a large write to a file loses nothing', () => {
  same('"$BIN" -e "process.stdout.write(\'x\'.repeat(3e6)); process.exit()" > "$TMP/big.txt"; wc -c < "$TMP/big.txt"');
});

test('stdout.end() and destroy() do not close fd 1', () => {
  const pipe = same('"$BIN" end_destroy.js 2>"$TMP/e.txt" | cat; cat "$TMP/e.txt"');
  assert.match(pipe.got.stdout.toString(), /before\nafter destroy\n/);
  same('"$BIN" end_destroy.js >"$TMP/o.txt" 2>&1; cat "$TMP/o.txt"');
});

test('stdin from a file: all bytes, then end', () => {
  const data = Buffer.alloc(300000);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7919) & 0xff;
  fs.writeFileSync(path.join(tmp, 'in.bin'), data);
  const { got } = same('"$BIN" cat.js < "$TMP/in.bin"');
  assert.match(got.stdout.toString(), /^bytes 300000 /);
});

test('stdin from a pipe: all bytes, then end', () => {
  const data = Buffer.alloc(300000);
  for (let i = 0; i < data.length; i++) data[i] = (i * 104729 + (i >> 8)) & 0xff;
  fs.writeFileSync(path.join(tmp, 'in2.bin'), data);
  const { got } = same('cat "$TMP/in2.bin" | "$BIN" cat.js');
  assert.match(got.stdout.toString(), /^bytes 300000 /);
});

test('stdin from a here-string', () => {
  same('"$BIN" cat.js <<< "here string"');
});

test('for await over stdin with setEncoding: multi-byte characters across chunks', () => {
  const text = '€'.repeat(100000) + 'end';
  fs.writeFileSync(path.join(tmp, 'euro.txt'), text);
  same('"$BIN" cat_await.js < "$TMP/euro.txt"');
  same('cat "$TMP/euro.txt" | "$BIN" cat_await.js');
});

test('process.openStdin() starts stdin flowing', () => {
  same('printf abc | "$BIN" -e "process.openStdin().on(\'data\', (d) => console.log(String(d)))"');
});

// Spawns the runtime with a stdin pipe this process keeps open (never ended unless asked), and
// resolves with its output and how it ended (killed: still running after `ms`).
// `react(stdout, stdin)` runs on every output chunk, so input can follow what the program printed.
function runOpenStdin(bin, args, { writes = [], endAfter, ms = 20000, react } = {}) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: fixtures, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (react) react(stdout, child.stdin);
    });
    child.stderr.on('data', (d) => { stderr += d; });
    const timers = writes.map(([t, s]) => setTimeout(() => child.stdin.write(s), t));
    if (endAfter !== undefined) timers.push(setTimeout(() => child.stdin.end(), endAfter));
    let killed = false;
    const kill = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, ms);
    child.on('close', (code) => {
      clearTimeout(kill);
      for (const t of timers) clearTimeout(t);
      child.stdin.destroy();
      resolve({ code, stdout, stderr, killed });
    });
  });
}

async function sameOpenStdin(args, opts) {
  const want = await runOpenStdin(node, args, opts);
  const got = await runOpenStdin(dx, args, opts);
  assert.strictEqual(got.stdout, want.stdout, `--- dx stderr:\n${got.stderr}`);
  assert.strictEqual(got.killed, want.killed, `still running after ${opts?.ms ?? 20000} ms: dx ${got.killed}, node ${want.killed}`);
  assert.strictEqual(got.code, want.code);
  return got;
}

test('a program that never touches stdin exits while stdin stays open', async () => {
  await sameOpenStdin(['-e', 'console.log("no stdin")']);
});

test('a program that only looks at process.stdin exits', async () => {
  await sameOpenStdin(['-e', 'console.log(typeof process.stdin.on)']);
});

test("stdin.on('data') keeps the program running until EOF", async () => {
  // Each input goes only once the program showed it is waiting, so chunks never merge.
  const react = (out, stdin) => {
    if (out === 'ready\n') stdin.write('one');
    else if (out.endsWith('data one\n')) stdin.write('two');
    else if (out.endsWith('data two\n')) setTimeout(() => stdin.end(), 200);
  };
  const got = await sameOpenStdin(
    ['-e', "process.stdin.on('data', (d) => console.log('data', String(d))).on('end', () => console.log('end')); console.log('ready')"],
    { react });
  assert.strictEqual(got.stdout, 'ready\ndata one\ndata two\nend\n');
});

test('stdin.pause() lets the program exit', async () => {
  const got = await sameOpenStdin(['-e', "process.stdin.on('data', () => {}); process.stdin.pause(); console.log('paused')"]);
  assert.strictEqual(got.killed, false);
});

test("stdin.pause() in a 'data' listener: reading resumes to refill the buffer, as in Node", async () => {
  const got = await sameOpenStdin(['pause.js'], { writes: [[300, 'hello\n']], ms: 4000 });
  assert.strictEqual(got.stdout, 'first hello\n');
});

test('stdin.unref() lets the program exit', async () => {
  await sameOpenStdin(['-e', "process.stdin.on('data', () => {}); process.stdin.unref(); console.log('unref')"]);
});

test('EPIPE on stdout without a listener: error, exit code 1', () => {
  const { want, got } = same('"$BIN" -e "setInterval(() => console.log(1), 1)" | head -1; echo "rc=${PIPESTATUS[0]}"');
  assert.strictEqual(errorLine(got.stderr), errorLine(want.stderr));
  assert.strictEqual(errorLine(got.stderr), 'Error: write EPIPE');
});

test("EPIPE on stdout goes to an 'error' listener", () => {
  same('"$BIN" -e "process.stdout.on(\'error\', (e) => { console.error(e.code, e.syscall, e.errno); process.exit(3) }); setInterval(() => process.stdout.write(\'x\\n\'), 1)" 2>&1 | head -1; echo "rc=${PIPESTATUS[0]}"');
});

test('writes queued when the reader goes away are dropped as in Node', () => {
  same('"$BIN" -e "for (let i = 0; i < 1e5; i++) console.log(i)" | head -1; echo "rc=${PIPESTATUS[0]}"');
});

test('stdout and stderr on one pipe stay in order', () => {
  same('"$BIN" interleave.js 2>&1 | cat');
});

test('stdout and stderr on one file stay in order', () => {
  same('"$BIN" interleave.js > "$TMP/il.txt" 2>&1; cat "$TMP/il.txt"');
});

const haveScript = spawnSync('script', ['--version']).status === 0;

test('a pseudo-terminal: tty streams, size, colours, raw mode, cursor helpers', { skip: !haveScript && 'no script(1)' }, () => {
  const { got } = same('script -qec \'stty cols 123 rows 45; "$BIN" tty.js\' /dev/null');
  const plain = got.stdout.toString().replace(/\x1b\[3[39]m/g, '');
  assert.match(plain, /WriteStream tty true 123 45 \[123,45\]/);
});

test('the terminal mode is restored at exit after setRawMode(true)', { skip: !haveScript && 'no script(1)' }, () => {
  same('script -qec \'"$BIN" -e "process.stdin.setRawMode(true)"; stty -a | grep -o -- "-\\?icanon"\' /dev/null');
});

test("'resize' on a window-size change", { skip: !haveScript && 'no script(1)' }, () => {
  const { got } = same('script -qec \'stty rows 30; "$BIN" resize.js & c=90; while kill -0 $! 2>/dev/null; do sleep 0.5; c=$((c + 1)); stty cols $c; done; wait\' /dev/null');
  assert.match(got.stdout.toString().replace(/\x1b\[3[39]m/g, ''), /resize 30 true/);
});
