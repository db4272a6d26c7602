import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue, Worker } from 'bullmq';
import { Clock } from '../common/clock';
import type { EnvironmentVariables } from '../config/env.validation';
import { redisConnection } from '../reports/render-pool/render-queue';
import { NotificationsService, type SchedulerRun } from './notifications.service';

export const REMINDERS_QUEUE = 'reminders';

/**
 * Runs the reminder pass every REMINDERS_EVERY_MINUTES. With REDIS_URL, as a BullMQ repeatable
 * job: every server registers the same job scheduler, Redis holds one, and one worker takes each
 * run; without Redis, on a timer in this process. Either way the notifications table's unique
 * key is what keeps a message from going twice (two servers on timers, a job retried, a restart
 * mid-run). Off under NODE_ENV=test unless REMINDERS_SCHEDULER=true.
 */
@Injectable()
export class RemindersScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RemindersScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  get mode(): 'off' | 'queue' | 'timer' {
    if (!this.config.get('REMINDERS_SCHEDULER', { infer: true })) return 'off';
    return this.config.get('REDIS_URL', { infer: true }) ? 'queue' : 'timer';
  }

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.get('REMINDERS_EVERY_MINUTES', { infer: true }) * 60_000;
    if (this.mode === 'timer') {
      this.timer = setInterval(() => void this.trigger(), every);
      this.timer.unref();
    } else if (this.mode === 'queue') {
      const { Queue: BullQueue, Worker: BullWorker } = await import('bullmq');
      const connection = redisConnection(this.config.get('REDIS_URL', { infer: true })!);
      const prefix = this.config.get('REPORT_QUEUE_PREFIX', { infer: true });
      this.queue = new BullQueue(REMINDERS_QUEUE, { connection, prefix });
      this.worker = new BullWorker<{ at?: string }, SchedulerRun>(
        REMINDERS_QUEUE,
        (job) => this.notifications.run(job.data.at ? new Date(job.data.at) : this.clock.now()),
        { connection, prefix, concurrency: 1 },
      );
      this.worker.on('failed', (job, error) => this.logger.error(`reminder run ${job?.id ?? ''} failed: ${error.message}`));
      await this.queue.upsertJobScheduler('reminders', { every }, { name: 'run', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
    }
  }

  /**
   * One run now (or as of `at`): on the queue when there is one, as a job whose id is the moment,
   * so two servers asked for the same run at once add one job; otherwise in this process.
   */
  async trigger(at?: Date): Promise<void> {
    if (this.queue) {
      const moment = (at ?? this.clock.now()).toISOString();
      await this.queue.add('run', { at: moment }, { jobId: `at-${moment.replace(/[:.]/g, '-')}`, removeOnComplete: 100, removeOnFail: 100 });
      return;
    }
    this.running = this.running
      .then(() => this.notifications.run(at ?? this.clock.now()))
      .catch((error: unknown) => this.logger.error(`reminder run failed: ${error instanceof Error ? error.message : String(error)}`));
    await this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.worker?.close();
    await this.queue?.close();
    await this.running;
  }
}
