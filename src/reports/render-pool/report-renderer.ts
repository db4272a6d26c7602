import type { LayoutContext } from '../rendering';
import type { StrategySummaryDto } from '../../summary/summary.dto';
import { type RenderRequest, renderKey, renderRequest, type SummaryOf } from './render-request';

/**
 * Turns a summary into a board pack's PDF somewhere other than the API's main thread: a thread
 * pool in this process (`local`), or `npm run worker` processes behind a BullMQ queue (`queue`).
 * Identical requests made while one is in progress share it rather than rendering twice.
 */
export abstract class ReportRenderer {
  private readonly inFlight = new Map<string, Promise<Buffer>>();

  /**
   * True when this renderer loads the summary itself from a SummaryOf (`renderOf`): the queue's
   * workers read the same database, so the caller need not compute the summary at all.
   */
  readonly summarisesItself: boolean = false;

  constructor(protected readonly templatesDir: string) {}

  render(summary: StrategySummaryDto, template: string, context: LayoutContext): Promise<Buffer> {
    return this.renderShared(renderRequest(this.templatesDir, template, summary, context));
  }

  renderShared(request: RenderRequest): Promise<Buffer> {
    return this.share(renderKey(request), (key) => this.perform(request, key));
  }

  /** Renders the summary `summaryOf` names; only where `summarisesItself`. */
  renderOf(_summaryOf: SummaryOf, _template: string, _context: LayoutContext): Promise<Buffer> {
    return Promise.reject(new Error(`${this.constructor.name} draws only a summary it is given`));
  }

  /** One render per key at a time: a request with the key of one in progress waits for it. */
  protected share(key: string, run: (key: string) => Promise<Buffer>): Promise<Buffer> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = run(key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Settles when this renderer is warmed up (benchmarks wait for it; requests never need to). */
  ready(): Promise<void> {
    return Promise.resolve();
  }

  /** Renders currently in progress or waiting here (shared ones count once). */
  get pending(): number {
    return this.inFlight.size;
  }

  protected abstract perform(request: RenderRequest, key: string): Promise<Buffer>;
}
