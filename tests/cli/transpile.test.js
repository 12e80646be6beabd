'use strict';
// Node-only harness (needs child_process): `dx transpile` on fixtures: output, goals from file
// names and package.json, errors, source maps (inline, linked, external, input maps), and that
// transpiled code runs under Node as the original does.
// Run: DX_BIN=build/dx node --test tests/cli/
const test = require('node:test');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { SourceMapConsumer } = require('source-map');

const root = path.resolve(__dirname, '../..');
const dx = path.resolve(root, process.env.DX_BIN || 'build/dx');
const node = process.execPath;
const fixtures = path.join(__dirname, 'fixtures', 'transpile');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-transpile-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(bin, args, cwd = fixtures) {
  const r = spawnSync(bin, args, { encoding: 'utf8', cwd, timeout: 20000, maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const transpile = (...args) => run(dx, ['transpile', ...args]);

function inlineMap(code) {
  const m = /\n\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\n$/.exec(code);
  assert.ok(m, `no inline map at the end of:\n${code}`);
  return { code: code.slice(0, m.index + 1), map: JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) };
}

// Runs `code` as a file named like `name` in a fresh directory and returns Node's stdout.
function runCode(code, name) {
  const file = path.join(fs.mkdtempSync(path.join(tmp, 'run-')), name);
  fs.writeFileSync(file, code);
  const r = run(node, [file]);
  assert.strictEqual(r.code, 0, r.stderr);
  return r.stdout;
}

test('a script prints with normalised spacing and runs as the original', () => {
  const r = transpile('script.js');
  assert.strictEqual(r.code, 0, r.stderr);
  assert.strictEqual(r.stdout, [
    'var total = 0;',
    'with ({step: 2}) {',
    '  for (var i = 0; i < 5; i++)',
    '    total += step * i;',
    '}',
    'function describe(label, value) {',
    '  return label + ": " + JSON.stringify(value);',
    '}',
    'console.log(describe("total", total), 8, typeof arguments);',
    '',
  ].join('\n'));
  assert.strictEqual(r.stderr, '');
  const original = run(node, [path.join(fixtures, 'script.js')]).stdout;
  assert.strictEqual(runCode(r.stdout, 'script.js'), original);
});

test('--minify drops optional white space and still runs the same', () => {
  const r = transpile('script.js', '--minify');
  assert.strictEqual(r.code, 0, r.stderr);
  assert.strictEqual(r.stdout,
    'var total=0;with({step:2}){for(var i=0;i<5;i++)total+=step*i;}function describe(label,value){return label+": "+JSON.stringify(value);}console.log(describe("total",total),8,typeof arguments);');
  assert.strictEqual(runCode(r.stdout, 'script.js'), run(node, [path.join(fixtures, 'script.js')]).stdout);
});

test('.js follows the nearest package.json "type": module', () => {
  const r = transpile('esm-pkg/mod.js');
  assert.strictEqual(r.code, 0, r.stderr);
  assert.match(r.stdout, /^import \{readFileSync\} from "node:fs";\nexport const size = readFileSync\.length;/);
});

test('.js follows the nearest package.json "type": commonjs (import is an error)', () => {
  const r = transpile('cjs-pkg/mod.js');
  assert.strictEqual(r.code, 1);
  assert.strictEqual(r.stdout, '');
  assert.strictEqual(r.stderr, 'cjs-pkg/mod.js:1:1: Cannot use import statement outside a module\n');
});

test('--module and --script override the file name', () => {
  assert.strictEqual(transpile('cjs-pkg/mod.js', '--module').code, 0);
  const r = transpile('esm-pkg/mod.js', '--script');
  assert.strictEqual(r.code, 1);
  assert.match(r.stderr, /^esm-pkg\/mod\.js:1:1: /);
});

test('.cjs is a script whatever package.json says, .mjs a module', () => {
  const r = transpile('module_in_cjs.cjs');
  assert.strictEqual(r.code, 1);
  assert.strictEqual(r.stderr, "module_in_cjs.cjs:2:3: Unexpected token 'export'\n");
  const file = path.join(tmp, 'm.mjs');
  fs.writeFileSync(file, 'export default 1;\n');
  assert.deepStrictEqual(run(dx, ['transpile', file]), { code: 0, stdout: 'export default 1;\n', stderr: '' });
});

test('syntax errors print file:line:col: message and exit 1', () => {
  const r = transpile('syntax_error.js');
  assert.strictEqual(r.code, 1);
  assert.strictEqual(r.stdout, '');
  assert.strictEqual(r.stderr, "syntax_error.js:3:14: Unexpected token ';'\n");
});

test('usage errors exit 9; a missing file exits 1', () => {
  assert.strictEqual(transpile().code, 9);
  assert.strictEqual(transpile('script.js', '--bogus').code, 9);
  assert.strictEqual(transpile('script.js', 'other.js').code, 9);
  assert.strictEqual(transpile('script.js', '--sourcemap=weird').code, 9);
  const ext = transpile('script.js', '--sourcemap=external');
  assert.strictEqual(ext.code, 9);
  assert.match(ext.stderr, /needs --outfile/);
  const missing = transpile('no-such-file.js');
  assert.strictEqual(missing.code, 1);
  assert.match(missing.stderr, /cannot read no-such-file\.js: No such file or directory/);
  const help = transpile('--help');
  assert.strictEqual(help.code, 0);
  assert.match(help.stdout, /^Usage: dx transpile FILE/);
});

test('--sourcemap (inline on stdout): a valid map with the source and its text', async () => {
  const r = transpile('throws.js', '--sourcemap');
  assert.strictEqual(r.code, 0, r.stderr);
  const { code, map } = inlineMap(r.stdout);
  assert.strictEqual(map.version, 3);
  assert.deepStrictEqual(map.sources, ['throws.js']);
  assert.deepStrictEqual(map.sourcesContent, [fs.readFileSync(path.join(fixtures, 'throws.js'), 'utf8')]);
  assert.strictEqual(runCode(r.stdout, 'throws.js'), 'too deep: 2\n');
  // The `throw` and the `new RangeError` map back to their lines in the original.
  const c = await new SourceMapConsumer(map);
  try {
    const lines = code.split('\n');
    const at = (text) => {
      const line = lines.findIndex((l) => l.includes(text));
      return c.originalPositionFor({ line: line + 1, column: lines[line].indexOf(text) });
    };
    assert.deepStrictEqual(at('throw'), { source: 'throws.js', line: 4, column: 4, name: null });
    assert.deepStrictEqual(at('new RangeError'), { source: 'throws.js', line: 4, column: 10, name: null });
    assert.deepStrictEqual(at('level2(v)'), { source: 'throws.js', line: 9, column: 30, name: null });
  } finally {
    c.destroy();
  }
});

test('--no-sources-content leaves the text out', () => {
  const r = transpile('throws.js', '--sourcemap=inline', '--no-sources-content', '--minify');
  assert.strictEqual(r.code, 0, r.stderr);
  const { code, map } = inlineMap(r.stdout);
  assert.strictEqual(map.sourcesContent, undefined);
  assert.ok(!code.slice(0, -1).includes('\n'), 'minified code is one line, the comment another');
});

test('--outfile with linked and external maps', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'out-'));
  const out = path.join(dir, 'sub', 'throws.out.js');
  fs.mkdirSync(path.dirname(out));
  let r = transpile('throws.js', '--sourcemap', '--outfile', out);
  assert.strictEqual(r.code, 0, r.stderr);
  assert.strictEqual(r.stdout, '');
  const code = fs.readFileSync(out, 'utf8');
  assert.ok(code.endsWith('\n//# sourceMappingURL=throws.out.js.map\n'), code);
  const map = JSON.parse(fs.readFileSync(out + '.map', 'utf8'));
  assert.strictEqual(map.file, 'throws.out.js');
  // Sources are relative to the map's directory.
  assert.deepStrictEqual(map.sources, [path.relative(path.dirname(out), path.join(fixtures, 'throws.js'))]);
  assert.strictEqual(run(node, [out]).stdout, 'too deep: 2\n');

  r = transpile('throws.js', '--sourcemap=external', `--outfile=${out}`);
  assert.strictEqual(r.code, 0, r.stderr);
  assert.ok(!fs.readFileSync(out, 'utf8').includes('sourceMappingURL'));
  assert.ok(fs.existsSync(out + '.map'));

  // Node itself follows the linked map: the stack trace names the original file and line.
  transpile('throws.js', '--sourcemap=linked', '-o', out, '--minify');
  const thrower = path.join(dir, 'sub', 'thrower.js');
  fs.writeFileSync(thrower, fs.readFileSync(out, 'utf8').replace('console.log(e.message)', 'console.log(e.stack)'));
  fs.copyFileSync(out + '.map', thrower + '.map');
  fs.writeFileSync(thrower, fs.readFileSync(thrower, 'utf8').replace('throws.out.js.map', 'thrower.js.map'));
  const s = run(node, ['--enable-source-maps', thrower]);
  assert.match(s.stdout, /at level2 \(.*throws\.js:4:11\)/);
});

test('an input map (tsc output) is composed: the result points at the .ts file', async () => {
  const ts = require('typescript');
  const dir = fs.mkdtempSync(path.join(tmp, 'tsc-'));
  const tsText = 'interface P { x: number }\n\nexport function norm(p: P): number {\n  const scaled: number = p.x * 2;\n  return Math.abs(scaled);\n}\n';
  const out = ts.transpileModule(tsText, {
    fileName: 'norm.ts',
    compilerOptions: { sourceMap: true, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  fs.writeFileSync(path.join(dir, 'norm.ts'), tsText);
  fs.writeFileSync(path.join(dir, 'norm.js'), out.outputText);
  fs.writeFileSync(path.join(dir, 'norm.js.map'), out.sourceMapText);
  assert.match(out.outputText, /\/\/# sourceMappingURL=norm\.js\.map/);

  for (const args of [['--sourcemap=inline'], ['--sourcemap=inline', '--minify']]) {
    const r = run(dx, ['transpile', 'norm.js', '--module', ...args], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const { code, map } = inlineMap(r.stdout);
    assert.deepStrictEqual(map.sources, ['norm.ts']);
    const c = await new SourceMapConsumer(map);
    try {
      const lines = code.split('\n');
      const find = (text) => {
        const line = lines.findIndex((l) => l.includes(text));
        return c.originalPositionFor({ line: line + 1, column: lines[line].indexOf(text) });
      };
      // Positions in the .ts source (1-based lines, 0-based columns).
      assert.deepStrictEqual(find('norm'), { source: 'norm.ts', line: 3, column: 16, name: null });
      assert.deepStrictEqual(find('scaled'), { source: 'norm.ts', line: 4, column: 8, name: null });
      assert.deepStrictEqual(find('Math'), { source: 'norm.ts', line: 5, column: 9, name: null });
    } finally {
      c.destroy();
    }
  }

  // A broken input map is a warning, not an error: the map then points at the .js file.
  fs.writeFileSync(path.join(dir, 'norm.js.map'), '{"version":3,');
  const r = run(dx, ['transpile', 'norm.js', '--module', '--sourcemap'], dir);
  assert.strictEqual(r.code, 0);
  assert.match(r.stderr, /warning: norm\.js: ignoring its input source map: invalid source map: /);
  assert.deepStrictEqual(inlineMap(r.stdout).map.sources, ['norm.js']);
});

test('TypeScript: types erased, runtime features lowered; the map points into the .ts', async () => {
  const r = transpile('shapes.ts', '--sourcemap');
  assert.strictEqual(r.code, 0, r.stderr);
  const { code, map } = inlineMap(r.stdout);
  assert.doesNotMatch(code, /interface|: number|implements|private|readonly/);
  assert.strictEqual(runCode(r.stdout, 'shapes.js'), 'Square 9\n');
  const c = await new SourceMapConsumer(map);
  try {
    const lines = code.split('\n');
    const find = (text) => {
      const line = lines.findIndex((l) => l.includes(text));
      return c.originalPositionFor({ line: line + 1, column: lines[line].indexOf(text) });
    };
    assert.deepStrictEqual(find('reduce'), { source: 'shapes.ts', line: 10, column: 35, name: null });
    assert.deepStrictEqual(find('new Square'), { source: 'shapes.ts', line: 9, column: 50, name: null });
  } finally {
    c.destroy();
  }
});

test('TSX: JSX becomes calls of the automatic runtime', () => {
  const r = transpile('card.tsx', '--module');
  assert.strictEqual(r.code, 0, r.stderr);
  assert.strictEqual(r.stdout, [
    'import {jsx as _jsx} from "react/jsx-runtime";',
    'export function Card({title}) {',
    '  return _jsx("section", {className: "card", children: _jsx("h1", {children: title})});',
    '}',
    '',
  ].join('\n'));
});
