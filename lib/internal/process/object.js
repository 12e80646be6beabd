'use strict';
// Builds the `process` object: an EventEmitter with Node's properties over internalBinding('process').

const {
  ObjectDefineProperty, ObjectSetPrototypeOf, ObjectFreeze, NumberIsInteger, NumberIsSafeInteger,
  BigInt: BigIntCtor, Float64Array, Uint32Array, ArrayIsArray, StringPrototypeToUpperCase,
} = primordials;

const binding = internalBinding('process');
const state = require('internal/process/state');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE, ERR_UNKNOWN_SIGNAL },
} = require('internal/errors');

const signals = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7,
  SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14,
  SIGTERM: 15, SIGCHLD: 17, SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21,
  SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28,
  SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
};

const startTime = binding.hrtimeBigInt();

function validateInteger(value, name) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!NumberIsInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
}

function create(options) {
  const EventEmitter = require('events');
  const process = new EventEmitter();
  ObjectDefineProperty(process, Symbol.toStringTag, { __proto__: null, value: 'process', enumerable: false, writable: true, configurable: false });

  ObjectDefineProperty(process, 'title', {
    __proto__: null, enumerable: true, configurable: true,
    get: () => binding.getTitle(),
    set: (v) => binding.setTitle(`${v}`),
  });
  const nodeVersion = options.nodeVersion;
  process.version = `v${nodeVersion}`;
  process.versions = ObjectFreeze({
    node: nodeVersion,
    dx: options.dxVersion,
    uv: options.uvVersion,
    javascriptcore: options.jscVersion,
    modules: '137',
  });
  process.arch = options.arch;
  process.platform = 'linux';
  process.release = ObjectFreeze({ name: 'node', lts: undefined });
  process.argv = options.argv;
  process.argv0 = options.argv0;
  process.execArgv = options.execArgv;
  process.execPath = options.execPath;
  process.pid = binding.pid();
  ObjectDefineProperty(process, 'ppid', { __proto__: null, get: () => binding.ppid(), enumerable: true, configurable: true });
  process.env = binding.makeEnv();
  process.features = ObjectFreeze({ inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false, cached_builtins: true, require_module: false, typescript: false });
  process.config = ObjectFreeze({ target_defaults: {}, variables: {} });
  process._exiting = false;

  let exitCode;
  ObjectDefineProperty(process, 'exitCode', {
    __proto__: null, enumerable: true, configurable: false,
    get: () => exitCode,
    set(code) {
      if (code !== null && code !== undefined) {
        let value = code;
        if (typeof code === 'string' && code !== '' && NumberIsInteger(+code)) value = +code;
        validateInteger(value, 'code');
      }
      exitCode = code;
    },
  });

  process.cwd = () => binding.cwd();
  process.chdir = function chdir(directory) {
    if (typeof directory !== 'string') throw new ERR_INVALID_ARG_TYPE('directory', 'string', directory);
    binding.chdir(directory);
  };
  process.umask = function umask(mask) {
    if (mask === undefined) return binding.umask(undefined);
    if (typeof mask === 'string') {
      if (!/^[0-7]+$/.test(mask)) throw new ERR_INVALID_ARG_VALUE('mask', mask, 'must be a 32-bit unsigned integer or an octal string');
      mask = parseInt(mask, 8);
    } else if (typeof mask !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('mask', ['number', 'string'], mask);
    } else if (!NumberIsInteger(mask) || mask < 0 || mask > 0xFFFFFFFF) {
      throw new ERR_OUT_OF_RANGE('mask', '>= 0 && <= 4294967295', mask);
    }
    return binding.umask(mask & 0o777);
  };

  const hrtimeBuf = new Uint32Array(3);
  function hrtime(prev) {
    binding.hrtime(hrtimeBuf);
    const sec = hrtimeBuf[0] * 0x100000000 + hrtimeBuf[1];
    const nsec = hrtimeBuf[2];
    if (prev !== undefined) {
      if (!ArrayIsArray(prev)) throw new ERR_INVALID_ARG_TYPE('time', 'Array', prev);
      if (prev.length !== 2) throw new ERR_OUT_OF_RANGE('time', 2, prev.length);
      let s = sec - prev[0];
      let n = nsec - prev[1];
      if (n < 0) { s -= 1; n += 1e9; }
      return [s, n];
    }
    return [sec, nsec];
  }
  hrtime.bigint = () => binding.hrtimeBigInt();
  process.hrtime = hrtime;
  process.uptime = () => Number(binding.hrtimeBigInt() - startTime) / 1e9;

  const memBuf = new Float64Array(5);
  function memoryUsage() {
    binding.memoryUsage(memBuf);
    return { rss: memBuf[0], heapTotal: memBuf[1], heapUsed: memBuf[2], external: memBuf[3], arrayBuffers: memBuf[4] };
  }
  memoryUsage.rss = () => binding.rss();
  process.memoryUsage = memoryUsage;

  const cpuBuf = new Float64Array(2);
  process.cpuUsage = function cpuUsage(prev) {
    binding.cpuUsage(cpuBuf);
    if (prev !== undefined) {
      if (prev === null || typeof prev !== 'object') throw new ERR_INVALID_ARG_TYPE('prevValue', 'object', prev);
      for (const k of ['user', 'system']) {
        if (typeof prev[k] !== 'number') throw new ERR_INVALID_ARG_TYPE(`prevValue.${k}`, 'number', prev[k]);
        if (!(prev[k] >= 0 && prev[k] <= Number.MAX_SAFE_INTEGER)) throw new ERR_INVALID_ARG_VALUE.RangeError(`prevValue.${k}`, prev[k]);
      }
      return { user: cpuBuf[0] - prev.user, system: cpuBuf[1] - prev.system };
    }
    return { user: cpuBuf[0], system: cpuBuf[1] };
  };

  process.kill = function kill(pid, sig = 'SIGTERM') {
    if (pid != (pid | 0)) throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid); // eslint-disable-line eqeqeq
    let signum;
    if (typeof sig === 'number') {
      signum = sig;
    } else if (typeof sig === 'string') {
      signum = signals[sig];
      if (signum === undefined) throw new ERR_UNKNOWN_SIGNAL(sig);
    } else {
      throw new ERR_INVALID_ARG_TYPE('signal', ['string', 'number'], sig);
    }
    const r = binding.kill(pid, signum);
    if (r < 0) {
      const { UVException } = require('internal/errors');
      throw new UVException({ errno: r, syscall: 'kill' });
    }
    return true;
  };

  process.exit = function exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!state.exiting) {
      state.exiting = true;
      process._exiting = true;
      process.emit('exit', process.exitCode ?? 0);
    }
    binding.reallyExit(+(process.exitCode ?? 0) | 0);
  };
  process.reallyExit = (code) => binding.reallyExit(code | 0);
  process.abort = () => binding.kill(process.pid, 6);

  const { nextTick } = require('internal/process/task_queues');
  process.nextTick = nextTick;

  process.emitWarning = require('internal/process/warning').emitWarning;

  // Signal events: the first listener for a signal name starts a uv signal watcher, the last one
  // removed stops it.
  process.on('newListener', (type) => {
    if (typeof type !== 'string' || signals[type] === undefined || process.listenerCount(type) > 0) return;
    const r = binding.signalStart(signals[type]);
    if (r < 0) {
      const { UVException } = require('internal/errors');
      throw new UVException({ errno: r, syscall: 'uv_signal_start' });
    }
  });
  process.on('removeListener', (type) => {
    if (typeof type === 'string' && signals[type] !== undefined && process.listenerCount(type) === 0) {
      binding.signalStop(signals[type]);
    }
  });

  // The stdio streams are made on first use (lib/internal/stdio.js), by the kind of their fd.
  let stdin, stdout, stderr;
  ObjectDefineProperty(process, 'stdout', {
    __proto__: null, configurable: true, enumerable: false,
    get() {
      if (stdout === undefined) {
        stdout = require('internal/stdio').createWritableStdioStream(1);
        if (stdout.isTTY) process.on('SIGWINCH', () => stdout._refreshSize());
      }
      return stdout;
    },
  });
  ObjectDefineProperty(process, 'stderr', {
    __proto__: null, configurable: true, enumerable: false,
    get() {
      if (stderr === undefined) {
        stderr = require('internal/stdio').createWritableStdioStream(2);
        if (stderr.isTTY) process.on('SIGWINCH', () => stderr._refreshSize());
      }
      return stderr;
    },
  });
  ObjectDefineProperty(process, 'stdin', {
    __proto__: null, configurable: true, enumerable: false,
    get: () => (stdin ??= require('internal/stdio').createStdin()),
  });
  // Legacy API (documented as deprecated, no runtime warning): stdin, flowing.
  process.openStdin = function openStdin() {
    process.stdin.resume();
    return process.stdin;
  };

  return process;
}


function onSignal(signum) {
  const p = globalThis.process;
  for (const name in signals) {
    if (signals[name] === signum && p.listenerCount(name) > 0) p.emit(name, name, signum);
  }
}

module.exports = { create, signals, onSignal };
