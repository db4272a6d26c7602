/** A line chart of a target's trajectory and approved figures, as SVG coordinates (the view draws it). */
export interface ChartPoint {
  period: string;
  expected: number | null;
  actual: number | null;
}

export interface ChartModel {
  width: number;
  height: number;
  expectedPath: string;
  actualPath: string;
  actualPoints: { x: number; y: number; label: string }[];
  yTicks: { y: number; label: string }[];
  xLabels: { x: number; label: string }[];
  axis: { left: number; right: number; top: number; bottom: number };
}

const W = 640;
const H = 320;
const PAD = { left: 64, right: 48, top: 16, bottom: 48 };

export function chartOf(points: ChartPoint[]): ChartModel | null {
  const values = points.flatMap((p) => [p.expected, p.actual]).filter((v): v is number => v !== null);
  if (points.length < 2 || values.length === 0) return null;
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const span = max - min;
  min -= span * 0.05;
  max += span * 0.05;
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / (points.length - 1);
  const y = (v: number) => PAD.top + ((max - v) * (H - PAD.top - PAD.bottom)) / (max - min);
  const path = (pick: (p: ChartPoint) => number | null) => {
    let d = '';
    let pen = false;
    points.forEach((p, i) => {
      const v = pick(p);
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  const step = Math.max(1, Math.ceil(points.length / 8));
  return {
    width: W,
    height: H,
    expectedPath: path((p) => p.expected),
    actualPath: path((p) => p.actual),
    actualPoints: points.flatMap((p, i) => (p.actual === null ? [] : [{ x: x(i), y: y(p.actual), label: String(p.actual) }])),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((f) => {
      const v = min + f * (max - min);
      return { y: y(v), label: formatTick(v) };
    }),
    xLabels: points.flatMap((p, i) => (i % step === 0 || i === points.length - 1 ? [{ x: x(i), label: p.period.replace(/^(\d{4})-(\d{2})-/, '$1/$2 ') }] : [])),
    axis: { left: PAD.left, right: W - PAD.right, top: PAD.top, bottom: H - PAD.bottom },
  };
}

function formatTick(v: number): string {
  const abs = Math.abs(v);
  return abs >= 100 ? v.toFixed(0) : abs >= 10 ? v.toFixed(1) : v.toFixed(2);
}
