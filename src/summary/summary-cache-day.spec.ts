import { buildSummary } from '../../test/factories/summary.factory';
import { returnDeadline, DEFAULT_RETURN_DEADLINE_DAYS } from '../domain/deadlines';

// The summary cache (summary.service.ts) computes a summary once per UTC day and writes only
// `asOf` per request. That is right only while the clock moves nothing else within a day: this
// fails if a rule starts to depend on the time of day.
describe('a summary within one UTC day differs only in asOf', () => {
  const period = buildSummary().period;
  const deadline = returnDeadline(period, DEFAULT_RETURN_DEADLINE_DAYS);
  const dayAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const withoutAsOf = (now: string) => ({ ...buildSummary({ now }), asOf: null });

  it.each([-10, -1, 0, 1, 45])('on the deadline day plus %i days', (offset) => {
    const day = dayAfter(deadline, offset);
    const first = withoutAsOf(`${day}T00:00:00.000Z`);
    expect(withoutAsOf(`${day}T12:34:56.789Z`)).toEqual(first);
    expect(withoutAsOf(`${day}T23:59:59.999Z`)).toEqual(first);
  });

  it('does change from one day to the next (the scenario has returns a deadline applies to)', () => {
    const s = buildSummary({ now: `${dayAfter(deadline, 1)}T09:00:00Z` });
    expect(s.missingReturns.length).toBeGreaterThan(0);
    expect(withoutAsOf(`${dayAfter(deadline, 2)}T09:00:00Z`)).not.toEqual(withoutAsOf(`${dayAfter(deadline, 1)}T09:00:00Z`));
  });
});
