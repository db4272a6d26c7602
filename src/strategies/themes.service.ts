import type { Actor } from '../auth/roles';
import { stamp } from '../database/tracked';
import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, In, Repository } from 'typeorm';
import { notFound } from '../common/api-errors';
import { Page, skipTake, toPage } from '../common/pagination';
import { ReferenceChecks } from '../database/reference-checks';
import { Db, Transactional } from '../database/transactions';
import { CreateThemeDto, ListThemesQuery, ThemeDto, UpdateThemeDto } from './dto/theme.dto';
import { StrategiesService } from './strategies.service';
import { toThemeDto } from './strategy.mapper';
import { Theme } from './theme.entity';

@Injectable()
export class ThemesService {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly db: Db,
    private readonly references: ReferenceChecks,
  ) {
    references.register('strategy', 'themes', (id) => this.db.tx.count(Theme, { where: { strategyId: id } }));
  }

  private get themes(): Repository<Theme> {
    return this.db.tx.getRepository(Theme);
  }

  async list(strategyId: string, query: ListThemesQuery): Promise<Page<ThemeDto>> {
    await this.strategies.find(strategyId);
    const where: FindOptionsWhere<Theme> = { strategyId };
    if (query.kind) where.kind = query.kind;
    const [rows, total] = await this.themes.findAndCount({
      where,
      order: { position: 'ASC', title: 'ASC', id: 'ASC' },
      ...skipTake(query),
    });
    return toPage(rows.map(toThemeDto), total, query);
  }

  async get(id: string): Promise<ThemeDto> {
    return toThemeDto(await this.find(id));
  }

  async find(id: string): Promise<Theme> {
    const found = await this.themes.findOneBy({ id });
    if (!found) throw notFound('Theme', id);
    return found;
  }

  /** The themes with these ids that exist. */
  findMany(ids: string[]): Promise<Theme[]> {
    return ids.length ? this.themes.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Every theme of a strategy. */
  ofStrategy(strategyId: string): Promise<Theme[]> {
    return this.themes.findBy({ strategyId });
  }

  @Transactional()
  async create(strategyId: string, dto: CreateThemeDto, actor: Actor): Promise<ThemeDto> {
    const manager = this.db.tx;
    await this.strategies.find(strategyId);
    const position =
      dto.position ?? (await manager.count(Theme, { where: { strategyId } }));
    const theme = manager.create(Theme, {
      strategyId,
      title: dto.title,
      kind: dto.kind ?? 'theme',
      description: dto.description ?? null,
      position,
    });
    return toThemeDto(await manager.save(stamp(theme, actor)));
  }

  @Transactional()
  async update(id: string, dto: UpdateThemeDto, actor: Actor): Promise<ThemeDto> {
    const manager = this.db.tx;
    const theme = await this.find(id);
    manager.merge(Theme, theme, dto);
    return toThemeDto(await manager.save(stamp(theme, actor)));
  }

  /** Deleting a theme unlinks it from priorities; it is refused while targets belong to it. */
  @Transactional()
  async remove(id: string): Promise<void> {
    const manager = this.db.tx;
    const theme = await this.find(id);
    await this.references.assertUnreferenced('theme', id, `Theme "${theme.title}"`);
    await manager.remove(theme);
  }
}
