'use strict';
// Colour support of a terminal from the environment (tty.WriteStream's getColorDepth/hasColors),
// by Node's rules: FORCE_COLOR wins, then the variables that turn colours off, then what is known
// about multiplexers, CI services and terminal programs, then TERM and COLORTERM.

const {
  NumberIsInteger,
  NumberMAX_SAFE_INTEGER,
  ObjectPrototypeHasOwnProperty,
  RegExpPrototypeExec,
  StringPrototypeToLowerCase,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');

const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16m = 24;

// Terminals known by their exact (lower-cased) TERM.
const termDepths = {
  __proto__: null,
  'eterm': COLORS_16,
  'cons25': COLORS_16,
  'console': COLORS_16,
  'cygwin': COLORS_16,
  'dtterm': COLORS_16,
  'gnome': COLORS_16,
  'hurd': COLORS_16,
  'jfbterm': COLORS_16,
  'konsole': COLORS_16,
  'kterm': COLORS_16,
  'mlterm': COLORS_16,
  'mosh': COLORS_16m,
  'putty': COLORS_16,
  'st': COLORS_16,
  'rxvt-unicode-24bit': COLORS_16m,
  'terminator': COLORS_16m,
  'xterm-kitty': COLORS_16m,
};

// TERM patterns that mean the 16 basic colours.
const termPatterns = [/ansi/, /color/, /linux/, /direct/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/, /^vt100/, /^vt220/];

// CI services (when CI is set) and the depth their logs show.
const ciDepths = [
  ['APPVEYOR', COLORS_256],
  ['BUILDKITE', COLORS_256],
  ['CIRCLECI', COLORS_16m],
  ['DRONE', COLORS_256],
  ['GITEA_ACTIONS', COLORS_16m],
  ['GITHUB_ACTIONS', COLORS_16m],
  ['GITLAB_CI', COLORS_256],
  ['TRAVIS', COLORS_256],
];

let warned = false;
// FORCE_COLOR overrides NODE_DISABLE_COLORS / NO_COLOR; Node says so once per process.
function warnIgnoredDisable(env) {
  if (warned) return;
  let names;
  if (env.NODE_DISABLE_COLORS && env.NO_COLOR) names = "'NODE_DISABLE_COLORS' and 'NO_COLOR'";
  else if (env.NODE_DISABLE_COLORS) names = "'NODE_DISABLE_COLORS'";
  else if (env.NO_COLOR) names = "'NO_COLOR'";
  else return;
  warned = true;
  process.emitWarning(`The ${names} env is ignored due to the 'FORCE_COLOR' env being set.`, 'Warning');
}

function has(env, name) {
  return name in env;
}

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '': case '1': case 'true':
        warnIgnoredDisable(env);
        return COLORS_16;
      case '2':
        warnIgnoredDisable(env);
        return COLORS_256;
      case '3':
        warnIgnoredDisable(env);
        return COLORS_16m;
      default:
        return COLORS_2;
    }
  }
  // Set and not empty: an empty NO_COLOR or NODE_DISABLE_COLORS turns nothing off.
  if (env.NODE_DISABLE_COLORS || env.NO_COLOR || env.TERM === 'dumb') {
    return COLORS_2;
  }
  if (env.TMUX) return COLORS_16m;
  // Azure Pipelines
  if (has(env, 'TF_BUILD') && has(env, 'AGENT_NAME')) return COLORS_16;
  if (has(env, 'CI')) {
    for (let i = 0; i < ciDepths.length; i++) {
      if (has(env, ciDepths[i][0])) return ciDepths[i][1];
    }
    return env.CI_NAME === 'codeship' ? COLORS_256 : COLORS_2;
  }
  if (has(env, 'TEAMCITY_VERSION')) {
    return RegExpPrototypeExec(/^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/, env.TEAMCITY_VERSION) !== null ? COLORS_16 : COLORS_2;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || RegExpPrototypeExec(/^[0-2]\./, env.TERM_PROGRAM_VERSION) !== null) {
        return COLORS_256;
      }
      return COLORS_16m;
    case 'HyperTerm':
    case 'MacTerm':
      return COLORS_16m;
    case 'Apple_Terminal':
      return COLORS_256;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16m;
  if (env.TERM) {
    if (RegExpPrototypeExec(/truecolor/, env.TERM) !== null) return COLORS_16m;
    if (RegExpPrototypeExec(/^xterm-256/, env.TERM) !== null) return COLORS_256;
    const term = StringPrototypeToLowerCase(env.TERM);
    if (ObjectPrototypeHasOwnProperty(termDepths, term)) return termDepths[term];
    for (let i = 0; i < termPatterns.length; i++) {
      if (RegExpPrototypeExec(termPatterns[i], term) !== null) return COLORS_16;
    }
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}

function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else {
    if (typeof count !== 'number') throw new ERR_INVALID_ARG_TYPE('count', 'number', count);
    if (!NumberIsInteger(count)) throw new ERR_OUT_OF_RANGE('count', 'an integer', count);
    if (count < 2 || count > NumberMAX_SAFE_INTEGER) {
      throw new ERR_OUT_OF_RANGE('count', `>= 2 && <= ${NumberMAX_SAFE_INTEGER}`, count);
    }
  }
  return count <= 2 ** getColorDepth(env);
}

module.exports = { getColorDepth, hasColors };
