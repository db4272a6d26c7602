/**
 * Loaded only in queue mode (REDIS_URL set and REPORT_RENDER_MODE=queue): nothing here, BullMQ
 * included, is required by a process without Redis.
 */
import { ServiceUnavailableException, type OnModuleDestroy } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import IORedis from 'ioredis';
import type { LayoutContext } from '../rendering';
import { type RenderOfRequest, type RenderRequest, renderOfKey, renderOfRequest, type SummaryOf } from './render-request';
import { RENDER_JOB, RENDER_QUEUE, redisConnection, renderedPdfKey } from './render-queue';
import { ReportRenderer } from './report-renderer';

export interface QueueOptions {
  templatesDir: string;
  redisUrl: string;
  prefix: string;
  /** How long a request waits for a worker to finish its render before 503. */
  timeoutMs: number;
}

/**
 * Sends renders to `npm run worker` processes through BullMQ and waits for the PDF. The job id is
 * the render's key, so identical requests from several instances share one job too; a finished
 * job is kept a minute, long enough for a burst of refreshes to be answered from it.
 */
export class QueueReportRenderer extends ReportRenderer implements OnModuleDestroy {
  /** Workers load the summary from the database themselves (RenderProcessor). */
  override readonly summarisesItself = true;
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  /** Reads the PDF bytes a worker left (renderedPdfKey) as a Buffer: no string, no base64. */
  private readonly bytes: IORedis;

  constructor(private readonly options: QueueOptions) {
    super(options.templatesDir);
    const connection = redisConnection(options.redisUrl);
    this.queue = new Queue(RENDER_QUEUE, { connection, prefix: options.prefix });
    this.events = new QueueEvents(RENDER_QUEUE, { connection, prefix: options.prefix });
    this.bytes = new IORedis(options.redisUrl, { maxRetriesPerRequest: null });
  }

  /** The job carries which summary to draw, not the summary: the worker loads it (RenderProcessor). */
  override renderOf(summaryOf: SummaryOf, template: string, context: LayoutContext): Promise<Buffer> {
    const request = renderOfRequest(this.templatesDir, template, summaryOf, context);
    return this.share(renderOfKey(request), (key) => this.enqueue(request, key));
  }

  protected perform(request: RenderRequest, key: string): Promise<Buffer> {
    return this.enqueue(request, key);
  }

  private async enqueue(request: RenderRequest | RenderOfRequest, key: string, again = true): Promise<Buffer> {
    const job = await this.queue.add(RENDER_JOB, request, {
      jobId: key,
      attempts: 2,
      removeOnComplete: { age: 60 },
      removeOnFail: { age: 60 },
    });
    let result: unknown;
    try {
      result = await job.waitUntilFinished(this.events, this.options.timeoutMs);
    } catch (error) {
      if (error instanceof Error && /timed out/.test(error.message)) {
        throw new ServiceUnavailableException(
          `No report worker finished the render within ${this.options.timeoutMs / 1000} s. Is \`npm run worker\` running against the same Redis (prefix "${this.options.prefix}")?`,
        );
      }
      throw error;
    }
    if (typeof result !== 'string') throw new Error(`Report render job ${key} finished without a PDF`);
    // A worker from before renderedPdfKey answered the PDF itself, as base64.
    if (result !== renderedPdfKey(this.options.prefix, key)) return Buffer.from(result, 'base64');
    const pdf = await this.bytes.getBuffer(result);
    if (pdf) return pdf;
    // A finished job outlived its bytes (BullMQ removes old jobs only when later ones finish): render again.
    if (!again) throw new Error(`Report render job ${key} finished, but its PDF is no longer in Redis`);
    await job.remove().catch(() => undefined);
    return this.enqueue(request, key, false);
  }

  async onModuleDestroy(): Promise<void> {
    await this.events.close();
    await this.queue.close();
    await this.bytes.quit().catch(() => this.bytes.disconnect());
  }
}
