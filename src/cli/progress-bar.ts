import { SingleBar } from 'cli-progress';

/** A progress bar on a terminal; silent when output is piped (scripts, CI). */
export function progressBar(total: number, label: string): { tick(detail: string): void; stop(): void } {
  if (!process.stderr.isTTY) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {detail}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
  );
  bar.start(total, 0, { detail: '' });
  return {
    tick: (detail) => bar.increment(1, { detail: detail.slice(0, 40) }),
    stop: () => bar.stop(),
  };
}
