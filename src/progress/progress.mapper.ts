import { isBefore, periodLabel } from '../domain/period';
import { directionOfTravel, ragStatus } from '../domain/status';
import { expectedValue } from '../domain/trajectory';
import type { Target } from '../targets/target.entity';
import { trajectoryOf } from '../targets/target-rules';
import { ProgressUpdateDto } from './dto/progress.dto';
import { ProgressUpdate } from './progress-update.entity';

/**
 * The update as the API shows it, with what its figure scores: the expected value at its
 * period, its RAG, and its direction of travel against the latest approved figure before it.
 * `approved` is the target's approved updates (any order). `expectedOf` is the target's expected
 * value by period, for callers that already have it (`expectedValues`, once per target).
 */
export function toProgressDto(
  u: ProgressUpdate,
  target: Target,
  approved: ProgressUpdate[],
  expectedOf: (period: string) => number | null = (period) => expectedValue(trajectoryOf(target), period),
): ProgressUpdateDto {
  const expected = expectedOf(u.period)!;
  const previous = approved
    .filter((a) => isBefore(a.period, u.period))
    .reduce<ProgressUpdate | null>((latest, a) => (!latest || isBefore(latest.period, a.period) ? a : latest), null);
  return {
    id: u.id,
    targetId: u.targetId,
    period: u.period,
    periodLabel: periodLabel(u.period),
    value: u.value,
    commentary: u.commentary,
    risks: u.risks,
    nextActions: u.nextActions,
    status: u.status,
    returnReason: u.returnReason,
    submittedAt: u.submittedAt,
    submittedById: u.submittedById,
    decidedAt: u.decidedAt,
    decidedById: u.decidedById,
    version: u.version,
    expected,
    rag: ragStatus({ expected, actual: u.value, direction: target.direction, tolerancePercent: target.tolerancePercent }),
    directionOfTravel: previous ? directionOfTravel(previous.value, u.value, target.direction) : null,
    createdById: u.createdById,
    updatedById: u.updatedById,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}
