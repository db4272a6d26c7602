import { type ReturnTarget, returnOutcome, type ReturnValues, returnWindowProblem, sameValues, UPDATE_STATUSES, type UpdateStatus } from './progress-returns';

const quarterly: ReturnTarget = { code: 'NI 16', archived: false, frequency: 'quarterly', baselinePeriod: '2024-25-Q4', targetPeriod: '2026-27-Q4' };
const annual: ReturnTarget = { ...quarterly, code: 'NI 154', frequency: 'annual' };
const NOW = '2025-26-Q3';

describe('returnWindowProblem', () => {
  it.each<[string, ReturnTarget, string, string | null]>([
    ['a quarter inside the span, already begun', quarterly, '2025-26-Q2', null],
    ['the current quarter', quarterly, NOW, null],
    ['the baseline itself', quarterly, '2024-25-Q4', 'not-due'],
    ['before the baseline', quarterly, '2023-24-Q1', 'not-due'],
    ['after the target period', quarterly, '2027-28-Q1', 'not-due'],
    ['a quarter not yet begun', quarterly, '2025-26-Q4', 'not-started'],
    ['an annual target in Q4', annual, '2024-25-Q4', 'not-due'],
    ['an annual target in Q4 after the baseline, begun', { ...annual, baselinePeriod: '2023-24-Q4' }, '2024-25-Q4', null],
    ['an annual target off Q4', annual, '2025-26-Q2', 'not-due'],
    ['an archived target', { ...quarterly, archived: true }, '2025-26-Q2', 'archived'],
  ])('%s → %p', (_label, target, period, reason) => {
    expect(returnWindowProblem(target, period, NOW)?.reason ?? null).toBe(reason);
  });

  it('explains why no return is due, in words an officer can act on', () => {
    expect(returnWindowProblem(annual, '2025-26-Q2', NOW)?.message).toBe('NI 154 is an annual target: returns are due in Q4 only');
    expect(returnWindowProblem(quarterly, '2027-28-Q1', NOW)?.message).toBe("2027-28-Q1 is outside NI 16's span (after 2024-25-Q4, up to 2026-27-Q4)");
    expect(returnWindowProblem(annual, '2027-28-Q4', NOW)?.message).toBe("2027-28-Q4 is outside NI 154's span (after 2024-25-Q4, up to 2026-27-Q4)");
    expect(returnWindowProblem(quarterly, '2025-26-Q4', NOW)?.message).toBe('2025-26-Q4 has not started yet');
    expect(returnWindowProblem({ ...quarterly, archived: true }, '2025-26-Q2', NOW)?.message).toBe('target NI 16 is archived');
  });
});

const values: ReturnValues = { value: 12, commentary: 'On track', risks: null, nextActions: null };

describe('sameValues', () => {
  it('is true for identical figures and text', () => {
    expect(sameValues(values, { ...values })).toBe(true);
  });

  it('treats missing and null text alike on either side', () => {
    const missing = { value: 12, commentary: 'On track' } as unknown as ReturnValues;
    expect(sameValues(missing, values)).toBe(true);
    expect(sameValues(values, missing)).toBe(true);
  });

  it.each<[keyof ReturnValues, unknown]>([
    ['value', 13],
    ['commentary', 'Behind'],
    ['commentary', null],
    ['risks', 'Staffing'],
    ['nextActions', 'Recruit'],
  ])('is false when %s differs (%p)', (key, other) => {
    expect(sameValues(values, { ...values, [key]: other })).toBe(false);
  });
});

describe('returnOutcome', () => {
  const what = { code: 'NI 16', period: '2025-26-Q2' };
  const on = (status: UpdateStatus, v: ReturnValues = values) => ({ ...v, status });
  const changed = { ...values, value: 99 };

  it('creates when nothing is on record', () => {
    expect(returnOutcome(undefined, values, what)).toEqual({ outcome: 'created' });
    expect(returnOutcome(null, values, what)).toEqual({ outcome: 'created' });
  });

  // Every status × (same, different): an exhaustive table of what an import or a return does.
  it.each<[UpdateStatus, boolean, ReturnType<typeof returnOutcome>]>([
    ['draft', true, { outcome: 'updated' }],
    ['draft', false, { outcome: 'updated' }],
    ['returned', true, { outcome: 'updated' }],
    ['returned', false, { outcome: 'updated' }],
    ['submitted', true, { outcome: 'unchanged' }],
    ['submitted', false, { outcome: 'updated' }],
    ['approved', true, { outcome: 'unchanged' }],
    ['approved', false, { refused: 'the 2025-26-Q2 figure for NI 16 is already approved (12); ask a coordinator to correct it' }],
  ])('on record %s, same values %p → %j', (status, same, expected) => {
    expect(returnOutcome(on(status), same ? values : changed, what)).toEqual(expected);
  });

  it('covers every status there is', () => {
    expect([...UPDATE_STATUSES].sort()).toEqual(['approved', 'draft', 'returned', 'submitted']);
  });
});
