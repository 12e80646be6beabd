'use strict';
// Node-only harness: dx's source maps against the `source-map` npm package (the reference decoder).
// 1. Random maps written by source-map's generator: every lookup of our decoder (the
//    sourcemap_lookup tool, built next to DX_BIN) equals source-map's originalPositionFor.
// 2. Maps `dx transpile` writes for real files: for every identifier of the original (found with
//    TypeScript's parser), source-map's generatedPositionFor lands on that identifier in the
//    output, and looking that position up (in both decoders) gives the identifier back.
// Run: DX_BIN=build/dx node --test tests/cli/
const test = require('node:test');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { SourceMapConsumer, SourceMapGenerator } = require('source-map');
const ts = require('typescript');

const root = path.resolve(__dirname, '../..');
const dx = path.resolve(root, process.env.DX_BIN || 'build/dx');
const lookupTool = path.join(path.dirname(dx), 'sourcemap_lookup');
const tmp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'dx-sourcemap-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Our lookups: [{line, col}] (0-based) -> ["source line col [name]" | "-"].
function ourLookups(mapJson, queries) {
  const file = path.join(tmp, `map-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, mapJson);
  const r = spawnSync(lookupTool, [file], {
    input: queries.map((q) => `${q.line} ${q.col}\n`).join(''), encoding: 'utf8', maxBuffer: 1 << 28,
  });
  assert.strictEqual(r.status, 0, `sourcemap_lookup failed: ${r.stdout}${r.stderr}`);
  return r.stdout.split('\n').slice(0, queries.length);
}

function theirLookup(consumer, q) {
  const p = consumer.originalPositionFor({ line: q.line + 1, column: q.col });
  if (p.source == null) return '-';
  return `${p.source} ${p.line - 1} ${p.column}${p.name != null ? ' ' + p.name : ''}`;
}

// A small deterministic generator, so a failure reproduces.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('random maps: every lookup agrees with source-map', async () => {
  for (let seed = 1; seed <= 40; seed++) {
    const rand = rng(seed);
    const int = (n) => Math.floor(rand() * n);
    const gen = new SourceMapGenerator({ file: 'out.js' });
    const lines = 1 + int(30);
    const used = new Set();
    for (let i = int(400); i > 0; i--) {
      const line = 1 + int(lines), column = int(120);
      // One segment per generated position: which of two equal positions wins is not specified.
      if (used.has(`${line}:${column}`)) continue;
      used.add(`${line}:${column}`);
      if (rand() < 0.1) {
        gen.addMapping({ generated: { line, column } });
        continue;
      }
      const m = { generated: { line, column }, source: `src${int(4)}.js`, original: { line: 1 + int(1000), column: int(5000) } };
      if (rand() < 0.3) m.name = `name${int(20)}`;
      gen.addMapping(m);
    }
    const json = gen.toString();
    const queries = [];
    for (let i = 0; i < 500; i++) queries.push({ line: int(lines + 2), col: int(130) });
    for (const key of used) {
      const [l, c] = key.split(':').map(Number);
      queries.push({ line: l - 1, col: c }, { line: l - 1, col: c + 1 });
      if (c) queries.push({ line: l - 1, col: c - 1 });
    }
    const ours = ourLookups(json, queries);
    const consumer = await new SourceMapConsumer(json);
    try {
      queries.forEach((q, i) => {
        assert.strictEqual(ours[i], theirLookup(consumer, q), `seed ${seed}, lookup ${q.line}:${q.col}\nmap: ${json}`);
      });
    } finally {
      consumer.destroy();
    }
  }
});

test('index maps: lookups agree with source-map', async () => {
  const part = (src, mappings, names = []) => ({ version: 3, sources: [src], names, mappings });
  const map = {
    version: 3,
    sections: [
      { offset: { line: 0, column: 0 }, map: part('a.js', 'AAAA,EAAEA;AACA', ['x']) },
      { offset: { line: 1, column: 8 }, map: part('b.js', 'CAAC,GAAG;;AAAA') },
      { offset: { line: 5, column: 0 }, map: part('c.js', 'AAAA') },
    ],
  };
  const json = JSON.stringify(map);
  const queries = [];
  for (let line = 0; line < 8; line++) for (let col = 0; col < 16; col++) queries.push({ line, col });
  const ours = ourLookups(json, queries);
  const consumer = await new SourceMapConsumer(json);
  try {
    queries.forEach((q, i) => assert.strictEqual(ours[i], theirLookup(consumer, q), `lookup ${q.line}:${q.col}`));
  } finally {
    consumer.destroy();
  }
});

// Identifiers of a JavaScript file, with 0-based line and UTF-16 column.
function identifiers(file, text) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const out = [];
  const visit = (node) => {
    // Labels are plain strings in our tree (no node, no location), so they have no mapping.
    const isLabel = node.parent && (ts.isLabeledStatement(node.parent) || ts.isBreakOrContinueStatement(node.parent)) &&
      node.parent.label === node;
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && !isLabel) {
      const start = node.getStart(sf);
      const raw = text.slice(start, node.end);
      if (!raw.includes('\\')) {
        const { line, character } = sf.getLineAndCharacterOfPosition(start);
        out.push({ name: raw, line, col: character });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function transpile(file, args) {
  const r = spawnSync(dx, ['transpile', file, '--sourcemap=inline', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.strictEqual(r.status, 0, `dx transpile ${file} ${args.join(' ')} failed: ${r.stderr}`);
  const m = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\n$/.exec(r.stdout);
  assert.ok(m, 'an inline source map comment ends the output');
  return { code: r.stdout.slice(0, m.index), map: Buffer.from(m[1], 'base64').toString('utf8') };
}

const realFiles = [
  ['tests/cli/fixtures/throw_nested.js', []],
  ['node_modules/lodash/lodash.js', []],
  ['node_modules/esbuild/lib/main.js', []],
  ['node_modules/three/src/math/Vector3.js', ['--module']],
  ['node_modules/three/build/three.module.js', ['--module']],
  ['node_modules/react-dom/cjs/react-dom.development.js', []],
];

for (const [rel, args] of realFiles) {
  for (const minify of [false, true]) {
    test(`${rel}${minify ? ' (minified)' : ''}: every identifier maps to itself`, async (t) => {
      const file = path.join(root, rel);
      if (!fs.existsSync(file)) return t.skip(`${rel} is not installed`);
      const text = fs.readFileSync(file, 'utf8');
      const { code, map } = transpile(file, minify ? [...args, '--minify'] : args);
      const outLines = code.split('\n');
      const ids = identifiers(file, text);
      assert.ok(ids.length > 0);
      const consumer = await new SourceMapConsumer(map);
      const source = consumer.sources[0];
      const bad = [];
      const queries = [];
      try {
        for (const id of ids) {
          const g = consumer.generatedPositionFor({ source, line: id.line + 1, column: id.col });
          const at = g.line == null ? null : outLines[g.line - 1].slice(g.column, g.column + id.name.length);
          if (at !== id.name) {
            bad.push(`${id.name} at ${id.line + 1}:${id.col + 1}: generated ${g.line}:${g.column} holds ${JSON.stringify(at)}`);
            continue;
          }
          queries.push({ line: g.line - 1, col: g.column, id });
        }
        const ours = ourLookups(map, queries);
        queries.forEach((q, i) => {
          const want = `${source} ${q.id.line} ${q.id.col}`;
          const theirs = theirLookup(consumer, q);
          if (theirs !== want) bad.push(`${q.id.name}: source-map looks ${q.line}:${q.col} up as ${theirs}, want ${want}`);
          if (ours[i] !== theirs) bad.push(`${q.id.name}: lookup ${q.line}:${q.col}: ours ${ours[i]}, source-map ${theirs}`);
        });
      } finally {
        consumer.destroy();
      }
      assert.deepStrictEqual(bad.slice(0, 20), [], `${bad.length} of ${ids.length} identifiers`);
    });
  }
}
