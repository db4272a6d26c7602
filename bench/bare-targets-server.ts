/**
 * The bare baseline of `npm run bench:targets` (issue 11, point 8): Fastify and better-sqlite3,
 * no framework, no auth, answering `GET /api/v1/strategies/:id/targets` (page 1) from the same
 * database file with the same JSON as the product. The benchmark checks the two bodies are equal
 * before it measures, so the baseline cannot drift into doing less work.
 *   node dist-bench/bench/bare-targets-server.js <database file> [fastify|express] <port>
 * `express`: the same handler on bare Express (the product's HTTP layer), to measure what a
 * switch to Fastify could gain at most (issue 11, point 1).
 */
import Database from 'better-sqlite3';
import express from 'express';
import Fastify from 'fastify';

// bench/load.ts's startScript puts the port last.
const [databasePath, ...rest] = process.argv.slice(2);
const port = rest[rest.length - 1];
const framework = rest.length > 1 ? rest[0] : 'fastify';
const db = new Database(databasePath, { readonly: true });

const page = db.prepare(
  `SELECT id, strategyId, themeId, code, title, description, unit, direction, baselineValue, baselinePeriod,
          targetValue, targetPeriod, tolerancePercent, frequency, archived, version, createdAt, updatedAt
     FROM targets WHERE strategyId = ? AND archived = 0 ORDER BY code LIMIT ? OFFSET ?`,
);
const count = db.prepare('SELECT COUNT(*) AS n FROM targets WHERE strategyId = ? AND archived = 0');
const milestones = db.prepare('SELECT targetId, period, value FROM milestones WHERE targetId IN (SELECT value FROM json_each(?))');
const priorities = db.prepare('SELECT targetId, priorityId FROM target_priorities WHERE targetId IN (SELECT value FROM json_each(?))');

interface Row {
  id: string;
  archived: number;
  createdAt: string;
  updatedAt: string;
  [column: string]: unknown;
}

const utc = (sqliteDate: string) => new Date(`${sqliteDate.replace(' ', 'T')}Z`);

function targetsPage(strategyId: string, pageNo: number, pageSize: number) {
  const rows = page.all(strategyId, pageSize, (pageNo - 1) * pageSize) as Row[];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const ms = new Map<string, { period: string; value: number }[]>();
  for (const m of milestones.all(ids) as { targetId: string; period: string; value: number }[]) {
    if (!ms.has(m.targetId)) ms.set(m.targetId, []);
    ms.get(m.targetId)!.push({ period: m.period, value: m.value });
  }
  const ps = new Map<string, string[]>();
  for (const p of priorities.all(ids) as { targetId: string; priorityId: string }[]) {
    if (!ps.has(p.targetId)) ps.set(p.targetId, []);
    ps.get(p.targetId)!.push(p.priorityId);
  }
  const items = rows.map((r) => ({
    id: r.id,
    strategyId: r.strategyId,
    themeId: r.themeId,
    priorityIds: (ps.get(r.id) ?? []).sort(),
    code: r.code,
    title: r.title,
    description: r.description,
    unit: r.unit,
    direction: r.direction,
    baselineValue: r.baselineValue,
    baselinePeriod: r.baselinePeriod,
    targetValue: r.targetValue,
    targetPeriod: r.targetPeriod,
    milestones: (ms.get(r.id) ?? []).sort((a, b) => (a.period < b.period ? -1 : 1)),
    tolerancePercent: r.tolerancePercent,
    frequency: r.frequency,
    archived: r.archived === 1,
    version: r.version,
    createdAt: utc(r.createdAt),
    updatedAt: utc(r.updatedAt),
  }));
  return { items, total: (count.get(strategyId) as { n: number }).n, page: pageNo, pageSize };
}

const ready = () => process.send?.('ready');
const failed = (error: unknown) => {
  console.error(error);
  process.exit(1);
};

if (framework === 'express') {
  const app = express();
  app.get('/api/v1/strategies/:id/targets', (req, res) => {
    res.json(targetsPage(req.params.id, Number(req.query.page ?? 1), Number(req.query.pageSize ?? 50)));
  });
  app.listen(Number(port), '127.0.0.1', ready).on('error', failed);
} else {
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string }; Querystring: { page?: string; pageSize?: string } }>('/api/v1/strategies/:id/targets', async (req) =>
    targetsPage(req.params.id, Number(req.query.page ?? 1), Number(req.query.pageSize ?? 50)),
  );
  app.listen({ port: Number(port), host: '127.0.0.1' }).then(ready, failed);
}
