import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { Target } from '../src/targets/target.entity';
import { ApiClient, createTestApp, DEFAULT_NOW, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

const PERIOD = '2025-26-Q2';

interface Body {
  strategy: { title: string; leadPartnershipName: string };
  counts: { total: number };
  returnDeadline: { deadline: string; overridden: boolean };
  asOf: string;
  themes: { title: string; targets: { id: string; code: string; title: string; expected: number | null; actual: number | null; lead: { partnershipName: string } | null; supportingPartnerships: { name: string }[] }[] }[];
  missingReturns: { code: string; partnershipName: string; state: string }[];
}

// Summaries are cached until a write changes them (src/summary/summary-cache.ts). Each step makes
// one kind of write through the API and expects the next summary to show it: without the
// invalidation (summary-invalidation.ts) every one of these reads would still be the cached one.
describeE2E('summary cache: computed once, invalidated by every write that changes it', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let officer: ApiClient;
  let lead: string;
  let themeId: string;
  let x: { id: string; version: number };
  let y: { id: string; version: number };
  let assignmentId: string;

  const summary = async (): Promise<Body> => (await b.api.get(`/api/v1/strategies/${b.strategyId}/summary?period=${PERIOD}`).expect(200)).body as Body;
  const targetOf = (s: Body, id: string) => s.themes.flatMap((th) => th.targets).find((tg) => tg.id === id)!;
  const missing = (s: Body, code: string) => s.missingReturns.find((m) => m.code === code);
  const version = async (id: string) => (await b.api.get(`/api/v1/targets/${id}`).expect(200)).body.version as number;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    themeId = await b.theme('Community safety');
    lead = await b.partnership({ name: 'Safer Wealden Partnership' });
    officer = await t.as('partnership-officer', [lead]);
    x = await b.target({ code: 'CS 1', themeId, baselineValue: 100, targetValue: 140 });
    y = await b.target({ code: 'CS 2', themeId, baselineValue: 100, targetValue: 140 });
    assignmentId = await b.assign(x.id, lead);
    await b.assign(y.id, lead);
  });
  afterAll(() => t.close());

  it('serves the same summary again without reading the tables (a write that bypasses the application is not seen)', async () => {
    expect(targetOf(await summary(), x.id).title).toBe('Target CS 1');
    // No TypeORM listener hears this one, so nothing invalidates: the cached summary is served.
    await t.app.get(DataSource).createQueryBuilder().update(Target).set({ title: 'Changed behind its back' }).where('id = :id', { id: x.id }).callListeners(false).execute();
    const first = await summary();
    expect(targetOf(first, x.id).title).toBe('Target CS 1');
    // The clock still moves for a cached summary: asOf is the time of the request.
    t.clock.set(new Date(DEFAULT_NOW.getTime() + 60_000));
    const later = await summary();
    expect(targetOf(later, x.id).title).toBe('Target CS 1');
    expect(later.asOf).toBe(new Date(DEFAULT_NOW.getTime() + 60_000).toISOString());
    expect(first.asOf).toBe(DEFAULT_NOW.toISOString());
  });

  it('a target edit', async () => {
    await b.api.patch(`/api/v1/targets/${x.id}`).send({ version: await version(x.id), title: 'Reduce burglary' }).expect(200);
    expect(targetOf(await summary(), x.id).title).toBe('Reduce burglary');
  });

  it('a milestone set on a target', async () => {
    expect(targetOf(await summary(), x.id).expected).not.toBe(131);
    await b.api.patch(`/api/v1/targets/${x.id}`).send({ version: await version(x.id), milestones: [{ period: PERIOD, value: 131 }] }).expect(200);
    expect(targetOf(await summary(), x.id).expected).toBe(131);
  });

  it('a strategy edit and a theme edit', async () => {
    await summary();
    await b.api.patch(`/api/v1/strategies/${b.strategyId}`).send({ title: 'Pride of Wealden' }).expect(200);
    expect((await summary()).strategy.title).toBe('Pride of Wealden');
    await b.api.patch(`/api/v1/themes/${themeId}`).send({ title: 'Safer communities' }).expect(200);
    expect((await summary()).themes.map((th) => th.title)).toContain('Safer communities');
  });

  it('a return drafted, submitted, sent back and approved', async () => {
    expect(missing(await summary(), 'CS 1')?.state).toBe('none');
    const draft = await officer.post(`/api/v1/targets/${x.id}/progress`).send({ period: PERIOD, value: 125 }).expect(201);
    expect(missing(await summary(), 'CS 1')?.state).toBe('draft');
    await officer.post(`/api/v1/progress/${draft.body.id}/submit`).send({}).expect(200);
    expect(missing(await summary(), 'CS 1')).toBeUndefined();
    await b.api.post(`/api/v1/progress/${draft.body.id}/return`).send({ reason: 'Check the figure' }).expect(200);
    expect(missing(await summary(), 'CS 1')?.state).toBe('returned');
    await officer.post(`/api/v1/progress/${draft.body.id}/submit`).send({}).expect(200);
    expect(targetOf(await summary(), x.id).actual).toBeNull();
    await b.approve(draft.body.id);
    expect(targetOf(await summary(), x.id).actual).toBe(125);
  });

  it('an assignment change: a new lead, then a supporting partnership', async () => {
    const other = await b.partnership({ name: 'Wealden Community Safety Partnership' });
    expect(targetOf(await summary(), x.id).lead?.partnershipName).toBe('Safer Wealden Partnership');
    await b.api.patch(`/api/v1/assignments/${assignmentId}`).send({ partnershipId: other }).expect(200);
    expect(targetOf(await summary(), x.id).lead?.partnershipName).toBe('Wealden Community Safety Partnership');
    const supporter = await b.partnership({ name: 'Sussex Police' });
    await b.api.patch(`/api/v1/assignments/${assignmentId}`).send({ supportingPartnershipIds: [supporter] }).expect(200);
    expect(targetOf(await summary(), x.id).supportingPartnerships.map((p) => p.name)).toEqual(['Sussex Police']);
  });

  it('a deadline override', async () => {
    expect((await summary()).returnDeadline.overridden).toBe(false);
    await b.api.put(`/api/v1/strategies/${b.strategyId}/return-deadlines/${PERIOD}`).send({ deadline: '2025-11-30' }).expect(200);
    expect((await summary()).returnDeadline).toMatchObject({ deadline: '2025-11-30', overridden: true });
  });

  it('a partnership renamed', async () => {
    expect(missing(await summary(), 'CS 2')?.partnershipName).toBe('Safer Wealden Partnership');
    await b.api.patch(`/api/v1/partnerships/${lead}`).send({ name: 'Safer Wealden' }).expect(200);
    expect(missing(await summary(), 'CS 2')?.partnershipName).toBe('Safer Wealden');
  });

  it('a returns import (multi-row writes that TypeORM does not broadcast)', async () => {
    expect(missing(await summary(), 'CS 2')?.state).toBe('none');
    const csv = stringify([{ code: 'CS 2', period: PERIOD, value: 118 }], { header: true });
    await officer.post(`/api/v1/strategies/${b.strategyId}/progress/import`).set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(missing(await summary(), 'CS 2')?.state).not.toBe('none');
  });

  it('a target archived', async () => {
    const before = (await summary()).counts.total;
    await b.api.patch(`/api/v1/targets/${y.id}`).send({ version: await version(y.id), archived: true }).expect(200);
    expect((await summary()).counts.total).toBe(before - 1);
  });

  it('keeps scopes apart: a theme-scoped summary is not the whole strategy', async () => {
    const other = await b.theme('Housing');
    await b.target({ code: 'H 1', themeId: other, baselineValue: 1, targetValue: 2 });
    const whole = await summary();
    const scoped = (await b.api.get(`/api/v1/strategies/${b.strategyId}/summary?period=${PERIOD}&themeId=${other}`).expect(200)).body as Body;
    expect(scoped.counts.total).toBe(1);
    expect(whole.counts.total).toBe(2);
  });
});
