'use strict';
// CommonJS module resolution as Node 24 does it: require / require.resolve on relative, absolute and
// bare requests; extensions, directories and package.json "main"; the node_modules walk; package
// "exports" and "imports"; self-reference; symlinks; require.resolve's `paths`; resolution errors.
// Every expectation was checked against real Node 24 (the oracle).
//
// Fixtures live in fixtures/resolve/. Each fixture module's value names its own file relative to that
// directory, so a test can check both the resolved path and what was loaded. The fx_user.js /
// fx_deep.js helpers expose `req` and `resolve` so that a request can be made from inside a package.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = (() => { try { return require('fs'); } catch { return null; } })();

const R = path.join(__dirname, 'fixtures', 'resolve');
const at = (...parts) => path.join(R, ...parts);

const deep = require('./fixtures/resolve/walk/a/b/c/fx_deep.js');
const ex = require('./fixtures/resolve/ex/fx_user.js');
const self = require('./fixtures/resolve/self/lib/deeper/fx_user.js');
const selfNoExports = require('./fixtures/resolve/self_noexp/fx_user.js');
const imp = require('./fixtures/resolve/imp/src/deep/fx_user.js');

const EX_NM = at('ex', 'node_modules');
const IMP_USER = at('imp', 'src', 'deep', 'fx_user.js');
const IMP_PKG = at('imp', 'package.json');

// `fn` must throw MODULE_NOT_FOUND for `request`, with the require stack starting at `stack`.
function assertNotFound(fn, request, stack) {
  assert.throws(fn, (err) => {
    assert.strictEqual(err.code, 'MODULE_NOT_FOUND');
    const lines = err.message.split('\n');
    assert.strictEqual(lines[0], `Cannot find module '${request}'`);
    assert.strictEqual(lines[1], 'Require stack:');
    assert.ok(Array.isArray(err.requireStack), 'requireStack is an array');
    assert.deepStrictEqual(err.requireStack.slice(0, stack.length), stack);
    assert.deepStrictEqual(lines.slice(2, 2 + stack.length), stack.map((f) => `- ${f}`));
    return true;
  });
}

function notExported(pkgDir, subpath) {
  return {
    code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    message: `Package subpath '${subpath}' is not defined by "exports" in ${path.join(pkgDir, 'package.json')}`,
  };
}

function invalidExportsTarget(pkgDir, target, key, mustStartWithDotSlash) {
  return {
    code: 'ERR_INVALID_PACKAGE_TARGET',
    message: `Invalid "exports" target ${JSON.stringify(target)} defined for '${key}' in the package config ` +
      `${path.join(pkgDir, 'package.json')}` + (mustStartWithDotSlash ? '; targets must start with "./"' : ''),
  };
}

function importNotDefined(specifier) {
  return {
    code: 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
    message: `Package import specifier "${specifier}" is not defined in package ${IMP_PKG} imported from ${IMP_USER}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Relative and absolute requests

test('a ./ request is resolved against the requiring file and gets .js appended', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/fx_plain'), at('fx_plain.js'));
  assert.strictEqual(require('./fixtures/resolve/fx_plain'), 'fx_plain.js');
});

test('a ../ request climbs from the requiring file\'s directory', () => {
  assert.strictEqual(require.resolve('../js/fixtures/resolve/fx_plain.js'), at('fx_plain.js'));
  assert.strictEqual(require('../js/fixtures/resolve/fx_plain'), 'fx_plain.js');
});

test('. and .. segments inside a relative request are normalised', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/../ext/./../fx_plain'), at('fx_plain.js'));
  assert.strictEqual(require.resolve('./fixtures//resolve/fx_plain.js'), at('fx_plain.js'));
});

test('an absolute path is used as is, with or without the extension', () => {
  assert.strictEqual(require.resolve(at('fx_plain.js')), at('fx_plain.js'));
  assert.strictEqual(require.resolve(at('fx_plain')), at('fx_plain.js'));
  assert.strictEqual(require(at('fx_plain')), 'fx_plain.js');
});

test('an absolute directory path loads its index.js', () => {
  assert.strictEqual(require.resolve(at('dirs', 'no_pkg')), at('dirs', 'no_pkg', 'index.js'));
  assert.strictEqual(require(at('dirs', 'no_pkg')), 'dirs/no_pkg/index.js');
});

test('"." and ".." requests load the current and the parent directory', () => {
  const dots = require('./fixtures/resolve/dots/inner/fx_dots.js');
  assert.strictEqual(dots.dot, at('dots', 'inner', 'index.js'));
  assert.strictEqual(dots.dotdot, at('dots', 'index.js'));
  assert.strictEqual(dots.dotValue, 'dots/inner/index.js');
  assert.strictEqual(dots.dotdotValue, 'dots/index.js');
});

test('"./" and "../" requests are the same directories as "." and ".."', () => {
  const dots = require('./fixtures/resolve/dots/inner/fx_dots.js');
  assert.strictEqual(dots.dotSlash, at('dots', 'inner', 'index.js'));
  assert.strictEqual(dots.dotdotSlash, at('dots', 'index.js'));
});

test('a file is preferred over a directory of the same name (x.js before x/index.js)', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/ext/file_dir'), at('ext', 'file_dir.js'));
  assert.strictEqual(require('./fixtures/resolve/ext/file_dir'), 'ext/file_dir.js');
});

test('a trailing slash asks for the directory, skipping a same-named file', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/ext/file_dir/'), at('ext', 'file_dir', 'index.js'));
  assert.strictEqual(require('./fixtures/resolve/ext/file_dir/'), 'ext/file_dir/index.js');
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/no_pkg/'), at('dirs', 'no_pkg', 'index.js'));
});

test('a trailing slash after a file name does not find the file', () => {
  assertNotFound(() => require('./fixtures/resolve/fx_plain.js/'), './fixtures/resolve/fx_plain.js/', [__filename]);
  assertNotFound(() => require.resolve('./fixtures/resolve/fx_plain/'), './fixtures/resolve/fx_plain/', [__filename]);
});

// ---------------------------------------------------------------------------------------------
// Extensions

test('the exact file name is tried before any extension is appended', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/ext/exact'), at('ext', 'exact'));
  assert.strictEqual(require('./fixtures/resolve/ext/exact'), 'ext/exact');
  assert.strictEqual(require('./fixtures/resolve/ext/exact.js'), 'ext/exact.js');
});

test('.js is tried before .json', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/ext/js_json'), at('ext', 'js_json.js'));
  assert.strictEqual(require('./fixtures/resolve/ext/js_json'), 'ext/js_json.js');
  assert.strictEqual(require('./fixtures/resolve/ext/js_json.json'), 'ext/js_json.json');
});

test('.json is tried before .node', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/ext/json_node'), at('ext', 'json_node.json'));
  assert.strictEqual(require('./fixtures/resolve/ext/json_node'), 'ext/json_node.json');
});

test('a JSON file is found by extension and parsed', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/ext/data'), at('ext', 'data.json'));
  assert.deepStrictEqual(require('./fixtures/resolve/ext/data'), { kind: 'json', n: 1 });
});

test('.node is the last extension tried', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/ext/only_node'), at('ext', 'only_node.node'));
});

test('.cjs is not appended: x.cjs is found only when named', () => {
  assertNotFound(() => require('./fixtures/resolve/ext/only_cjs'), './fixtures/resolve/ext/only_cjs', [__filename]);
  assert.strictEqual(require.resolve('./fixtures/resolve/ext/only_cjs.cjs'), at('ext', 'only_cjs.cjs'));
  assert.strictEqual(require('./fixtures/resolve/ext/only_cjs.cjs'), 'ext/only_cjs.cjs');
});

test('.mjs is not appended: x.mjs is found only when named', () => {
  assertNotFound(() => require.resolve('./fixtures/resolve/ext/only_mjs'), './fixtures/resolve/ext/only_mjs', [__filename]);
  assert.strictEqual(require.resolve('./fixtures/resolve/ext/only_mjs.mjs'), at('ext', 'only_mjs.mjs'));
});

test('extensions are appended to the whole name, even one containing dots', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/ext/dotted.name'), at('ext', 'dotted.name.js'));
  assertNotFound(() => require.resolve('./fixtures/resolve/ext/dotted'), './fixtures/resolve/ext/dotted', [__filename]);
});

// ---------------------------------------------------------------------------------------------
// Directories and package.json "main"

test('package.json main with an extension is loaded instead of index.js', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/main_ext'), at('dirs', 'main_ext', 'lib', 'entry.js'));
  assert.strictEqual(require('./fixtures/resolve/dirs/main_ext'), 'dirs/main_ext/lib/entry.js');
});

test('package.json main without an extension ("./lib/entry") gets .js appended', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/main_noext'), at('dirs', 'main_noext', 'lib', 'entry.js'));
  assert.strictEqual(require('./fixtures/resolve/dirs/main_noext'), 'dirs/main_noext/lib/entry.js');
});

test('package.json main naming a directory loads that directory\'s index.js', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/main_dir'), at('dirs', 'main_dir', 'lib', 'index.js'));
  assert.strictEqual(require('./fixtures/resolve/dirs/main_dir'), 'dirs/main_dir/lib/index.js');
});

test('package.json main naming a missing file falls back to index.js', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/main_missing'), at('dirs', 'main_missing', 'index.js'));
  assert.strictEqual(require('./fixtures/resolve/dirs/main_missing'), 'dirs/main_missing/index.js');
});

test('an empty package.json main falls back to index.js', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/main_empty'), at('dirs', 'main_empty', 'index.js'));
  assert.strictEqual(require('./fixtures/resolve/dirs/main_empty'), 'dirs/main_empty/index.js');
});

test('a package.json without main falls back to index.js', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/no_main'), at('dirs', 'no_main', 'index.js'));
  assert.strictEqual(require('./fixtures/resolve/dirs/no_main'), 'dirs/no_main/index.js');
});

test('a directory without package.json loads index.js', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/no_pkg'), at('dirs', 'no_pkg', 'index.js'));
  assert.strictEqual(require('./fixtures/resolve/dirs/no_pkg'), 'dirs/no_pkg/index.js');
});

test('a directory with only index.json loads it', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/index_json'), at('dirs', 'index_json', 'index.json'));
  assert.strictEqual(require('./fixtures/resolve/dirs/index_json'), 'dirs/index_json/index.json');
});

test('index.js is preferred over index.json', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/index_order'), at('dirs', 'index_order', 'index.js'));
  assert.strictEqual(require('./fixtures/resolve/dirs/index_order'), 'dirs/index_order/index.js');
});

test('package.json main can name a JSON file, with or without its extension', () => {
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/main_json'), at('dirs', 'main_json', 'data.json'));
  assert.deepStrictEqual(require('./fixtures/resolve/dirs/main_json'), { from: 'dirs/main_json/data.json' });
  assert.strictEqual(require.resolve('./fixtures/resolve/dirs/main_json_noext'), at('dirs', 'main_json_noext', 'data.json'));
  assert.deepStrictEqual(require('./fixtures/resolve/dirs/main_json_noext'), { from: 'dirs/main_json_noext/data.json' });
});

test('a directory with neither main nor index is MODULE_NOT_FOUND', () => {
  assertNotFound(() => require('./fixtures/resolve/dirs/empty_dir'), './fixtures/resolve/dirs/empty_dir', [__filename]);
});

test('a broken main with no index.js: MODULE_NOT_FOUND naming the main and package.json', () => {
  const dir = at('dirs', 'main_broken');
  assert.throws(() => require('./fixtures/resolve/dirs/main_broken'), {
    code: 'MODULE_NOT_FOUND',
    message: `Cannot find module '${path.join(dir, 'gone.js')}'. Please verify that the package.json has a valid "main" entry`,
    path: path.join(dir, 'package.json'),
    requestPath: './fixtures/resolve/dirs/main_broken',
  });
});

test('a malformed package.json is ERR_INVALID_PACKAGE_CONFIG, also for files beside it', () => {
  const expected = {
    code: 'ERR_INVALID_PACKAGE_CONFIG',
    message: `Invalid package config ${at('dirs', 'bad_json', 'package.json')}.`,
  };
  assert.throws(() => require('./fixtures/resolve/dirs/bad_json'), expected);
  assert.throws(() => require('./fixtures/resolve/dirs/bad_json/x'), expected);
});

// ---------------------------------------------------------------------------------------------
// node_modules lookup

test('a bare request walks up to an ancestor\'s node_modules', () => {
  assert.strictEqual(deep.resolve('walkpkg'), at('walk', 'node_modules', 'walkpkg', 'index.js'));
  assert.strictEqual(deep.req('walkpkg'), 'walk/node_modules/walkpkg/index.js');
});

test('the nearest node_modules wins over one further up', () => {
  assert.strictEqual(deep.resolve('shadow'), at('walk', 'a', 'node_modules', 'shadow', 'index.js'));
  assert.strictEqual(deep.req('shadow'), 'walk/a/node_modules/shadow/index.js');
});

test('a bare request may name a file directly inside node_modules', () => {
  assert.strictEqual(deep.resolve('file_pkg'), at('walk', 'node_modules', 'file_pkg.js'));
  assert.strictEqual(deep.req('file_pkg'), 'walk/node_modules/file_pkg.js');
});

test('a scoped package @scope/pkg is found and its main loaded', () => {
  assert.strictEqual(deep.resolve('@scope/pkg'), at('walk', 'node_modules', '@scope', 'pkg', 'lib', 'main.js'));
  assert.strictEqual(deep.req('@scope/pkg'), 'walk/node_modules/@scope/pkg/lib/main.js');
});

test('a deep request into a scoped package', () => {
  assert.strictEqual(deep.resolve('@scope/pkg/other'), at('walk', 'node_modules', '@scope', 'pkg', 'other.js'));
  assert.strictEqual(deep.req('@scope/pkg/other'), 'walk/node_modules/@scope/pkg/other.js');
});

test('pkg/sub/path reaches any file of a package without exports', () => {
  assert.strictEqual(deep.resolve('walkpkg/sub/path'), at('walk', 'node_modules', 'walkpkg', 'sub', 'path.js'));
  assert.strictEqual(deep.req('walkpkg/sub/path'), 'walk/node_modules/walkpkg/sub/path.js');
});

test('pkg/sub naming a directory loads its index.js', () => {
  assert.strictEqual(deep.resolve('walkpkg/sub'), at('walk', 'node_modules', 'walkpkg', 'sub', 'index.js'));
  assert.strictEqual(deep.req('walkpkg/sub'), 'walk/node_modules/walkpkg/sub/index.js');
});

test('pkg/ with a trailing slash loads the package directory', () => {
  assert.strictEqual(deep.resolve('walkpkg/'), at('walk', 'node_modules', 'walkpkg', 'index.js'));
});

test('pkg/package.json can be required from a package without exports', () => {
  assert.strictEqual(deep.resolve('walkpkg/package.json'), at('walk', 'node_modules', 'walkpkg', 'package.json'));
  assert.deepStrictEqual(deep.req('walkpkg/package.json'), { name: 'walkpkg', version: '1.2.3' });
});

test('a package whose main is a JSON file', () => {
  assert.strictEqual(deep.resolve('jsonmain'), at('walk', 'node_modules', 'jsonmain', 'config.json'));
  assert.deepStrictEqual(deep.req('jsonmain'), { from: 'jsonmain/config.json' });
});

test('a package with a broken main and no index: MODULE_NOT_FOUND naming the main', () => {
  const dir = at('walk', 'node_modules', 'badmain');
  assert.throws(() => deep.req('badmain'), {
    code: 'MODULE_NOT_FOUND',
    message: `Cannot find module '${path.join(dir, 'missing.js')}'. Please verify that the package.json has a valid "main" entry`,
    path: path.join(dir, 'package.json'),
    requestPath: 'badmain',
  });
});

test('a package finds its own nested node_modules first, then its parents\'', () => {
  const outer = deep.req('outer');
  assert.strictEqual(outer.inner, 'walk/node_modules/outer/node_modules/inner/index.js');
  assert.strictEqual(outer.innerPath, at('walk', 'node_modules', 'outer', 'node_modules', 'inner', 'index.js'));
  assert.strictEqual(outer.walkpkg, 'walk/node_modules/walkpkg/index.js');
});

test('module.paths never contains node_modules/node_modules', () => {
  const outer = deep.req('outer');
  assert.deepStrictEqual(outer.paths.slice(0, 3), [
    at('walk', 'node_modules', 'outer', 'node_modules'),
    at('walk', 'node_modules'),
    at('node_modules'),
  ]);
  assert.ok(!outer.paths.some((p) => p.includes(`node_modules${path.sep}node_modules`)), outer.paths.join('\n'));
});

test('module.paths lists node_modules in every ancestor, down to /node_modules', () => {
  const expected = [];
  for (let dir = at('walk', 'a', 'b', 'c'); ; dir = path.dirname(dir)) {
    expected.push(dir === '/' ? '/node_modules' : path.join(dir, 'node_modules'));
    if (dir === '/') break;
  }
  assert.deepStrictEqual(deep.modulePaths, expected);
});

test('require.resolve.paths(bare) starts with module.paths', () => {
  const paths = deep.paths('anything');
  assert.deepStrictEqual(paths.slice(0, deep.modulePaths.length), deep.modulePaths);
});

test('require.resolve.paths(relative) is the requiring file\'s directory', () => {
  assert.deepStrictEqual(deep.paths('./x'), [at('walk', 'a', 'b', 'c')]);
  assert.deepStrictEqual(deep.paths('../x'), [at('walk', 'a', 'b', 'c')]);
});

test('require.resolve.paths(builtin) is null', () => {
  assert.strictEqual(deep.paths('path'), null);
  assert.strictEqual(deep.paths('node:path'), null);
});

test('a built-in name beats node_modules, but "name/" loads the package', () => {
  assert.strictEqual(deep.req('path'), path);
  assert.strictEqual(deep.resolve('path'), 'path');
  assert.strictEqual(deep.resolve('path/'), at('walk', 'node_modules', 'path', 'index.js'));
  assert.strictEqual(deep.req('path/'), 'walk/node_modules/path/index.js');
});

// ---------------------------------------------------------------------------------------------
// Package "exports"

test('exports as a string is the package entry point', () => {
  assert.strictEqual(ex.resolve('ex-string'), path.join(EX_NM, 'ex-string', 'lib', 'entry.js'));
  assert.strictEqual(ex.req('ex-string'), 'ex-string/lib/entry.js');
});

test('exports takes precedence over main and hides every other file', () => {
  // package.json has "main": "./main.js" and an index.js; neither is used.
  assert.notStrictEqual(ex.req('ex-string'), 'ex-string/main.js');
  assert.throws(() => ex.req('ex-string/lib/entry.js'), notExported(path.join(EX_NM, 'ex-string'), './lib/entry.js'));
  assert.throws(() => ex.req('ex-string/main.js'), notExported(path.join(EX_NM, 'ex-string'), './main.js'));
});

test('exports with a "." key', () => {
  assert.strictEqual(ex.resolve('ex-dot'), path.join(EX_NM, 'ex-dot', 'dot.js'));
  assert.strictEqual(ex.req('ex-dot'), 'ex-dot/dot.js');
  assert.throws(() => ex.req('ex-dot/other'), notExported(path.join(EX_NM, 'ex-dot'), './other'));
});

test('exports conditions: "require" matches, "import" and unknown conditions do not', () => {
  // { import, browser, require, default }
  assert.strictEqual(ex.resolve('ex-cond'), path.join(EX_NM, 'ex-cond', 'require.js'));
  assert.strictEqual(ex.req('ex-cond'), 'ex-cond/require.js');
});

test('exports conditions are tried in key order: "node" before "require"', () => {
  assert.strictEqual(ex.req('ex-cond-node'), 'ex-cond-node/node.js');
});

test('exports conditions are tried in key order: a leading "default" wins', () => {
  assert.strictEqual(ex.req('ex-cond-default'), 'ex-cond-default/default.js');
});

test('exports with only an "import" condition: require gets ERR_PACKAGE_PATH_NOT_EXPORTED', () => {
  const pkg = path.join(EX_NM, 'ex-cond-import', 'package.json');
  const expected = { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED', message: `No "exports" main defined in ${pkg}` };
  assert.throws(() => ex.req('ex-cond-import'), expected);
  assert.throws(() => ex.resolve('ex-cond-import'), expected);
});

test('exports: nested condition objects', () => {
  // ".": { browser, node: { import, require: { production, default } }, default }
  assert.strictEqual(ex.resolve('ex-cond-nested'), path.join(EX_NM, 'ex-cond-nested', 'node-require.js'));
  assert.strictEqual(ex.req('ex-cond-nested'), 'ex-cond-nested/node-require.js');
});

test('exports: a nested condition object that matches nothing falls through to the next key', () => {
  // "./sub": { node: { import }, default }
  assert.strictEqual(ex.req('ex-cond-nested/sub'), 'ex-cond-nested/sub-default.js');
});

test('exports: require matches the "module-sync" condition (Node 24)', () => {
  assert.strictEqual(ex.req('ex-module-sync'), 'ex-module-sync/sync.js');
});

test('exports arrays: an invalid target is skipped for the next one', () => {
  // ".": ["not-relative.js", "./ok.js"]
  assert.strictEqual(ex.resolve('ex-array'), path.join(EX_NM, 'ex-array', 'ok.js'));
  assert.strictEqual(ex.req('ex-array'), 'ex-array/ok.js');
});

test('exports arrays: a condition object that does not match is skipped', () => {
  assert.strictEqual(ex.req('ex-array/cond'), 'ex-array/cond-fallback.js');
});

test('exports arrays: a valid target naming a missing file does not fall back', () => {
  const dir = path.join(EX_NM, 'ex-array');
  assert.throws(() => ex.req('ex-array/missing'), {
    code: 'MODULE_NOT_FOUND',
    message: `Cannot find module '${path.join(dir, 'missing.js')}'`,
    path: dir,
  });
});

test('exports arrays: when every target is invalid, the last error is thrown', () => {
  assert.throws(() => ex.req('ex-array/allbad'),
    invalidExportsTarget(path.join(EX_NM, 'ex-array'), '../up.js', './allbad', true));
});

test('exports arrays: an empty array exports nothing', () => {
  assert.throws(() => ex.req('ex-array/empty'), notExported(path.join(EX_NM, 'ex-array'), './empty'));
});

test('exports subpath keys map exactly, with no extension search', () => {
  assert.strictEqual(ex.resolve('ex-sub/feature'), path.join(EX_NM, 'ex-sub', 'lib', 'feature.js'));
  assert.strictEqual(ex.req('ex-sub/feature'), 'ex-sub/lib/feature.js');
  assert.throws(() => ex.req('ex-sub/feature.js'), notExported(path.join(EX_NM, 'ex-sub'), './feature.js'));
});

test('exports: an exact subpath key beats a matching pattern', () => {
  assert.strictEqual(ex.req('ex-sub/features/special'), 'ex-sub/lib/special.js');
});

test('exports pattern "./features/*" substitutes the match, which may contain slashes', () => {
  assert.strictEqual(ex.resolve('ex-sub/features/a'), path.join(EX_NM, 'ex-sub', 'lib', 'feat', 'a.js'));
  assert.strictEqual(ex.req('ex-sub/features/a'), 'ex-sub/lib/feat/a.js');
  assert.strictEqual(ex.req('ex-sub/features/deep/b'), 'ex-sub/lib/feat/deep/b.js');
});

test('exports patterns: the more specific "./features/*.js" wins over "./features/*"', () => {
  assert.strictEqual(ex.resolve('ex-sub/features/a.js'), path.join(EX_NM, 'ex-sub', 'lib', 'featjs', 'a.js'));
  assert.strictEqual(ex.req('ex-sub/features/a.js'), 'ex-sub/lib/featjs/a.js');
});

test('exports patterns: every "*" in the target is replaced', () => {
  // "./multi/*": "./lib/multi/*/*.js"
  assert.strictEqual(ex.resolve('ex-sub/multi/m'), path.join(EX_NM, 'ex-sub', 'lib', 'multi', 'm', 'm.js'));
});

test('exports patterns with a suffix after "*"', () => {
  // "./mid/*.cjs": "./lib/mid/*.js"
  assert.strictEqual(ex.req('ex-sub/mid/q.cjs'), 'ex-sub/lib/mid/q.js');
});

test('exports: a null target excludes a subpath matched by a pattern', () => {
  // "./features/private/*": null (the file exists and "./features/*" would match it)
  assert.throws(() => ex.req('ex-sub/features/private/x'), notExported(path.join(EX_NM, 'ex-sub'), './features/private/x'));
});

test('exports: a null target excludes an exact subpath', () => {
  assert.throws(() => ex.req('ex-sub/hidden'), notExported(path.join(EX_NM, 'ex-sub'), './hidden'));
});

test('exports: an unexported subpath is ERR_PACKAGE_PATH_NOT_EXPORTED with Node\'s message', () => {
  const pkg = path.join(EX_NM, 'ex-sub', 'package.json');
  assert.throws(() => ex.req('ex-sub/x'), {
    code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    message: `Package subpath './x' is not defined by "exports" in ${pkg}`,
  });
  assert.throws(() => ex.resolve('ex-sub/x'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
});

test('exports: trailing-slash folder keys ("./dir/") are not supported', () => {
  assert.throws(() => ex.req('ex-sub/dir/feature.js'), notExported(path.join(EX_NM, 'ex-sub'), './dir/feature.js'));
});

test('exports: "pkg/" asks for the subpath "./", which is not exported', () => {
  assert.throws(() => ex.req('ex-string/'), notExported(path.join(EX_NM, 'ex-string'), './'));
});

test('exports patterns: "." or ".." segments in the match are ERR_INVALID_MODULE_SPECIFIER', () => {
  const pkg = path.join(EX_NM, 'ex-sub', 'package.json');
  const invalid = (request) => ({
    code: 'ERR_INVALID_MODULE_SPECIFIER',
    message: `Invalid module "${request}" request is not a valid match in pattern "./features/*" ` +
      `for the "exports" resolution of ${pkg}`,
  });
  assert.throws(() => ex.req('ex-sub/features/../main'), invalid('./features/../main'));
  assert.throws(() => ex.req('ex-sub/features/./a'), invalid('./features/./a'));
});

test('exports: a target outside the package ("../outside.js") is ERR_INVALID_PACKAGE_TARGET', () => {
  assert.throws(() => ex.req('ex-sub/bad'), invalidExportsTarget(path.join(EX_NM, 'ex-sub'), '../outside.js', './bad', true));
});

test('exports: a target not starting with "./" is ERR_INVALID_PACKAGE_TARGET', () => {
  assert.throws(() => ex.req('ex-sub/bare'), invalidExportsTarget(path.join(EX_NM, 'ex-sub'), 'lib/feature.js', './bare', true));
});

test('exports: a target with a node_modules or ".." segment is ERR_INVALID_PACKAGE_TARGET', () => {
  const dir = path.join(EX_NM, 'ex-sub');
  assert.throws(() => ex.req('ex-sub/deep-nm'), invalidExportsTarget(dir, './node_modules/dep/index.js', './deep-nm', false));
  assert.throws(() => ex.req('ex-sub/dotdot'), invalidExportsTarget(dir, './lib/../main.js', './dotdot', false));
});

test('exports: a valid target naming a missing file is MODULE_NOT_FOUND', () => {
  const dir = path.join(EX_NM, 'ex-sub');
  assert.throws(() => ex.req('ex-sub/missing-file'), {
    code: 'MODULE_NOT_FOUND',
    message: `Cannot find module '${path.join(dir, 'lib', 'nope.js')}'`,
    path: dir,
  });
});

test('exports: "./package.json" cannot be required unless exported', () => {
  assert.throws(() => ex.req('ex-sub/package.json'), notExported(path.join(EX_NM, 'ex-sub'), './package.json'));
  assert.strictEqual(ex.resolve('ex-pkgjson/package.json'), path.join(EX_NM, 'ex-pkgjson', 'package.json'));
  assert.strictEqual(ex.req('ex-pkgjson/package.json').version, '4.5.6');
});

test('exports mixing "." keys and condition keys is ERR_INVALID_PACKAGE_CONFIG', () => {
  const pkg = path.join(EX_NM, 'ex-mixed', 'package.json');
  assert.throws(() => ex.req('ex-mixed'), {
    code: 'ERR_INVALID_PACKAGE_CONFIG',
    message: `Invalid package config ${pkg}. "exports" cannot contain some keys starting with '.' and some not. ` +
      'The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.',
  });
});

test('exports of a scoped package', () => {
  const dir = path.join(EX_NM, '@sc', 'ex');
  assert.strictEqual(ex.resolve('@sc/ex'), path.join(dir, 'root.js'));
  assert.strictEqual(ex.req('@sc/ex/part'), '@sc/ex/part.js');
  assert.throws(() => ex.req('@sc/ex/nope'), notExported(dir, './nope'));
});

test('"exports": null is as if there were no exports', () => {
  assert.strictEqual(ex.req('ex-null'), 'ex-null/main.js');
  assert.strictEqual(ex.resolve('ex-null/main.js'), path.join(EX_NM, 'ex-null', 'main.js'));
});

// ---------------------------------------------------------------------------------------------
// Self-reference

test('a package can require itself by name through its exports', () => {
  assert.strictEqual(self.resolve('@me/selfpkg'), at('self', 'main.js'));
  assert.strictEqual(self.req('@me/selfpkg'), 'self/main.js');
  assert.strictEqual(self.resolve('@me/selfpkg/util'), at('self', 'lib', 'util.js'));
  assert.strictEqual(self.req('@me/selfpkg/util'), 'self/lib/util.js');
});

test('self-reference is limited by exports; the error names the requiring file', () => {
  assert.throws(() => self.req('@me/selfpkg/lib/hidden.js'), {
    code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    message: `Package subpath './lib/hidden.js' is not defined by "exports" in ${at('self', 'package.json')} ` +
      `imported from ${at('self', 'lib', 'deeper', 'fx_user.js')}`,
  });
});

test('a package without exports cannot require itself by name', () => {
  assertNotFound(() => selfNoExports.req('selfnoexp'), 'selfnoexp', [at('self_noexp', 'fx_user.js'), __filename]);
});

// ---------------------------------------------------------------------------------------------
// Package "imports"

test('imports: a #name mapped to a file of the package', () => {
  assert.strictEqual(imp.resolve('#internal'), at('imp', 'src', 'internal.js'));
  assert.strictEqual(imp.req('#internal'), 'imp/src/internal.js');
});

test('imports: condition objects pick "require"', () => {
  assert.strictEqual(imp.req('#cond'), 'imp/src/cond-require.js');
});

test('imports: nested condition objects', () => {
  assert.strictEqual(imp.req('#nested'), 'imp/src/nested.js');
});

test('imports: patterns, with a match that may contain slashes', () => {
  assert.strictEqual(imp.resolve('#pat/one'), at('imp', 'src', 'pat', 'one.js'));
  assert.strictEqual(imp.req('#pat/two/three'), 'imp/src/pat/two/three.js');
});

test('imports: the more specific pattern wins', () => {
  // "#pat/*.json" over "#pat/*"
  assert.strictEqual(imp.resolve('#pat/conf.json'), at('imp', 'src', 'pat', 'conf.json'));
  assert.deepStrictEqual(imp.req('#pat/conf.json'), { from: 'imp/src/pat/conf.json' });
});

test('imports: a #name mapped to a bare package name', () => {
  assert.strictEqual(imp.resolve('#dep'), at('imp', 'node_modules', 'impdep', 'index.js'));
  assert.strictEqual(imp.req('#dep'), 'imp/node_modules/impdep/index.js');
  assert.strictEqual(imp.req('#scoped'), 'imp/node_modules/@isc/dep/index.js');
});

test('imports: a pattern mapped into a bare package', () => {
  // "#dep/*": "impdep/lib/*.js"
  assert.strictEqual(imp.resolve('#dep/tool'), at('imp', 'node_modules', 'impdep', 'lib', 'tool.js'));
});

test('imports: arrays skip invalid targets', () => {
  assert.strictEqual(imp.req('#array'), 'imp/src/internal.js');
});

test('imports: an undefined #name is ERR_PACKAGE_IMPORT_NOT_DEFINED', () => {
  assert.throws(() => imp.req('#missing'), importNotDefined('#missing'));
  assert.throws(() => imp.resolve('#missing'), importNotDefined('#missing'));
});

test('imports: a null target or a condition that never matches is not defined', () => {
  assert.throws(() => imp.req('#null'), importNotDefined('#null'));
  assert.throws(() => imp.req('#importonly'), importNotDefined('#importonly'));
});

test('imports: "#" alone is ERR_INVALID_MODULE_SPECIFIER', () => {
  assert.throws(() => imp.req('#'), {
    code: 'ERR_INVALID_MODULE_SPECIFIER',
    message: `Invalid module "#" is not a valid internal imports specifier name imported from ${IMP_USER}`,
  });
});

test('imports: "#/x" is looked up like any other name (not defined here)', () => {
  assert.throws(() => imp.req('#/x'), importNotDefined('#/x'));
});

test('imports: a target outside the package is ERR_INVALID_PACKAGE_TARGET', () => {
  assert.throws(() => imp.req('#bad'), {
    code: 'ERR_INVALID_PACKAGE_TARGET',
    message: `Invalid "imports" target "../outside.js" defined for '#bad' in the package config ${IMP_PKG} ` +
      `imported from ${IMP_USER}`,
  });
});

test('imports: a #name where the nearest package.json has no imports is MODULE_NOT_FOUND', () => {
  assertNotFound(() => deep.req('#internal'), '#internal', [at('walk', 'a', 'b', 'c', 'fx_deep.js'), __filename]);
});

// ---------------------------------------------------------------------------------------------
// Symlinks (created for these tests, removed afterwards)

const SYM = at('symlink');
const links = {
  dir: path.join(SYM, 'link'),
  file: path.join(SYM, 'link_file.js'),
  nm: path.join(SYM, 'consumer', 'node_modules'),
};
function removeLinks() {
  for (const p of [links.dir, links.file, path.join(links.nm, 'linkedpkg')]) {
    try { fs.unlinkSync(p); } catch {}
  }
  try { fs.rmdirSync(links.nm); } catch {}
}

test('symlinks', { skip: !fs && 'needs fs' }, async (t) => {
  t.before(() => {
    removeLinks();
    fs.symlinkSync('real', links.dir, 'dir');
    fs.symlinkSync(path.join('real', 'fx_target.js'), links.file, 'file');
    fs.mkdirSync(links.nm);
    fs.symlinkSync(path.join('..', '..', 'real_home', 'pkg'), path.join(links.nm, 'linkedpkg'), 'dir');
  });
  t.after(removeLinks);

  await t.test('a symlinked directory resolves to its real path', () => {
    assert.strictEqual(require.resolve(links.dir), path.join(SYM, 'real', 'index.js'));
    assert.strictEqual(require(links.dir), path.join(SYM, 'real', 'index.js'));
    assert.strictEqual(require.resolve(path.join(links.dir, 'fx_target')), path.join(SYM, 'real', 'fx_target.js'));
  });

  await t.test('a module reached through a symlink is cached once, under its real path', () => {
    assert.strictEqual(require(path.join(links.dir, 'fx_target.js')), require(path.join(SYM, 'real', 'fx_target.js')));
    assert.strictEqual(require.cache[path.join(links.dir, 'fx_target.js')], undefined);
    assert.ok(require.cache[path.join(SYM, 'real', 'fx_target.js')]);
  });

  await t.test('a symlinked file resolves to its real path', () => {
    assert.strictEqual(require.resolve(links.file), path.join(SYM, 'real', 'fx_target.js'));
    assert.strictEqual(require.resolve(path.join(SYM, 'link_file')), path.join(SYM, 'real', 'fx_target.js'));
    assert.strictEqual(require(links.file), path.join(SYM, 'real', 'fx_target.js'));
  });

  await t.test('a symlinked package finds its dependencies from its real location', () => {
    const user = require('./fixtures/resolve/symlink/consumer/fx_user.js');
    const real = path.join(SYM, 'real_home', 'pkg', 'index.js');
    assert.strictEqual(user.resolve('linkedpkg'), real);
    assert.deepStrictEqual(user.req('linkedpkg'), {
      file: real,
      dep: 'symlink/real_home/node_modules/nearreal/index.js',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// require.resolve(request, { paths })

test('resolve paths: a bare request walks up from each given directory', () => {
  assert.strictEqual(require.resolve('walkpkg', { paths: [at('walk', 'a')] }), at('walk', 'node_modules', 'walkpkg', 'index.js'));
});

test('resolve paths: the first directory that has the package wins', () => {
  const paths = [at('paths', 'one'), at('paths', 'two')];
  assert.strictEqual(require.resolve('p1', { paths }), at('paths', 'one', 'node_modules', 'p1', 'index.js'));
});

test('resolve paths: later directories are searched when earlier ones lack the package', () => {
  const paths = [at('paths', 'one'), at('paths', 'two')];
  assert.strictEqual(require.resolve('p2', { paths }), at('paths', 'two', 'node_modules', 'p2', 'index.js'));
});

test('resolve paths: the requiring file\'s own node_modules are not searched', () => {
  assertNotFound(() => deep.resolve('walkpkg', { paths: [at('paths', 'one')] }), 'walkpkg',
    [at('walk', 'a', 'b', 'c', 'fx_deep.js')]);
});

test('resolve paths: relative requests are resolved against each directory in turn', () => {
  const paths = [at('paths', 'one'), at('paths', 'two')];
  assert.strictEqual(require.resolve('./fx_rel', { paths }), at('paths', 'one', 'fx_rel.js'));
  assert.strictEqual(require.resolve('./fx_rel.js', { paths: [at('paths', 'nonexistent'), at('paths', 'two')] }),
    at('paths', 'two', 'fx_rel.js'));
});

test('resolve paths: a directory that is itself node_modules', () => {
  assert.strictEqual(require.resolve('p1', { paths: [at('paths', 'two', 'node_modules')] }),
    at('paths', 'two', 'node_modules', 'p1', 'index.js'));
});

test('resolve paths: an empty list finds nothing', () => {
  assertNotFound(() => require.resolve('./fixtures/resolve/fx_plain', { paths: [] }), './fixtures/resolve/fx_plain', [__filename]);
});

test('resolve paths: built-ins are returned as is', () => {
  assert.strictEqual(require.resolve('path', { paths: [R] }), 'path');
});

// ---------------------------------------------------------------------------------------------
// MODULE_NOT_FOUND

test('a missing relative module: MODULE_NOT_FOUND, "Cannot find module", the require stack', () => {
  assertNotFound(() => require('./fixtures/resolve/no-such-file'), './fixtures/resolve/no-such-file', [__filename]);
  assertNotFound(() => require.resolve('./fixtures/resolve/no-such-file'), './fixtures/resolve/no-such-file', [__filename]);
});

test('a missing absolute path is MODULE_NOT_FOUND with the path as given', () => {
  assertNotFound(() => require(at('no', 'such', 'abs')), at('no', 'such', 'abs'), [__filename]);
});

test('MODULE_NOT_FOUND from a nested module lists every requirer, nearest first', () => {
  const thrower = require('./fixtures/resolve/notfound/fx_requires_missing.js');
  assertNotFound(thrower, './no-such-file', [at('notfound', 'fx_requires_missing.js'), __filename]);
});

test('a missing bare package is MODULE_NOT_FOUND', () => {
  const thrower = require('./fixtures/resolve/notfound/fx_requires_missing_pkg.js');
  assertNotFound(thrower, 'no-such-pkg-dx', [at('notfound', 'fx_requires_missing_pkg.js'), __filename]);
});
