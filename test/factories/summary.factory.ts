/**
 * Strategy summaries for report tests. Describe targets by their figures; the factory turns them
 * into the rows the summary service loads (a target, its lead, its updates) and hands them to
 * the production computeSummary, so a fixture can never disagree with the rules: the factory
 * builds inputs and implements none of them.
 */
import { addQuarters, periodsBetween } from '../../src/domain/period';
import type { Direction, Frequency } from '../../src/domain/status';
import { type Milestone, type Trajectory, expectedValue } from '../../src/domain/trajectory';
import { computeSummary, type SummaryTarget, type SummaryUpdate } from '../../src/summary/compute-summary';
import type { LeadDto, StrategyRefDto, StrategySummaryDto } from '../../src/summary/summary.dto';

export interface LeadSpec {
  partnership: string;
  officer: string;
  email?: string;
}

export interface TargetSpec {
  code: string;
  title: string;
  unit?: string;
  direction?: Direction;
  frequency?: Frequency;
  tolerancePercent?: number;
  baselineValue?: number;
  baselinePeriod?: string;
  targetValue?: number;
  targetPeriod?: string;
  milestones?: readonly Milestone[];
  /** Approved figures by period. */
  actuals?: Record<string, number>;
  /** null: no active lead assignment. */
  lead?: LeadSpec | null;
  supporting?: string[];
  commentary?: string | null;
  risks?: string | null;
  nextActions?: string | null;
  /** Where the report period's return stands when it has no approved figure. */
  returnState?: 'none' | 'draft' | 'returned' | 'submitted';
}

export interface ThemeSpec {
  title: string;
  kind?: 'theme' | 'population-group';
  targets: TargetSpec[];
}

export interface SummarySpec {
  strategy?: Partial<StrategyRefDto>;
  period?: string;
  themes?: ThemeSpec[];
  /** When deadlines are judged (ISO instant); by default the last moment of the deadline day. */
  now?: string;
}

const DEFAULT_PERIOD = '2025-26-Q2';

const DEFAULT_STRATEGY: StrategyRefDto = {
  id: 'strategy-pride-of-place',
  title: 'Pride of Place',
  area: 'East Sussex',
  vision: 'A county where people are proud to live, work and take part.',
  leadPartnershipName: 'East Sussex Strategic Partnership',
};

const WEALDEN: LeadSpec = { partnership: 'Wealden Strategic Partnership', officer: 'Priya Shah' };
const SAFER_WEALDEN: LeadSpec = { partnership: 'Safer Wealden Partnership', officer: 'Tom Ellis' };
const ECONOMY: LeadSpec = { partnership: 'East Sussex Economic Partnership', officer: 'Ruth Okafor' };
const YOUNG_PEOPLE: LeadSpec = { partnership: 'Children and Young People’s Trust', officer: 'Siân Llŷr' };

/**
 * The worked example of API.md, spread over four themes: green, amber, red (newly and again),
 * a missing return, an annual target, a target nobody leads, and a theme without targets.
 * Baseline 100 at 2024-25-Q4, target 140 at 2025-26-Q4: 120 is expected in 2025-26-Q2.
 */
export const DEFAULT_THEMES: ThemeSpec[] = [
  {
    title: 'Housing',
    targets: [
      {
        code: 'NI 154',
        title: 'Net additional homes provided',
        actuals: { '2025-26-Q1': 112, '2025-26-Q2': 121 },
        lead: WEALDEN,
        commentary: 'Two large sites completed ahead of schedule.',
      },
      {
        code: 'NI 155',
        title: 'Number of affordable homes delivered (gross)',
        actuals: { '2025-26-Q1': 111, '2025-26-Q2': 116 },
        lead: WEALDEN,
        supporting: ['Rother Local Strategic Partnership'],
        commentary: 'A registered provider paused one scheme while it refinanced.',
        risks: 'Build costs are still rising.',
        nextActions: 'Meet the provider in October to agree a revised start date.',
      },
      {
        code: 'NI 156',
        title: 'Households living in temporary accommodation',
        direction: 'decrease',
        baselineValue: 400,
        targetValue: 300,
        actuals: { '2025-26-Q1': 370, '2025-26-Q2': 380 },
        lead: WEALDEN,
        commentary: 'Demand rose sharply after two hostels closed.',
        risks: 'Cost of nightly-paid accommodation.',
        nextActions: 'Open 20 units of council-owned interim housing by December.',
      },
    ],
  },
  {
    title: 'Community safety',
    targets: [
      {
        code: 'NI 16',
        title: 'Serious acquisitive crime rate',
        unit: 'per 1,000 population',
        direction: 'decrease',
        baselineValue: 12,
        targetValue: 10,
        actuals: { '2025-26-Q1': 11.9, '2025-26-Q2': 11.2 },
        lead: SAFER_WEALDEN,
        supporting: ['Sussex Police', 'East Sussex Fire & Rescue Service'],
      },
      {
        code: 'NI 32',
        title: 'Repeat incidents of domestic violence',
        unit: '%',
        direction: 'decrease',
        baselineValue: 30,
        targetValue: 26,
        actuals: { '2025-26-Q1': 31, '2025-26-Q2': 31.5 },
        lead: SAFER_WEALDEN,
        commentary: 'Referrals to the multi-agency risk assessment conference are up by a fifth.',
        risks: 'Independent advocates are at full caseload.',
        nextActions: 'Recruit two more advocates from the Home Office grant.',
      },
      {
        code: 'NI 20',
        title: 'Assault with injury crime rate',
        unit: 'per 1,000 population',
        direction: 'decrease',
        baselineValue: 6,
        targetValue: 5,
        actuals: { '2025-26-Q1': 5.8 },
        lead: SAFER_WEALDEN,
        returnState: 'draft',
      },
    ],
  },
  {
    title: 'Economy, jobs & prosperity',
    targets: [
      {
        code: 'NI 151',
        title: 'Overall employment rate (working-age)',
        unit: '%',
        baselineValue: 70,
        targetValue: 74,
        actuals: { '2025-26-Q1': 71.2, '2025-26-Q2': 72.5 },
        lead: ECONOMY,
      },
      {
        code: 'LP 7',
        title: 'Funding secured from business and charitable sources',
        unit: '£',
        baselineValue: 200000,
        targetValue: 500000,
        actuals: { '2025-26-Q1': 290000, '2025-26-Q2': 350000 },
        lead: ECONOMY,
      },
    ],
  },
  {
    title: 'Children & young people',
    kind: 'population-group',
    targets: [
      {
        code: 'NI 117',
        title: '16 to 18 year olds not in education, employment or training (≥ 16 hours a week)',
        unit: '%',
        direction: 'decrease',
        baselineValue: 6,
        targetValue: 4,
        actuals: { '2025-26-Q1': 5.9, '2025-26-Q2': 5.9 },
        lead: YOUNG_PEOPLE,
        supporting: ['Tŷ Gwyn Youth Trust'],
        commentary: 'The Gŵyl Ieuenctid outreach events reached 400 young people.',
        risks: 'Apprenticeship places have fallen.',
        nextActions: 'Target outreach at the coastal towns.',
      },
      {
        code: 'NI 56',
        title: 'Obesity among primary school age children in Year 6',
        unit: '%',
        direction: 'decrease',
        frequency: 'annual',
        baselineValue: 18,
        baselinePeriod: '2023-24-Q4',
        targetValue: 16,
        targetPeriod: '2026-27-Q4',
        actuals: { '2024-25-Q4': 17.5 },
        lead: YOUNG_PEOPLE,
      },
      {
        code: 'LP 12',
        title: 'Young people volunteering in their community',
        unit: 'people',
        baselineValue: 500,
        targetValue: 700,
        lead: null,
      },
    ],
  },
  { title: 'Culture, sports & leisure', targets: [] },
];

class Ids {
  private next = 1;
  private readonly byKey = new Map<string, string>();

  /** Stable UUID-shaped ids, so two builds of one spec are equal. */
  of(key: string): string {
    let id = this.byKey.get(key);
    if (!id) {
      id = `00000000-0000-4000-8000-${(this.next++).toString(16).padStart(12, '0')}`;
      this.byKey.set(key, id);
    }
    return id;
  }
}

function emailFor(officer: string, partnership: string): string {
  const local = officer.normalize('NFD').replace(/[^A-Za-z ]/g, '').trim().toLowerCase().replace(/ +/g, '.');
  const domain = partnership.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase().slice(0, 24);
  return `${local}@${domain}.org.uk`;
}

/** The rows the summary service would load for one target. */
function targetInput(raw: TargetSpec, themeId: string, reportPeriod: string, ids: Ids): SummaryTarget {
  const spec = { direction: 'increase' as Direction, tolerancePercent: 5, frequency: 'quarterly' as Frequency, ...raw };
  const trajectory: Trajectory = {
    baselinePeriod: spec.baselinePeriod ?? '2024-25-Q4',
    baselineValue: spec.baselineValue ?? 100,
    targetPeriod: spec.targetPeriod ?? '2025-26-Q4',
    targetValue: spec.targetValue ?? 140,
    milestones: spec.milestones ?? [],
  };
  const leadSpec = spec.lead === undefined ? WEALDEN : spec.lead;
  const lead: LeadDto | null = leadSpec && {
    partnershipId: ids.of(`partnership:${leadSpec.partnership}`),
    partnershipName: leadSpec.partnership,
    officerName: leadSpec.officer,
    officerEmail: leadSpec.email ?? emailFor(leadSpec.officer, leadSpec.partnership),
  };
  const narrative = { commentary: spec.commentary ?? null, risks: spec.risks ?? null, nextActions: spec.nextActions ?? null };
  const updates: SummaryUpdate[] = Object.entries(spec.actuals ?? {}).map(([period, value]) => ({
    id: ids.of(`update:${spec.code}:${period}`),
    period,
    value,
    status: 'approved',
    ...narrative,
  }));
  const state = spec.returnState ?? 'none';
  if (state !== 'none' && spec.actuals?.[reportPeriod] === undefined) {
    // A return in the report period that is not approved yet: its figure counts for nothing.
    updates.push({ id: ids.of(`update:${spec.code}:${reportPeriod}`), period: reportPeriod, value: 0, status: state, ...narrative });
  }
  return {
    id: ids.of(`target:${spec.code}`),
    code: spec.code,
    title: spec.title,
    themeId,
    unit: spec.unit ?? 'homes',
    direction: spec.direction,
    frequency: spec.frequency,
    tolerancePercent: spec.tolerancePercent,
    ...trajectory,
    lead,
    supportingPartnerships: (spec.supporting ?? []).map((name) => ({ id: ids.of(`partnership:${name}`), name })),
    updates,
  };
}

/** A summary computed by the production rules; every part of the spec is optional and replaces the default scenario's. */
export function buildSummary(overrides: SummarySpec = {}): StrategySummaryDto {
  const period = overrides.period ?? DEFAULT_PERIOD;
  const ids = new Ids();
  const themes = (overrides.themes ?? DEFAULT_THEMES).map((spec, position) => ({
    id: ids.of(`theme:${spec.title}`),
    title: spec.title,
    kind: spec.kind ?? ('theme' as const),
    position,
    spec,
  }));
  return computeSummary({
    strategy: { ...DEFAULT_STRATEGY, ...overrides.strategy },
    period,
    themes: themes.map(({ spec: _spec, ...theme }) => theme),
    targets: themes.flatMap((theme) => theme.spec.targets.map((t) => targetInput(t, theme.id, period, ids))),
    scoped: false,
    now: overrides.now,
  });
}

const THEME_TITLES: Array<[string, 'theme' | 'population-group']> = [
  ['Economy, jobs & prosperity', 'theme'],
  ['Transport, access & communications', 'theme'],
  ['Housing', 'theme'],
  ['Environment & climate change', 'theme'],
  ['Education, learning & skills', 'theme'],
  ['Health & wellbeing', 'theme'],
  ['Community safety', 'theme'],
  ['Community strength & leadership', 'theme'],
  ['Culture, sports & leisure', 'theme'],
  ['Older people', 'population-group'],
  ['Children & young people', 'population-group'],
];

const PARTNERSHIPS = [
  'Chichester in Partnership',
  'Eastbourne Strategic Partnership',
  'Hastings & St Leonards Local Strategic Partnership',
  'Lewes District Strategic Partnership',
  'Rother Local Strategic Partnership',
  'Wealden Strategic Partnership',
  'Safer Wealden Partnership',
  'Safer Hastings Partnership',
  'Safer Lewes District Partnership',
  'East Sussex Safer Communities Partnership',
  'East Sussex Economic Partnership',
  'Children and Young People’s Trust',
  'Health and Wellbeing Board',
  'Older People’s Partnership Board',
  'East Sussex Climate Partnership',
  'Local Voices, Local Choices (Lewes)',
  'Sussex Learning and Skills Partnership',
  'Culture East Sussex',
  'Rural East Sussex Partnership',
  'Tŷ Gwyn Youth Trust',
];

const OFFICERS = [
  'Priya Shah', 'Tom Ellis', 'Ruth Okafor', 'Siân Llŷr', 'Gareth Ŵyn Davies', 'Helen Marsh',
  'Declan Murphy', 'Aisha Rahman', 'Mark Fenwick', 'Joanna Pike', 'Kwame Mensah', 'Lucy Barker',
];

/** Title, unit, direction and a plausible baseline range. */
const MEASURES: Array<[string, string, Direction, number, number]> = [
  ['Net additional homes provided', 'homes', 'increase', 200, 1500],
  ['Affordable homes delivered', 'homes', 'increase', 50, 400],
  ['Overall employment rate', '%', 'increase', 65, 80],
  ['Funding secured from business and charitable sources', '£', 'increase', 50000, 900000],
  ['Serious acquisitive crime rate', 'per 1,000 population', 'decrease', 6, 20],
  ['People killed or seriously injured in road traffic accidents', 'people', 'decrease', 40, 400],
  ['Household waste sent for reuse, recycling and composting', '%', 'increase', 30, 55],
  ['Per capita CO₂ emissions in the area', 'tonnes', 'decrease', 4, 9],
  ['Adults taking part in sport and active recreation', '%', 'increase', 15, 35],
  ['Older people helped to live at home', 'per 1,000 population', 'increase', 20, 60],
  ['Young people not in education, employment or training', '%', 'decrease', 4, 9],
  ['Delayed transfers of care from hospital', 'days', 'decrease', 300, 2500],
  ['New businesses registered for VAT', 'businesses', 'increase', 150, 900],
  ['Volunteering hours given to community groups', 'hours', 'increase', 2000, 40000],
];

const PLACES = ['Eastbourne', 'Hastings', 'Lewes', 'Rother', 'Wealden', 'the county', 'coastal towns', 'rural parishes'];

const COMMENTARY = [
  'Progress slowed over the summer while the delivery team was below strength.',
  'Partners agreed a joint action plan in July; the effect should show next quarter.',
  'The figure reflects a change in how the indicator is counted from this year.',
  'Demand has risen faster than forecast, and capacity has not kept pace.',
];
const RISKS = [
  'Funding from April is not yet confirmed.',
  'Recruitment to two posts has failed twice.',
  'Rising costs may delay the next phase.',
];
const ACTIONS = [
  'Bring a recovery plan to the next board meeting.',
  'Agree a shared data return with the district councils by December.',
  'Pool the partnership budgets for a single commissioning round.',
];

/** mulberry32: a small seeded generator, so the county fixture is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CountyScale {
  targets?: number;
  themes?: number;
  /** Quarters of trend per target, the report period included. */
  quarters?: number;
  period?: string;
  seed?: number;
}

/** A county-sized strategy (East Sussex: 200–400 targets) for volume and performance tests. */
export function buildCountyScaleSummary(scale: CountyScale = {}): StrategySummaryDto {
  const { targets = 300, themes = 11, quarters = 12, period = DEFAULT_PERIOD, seed = 2008 } = scale;
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const baselinePeriod = addQuarters(period, -(quarters - 1));
  const themeSpecs: ThemeSpec[] = Array.from({ length: themes }, (_, i) => {
    const [title, kind] = THEME_TITLES[i] ?? [`Local priority ${i + 1}`, 'theme'];
    return { title, kind, targets: [] };
  });
  // Roughly a county's spread: most targets near their trajectory, some behind, a few far behind.
  const drift = () => {
    const r = rand();
    return r < 0.6 ? 0.02 : r < 0.82 ? -0.03 : -0.12;
  };
  for (let i = 0; i < targets; i++) {
    const [measure, unit, direction, low, high] = pick(MEASURES);
    const baselineValue = Math.round(low + rand() * (high - low));
    const change = (0.1 + rand() * 0.3) * (direction === 'increase' ? 1 : -1);
    const trajectory: Trajectory = {
      baselinePeriod,
      baselineValue,
      targetPeriod: addQuarters(period, 2 + Math.floor(rand() * 6)),
      targetValue: Math.round(baselineValue * (1 + change)),
      milestones: [],
    };
    // A quarter of targets change course in the report quarter, so there is movement to report.
    const before = drift();
    const now = rand() < 0.25 ? drift() : before;
    const actuals: Record<string, number> = {};
    for (const p of periodsBetween(addQuarters(baselinePeriod, 1), period)) {
      const expected = expectedValue(trajectory, p) ?? baselineValue;
      const d = p === period ? now : before;
      const signed = direction === 'increase' ? d : -d;
      actuals[p] = Math.round(expected * (1 + signed + (rand() - 0.5) * 0.02) * 10) / 10;
    }
    const noReturn = rand() < 0.08;
    if (noReturn) delete actuals[period];
    const partnership = pick(PARTNERSHIPS);
    const supporting = rand() < 0.6 ? [...new Set([pick(PARTNERSHIPS), pick(PARTNERSHIPS)])] : [];
    themeSpecs[i % themes].targets.push({
      code: `${i % 3 === 0 ? 'LP' : 'NI'} ${100 + i}`,
      title: `${measure} in ${pick(PLACES)}`,
      unit,
      direction,
      ...trajectory,
      actuals,
      lead: rand() < 0.02 ? null : { partnership, officer: pick(OFFICERS) },
      supporting: supporting.filter((p) => p !== partnership),
      commentary: pick(COMMENTARY),
      risks: pick(RISKS),
      nextActions: pick(ACTIONS),
      returnState: noReturn ? pick(['none', 'draft', 'returned'] as const) : undefined,
    });
  }
  return buildSummary({ period, themes: themeSpecs });
}
