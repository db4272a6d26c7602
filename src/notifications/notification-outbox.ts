import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { In, LessThanOrEqual, Repository } from 'typeorm';
import type { Actor } from '../auth/roles';
import { AssignmentsService } from '../assignments/assignments.service';
import { Clock } from '../common/clock';
import type { EnvironmentVariables } from '../config/env.validation';
import { Db } from '../database/transactions';
import type { Language } from '../domain/language';
import { type NotificationKind, type Recipient, retryDelayMs } from '../domain/reminders';
import { StrategiesService } from '../strategies/strategies.service';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { EmailTemplates } from './email-templates';
import { quarterLabel, webLink } from './email-words';
import { Mailer } from './mailer';
import { Notification } from './notification.entity';
import { WEB_PATHS } from '../web/web-routes';

const quiet = new AsyncLocalStorage<true>();

/**
 * Runs `work` without recording decision notices: for writing history (the demo's returns,
 * approved "as of" 2024), which nobody should be emailed about today.
 */
export function withoutNotices<T>(work: () => Promise<T>): Promise<T> {
  return quiet.run(true, work);
}

/** How long a claimed message is left to its sender before another pass may take it (a crash mid-send). */
const LEASE_MS = 10 * 60_000;

export interface NewNotification {
  kind: NotificationKind;
  recipient: Recipient;
  targetId: string;
  period: string;
  occasion?: string;
  strategyId: string | null;
  data: Record<string, unknown>;
}

export interface Delivery {
  id: string;
  kind: NotificationKind;
  recipient: string;
  targetId: string;
  period: string;
  status: 'sent' | 'failed';
  error?: string;
}

/** What the decision notices need of a progress update and its target. */
export interface DecidedReturn {
  update: { id: string; targetId: string; period: string; version: number; submittedById: string | null; returnReason: string | null };
  target: { id: string; code: string; title: string; strategyId: string };
}

/**
 * The notifications table and the sending of its rows. Inserting a row is the claim: the unique
 * key (kind, recipient, target, period, occasion) lets exactly one inserter through, however many
 * schedulers, processes or retries try at once; only the one that inserted sends. A failed send is
 * tried again after a back-off, by whichever pass first moves the row's nextAttemptAt on (a
 * conditional UPDATE, so again only one).
 */
@Injectable()
export class NotificationOutbox {
  private readonly logger = new Logger(NotificationOutbox.name);
  private kickTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
    private readonly templates: EmailTemplates,
    private readonly users: UsersService,
    private readonly assignments: AssignmentsService,
    private readonly strategies: StrategiesService,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  get enabled(): boolean {
    return this.mailer.enabled;
  }

  private get rows(): Repository<Notification> {
    return this.db.tx.getRepository(Notification);
  }

  /** Whether a message with this key has been claimed already (a dry run's question). */
  async exists(row: Pick<NewNotification, 'kind' | 'targetId' | 'period' | 'occasion'> & { recipient: string }): Promise<boolean> {
    return this.rows.existsBy({ kind: row.kind, recipient: row.recipient.toLowerCase(), targetId: row.targetId, period: row.period, occasion: row.occasion ?? '' });
  }

  /**
   * Inserts the row unless its key is taken. Returns the row when this call inserted it (and so
   * owns the sending), null when someone else had. `leased`: the caller sends it now, so no other
   * pass takes it for LEASE_MS; otherwise it waits for the next dispatch.
   */
  async claim(row: NewNotification, leased: boolean): Promise<Notification | null> {
    const id = randomUUID();
    // Leases and back-offs run on the machine's time, not the moment a pass is run as of (Clock.wallNow).
    const now = this.clock.wallNow();
    const values = {
      id,
      kind: row.kind,
      recipient: row.recipient.email.toLowerCase(),
      targetId: row.targetId,
      period: row.period,
      occasion: row.occasion ?? '',
      strategyId: row.strategyId,
      language: row.recipient.language,
      data: JSON.stringify({ name: row.recipient.name, settingsLink: webLink(this.publicUrl, WEB_PATHS.emailSettings), ...row.data }),
      status: 'pending' as const,
      attempts: 0,
      lastError: null,
      nextAttemptAt: new Date(now.getTime() + (leased ? LEASE_MS : 0)).toISOString(),
      sentAt: null,
    };
    // ON CONFLICT DO NOTHING (PostgreSQL) / INSERT OR IGNORE (SQLite): the key decides, atomically.
    await this.db.tx.createQueryBuilder().insert().into(Notification).values(values).orIgnore().execute();
    return this.rows.findOneBy({ id });
  }

  /** Renders and sends a row this process claimed, and records what happened. */
  async deliver(row: Notification): Promise<Delivery> {
    const attempts = row.attempts + 1;
    const base = { id: row.id, kind: row.kind, recipient: row.recipient, targetId: row.targetId, period: row.period };
    try {
      const email = await this.templates.render(row.kind, row.language, JSON.parse(row.data) as Record<string, unknown>);
      await this.mailer.send({ to: row.recipient, ...email });
      await this.rows.update({ id: row.id }, { status: 'sent', attempts, lastError: null, nextAttemptAt: null, sentAt: this.clock.wallNow().toISOString() });
      return { ...base, status: 'sent' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const delay = retryDelayMs(attempts);
      const nextAttemptAt = delay === null ? null : new Date(this.clock.wallNow().getTime() + delay).toISOString();
      await this.rows.update({ id: row.id }, { status: 'failed', attempts, lastError: message.slice(0, 2000), nextAttemptAt });
      this.logger.warn(`${row.kind} to ${row.recipient} failed (try ${attempts}${nextAttemptAt ? `; again after ${nextAttemptAt}` : '; giving up'}): ${message}`);
      return { ...base, status: 'failed', error: message };
    }
  }

  /**
   * Sends what waits: decision notices not yet sent and failed messages whose back-off is over
   * (and any whose sender died mid-send, once its lease ran out).
   */
  async dispatchWaiting(limit = 200): Promise<Delivery[]> {
    if (!this.enabled) return [];
    const now = this.clock.wallNow().toISOString();
    const waiting = await this.rows.find({
      where: { status: In(['pending', 'failed']), nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC' },
      take: limit,
    });
    const out: Delivery[] = [];
    for (const row of waiting) {
      const lease = new Date(this.clock.wallNow().getTime() + LEASE_MS).toISOString();
      // In a transaction so that on SQLite (one connection) it waits for a decision's transaction to commit.
      const taken = await this.db.withTransaction(() =>
        this.rows.update({ id: row.id, status: row.status, nextAttemptAt: row.nextAttemptAt! }, { status: 'pending', nextAttemptAt: lease }),
      );
      if (taken.affected === 1) out.push(await this.deliver({ ...row, status: 'pending', nextAttemptAt: lease }));
    }
    return out;
  }

  /** Sends waiting messages shortly, after the caller's transaction has committed. */
  kick(): void {
    if (!this.enabled) return;
    if (this.kickTimer) clearTimeout(this.kickTimer);
    this.kickTimer = setTimeout(() => {
      this.kickTimer = null;
      this.dispatchWaiting().catch((error: unknown) => this.logger.error(`sending waiting notifications failed: ${String(error)}`));
    }, 100);
    this.kickTimer.unref();
  }

  /**
   * Records "your return was sent back" or "…approved" for the officer who submitted it and the
   * target's accountable officer, in the caller's transaction (so a decision rolled back sends
   * nothing); kick() sends them once it has committed.
   */
  async recordDecision(kind: 'returned' | 'approved', decided: DecidedReturn, actor: Actor): Promise<void> {
    if (!this.enabled || quiet.getStore()) return;
    const { update, target } = decided;
    const strategy = await this.strategies.find(target.strategyId);
    const assignment = await this.assignments.activeFor(target.id);
    const users = await this.users.activeWithPartnerships();
    const people: Recipient[] = [];
    const submitter = users.find((u) => u.id === update.submittedById);
    if (submitter) people.push(asRecipient(submitter));
    if (assignment?.officerEmail) people.push(personByEmail(users, assignment.officerEmail, assignment.officerName, strategy.language));
    const seen = new Set<string>();
    for (const person of people) {
      const email = person.email.toLowerCase();
      if (person.optedOut || seen.has(email)) continue;
      seen.add(email);
      await this.claim(
        {
          kind,
          recipient: person,
          targetId: target.id,
          period: update.period,
          // The version after this decision: a return sent back twice gets two notices.
          occasion: String(update.version),
          strategyId: strategy.id,
          data: {
            code: target.code,
            title: target.title,
            strategy: strategy.title,
            quarter: quarterLabel(update.period, person.language),
            reason: update.returnReason ?? '',
            decidedBy: actor.name,
            link: webLink(this.publicUrl, kind === 'returned' ? '/your-returns' : `/target/${target.id}`),
          },
        },
        false,
      );
    }
  }

  /** The outbox: what was sent, what waits, what failed, newest first. */
  list(query: { status?: string; kind?: string; page: number; pageSize: number }): Promise<{ items: Notification[]; total: number }> {
    return listNotifications(this.rows, query);
  }

  private get publicUrl(): string {
    return this.config.get('PUBLIC_URL', { infer: true });
  }
}

export function asRecipient(user: User): Recipient {
  return { email: user.email.toLowerCase(), name: user.name, language: user.language, optedOut: !user.emailReminders };
}

/** The person behind an address: their account when they have one, else the address with the strategy's language. */
export function personByEmail(users: User[], email: string, name: string, language: Language): Recipient {
  const user = users.find((u) => u.email.toLowerCase() === email.toLowerCase());
  return user ? asRecipient(user) : { email: email.toLowerCase(), name, language, optedOut: false };
}

/** Newest first, for the outbox page and API. */
export async function listNotifications(
  rows: Repository<Notification>,
  query: { status?: string; kind?: string; page: number; pageSize: number },
): Promise<{ items: Notification[]; total: number }> {
  const where = { ...(query.status ? { status: query.status as Notification['status'] } : {}), ...(query.kind ? { kind: query.kind as Notification['kind'] } : {}) };
  const [items, total] = await rows.findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize });
  return { items, total };
}
