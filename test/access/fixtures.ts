import type { TestApp } from '../helpers/app';
import type { Fixtures } from './route-table';

/**
 * Real ids for every route of the table, shared by the route × role test and the OpenAPI fuzz
 * test: one of each kind of resource, the officer's partnership leading the target.
 */
export async function createRouteFixtures(t: TestApp): Promise<Fixtures> {
  const api = t.api();
  const post = async (path: string, body: object) => (await api.post(path).send(body).expect(201)).body as { id: string };
  const lsp = await post('/api/v1/partnerships', { name: 'Wealden Strategic Partnership', kind: 'lsp' });
  const mine = await post('/api/v1/partnerships', { name: 'Safer Wealden Partnership', kind: 'thematic', parentId: lsp.id });
  const other = await post('/api/v1/partnerships', { name: 'Wealden Housing Partnership', kind: 'thematic', parentId: lsp.id });
  const member = await post(`/api/v1/partnerships/${mine.id}/members`, { organisation: 'Sussex Police', sector: 'public' });
  const strategy = await post('/api/v1/strategies', { title: 'Pride of Place', area: 'East Sussex', startDate: '2008-04-01', endDate: '2026-03-31', leadPartnershipId: lsp.id });
  const theme = await post(`/api/v1/strategies/${strategy.id}/themes`, { title: 'Community safety' });
  const priority = await post(`/api/v1/strategies/${strategy.id}/priorities`, { title: 'Safer communities', kind: 'cross-cutting' });
  const target = await post(`/api/v1/strategies/${strategy.id}/targets`, {
    code: 'NI 16',
    title: 'Serious acquisitive crime',
    themeId: theme.id,
    unit: 'crimes',
    direction: 'decrease',
    baselineValue: 100,
    baselinePeriod: '2024-25-Q4',
    targetValue: 80,
    targetPeriod: '2025-26-Q4',
    milestones: [{ period: '2025-26-Q2', value: 90 }],
  });
  const assignment = await post(`/api/v1/targets/${target.id}/assignments`, { partnershipId: mine.id, accountableOfficer: { name: 'Olu Officer', email: 'olu@example.test' } });
  const update = await post(`/api/v1/targets/${target.id}/progress`, { period: '2025-26-Q1', value: 99 });
  const viewer = await t.as('viewer');
  return {
    partnershipId: mine.id,
    otherPartnershipId: other.id,
    memberId: member.id,
    strategyId: strategy.id,
    themeId: theme.id,
    priorityId: priority.id,
    userId: viewer.user.id,
    targetId: target.id,
    assignmentId: assignment.id,
    progressId: update.id,
    missingId: '00000000-0000-4000-8000-000000000000',
  };
}
