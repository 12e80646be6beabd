// esbuild's steady-state transform time, for comparison with bench_compile's in-process numbers:
//   node esbuild_inproc.mjs [--runs N] [--minify] [--name NAME] FILE...
// esbuild's JS API talks to one long-lived esbuild process; after a warm-up pass, each timed pass
// transforms every file once (sequentially, so with GOMAXPROCS=1 in the environment it uses one
// thread). The time includes sending the source to esbuild and the result back over a pipe, which
// bench_compile does not pay, so it slightly favours dx. Prints the same columns as bench_compile
// (no parse/print split, no RSS: esbuild's memory is measured on its command line). --minify is
// --minify-whitespace only, which is what dx's minified printing does.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as esbuild from 'esbuild';

const args = process.argv.slice(2);
let runs = 10;
let minify = false;
let name = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--minify') minify = true;
  else if (args[i] === '--name') name = args[++i];
  else files.push(args[i]);
}
const inputs = files.map((f) => ({
  code: readFileSync(f, 'utf8'),
  loader: /\.[cm]?tsx?$/.test(f) ? (f.endsWith('x') ? 'tsx' : 'ts') : f.endsWith('x') ? 'jsx' : 'js',
  // A module (import/export) stays a module; the format is not converted.
  sourcefile: f,
}));
const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);

async function pass() {
  const t0 = process.hrtime.bigint();
  for (const input of inputs) {
    await esbuild.transform(input.code, { loader: input.loader, sourcefile: input.sourcefile, minifyWhitespace: minify, logLevel: 'silent' });
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

await pass();
const times = [];
for (let r = 0; r < runs; r++) times.push(await pass());
times.sort((a, b) => a - b);
const med = runs % 2 ? times[(runs - 1) / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
console.log(`${(name ?? basename(files[0])).padEnd(32)} ${String(files.length).padStart(6)} ${String(bytes).padStart(10)} ${'-'.padStart(9)} ${'-'.padStart(9)} ${'-'.padStart(9)} ${med.toFixed(2).padStart(9)} ${(bytes / 1e6 / (med / 1e3)).toFixed(1).padStart(8)} ${'-'.padStart(10)}`);
await esbuild.stop();
