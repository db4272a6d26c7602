import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/roles';
import { notFound, validationFailed } from '../common/api-errors';
import { Page, skipTake, toPage } from '../common/pagination';
import { periodEnd } from '../domain/period';
import { returnDeadline } from '../domain/deadlines';
import { stamp } from '../database/tracked';
import { Db, Transactional } from '../database/transactions';
import { StrategiesService } from '../strategies/strategies.service';
import { ListReturnDeadlinesQuery, ReturnDeadlineDto, SetReturnDeadlineDto } from './dto/return-deadline.dto';
import { ReturnDeadline } from './return-deadline.entity';

/** Per-quarter return deadlines: the strategy's rule, and the quarters a coordinator has overridden. */
@Injectable()
export class DeadlinesService {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly db: Db,
  ) {}

  /** The deadline in force for one quarter of a strategy. */
  async forPeriod(strategyId: string, period: string): Promise<ReturnDeadlineDto> {
    const strategy = await this.strategies.find(strategyId);
    const override = await this.db.tx.findOneBy(ReturnDeadline, { strategyId, period });
    return toDto(period, strategy.returnDeadlineDays, override?.deadline ?? null);
  }

  /** The quarters whose deadline a coordinator has set, oldest first. */
  async listOverrides(strategyId: string, query: ListReturnDeadlinesQuery): Promise<Page<ReturnDeadlineDto>> {
    const strategy = await this.strategies.find(strategyId);
    const [rows, total] = await this.db.tx.findAndCount(ReturnDeadline, { where: { strategyId }, order: { period: 'ASC' }, ...skipTake(query) });
    return toPage(rows.map((r) => toDto(r.period, strategy.returnDeadlineDays, r.deadline)), total, query);
  }

  @Transactional()
  async setOverride(strategyId: string, period: string, dto: SetReturnDeadlineDto, actor: Actor): Promise<ReturnDeadlineDto> {
    const strategy = await this.strategies.find(strategyId);
    // A deadline before the quarter has ended would make every return late before it could be written.
    const quarterEnd = periodEnd(period).toISOString().slice(0, 10);
    if (dto.deadline < quarterEnd) {
      throw validationFailed([{ field: 'deadline', message: `deadline must not be before the end of ${period} (${quarterEnd})` }]);
    }
    const m = this.db.tx;
    const row = (await m.findOneBy(ReturnDeadline, { strategyId, period })) ?? m.create(ReturnDeadline, { strategyId, period });
    row.deadline = dto.deadline;
    await m.save(stamp(row, actor));
    return toDto(period, strategy.returnDeadlineDays, dto.deadline);
  }

  @Transactional()
  async removeOverride(strategyId: string, period: string): Promise<void> {
    await this.strategies.find(strategyId);
    const result = await this.db.tx.delete(ReturnDeadline, { strategyId, period });
    if (!result.affected) throw notFound('Return deadline override for', `${period} of strategy ${strategyId}`);
  }

  /** The override for one quarter, or null: for the summary, which applies the rule itself. */
  async overrideFor(strategyId: string, period: string): Promise<string | null> {
    return (await this.db.tx.findOneBy(ReturnDeadline, { strategyId, period }))?.deadline ?? null;
  }
}

function toDto(period: string, days: number, override: string | null): ReturnDeadlineDto {
  const defaultDeadline = returnDeadline(period, days);
  return { period, deadline: override ?? defaultDeadline, defaultDeadline, overridden: override !== null };
}
