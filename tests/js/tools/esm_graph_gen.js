'use strict';
// Random ES module graphs for tests/js/esm_graph.test.js and tests/js/tools/gen-esm-graphs.js.
// Both draw the same graphs from SEED with fast-check, so this file is the one place that decides what
// a graph is, how it is written as source files, and what is observed when it runs:
//   - the evaluation log: each module pushes lines into an array on globalThis while it runs,
//     including what it sees of its imports at that moment (values, or the error a read throws:
//     TDZ in cycles);
//   - every module's namespace after the entry finished (keys and values, nested namespaces);
//   - live bindings: every ES module's binding is set through an exported setter, then every module
//     reports what it now sees of its imports; every CommonJS module changes its exports afterwards.
// Graphs mix .mjs and .cjs files, cycles (also among CommonJS files), `export *` (with an export name
// shared by several modules, so some stars are ambiguous), re-exports, `export * as`, default exports
// of several forms, and top-level await (microtask chains, timers of 0 and 100 ms, caught rejections). The
// timers are far apart so that their order never depends on how fast a runtime evaluates the
// modules in between (ASan builds, a loaded machine).
// CommonJS files require CommonJS files and, in a second set of graphs, ES modules (require(esm)),
// logging what they get or the error's class and code.

const fc = require('fast-check');

const SEED = 8011;
const NUM_GRAPHS = 60;       // graphs without require(esm)
const NUM_REQUIRE_GRAPHS = 30; // graphs where CommonJS files also require ES modules
const MAX_MODULES = 8;

const ESM_DEFAULTS = ['none', 'fn', 'namedFn', 'class', 'expr', 'arrow', 'liveLocal'];
const ESM_HOW = ['named', 'ns', 'default', 'star', 'reexport', 'nsexport', 'bare'];
const CJS_HOW = ['named', 'ns', 'default', 'star', 'bare'];

const tlaArb = fc.oneof(
  { weight: 5, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => ({ ticks: n })) },
  { weight: 1, arbitrary: fc.constantFrom(0, 100).map((ms) => ({ timeout: ms })) },
  { weight: 1, arbitrary: fc.constant({ caughtRejection: true }) },
);

// One module's description, given the kinds of all modules of its graph.
function moduleArb(index, kinds, requireEsm) {
  const others = kinds.map((k, j) => j).filter((j) => j !== index);
  if (kinds[index] === 'cjs') {
    const targets = requireEsm ? others : others.filter((j) => kinds[j] === 'cjs');
    return fc.record({
      kind: fc.constant('cjs'),
      deps: targets.length === 0 ? fc.constant([])
        : fc.uniqueArray(fc.constantFrom(...targets), { maxLength: 2 }).map((ts) => ts.map((to) => ({ to, how: 'require' }))),
      form: fc.constantFrom('exports', 'object'),
      dup: fc.boolean(),
    });
  }
  const depArb = others.length === 0 ? fc.constant([])
    // The entry imports at least one module, so most of its graph runs from one import().
    : fc.uniqueArray(fc.constantFrom(...others), { minLength: index === 0 ? 1 : 0, maxLength: 4 }).chain((targets) =>
      fc.tuple(...targets.map((to) => fc.constantFrom(...(kinds[to] === 'cjs' ? CJS_HOW : ESM_HOW)).map((how) => ({ to, how })))));
  return fc.record({
    kind: fc.constant('esm'),
    deps: depArb.map((d) => d.slice()),
    def: fc.constantFrom(...ESM_DEFAULTS),
    tla: tlaArb,
    mutate: fc.boolean(),
    dup: fc.boolean(),
  });
}

// A default import needs a default export; the generator asks for it only where one exists.
function fixDefaults(modules) {
  for (const m of modules) {
    if (m.kind !== 'esm') continue;
    for (const d of m.deps) {
      const t = modules[d.to];
      if (d.how === 'default' && t.kind === 'esm' && t.def === 'none') d.how = 'ns';
    }
  }
  return modules;
}

const graphArb = (requireEsm) => fc.integer({ min: 1, max: MAX_MODULES })
  .chain((n) => fc.tuple(fc.constant('esm'), ...Array.from({ length: n - 1 }, () => fc.constantFrom('esm', 'esm', 'cjs'))))
  .chain((kinds) => fc.tuple(...kinds.map((k, i) => moduleArb(i, kinds, requireEsm))))
  .map((modules) => ({ requireEsm, modules: fixDefaults(modules) }));

// All graphs: NUM_GRAPHS without require(esm), then NUM_REQUIRE_GRAPHS with it (kept apart because
// require(esm) adds Node's own rules, ERR_REQUIRE_CYCLE_MODULE and ERR_REQUIRE_ASYNC_MODULE, on top of
// the spec's).
function graphs() {
  return [
    ...fc.sample(graphArb(false), { seed: SEED, numRuns: NUM_GRAPHS }),
    ...fc.sample(graphArb(true), { seed: SEED + 1, numRuns: NUM_REQUIRE_GRAPHS }),
  ];
}

function fileName(graph, i) {
  return graph.modules[i].kind === 'esm' ? `m${i}.mjs` : `c${i}.cjs`;
}

// Source of a helper every module carries: what a read gives, or the class of the error it throws.
const SEE = 'const see = (f) => { try { const v = f(); return typeof v === "function" ? "fn:" + v.name : JSON.stringify(v); } catch (e) { return "throws:" + e.constructor.name; } };';

function esmSource(graph, i, key) {
  const m = graph.modules[i];
  const lines = [`// graph module ${i}`];
  const reads = []; // [label, expression] read at start and by peek
  for (const d of m.deps) {
    const spec = `./${fileName(graph, d.to)}`;
    const t = graph.modules[d.to];
    const j = d.to;
    switch (d.how) {
      case 'named':
        if (t.kind === 'esm') {
          lines.push(`import { v${j} as i${j}_v, f${j} as i${j}_f } from '${spec}';`);
          reads.push([`v${j}`, `i${j}_v`], [`f${j}()`, `i${j}_f()`]);
        } else {
          lines.push(`import { c${j} as i${j}_c } from '${spec}';`);
          reads.push([`c${j}`, `i${j}_c`]);
        }
        break;
      case 'ns':
        lines.push(`import * as n${j} from '${spec}';`);
        reads.push([`keys(n${j})`, `Object.keys(n${j}).join()`]);
        reads.push(t.kind === 'esm' ? [`n${j}.v${j}`, `n${j}.v${j}`] : [`n${j}.c${j}`, `n${j}.c${j}`]);
        break;
      case 'default':
        lines.push(`import d${j} from '${spec}';`);
        reads.push([`default${j}`, `d${j}`]);
        break;
      case 'star':
        lines.push(`export * from '${spec}';`);
        break;
      case 'reexport':
        lines.push(`export { v${j} as r${i}_${j}, f${j} } from '${spec}';`);
        break;
      case 'nsexport':
        lines.push(`export * as ns${i}_${j} from '${spec}';`);
        break;
      case 'bare':
        lines.push(`import '${spec}';`);
        break;
      default:
        throw new Error(`unknown import form ${d.how}`);
    }
  }
  const seen = reads.map(([label, expr]) => `'${label}=' + see(() => ${expr})`).join(` + ' ' + `) || "''";
  lines.push(SEE);
  lines.push(`const log = globalThis['${key}'];`);
  lines.push(`log.push('m${i} start ' + ${seen});`);
  lines.push(`export let v${i} = 'm${i}';`);
  lines.push(`export function f${i}() { return 'f${i}:' + v${i}; }`);
  lines.push(`export function set${i}(x) { v${i} = x; }`);
  lines.push(`export function peek${i}() { return ${seen}; }`);
  if (m.dup) lines.push(`export const dup = 'm${i}';`);
  switch (m.def) {
    case 'none': break;
    case 'fn': lines.push(`export default function () { return 'd${i}'; }`); break;
    case 'namedFn': lines.push(`export default function g${i}() { return 'g${i}'; }`); break;
    case 'class': lines.push('export default class {}'); break;
    case 'expr': lines.push(`export default 'd' + v${i};`); break;
    case 'arrow': lines.push(`export default () => ${i};`); break;
    case 'liveLocal': lines.push(`export { v${i} as default };`); break;
    default: throw new Error(`unknown default form ${m.def}`);
  }
  if (m.tla) {
    if (m.tla.ticks) lines.push(`for (let k = 0; k < ${m.tla.ticks}; k++) await null;`);
    else if (m.tla.timeout !== undefined) lines.push(`await new Promise((resolve) => setTimeout(resolve, ${m.tla.timeout}));`);
    else lines.push(`try { await Promise.reject(new Error('r${i}')); } catch (e) { log.push('m${i} caught ' + e.message); }`);
    lines.push(`log.push('m${i} resumed ' + ${seen});`);
  }
  if (m.mutate) lines.push(`v${i} += '+';`);
  lines.push(`log.push('m${i} end');`);
  return lines.join('\n') + '\n';
}

function cjsSource(graph, i, key) {
  const m = graph.modules[i];
  const lines = [`// graph module ${i}`, `'use strict';`, `const log = globalThis['${key}'];`, `log.push('c${i} start');`];
  for (const d of m.deps) {
    // require() of an ES module fails in Node's ways (top-level await in its graph, a cycle still
    // evaluating); the log records how.
    const name = fileName(graph, d.to);
    lines.push(`try { log.push('c${i} required ${name}: ' + Object.keys(require('./${name}')).join()); } catch (e) { log.push('c${i} require ${name} threw ' + e.constructor.name + ' ' + e.code); }`);
  }
  if (m.form === 'exports') {
    lines.push(`exports.c${i} = 'c${i}';`, `exports.n${i} = ${i};`);
    if (m.dup) lines.push(`exports.dup = 'c${i}';`);
    lines.push(`exports.bump${i} = function () { exports.n${i} += 10; exports.late${i} = true; };`);
  } else {
    lines.push(`const c${i} = 'c${i}';`, `const bump${i} = function () { module.exports.n${i} += 10; module.exports.late${i} = true; };`);
    lines.push(`module.exports = { c${i}, 'n${i}': ${i}, bump${i}${m.dup ? `, dup: 'c${i}'` : ''} };`);
  }
  lines.push(`log.push('c${i} end');`);
  return lines.join('\n') + '\n';
}

// The files of graph number `id`: { name: source }. The log array lives at globalThis[key].
function logKey(id) {
  return `__esmGraphLog${id}`;
}

function sources(graph, id) {
  const files = {};
  graph.modules.forEach((m, i) => {
    files[fileName(graph, i)] = m.kind === 'esm' ? esmSource(graph, i, logKey(id)) : cjsSource(graph, i, logKey(id));
  });
  return files;
}

// FNV-1a over the files, so a test can check that files on disk came from the same graphs.
function hashSources(files) {
  let h = 0x811c9dc5;
  for (const name of Object.keys(files).sort()) {
    const s = name + '\0' + files[name] + '\0';
    for (let k = 0; k < s.length; k++) {
      h ^= s.charCodeAt(k);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16);
}

// A JSON-able picture of a value: functions by name, namespaces and objects by their entries (two
// levels deep, as `export * as` can make namespaces contain each other), a throwing read by its class.
function describe(value, depth) {
  if (value === undefined) return { undefined: true };
  if (typeof value === 'function') return `fn:${value.name}`;
  if (value === null || typeof value !== 'object') return value;
  const isNs = Object.prototype.toString.call(value) === '[object Module]';
  const keys = Object.keys(value);
  if (depth === 0) return { [isNs ? 'ns' : 'obj']: keys };
  return {
    [isNs ? 'ns' : 'obj']: keys.map((k) => {
      try {
        return [k, describe(value[k], depth - 1)];
      } catch (e) {
        return [k, `throws:${e.constructor.name}`];
      }
    }),
  };
}

function rejection(e) {
  return { rejected: e && e.constructor ? e.constructor.name : typeof e, code: e && e.code, message: e && e.message };
}

// Runs graph `id` whose files are in `dir`; returns what was observed. Each graph runs once per
// process (its modules stay in the module map).
async function runGraph(graph, id, dir) {
  const key = logKey(id);
  const log = globalThis[key] = [];
  const url = (i) => 'file://' + encodeURI(`${dir}/${fileName(graph, i)}`);
  const result = { log };
  let entry;
  try {
    entry = await import(url(0));
  } catch (e) {
    result.entry = rejection(e);
    return result;
  }
  // Modules the entry does not reach run now, in index order, continuing the log.
  const spaces = [];
  for (let i = 0; i < graph.modules.length; i++) {
    log.push(`-- import ${i}`);
    try {
      spaces.push(await import(url(i)));
    } catch (e) {
      spaces.push(null);
      log.push(`rejected ${JSON.stringify(rejection(e))}`);
    }
  }
  result.same = spaces[0] === entry;
  result.namespaces = spaces.map((ns) => ns && describe(ns, 2));
  // Live bindings: set every ES module's own binding, change every CommonJS module's exports.
  graph.modules.forEach((m, i) => {
    const ns = spaces[i];
    if (!ns) return;
    if (m.kind === 'esm') ns[`set${i}`](`set${i}`);
    else ns.default[`bump${i}`]();
  });
  result.peeks = graph.modules.map((m, i) => (m.kind === 'esm' && spaces[i] ? spaces[i][`peek${i}`]() : null));
  result.after = spaces.map((ns) => ns && describe(ns, 2));
  return result;
}

module.exports = {
  SEED, NUM_GRAPHS, NUM_REQUIRE_GRAPHS, graphs, sources, hashSources, runGraph, fileName,
  fastCheckVersion: require('fast-check/package.json').version,
};
