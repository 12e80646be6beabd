// Differential test of DX-JS's TypeScript lowering against TypeScript itself.
//
// For every case under cases/ it compiles the file twice, with TypeScript's transpileModule (the
// npm package, pinned in the root package.json) and with our compiler (the dxc driver: js_parse
// in TypeScript mode, js_ts_lower, js_print), runs both outputs under Node and compares what they
// print and how they exit. Settings: target ESNext everywhere; `.mts` cases are ES modules
// (module ESNext, run as .mjs), `.ts` and `.cts` cases CommonJS scripts (module CommonJS, run as
// .cjs) — our compiler leaves ES module syntax to the later module transform, so scripts are
// where both outputs can run as they are.
//
// usage: node run.js --dxc PATH [--node PATH] [--filter SUBSTRING] [--verbose]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const dxc = opt('--dxc');
const node = opt('--node') || process.execPath;
const filter = opt('--filter');
const verbose = args.includes('--verbose');
if (!dxc) { console.error('usage: node run.js --dxc PATH [--node PATH] [--filter S] [--verbose]'); process.exit(2); }

const root = path.resolve(__dirname, '../../..');
let ts;
try { ts = require(path.join(root, 'node_modules/typescript')); }
catch { console.log('SKIP: node_modules/typescript is not installed'); process.exit(77); }

const casesDir = path.join(__dirname, 'cases');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-ts-transpile-'));
for (const side of ['tsc', 'dx']) fs.cpSync(path.join(casesDir, 'lib'), path.join(work, side, 'lib'), { recursive: true });

// Runs a program under Node; resolves with its exit status and output.
function run(dir, file) {
  return new Promise((resolve) => {
    const child = spawn(node, [file], { cwd: dir });
    let stdout = '', stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
  });
}

async function check(file) {
  const esm = file.endsWith('.mts');
  const out = file.replace(/\.(m|c)?ts$/, esm ? '.mjs' : '.cjs');
  const src = fs.readFileSync(path.join(casesDir, file), 'utf8');
  const ref = ts.transpileModule(src, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ESNext, module: esm ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS },
  });
  const problems = [];
  if (ref.diagnostics && ref.diagnostics.length)
    problems.push('TypeScript reports: ' + ref.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('; '));
  fs.writeFileSync(path.join(work, 'tsc', out), ref.outputText);
  const ours = spawnSync(dxc, [path.join(casesDir, file)], { encoding: 'utf8' });
  let report = '';
  if (ours.status !== 0) {
    problems.push('dxc failed: ' + ours.stderr.trim());
  } else {
    fs.writeFileSync(path.join(work, 'dx', out), ours.stdout);
    const [a, b] = await Promise.all([run(path.join(work, 'tsc'), out), run(path.join(work, 'dx'), out)]);
    if (a.status !== 0) problems.push(`TypeScript's output exits ${a.status}: ${a.stderr.trim().split('\n').slice(0, 3).join(' / ')}`);
    if (a.stdout !== b.stdout || a.status !== b.status)
      problems.push(`outputs differ\n--- tsc (exit ${a.status})\n${a.stdout}${a.stderr}--- dx (exit ${b.status})\n${b.stdout}${b.stderr}`);
    else if (verbose) report = `ok ${file}: ${a.stdout.trim().split('\n').join(' / ')}`;
  }
  if (problems.length) {
    report = `FAIL ${file}\n  ${problems.join('\n  ')}`;
    if (ours.status === 0) report += `\n--- dx output\n${ours.stdout}`;
  }
  return { ok: !problems.length, report };
}

async function main() {
  const files = fs.readdirSync(casesDir).filter((f) => /\.(m|c)?ts$/.test(f) && (!filter || f.includes(filter))).sort();
  const results = new Array(files.length);
  let next = 0;
  // a few cases at a time: each runs two Node processes
  const worker = async () => { while (next < files.length) { const i = next++; results[i] = await check(files[i]); } };
  await Promise.all([worker(), worker(), worker()]);
  let passed = 0, failed = 0;
  for (const r of results) {
    if (r.report) console.log(r.report);
    if (r.ok) passed++; else failed++;
  }
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`ts_transpile: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main();
