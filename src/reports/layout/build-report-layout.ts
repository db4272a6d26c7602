/**
 * From the summary the board's figures come from, and a template, to the board pack as plain data.
 * Pure: the same summary, template and context always give the same layout.
 */
import type { Language } from '../../domain/language';
import type { StrategySummaryDto, TargetSummaryDto } from '../../summary/summary.dto';
import type { ReportTemplate, SectionId, TemplateWords } from '../templates/report-template';
import type { TemplateContext } from '../templates/template-text';
import { accountabilitySection } from './accountability';
import { exceptionsSection } from './exceptions';
import { executiveSummary, ragCounts } from './executive-summary';
import { paragraphs } from './format';
import { missingReturnsSection } from './missing-returns';
import { forecastsSection } from './forecasts';
import type { CoverSection, LayoutSection, ReportLayout } from './report-layout';
import { exceptionTargets } from './targets';
import { themeSections } from './theme-sections';
import { REPORT_WORDS, type ReportWords } from './words';

export interface LayoutContext {
  /** When the report is generated: shown on the cover and pinned into the PDF. */
  generatedAt: Date;
  /** Set when the report is narrowed, e.g. `Safer Wealden Partnership only`. */
  scopeLabel?: string;
  /** The strategy's language: every fixed word, period label and the PDF's /Lang follow it. English when absent. */
  language?: Language;
}

interface Facts {
  summary: StrategySummaryDto;
  words: ReportWords;
  /** The template's title, intro and closing in the pack's language if it has them, else in English. */
  text: TemplateWords;
  periodLabel: string;
  generatedOn: string;
  scopeLabel: string | null;
  exceptions: TargetSummaryDto[];
}

function cover({ summary, text, periodLabel, generatedOn, scopeLabel }: Facts): CoverSection {
  return {
    kind: 'cover',
    title: text.title,
    strategyTitle: summary.strategy.title,
    area: summary.strategy.area,
    leadPartnershipName: summary.strategy.leadPartnershipName,
    periodLabel,
    generatedOn,
    scopeLabel,
  };
}

function sectionsFor(id: SectionId, facts: Facts): LayoutSection[] {
  switch (id) {
    case 'cover':
      return [cover(facts)];
    case 'executive-summary':
      return [executiveSummary(facts.summary, facts.exceptions.length, facts.words)];
    case 'themes':
      return themeSections(facts.summary, facts.words);
    case 'exceptions':
      return [exceptionsSection(facts.summary, facts.exceptions, facts.words)];
    case 'missing-returns':
      return [missingReturnsSection(facts.summary, facts.words)];
    case 'accountability':
      return [accountabilitySection(facts.summary, facts.words)];
    case 'forecasts':
      return [forecastsSection(facts.summary, facts.words)];
  }
}

function templateContext({ summary, words, text, periodLabel, generatedOn, scopeLabel, exceptions }: Facts): TemplateContext {
  const { strategy, movement } = summary;
  return {
    report: { title: text.title },
    strategy: {
      title: strategy.title,
      area: strategy.area,
      vision: strategy.vision,
      leadPartnershipName: strategy.leadPartnershipName,
    },
    period: summary.period,
    periodLabel,
    previousPeriodLabel: words.periodLabel(summary.previousPeriod),
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
  const words = REPORT_WORDS[context.language ?? 'en'];
  const translated = context.language === 'cy' ? template.cy : null;
  const english: TemplateWords = { title: template.title, intro: template.intro, closing: template.closing };
  const text = translated ?? english;
  const facts: Facts = {
    summary,
    words,
    text,
    periodLabel: words.periodLabel(summary.period),
    generatedOn: words.date(context.generatedAt),
    scopeLabel: context.scopeLabel?.trim() || null,
    exceptions: exceptionTargets(summary.themes.flatMap((t) => t.targets)),
  };
  const filled = templateContext(facts);
  return {
    language: words.tag,
    templateTextLanguage: text === english && words.tag !== REPORT_WORDS.en.tag ? REPORT_WORDS.en.tag : null,
    labels: { ...words.labels },
    title: text.title,
    strategyTitle: summary.strategy.title,
    periodLabel: facts.periodLabel,
    scopeLabel: facts.scopeLabel,
    generatedAt: new Date(context.generatedAt.getTime()),
    generatedOn: facts.generatedOn,
    intro: paragraphs(text.intro.render(filled)),
    closing: paragraphs(text.closing.render(filled)),
    sections: template.sections.flatMap((id) => sectionsFor(id, facts)),
  };
}
