/**
 * Every fixed word of a board pack, in each language a strategy's pack can be written in. The
 * layout takes its words from here, so a Welsh pack is Welsh throughout and its /Lang says so;
 * the period labels come from src/domain/period.ts, the same functions the web pages use.
 */
import type { Language } from '../../domain/language';
import { periodLabel, periodLongLabel, periodShortLabel } from '../../domain/period';
import type { DirectionOfTravel, RagOrNoData } from '../../domain/status';
import type { ForecastDto, MissingReturnDto } from '../../summary/summary.dto';
import type { ReportLabels } from './report-layout';

export interface ReportWords {
  /** BCP 47 tag declared as the PDF's /Lang. */
  tag: string;
  labels: ReportLabels;
  rag: Record<RagOrNoData, string>;
  travel: Record<DirectionOfTravel, string>;
  themeKind: { theme: string; populationGroup: string };
  returnState: Record<MissingReturnDto['state'], string>;
  allTargets: string;
  noLead: string;
  noOfficer: string;
  noSupporting: string;
  noCommentary: string;
  noneRecorded: string;
  /** Long label for the cover, headers and sentences: `2025/26 Q2 (Jul–Sep 2025)`, `2025/26 Ch2 (Gorffennaf i Fedi 2025)`. */
  periodLabel(period: string): string;
  shortPeriod(period: string): string;
  /** `14 October 2025`, `14 Hydref 2025`, on the calendar of the councils reading it. */
  date(date: Date): string;
  /** A number of targets: `1 target`, `3 targets`; Welsh keeps the noun singular after a numeral. */
  targets(count: number): string;
  headlines(c: { total: number; green: number; amber: number; red: number; noData: number }, exceptions: number, missing: number): string[];
  movement(previous: string, m: { improved: number; worsened: number; unchanged: number; newlyRed: number; notComparable: number }): string[];
  overallChartAlt(total: number, described: string): string;
  themeChartAlt(described: string): string;
  countsSentence(c: { total: number; green: number; amber: number; red: number; noData: number }): string;
  latest(actual: string | null, expected: string): string;
  trendAlt(code: string, span: { from: string; to: string } | null, latest: string, status: string): string;
  trendSpan(from: string | null, to: string): string;
  worsened(was: string, now: string): string;
  redAsBefore: string;
  redNoFigureBefore: string;
  newlyRed(was: string): string;
  figures(actual: string, expected: string, period: string | null): string;
  exceptionsDescription(any: boolean): string;
  missingDescription(any: boolean, periodLabel: string): string;
  accountabilityDescription: string;
  themesWithoutTargets(titles: string): string;
  /** A narrowed pack's scope: `Safer Wealden Partnership only`. */
  scopeOnly(name: string): string;
  /** A missing return's deadline: how late it is, or when it is due. */
  deadline: { overdue(days: number): string; dueToday: string; dueIn(days: number): string; dueOn(date: string): string };
  /** Appended to the missing returns' description: ` They were due by 30 October 2025.` */
  dueBy(date: string): string;
  /** Appended too: the returns that came in after the deadline, with how late. */
  lateReturns(late: { code: string; daysLate: number }[]): string;
  forecastOutcome: Record<ForecastDto['outcome'], string>;
  /** `1 day`, `16 days`; Welsh keeps the noun singular after a numeral. */
  days(count: number): string;
  /** `188 homes by 2025/26 Q4` */
  projectedBy(figure: string, period: string): string;
  forecasts: {
    heading: string;
    description(window: number, period: string): string;
    summary(c: { likely: number; atRisk: number; none: number }): string;
    atRiskDescription(count: number): string;
  };
}

// Built once: constructing an Intl formatter costs far more than formatting with it.
const dateFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const REPORT_DATE = { en: dateFormat('en-GB'), cy: dateFormat('cy') };

const en: ReportWords = {
  tag: 'en-GB',
  labels: {
    introduction: 'Introduction',
    closing: 'Closing remarks',
    cover: 'Cover',
    strategyKind: 'Sustainable Community Strategy',
    leadPartnership: 'Lead partnership',
    generatedOn: 'Generated on',
    scope: 'Scope',
    executiveSummary: 'Executive summary',
    statusOfAll: 'Status of all targets',
    statusByTheme: 'Status by theme',
    sinceLastQuarter: 'Since last quarter',
    total: 'Total',
    code: 'Code',
    target: 'Target',
    baseline: 'Baseline',
    expected: 'Expected',
    latestActual: 'Latest actual',
    endTarget: 'End target',
    status: 'Status',
    travel: 'Direction of travel',
    trends: 'Trends',
    trendKey: 'Dashed line: the expected trajectory. Solid line: approved figures, ending in the status shape.',
    trendsOf: 'trends',
    exceptions: 'Exceptions',
    figures: 'Figures',
    theme: 'Theme',
    lead: 'Lead',
    officer: 'Officer',
    commentary: 'Commentary',
    risks: 'Risks',
    nextActions: 'Next actions',
    missingReturns: 'Missing returns',
    partnership: 'Partnership',
    accountableOfficer: 'Accountable officer',
    period: 'Period',
    return: 'Return',
    deadline: 'Deadline',
    forecast: 'Forecast',
    statusNow: 'Status now',
    atRisk: 'At risk',
    accountability: 'Who is accountable',
    supporting: 'Supporting partnerships',
    continued: 'continued',
    page: 'Page {page} of {pages}',
  },
  rag: { green: 'Green', amber: 'Amber', red: 'Red', 'no-data': 'No data' },
  travel: { improving: 'Improving', worsening: 'Worsening', unchanged: 'No change' },
  themeKind: { theme: 'Theme', populationGroup: 'Population group' },
  returnState: { none: 'Not started', draft: 'Draft not submitted', returned: 'Returned for changes' },
  allTargets: 'All targets',
  noLead: 'No lead partnership assigned',
  noOfficer: 'No accountable officer',
  noSupporting: 'None',
  noCommentary: 'No commentary was given with the return.',
  noneRecorded: 'None recorded.',
  // The English pack keeps the compact month range that the summary API's periodLabel gives.
  periodLabel: (period) => periodLabel(period),
  date: (date) => REPORT_DATE.en.format(date),
  shortPeriod: (period) => periodShortLabel(period, 'en'),
  targets: (count) => `${count} ${count === 1 ? 'target' : 'targets'}`,
  headlines: (c, exceptions, missing) => [
    `${en.targets(c.total)} in this report: ${c.green} on track (green), ${c.amber} slightly behind (amber), ` +
      `${c.red} off track (red) and ${c.noData} without an approved figure (no data).`,
    `Needing attention, because red or worse than last quarter: ${en.targets(exceptions)}.`,
    `Returns due for the quarter but not submitted: ${missing}.`,
  ],
  movement: (previous, m) => [
    `Compared with ${previous}: ${m.improved} improved, ${m.worsened} worsened and ${m.unchanged} stayed the same.`,
    `Newly red this quarter: ${en.targets(m.newlyRed)}.`,
    ...(m.notComparable > 0
      ? [`Not comparable, because one of the two quarters has no approved figure: ${en.targets(m.notComparable)}.`]
      : []),
  ],
  overallChartAlt: (total, described) => `Column chart of all ${en.targets(total)} by status. ${described}.`,
  themeChartAlt: (described) => `Bar chart of the share of targets in each status, by theme. ${described}.`,
  countsSentence: (c) => `${en.targets(c.total)}: ${c.green} green, ${c.amber} amber, ${c.red} red, ${c.noData} no data.`,
  latest: (actual, expected) => (actual === null ? `no approved figure; ${expected} expected` : `${actual} against ${expected} expected`),
  trendAlt: (code, span, latest, status) =>
    `Line chart for ${code}: approved figures against the expected trajectory${span ? ` from ${span.from} to ${span.to}` : ''}. ` +
    `Latest: ${latest}. Status: ${status}.`,
  trendSpan: (from, to) => `Each chart runs from ${from ?? 'each target’s baseline'} to ${to}.`,
  worsened: (was, now) => `Worsened from ${was} to ${now}`,
  redAsBefore: 'Red, as last quarter',
  redNoFigureBefore: 'Red; no figure last quarter',
  newlyRed: (was) => `Newly red (was ${was})`,
  figures: (actual, expected, period) => `${actual} against ${expected} expected${period ? ` (${period})` : ''}`,
  exceptionsDescription: (any) =>
    any
      ? 'Every target that is red, or worse than last quarter, with what its lead partnership reported about it: ' +
        'red targets first, then those that worsened.'
      : 'No target is red and none is worse than last quarter.',
  missingDescription: (any, period) =>
    any
      ? `Returns due for ${period} that had not been submitted when this report was produced, by partnership, ` +
        'with the officer accountable for each.'
      : `Every return due for ${period} has been submitted.`,
  accountabilityDescription:
    'Each target has one lead partnership and a named officer accountable for it; other partnerships support. ' +
    'Targets are grouped by their lead partnership.',
  themesWithoutTargets: (titles) => `No targets in this report for: ${titles}.`,
  deadline: {
    overdue: (days) => `${en.days(days)} overdue`,
    dueToday: 'Due today',
    dueIn: (days) => `Due in ${en.days(days)}`,
    dueOn: (date) => `Due ${date}`,
  },
  dueBy: (date) => ` They were due by ${date}.`,
  lateReturns: (late) =>
    ` ${late.length} ${late.length === 1 ? 'return' : 'returns'} came in after the deadline: ` +
    `${late.map((l) => `${l.code} (${en.days(l.daysLate)})`).join(', ')}.`,
  forecastOutcome: { 'likely-to-meet': 'Likely to meet', 'at-risk': 'At risk', 'no-forecast': 'No forecast' },
  projectedBy: (figure, period) => `${figure} by ${period}`,
  forecasts: {
    heading: 'Forecasts',
    description: (window, period) =>
      `Each target is projected to its target period by a least-squares straight line through its ` +
      `${window} most recent approved figures up to ${period} (at least 3 are needed). ` +
      `A projection that would be red at the target period is at risk.`,
    summary: (c) => `${en.targets(c.likely)} likely to meet, ${c.atRisk} at risk, ${c.none} without enough figures for a forecast.`,
    atRiskDescription: (count) =>
      count === 0 ? 'No target that is green or amber now is forecast to miss.' : `Green or amber now, but forecast to miss: ${en.targets(count)}.`,
  },
  days: (count) => `${count} ${count === 1 ? 'day' : 'days'}`,
  scopeOnly: (name) => `${name} only`,
};

/** Geiriau Cymraeg y pecyn (the pack's Welsh words). */
const cy: ReportWords = {
  tag: 'cy',
  labels: {
    introduction: 'Cyflwyniad',
    closing: 'Sylwadau i gloi',
    cover: 'Clawr',
    strategyKind: 'Strategaeth Gymunedol Gynaliadwy',
    leadPartnership: 'Partneriaeth arweiniol',
    generatedOn: 'Cynhyrchwyd ar',
    scope: 'Cwmpas',
    executiveSummary: 'Crynodeb gweithredol',
    statusOfAll: 'Statws pob targed',
    statusByTheme: 'Statws fesul thema',
    sinceLastQuarter: 'Ers y chwarter diwethaf',
    total: 'Cyfanswm',
    code: 'Cod',
    target: 'Targed',
    baseline: 'Llinell sylfaen',
    // Short words: the table's columns are narrow and a Welsh word broken mid-way reads badly.
    expected: 'Disgwyl',
    latestActual: 'Ffigur olaf',
    endTarget: 'Targed terfynol',
    status: 'Statws',
    travel: 'Cyfeiriad teithio',
    trends: 'Tueddiadau',
    trendKey: 'Llinell doredig: y llwybr disgwyliedig. Llinell solet: y ffigurau a gymeradwywyd, yn gorffen yn siâp y statws.',
    trendsOf: 'tueddiadau',
    exceptions: 'Eithriadau',
    figures: 'Ffigurau',
    theme: 'Thema',
    lead: 'Arweinydd',
    officer: 'Swyddog',
    commentary: 'Sylwebaeth',
    risks: 'Risgiau',
    nextActions: 'Camau nesaf',
    missingReturns: 'Ffurflenni sydd ar goll',
    partnership: 'Partneriaeth',
    accountableOfficer: 'Swyddog atebol',
    period: 'Cyfnod',
    return: 'Ffurflen',
    deadline: 'Dyddiad cau',
    forecast: 'Rhagolwg',
    statusNow: 'Statws nawr',
    atRisk: 'Mewn perygl',
    accountability: 'Pwy sy’n atebol',
    supporting: 'Partneriaethau cefnogol',
    continued: 'parhad',
    page: 'Tudalen {page} o {pages}',
  },
  rag: { green: 'Gwyrdd', amber: 'Ambr', red: 'Coch', 'no-data': 'Dim data' },
  travel: { improving: 'Yn well', worsening: 'Yn waeth', unchanged: 'Dim newid' },
  themeKind: { theme: 'Thema', populationGroup: 'Grŵp poblogaeth' },
  returnState: { none: 'Heb ddechrau', draft: 'Drafft heb ei gyflwyno', returned: 'Wedi’i hanfon yn ôl i’w newid' },
  allTargets: 'Pob targed',
  noLead: 'Dim partneriaeth arweiniol wedi’i phennu',
  noOfficer: 'Dim swyddog atebol',
  noSupporting: 'Dim',
  noCommentary: 'Ni roddwyd sylwebaeth gyda’r ffurflen.',
  noneRecorded: 'Dim wedi’i gofnodi.',
  periodLabel: (period) => periodLongLabel(period, 'cy'),
  date: (date) => REPORT_DATE.cy.format(date),
  shortPeriod: (period) => periodShortLabel(period, 'cy'),
  targets: (count) => `${count} targed`,
  headlines: (c, exceptions, missing) => [
    `${cy.targets(c.total)} yn yr adroddiad hwn: ${c.green} ar y trywydd iawn (gwyrdd), ${c.amber} ychydig ar ei hôl hi (ambr), ` +
      `${c.red} oddi ar y trywydd (coch) a ${c.noData} heb ffigur wedi’i gymeradwyo (dim data).`,
    `Angen sylw, am eu bod yn goch neu’n waeth na’r chwarter diwethaf: ${cy.targets(exceptions)}.`,
    `Ffurflenni oedd yn ddyledus am y chwarter ond heb eu cyflwyno: ${missing}.`,
  ],
  movement: (previous, m) => [
    `O’i gymharu â ${previous}: ${m.improved} wedi gwella, ${m.worsened} wedi gwaethygu a ${m.unchanged} heb newid.`,
    `Coch o’r newydd y chwarter hwn: ${cy.targets(m.newlyRed)}.`,
    ...(m.notComparable > 0
      ? [`Dim modd cymharu, am nad oes ffigur wedi’i gymeradwyo ar gyfer un o’r ddau chwarter: ${cy.targets(m.notComparable)}.`]
      : []),
  ],
  overallChartAlt: (total, described) => `Siart colofn o bob un o’r ${cy.targets(total)} yn ôl statws. ${described}.`,
  themeChartAlt: (described) => `Siart bar o gyfran y targedau ym mhob statws, fesul thema. ${described}.`,
  countsSentence: (c) => `${cy.targets(c.total)}: ${c.green} gwyrdd, ${c.amber} ambr, ${c.red} coch, ${c.noData} dim data.`,
  latest: (actual, expected) =>
    actual === null ? `dim ffigur wedi’i gymeradwyo; disgwylir ${expected}` : `${actual} o’i gymharu â ${expected} a ddisgwylir`,
  trendAlt: (code, span, latest, status) =>
    `Siart llinell ar gyfer ${code}: y ffigurau a gymeradwywyd o’u cymharu â’r llwybr disgwyliedig${span ? ` o ${span.from} i ${span.to}` : ''}. ` +
    `Diweddaraf: ${latest}. Statws: ${status}.`,
  trendSpan: (from, to) => `Mae pob siart yn rhedeg o ${from ?? 'linell sylfaen pob targed'} i ${to}.`,
  // Said without "o … i …", which would mutate the status words (Gwyrdd → Wyrdd).
  worsened: (was, now) => `Wedi gwaethygu: ${now} nawr, ${was} y chwarter diwethaf`,
  redAsBefore: 'Coch, fel y chwarter diwethaf',
  redNoFigureBefore: 'Coch; dim ffigur y chwarter diwethaf',
  newlyRed: (was) => `Coch o’r newydd (${was} y chwarter diwethaf)`,
  figures: (actual, expected, period) => `${actual} o’i gymharu â ${expected} a ddisgwylir${period ? ` (${period})` : ''}`,
  exceptionsDescription: (any) =>
    any
      ? 'Pob targed sy’n goch, neu’n waeth na’r chwarter diwethaf, gyda’r hyn a adroddodd ei bartneriaeth arweiniol ' +
        'amdano: targedau coch yn gyntaf, yna’r rhai a waethygodd.'
      : 'Nid oes unrhyw darged yn goch, ac nid oes yr un yn waeth na’r chwarter diwethaf.',
  missingDescription: (any, period) =>
    any
      ? `Ffurflenni oedd yn ddyledus ar gyfer ${period} nad oeddent wedi’u cyflwyno pan gynhyrchwyd yr adroddiad hwn, ` +
        'fesul partneriaeth, gyda’r swyddog sy’n atebol am bob un.'
      : `Mae pob ffurflen oedd yn ddyledus ar gyfer ${period} wedi’i chyflwyno.`,
  accountabilityDescription:
    'Mae gan bob targed un bartneriaeth arweiniol a swyddog a enwir sy’n atebol amdano; mae partneriaethau eraill yn ' +
    'cefnogi. Mae’r targedau wedi’u grwpio yn ôl eu partneriaeth arweiniol.',
  themesWithoutTargets: (titles) => `Dim targedau yn yr adroddiad hwn ar gyfer: ${titles}.`,
  deadline: {
    overdue: (days) => `${cy.days(days)} yn hwyr`,
    dueToday: 'Yn ddyledus heddiw',
    dueIn: (days) => `Yn ddyledus ymhen ${cy.days(days)}`,
    dueOn: (date) => `Yn ddyledus ${date}`,
  },
  dueBy: (date) => ` Roeddent yn ddyledus erbyn ${date}.`,
  lateReturns: (late) =>
    ` Daeth ${late.length} ffurflen i mewn ar ôl y dyddiad cau: ` +
    `${late.map((l) => `${l.code} (${cy.days(l.daysLate)})`).join(', ')}.`,
  forecastOutcome: { 'likely-to-meet': 'Tebygol o’i gyrraedd', 'at-risk': 'Mewn perygl', 'no-forecast': 'Dim rhagolwg' },
  projectedBy: (figure, period) => `${figure} erbyn ${period}`,
  forecasts: {
    heading: 'Rhagolygon',
    description: (window, period) =>
      `Rhagwelir pob targed hyd at ei gyfnod targed â llinell syth (dull sgwariau lleiaf) drwy ei ` +
      `${window} ffigur diweddaraf a gymeradwywyd hyd at ${period} (mae angen o leiaf 3). ` +
      `Mae rhagolwg a fyddai’n goch yn y cyfnod targed mewn perygl.`,
    summary: (c) => `${cy.targets(c.likely)} yn debygol o’u cyrraedd, ${c.atRisk} mewn perygl, ${c.none} heb ddigon o ffigurau ar gyfer rhagolwg.`,
    atRiskDescription: (count) =>
      count === 0
        ? 'Nid oes unrhyw darged sy’n wyrdd neu’n ambr nawr y rhagwelir y bydd yn methu.'
        : `Gwyrdd neu ambr nawr, ond y rhagwelir y byddant yn methu: ${cy.targets(count)}.`,
  },
  // Welsh keeps the noun singular after a numeral.
  days: (count) => `${count} diwrnod`,
  scopeOnly: (name) => `${name} yn unig`,
};

export const REPORT_WORDS: Readonly<Record<Language, ReportWords>> = { en, cy };
