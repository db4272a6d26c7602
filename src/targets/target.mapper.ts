import { TargetDto } from './dto/target.dto';
import { sortMilestones } from './target-rules';
import { Target } from './target.entity';

export function toTargetDto(t: Target): TargetDto {
  return {
    id: t.id,
    strategyId: t.strategyId,
    themeId: t.themeId,
    priorityIds: (t.priorities ?? []).map((p) => p.id).sort(),
    code: t.code,
    title: t.title,
    description: t.description,
    unit: t.unit,
    direction: t.direction,
    baselineValue: t.baselineValue,
    baselinePeriod: t.baselinePeriod,
    targetValue: t.targetValue,
    targetPeriod: t.targetPeriod,
    milestones: sortMilestones(t.milestones ?? []).map((m) => ({ period: m.period, value: m.value })),
    tolerancePercent: t.tolerancePercent,
    frequency: t.frequency,
    archived: t.archived,
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}
