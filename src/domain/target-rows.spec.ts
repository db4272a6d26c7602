import { parseFigure, readTargetRow, splitList } from './target-rows';

const row = (overrides: Record<string, string> = {}) => ({
  code: 'NI 154',
  title: 'Net additional homes provided',
  theme: 'Housing',
  unit: 'homes',
  direction: 'increase',
  frequency: 'quarterly',
  baseline_value: '100',
  baseline_period: '2024-25-Q4',
  target_value: '140',
  target_period: '2025-26-Q4',
  milestones: '2025-26-Q2=120; 2025-26-Q3=130',
  tolerance_percent: '5',
  lead_partnership: 'Wealden Housing Partnership',
  accountable_officer: 'Priya Shah',
  officer_email: 'Priya.Shah@wealden.gov.example',
  supporting_partnerships: 'Safer Wealden; Health Partnership',
  archived: 'no',
  ...overrides,
});

describe('readTargetRow', () => {
  it('reads a row of the targets export', () => {
    expect(readTargetRow(row())).toEqual({
      problems: [],
      target: {
        code: 'NI 154',
        title: 'Net additional homes provided',
        theme: 'Housing',
        unit: 'homes',
        direction: 'increase',
        frequency: 'quarterly',
        baselineValue: 100,
        baselinePeriod: '2024-25-Q4',
        targetValue: 140,
        targetPeriod: '2025-26-Q4',
        milestones: [
          { period: '2025-26-Q2', value: 120 },
          { period: '2025-26-Q3', value: 130 },
        ],
        tolerancePercent: 5,
        lead: { partnership: 'Wealden Housing Partnership', officer: { name: 'Priya Shah', email: 'priya.shah@wealden.gov.example' }, supporting: ['Safer Wealden', 'Health Partnership'] },
        archived: false,
      },
    });
  });

  it('defaults direction, frequency, tolerance, milestones, lead and archived when their cells are empty or absent', () => {
    const { target } = readTargetRow({ code: 'A', title: 'T', theme: 'Th', unit: 'u', baseline_value: '1', baseline_period: '2024/25 Q4', target_value: '2', target_period: '2025-26-Q4' });
    expect(target).toMatchObject({ direction: 'increase', frequency: 'quarterly', tolerancePercent: 5, milestones: [], lead: null, archived: false, baselinePeriod: '2024-25-Q4' });
  });

  it('accepts the printed quarter form, thousands commas and yes/true for archived', () => {
    const { target } = readTargetRow(row({ baseline_value: '1,240', milestones: '2025/26 Q2=1,300', archived: 'Yes', direction: 'Decrease' }));
    expect(target).toMatchObject({ baselineValue: 1240, milestones: [{ period: '2025-26-Q2', value: 1300 }], archived: true, direction: 'decrease' });
  });

  it.each([
    [{ code: '' }, 'code', 'is empty'],
    [{ code: 'x'.repeat(41) }, 'code', '40 characters'],
    [{ title: '' }, 'title', 'is empty'],
    [{ theme: ' ' }, 'theme', 'is empty'],
    [{ unit: '' }, 'unit', 'is empty'],
    [{ direction: 'up' }, 'direction', 'increase or decrease'],
    [{ frequency: 'monthly' }, 'frequency', 'quarterly or annual'],
    [{ baseline_value: 'lots' }, 'baseline_value', 'must be a number, got "lots"'],
    [{ target_value: '' }, 'target_value', 'is empty'],
    [{ baseline_period: '2025-27-Q1' }, 'baseline_period', ''],
    [{ target_period: '' }, 'target_period', 'is empty'],
    [{ milestones: '2025-26-Q2' }, 'milestones', 'like 2025-26-Q2=120'],
    [{ milestones: '2025-26-Q2=abc' }, 'milestones', 'like 2025-26-Q2=120'],
    [{ milestones: 'Q2=120' }, 'milestones', ''],
    [{ tolerance_percent: '101' }, 'tolerance_percent', 'between 0 and 100'],
    [{ tolerance_percent: 'five' }, 'tolerance_percent', 'must be a number'],
    [{ accountable_officer: '' }, 'accountable_officer', 'needs an accountable officer'],
    [{ officer_email: '' }, 'officer_email', 'is empty'],
    [{ officer_email: 'priya' }, 'officer_email', 'is not an email address'],
    [{ supporting_partnerships: 'wealden housing partnership' }, 'supporting_partnerships', 'cannot also support it'],
    [{ supporting_partnerships: 'A; a' }, 'supporting_partnerships', 'named twice'],
    [{ lead_partnership: '' }, 'lead_partnership', 'name the lead partnership'],
    [{ archived: 'maybe' }, 'archived', 'yes or no'],
  ])('refuses %j naming the column %s', (overrides, column, message) => {
    const { target, problems } = readTargetRow(row(overrides));
    expect(target).toBeNull();
    expect(problems).toContainEqual({ column, message: expect.stringContaining(message) });
  });

  it('names every problem of a row, not just the first', () => {
    const { problems } = readTargetRow(row({ code: '', unit: '', target_value: 'x' }));
    expect(problems.map((p) => p.column)).toEqual(['code', 'unit', 'target_value']);
  });

  it('takes no lead when the lead, officer and supporters are all empty', () => {
    expect(readTargetRow(row({ lead_partnership: '', accountable_officer: '', officer_email: '', supporting_partnerships: '' })).target?.lead).toBeNull();
  });
});

describe('parseFigure and splitList', () => {
  it.each([
    ['1240', 1240],
    ['1,240', 1240],
    ['-3', -3],
    ['.5', 0.5],
    ['1e3', 1000],
    ['', null],
    ['12abc', null],
    ['Infinity', null],
  ])('parseFigure(%j) is %j', (raw, value) => expect(parseFigure(raw)).toBe(value));

  it('splits on semicolons and drops empty entries', () => {
    expect(splitList(' a; b;;c ;')).toEqual(['a', 'b', 'c']);
    expect(splitList('')).toEqual([]);
  });
});
