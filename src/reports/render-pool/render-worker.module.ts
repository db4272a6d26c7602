/**
 * `npm run worker`: a Nest application context without HTTP that takes board-pack renders from
 * the BullMQ queue and renders them in its own thread pool. Rendering off this process's main
 * thread too keeps BullMQ's lock renewals on time, so a long county pack is never taken for a
 * stalled job and rendered twice.
 *
 * A job names its summary (SummaryOf) rather than carrying it: the worker reads the same
 * database and computes it here, with the API's own SummaryService (its cache invalidated
 * through the same Redis generations), so the API instance that asked spends nothing on it.
 */
import { BullModule, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import type { Job } from 'bullmq';
import { AppLoggerModule } from '../../common/logging';
import { type EnvironmentVariables, validateEnv } from '../../config/env.validation';
import { PoolReportRenderer } from './pool-report-renderer';
import { RENDER_QUEUE, RENDERED_PDF_SECONDS, redisConnection, renderedPdfKey } from './render-queue';
import { CommonModule } from '../../common/common.module';
import { DatabaseModule } from '../../database/database.module';
import { REDIS, RedisModule, type RedisClient } from '../../redis/redis.module';
import { SummaryModule } from '../../summary/summary.module';
import { SummaryService } from '../../summary/summary.service';
import type { RenderOfRequest, RenderRequest } from './render-request';
import { WARM_UP_TEMPLATE } from './report-renderer.provider';

const LOCAL_POOL = Symbol('LOCAL_POOL');

@Processor(RENDER_QUEUE)
export class RenderProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RenderProcessor.name);
  private readonly templatesDir: string;
  private readonly concurrency: number;
  private readonly prefix: string;

  constructor(
    @Inject(LOCAL_POOL) private readonly pool: PoolReportRenderer,
    private readonly summaries: SummaryService,
    @Inject(REDIS) private readonly redis: RedisClient,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    super();
    this.templatesDir = config.get('TEMPLATES_DIR', { infer: true });
    this.concurrency = config.get('REPORT_CONCURRENCY', { infer: true });
    this.prefix = config.get('REPORT_QUEUE_PREFIX', { infer: true });
  }

  onApplicationBootstrap(): void {
    // One job per render thread: more would only queue inside this process, out of other workers' reach.
    this.worker.concurrency = this.concurrency;
  }

  /** The PDF goes to its own Redis key (renderedPdfKey), and the job's result names it. */
  async process(job: Job<RenderRequest | RenderOfRequest>): Promise<string> {
    const { template, context } = job.data;
    const summary = 'summaryOf' in job.data ? await this.summaryOf(job.data) : job.data.summary;
    // This worker's own templates folder: the API's path may not exist on this machine.
    const pdf = await this.pool.renderShared({ templatesDir: this.templatesDir, template, summary, context });
    const key = renderedPdfKey(this.prefix, job.id!);
    await this.redis!.set(key, pdf, 'EX', RENDERED_PDF_SECONDS);
    return key;
  }

  private summaryOf({ summaryOf: of }: RenderOfRequest) {
    return this.summaries.summarise(of.strategyId, { period: of.period, ...(of.themeId ? { themeId: of.themeId } : {}), ...(of.partnershipId ? { partnershipId: of.partnershipId } : {}) });
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error({ err: error, jobId: job?.id }, 'board pack render failed');
  }
}

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv }),
    AppLoggerModule,
    CommonModule,
    // The summary of a queued render is loaded here, from the database the API instances use.
    DatabaseModule,
    RedisModule,
    SummaryModule,
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) => {
        const url = config.get('REDIS_URL', { infer: true });
        if (!url) throw new Error('npm run worker needs REDIS_URL: the render queue lives in Redis');
        return { connection: redisConnection(url), prefix: config.get('REPORT_QUEUE_PREFIX', { infer: true }) };
      },
    }),
    BullModule.registerQueue({ name: RENDER_QUEUE }),
  ],
  providers: [
    {
      provide: LOCAL_POOL,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) =>
        new PoolReportRenderer({
          templatesDir: config.get('TEMPLATES_DIR', { infer: true }),
          concurrency: config.get('REPORT_CONCURRENCY', { infer: true }),
          warmUpTemplate: config.get('REPORT_WARM_UP', { infer: true }) ? WARM_UP_TEMPLATE : undefined,
        }),
    },
    RenderProcessor,
  ],
})
export class RenderWorkerModule {}
