'use strict';
// DOMException (WebIDL), as Node exposes it globally. Instances keep their name, message and code in
// a private field; `name`, `message` and `code` are accessors on the prototype that brand-check
// `this`. The two symbol-keyed methods are the structured-clone hooks used by
// internal/structured_clone (Node has the same two methods, under the same descriptions).

const {
  ErrorCaptureStackTrace,
  ErrorPrototype,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  SafeMap,
  Symbol,
  SymbolToStringTag,
  TypeError,
} = primordials;

const kClone = Symbol('messaging_clone_symbol');
const kDeserialize = Symbol('messaging_deserialize_symbol');

// The legacy numeric codes, in WebIDL's table order. Names absent from this table have code 0;
// the three retired names (DOMStringSizeError, NoDataAllowedError, ValidationError) keep their
// constants but map to 0.
const legacyCodes = [
  ['INDEX_SIZE_ERR', 1, 'IndexSizeError'],
  ['DOMSTRING_SIZE_ERR', 2, null],
  ['HIERARCHY_REQUEST_ERR', 3, 'HierarchyRequestError'],
  ['WRONG_DOCUMENT_ERR', 4, 'WrongDocumentError'],
  ['INVALID_CHARACTER_ERR', 5, 'InvalidCharacterError'],
  ['NO_DATA_ALLOWED_ERR', 6, null],
  ['NO_MODIFICATION_ALLOWED_ERR', 7, 'NoModificationAllowedError'],
  ['NOT_FOUND_ERR', 8, 'NotFoundError'],
  ['NOT_SUPPORTED_ERR', 9, 'NotSupportedError'],
  ['INUSE_ATTRIBUTE_ERR', 10, 'InUseAttributeError'],
  ['INVALID_STATE_ERR', 11, 'InvalidStateError'],
  ['SYNTAX_ERR', 12, 'SyntaxError'],
  ['INVALID_MODIFICATION_ERR', 13, 'InvalidModificationError'],
  ['NAMESPACE_ERR', 14, 'NamespaceError'],
  ['INVALID_ACCESS_ERR', 15, 'InvalidAccessError'],
  ['VALIDATION_ERR', 16, null],
  ['TYPE_MISMATCH_ERR', 17, 'TypeMismatchError'],
  ['SECURITY_ERR', 18, 'SecurityError'],
  ['NETWORK_ERR', 19, 'NetworkError'],
  ['ABORT_ERR', 20, 'AbortError'],
  ['URL_MISMATCH_ERR', 21, 'URLMismatchError'],
  ['QUOTA_EXCEEDED_ERR', 22, 'QuotaExceededError'],
  ['TIMEOUT_ERR', 23, 'TimeoutError'],
  ['INVALID_NODE_TYPE_ERR', 24, 'InvalidNodeTypeError'],
  ['DATA_CLONE_ERR', 25, 'DataCloneError'],
];

const codeOfName = new SafeMap();
for (let i = 0; i < legacyCodes.length; i++) {
  const entry = legacyCodes[i];
  if (entry[2] !== null) codeOfName.set(entry[2], entry[1]);
}

let isDOMException;

function codeFor(name) {
  const code = codeOfName.get(name);
  return code === undefined ? 0 : code;
}

// Node's per-context code cannot reach internal/errors, so it builds this one error by hand; the
// shape (own message, toString and an enumerable code) is Node's.
function throwInvalidThis() {
  const err = new TypeError();
  const code = 'ERR_INVALID_THIS';
  ObjectDefineProperties(err, {
    message: {
      value: 'Value of "this" must be of DOMException',
      writable: true,
      enumerable: false,
      configurable: true,
    },
    toString: {
      value: function toString() { return `${this.name} [${code}]: ${this.message}`; },
      writable: true,
      enumerable: false,
      configurable: true,
    },
  });
  err.code = code;
  throw err;
}

class DOMException {
  #internals;

  constructor(message = '', options = 'Error') {
    let name;
    const isDictionary = options !== null && typeof options === 'object';
    if (isDictionary) name = options.name;
    else name = options;
    message = `${message}`;
    name = `${name}`;
    this.#internals = { name, message, code: codeFor(name) };
    // The stack is captured once name and message are known (V8 writes them into its first line),
    // and before `cause`, which Node reads last.
    ErrorCaptureStackTrace(this);
    if (isDictionary && 'cause' in options) {
      ObjectDefineProperty(this, 'cause', {
        value: options.cause,
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
  }

  get name() {
    if (!isDOMException(this)) throwInvalidThis();
    return this.#internals.name;
  }

  get message() {
    if (!isDOMException(this)) throwInvalidThis();
    return this.#internals.message;
  }

  get code() {
    if (!isDOMException(this)) throwInvalidThis();
    return this.#internals.code;
  }

  [kClone]() {
    if (!isDOMException(this)) {
      // Node reads its internals table here and fails the same way on a foreign `this`.
      throw new TypeError("Cannot read properties of undefined (reading 'message')");
    }
    const { message, name } = this.#internals;
    return {
      data: { message, name, stack: this.stack },
      deserializeInfo: 'internal/worker/clone_dom_exception:DOMException',
    };
  }

  [kDeserialize](data) {
    if (!isDOMException(this)) {
      throw new TypeError("Cannot set properties of undefined (setting 'message')");
    }
    const name = `${data.name}`;
    this.#internals = { name, message: `${data.message}`, code: codeFor(name) };
    ObjectDefineProperty(this, 'stack', {
      value: data.stack,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }

  static {
    isDOMException = (value) => value !== null && typeof value === 'object' && #internals in value;
  }
}

ObjectSetPrototypeOf(DOMException.prototype, ErrorPrototype);

// WebIDL: the accessors and the constants are enumerable.
const accessors = {};
for (const key of ['name', 'message', 'code']) accessors[key] = { enumerable: true };
const constants = {};
for (let i = 0; i < legacyCodes.length; i++) {
  constants[legacyCodes[i][0]] = {
    value: legacyCodes[i][1],
    writable: false,
    enumerable: true,
    configurable: false,
  };
}
ObjectDefineProperties(DOMException.prototype, accessors);
ObjectDefineProperties(DOMException, constants);
ObjectDefineProperties(DOMException.prototype, constants);
ObjectDefineProperty(DOMException.prototype, SymbolToStringTag, {
  value: 'DOMException',
  writable: false,
  enumerable: false,
  configurable: true,
});

module.exports = {
  DOMException,
  isDOMException,
  kClone,
  kDeserialize,
};
