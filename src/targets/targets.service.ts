import { Injectable } from '@nestjs/common';
import { Brackets, In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/roles';
import { conflict, FieldError, notFound, unprocessable } from '../common/api-errors';
import { assertVersion } from '../common/version';
import { Page, skipTake, toPage } from '../common/pagination';
import { PaginationQuery } from '../common/pagination.dto';
import { HistoryEntryDto } from '../audit/dto/history.dto';
import { lockForUpdate } from '../database/locking';
import { jsonArray, parseJsonArray, PlainColumns } from '../database/plain-rows';
import { QueryShapes } from '../database/query-shapes';
import { ReferenceChecks } from '../database/reference-checks';
import { stamp } from '../database/tracked';
import { Db, Transactional } from '../database/transactions';
import type { Priority } from '../strategies/priority.entity';
import { PrioritiesService } from '../strategies/priorities.service';
import { StrategiesService } from '../strategies/strategies.service';
import { ThemesService } from '../strategies/themes.service';
import { CreateTargetDto, ListTargetsQuery, TargetDto, UpdateTargetDto } from './dto/target.dto';
import { Milestone } from './milestone.entity';
import { trajectoryErrors } from './target-rules';
import { toTargetDto } from './target.mapper';
import { Target } from './target.entity';

interface ListFilters {
  strategyId: string;
  archived: boolean;
  themeId?: string;
  direction?: string;
  frequency?: string;
  priorityId?: string;
  lead?: string;
  pattern?: string;
  [name: string]: unknown;
}

@Injectable()
export class TargetsService {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly themes: ThemesService,
    private readonly priorities: PrioritiesService,
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly references: ReferenceChecks,
  ) {
    references.register('strategy', 'targets', (id) => this.db.tx.count(Target, { where: { strategyId: id } }));
    references.register('theme', 'targets', (id) => this.db.tx.count(Target, { where: { themeId: id } }));
    references.register('priority', 'targets', (id) =>
      this.db.tx.createQueryBuilder().select().from('target_priorities', 'tp').where('tp."priorityId" = :id', { id }).getCount(),
    );
  }

  private get targets(): Repository<Target> {
    return this.db.tx.getRepository(Target);
  }

  /**
   * Who leads a target is the assignments module's to say (it imports this one, not the other
   * way round), so it registers the sub-query over its own table that lists the targets a
   * partnership leads; `list` uses it for ?leadPartnershipId.
   */
  private ledBy: ((param: string) => string) | null = null;

  registerLeadFilter(subquery: (param: string) => string): void {
    this.ledBy = subquery;
  }

  /** Every target of a strategy, with its milestones. */
  ofStrategy(strategyId: string): Promise<Target[]> {
    return this.targets.find({ where: { strategyId }, relations: { milestones: true } });
  }

  /** The ids of a strategy's targets. */
  async idsOf(strategyId: string): Promise<string[]> {
    return (await this.targets.find({ select: { id: true }, where: { strategyId } })).map((t) => t.id);
  }

  /** The targets with these ids that exist, with their milestones. */
  findMany(ids: string[]): Promise<Target[]> {
    return ids.length ? this.targets.find({ where: { id: In(ids) }, relations: { milestones: true } }) : Promise.resolve([]);
  }

  async list(strategyId: string, query: ListTargetsQuery): Promise<Page<TargetDto>> {
    const m = this.db.tx;
    const { skip, take } = skipTake(query);
    const filters = this.listFilters(strategyId, query);
    // The page is chosen first, then only its rows gather their milestones and priorities, and
    // the total rides along as a scalar sub-select: one query. (A COUNT(*) OVER () window made
    // SQLite build every row of the strategy before the limit: 3.6× slower, bench/targets-list.ts.)
    // Its SQL is built once per shape (which filters, which page): building it cost more CPU
    // than running it (src/database/query-shapes.ts).
    const shape = `${skip}:${take}:${Object.keys(filters).join(',')}`;
    const raw = await this.listShapes.raw<Record<string, unknown>>(m, shape, filters, (p) =>
      m
        .createQueryBuilder()
        .select('page.*')
        .addSelect(this.milestonesOf('page'), 'milestonesJson')
        .addSelect(this.priorityIdsOf('page'), 'priorityIdsJson')
        .addSelect((sub) => this.filtered(sub.select('COUNT(*)').from(Target, 'target'), p), 'total')
        .from((sub) => {
          const qb = sub
            .select(this.columns.select('target'))
            .from(Target, 'target')
            .orderBy('target.code', 'ASC')
            .offset(skip)
            .limit(take);
          return this.filtered(qb, p);
        }, 'page')
        .orderBy('page.code', 'ASC'),
    );
    // An empty page says nothing about the strategy: only then is it worth a second look.
    if (raw.length === 0) {
      await this.strategies.find(strategyId);
      const total = skip === 0 ? 0 : await this.filtered(m.createQueryBuilder(Target, 'target'), filters).getCount();
      return toPage([], total, query);
    }
    return toPage(raw.map((r) => this.toDto(r)), Number(raw[0].total), query);
  }

  private readonly listShapes = new QueryShapes();

  /** The list's query parameters: one entry per filter given, so the keys are the query's shape. */
  private listFilters(strategyId: string, query: ListTargetsQuery): ListFilters {
    const filters: ListFilters = { strategyId, archived: query.archived ?? false };
    if (query.themeId) filters.themeId = query.themeId;
    if (query.direction) filters.direction = query.direction;
    if (query.frequency) filters.frequency = query.frequency;
    if (query.priorityId) filters.priorityId = query.priorityId;
    if (query.leadPartnershipId) filters.lead = query.leadPartnershipId;
    if (query.q) filters.pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return filters;
  }

  private filtered<Q extends SelectQueryBuilder<ObjectLiteral>>(qb: Q, filters: Record<string, unknown>): Q {
    const { strategyId, archived, themeId, direction, frequency, priorityId, lead, pattern } = filters;
    qb.where('target.strategyId = :strategyId', { strategyId }).andWhere('target.archived = :archived', { archived });
    if ('themeId' in filters) qb.andWhere('target.themeId = :themeId', { themeId });
    if ('direction' in filters) qb.andWhere('target.direction = :direction', { direction });
    if ('frequency' in filters) qb.andWhere('target.frequency = :frequency', { frequency });
    if ('priorityId' in filters) {
      qb.andWhere('target.id IN (SELECT tp."targetId" FROM target_priorities tp WHERE tp."priorityId" = :priorityId)', { priorityId });
    }
    if ('lead' in filters) {
      if (!this.ledBy) throw new Error('no lead filter registered: the assignments module is not loaded');
      qb.andWhere(`target.id IN (${this.ledBy(':lead')})`, { lead });
    }
    if ('pattern' in filters) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(`LOWER(target.code) LIKE :pattern ESCAPE '\\'`, { pattern })
            .orWhere(`LOWER(target.title) LIKE :pattern ESCAPE '\\'`, { pattern }),
        ),
      );
    }
    return qb;
  }

  async get(id: string): Promise<TargetDto> {
    const raw = await this.plainTargets().where('target.id = :id', { id }).getRawOne<Record<string, unknown>>();
    if (!raw) throw notFound('Target', id);
    return this.toDto(raw);
  }

  /** Targets as plain rows, each carrying its milestones and priority ids as JSON: one query, no entities. */
  private plainTargets() {
    const m = this.db.tx;
    return m
      .createQueryBuilder(Target, 'target')
      .select(this.columns.select('target'))
      .addSelect(this.milestonesOf('target'), 'milestonesJson')
      .addSelect(this.priorityIdsOf('target'), 'priorityIdsJson');
  }

  private milestonesOf(alias: string): string {
    return jsonArray(this.db.tx, { period: 'ms.period', value: 'ms.value' }, `FROM milestones ms WHERE ms."targetId" = ${alias}.id`);
  }

  private priorityIdsOf(alias: string): string {
    return jsonArray(this.db.tx, 'tp."priorityId"', `FROM target_priorities tp WHERE tp."targetId" = ${alias}.id`);
  }

  private plainColumns?: PlainColumns<Target>;
  private get columns(): PlainColumns<Target> {
    return (this.plainColumns ??= new PlainColumns(this.db.tx, Target));
  }

  private toDto(raw: Record<string, unknown>): TargetDto {
    return toTargetDto(this.plainTarget(raw));
  }

  /** A target's fields, milestones (period and value) and priorities (id only) from one of `plainTargets`'s rows. */
  private plainTarget(raw: Record<string, unknown>): Target {
    const target = this.columns.read(raw);
    target.milestones = parseJsonArray<Milestone>(raw.milestonesJson);
    target.priorities = parseJsonArray<string>(raw.priorityIdsJson).map((id) => ({ id }) as Priority);
    return target;
  }

  /**
   * Every target of a strategy with its milestones (period and value) and priority ids, as plain
   * rows in one query: what the returns import checks rows against. (`ofStrategy`'s entities,
   * hydrated through a join, cost a 10,000-target import 100 MB of RSS: bench/import.ts.)
   */
  async plainOfStrategy(strategyId: string): Promise<Target[]> {
    const raws = await this.plainTargets().where('target.strategyId = :strategyId', { strategyId }).getRawMany<Record<string, unknown>>();
    return raws.map((raw) => this.plainTarget(raw));
  }

  /** The target with its milestones and priorities, or 404. */
  async find(id: string, lock = false): Promise<Target> {
    const repo = this.targets;
    // A locking read cannot join the to-many relations on PostgreSQL, so lock first, then load.
    if (lock && !(await repo.findOne({ where: { id }, ...lockForUpdate(this.db.tx) }))) {
      throw notFound('Target', id);
    }
    const found = await repo.findOne({ where: { id }, relations: { milestones: true, priorities: true } });
    if (!found) throw notFound('Target', id);
    return found;
  }

  @Transactional()
  async create(strategyId: string, dto: CreateTargetDto, actor: Actor): Promise<TargetDto> {
    const manager = this.db.tx;
    await this.strategies.find(strategyId);
    const frequency = dto.frequency ?? 'quarterly';
    const milestones = dto.milestones ?? [];
    this.assertTrajectory({ ...dto, frequency, milestones });
    await this.assertThemeOf(strategyId, dto.themeId);
    const priorities = await this.prioritiesOf(strategyId, dto.priorityIds ?? []);
    await this.assertCodeFree(strategyId, dto.code, null);
    const target = manager.create(Target, {
      strategyId,
      themeId: dto.themeId,
      priorities,
      code: dto.code,
      title: dto.title,
      description: dto.description ?? null,
      unit: dto.unit,
      direction: dto.direction,
      baselineValue: dto.baselineValue,
      baselinePeriod: dto.baselinePeriod,
      targetValue: dto.targetValue,
      targetPeriod: dto.targetPeriod,
      tolerancePercent: dto.tolerancePercent ?? 5,
      frequency,
      archived: false,
      version: 1,
      milestones: milestones.map((m) => manager.create(Milestone, { ...m, strategyId })),
    });
    const saved = toTargetDto(await manager.save(stamp(target, actor)));
    await this.audit.record({ entityType: 'target', entityId: saved.id, targetId: saved.id, action: 'created', actor, before: null, after: saved });
    return saved;
  }

  @Transactional()
  async update(id: string, dto: UpdateTargetDto, actor: Actor): Promise<TargetDto> {
    const manager = this.db.tx;
    const target = await this.find(id, true);
    assertVersion('Target', target.version, dto.version);
    const before = toTargetDto(target);
    const { version: _version, priorityIds, milestones, ...fields } = dto;
    const next = { ...before, ...definedOnly(fields), milestones: milestones ?? before.milestones };
    this.assertTrajectory(next);
    if (dto.themeId !== undefined && dto.themeId !== target.themeId) await this.assertThemeOf(target.strategyId, dto.themeId);
    if (dto.code !== undefined && dto.code !== target.code) await this.assertCodeFree(target.strategyId, dto.code, id);
    if (priorityIds !== undefined) target.priorities = await this.prioritiesOf(target.strategyId, priorityIds);
    if (milestones !== undefined) {
      // Replace, rather than diff: delete first so a re-dated milestone never meets the unique (target, period) index twice.
      await manager.delete(Milestone, { targetId: id });
      target.milestones = milestones.map((m) => manager.create(Milestone, { ...m, targetId: id, strategyId: target.strategyId }));
    }
    manager.merge(Target, target, definedOnly(fields));
    target.version += 1;
    const saved = toTargetDto(await manager.save(stamp(target, actor)));
    const action = dto.archived === true && !before.archived ? 'archived' : dto.archived === false && before.archived ? 'unarchived' : 'updated';
    await this.audit.record({ entityType: 'target', entityId: id, targetId: id, action, actor, before, after: saved });
    return saved;
  }

  /** A target without progress may be deleted; one with progress is archived instead, keeping its history. */
  @Transactional()
  async remove(id: string, actor: Actor): Promise<void> {
    const manager = this.db.tx;
    const target = await this.find(id, true);
    await this.references.assertUnreferenced('target', id, `Target ${target.code}`, '; archive it instead (PATCH with "archived": true)');
    const before = toTargetDto(target);
    await manager.remove(target);
    await this.audit.record({ entityType: 'target', entityId: id, targetId: id, action: 'deleted', actor, before, after: null });
  }

  async history(id: string, query: PaginationQuery): Promise<Page<HistoryEntryDto>> {
    await this.find(id);
    return this.audit.historyOfTarget(id, query);
  }

  private assertTrajectory(t: Parameters<typeof trajectoryErrors>[0]): void {
    const errors = trajectoryErrors(t);
    if (errors.length > 0) throw unprocessable('The trajectory is not valid', errors);
  }

  private async assertThemeOf(strategyId: string, themeId: string): Promise<void> {
    const [theme] = await this.themes.findMany([themeId]);
    if (!theme) throw unprocessable('Unknown theme', [{ field: 'themeId', message: `theme ${themeId} does not exist` }]);
    if (theme.strategyId !== strategyId) {
      throw unprocessable('The theme belongs to another strategy', [{ field: 'themeId', message: `theme ${themeId} belongs to another strategy` }]);
    }
  }

  private async prioritiesOf(strategyId: string, ids: string[]): Promise<Priority[]> {
    if (ids.length === 0) return [];
    const found = await this.priorities.findMany(ids);
    const errors: FieldError[] = [];
    ids.forEach((pid, i) => {
      const priority = found.find((p) => p.id === pid);
      if (!priority) errors.push({ field: `priorityIds.${i}`, message: `priority ${pid} does not exist` });
      else if (priority.strategyId !== strategyId) errors.push({ field: `priorityIds.${i}`, message: `priority ${pid} belongs to another strategy` });
    });
    if (errors.length > 0) throw unprocessable('Every priority must belong to the same strategy', errors);
    return found;
  }

  private async assertCodeFree(strategyId: string, code: string, exceptId: string | null): Promise<void> {
    const manager = this.db.tx;
    const existing = await manager.findOneBy(Target, { strategyId, code });
    if (existing && existing.id !== exceptId) {
      throw conflict(`The strategy already has a target with code ${code}`, [{ field: 'code', message: `${code} is already used in this strategy` }]);
    }
  }
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
