import { ApiClient, TestApp } from './app';

/** Small factories over the HTTP API: a valid partnership, strategy, theme, target or return in one call. */
export class StrategyBuilder {
  strategyId: string;
  lspId: string;

  constructor(private readonly t: TestApp) {}

  get api(): ApiClient {
    return this.t.api();
  }

  async init(): Promise<this> {
    this.lspId = await this.partnership({ name: `LSP ${Math.random().toString(36).slice(2, 7)}`, kind: 'lsp' });
    const strategy = await this.post('/api/v1/strategies', {
      title: 'Pride of Place',
      area: 'East Sussex',
      startDate: '2008-04-01',
      endDate: '2026-03-31',
      leadPartnershipId: this.lspId,
    });
    this.strategyId = strategy.id;
    return this;
  }

  async partnership(body: { name: string; kind?: string }): Promise<string> {
    return (await this.post('/api/v1/partnerships', { kind: 'thematic', ...body })).id;
  }

  async theme(title: string, kind: 'theme' | 'population-group' = 'theme'): Promise<string> {
    return (await this.post(`/api/v1/strategies/${this.strategyId}/themes`, { title, kind })).id;
  }

  async target(body: Record<string, unknown>): Promise<{ id: string; version: number }> {
    return this.post(`/api/v1/strategies/${this.strategyId}/targets`, {
      title: `Target ${body.code}`,
      unit: 'count',
      direction: 'increase',
      baselinePeriod: '2024-25-Q4',
      targetPeriod: '2025-26-Q4',
      ...body,
    });
  }

  async assign(targetId: string, partnershipId: string, officer = { name: 'Alex Officer', email: 'alex@example.test' }): Promise<string> {
    return (await this.post(`/api/v1/targets/${targetId}/assignments`, { partnershipId, accountableOfficer: officer })).id;
  }

  /** A return as the reporter gives it: created, then submitted. */
  async submitReturn(reporter: ApiClient, targetId: string, period: string, value: number, extra: object = {}): Promise<string> {
    const created = await reporter.post(`/api/v1/targets/${targetId}/progress`).send({ period, value, ...extra }).expect(201);
    await reporter.post(`/api/v1/progress/${created.body.id}/submit`).send({}).expect(200);
    return created.body.id;
  }

  async approve(updateId: string): Promise<void> {
    await this.api.post(`/api/v1/progress/${updateId}/approve`).send({}).expect(200);
  }

  async approvedReturn(reporter: ApiClient, targetId: string, period: string, value: number, extra: object = {}): Promise<string> {
    const id = await this.submitReturn(reporter, targetId, period, value, extra);
    await this.approve(id);
    return id;
  }

  async summary(period: string, query = ''): Promise<SummaryBody> {
    return (await this.api.get(`/api/v1/strategies/${this.strategyId}/summary?period=${period}${query}`).expect(200)).body;
  }

  private async post(path: string, body: object) {
    const res = await this.api.post(path).send(body);
    if (res.status !== 201) throw new Error(`POST ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

export interface SummaryTargetBody {
  id: string;
  code: string;
  rag: string;
  previousRag: string;
  expected: number | null;
  actual: number | null;
  directionOfTravel: string | null;
  statusPeriod: string | null;
}
export interface SummaryBody {
  period: string;
  periodLabel: string;
  counts: Record<string, number>;
  movement: Record<string, number>;
  themes: { id: string; title: string; counts: Record<string, number>; targets: SummaryTargetBody[] }[];
  missingReturns: { code: string; partnershipName: string; officerName: string; state: string; period: string }[];
}
