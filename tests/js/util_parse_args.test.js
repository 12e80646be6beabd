'use strict';
// util.parseArgs: documented behaviour and every ERR_PARSE_ARGS_* error (generated argv against
// Node's answers are in util_property.test.js).
const test = require('node:test');
const assert = require('node:assert');
const { parseArgs } = require('node:util');

const plain = (r) => ({ ...r, values: { ...r.values } });

test('long and short options, values inline and separate, positionals', () => {
  const options = { verbose: { type: 'boolean', short: 'v' }, out: { type: 'string', short: 'o' } };
  const r = parseArgs({ args: ['-v', '--out', 'a.txt', 'file', '-ob.txt'], options, allowPositionals: true });
  assert.strictEqual(Object.getPrototypeOf(r.values), null);
  assert.deepStrictEqual(plain(r), { values: { verbose: true, out: 'b.txt' }, positionals: ['file'] });
  assert.deepStrictEqual(plain(parseArgs({ args: ['--out=x=y'], options })), { values: { out: 'x=y' }, positionals: [] });
});

test('short groups expand; a string option in a group takes the rest', () => {
  const options = { a: { type: 'boolean', short: 'a' }, b: { type: 'boolean', short: 'b' }, f: { type: 'string', short: 'f' } };
  assert.deepStrictEqual(plain(parseArgs({ args: ['-abfVALUE'], options })), { values: { a: true, b: true, f: 'VALUE' }, positionals: [] });
  assert.deepStrictEqual(plain(parseArgs({ args: ['-abf', 'next'], options })), { values: { a: true, b: true, f: 'next' }, positionals: [] });
});

test('multiple collects values, defaults fill the gaps', () => {
  const options = { tag: { type: 'string', multiple: true, short: 't', default: ['none'] }, dry: { type: 'boolean', default: false } };
  assert.deepStrictEqual(plain(parseArgs({ args: ['-t', 'a', '--tag=b'], options })), { values: { tag: ['a', 'b'], dry: false }, positionals: [] });
  assert.deepStrictEqual(plain(parseArgs({ args: [], options })), { values: { tag: ['none'], dry: false }, positionals: [] });
});

test('-- ends the options', () => {
  const r = parseArgs({ args: ['--', '--not-an-option', '-x'], allowPositionals: true, tokens: true });
  assert.deepStrictEqual(r.positionals, ['--not-an-option', '-x']);
  assert.deepStrictEqual(r.tokens, [
    { kind: 'option-terminator', index: 0 },
    { kind: 'positional', index: 1, value: '--not-an-option' },
    { kind: 'positional', index: 2, value: '-x' },
  ]);
});

test('tokens describe every argument, with rawName, index and inlineValue', () => {
  const options = { f: { type: 'boolean', short: 'f' }, s: { type: 'string', short: 's' } };
  const { tokens } = parseArgs({ args: ['-fs', 'v', '--s=w', 'p'], options, tokens: true, allowPositionals: true });
  assert.deepStrictEqual(tokens, [
    { kind: 'option', name: 'f', rawName: '-f', index: 0, value: undefined, inlineValue: undefined },
    { kind: 'option', name: 's', rawName: '-s', index: 0, value: 'v', inlineValue: false },
    { kind: 'option', name: 's', rawName: '--s', index: 2, value: 'w', inlineValue: true },
    { kind: 'positional', index: 3, value: 'p' },
  ]);
});

test('allowNegative: --no-x sets a boolean false', () => {
  const options = { color: { type: 'boolean', default: true } };
  assert.deepStrictEqual(plain(parseArgs({ args: ['--no-color'], options, allowNegative: true })), { values: { color: false }, positionals: [] });
  assert.throws(() => parseArgs({ args: ['--no-color'], options }), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION', message: "Unknown option '--no-color'" });
  assert.throws(() => parseArgs({ args: ['--no-str'], options: { str: { type: 'string' } }, allowNegative: true }),
    { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION', message: "Unknown option '--no-str'" });
});

test('strict: false accepts unknown options and stores what it sees', () => {
  const r = parseArgs({ args: ['--x', '-y', '--s', '--k=v', 'p'], options: { s: { type: 'string' } }, strict: false });
  assert.deepStrictEqual(plain(r), { values: { x: true, y: true, s: '--k=v' }, positionals: ['p'] });
  assert.deepStrictEqual(plain(parseArgs({ args: ['--__proto__', '--constructor'], strict: false })), { values: { constructor: true }, positionals: [] });
});

test('ERR_PARSE_ARGS_UNKNOWN_OPTION, with a hint when positionals are allowed', () => {
  assert.throws(() => parseArgs({ args: ['-x'] }), { name: 'TypeError', code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION', message: "Unknown option '-x'" });
  assert.throws(() => parseArgs({ args: ['--xy'], allowPositionals: true }), {
    code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
    message: "Unknown option '--xy'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--xy\"",
  });
});

test('ERR_PARSE_ARGS_INVALID_OPTION_VALUE: missing, unexpected and ambiguous values', () => {
  const options = { f: { type: 'boolean', short: 'F' }, s: { type: 'string', short: 'S' } };
  assert.throws(() => parseArgs({ args: ['-S'], options }), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', message: "Option '-S, --s <value>' argument missing" });
  assert.throws(() => parseArgs({ args: ['--f=1'], options }), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', message: "Option '-F, --f' does not take an argument" });
  assert.throws(() => parseArgs({ args: ['-S', '-F'], options }), {
    code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
    message: "Option '-S' argument is ambiguous.\nDid you forget to specify the option argument for '-S'?\nTo specify an option argument starting with a dash use '--s=-XYZ' or '-S-XYZ'.",
  });
  assert.throws(() => parseArgs({ args: ['--s', '-F'], options }), {
    message: "Option '--s' argument is ambiguous.\nDid you forget to specify the option argument for '--s'?\nTo specify an option argument starting with a dash use '--s=-XYZ'.",
  });
  assert.deepStrictEqual(plain(parseArgs({ args: ['--s=-F'], options })), { values: { s: '-F' }, positionals: [] });
});

test('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', () => {
  assert.throws(() => parseArgs({ args: ['pos'] }), {
    code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', message: "Unexpected argument 'pos'. This command does not take positional arguments",
  });
  assert.deepStrictEqual(parseArgs({ args: ['pos'], strict: false }).positionals, ['pos']);
});

test('configuration is validated with Node\'s messages', () => {
  const cases = [
    [{ args: 'x' }, 'The "args" argument must be an instance of Array. Received type string (\'x\')'],
    [{ strict: 1 }, 'The "strict" argument must be of type boolean. Received type number (1)'],
    [{ allowPositionals: 1 }, 'The "allowPositionals" argument must be of type boolean. Received type number (1)'],
    [{ tokens: 1 }, 'The "tokens" argument must be of type boolean. Received type number (1)'],
    [{ allowNegative: 1 }, 'The "allowNegative" argument must be of type boolean. Received type number (1)'],
    [{ options: 1 }, 'The "options" argument must be of type object. Received type number (1)'],
    [{ options: { a: 1 } }, 'The "options.a" property must be of type object. Received type number (1)'],
    [{ options: { a: { type: 'x' } } }, 'The "options.a.type" property must be (\'string|boolean\'). Received type string (\'x\')'],
    [{ options: { a: {} } }, 'The "options.a.type" property must be (\'string|boolean\'). Received undefined'],
    [{ options: { a: { type: 'string', short: 1 } } }, 'The "options.a.short" property must be of type string. Received type number (1)'],
    [{ options: { a: { type: 'string', multiple: 1 } } }, 'The "options.a.multiple" property must be of type boolean. Received type number (1)'],
    [{ options: { a: { type: 'string', default: 1 } } }, 'The "options.a.default" property must be of type string. Received type number (1)'],
    [{ options: { a: { type: 'string', multiple: true, default: ['x', 1] } } }, 'The "options.a.default[1]" property must be of type string. Received type number (1)'],
    [{ options: { a: { type: 'boolean', multiple: true, default: 1 } } }, 'The "options.a.default" property must be an instance of Array. Received type number (1)'],
  ];
  for (const [config, message] of cases) {
    assert.throws(() => parseArgs(config), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE', message }, JSON.stringify(config));
  }
  assert.throws(() => parseArgs({ options: { a: { type: 'string', short: 'ab' } } }), {
    code: 'ERR_INVALID_ARG_VALUE', message: "The property 'options.a.short' must be a single character. Received 'ab'",
  });
});

test('only own properties of the configuration count', () => {
  const config = Object.create({ args: ['--x'], strict: false });
  assert.deepStrictEqual(plain(parseArgs({ __proto__: config, args: [] })), { values: {}, positionals: [] });
  assert.strictEqual(parseArgs.length, 0);
});
