// Runs before each e2e test file of the SQLite pass: a fresh database file (and report store)
// per test file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'scs-e2e-'));
process.env.TEST_DB_ENGINE = 'sqlite';
process.env.DATABASE_PATH = join(dir, 'e2e.sqlite');
// Packs live in the database, the default; a test that wants files sets REPORTS_DIR itself.
delete process.env.REPORTS_DIR;
delete process.env.DATABASE_URL;
delete process.env.DATABASE_SCHEMA;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.NODE_ENV = 'test';
process.env.JWT_SECRET = 'e2e-test-secret-that-is-at-least-32-characters';
process.env.ADMIN_EMAIL = 'admin@e2e.test';
process.env.ADMIN_PASSWORD = 'admin-password-e2e';
process.env.REPORT_WARM_UP = 'false';
