import { ConnectionQueue } from './connection-queue';

const later = <T>(value: T, ms = 5): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ms));

describe('ConnectionQueue', () => {
  it('runs operations one at a time, in the order given, even when an earlier one takes longer', async () => {
    const queue = new ConnectionQueue();
    const log: string[] = [];
    let running = 0;
    const op = (name: string, ms: number) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await later(null, ms);
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = [queue.run(op('a', 20)), queue.run(op('b', 1)), queue.run(op('c', 5))];
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('does not start an operation until it is its turn', async () => {
    const queue = new ConnectionQueue();
    let release!: () => void;
    void queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    const second = jest.fn(async () => 'second');
    const result = queue.run(second);
    await later(null);
    expect(second).not.toHaveBeenCalled();
    release();
    await expect(result).resolves.toBe('second');
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('runs nothing after a failure: later operations reject with the first failure, and so does drained', async () => {
    const queue = new ConnectionQueue();
    const first = new Error('duplicate key');
    const after = jest.fn(async () => 'never');
    const ok = queue.run(async () => 'fine');
    const failing = queue.run(async () => {
      throw first;
    });
    const skipped = queue.run(after);
    await expect(ok).resolves.toBe('fine');
    await expect(failing).rejects.toBe(first);
    await expect(skipped).rejects.toBe(first);
    await expect(queue.drained()).rejects.toBe(first);
    expect(after).not.toHaveBeenCalled();
  });

  it('leaves no unhandled rejection when a failure is only heard of through drained', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const queue = new ConnectionQueue();
      void queue.run(async () => {
        throw new Error('lost');
      });
      await later(null, 20);
      expect(unhandled).not.toHaveBeenCalled();
      await expect(queue.drained()).rejects.toThrow('lost');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('is drained at once when nothing was given, and after the last operation otherwise', async () => {
    const queue = new ConnectionQueue();
    await expect(queue.drained()).resolves.toBeUndefined();
    let done = false;
    void queue.run(async () => {
      await later(null, 10);
      done = true;
    });
    await queue.drained();
    expect(done).toBe(true);
  });
});
