import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The command line as an IT officer first meets it: `npm run cli -- --help` (dist/cli/main.js, built by `prepare`).
const CLI = join(__dirname, '..', 'dist', 'cli', 'main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'development' } });

describe('the command line’s help and usage errors', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  });

  it('prints the commands and exits 0 for --help', () => {
    const help = run('--help');
    expect(help.stdout).toContain('report [options]');
    expect(help.stdout).toContain('reminders [options]');
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
  });

  it('prints a command’s options and exits 0 for its --help', () => {
    const help = run('report', '--help');
    expect(help.stdout).toContain('--strategy');
    expect(help.status).toBe(0);
  });

  it('names an unknown command once and exits 1', () => {
    const wrong = run('nosuch');
    expect(wrong.stderr.trim()).toBe("error: unknown command 'nosuch'");
    expect(wrong.status).toBe(1);
  });
});
