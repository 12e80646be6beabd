'use strict';
// node:path (posix and win32), as Node 24 has it. Every expectation passes under real Node.
//
// Besides the examples below, the results of every function on ~20000 generated inputs are compared
// with a golden file written by real Node (tests/js/tools/gen-path-golden.js), read from
// ${DX_GOLDEN_DIR or build/golden}/path.json. Without the file, the generated inputs are run and
// checked against the running runtime's own results, so the test still exercises every call.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const path = require('path');
const gen = require('./tools/gen-path-golden.js');

// [flavour, function, arguments, Node 24's result], with process.cwd() === '/'.
const examples = [
  ["posix", "normalize", ["/foo/bar//baz/asdf/quux/.."], "/foo/bar/baz/asdf"],
  ["posix", "normalize", [""], "."],
  ["posix", "normalize", ["./"], "./"],
  ["posix", "normalize", ["../a/../../b/"], "../../b/"],
  ["posix", "normalize", ["//a//b"], "/a/b"],
  ["posix", "normalize", ["/.."], "/"],
  ["posix", "join", ["/foo","bar","baz/asdf","quux",".."], "/foo/bar/baz/asdf"],
  ["posix", "join", ["a","","b"], "a/b"],
  ["posix", "join", ["",""], "."],
  ["posix", "join", ["/","..","a"], "/a"],
  ["posix", "resolve", ["/foo/bar","./baz"], "/foo/bar/baz"],
  ["posix", "resolve", ["/foo/bar","/tmp/file/"], "/tmp/file"],
  ["posix", "resolve", ["a","../..","b"], "/b"],
  ["posix", "resolve", [], "/"],
  ["posix", "resolve", [""], "/"],
  ["posix", "relative", ["/data/orandea/test/aaa","/data/orandea/impl/bbb"], "../../impl/bbb"],
  ["posix", "relative", ["/a/b","/a/b/c/d"], "c/d"],
  ["posix", "relative", ["/a/b/c","/a"], "../.."],
  ["posix", "relative", ["/","/x"], "x"],
  ["posix", "relative", ["/x","/"], ".."],
  ["posix", "relative", ["/a/bc","/a/b"], "../b"],
  ["posix", "dirname", ["/a/b/c"], "/a/b"],
  ["posix", "dirname", ["/a/b/c/"], "/a/b"],
  ["posix", "dirname", ["a"], "."],
  ["posix", "dirname", ["/"], "/"],
  ["posix", "dirname", ["//a"], "//"],
  ["posix", "dirname", ["a//b"], "a/"],
  ["posix", "basename", ["/foo/bar/baz/asdf/quux.html"], "quux.html"],
  ["posix", "basename", ["/foo/bar/baz/asdf/quux.html",".html"], "quux"],
  ["posix", "basename", ["aaa/bbb","bbb"], "bbb"],
  ["posix", "basename", ["aaa/bbb","b"], "bb"],
  ["posix", "basename", ["/x/b/","ab"], "b/"],
  ["posix", "basename", ["/","y"], "/"],
  ["posix", "basename", ["file.js/",".js"], "file"],
  ["posix", "basename", ["a\\b"], "a\\b"],
  ["posix", "extname", ["index.html"], ".html"],
  ["posix", "extname", ["index.coffee.md"], ".md"],
  ["posix", "extname", ["index."], "."],
  ["posix", "extname", ["index"], ""],
  ["posix", "extname", [".index"], ""],
  ["posix", "extname", [".index.md"], ".md"],
  ["posix", "extname", [".."], ""],
  ["posix", "extname", ["..."], "."],
  ["posix", "extname", ["a/b.c/"], ".c"],
  ["posix", "extname", ["a.."], "."],
  ["posix", "parse", ["/home/user/dir/file.txt"], {"root":"/","dir":"/home/user/dir","base":"file.txt","ext":".txt","name":"file"}],
  ["posix", "parse", ["/.."], {"root":"/","dir":"/","base":"..","ext":".","name":"."}],
  ["posix", "parse", ["./x.y"], {"root":"","dir":".","base":"x.y","ext":".y","name":"x"}],
  ["posix", "parse", ["//"], {"root":"/","dir":"/","base":"","ext":"","name":""}],
  ["posix", "parse", [".a"], {"root":"","dir":"","base":".a","ext":"","name":".a"}],
  ["posix", "isAbsolute", ["/x"], true],
  ["posix", "isAbsolute", ["x/"], false],
  ["posix", "isAbsolute", [""], false],
  ["posix", "toNamespacedPath", ["a/b"], "a/b"],
  ["posix", "format", [{"root":"/ignored","dir":"/home/user/dir","base":"file.txt"}], "/home/user/dir/file.txt"],
  ["posix", "format", [{"root":"/","base":"file.txt","ext":"ignored"}], "/file.txt"],
  ["posix", "format", [{"root":"/","name":"file","ext":".txt"}], "/file.txt"],
  ["posix", "format", [{"name":"file","ext":"txt"}], "file.txt"],
  ["posix", "format", [{}], ""],
  ["win32", "normalize", ["C:\\temp\\\\foo\\bar\\..\\"], "C:\\temp\\foo\\"],
  ["win32", "normalize", ["C:////temp\\\\/\\/\\/foo/bar"], "C:\\temp\\foo\\bar"],
  ["win32", "normalize", ["\\\\server\\share"], "\\\\server\\share\\"],
  ["win32", "normalize", ["//server/share/dir/../x"], "\\\\server\\share\\x"],
  ["win32", "normalize", ["c:..\\a"], "c:..\\a"],
  ["win32", "normalize", ["CON:"], ".\\CON:."],
  ["win32", "normalize", ["a/CON:b"], "a\\CON:b"],
  ["win32", "normalize", ["COM1:/x"], ".\\COM1:x"],
  ["win32", "normalize", ["\\\\?\\COM1:\\x"], "\\\\?\\COM1:\\x"],
  ["win32", "normalize", ["a:b"], "a:b"],
  ["win32", "normalize", ["x/..\\C:y"], ".\\C:y"],
  ["win32", "normalize", ["CONx"], ".\\CONx"],
  ["win32", "normalize", ["/"], "\\"],
  ["win32", "join", ["//server","share"], "\\\\server\\share\\"],
  ["win32", "join", ["\\\\\\a","b"], "\\a\\b"],
  ["win32", "join", ["C:","x"], "C:\\x"],
  ["win32", "join", ["CON",":x"], "CON\\:x"],
  ["win32", "join", ["a","COM1:b/c"], "a\\COM1:b\\c"],
  ["win32", "resolve", ["C:\\a","..\\b"], "C:\\b"],
  ["win32", "resolve", ["C:x"], "C:\\x"],
  ["win32", "resolve", ["D:x"], "D:\\x"],
  ["win32", "resolve", ["c:/ignore","d:\\a/b\\c/d","\\e.exe"], "d:\\e.exe"],
  ["win32", "resolve", ["\\\\server\\share","x"], "\\\\server\\share\\x"],
  ["win32", "resolve", ["x"], "\\x"],
  ["win32", "resolve", [], "\\"],
  ["win32", "resolve", ["//./pipe/x"], "\\\\.\\pipe\\x"],
  ["win32", "relative", ["C:\\orandea\\test\\aaa","C:\\orandea\\impl\\bbb"], "..\\..\\impl\\bbb"],
  ["win32", "relative", ["C:\\","D:\\x"], "D:\\x"],
  ["win32", "relative", ["c:\\A\\b","C:\\a\\B\\c"], "c"],
  ["win32", "relative", ["\\\\s\\sh\\a","\\\\s\\sh\\b"], "..\\b"],
  ["win32", "relative", ["C:\\İx","C:\\i̇x\\y"], "y"],
  ["win32", "toNamespacedPath", ["C:\\a"], "\\\\?\\C:\\a"],
  ["win32", "toNamespacedPath", ["\\\\server\\share\\x"], "\\\\?\\UNC\\server\\share\\x"],
  ["win32", "toNamespacedPath", ["\\\\?\\C:\\a"], "\\\\?\\C:\\a"],
  ["win32", "toNamespacedPath", ["rel"], "\\rel"],
  ["win32", "toNamespacedPath", [""], ""],
  ["win32", "dirname", ["C:\\a\\b"], "C:\\a"],
  ["win32", "dirname", ["C:"], "C:"],
  ["win32", "dirname", ["C:\\"], "C:\\"],
  ["win32", "dirname", ["\\\\s\\sh"], "\\\\s\\sh"],
  ["win32", "dirname", ["\\\\s\\sh\\x"], "\\\\s\\sh\\"],
  ["win32", "dirname", ["C:x"], "C:"],
  ["win32", "basename", ["C:\\temp\\myfile.html"], "myfile.html"],
  ["win32", "basename", ["C:\\temp\\myfile.html",".html"], "myfile"],
  ["win32", "basename", ["C:"], ""],
  ["win32", "basename", ["C:/","y"], "/"],
  ["win32", "basename", ["a/b\\c"], "c"],
  ["win32", "extname", ["C:.js"], ""],
  ["win32", "extname", ["C:\\a.b\\"], ".b"],
  ["win32", "parse", ["C:\\path\\dir\\file.txt"], {"root":"C:\\","dir":"C:\\path\\dir","base":"file.txt","ext":".txt","name":"file"}],
  ["win32", "parse", ["\\\\server\\share"], {"root":"\\\\server\\share","dir":"\\\\server\\share","base":"","ext":"","name":""}],
  ["win32", "parse", ["\\\\server\\share\\f.x"], {"root":"\\\\server\\share\\","dir":"\\\\server\\share\\","base":"f.x","ext":".x","name":"f"}],
  ["win32", "parse", ["C:"], {"root":"C:","dir":"C:","base":"","ext":"","name":""}],
  ["win32", "parse", ["C:\\"], {"root":"C:\\","dir":"C:\\","base":"","ext":"","name":""}],
  ["win32", "parse", ["C:x.y"], {"root":"C:","dir":"C:","base":"x.y","ext":".y","name":"x"}],
  ["win32", "isAbsolute", ["C:"], false],
  ["win32", "isAbsolute", ["C:/"], true],
  ["win32", "isAbsolute", ["//server"], true],
  ["win32", "isAbsolute", ["\\x"], true],
  ["win32", "format", [{"dir":"C:\\path\\dir","base":"file.txt"}], "C:\\path\\dir\\file.txt"],
  ["win32", "format", [{"root":"C:\\","name":"x","ext":"js"}], "C:\\x.js"],
  ["posix", "matchesGlob", ["/foo/bar","/foo/*"], true],
  ["posix", "matchesGlob", ["/foo/bar/baz","/foo/*"], false],
  ["posix", "matchesGlob", ["a/b/c.js","**/*.js"], true],
  ["posix", "matchesGlob", [".git/x.js","**/*.js"], false],
  ["posix", "matchesGlob", ["a/.b/c","a/**/c"], false],
  ["posix", "matchesGlob", ["a","a/**"], false],
  ["posix", "matchesGlob", ["a/","a/**"], true],
  ["posix", "matchesGlob", [".a","*"], false],
  ["posix", "matchesGlob", [".a",".*"], true],
  ["posix", "matchesGlob", ["..",".*"], false],
  ["posix", "matchesGlob", ["x.js","*.{js,ts}"], true],
  ["posix", "matchesGlob", ["x3","x{1..5}"], true],
  ["posix", "matchesGlob", ["b","[!a]"], true],
  ["posix", "matchesGlob", ["a","[!a]"], false],
  ["posix", "matchesGlob", ["x","[[:alpha:]]"], true],
  ["posix", "matchesGlob", ["ab","+(a|b)"], true],
  ["posix", "matchesGlob", ["c","!(a|b)"], true],
  ["posix", "matchesGlob", ["a","!(a|b)"], false],
  ["posix", "matchesGlob", ["a/b/../c","a/c"], true],
  ["posix", "matchesGlob", ["a\\b","a/b"], false],
  ["posix", "matchesGlob", ["a/b","a\\b"], true],
  ["posix", "matchesGlob", ["",""], true],
  ["posix", "matchesGlob", ["A","a"], false],
  ["win32", "matchesGlob", ["a\\b","a/b"], true],
  ["win32", "matchesGlob", ["c:\\x\\y","C:/x/*"], true],
  ["win32", "matchesGlob", ["C:\\x","c:\\*"], true],
  ["win32", "matchesGlob", ["\\\\s\\h\\f","//s/h/*"], true],

];

function withCwd(cwd, fn) {
  const saved = process.cwd();
  process.chdir(cwd);
  try {
    return fn();
  } finally {
    process.chdir(saved);
  }
}

test('examples match Node 24', () => {
  withCwd('/', () => {
    for (const [flavour, fn, args, expected] of examples) {
      const actual = path[flavour][fn](...args);
      assert.deepStrictEqual(actual, expected, `path.${flavour}.${fn}(${JSON.stringify(args).slice(1, -1)})`);
    }
  });
});

function loadGolden() {
  let fs;
  try {
    fs = require('fs');
  } catch {
    return null;
  }
  let dir = process.env.DX_GOLDEN_DIR || 'build/golden';
  if (dir[0] !== '/') dir = `${__dirname}/../../${dir}`;
  const file = `${dir}/path.json`;
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

test('generated inputs: the same results as Node (golden file) or as this runtime', () => {
  const golden = loadGolden();
  const cases = golden ? golden.cases : gen.makeCases().map((call) => ({ call }));
  let checked = 0;
  const failures = [];
  withCwd(gen.environment.cwd, () => {
    for (const c of cases) {
      const actual = gen.run(path, c.call);
      if (golden) {
        const expected = c.error !== undefined ? { error: c.error } : { result: c.result };
        try {
          assert.deepStrictEqual(actual, expected);
        } catch {
          failures.push(`${c.call[0]}.${c.call[1]}(${JSON.stringify(c.call[2]).slice(1, -1)}): ` +
            `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
        }
      } else if (actual.error === undefined) {
        // Without a reference: each call returns what its kind of function returns.
        const [, fn] = c.call;
        const type = fn === 'isAbsolute' || fn === 'matchesGlob' ? 'boolean' : fn === 'parse' ? 'object' : 'string';
        assert.strictEqual(typeof actual.result, type, `${c.call[0]}.${fn}`);
      } else {
        assert.strictEqual(actual.error, 'SyntaxError', `${c.call[0]}.${c.call[1]} threw ${actual.error}`);
      }
      checked++;
    }
  });
  assert.deepStrictEqual(failures.slice(0, 20), [], `${failures.length} of ${checked} differ from Node`);
  assert.ok(checked > 10000);
});

test('module shape: posix here, both flavours cross-linked', () => {
  const keys = ['resolve', 'normalize', 'isAbsolute', 'join', 'relative', 'toNamespacedPath', 'dirname',
    'basename', 'extname', 'format', 'parse', 'matchesGlob', 'sep', 'delimiter', 'win32', 'posix', '_makeLong'];
  assert.deepStrictEqual(Object.keys(path), keys);
  assert.deepStrictEqual(Object.keys(path.win32), keys);
  assert.strictEqual(path, path.posix);
  assert.strictEqual(path.posix.posix, path.posix);
  assert.strictEqual(path.win32.posix, path.posix);
  assert.strictEqual(path.posix.win32, path.win32);
  assert.strictEqual(path.win32.win32, path.win32);
  assert.strictEqual(path.sep, '/');
  assert.strictEqual(path.delimiter, ':');
  assert.strictEqual(path.win32.sep, '\\');
  assert.strictEqual(path.win32.delimiter, ';');
  assert.strictEqual(path._makeLong, path.toNamespacedPath);
  assert.strictEqual(path.win32._makeLong, path.win32.toNamespacedPath);
  assert.strictEqual(require('node:path'), path);
  for (const [name, length] of [['resolve', 0], ['normalize', 1], ['isAbsolute', 1], ['join', 0], ['relative', 2],
    ['toNamespacedPath', 1], ['dirname', 1], ['basename', 2], ['extname', 1], ['format', 1], ['parse', 1],
    ['matchesGlob', 2]]) {
    assert.strictEqual(path[name].length, length, name);
    assert.strictEqual(path.win32[name].length, length, name);
  }
  assert.strictEqual(path.format.name, 'bound _format');
  assert.strictEqual(path.normalize.name, 'normalize');
});

test('path/posix and path/win32', () => {
  assert.strictEqual(require('path/posix'), path.posix);
  assert.strictEqual(require('path/win32'), path.win32);
  assert.strictEqual(require('node:path/posix'), path.posix);
});

test('arguments are validated with ERR_INVALID_ARG_TYPE', () => {
  const type = (name, received) => ({
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: `The "${name}" argument must be of type string. Received ${received}`,
  });
  for (const p of [path.posix, path.win32]) {
    assert.throws(() => p.normalize(5), type('path', 'type number (5)'));
    assert.throws(() => p.isAbsolute(null), type('path', 'null'));
    assert.throws(() => p.dirname({}), type('path', 'an instance of Object'));
    assert.throws(() => p.basename(5), type('path', 'type number (5)'));
    assert.throws(() => p.basename('a', 5), type('suffix', 'type number (5)'));
    assert.throws(() => p.basename(5, 5), type('suffix', 'type number (5)'));
    assert.throws(() => p.extname(undefined), type('path', 'undefined'));
    assert.throws(() => p.parse(true), type('path', 'type boolean (true)'));
    assert.throws(() => p.join('a', 5), type('path', 'type number (5)'));
    assert.throws(() => p.resolve('/a', 5), type('paths[1]', 'type number (5)'));
    assert.throws(() => p.relative(5, 'a'), type('from', 'type number (5)'));
    assert.throws(() => p.relative('a', 5), type('to', 'type number (5)'));
    assert.throws(() => p.matchesGlob(5, 'x'), type('path', 'type number (5)'));
    assert.throws(() => p.matchesGlob('x', 5), type('pattern', 'type number (5)'));
    for (const [value, received] of [[5, 'type number (5)'], [null, 'null'], [[], 'an instance of Array'],
      ['s', "type string ('s')"]]) {
      assert.throws(() => p.format(value), {
        code: 'ERR_INVALID_ARG_TYPE',
        message: `The "pathObject" argument must be of type object. Received ${received}`,
      });
    }
    // Not validated: toNamespacedPath returns other values as they are.
    assert.strictEqual(p.toNamespacedPath(5), 5);
  }
  // resolve only looks at arguments up to the rightmost absolute path.
  assert.strictEqual(path.posix.resolve(5, '/a'), '/a');
  assert.strictEqual(path.win32.resolve(5, 'C:\\a'), 'C:\\a');
  // On win32 an absolute path without a drive does not stop the search for one.
  assert.throws(() => path.win32.resolve(5, '\\a'), type('paths[0]', 'type number (5)'));
  assert.throws(() => path.posix.resolve(5, 'a'), type('paths[0]', 'type number (5)'));
});

test('resolve uses process.cwd()', () => {
  const cwd = process.cwd();
  assert.strictEqual(path.resolve(), cwd);
  assert.strictEqual(path.resolve('.'), cwd);
  assert.strictEqual(path.resolve('x'), cwd === '/' ? '/x' : `${cwd}/x`);
  withCwd('/tmp', () => {
    assert.strictEqual(path.resolve('a/b', '../c'), `${process.cwd()}/a/c`);
    assert.strictEqual(path.relative('/tmp/x', 'y'), '../y');
    // win32 writes the posix directory with backslashes.
    assert.strictEqual(path.win32.resolve(), process.cwd().replace(/\//g, '\\'));
    assert.strictEqual(path.win32.resolve('q'), `${process.cwd().replace(/\//g, '\\')}\\q`);
  });
});

test('win32.resolve: a drive-relative path uses the current directory when it is on that drive', () => {
  const saved = process.cwd;
  process.cwd = () => 'C:\\Users\\dx';
  try {
    assert.strictEqual(path.win32.resolve('C:x'), 'C:\\Users\\dx\\x');
    assert.strictEqual(path.win32.resolve('c:x'), 'c:\\Users\\dx\\x');
    assert.strictEqual(path.win32.resolve('D:x'), 'D:\\x');
    assert.strictEqual(path.win32.resolve('x'), 'C:\\Users\\dx\\x');
    assert.strictEqual(path.win32.resolve(), 'C:\\Users\\dx');
    assert.strictEqual(path.win32.toNamespacedPath('y'), '\\\\?\\C:\\Users\\dx\\y');
    assert.strictEqual(path.win32.relative('C:\\Users', 'z'), 'dx\\z');
  } finally {
    process.cwd = saved;
  }
});

test('win32.resolve: the per-drive directory variable (=C:) is preferred when set', () => {
  // Windows keeps per-drive directories in variables such as '=C:'. Linux cannot hold such a
  // variable in its environment, so this runs only where setting it took effect.
  const key = '=D:';
  const before = process.env[key];
  process.env[key] = 'D:\\work';
  try {
    if (process.env[key] !== 'D:\\work') return;
    assert.strictEqual(path.win32.resolve('D:x'), 'D:\\work\\x');
  } finally {
    if (before === undefined) delete process.env[key];
    else process.env[key] = before;
  }
});

test('parse and format round trip on Node\'s documented examples', () => {
  const parsed = path.parse('/home/user/dir/file.txt');
  assert.deepStrictEqual(parsed, { root: '/', dir: '/home/user/dir', base: 'file.txt', ext: '.txt', name: 'file' });
  assert.strictEqual(path.format(parsed), '/home/user/dir/file.txt');
  const w = path.win32.parse('C:\\path\\dir\\file.txt');
  assert.deepStrictEqual(w, { root: 'C:\\', dir: 'C:\\path\\dir', base: 'file.txt', ext: '.txt', name: 'file' });
  assert.strictEqual(path.win32.format(w), 'C:\\path\\dir\\file.txt');
  assert.strictEqual(Object.getPrototypeOf(parsed), Object.prototype);
});

test('matchesGlob: *, **, ?, [...], {a,b} and extglobs', () => {
  const m = path.matchesGlob;
  assert.strictEqual(m('/foo/bar', '/foo/*'), true);
  assert.strictEqual(m('/foo/bar/baz', '/foo/*'), false);
  assert.strictEqual(m('/foo/bar/baz', '/foo/**'), true);
  assert.strictEqual(m('a/b/c.js', '**/*.js'), true);
  assert.strictEqual(m('c.js', '**/*.js'), true);
  assert.strictEqual(m('ab', 'a?'), true);
  assert.strictEqual(m('abc', 'a?'), false);
  assert.strictEqual(m('b', '[a-c]'), true);
  assert.strictEqual(m('d', '[a-c]'), false);
  assert.strictEqual(m('x.ts', '*.{js,ts}'), true);
  assert.strictEqual(m('x.md', '*.{js,ts}'), false);
  assert.strictEqual(m('file10', 'file{1..10}'), true);
  assert.strictEqual(m('.hidden', '*'), false);
  assert.strictEqual(m('x', '@(x|y)'), true);
  // A pattern or path of another case does not match on Linux.
  assert.strictEqual(m('A.JS', '*.js'), false);
  // An invalid class combination is a SyntaxError, as in Node.
  assert.throws(() => m('a', '[[:alpha:]]#'), SyntaxError);
});

test('matchesGlob caches patterns without mixing up the flavours', () => {
  assert.strictEqual(path.posix.matchesGlob('a\\b', 'a/b'), false);
  assert.strictEqual(path.win32.matchesGlob('a\\b', 'a/b'), true);
  assert.strictEqual(path.posix.matchesGlob('a\\b', 'a/b'), false);
  for (let i = 0; i < 300; i++) assert.strictEqual(path.matchesGlob(`f${i}.js`, `f${i}.*`), true);
});

test('property: posix.join is normalize of the non-empty parts joined with /', () => {
  const part = fc.constantFrom('a', 'b', '.', '..', '', '/', 'x/', '/y', '//');
  fc.assert(fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
    const nonEmpty = parts.filter((p) => p !== '');
    const expected = nonEmpty.length === 0 ? '.' : path.posix.normalize(nonEmpty.join('/'));
    assert.strictEqual(path.posix.join(...parts), expected);
  }), { seed: 11, numRuns: 300 });
});

test('property: posix resolve is absolute and normalized; relative leads from one to the other', () => {
  const segment = fc.constantFrom('a', 'b', 'c', '.', '..', '');
  const p = fc.array(segment, { maxLength: 5 }).map((s) => '/' + s.join('/'));
  fc.assert(fc.property(p, p, (from, to) => {
    const r = path.posix.resolve(from);
    assert.ok(path.posix.isAbsolute(r));
    assert.strictEqual(path.posix.normalize(r), r === '/' ? '/' : r);
    const rel = path.posix.relative(from, to);
    assert.strictEqual(path.posix.resolve(from, rel), path.posix.resolve(to));
  }), { seed: 12, numRuns: 300 });
});

test('property: posix dirname + basename put back together give the path (no trailing slash)', () => {
  const name = fc.constantFrom('a', 'b.c', '.d', 'e..', 'f');
  const p = fc.tuple(fc.boolean(), fc.array(name, { minLength: 1, maxLength: 4 }))
    .map(([abs, parts]) => (abs ? '/' : '') + parts.join('/'));
  fc.assert(fc.property(p, (x) => {
    const dir = path.posix.dirname(x);
    const base = path.posix.basename(x);
    const rebuilt = dir === '.' && x[0] !== '.' ? base : path.posix.join(dir, base);
    assert.strictEqual(path.posix.normalize(rebuilt), path.posix.normalize(x));
    assert.strictEqual(path.posix.basename(x, path.posix.extname(x)) + path.posix.extname(x), base);
  }), { seed: 13, numRuns: 300 });
});
