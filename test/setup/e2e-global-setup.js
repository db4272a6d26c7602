// Before the e2e suites: the web pages' stylesheet, compiled as `npm run build` does (the pages'
// tests fetch /assets/application.css, and a bare `nest build` wipes dist/), and, for the
// PostgreSQL pass, whether PostgreSQL answers (postgres-global-setup.js).
const buildWebAssets = require('../../scripts/build-web-assets');
const postgresGlobalSetup = require('./postgres-global-setup');

const withPostgres = async () => {
  buildWebAssets();
  await postgresGlobalSetup();
};

module.exports = async () => {
  buildWebAssets();
};
module.exports.withPostgres = withPostgres;
