'use strict';
// util.parseArgs: command-line parsing in two passes, as Node does it. First the arguments become
// tokens (option, positional, option-terminator), short groups `-abc` expanded and values attached
// to string options; then the tokens are checked (strict mode) and stored into `values`, and the
// configured defaults fill what is missing.

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSlice,
  ArrayPrototypeUnshift,
  ObjectEntries,
  ObjectHasOwn,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
  },
} = require('internal/errors');

// --- validation (Node's validators and messages) ---------------------------------------------------

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || ArrayIsArray(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}
function validateArray(value, name) {
  if (!ArrayIsArray(value)) throw new ERR_INVALID_ARG_TYPE(name, 'Array', value);
}
function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}
function validateString(value, name) {
  if (typeof value !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
}
function validateStringArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) validateString(value[i], `${name}[${i}]`);
}
function validateBooleanArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) validateBoolean(value[i], `${name}[${i}]`);
}

// --- small predicates ------------------------------------------------------------------------------

function ownValue(obj, key) {
  return ObjectHasOwn(obj, key) ? obj[key] : undefined;
}

// A property of the configuration of option `name`, or undefined when there is none.
function optionProp(options, name, prop) {
  return ObjectHasOwn(options, name) ? ownValue(options[name], prop) : undefined;
}

// The long name configured with short name `short`; the short name itself when there is none.
function longNameFor(short, options) {
  const entries = ObjectEntries(options);
  for (let i = 0; i < entries.length; i++) {
    if (ownValue(entries[i][1], 'short') === short) return entries[i][0];
  }
  return short;
}

function isLoneShortOption(arg) { // -f
  return arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
}
function isLoneLongOption(arg) { // --foo
  return arg.length > 2 && StringPrototypeStartsWith(arg, '--') && !StringPrototypeIncludes(arg, '=', 3);
}
function isLongOptionAndValue(arg) { // --foo=bar
  return arg.length > 2 && StringPrototypeStartsWith(arg, '--') && StringPrototypeIncludes(arg, '=', 3);
}
function startsShortGroup(arg) {
  return arg.length > 2 && arg[0] === '-' && arg[1] !== '-';
}
// -abc where -a is not a string option.
function isShortOptionGroup(arg, options) {
  return startsShortGroup(arg) && optionProp(options, longNameFor(arg[1], options), 'type') !== 'string';
}
// -fVALUE where -f is a string option.
function isShortOptionAndValue(arg, options) {
  return startsShortGroup(arg) && optionProp(options, longNameFor(arg[1], options), 'type') === 'string';
}
// A value that looks like an option: given as a separate argument, it is probably a mistake.
function looksLikeOption(value) {
  return value != null && value.length > 1 && value[0] === '-';
}

// --- pass 1: tokens --------------------------------------------------------------------------------

function argsToTokens(args, options) {
  const tokens = [];
  const rest = ArrayPrototypeSlice(args);
  let index = -1;
  let groupLeft = 0; // expanded group members still to read: they share the group's index
  while (rest.length > 0) {
    const arg = ArrayPrototypeShift(rest);
    const next = rest[0];
    if (groupLeft > 0) groupLeft--;
    else index++;

    if (arg === '--') {
      ArrayPrototypePush(tokens, { kind: 'option-terminator', index });
      for (let i = 0; i < rest.length; i++) ArrayPrototypePush(tokens, { kind: 'positional', index: ++index, value: rest[i] });
      break;
    }

    if (isLoneShortOption(arg)) {
      const name = longNameFor(arg[1], options);
      let value;
      let inlineValue;
      if (optionProp(options, name, 'type') === 'string' && next != null) {
        value = ArrayPrototypeShift(rest);
        inlineValue = false;
      }
      ArrayPrototypePush(tokens, { kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) index++;
      continue;
    }

    if (isShortOptionGroup(arg, options)) {
      // -abc becomes -a -b -c; a string option inside takes the rest as its value: -abfX -> -a -b -fX.
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const c = arg[i];
        if (optionProp(options, longNameFor(c, options), 'type') !== 'string' || i === arg.length - 1) {
          ArrayPrototypePush(expanded, `-${c}`);
        } else {
          ArrayPrototypePush(expanded, `-${StringPrototypeSlice(arg, i)}`);
          break;
        }
      }
      ArrayPrototypeUnshift(rest, ...expanded);
      groupLeft = expanded.length;
      continue;
    }

    if (isShortOptionAndValue(arg, options)) {
      const c = arg[1];
      ArrayPrototypePush(tokens, {
        kind: 'option', name: longNameFor(c, options), rawName: `-${c}`, index,
        value: StringPrototypeSlice(arg, 2), inlineValue: true,
      });
      continue;
    }

    if (isLoneLongOption(arg)) {
      const name = StringPrototypeSlice(arg, 2);
      let value;
      let inlineValue;
      if (optionProp(options, name, 'type') === 'string' && next != null) {
        value = ArrayPrototypeShift(rest);
        inlineValue = false;
      }
      ArrayPrototypePush(tokens, { kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) index++;
      continue;
    }

    if (isLongOptionAndValue(arg)) {
      const eq = StringPrototypeIndexOf(arg, '=');
      const name = StringPrototypeSlice(arg, 2, eq);
      ArrayPrototypePush(tokens, {
        kind: 'option', name, rawName: `--${name}`, index, value: StringPrototypeSlice(arg, eq + 1), inlineValue: true,
      });
      continue;
    }

    ArrayPrototypePush(tokens, { kind: 'positional', index, value: arg });
  }
  return tokens;
}

// --- pass 2: checks and storage --------------------------------------------------------------------

function checkOptionUsage(options, token, allowPositionals, allowNegative) {
  let name = token.name;
  if (!ObjectHasOwn(options, name)) {
    // --no-foo negates a known boolean option foo when allowNegative is set.
    if (allowNegative && StringPrototypeStartsWith(name, 'no-')) {
      name = StringPrototypeSlice(name, 3);
      if (!ObjectHasOwn(options, name) || optionProp(options, name, 'type') !== 'boolean') {
        throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, allowPositionals);
      }
    } else {
      throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, allowPositionals);
    }
  }
  const short = optionProp(options, name, 'short');
  const shortAndLong = `${short ? `-${short}, ` : ''}--${name}`;
  const type = optionProp(options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong}' does not take an argument`);
  }
}

function checkOptionLikeValue(token) {
  if (!token.inlineValue && looksLikeOption(token.value)) {
    const example = StringPrototypeStartsWith(token.rawName, '--') ?
      `'${token.rawName}=-XYZ'` :
      `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

function storeOption(token, options, values, allowNegative) {
  let name = token.name;
  let value = token.value ?? true;
  if (allowNegative && token.value === undefined && StringPrototypeStartsWith(name, 'no-')) {
    name = StringPrototypeSlice(name, 3);
    token.name = name;
    value = false;
  }
  if (name === '__proto__') return;
  if (optionProp(options, name, 'multiple')) {
    // Values given for a `multiple` option always collect into an array, booleans included.
    if (values[name]) ArrayPrototypePush(values[name], value);
    else values[name] = [value];
  } else {
    values[name] = value;
  }
}

// The arguments after the script: process.argv minus the executable and script, or minus only the
// executable when the code came from -e/--eval/-p/--print.
function mainArgs() {
  const execArgv = process.execArgv || [];
  if (ArrayPrototypeIncludes(execArgv, '-e') || ArrayPrototypeIncludes(execArgv, '--eval') ||
      ArrayPrototypeIncludes(execArgv, '-p') || ArrayPrototypeIncludes(execArgv, '--print')) {
    return ArrayPrototypeSlice(process.argv, 1);
  }
  return ArrayPrototypeSlice(process.argv, 2);
}

function parseArgs(config = { __proto__: null }) {
  const args = ownValue(config, 'args') ?? mainArgs();
  const strict = ownValue(config, 'strict') ?? true;
  const allowPositionals = ownValue(config, 'allowPositionals') ?? !strict;
  const returnTokens = ownValue(config, 'tokens') ?? false;
  const allowNegative = ownValue(config, 'allowNegative') ?? false;
  const options = ownValue(config, 'options') ?? { __proto__: null };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');

  const entries = ObjectEntries(options);
  for (let i = 0; i < entries.length; i++) {
    const { 0: name, 1: conf } = entries[i];
    validateObject(conf, `options.${name}`);
    const type = ownValue(conf, 'type');
    if (type !== 'string' && type !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE(`options.${name}.type`, "('string|boolean')", type);
    }
    if (ObjectHasOwn(conf, 'short')) {
      const short = conf.short;
      validateString(short, `options.${name}.short`);
      if (short.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${name}.short`, short, 'must be a single character');
      }
    }
    const multiple = ownValue(conf, 'multiple');
    if (ObjectHasOwn(conf, 'multiple')) validateBoolean(multiple, `options.${name}.multiple`);
    const def = ownValue(conf, 'default');
    if (def !== undefined) {
      const where = `options.${name}.default`;
      if (type === 'string') {
        if (multiple) validateStringArray(def, where);
        else validateString(def, where);
      } else if (multiple) {
        validateBooleanArray(def, where);
      } else {
        validateBoolean(def, where);
      }
    }
  }

  const tokens = argsToTokens(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'option') {
      if (strict) {
        checkOptionUsage(options, token, allowPositionals, allowNegative);
        checkOptionLikeValue(token);
      }
      storeOption(token, options, result.values, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      ArrayPrototypePush(result.positionals, token.value);
    }
  }

  for (let i = 0; i < entries.length; i++) {
    const { 0: name, 1: conf } = entries[i];
    const def = ownValue(conf, 'default');
    if (def !== undefined && result.values[name] === undefined && name !== '__proto__') {
      result.values[name] = def;
    }
  }
  return result;
}

module.exports = { parseArgs };
