import { AsyncLocalStorage } from 'node:async_hooks';

const pinned = new AsyncLocalStorage<Date>();

/** The time source of the application; tests and report generation pin it. */
export abstract class Clock {
  abstract now(): Date;

  /**
   * Runs `work` with every clock answering `instant`: for writing history as of its own date
   * (the demo's returns are submitted a fortnight after their quarter, not all at seeding time,
   * so deadlines and "late" read as they would have).
   */
  static at<T>(instant: Date, work: () => Promise<T>): Promise<T> {
    return pinned.run(new Date(instant.getTime()), work);
  }

  protected pinnedNow(): Date | undefined {
    const instant = pinned.getStore();
    return instant && new Date(instant.getTime());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return this.pinnedNow() ?? new Date();
  }
}

export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  now(): Date {
    return this.pinnedNow() ?? new Date(this.instant.getTime());
  }

  set(instant: Date): void {
    this.instant = instant;
  }
}
