import type { Actor } from '../auth/roles';
import { stamp } from '../database/tracked';
import { DEFAULT_RETURN_DEADLINE_DAYS } from '../domain/deadlines';
import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, Repository } from 'typeorm';
import { notFound, unprocessable } from '../common/api-errors';
import { Page, skipTake, toPage } from '../common/pagination';
import { ReferenceChecks } from '../database/reference-checks';
import { Db, Transactional } from '../database/transactions';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { CreateStrategyDto, ListStrategiesQuery, StrategyDto, UpdateStrategyDto } from './dto/strategy.dto';
import { toStrategyDto } from './strategy.mapper';
import { Strategy } from './strategy.entity';

@Injectable()
export class StrategiesService {
  constructor(
    private readonly partnerships: PartnershipsService,
    private readonly db: Db,
    private readonly references: ReferenceChecks,
  ) {
    references.register('partnership', 'strategies it leads', (id) =>
      this.db.tx.count(Strategy, { where: { leadPartnershipId: id } }),
    );
  }

  private get strategies(): Repository<Strategy> {
    return this.db.tx.getRepository(Strategy);
  }

  async list(query: ListStrategiesQuery): Promise<Page<StrategyDto>> {
    const where: FindOptionsWhere<Strategy> = {};
    if (query.status) where.status = query.status;
    if (query.leadPartnershipId) where.leadPartnershipId = query.leadPartnershipId;
    const [rows, total] = await this.strategies.findAndCount({
      where,
      order: { startDate: 'DESC', title: 'ASC', id: 'ASC' },
      ...skipTake(query),
    });
    return toPage(rows.map(toStrategyDto), total, query);
  }

  async get(id: string): Promise<StrategyDto> {
    return toStrategyDto(await this.find(id));
  }

  /** The strategy, or 404. */
  async find(id: string): Promise<Strategy> {
    const found = await this.strategies.findOneBy({ id });
    if (!found) throw notFound('Strategy', id);
    return found;
  }

  /** A strategy named by its id or its exact title (the CLI's way of naming it), or null. */
  findByIdOrTitle(ref: string, refIsId: boolean): Promise<Strategy | null> {
    return this.strategies.findOne({ where: refIsId ? [{ id: ref }, { title: ref }] : { title: ref } });
  }

  @Transactional()
  async create(dto: CreateStrategyDto, actor: Actor): Promise<StrategyDto> {
    const manager = this.db.tx;
    assertDates(dto.startDate, dto.endDate);
    await this.assertLeadIsLsp(dto.leadPartnershipId);
    const strategy = manager.create(Strategy, {
      ...dto,
      vision: dto.vision ?? null,
      status: dto.status ?? 'draft',
      returnDeadlineDays: dto.returnDeadlineDays ?? DEFAULT_RETURN_DEADLINE_DAYS,
    });
    return toStrategyDto(await manager.save(stamp(strategy, actor)));
  }

  @Transactional()
  async update(id: string, dto: UpdateStrategyDto, actor: Actor): Promise<StrategyDto> {
    const manager = this.db.tx;
    const strategy = await this.find(id);
    assertDates(dto.startDate ?? strategy.startDate, dto.endDate ?? strategy.endDate);
    if (dto.leadPartnershipId && dto.leadPartnershipId !== strategy.leadPartnershipId) {
      await this.assertLeadIsLsp(dto.leadPartnershipId);
    }
    manager.merge(Strategy, strategy, dto);
    return toStrategyDto(await manager.save(stamp(strategy, actor)));
  }

  @Transactional()
  async remove(id: string): Promise<void> {
    const manager = this.db.tx;
    const strategy = await this.find(id);
    await this.references.assertUnreferenced('strategy', id, `Strategy "${strategy.title}"`);
    await manager.remove(strategy);
  }

  private async assertLeadIsLsp(partnershipId: string): Promise<void> {
    const lead = await this.partnerships.findReferenced(partnershipId, 'leadPartnershipId');
    if (lead.kind !== 'lsp') {
      throw unprocessable('A strategy must be led by a Local Strategic Partnership', [
        { field: 'leadPartnershipId', message: `"${lead.name}" is a ${lead.kind} partnership, not an lsp` },
      ]);
    }
  }
}

function assertDates(startDate: string, endDate: string): void {
  if (endDate <= startDate) {
    throw unprocessable('The strategy must end after it starts', [
      { field: 'endDate', message: `endDate ${endDate} must be after startDate ${startDate}` },
    ]);
  }
}
