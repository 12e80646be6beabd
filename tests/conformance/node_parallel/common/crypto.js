// DX-JS stand-in for test/common/crypto (see index.js): facts about the crypto build.
'use strict';

const common = require('./');

if (!common.hasCrypto) common.skip('missing crypto');

const opensslMajor = Number.parseInt(process.versions.openssl || '0', 10);

module.exports = {
  hasOpenSSL3: opensslMajor >= 3,
  hasOpenSSL: (major, minor = 0, patch = 0) => {
    const [a, b, c] = String(process.versions.openssl || '0.0.0').split('.').map((x) => Number.parseInt(x, 10));
    if (a !== major) return a > major;
    if (b !== minor) return b > minor;
    return c >= patch;
  },
};
