'use strict';
// node:url. The WHATWG API (URL, URLSearchParams, the file: URL helpers) lives in internal/url;
// this module adds the legacy API: url.parse() into a Url object, url.format() and url.resolve().
// The legacy parser is not the URL Standard: it is the lenient splitter Node has always had, with
// its quirks (backslashes become slashes before the query, "user@host" without a scheme is a host,
// RFC 2396 delimiters end the host...). tests/js/url_property.test.js compares it with Node 24 on
// generated inputs.

const {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  ObjectKeys,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  SafeSet,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  decodeURIComponent,
} = primordials;

const {
  URL, URLSearchParams, domainToASCII, domainToUnicode, fileURLToPath, pathToFileURL, urlToHttpOptions,
  isURL, formatURL,
} = require('internal/url');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_URI, ERR_INVALID_URL } } = require('internal/errors');

let querystring;
function qs() {
  querystring ??= require('querystring');
  return querystring;
}

// The Url object: every field present and null until parse() fills it, in this order (the order
// shows in util.inspect and Object.keys).
function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

// Schemes whose URLs never have a host, schemes that always get "//", and schemes whose rest is
// not escaped.
const noHostSchemes = new SafeSet(['javascript', 'javascript:']);
const slashedSchemes = new SafeSet(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const rawSchemes = noHostSchemes;

const schemeRe = /^[a-z0-9.+-]+:/i;
const portRe = /:[0-9]*$/;
const authHostRe = /^\/\/[^@/]+@[^@/]+/;
// A path with an optional query and nothing else: parsed without the general machinery.
const plainPathRe = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const badHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const badIpv6HostChars = /[\0\t\n\r #%/<>?@\\^|]/;
const kMaxHostnameLength = 255;

// Blanks trimmed from both ends: C0 controls, space, no-break space, byte order mark.
function isBlank(c) {
  return c < 33 || c === 160 || c === 65279;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  warnOnce();
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

let warned = false;
function warnOnce() {
  if (warned) return;
  warned = true;
  process.emitWarning('`url.parse()` behavior is not standardized and prone to errors that have security ' +
    'implications. Use the WHATWG URL API instead. CVEs are not issued for `url.parse()` vulnerabilities.',
  'DeprecationWarning', 'DEP0169');
}

// Trims blanks around the input and turns each '\' before the first '?' or '#' into '/'. Returns
// the cleaned string and whether it has a '#' or an '@' before the query (which disable the fast
// path).
function clean(url) {
  let first = -1, end = -1, blankRun = false, split = false;
  let hasHash = false, hasAt = false;
  let out = '', copied = 0;
  for (let i = 0; i < url.length; i++) {
    const c = StringPrototypeCharCodeAt(url, i);
    const blank = isBlank(c);
    if (first === -1) {
      if (blank) continue;
      first = copied = i;
    } else if (blankRun) {
      if (!blank) { end = -1; blankRun = false; }
    } else if (blank) {
      end = i;
      blankRun = true;
    }
    if (split) {
      if (c === 35) hasHash = true;
      continue;
    }
    if (c === 64) hasAt = true;
    else if (c === 35) { hasHash = true; split = true; }
    else if (c === 63) split = true;
    else if (c === 92) {
      out += StringPrototypeSlice(url, copied, i) + '/';
      copied = i + 1;
    }
  }
  if (first === -1) return { rest: '', hasHash, hasAt };
  const stop = end === -1 ? url.length : end;
  if (copied === first) return { rest: StringPrototypeSlice(url, first, stop), hasHash, hasAt };
  if (copied < stop) out += StringPrototypeSlice(url, copied, stop);
  return { rest: out, hasHash, hasAt };
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw new ERR_INVALID_ARG_TYPE('url', 'string', url);
  const cleaned = clean(url);
  let rest = cleaned.rest;

  if (!slashesDenoteHost && !cleaned.hasHash && !cleaned.hasAt) {
    const m = RegExpPrototypeExec(plainPathRe, rest);
    if (m !== null) {
      this.path = rest;
      this.href = rest;
      this.pathname = m[1];
      if (m[2]) {
        this.search = m[2];
        this.query = parseQueryString ? qs().parse(StringPrototypeSlice(m[2], 1)) : StringPrototypeSlice(m[2], 1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let scheme;
  let lowerScheme;
  const sm = RegExpPrototypeExec(schemeRe, rest);
  if (sm !== null) {
    scheme = sm[0];
    lowerScheme = StringPrototypeToLowerCase(scheme);
    this.protocol = lowerScheme;
    rest = StringPrototypeSlice(rest, scheme.length);
  }

  // "//host" is a host after a scheme, when asked for, or when it holds credentials.
  let slashes;
  if (slashesDenoteHost || scheme || RegExpPrototypeExec(authHostRe, rest) !== null) {
    slashes = StringPrototypeCharCodeAt(rest, 0) === 47 && StringPrototypeCharCodeAt(rest, 1) === 47;
    if (slashes && !(scheme && noHostSchemes.has(lowerScheme))) {
      rest = StringPrototypeSlice(rest, 2);
      this.slashes = true;
    }
  }

  if (!noHostSchemes.has(lowerScheme) && (slashes || (scheme && !slashedSchemes.has(scheme)))) {
    rest = this._splitHost(rest, url);
  }

  if (!rawSchemes.has(lowerScheme)) rest = escapeUnsafe(rest);

  let qAt = -1, hAt = -1;
  for (let i = 0; i < rest.length; i++) {
    const c = StringPrototypeCharCodeAt(rest, i);
    if (c === 35) {
      this.hash = StringPrototypeSlice(rest, i);
      hAt = i;
      break;
    }
    if (c === 63 && qAt === -1) qAt = i;
  }
  if (qAt !== -1) {
    const qEnd = hAt === -1 ? rest.length : hAt;
    this.search = StringPrototypeSlice(rest, qAt, qEnd);
    this.query = StringPrototypeSlice(rest, qAt + 1, qEnd);
    if (parseQueryString) this.query = qs().parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const pathEnd = qAt !== -1 && (hAt === -1 || qAt < hAt) ? qAt : hAt;
  if (pathEnd === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (pathEnd > 0) {
    this.pathname = StringPrototypeSlice(rest, 0, pathEnd);
  }
  if (slashedSchemes.has(lowerScheme) && this.hostname && !this.pathname) this.pathname = '/';

  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

// Takes "[auth@]host[:port]" off the front of rest into this; returns what follows.
Url.prototype._splitHost = function _splitHost(rest, original) {
  // The host ends at the first '/', '?' or '#'. Characters RFC 2396 never allows in a host end it
  // too, unless an '@' comes later: then they belong to the credentials, and the last '@' before
  // the end decides where the host starts.
  // Tabs and newlines up to the end of the host are dropped, as the URL Standard drops them.
  let end = -1, at = -1, stop = -1;
  for (let i = 0; i < rest.length; i++) {
    switch (StringPrototypeCharCodeAt(rest, i)) {
      case 9: case 10: case 13:
        rest = StringPrototypeSlice(rest, 0, i) + StringPrototypeSlice(rest, i + 1);
        i--;
        break;
      case 32: case 34: case 37: case 39: case 59: case 60: case 62:
      case 92: case 94: case 96: case 123: case 124: case 125:
        if (stop === -1) stop = i;
        break;
      case 35: case 47: case 63:
        if (stop === -1) stop = i;
        end = i;
        break;
      case 64:
        at = i;
        stop = -1;
        break;
    }
    if (end !== -1) break;
  }
  let start = 0;
  if (at !== -1) {
    this.auth = decodeURIComponent(StringPrototypeSlice(rest, 0, at));
    start = at + 1;
  }
  if (stop === -1) {
    this.host = StringPrototypeSlice(rest, start);
    rest = '';
  } else {
    this.host = StringPrototypeSlice(rest, start, stop);
    rest = StringPrototypeSlice(rest, stop);
  }

  this.parseHost();
  if (typeof this.hostname !== 'string') this.hostname = '';
  const hostname = this.hostname;
  const bracketed = isBracketed(hostname);
  if (!bracketed) {
    // A '/', '\', '#', '?' or ':' left in the host name starts the path.
    for (let i = 0; i < hostname.length; i++) {
      const c = StringPrototypeCharCodeAt(hostname, i);
      if (c === 47 || c === 92 || c === 35 || c === 63 || c === 58) {
        this.hostname = StringPrototypeSlice(hostname, 0, i);
        rest = `/${StringPrototypeSlice(hostname, i)}${rest}`;
        break;
      }
    }
  }
  this.hostname = this.hostname.length > kMaxHostnameLength ? '' : StringPrototypeToLowerCase(this.hostname);
  if (this.hostname !== '') {
    if (bracketed) {
      if (RegExpPrototypeExec(badIpv6HostChars, this.hostname) !== null) throw invalidURL(original);
    } else {
      this.hostname = toASCII(this.hostname);
      // The checks above let no such character through, so one here came from the IDNA
      // conversion: refuse the URL rather than guess where the host ends.
      if (this.hostname === '' || RegExpPrototypeExec(badHostChars, this.hostname) !== null) {
        throw invalidURL(original);
      }
    }
  }
  this.host = (this.hostname || '') + (this.port ? `:${this.port}` : '');
  if (bracketed) {
    this.hostname = StringPrototypeSlice(this.hostname, 1, -1);
    if (rest[0] !== '/') rest = `/${rest}`;
  }
  return rest;
};

function invalidURL(input) {
  const err = new ERR_INVALID_URL();
  err.input = input;
  return err;
}

function isBracketed(h) {
  return StringPrototypeCharCodeAt(h, 0) === 91 && StringPrototypeCharCodeAt(h, h.length - 1) === 93;
}

// The legacy parser leaves ASCII host names as they are (no IPv4 normalisation, no Punycode
// check) and converts others with UTS #46 ToASCII ('' when that fails).
const { legacyToASCII } = internalBinding('url');
const nonASCII = /[^\x00-\x7f]/;
function toASCII(host) {
  // DEL is the one ASCII character that the UTS #46 mapping drops.
  if (RegExpPrototypeExec(nonASCII, host) === null) return StringPrototypeReplaceAll(host, '\x7f', '');
  return legacyToASCII(host);
}

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const m = RegExpPrototypeExec(portRe, host);
  if (m !== null) {
    const port = m[0];
    if (port !== ':') this.port = StringPrototypeSlice(port, 1);
    host = StringPrototypeSlice(host, 0, host.length - port.length);
  }
  if (host) this.hostname = host;
};

// Characters the legacy parser always escapes in the part after the host.
const unsafeEscapes = {
  __proto__: null, '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', '\'': '%27', '<': '%3C',
  '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
function escapeUnsafe(s) {
  let out = '', last = 0;
  for (let i = 0; i < s.length; i++) {
    const e = unsafeEscapes[s[i]];
    if (e === undefined) continue;
    out += StringPrototypeSlice(s, last, i) + e;
    last = i + 1;
  }
  return last === 0 ? s : out + StringPrototypeSlice(s, last);
}

// Characters of the credentials that format() keeps as they are; the rest is percent-encoded.
function authKeeps(c) {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 33 || c === 36 ||
    (c >= 38 && c <= 46) || c === 59 || c === 61 || c === 95 || c === 126;
}
const hexDigits = '0123456789ABCDEF';
function pct(b) {
  return `%${hexDigits[b >> 4]}${hexDigits[b & 15]}`;
}
// Percent-encodes credentials as UTF-8. A surrogate code unit is always joined with the unit after
// it into one supplementary code point, whatever that unit is (Node's encoder does the same), and
// one at the very end is an error.
function encodeAuth(s) {
  let out = '', last = 0;
  for (let i = 0; i < s.length; i++) {
    let c = StringPrototypeCharCodeAt(s, i);
    if (c < 128 && authKeeps(c)) continue;
    out += StringPrototypeSlice(s, last, i);
    if (c < 0x80) {
      out += pct(c);
    } else if (c < 0x800) {
      out += pct(0xC0 | (c >> 6)) + pct(0x80 | (c & 63));
    } else if (c < 0xD800 || c >= 0xE000) {
      out += pct(0xE0 | (c >> 12)) + pct(0x80 | ((c >> 6) & 63)) + pct(0x80 | (c & 63));
    } else {
      if (++i >= s.length) throw new ERR_INVALID_URI();
      c = 0x10000 + (((c & 0x3FF) << 10) | (StringPrototypeCharCodeAt(s, i) & 0x3FF));
      out += pct(0xF0 | (c >> 18)) + pct(0x80 | ((c >> 12) & 63)) + pct(0x80 | ((c >> 6) & 63)) + pct(0x80 | (c & 63));
    }
    last = i + 1;
  }
  return last === 0 ? s : out + StringPrototypeSlice(s, last);
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeAuth(auth)}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const h = this.hostname;
    host = auth + (StringPrototypeIncludes(h, ':') && !isBracketed(h) ? `[${h}]` : h);
    if (this.port) host += `:${this.port}`;
  }
  if (this.query !== null && typeof this.query === 'object') query = qs().stringify(this.query);
  let search = this.search || (query && `?${query}`) || '';

  if (protocol && StringPrototypeCharCodeAt(protocol, protocol.length - 1) !== 58) protocol += ':';

  // '#' and '?' in the path would start the fragment or the query.
  if (StringPrototypeIncludes(pathname, '#') || StringPrototypeIncludes(pathname, '?')) {
    pathname = RegExpPrototypeSymbolReplace(/[#?]/g, pathname, (c) => (c === '#' ? '%23' : '%3F'));
  }

  if (this.slashes || slashedSchemes.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && StringPrototypeCharCodeAt(pathname, 0) !== 47) pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.length >= 4 && StringPrototypeSlice(protocol, 0, 4) === 'file') {
      host = '//';
    }
  }

  search = RegExpPrototypeSymbolReplace(/#/g, search, '%23');
  if (hash && StringPrototypeCharCodeAt(hash, 0) !== 35) hash = `#${hash}`;
  if (search && StringPrototypeCharCodeAt(search, 0) !== 63) search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (isURL(urlObject)) {
    let fragment = true, unicode = false, search = true, auth = true;
    if (options) {
      if (typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    return formatURL(urlObject, fragment, unicode, search, auth);
  }
  return Url.prototype.format.call(urlObject);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

function copyFields(to, from, except) {
  const keys = ObjectKeys(from);
  for (let i = 0; i < keys.length; i++) if (keys[i] !== except) to[keys[i]] = from[keys[i]];
}

function setPath(u) {
  if (u.pathname !== null || u.search !== null) u.path = (u.pathname ? u.pathname : '') + (u.search ? u.search : '');
}

// "user@host" that ended up in a host field: split the credentials off.
function splitAuthFromHost(u) {
  if (!u.host || StringPrototypeIndexOf(u.host, '@') <= 0) return;
  const parts = StringPrototypeSplit(u.host, '@');
  u.auth = ArrayPrototypeShift(parts);
  u.host = u.hostname = ArrayPrototypeShift(parts);
}

// Resolves `relative` against this the way browsers did before the URL Standard, keeping Node's
// results for every odd case (schemes without slashes, dot segments above the root...).
Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const r = new Url();
    r.parse(relative, false, true);
    relative = r;
  }
  const result = new Url();
  copyFields(result, this);
  result.hash = relative.hash;

  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // "//host/path": everything but the scheme comes from relative.
  if (relative.slashes && !relative.protocol) {
    copyFields(result, relative, 'protocol');
    if (slashedSchemes.has(result.protocol) && result.hostname && !result.pathname) result.path = result.pathname = '/';
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // Another scheme: relative is absolute. For a scheme that has hosts, a missing host is taken
    // from the first non-empty path segment.
    if (!slashedSchemes.has(relative.protocol)) {
      copyFields(result, relative);
      result.href = result.format();
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && relative.protocol !== 'file' && relative.protocol !== 'file:' &&
        !noHostSchemes.has(relative.protocol)) {
      const segs = StringPrototypeSplit(relative.pathname || '', '/');
      while (segs.length && !(relative.host = ArrayPrototypeShift(segs)));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (segs[0] !== '') ArrayPrototypeUnshift(segs, '');
      if (segs.length < 2) ArrayPrototypeUnshift(segs, '');
      result.pathname = ArrayPrototypeJoin(segs, '/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }

  const sourceAbsolute = result.pathname && result.pathname[0] === '/';
  const relativeAbsolute = relative.host || (relative.pathname && relative.pathname[0] === '/');
  let endsAbsolute = relativeAbsolute || sourceAbsolute || (result.host && relative.pathname);
  const dropDots = endsAbsolute;
  let segs = (result.pathname && StringPrototypeSplit(result.pathname, '/')) || [];
  const relSegs = (relative.pathname && StringPrototypeSplit(relative.pathname, '/')) || [];
  const hostInPath = result.protocol && !slashedSchemes.has(result.protocol);

  // Without slashes ("mailto:a@b"), the host is just the first path segment, so "../" can climb
  // into it: move it into the path for the duration.
  if (hostInPath) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (segs[0] === '') segs[0] = result.host;
      else ArrayPrototypeUnshift(segs, result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) {
        if (relSegs[0] === '') relSegs[0] = relative.host;
        else ArrayPrototypeUnshift(relSegs, relative.host);
      }
      relative.host = null;
    }
    endsAbsolute = endsAbsolute && (relSegs[0] === '' || segs[0] === '');
  }

  if (relativeAbsolute) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    segs = relSegs;
  } else if (relSegs.length) {
    // A relative path replaces the last segment of the source.
    ArrayPrototypePop(segs);
    for (let i = 0; i < relSegs.length; i++) ArrayPrototypePush(segs, relSegs[i]);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a query: the source's path stays.
    if (hostInPath) {
      result.hostname = result.host = ArrayPrototypeShift(segs);
      splitAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    setPath(result);
    result.href = result.format();
    return result;
  }

  if (!segs.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    result.href = result.format();
    return result;
  }

  // A path ending in "." or ".." (or empty) names a directory: it keeps a trailing slash.
  let last = segs[segs.length - 1];
  const trailingSlash = ((result.host || relative.host || segs.length > 1) && (last === '.' || last === '..')) ||
    last === '';

  // Remove "." and resolve ".." from the end; `up` counts ".." that climbed above the start.
  let up = 0;
  for (let i = segs.length - 1; i >= 0; i--) {
    last = segs[i];
    if (last === '.') {
      ArrayPrototypeSplice(segs, i, 1);
    } else if (last === '..') {
      ArrayPrototypeSplice(segs, i, 1);
      up++;
    } else if (up) {
      ArrayPrototypeSplice(segs, i, 1);
      up--;
    }
  }
  if (!endsAbsolute && !dropDots) {
    while (up--) ArrayPrototypeUnshift(segs, '..');
  }
  if (endsAbsolute && segs[0] !== '' && (!segs[0] || segs[0][0] !== '/')) ArrayPrototypeUnshift(segs, '');
  if (trailingSlash && StringPrototypeSlice(ArrayPrototypeJoin(segs, '/'), -1) !== '/') ArrayPrototypePush(segs, '');

  const absolute = segs[0] === '' || (segs[0] && segs[0][0] === '/');
  if (hostInPath) {
    result.hostname = result.host = absolute ? '' : segs.length ? ArrayPrototypeShift(segs) : '';
    splitAuthFromHost(result);
  }
  endsAbsolute = endsAbsolute || (result.host && segs.length);
  if (endsAbsolute && !absolute) ArrayPrototypeUnshift(segs, '');

  if (segs.length > 0) {
    result.pathname = ArrayPrototypeJoin(segs, '/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  setPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

module.exports = {
  // Legacy API
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,

  // WHATWG API
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,

  // Utilities
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
