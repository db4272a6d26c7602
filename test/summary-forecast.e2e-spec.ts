import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

/**
 * Forecasts, deadlines and the at-risk list in the summary JSON. Report period 2025-26-Q2 (ends
 * 30 September 2025), so with the default 30 days its returns are due by 30 October 2025.
 * Trajectory of every target: baseline 100 at 2024-25-Q1, target 200 at 2026-27-Q1, so E is
 * 12.5 a quarter; E(2025-26-Q2) = 162.5.
 */
describeE2E('summary: forecasts, return deadlines and targets at risk', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  const at = (iso: string) => t.clock.set(new Date(iso));

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    const theme = await b.theme('Economy');
    const lead = await b.partnership({ name: 'Economy Partnership' });
    const officer = await t.as('partnership-officer', [lead]);
    const target = async (code: string) => {
      const made = await b.target({ code, themeId: theme, baselinePeriod: '2024-25-Q1', baselineValue: 100, targetPeriod: '2026-27-Q1', targetValue: 200, tolerancePercent: 5 });
      await b.assign(made.id, lead, { name: `Officer ${code}`, email: `${code.toLowerCase()}@example.test` });
      return made.id;
    };
    const slowing = await target('A1');
    const steady = await target('A2');
    const young = await target('A3');
    await target('A4'); // owes its 2025-26-Q2 return

    at('2025-10-20T10:00:00Z');
    for (const [id, figures] of [[slowing, [150, 160]], [steady, [150, 165, 180]], [young, [140]]] as const) {
      const periods = ['2024-25-Q4', '2025-26-Q1', '2025-26-Q2'];
      for (const [i, value] of figures.entries()) await b.approvedReturn(officer, id, periods[i], value);
    }
    await b.approvedReturn(officer, young, '2025-26-Q2', 165);
    // A1's 2025-26-Q2 return comes in four days after the deadline.
    at('2025-11-03T09:00:00Z');
    await b.approvedReturn(officer, slowing, '2025-26-Q2', 165);
    at('2025-11-15T10:00:00Z');
  });
  afterAll(() => t.close());

  const targetsOf = async () => {
    const summary = (await t.api().get(`/api/v1/strategies/${b.strategyId}/summary?period=2025-26-Q2`).expect(200)).body;
    return { summary, byCode: Object.fromEntries(summary.themes[0].targets.map((x: { code: string }) => [x.code, x])) };
  };

  it('forecasts each target from its approved figures by least squares, naming the method and the points', async () => {
    const { byCode } = await targetsOf();
    // A1: 150, 160, 165 → slope 7.5 a quarter, 188.33 at 2026-27-Q1: more than 5% short of 200.
    expect(byCode.A1.rag).toBe('green');
    expect(byCode.A1.forecast).toMatchObject({ outcome: 'at-risk', method: 'least-squares', window: 4, pointsUsed: 3, fromPeriod: '2024-25-Q4', toPeriod: '2025-26-Q2', slopePerQuarter: 7.5 });
    expect(byCode.A1.forecast.projectedValue).toBeCloseTo(188.333333, 5);
    expect(byCode.A1.forecast.description).toBe('Least-squares line through the 3 most recent approved figures (2024/25 Q4 to 2025/26 Q2), read at 2026/27 Q1');
    // A2: 150, 165, 180 → 15 a quarter, 225.
    expect(byCode.A2.forecast).toMatchObject({ outcome: 'likely-to-meet', projectedValue: 225 });
    // A3: two approved figures only.
    expect(byCode.A3.forecast).toMatchObject({ outcome: 'no-forecast', pointsUsed: 2, projectedValue: null, method: null });
    expect(byCode.A4.forecast).toMatchObject({ outcome: 'no-forecast', pointsUsed: 0 });
  });

  it('lists a target on track now but forecast to miss as at risk', async () => {
    const { summary } = await targetsOf();
    expect(summary.atRisk).toEqual([
      expect.objectContaining({ code: 'A1', rag: 'green', targetValue: 200, targetPeriod: '2026-27-Q1', partnershipName: 'Economy Partnership' }),
    ]);
  });

  it('gives a missing return its deadline and days overdue, and lists a late return', async () => {
    const { summary } = await targetsOf();
    expect(summary.asOf).toBe('2025-11-15T10:00:00.000Z');
    expect(summary.returnDeadline).toEqual({ period: '2025-26-Q2', deadline: '2025-10-30', overridden: false });
    expect(summary.missingReturns).toEqual([
      expect.objectContaining({ code: 'A4', officerName: 'Officer A4', deadline: '2025-10-30', deadlineState: 'overdue', daysOverdue: 16, daysLeft: null }),
    ]);
    expect(summary.lateReturns).toEqual([
      expect.objectContaining({ code: 'A1', deadline: '2025-10-30', daysLate: 4, submittedAt: '2025-11-03T09:00:00.000Z', partnershipName: 'Economy Partnership' }),
    ]);
  });

  it('before the deadline a missing return is due soon, with the days left', async () => {
    at('2025-10-25T12:00:00Z');
    try {
      const { summary } = await targetsOf();
      expect(summary.missingReturns[0]).toMatchObject({ code: 'A4', deadlineState: 'due-soon', daysOverdue: 0, daysLeft: 5 });
    } finally {
      at('2025-11-15T10:00:00Z');
    }
  });

  it("follows a coordinator's override of the quarter's deadline", async () => {
    await t.api().put(`/api/v1/strategies/${b.strategyId}/return-deadlines/2025-26-Q2`).send({ deadline: '2025-11-10' }).expect(200);
    try {
      const { summary } = await targetsOf();
      expect(summary.returnDeadline).toEqual({ period: '2025-26-Q2', deadline: '2025-11-10', overridden: true });
      expect(summary.missingReturns[0]).toMatchObject({ code: 'A4', deadline: '2025-11-10', deadlineState: 'overdue', daysOverdue: 5 });
      // Submitted on 3 November: on time against the moved deadline.
      expect(summary.lateReturns).toEqual([]);
    } finally {
      await t.api().delete(`/api/v1/strategies/${b.strategyId}/return-deadlines/2025-26-Q2`).expect(204);
    }
  });
});
