'use strict';
// Summarises a JSC sampling profile written by `DX_PROFILE=file dx script.js`: the functions with
// the most samples at the top of the stack (self) and anywhere on it (total), with their source
// position and the share of frames by tier (LLInt, Baseline, DFG, FTL). Runs under node or dx.
// Usage: node tools/profile-summary.js file [top=30]
const fs = require('fs');
const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: profile-summary.js <profile.json> [top]');
  process.exit(2);
}
const top = Number(topArg) || 30;
const { traces } = JSON.parse(fs.readFileSync(file, 'utf8'));
const self = new Map();
const total = new Map();
const tiers = new Map();
const key = (f) => `${f.name || '(anonymous)'} ${f.line === 4294967295 ? '' : `:${f.line}:${f.column}`} [${f.sourceID}]`;
for (const t of traces) {
  if (!t.frames.length) continue;
  const k = key(t.frames[0]);
  self.set(k, (self.get(k) || 0) + 1);
  tiers.set(t.frames[0].category, (tiers.get(t.frames[0].category) || 0) + 1);
  const seen = new Set();
  for (const f of t.frames) {
    const fk = key(f);
    if (seen.has(fk)) continue;
    seen.add(fk);
    total.set(fk, (total.get(fk) || 0) + 1);
  }
}
const n = traces.length;
const print = (title, m) => {
  console.log(`\n${title} (${n} samples)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(100 * v / n).toFixed(1).padStart(6)}%  ${k}`);
  }
};
print('self', self);
print('total', total);
print('tier of the top frame', tiers);
