/**
 * The board pack as plain data: every word, figure and chart series the renderer draws, already
 * chosen, ordered and formatted. The renderer decides where things go on the page, never what.
 */
import type { RagOrNoData } from '../../domain/status';

export interface ReportLayout {
  /** BCP 47 tag of the pack's words (the strategy's language), declared as the PDF's /Lang. */
  language: string;
  /**
   * The language of the template's title, intro and closing when it differs from `language` (a
   * template with no Welsh text in a Welsh pack), so those parts are tagged with their own /Lang.
   */
  templateTextLanguage: string | null;
  /** The fixed words the renderer draws: headings, table headings, field labels. */
  labels: ReportLabels;
  /** The template's title, on the cover and in every page header. */
  title: string;
  strategyTitle: string;
  periodLabel: string;
  scopeLabel: string | null;
  /** Pins the PDF's dates, so the same data gives the same bytes. */
  generatedAt: Date;
  /** `14 October 2025` */
  generatedOn: string;
  /** Paragraphs of the template's intro. */
  intro: string[];
  /** Paragraphs of the template's closing text. */
  closing: string[];
  sections: LayoutSection[];
}

/** Plain strings only: the layout may cross to a worker thread, where functions cannot go. */
export interface ReportLabels {
  introduction: string;
  closing: string;
  cover: string;
  strategyKind: string;
  leadPartnership: string;
  generatedOn: string;
  scope: string;
  executiveSummary: string;
  statusOfAll: string;
  statusByTheme: string;
  sinceLastQuarter: string;
  total: string;
  code: string;
  target: string;
  baseline: string;
  expected: string;
  latestActual: string;
  endTarget: string;
  status: string;
  travel: string;
  trends: string;
  /** How to read the trend charts. */
  trendKey: string;
  /** `Housing: trends`, atop a page the charts continue on. */
  trendsOf: string;
  exceptions: string;
  figures: string;
  theme: string;
  lead: string;
  officer: string;
  commentary: string;
  risks: string;
  nextActions: string;
  missingReturns: string;
  partnership: string;
  accountableOfficer: string;
  period: string;
  return: string;
  deadline: string;
  forecast: string;
  /** Forecasts table: the status this quarter. */
  statusNow: string;
  /** Forecasts: green or amber now, forecast to miss. */
  atRisk: string;
  accountability: string;
  supporting: string;
  /** `Housing (continued)` atop a page a table or grid continues on. */
  continued: string;
  /** `Page {page} of {pages}` */
  page: string;
}

export type LayoutSection =
  | CoverSection
  | ExecutiveSummarySection
  | ThemeSection
  | ExceptionsSection
  | MissingReturnsSection
  | ForecastsSection
  | AccountabilitySection;

export interface Status {
  rag: RagOrNoData;
  /** `Green`, `Amber`, `Red` or `No data`: the status never rests on colour alone. */
  label: string;
}

export interface CoverSection {
  kind: 'cover';
  title: string;
  strategyTitle: string;
  area: string;
  leadPartnershipName: string;
  periodLabel: string;
  generatedOn: string;
  scopeLabel: string | null;
}

export interface RagCounts {
  green: number;
  amber: number;
  red: number;
  noData: number;
  total: number;
}

export interface RagSegment extends Status {
  count: number;
}

/** One bar of the status chart: the whole strategy or one theme. */
export interface RagBar {
  label: string;
  total: number;
  /** Green, amber, red, no data: always all four, in that order. */
  segments: RagSegment[];
}

export interface RagChart {
  bars: RagBar[];
  /** The chart in words, for screen readers. */
  alt: string;
}

export interface Movement {
  previousPeriodLabel: string;
  improved: number;
  worsened: number;
  unchanged: number;
  newlyRed: number;
  notComparable: number;
  /** The movement in plain sentences. */
  sentences: string[];
}

export interface ExecutiveSummarySection {
  kind: 'executive-summary';
  heading: string;
  headlines: string[];
  counts: RagCounts;
  /** The whole strategy: one bar, drawn as a column per status. */
  overallChart: RagChart;
  /** All targets, then each theme with targets. */
  themeChart: RagChart;
  movement: Movement;
  /** Themes with no targets in this report, named rather than given empty sections. */
  themesWithoutTargets: string[];
  /** Those themes in a sentence; null when there are none. */
  themesWithoutTargetsSentence: string | null;
}

export interface TargetRow {
  code: string;
  title: string;
  /** The unit when it is too long to repeat in every figure (`per 1,000 population`). */
  unitNote: string | null;
  lead: string;
  baseline: string;
  /** `2024/25 Q4` */
  baselinePeriod: string;
  expected: string;
  /** Latest approved figure. */
  actual: string;
  /** Set when expected and actual are for an earlier period than the report's (annual targets). */
  judgedPeriod: string | null;
  target: string;
  targetPeriod: string;
  status: Status;
  /** `Improving`, `Worsening`, `No change` or `—` when there is no earlier figure. */
  travel: string;
  /** `At risk` and the projection at the target period (`188.3 homes`) on a second line, or `No forecast`. */
  forecast: string;
}

export interface TrendPoint {
  /** `2025/26 Q2` */
  label: string;
  expected: number | null;
  actual: number | null;
}

/** Actuals against the trajectory for one target: a small multiple under the theme's table. */
export interface TrendChart {
  code: string;
  title: string;
  status: Status;
  points: TrendPoint[];
  /** `121 homes against 120 expected` */
  caption: string;
  unitNote: string | null;
  alt: string;
}

export interface ThemeSection {
  kind: 'theme';
  heading: string;
  /** `Theme` or `Population group`. */
  kindLabel: string;
  counts: RagCounts;
  /** `12 targets: 5 green, 4 amber, 2 red, 1 no data.` */
  summary: string;
  rows: TargetRow[];
  trends: TrendChart[];
  /** What the trend charts span, said once rather than under every chart. */
  trendSpan: string;
}

export interface ExceptionItem {
  code: string;
  title: string;
  themeTitle: string;
  status: Status;
  /** Why it is here: `Red, as last quarter`, `Worsened from Green to Amber`. */
  reason: string;
  /** `113 homes against 120 expected (2025/26 Q2)` */
  figures: string;
  commentary: string;
  risks: string;
  nextActions: string;
  lead: string;
  officer: string;
}

export interface ExceptionsSection {
  kind: 'exceptions';
  heading: string;
  description: string;
  items: ExceptionItem[];
}

export interface MissingReturnRow {
  partnership: string;
  officer: string;
  officerEmail: string;
  code: string;
  title: string;
  period: string;
  /** `Not started`, `Draft not submitted`, `Returned for changes`. */
  state: string;
  /** `16 days overdue`, `Due in 5 days`, `Due today` or `Due 30 Oct 2025`. */
  deadline: string;
}

export interface MissingReturnsSection {
  kind: 'missing-returns';
  heading: string;
  description: string;
  rows: MissingReturnRow[];
}

export interface ForecastRow {
  code: string;
  title: string;
  lead: string;
  /** Its status now. */
  status: Status;
  /** `188 by 2026/27 Q1` */
  projected: string;
  target: string;
}

export interface ForecastsSection {
  kind: 'forecasts';
  heading: string;
  /** The method, said once. */
  description: string;
  /** `12 targets likely to meet, 3 at risk, 2 without enough figures for a forecast.` */
  summary: string;
  atRiskDescription: string;
  /** On track now (green or amber) but forecast to miss. */
  rows: ForecastRow[];
}

export interface AccountableTarget {
  code: string;
  title: string;
  /** The officer's name; their e-mail address is under exceptions and missing returns, where action is asked for. */
  officer: string;
  supporting: string;
  status: Status;
}

export interface AccountabilityGroup {
  partnership: string;
  targets: AccountableTarget[];
}

export interface AccountabilitySection {
  kind: 'accountability';
  heading: string;
  description: string;
  groups: AccountabilityGroup[];
}
