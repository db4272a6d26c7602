import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../common/clock';
import type { EnvironmentVariables } from '../config/env.validation';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { addQuarters, comparePeriods, latestCompletedPeriod, periodContaining } from '../domain/period';
import {
  batchEscalations,
  daysFromDeadline,
  type DueMessage,
  type EscalationBatch,
  digestDue,
  digestWorthSending,
  dueMessages,
  isoWeek,
  type OwedReturn,
  type ReminderPolicy,
  stageAt,
} from '../domain/reminders';
import { ProgressService } from '../progress/progress.service';
import type { StrategyDto } from '../strategies/dto/strategy.dto';
import { StrategiesService } from '../strategies/strategies.service';
import type { StrategySummaryDto } from '../summary/summary.dto';
import { SummaryService } from '../summary/summary.service';
import { UsersService } from '../users/users.service';
import { formatDay, quarterLabel, webLink } from './email-words';
import { asRecipient, type Delivery, NotificationOutbox, personByEmail } from './notification-outbox';

/** How many completed quarters back the scheduler looks: enough for the longest deadline (365 days) plus the escalation window. */
const QUARTERS_BACK = 6;

export interface PlannedMessage {
  kind: DueMessage['kind'] | 'digest';
  recipient: string;
  language: string;
  targetId: string;
  code: string;
  period: string;
}

export interface SchedulerRun {
  at: string;
  dryRun: boolean;
  /** False when SMTP_URL is unset: nothing can be sent, and nothing is recorded. */
  emailEnabled: boolean;
  /** Owed now and not claimed before (what a dry run would send). */
  due: PlannedMessage[];
  /** What this run sent or failed to send (new messages and retries); empty on a dry run. */
  deliveries: Delivery[];
}

/**
 * One pass of the reminder scheduler as of a moment: works out, per strategy and quarter, which
 * returns are owed and who is owed a message (domain/reminders.ts), claims each message in the
 * notifications table and sends the ones it claimed; then the weekly digest; then retries.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly strategies: StrategiesService,
    private readonly deadlines: DeadlinesService,
    private readonly summary: SummaryService,
    private readonly users: UsersService,
    private readonly progress: ProgressService,
    private readonly clock: Clock,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  get policy(): ReminderPolicy {
    return {
      daysBefore: this.config.get('REMINDER_DAYS_BEFORE', { infer: true }),
      escalationDaysAfter: this.config.get('ESCALATION_DAYS_AFTER', { infer: true }),
      catchUpDays: 7,
    };
  }

  /** The scheduler's pass as of `at` (the clock is pinned to it throughout, so "overdue" is as of then). */
  run(at: Date, options: { dryRun?: boolean } = {}): Promise<SchedulerRun> {
    return Clock.at(at, () => this.runPinned(at, options.dryRun ?? false));
  }

  private async runPinned(at: Date, dryRun: boolean): Promise<SchedulerRun> {
    const result: SchedulerRun = { at: at.toISOString(), dryRun, emailEnabled: this.outbox.enabled, due: [], deliveries: [] };
    if (!this.outbox.enabled && !dryRun) return result;
    const users = await this.users.activeWithPartnerships();
    const coordinators = users.filter((u) => u.role === 'coordinator').map(asRecipient);
    const officers = users.filter((u) => u.role === 'partnership-officer');
    const strategies = (await this.strategies.list({ page: 1, pageSize: 200 })).items.filter((s) => s.status !== 'archived');

    for (const strategy of strategies) {
      const summaries = await this.summariesInWindow(strategy, at);
      const owed: OwedReturn[] = summaries.flatMap((s) =>
        s.missingReturns.map((m) => ({
          strategyId: strategy.id,
          targetId: m.targetId,
          code: m.code,
          title: m.title,
          period: m.period,
          deadline: m.deadline,
          partnershipId: m.partnershipId,
          partnershipName: m.partnershipName,
          officerName: m.officerName,
          officerEmail: m.officerEmail,
        })),
      );
      const messages = dueMessages({
        now: at,
        policy: this.policy,
        owed,
        accountableOfficer: (o) => (o.officerEmail ? personByEmail(users, o.officerEmail, o.officerName, strategy.language) : null),
        officersOf: (id) => officers.filter((u) => (u.partnerships ?? []).some((p) => p.id === id)).map(asRecipient),
        coordinatorsOf: () => coordinators,
      });
      const { each, escalations } = batchEscalations(messages);
      for (const message of each) {
        await this.offer(result, dryRun, {
          kind: message.kind,
          recipient: message.recipient,
          targetId: message.owed.targetId,
          period: message.owed.period,
          strategyId: strategy.id,
          code: message.owed.code,
          data: this.returnWords(message, strategy, at),
        });
      }
      for (const batch of escalations) {
        await this.offer(result, dryRun, {
          kind: 'escalation',
          recipient: batch.recipient,
          // One per coordinator, strategy and quarter: the strategy in the occasion, no target.
          // (A return first owed after its quarter's escalation went is on Missing returns, not emailed.)
          targetId: '',
          period: batch.period,
          occasion: strategy.id,
          strategyId: strategy.id,
          code: batch.owed.map((o) => o.code).join(', '),
          data: this.escalationWords(batch, strategy, at),
        });
      }
      if (digestDue(at)) {
        // The digest is about the latest completed quarter, whether or not a reminder window is open for it.
        const latest = latestCompletedPeriod(at);
        const summary = summaries.find((x) => x.period === latest) ?? (await this.summary.summarise(strategy.id, { period: latest }));
        await this.digest(result, dryRun, strategy, summary, coordinators, at);
      }
    }
    if (!dryRun) result.deliveries.push(...(await this.outbox.dispatchWaiting()));
    return result;
  }

  /** Summaries (as of `at`) of the quarters whose deadline puts some return in a reminder window now. */
  private async summariesInWindow(strategy: StrategyDto, at: Date): Promise<StrategySummaryDto[]> {
    const latest = latestCompletedPeriod(at);
    const out: StrategySummaryDto[] = [];
    for (let back = QUARTERS_BACK - 1; back >= 0; back--) {
      const period = addQuarters(latest, -back);
      if (comparePeriods(period, periodContaining(new Date(`${strategy.startDate}T00:00:00Z`))) < 0) continue;
      const { deadline } = await this.deadlines.forPeriod(strategy.id, period);
      if (stageAt(deadline, at, this.policy) === null) continue;
      out.push(await this.summary.summarise(strategy.id, { period }));
    }
    return out;
  }

  private async digest(result: SchedulerRun, dryRun: boolean, strategy: StrategyDto, summary: StrategySummaryDto, coordinators: ReturnType<typeof asRecipient>[], at: Date) {
    const waiting = (await this.progress.ofStrategy(strategy.id, { period: summary.period, status: 'submitted', page: 1, pageSize: 1 })).total;
    const overdue = summary.missingReturns.filter((m) => m.deadlineState === 'overdue');
    const newlyRed = summary.themes.flatMap((t) => t.targets).filter((t) => t.rag === 'red' && (t.previousRag === 'green' || t.previousRag === 'amber'));
    if (!digestWorthSending({ waitingForApproval: waiting, overdue: overdue.length, newlyRed: newlyRed.length })) return;
    const base = this.publicUrl;
    for (const recipient of coordinators.filter((c) => !c.optedOut)) {
      await this.offer(result, dryRun, {
        kind: 'digest',
        recipient,
        targetId: '',
        // The week, and the strategy in the occasion: one digest per coordinator, strategy and week.
        period: isoWeek(at),
        occasion: strategy.id,
        strategyId: strategy.id,
        code: '',
        data: {
          strategy: strategy.title,
          quarter: quarterLabel(summary.period, recipient.language),
          waiting,
          overdue: overdue.map((m) => ({ code: m.code, title: m.title, partnership: m.partnershipName, days: m.daysOverdue })),
          newlyRed: newlyRed.map((t) => ({ code: t.code, title: t.title })),
          link: webLink(base, `/approvals?strategy=${strategy.id}&period=${summary.period}`),
          chasingLink: webLink(base, `/chasing?strategy=${strategy.id}&period=${summary.period}`),
        },
      });
    }
  }

  /** Claims and sends one message, or on a dry run notes it when nobody has claimed it yet. */
  private async offer(
    result: SchedulerRun,
    dryRun: boolean,
    message: { kind: PlannedMessage['kind']; recipient: ReturnType<typeof asRecipient>; targetId: string; period: string; occasion?: string; strategyId: string; code: string; data: Record<string, unknown> },
  ): Promise<void> {
    const planned: PlannedMessage = { kind: message.kind, recipient: message.recipient.email, language: message.recipient.language, targetId: message.targetId, code: message.code, period: message.period };
    if (dryRun) {
      if (!(await this.outbox.exists({ ...message, recipient: message.recipient.email }))) result.due.push(planned);
      return;
    }
    const claimed = await this.outbox.claim(message, true);
    if (!claimed) return;
    result.due.push(planned);
    result.deliveries.push(await this.outbox.deliver(claimed));
  }

  private returnWords(message: DueMessage, strategy: StrategyDto, at: Date): Record<string, unknown> {
    const { owed, recipient } = message;
    const lang = recipient.language;
    const days = Math.max(0, daysFromDeadline(owed.deadline, at));
    return {
      strategy: strategy.title,
      code: owed.code,
      title: owed.title,
      quarter: quarterLabel(owed.period, lang),
      deadline: formatDay(owed.deadline, lang),
      days,
      escalationDays: this.policy.escalationDaysAfter,
      partnership: owed.partnershipName,
      officer: owed.officerName,
      // Reminders and overdue notices only: escalations are batched (escalationWords).
      link: webLink(this.publicUrl, '/your-returns'),
    };
  }

  private escalationWords(batch: EscalationBatch, strategy: StrategyDto, at: Date): Record<string, unknown> {
    const lang = batch.recipient.language;
    return {
      strategy: strategy.title,
      quarter: quarterLabel(batch.period, lang),
      deadline: formatDay(batch.deadline, lang),
      days: Math.max(0, daysFromDeadline(batch.deadline, at)),
      returns: [...batch.owed]
        .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
        .map((o) => ({ code: o.code, title: o.title, partnership: o.partnershipName, officer: o.officerName })),
      link: webLink(this.publicUrl, `/chasing?strategy=${strategy.id}&period=${batch.period}`),
    };
  }

  private get publicUrl(): string {
    return this.config.get('PUBLIC_URL', { infer: true });
  }
}
