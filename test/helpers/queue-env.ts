// Imported first by a test file whose app renders through the BullMQ queue: the configuration is
// read once, when the app module is first loaded, so queue mode is set before. The prefix is this
// run's own, so parallel runs on one Redis never take each other's jobs.
import { randomBytes } from 'node:crypto';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const QUEUE_PREFIX = `e2e-${randomBytes(6).toString('hex')}`;

Object.assign(process.env, { REDIS_URL, REPORT_RENDER_MODE: 'queue', REPORT_QUEUE_PREFIX: QUEUE_PREFIX, REDIS_PREFIX: QUEUE_PREFIX, REPORT_QUEUE_TIMEOUT_MS: '90000' });
