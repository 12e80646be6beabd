'use strict';
// Runs the Streams Standard's tests (bundled by fetch.sh) under this runtime, one file at a time,
// and prints one line per subtest, "PASS <file> :: <name>" or "FAIL <file> :: <name> :: <why>",
// then a summary line per directory and an overall one.
//   <dx or node> tests/conformance/wpt_streams/run.js [bundle dir (default build/wpt/streams)] [file filter]
// run.sh compares the FAIL lines with expectations.txt. Uses only require(), no fs.
const path = require('path');
const harness = require('../wpt_common/testharness.js');

const dir = path.resolve(process.argv[2] || 'build/wpt/streams');
const filter = process.argv[3] || '';
let bundles;
try {
  bundles = require(path.join(dir, 'index.js'));
} catch {
  console.error(`wpt_streams: no tests in ${dir} (run tests/conformance/wpt_streams/fetch.sh first)`);
  process.exit(77);
}

const escape = (s) => JSON.stringify(s).slice(1, -1);

// A run that hangs test after test (each waits out its timeout) stops after this long; the files
// left are reported as failures.
const totalMs = Number(process.env.WPT_TOTAL_MS) || 600000;
const started = Date.now();

harness.install();
(async () => {
  for (const [file, run] of bundles) {
    if (filter && !file.includes(filter)) continue;
    if (Date.now() - started > totalMs) {
      harness.results.push({ file, name: '(file)', error: `not run: the run took over ${totalMs} ms` });
      continue;
    }
    await harness.runFile(file, run);
  }
  const perDir = new Map();
  let pass = 0;
  for (const r of harness.results) {
    const d = r.file.includes('/') ? r.file.slice(0, r.file.lastIndexOf('/')) : '.';
    const c = perDir.get(d) || [0, 0];
    c[1]++;
    if (r.error === undefined) {
      pass++;
      c[0]++;
      console.log(`PASS ${r.file} :: ${escape(r.name)}`);
    } else {
      console.log(`FAIL ${r.file} :: ${escape(r.name)} :: ${escape(r.error)}`);
    }
    perDir.set(d, c);
  }
  for (const [d, [p, n]] of [...perDir].sort()) console.log(`dir ${d}: ${p} of ${n}`);
  console.log(`${pass} of ${harness.results.length} subtests passed`);
  // Streams left open by failed tests may hold the loop; the results are out.
  process.exit(0);
})();
