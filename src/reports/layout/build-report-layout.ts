/**
 * From the summary the board's figures come from, and a template, to the board pack as plain data.
 * Pure: the same summary, template and context always give the same layout.
 */
import { periodLabel } from '../../domain/period';
import type { StrategySummaryDto, TargetSummaryDto } from '../../summary/summary.dto';
import type { ReportTemplate, SectionId } from '../templates/report-template';
import type { TemplateContext } from '../templates/template-text';
import { accountabilitySection } from './accountability';
import { exceptionsSection } from './exceptions';
import { executiveSummary, ragCounts } from './executive-summary';
import { formatReportDate, paragraphs } from './format';
import { missingReturnsSection } from './missing-returns';
import { forecastsSection } from './forecasts';
import type { CoverSection, LayoutSection, ReportLayout } from './report-layout';
import { exceptionTargets } from './targets';
import { themeSections } from './theme-sections';

export interface LayoutContext {
  /** When the report is generated: shown on the cover and pinned into the PDF. */
  generatedAt: Date;
  /** Set when the report is narrowed, e.g. `Safer Wealden Partnership only`. */
  scopeLabel?: string;
}

interface Facts {
  summary: StrategySummaryDto;
  template: ReportTemplate;
  generatedOn: string;
  scopeLabel: string | null;
  exceptions: TargetSummaryDto[];
}

function cover({ summary, template, generatedOn, scopeLabel }: Facts): CoverSection {
  return {
    kind: 'cover',
    title: template.title,
    strategyTitle: summary.strategy.title,
    area: summary.strategy.area,
    leadPartnershipName: summary.strategy.leadPartnershipName,
    periodLabel: summary.periodLabel,
    generatedOn,
    scopeLabel,
  };
}

function sectionsFor(id: SectionId, facts: Facts): LayoutSection[] {
  switch (id) {
    case 'cover':
      return [cover(facts)];
    case 'executive-summary':
      return [executiveSummary(facts.summary, facts.exceptions.length)];
    case 'themes':
      return themeSections(facts.summary);
    case 'exceptions':
      return [exceptionsSection(facts.summary, facts.exceptions)];
    case 'missing-returns':
      return [missingReturnsSection(facts.summary)];
    case 'accountability':
      return [accountabilitySection(facts.summary)];
    case 'forecasts':
      return [forecastsSection(facts.summary)];
  }
}

function templateContext({ summary, template, generatedOn, scopeLabel, exceptions }: Facts): TemplateContext {
  const { strategy, movement } = summary;
  return {
    report: { title: template.title },
    strategy: {
      title: strategy.title,
      area: strategy.area,
      vision: strategy.vision,
      leadPartnershipName: strategy.leadPartnershipName,
    },
    period: summary.period,
    periodLabel: summary.periodLabel,
    previousPeriodLabel: periodLabel(summary.previousPeriod),
    generatedOn,
    scopeLabel,
    counts: ragCounts(summary.counts),
    movement: {
      improved: movement.improved,
      worsened: movement.worsened,
      unchanged: movement.unchanged,
      newlyRed: movement.newlyRed,
      notComparable: movement.notComparable,
    },
    themes: summary.themes.filter((t) => t.targets.length > 0),
    exceptions,
    missingReturns: summary.missingReturns,
  };
}

export function buildReportLayout(
  summary: StrategySummaryDto,
  template: ReportTemplate,
  context: LayoutContext,
): ReportLayout {
  const facts: Facts = {
    summary,
    template,
    generatedOn: formatReportDate(context.generatedAt),
    scopeLabel: context.scopeLabel?.trim() || null,
    exceptions: exceptionTargets(summary.themes.flatMap((t) => t.targets)),
  };
  const words = templateContext(facts);
  return {
    title: template.title,
    strategyTitle: summary.strategy.title,
    periodLabel: summary.periodLabel,
    scopeLabel: facts.scopeLabel,
    generatedAt: new Date(context.generatedAt.getTime()),
    generatedOn: facts.generatedOn,
    intro: paragraphs(template.intro.render(words)),
    closing: paragraphs(template.closing.render(words)),
    sections: template.sections.flatMap((id) => sectionsFor(id, facts)),
  };
}
