// The Node side of the differential test: for each file listed (one path per line) in the file
// argv[2], prints one JSON line {file, keys} with the keys of the namespace Node 24 builds when an
// ES module imports it, or {file, skip} when Node does not load it as CommonJS or cannot.
//
// Node computes those keys statically, before the module runs. To read them without running
// thousands of package files, a load hook prefixes every CommonJS source with `return;` (legal at
// the top of a CommonJS module): the lexer still sees every pattern, the body never executes.
import { registerHooks } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

registerHooks({
  load(url, context, nextLoad) {
    const result = nextLoad(url, context);
    // Never run anything: an ES module (or JSON, wasm...) becomes an empty module. The CommonJS
    // loader reads re-exported files through this hook too, without a format (null).
    if (result.format === 'builtin') return result;
    if (result.format != null && result.format !== 'commonjs')
      return { format: 'module', source: 'export {};', shortCircuit: true };
    let src = result.source == null ? readFileSync(new URL(url), 'utf8') : String(result.source);
    // Keep a #! line first; put the return after it, on the same line numbers.
    let at = 0;
    if (src.startsWith('#!')) {
      at = src.search(/[\n\r]/);
      if (at < 0) at = src.length;
    }
    src = src.slice(0, at) + 'return;' + src.slice(at);
    return { ...result, source: src };
  },
});

const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const out = [];
for (const file of files) {
  try {
    const ns = await import(pathToFileURL(file).href);
    // Only CommonJS namespaces carry 'module.exports'; anything else was loaded as ESM.
    const keys = Object.keys(ns);
    if (!keys.includes('module.exports')) out.push(JSON.stringify({ file, skip: 'not commonjs' }));
    else out.push(JSON.stringify({ file, keys }));
  } catch (e) {
    out.push(JSON.stringify({ file, skip: String(e && e.message).split('\n')[0] }));
  }
}
process.stdout.write(out.join('\n') + '\n');
