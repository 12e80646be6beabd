// DX-JS stand-in for test/common/tmpdir (see index.js): a per-run scratch directory beside the tests.
// Only refresh() and hasEnoughSpace() touch the file system, and they load 'fs' when called.
'use strict';

const path = require('path');

function fs() {
  return require('fs');
}

// The harness gives every test its own directory (NODE_TEST_DIR is Node's own variable for the tree root);
// test.py's convention is test/.tmp.<worker id>.
const testRoot = process.env.NODE_TEST_DIR || path.join(__dirname, '..');
const name = `.tmp.${process.env.TEST_SERIAL_ID || process.env.TEST_THREAD_ID || '0'}`;
const tmpPath = path.join(testRoot, name);
let cleanupInstalled = false;

function removeTree(dir) {
  fs().rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

function refresh(useSpawn = false) {
  if (useSpawn) {
    const { spawnSync } = require('child_process');
    const code = `require('fs').rmSync(${JSON.stringify(tmpPath)}, { recursive: true, force: true })`;
    const r = spawnSync(process.execPath, ['-e', code]);
    if (r.status !== 0) throw new Error(`tmpdir.refresh: child exited with ${r.status}: ${r.stderr}`);
  } else {
    removeTree(tmpPath);
  }
  fs().mkdirSync(tmpPath, { recursive: true });
  if (!cleanupInstalled) {
    cleanupInstalled = true;
    process.on('exit', () => {
      if (process.env.NODE_TEST_KEEP_TMPDIR) return;
      try {
        removeTree(tmpPath);
      } catch (err) {
        process.stderr.write(`tmpdir: could not remove ${tmpPath}: ${err.message}\n`);
        process.exitCode = 1;
      }
    });
  }
}

function resolve(...paths) {
  return path.resolve(tmpPath, ...paths);
}

function fileURL(...paths) {
  const { pathToFileURL } = require('url');
  // With no argument: the directory itself, with its trailing slash.
  const full = paths.length === 0 ? tmpPath + path.sep : resolve(...paths);
  return pathToFileURL(full);
}

function hasEnoughSpace(size) {
  const { bavail, bsize } = fs().statfsSync(tmpPath);
  return bavail >= Math.ceil(size / bsize);
}

module.exports = {
  fileURL,
  hasEnoughSpace,
  path: tmpPath,
  refresh,
  resolve,
};
