// DX-JS stand-in for test/common/fixtures.mjs: the ES module face of fixtures.js.
import fixtures from './fixtures.js';

const { fixturesDir, fileURL, path, readKey, readSync, utf8TestText } = fixtures;

export { fixturesDir, fileURL, path, readKey, readSync, utf8TestText };
export default fixtures;
