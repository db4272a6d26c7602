import type { OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import type { RenderRequest } from './render-request';
import type { RenderThreadData } from './render-thread';
import { ReportRenderer } from './report-renderer';

/** Heap of one render thread: enough for a county pack, small enough that garbage is collected early. */
const THREAD_HEAP_MB = 128;

export interface PoolOptions {
  templatesDir: string;
  /** Threads rendering at once (REPORT_CONCURRENCY). */
  concurrency: number;
  /** Template each thread renders a throwaway pack with when it starts; none: no warm-up. */
  warmUpTemplate?: string;
}

/**
 * The thread's module. Built, it is the compiled render-thread.js beside this file. Under ts-jest
 * this file is TypeScript and there is no compiled sibling (or a stale one in dist/), so the
 * thread starts from a small bootstrap that compiles TypeScript on load (test/setup/ts-worker-thread.js).
 */
function threadModule(): { filename: string; tsEntry?: string } {
  const compiled = join(__dirname, 'render-thread.js');
  if (__filename.endsWith('.js') && existsSync(compiled)) return { filename: compiled };
  return { filename: resolve(__dirname, '../../../test/setup/ts-worker-thread.js'), tsEntry: join(__dirname, 'render-thread.ts') };
}

/** Renders in a piscina pool of worker threads in this process, so the event loop keeps answering. */
export class PoolReportRenderer extends ReportRenderer implements OnModuleDestroy {
  private readonly pool: Piscina<RenderRequest | { warmUp: true }, Uint8Array>;
  private warmedUp?: Promise<void>;
  private readonly concurrency: number;
  private readonly warmUp: boolean;

  constructor(options: PoolOptions) {
    super(options.templatesDir);
    const { filename, tsEntry } = threadModule();
    const workerData: RenderThreadData & { tsEntry?: string } = {
      tsEntry,
      warmUp: options.warmUpTemplate ? { templatesDir: options.templatesDir, template: options.warmUpTemplate } : undefined,
    };
    this.pool = new Piscina({
      filename,
      workerData,
      // Threads start with the warm-up (startWarmUp, once the server is listening: starting a
      // thread loads the whole PDF stack, which competed with start-up for the CPU and made
      // readiness about a second later, bench/cold-start.ts), or without one (tests, the command
      // line) on the first render. Threads are kept once started: a new thread would be cold again.
      minThreads: 0,
      maxThreads: options.concurrency,
      idleTimeout: Infinity,
      // A thread's heap is sized by V8 from the machine's memory, not by the start script's
      // --max-old-space-size, and lets each pack's garbage (mostly pdfkit's) pile up towards it.
      // A county pack (300 targets, 12 quarters) renders within this; the cap makes the thread
      // collect early: bench:health-under-render measured server RSS after 20 county packs at
      // 320 MB with a 128 MB cap and 284 MB with this one.
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: 8 },
    });
    this.concurrency = options.concurrency;
    this.warmUp = Boolean(options.warmUpTemplate);
  }

  /** Starts the threads and their warm-up renders in the background (main.ts: after listening). Once only. */
  startWarmUp(): Promise<void> {
    this.warmedUp ??= this.warmUp
      ? Promise.all(Array.from({ length: this.concurrency }, () => this.pool.run({ warmUp: true }))).then(() => undefined)
      : Promise.resolve();
    // Not awaited by anyone but benchmarks: a warm-up failure must not be an unhandled rejection.
    this.warmedUp.catch(() => undefined);
    return this.warmedUp;
  }

  /** Settles when every thread has finished its warm-up render (at once when there is none); starts it if not yet started. */
  override ready(): Promise<void> {
    return this.startWarmUp();
  }

  protected async perform(request: RenderRequest): Promise<Buffer> {
    const bytes = await this.pool.run(request);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}
