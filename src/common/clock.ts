import { AsyncLocalStorage } from 'node:async_hooks';

const pinned = new AsyncLocalStorage<Date>();

/** The time source of the application; tests and report generation pin it. */
export abstract class Clock {
  /** The moment the work is about: the machine's time, or the instant `Clock.at` pinned. */
  abstract now(): Date;

  /**
   * The machine's time even inside `Clock.at`: for how long a process may hold something (the
   * outbox's send leases and retry back-offs), which is about now, not about the moment a pass is
   * run as of. (A pass as of last week that leased a message for ten minutes of last week left it
   * free for every other pass to send again, mid-send.)
   */
  abstract wallNow(): Date;

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

  wallNow(): Date {
    return new Date();
  }
}

export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  now(): Date {
    return this.pinnedNow() ?? new Date(this.instant.getTime());
  }

  /** The fixed instant, as `set` last moved it: a test's machine time. */
  wallNow(): Date {
    return new Date(this.instant.getTime());
  }

  set(instant: Date): void {
    this.instant = instant;
  }
}
