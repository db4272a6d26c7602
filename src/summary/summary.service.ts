import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Assignment } from '../assignments/assignment.entity';
import { Clock } from '../common/clock';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { returnDeadline } from '../domain/deadlines';
import { unprocessable } from '../common/api-errors';
import { latestCompletedPeriod } from '../domain/period';
import { Partnership } from '../partnerships/partnership.entity';
import { ProgressUpdate } from '../progress/progress-update.entity';
import { StrategiesService } from '../strategies/strategies.service';
import { Theme } from '../strategies/theme.entity';
import { Target } from '../targets/target.entity';
import { computeSummary, SummaryInput, SummaryTarget, SummaryUpdate, targetFields } from './compute-summary';
import { SummaryCache } from './summary-cache';
import { SummaryQuery } from './dto/summary-query.dto';
import { StrategySummaryDto } from './summary.dto';

/**
 * Loads what a summary needs in a handful of queries (no per-target round trips) and computes it.
 *
 * A documented read model, and the one exception to "each module owns its tables"
 * (docs/ARCHITECTURE.md): the board summary, and the PDF pack built from it, need targets,
 * milestones, themes, assignments, partnerships and progress of a whole strategy at once. Asking
 * five services would mean five sets of bulk reads shaped only for this caller; reading the
 * tables here keeps it to a few queries and one place. It only reads, never writes, and the
 * boundary lint names this file, so a change to those entities is checked against it.
 */
@Injectable()
export class SummaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly strategies: StrategiesService,
    private readonly clock: Clock,
    private readonly deadlines: DeadlinesService,
    private readonly cache: SummaryCache,
  ) {}

  /** The period a report defaults to: the latest quarter that has ended. */
  defaultPeriod(): string {
    return latestCompletedPeriod(this.clock.now());
  }

  /**
   * Which data a summary of this strategy would be computed from now: its cache generations
   * (raised by every committed write that can change it, summary-invalidation.ts) and the UTC
   * day (deadline states move by whole days). Equal versions mean equal summaries, but for
   * `asOf`; null when the generations cannot be read (Redis down), so nothing may be shared.
   * A queued board pack is keyed by it, and the worker computes the summary itself.
   */
  async version(strategyId: string): Promise<string | null> {
    try {
      return `${await this.cache.generation(strategyId)}|${this.clock.now().toISOString().slice(0, 10)}`;
    } catch {
      return null;
    }
  }

  /** The 422 a summary of this scope would answer (unknown theme or partnership), without loading it. */
  async checkScope(strategyId: string, query: SummaryQuery): Promise<void> {
    const m = this.dataSource.manager;
    if (query.themeId && !(await m.existsBy(Theme, { id: query.themeId, strategyId }))) throw unknownTheme(query.themeId);
    if (query.partnershipId && !(await m.existsBy(Partnership, { id: query.partnershipId }))) throw unknownPartnership(query.partnershipId);
  }

  /**
   * Loaded once per (strategy, period, scope) until a write changes it (summary-cache.ts,
   * summary-invalidation.ts), and computed once per day: the clock only moves deadline states
   * by whole days (domain/deadlines.ts), so within a day only `asOf` differs.
   */
  async summarise(strategyId: string, query: SummaryQuery): Promise<StrategySummaryDto> {
    const { summary, now } = await this.ofToday(strategyId, query);
    return { ...summary, asOf: now };
  }

  /**
   * The same summary as a JSON body, serialised once per entry and day (a county summary is about
   * 650 KiB, and JSON.stringify, encoding and hashing it were most of the time of answering it
   * from the cache): `asOf`, the one field that moves with the clock, is written in front of the
   * rest. The ETag names the rest's hash and the asOf, so two different bodies never share one.
   */
  async summariseJson(strategyId: string, query: SummaryQuery): Promise<{ body: Buffer; etag: string }> {
    const { entry, summary, now } = await this.ofToday(strategyId, query);
    if (entry.json?.summary !== summary) {
      const { asOf: _asOf, ...rest } = summary;
      const text = JSON.stringify(rest);
      entry.json = { summary, rest: Buffer.from(`,${text.slice(1)}`), hash: createHash('sha1').update(text).digest('base64url') };
    }
    return {
      body: Buffer.concat([Buffer.from(`{"asOf":${JSON.stringify(now)}`), entry.json.rest]),
      etag: `W/"${entry.json.hash}-${Date.parse(now).toString(36)}"`,
    };
  }

  private async ofToday(strategyId: string, query: SummaryQuery): Promise<{ entry: CachedSummary; summary: StrategySummaryDto; now: string }> {
    const period = query.period ?? this.defaultPeriod();
    const scope = `${period}|${query.themeId ?? ''}|${query.partnershipId ?? ''}`;
    const entry = await this.cache.get(strategyId, scope, async (): Promise<CachedSummary> => ({ input: await this.load(strategyId, period, query), byDay: new Map() }));
    const now = this.clock.now().toISOString();
    const day = now.slice(0, 10);
    let summary = entry.byDay.get(day);
    if (!summary) {
      summary = computeSummary({ ...entry.input, now });
      entry.byDay.clear();
      entry.byDay.set(day, summary);
    }
    return { entry, summary, now };
  }

  private async load(strategyId: string, period: string, query: SummaryQuery): Promise<Omit<SummaryInput, 'now'>> {
    const m = this.dataSource.manager;
    const strategy = await this.strategies.find(strategyId);
    const [lead, themes, deadlineOverride] = await Promise.all([
      m.findOneBy(Partnership, { id: strategy.leadPartnershipId }),
      m.find(Theme, { where: { strategyId } }),
      this.deadlines.overrideFor(strategyId, period),
    ]);
    if (query.themeId && !themes.some((t) => t.id === query.themeId)) throw unknownTheme(query.themeId);
    if (query.partnershipId && !(await m.existsBy(Partnership, { id: query.partnershipId }))) throw unknownPartnership(query.partnershipId);

    const targets = await m.find(Target, {
      where: { strategyId, archived: false, ...(query.themeId ? { themeId: query.themeId } : {}) },
      relations: { milestones: true },
    });
    // Plain rows rather than entities: the summary reads thousands of updates and needs no
    // change tracking, and hydration was most of its time (bench/summary.ts).
    const [leads, supporters, updates] = targets.length
      ? await Promise.all([
          m
            .createQueryBuilder(Assignment, 'a')
            .innerJoin(Partnership, 'p', 'p.id = a.partnershipId')
            .select(['a.targetId AS "targetId"', 'a.partnershipId AS "partnershipId"', 'p.name AS "partnershipName"'])
            .addSelect(['a.officerName AS "officerName"', 'a.officerEmail AS "officerEmail"'])
            // strategyId is denormalised onto assignments and updates so these use an index, not a join through targets.
            .where('a.strategyId = :strategyId', { strategyId })
            .andWhere(`a.status = 'active'`)
            .getRawMany<LeadRow>(),
          m
            .createQueryBuilder(Assignment, 'a')
            .innerJoin('a.supportingPartnerships', 'p')
            .select(['a.targetId AS "targetId"', 'p.id AS "id"', 'p.name AS "name"'])
            // strategyId is denormalised onto assignments and updates so these use an index, not a join through targets.
            .where('a.strategyId = :strategyId', { strategyId })
            .andWhere(`a.status = 'active'`)
            .getRawMany<{ targetId: string; id: string; name: string }>(),
          m
            .createQueryBuilder(ProgressUpdate, 'u')
            .select(['u.id AS "id"', 'u.targetId AS "targetId"', 'u.period AS "period"', 'u.value AS "value"', 'u.status AS "status"'])
            .addSelect(['u.commentary AS "commentary"', 'u.risks AS "risks"', 'u.nextActions AS "nextActions"', 'u.submittedAt AS "submittedAt"'])
            .where('u.strategyId = :strategyId', { strategyId })
            // Codes sort as text in time order, so this keeps only what the report period can see.
            .andWhere('u.period <= :period', { period })
            .andWhere(`(u.status = 'approved' OR u.period = :period)`)
            .getRawMany<SummaryUpdate & { targetId: string }>(),
        ])
      : [[], [], []];

    const leadOf = new Map(leads.map((l) => [l.targetId, l]));
    const supportersOf = groupBy(supporters, (s) => s.targetId);
    const updatesOf = groupBy(updates, (u) => u.targetId);

    const summaryTargets: SummaryTarget[] = targets
      .filter((t) => !query.partnershipId || leadOf.get(t.id)?.partnershipId === query.partnershipId)
      .map((t) => {
        const lead = leadOf.get(t.id);
        return {
          ...targetFields(t),
          milestones: (t.milestones ?? []).map((ms) => ({ period: ms.period, value: ms.value })),
          lead: lead
            ? { partnershipId: lead.partnershipId, partnershipName: lead.partnershipName, officerName: lead.officerName, officerEmail: lead.officerEmail }
            : null,
          supportingPartnerships: (supportersOf.get(t.id) ?? []).map((p) => ({ id: p.id, name: p.name })).sort((x, y) => x.name.localeCompare(y.name)),
          updates: (updatesOf.get(t.id) ?? []).map((u) => ({ ...u, value: Number(u.value) })),
        };
      });

    return {
      strategy: { id: strategy.id, title: strategy.title, area: strategy.area, vision: strategy.vision, leadPartnershipName: lead?.name ?? '' },
      period,
      themes: themes.map((t) => ({ id: t.id, title: t.title, kind: t.kind, position: t.position })),
      targets: summaryTargets,
      scoped: Boolean(query.themeId || query.partnershipId),
      deadline: { date: returnDeadline(period, strategy.returnDeadlineDays, deadlineOverride), overridden: deadlineOverride !== null },
    };
  }
}

interface CachedSummary {
  input: Omit<SummaryInput, 'now'>;
  /** The summary computed on one UTC day (at most one day kept). */
  byDay: Map<string, StrategySummaryDto>;
  /** That summary as JSON without `asOf` and its opening brace, and the hash of its text. */
  json?: { summary: StrategySummaryDto; rest: Buffer; hash: string };
}

interface LeadRow {
  targetId: string;
  partnershipId: string;
  partnershipName: string;
  officerName: string;
  officerEmail: string;
}

function unknownTheme(themeId: string): Error {
  return unprocessable('Unknown theme', [{ field: 'themeId', message: `theme ${themeId} is not a theme of this strategy` }]);
}

function unknownPartnership(partnershipId: string): Error {
  return unprocessable('Unknown partnership', [{ field: 'partnershipId', message: `partnership ${partnershipId} does not exist` }]);
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
