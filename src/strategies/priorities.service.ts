import type { Actor } from '../auth/roles';
import { stamp } from '../database/tracked';
import { Injectable } from '@nestjs/common';
import { In, Repository } from 'typeorm';
import { FieldError, notFound, unprocessable } from '../common/api-errors';
import { Page, skipTake, toPage } from '../common/pagination';
import { ReferenceChecks } from '../database/reference-checks';
import { Db, Transactional } from '../database/transactions';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { CreatePriorityDto, ListPrioritiesQuery, PriorityDto, UpdatePriorityDto } from './dto/priority.dto';
import { Priority } from './priority.entity';
import { StrategiesService } from './strategies.service';
import { toPriorityDto } from './strategy.mapper';
import { Theme } from './theme.entity';

@Injectable()
export class PrioritiesService {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly partnerships: PartnershipsService,
    private readonly db: Db,
    private readonly references: ReferenceChecks,
  ) {
    references.register('strategy', 'priorities', (id) => this.db.tx.count(Priority, { where: { strategyId: id } }));
    references.register('partnership', 'local priorities', (id) =>
      this.db.tx.count(Priority, { where: { partnershipId: id } }),
    );
  }

  private get priorities(): Repository<Priority> {
    return this.db.tx.getRepository(Priority);
  }

  async list(strategyId: string, query: ListPrioritiesQuery): Promise<Page<PriorityDto>> {
    await this.strategies.find(strategyId);
    const qb = this.priorities
      .createQueryBuilder('priority')
      .where('priority.strategyId = :strategyId', { strategyId })
      .orderBy('priority.title', 'ASC')
      .addOrderBy('priority.id', 'ASC');
    if (query.kind) qb.andWhere('priority.kind = :kind', { kind: query.kind });
    if (query.partnershipId) qb.andWhere('priority.partnershipId = :pid', { pid: query.partnershipId });
    if (query.themeId) {
      qb.andWhere(
        'priority.id IN (SELECT pt."priorityId" FROM priority_themes pt WHERE pt."themeId" = :themeId)',
        { themeId: query.themeId },
      );
    }
    const { skip, take } = skipTake(query);
    const [rows, total] = await qb.skip(skip).take(take).getManyAndCount();
    await this.loadThemes(rows);
    return toPage(rows.map(toPriorityDto), total, query);
  }

  async get(id: string): Promise<PriorityDto> {
    return toPriorityDto(await this.find(id));
  }

  async find(id: string): Promise<Priority> {
    const found = await this.priorities.findOne({
      where: { id },
      relations: { themes: true },
    });
    if (!found) throw notFound('Priority', id);
    return found;
  }

  /** The priorities with these ids that exist. */
  findMany(ids: string[]): Promise<Priority[]> {
    return ids.length ? this.priorities.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  @Transactional()
  async create(strategyId: string, dto: CreatePriorityDto, actor: Actor): Promise<PriorityDto> {
    const manager = this.db.tx;
    await this.strategies.find(strategyId);
    const partnershipId = dto.partnershipId ?? null;
    await this.assertOwnership(dto.kind, partnershipId);
    const themes = await this.themesOfStrategy(strategyId, dto.themeIds ?? []);
    const priority = manager.create(Priority, { strategyId, title: dto.title, kind: dto.kind, partnershipId, themes });
    return toPriorityDto(await manager.save(stamp(priority, actor)));
  }

  @Transactional()
  async update(id: string, dto: UpdatePriorityDto, actor: Actor): Promise<PriorityDto> {
    const manager = this.db.tx;
    const priority = await this.find(id);
    const kind = dto.kind ?? priority.kind;
    const partnershipId = dto.partnershipId !== undefined ? dto.partnershipId : priority.partnershipId;
    if (dto.kind !== undefined || dto.partnershipId !== undefined) {
      await this.assertOwnership(kind, partnershipId);
    }
    if (dto.themeIds) {
      priority.themes = await this.themesOfStrategy(priority.strategyId, dto.themeIds);
    }
    if (dto.title !== undefined) priority.title = dto.title;
    priority.kind = kind;
    priority.partnershipId = partnershipId;
    return toPriorityDto(await manager.save(stamp(priority, actor)));
  }

  @Transactional()
  async remove(id: string): Promise<void> {
    const manager = this.db.tx;
    const priority = await this.find(id);
    await this.references.assertUnreferenced('priority', id, `Priority "${priority.title}"`);
    await manager.remove(priority);
  }

  /** A local priority belongs to one partnership; a cross-cutting one to the whole strategy. */
  private async assertOwnership(kind: string, partnershipId: string | null) {
    if (kind === 'local' && !partnershipId) {
      throw unprocessable('A local priority must name the partnership it belongs to', [
        { field: 'partnershipId', message: 'partnershipId is required when kind is local' },
      ]);
    }
    if (kind === 'cross-cutting' && partnershipId) {
      throw unprocessable('A cross-cutting priority belongs to the whole strategy, not one partnership', [
        { field: 'partnershipId', message: 'partnershipId must be empty when kind is cross-cutting' },
      ]);
    }
    if (partnershipId) await this.partnerships.findReferenced(partnershipId, 'partnershipId');
  }

  private async themesOfStrategy(strategyId: string, themeIds: string[]): Promise<Theme[]> {
    const manager = this.db.tx;
    if (themeIds.length === 0) return [];
    const themes = await manager.findBy(Theme, { id: In(themeIds) });
    const errors: FieldError[] = [];
    themeIds.forEach((themeId, index) => {
      const theme = themes.find((t) => t.id === themeId);
      if (!theme) {
        errors.push({ field: `themeIds.${index}`, message: `theme ${themeId} does not exist` });
      } else if (theme.strategyId !== strategyId) {
        errors.push({ field: `themeIds.${index}`, message: `theme ${themeId} belongs to another strategy` });
      }
    });
    if (errors.length > 0) throw unprocessable('Every theme must belong to the same strategy', errors);
    return themes;
  }

  private async loadThemes(rows: Priority[]): Promise<void> {
    if (rows.length === 0) return;
    const withThemes = await this.priorities.find({
      where: { id: In(rows.map((r) => r.id)) },
      relations: { themes: true },
    });
    const byId = new Map(withThemes.map((p) => [p.id, p.themes ?? []]));
    for (const row of rows) row.themes = byId.get(row.id) ?? [];
  }
}
