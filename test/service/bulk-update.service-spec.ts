import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { updateRows } from '../../src/database/bulk';
import { ProgressUpdate } from '../../src/progress/progress-update.entity';
import { seededRandom, seedPartnerships, seedStrategy } from '../factories/bulk-seed';
import { describeE2E, engine, withPg } from '../helpers/app';

// updateRows writes many rows in one statement: on PostgreSQL from typed arrays
// (`UPDATE … FROM unnest($1::uuid[], …)`), whose text form has its own quoting (commas, quotes,
// backslashes, braces, the word NULL), on SQLite from a VALUES list. Whatever it writes must read
// back as what `save` writes for the same change: dates, nulls, numbers, text.
describeE2E('updateRows writes what save writes', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let strategyId: string;

  beforeAll(async () => {
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`));
    app = await (await Test.createTestingModule({ imports: [AppModule] }).compile()).init();
    db = app.get(DataSource);
    strategyId = await db.transaction(async (m) => {
      const [lead] = await seedPartnerships(m, 1, 'Lead Partnership', null, 1);
      const partnerships = await seedPartnerships(m, 2, 'Delivery Partnership', lead);
      return (await seedStrategy(m, { title: 'Bulk', leadId: lead, partnerships, targets: 6, quarters: 2, codePrefix: 'BU', random: seededRandom() })).strategyId;
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  });

  const changes: Pick<ProgressUpdate, 'value' | 'commentary' | 'risks' | 'nextActions' | 'status' | 'submittedAt' | 'submittedById' | 'updatedAt' | 'updatedById'>[] = [
    {
      value: 1240.5,
      commentary: 'Delivery, on track; "ahead" of plan, \\ backslash \\\\ two',
      risks: null,
      nextActions: '{braces}, (parens), and a comma,',
      status: 'submitted',
      submittedAt: '2026-12-01T07:30:00.123Z',
      submittedById: randomUUID(),
      updatedAt: new Date('2026-12-01T07:30:00.123Z'),
      updatedById: randomUUID(),
    },
    {
      value: -0.000_003_5,
      commentary: 'NULL',
      risks: 'Ünïcödé — “quotes” ‘single’ £5 🙂 日本語',
      nextActions: '',
      status: 'draft',
      submittedAt: null,
      submittedById: null,
      updatedAt: new Date('2027-03-31T23:59:59.999Z'),
      updatedById: null,
    },
    {
      value: 0,
      commentary: "it's a line\nand another\ttabbed, 'single' quotes",
      risks: ' leading and trailing spaces ',
      nextActions: null,
      status: 'approved',
      submittedAt: '2025-04-01T00:00:00.000Z',
      submittedById: randomUUID(),
      updatedAt: new Date('2025-04-01T00:00:00.000Z'),
      updatedById: randomUUID(),
    },
    {
      value: 1e15 + 0.5,
      commentary: '"',
      risks: '\\',
      nextActions: '{"json": [1, 2]}',
      status: 'returned',
      submittedAt: '2026-01-15T12:00:00.000Z',
      submittedById: null,
      updatedAt: new Date('2026-01-15T12:00:00.000Z'),
      updatedById: null,
    },
  ];

  it('stores every kind of value as save does, raising the version by one', async () => {
    const updates = await db.getRepository(ProgressUpdate).find({ where: { strategyId }, order: { targetId: 'ASC', period: 'ASC' } });
    expect(updates.length).toBeGreaterThanOrEqual(changes.length * 2);
    const viaSave = updates.slice(0, changes.length);
    const viaBulk = updates.slice(changes.length, changes.length * 2);
    const set = ['value', 'commentary', 'risks', 'nextActions', 'status', 'submittedAt', 'submittedById', 'updatedAt', 'updatedById'] as const;

    await db.transaction(async (m) => {
      for (const [i, update] of viaSave.entries()) await m.getRepository(ProgressUpdate).update({ id: update.id }, { ...changes[i], version: update.version + 1 });
      await updateRows(
        m,
        ProgressUpdate,
        viaBulk.map((u, i) => ({ ...u, ...changes[i] })),
        [...set],
        ['version'],
      );
    });

    const read = async (ids: string[]) => {
      const rows = await db.getRepository(ProgressUpdate).find({ where: { id: In(ids) } });
      return ids.map((id) => rows.find((r) => r.id === id)!);
    };
    const saved = await read(viaSave.map((u) => u.id));
    const bulk = await read(viaBulk.map((u) => u.id));
    for (const [i, change] of changes.entries()) {
      const fields = (u: ProgressUpdate) => ({ ...Object.fromEntries(set.map((k) => [k, u[k]])), version: u.version });
      // Exactly what was given, then exactly what save stored; only the rows' own version differs by origin.
      expect(fields(bulk[i])).toEqual({ ...change, version: viaBulk[i].version + 1 });
      expect({ ...fields(bulk[i]), version: 0 }).toEqual({ ...fields(saved[i]), version: 0 });
      // Untouched columns stay as they were.
      expect(bulk[i]).toMatchObject({ targetId: viaBulk[i].targetId, period: viaBulk[i].period, strategyId, createdAt: viaBulk[i].createdAt });
    }
    // The raw stored text of the timestamp column is the same on both paths (no time-zone shift).
    const p = (n: number) => (engine === 'postgres' ? `$${n}` : '?');
    const raw: { id: string; updatedAt: unknown }[] = await db.query(`SELECT "id", CAST("updatedAt" AS ${engine === 'postgres' ? 'text' : 'TEXT'}) AS "updatedAt" FROM "progress_updates" WHERE "id" IN (${[...viaSave, ...viaBulk].map((_, n) => p(n + 1)).join(', ')})`, [...viaSave, ...viaBulk].map((u) => u.id));
    const text = (id: string) => raw.find((r) => r.id === id)!.updatedAt;
    for (let i = 0; i < changes.length; i++) expect(text(viaBulk[i].id)).toBe(text(viaSave[i].id));
  });

  it('leaves rows not named alone and writes nothing for an empty list', async () => {
    const before = await db.getRepository(ProgressUpdate).find({ where: { strategyId }, order: { id: 'ASC' } });
    const [first] = before;
    await db.transaction(async (m) => {
      await updateRows(m, ProgressUpdate, [], ['value']);
      await updateRows(m, ProgressUpdate, [{ id: first.id, value: 42 }], ['value']);
    });
    const after = await db.getRepository(ProgressUpdate).find({ where: { strategyId }, order: { id: 'ASC' } });
    expect(after).toEqual(before.map((u) => (u.id === first.id ? { ...u, value: 42 } : u)));
  });
});
