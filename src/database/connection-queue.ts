/**
 * Operations on one connection, a transaction's, run one after another in the order they are
 * given: node-postgres deprecates sending a query while another is running on the same client.
 * A caller can hand over its next statements and go on working while they run (the returns
 * import reads and writes through one while it checks the next rows).
 *
 * Once an operation fails, nothing later runs: each later one rejects with that first failure,
 * so that is the error reported, and nothing more is sent on a transaction that is failing.
 */
export class ConnectionQueue {
  private last: Promise<unknown> = Promise.resolve();

  /** Runs `operation` after everything given before it; its promise settles with it. */
  readonly run = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = this.last.then(operation);
    this.last = run;
    // Whoever awaits `drained` or this promise hears of a failure; it must not count as unhandled meanwhile.
    run.catch(() => undefined);
    return run;
  };

  /** Settles when everything given so far has run; rejects with the first failure. */
  async drained(): Promise<void> {
    await this.last;
  }
}
