// First: on PostgreSQL, points DATABASE_URL at a relay before the application reads it.
import { postgresRelay } from './helpers/postgres-relay';
import { JwtService } from '@nestjs/jwt';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, describeE2E, engine, TestApp } from './helpers/app';

const onSqlite = engine === 'sqlite' ? it : it.skip;
const onPostgres = engine === 'postgres' ? it : it.skip;

/** The documented error shape, and a Retry-After in whole seconds. */
function expectUnavailable(res: { status: number; body: unknown; headers: Record<string, string> }, message: RegExp): void {
  expect(res.status).toBe(503);
  expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(message) });
  expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
}

describeE2E('the database in trouble: 503 with Retry-After, within seconds, nothing half-written', () => {
  onSqlite('a database file locked by another process: writes get 503 within 5 s, reads go on, and the write can be retried', async () => {
    const t = await createTestApp();
    const holder = await lockExclusively(process.env.DATABASE_PATH!);
    try {
      const started = Date.now();
      const res = await t.api().post('/api/v1/partnerships').send({ name: 'Written while locked', kind: 'thematic' });
      expect(Date.now() - started).toBeLessThan(5_000);
      expectUnavailable(res, /locked by another process/);
      await t.api().get('/api/v1/partnerships').expect(200);
    } finally {
      holder.kill();
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    const names = async () => ((await t.api().get('/api/v1/partnerships?pageSize=200').expect(200)).body.items as { name: string }[]).map((p) => p.name);
    expect(await names()).not.toContain('Written while locked');
    await t.api().post('/api/v1/partnerships').send({ name: 'Written while locked', kind: 'thematic' }).expect(201);
    expect((await names()).filter((n) => n === 'Written while locked')).toHaveLength(1);
    await t.close();
  });

  onSqlite('a read-only database file: writes get 503 saying so, reads still work', async () => {
    const first = await createTestApp();
    const coordinator = first.api().user;
    await first.api().post('/api/v1/partnerships').send({ name: 'Before the file went read-only', kind: 'thematic' }).expect(201);
    await first.close({ keepData: true });

    const file = process.env.DATABASE_PATH!;
    const undo = makeReadOnly(file);
    let t: TestApp | undefined;
    try {
      t = await createTestApp({ coordinator: false });
      const token = await t.app.get(JwtService).signAsync({ sub: coordinator.id, role: coordinator.role });
      const list = await t.http().get('/api/v1/partnerships').set('Authorization', `Bearer ${token}`).expect(200);
      expect(list.body.items.map((p: { name: string }) => p.name)).toContain('Before the file went read-only');
      const res = await t.http().post('/api/v1/partnerships').set('Authorization', `Bearer ${token}`).send({ name: 'Never saved', kind: 'thematic' });
      expectUnavailable(res, /read-only/);
      const after = await t.http().get('/api/v1/partnerships').set('Authorization', `Bearer ${token}`).expect(200);
      expect(after.body.items.map((p: { name: string }) => p.name)).not.toContain('Never saved');
    } finally {
      undo();
      await t?.close();
    }
  });

  onPostgres('an unreachable database server: 503 within 5 s, and service resumes when it is back', async () => {
    const relay = postgresRelay!;
    await relay.resume();
    const t = await createTestApp();
    try {
      await t.api().post('/api/v1/partnerships').send({ name: 'Saved before the outage', kind: 'thematic' }).expect(201);

      await relay.stop();
      for (const attempt of [
        () => t.api().get('/api/v1/partnerships'),
        () => t.api().post('/api/v1/partnerships').send({ name: 'Sent during the outage', kind: 'thematic' }),
      ]) {
        const started = Date.now();
        const res = await attempt();
        expect(Date.now() - started).toBeLessThan(5_000);
        expectUnavailable(res, /cannot be reached/);
      }

      await relay.resume();
      const names = (await t.api().get('/api/v1/partnerships?pageSize=200').expect(200)).body.items.map((p: { name: string }) => p.name);
      expect(names).toContain('Saved before the outage');
      expect(names).not.toContain('Sent during the outage');
    } finally {
      await relay.resume();
      await t.close();
      await relay.stop();
    }
  });
});

/** Another process that opens the SQLite file and holds an exclusive lock on it until killed. */
async function lockExclusively(file: string): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('locked\\n');
    setInterval(() => undefined, 1000);`;
  const child = spawn(process.execPath, ['-e', script, file], { cwd: join(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return child;
}

/**
 * Makes the database file read-only as an operator would (mode 0444). Root ignores file modes,
 * so there the file is also made immutable (chattr +i), which root's writes do respect.
 */
function makeReadOnly(file: string): () => void {
  chmodSync(file, 0o444);
  const root = process.getuid?.() === 0;
  if (root) execFileSync('chattr', ['+i', file]);
  return () => {
    if (root) execFileSync('chattr', ['-i', file]);
    chmodSync(file, 0o644);
  };
}
