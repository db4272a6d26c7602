import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { addQuarters, periodsBetween } from '../src/domain/period';
import { BASELINE_PERIOD, seededRandom, seedPartnerships, seedStrategy } from './factories/bulk-seed';
import { createTestApp, describeE2E, engine } from './helpers/app';

const TARGETS = 4000;
const QUARTERS = 10;

/**
 * The import is one transaction: a process killed with SIGKILL while it is writing (no chance
 * to roll back, close or clean up) leaves nothing stored. The import runs as operators run it
 * for big files, `npm run import-progress` (the compiled CLI, in a child process), on this test
 * file's own database; it is killed once it has started writing: on SQLite when its
 * uncommitted pages spill into the write-ahead log, on PostgreSQL when its transaction has an
 * id (it has written) and its latest statement writes rows (COPY, or an INSERT).
 */
describeE2E('returns import killed half-way', () => {
  let dir: string;
  let child: ChildProcess | undefined;

  beforeAll(() => {
    // The CLI runs from dist/: build it when the sources are newer (as npm run import-progress does).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../scripts/build-if-stale')();
    dir = mkdtempSync(join(tmpdir(), 'scs-import-kill-'));
  }, 600_000);
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('a SIGKILL while the rows are being written leaves no update and no history entry', async () => {
    const t = await createTestApp();
    const email = t.api().user.email;
    const { strategyId, codes } = await t.app.get(DataSource).transaction(async (m) => {
      const [lead] = await seedPartnerships(m, 1, 'Kill Test Lead', null, 1);
      const partnerships = await seedPartnerships(m, 5, 'Kill Test Partnership', lead);
      return seedStrategy(m, { title: 'Kill Test Strategy', leadId: lead, partnerships, targets: TARGETS, quarters: QUARTERS, codePrefix: 'KT', random: seededRandom(), returns: false });
    });
    await t.close({ keepData: true });

    const periods = periodsBetween(addQuarters(BASELINE_PERIOD, 1), addQuarters(BASELINE_PERIOD, QUARTERS));
    const lines = ['code,period,value,commentary'];
    codes.forEach((code, i) => periods.forEach((period, q) => lines.push(`${code},${period},${i + q},Return for ${code} in ${period} with some commentary`)));
    const file = join(dir, 'returns.csv');
    writeFileSync(file, lines.join('\n'));

    const applicationName = `scs-import-kill-${process.pid}`;
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
    if (engine === 'postgres') env.DATABASE_URL = `${process.env.DATABASE_URL}?application_name=${applicationName}`;
    let output = '';
    let exited = false;
    child = spawn(process.execPath, [join(__dirname, '../dist/cli/main.js'), 'import-progress', '--strategy', strategyId, '--file', file, '--as', email], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const gone = new Promise<void>((resolve) => child!.once('exit', () => ((exited = true), resolve())));

    const writing = engine === 'postgres' ? postgresWriting(applicationName) : sqliteWriting(`${process.env.DATABASE_PATH}-wal`);
    const deadline = Date.now() + 300_000;
    while (!exited && !(await writing()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    // If it finished first, the file is too small to catch it writing: a test failure, not a pass.
    expect({ exited, output }).toEqual({ exited: false, output: '' });
    child.kill('SIGKILL');
    await gone;
    if (engine === 'postgres') await postgresGone(applicationName);

    const after = await createTestApp();
    try {
      const db = after.app.get(DataSource);
      const count = async (sql: string) => Number((await db.query(sql, [strategyId]))[0].n);
      expect(await count(`SELECT COUNT(*) AS n FROM "progress_updates" u JOIN "targets" t ON t."id" = u."targetId" WHERE t."strategyId" = ${engine === 'postgres' ? '$1' : '?'}`)).toBe(0);
      expect(await count(`SELECT COUNT(*) AS n FROM "audit_entries" a JOIN "targets" t ON t."id" = a."targetId" WHERE a."action" = 'imported' AND t."strategyId" = ${engine === 'postgres' ? '$1' : '?'}`)).toBe(0);
      // The database is whole: the same file imports in full afterwards.
      const officer = after.api();
      const csv = lines.slice(0, 1 + 2 * QUARTERS).join('\n');
      const res = await officer.post(`/api/v1/strategies/${strategyId}/progress/import`).set('Content-Type', 'text/csv').send(csv).expect(200);
      expect(res.body).toMatchObject({ created: 2 * QUARTERS, updated: 0 });
    } finally {
      await after.close();
    }
  }, 600_000);
});

/** True once the import's uncommitted pages have started to spill into the write-ahead log. */
function sqliteWriting(wal: string): () => Promise<boolean> {
  return async () => existsSync(wal) && statSync(wal).size > 2 * 1024 * 1024;
}

function postgresWriting(applicationName: string): () => Promise<boolean> {
  return async () => {
    const rows = await pgQuery(
      `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND backend_xid IS NOT NULL AND (query LIKE 'COPY %' OR query LIKE 'INSERT INTO%')`,
      [applicationName],
    );
    return rows.length > 0;
  };
}

/** PostgreSQL notices the dead client and rolls its transaction back; wait until its backend has ended. */
async function postgresGone(applicationName: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if ((await pgQuery('SELECT 1 FROM pg_stat_activity WHERE application_name = $1', [applicationName])).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the killed import’s PostgreSQL backend did not end');
}

async function pgQuery(sql: string, parameters: unknown[]): Promise<unknown[]> {
  const client = new Client({ connectionString: process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}
