import { batchEscalations, daysFromDeadline, DEFAULT_REMINDER_POLICY, digestDue, digestWorthSending, MAX_SEND_ATTEMPTS, retryDelayMs, dueMessages, isoWeek, mayOptOut, OwedReturn, Recipient, stageAt } from './reminders';

const at = (iso: string) => new Date(iso);
// 2025-26 Q4 ends 31 March 2026; with the default 30 days its deadline is 30 April 2026.
const DEADLINE = '2026-04-30';

describe('daysFromDeadline', () => {
  it.each([
    ['2026-04-23T09:00:00Z', -7],
    ['2026-04-30T00:00:00Z', 0],
    ['2026-04-30T23:59:59Z', 0],
    ['2026-05-01T00:00:00Z', 1],
    ['2026-05-08T09:00:00Z', 8],
    ['2027-04-30T09:00:00Z', 365],
  ])('at %s is %i', (now, days) => {
    expect(daysFromDeadline(DEADLINE, at(now))).toBe(days);
  });

  it('refuses a deadline that is not a real day, and an invalid instant', () => {
    expect(() => daysFromDeadline('2026-02-30', at('2026-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => daysFromDeadline(DEADLINE, new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('stageAt (default policy: 7 days before, escalation 7 days after the overdue notice, 7 days to catch up)', () => {
  it.each([
    ['2026-04-22T23:59:59Z', null], // day −8: too early
    ['2026-04-23T00:00:00Z', 'reminder'], // day −7
    ['2026-04-25T09:00:00Z', 'reminder'],
    ['2026-04-30T23:00:00Z', 'reminder'], // the deadline day is still on time
    ['2026-05-01T00:00:00Z', 'overdue'], // the day after
    ['2026-05-07T12:00:00Z', 'overdue'], // day 7
    ['2026-05-08T09:00:00Z', 'escalation'], // deadline + 8
    ['2026-05-15T09:00:00Z', 'escalation'], // day 15: last day of the catch-up window
    ['2026-05-16T00:00:00Z', null], // the window has closed
    ['2027-01-01T00:00:00Z', null],
  ])('at %s: %s', (now, stage) => {
    expect(stageAt(DEADLINE, at(now))).toBe(stage);
  });

  it('follows a different policy', () => {
    const policy = { daysBefore: 3, escalationDaysAfter: 2, catchUpDays: 0 };
    expect(stageAt(DEADLINE, at('2026-04-26T09:00:00Z'), policy)).toBeNull(); // day −4
    expect(stageAt(DEADLINE, at('2026-04-27T09:00:00Z'), policy)).toBe('reminder'); // day −3
    expect(stageAt(DEADLINE, at('2026-05-02T09:00:00Z'), policy)).toBe('overdue'); // day 2
    expect(stageAt(DEADLINE, at('2026-05-03T09:00:00Z'), policy)).toBe('escalation'); // day 3
    expect(stageAt(DEADLINE, at('2026-05-04T09:00:00Z'), policy)).toBeNull(); // no catch-up
  });

  it('refuses a policy that is not whole days', () => {
    expect(() => stageAt(DEADLINE, at('2026-04-25T09:00:00Z'), { ...DEFAULT_REMINDER_POLICY, daysBefore: -1 })).toThrow(/daysBefore/);
    expect(() => stageAt(DEADLINE, at('2026-04-25T09:00:00Z'), { ...DEFAULT_REMINDER_POLICY, catchUpDays: 1.5 })).toThrow(/catchUpDays/);
  });
});

describe('dueMessages', () => {
  const owed = (over: Partial<OwedReturn> = {}): OwedReturn => ({
    strategyId: 's1',
    targetId: 't1',
    code: 'NI 154',
    title: 'Net additional homes',
    period: '2025-26-Q4',
    deadline: DEADLINE,
    partnershipId: 'p1',
    partnershipName: 'Wealden Housing Partnership',
    officerName: 'Priya Shah',
    officerEmail: 'Priya.Shah@wealden.example',
    ...over,
  });
  const person = (email: string, over: Partial<Recipient> = {}): Recipient => ({ email, name: email, language: 'en', optedOut: false, ...over });
  const officers: Record<string, Recipient[]> = {
    p1: [person('priya.shah@wealden.example'), person('tom@wealden.example'), person('quiet@wealden.example', { optedOut: true })],
    p2: [person('ana@rother.example', { language: 'cy' })],
  };
  const coordinators = [person('coord@lsp.example', { optedOut: true }), person('chair@lsp.example')];
  const run = (now: string, returns: OwedReturn[]) =>
    dueMessages({
      now: at(now),
      policy: DEFAULT_REMINDER_POLICY,
      owed: returns,
      accountableOfficer: (o) => person(o.officerEmail, { name: o.officerName }),
      officersOf: (id) => officers[id] ?? [],
      coordinatorsOf: () => coordinators,
    }).map((m) => `${m.kind} ${m.recipient.email} ${m.owed.targetId}`);

  it('reminds the accountable officer and the lead partnership’s officers once each, skipping those who opted out', () => {
    expect(run('2026-04-23T09:00:00Z', [owed()])).toEqual(['reminder priya.shah@wealden.example t1', 'reminder tom@wealden.example t1']);
  });

  it('sends the overdue notice to the same people the day after the deadline', () => {
    expect(run('2026-05-01T09:00:00Z', [owed({ partnershipId: 'p2' })])).toEqual(['overdue priya.shah@wealden.example t1', 'overdue ana@rother.example t1']);
  });

  it('escalates to every coordinator, opted out or not, and not to the officers', () => {
    expect(run('2026-05-08T09:00:00Z', [owed()])).toEqual(['escalation coord@lsp.example t1', 'escalation chair@lsp.example t1']);
  });

  it('owes nothing outside the windows, and judges each return by its own deadline', () => {
    expect(run('2026-04-01T09:00:00Z', [owed()])).toEqual([]);
    expect(run('2026-04-25T09:00:00Z', [owed(), owed({ targetId: 't2', deadline: '2026-06-30' })])).toEqual([
      'reminder priya.shah@wealden.example t1',
      'reminder tom@wealden.example t1',
    ]);
  });

  it('leaves out a return whose officer has no address and whose partnership has no officers', () => {
    expect(run('2026-04-25T09:00:00Z', [owed({ officerEmail: '', partnershipId: 'none' })])).toEqual([]);
  });

  it('keeps the recipient’s language', () => {
    const messages = dueMessages({
      now: at('2026-04-25T09:00:00Z'),
      policy: DEFAULT_REMINDER_POLICY,
      owed: [owed({ partnershipId: 'p2', officerEmail: '' })],
      accountableOfficer: () => null,
      officersOf: (id) => officers[id] ?? [],
      coordinatorsOf: () => [],
    });
    expect(messages.map((m) => m.recipient.language)).toEqual(['cy']);
  });
});

describe('batchEscalations', () => {
  const owed = (targetId: string, over: Partial<OwedReturn> = {}): OwedReturn => ({
    strategyId: 's1',
    targetId,
    code: targetId.toUpperCase(),
    title: `Target ${targetId}`,
    period: '2025-26-Q4',
    deadline: DEADLINE,
    partnershipId: 'p1',
    partnershipName: 'Wealden Housing Partnership',
    officerName: 'Priya Shah',
    officerEmail: 'priya.shah@wealden.example',
    ...over,
  });
  const person = (email: string): Recipient => ({ email, name: email, language: 'en', optedOut: false });
  const chair = person('chair@lsp.example');
  const coord = person('coord@lsp.example');
  const officer = person('priya.shah@wealden.example');
  const summary = (batches: ReturnType<typeof batchEscalations>['escalations']) =>
    batches.map((b) => `${b.recipient.email} ${b.strategyId} ${b.period} ${b.deadline}: ${b.owed.map((o) => o.targetId).join(',')}`);

  it('gives each coordinator one escalation per strategy and quarter, listing its returns in order', () => {
    const { each, escalations } = batchEscalations([
      { kind: 'escalation', recipient: chair, owed: owed('t1') },
      { kind: 'escalation', recipient: coord, owed: owed('t1') },
      { kind: 'escalation', recipient: chair, owed: owed('t2') },
      { kind: 'escalation', recipient: coord, owed: owed('t2') },
      { kind: 'escalation', recipient: chair, owed: owed('t3') },
    ]);
    expect(each).toEqual([]);
    expect(summary(escalations)).toEqual(['chair@lsp.example s1 2025-26-Q4 2026-04-30: t1,t2,t3', 'coord@lsp.example s1 2025-26-Q4 2026-04-30: t1,t2']);
  });

  it('keeps strategies and quarters apart, and dates a batch by its earliest deadline', () => {
    const { escalations } = batchEscalations([
      { kind: 'escalation', recipient: chair, owed: owed('t1') },
      { kind: 'escalation', recipient: chair, owed: owed('t9', { strategyId: 's2' }) },
      { kind: 'escalation', recipient: chair, owed: owed('t2', { period: '2025-26-Q3', deadline: '2026-01-30' }) },
      { kind: 'escalation', recipient: chair, owed: owed('t3', { deadline: '2026-04-29' }) },
    ]);
    expect(summary(escalations)).toEqual([
      'chair@lsp.example s1 2025-26-Q4 2026-04-29: t1,t3',
      'chair@lsp.example s2 2025-26-Q4 2026-04-30: t9',
      'chair@lsp.example s1 2025-26-Q3 2026-01-30: t2',
    ]);
  });

  it('passes reminders and overdue notices through one by one, as they came', () => {
    const reminder = { kind: 'reminder' as const, recipient: officer, owed: owed('t1') };
    const overdue = { kind: 'overdue' as const, recipient: officer, owed: owed('t2') };
    const { each, escalations } = batchEscalations([reminder, { kind: 'escalation', recipient: chair, owed: owed('t3') }, overdue]);
    expect(each).toEqual([reminder, overdue]);
    expect(summary(escalations)).toEqual(['chair@lsp.example s1 2025-26-Q4 2026-04-30: t3']);
  });

  it('has nothing to batch in nothing', () => {
    expect(batchEscalations([])).toEqual({ each: [], escalations: [] });
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-04-25T09:00:00Z', '2026-W17'],
    ['2026-01-01T00:00:00Z', '2026-W01'], // a Thursday
    ['2027-01-01T00:00:00Z', '2026-W53'], // a Friday: still the last week of 2026
    ['2024-12-30T00:00:00Z', '2025-W01'], // a Monday in the first week of 2025
    ['2026-04-26T23:59:59Z', '2026-W17'], // Sunday ends the week
    ['2026-04-27T00:00:00Z', '2026-W18'],
  ])('%s is in %s', (now, week) => {
    expect(isoWeek(at(now))).toBe(week);
  });
});

describe('opt-out and digests', () => {
  it('lets people switch off everything but escalations', () => {
    expect(mayOptOut('escalation')).toBe(false);
    for (const kind of ['reminder', 'overdue', 'returned', 'approved', 'digest'] as const) expect(mayOptOut(kind)).toBe(true);
  });

  it('sends a digest only when it has something in it', () => {
    expect(digestWorthSending({ waitingForApproval: 0, overdue: 0, newlyRed: 0 })).toBe(false);
    expect(digestWorthSending({ waitingForApproval: 0, overdue: 0, newlyRed: 1 })).toBe(true);
    expect(digestWorthSending({ waitingForApproval: 2, overdue: 0, newlyRed: 0 })).toBe(true);
  });
});

describe('retries and digests', () => {
  it('backs off 1, 4, 16 and 64 minutes, then gives up', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([60_000, 240_000, 960_000, 3_840_000]);
    expect(retryDelayMs(MAX_SEND_ATTEMPTS)).toBeNull();
    expect(() => retryDelayMs(0)).toThrow(RangeError);
  });

  it('sends digests on Mondays only', () => {
    expect(digestDue(at('2026-04-27T00:00:00Z'))).toBe(true); // Monday
    expect(digestDue(at('2026-04-26T23:59:59Z'))).toBe(false); // Sunday
    expect(digestDue(at('2026-04-28T09:00:00Z'))).toBe(false);
  });
});
