import { Logger, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EnvironmentVariables } from '../../config/env.validation';
import { InlineReportRenderer } from './inline-report-renderer';
import { PoolReportRenderer } from './pool-report-renderer';
import type { QueueReportRenderer } from './queue-report-renderer';
import { ReportRenderer } from './report-renderer';

/** The template each render thread warms up with (the one most packs use). */
export const WARM_UP_TEMPLATE = 'quarterly-board';

/** The renderer the configuration asks for (REPORT_RENDER_MODE, see .env.example). */
export const reportRendererProvider: Provider = {
  provide: ReportRenderer,
  inject: [ConfigService],
  useFactory: (config: ConfigService<EnvironmentVariables, true>): ReportRenderer => {
    const templatesDir = config.get('TEMPLATES_DIR', { infer: true });
    const redisUrl = config.get('REDIS_URL', { infer: true });
    const mode = config.get('REPORT_RENDER_MODE', { infer: true }) ?? (redisUrl ? 'queue' : 'local');
    if (mode === 'queue' && redisUrl) {
      new Logger('ReportRenderer').log('Board packs are rendered by `npm run worker` processes (REPORT_RENDER_MODE=queue)');
      // Required here, not imported at the top, so that BullMQ is never loaded without Redis.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { QueueReportRenderer: Renderer } = require('./queue-report-renderer') as { QueueReportRenderer: typeof QueueReportRenderer };
      return new Renderer({
        templatesDir,
        redisUrl,
        prefix: config.get('REPORT_QUEUE_PREFIX', { infer: true }),
        timeoutMs: config.get('REPORT_QUEUE_TIMEOUT_MS', { infer: true }),
      });
    }
    // The command line's default (cli-environment.ts): one pack, then exit; no thread to start.
    if (mode === 'inline') return new InlineReportRenderer(templatesDir);
    return new PoolReportRenderer({
      templatesDir,
      concurrency: config.get('REPORT_CONCURRENCY', { infer: true }),
      warmUpTemplate: config.get('REPORT_WARM_UP', { infer: true }) ? WARM_UP_TEMPLATE : undefined,
    });
  },
};
