// DX-JS stand-in for test/common/index.mjs: the ES module face of index.js.
import common from './index.js';

const {
  PIPE, PORT, allowGlobals, buildType, canCreateSymLink, enoughTestMem, escapePOSIXShell,
  expectWarning, expectsError, getArrayBufferViews, getBufferSources, getTTYfd, hasCrypto, hasIPv6,
  hasInspector, hasIntl, hasOpenSSL3, hasQuic, hasSQLite, inFreeBSDJail, invalidArgTypeHelper, isAIX,
  isASan, isAlive, isDebug, isFreeBSD, isIBMi, isInsideDirWithUnusualChars, isLinux, isLinuxPPCBE,
  isMacOS, isOpenBSD, isPi, isSunOS, isWindows, localIPv6Hosts, localhostIPv4, mustCall,
  mustCallAtLeast, mustNotCall, mustNotMutateObjectDeep, mustSucceed, nodeProcessAborted,
  platformTimeout, printSkipMessage, pwdCommand, requireNoPackageJSONAbove, runWithInvalidFD, skip,
  skipIf32Bits, skipIfEslintMissing, skipIfInspectorDisabled, skipIfSQLiteMissing, sleepSync,
  spawnPromisified
} = common;

export {
  PIPE, PORT, allowGlobals, buildType, canCreateSymLink, enoughTestMem, escapePOSIXShell,
  expectWarning, expectsError, getArrayBufferViews, getBufferSources, getTTYfd, hasCrypto, hasIPv6,
  hasInspector, hasIntl, hasOpenSSL3, hasQuic, hasSQLite, inFreeBSDJail, invalidArgTypeHelper, isAIX,
  isASan, isAlive, isDebug, isFreeBSD, isIBMi, isInsideDirWithUnusualChars, isLinux, isLinuxPPCBE,
  isMacOS, isOpenBSD, isPi, isSunOS, isWindows, localIPv6Hosts, localhostIPv4, mustCall,
  mustCallAtLeast, mustNotCall, mustNotMutateObjectDeep, mustSucceed, nodeProcessAborted,
  platformTimeout, printSkipMessage, pwdCommand, requireNoPackageJSONAbove, runWithInvalidFD, skip,
  skipIf32Bits, skipIfEslintMissing, skipIfInspectorDisabled, skipIfSQLiteMissing, sleepSync,
  spawnPromisified
};

export default common;
