'use strict';
// Node-only harness (needs child_process): util.setTraceSigInt() in dx against Node 24. Each
// fixture prints "ready", then the harness sends SIGINT and compares what each runtime prints on
// stderr and how it ends. Run: DX_BIN=build/dx node --test tests/cli/
//
// Both print a header line, the interrupted JavaScript's frames as "    at ..." lines and a blank
// line (only when there are frames), then die by SIGINT. The frames are compared by function,
// file and line only: JSC and V8 report different columns for the same frame, and the loader
// frames below the script differ. The innermost frame's line is not compared either: JSC records
// a frame's position at its calls, so a frame interrupted in a loop without calls reports its
// last call (or its start), where V8 reports the loop.
const test = require('node:test');
const assert = require('node:assert');
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const dx = path.resolve(root, process.env.DX_BIN || 'build/dx');
const node = process.execPath;
const fixtures = path.join(__dirname, 'fixtures');
const HEADER = 'KEYBOARD_INTERRUPT: Script execution was interrupted by `SIGINT`';

function interrupt(bin, fixture) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [fixture], { cwd: fixtures, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${bin} ${fixture}: no exit after SIGINT; stderr: ${stderr}`));
    }, 15000);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (!sent && stdout.includes('ready')) {
        sent = true;
        // Give the runtime a moment to be inside the loop (or idle) when the signal lands.
        setTimeout(() => child.kill('SIGINT'), 300);
      }
    });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stderr });
    });
  });
}

// The frames of the fixture itself, as "name file:line" (name empty for top-level code; no line
// for the innermost frame).
function userFrames(stderr, fixture) {
  const frames = [];
  for (const line of stderr.split('\n')) {
    const m = /^ {4}at (?:(\S+) \()?(.*):(\d+):\d+\)?$/.exec(line);
    if (m && m[2].endsWith(fixture)) {
      frames.push(`${m[1] ?? ''} ${path.basename(m[2])}${frames.length === 0 ? '' : `:${m[3]}`}`);
    }
  }
  return frames;
}

async function both(fixture) {
  const [want, got] = await Promise.all([interrupt(node, fixture), interrupt(dx, fixture)]);
  assert.strictEqual(got.signal, want.signal, `signal; dx stderr:\n${got.stderr}`);
  assert.strictEqual(got.code, want.code);
  return { want, got };
}

test('busy loop: header, the JS frames, then death by SIGINT', async () => {
  const { want, got } = await both('sigint_busy.js');
  assert.strictEqual(want.signal, 'SIGINT');
  assert.strictEqual(got.stderr.split('\n')[0], HEADER);
  assert.strictEqual(got.stderr.split('\n')[0], want.stderr.split('\n')[0]);
  assert.deepStrictEqual(userFrames(got.stderr, 'sigint_busy.js'), userFrames(want.stderr, 'sigint_busy.js'));
  assert.deepStrictEqual(userFrames(got.stderr, 'sigint_busy.js'),
    ['spin sigint_busy.js', 'outer sigint_busy.js:5', ' sigint_busy.js:7']);
  assert.ok(got.stderr.endsWith('\n\n'), JSON.stringify(got.stderr));
  assert.ok(got.stderr.split('\n').filter((l) => l.startsWith('    at ')).length <= 10);
});

test('busy loop in a timer callback', async () => {
  const { want, got } = await both('sigint_timer.js');
  assert.strictEqual(got.stderr.split('\n')[0], HEADER);
  assert.deepStrictEqual(userFrames(got.stderr, 'sigint_timer.js'), userFrames(want.stderr, 'sigint_timer.js'));
  assert.deepStrictEqual(userFrames(got.stderr, 'sigint_timer.js'), ['later sigint_timer.js']);
  assert.ok(got.stderr.endsWith('\n\n'), JSON.stringify(got.stderr));
});

test('idle in the event loop: the header and no frames', async () => {
  const { want, got } = await both('sigint_idle.js');
  assert.strictEqual(want.stderr, `${HEADER}\n`);
  assert.strictEqual(got.stderr, want.stderr);
});

test('setTraceSigInt(false) restores the usual SIGINT', async () => {
  const { want, got } = await both('sigint_off.js');
  assert.strictEqual(want.signal, 'SIGINT');
  assert.strictEqual(want.stderr, '');
  assert.strictEqual(got.stderr, want.stderr);
});
