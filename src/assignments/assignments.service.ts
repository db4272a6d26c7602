import { Injectable } from '@nestjs/common';
import { In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { byCode } from '../domain/codes';
import type { Actor } from '../auth/roles';
import { conflict, FieldError, notFound, unprocessable } from '../common/api-errors';
import { Page, skipTake, toPage } from '../common/pagination';
import { PaginationQuery } from '../common/pagination.dto';
import { ReferenceChecks } from '../database/reference-checks';
import { stamp } from '../database/tracked';
import { Db, Transactional } from '../database/transactions';
import type { Partnership } from '../partnerships/partnership.entity';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { StrategiesService } from '../strategies/strategies.service';
import { ThemesService } from '../strategies/themes.service';
import { TargetsService } from '../targets/targets.service';
import { Assignment, AssignmentStatus } from './assignment.entity';
import { toAssignmentDto } from './assignment.mapper';
import {
  AccountabilityDto,
  ActionDto,
  AssignmentDto,
  CreateAssignmentDto,
  PartnershipAssignmentDto,
  PartnershipAssignmentsQuery,
  UpdateAssignmentDto,
} from './dto/assignment.dto';
import { PlannedAction } from './planned-action.entity';

const RELATIONS = { partnership: true, supportingPartnerships: true, actions: true } as const;

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly targets: TargetsService,
    private readonly strategies: StrategiesService,
    private readonly partnerships: PartnershipsService,
    private readonly themes: ThemesService,
    private readonly db: Db,
    private readonly audit: AuditService,
    references: ReferenceChecks,
  ) {
    references.register('partnership', 'assignments it leads', (id) => this.db.tx.count(Assignment, { where: { partnershipId: id } }));
    references.register('partnership', 'assignments it supports', (id) =>
      this.db.tx.createQueryBuilder().select().from('assignment_supporting_partnerships', 's').where('s."partnershipId" = :id', { id }).getCount(),
    );
    // ?leadPartnershipId on the target list: who leads a target is this module's table.
    targets.registerLeadFilter((param) => `SELECT a."targetId" FROM assignments a WHERE a."partnershipId" = ${param} AND a.status = 'active'`);
  }

  private get assignments(): Repository<Assignment> {
    return this.db.tx.getRepository(Assignment);
  }

  async listForTarget(targetId: string, query: PaginationQuery): Promise<Page<AssignmentDto>> {
    await this.targets.find(targetId);
    const [rows, total] = await this.assignments.findAndCount({
      where: { targetId },
      relations: RELATIONS,
      order: { createdAt: 'DESC', id: 'ASC' },
      ...skipTake(query),
    });
    return toPage(rows.map(toAssignmentDto), total, query);
  }

  async get(id: string): Promise<AssignmentDto> {
    return toAssignmentDto(await this.find(id));
  }

  /** The active lead assignment of a target, if any: who answers for it now. */
  activeFor(targetId: string): Promise<Assignment | null> {
    return this.assignments.findOne({
      where: { targetId, status: 'active' },
      relations: { partnership: true },
    });
  }

  @Transactional()
  async create(targetId: string, dto: CreateAssignmentDto, actor: Actor): Promise<AssignmentDto> {
    const manager = this.db.tx;
    const target = await this.targets.find(targetId, true);
    if (target.archived) throw unprocessable(`Target ${target.code} is archived; restore it before assigning it`);
    const status = dto.status ?? 'active';
    if (status === 'active') await this.assertNoOtherActive(targetId, null);
    const lead = await this.partnerships.findReferenced(dto.partnershipId, 'partnershipId');
    const supporting = await this.supportingPartnerships(lead.id, dto.supportingPartnershipIds ?? []);
    const assignment = manager.create(Assignment, {
      targetId,
      strategyId: target.strategyId,
      partnershipId: lead.id,
      supportingPartnerships: supporting,
      officerName: dto.accountableOfficer.name,
      officerEmail: dto.accountableOfficer.email,
      status,
      actions: toActions(dto.actions ?? []),
    });
    const saved = await manager.save(stamp(assignment, actor));
    const after = toAssignmentDto({ ...saved, partnership: lead });
    await this.audit.record({ entityType: 'assignment', entityId: saved.id, targetId, action: 'created', actor, before: null, after });
    return after;
  }

  @Transactional()
  async update(id: string, dto: UpdateAssignmentDto, actor: Actor): Promise<AssignmentDto> {
    const manager = this.db.tx;
    const assignment = await this.find(id);
    await this.targets.find(assignment.targetId, true);
    const before = toAssignmentDto(assignment);
    const status = dto.status ?? assignment.status;
    if (status === 'active' && assignment.status !== 'active') await this.assertNoOtherActive(assignment.targetId, id);
    if (dto.partnershipId !== undefined && dto.partnershipId !== assignment.partnershipId) {
      assignment.partnership = await this.partnerships.findReferenced(dto.partnershipId, 'partnershipId');
      assignment.partnershipId = assignment.partnership.id;
    }
    if (dto.supportingPartnershipIds !== undefined || dto.partnershipId !== undefined) {
      const ids = dto.supportingPartnershipIds ?? before.supportingPartnershipIds;
      assignment.supportingPartnerships = await this.supportingPartnerships(assignment.partnershipId, ids);
    }
    if (dto.accountableOfficer) {
      assignment.officerName = dto.accountableOfficer.name;
      assignment.officerEmail = dto.accountableOfficer.email;
    }
    if (dto.actions !== undefined) {
      await manager.delete(PlannedAction, { assignmentId: id });
      assignment.actions = toActions(dto.actions);
    }
    assignment.status = status;
    const saved = await manager.save(stamp(assignment, actor));
    const after = toAssignmentDto(saved);
    const action = status !== before.status ? statusAction(status) : 'updated';
    await this.audit.record({ entityType: 'assignment', entityId: id, targetId: assignment.targetId, action, actor, before, after });
    return after;
  }

  /** What a partnership is accountable for (lead) and what it helps with (supporting). */
  async listForPartnership(partnershipId: string, query: PartnershipAssignmentsQuery): Promise<Page<PartnershipAssignmentDto>> {
    await this.partnerships.find(partnershipId);
    const role = query.role ?? 'any';
    const qb = this.assignments.createQueryBuilder('a');
    const lead = 'a.partnershipId = :pid';
    const supports = 'a.id IN (SELECT s."assignmentId" FROM assignment_supporting_partnerships s WHERE s."partnershipId" = :pid)';
    qb.where(role === 'lead' ? lead : role === 'supporting' ? supports : `(${lead} OR ${supports})`, { pid: partnershipId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    // A partnership has tens of assignments, not thousands: order them by target code (as the
    // database would: code, then newest first) from the targets module's answer, then page.
    const matching = await qb.select(['a.id', 'a.targetId', 'a.createdAt']).getMany();
    const targetOf = new Map((await this.targets.findMany([...new Set(matching.map((a) => a.targetId))])).map((t) => [t.id, t]));
    const code = (a: Assignment) => targetOf.get(a.targetId)?.code ?? '';
    matching.sort((x, y) => (code(x) < code(y) ? -1 : code(x) > code(y) ? 1 : y.createdAt.getTime() - x.createdAt.getTime()));
    const total = matching.length;
    const ids = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((a) => a.id);
    const rows = ids.length ? await this.assignments.find({ where: { id: In(ids) }, relations: RELATIONS }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = ids.map((id) => {
      const a = byId.get(id)!;
      const t = targetOf.get(a.targetId)!;
      return {
        ...toAssignmentDto(a),
        role: a.partnershipId === partnershipId ? ('lead' as const) : ('supporting' as const),
        target: { id: t.id, strategyId: t.strategyId, code: t.code, title: t.title },
      };
    });
    return toPage(items, total, query);
  }

  /** The whole accountability matrix of a strategy: target → lead partnership → officer → supporters. */
  async accountability(strategyId: string): Promise<AccountabilityDto> {
    await this.strategies.find(strategyId);
    const [targets, themes, active] = await Promise.all([
      this.targets.ofStrategy(strategyId).then((all) => all.filter((t) => !t.archived)),
      this.themes.ofStrategy(strategyId),
      this.activeForStrategy(strategyId),
    ]);
    const themeById = new Map(themes.map((t) => [t.id, t]));
    const byTarget = new Map(active.map((a) => [a.targetId, a]));
    const rows = targets
      .sort(byCode)
      .map((t) => {
        const a = byTarget.get(t.id);
        return {
          targetId: t.id,
          code: t.code,
          title: t.title,
          themeId: t.themeId,
          themeTitle: themeById.get(t.themeId)?.title ?? '',
          assignmentId: a?.id ?? null,
          lead: a?.partnership ? { id: a.partnership.id, name: a.partnership.name } : null,
          accountableOfficer: a ? { name: a.officerName, email: a.officerEmail } : null,
          supportingPartnerships: (a?.supportingPartnerships ?? [])
            .map((p) => ({ id: p.id, name: p.name }))
            .sort((x, y) => x.name.localeCompare(y.name)),
        };
      });
    return { strategyId, unassigned: rows.filter((r) => !r.assignmentId).length, rows };
  }

  /** The active assignments a partnership leads. */
  activeLedBy(partnershipId: string): Promise<Assignment[]> {
    return this.assignments.find({ where: { partnershipId, status: 'active' } });
  }

  /**
   * Who leads each of a strategy's targets, as the access policy needs it: target, partnership id
   * and name, plain rows (the returns import checks 100,000 rows against them; bench/import.ts).
   */
  async leadsOfStrategy(strategyId: string): Promise<{ targetId: string; partnershipId: string; partnershipName: string }[]> {
    return this.assignments
      .createQueryBuilder('a')
      .innerJoin('a.partnership', 'lead')
      .select('a.targetId', 'targetId')
      .addSelect('a.partnershipId', 'partnershipId')
      .addSelect('lead.name', 'partnershipName')
      .where('a.strategyId = :strategyId', { strategyId })
      .andWhere(`a.status = 'active'`)
      .getRawMany();
  }

  /** Every active lead assignment of a strategy's targets, with the lead and supporting partnerships. */
  async activeForStrategy(strategyId: string): Promise<Assignment[]> {
    return this.assignments
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.partnership', 'lead')
      .leftJoinAndSelect('a.supportingPartnerships', 'supporter')
      .where('a.strategyId = :strategyId', { strategyId })
      .andWhere(`a.status = 'active'`)
      .getMany();
  }

  private async find(id: string): Promise<Assignment> {
    const found = await this.assignments.findOne({ where: { id }, relations: RELATIONS });
    if (!found) throw notFound('Assignment', id);
    return found;
  }

  private async assertNoOtherActive(targetId: string, exceptId: string | null): Promise<void> {
    const active = await this.activeFor(targetId);
    if (active && active.id !== exceptId) {
      throw conflict(
        `The target already has an active lead assignment (${active.partnership?.name ?? active.partnershipId}); complete or withdraw it first`,
        [{ field: 'status', message: 'a target has at most one active lead assignment' }],
      );
    }
  }

  private async supportingPartnerships(leadId: string, ids: string[]): Promise<Partnership[]> {
    if (ids.length === 0) return [];
    const found = await this.partnerships.findMany(ids);
    const errors: FieldError[] = [];
    ids.forEach((pid, i) => {
      if (pid === leadId) errors.push({ field: `supportingPartnershipIds.${i}`, message: 'the lead partnership cannot also be a supporter' });
      else if (!found.some((p) => p.id === pid)) errors.push({ field: `supportingPartnershipIds.${i}`, message: `partnership ${pid} does not exist` });
    });
    if (errors.length > 0) throw unprocessable('Invalid supporting partnerships', errors);
    return found;
  }
}

function toActions(actions: ActionDto[]): PlannedAction[] {
  return actions.map((a, position) =>
    Object.assign(new PlannedAction(), { position, description: a.description, owner: a.owner, dueDate: a.dueDate ?? null, status: a.status ?? 'not-started' }),
  );
}

function statusAction(status: AssignmentStatus): string {
  return status === 'active' ? 'reactivated' : status;
}
