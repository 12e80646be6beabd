'use strict';
// node:assert and node:assert/strict: results, errors and message texts as Node 24 gives them.
// Messages are compared with the text Node 24 prints (this file passes under real Node 24).
// Generated pairs: Node's answers come from $DX_GOLDEN_DIR/assert.json (default build/golden), written
// by tests/js/tools/gen-assert-golden.js under Node 24; without it they are compared with this runtime's
// own answers, which only checks that nothing throws where it should not.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const gen = require('./tools/gen-assert-golden.js');

const { describe, it } = test;

// The error fn throws; fails if it throws nothing.
function caught(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an exception');
}

async function rejected(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

function optionalRequire(id) {
  try {
    return require(id);
  } catch {
    return undefined;
  }
}

describe('module shape', () => {
  it('assert is ok, with the methods as own properties', () => {
    assert.strictEqual(typeof assert, 'function');
    assert.strictEqual(assert.ok, assert);
    for (const name of ['fail', 'equal', 'notEqual', 'deepEqual', 'notDeepEqual', 'deepStrictEqual',
      'notDeepStrictEqual', 'strictEqual', 'notStrictEqual', 'partialDeepStrictEqual', 'match', 'doesNotMatch',
      'throws', 'rejects', 'doesNotThrow', 'doesNotReject', 'ifError']) {
      assert.strictEqual(typeof assert[name], 'function', name);
      assert.ok(Object.prototype.hasOwnProperty.call(assert, name), name);
    }
    assert.strictEqual(typeof assert.AssertionError, 'function');
    assert.strictEqual(typeof assert.Assert, 'function');
    assert.deepStrictEqual(Object.keys(assert), ['AssertionError', 'CallTracker', 'ok', 'fail', 'equal', 'notEqual',
      'deepEqual', 'notDeepEqual', 'deepStrictEqual', 'notDeepStrictEqual', 'strictEqual', 'notStrictEqual',
      'partialDeepStrictEqual', 'match', 'doesNotMatch', 'throws', 'rejects', 'doesNotThrow', 'doesNotReject',
      'ifError', 'strict', 'Assert']);
  });

  it('CallTracker (deprecated) counts calls', () => {
    const tracker = new assert.CallTracker();
    const double = tracker.calls((x) => x * 2, 2);
    assert.strictEqual(double(3), 6);
    assert.deepStrictEqual(tracker.getCalls(double), [{ thisArg: undefined, arguments: [3] }]);
    const [report] = tracker.report();
    assert.strictEqual(report.message, 'Expected the calls function to be executed 2 time(s) but was executed 1 time(s).');
    assert.strictEqual(report.actual, 1);
    assert.strictEqual(report.expected, 2);
    assert.throws(() => tracker.verify(), {
      code: 'ERR_ASSERTION', message: 'Expected the calls function to be executed 2 time(s) but was executed 1 time(s).',
    });
    double(4);
    tracker.verify();
    tracker.reset(double);
    assert.deepStrictEqual(tracker.getCalls(double), []);
    assert.throws(() => tracker.getCalls(() => {}), { code: 'ERR_INVALID_ARG_VALUE' });
  });

  it('assert.strict and node:assert/strict are the strict variant', () => {
    const strict = require('node:assert/strict');
    assert.strictEqual(strict, assert.strict);
    assert.strictEqual(require('assert/strict'), strict);
    assert.strictEqual(strict.strict, strict);
    assert.strictEqual(strict.equal, assert.strictEqual);
    assert.strictEqual(strict.deepEqual, assert.deepStrictEqual);
    assert.strictEqual(strict.notEqual, assert.notStrictEqual);
    assert.strictEqual(strict.notDeepEqual, assert.notDeepStrictEqual);
    assert.notStrictEqual(strict, assert);
    assert.throws(() => strict.equal(1, '1'), { operator: 'strictEqual' });
  });

  it('new Assert(options) makes an instance; without new it throws', () => {
    const a = new assert.Assert();
    assert.strictEqual(a.equal, a.strictEqual); // strict by default
    const loose = new assert.Assert({ strict: false });
    loose.equal(1, '1');
    assert.throws(() => assert.Assert(), { code: 'ERR_CONSTRUCT_CALL_REQUIRED', name: 'TypeError',
      message: 'Class constructor Assert cannot be invoked without `new`' });
    assert.throws(() => new assert.Assert({ diff: 'x' }), { code: 'ERR_INVALID_ARG_VALUE' });
  });
});

describe('AssertionError', () => {
  it('has Node\'s properties', () => {
    const err = caught(() => assert.strictEqual(1, 2));
    assert.ok(err instanceof assert.AssertionError);
    assert.ok(err instanceof Error);
    assert.strictEqual(err.name, 'AssertionError');
    assert.strictEqual(err.code, 'ERR_ASSERTION');
    assert.strictEqual(err.actual, 1);
    assert.strictEqual(err.expected, 2);
    assert.strictEqual(err.operator, 'strictEqual');
    assert.strictEqual(err.generatedMessage, true);
    assert.strictEqual(err.diff, 'simple');
    assert.deepStrictEqual(Object.keys(err), ['generatedMessage', 'code', 'actual', 'expected', 'operator', 'diff']);
    assert.strictEqual(err.toString(), 'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n1 !== 2\n');
  });

  it('can be made directly', () => {
    const err = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
    assert.strictEqual(err.message, 'Expected values to be strictly equal:\n\n1 !== 2\n');
    const custom = new assert.AssertionError({ message: 'custom', actual: 1, operator: 'x' });
    assert.strictEqual(custom.message, 'custom');
    assert.strictEqual(custom.generatedMessage, false);
    const other = new assert.AssertionError({ actual: 1, expected: 2, operator: '<' });
    assert.strictEqual(other.message, '1 < 2');
    assert.throws(() => new assert.AssertionError(), {
      code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
      message: 'The "options" argument must be of type object. Received undefined',
    });
  });
});

// [what to call, the message Node 24 gives]
const messageCases = [
  [() => assert.strictEqual(1, 2), 'Expected values to be strictly equal:\n\n1 !== 2\n'],
  [() => assert.strictEqual('a\nb', 'a\nc'), "Expected values to be strictly equal:\n\n'a\\nb' !== 'a\\nc'\n"],
  [() => assert.strictEqual(0, -0), 'Expected values to be strictly equal:\n+ actual - expected\n\n+ 0\n- -0\n'],
  [() => assert.strictEqual('aaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaab'),
    "Expected values to be strictly equal:\n+ actual - expected\n\n+ 'aaaaaaaaaaaaaaa'\n- 'aaaaaaaaaaaaaab'\n                 ^\n"],
  [() => assert.strictEqual({}, {}), 'Values have same structure but are not reference-equal:\n\n{}\n'],
  [() => assert.strictEqual([1, 2, 3], [1, 2, 3]), 'Values have same structure but are not reference-equal:\n\n[\n  1,\n  2,\n  3\n]\n'],
  [() => assert.strictEqual(1, 2, 'custom'), 'custom\n\n1 !== 2\n'],
  [() => assert.deepStrictEqual({ a: 1, b: [1, 2, 3] }, { a: 1, b: [1, 2, 4] }),
    'Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n    a: 1,\n    b: [\n      1,\n      2,\n+     3\n-     4\n    ]\n  }\n'],
  [() => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'cm'), 'cm\n+ actual - expected\n\n  {\n+   a: 1\n-   a: 2\n  }\n'],
  [() => assert.deepStrictEqual(1, '1'), "Expected values to be strictly deep-equal:\n\n1 !== '1'\n"],
  [() => assert.deepStrictEqual(Array.from({ length: 20 }, (_, i) => i + 1), Array.from({ length: 20 }, (_, i) => (i === 19 ? 21 : i + 1))),
    'Expected values to be strictly deep-equal:\n+ actual - expected\n... Skipped lines\n\n  [\n    1,\n    2,\n    3,\n    4,\n...\n    19,\n+   20\n-   21\n  ]\n'],
  [() => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])),
    'Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Set(2) {\n    1,\n+   2\n-   3\n  }\n'],
  [() => assert.deepEqual({ a: 1 }, { a: 2 }),
    'Expected values to be loosely deep-equal:\n\n{\n  a: 1\n}\n\nshould loosely deep-equal\n\n{\n  a: 2\n}'],
  [() => assert.notDeepEqual([1], [1]), 'Expected "actual" not to be loosely deep-equal to:\n\n[\n  1\n]'],
  [() => assert.notDeepEqual([1], ['1']),
    "Expected values not to be loosely deep-equal:\n\n[\n  1\n]\n\nshould not loosely deep-equal\n\n[\n  '1'\n]"],
  [() => assert.equal(1, 2), '1 == 2'],
  [() => assert.equal(1, 2, 'x'), 'x'],
  [() => assert.notEqual(1, '1'), "1 != '1'"],
  [() => assert.equal(NaN, 1), 'NaN == 1'],
  [() => assert.notStrictEqual(1, 1), 'Expected "actual" to be strictly unequal to: 1'],
  [() => { const o = { a: 1 }; assert.notStrictEqual(o, o); }, 'Expected "actual" not to be reference-equal to "expected":\n\n{\n  a: 1\n}\n'],
  [() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }), 'Expected "actual" not to be strictly deep-equal to:\n\n{\n  a: 1\n}\n'],
  // Block bodies: in strict code a call in tail position may leave no stack frame on JavaScriptCore.
  [() => { assert.ok(false); }, 'The expression evaluated to a falsy value:\n\n  assert.ok(false)\n'],
  [() => { assert(0); }, 'The expression evaluated to a falsy value:\n\n  assert(0)\n'],
  [() => { assert.ok(typeof 123 === 'string'); }, "The expression evaluated to a falsy value:\n\n  assert.ok(typeof 123 === 'string')\n"],
  [() => assert.ok(), 'No value argument passed to `assert.ok()`'],
  [() => assert.ok(false, 'custom'), 'custom'],
  [() => assert.fail(), 'Failed'],
  [() => assert.fail('boom'), 'boom'],
  [() => assert.match('abc', /x/), "The input did not match the regular expression /x/. Input:\n\n'abc'\n"],
  [() => assert.doesNotMatch('abc', /b/), "The input was expected to not match the regular expression /b/. Input:\n\n'abc'\n"],
  [() => assert.match(123, /x/), 'The "string" argument must be of type string. Received type number (123)'],
  [() => assert.throws(() => {}), 'Missing expected exception.'],
  [() => assert.throws(() => {}, TypeError), 'Missing expected exception (TypeError).'],
  [() => assert.throws(() => {}, TypeError, 'msg'), 'Missing expected exception (TypeError): msg'],
  [() => assert.throws(() => {}, 'msg'), 'Missing expected exception: msg'],
  [() => assert.throws(() => { throw new Error('x'); }, /y/), "The input did not match the regular expression /y/. Input:\n\n'Error: x'\n"],
  [() => assert.throws(() => { throw new TypeError('bad'); }, RangeError),
    'The error is expected to be an instance of "RangeError". Received "TypeError"\n\nError message:\n\nbad'],
  [() => assert.throws(() => { throw new TypeError('bad'); }, { message: 'good', name: 'TypeError' }),
    "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Comparison {\n+   message: 'bad',\n-   message: 'good',\n    name: 'TypeError'\n  }\n"],
  [() => assert.throws(() => { throw new TypeError('bad'); }, (e) => false),
    'The validation function is expected to return "true". Received false\n\nCaught error:\n\nTypeError: bad'],
  [() => assert.throws(() => { throw new TypeError('bad'); }, function check() { return 1; }),
    'The "check" validation function is expected to return "true". Received 1\n\nCaught error:\n\nTypeError: bad'],
  [() => assert.doesNotThrow(() => { throw new Error('x'); }), 'Got unwanted exception.\nActual message: "x"'],
  [() => assert.doesNotThrow(() => { throw new Error('x'); }, 'wanted'), 'Got unwanted exception: wanted\nActual message: "x"'],
  [() => assert.ifError(new Error('e')), 'ifError got unwanted exception: e'],
  [() => assert.ifError('str'), "ifError got unwanted exception: 'str'"],
  [() => assert.ifError(new TypeError('')), 'ifError got unwanted exception: TypeError'],
  [() => assert.strictEqual(1n, 2n), 'Expected values to be strictly equal:\n\n1n !== 2n\n'],
  [() => assert.strictEqual(null, undefined), 'Expected values to be strictly equal:\n+ actual - expected\n\n+ null\n- undefined\n'],
  [() => assert.partialDeepStrictEqual({ a: 1, b: 2 }, { a: 2 }),
    'Expected values to be partially and strictly deep-equal:\n+ actual - expected\n\n  {\n+   a: 1,\n+   b: 2\n-   a: 2\n  }\n'],
];

describe('messages are Node 24\'s', () => {
  for (const [fn, expected] of messageCases) {
    const source = fn.toString().replace(/^\(\) => (\{ )?/, '').replace(/;? \}$/, '');
    it(source.length > 70 ? `${source.slice(0, 67)}...` : source, () => {
      const err = caught(fn);
      assert.strictEqual(err.code, 'ERR_ASSERTION');
      assert.strictEqual(err.message, expected);
    });
  }

  it('long unchanged runs collapse unless diff is full', () => {
    const a = Array.from({ length: 60 }, (_, i) => i);
    const b = Array.from({ length: 60 }, (_, i) => (i === 30 ? -1 : i));
    const simple = caught(() => assert.deepStrictEqual(a, b)).message;
    assert.match(simple, /^Expected values to be strictly deep-equal:\n\+ actual - expected\n\.\.\. Skipped lines\n/);
    assert.match(simple, /\n\.\.\.\n    29,\n\+   30,\n-   -1,\n    31,\n/);
    const full = caught(() => new assert.Assert({ diff: 'full' }).deepStrictEqual(a, b)).message;
    assert.match(simple, /\.\.\./);
    assert.ok(full.split('\n').length < simple.split('\n').length + 60);
  });
});

describe('generatedMessage and message as an Error', () => {
  it('a message Error is thrown as it is', () => {
    const own = new TypeError('mine');
    assert.strictEqual(caught(() => assert.strictEqual(1, 2, own)), own);
    assert.strictEqual(caught(() => assert.ok(false, own)), own);
    assert.strictEqual(caught(() => assert.fail(own)), own);
  });

  it('generatedMessage tells whether the text is Node\'s', () => {
    assert.strictEqual(caught(() => assert.strictEqual(1, 2)).generatedMessage, true);
    assert.strictEqual(caught(() => assert.strictEqual(1, 2, 'm')).generatedMessage, false);
    assert.strictEqual(caught(() => assert.fail()).generatedMessage, true);
    assert.strictEqual(caught(() => assert.fail('x')).generatedMessage, false);
    assert.strictEqual(caught(() => assert.throws(() => {})).generatedMessage, false);
  });
});

describe('argument errors', () => {
  for (const name of ['equal', 'notEqual', 'deepEqual', 'notDeepEqual', 'deepStrictEqual', 'notDeepStrictEqual',
    'strictEqual', 'notStrictEqual', 'partialDeepStrictEqual']) {
    it(`${name} needs two arguments`, () => {
      assert.throws(() => assert[name](1), {
        code: 'ERR_MISSING_ARGS', name: 'TypeError',
        message: 'The "actual" and "expected" arguments must be specified',
      });
    });
  }

  it('throws: fn must be a function, error of a known kind', () => {
    assert.throws(() => assert.throws(5), {
      code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
      message: 'The "fn" argument must be of type function. Received type number (5)',
    });
    assert.throws(() => assert.throws(() => { throw new Error('x'); }, 5), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "error" argument must be of type function or an instance of Error, RegExp, or Object. Received type number (5)',
    });
    assert.throws(() => assert.throws(() => {}, 'a', 'b'), { code: 'ERR_INVALID_ARG_TYPE' });
  });

  it('throws: a string error equal to the message is ambiguous', () => {
    assert.throws(() => assert.throws(() => { throw new Error('msg'); }, 'msg'), {
      code: 'ERR_AMBIGUOUS_ARGUMENT', name: 'TypeError',
      message: 'The "error/message" argument is ambiguous. The error message "msg" is identical to the message.',
    });
    assert.throws(() => assert.throws(() => { throw 'msg'; }, 'msg'), {
      code: 'ERR_AMBIGUOUS_ARGUMENT',
      message: 'The "error/message" argument is ambiguous. The error "msg" is identical to the message.',
    });
  });

  it('throws: an empty validation object is invalid', () => {
    assert.throws(() => assert.throws(() => { throw new Error('x'); }, {}), {
      code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError',
      message: "The argument 'error' may not be an empty object. Received {}",
    });
  });

  it('rejects: the function must return a promise', async () => {
    const err = await rejected(assert.rejects(() => 5));
    assert.strictEqual(err.code, 'ERR_INVALID_RETURN_VALUE');
    assert.strictEqual(err.message, 'Expected instance of Promise to be returned from the "promiseFn" function but got type number (5).');
    const err2 = await rejected(assert.rejects(5));
    assert.strictEqual(err2.code, 'ERR_INVALID_ARG_TYPE');
    assert.strictEqual(err2.message,
      'The "promiseFn" argument must be of type function or an instance of Promise. Received type number (5)');
  });

  it('match: the regexp must be a RegExp', () => {
    assert.throws(() => assert.match('x', 'x'), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "regexp" argument must be an instance of RegExp. Received type string (\'x\')',
    });
  });
});

describe('throws and rejects', () => {
  it('accept a class, a RegExp, an object or a function', () => {
    const thrower = () => { throw new TypeError('Wrong value'); };
    assert.throws(thrower, TypeError);
    assert.throws(thrower, Error);
    assert.throws(thrower, /^TypeError: Wrong/);
    assert.throws(thrower, { name: 'TypeError', message: 'Wrong value' });
    assert.throws(thrower, { message: /value$/ });
    assert.throws(thrower, (err) => err instanceof TypeError && err.message === 'Wrong value');
    assert.throws(thrower, new TypeError('Wrong value'));
    // Every key of the object must be on the error.
    assert.throws(() => assert.throws(() => { throw new TypeError('x'); }, { message: 'x', extra: undefined }), {
      message: "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Comparison {\n-   extra: undefined,\n    message: 'x'\n  }\n",
    });
  });

  it('compare each key of a validation object deeply, nested objects too', () => {
    const thrower = () => {
      const e = new Error('m');
      e.info = { a: [1, 2] };
      throw e;
    };
    assert.throws(thrower, { info: { a: [1, 2] } });
    const err = caught(() => assert.throws(thrower, { info: { a: [1, 3] } }));
    assert.strictEqual(err.operator, 'throws');
    assert.strictEqual(err.code, 'ERR_ASSERTION');
  });

  it('a thrown primitive is compared with the object as a whole', () => {
    const err = caught(() => assert.throws(() => { throw 'str'; }, { a: 1 }));
    assert.strictEqual(err.operator, 'throws');
    assert.strictEqual(err.actual, 'str');
    assert.strictEqual(err.message,
      "Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ 'str'\n- {\n-   a: 1\n- }\n");
  });

  it('rethrow what a validation class does not match in doesNotThrow', () => {
    const own = new RangeError('r');
    assert.strictEqual(caught(() => assert.doesNotThrow(() => { throw own; }, TypeError)), own);
    assert.doesNotThrow(() => {});
  });

  it('rejects and doesNotReject wait for promises and async functions', async () => {
    await assert.rejects(Promise.reject(new Error('no')), /no/);
    await assert.rejects(async () => { throw new TypeError('t'); }, TypeError);
    await assert.doesNotReject(Promise.resolve(1));
    await assert.doesNotReject(async () => 1);
    const missing = await rejected(assert.rejects(Promise.resolve()));
    assert.strictEqual(missing.message, 'Missing expected rejection.');
    assert.strictEqual(missing.operator, 'rejects');
    const unwanted = await rejected(assert.doesNotReject(Promise.reject(new Error('e'))));
    assert.strictEqual(unwanted.message, 'Got unwanted rejection.\nActual message: "e"');
    // A thenable with then and catch counts as a promise.
    await assert.doesNotReject({ then(res) { res(); }, catch() {} });
  });
});

describe('ok, equal, match, fail, ifError', () => {
  it('pass on what they accept', () => {
    assert(1);
    assert.ok('x');
    assert.equal(1, '1');
    assert.equal(NaN, NaN);
    assert.notEqual(1, 2);
    assert.strictEqual(NaN, NaN);
    assert.notStrictEqual(0, -0);
    assert.match('abc', /b/);
    assert.doesNotMatch('abc', /x/);
    assert.ifError(null);
    assert.ifError(undefined);
  });

  it('ifError keeps the original error\'s frames in the stack', () => {
    const orig = new Error('orig');
    const err = caught(() => assert.ifError(orig));
    assert.strictEqual(err.actual, orig);
    assert.strictEqual(err.expected, null);
    assert.strictEqual(err.operator, 'ifError');
    assert.strictEqual(typeof err.stack, 'string');
  });

  it('fail with several arguments is deprecated but works', () => {
    const err = caught(() => assert.fail(1, 2, undefined, '>'));
    assert.strictEqual(err.message, '1 > 2');
    assert.strictEqual(err.operator, '>');
    const two = caught(() => assert.fail(1, 2));
    assert.strictEqual(two.message, '1 != 2');
  });
});

// [actual, expected, deepStrictEqual, deepEqual]
const equalityTable = [
  [1, 1, true, true],
  [1, '1', false, true],
  [0, -0, false, true],
  [NaN, NaN, true, true],
  [null, undefined, false, true],
  [[1, 2], [1, 2], true, true],
  [[1, 2], [2, 1], false, false],
  [{ a: 1, b: 2 }, { b: 2, a: 1 }, true, true],
  [{ a: undefined }, {}, false, false],
  [[1, , 3], [1, undefined, 3], false, false], // eslint-disable-line no-sparse-arrays
  [Object.create(null), {}, false, true],
  [new Date(0), new Date(0), true, true],
  [new Date(0), new Date(1), false, false],
  [new Date(NaN), new Date(NaN), true, true],
  [/a/g, /a/g, true, true],
  [/a/g, /a/i, false, false],
  [Object.assign(/a/, { lastIndex: 1 }), /a/, false, false],
  [new Number(1), new Number(1), true, true],
  [new Number(1), 1, false, false],
  [new String('a'), new String('b'), false, false],
  [Object(Symbol.iterator), Object(Symbol.iterator), true, true],
  [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]]), true, true],
  [new Map([[{ k: 1 }, 'a'], [{ k: 2 }, 'b']]), new Map([[{ k: 2 }, 'b'], [{ k: 1 }, 'a']]), true, true],
  [new Map([[1, 'a']]), new Map([['1', 'a']]), false, true],
  [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }]), true, true],
  [new Set([1]), new Set(['1']), false, true],
  [new Set([-0]), new Set([0]), true, true],
  [new Uint8Array([1, 2]), new Uint8Array([1, 2]), true, true],
  [new Uint8Array([1, 2]), new Int8Array([1, 2]), false, false],
  [new Float64Array([-0]), new Float64Array([0]), false, true],
  [new Float64Array([NaN]), new Float64Array([NaN]), true, false],
  [new ArrayBuffer(2), new ArrayBuffer(2), true, true],
  [new ArrayBuffer(2), new ArrayBuffer(3), false, false],
  [new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(2)), true, true],
  [new Error('a'), new Error('a'), true, true],
  [new Error('a'), new Error('b'), false, false],
  [new Error('a'), new TypeError('a'), false, false],
  [new Error('a', { cause: 1 }), new Error('a', { cause: 2 }), false, false],
  [new Error('a', { cause: 1 }), new Error('a'), false, false],
  [new AggregateError([1], 'x'), new AggregateError([2], 'x'), false, false],
  [{ [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 2 }, false, true],
  [[1, 2, 3], Object.assign([1, 2, 3], { x: 1 }), false, false],
  [Promise.resolve(), Promise.resolve(), false, false],
  [new WeakMap(), new WeakMap(), false, false],
  [(function() { return arguments; })(1, 2), [1, 2], false, false],
  [{ get x() { return 1; } }, { x: 1 }, true, true],
];

describe('deep equality', () => {
  for (const [a, b, strict, loose] of equalityTable) {
    it(`${describeValue(a)} vs ${describeValue(b)}: strict ${strict}, loose ${loose}`, () => {
      for (const [x, y] of [[a, b], [b, a]]) {
        if (strict) {
          assert.deepStrictEqual(x, y);
          assert.throws(() => assert.notDeepStrictEqual(x, y), { code: 'ERR_ASSERTION' });
        } else {
          assert.throws(() => assert.deepStrictEqual(x, y), { code: 'ERR_ASSERTION', operator: 'deepStrictEqual' });
          assert.notDeepStrictEqual(x, y);
        }
        if (loose) {
          assert.deepEqual(x, y);
        } else {
          assert.throws(() => assert.deepEqual(x, y), { code: 'ERR_ASSERTION', operator: 'deepEqual' });
        }
      }
    });
  }

  it('handles cycles', () => {
    const a = { v: 1 };
    a.self = a;
    const b = { v: 1 };
    b.self = b;
    assert.deepStrictEqual(a, b);
    // Same shape unrolled once is not the same graph.
    const c = { v: 1, self: { v: 1 } };
    c.self.self = c;
    assert.notDeepStrictEqual(a, c);
    const d = { v: 2 };
    d.self = d;
    assert.notDeepStrictEqual(a, d);
    const arr = [1];
    arr.push(arr);
    const arr2 = [1];
    arr2.push(arr2);
    assert.deepStrictEqual(arr, arr2);
  });

  it('compares prototypes in strict mode only', () => {
    class A { constructor() { this.x = 1; } }
    class B { constructor() { this.x = 1; } }
    assert.notDeepStrictEqual(new A(), new B());
    assert.deepEqual(new A(), new B());
    assert.deepStrictEqual(new A(), new A());
    new assert.Assert({ skipPrototype: true }).deepStrictEqual(new A(), new B());
  });

  it('partialDeepStrictEqual accepts a subset of expected', () => {
    assert.partialDeepStrictEqual({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } });
    assert.partialDeepStrictEqual([1, 2, 3, 4], [2, 4]);
    assert.partialDeepStrictEqual(new Set([1, 2, 3]), new Set([3]));
    assert.partialDeepStrictEqual(new Map([[1, 'a'], [2, 'b']]), new Map([[2, 'b']]));
    assert.throws(() => assert.partialDeepStrictEqual([1, 2, 3], [3, 2]), { code: 'ERR_ASSERTION' });
  });
});

function describeValue(v) {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v !== 'object' || v === null) return Object.is(v, -0) ? '-0' : typeof v === 'string' ? `'${v}'` : String(v);
  const proto = Object.getPrototypeOf(v);
  return proto === null ? '[Object: null prototype]' : (proto.constructor?.name || 'Object');
}

const kCloneable = {
  withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true,
  withDate: true, withBigInt: true, withNullPrototype: false, withObjectString: true, withUnicodeString: true,
};

describe('properties (fast-check)', () => {
  it('a value equals its structured clone, strictly and loosely', () => {
    fc.assert(fc.property(fc.anything(kCloneable), (value) => {
      const copy = structuredClone(value);
      assert.deepStrictEqual(copy, value);
      assert.deepEqual(copy, value);
      assert.partialDeepStrictEqual(copy, value);
    }), { numRuns: 300, seed: 11 });
  });

  it('deep equality is symmetric; strict implies loose; not* is the opposite', () => {
    const arb = fc.anything({ ...kCloneable, maxDepth: 2 });
    fc.assert(fc.property(arb, arb, (a, b) => {
      const ok = (fn) => {
        try {
          fn();
          return true;
        } catch (err) {
          if (err.code !== 'ERR_ASSERTION') throw err;
          return false;
        }
      };
      const strict = ok(() => assert.deepStrictEqual(a, b));
      assert.strictEqual(ok(() => assert.deepStrictEqual(b, a)), strict);
      assert.strictEqual(ok(() => assert.notDeepStrictEqual(a, b)), !strict);
      const loose = ok(() => assert.deepEqual(a, b));
      assert.strictEqual(ok(() => assert.notDeepEqual(a, b)), !loose);
      if (strict) assert.ok(loose);
    }), { numRuns: 500, seed: 12 });
  });

  const util = optionalRequire('util');
  it('assert.deepStrictEqual agrees with util.isDeepStrictEqual', { skip: !util && 'no node:util' }, () => {
    const arb = fc.anything({ ...kCloneable, maxDepth: 2 });
    fc.assert(fc.property(arb, arb, (a, b) => {
      let threw = false;
      try {
        assert.deepStrictEqual(a, b);
      } catch {
        threw = true;
      }
      assert.strictEqual(util.isDeepStrictEqual(a, b), !threw);
      assert.strictEqual(util.isDeepStrictEqual(a, structuredClone(a)), true);
    }), { numRuns: 300, seed: 13 });
  });

  it(`answers and messages match Node 24 on ${gen.NUM_RUNS} generated pairs`, () => {
    const expected = loadGolden();
    const cases = gen.samples();
    assert.strictEqual(cases.length, gen.NUM_RUNS);
    const failures = [];
    for (let i = 0; i < cases.length; i++) {
      const got = gen.run(assert, cases[i]);
      const want = expected === undefined ? gen.run(assert, cases[i]) : expected[i];
      for (const key of Object.keys(want)) {
        if (got[key] !== want[key]) failures.push({ i, key, want: want[key], got: got[key], c: cases[i] });
      }
    }
    if (failures.length > 0) {
      const shown = failures.slice(0, 5).map((f) =>
        `#${f.i} ${f.key} of ${JSON.stringify(f.c)}\n  expected ${JSON.stringify(f.want)}\n  actual   ${JSON.stringify(f.got)}`);
      assert.fail(`${failures.length} answers differ from Node:\n${shown.join('\n')}`);
    }
  });
});

function loadGolden() {
  const fs = optionalRequire('fs');
  const path = optionalRequire('path');
  if (!fs || !path) return undefined;
  const dir = process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', 'build', 'golden');
  const file = path.join(dir, 'assert.json');
  if (!fs.existsSync(file)) return undefined;
  const golden = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (golden.seed !== gen.SEED || golden.numRuns !== gen.NUM_RUNS || golden.fastCheckVersion !== gen.fastCheckVersion) {
    throw new Error(`${file} was made from other inputs; run tests/js/tools/gen-assert-golden.js again`);
  }
  return golden.expected;
}
