import {
  type Period,
  PeriodFormatError,
  addQuarters,
  comparePeriods,
  financialYearLabel,
  formatPeriod,
  isAfter,
  isBefore,
  isSamePeriod,
  isValidPeriod,
  latestCompletedPeriod,
  maxPeriod,
  minPeriod,
  nextPeriod,
  parsePeriod,
  parsePeriodInput,
  periodContaining,
  periodEnd,
  periodFromIndex,
  periodIndex,
  periodLabel,
  periodLongLabel,
  periodShortLabel,
  periodStart,
  periodsBetween,
  previousPeriod,
  quartersBetween,
  toPeriod,
  tryParsePeriod,
} from './period';

const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min, s, ms));

describe('parsePeriod', () => {
  it.each<[string, number, 1 | 2 | 3 | 4]>([
    ['2025-26-Q1', 2025, 1],
    ['2025-26-Q2', 2025, 2],
    ['2025-26-Q3', 2025, 3],
    ['2025-26-Q4', 2025, 4],
    ['1999-00-Q1', 1999, 1],
    ['1999-00-Q4', 1999, 4],
    ['2099-00-Q2', 2099, 2],
    ['2000-01-Q3', 2000, 3],
    ['1900-01-Q1', 1900, 1],
    ['2999-00-Q4', 2999, 4],
    ['2008-09-Q1', 2008, 1],
  ])('parses %s', (code, startYear, quarter) => {
    expect(parsePeriod(code)).toEqual({ startYear, quarter });
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(parsePeriod('2025-26-Q1'))).toBe(true);
  });

  it.each<[string, string, RegExp]>([
    ['second year skips', '2025-27-Q1', /the second year must follow the first/],
    ['second year equal', '2025-25-Q1', /the second year must follow the first/],
    ['second year before', '2025-24-Q1', /the second year must follow the first/],
    ['century written as 100', '1999-10-Q1', /the second year must follow the first/],
    ['quarter 5', '2025-26-Q5', /the quarter must be Q1, Q2, Q3 or Q4/],
    ['quarter 0', '2025-26-Q0', /the quarter must be Q1, Q2, Q3 or Q4/],
    ['quarter 9', '2025-26-Q9', /the quarter must be Q1, Q2, Q3 or Q4/],
    ['two-digit first year', '25-26-Q1', /must be written YYYY-YY-Qn/],
    ['missing dash before Q', '2025-26Q1', /must be written YYYY-YY-Qn/],
    ['lowercase q', '2025-26-q1', /must be written YYYY-YY-Qn/],
    ['four-digit second year', '2025-2026-Q1', /must be written YYYY-YY-Qn/],
    ['slash separator', '2025/26-Q1', /must be written YYYY-YY-Qn/],
    ['label form', '2025/26 Q1', /must be written YYYY-YY-Qn/],
    ['two-digit quarter', '2025-26-Q01', /must be written YYYY-YY-Qn/],
    ['no quarter', '2025-26', /must be written YYYY-YY-Qn/],
    ['trailing junk', '2025-26-Q1x', /must be written YYYY-YY-Qn/],
    ['trailing newline', '2025-26-Q1\n', /whitespace/],
    ['leading space', ' 2025-26-Q1', /whitespace/],
    ['trailing space', '2025-26-Q1 ', /whitespace/],
    ['inner space', '2025 -26-Q1', /must be written YYYY-YY-Qn/],
    ['only whitespace', '   ', /whitespace/],
    ['empty', '', /it is empty/],
    ['non-ASCII digits', '２０２５-26-Q1', /must be written YYYY-YY-Qn/],
    ['year before 1900', '1899-00-Q1', /the year must be between 1900 and 2999/],
    ['year after 2999', '3000-01-Q1', /the year must be between 1900 and 2999/],
    ['year 0000', '0000-01-Q1', /the year must be between 1900 and 2999/],
  ])('rejects %s (%j)', (_name, code, reason) => {
    expect(() => parsePeriod(code)).toThrow(PeriodFormatError);
    expect(() => parsePeriod(code)).toThrow(reason);
    expect(tryParsePeriod(code)).toBeNull();
    expect(isValidPeriod(code)).toBe(false);
  });

  it('explains the mismatch and shows the corrected form', () => {
    expect(() => parsePeriod('2025-27-Q1')).toThrow(
      '"2025-27-Q1" is not a valid period: the second year must follow the first (expected 2025-26-Q1 form)',
    );
    expect(() => parsePeriod('2030-27-Q3')).toThrow(
      '"2030-27-Q3" is not a valid period: the second year must follow the first (expected 2030-31-Q3 form)',
    );
  });

  it('shows the expected form for other mistakes', () => {
    expect(() => parsePeriod('2025-26-Q5')).toThrow(
      '"2025-26-Q5" is not a valid period: the quarter must be Q1, Q2, Q3 or Q4 (expected 2025-26-Q1 form)',
    );
    expect(() => parsePeriod('')).toThrow('"" is not a valid period: it is empty (expected 2025-26-Q1 form)');
  });

  it('exposes the input and reason on the error, which is an Error named PeriodFormatError', () => {
    let caught: unknown;
    try {
      parsePeriod('2025-26-Q0');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toBeInstanceOf(PeriodFormatError);
    const err = caught as PeriodFormatError;
    expect(err.name).toBe('PeriodFormatError');
    expect(err.input).toBe('2025-26-Q0');
    expect(err.reason).toBe('the quarter must be Q1, Q2, Q3 or Q4');
  });

  it.each([null, undefined, 20252, {}, ['2025-26-Q1']])('rejects the non-string %p', (value) => {
    expect(() => parsePeriod(value as unknown as string)).toThrow(PeriodFormatError);
    expect(tryParsePeriod(value)).toBeNull();
    expect(isValidPeriod(value)).toBe(false);
  });
});

describe('tryParsePeriod and isValidPeriod', () => {
  it('return the period and true for a valid code', () => {
    expect(tryParsePeriod('2025-26-Q3')).toEqual({ startYear: 2025, quarter: 3 });
    expect(isValidPeriod('2025-26-Q3')).toBe(true);
    expect(isValidPeriod('1999-00-Q1')).toBe(true);
  });
});

describe('toPeriod', () => {
  it('parses strings', () => {
    expect(toPeriod('2024-25-Q4')).toEqual({ startYear: 2024, quarter: 4 });
  });

  it('copies a valid Period object', () => {
    const p: Period = { startYear: 2024, quarter: 2 };
    const out = toPeriod(p);
    expect(out).toEqual(p);
    expect(Object.isFrozen(out)).toBe(true);
  });

  it('propagates PeriodFormatError for a bad string', () => {
    expect(() => toPeriod('2024-26-Q1')).toThrow(PeriodFormatError);
  });

  it.each<[string, Period]>([
    ['quarter 0', { startYear: 2024, quarter: 0 as 1 }],
    ['quarter 5', { startYear: 2024, quarter: 5 as 1 }],
    ['fractional year', { startYear: 2024.5, quarter: 1 }],
    ['year too early', { startYear: 1899, quarter: 4 }],
    ['year too late', { startYear: 3000, quarter: 1 }],
    ['NaN year', { startYear: Number.NaN, quarter: 1 }],
  ])('rejects a Period object with %s', (_name, p) => {
    expect(() => toPeriod(p)).toThrow(RangeError);
  });
});

describe('formatPeriod', () => {
  it.each<[Period, string]>([
    [{ startYear: 2025, quarter: 1 }, '2025-26-Q1'],
    [{ startYear: 2025, quarter: 4 }, '2025-26-Q4'],
    [{ startYear: 1999, quarter: 2 }, '1999-00-Q2'],
    [{ startYear: 2000, quarter: 3 }, '2000-01-Q3'],
    [{ startYear: 2008, quarter: 1 }, '2008-09-Q1'],
    [{ startYear: 2009, quarter: 1 }, '2009-10-Q1'],
  ])('formats %j as %s', (p, code) => {
    expect(formatPeriod(p)).toBe(code);
  });

  it('round-trips a code', () => {
    expect(formatPeriod('2025-26-Q2')).toBe('2025-26-Q2');
  });

  it('rejects a bad string', () => {
    expect(() => formatPeriod('2025-26-Q5')).toThrow(PeriodFormatError);
  });

  it('round-trips every quarter of every supported year', () => {
    for (let y = 1900; y <= 2999; y++) {
      for (const q of [1, 2, 3, 4] as const) {
        const code = formatPeriod({ startYear: y, quarter: q });
        expect(parsePeriod(code)).toEqual({ startYear: y, quarter: q });
      }
    }
  });
});

describe('labels', () => {
  it.each([
    ['2025-26-Q1', '2025/26 Q1 (Apr–Jun 2025)'],
    ['2025-26-Q2', '2025/26 Q2 (Jul–Sep 2025)'],
    ['2025-26-Q3', '2025/26 Q3 (Oct–Dec 2025)'],
    ['2025-26-Q4', '2025/26 Q4 (Jan–Mar 2026)'],
    ['1999-00-Q3', '1999/00 Q3 (Oct–Dec 1999)'],
    ['1999-00-Q4', '1999/00 Q4 (Jan–Mar 2000)'],
    ['2009-10-Q4', '2009/10 Q4 (Jan–Mar 2010)'],
  ])('periodLabel(%s) is %s', (code, label) => {
    expect(periodLabel(code)).toBe(label);
  });

  it('uses an en dash (U+2013) between the months', () => {
    const label = periodLabel('2025-26-Q2');
    expect(label).toContain('\u2013');
    expect(label).not.toContain('-');
  });

  it('accepts a Period object', () => {
    expect(periodLabel({ startYear: 2025, quarter: 2 })).toBe('2025/26 Q2 (Jul–Sep 2025)');
  });

  it.each([
    ['2025-26-Q1', '2025/26'],
    ['2025-26-Q4', '2025/26'],
    ['1999-00-Q2', '1999/00'],
    ['2000-01-Q1', '2000/01'],
  ])('financialYearLabel(%s) is %s', (code, label) => {
    expect(financialYearLabel(code)).toBe(label);
  });
});

describe('periodIndex and periodFromIndex', () => {
  it.each([
    ['2025-26-Q1', 2025 * 4],
    ['2025-26-Q2', 2025 * 4 + 1],
    ['2025-26-Q4', 2025 * 4 + 3],
    ['2026-27-Q1', 2026 * 4],
  ])('periodIndex(%s) = %i', (code, index) => {
    expect(periodIndex(code)).toBe(index);
    expect(periodFromIndex(index)).toBe(code);
  });

  it('consecutive quarters differ by one across the year boundary', () => {
    expect(periodIndex('2026-27-Q1') - periodIndex('2025-26-Q4')).toBe(1);
  });

  it.each([1900 * 4 - 1, 3000 * 4, -1, 0])('periodFromIndex(%i) is out of range', (i) => {
    expect(() => periodFromIndex(i)).toThrow(RangeError);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('periodFromIndex(%p) rejects a non-integer', (i) => {
    expect(() => periodFromIndex(i)).toThrow(RangeError);
  });

  it('covers the first and last supported quarters', () => {
    expect(periodFromIndex(1900 * 4)).toBe('1900-01-Q1');
    expect(periodFromIndex(2999 * 4 + 3)).toBe('2999-00-Q4');
  });
});

describe('quarter arithmetic', () => {
  it.each([
    ['2025-26-Q1', '2025-26-Q2'],
    ['2025-26-Q2', '2025-26-Q3'],
    ['2025-26-Q3', '2025-26-Q4'],
    ['2025-26-Q4', '2026-27-Q1'],
    ['1999-00-Q4', '2000-01-Q1'],
    ['1998-99-Q4', '1999-00-Q1'],
  ])('nextPeriod(%s) = %s and back', (from, to) => {
    expect(nextPeriod(from)).toBe(to);
    expect(previousPeriod(to)).toBe(from);
  });

  it.each<[string, number, string]>([
    ['2025-26-Q1', 0, '2025-26-Q1'],
    ['2025-26-Q1', 3, '2025-26-Q4'],
    ['2025-26-Q1', 4, '2026-27-Q1'],
    ['2025-26-Q3', 6, '2027-28-Q1'],
    ['2025-26-Q1', -1, '2024-25-Q4'],
    ['2025-26-Q1', -8, '2023-24-Q1'],
    ['2000-01-Q2', -5, '1999-00-Q1'],
  ])('addQuarters(%s, %i) = %s', (from, n, to) => {
    expect(addQuarters(from, n)).toBe(to);
  });

  it('accepts a Period object', () => {
    expect(nextPeriod({ startYear: 2025, quarter: 4 })).toBe('2026-27-Q1');
  });

  it('rejects a fractional number of quarters', () => {
    expect(() => addQuarters('2025-26-Q1', 0.5)).toThrow(RangeError);
  });

  it('refuses to leave the supported years', () => {
    expect(() => nextPeriod('2999-00-Q4')).toThrow(RangeError);
    expect(() => previousPeriod('1900-01-Q1')).toThrow(RangeError);
  });

  it.each([
    ['2025-26-Q1', '2025-26-Q1', 0],
    ['2025-26-Q1', '2025-26-Q3', 2],
    ['2024-25-Q4', '2025-26-Q4', 4],
    ['2025-26-Q4', '2026-27-Q1', 1],
    ['2026-27-Q1', '2025-26-Q4', -1],
    ['2025-26-Q3', '2023-24-Q2', -9],
  ])('quartersBetween(%s, %s) = %i', (a, b, n) => {
    expect(quartersBetween(a, b)).toBe(n);
  });
});

describe('comparison', () => {
  it.each([
    ['2025-26-Q1', '2025-26-Q2', -1],
    ['2025-26-Q2', '2025-26-Q1', 1],
    ['2025-26-Q4', '2026-27-Q1', -1],
    ['2026-27-Q1', '2025-26-Q4', 1],
    ['2025-26-Q3', '2025-26-Q3', 0],
    ['1999-00-Q4', '2000-01-Q1', -1],
    ['2025-26-Q1', '2027-28-Q3', -1],
    ['2025-26-Q3', '2023-24-Q2', 1],
  ])('comparePeriods(%s, %s) = %i', (a, b, sign) => {
    expect(comparePeriods(a, b)).toBe(sign);
    expect(isBefore(a, b)).toBe(sign < 0);
    expect(isAfter(a, b)).toBe(sign > 0);
    expect(isSamePeriod(a, b)).toBe(sign === 0);
  });

  it('sorts codes and Period objects chronologically', () => {
    const input = ['2026-27-Q1', '2025-26-Q4', '1999-00-Q2', '2025-26-Q1', '2000-01-Q1'];
    expect([...input].sort(comparePeriods)).toEqual([
      '1999-00-Q2',
      '2000-01-Q1',
      '2025-26-Q1',
      '2025-26-Q4',
      '2026-27-Q1',
    ]);
    const objects: Period[] = [
      { startYear: 2026, quarter: 1 },
      { startYear: 2025, quarter: 4 },
      { startYear: 2025, quarter: 2 },
    ];
    expect([...objects].sort(comparePeriods).map(formatPeriod)).toEqual([
      '2025-26-Q2',
      '2025-26-Q4',
      '2026-27-Q1',
    ]);
  });

  it('mixes codes and Period objects', () => {
    expect(isSamePeriod('2025-26-Q4', { startYear: 2025, quarter: 4 })).toBe(true);
    expect(comparePeriods({ startYear: 2026, quarter: 1 }, '2025-26-Q4')).toBe(1);
  });

  it('minPeriod and maxPeriod return codes', () => {
    expect(minPeriod('2025-26-Q4', '2026-27-Q1')).toBe('2025-26-Q4');
    expect(minPeriod('2026-27-Q1', '2025-26-Q4')).toBe('2025-26-Q4');
    expect(maxPeriod('2025-26-Q4', '2026-27-Q1')).toBe('2026-27-Q1');
    expect(maxPeriod('2026-27-Q1', '2025-26-Q4')).toBe('2026-27-Q1');
    expect(minPeriod({ startYear: 2025, quarter: 2 }, { startYear: 2025, quarter: 2 })).toBe('2025-26-Q2');
  });
});

describe('periodStart and periodEnd', () => {
  it.each([
    ['2025-26-Q1', utc(2025, 4, 1), utc(2025, 6, 30)],
    ['2025-26-Q2', utc(2025, 7, 1), utc(2025, 9, 30)],
    ['2025-26-Q3', utc(2025, 10, 1), utc(2025, 12, 31)],
    ['2025-26-Q4', utc(2026, 1, 1), utc(2026, 3, 31)],
    ['1999-00-Q4', utc(2000, 1, 1), utc(2000, 3, 31)],
  ])('%s runs from %s to %s', (code, start, end) => {
    expect(periodStart(code).toISOString()).toBe(start.toISOString());
    expect(periodEnd(code).toISOString()).toBe(end.toISOString());
  });

  it('returns UTC midnight', () => {
    expect(periodStart('2025-26-Q2').toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect(periodEnd('2025-26-Q2').toISOString()).toBe('2025-09-30T00:00:00.000Z');
  });

  it('the next quarter starts the day after this one ends', () => {
    for (const code of periodsBetween('2023-24-Q1', '2026-27-Q4')) {
      const dayAfterEnd = periodEnd(code).getTime() + 86_400_000;
      expect(periodStart(nextPeriod(code)).getTime()).toBe(dayAfterEnd);
    }
  });
});

describe('periodContaining', () => {
  it.each([
    [utc(2025, 4, 1), '2025-26-Q1'],
    [utc(2025, 6, 30, 23, 59, 59, 999), '2025-26-Q1'],
    [utc(2025, 7, 1), '2025-26-Q2'],
    [utc(2025, 9, 30, 23, 59, 59, 999), '2025-26-Q2'],
    [utc(2025, 10, 1), '2025-26-Q3'],
    [utc(2025, 12, 31, 23, 59, 59, 999), '2025-26-Q3'],
    [utc(2026, 1, 1), '2025-26-Q4'],
    [utc(2026, 3, 31, 23, 59, 59, 999), '2025-26-Q4'],
    [utc(2025, 3, 31), '2024-25-Q4'],
    [utc(2000, 2, 29), '1999-00-Q4'],
    [utc(2025, 5, 15, 12), '2025-26-Q1'],
  ])('%s falls in %s', (date, code) => {
    expect(periodContaining(date)).toBe(code);
  });

  it('is the inverse of periodStart and periodEnd for every quarter', () => {
    for (const code of periodsBetween('2020-21-Q1', '2027-28-Q4')) {
      expect(periodContaining(periodStart(code))).toBe(code);
      expect(periodContaining(periodEnd(code))).toBe(code);
    }
  });

  it('reads the date in UTC', () => {
    // 1 April 00:30 in UK summer time is still 31 March in UTC.
    expect(periodContaining(new Date('2025-04-01T00:30:00+01:00'))).toBe('2024-25-Q4');
  });

  it('rejects an invalid date', () => {
    expect(() => periodContaining(new Date('not a date'))).toThrow(RangeError);
  });

  it('rejects a date before the supported years', () => {
    expect(() => periodContaining(utc(1900, 3, 31))).toThrow(RangeError);
  });
});

describe('latestCompletedPeriod', () => {
  it.each([
    [utc(2025, 4, 1), '2024-25-Q4'],
    [utc(2025, 3, 31, 23, 59, 59), '2024-25-Q3'],
    [utc(2025, 7, 1), '2025-26-Q1'],
    [utc(2025, 8, 15), '2025-26-Q1'],
    [utc(2025, 12, 31), '2025-26-Q2'],
    [utc(2026, 1, 1), '2025-26-Q3'],
    [utc(2026, 2, 10), '2025-26-Q3'],
    [utc(2000, 1, 5), '1999-00-Q3'],
    [utc(2000, 4, 5), '1999-00-Q4'],
  ])('at %s it is %s', (now, code) => {
    expect(latestCompletedPeriod(now)).toBe(code);
  });
});

describe('periodsBetween', () => {
  it('is inclusive and ascending across a year boundary', () => {
    expect(periodsBetween('2024-25-Q3', '2025-26-Q2')).toEqual([
      '2024-25-Q3',
      '2024-25-Q4',
      '2025-26-Q1',
      '2025-26-Q2',
    ]);
  });

  it('crosses the century', () => {
    expect(periodsBetween('1999-00-Q4', '2000-01-Q1')).toEqual(['1999-00-Q4', '2000-01-Q1']);
  });

  it('has one element when from = to', () => {
    expect(periodsBetween('2025-26-Q1', '2025-26-Q1')).toEqual(['2025-26-Q1']);
  });

  it('is empty when to is before from', () => {
    expect(periodsBetween('2025-26-Q2', '2025-26-Q1')).toEqual([]);
  });

  it('accepts Period objects and returns codes', () => {
    expect(periodsBetween({ startYear: 2025, quarter: 4 }, { startYear: 2026, quarter: 1 })).toEqual([
      '2025-26-Q4',
      '2026-27-Q1',
    ]);
  });

  it('has quartersBetween + 1 elements', () => {
    expect(periodsBetween('2008-09-Q1', '2026-27-Q4')).toHaveLength(quartersBetween('2008-09-Q1', '2026-27-Q4') + 1);
  });

  it('rejects an invalid bound', () => {
    expect(() => periodsBetween('2025-26-Q1', '2025-26-Q5')).toThrow(PeriodFormatError);
  });
});

describe('parsePeriodInput', () => {
  it.each([
    ['2026-27-Q2', '2026-27-Q2'],
    ['2026/27 Q2', '2026-27-Q2'],
    ['2026/27Q2', '2026-27-Q2'],
    ['2026/27 q2', '2026-27-Q2'],
    ['1999/00 Q4', '1999-00-Q4'],
    ['2025/26 Q1', '2025-26-Q1'],
  ])('reads %j as %s', (typed, code) => {
    expect(parsePeriodInput(typed)).toBe(code);
  });

  it('reads every printed label of a period back as its code', () => {
    for (const code of periodsBetween('1998-99-Q1', '2101-02-Q4')) {
      const printed = `${financialYearLabel(code)} Q${toPeriod(code).quarter}`;
      expect(parsePeriodInput(printed)).toBe(code);
      expect(parsePeriodInput(code)).toBe(code);
    }
  });

  it.each([
    ['2026/28 Q2', 'the second year must follow the first (expected 2026/27 Q2 form)'],
    ['2026/27 Q5', 'the quarter must be Q1, Q2, Q3 or Q4'],
    ['1800/01 Q1', 'the year must be between 1900 and 2999'],
    ['2026-28-Q2', 'the second year must follow the first (expected 2026-27-Q2 form)'],
    ['2026/27  Q2', 'it must be written YYYY-YY-Qn or YYYY/YY Qn (expected 2025-26-Q1 or 2025/26 Q1 form)'],
    ['2026/2027 Q2', 'it must be written YYYY-YY-Qn or YYYY/YY Qn'],
    ['Q2 2026/27', 'it must be written YYYY-YY-Qn or YYYY/YY Qn'],
    ['2026-27 Q2', 'it must be written YYYY-YY-Qn or YYYY/YY Qn'],
    ['', 'it is empty'],
    [' 2026/27 Q2', 'it has leading or trailing whitespace'],
  ])('refuses %j: %s', (typed, reason) => {
    expect(() => parsePeriodInput(typed)).toThrow(PeriodFormatError);
    expect(() => parsePeriodInput(typed)).toThrow(reason);
  });
});

describe('periodLongLabel', () => {
  it.each([
    ['2025-26-Q1', '2025/26 Q1 (April to June 2025)'],
    ['2025-26-Q2', '2025/26 Q2 (July to September 2025)'],
    ['2025-26-Q3', '2025/26 Q3 (October to December 2025)'],
    ['2025-26-Q4', '2025/26 Q4 (January to March 2026)'],
    ['1999-00-Q4', '1999/00 Q4 (January to March 2000)'],
  ])('periodLongLabel(%s) is %s', (code, label) => {
    expect(periodLongLabel(code)).toBe(label);
  });

  it.each([
    ['2025-26-Q1', '2025/26 Ch1 (Ebrill i Fehefin 2025)'],
    ['2025-26-Q2', '2025/26 Ch2 (Gorffennaf i Fedi 2025)'],
    ['2025-26-Q3', '2025/26 Ch3 (Hydref i Ragfyr 2025)'],
    ['2025-26-Q4', '2025/26 Ch4 (Ionawr i Fawrth 2026)'],
  ])('in Welsh, %s is %s: Ch for the quarter, and the month after "i" softened', (code, label) => {
    expect(periodLongLabel(code, 'cy')).toBe(label);
  });

  it('refuses an invalid period as the other labels do', () => {
    expect(() => periodLongLabel('2025-26-Q5')).toThrow(PeriodFormatError);
    expect(() => periodLongLabel('2025-26-Q5', 'cy')).toThrow(PeriodFormatError);
  });
});

describe('periodShortLabel', () => {
  it.each([
    ['2025-26-Q2', 'en', '2025/26 Q2'],
    ['2025-26-Q2', 'cy', '2025/26 Ch2'],
    ['1999-00-Q4', 'en', '1999/00 Q4'],
    ['1999-00-Q4', 'cy', '1999/00 Ch4'],
  ] as const)('%s in %s is %s', (code, language, label) => {
    expect(periodShortLabel(code, language)).toBe(label);
  });
});
