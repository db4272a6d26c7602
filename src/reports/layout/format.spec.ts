import { formatFigure, formatNumber, formatValue, NO_FIGURE, paragraphs, status, travelLabel, unitNote } from './format';
import { REPORT_WORDS } from './words';

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

describe('formatNumber', () => {
  it('groups thousands and keeps whole figures whole', () => {
    expect(formatNumber(1588)).toBe('1,588');
    expect(formatNumber(-12500)).toBe('-12,500');
    expect(formatNumber(0)).toBe('0');
  });

  it('gives fractions one decimal, or two below 1, unless told how many', () => {
    expect(formatNumber(1234.567)).toBe('1,234.6');
    expect(formatNumber(0.256)).toBe('0.26');
    expect(formatNumber(1234.567, 0)).toBe('1,235');
    expect(formatNumber(3.14159, 2)).toBe('3.14');
    expect(formatNumber(3.14159, 9)).toBe('3.14');
  });

  it('writes nothing for a missing figure', () => {
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(undefined)).toBe('');
    expect(formatNumber(Number.NaN)).toBe('');
  });
});

const { en, cy } = REPORT_WORDS;

describe('dates and periods, in each language', () => {
  it('shortens period labels for tables: Q in English, Ch (chwarter) in Welsh', () => {
    expect(en.shortPeriod('2025-26-Q2')).toBe('2025/26 Q2');
    expect(cy.shortPeriod('2025-26-Q4')).toBe('2025/26 Ch4');
  });

  it('gives the long period label: the summary API\'s in English, months in words in Welsh', () => {
    expect(en.periodLabel('2025-26-Q2')).toBe('2025/26 Q2 (Jul–Sep 2025)');
    expect(cy.periodLabel('2025-26-Q4')).toBe('2025/26 Ch4 (Ionawr i Fawrth 2026)');
  });

  it('formats the generation date on UK time, in the pack\'s language', () => {
    expect(en.date(new Date('2025-10-14T09:30:00Z'))).toBe('14 October 2025');
    // 23:30 UTC in British Summer Time is already the next day in the UK.
    expect(en.date(new Date('2025-07-31T23:30:00Z'))).toBe('1 August 2025');
    expect(en.date(new Date('2025-01-31T23:30:00Z'))).toBe('31 January 2025');
    expect(cy.date(new Date('2025-10-14T09:30:00Z'))).toBe('14 Hydref 2025');
    expect(cy.date(new Date('2025-07-31T23:30:00Z'))).toBe('1 Awst 2025');
  });

  it('declares English as en-GB and Welsh as cy', () => {
    expect(en.tag).toBe('en-GB');
    expect(cy.tag).toBe('cy');
  });
});

describe('words', () => {
  it('labels statuses and direction of travel in words', () => {
    expect(status('no-data', en)).toEqual({ rag: 'no-data', label: 'No data' });
    expect(status('amber', en).label).toBe('Amber');
    expect(status('red', cy)).toEqual({ rag: 'red', label: 'Coch' });
    expect(travelLabel('improving', en)).toBe('Improving');
    expect(travelLabel('unchanged', en)).toBe('No change');
    expect(travelLabel('worsening', cy)).toBe('Yn waeth');
    expect(travelLabel(null, cy)).toBe(NO_FIGURE);
  });

  it('counts targets: English plurals, Welsh keeps the noun singular after a numeral', () => {
    expect(en.targets(1)).toBe('1 target');
    expect(en.targets(0)).toBe('0 targets');
    expect(cy.targets(3)).toBe('3 targed');
  });

  it('sums up counts', () => {
    expect(en.countsSentence({ green: 5, amber: 4, red: 2, noData: 1, total: 12 })).toBe(
      '12 targets: 5 green, 4 amber, 2 red, 1 no data.',
    );
    expect(cy.countsSentence({ green: 5, amber: 4, red: 2, noData: 1, total: 12 })).toBe(
      '12 targed: 5 gwyrdd, 4 ambr, 2 coch, 1 dim data.',
    );
  });

  it('has every label in Welsh, none left in English', () => {
    const same = Object.entries(cy.labels).filter(([key, value]) => value === en.labels[key as keyof typeof en.labels]);
    expect(same).toEqual([]);
  });

  it('splits template text into paragraphs at blank lines only', () => {
    expect(paragraphs('One line\nstill one.\n\n  Two.\n \n\n')).toEqual(['One line still one.', 'Two.']);
    expect(paragraphs('')).toEqual([]);
  });
});
