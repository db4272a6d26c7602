/**
 * Shared by the HTTP benchmarks: servers in child processes (so the load generator never shares
 * their event loop), autocannon runs, and rounds interleaved between the product and its
 * baseline so both see the same machine noise; figures are quoted as ratios of medians.
 */
import autocannon from 'autocannon';
import { ChildProcess, fork, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cpuMs } from './process-cpu';

export const REPO = join(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Server {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Polls `url` until it answers 200; the time from spawn to then is the cold start. */
export async function waitFor(url: string, timeoutMs = 30_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before ${url} answered`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/**
 * The product as deployed: `node dist/main.js` (run `npm run build` first); `root` names another
 * checkout with its own build (a before/after in one run).
 */
export async function startProduct(env: Record<string, string>, root = REPO, nodeFlags: string[] = []): Promise<Server> {
  const port = await freePort();
  // BENCH_PROFILE=<dir> writes the product's CPU profile there (node --cpu-prof) when it stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--max-old-space-size=256', ...nodeFlags, join(root, 'dist', 'main.js')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', SESSION_SECRET: 'benchmark-session-secret-at-least-32-chars', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health/ready`, 60_000, child);
  return { url, process: child, stop: stopper(child) };
}

/** A compiled bench script run as a server in its own process; it sends 'ready' when listening. */
export async function startScript(script: string, args: string[]): Promise<Server> {
  const port = await freePort();
  const child = fork(join(REPO, 'dist-bench', 'bench', script), [...args, String(port)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, process: child, stop: stopper(child) };
}

export interface LoadResult {
  requestsPerSecond: number;
  /** CPU time the server process spent per request answered (null when not known). */
  cpuMsPerRequest: number | null;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export async function load(
  url: string,
  options: { connections?: number; seconds: number; headers?: Record<string, string>; server?: ChildProcess },
): Promise<LoadResult> {
  const cpuBefore = cpuMs(options.server?.pid);
  const result = await autocannon({ url, connections: options.connections ?? 64, duration: options.seconds, headers: options.headers });
  const cpuAfter = cpuMs(options.server?.pid);
  return {
    requestsPerSecond: result.requests.average,
    cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? (cpuAfter - cpuBefore) / result.requests.total : null,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function describe(label: string, r: LoadResult): string {
  const failures = r.non2xx + r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : '';
  const cpu = r.cpuMsPerRequest === null ? '' : `  CPU ${r.cpuMsPerRequest.toFixed(2)} ms/req`;
  return `${label.padEnd(28)} ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms${cpu}${failures}`;
}
