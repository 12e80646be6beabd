'use strict';
// Property: generated bad imports (tests/js/tools/gen-esm-errors.js, fast-check with a fixed seed) —
// bad specifiers of every sort and broken modules — reject with Node 24's error class and `code`,
// and with Node's message except where the engine writes it. Node's answers and the files the cases
// import are written by gen-esm-errors.js into $DX_GOLDEN_DIR (default build/golden); this file
// regenerates the cases from the seed, checks that they are the golden ones, runs them and compares.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const gen = require('./tools/gen-esm-errors.js');

// Known differences from Node, by kind: { code: reason } for the class and code, { message: reason }
// for the text; their tests run as todo. Every other kind's messages must be Node's exactly (cases
// flagged `engineMessage` aside: V8 and JavaScriptCore word their own errors apart).
const KNOWN = {
  fileUrl: {
    code: "file:///%00x.mjs: Node rejects with ERR_UNSUPPORTED_DIR_IMPORT, dx with ERR_INVALID_ARG_VALUE",
    message: 'the same %00 cases',
  },
  directory: { message: 'dx adds a "Did you mean to import ./dir/index.js?" line that Node 24 has not for import()' },
  exportsTarget: {
    message: 'ERR_INVALID_PACKAGE_CONFIG lacks "while importing ..."; a non-string target is not quoted and lacks '
      + '"; targets must start with ./"; a missing "main" is reported as index.js',
  },
  ambiguousStar: { message: 'a conflict found through a nested export * names the outer module, Node the inner one' },
};

function loadGolden() {
  const dir = path.resolve(process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', 'build', 'golden'));
  let golden;
  try {
    golden = require(path.join(dir, 'esm_errors.json'));
  } catch {
    return undefined;
  }
  if (golden.seed !== gen.SEED || golden.perKind !== gen.PER_KIND || golden.fastCheckVersion !== gen.fastCheckVersion) {
    throw new Error(`${dir}/esm_errors.json was made from other inputs; run tests/js/tools/gen-esm-errors.js again`);
  }
  return { root: path.join(dir, 'esm_errors'), golden };
}

const loaded = loadGolden();
const cases = gen.cases();
const skip = !loaded && 'no golden file: run tests/js/tools/gen-esm-errors.js under Node 24';

test('the golden file holds the cases this seed generates', { skip }, () => {
  assert.deepStrictEqual(JSON.parse(JSON.stringify(cases)), loaded.golden.cases);
  assert.strictEqual(gen.hashFiles(gen.files(cases)), loaded.golden.hash);
});

// Every case runs once, in order, before the comparisons (a module's failure is cached, so running a
// case twice would compare the cache, not the first attempt).
let results;
async function run() {
  if (!results) {
    const { load } = await import('file://' + encodeURI(path.join(loaded.root, 'importer.mjs')));
    results = [];
    for (const c of cases) results.push(await gen.runCase(c, loaded.root, load));
  }
  return results;
}

function compare(kind, keys, filter) {
  return async () => {
    const got = await run();
    const wrong = [];
    cases.forEach((c, i) => {
      if (c.kind !== kind || !filter(c)) return;
      const want = loaded.golden.expected[i];
      const differs = keys.filter((k) => JSON.stringify(got[i][k]) !== JSON.stringify(want[k]));
      if (differs.length > 0) {
        const shown = JSON.stringify(c.files ? Object.values(c.files)[0] : c.specifier);
        wrong.push(`${shown}${c.options !== undefined ? ` ${JSON.stringify(c.options)}` : ''}\n  expected ${JSON.stringify(want)}\n  actual   ${JSON.stringify(got[i])}`);
      }
    });
    assert.ok(wrong.length === 0, `${wrong.length} differ from Node:\n${wrong.join('\n')}`);
  };
}

const kinds = [...new Set(cases.map((c) => c.kind))];
for (const kind of kinds) {
  const known = KNOWN[kind] || {};
  test(`${kind}: rejects with Node's error class and code`, { skip, todo: known.code },
    compare(kind, ['name', 'code', 'thrown', 'value', 'resolved'], () => true));
  test(`${kind}: Node's message`, { skip, todo: known.message },
    compare(kind, ['message'], (c) => !c.engineMessage));
}
