'use strict';
// Node-only harness (needs child_process): runs each fixture under real Node and under dx and
// compares what a user sees: exit code, stdout, and the shape of stderr for uncaught errors — the
// `file:line` header with the source line and caret, the error's first line, and the positions of
// the frames in user code. Engine messages differ between V8 and JSC, so for errors the engine
// creates only the class is compared. Run: DX_BIN=build/dx node --test tests/cli/
const test = require('node:test');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '../..');
const dx = path.resolve(root, process.env.DX_BIN || 'build/dx');
const node = process.execPath;
const fixtures = path.join(__dirname, 'fixtures');

function run(bin, file) {
  const r = spawnSync(bin, [file], { encoding: 'utf8', cwd: fixtures, timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Splits Node-style uncaught output into its parts.
function parse(stderr) {
  const lines = stderr.split('\n');
  let i = 0;
  const header = [];
  if (/^\S.*:\d+$/.test(lines[0])) {
    // file:line, source line, caret line; a blank line follows, except after a linking error's carets
    while (i < lines.length && lines[i] !== '' && !(header.length === 3 && /^\s*\^+$/.test(header[2]))) {
      header.push(lines[i++]);
    }
    if (lines[i] === '') i++;
  }
  const first = lines[i] || '';
  const frames = [];
  for (let j = i + 1; j < lines.length; j++) {
    const m = /^ {4}at (?:.*\()?(.*?):(\d+):(\d+)\)?$/.exec(lines[j]);
    if (!m) continue;
    // ES module frames name a file: URL
    const file = m[1].startsWith('file://') ? decodeURIComponent(m[1].slice(7)) : m[1];
    if (file.startsWith(fixtures)) frames.push(`${path.basename(file)}:${m[2]}:${m[3]}`);
  }
  return { header, first, frames };
}

const engineErrors = new Set(['engine_type_error.js', 'call_non_function.js', 'syntax_error.js', 'esm_engine_error.mjs']);
const noCaret = new Set(['syntax_error.js']); // JSC does not report a column for syntax errors

// .mjs: ES modules; .ts: TypeScript with erasable syntax only, which Node 24 runs by stripping types
// (dx compiles it and maps positions back through the compiler's source maps).
for (const name of fs.readdirSync(fixtures).filter((f) => /\.(js|mjs|ts)$/.test(f)).sort()) {
  test(`${name}: same exit code, stdout and error shape as Node`, () => {
    const file = path.join(fixtures, name);
    const want = run(node, file);
    const got = run(dx, file);
    assert.strictEqual(got.code, want.code, `exit code\n--- dx stderr:\n${got.stderr}`);
    assert.strictEqual(got.stdout, want.stdout);
    if (want.stderr === '') {
      assert.strictEqual(got.stderr, '');
      return;
    }
    const w = parse(want.stderr);
    const g = parse(got.stderr);
    const headerLines = noCaret.has(name) ? 2 : 3;
    if (w.header.length > 0 && w.header[0].startsWith('node:')) {
      // Thrown inside the runtime's own JS: both name an internal module; lines differ by design.
      assert.match(g.header[0] || '', /^node:internal\/\S+:\d+$/, `header\n--- dx:\n${got.stderr}`);
    } else assert.deepStrictEqual(g.header.slice(0, headerLines), w.header.slice(0, headerLines), `header\n--- dx:\n${got.stderr}\n--- node:\n${want.stderr}`);
    if (engineErrors.has(name)) {
      assert.strictEqual(g.first.split(':')[0], w.first.split(':')[0], 'error class');
    } else {
      assert.strictEqual(g.first, w.first, 'error line');
    }
    assert.deepStrictEqual(g.frames, w.frames, `user frames\n--- dx:\n${got.stderr}\n--- node:\n${want.stderr}`);
  });
}
