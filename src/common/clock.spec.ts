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
