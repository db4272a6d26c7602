import { Clock, FixedClock, SystemClock } from './clock';

describe('Clock.at', () => {
  const instant = new Date('2026-04-14T09:00:00Z');

  it('pins every clock inside the work, and only there', async () => {
    const fixed = new FixedClock(new Date('2025-11-15T10:00:00Z'));
    const system = new SystemClock();
    const seen = await Clock.at(instant, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return [fixed.now().toISOString(), system.now().toISOString()];
    });
    expect(seen).toEqual([instant.toISOString(), instant.toISOString()]);
    expect(fixed.now().toISOString()).toBe('2025-11-15T10:00:00.000Z');
    expect(Math.abs(system.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('hands out copies, so a caller cannot move the pinned instant', async () => {
    await Clock.at(instant, async () => {
      new SystemClock().now().setUTCFullYear(2000);
      expect(new SystemClock().now().toISOString()).toBe(instant.toISOString());
    });
  });
});

describe('Clock.wallNow', () => {
  it('answers the machine’s time even inside Clock.at, for leases and back-offs', async () => {
    const fixed = new FixedClock(new Date('2026-05-04T09:00:00Z'));
    const system = new SystemClock();
    const seen = await Clock.at(new Date('2025-01-01T00:00:00Z'), async () => [fixed.wallNow().toISOString(), system.wallNow().getTime()]);
    expect(seen[0]).toBe('2026-05-04T09:00:00.000Z');
    expect(Math.abs((seen[1] as number) - Date.now())).toBeLessThan(1000);
    fixed.set(new Date('2026-05-04T10:00:00Z'));
    expect(fixed.wallNow().toISOString()).toBe('2026-05-04T10:00:00.000Z');
  });
});
