import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { addQuarters } from '../../src/domain/period';
import { insertRows, prepareInsertRows } from '../../src/database/bulk';
import { ProgressUpdate } from '../../src/progress/progress-update.entity';
import { BASELINE_PERIOD, seededRandom, seedPartnerships, seedStrategy } from '../factories/bulk-seed';
import { describeE2E, engine, withPg } from '../helpers/app';

// insertRows writes many rows at once: on PostgreSQL through COPY, whose text format has its own
// escapes (tab, newline, backslash, \N for null) and whose values must be the text a parameter
// would have sent (dates, JSON); on SQLite through multi-row INSERTs. Whatever it writes must
// read back as what `save` writes for the same row.
describeE2E('insertRows writes what save writes', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let strategyId: string;
  let targetIds: string[];

  beforeAll(async () => {
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`));
    app = await (await Test.createTestingModule({ imports: [AppModule] }).compile()).init();
    db = app.get(DataSource);
    const seeded = await db.transaction(async (m) => {
      const [lead] = await seedPartnerships(m, 1, 'Lead Partnership', null, 1);
      const partnerships = await seedPartnerships(m, 2, 'Delivery Partnership', lead);
      return seedStrategy(m, { title: 'Bulk insert', leadId: lead, partnerships, targets: 6, quarters: 2, codePrefix: 'BI', random: seededRandom(), returns: false });
    });
    strategyId = seeded.strategyId;
    targetIds = (await db.getRepository('Target').find({ where: { strategyId }, order: { code: 'ASC' } })).map((t) => (t as { id: string }).id);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  });

  // Text that COPY's format, JSON or SQL quoting could each get wrong.
  const awkward = [
    'tab\there, newline\nthere, carriage\rreturn, backslash \\ and \\N and \\\\',
    'NULL',
    '\\N',
    '',
    ' leading and trailing spaces ',
    '"double" and \'single\' quotes, {braces}, [brackets], commas,',
    'Ünïcödé — “quotes” ‘single’ £5 🙂 日本語',
  ];

  const snapshot = (i: number) => ({
    text: awkward[i % awkward.length],
    nested: { list: [1, 'two', null, { deep: awkward[(i + 1) % awkward.length] }], flag: i % 2 === 0 },
    value: i === 0 ? -0.000_003_5 : 1e15 + 0.5,
    at: '2026-12-01T07:30:00.123Z',
  });

  const audit = (i: number, tag: string): Partial<AuditEntry> => ({
    entityType: 'progress-update',
    entityId: randomUUID(),
    targetId: i % 3 === 0 ? null : targetIds[0],
    action: tag,
    actorId: i % 2 === 0 ? null : randomUUID(),
    actorEmail: i % 2 === 0 ? null : `officer+${i}@example.test`,
    at: `2026-12-01T07:30:00.${String(i).padStart(3, '0')}Z`,
    before: i % 4 === 0 ? null : snapshot(i),
    after: snapshot(i + 1),
  });

  const withoutSequence = ({ sequence: _sequence, ...rest }: AuditEntry) => rest;
  const stored = async (action: string) => (await db.getRepository(AuditEntry).find({ where: { action }, order: { sequence: 'ASC' } })).map(withoutSequence);
  const rawJson = async (action: string) => {
    const p = engine === 'postgres' ? '$1' : '?';
    return (await db.query(`SELECT "before", "after" FROM "audit_entries" WHERE "action" = ${p} ORDER BY "sequence"`, [action])) as { before: string | null; after: string | null }[];
  };

  it('stores text, nulls, numbers and JSON as save does, byte for byte', async () => {
    const rows = awkward.map((_, i) => audit(i, 'bulk-awkward'));
    await db.getRepository(AuditEntry).save(rows.map((r) => ({ ...r, action: 'saved-awkward' })));
    await db.transaction((m) => insertRows(m, AuditEntry, rows));

    const bulk = await stored('bulk-awkward');
    expect(bulk).toEqual(rows);
    expect(bulk.map((r) => ({ ...r, action: '' }))).toEqual((await stored('saved-awkward')).map((r) => ({ ...r, action: '' })));
    // The JSON columns' stored text is the same on both paths.
    expect(await rawJson('bulk-awkward')).toEqual(await rawJson('saved-awkward'));
  });

  it('stores dates and numbers of a progress update as save does (no time-zone shift)', async () => {
    const make = (targetId: string, quarter: number): Partial<ProgressUpdate> => ({
      id: randomUUID(),
      targetId,
      strategyId,
      period: addQuarters(BASELINE_PERIOD, quarter),
      value: 1240.5,
      commentary: awkward[0],
      risks: null,
      nextActions: awkward[6],
      status: 'submitted',
      returnReason: null,
      submittedAt: '2026-12-01T07:30:00.123Z',
      submittedById: null,
      decidedAt: null,
      decidedById: null,
      createdAt: new Date('2026-03-31T23:59:59.999Z'),
      updatedAt: new Date('2026-06-30T12:00:00.001Z'),
      createdById: null,
      updatedById: null,
      version: 1,
    });
    const viaSave = make(targetIds[1], 5);
    const viaBulk = make(targetIds[2], 5);
    await db.getRepository(ProgressUpdate).insert(viaSave);
    await db.transaction((m) => insertRows(m, ProgressUpdate, [viaBulk]));

    const [saved, bulk] = await Promise.all([viaSave, viaBulk].map((u) => db.getRepository(ProgressUpdate).findOneByOrFail({ id: u.id! })));
    expect(bulk).toMatchObject({ ...viaBulk, targetId: targetIds[2] });
    expect({ ...bulk, id: '', targetId: '' }).toEqual({ ...saved, id: '', targetId: '' });
    const p = (n: number) => (engine === 'postgres' ? `$${n}` : '?');
    const raw = (await db.query(`SELECT "id", CAST("createdAt" AS TEXT) AS "createdAt", CAST("updatedAt" AS TEXT) AS "updatedAt" FROM "progress_updates" WHERE "id" IN (${p(1)}, ${p(2)})`, [viaSave.id, viaBulk.id])) as { id: string; createdAt: string; updatedAt: string }[];
    const text = (id: string) => raw.find((r) => r.id === id)!;
    expect({ ...text(viaBulk.id!), id: '' }).toEqual({ ...text(viaSave.id!), id: '' });
  });

  it('a prepared insert of thousands of rows, in many buffers, some reused and one oversized, reads back exactly, twice', async () => {
    const huge = { text: 'x'.repeat(300 * 1024) + '\t\n\\', rows: Array.from({ length: 50 }, (_, i) => awkward[i % awkward.length]) };
    for (const round of ['first', 'second']) {
      const action = `bulk-many-${round}`;
      const rows = Array.from({ length: 2600 }, (_, i) => ({ ...audit(i, action), ...(i === 1234 ? { after: huge } : {}) }));
      const write = await db.transaction(async (m) => {
        const prepared = prepareInsertRows(m, AuditEntry, rows);
        // Nothing is written until the prepared write runs.
        expect(await m.getRepository(AuditEntry).countBy({ action })).toBe(0);
        await prepared();
        return prepared;
      });
      expect(await stored(action)).toEqual(rows);
      // Its buffers have gone back for reuse: it cannot be run again.
      await expect(db.transaction(() => write())).rejects.toThrow('A prepared write runs once');
      expect(await db.getRepository(AuditEntry).countBy({ action })).toBe(rows.length);
    }
  });

  it('outside a transaction, takes a connection of its own and gives it back', async () => {
    // More inserts than the pool has connections: a connection kept would stop the later ones.
    for (let i = 0; i < 25; i++) await insertRows(db.manager, AuditEntry, [audit(i, 'bulk-pool')]);
    expect(await db.getRepository(AuditEntry).countBy({ action: 'bulk-pool' })).toBe(25);
  });

  it('rolls back with the transaction it was written in', async () => {
    await expect(
      db.transaction(async (m) => {
        await insertRows(m, AuditEntry, [audit(1, 'bulk-rolled-back'), audit(2, 'bulk-rolled-back')]);
        throw new Error('something later failed');
      }),
    ).rejects.toThrow('something later failed');
    expect(await db.getRepository(AuditEntry).countBy({ action: In(['bulk-rolled-back']) })).toBe(0);
  });
});
