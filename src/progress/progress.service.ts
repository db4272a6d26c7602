import { ConflictException, Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { AssignmentsService } from '../assignments/assignments.service';
import { randomUUID } from 'node:crypto';
import { type AuditRecord, AuditService } from '../audit/audit.service';
import { type LedTarget, requireAccess } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { Clock } from '../common/clock';
import { conflict, notFound, unprocessable } from '../common/api-errors';
import { Page, toPage } from '../common/pagination';
import { In, LessThan } from 'typeorm';
import { prepareInsertRows, prepareUpdateRows } from '../database/bulk';
import { ConnectionQueue } from '../database/connection-queue';
import { expectedValues } from '../domain/trajectory';
import { trajectoryOf } from '../targets/target-rules';
import { lockForUpdate } from '../database/locking';
import { PlainColumns } from '../database/plain-rows';
import { ReferenceChecks } from '../database/reference-checks';
import { stamp } from '../database/tracked';
import { Db, Transactional } from '../database/transactions';
import { comparePeriods, periodContaining } from '../domain/period';
import { returnOutcome, returnWindowProblem, type UpdateStatus } from '../domain/progress-returns';
import type { Target } from '../targets/target.entity';
import { assertVersion } from '../common/version';
import { TargetsService } from '../targets/targets.service';
import { byCode } from '../domain/codes';
import { ragStatus } from '../domain/status';
import { StrategiesService } from '../strategies/strategies.service';
import {
  CreateProgressDto,
  ListProgressQuery,
  ProgressUpdateDto,
  ReturnProgressDto,
  StrategyProgressItemDto,
  StrategyProgressQuery,
  UpdateProgressDto,
  WorkflowStepDto,
} from './dto/progress.dto';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { ProgressUpdate } from './progress-update.entity';
import { toProgressDto } from './progress.mapper';

type Change = Pick<ProgressUpdate, 'value' | 'commentary' | 'risks' | 'nextActions'>;
export type ReturnStored = 'created' | 'updated' | 'unchanged';

/**
 * Quarterly returns and their workflow: draft → submitted → approved, or returned with a
 * reason and submitted again. Officers write only for targets their partnership leads.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly targets: TargetsService,
    private readonly assignments: AssignmentsService,
    private readonly strategies: StrategiesService,
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    references: ReferenceChecks,
    private readonly outbox: NotificationOutbox,
  ) {
    references.register('target', 'progress updates', (id) => this.db.tx.count(ProgressUpdate, { where: { targetId: id } }));
  }

  private get updates(): Repository<ProgressUpdate> {
    return this.db.tx.getRepository(ProgressUpdate);
  }

  async list(targetId: string, query: ListProgressQuery): Promise<Page<ProgressUpdateDto>> {
    const target = await this.targets.find(targetId);
    const all = await this.updates.find({ where: { targetId } });
    const approved = all.filter((u) => u.status === 'approved');
    const selected = all
      .filter((u) => !query.status || u.status === query.status)
      .filter((u) => !query.from || comparePeriods(u.period, query.from) >= 0)
      .filter((u) => !query.to || comparePeriods(u.period, query.to) <= 0)
      .sort((a, b) => comparePeriods(a.period, b.period));
    const start = (query.page - 1) * query.pageSize;
    const items = selected.slice(start, start + query.pageSize).map((u) => toProgressDto(u, target, approved));
    return toPage(items, selected.length, query);
  }

  /** Every update of these targets (bulk read for the CSV template and import). */
  updatesOf(targetIds: string[]): Promise<ProgressUpdate[]> {
    return targetIds.length ? this.updates.find({ where: { targetId: In(targetIds) } }) : Promise.resolve([]);
  }

  /** The updates of these targets for one period, in the given statuses (all when none are given). */
  updatesFor(targetIds: string[], period: string, statuses?: string[]): Promise<ProgressUpdate[]> {
    if (targetIds.length === 0) return Promise.resolve([]);
    return this.updates.find({ where: { targetId: In(targetIds), period, ...(statuses ? { status: In(statuses) } : {}) } });
  }

  /** The approved figures of these targets before a period: what direction of travel is measured from. */
  approvedBefore(targetIds: string[], period: string): Promise<ProgressUpdate[]> {
    return targetIds.length ? this.updates.find({ where: { targetId: In(targetIds), status: 'approved', period: LessThan(period) } }) : Promise.resolve([]);
  }

  /**
   * The approvals inbox: a strategy's updates for one quarter (by default every status), by
   * target code, each with what its figure scores and who leads the target. One bulk read per
   * table, whatever the number of targets.
   */
  async ofStrategy(strategyId: string, query: StrategyProgressQuery): Promise<Page<StrategyProgressItemDto>> {
    await this.strategies.find(strategyId);
    const [targets, leads] = await Promise.all([this.targets.ofStrategy(strategyId), this.assignments.activeForStrategy(strategyId)]);
    const leadOf = new Map(leads.map((a) => [a.targetId, a]));
    const chosen = targets
      .filter((t) => !query.themeId || t.themeId === query.themeId)
      .filter((t) => !query.partnershipId || leadOf.get(t.id)?.partnershipId === query.partnershipId);
    const byId = new Map(chosen.map((t) => [t.id, t]));
    const ids = [...byId.keys()];
    const [updates, approvedBefore] = await Promise.all([
      this.updatesFor(ids, query.period, query.status ? [query.status] : undefined),
      this.approvedBefore(ids, query.period),
    ]);
    const selected = updates.sort((a, b) => byCode(byId.get(a.targetId)!, byId.get(b.targetId)!));
    const start = (query.page - 1) * query.pageSize;
    const items = selected.slice(start, start + query.pageSize).map((u) => {
      const target = byId.get(u.targetId)!;
      const lead = leadOf.get(u.targetId)?.partnership;
      return {
        ...toProgressDto(u, target, approvedBefore.filter((a) => a.targetId === u.targetId)),
        target: { id: target.id, code: target.code, title: target.title, unit: target.unit, themeId: target.themeId },
        leadPartnership: lead ? { id: lead.id, name: lead.name } : null,
      };
    });
    return toPage(items, selected.length, query);
  }

  /**
   * Approves several submitted updates at once, all or none: each checked against the version
   * the coordinator saw, so a figure changed since the inbox was read stops the whole batch
   * (409 naming the target) and nothing is approved.
   */
  @Transactional()
  async approveMany(decisions: { id: string; version?: number }[], actor: Actor): Promise<ProgressUpdateDto[]> {
    const approved: ProgressUpdateDto[] = [];
    // Row locks taken in one order (by id), so two batches over the same updates queue behind
    // each other on PostgreSQL instead of deadlocking.
    for (const decision of [...decisions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      try {
        approved.push(await this.approve(decision.id, { version: decision.version }, actor));
      } catch (error) {
        if (error instanceof ConflictException) {
          const update = await this.updates.findOneBy({ id: decision.id });
          const target = update ? await this.targets.find(update.targetId) : null;
          throw conflict(`${target ? `${target.code} ${update!.period}` : decision.id}: ${(error.getResponse() as { message?: string }).message ?? error.message}; nothing was approved`, [
            { field: decision.id, message: 'changed since you read it' },
          ]);
        }
        throw error;
      }
    }
    return approved;
  }

  /**
   * The API's batch approval for one strategy: every update named must exist, belong to the
   * strategy, be submitted and appear once, or the whole batch is refused (422) with each bad
   * one named by its place in the list; then all are approved in one transaction, as the inbox's.
   */
  @Transactional()
  async approveManyOf(strategyId: string, decisions: { id: string; version?: number }[], actor: Actor): Promise<ProgressUpdateDto[]> {
    await this.strategies.find(strategyId);
    const ids = decisions.map((d) => d.id.toLowerCase());
    const found = new Map((await this.updates.findBy({ id: In([...new Set(ids)]) })).map((u) => [u.id.toLowerCase(), u]));
    const problems = ids.flatMap((id, i) => {
      const update = found.get(id);
      const message = ids.indexOf(id) !== i
        ? `${id} is listed more than once`
        : !update
          ? `${id} is not a progress update`
          : update.strategyId !== strategyId
            ? `${id} is an update of another strategy`
            : update.status !== 'submitted'
              ? `${id} is ${update.status}; only a submitted update can be approved`
              : null;
      return message ? [{ field: `updates.${i}.id`, message }] : [];
    });
    if (problems.length) throw unprocessable(`Nothing was approved: ${problems.length} of the ${ids.length} updates cannot be`, problems);
    return this.approveMany(decisions.map((d, i) => ({ id: ids[i], version: d.version })), actor);
  }

  async get(id: string): Promise<ProgressUpdateDto> {
    const update = await this.find(id);
    return this.toDto(update, await this.targets.find(update.targetId));
  }

  @Transactional()
  async create(targetId: string, dto: CreateProgressDto, actor: Actor): Promise<ProgressUpdateDto> {
    const manager = this.db.tx;
    const target = await this.targets.find(targetId, true);
    await this.assertMayWrite(target, actor);
    this.assertPeriodOpen(target, dto.period);
    const existing = await manager.findOneBy(ProgressUpdate, { targetId, period: dto.period });
    if (existing) {
      throw conflict(`Target ${target.code} already has an update for ${dto.period} (id ${existing.id}); edit that one instead`, [
        { field: 'period', message: 'one update per target and period' },
      ]);
    }
    const update = manager.create(ProgressUpdate, {
      targetId,
      strategyId: target.strategyId,
      period: dto.period,
      value: dto.value,
      commentary: dto.commentary ?? null,
      risks: dto.risks ?? null,
      nextActions: dto.nextActions ?? null,
      status: 'draft',
      returnReason: null,
      submittedAt: null,
      submittedById: null,
      decidedAt: null,
      decidedById: null,
    });
    const saved = await manager.save(stamp(update, actor));
    const after = await this.toDto(saved, target);
    await this.audit.record({ entityType: 'progress-update', entityId: saved.id, targetId, action: 'created', actor, before: null, after });
    return after;
  }

  /**
   * Officers of the lead partnership edit a draft, submitted or returned update; once approved,
   * only a coordinator may correct it, and the history keeps the figure it replaced.
   */
  @Transactional()
  async update(id: string, dto: UpdateProgressDto, actor: Actor): Promise<ProgressUpdateDto> {
    const { update, target } = await this.lockWithTarget(id);
    await this.assertMayWrite(target, actor);
    assertVersion('Progress update', update.version, dto.version);
    const correction = update.status === 'approved';
    if (correction) requireAccess(actor, 'progress.correct', await this.ledTarget(target));
    const { version: _version, ...change } = dto;
    return this.change(update, target, actor, correction ? 'corrected' : 'updated', change);
  }

  async submit(id: string, dto: WorkflowStepDto, actor: Actor): Promise<ProgressUpdateDto> {
    return this.step(id, dto, actor, ['draft', 'returned'], 'submitted', 'submit', async (update) => {
      update.submittedAt = this.clock.now().toISOString();
      update.submittedById = actor.id;
    });
  }

  async approve(id: string, dto: WorkflowStepDto, actor: Actor): Promise<ProgressUpdateDto> {
    return this.decide(id, dto, actor, ['submitted'], 'approved', 'approve', async (update) => {
      update.decidedAt = this.clock.now().toISOString();
      update.decidedById = actor.id;
    });
  }

  async return(id: string, dto: ReturnProgressDto, actor: Actor): Promise<ProgressUpdateDto> {
    return this.decide(id, dto, actor, ['submitted'], 'returned', 'return', async (update) => {
      update.returnReason = dto.reason;
      update.decidedAt = this.clock.now().toISOString();
      update.decidedById = actor.id;
    });
  }

  /** A decision (approve or send back), whose email notices are sent once its transaction has committed. */
  private async decide(...args: Parameters<ProgressService['step']>): Promise<ProgressUpdateDto> {
    const decided = await this.step(...args);
    this.outbox.kick();
    return decided;
  }

  /** Only a draft can be deleted; a figure that has been submitted stays on record. */
  @Transactional()
  async remove(id: string, actor: Actor): Promise<void> {
    const manager = this.db.tx;
    const { update, target } = await this.lockWithTarget(id);
    await this.assertMayWrite(target, actor);
    if (update.status !== 'draft') throw conflict(`Only a draft can be deleted; this update is ${update.status}`);
    const before = await this.toDto(update, target);
    await manager.remove(update);
    await this.audit.record({ entityType: 'progress-update', entityId: id, targetId: target.id, action: 'deleted', actor, before, after: null });
  }

  /**
   * The updates for these (target, period) pairs, to decide an import from, locked until commit on
   * PostgreSQL so nothing changes them between the decision and `storeReturns`. Read in chunks of
   * targets (a 100,000-row file would overflow a single IN list) and only for the file's periods,
   * as plain rows (entity hydration was a tenth of the re-import's time, bench/import.ts).
   */
  async lockReturnsOf(pairs: { targetId: string; period: string }[]): Promise<ProgressUpdate[]> {
    const manager = this.db.tx;
    const periods = [...new Set(pairs.map((p) => p.period))];
    const targetIds = [...new Set(pairs.map((p) => p.targetId))];
    const wanted = new Set(pairs.map((p) => `${p.targetId}|${p.period}`));
    const plain = new PlainColumns(manager, ProgressUpdate);
    const found: ProgressUpdate[] = [];
    for (let start = 0; start < targetIds.length; start += 5000) {
      const query = manager
        .createQueryBuilder(ProgressUpdate, 'u')
        .select(plain.select('u'))
        .where('u.targetId IN (:...targetIds)', { targetIds: targetIds.slice(start, start + 5000) })
        .andWhere('u.period IN (:...periods)', { periods });
      if (lockForUpdate(manager).lock) query.setLock('pessimistic_write');
      for (const raw of await query.getRawMany<Record<string, unknown>>()) {
        const update = plain.read(raw);
        if (wanted.has(`${update.targetId}|${update.period}`)) found.push(update);
      }
    }
    return found;
  }

  /**
   * Stores many returns at once as submitted updates, inside the caller's transaction: new
   * updates through COPY (PostgreSQL) or multi-row INSERTs, changed ones in multi-row UPDATEs,
   * and one 'imported' history entry per row written, in batches too. `existing` must come from
   * `lockReturnsOf` in the same transaction; the outcome is decided by the rule in
   * domain/progress-returns.ts, so same values write nothing and an approved figure is never overwritten.
   */
  async storeReturns(rows: { target: Target; period: string; change: Change; existing: ProgressUpdate | undefined }[], actor: Actor): Promise<ReturnStored[]> {
    const connection = new ConnectionQueue();
    let outcomes: ReturnStored[];
    try {
      outcomes = this.queueReturns(rows, actor, connection);
    } catch (error) {
      // A refused row: the earlier slices' writes end before the error goes up (the caller's
      // transaction rolls them back); their own failures are not news.
      await connection.drained().catch(() => undefined);
      throw error;
    }
    await connection.drained();
    return outcomes;
  }

  /**
   * `storeReturns`, answering as soon as the writes are handed to `connection`: the outcomes are
   * known before anything is written. The caller hears of the writes through
   * `connection.drained()`, which it must await before its transaction ends; meanwhile it can
   * check its next rows while the database writes these, and put its next reads on the same
   * queue (the import, bench/import.ts).
   */
  queueReturns(rows: { target: Target; period: string; change: Change; existing: ProgressUpdate | undefined }[], actor: Actor, connection: ConnectionQueue): ReturnStored[] {
    const outcomes: ReturnStored[] = [];
    // Slice by slice, so the rows, history snapshots and statement parameters of a 100,000-row
    // file are never all in memory at once. At 500 rows an UPDATE, PostgreSQL looks each row up
    // by primary key; with 2,000 in the import bench's 100,000-update table, EXPLAIN showed it
    // hashing the whole table instead.
    for (let start = 0; start < rows.length; start += 500) outcomes.push(...this.storeSlice(rows.slice(start, start + 500), actor, connection));
    return outcomes;
  }

  private storeSlice(
    rows: { target: Target; period: string; change: Change; existing: ProgressUpdate | undefined }[],
    actor: Actor,
    connection: ConnectionQueue,
  ): ReturnStored[] {
    const manager = this.db.tx;
    const now = this.clock.now();
    const at = now.toISOString();
    const inserts: ProgressUpdate[] = [];
    const updates: ProgressUpdate[] = [];
    const history: AuditRecord[] = [];
    // A target's trajectory read once for its rows, not once per row (bench/import.ts: a
    // twelfth of the re-import's allocations went to working it out again).
    const expected = new Map<Target, (period: string) => number | null>();
    const expectations = (target: Target) => {
      let of = expected.get(target);
      if (!of) expected.set(target, (of = expectedValues(trajectoryOf(target))));
      return of;
    };
    const outcomes: ReturnStored[] = rows.map(({ target, period, change, existing }) => {
      const decided = returnOutcome(existing, change, { code: target.code, period });
      if ('refused' in decided) throw conflict(decided.refused.charAt(0).toUpperCase() + decided.refused.slice(1));
      if (decided.outcome === 'unchanged') return 'unchanged';
      if (!existing) {
        const update = Object.assign(new ProgressUpdate(), {
          id: randomUUID(),
          targetId: target.id,
          strategyId: target.strategyId,
          period,
          ...change,
          status: 'submitted' as const,
          returnReason: null,
          submittedAt: at,
          submittedById: actor.id,
          decidedAt: null,
          decidedById: null,
          createdAt: now,
          updatedAt: now,
          createdById: actor.id,
          updatedById: actor.id,
          version: 1,
        });
        inserts.push(update);
        history.push({ entityType: 'progress-update', entityId: update.id, targetId: target.id, action: 'imported', actor, before: null, after: snapshot(update, target, expectations(target)) });
        return 'created';
      }
      const before = snapshot(existing, target, expectations(target));
      const stored = { status: 'submitted' as const, submittedAt: at, submittedById: actor.id, updatedAt: now, updatedById: actor.id, version: existing.version + 1 };
      const update = Object.assign(new ProgressUpdate(), existing, change, stored);
      updates.push(update);
      history.push({ entityType: 'progress-update', entityId: update.id, targetId: target.id, action: 'imported', actor, before, after: snapshotChanged(before, { ...change, ...stored }, target) });
      return 'updated';
    });
    // The statements' text is made here, so that while `connection` sends and the database
    // runs them, this process is free to check the next rows (bench/import.ts, re-import).
    const writes = [
      prepareInsertRows(manager, ProgressUpdate, inserts),
      prepareUpdateRows(manager, ProgressUpdate, updates, ['value', 'commentary', 'risks', 'nextActions', 'status', 'submittedAt', 'submittedById', 'updatedAt', 'updatedById'], ['version']),
      this.audit.prepareMany(history),
    ];
    // One statement at a time: node-postgres deprecates queueing a query behind a running one.
    void connection.run(async () => {
      for (const write of writes) await write();
    });
    return outcomes;
  }

  /** 403 unless the policy lets the actor report figures for this target (see auth/policy.ts). */
  async assertMayWrite(target: Target, actor: Actor): Promise<void> {
    requireAccess(actor, 'progress.report', await this.ledTarget(target));
  }

  /** The target as the access policy sees it: its code and its active lead partnership. */
  private async ledTarget(target: Target): Promise<LedTarget> {
    const lead = await this.assignments.activeFor(target.id);
    return { code: target.code, lead: lead && { partnershipId: lead.partnershipId, partnershipName: lead.partnership?.name } };
  }

  /** 422 unless a return is due for the period and the period has begun (see domain/progress-returns.ts). */
  assertPeriodOpen(target: Target, period: string): void {
    const current = periodContaining(this.clock.now());
    const problem = returnWindowProblem(target, period, current);
    if (problem?.reason === 'archived') throw unprocessable(`Target ${target.code} is archived`);
    if (problem?.reason === 'not-due') throw unprocessable(`No return is due for ${period}`, [{ field: 'period', message: problem.message }]);
    if (problem?.reason === 'not-started') {
      throw unprocessable(problem.message, [{ field: 'period', message: `must not be after the current period, ${current}` }]);
    }
  }

  @Transactional()
  private async step(
    id: string,
    dto: WorkflowStepDto,
    actor: Actor,
    from: UpdateStatus[],
    to: UpdateStatus,
    verb: string,
    apply: (update: ProgressUpdate) => Promise<void>,
  ): Promise<ProgressUpdateDto> {
    const manager = this.db.tx;
    const { update, target } = await this.lockWithTarget(id);
    // Submitting is the reporters' step: officers only for targets their partnership leads.
    if (to === 'submitted') await this.assertMayWrite(target, actor);
    if (dto.version !== undefined) assertVersion('Progress update', update.version, dto.version);
    if (!from.includes(update.status)) {
      throw conflict(`Cannot ${verb} an update that is ${update.status}; only a ${from.join(' or ')} one`, [
        { field: 'status', message: `is ${update.status}` },
      ]);
    }
    const before = await this.toDto(update, target);
    await apply(update);
    update.status = to;
    const saved = await manager.save(stamp(update, actor));
    const after = await this.toDto(saved, target);
    await this.audit.record({ entityType: 'progress-update', entityId: id, targetId: target.id, action: to, actor, before, after });
    if (to === 'returned' || to === 'approved') await this.outbox.recordDecision(to, { update: saved, target }, actor);
    return after;
  }

  private async change(update: ProgressUpdate, target: Target, actor: Actor, action: string, change: Partial<Change>): Promise<ProgressUpdateDto> {
    const manager = this.db.tx;
    const before = await this.toDto(update, target);
    for (const [key, value] of Object.entries(change)) {
      if (value !== undefined) Object.assign(update, { [key]: value });
    }
    const saved = await manager.save(stamp(update, actor));
    const after = await this.toDto(saved, target);
    await this.audit.record({ entityType: 'progress-update', entityId: update.id, targetId: target.id, action, actor, before, after });
    return after;
  }

  private async lockWithTarget(id: string): Promise<{ update: ProgressUpdate; target: Target }> {
    const manager = this.db.tx;
    const update = await manager.findOne(ProgressUpdate, { where: { id }, ...lockForUpdate(manager) });
    if (!update) throw notFound('Progress update', id);
    return { update, target: await this.targets.find(update.targetId) };
  }

  private async find(id: string): Promise<ProgressUpdate> {
    const update = await this.updates.findOneBy({ id });
    if (!update) throw notFound('Progress update', id);
    return update;
  }

  private async toDto(update: ProgressUpdate, target: Target): Promise<ProgressUpdateDto> {
    const approved = await this.updates.find({ where: { targetId: target.id, status: 'approved' } });
    return toProgressDto(update, target, approved);
  }
}

/** The update as the history keeps it for bulk imports: its own figures, without the direction of travel (one query less a row). */
function snapshot(update: ProgressUpdate, target: Target, expectedOf: (period: string) => number | null): ProgressUpdateDto {
  return toProgressDto(update, target, [], expectedOf);
}

/**
 * `snapshot` of the update after `changed` was stored on the update `before` shows: the same
 * fields in the same order as `toProgressDto` gives, with the expected value (same target and
 * period) reused rather than worked out again, and the RAG scored for the new figure.
 */
function snapshotChanged(before: ProgressUpdateDto, changed: Change & Pick<ProgressUpdate, 'status' | 'submittedAt' | 'submittedById' | 'updatedAt' | 'updatedById' | 'version'>, target: Target): ProgressUpdateDto {
  const rag = ragStatus({ expected: before.expected, actual: changed.value, direction: target.direction, tolerancePercent: target.tolerancePercent });
  return { ...before, ...changed, rag };
}

