// Builds (npm run build: nest build, then the web pages' stylesheet) when dist/ is missing or older than any source, so the scripts that run
// the compiled code (the command line, the demo) always run the current sources. Without the
// development toolchain (a production install, `npm ci --omit=dev`) the existing build is used.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function hasToolchain() {
  try {
    require.resolve('@nestjs/cli/package.json', { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

/** Compiles src/ into dist/; exits the process when the build fails. */
function build() {
  console.error('Building…');
  const run = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

function buildIfStale() {
  const built = existsSync(stamp);
  if (built && statSync(stamp).mtimeMs >= newestSource(join(root, 'src'))) return;
  if (hasToolchain()) return build();
  if (built) return; // a production install: the build it shipped with is the code to run
  console.error('There is no build (dist/) and no compiler to make one: run `npm install` (with development dependencies), then `npm run build`.');
  process.exit(1);
}

module.exports = buildIfStale;
module.exports.build = build;
module.exports.hasToolchain = hasToolchain;
