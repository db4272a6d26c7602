import { ApiProperty } from '@nestjs/swagger';

const RAG_OR_NO_DATA = ['green', 'amber', 'red', 'no-data'] as const;
const TRAVEL = ['improving', 'worsening', 'unchanged'] as const;

export class RagCountsDto {
  green: number;
  amber: number;
  red: number;
  /** Targets with no approved figure for the period they are judged on. */
  noData: number;
  total: number;
}

/** Change of status against the previous quarter's report, for the board's "what changed". */
export class MovementDto {
  /** Targets whose RAG got better (red → amber, amber → green, red → green). */
  improved: number;
  /** Targets whose RAG got worse. */
  worsened: number;
  /** Targets with the same RAG in both quarters. */
  unchanged: number;
  /** Red now, and not red (or no data) in the previous quarter. */
  newlyRed: number;
  /** Targets that have a RAG now but had no data in the previous quarter (or the reverse). */
  notComparable: number;
}

export class LeadDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  partnershipId: string;
  @ApiProperty({ maxLength: 200 })
  partnershipName: string;
  @ApiProperty({ maxLength: 200 })
  officerName: string;
  @ApiProperty({ format: 'email', maxLength: 320 })
  officerEmail: string;
}

export class PartnershipRefDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ maxLength: 200 })
  name: string;
}

/** The approved update a target is judged on. */
export class JudgedUpdateDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  /** @example "2025-26-Q2" */
  @ApiProperty({ maxLength: 10 })
  period: string;
  value: number;
  @ApiProperty({ maxLength: 10000 })
  commentary: string | null;
  @ApiProperty({ maxLength: 10000 })
  risks: string | null;
  @ApiProperty({ maxLength: 10000 })
  nextActions: string | null;
}

export class TrendPointDto {
  /** @example "2025-26-Q2" */
  @ApiProperty({ maxLength: 10 })
  period: string;
  /** Expected value on the trajectory; null before the baseline. */
  expected: number | null;
  /** Approved actual for that period, if any. */
  actual: number | null;
}

const FORECAST_OUTCOMES = ['likely-to-meet', 'at-risk', 'no-forecast'] as const;

/** Where the target is heading: a least-squares line through its most recent approved figures, read at the target period. */
export class ForecastDto {
  /** `at-risk` when the projection would be red at the target period; `no-forecast` with fewer than three approved figures. */
  @ApiProperty({ enum: FORECAST_OUTCOMES })
  outcome: 'likely-to-meet' | 'at-risk' | 'no-forecast';
  /** `least-squares`, or `actual` once the target period has an approved figure; null without a forecast. */
  @ApiProperty({ enum: ['least-squares', 'actual'], nullable: true })
  method: 'least-squares' | 'actual' | null;
  /** The most figures the line is fitted to (the latest ones). @example 4 */
  window: number;
  /** Approved figures the projection rests on. @example 4 */
  pointsUsed: number;
  @ApiProperty({ maxLength: 10, nullable: true })
  fromPeriod: string | null;
  @ApiProperty({ maxLength: 10, nullable: true })
  toPeriod: string | null;
  /** Projected value at the target period. @example 169.7 */
  projectedValue: number | null;
  /** Change per quarter of the fitted line. @example 9.9 */
  slopePerQuarter: number | null;
  /** The method in words. @example "Least-squares line through the 4 most recent approved figures (2025/26 Q1 to 2025/26 Q4), read at 2026/27 Q4" */
  @ApiProperty({ maxLength: 300 })
  description: string;
}

export class TargetSummaryDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  /** @example "NI 154" */
  @ApiProperty({ maxLength: 40 })
  code: string;
  @ApiProperty({ maxLength: 300 })
  title: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  themeId: string;
  /** @example "homes" */
  @ApiProperty({ maxLength: 60 })
  unit: string;
  @ApiProperty({ enum: ['increase', 'decrease'] })
  direction: 'increase' | 'decrease';
  @ApiProperty({ enum: ['quarterly', 'annual'] })
  frequency: 'quarterly' | 'annual';
  tolerancePercent: number;
  baselineValue: number;
  @ApiProperty({ maxLength: 10 })
  baselinePeriod: string;
  targetValue: number;
  @ApiProperty({ maxLength: 10 })
  targetPeriod: string;
  /** The period whose figure the target is judged on (the report period, or its latest due period: Q4 for annual targets). Null before the first return is due. */
  @ApiProperty({ maxLength: 10 })
  statusPeriod: string | null;
  /** Expected value at statusPeriod. */
  expected: number | null;
  /** Approved actual at statusPeriod. */
  actual: number | null;
  @ApiProperty({ enum: RAG_OR_NO_DATA })
  rag: 'green' | 'amber' | 'red' | 'no-data';
  /** Against the previous approved figure. */
  @ApiProperty({ enum: TRAVEL, nullable: true })
  directionOfTravel: 'improving' | 'worsening' | 'unchanged' | null;
  /** RAG in the previous quarter's report. */
  @ApiProperty({ enum: RAG_OR_NO_DATA })
  previousRag: 'green' | 'amber' | 'red' | 'no-data';
  /** The active lead assignment, if any. */
  lead: LeadDto | null;
  @ApiProperty({ type: () => [PartnershipRefDto], maxItems: 50 })
  supportingPartnerships: PartnershipRefDto[];
  /** The approved update at statusPeriod, with the partnership's commentary. */
  update: JudgedUpdateDto | null;
  /** Baseline to statusPeriod (or report period), for trend charts. */
  trend: TrendPointDto[];
  /** Projection to the target period from the approved figures up to the report period. */
  forecast: ForecastDto;
}

export class ThemeSummaryDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ maxLength: 200 })
  title: string;
  @ApiProperty({ enum: ['theme', 'population-group'] })
  kind: 'theme' | 'population-group';
  position: number;
  counts: RagCountsDto;
  targets: TargetSummaryDto[];
}

export class MissingReturnDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  targetId: string;
  @ApiProperty({ maxLength: 40 })
  code: string;
  @ApiProperty({ maxLength: 300 })
  title: string;
  /** The period the return is owed for. */
  @ApiProperty({ maxLength: 10 })
  period: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  partnershipId: string;
  @ApiProperty({ maxLength: 200 })
  partnershipName: string;
  @ApiProperty({ maxLength: 200 })
  officerName: string;
  @ApiProperty({ format: 'email', maxLength: 320 })
  officerEmail: string;
  /** A draft or returned update exists but has not been (re)submitted. */
  @ApiProperty({ enum: ['none', 'draft', 'returned'] })
  state: 'none' | 'draft' | 'returned';
  /** The last day the return is on time. @example "2026-04-30" */
  @ApiProperty({ format: 'date', maxLength: 10 })
  deadline: string;
  /** At the moment the summary was made (`asOf`). */
  @ApiProperty({ enum: ['upcoming', 'due-soon', 'overdue'] })
  deadlineState: 'upcoming' | 'due-soon' | 'overdue';
  /** Whole days past the deadline; 0 until it has passed. */
  daysOverdue: number;
  /** Whole days left (0 on the day); null once the deadline has passed. */
  daysLeft: number | null;
}

/** A return for the period that came in after its deadline. */
export class LateReturnDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  targetId: string;
  @ApiProperty({ maxLength: 40 })
  code: string;
  @ApiProperty({ maxLength: 300 })
  title: string;
  @ApiProperty({ maxLength: 10 })
  period: string;
  @ApiProperty({ maxLength: 200 })
  partnershipName: string;
  @ApiProperty({ maxLength: 200 })
  officerName: string;
  @ApiProperty({ format: 'date-time', maxLength: 30 })
  submittedAt: string;
  @ApiProperty({ format: 'date', maxLength: 10 })
  deadline: string;
  /** Whole days after the deadline it was submitted. */
  daysLate: number;
}

/** On track now (green or amber) but forecast to miss its target. */
export class AtRiskTargetDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  targetId: string;
  @ApiProperty({ maxLength: 40 })
  code: string;
  @ApiProperty({ maxLength: 300 })
  title: string;
  @ApiProperty({ enum: ['green', 'amber'] })
  rag: 'green' | 'amber';
  targetValue: number;
  @ApiProperty({ maxLength: 10 })
  targetPeriod: string;
  projectedValue: number;
  @ApiProperty({ maxLength: 200 })
  partnershipName: string | null;
}

export class ReturnDeadlineRefDto {
  @ApiProperty({ maxLength: 10 })
  period: string;
  /** @example "2026-04-30" */
  @ApiProperty({ format: 'date', maxLength: 10 })
  deadline: string;
  /** A coordinator set this quarter's deadline rather than quarter end + returnDeadlineDays. */
  overridden: boolean;
}

export class StrategyRefDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ maxLength: 300 })
  title: string;
  @ApiProperty({ maxLength: 200 })
  area: string;
  @ApiProperty({ maxLength: 10000 })
  vision: string | null;
  @ApiProperty({ maxLength: 200 })
  leadPartnershipName: string;
}

export class StrategySummaryDto {
  strategy: StrategyRefDto;
  /** @example "2025-26-Q2" */
  @ApiProperty({ maxLength: 10 })
  period: string;
  /** @example "2025/26 Q2 (Jul–Sep 2025)" */
  @ApiProperty({ maxLength: 40 })
  periodLabel: string;
  @ApiProperty({ maxLength: 10 })
  previousPeriod: string;
  counts: RagCountsDto;
  movement: MovementDto;
  /** Themes, then population groups, in report order; each target appears in its own theme only. */
  themes: ThemeSummaryDto[];
  missingReturns: MissingReturnDto[];
  /** The moment deadline states and days overdue were worked out at. */
  @ApiProperty({ format: 'date-time', maxLength: 30 })
  asOf: string;
  /** The deadline for the period's returns. */
  returnDeadline: ReturnDeadlineRefDto;
  @ApiProperty({ type: () => [LateReturnDto], maxItems: 100000 })
  lateReturns: LateReturnDto[];
  /** Targets on track now (green or amber) but forecast to miss, by code. */
  @ApiProperty({ type: () => [AtRiskTargetDto], maxItems: 100000 })
  atRisk: AtRiskTargetDto[];
}
