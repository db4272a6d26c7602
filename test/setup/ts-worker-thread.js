// A render-pool thread under Jest. ts-jest compiles the test's own thread only; a worker thread
// is a fresh Node.js isolate that cannot load TypeScript, so this bootstrap registers a require
// hook (ts-register.js) and loads the real thread module. Outside Jest the pool points at the
// compiled render-thread.js in dist/ and this file is never used. Pointing Jest at dist/ instead
// would test whatever was last built, not the code under test.
require('./ts-register');
const { Piscina } = require('piscina');

module.exports = require(Piscina.workerData.tsEntry);
