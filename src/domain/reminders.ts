/**
 * What the reminder scheduler owes people at a given moment: pure, so the same answer comes from
 * the in-process timer, a BullMQ job, `npm run reminders -- --at …` and the tests.
 *
 * For each owed return (no submitted or approved return for the quarter yet), counting whole UTC
 * days from its deadline (see deadlines.ts: the deadline day itself is still on time):
 *
 *   day −daysBefore … day 0          reminder    accountable officer + officers of the lead partnership
 *   day 1 … escalationDaysAfter      overdue     the same people
 *   day escalationDaysAfter+1 …      escalation  the strategy's coordinators
 *     … up to catchUpDays later
 *
 * Each stage is a window, not a single day, so a scheduler that was down on the day still sends
 * when it comes back; the notifications table's unique key makes every window send once. The
 * escalation window closes, so switching reminders on for an old strategy does not send a flood
 * about quarters long past. People who switched reminders off get no reminder or overdue notice;
 * escalations go to coordinators whatever their setting (they are the last line).
 */
import { isIsoDay } from './deadlines';
import type { Language } from './language';

export const NOTIFICATION_KINDS = ['reminder', 'overdue', 'escalation', 'returned', 'approved', 'digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** pending: waiting to be sent, or being sent; sent; failed: refused or unreachable (tried again after a back-off until the tries run out). */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export type ReturnStage = 'reminder' | 'overdue' | 'escalation';

/** The kinds a user may switch off: all but escalation. */
export function mayOptOut(kind: NotificationKind): boolean {
  return kind !== 'escalation';
}

export interface ReminderPolicy {
  /** Days before the deadline that the reminder window opens (7 by default). */
  daysBefore: number;
  /** Days of overdue notices before coordinators are told (7 by default: escalation on deadline + 8). */
  escalationDaysAfter: number;
  /** Days the escalation window stays open after it opens. */
  catchUpDays: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { daysBefore: 7, escalationDaysAfter: 7, catchUpDays: 7 };

export interface OwedReturn {
  strategyId: string;
  targetId: string;
  code: string;
  title: string;
  /** The quarter owed, e.g. 2025-26-Q4. */
  period: string;
  /** YYYY-MM-DD: the last day the return is on time. */
  deadline: string;
  partnershipId: string;
  partnershipName: string;
  officerName: string;
  officerEmail: string;
}

export interface Recipient {
  /** Lower-cased: the notifications key compares it. */
  email: string;
  name: string;
  language: Language;
  /** True when the person switched reminders off (escalations still come). */
  optedOut: boolean;
}

export interface DueMessage {
  kind: ReturnStage;
  recipient: Recipient;
  owed: OwedReturn;
}

export interface SchedulingInput {
  now: Date;
  policy: ReminderPolicy;
  owed: OwedReturn[];
  /** The accountable officer of a return as a recipient (their account's language and setting when they have one). */
  accountableOfficer: (owed: OwedReturn) => Recipient | null;
  /** The signed-up officers of a partnership. */
  officersOf: (partnershipId: string) => Recipient[];
  /** The coordinators of the strategy. */
  coordinatorsOf: (strategyId: string) => Recipient[];
}

const DAY = 24 * 60 * 60 * 1000;

/** Whole UTC days from the deadline to `now`: negative before, 0 on the day, 1 the day after. */
export function daysFromDeadline(deadline: string, now: Date): number {
  if (!isIsoDay(deadline)) throw new RangeError(`${JSON.stringify(deadline)} is not a date written YYYY-MM-DD`);
  if (Number.isNaN(now.getTime())) throw new RangeError('now must be a valid instant');
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((today - Date.parse(`${deadline}T00:00:00Z`)) / DAY);
}

/** The stage an owed return is in at `now`, or null outside every window. */
export function stageAt(deadline: string, now: Date, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): ReturnStage | null {
  checkPolicy(policy);
  const day = daysFromDeadline(deadline, now);
  if (day >= -policy.daysBefore && day <= 0) return 'reminder';
  if (day >= 1 && day <= policy.escalationDaysAfter) return 'overdue';
  const escalation = policy.escalationDaysAfter + 1;
  if (day >= escalation && day <= escalation + policy.catchUpDays) return 'escalation';
  return null;
}

/**
 * Every message owed at `now`, one per (stage, recipient, return): a person who is both the
 * accountable officer and an officer of the lead partnership gets one, not two.
 */
export function dueMessages(input: SchedulingInput): DueMessage[] {
  const out: DueMessage[] = [];
  for (const owed of input.owed) {
    const kind = stageAt(owed.deadline, input.now, input.policy);
    if (!kind) continue;
    const people =
      kind === 'escalation'
        ? input.coordinatorsOf(owed.strategyId)
        : [input.accountableOfficer(owed), ...input.officersOf(owed.partnershipId)].filter((p): p is Recipient => p !== null && !p.optedOut);
    const seen = new Set<string>();
    for (const recipient of people) {
      const email = recipient.email.toLowerCase();
      if (!email || seen.has(email)) continue;
      seen.add(email);
      out.push({ kind, recipient: { ...recipient, email }, owed });
    }
  }
  return out;
}

/** One escalation email: a coordinator told of every return of a strategy's quarter still owed. */
export interface EscalationBatch {
  recipient: Recipient;
  strategyId: string;
  period: string;
  /** The earliest deadline among them (a strategy's quarter has one). */
  deadline: string;
  /** In the order the messages came. */
  owed: OwedReturn[];
}

/**
 * Escalations batched: one per (coordinator, strategy, quarter) listing every return still owed,
 * rather than one email per missing return (ten missing returns made ten emails). Every other
 * message passes through as it came.
 */
export function batchEscalations(messages: DueMessage[]): { each: DueMessage[]; escalations: EscalationBatch[] } {
  const each: DueMessage[] = [];
  const batches = new Map<string, EscalationBatch>();
  for (const message of messages) {
    if (message.kind !== 'escalation') {
      each.push(message);
      continue;
    }
    const { recipient, owed } = message;
    const key = `${recipient.email}\u0000${owed.strategyId}\u0000${owed.period}`;
    const batch = batches.get(key);
    if (!batch) {
      batches.set(key, { recipient, strategyId: owed.strategyId, period: owed.period, deadline: owed.deadline, owed: [owed] });
    } else {
      batch.owed.push(owed);
      if (owed.deadline < batch.deadline) batch.deadline = owed.deadline;
    }
  }
  return { each, escalations: [...batches.values()] };
}

/** The ISO-8601 week of `now` (UTC), e.g. 2026-W17: the period key of the weekly digest. */
export function isoWeek(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week names its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export interface DigestContent {
  waitingForApproval: number;
  overdue: number;
  newlyRed: number;
}

/** A digest is worth sending when it has something in it; an empty week sends nothing. */
export function digestWorthSending(content: DigestContent): boolean {
  return content.waitingForApproval + content.overdue + content.newlyRed > 0;
}

function checkPolicy(policy: ReminderPolicy): void {
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of days, got ${String(value)}`);
  }
}

/** Tries of one message before it is left failed for a coordinator to see in the outbox. */
export const MAX_SEND_ATTEMPTS = 5;

/** Back-off after the `attempts`-th failed try: 1, 4, 16, 64 minutes; null once the tries are used up. */
export function retryDelayMs(attempts: number): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number from 1, got ${String(attempts)}`);
  if (attempts >= MAX_SEND_ATTEMPTS) return null;
  return 60_000 * 4 ** (attempts - 1);
}

/** Weekly digests go out on Mondays (UTC); the ISO week is their key, so the day's many runs send one. */
export function digestDue(now: Date): boolean {
  return now.getUTCDay() === 1;
}
