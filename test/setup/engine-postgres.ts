// Runs before each e2e test file of the PostgreSQL pass: a schema of its own per test file,
// created (and dropped) by test/helpers/app.ts.
import { randomBytes } from 'node:crypto';

process.env.TEST_DB_ENGINE = 'postgres';
process.env.DATABASE_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
process.env.DATABASE_SCHEMA = `e2e_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
// Packs live in the database, the default; a test that wants files sets REPORTS_DIR itself.
delete process.env.REPORTS_DIR;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.NODE_ENV = 'test';
process.env.JWT_SECRET = 'e2e-test-secret-that-is-at-least-32-characters';
process.env.ADMIN_EMAIL = 'admin@e2e.test';
process.env.ADMIN_PASSWORD = 'admin-password-e2e';
process.env.REPORT_WARM_UP = 'false';
