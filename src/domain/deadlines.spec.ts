import { DEFAULT_DUE_SOON_DAYS, DEFAULT_RETURN_DEADLINE_DAYS, deadlineStatus, isIsoDay, returnDeadline } from './deadlines';

describe('returnDeadline', () => {
  it('defaults to 30 days', () => {
    expect(DEFAULT_RETURN_DEADLINE_DAYS).toBe(30);
    expect(DEFAULT_DUE_SOON_DAYS).toBe(7);
  });

  it.each([
    ['2025-26-Q1', 30, '2025-07-30'], // quarter ends 30 June
    ['2025-26-Q2', 30, '2025-10-30'], // 30 September
    ['2025-26-Q3', 30, '2026-01-30'], // 31 December, across the year end
    ['2025-26-Q4', 30, '2026-04-30'], // 31 March
    ['2025-26-Q4', 0, '2026-03-31'],
    ['2025-26-Q4', 45, '2026-05-15'],
    ['2023-24-Q3', 60, '2024-02-29'], // leap year
    ['2025-26-Q1', 365, '2026-06-30'],
  ])('%s + %p days is %s', (period, days, deadline) => {
    expect(returnDeadline(period, days)).toBe(deadline);
  });

  it('a per-quarter override wins over the strategy default', () => {
    expect(returnDeadline('2025-26-Q4', 30, '2026-05-12')).toBe('2026-05-12');
  });

  it('a null or absent override falls back to the default', () => {
    expect(returnDeadline('2025-26-Q4', 30, null)).toBe('2026-04-30');
    expect(returnDeadline('2025-26-Q4', 30, undefined)).toBe('2026-04-30');
  });

  it.each([-1, 1.5, 366, Number.NaN])('rejects %p days', (days) => {
    expect(() => returnDeadline('2025-26-Q4', days)).toThrow(RangeError);
  });

  it.each(['2026-02-30', '2026-5-1', 'tomorrow', ''])('rejects the override %p', (override) => {
    expect(() => returnDeadline('2025-26-Q4', 30, override)).toThrow(RangeError);
  });

  it('rejects a bad period', () => {
    expect(() => returnDeadline('2025-27-Q4', 30)).toThrow();
  });
});

describe('deadlineStatus', () => {
  const deadline = '2026-04-30';
  const at = (now: string, submittedAt: string | null = null, dueSoonDays?: number) =>
    deadlineStatus({ deadline, now: new Date(now), submittedAt, dueSoonDays });

  describe('no return submitted', () => {
    it.each([
      ['2026-03-01T12:00:00Z', 'upcoming', 60],
      ['2026-04-22T23:59:59Z', 'upcoming', 8],
      ['2026-04-23T00:00:00Z', 'due-soon', 7],
      ['2026-04-29T08:00:00Z', 'due-soon', 1],
      ['2026-04-30T00:00:00Z', 'due-soon', 0],
      ['2026-04-30T23:59:59.999Z', 'due-soon', 0],
    ])('at %s it is %s with %p days left', (now, state, daysLeft) => {
      expect(at(now)).toEqual({ deadline, state, daysOverdue: 0, daysLeft });
    });

    it.each([
      ['2026-05-01T00:00:00Z', 1],
      ['2026-05-01T23:00:00Z', 1],
      ['2026-05-08T09:00:00Z', 8],
      ['2027-04-30T00:00:00Z', 365],
    ])('at %s it is overdue by %p days', (now, days) => {
      expect(at(now)).toEqual({ deadline, state: 'overdue', daysOverdue: days, daysLeft: null });
    });

    it('the due-soon window can be set', () => {
      expect(at('2026-04-16T12:00:00Z', null, 14).state).toBe('due-soon');
      expect(at('2026-04-29T12:00:00Z', null, 0).state).toBe('upcoming');
      expect(at('2026-04-30T12:00:00Z', null, 0).state).toBe('due-soon');
    });

    it('rejects a bad due-soon window', () => {
      expect(() => at('2026-04-30T12:00:00Z', null, -1)).toThrow(RangeError);
    });
  });

  describe('a return submitted', () => {
    it.each([
      ['2026-04-02T10:00:00Z', 'on-time', 0],
      ['2026-03-15T10:00:00Z', 'on-time', 0], // before the quarter even ended
      ['2026-04-30T23:59:59Z', 'on-time', 0],
      ['2026-05-01T00:00:00Z', 'late', 1],
      ['2026-05-03T10:00:00Z', 'late', 3],
    ])('at %s is %s, %p days late', (submittedAt, state, days) => {
      expect(at('2026-06-01T00:00:00Z', submittedAt)).toEqual({ deadline, state, daysOverdue: days, daysLeft: null });
    });

    it('is judged by when it was submitted, not by now', () => {
      expect(at('2026-04-10T00:00:00Z', '2026-04-09T00:00:00Z').state).toBe('on-time');
      expect(at('2027-01-01T00:00:00Z', '2026-04-09T00:00:00Z').state).toBe('on-time');
    });

    it('takes a Date as well as an ISO string', () => {
      expect(deadlineStatus({ deadline, now: new Date(), submittedAt: new Date('2026-05-02T00:00:00Z') }).daysOverdue).toBe(2);
    });
  });

  it('rejects an invalid instant or deadline', () => {
    expect(() => at('not a date')).toThrow(RangeError);
    expect(() => at('2026-05-01T00:00:00Z', 'garbage')).toThrow(RangeError);
    expect(() => deadlineStatus({ deadline: '30/04/2026', now: new Date(), submittedAt: null })).toThrow(RangeError);
  });
});

describe('isIsoDay', () => {
  it.each([['2026-04-30', true], ['2024-02-29', true], ['2026-02-29', false], ['2026-13-01', false], ['2026-04-30T00:00:00Z', false], [20260430, false]])(
    '%p → %p',
    (s, ok) => {
      expect(isIsoDay(s)).toBe(ok);
    },
  );
});
