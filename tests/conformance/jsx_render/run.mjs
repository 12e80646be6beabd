// Differential JSX test. Every cases/*.jsx file (a module whose default export is a component)
// is compiled by TypeScript's transpileModule (jsx: react-jsx), the reference, and by DX-JS's
// compiler (jsx_compile) with the automatic runtime, the classic runtime and development mode.
// Each output is rendered with react-dom/server's renderToStaticMarkup under Node; the HTML (or
// the error thrown) must be the same as the reference's. One extra case is generated from the
// entity table in src/compiler/parse_jsx.c, so every entity we decode is checked against
// TypeScript's decoding.
//
//   node run.mjs <path to jsx_compile> <output dir under the repository>
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const require = createRequire(path.join(root, 'package.json'));
const ts = require('typescript');
const React = require('react');
const { renderToStaticMarkup } = require('react-dom/server');

const [compiler, outArg] = process.argv.slice(2);
if (!compiler) {
  console.error('usage: run.mjs <jsx_compile> [out dir]');
  process.exit(2);
}
// Outputs must live under the repository so that `react` resolves from node_modules.
const out = path.resolve(outArg || path.join(root, 'build', 'jsx_render'));
fs.mkdirSync(out, { recursive: true });

const cases = fs.readdirSync(path.join(here, 'cases')).filter((f) => f.endsWith('.jsx')).sort()
  .map((f) => ({ name: f.slice(0, -4), file: path.join(here, 'cases', f) }));

// All entities of our table, each between markers, rendered as text and as an attribute value.
const table = fs.readFileSync(path.join(root, 'src/compiler/parse_jsx.c'), 'utf8');
const names = [...table.matchAll(/\{"([A-Za-z0-9]+)", \d+\}/g)].map((m) => m[1]);
if (names.length !== 253) {
  console.error(`expected 253 entities in parse_jsx.c, found ${names.length}`);
  process.exit(1);
}
const entFile = path.join(out, 'entities.jsx');
fs.writeFileSync(entFile, `import * as React from "react";
export default function App() {
  return <div>
${names.map((n) => `    <p title="[&${n};]">[&${n};]</p>`).join('\n')}
  </div>;
}
`);
cases.push({ name: 'entities', file: entFile });

async function render(file) {
  try {
    const mod = await import(pathToFileURL(file).href + '?' + Date.now());
    return { html: renderToStaticMarkup(React.createElement(mod.default)) };
  } catch (e) {
    return { error: String(e && e.message) };
  }
}

const variants = [
  ['automatic', []],
  ['classic', ['--classic']],
  ['development', ['--dev']],
];
let failures = 0, checks = 0;
for (const c of cases) {
  const src = fs.readFileSync(c.file, 'utf8');
  const ref = ts.transpileModule(src, {
    compilerOptions: { jsx: ts.JsxEmit.ReactJSX, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: c.name + '.jsx',
  }).outputText;
  const refFile = path.join(out, `${c.name}.ts.mjs`);
  fs.writeFileSync(refFile, ref);
  const want = await render(refFile);
  if (want.error) {
    console.error(`${c.name}: the reference itself fails: ${want.error}`);
    failures++;
    continue;
  }
  for (const [variant, flags] of variants) {
    checks++;
    let js;
    try {
      js = execFileSync(compiler, [...flags, c.file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      console.error(`${c.name} (${variant}): does not compile: ${e.stderr || e.message}`);
      failures++;
      continue;
    }
    const ourFile = path.join(out, `${c.name}.${variant}.mjs`);
    fs.writeFileSync(ourFile, js);
    const got = await render(ourFile);
    if (got.html !== want.html || got.error !== want.error) {
      console.error(`${c.name} (${variant}): differs from TypeScript's\n  want: ${want.html ?? want.error}\n  got:  ${got.html ?? got.error}\n  (outputs in ${out})`);
      failures++;
    }
  }
}
console.log(`jsx_render: ${cases.length} files, ${checks} compilations compared, ${failures} failed`);
process.exit(failures ? 1 : 0);
