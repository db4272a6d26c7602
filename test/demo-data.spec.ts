/**
 * The demo data set (data/demo/pride-of-place.json): its format, its references, and the board
 * picture it gives for its demo period, computed by the app's own summary (computeSummary).
 * The seeder loads this file through the application's services; this test catches a broken
 * reference or an impossible trajectory before the seeder does, and pins the demo's story
 * (greens, ambers, reds, changes since last quarter, a returned update, missing returns).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { isValidPeriod, periodFromIndex, periodIndex, previousPeriod, toPeriod } from '../src/domain/period';
import { type Rag, RAG_RANK, isReturnDue } from '../src/domain/status';
import { type Trajectory, trajectoryProblems } from '../src/domain/trajectory';
import { computeSummary, type SummaryTarget } from '../src/summary/compute-summary';
import type { RagCountsDto, StrategySummaryDto, TargetSummaryDto } from '../src/summary/summary.dto';

import type { Role, PartnershipKind, Sector, ProgressStatus, ActionStatus, DemoTarget, DemoData } from '../src/demo/demo-data';

const FILE = join(__dirname, '..', 'data', 'demo', 'pride-of-place.json');
const data = JSON.parse(readFileSync(FILE, 'utf8')) as DemoData;

const ROLES: Role[] = ['admin', 'coordinator', 'partnership-officer', 'viewer'];
const KINDS: PartnershipKind[] = ['lsp', 'thematic', 'other'];
const SECTORS: Sector[] = ['public', 'private', 'voluntary', 'community'];
const PROGRESS_STATUSES: ProgressStatus[] = ['draft', 'submitted', 'approved', 'returned'];
const ACTION_STATUSES: ActionStatus[] = ['not-started', 'in-progress', 'done', 'overdue'];
const DEMO_PASSWORD = 'demo-password-2026';

const THEME_TITLES = [
  'Economy, jobs & prosperity',
  'Transport, access & communications',
  'Housing',
  'Environment & climate change',
  'Education, learning & skills',
  'Health & wellbeing',
  'Community safety',
  'Community strength & leadership',
  'Culture, sports & leisure',
];
const GROUP_TITLES = ['Older people', 'Children & young people'];

const DISTRICT_LSPS = [
  'Eastbourne Strategic Partnership',
  'Hastings & St Leonards Strategic Partnership',
  'Lewes Local Strategic Partnership',
  'Rother Local Strategic Partnership',
  'Wealden Strategic Partnership',
];

const BASELINE = '2023-24-Q4';
const FIRST_QUARTER = '2024-25-Q1';

const partnershipByKey = new Map(data.partnerships.map((p) => [p.key, p]));
const themeKeys = new Set(data.themes.map((t) => t.key));
const priorityTitles = new Set(data.priorities.map((p) => p.title));

function trajectory(t: DemoTarget): Trajectory {
  return {
    baselinePeriod: t.baselinePeriod,
    baselineValue: t.baselineValue,
    targetPeriod: t.targetPeriod,
    targetValue: t.targetValue,
    milestones: t.milestones,
  };
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

// ---------------------------------------------------------------- the board picture

/**
 * The board picture a report for `period` gives, computed by the production summary
 * (computeSummary) from the demo file turned into the rows the summary service loads.
 */
function summaryFor(period: string): StrategySummaryDto {
  return computeSummary({
    strategy: { id: 'demo', title: data.strategy.title, area: 'demo', vision: null, leadPartnershipName: 'demo' },
    period,
    themes: data.themes.map((t, position) => ({ id: t.key, title: t.title, kind: t.kind, position })),
    targets: data.targets.map((t): SummaryTarget => ({
      id: t.code,
      code: t.code,
      title: t.title,
      themeId: t.theme,
      unit: t.unit,
      direction: t.direction,
      frequency: t.frequency,
      tolerancePercent: t.tolerancePercent,
      ...trajectory(t),
      lead: {
        partnershipId: t.assignment.lead,
        partnershipName: partnershipByKey.get(t.assignment.lead)?.name ?? t.assignment.lead,
        officerName: t.assignment.officer.name,
        officerEmail: t.assignment.officer.email,
      },
      supportingPartnerships: [],
      updates: t.progress.map((u) => ({ ...u, id: `${t.code}:${u.period}`, risks: u.risks ?? null, nextActions: u.nextActions ?? null })),
    })),
    scoped: false,
  });
}

interface Picture {
  summary: StrategySummaryDto;
  targets: TargetSummaryDto[];
  improved: string[];
  worsened: string[];
  newlyRed: string[];
  missing: { code: string; lead: string }[];
  noUpdate: { code: string; lead: string }[];
  byStatus: Record<ProgressStatus, string[]>;
}

function picture(period: string): Picture {
  const summary = summaryFor(period);
  const targets = summary.themes.flatMap((t) => t.targets);
  const codes = (keep: (t: TargetSummaryDto) => boolean) => targets.filter(keep).map((t) => t.code);
  const rated = (t: TargetSummaryDto) => t.rag !== 'no-data' && t.previousRag !== 'no-data';
  const missing = summary.missingReturns.map((m) => ({ code: m.code, lead: m.partnershipId }));
  const noUpdate = data.targets
    .filter((t) => missing.some((m) => m.code === t.code) && !t.progress.some((u) => u.period === period))
    .map((t) => ({ code: t.code, lead: t.assignment.lead }));
  const byStatus: Record<ProgressStatus, string[]> = { draft: [], submitted: [], approved: [], returned: [] };
  for (const t of data.targets) {
    const u = t.progress.find((p) => p.period === period);
    if (u) byStatus[u.status].push(t.code);
  }
  return {
    summary,
    targets,
    improved: codes((t) => rated(t) && RAG_RANK[t.rag as Rag] < RAG_RANK[t.previousRag as Rag]),
    worsened: codes((t) => rated(t) && RAG_RANK[t.rag as Rag] > RAG_RANK[t.previousRag as Rag]),
    newlyRed: codes((t) => t.rag === 'red' && t.previousRag !== 'red'),
    missing,
    noUpdate,
    byStatus,
  };
}

// ---------------------------------------------------------------- the tests

describe('demo data: Pride of Place (data/demo/pride-of-place.json)', () => {
  it('has exactly the top-level sections the seeder reads, for the 2025-26-Q4 demo period', () => {
    expect(Object.keys(data).sort()).toEqual(
      ['demoPeriod', 'partnerships', 'priorities', 'strategy', 'targets', 'themes', 'users'].sort(),
    );
    expect(data.demoPeriod).toBe('2025-26-Q4');
    expect(isValidPeriod(data.demoPeriod)).toBe(true);
  });

  describe('users', () => {
    it('has one user per role at least, the named demo logins, unique emails and the demo password', () => {
      const emails = data.users.map((u) => u.email);
      expect(duplicates(emails.map((e) => e.toLowerCase()))).toEqual([]);
      for (const email of ['admin@demo.scs.test', 'coordinator@demo.scs.test', 'viewer@demo.scs.test']) {
        expect(emails).toContain(email);
      }
      for (const role of ROLES) expect(data.users.some((u) => u.role === role)).toBe(true);
      expect(data.users.filter((u) => u.role === 'partnership-officer').length).toBeGreaterThanOrEqual(2);
      for (const u of data.users) {
        expect(ROLES).toContain(u.role);
        expect(u.email).toMatch(/^[a-z0-9.]+@demo\.scs\.test$/);
        expect(u.name.trim()).not.toBe('');
        expect(u.password).toBe(DEMO_PASSWORD);
      }
    });

    it("resolves every user's partnerships, and every officer belongs to at least one", () => {
      for (const u of data.users) {
        expect(duplicates(u.partnerships)).toEqual([]);
        for (const key of u.partnerships) expect(partnershipByKey.has(key)).toBe(true);
        if (u.role === 'partnership-officer') expect(u.partnerships.length).toBeGreaterThan(0);
      }
      const officers = data.users.filter((u) => u.role === 'partnership-officer');
      const officerOf = (key: string) => officers.some((u) => u.partnerships.includes(key));
      expect(officerOf('safer-wealden')).toBe(true);
      expect(officers.some((u) => u.partnerships.some((k) => /housing/i.test(partnershipByKey.get(k)?.name ?? '')))).toBe(true);
    });
  });

  describe('partnerships', () => {
    it('has unique keys and names, valid kinds and fields', () => {
      expect(duplicates(data.partnerships.map((p) => p.key))).toEqual([]);
      expect(duplicates(data.partnerships.map((p) => p.name))).toEqual([]);
      for (const p of data.partnerships) {
        expect(KINDS).toContain(p.kind);
        expect(p.name.length).toBeLessThanOrEqual(200);
        expect(p.area.length).toBeLessThanOrEqual(200);
        expect(p.chair.length).toBeLessThanOrEqual(200);
        expect(typeof p.statutory).toBe('boolean');
        expect(Number.isInteger(p.meetingsPerYear)).toBe(true);
        expect(p.meetingsPerYear).toBeGreaterThanOrEqual(1);
        expect(p.meetingsPerYear).toBeLessThanOrEqual(12);
      }
    });

    it('resolves every parent and has no cycles', () => {
      for (const p of data.partnerships) {
        if (p.parent !== null) expect(partnershipByKey.has(p.parent)).toBe(true);
        const seen = new Set<string>([p.key]);
        let current = p.parent;
        while (current !== null) {
          expect(seen.has(current)).toBe(false);
          seen.add(current);
          current = partnershipByKey.get(current)?.parent ?? null;
        }
      }
    });

    it('has the county LSP with the five district and borough LSPs under it', () => {
      const county = data.partnerships.find((p) => p.name === 'East Sussex Strategic Partnership');
      expect(county).toMatchObject({ kind: 'lsp', parent: null, statutory: false });
      const lsps = data.partnerships.filter((p) => p.kind === 'lsp');
      expect(lsps).toHaveLength(6);
      for (const name of DISTRICT_LSPS) {
        const lsp = data.partnerships.find((p) => p.name === name);
        expect(lsp).toMatchObject({ kind: 'lsp', parent: county!.key, statutory: false });
      }
    });

    it('nests about a dozen thematic partnerships realistically, Safer Wealden inside the countywide CSP', () => {
      const thematic = data.partnerships.filter((p) => p.kind === 'thematic');
      expect(thematic.length).toBeGreaterThanOrEqual(10);
      expect(thematic.length).toBeLessThanOrEqual(15);
      expect(data.partnerships.filter((p) => p.kind === 'other').length).toBeGreaterThanOrEqual(1);
      const countywide = data.partnerships.find((p) => p.name === 'East Sussex Safer Communities Partnership')!;
      const wealden = data.partnerships.find((p) => p.name === 'Safer Wealden Partnership')!;
      expect(countywide).toMatchObject({ kind: 'thematic', statutory: true });
      expect(partnershipByKey.get(countywide.parent!)?.kind).toBe('lsp');
      expect(wealden).toMatchObject({ kind: 'thematic', statutory: true, parent: countywide.key });
      // Some thematic partnerships sit under a district LSP or another thematic partnership.
      const underNonCounty = thematic.filter((p) => p.parent !== null && partnershipByKey.get(p.parent)?.parent !== null);
      expect(underNonCounty.length).toBeGreaterThanOrEqual(2);
    });

    it('has 3–10 members per partnership from all four sectors across the set', () => {
      const perSector: Record<Sector, number> = { public: 0, private: 0, voluntary: 0, community: 0 };
      for (const p of data.partnerships) {
        expect(p.members.length).toBeGreaterThanOrEqual(3);
        expect(p.members.length).toBeLessThanOrEqual(10);
        expect(duplicates(p.members.map((m) => m.organisation))).toEqual([]);
        for (const m of p.members) {
          expect(SECTORS).toContain(m.sector);
          expect(m.organisation.length).toBeLessThanOrEqual(200);
          expect(m.role.length).toBeLessThanOrEqual(200);
          perSector[m.sector]++;
        }
      }
      for (const s of SECTORS) expect(perSector[s]).toBeGreaterThanOrEqual(8);
      // Every LSP brings together all four sectors' voices (public, private, voluntary or community).
      for (const p of data.partnerships.filter((x) => x.kind === 'lsp')) {
        const sectors = new Set(p.members.map((m) => m.sector));
        expect(sectors.has('public') && sectors.has('private')).toBe(true);
        expect(sectors.has('voluntary') || sectors.has('community')).toBe(true);
      }
    });
  });

  describe('strategy, themes and priorities', () => {
    it('is Pride of Place, 2008–2026, adopted, led by the county LSP', () => {
      const s = data.strategy;
      expect(s).toMatchObject({ title: 'Pride of Place', area: 'East Sussex', startDate: '2008-04-01', endDate: '2026-03-31', status: 'adopted' });
      expect(partnershipByKey.get(s.lead)?.name).toBe('East Sussex Strategic Partnership');
      expect(isIsoDate(s.startDate) && isIsoDate(s.endDate)).toBe(true);
      expect(s.vision.trim().length).toBeGreaterThan(50);
    });

    it('has the nine themes and two population groups, with the exact titles, in order', () => {
      expect(data.themes.map((t) => t.title)).toEqual([...THEME_TITLES, ...GROUP_TITLES]);
      expect(data.themes.map((t) => t.kind)).toEqual([
        ...THEME_TITLES.map(() => 'theme'),
        ...GROUP_TITLES.map(() => 'population-group'),
      ]);
      expect(duplicates(data.themes.map((t) => t.key))).toEqual([]);
      for (const t of data.themes) expect(t.description.trim()).not.toBe('');
    });

    it('has three cross-cutting priorities and two or three local ones owned by district LSPs', () => {
      expect(duplicates(data.priorities.map((p) => p.title))).toEqual([]);
      const cross = data.priorities.filter((p) => p.kind === 'cross-cutting');
      const local = data.priorities.filter((p) => p.kind === 'local');
      expect(cross).toHaveLength(3);
      expect(local.length).toBeGreaterThanOrEqual(2);
      expect(local.length).toBeLessThanOrEqual(3);
      expect(cross.length + local.length).toBe(data.priorities.length);
      for (const p of cross) expect(p.partnership).toBeNull();
      for (const p of local) {
        const owner = partnershipByKey.get(p.partnership ?? '');
        expect(owner?.kind).toBe('lsp');
        expect(owner?.parent).not.toBeNull();
      }
      for (const p of data.priorities) {
        expect(p.title.length).toBeLessThanOrEqual(300);
        expect(p.themes.length).toBeGreaterThan(0);
        expect(duplicates(p.themes)).toEqual([]);
        for (const key of p.themes) expect(themeKeys.has(key)).toBe(true);
      }
    });
  });

  describe('targets', () => {
    it('has about 40 targets with unique codes over all eleven themes and groups', () => {
      expect(data.targets.length).toBeGreaterThanOrEqual(36);
      expect(data.targets.length).toBeLessThanOrEqual(46);
      expect(duplicates(data.targets.map((t) => t.code))).toEqual([]);
      for (const key of themeKeys) expect(data.targets.some((t) => t.theme === key)).toBe(true);
      for (const t of data.targets) {
        expect(t.code).toMatch(/^(NI|LP) \d{1,3}$/);
        expect(t.title.length).toBeLessThanOrEqual(200);
        expect(t.unit.trim()).not.toBe('');
      }
    });

    it('resolves every theme and priority, and uses valid enums', () => {
      for (const t of data.targets) {
        expect(themeKeys.has(t.theme)).toBe(true);
        expect(t.priorities.length).toBeGreaterThan(0);
        expect(duplicates(t.priorities)).toEqual([]);
        for (const title of t.priorities) expect(priorityTitles.has(title)).toBe(true);
        expect(['increase', 'decrease']).toContain(t.direction);
        expect(['quarterly', 'annual']).toContain(t.frequency);
        expect(t.tolerancePercent).toBeGreaterThanOrEqual(0);
        expect(t.tolerancePercent).toBeLessThanOrEqual(25);
      }
      const increase = data.targets.filter((t) => t.direction === 'increase').length;
      const decrease = data.targets.filter((t) => t.direction === 'decrease').length;
      expect(increase).toBeGreaterThanOrEqual(10);
      expect(decrease).toBeGreaterThanOrEqual(10);
    });

    it('has a valid trajectory: baseline 2023-24-Q4, target by 2025-26-Q4, milestones inside, one per period', () => {
      for (const t of data.targets) {
        expect({ code: t.code, problems: trajectoryProblems(trajectory(t)) }).toEqual({ code: t.code, problems: [] });
        expect(t.baselinePeriod).toBe(BASELINE);
        expect(periodIndex(t.targetPeriod)).toBeLessThanOrEqual(periodIndex(data.demoPeriod));
        expect(periodIndex(t.targetPeriod)).toBeGreaterThan(periodIndex(t.baselinePeriod));
        const periods = t.milestones.map((m) => periodIndex(m.period));
        expect(duplicates(periods)).toEqual([]);
        for (const at of periods) {
          expect(at).toBeGreaterThan(periodIndex(t.baselinePeriod));
          expect(at).toBeLessThan(periodIndex(t.targetPeriod));
        }
      }
      expect(data.targets.filter((t) => t.milestones.length > 0).length).toBeGreaterThanOrEqual(5);
    });

    it('has 4–6 annual targets whose periods and returns are all Q4', () => {
      const annual = data.targets.filter((t) => t.frequency === 'annual');
      expect(annual.length).toBeGreaterThanOrEqual(4);
      expect(annual.length).toBeLessThanOrEqual(6);
      for (const t of annual) {
        expect(toPeriod(t.baselinePeriod).quarter).toBe(4);
        expect(toPeriod(t.targetPeriod).quarter).toBe(4);
        for (const m of t.milestones) expect(toPeriod(m.period).quarter).toBe(4);
        for (const u of t.progress) expect(toPeriod(u.period).quarter).toBe(4);
      }
    });

    it('keeps values consistent with units and direction', () => {
      for (const t of data.targets) {
        const values = [t.baselineValue, t.targetValue, ...t.milestones.map((m) => m.value), ...t.progress.map((u) => u.value)];
        for (const v of values) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          if (t.unit === '%') expect(v).toBeLessThanOrEqual(100);
        }
        // The final target is better than the baseline in the target's direction.
        if (t.direction === 'increase') expect(t.targetValue).toBeGreaterThan(t.baselineValue);
        else expect(t.targetValue).toBeLessThan(t.baselineValue);
        // Cumulative counts never go down.
        if (/cumulative/i.test(t.title)) {
          const ordered = [...t.progress].sort((a, b) => periodIndex(a.period) - periodIndex(b.period));
          for (let i = 1; i < ordered.length; i++) expect(ordered[i].value).toBeGreaterThanOrEqual(ordered[i - 1].value);
        }
      }
    });

    it('assigns every target: a lead, supporting partnerships, an accountable officer and 1–4 actions', () => {
      for (const t of data.targets) {
        const a = t.assignment;
        expect(partnershipByKey.has(a.lead)).toBe(true);
        expect(a.supporting.length).toBeLessThanOrEqual(4);
        expect(duplicates(a.supporting)).toEqual([]);
        expect(a.supporting).not.toContain(a.lead);
        for (const key of a.supporting) expect(partnershipByKey.has(key)).toBe(true);
        expect(a.officer.name.trim()).not.toBe('');
        expect(a.officer.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.example$/);
        expect(a.actions.length).toBeGreaterThanOrEqual(1);
        expect(a.actions.length).toBeLessThanOrEqual(4);
        for (const action of a.actions) {
          expect(action.description.trim()).not.toBe('');
          expect(action.owner.trim()).not.toBe('');
          expect(ACTION_STATUSES).toContain(action.status);
          expect(isIsoDate(action.dueDate)).toBe(true);
          expect(Number(action.dueDate.slice(0, 4))).toBeGreaterThanOrEqual(2024);
          expect(Number(action.dueDate.slice(0, 4))).toBeLessThanOrEqual(2026);
          // Overdue actions were due before the end of the demo period.
          if (action.status === 'overdue') expect(action.dueDate < '2026-03-31').toBe(true);
        }
      }
      expect(data.targets.filter((t) => t.assignment.supporting.length > 0).length).toBeGreaterThanOrEqual(
        Math.ceil(data.targets.length * 0.75),
      );
      for (const s of ACTION_STATUSES) {
        expect(data.targets.some((t) => t.assignment.actions.some((a) => a.status === s))).toBe(true);
      }
      // Thematic partnerships lead most targets; every thematic partnership leads at least one.
      for (const p of data.partnerships.filter((x) => x.kind === 'thematic')) {
        expect({ partnership: p.key, leads: data.targets.some((t) => t.assignment.lead === p.key) }).toEqual({
          partnership: p.key,
          leads: true,
        });
      }
    });

    it('logs progress only for due periods between baseline and target period, one per period', () => {
      for (const t of data.targets) {
        expect(duplicates(t.progress.map((u) => u.period))).toEqual([]);
        for (const u of t.progress) {
          expect(isValidPeriod(u.period)).toBe(true);
          expect(periodIndex(u.period)).toBeGreaterThan(periodIndex(t.baselinePeriod));
          expect(periodIndex(u.period)).toBeLessThanOrEqual(periodIndex(t.targetPeriod));
          expect(periodIndex(u.period)).toBeGreaterThanOrEqual(periodIndex(FIRST_QUARTER));
          expect(isReturnDue(t, u.period)).toBe(true);
          expect(PROGRESS_STATUSES).toContain(u.status);
          expect(u.commentary.trim().length).toBeGreaterThan(10);
          expect(u.commentary.length).toBeLessThanOrEqual(2000);
          if (u.status === 'returned') expect((u.returnReason ?? '').trim().length).toBeGreaterThan(20);
          else expect(u.returnReason).toBeUndefined();
        }
      }
    });

    it('has earlier quarters mostly approved, with only the odd gap', () => {
      const earlier = data.targets.flatMap((t) =>
        t.progress.filter((u) => periodIndex(u.period) < periodIndex(data.demoPeriod)),
      );
      const approved = earlier.filter((u) => u.status === 'approved').length;
      expect(approved / earlier.length).toBeGreaterThanOrEqual(0.97);
      let due = 0;
      for (const t of data.targets) {
        for (let i = periodIndex(FIRST_QUARTER); i < periodIndex(data.demoPeriod); i++) {
          if (isReturnDue(t, periodFromIndex(i))) due++;
        }
      }
      expect(earlier.length / due).toBeGreaterThanOrEqual(0.95);
    });
  });

  describe(`the board picture for the demo period`, () => {
    const now = picture(data.demoPeriod);

    it('is roughly 45% green, 20% amber, 15% red, the rest no data', () => {
      const n = data.targets.length;
      expect(now.targets).toHaveLength(n);
      const share = (k: keyof RagCountsDto) => now.summary.counts[k] / n;
      expect(share('green')).toBeGreaterThanOrEqual(0.38);
      expect(share('green')).toBeLessThanOrEqual(0.52);
      expect(share('amber')).toBeGreaterThanOrEqual(0.15);
      expect(share('amber')).toBeLessThanOrEqual(0.25);
      expect(share('red')).toBeGreaterThanOrEqual(0.12);
      expect(share('red')).toBeLessThanOrEqual(0.2);
      expect(share('noData')).toBeGreaterThanOrEqual(0.15);
      expect(share('noData')).toBeLessThanOrEqual(0.28);
    });

    it('shows several improvements and deteriorations since last quarter, at least two newly red', () => {
      expect(now.improved.length).toBeGreaterThanOrEqual(3);
      expect(now.worsened.length).toBeGreaterThanOrEqual(3);
      expect(now.newlyRed.length).toBeGreaterThanOrEqual(2);
      // Newly red means it was rated last quarter, not merely unreported.
      for (const code of now.newlyRed) {
        expect(now.targets.find((t) => t.code === code)!.previousRag).not.toBe('no-data');
      }
    });

    it('has updates in every state in the demo period: returned, submitted and draft', () => {
      expect(now.byStatus.returned.length).toBeGreaterThanOrEqual(1);
      expect(now.byStatus.submitted.length).toBeGreaterThanOrEqual(2);
      expect(now.byStatus.draft.length).toBeGreaterThanOrEqual(2);
      const returned = data.targets.find((t) => t.code === now.byStatus.returned[0])!;
      expect(returned.progress.find((u) => u.period === data.demoPeriod)?.returnReason).toMatch(/\w+ \w+ \w+/);
    });

    it('has 5–7 targets with no update at all, and at least five missing returns across three or more partnerships', () => {
      expect(now.noUpdate.length).toBeGreaterThanOrEqual(5);
      expect(now.noUpdate.length).toBeLessThanOrEqual(7);
      expect(new Set(now.noUpdate.map((m) => m.lead)).size).toBeGreaterThanOrEqual(3);
      expect(now.missing.length).toBeGreaterThanOrEqual(5);
      expect(new Set(now.missing.map((m) => m.lead)).size).toBeGreaterThanOrEqual(3);
      // Missing returns are exactly the due targets without a submitted or approved update.
      const expected = now.noUpdate.length + now.byStatus.draft.length + now.byStatus.returned.length;
      expect(now.missing.length).toBe(expected);
    });

    it('gives red and worsening targets a commentary, risks and next actions the report can quote', () => {
      const quoted = now.targets.filter((t) => t.rag === 'red' || now.worsened.includes(t.code));
      expect(quoted.length).toBeGreaterThan(0);
      for (const { update } of quoted) {
        const u = update!;
        expect(u.commentary!.length).toBeGreaterThan(60);
        expect((u.risks ?? '').length).toBeGreaterThan(20);
        expect((u.nextActions ?? '').length).toBeGreaterThan(20);
      }
    });

    it('had a rated picture last quarter too (the report compares against it)', () => {
      const before = picture(previousPeriod(data.demoPeriod));
      expect(before.summary.counts.noData).toBeLessThan(now.summary.counts.noData);
      expect(before.summary.counts.green + before.summary.counts.amber + before.summary.counts.red).toBeGreaterThanOrEqual(Math.floor(data.targets.length * 0.8));
    });
  });
});

