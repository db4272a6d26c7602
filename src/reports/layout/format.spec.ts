import {
  countsSentence,
  formatFigure,
  formatReportDate,
  formatValue,
  NO_FIGURE,
  paragraphs,
  plural,
  shortPeriodLabel,
  status,
  travelLabel,
  unitNote,
} from './format';

describe('formatValue', () => {
  it.each<[number | null, string, string]>([
    [72.5, '%', '72.5%'],
    [72, 'percent', '72%'],
    [0.456, '%', '0.46%'],
    [1240, 'homes', '1,240 homes'],
    [1240.25, 'homes', '1,240.3 homes'],
    [350000, '£', '£350,000'],
    [350000, 'GBP', '£350,000'],
    [333333.333, '£', '£333,333'],
    [12.5, '£', '£12.50'],
    [-1200, '£', '-£1,200'],
    [12.34, 'per 1,000 population', '12.3 per 1,000 population'],
    [1240, '', '1,240'],
    [1240, 'number', '1,240'],
    [null, 'homes', NO_FIGURE],
  ])('formatValue(%p, %p) is %p', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});

describe('unitNote and formatFigure', () => {
  it('leaves one-word units, percentages and money in the figure', () => {
    for (const unit of ['homes', '%', '£', 'per cent']) expect(unitNote(unit)).toBeNull();
    expect(formatFigure(1240, 'homes')).toBe('1,240 homes');
    expect(formatFigure(72.5, 'per cent')).toBe('72.5%');
  });

  it('names a unit of several words once instead of in every figure', () => {
    expect(unitNote(' per 1,000 population ')).toBe('per 1,000 population');
    expect(formatFigure(12.34, 'per 1,000 population')).toBe('12.3');
  });
});

describe('dates and periods', () => {
  it('shortens period labels for tables', () => {
    expect(shortPeriodLabel('2025-26-Q2')).toBe('2025/26 Q2');
    expect(shortPeriodLabel('2025-26-Q4')).toBe('2025/26 Q4');
  });

  it('formats the generation date in British English on UK time', () => {
    expect(formatReportDate(new Date('2025-10-14T09:30:00Z'))).toBe('14 October 2025');
    // 23:30 UTC in British Summer Time is already the next day in the UK.
    expect(formatReportDate(new Date('2025-07-31T23:30:00Z'))).toBe('1 August 2025');
    expect(formatReportDate(new Date('2025-01-31T23:30:00Z'))).toBe('31 January 2025');
  });
});

describe('words', () => {
  it('labels statuses and direction of travel in words', () => {
    expect(status('no-data')).toEqual({ rag: 'no-data', label: 'No data' });
    expect(status('amber').label).toBe('Amber');
    expect(travelLabel('improving')).toBe('Improving');
    expect(travelLabel('unchanged')).toBe('No change');
    expect(travelLabel(null)).toBe(NO_FIGURE);
  });

  it('pluralises', () => {
    expect(plural(1, 'target')).toBe('1 target');
    expect(plural(0, 'target')).toBe('0 targets');
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });

  it('sums up counts', () => {
    expect(countsSentence({ green: 5, amber: 4, red: 2, noData: 1, total: 12 })).toBe(
      '12 targets: 5 green, 4 amber, 2 red, 1 no data.',
    );
  });

  it('splits template text into paragraphs at blank lines only', () => {
    expect(paragraphs('One line\nstill one.\n\n  Two.\n \n\n')).toEqual(['One line still one.', 'Two.']);
    expect(paragraphs('')).toEqual([]);
  });
});
