// self-test: pass — the ES module face of the stand-in.
import common, { mustCall, isWindows, platformTimeout } from '../common/index.mjs';
import fixtures from '../common/fixtures.mjs';
import assert from 'assert';
assert.strictEqual(common.mustCall, mustCall);
assert.strictEqual(typeof isWindows, 'boolean');
assert.strictEqual(platformTimeout(10) >= 10, true);
assert.ok(fixtures.path('x').endsWith('x'));
setTimeout(mustCall(), 1);
