'use strict';
// util.debuglog(section): a logger that writes `SECTION PID: message` to stderr when NODE_DEBUG
// names the section. NODE_DEBUG is a list separated by commas or whitespace; `*` matches any run of
// characters and the match ignores case. The variable is read once, when the first logger is used.

const {
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ObjectDefineProperty,
  RegExp,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringPrototypeSplit,
  StringPrototypeToUpperCase,
} = primordials;

let enabledRe; // null: nothing enabled
function sectionEnabled(section) {
  if (enabledRe === undefined) {
    const env = process.env.NODE_DEBUG;
    enabledRe = null;
    if (env) {
      // Sections are separated by commas only; spaces are part of a name, as in Node.
      const names = StringPrototypeSplit(`${env}`, ',');
      const alts = ArrayPrototypeMap(names, (n) => {
        const escaped = RegExpPrototypeSymbolReplace(/[|\\{}()[\]^$+?.]/g, n, '\\$&');
        return RegExpPrototypeSymbolReplace(/\*/g, escaped, '.*');
      });
      enabledRe = new RegExp(`^(?:${ArrayPrototypeJoin(alts, '|')})$`, 'i');
    }
  }
  return enabledRe !== null && RegExpPrototypeExec(enabledRe, section) !== null;
}

function noop() {}

function makeWriter(section) {
  const pid = process.pid;
  const { formatWithOptions, inspect } = require('internal/util/inspect');
  return function debug(...args) {
    const stderr = process.stderr;
    const colors = !!(stderr && stderr.isTTY &&
      (typeof stderr.getColorDepth !== 'function' || stderr.getColorDepth() > 2));
    const msg = formatWithOptions({ colors }, ...args);
    stderr.write(`${section} ${inspect(pid, { colors })}: ${msg}\n`);
  };
}

function debuglog(section, cb) {
  let upper;
  let enabled;
  let impl;
  const init = () => {
    if (upper === undefined) {
      upper = StringPrototypeToUpperCase(`${section}`);
      enabled = sectionEnabled(upper);
    }
  };
  const logger = (...args) => {
    if (impl === undefined) {
      init();
      impl = enabled ? makeWriter(upper) : noop;
      if (typeof cb === 'function') cb(impl);
    }
    impl(...args);
  };
  ObjectDefineProperty(logger, 'enabled', {
    __proto__: null, enumerable: true, configurable: true,
    get() {
      init();
      return enabled;
    },
  });
  return logger;
}

module.exports = { debuglog };
