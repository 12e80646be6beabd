// DX-JS stand-in for test/common/fixtures (see index.js): paths into test/fixtures.
'use strict';

const path = require('path');

const fixturesDir = path.join(__dirname, '..', 'fixtures');

function fixturesPath(...args) {
  return path.join(fixturesDir, ...args);
}

function fileURL(...args) {
  const { pathToFileURL } = require('url');
  const url = pathToFileURL(fixturesPath(...args));
  // path.join drops a trailing separator; a caller asking for a directory URL keeps it.
  const last = args[args.length - 1];
  if (typeof last === 'string' && (last.endsWith('/') || last.endsWith(path.sep)) && !url.pathname.endsWith('/')) {
    url.pathname += '/';
  }
  return url;
}

function readSync(args, enc) {
  const parts = Array.isArray(args) ? args : [args];
  return require('fs').readFileSync(fixturesPath(...parts), enc);
}

function readKey(name, enc) {
  return require('fs').readFileSync(fixturesPath('keys', name), enc);
}

module.exports = {
  fixturesDir,
  fileURL,
  path: fixturesPath,
  readKey,
  readSync,
  utf8TestText: fixturesPath('utf8_test_text.txt'),
  get utf8TestTextContent() {
    return readSync('utf8_test_text.txt', 'utf8');
  },
};
