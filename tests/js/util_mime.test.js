'use strict';
// util.MIMEType and util.MIMEParams (generated inputs against Node's answers are in
// util_property.test.js).
const test = require('node:test');
const assert = require('node:assert');
const { MIMEType, MIMEParams, inspect } = require('node:util');

test('parses type, subtype and parameters; lower-cases what is case-insensitive', () => {
  const m = new MIMEType(' TEXT/HTML ; Charset="UTF-8";q=0.9');
  assert.strictEqual(m.type, 'text');
  assert.strictEqual(m.subtype, 'html');
  assert.strictEqual(m.essence, 'text/html');
  assert.deepStrictEqual([...m.params], [['charset', 'UTF-8'], ['q', '0.9']]);
  assert.strictEqual(String(m), 'text/html;charset=UTF-8;q=0.9');
  assert.strictEqual(JSON.stringify({ m }), '{"m":"text/html;charset=UTF-8;q=0.9"}');
});

test('parameters: first one wins, invalid ones are dropped, quoted values unescape', () => {
  const m = new MIMEType('a/b; ;;=x; y = 1;Y=2;y=3;q="a\\"b";e=;n;u="unterminated');
  assert.deepStrictEqual([...m.params], [['y', '2'], ['q', 'a"b'], ['u', 'unterminated']]);
  assert.strictEqual(String(m), 'a/b;y=2;q="a\\"b";u=unterminated');
  assert.deepStrictEqual([...new MIMEType('a/b;x="\\').params], [['x', '\\']]);
  assert.deepStrictEqual([...new MIMEType('a/b;x=\u0100').params], []);
});

test('values that are not tokens are quoted when serialised', () => {
  const m = new MIMEType('a/b;x="a b";y="";z=é');
  assert.strictEqual(String(m), 'a/b;x="a b";y="";z="é"');
});

test('ERR_INVALID_MIME_SYNTAX for a bad type or subtype, with the position when there is one', () => {
  const cases = [
    ['text', 'The MIME syntax for a type in "text" is invalid'],
    ['/html', 'The MIME syntax for a type in "/html" is invalid'],
    ['te xt/html', 'The MIME syntax for a type in "te xt/html" is invalid at 2'],
    ['  te xt/a', 'The MIME syntax for a type in "  te xt/a" is invalid at 2'],
    ['  text  ', 'The MIME syntax for a type in "  text  " is invalid at 4'],
    ['text/', 'The MIME syntax for a subtype in "text/" is invalid'],
    ['text/ht ml', 'The MIME syntax for a subtype in "text/ht ml" is invalid at 2'],
    ['a/b\u0100', 'The MIME syntax for a subtype in "a/b\u0100" is invalid at 1'],
  ];
  for (const [input, message] of cases) {
    assert.throws(() => new MIMEType(input), { name: 'TypeError', code: 'ERR_INVALID_MIME_SYNTAX', message }, input);
  }
  assert.throws(() => new MIMEType(Symbol('s')), TypeError);
});

test('type and subtype setters validate and lower-case', () => {
  const m = new MIMEType('a/b;c=d');
  m.type = 'XY';
  m.subtype = 'Q+Z';
  assert.strictEqual(String(m), 'xy/q+z;c=d');
  assert.throws(() => { m.type = 'X Y'; }, { code: 'ERR_INVALID_MIME_SYNTAX', message: 'The MIME syntax for a type in "X Y" is invalid at 1' });
  assert.throws(() => { m.subtype = ''; }, { code: 'ERR_INVALID_MIME_SYNTAX', message: 'The MIME syntax for a subtype in "" is invalid' });
  assert.strictEqual(m.essence, 'xy/q+z');
});

test('MIMEParams: a map with case-insensitive names and validated entries', () => {
  const p = new MIMEParams();
  p.set('K', 'v w');
  p.set('z', '');
  assert.strictEqual(p.get('k'), 'v w');
  assert.strictEqual(p.get('K'), 'v w');
  assert.strictEqual(p.has('K'), true);
  assert.strictEqual(p.get('missing'), null);
  assert.deepStrictEqual([...p.keys()], ['k', 'z']);
  assert.deepStrictEqual([...p.values()], ['v w', '']);
  assert.deepStrictEqual([...p.entries()], [['k', 'v w'], ['z', '']]);
  assert.strictEqual(p[Symbol.iterator], p.entries);
  assert.strictEqual(String(p), 'k="v w";z=""');
  assert.strictEqual(p.toJSON(), 'k="v w";z=""');
  p.delete('Z');
  assert.deepStrictEqual([...p.keys()], ['k']);
  assert.throws(() => p.set('k w', 'v'), { code: 'ERR_INVALID_MIME_SYNTAX', message: 'The MIME syntax for a parameter name in "k w" is invalid at 1' });
  assert.throws(() => p.set('', 'v'), { code: 'ERR_INVALID_MIME_SYNTAX', message: 'The MIME syntax for a parameter name in "" is invalid' });
  assert.throws(() => p.set('k', 'v\n'), { code: 'ERR_INVALID_MIME_SYNTAX', message: 'The MIME syntax for a parameter value in "v\n" is invalid at 1' });
});

test('params belong to their MIMEType and changes show in its serialisation', () => {
  const m = new MIMEType('text/plain');
  assert.strictEqual(m.params, m.params);
  m.params.set('charset', 'utf-8');
  assert.strictEqual(String(m), 'text/plain;charset=utf-8');
});

test('prototype shape', () => {
  assert.deepStrictEqual(Object.getOwnPropertyNames(MIMEType.prototype),
    ['constructor', 'type', 'subtype', 'essence', 'params', 'toString', 'toJSON']);
  assert.deepStrictEqual(Object.getOwnPropertyNames(MIMEParams.prototype),
    ['constructor', 'delete', 'get', 'has', 'set', 'entries', 'keys', 'values', 'toString', 'toJSON']);
  assert.throws(() => MIMEType.prototype.toString.call({}), TypeError);
  assert.strictEqual(typeof inspect(new MIMEType('a/b')), 'string');
});
