import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Assignment } from '../assignments/assignment.entity';
import { Clock } from '../common/clock';
import { unprocessable } from '../common/api-errors';
import { latestCompletedPeriod } from '../domain/period';
import { Partnership } from '../partnerships/partnership.entity';
import { ProgressUpdate } from '../progress/progress-update.entity';
import { StrategiesService } from '../strategies/strategies.service';
import { Theme } from '../strategies/theme.entity';
import { Target } from '../targets/target.entity';
import { computeSummary, SummaryTarget } from './compute-summary';
import { SummaryQuery } from './dto/summary-query.dto';
import { StrategySummaryDto } from './summary.dto';

/** Loads what a summary needs in a handful of queries (no per-target round trips) and computes it. */
@Injectable()
export class SummaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly strategies: StrategiesService,
    private readonly clock: Clock,
  ) {}

  /** The period a report defaults to: the latest quarter that has ended. */
  defaultPeriod(): string {
    return latestCompletedPeriod(this.clock.now());
  }

  async summarise(strategyId: string, query: SummaryQuery): Promise<StrategySummaryDto> {
    const m = this.dataSource.manager;
    const strategy = await this.strategies.find(strategyId);
    const period = query.period ?? this.defaultPeriod();
    const [lead, themes] = await Promise.all([
      m.findOneBy(Partnership, { id: strategy.leadPartnershipId }),
      m.find(Theme, { where: { strategyId } }),
    ]);
    if (query.themeId && !themes.some((t) => t.id === query.themeId)) {
      throw unprocessable('Unknown theme', [{ field: 'themeId', message: `theme ${query.themeId} is not a theme of this strategy` }]);
    }
    if (query.partnershipId && !(await m.existsBy(Partnership, { id: query.partnershipId }))) {
      throw unprocessable('Unknown partnership', [{ field: 'partnershipId', message: `partnership ${query.partnershipId} does not exist` }]);
    }

    const targets = await m.find(Target, {
      where: { strategyId, archived: false, ...(query.themeId ? { themeId: query.themeId } : {}) },
      relations: { milestones: true },
    });
    const ids = targets.map((t) => t.id);
    const [assignments, updates] = ids.length
      ? await Promise.all([
          m.find(Assignment, {
            where: { targetId: In(ids), status: 'active' },
            relations: { partnership: true, supportingPartnerships: true },
          }),
          m
            .createQueryBuilder(ProgressUpdate, 'u')
            .innerJoin(Target, 't', 't.id = u.targetId')
            .where('t.strategyId = :strategyId', { strategyId })
            .getMany(),
        ])
      : [[], []];

    const assignmentOf = new Map(assignments.map((a) => [a.targetId, a]));
    const updatesOf = new Map<string, ProgressUpdate[]>();
    for (const u of updates) updatesOf.set(u.targetId, [...(updatesOf.get(u.targetId) ?? []), u]);

    const summaryTargets: SummaryTarget[] = targets
      .filter((t) => !query.partnershipId || assignmentOf.get(t.id)?.partnershipId === query.partnershipId)
      .map((t) => {
        const a = assignmentOf.get(t.id);
        return {
          id: t.id,
          code: t.code,
          title: t.title,
          themeId: t.themeId,
          unit: t.unit,
          direction: t.direction,
          frequency: t.frequency,
          tolerancePercent: t.tolerancePercent,
          baselineValue: t.baselineValue,
          baselinePeriod: t.baselinePeriod,
          targetValue: t.targetValue,
          targetPeriod: t.targetPeriod,
          milestones: (t.milestones ?? []).map((ms) => ({ period: ms.period, value: ms.value })),
          lead: a
            ? { partnershipId: a.partnershipId, partnershipName: a.partnership?.name ?? '', officerName: a.officerName, officerEmail: a.officerEmail }
            : null,
          supportingPartnerships: (a?.supportingPartnerships ?? []).map((p) => ({ id: p.id, name: p.name })).sort((x, y) => x.name.localeCompare(y.name)),
          updates: (updatesOf.get(t.id) ?? []).map((u) => ({
            id: u.id,
            period: u.period,
            value: u.value,
            status: u.status,
            commentary: u.commentary,
            risks: u.risks,
            nextActions: u.nextActions,
          })),
        };
      });

    return computeSummary({
      strategy: { id: strategy.id, title: strategy.title, area: strategy.area, vision: strategy.vision, leadPartnershipName: lead?.name ?? '' },
      period,
      themes: themes.map((t) => ({ id: t.id, title: t.title, kind: t.kind, position: t.position })),
      targets: summaryTargets,
      scoped: Boolean(query.themeId || query.partnershipId),
    });
  }
}
