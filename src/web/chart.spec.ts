import { chartOf } from './chart';

describe('chartOf', () => {
  const points = [
    { period: '2024-25-Q4', expected: 100, actual: 100 },
    { period: '2025-26-Q1', expected: 90, actual: null },
    { period: '2025-26-Q2', expected: 80, actual: 85 },
    { period: '2025-26-Q3', expected: 70, actual: 60 },
  ];

  it('draws the trajectory through every point and lifts the pen where no figure was approved', () => {
    const chart = chartOf(points)!;
    expect(chart.expectedPath.match(/[ML]/g)).toEqual(['M', 'L', 'L', 'L']);
    expect(chart.actualPath.match(/[ML]/g)).toEqual(['M', 'M', 'L']);
    expect(chart.actualPoints.map((p) => p.label)).toEqual(['100', '85', '60']);
  });

  it('puts higher values higher up, and every point inside the axes', () => {
    const chart = chartOf(points)!;
    const [first, , last] = chart.actualPoints;
    expect(first.y).toBeLessThan(last.y);
    for (const p of chart.actualPoints) {
      expect(p.x).toBeGreaterThanOrEqual(chart.axis.left);
      expect(p.x).toBeLessThanOrEqual(chart.axis.right);
      expect(p.y).toBeGreaterThanOrEqual(chart.axis.top);
      expect(p.y).toBeLessThanOrEqual(chart.axis.bottom);
    }
  });

  it('copes with a flat line, and draws nothing for a single quarter or no figures', () => {
    expect(chartOf([{ period: '2024-25-Q4', expected: 5, actual: 5 }, { period: '2025-26-Q1', expected: 5, actual: 5 }])!.yTicks.map((t) => Number.isFinite(t.y))).toEqual([true, true, true, true, true]);
    expect(chartOf([{ period: '2024-25-Q4', expected: 5, actual: 5 }])).toBeNull();
    expect(chartOf([{ period: '2024-25-Q4', expected: null, actual: null }, { period: '2025-26-Q1', expected: null, actual: null }])).toBeNull();
  });
});
