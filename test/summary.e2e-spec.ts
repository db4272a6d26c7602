import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder, SummaryBody } from './helpers/strategy-builder';

// The clock is 15 November 2025 (2025-26-Q3), so the latest completed quarter is 2025-26-Q2.
describeE2E('summary: RAG, direction of travel, movement and missing returns over HTTP', () => {
  let t: TestApp;
  let b: StrategyBuilder;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
  });
  afterAll(() => t.close());

  it('reproduces the worked example of API.md: 121 green, 116 amber, 113 red against E = 120', async () => {
    const lead = await b.partnership({ name: 'Worked Example Partnership' });
    const theme = await b.theme('Worked example');
    const officer = await t.as('partnership-officer', [lead]);
    const actuals = { WE1: 121, WE2: 116, WE3: 113 };
    for (const [code, value] of Object.entries(actuals)) {
      const target = await b.target({ code, themeId: theme, baselineValue: 100, targetValue: 140, tolerancePercent: 5 });
      await b.assign(target.id, lead);
      await b.approvedReturn(officer, target.id, '2025-26-Q2', value);
    }
    const summary = await b.summary('2025-26-Q2', `&themeId=${theme}`);
    const byCode = Object.fromEntries(summary.themes[0].targets.map((x) => [x.code, x]));
    expect(byCode.WE1).toMatchObject({ expected: 120, actual: 121, rag: 'green' });
    expect(byCode.WE2).toMatchObject({ expected: 120, actual: 116, rag: 'amber' });
    expect(byCode.WE3).toMatchObject({ expected: 120, actual: 113, rag: 'red' });
    expect(summary.counts).toEqual({ green: 1, amber: 1, red: 1, noData: 0, total: 3 });
    expect(summary.periodLabel).toBe('2025/26 Q2 (Jul–Sep 2025)');
  });

  describe('a 13-target scenario over three themes, checked against hand-computed values', () => {
    let summary: SummaryBody;
    let safety: string;
    let housing: string;
    let older: string;

    beforeAll(async () => {
      const s = await new StrategyBuilder(t).init();
      b = s;
      safety = await s.theme('Community safety');
      housing = await s.theme('Housing');
      older = await s.theme('Older people', 'population-group');
      const saferWealden = await s.partnership({ name: 'Safer Wealden Partnership' });
      const housingPartnership = await s.partnership({ name: 'Wealden Housing Partnership' });
      const olderPeople = await s.partnership({ name: "Older People's Partnership" });
      const reporters: Record<string, ApiClient> = {
        [saferWealden]: await t.as('partnership-officer', [saferWealden]),
        [housingPartnership]: await t.as('partnership-officer', [housingPartnership]),
        [olderPeople]: await t.as('partnership-officer', [olderPeople]),
      };

      // code, theme, lead, trajectory, approved returns (Q1, Q2 of 2025-26 unless stated), other returns
      type Spec = { code: string; theme: string; lead: string | null; body: object; approved?: Record<string, number>; submitted?: Record<string, number>; returned?: Record<string, number> };
      const specs: Spec[] = [
        { code: 'CS1', theme: safety, lead: saferWealden, body: { direction: 'decrease', baselineValue: 1000, targetValue: 800 }, approved: { '2025-26-Q1': 960, '2025-26-Q2': 890 } },
        { code: 'CS2', theme: safety, lead: saferWealden, body: { direction: 'decrease', baselineValue: 1000, targetValue: 800, milestones: [{ period: '2025-26-Q2', value: 950 }] }, approved: { '2025-26-Q1': 970, '2025-26-Q2': 990 } },
        { code: 'CS3', theme: safety, lead: saferWealden, body: { baselineValue: 50, targetValue: 90, tolerancePercent: 10 }, approved: { '2025-26-Q1': 58 }, submitted: { '2025-26-Q2': 75 } },
        { code: 'CS4', theme: safety, lead: saferWealden, body: { baselineValue: 10, targetValue: 20 }, returned: { '2025-26-Q2': 14 } },
        { code: 'H1', theme: housing, lead: housingPartnership, body: { baselineValue: 200, targetValue: 400, milestones: [{ period: '2025-26-Q3', value: 330 }, { period: '2025-26-Q1', value: 220 }] }, approved: { '2025-26-Q1': 225, '2025-26-Q2': 250 } },
        { code: 'H2', theme: housing, lead: housingPartnership, body: { baselineValue: 0, targetValue: 100 }, approved: { '2025-26-Q1': 20, '2025-26-Q2': 50 } },
        { code: 'H3', theme: housing, lead: housingPartnership, body: { frequency: 'annual', baselineValue: 60, baselinePeriod: '2023-24-Q4', targetValue: 80 }, approved: { '2024-25-Q4': 69 } },
        { code: 'H4', theme: housing, lead: housingPartnership, body: { direction: 'decrease', baselineValue: 500, targetValue: 300 } },
        { code: 'OP1', theme: older, lead: olderPeople, body: { baselineValue: 70, targetValue: 80, tolerancePercent: 0, unit: '%' }, approved: { '2025-26-Q1': 73, '2025-26-Q2': 74.9 } },
        { code: 'OP2', theme: older, lead: olderPeople, body: { direction: 'decrease', baselineValue: 12, targetValue: 8 }, approved: { '2025-26-Q1': 11.6, '2025-26-Q2': 10.4 } },
        { code: 'OP3', theme: older, lead: olderPeople, body: { direction: 'decrease', baselineValue: 0, targetValue: 0 }, approved: { '2025-26-Q1': 0, '2025-26-Q2': 1 } },
        { code: 'OP4', theme: older, lead: olderPeople, body: { baselineValue: 30, targetValue: 50 }, approved: { '2025-26-Q1': 36, '2025-26-Q2': 41 } },
        { code: 'OP5', theme: older, lead: null, body: { baselineValue: 1, targetValue: 2 } },
      ];
      for (const spec of specs) {
        const target = await s.target({ code: spec.code, themeId: spec.theme, ...spec.body });
        if (!spec.lead) continue;
        await s.assign(target.id, spec.lead, { name: `Officer for ${spec.code}`, email: `${spec.code.toLowerCase()}@example.test` });
        const reporter = reporters[spec.lead];
        for (const [period, value] of Object.entries(spec.approved ?? {})) await s.approvedReturn(reporter, target.id, period, value);
        for (const [period, value] of Object.entries(spec.submitted ?? {})) await s.submitReturn(reporter, target.id, period, value);
        for (const [period, value] of Object.entries(spec.returned ?? {})) {
          const id = await s.submitReturn(reporter, target.id, period, value);
          await s.api.post(`/api/v1/progress/${id}/return`).send({ reason: 'Please check the figure against the source return' }).expect(200);
        }
      }
      summary = await s.summary('2025-26-Q2');
    });

    const target = (code: string) => summary.themes.flatMap((th) => th.targets).find((x) => x.code === code)!;

    it('gives each target its hand-computed expected value, actual, RAG and previous RAG', () => {
      const expected: Record<string, [number | null, number | null, string, string]> = {
        CS1: [900, 890, 'green', 'amber'],
        CS2: [950, 990, 'amber', 'green'],
        CS3: [70, null, 'no-data', 'amber'], // submitted, not yet approved: not counted
        CS4: [15, null, 'no-data', 'no-data'], // returned
        H1: [275, 250, 'red', 'green'], // between milestones 220 (Q1) and 330 (Q3)
        H2: [50, 50, 'green', 'red'],
        H3: [70, 69, 'amber', 'amber'], // annual: judged on 2024-25-Q4
        H4: [400, null, 'no-data', 'no-data'],
        OP1: [75, 74.9, 'red', 'green'], // tolerance 0
        OP2: [10, 10.4, 'amber', 'red'],
        OP3: [0, 1, 'red', 'green'], // E = 0: any shortfall is red
        OP4: [40, 41, 'green', 'green'],
        OP5: [15 / 10, null, 'no-data', 'no-data'],
      };
      for (const [code, [e, actual, rag, previousRag]] of Object.entries(expected)) {
        expect([code, target(code).expected, target(code).actual, target(code).rag, target(code).previousRag]).toEqual([code, e, actual, rag, previousRag]);
      }
      expect(target('H3').statusPeriod).toBe('2024-25-Q4');
    });

    it('counts per theme and overall', () => {
      const byTitle = Object.fromEntries(summary.themes.map((th) => [th.title, th.counts]));
      expect(byTitle['Community safety']).toEqual({ green: 1, amber: 1, red: 0, noData: 2, total: 4 });
      expect(byTitle.Housing).toEqual({ green: 1, amber: 1, red: 1, noData: 1, total: 4 });
      expect(byTitle['Older people']).toEqual({ green: 1, amber: 1, red: 2, noData: 1, total: 5 });
      expect(summary.counts).toEqual({ green: 3, amber: 3, red: 3, noData: 4, total: 13 });
      // Themes first, then population groups; each target in its own theme only.
      expect(summary.themes.map((th) => th.title)).toEqual(['Community safety', 'Housing', 'Older people']);
    });

    it('reports movement since the previous quarter and direction of travel', () => {
      expect(summary.movement).toEqual({ improved: 3, worsened: 4, unchanged: 2, newlyRed: 3, notComparable: 4 });
      const travel = Object.fromEntries(['CS1', 'CS2', 'H1', 'H2', 'H3', 'OP1', 'OP2', 'OP3', 'OP4', 'CS3'].map((c) => [c, target(c).directionOfTravel]));
      expect(travel).toEqual({ CS1: 'improving', CS2: 'worsening', H1: 'improving', H2: 'improving', H3: null, OP1: 'improving', OP2: 'improving', OP3: 'worsening', OP4: 'improving', CS3: null });
    });

    it('lists exactly the returns owed: assigned, due, and neither submitted nor approved', () => {
      expect(summary.missingReturns.map((m) => [m.code, m.state, m.partnershipName, m.officerName])).toEqual([
        ['CS4', 'returned', 'Safer Wealden Partnership', 'Officer for CS4'],
        ['H4', 'none', 'Wealden Housing Partnership', 'Officer for H4'],
      ]);
    });

    it('counts a submitted figure only once it is approved', async () => {
      const cs3 = target('CS3');
      const pending = (await b.api.get(`/api/v1/targets/${cs3.id}/progress?status=submitted`).expect(200)).body.items[0];
      await b.approve(pending.id);
      const after = await b.summary('2025-26-Q2');
      const now = after.themes.flatMap((th) => th.targets).find((x) => x.code === 'CS3')!;
      expect(now).toMatchObject({ rag: 'green', actual: 75, expected: 70 });
      expect(after.counts).toEqual({ green: 4, amber: 3, red: 3, noData: 3, total: 13 });
    });

    it('narrows to one theme or one lead partnership, and defaults to the latest completed quarter', async () => {
      const onlyHousing = await b.summary('2025-26-Q2', `&themeId=${housing}`);
      expect(onlyHousing.themes.map((th) => th.title)).toEqual(['Housing']);
      expect(onlyHousing.missingReturns.map((m) => m.code)).toEqual(['H4']);
      const partnershipId = (await b.api.get('/api/v1/partnerships?q=Older%20People').expect(200)).body.items[0].id;
      const onlyOlder = await b.summary('2025-26-Q2', `&partnershipId=${partnershipId}`);
      expect(onlyOlder.counts.total).toBe(4); // OP5 has no lead
      const byDefault = (await b.api.get(`/api/v1/strategies/${b.strategyId}/summary`).expect(200)).body;
      expect(byDefault.period).toBe('2025-26-Q2');
    });

    it('refuses a malformed period (400) and a theme of another strategy (422)', async () => {
      const bad = await b.api.get(`/api/v1/strategies/${b.strategyId}/summary?period=2025-27-Q2`).expect(400);
      expect(bad.body.errors[0].field).toBe('period');
      await b.api.get(`/api/v1/strategies/${b.strategyId}/summary?themeId=00000000-0000-4000-8000-000000000000`).expect(422);
    });
  });
});
