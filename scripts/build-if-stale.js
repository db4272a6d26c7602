// Builds (npm run build: nest build, then the web pages' stylesheet) when dist/ is missing or older than any source, so the scripts that run
// the compiled code (the command line, the demo) always run the current sources.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

module.exports = function buildIfStale() {
  const stamp = join(root, 'dist', 'main.js');
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(join(root, 'src'))) return;
  console.error('Building…');
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
};
