// Before the browser tests: the web pages' stylesheet, compiled as `npm run build` does.
const buildWebAssets = require('../../scripts/build-web-assets');

module.exports = async () => {
  buildWebAssets();
};
