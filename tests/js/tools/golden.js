'use strict';
// Shared by the differential tests: golden files are written under Node 24 by the generators in this
// folder (scripts/test.sh runs them first) into ${DX_GOLDEN_DIR or build/golden}, and read back with
// require(), which needs no fs module.
const assert = require('node:assert');

// The parsed golden file `name` (e.g. 'url.json'), or null when it has not been generated.
function loadGolden(name) {
  let dir = process.env.DX_GOLDEN_DIR || 'build/golden';
  if (dir[0] !== '/') dir = `${__dirname}/../../../${dir}`;
  try {
    return require(`${dir}/${name}`);
  } catch (e) {
    if (e.code === 'MODULE_NOT_FOUND') return null;
    throw e;
  }
}

// Asserts that `got[i]` deep-equals `want[i]` for every case, listing the first ten that differ with
// their input; `min` guards against an empty or truncated golden file.
function assertSameResults(kind, cases, want, got, min) {
  const failures = [];
  for (let i = 0; i < want.length; i++) {
    try {
      assert.deepStrictEqual(got[i], want[i]);
    } catch {
      failures.push(`${JSON.stringify(cases[i])}: expected ${JSON.stringify(want[i])}, got ${JSON.stringify(got[i])}`);
    }
  }
  assert.deepStrictEqual(failures.slice(0, 10), [], `${failures.length} of ${want.length} ${kind} cases differ from Node`);
  assert.ok(want.length >= min, `${kind}: only ${want.length} golden cases`);
}

module.exports = { loadGolden, assertSameResults };
