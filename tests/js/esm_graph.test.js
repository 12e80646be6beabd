'use strict';
// Property: random ES module graphs (tests/js/tools/esm_graph_gen.js, fast-check with a fixed seed;
// .mjs and .cjs files, cycles, `export *`, re-exports, top-level await, live bindings, default
// exports) evaluate in Node 24's order and give Node 24's namespaces and live values. Node's answers
// and the graphs' files are written by tests/js/tools/gen-esm-graphs.js into $DX_GOLDEN_DIR
// (default build/golden); a second set of graphs adds require() of ES modules from CommonJS files.
// This file regenerates the graphs from the seed, checks that the files there
// are the same graphs, runs them and compares. Under Node itself it compares Node with Node.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const gen = require('./tools/esm_graph_gen.js');

function loadGolden() {
  const dir = path.resolve(process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', 'build', 'golden'));
  let golden;
  try {
    golden = require(path.join(dir, 'esm_graphs.json'));
  } catch {
    return undefined;
  }
  if (golden.seed !== gen.SEED || golden.numGraphs !== gen.NUM_GRAPHS || golden.numRequireGraphs !== gen.NUM_REQUIRE_GRAPHS
      || golden.fastCheckVersion !== gen.fastCheckVersion) {
    throw new Error(`${dir}/esm_graphs.json was made from other inputs; run tests/js/tools/gen-esm-graphs.js again`);
  }
  return { dir: path.join(dir, 'esm_graphs'), graphs: golden.graphs };
}

// Graphs where dx is known to differ from Node: id -> reason (run as todo).
const KNOWN = {};

const golden = loadGolden();
const graphs = gen.graphs();

test('the golden file holds the graphs this seed generates', { skip: !golden && 'no golden file: run tests/js/tools/gen-esm-graphs.js under Node 24' }, () => {
  assert.strictEqual(golden.graphs.length, graphs.length);
  graphs.forEach((g, id) => {
    assert.strictEqual(golden.graphs[id].hash, gen.hashSources(gen.sources(g, id)), `graph ${id}`);
  });
});

const modules = (g) => g.modules.map((m, i) => gen.fileName(g, i)).join(' ');
for (let id = 0; id < graphs.length; id++) {
  const g = graphs[id];
  const skip = !golden ? 'no golden file'
    : golden.graphs[id].nodeInternal && `Node fails with its internal ${golden.graphs[id].nodeInternal}`;
  test(`${g.requireEsm ? 'require(esm) ' : ''}graph ${id}: ${modules(g)}`, { skip, todo: KNOWN[id] }, async () => {
    const actual = JSON.parse(JSON.stringify(await gen.runGraph(g, id, path.join(golden.dir, `g${id}`))));
    try {
      assert.deepStrictEqual(actual, golden.graphs[id].result);
    } catch (e) {
      const files = gen.sources(g, id);
      e.message += `\n\nthe graph's files:\n${Object.keys(files).map((n) => `--- ${n}\n${files[n]}`).join('')}`;
      throw e;
    }
  });
}
