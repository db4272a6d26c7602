/**
 * A throwaway board pack rendered once at start-up. pdfkit and fontkit run several times slower
 * until V8 has optimised them (bench/report.ts: a county pack takes about half as long again
 * when it is the first thing a process renders), so the server pays that once, in the
 * background, rather than the first board member to ask for a report.
 */
import { addQuarters, periodsBetween } from '../domain/period';
import { computeSummary, SummaryTarget } from '../summary/compute-summary';
import { buildReportLayout, renderReportPdf, ReportTemplate } from './rendering';

const THEMES = 4;

export async function warmUpRenderer(template: ReportTemplate, targets = 80): Promise<void> {
  const baselinePeriod = '2020-21-Q4';
  const period = addQuarters(baselinePeriod, 8);
  const quarters = periodsBetween(addQuarters(baselinePeriod, 1), period);
  const summaryTargets: SummaryTarget[] = Array.from({ length: targets }, (_, i) => ({
    id: `target-${i}`,
    code: `WU ${i + 1}`,
    title: `A warm-up target with a title of ordinary length, number ${i + 1} – £ ≥ ŵ ŷ`,
    themeId: `theme-${i % THEMES}`,
    unit: i % 2 ? '%' : 'homes',
    direction: i % 3 ? 'increase' : 'decrease',
    frequency: 'quarterly',
    tolerancePercent: 5,
    baselineValue: 100,
    baselinePeriod,
    targetValue: i % 3 ? 140 : 60,
    targetPeriod: addQuarters(baselinePeriod, 12),
    milestones: [],
    lead: i % 7 ? { partnershipId: `p-${i % 5}`, partnershipName: `Partnership ${i % 5}`, officerName: 'An Officer', officerEmail: 'officer@example.test' } : null,
    supportingPartnerships: [],
    updates: quarters
      .filter((q) => !(q === period && i % 6 === 0))
      .map((q, n) => ({ id: `${i}-${q}`, period: q, value: 100 + (i % 3 ? 1 : -1) * n * (3 + (i % 4)), status: 'approved', commentary: 'Delivery continues with partners.', risks: null, nextActions: 'Review at the next board.' })),
  }));
  const summary = computeSummary({
    strategy: { id: 'warm-up', title: 'Warm-up strategy', area: 'Nowhere', vision: null, leadPartnershipName: 'Warm-up LSP' },
    period,
    themes: Array.from({ length: THEMES }, (_, i) => ({ id: `theme-${i}`, title: `Theme ${i + 1}`, kind: 'theme' as const, position: i })),
    targets: summaryTargets,
    scoped: false,
  });
  await renderReportPdf(buildReportLayout(summary, template, { generatedAt: new Date(0) }), template);
}
