import { Injectable } from '@nestjs/common';
import { withoutNotices } from '../notifications/notification-outbox';
import { readFile } from 'node:fs/promises';
import { AssignmentsService } from '../assignments/assignments.service';
import { CreateAssignmentDto } from '../assignments/dto/assignment.dto';
import type { Actor } from '../auth/roles';
import { conflict } from '../common/api-errors';
import { Clock } from '../common/clock';
import { periodEnd } from '../domain/period';
import { validateDto } from '../common/validation';
import { MembersService } from '../partnerships/members.service';
import { CreateMemberDto } from '../partnerships/dto/member.dto';
import { CreatePartnershipDto } from '../partnerships/dto/partnership.dto';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { CreateProgressDto } from '../progress/dto/progress.dto';
import { ProgressService } from '../progress/progress.service';
import { CreatePriorityDto } from '../strategies/dto/priority.dto';
import { CreateStrategyDto } from '../strategies/dto/strategy.dto';
import { CreateThemeDto } from '../strategies/dto/theme.dto';
import { PrioritiesService } from '../strategies/priorities.service';
import { StrategiesService } from '../strategies/strategies.service';
import { ThemesService } from '../strategies/themes.service';
import { CreateTargetDto } from '../targets/dto/target.dto';
import { TargetsService } from '../targets/targets.service';
import { CreateUserDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { DemoData } from './demo-data';
import type { DatabaseContents } from './seed-guard';

export interface SeedResult {
  strategyId: string;
  demoPeriod: string;
  users: { email: string; role: string; password: string }[];
  counts: { partnerships: number; targets: number; updates: number };
}

/**
 * Loads a demo data set through the application's own services, so every rule, workflow step
 * and history entry is exactly as if people had done it through the API.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly users: UsersService,
    private readonly partnerships: PartnershipsService,
    private readonly members: MembersService,
    private readonly strategies: StrategiesService,
    private readonly themes: ThemesService,
    private readonly priorities: PrioritiesService,
    private readonly targets: TargetsService,
    private readonly assignments: AssignmentsService,
    private readonly progress: ProgressService,
    private readonly clock: Clock,
  ) {}

  /** 09:00 UTC a fortnight after the quarter ends, or now if that is still to come. */
  private returnMoment(period: string): Date {
    const fortnightAfter = new Date(periodEnd(period).getTime() + (14 * 24 + 9) * 60 * 60 * 1000);
    const now = this.clock.now();
    return fortnightAfter < now ? fortnightAfter : now;
  }

  async load(file: string): Promise<DemoData> {
    return JSON.parse(await readFile(file, 'utf8')) as DemoData;
  }

  /** What the database already holds, for the guard against seeding a live database (seed-guard.ts). */
  async contents(): Promise<DatabaseContents> {
    const users = await this.users.count();
    const strategies = (await this.strategies.list({ page: 1, pageSize: 1 })).total;
    return { users, strategies };
  }

  /** Units of work, for a progress bar. */
  steps(data: DemoData): number {
    return data.users.length + data.partnerships.length + 1 + data.themes.length + data.priorities.length + data.targets.length + data.targets.reduce((n, t) => n + t.progress.length, 0);
  }

  async seed(data: DemoData, onStep: (label: string) => void = () => {}): Promise<SeedResult> {
    const taken = (await this.users.list({ page: 1, pageSize: 200 })).items.filter((u) => data.users.some((d) => d.email === u.email));
    const existing = (await this.strategies.list({ page: 1, pageSize: 200 })).items.filter((s) => s.title === data.strategy.title);
    if (taken.length > 0 || existing.length > 0) {
      throw conflict('The demo is already loaded in this database (npm run demo starts from a fresh one)');
    }
    const partnershipIds = new Map<string, string>();
    const actors = new Map<string, Actor>();
    const createUser = async (u: DemoData['users'][number]) => {
      const dto = await validateDto(CreateUserDto, { email: u.email, name: u.name, role: u.role, password: u.password, partnershipIds: u.partnerships.map((k) => partnershipIds.get(k)) });
      const user = await this.users.create(dto);
      actors.set(u.email, { id: user.id, email: user.email, name: user.name, role: user.role, partnershipIds: user.partnershipIds });
      onStep(`user ${u.email}`);
    };
    // People who belong to no partnership first, so the coordinator is on record as having set things up.
    for (const u of data.users.filter((u) => u.partnerships.length === 0)) await createUser(u);
    const setUpBy = [...actors.values()].find((a) => a.role === 'coordinator') ?? [...actors.values()].find((a) => a.role === 'admin');
    if (!setUpBy) throw new Error('the demo data needs a coordinator or an admin');

    // Partnerships (parents before children), then the officers who work in them.
    const pending = [...data.partnerships];
    while (pending.length > 0) {
      const ready = pending.findIndex((p) => p.parent === null || partnershipIds.has(p.parent));
      if (ready < 0) throw new Error(`partnership parents do not resolve: ${pending.map((p) => p.key).join(', ')}`);
      const [p] = pending.splice(ready, 1);
      const dto = await validateDto(CreatePartnershipDto, {
        name: p.name,
        kind: p.kind,
        area: p.area,
        parentId: p.parent ? partnershipIds.get(p.parent) : null,
        statutory: p.statutory,
        chair: p.chair,
        meetingsPerYear: p.meetingsPerYear,
      });
      const created = await this.partnerships.create(dto, setUpBy);
      partnershipIds.set(p.key, created.id);
      for (const m of p.members) await this.members.create(created.id, await validateDto(CreateMemberDto, m), setUpBy);
      onStep(`partnership ${p.name}`);
    }
    for (const u of data.users.filter((u) => u.partnerships.length > 0)) await createUser(u);
    const coordinator = setUpBy;
    const reporterFor = (partnershipId: string | undefined) =>
      [...actors.values()].find((a) => a.role === 'partnership-officer' && partnershipId && a.partnershipIds.includes(partnershipId)) ?? coordinator;

    const strategy = await this.strategies.create(
      await validateDto(CreateStrategyDto, {
        title: data.strategy.title,
        area: data.strategy.area,
        vision: data.strategy.vision,
        startDate: data.strategy.startDate,
        endDate: data.strategy.endDate,
        status: data.strategy.status,
        leadPartnershipId: partnershipIds.get(data.strategy.lead),
      }),
      coordinator,
    );
    onStep('strategy');
    const themeIds = new Map<string, string>();
    for (const t of data.themes) {
      const created = await this.themes.create(strategy.id, await validateDto(CreateThemeDto, { title: t.title, kind: t.kind, description: t.description }), coordinator);
      themeIds.set(t.key, created.id);
      onStep(`theme ${t.title}`);
    }
    const priorityIds = new Map<string, string>();
    for (const p of data.priorities) {
      const dto = await validateDto(CreatePriorityDto, {
        title: p.title,
        kind: p.kind,
        partnershipId: p.partnership ? partnershipIds.get(p.partnership) : null,
        themeIds: p.themes.map((k) => themeIds.get(k)),
      });
      priorityIds.set(p.title, (await this.priorities.create(strategy.id, dto, coordinator)).id);
      onStep(`priority ${p.title}`);
    }

    let updates = 0;
    for (const t of data.targets) {
      const target = await this.targets.create(
        strategy.id,
        await validateDto(CreateTargetDto, {
          code: t.code,
          title: t.title,
          themeId: themeIds.get(t.theme),
          priorityIds: t.priorities.map((title) => priorityIds.get(title)),
          unit: t.unit,
          direction: t.direction,
          frequency: t.frequency,
          tolerancePercent: t.tolerancePercent,
          baselineValue: t.baselineValue,
          baselinePeriod: t.baselinePeriod,
          targetValue: t.targetValue,
          targetPeriod: t.targetPeriod,
          milestones: t.milestones,
        }),
        coordinator,
      );
      const leadId = t.assignment ? partnershipIds.get(t.assignment.lead) : undefined;
      if (t.assignment) {
        const dto = await validateDto(CreateAssignmentDto, {
          partnershipId: leadId,
          supportingPartnershipIds: t.assignment.supporting.map((k) => partnershipIds.get(k)),
          accountableOfficer: t.assignment.officer,
          actions: t.assignment.actions,
        });
        await this.assignments.create(target.id, dto, coordinator);
      }
      onStep(`target ${t.code}`);
      const reporter = reporterFor(leadId);
      for (const p of t.progress) {
        const dto = await validateDto(CreateProgressDto, { period: p.period, value: p.value, commentary: p.commentary, risks: p.risks, nextActions: p.nextActions });
        // Each return written a fortnight after its quarter (on time), not all at seeding time;
        // history, so nobody is emailed "your return was approved" about it.
        await withoutNotices(() => Clock.at(this.returnMoment(p.period), async () => {
          const update = await this.progress.create(target.id, dto, reporter);
          if (p.status !== 'draft') await this.progress.submit(update.id, {}, reporter);
          if (p.status === 'approved') await this.progress.approve(update.id, {}, coordinator);
          if (p.status === 'returned') await this.progress.return(update.id, { reason: p.returnReason ?? 'Please check the figure' }, coordinator);
        }));
        updates++;
        onStep(`${t.code} ${p.period}`);
      }
    }
    return {
      strategyId: strategy.id,
      demoPeriod: data.demoPeriod,
      users: data.users.map((u) => ({ email: u.email, role: u.role, password: u.password })),
      counts: { partnerships: partnershipIds.size, targets: data.targets.length, updates },
    };
  }
}

