'use strict';
// Runs the Encoding Standard's tests (bundled by fetch.sh) under this runtime and prints one line
// per subtest, "PASS <file> :: <name>" or "FAIL <file> :: <name> :: <why>", then a summary.
//   <dx or node> tests/conformance/wpt_encoding/run.js [bundle dir (default build/wpt/encoding)]
// run.sh compares the FAIL lines with expectations.txt. Uses only require(), no fs. The testharness
// stand-in is shared with the other WPT runners (tests/conformance/wpt_common/testharness.js).
const path = require('path');
const harness = require('../wpt_common/testharness.js');

const dir = path.resolve(process.argv[2] || 'build/wpt/encoding');
let bundles;
try {
  bundles = require(path.join(dir, 'index.js'));
} catch {
  console.error(`wpt_encoding: no tests in ${dir} (run tests/conformance/wpt_encoding/fetch.sh first)`);
  process.exit(77);
}

const escape = (s) => JSON.stringify(s).slice(1, -1);

harness.install();
(async () => {
  for (const [file, run] of bundles) await harness.runFile(file, run);
  let pass = 0;
  for (const r of harness.results) {
    if (r.error === undefined) {
      pass++;
      console.log(`PASS ${r.file} :: ${escape(r.name)}`);
    } else {
      console.log(`FAIL ${r.file} :: ${escape(r.name)} :: ${escape(r.error)}`);
    }
  }
  console.log(`${pass} of ${harness.results.length} subtests passed`);
})();
