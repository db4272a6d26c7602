// Imported first by a test file whose apps share state through Redis (summary cache generations,
// login counts): the configuration is read once, when the app module is first loaded. The key
// prefix is this run's own, so parallel runs on one Redis never count each other's logins.
import { randomBytes } from 'node:crypto';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const REDIS_PREFIX = `e2e-${randomBytes(6).toString('hex')}`;

Object.assign(process.env, { REDIS_URL, REDIS_PREFIX, REPORT_RENDER_MODE: 'local' });
