'use strict';
// The WHATWG URL API: URL and URLSearchParams, and the file: URL helpers that other modules use.
// Parsing and serialising are C (src/web/url.c through internalBinding('url')): a parse returns the
// href and fills `offsets` with where each component lies, so every getter is a slice of the href
// and a setter is one call that returns the new href.

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  Int32Array,
  IteratorPrototype,
  MathFloor,
  MathMin,
  MathRandom,
  Number: NumberCtor,
  SafeMap,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ReflectOwnKeys,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeToWellFormed,
  Symbol,
  SymbolFor,
  SymbolIterator,
  SymbolToStringTag,
  TypeError,
  decodeURIComponent,
} = primordials;

const binding = internalBinding('url');
const {
  codes: {
    ERR_ARG_NOT_ITERABLE, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH, ERR_INVALID_THIS, ERR_INVALID_TUPLE, ERR_INVALID_URL, ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');

const customInspect = SymbolFor('nodejs.util.inspect.custom');
let inspectFn;
function lazyInspect() {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn;
}

// Indexes into the offsets array; the same layout as src/web/url_binding.c.
const kSchemeEnd = 0, kUsernameStart = 1, kUsernameEnd = 2, kPasswordStart = 3, kPasswordEnd = 4,
  kHostStart = 5, kHostEnd = 6, kPort = 7, kPathStart = 8, kQueryStart = 9, kFragmentStart = 10,
  kHostType = 11, kFlags = 12, kOffsetCount = 13;
// Setter numbers of dx_url_setter (src/web/url.h).
const kHref = 0, kProtocol = 1, kUsername = 2, kPassword = 3, kHost = 4, kHostname = 5, kPort_ = 6,
  kPathname = 7, kSearch = 8, kHash = 9;
const kHostTypeNone = 0;

const offsets = new Int32Array(kOffsetCount);

// The parsed state of one URL: its href and a copy of the offsets.
class URLContext {
  constructor(href) {
    this.href = href;
    this.schemeEnd = offsets[kSchemeEnd];
    this.usernameStart = offsets[kUsernameStart];
    this.usernameEnd = offsets[kUsernameEnd];
    this.passwordStart = offsets[kPasswordStart];
    this.passwordEnd = offsets[kPasswordEnd];
    this.hostStart = offsets[kHostStart];
    this.hostEnd = offsets[kHostEnd];
    this.port = offsets[kPort];
    this.pathStart = offsets[kPathStart];
    this.queryStart = offsets[kQueryStart];
    this.fragmentStart = offsets[kFragmentStart];
    this.hostType = offsets[kHostType];
    this.flags = offsets[kFlags];
  }
  get pathEnd() {
    if (this.queryStart >= 0) return this.queryStart;
    if (this.fragmentStart >= 0) return this.fragmentStart;
    return this.href.length;
  }
  get hasOpaquePath() { return (this.flags & 1) !== 0; }
}

// What Node's accessors throw for a receiver that is not a URL: the TypeError of a failed
// private-field read, or for toString, toJSON and the href and search getters (private methods in
// Node) that of a failed brand check. (URL's static #ctx and #ctxBrand check; they are small
// enough for the JIT to inline into every accessor.)
function throwNoContext() {
  throw new TypeError('Cannot read private member #context from an object whose class did not declare it');
}
function throwNotURL() {
  throw new TypeError('Receiver must be an instance of class URL');
}

// ToString, with V8's message for a Symbol (JSC words its TypeError differently, and programs and
// Node's tests match the message).
function toStr(v) {
  if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return `${v}`;
}

function toUSVString(v) {
  return StringPrototypeToWellFormed(toStr(v));
}

// Parsed bases of recent relative parses, so that resolving many references against the same few
// bases converts and parses each base once: base string -> binding.parseBase's object (null for an
// invalid base), or kSeenOnce for a base met once (a base used only once costs no object). Bounded:
// emptied when full.
const baseCache = new SafeMap();
const kBaseCacheMax = 64;
const kSeenOnce = 0;

// Both the constructor and the static functions convert their arguments with template literals,
// as Node does (a Symbol throws a TypeError). input and base are strings (base may be undefined).
function parseOrNull(input, base) {
  let href;
  if (base === undefined) {
    href = binding.parse(input, undefined, offsets);
  } else {
    let b = baseCache.get(base);
    if (b === undefined) {
      // The first time: base and input parsed in one call, and no object.
      if (baseCache.size >= kBaseCacheMax) baseCache.clear();
      baseCache.set(base, kSeenOnce);
      href = binding.parse(input, base, offsets);
    } else {
      if (b === kSeenOnce) {
        b = binding.parseBase(base);
        baseCache.set(base, b);
      }
      if (b === null) return null;
      href = binding.parseWithBase(input, b, offsets);
    }
  }
  return href === undefined ? null : new URLContext(href);
}

const kLinked = Symbol('kLinked');
// Passed as the input to build a URL from a context already parsed (URL.parse), never reachable
// from user code.
const kFromContext = Symbol('kFromContext');
let pendingContext = null;

class URL {
  #context;
  #searchParams;

  constructor(input, base = undefined) {
    if (input === kFromContext) {
      this.#context = pendingContext;
      pendingContext = null;
      return;
    }
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toStr(input);
    if (base !== undefined) base = toStr(base);
    const c = parseOrNull(input, base);
    if (c === null) {
      const err = new ERR_INVALID_URL();
      err.input = input;
      if (base !== undefined) err.base = base;
      throw err;
    }
    this.#context = c;
  }

  static #has(v) { return v != null && typeof v === 'object' && #context in v; }
  static #ctx(self) {
    if (self == null || typeof self !== 'object' || !(#context in self)) throwNoContext();
    return self.#context;
  }
  static #ctxBrand(self) {
    if (self == null || typeof self !== 'object' || !(#context in self)) throwNotURL();
    return self.#context;
  }

  #set(which, value) {
    const c = this.#context;
    const href = binding.update(c.href, which, toStr(value), offsets);
    if (href === false) return false;
    this.#context = new URLContext(href);
    return true;
  }

  [customInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const inspect = lazyInspect();
    const ctor = this.constructor;
    const obj = { __proto__: { constructor: ctor } };
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts.showHidden) obj[Symbol('context')] = this.#context;
    const name = typeof ctor === 'function' && typeof ctor.name === 'string' ? ctor.name : 'URL';
    const body = inspect(obj, opts);
    // inspect names the object after its prototype's constructor already.
    return StringPrototypeStartsWith(body, `${name} `) ? body : `${name} ${body}`;
  }

  toString() { return URL.#ctxBrand(this).href; }

  get href() { return URL.#ctxBrand(this).href; }
  set href(value) {
    URL.#ctx(this);
    value = toStr(value);
    if (!this.#set(kHref, value)) {
      const err = new ERR_INVALID_URL();
      err.input = value;
      throw err;
    }
    this.#updateSearchParams();
  }

  get origin() { return originOf(URL.#ctx(this)); }

  get protocol() {
    const c = URL.#ctx(this);
    return StringPrototypeSlice(c.href, 0, c.schemeEnd + 1);
  }
  set protocol(value) { URL.#ctx(this); this.#set(kProtocol, value); }

  get username() {
    const c = URL.#ctx(this);
    return StringPrototypeSlice(c.href, c.usernameStart, c.usernameEnd);
  }
  set username(value) { URL.#ctx(this); this.#set(kUsername, value); }

  get password() {
    const c = URL.#ctx(this);
    return StringPrototypeSlice(c.href, c.passwordStart, c.passwordEnd);
  }
  set password(value) { URL.#ctx(this); this.#set(kPassword, value); }

  get host() {
    const c = URL.#ctx(this);
    return StringPrototypeSlice(c.href, c.hostStart, c.port >= 0 ? c.pathStart : c.hostEnd);
  }
  set host(value) { URL.#ctx(this); this.#set(kHost, value); }

  get hostname() {
    const c = URL.#ctx(this);
    return StringPrototypeSlice(c.href, c.hostStart, c.hostEnd);
  }
  set hostname(value) { URL.#ctx(this); this.#set(kHostname, value); }

  get port() {
    const c = URL.#ctx(this);
    return c.port >= 0 ? `${c.port}` : '';
  }
  set port(value) { URL.#ctx(this); this.#set(kPort_, value); }

  get pathname() {
    const c = URL.#ctx(this);
    return StringPrototypeSlice(c.href, c.pathStart, c.pathEnd);
  }
  set pathname(value) { URL.#ctx(this); this.#set(kPathname, value); }

  get search() {
    const c = URL.#ctxBrand(this);
    if (c.queryStart < 0) return '';
    const end = c.fragmentStart >= 0 ? c.fragmentStart : c.href.length;
    return end - c.queryStart <= 1 ? '' : StringPrototypeSlice(c.href, c.queryStart, end);
  }
  set search(value) {
    URL.#ctx(this);
    this.#set(kSearch, toUSVString(value));
    this.#updateSearchParams();
  }

  get searchParams() {
    URL.#ctx(this);
    if (this.#searchParams === undefined) {
      this.#searchParams = new URLSearchParams();
      linkSearchParams(this.#searchParams, this, this.search);
    }
    return this.#searchParams;
  }

  get hash() {
    const c = URL.#ctx(this);
    if (c.fragmentStart < 0 || c.href.length - c.fragmentStart <= 1) return '';
    return StringPrototypeSlice(c.href, c.fragmentStart);
  }
  set hash(value) { URL.#ctx(this); this.#set(kHash, value); }

  toJSON() { return URL.#ctxBrand(this).href; }

  #updateSearchParams() {
    if (this.#searchParams !== undefined) resetSearchParams(this.#searchParams, this.search);
  }

  // Called by a linked URLSearchParams after it changed (the URL Standard's "update steps").
  static [kLinked](url, serialized) {
    url.#set(kSearch, serialized);
  }

  static parse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = toStr(url);
    if (base !== undefined) base = toStr(base);
    const c = parseOrNull(url, base);
    if (c === null) return null;
    pendingContext = c;
    return new URL(kFromContext);
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = toStr(url);
    if (base !== undefined) base = toStr(base);
    return binding.canParse(url, base);
  }

  static createObjectURL(obj) {
    const Blob = globalThis.Blob;
    if (typeof Blob !== 'function' || !(obj instanceof Blob)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    const id = randomUUID();
    blobStore.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    if (typeof url !== 'string') return;
    const c = parseOrNull(url);
    if (c === null || StringPrototypeSlice(c.href, 0, c.schemeEnd) !== 'blob') return;
    const path = StringPrototypeSlice(c.href, c.pathStart, c.pathEnd);
    if (!StringPrototypeStartsWith(path, 'nodedata:')) return;
    blobStore.delete(StringPrototypeSlice(path, 9));
  }

  static isURLObject(v) { return URL.#has(v); }
  static contextOf(u) { return URL.#has(u) ? u.#context : undefined; }
}

const contextOfURL = URL.contextOf;
const isURLObject = URL.isURLObject;
const notifyURL = URL[kLinked];
delete URL.contextOf;
delete URL.isURLObject;
delete URL[kLinked];

function originOf(c) {
  const scheme = StringPrototypeSlice(c.href, 0, c.schemeEnd);
  switch (scheme) {
    case 'http': case 'https': case 'ws': case 'wss': case 'ftp':
      return `${scheme}://${StringPrototypeSlice(c.href, c.hostStart, c.port >= 0 ? c.pathStart : c.hostEnd)}`;
    case 'blob': {
      // A blob: URL's origin is that of the URL in its path, when that is http(s).
      const inner = parseOrNull(StringPrototypeSlice(c.href, c.pathStart, c.pathEnd));
      if (inner === null) return 'null';
      const s = StringPrototypeSlice(inner.href, 0, inner.schemeEnd);
      return s === 'http' || s === 'https' ? originOf(inner) : 'null';
    }
    default:
      return 'null';
  }
}

const kEnumerable = { __proto__: null, enumerable: true };
ObjectDefineProperties(URL.prototype, {
  [SymbolToStringTag]: { __proto__: null, configurable: true, value: 'URL' },
  toString: kEnumerable, toJSON: kEnumerable, href: kEnumerable, origin: kEnumerable,
  protocol: kEnumerable, username: kEnumerable, password: kEnumerable, host: kEnumerable,
  hostname: kEnumerable, port: kEnumerable, pathname: kEnumerable, search: kEnumerable,
  searchParams: kEnumerable, hash: kEnumerable,
});
ObjectDefineProperties(URL, {
  parse: kEnumerable, canParse: kEnumerable, createObjectURL: kEnumerable, revokeObjectURL: kEnumerable,
});

// Blobs registered by URL.createObjectURL, by id ("blob:nodedata:<id>").
const blobStore = new SafeMap();
function resolveObjectURL(url) {
  const c = parseOrNull(toStr(url));
  if (c === null || StringPrototypeSlice(c.href, 0, c.schemeEnd) !== 'blob') return undefined;
  const path = StringPrototypeSlice(c.href, c.pathStart, c.pathEnd);
  if (!StringPrototypeStartsWith(path, 'nodedata:')) return undefined;
  return blobStore.get(StringPrototypeSlice(path, 9));
}

// A version 4 UUID for blob URLs; they only need to be unique within the process.
function randomUUID() {
  const hex = '0123456789abcdef';
  let s = '';
  for (let i = 0; i < 32; i++) {
    let d = MathFloor(MathRandom() * 16);
    if (i === 12) d = 4;
    else if (i === 16) d = 8 | (d & 3);
    s += hex[d];
    if (i === 7 || i === 11 || i === 15 || i === 19) s += '-';
  }
  return s;
}

// ---- URLSearchParams ----

// The name/value list of a URL's query: `search` is url.search ("?..."), always ASCII. Without '%'
// and '+' the application/x-www-form-urlencoded parser decodes nothing, so its pairs are slices of
// the string; the rest goes to the C parser (one crossing either way would cost more than this loop).
function parseSearch(search) {
  if (StringPrototypeIncludes(search, '%') || StringPrototypeIncludes(search, '+')) {
    return binding.parseParams(StringPrototypeSlice(search, 1));
  }
  const list = [];
  const n = search.length;
  // The next '=' at or after `start`, found once per '=' so the loop stays linear.
  let eq = 0;
  for (let start = 1; start < n;) {
    let amp = StringPrototypeIndexOf(search, '&', start);
    if (amp === -1) amp = n;
    if (amp > start) {
      if (eq !== -1 && eq < start) eq = StringPrototypeIndexOf(search, '=', start);
      if (eq !== -1 && eq < amp) {
        ArrayPrototypePush(list, StringPrototypeSlice(search, start, eq), StringPrototypeSlice(search, eq + 1, amp));
      } else {
        ArrayPrototypePush(list, StringPrototypeSlice(search, start, amp), '');
      }
    }
    start = amp + 1;
  }
  return list;
}

class URLSearchParams {
  #list = [];        // [name, value, name, value, ...]
  #url = null;       // the URL whose query this object reflects, if any

  constructor(init = undefined) {
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[SymbolIterator];
      if (method === this[SymbolIterator] && URLSearchParams.#has(init)) {
        const other = init.#list;
        for (let i = 0; i < other.length; i++) ArrayPrototypePush(this.#list, other[i]);
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair == null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[SymbolIterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const kv = [];
          for (const x of pair) ArrayPrototypePush(kv, x);
          if (kv.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          ArrayPrototypePush(this.#list, toUSVString(kv[0]), toUSVString(kv[1]));
        }
      } else {
        // A record: own enumerable string keys, the last value of a key winning its first place.
        const keys = ReflectOwnKeys(init);
        const seen = new SafeMap();
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const desc = ObjectGetOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const k = toUSVString(key);
          const v = toUSVString(init[key]);
          const at = seen.get(k);
          if (at === undefined) {
            seen.set(k, this.#list.length);
            ArrayPrototypePush(this.#list, k, v);
          } else {
            this.#list[at + 1] = v;
          }
        }
      }
    } else {
      init = toUSVString(init);
      this.#list = binding.parseParams(StringPrototypeStartsWith(init, '?') ? StringPrototypeSlice(init, 1) : init);
    }
  }

  static #has(v) { return v != null && typeof v === 'object' && #list in v; }
  static #check(v) {
    if (!URLSearchParams.#has(v)) throw new ERR_INVALID_THIS('URLSearchParams');
  }

  #update() {
    if (this.#url === null) return;
    notifyURL(this.#url, binding.serializeParams(this.#list));
  }

  static link(params, url, search) {
    params.#url = url;
    params.#list = search ? parseSearch(search) : [];
  }
  static reset(params, search) {
    params.#list = search ? parseSearch(search) : [];
  }
  static list(params) { return params.#list; }

  get size() {
    URLSearchParams.#check(this);
    return this.#list.length / 2;
  }

  append(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    ArrayPrototypePush(this.#list, toUSVString(name), toUSVString(value));
    this.#update();
  }

  delete(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) ArrayPrototypeSplice(list, i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) ArrayPrototypeSplice(list, i, 2);
        else i += 2;
      }
    }
    this.#update();
  }

  get(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    const out = [];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) ArrayPrototypePush(out, list[i + 1]);
    return out;
  }

  has(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this.#list;
    name = toUSVString(name);
    value = toUSVString(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] !== name) { i += 2; continue; }
      if (!found) {
        list[i + 1] = value;
        found = true;
        i += 2;
      } else {
        ArrayPrototypeSplice(list, i, 2);
      }
    }
    if (!found) ArrayPrototypePush(list, name, value);
    this.#update();
  }

  sort() {
    URLSearchParams.#check(this);
    // A stable sort by name in UTF-16 code units (the standard's order): a merge sort of indexes,
    // with the index as the tie-breaker.
    const list = this.#list;
    const n = list.length / 2;
    const idx = [];
    for (let i = 0; i < n; i++) idx[i] = i;
    const cmp = (a, b) => {
      const x = list[a * 2], y = list[b * 2];
      return x < y ? -1 : x > y ? 1 : a - b;
    };
    mergeSort(idx, cmp);
    const out = [];
    for (let i = 0; i < n; i++) ArrayPrototypePush(out, list[idx[i] * 2], list[idx[i] * 2 + 1]);
    this.#list = out;
    this.#update();
  }

  forEach(callback, thisArg = undefined) {
    URLSearchParams.#check(this);
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    let list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      callback.call(thisArg, list[i + 1], list[i], this);
      list = this.#list;
    }
  }

  entries() {
    URLSearchParams.#check(this);
    return createIterator(this, 'key+value');
  }
  keys() {
    URLSearchParams.#check(this);
    return createIterator(this, 'key');
  }
  values() {
    URLSearchParams.#check(this);
    return createIterator(this, 'value');
  }

  toString() {
    URLSearchParams.#check(this);
    return binding.serializeParams(this.#list);
  }

  [customInspect](recurseTimes, opts) {
    URLSearchParams.#check(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return opts.stylize('[Object]', 'special');
    const inspect = lazyInspect();
    const inner = { ...opts };
    if (recurseTimes !== null) inner.depth = recurseTimes - 1;
    const list = this.#list;
    const parts = [];
    let width = -2;
    for (let i = 0; i < list.length; i += 2) {
      const s = `${inspect(list[i], inner)} => ${inspect(list[i + 1], inner)}`;
      ArrayPrototypePush(parts, s);
      width += removeColors(s).length + 2;
    }
    const name = this.constructor.name;
    if (parts.length === 0) return `${name} {}`;
    if (width > opts.breakLength) return `${name} {\n  ${ArrayPrototypeJoin(parts, ',\n  ')} }`;
    return `${name} { ${ArrayPrototypeJoin(parts, ', ')} }`;
  }
}

function removeColors(s) {
  return require('internal/util/inspect').stripVTControlCharacters(s);
}

function mergeSort(a, cmp) {
  if (a.length < 2) return;
  const tmp = [];
  for (let width = 1; width < a.length; width *= 2) {
    for (let lo = 0; lo < a.length; lo += 2 * width) {
      const mid = MathMin(lo + width, a.length), hi = MathMin(lo + 2 * width, a.length);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) tmp[k++] = cmp(a[i], a[j]) <= 0 ? a[i++] : a[j++];
      while (i < mid) tmp[k++] = a[i++];
      while (j < hi) tmp[k++] = a[j++];
    }
    for (let i = 0; i < a.length; i++) a[i] = tmp[i];
  }
}

const linkSearchParams = URLSearchParams.link;
const resetSearchParams = URLSearchParams.reset;
const paramsList = URLSearchParams.list;
delete URLSearchParams.link;
delete URLSearchParams.reset;
delete URLSearchParams.list;

ObjectDefineProperties(URLSearchParams.prototype, {
  append: kEnumerable, delete: kEnumerable, get: kEnumerable, getAll: kEnumerable, has: kEnumerable,
  set: kEnumerable, size: kEnumerable, sort: kEnumerable, entries: kEnumerable, forEach: kEnumerable,
  keys: kEnumerable, values: kEnumerable, toString: kEnumerable,
  [SymbolToStringTag]: { __proto__: null, configurable: true, value: 'URLSearchParams' },
  [SymbolIterator]: { __proto__: null, configurable: true, writable: true, value: URLSearchParams.prototype.entries },
});

// The iterator reads the live list, so changes during iteration are seen (as the standard's
// iterator over the list does).
const iteratorState = new WeakMap();
const URLSearchParamsIteratorPrototype = {
  __proto__: IteratorPrototype,
  next() {
    const st = this != null && typeof this === 'object' ? iteratorState.get(this) : undefined;
    if (st === undefined) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    const list = paramsList(st.target);
    if (st.index >= list.length) return { value: undefined, done: true };
    const name = list[st.index], value = list[st.index + 1];
    st.index += 2;
    const out = st.kind === 'key' ? name : st.kind === 'value' ? value : [name, value];
    return { value: out, done: false };
  },
  [customInspect](recurseTimes, opts) {
    const st = iteratorState.get(this);
    if (st === undefined) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    const inspect = lazyInspect();
    const inner = { ...opts };
    if (recurseTimes !== null) inner.depth = recurseTimes - 1;
    const list = paramsList(st.target);
    const items = [];
    for (let i = st.index; i < list.length; i += 2) {
      ArrayPrototypePush(items, st.kind === 'key' ? list[i] : st.kind === 'value' ? list[i + 1] : [list[i], list[i + 1]]);
    }
    // The remaining entries, on one line unless printing them as an array needs several.
    const strs = [];
    for (let i = 0; i < items.length; i++) ArrayPrototypePush(strs, inspect(items[i], inner));
    const multiline = StringPrototypeIncludes(inspect(items, inner), '\n');
    const body = multiline ? `\n  ${ArrayPrototypeJoin(strs, ',\n  ')}` : ` ${ArrayPrototypeJoin(strs, ', ')}`;
    return `URLSearchParams Iterator {${body} }`;
  },
};
ObjectDefineProperty(URLSearchParamsIteratorPrototype, SymbolToStringTag,
  { __proto__: null, configurable: true, value: 'URLSearchParams Iterator' });
ObjectDefineProperty(URLSearchParamsIteratorPrototype, 'next', { __proto__: null, enumerable: true });

function createIterator(target, kind) {
  const it = { __proto__: URLSearchParamsIteratorPrototype };
  iteratorState.set(it, { target, kind, index: 0 });
  return it;
}

// ---- helpers for node:url and other modules ----

function isURL(v) {
  return isURLObject(v);
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return binding.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return binding.domainToUnicode(`${domain}`);
}

// url.format(URL, options): the href without the parts the options turn off.
function formatURL(url, fragment, unicode, search, auth) {
  const c = contextOfURL(url);
  const h = c.href;
  let out = StringPrototypeSlice(h, 0, c.schemeEnd + 1);
  if (c.hostType !== kHostTypeNone) {
    out += '//';
    if (auth && c.usernameEnd > c.usernameStart || auth && c.passwordEnd > c.passwordStart) {
      out += StringPrototypeSlice(h, c.usernameStart, c.hostStart);
    }
    out += unicode ? binding.domainToUnicode(StringPrototypeSlice(h, c.hostStart, c.hostEnd)) ||
      StringPrototypeSlice(h, c.hostStart, c.hostEnd) : StringPrototypeSlice(h, c.hostStart, c.hostEnd);
    out += StringPrototypeSlice(h, c.hostEnd, c.pathStart);
  }
  out += StringPrototypeSlice(h, c.hostType !== kHostTypeNone ? c.pathStart : c.schemeEnd + 1, c.pathEnd);
  if (search && c.queryStart >= 0) {
    out += StringPrototypeSlice(h, c.queryStart, c.fragmentStart >= 0 ? c.fragmentStart : h.length);
  }
  if (fragment && c.fragmentStart >= 0) out += StringPrototypeSlice(h, c.fragmentStart);
  return out;
}

const isWindows = false;

function fileURLToPath(path, options = undefined) {
  const windows = options?.windows ?? isWindows;
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return windows ? windowsPathFromURL(path) : posixPathFromURL(path);
}

// Whether s has a percent-encoded character among `codes` (lower-case hex digits after "%").
function hasEncoded(s, codes) {
  for (let i = 0; i + 2 < s.length; i++) {
    if (StringPrototypeCharCodeAt(s, i) !== 37) continue;
    const pair = `${s[i + 1]}${s[i + 2]}`.toLowerCase();
    if (StringPrototypeIncludes(codes, pair)) return true;
  }
  return false;
}

// The error carries the URL as `input`, as Node's does.
function invalidFileURLPath(reason, url) {
  const err = new ERR_INVALID_FILE_URL_PATH(reason);
  err.input = url;
  return err;
}

function posixPathFromURL(url) {
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  if (hasEncoded(pathname, '2f')) throw invalidFileURLPath('must not include encoded / characters', url);
  return decodeURIComponent(pathname);
}

function windowsPathFromURL(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  if (hasEncoded(pathname, '2f 5c')) throw invalidFileURLPath('must not include encoded \\ or / characters', url);
  pathname = decodeURIComponent(pathname.replaceAll('/', '\\'));
  if (hostname !== '') return `\\\\${domainToUnicode(hostname)}${pathname}`;
  const letter = StringPrototypeCharCodeAt(pathname, 1) | 0x20;
  if (letter < 97 || letter > 122 || pathname[2] !== ':') throw invalidFileURLPath('must be absolute', url);
  return StringPrototypeSlice(pathname, 1);
}

// Characters pathToFileURL escapes itself before the URL parser sees the path: the ones the parser
// would read as delimiters or drop, and those RFC 1738 calls unsafe. '\' only on POSIX, where it is
// an ordinary file name character.
const pathEscapes = {
  __proto__: null, '\0': '%00', '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', '#': '%23',
  '%': '%25', '?': '%3F', '[': '%5B', ']': '%5D', '^': '%5E', '|': '%7C', '~': '%7E',
};

function escapePath(p, windows) {
  let out = '';
  let last = 0;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    const e = ch === '\\' ? (windows ? undefined : '%5C') : pathEscapes[ch];
    if (e === undefined) continue;
    out += StringPrototypeSlice(p, last, i) + e;
    last = i + 1;
  }
  return last === 0 ? p : out + StringPrototypeSlice(p, last);
}

function pathToFileURL(filepath, options = undefined) {
  const windows = options?.windows ?? isWindows;
  if (typeof filepath !== 'string') throw new ERR_INVALID_ARG_TYPE('path', 'string', filepath);
  const path = require('path');
  // An extended-length path to a drive (\\?\C:\x) names the same file as C:\x.
  if (windows && StringPrototypeStartsWith(filepath, '\\\\?\\') && !StringPrototypeStartsWith(filepath, '\\\\?\\UNC\\')) {
    filepath = StringPrototypeSlice(filepath, 4);
  }
  const isUNC = windows && StringPrototypeStartsWith(filepath, '\\\\');
  let resolved = isUNC ? filepath : windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath);
  if (isUNC || (windows && StringPrototypeStartsWith(resolved, '\\\\'))) {
    // \\server\share\resource, or the extended \\?\UNC\server\share\resource.
    const prefix = StringPrototypeStartsWith(resolved, '\\\\?\\UNC\\') ? 8 : 2;
    const end = resolved.indexOf('\\', prefix);
    if (end === -1) throw new ERR_INVALID_ARG_VALUE('path', resolved, 'Missing UNC resource path');
    if (end === 2) throw new ERR_INVALID_ARG_VALUE('path', resolved, 'Empty UNC servername');
    const host = StringPrototypeSlice(resolved, prefix, end);
    return new URL(`file://${host}${escapePath(StringPrototypeSlice(resolved, end), true)}`);
  }
  // resolve() drops a trailing separator, which is part of the URL.
  const lastCh = StringPrototypeCharCodeAt(filepath, filepath.length - 1);
  if ((lastCh === 47 || (windows && lastCh === 92)) &&
      resolved[resolved.length - 1] !== (windows ? '\\' : '/')) {
    resolved += '/';
  }
  if (windows) return new URL(`file:///${escapePath(resolved, true)}`);
  return new URL(`file://${escapePath(resolved, false)}`);
}

function toPathIfFileURL(v) {
  return isURL(v) ? fileURLToPath(v) : v;
}

function urlToHttpOptions(url) {
  if (url === null || typeof url !== 'object') throw new ERR_INVALID_ARG_TYPE('url', 'object', url);
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: typeof hostname === 'string' && StringPrototypeStartsWith(hostname, '[') ?
      StringPrototypeSlice(hostname, 1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = NumberCtor(port);
  if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return options;
}

module.exports = {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  urlToHttpOptions,
  isURL,
  formatURL,
  resolveObjectURL,
};
