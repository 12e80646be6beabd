'use strict';
// node:os — operating-system facts from libuv (internalBinding('os'), src/node/os_binding.c).
// Functions that can fail throw Node's SystemError (ERR_SYSTEM_ERROR) built from the uv error the
// binding reports in a context object.

const {
  ArrayPrototypePush,
  ErrorCaptureStackTrace,
  NumberIsInteger,
  NumberParseInt,
  ObjectDefineProperties,
  ObjectFreeze,
  StringPrototypeEndsWith,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  SymbolToPrimitive,
  Uint16Array,
  Uint8Array,
} = primordials;

const binding = internalBinding('os');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_SYSTEM_ERROR },
} = require('internal/errors');

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!NumberIsInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

// Calls a binding function that reports failure through a trailing context object.
function checked(fn, ...args) {
  const ctx = {};
  ArrayPrototypePush(args, ctx);
  const result = fn(...args);
  if (result === undefined) {
    const err = new ERR_SYSTEM_ERROR(ctx);
    ErrorCaptureStackTrace(err, checked);
    throw err;
  }
  return result;
}

function hostname() { return checked(binding.getHostname); }
function homedir() { return checked(binding.getHomeDirectory); }
function uptime() { return checked(binding.getUptime); }
function freemem() { return binding.getFreeMem(); }
function totalmem() { return binding.getTotalMem(); }
function availableParallelism() { return binding.getAvailableParallelism(); }
function type() { return checked(binding.getOSInformation)[0]; }
function version() { return checked(binding.getOSInformation)[1]; }
function release() { return checked(binding.getOSInformation)[2]; }
function machine() { return checked(binding.getOSInformation)[3]; }
function arch() { return process.arch; }
function platform() { return process.platform; }

function endianness() {
  const probe = new Uint16Array([1]);
  return new Uint8Array(probe.buffer)[0] === 1 ? 'LE' : 'BE';
}

function loadavg() {
  const out = [0, 0, 0];
  binding.getLoadAvg(out);
  return out;
}

function cpus() {
  const data = binding.getCPUs();
  const out = [];
  if (data === undefined) return out;
  for (let i = 0; i < data.length; i += 7) {
    ArrayPrototypePush(out, {
      model: data[i],
      speed: data[i + 1],
      times: { user: data[i + 2], nice: data[i + 3], sys: data[i + 4], idle: data[i + 5], irq: data[i + 6] },
    });
  }
  return out;
}

// Node's rule: TMPDIR, then TMP, then TEMP, else /tmp; a trailing slash is dropped (not from "/").
function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && StringPrototypeEndsWith(path, '/')) path = StringPrototypeSlice(path, 0, -1);
  return path;
}

// The prefix length of a netmask as Node computes it: the one bits of each group are counted; once
// a group is not all ones, every later group must be 0 (else cidr is null). Empty groups ('::')
// are skipped.
function maskBits(netmask, family) {
  const v6 = family === 'IPv6';
  const groups = StringPrototypeSplit(netmask, v6 ? ':' : '.');
  const full = v6 ? 16 : 8;
  let ones = 0;
  let partial = false;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g === '') continue;
    if (partial) {
      if (g !== '0') return null;
      continue;
    }
    let n = NumberParseInt(g, v6 ? 16 : 10);
    let bits = 0;
    for (; n > 0; n >>>= 1) bits += n & 1;
    ones += bits;
    if (bits !== full) partial = true;
  }
  return ones;
}

function networkInterfaces() {
  const data = checked(binding.getInterfaceAddresses);
  const out = {};
  for (let i = 0; i < data.length; i += 7) {
    const name = data[i];
    const family = data[i + 3] === 4 ? 'IPv4' : 'IPv6';
    const address = data[i + 1];
    const netmask = data[i + 2];
    const bits = maskBits(netmask, family);
    const entry = {
      address,
      netmask,
      family,
      mac: data[i + 4],
      internal: data[i + 5],
      cidr: bits === null ? null : `${address}/${bits}`,
    };
    if (family === 'IPv6') entry.scopeid = data[i + 6];
    ArrayPrototypePush(out[name] ??= [], entry);
  }
  return out;
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  validateInt32(pid, 'pid');
  return checked(binding.getPriority, pid);
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  checked(binding.setPriority, pid, priority);
}

// Encodings Node's ParseEncoding knows; anything else means UTF-8.
function normalizeEncoding(enc) {
  if (typeof enc !== 'string') return 'utf8';
  switch (StringPrototypeToLowerCase(enc)) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'ascii': return 'ascii';
    case 'hex': return 'hex';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'buffer': return 'buffer';
    default: return 'utf8';
  }
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const [uid, gid, username, homedir, shell] = checked(binding.getUserInfo);
  const enc = normalizeEncoding(options?.encoding);
  const conv = (s) => {
    if (s === null || enc === 'utf8' || typeof Buffer !== 'function') return s;
    const b = Buffer.from(s, 'utf8');
    return enc === 'buffer' ? b : b.toString(enc);
  };
  return { __proto__: null, uid, gid, username: conv(username), homedir: conv(homedir), shell: conv(shell) };
}

const constants = binding.getConstants();
ObjectFreeze(constants.signals); // Node freezes only this one

// Like Node, functions that return a fixed fact also convert to it (`${os.hostname}`).
const primitive = [arch, availableParallelism, endianness, freemem, homedir, hostname, machine, platform, release, tmpdir,
  totalmem, type, uptime, version];
for (let i = 0; i < primitive.length; i++) {
  const fn = primitive[i];
  fn[SymbolToPrimitive] = () => fn();
}

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};

ObjectDefineProperties(module.exports, {
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  EOL: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
