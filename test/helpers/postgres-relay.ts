/**
 * A TCP relay in front of PostgreSQL that a test can cut (the server "goes away") and restore.
 * Imported before the application: the app reads DATABASE_URL once, when its modules load, so on
 * the PostgreSQL pass this module points DATABASE_URL at the relay's port straight away (the
 * relay itself listens only once a test calls `resume()`).
 */
import { execFileSync } from 'node:child_process';
import { createServer, Server, Socket } from 'node:net';

class PostgresRelay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  /** Starts relaying (again), on the same port. */
  async resume(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => {
          this.sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** Drops every connection and refuses new ones, as a stopped server would. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of [...this.sockets]) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

function freePortSync(): number {
  const script = "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });";
  return Number(execFileSync(process.execPath, ['-e', script]).toString().trim());
}

function setUp(): PostgresRelay | undefined {
  if (process.env.TEST_DB_ENGINE !== 'postgres' || !process.env.DATABASE_URL) return undefined;
  const url = new URL(process.env.DATABASE_URL);
  const relay = new PostgresRelay({ host: url.hostname, port: Number(url.port || 5432) }, freePortSync());
  url.hostname = '127.0.0.1';
  url.port = String(relay.port);
  process.env.DATABASE_URL = url.toString();
  return relay;
}

/** Set on the PostgreSQL pass only. */
export const postgresRelay = setUp();
