'use strict';
// The global DOMException, as Node 24 has it. Every expectation passes under real Node.
const test = require('node:test');
const assert = require('node:assert');

const names = [
  ['IndexSizeError', 1], ['DOMStringSizeError', 0], ['HierarchyRequestError', 3], ['WrongDocumentError', 4],
  ['InvalidCharacterError', 5], ['NoDataAllowedError', 0], ['NoModificationAllowedError', 7],
  ['NotFoundError', 8], ['NotSupportedError', 9], ['InUseAttributeError', 10], ['InvalidStateError', 11],
  ['SyntaxError', 12], ['InvalidModificationError', 13], ['NamespaceError', 14], ['InvalidAccessError', 15],
  ['ValidationError', 0], ['TypeMismatchError', 17], ['SecurityError', 18], ['NetworkError', 19],
  ['AbortError', 20], ['URLMismatchError', 21], ['QuotaExceededError', 22], ['TimeoutError', 23],
  ['InvalidNodeTypeError', 24], ['DataCloneError', 25], ['EncodingError', 0], ['NotReadableError', 0],
  ['UnknownError', 0], ['ConstraintError', 0], ['DataError', 0], ['TransactionInactiveError', 0],
  ['ReadOnlyError', 0], ['VersionError', 0], ['OperationError', 0], ['NotAllowedError', 0],
  ['OptOutError', 0], ['abortError', 0], ['', 0],
];

const constants = [
  'INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR',
  'INVALID_CHARACTER_ERR', 'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR',
  'NOT_SUPPORTED_ERR', 'INUSE_ATTRIBUTE_ERR', 'INVALID_STATE_ERR', 'SYNTAX_ERR', 'INVALID_MODIFICATION_ERR',
  'NAMESPACE_ERR', 'INVALID_ACCESS_ERR', 'VALIDATION_ERR', 'TYPE_MISMATCH_ERR', 'SECURITY_ERR',
  'NETWORK_ERR', 'ABORT_ERR', 'URL_MISMATCH_ERR', 'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR',
  'INVALID_NODE_TYPE_ERR', 'DATA_CLONE_ERR',
];

const invalidThis = {
  name: 'TypeError',
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of DOMException',
};

test('global binding and class shape', () => {
  const desc = Object.getOwnPropertyDescriptor(globalThis, 'DOMException');
  assert.strictEqual(desc.writable, true);
  assert.strictEqual(desc.enumerable, false);
  assert.strictEqual(desc.configurable, true);
  assert.strictEqual(typeof DOMException, 'function');
  assert.strictEqual(DOMException.name, 'DOMException');
  assert.strictEqual(DOMException.length, 0);
  assert.strictEqual(Object.getPrototypeOf(DOMException), Function.prototype);
  assert.strictEqual(Object.getPrototypeOf(DOMException.prototype), Error.prototype);
  assert.strictEqual(DOMException.prototype.constructor, DOMException);
  const proto = Object.getOwnPropertyDescriptor(DOMException, 'prototype');
  assert.deepStrictEqual([proto.writable, proto.enumerable, proto.configurable], [false, false, false]);
  assert.deepStrictEqual(Object.getOwnPropertyNames(DOMException), ['length', 'name', 'prototype', ...constants]);
  assert.deepStrictEqual(Object.getOwnPropertyNames(DOMException.prototype),
                         ['constructor', 'name', 'message', 'code', ...constants]);
  assert.strictEqual(DOMException.prototype.toString, Error.prototype.toString);
});

test('cannot be called without new', () => {
  assert.throws(() => DOMException('x'), TypeError);
});

test('defaults: message "", name "Error", code 0', () => {
  for (const e of [new DOMException(), new DOMException(undefined), new DOMException(undefined, undefined)]) {
    assert.strictEqual(e.message, '');
    assert.strictEqual(e.name, 'Error');
    assert.strictEqual(e.code, 0);
  }
});

test('message and name are converted to strings', () => {
  const e = new DOMException(null, null);
  assert.strictEqual(e.message, 'null');
  assert.strictEqual(e.name, 'null');
  const f = new DOMException(5, { toString() { return 'ignored'; }, name: 'NotFoundError' });
  assert.strictEqual(f.message, '5');
  assert.strictEqual(f.name, 'NotFoundError');
  assert.strictEqual(f.code, 8);
  const g = new DOMException('m', { name: { toString() { return 'SyntaxError'; } } });
  assert.strictEqual(g.name, 'SyntaxError');
  assert.strictEqual(g.code, 12);
  assert.throws(() => new DOMException(Symbol('x')), TypeError);
  assert.throws(() => new DOMException('a', Symbol('x')), TypeError);
});

test('every name maps to its legacy code', () => {
  for (const [name, code] of names) {
    const e = new DOMException('m', name);
    assert.strictEqual(e.name, name);
    assert.strictEqual(e.code, code, name);
    assert.strictEqual(new DOMException('m', { name }).code, code, name);
  }
});

test('legacy constants on the constructor and the prototype', () => {
  constants.forEach((key, i) => {
    assert.strictEqual(DOMException[key], i + 1, key);
    assert.strictEqual(DOMException.prototype[key], i + 1, key);
    assert.strictEqual(new DOMException()[key], i + 1, key);
    for (const holder of [DOMException, DOMException.prototype]) {
      assert.deepStrictEqual(Object.getOwnPropertyDescriptor(holder, key),
                             { value: i + 1, writable: false, enumerable: true, configurable: false });
    }
  });
});

test('options object: name, and cause as an own property only when present', () => {
  const e = new DOMException('m', { name: 'AbortError', cause: 42 });
  assert.strictEqual(e.name, 'AbortError');
  assert.strictEqual(e.code, 20);
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(e, 'cause'),
                         { value: 42, writable: true, enumerable: false, configurable: true });
  const u = new DOMException('m', { cause: undefined });
  assert.ok(Object.hasOwn(u, 'cause'));
  assert.strictEqual(u.cause, undefined);
  // An options object without name gives the name "undefined".
  assert.strictEqual(u.name, 'undefined');
  const none = new DOMException('m', 'AbortError');
  assert.strictEqual(Object.hasOwn(none, 'cause'), false);
  assert.strictEqual(Object.hasOwn(new DOMException('m', {}), 'cause'), false);
  // A function is not an options object.
  const fn = function () {};
  assert.strictEqual(new DOMException('m', fn).name, String(fn));
});

test('order: options.name is read, then message and name converted, then cause', () => {
  const order = [];
  new DOMException({ toString() { order.push('message'); return 'm'; } }, {
    get name() { order.push('get name'); return { toString() { order.push('name'); return 'X'; } }; },
    get cause() { order.push('get cause'); return 1; },
  });
  assert.deepStrictEqual(order, ['get name', 'message', 'name', 'get cause']);
});

test('cause is checked with the in operator', () => {
  const log = [];
  const options = new Proxy({}, {
    has(t, k) { log.push(`has ${String(k)}`); return k === 'cause'; },
    get(t, k) { log.push(`get ${String(k)}`); return 'v'; },
  });
  const e = new DOMException('a', options);
  assert.deepStrictEqual(log, ['get name', 'has cause', 'get cause']);
  assert.strictEqual(e.name, 'v');
  assert.strictEqual(e.cause, 'v');
});

test('instances: only own stack (and cause); Error behaviour', () => {
  const e = new DOMException('msg', 'AbortError');
  assert.deepStrictEqual(Object.getOwnPropertyNames(e), ['stack']);
  assert.deepStrictEqual(Object.keys(e), []);
  assert.strictEqual(typeof e.stack, 'string');
  assert.ok(e instanceof DOMException);
  assert.ok(e instanceof Error);
  assert.strictEqual(Object.prototype.toString.call(e), '[object DOMException]');
  assert.strictEqual(String(e), 'AbortError: msg');
  assert.strictEqual(JSON.stringify(e), '{}');
  const withCause = new DOMException('m', { name: 'X', cause: 1 });
  assert.deepStrictEqual(Object.getOwnPropertyNames(withCause), ['stack', 'cause']);
});

test('name, message and code are enumerable prototype getters', () => {
  for (const key of ['name', 'message', 'code']) {
    const desc = Object.getOwnPropertyDescriptor(DOMException.prototype, key);
    assert.strictEqual(typeof desc.get, 'function', key);
    assert.strictEqual(desc.set, undefined, key);
    assert.strictEqual(desc.enumerable, true, key);
    assert.strictEqual(desc.configurable, true, key);
    assert.strictEqual(desc.get.name, `get ${key}`);
  }
  const e = new DOMException('m', 'AbortError');
  // Getter-only: assignment is ignored outside strict mode and throws inside it.
  assert.throws(() => { e.name = 'x'; }, TypeError);
  assert.strictEqual(e.name, 'AbortError');
});

test('the getters check their receiver: ERR_INVALID_THIS', () => {
  for (const key of ['name', 'message', 'code']) {
    const get = Object.getOwnPropertyDescriptor(DOMException.prototype, key).get;
    assert.throws(() => get.call({}), invalidThis, key);
    assert.throws(() => get.call(Object.create(DOMException.prototype)), invalidThis, key);
    assert.throws(() => get.call(new Error('x')), invalidThis, key);
  }
  assert.throws(() => DOMException.prototype.message, invalidThis);
  try {
    void DOMException.prototype.code;
  } catch (err) {
    assert.strictEqual(String(err), 'TypeError [ERR_INVALID_THIS]: Value of "this" must be of DOMException');
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(err, 'code'),
                           { value: 'ERR_INVALID_THIS', writable: true, enumerable: true, configurable: true });
    assert.strictEqual(Object.getOwnPropertyDescriptor(err, 'message').enumerable, false);
    assert.strictEqual(Object.getPrototypeOf(err), TypeError.prototype);
  }
});

test('Symbol.toStringTag', () => {
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(DOMException.prototype, Symbol.toStringTag),
                         { value: 'DOMException', writable: false, enumerable: false, configurable: true });
});

test('subclasses and other new.target values get working instances', () => {
  class MyError extends DOMException {
    constructor() { super('sub', 'TimeoutError'); }
  }
  const e = new MyError();
  assert.strictEqual(e.name, 'TimeoutError');
  assert.strictEqual(e.code, 23);
  assert.strictEqual(e.message, 'sub');
  assert.ok(e instanceof DOMException);
  assert.strictEqual(Object.prototype.toString.call(e), '[object DOMException]');
  const plain = Reflect.construct(DOMException, ['m', 'AbortError'], Object);
  assert.strictEqual(Object.getPrototypeOf(plain), Object.prototype);
  const get = Object.getOwnPropertyDescriptor(DOMException.prototype, 'name').get;
  assert.strictEqual(get.call(plain), 'AbortError');
});

test('the stack is captured at construction', () => {
  function makeIt() { return new DOMException('m', 'DataCloneError'); }
  const e = makeIt();
  assert.match(e.stack, /makeIt/);
  const before = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const quiet = new DOMException('q');
    assert.ok(Object.hasOwn(quiet, 'stack'));
  } finally {
    Error.stackTraceLimit = before;
  }
});

test('structuredClone copies name, message and stack (not cause) into a DOMException', () => {
  const e = new DOMException('mm', { name: 'DataCloneError', cause: { a: 1 } });
  const c = structuredClone(e);
  assert.notStrictEqual(c, e);
  assert.ok(c instanceof DOMException);
  assert.strictEqual(c.name, 'DataCloneError');
  assert.strictEqual(c.message, 'mm');
  assert.strictEqual(c.code, 25);
  assert.strictEqual(c.stack, e.stack);
  assert.strictEqual(c.cause, undefined);
  class Sub extends DOMException {}
  assert.strictEqual(Object.getPrototypeOf(structuredClone(new Sub('x', 'AbortError'))), DOMException.prototype);
  const s = new DOMException('m', 'QQ');
  s.stack = 'custom';
  s.extra = 1;
  const cs = structuredClone({ s, again: s });
  assert.strictEqual(cs.s, cs.again);
  assert.strictEqual(cs.s.stack, 'custom');
  assert.strictEqual(cs.s.extra, undefined);
  assert.strictEqual(cs.s.code, 0);
});
