'use strict';
// node:url and the URL / URLSearchParams globals, as Node 24 has them. Every expectation passes
// under real Node 24 too. Generated inputs are compared with Node in url_property.test.js; the URL
// Standard's own test data runs in tests/conformance/wpt_url.
const test = require('node:test');
const assert = require('node:assert');
const util = require('util');
const url = require('url');

process.noDeprecation = true;

test('globals: URL and URLSearchParams are the module\'s classes, non-enumerable', () => {
  assert.strictEqual(URL, url.URL);
  assert.strictEqual(URLSearchParams, url.URLSearchParams);
  assert.strictEqual(Object.keys(globalThis).includes('URL'), false);
  assert.strictEqual(Object.prototype.toString.call(new URL('http://a')), '[object URL]');
  assert.strictEqual(Object.prototype.toString.call(new URLSearchParams()), '[object URLSearchParams]');
});

test('module shape', () => {
  for (const k of ['Url', 'parse', 'resolve', 'resolveObject', 'format', 'URL', 'URLSearchParams', 'domainToASCII',
    'domainToUnicode', 'pathToFileURL', 'fileURLToPath', 'urlToHttpOptions']) {
    assert.strictEqual(typeof url[k], 'function', k);
  }
});

test('URL: components of a full URL', () => {
  const u = new URL('https://user:pa ss@EXAMPLE.com:8080/a/../b?x=1&y=2#frag');
  assert.deepStrictEqual(
    [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash],
    ['https://user:pa%20ss@example.com:8080/b?x=1&y=2#frag', 'https://example.com:8080', 'https:', 'user', 'pa%20ss',
      'example.com:8080', 'example.com', '8080', '/b', '?x=1&y=2', '#frag']);
  assert.strictEqual(u.toString(), u.href);
  assert.strictEqual(u.toJSON(), u.href);
  assert.strictEqual(JSON.stringify({ u }), `{"u":"${u.href}"}`);
});

test('URL: relative to a base, given as a string or a URL', () => {
  assert.strictEqual(new URL('../c?d', 'http://h/a/b/x').href, 'http://h/a/c?d');
  assert.strictEqual(new URL('//o/p', new URL('https://h/')).href, 'https://o/p');
  // The base must parse even when the input is absolute.
  assert.throws(() => new URL('http://abs/', 'invalid base?'), { code: 'ERR_INVALID_URL' });
});

test('URL: invalid input throws ERR_INVALID_URL with input and base', () => {
  assert.throws(() => new URL('nope'), (e) => e instanceof TypeError && e.code === 'ERR_INVALID_URL' &&
    e.message === 'Invalid URL' && e.input === 'nope' && !('base' in e));
  assert.throws(() => new URL('x', 'bad'), (e) => e.code === 'ERR_INVALID_URL' && e.input === 'x' && e.base === 'bad');
  assert.throws(() => new URL(), { code: 'ERR_MISSING_ARGS', message: 'The "url" argument must be specified' });
  assert.throws(() => new URL(Symbol('s')), TypeError);
  assert.throws(() => new URL('http://[::1/'), { code: 'ERR_INVALID_URL' });
});

test('URL.canParse and URL.parse', () => {
  assert.strictEqual(URL.canParse('http://x'), true);
  assert.strictEqual(URL.canParse('x'), false);
  assert.strictEqual(URL.canParse('x', 'http://h/'), true);
  assert.strictEqual(URL.parse('x'), null);
  const u = URL.parse('/p?q', 'http://h/a');
  assert.ok(u instanceof URL);
  assert.strictEqual(u.href, 'http://h/p?q');
  assert.throws(() => URL.canParse(), { code: 'ERR_MISSING_ARGS' });
  assert.deepStrictEqual(Object.keys(URL), ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']);
});

test('URL: setters follow the standard, and ignore what it ignores', () => {
  const u = new URL('http://h/p');
  u.protocol = 'https';
  u.username = 'a b';
  u.password = 'p@ss';
  u.hostname = 'EXAMPLE.org';
  u.port = '8443x';
  u.pathname = '/x y/../z';
  u.search = 'q=1 2';
  u.hash = 'h';
  assert.strictEqual(u.href, 'https://a%20b:p%40ss@example.org:8443/z?q=1%202#h');
  u.protocol = 'sc';          // special to non-special: ignored
  u.port = '99999';           // out of range: ignored
  u.host = '';                // empty host for a special URL: ignored
  assert.strictEqual(u.href, 'https://a%20b:p%40ss@example.org:8443/z?q=1%202#h');
  u.port = '443';             // the default port is dropped
  assert.strictEqual(u.port, '');
  u.search = '';
  u.hash = '';
  assert.strictEqual(u.href, 'https://a%20b:p%40ss@example.org/z');
  u.href = 'ftp://x/';
  assert.strictEqual(u.origin, 'ftp://x');
  assert.throws(() => { u.href = 'bad'; }, (e) => e.code === 'ERR_INVALID_URL' && e.input === 'bad');
  assert.strictEqual(u.href, 'ftp://x/');
});

test('URL: hosts: IPv4 forms, IPv6 compression, IDNA', () => {
  assert.strictEqual(new URL('http://0x7f.1/').host, '127.0.0.1');
  assert.strictEqual(new URL('http://0300.0250.1/').host, '192.168.0.1');
  assert.strictEqual(new URL('http://[0:0:0:0:0:ffff:7f00:1]/').host, '[::ffff:7f00:1]');
  assert.strictEqual(new URL('http://[1:0:0:2:0:0:0:3]:81/').host, '[1:0:0:2::3]:81');
  assert.strictEqual(new URL('http://Bücher.example/').host, 'xn--bcher-kva.example');
  assert.strictEqual(new URL('http://faß.de/').host, 'xn--fa-hia.de');
  assert.strictEqual(new URL('sc://Bücher/').host, 'B%C3%BCcher');
  assert.throws(() => new URL('http://1.2.3.256/'), { code: 'ERR_INVALID_URL' });
  assert.throws(() => new URL('http://a%00b/'), { code: 'ERR_INVALID_URL' });
});

test('URL: origins', () => {
  assert.strictEqual(new URL('blob:https://a.com:1/uuid').origin, 'https://a.com:1');
  assert.strictEqual(new URL('blob:file:///x').origin, 'null');
  assert.strictEqual(new URL('file:///x').origin, 'null');
  assert.strictEqual(new URL('sc://h/').origin, 'null');
  assert.strictEqual(new URL('wss://h:443/').origin, 'wss://h');
});

test('URL: getters and methods check their receiver', () => {
  const desc = Object.getOwnPropertyDescriptor(URL.prototype, 'href');
  assert.strictEqual(desc.enumerable, true);
  assert.throws(() => desc.get.call({}), TypeError);
  assert.throws(() => URL.prototype.toString.call({}), TypeError);
});

test('URL: util.inspect prints the components', () => {
  const u = new URL('https://u:p@h:1/a?b=c#d');
  assert.strictEqual(util.inspect(u), `URL {
  href: 'https://u:p@h:1/a?b=c#d',
  origin: 'https://h:1',
  protocol: 'https:',
  username: 'u',
  password: 'p',
  host: 'h:1',
  hostname: 'h',
  port: '1',
  pathname: '/a',
  search: '?b=c',
  searchParams: URLSearchParams { 'b' => 'c' },
  hash: '#d'
}`);
  assert.strictEqual(util.inspect({ u }, { depth: 0 }), '{ u: URL {} }');
});

test('URLSearchParams: construction from a string, pairs, a record', () => {
  assert.deepStrictEqual([...new URLSearchParams('?a=1&b=2&a=3')], [['a', '1'], ['b', '2'], ['a', '3']]);
  assert.deepStrictEqual([...new URLSearchParams('a+b=c+d&=&e&&%zz=%C3%A9')],
    [['a b', 'c d'], ['', ''], ['e', ''], ['%zz', 'é']]);
  assert.deepStrictEqual([...new URLSearchParams([['x', 1], new Set(['y', 'z'])])], [['x', '1'], ['y', 'z']]);
  assert.deepStrictEqual([...new URLSearchParams({ a: 1, b: [2, 3] })], [['a', '1'], ['b', '2,3']]);
  assert.deepStrictEqual([...new URLSearchParams(new URLSearchParams('q=1'))], [['q', '1']]);
  assert.deepStrictEqual([...new URLSearchParams('a=\ud800')], [['a', '\ufffd']]);
  assert.throws(() => new URLSearchParams([['a']]),
    { code: 'ERR_INVALID_TUPLE', message: 'Each query pair must be an iterable [name, value] tuple' });
  assert.throws(() => new URLSearchParams([1]), { code: 'ERR_INVALID_TUPLE' });
  assert.throws(() => new URLSearchParams({ [Symbol.iterator]: 1 }),
    { code: 'ERR_ARG_NOT_ITERABLE', message: 'Query pairs must be iterable' });
});

test('URLSearchParams: methods', () => {
  const p = new URLSearchParams('b=2&a=1&b=3');
  assert.strictEqual(p.get('b'), '2');
  assert.strictEqual(p.get('zz'), null);
  assert.deepStrictEqual(p.getAll('b'), ['2', '3']);
  assert.strictEqual(p.has('a'), true);
  assert.strictEqual(p.has('b', '3'), true);
  assert.strictEqual(p.has('b', '4'), false);
  assert.strictEqual(p.size, 3);
  p.append('c', 'x y');
  p.set('b', '9');
  assert.strictEqual(p.toString(), 'b=9&a=1&c=x+y');
  p.delete('c', 'nope');
  assert.strictEqual(p.size, 3);
  p.delete('c');
  p.append('a', '0');
  p.sort();
  assert.strictEqual(`${p}`, 'a=1&a=0&b=9');
  const seen = [];
  p.forEach(function (v, k, self) { seen.push([k, v, self === p, this]); }, 7);
  assert.deepStrictEqual(seen, [['a', '1', true, 7], ['a', '0', true, 7], ['b', '9', true, 7]]);
  assert.deepStrictEqual([...p.keys()], ['a', 'a', 'b']);
  assert.deepStrictEqual([...p.values()], ['1', '0', '9']);
  assert.throws(() => p.append('x'), { code: 'ERR_MISSING_ARGS', message: 'The "name" and "value" arguments must be specified' });
  assert.throws(() => p.get(), { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => p.forEach(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => URLSearchParams.prototype.get.call({}, 'a'), { code: 'ERR_INVALID_THIS' });
});

test('URLSearchParams: sort is stable and orders by UTF-16 code units', () => {
  const p = new URLSearchParams([['z', '1'], ['\ufb03', '2'], ['\ud83c\udf08', '3'], ['z', '0'], ['a', '4']]);
  p.sort();
  assert.deepStrictEqual([...p.keys()], ['a', 'z', 'z', '\ud83c\udf08', '\ufb03']);
  assert.deepStrictEqual(p.getAll('z'), ['1', '0']);
});

test('URLSearchParams: serialising encodes everything but *-._ and turns spaces into +', () => {
  const p = new URLSearchParams();
  p.append('a b&c=d', "!'()~é+%");
  assert.strictEqual(p.toString(), 'a+b%26c%3Dd=%21%27%28%29%7E%C3%A9%2B%25');
});

test('URLSearchParams: iterators are live and print their remaining entries', () => {
  const p = new URLSearchParams('a=1&b=2');
  const it = p.entries();
  assert.strictEqual(util.inspect(it), "URLSearchParams Iterator { [ 'a', '1' ], [ 'b', '2' ] }");
  assert.deepStrictEqual(it.next(), { value: ['a', '1'], done: false });
  p.append('c', '3');
  assert.strictEqual(util.inspect(it), "URLSearchParams Iterator { [ 'b', '2' ], [ 'c', '3' ] }");
  assert.deepStrictEqual([...it], [['b', '2'], ['c', '3']]);
  assert.strictEqual(util.inspect(p.keys()), "URLSearchParams Iterator { 'a', 'b', 'c' }");
  assert.strictEqual(Object.prototype.toString.call(it), '[object URLSearchParams Iterator]');
  assert.strictEqual(p[Symbol.iterator], p.entries);
});

test('URLSearchParams: util.inspect', () => {
  assert.strictEqual(util.inspect(new URLSearchParams()), 'URLSearchParams {}');
  assert.strictEqual(util.inspect(new URLSearchParams('a=1&b=x')), "URLSearchParams { 'a' => '1', 'b' => 'x' }");
  const long = new URLSearchParams({ aaaaaaaaaaaaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbbbbbbb', cccccccccccccccccccc: 'ddddddddddddddddddddd' });
  assert.strictEqual(util.inspect(long), "URLSearchParams {\n  'aaaaaaaaaaaaaaaaaaaa' => 'bbbbbbbbbbbbbbbbbbbbbbbbb',\n  'cccccccccccccccccccc' => 'ddddddddddddddddddddd' }");
});

test('searchParams is live in both directions', () => {
  const u = new URL('http://h/?a=1');
  const p = u.searchParams;
  assert.strictEqual(u.searchParams, p);
  p.append('b', 'x y');
  assert.strictEqual(u.href, 'http://h/?a=1&b=x+y');
  p.delete('a');
  p.delete('b');
  assert.strictEqual(u.href, 'http://h/');
  u.search = '?z=9';
  assert.deepStrictEqual([...p], [['z', '9']]);
  u.href = 'http://o/?q=2';
  assert.strictEqual(p.get('q'), '2');
  const o = new URL('sc:opaque ?x#y');
  o.searchParams.delete('x');
  assert.strictEqual(o.href, 'sc:opaque%20#y');
});

test('domainToASCII and domainToUnicode', () => {
  assert.strictEqual(url.domainToASCII('español.com'), 'xn--espaol-zwa.com');
  assert.strictEqual(url.domainToASCII('xn--iñvalid.com'), '');
  assert.strictEqual(url.domainToASCII('0x7f.1'), '127.0.0.1');
  assert.strictEqual(url.domainToUnicode('xn--espaol-zwa.com'), 'español.com');
  assert.strictEqual(url.domainToUnicode('xn--iñvalid.com'), '');
  assert.throws(() => url.domainToASCII(), { code: 'ERR_MISSING_ARGS' });
});

test('fileURLToPath', () => {
  assert.strictEqual(url.fileURLToPath('file:///tmp/a%20b%E2%82%AC'), '/tmp/a b€');
  assert.strictEqual(url.fileURLToPath(new URL('file://localhost/x')), '/x');
  assert.strictEqual(url.fileURLToPath('file:///C:/a%20b', { windows: true }), 'C:\\a b');
  assert.strictEqual(url.fileURLToPath('file://srv/sh/x', { windows: true }), '\\\\srv\\sh\\x');
  assert.throws(() => url.fileURLToPath('file:///a%2fb'),
    { code: 'ERR_INVALID_FILE_URL_PATH', message: 'File URL path must not include encoded / characters' });
  assert.throws(() => url.fileURLToPath('file://host/a'),
    { code: 'ERR_INVALID_FILE_URL_HOST', message: `File URL host must be "localhost" or empty on ${process.platform}` });
  assert.throws(() => url.fileURLToPath('file:///a', { windows: true }),
    { code: 'ERR_INVALID_FILE_URL_PATH', message: 'File URL path must be absolute' });
  assert.throws(() => url.fileURLToPath('http://x'), { code: 'ERR_INVALID_URL_SCHEME', message: 'The URL must be of scheme file' });
  assert.throws(() => url.fileURLToPath(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => url.fileURLToPath('file:///%ff'), URIError);
});

test('pathToFileURL', () => {
  assert.strictEqual(url.pathToFileURL('/a b#?%\\\n\t"<>`{}|^[];=:@!$&\'()*+,~é').href,
    'file:///a%20b%23%3F%25%5C%0A%09%22%3C%3E%60%7B%7D%7C%5E%5B%5D;=:@!$&\'()*+,%7E%C3%A9');
  assert.strictEqual(url.pathToFileURL('/tmp/').href, 'file:///tmp/');
  assert.strictEqual(url.pathToFileURL('/tmp/../x/.').href, 'file:///x');
  assert.strictEqual(url.pathToFileURL('C:\\x\\y', { windows: true }).href, 'file:///C:/x/y');
  assert.strictEqual(url.pathToFileURL('\\\\srv\\sh\\f', { windows: true }).href, 'file://srv/sh/f');
  assert.throws(() => url.pathToFileURL('\\\\srv', { windows: true }), { code: 'ERR_INVALID_ARG_VALUE' });
  const rel = url.pathToFileURL('rel/x/');
  assert.strictEqual(rel.href, `file://${process.cwd() === '/' ? '' : process.cwd()}/rel/x/`);
});

test('urlToHttpOptions', () => {
  const o = url.urlToHttpOptions(new URL('https://a%20b:p@[::1]:81/p?q#h'));
  assert.deepStrictEqual({ ...o }, {
    protocol: 'https:', hostname: '::1', hash: '#h', search: '?q', pathname: '/p', path: '/p?q',
    href: 'https://a%20b:p@[::1]:81/p?q#h', port: 81, auth: 'a b:p',
  });
  assert.strictEqual(Object.getPrototypeOf(o), null);
});

test('format of a URL with options', () => {
  const u = new URL('http://a:b@xn--6qqa088eba:81/p?q#h');
  assert.strictEqual(url.format(u), 'http://a:b@xn--6qqa088eba:81/p?q#h');
  assert.strictEqual(url.format(u, { auth: false, unicode: true, search: false, fragment: false }), 'http://你好你好:81/p');
  assert.strictEqual(url.format(new URL('sc:/..//p?q')), 'sc:/.//p?q');
  assert.throws(() => url.format(1), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('legacy url.parse', () => {
  const p = url.parse('http://user:pw@Host.com:8080/p/a/t/h?query=string#hash');
  assert.ok(p instanceof url.Url);
  assert.deepStrictEqual({ ...p }, {
    protocol: 'http:', slashes: true, auth: 'user:pw', host: 'host.com:8080', port: '8080', hostname: 'host.com',
    hash: '#hash', search: '?query=string', query: 'query=string', pathname: '/p/a/t/h',
    path: '/p/a/t/h?query=string', href: 'http://user:pw@host.com:8080/p/a/t/h?query=string#hash',
  });
  assert.strictEqual(url.parse('//h/p').host, null);
  assert.strictEqual(url.parse('//h/p', false, true).host, 'h');
  assert.strictEqual(url.parse('http:\\\\h\\p?a\\b').href, 'http://h/p?a%5Cb');
  assert.strictEqual(url.parse('  http://a b/ ').href, 'http://a/%20b/');
  assert.strictEqual(url.parse('mailto:x@y.z').href, 'mailto:x@y.z');
  assert.strictEqual(url.parse('javascript:alert("1 2")').href, 'javascript:alert("1 2")');
  assert.strictEqual(url.parse('http://[::1]:80/x').hostname, '::1');
  assert.strictEqual(url.parse('http://ÉX.com/').hostname, 'xn--x-9fa.com');
  assert.strictEqual(url.parse('http://0x7f.1/').hostname, '0x7f.1');
  assert.throws(() => url.parse(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => url.parse('http://a\u0000b/'), { code: 'ERR_INVALID_URL' });
});

test('legacy url.resolve and url.format', () => {
  assert.strictEqual(url.resolve('http://a/b/c/d;p?q', '../g'), 'http://a/b/g');
  assert.strictEqual(url.resolve('http://a/b/c', '../../../x'), 'http://a/x');
  assert.strictEqual(url.resolve('/one/two/three', 'four'), '/one/two/four');
  assert.strictEqual(url.resolve('http://example.com/', '/one'), 'http://example.com/one');
  assert.strictEqual(url.resolve('http://example.com/one', '//other/x'), 'http://other/x');
  assert.strictEqual(url.resolve('mailto:a@b', 'c@d'), 'mailto:c@d');
  assert.strictEqual(url.resolve('http://a/', 'https:b'), 'https://b/');
  assert.strictEqual(url.resolve('a/b', '../../..'), '../../');
  assert.strictEqual(url.format({ protocol: 'http', host: 'a.com', pathname: 'x#y', search: 'q' }), 'http://a.com/x%23y?q');
  assert.strictEqual(url.format({ protocol: 'file', pathname: '/x' }), 'file:///x');
  assert.strictEqual(url.format({ hostname: '::1', port: 8 }), '[::1]:8');
  assert.strictEqual(url.format({ slashes: true, host: 'h', pathname: 'x' }), '//h/x');
  assert.strictEqual(url.format({ auth: 'a b:c@d', host: 'h' }), 'a%20b:c%40d@h');
  assert.strictEqual(url.format('http://a/b c'), 'http://a/b%20c');
  const o = url.resolveObject('http://a/b', '?x');
  assert.strictEqual(o.href, 'http://a/b?x');
});

test('a Symbol where a string is expected: TypeError with V8\'s message', () => {
  const msg = /^TypeError: Cannot convert a Symbol value to a string$/;
  assert.throws(() => new URL(Symbol('x')), (e) => msg.test(String(e)));
  assert.throws(() => new URLSearchParams({ [Symbol('k')]: 'a' }), (e) => msg.test(String(e)));
  assert.throws(() => new URLSearchParams().append(Symbol('k'), 'v'), (e) => msg.test(String(e)));
  assert.throws(() => { new URL('http://a').pathname = Symbol('p'); }, (e) => msg.test(String(e)));
});

test('url.searchParams: the pairs of url.search, as URLSearchParams parses them', () => {
  const fc = require('fast-check');
  const piece = fc.constantFrom('a', 'b', '=', '&', '&&', '%', '%20', '%zz', '+', ' ', 'é', '?', '#x', '\'', '==');
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
    const u = new URL(`https://h/p?${parts.join('')}`);
    assert.deepStrictEqual([...u.searchParams], [...new URLSearchParams(u.search)]);
    assert.strictEqual(u.searchParams.toString(), new URLSearchParams(u.search).toString());
  }), { seed: 5, numRuns: 500 });
  // Many pairs without '=': every name gets an empty value (and the parse stays linear).
  const many = new URL(`https://h/?${'k&'.repeat(20000)}last=1`).searchParams;
  assert.strictEqual(many.size, 20001);
  assert.strictEqual(many.get('last'), '1');
  assert.strictEqual(many.get('k'), '');
  // Longer lists than fit in one batch, decoded: every pair, in order.
  for (const count of [31, 32, 33, 100]) {
    const sp = new URLSearchParams(Array.from({ length: count }, (_, i) => `k${i}=%41+${i}`).join('&'));
    assert.strictEqual(sp.size, count);
    assert.deepStrictEqual([...sp.keys()], Array.from({ length: count }, (_, i) => `k${i}`));
    assert.strictEqual(sp.get(`k${count - 1}`), `A ${count - 1}`);
  }
});

test('URL: common shapes parse as Node parses them (the parser\'s fast path)', () => {
  const cases = [
    ['https://EXAMPLE.com:443/a/./b/../c?x=1 2#f g', undefined, 'https://example.com/a/c?x=1%202#f%20g'],
    ['http://u:p:q@h:08080/', undefined, 'http://u:p%3Aq@h:8080/'],
    ['http://[0:0::1]:80/x', undefined, 'http://[::1]/x'],
    ['http://0x7f.1/', undefined, 'http://127.0.0.1/'],
    ['http://bücher.example/ü?ü#ü', undefined, 'http://xn--bcher-kva.example/%C3%BC?%C3%BC#%C3%BC'],
    ['file:///home/u/../x.js', undefined, 'file:///home/x.js'],
    ['../img/1.png?v=1', 'https://h/static/css/site.css', 'https://h/static/img/1.png?v=1'],
    ['/abs', 'https://u@h:81/a/b?q#f', 'https://u@h:81/abs'],
    ['', 'https://h/a?q#f', 'https://h/a?q'],
    ['#g', 'https://h/a?q#f', 'https://h/a?q#g'],
  ];
  for (const [input, base, href] of cases) {
    assert.strictEqual(new URL(input, base).href, href, `${input} against ${base}`);
    assert.strictEqual(URL.canParse(input, base), true);
  }
  assert.strictEqual(new URL('http://h/a\\b').pathname, '/a/b');
  assert.strictEqual(URL.canParse('http://h:65536/'), false);
  assert.strictEqual(URL.canParse('http://[::1]x/'), false);
});

test('URL: the same bases and hosts again give the same results (recent ones are remembered)', () => {
  // More distinct bases than are remembered, cycled, with an invalid one among them: every parse
  // must give what a first parse gives.
  const bases = [];
  for (let i = 0; i < 40; i++) bases.push(`https://h${i}.bücher.example/dir${i}/file.html?q#f`);
  bases.push('not a base');
  const want = (i, base) => base === 'not a base' ? null :
    `https://h${i}.xn--bcher-kva.example/dir${i}/img/${i}.png?v=${i}`;
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < bases.length; i++) {
      const base = round === 2 ? `${bases[i]}` : bases[i];   // the same content in a new string too
      const input = `img/${i}.png?v=${i}`;
      if (want(i, base) === null) {
        assert.throws(() => new URL(input, base), (e) => e.code === 'ERR_INVALID_URL' && e.input === input &&
          e.base === base);
        assert.strictEqual(URL.parse(input, base), null);
        assert.strictEqual(URL.canParse(input, base), false);
      } else {
        assert.strictEqual(new URL(input, base).href, want(i, base));
        assert.strictEqual(URL.parse(input, base).href, want(i, base));
        assert.strictEqual(new URL('https://other/x', base).href, 'https://other/x');
      }
    }
  }
  // Hosts that need IDNA or the IPv4 parser, many times and mixed, failures included.
  const hosts = [['bücher.example', 'xn--bcher-kva.example'], ['XN--BCHER-KVA.example', 'xn--bcher-kva.example'],
    ['0x7f.1', '127.0.0.1'], ['ex%41mple.com', 'example.com'], ['ex%20ample.com', null], ['1.2.3.4.5', null],
    ['１２７.0.0.1', '127.0.0.1']];
  for (let round = 0; round < 3; round++) {
    for (const [host, ascii] of hosts) {
      const u = URL.parse(`http://${host}/p`);
      assert.strictEqual(u === null ? null : u.hostname, ascii, host);
    }
  }
});

test('URL: an input already in serialized form is its own href', () => {
  for (const s of ['https://example.com/a/b?c=d#e', 'file:///home/u/x.js', 'http://[::1]:8080/', 'ws://h/',
    'blob:https://h/x', 'sc:opaque?q']) {
    const u = new URL(s);
    assert.strictEqual(u.href, s);
    assert.strictEqual(u.toString(), s);
    assert.strictEqual(`${u.protocol}//${u.host}${u.pathname}${u.search}${u.hash}` === s || u.protocol === 'blob:' ||
      u.protocol === 'sc:', true);
  }
});

test('URL: accessors on a receiver that is not a URL throw Node\'s TypeErrors', () => {
  const get = (name) => Object.getOwnPropertyDescriptor(URL.prototype, name).get;
  const set = (name) => Object.getOwnPropertyDescriptor(URL.prototype, name).set;
  const notURL = { name: 'TypeError', message: 'Receiver must be an instance of class URL' };
  for (const bad of [{}, 1, 'http://h/', Object.create(URL.prototype)]) {
    assert.throws(() => get('href').call(bad), notURL);
    assert.throws(() => get('search').call(bad), notURL);
    assert.throws(() => URL.prototype.toString.call(bad), notURL);
    assert.throws(() => URL.prototype.toJSON.call(bad), notURL);
    for (const name of ['origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'hash']) {
      assert.throws(() => get(name).call(bad), {
        name: 'TypeError', message: 'Cannot read private member #context from an object whose class did not declare it',
      }, name);
    }
    for (const name of ['href', 'protocol', 'pathname', 'search', 'hash']) {
      assert.throws(() => set(name).call(bad, 'x'), {
        name: 'TypeError', message: 'Cannot read private member #context from an object whose class did not declare it',
      }, name);
    }
  }
  class Sub extends URL {}
  const s = new Sub('http://h/p?q');
  assert.strictEqual(s.pathname, '/p');
  assert.strictEqual(s.search, '?q');
});
