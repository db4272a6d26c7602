import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, describeValue, EnvironmentVariables, DEVELOPMENT_JWT_SECRET, jwtSecretOf, validateEnv } from './env.validation';

describe('validateEnv', () => {
  it('applies the documented defaults', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_PATH: 'data/scs.sqlite',
      LOG_LEVEL: 'info',
      BODY_LIMIT: '5mb',
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reads numbers and URLs from strings', () => {
    const env = validateEnv({ PORT: '8080', DATABASE_URL: 'postgres://scs@db.example:5432/scs' });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe('postgres://scs@db.example:5432/scs');
  });

  it('treats an empty DATABASE_URL as unset (SQLite)', () => {
    expect(validateEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['DATABASE_URL', 'mysql://root@localhost/scs'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['BODY_LIMIT', 'huge'],
    ['DATABASE_SCHEMA', 'Bad-Name'],
    ['HTTP_BODY_TIMEOUT_MS', '30s'],
    ['DATABASE_LOCK_TIMEOUT_MS', '10000'],
    ['SMTP_URL', 'http://mail.example'],
    ['PUBLIC_URL', 'https://scs.example.gov.uk/'],
    ['REMINDER_DAYS_BEFORE', '0'],
    ['ESCALATION_DAYS_AFTER', 'week'],
    ['REMINDERS_SCHEDULER', 'sometimes'],
  ])('stops on a bad %s (%s) with a message naming it', (name, value) => {
    expect(() => validateEnv({ [name]: value })).toThrow(ConfigurationError);
    expect(() => validateEnv({ [name]: value })).toThrow(new RegExp(`${name}: .*got "${value}"`));
  });

  it('names every bad variable at once', () => {
    try {
      validateEnv({ PORT: 'x', LOG_LEVEL: 'y' });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/LOG_LEVEL/);
    }
  });

  it('refuses to start in production without JWT_SECRET, and never uses the development default there', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is required when NODE_ENV=production/);
    expect(validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), SESSION_SECRET: 'y'.repeat(32) }).JWT_SECRET).toBe('x'.repeat(32));
    expect(() => jwtSecretOf(undefined, 'production')).toThrow(ConfigurationError);
    expect(jwtSecretOf(undefined, 'development')).toBe(DEVELOPMENT_JWT_SECRET);
    expect(jwtSecretOf('a-real-secret-of-enough-length-here', 'production')).toBe('a-real-secret-of-enough-length-here');
  });

  it('wants JWT_SECRET long enough, and ADMIN_EMAIL with ADMIN_PASSWORD or neither', () => {
    expect(() => validateEnv({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32 characters/);
    expect(() => validateEnv({ ADMIN_EMAIL: 'admin@example.test' })).toThrow(/ADMIN_EMAIL, ADMIN_PASSWORD: set both or neither/);
    expect(validateEnv({ RATE_LIMIT_PER_MINUTE: '120', CORS_ORIGINS: 'https://scs.example.gov.uk, https://board.example.gov.uk' })).toMatchObject({
      RATE_LIMIT_PER_MINUTE: 120,
      CORS_ORIGINS: 'https://scs.example.gov.uk, https://board.example.gov.uk',
    });
  });

  it('wants a SESSION_SECRET in production, long enough, and REDIS_URL as a Redis URL', () => {
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(/SESSION_SECRET: is required when NODE_ENV=production/);
    expect(() => validateEnv({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: must be at least 32 characters/);
    expect(() => validateEnv({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL: must be a Redis URL/);
    expect(validateEnv({ REDIS_URL: 'redis://127.0.0.1:6379', SERVICE_NAME: 'Report your figures' })).toMatchObject({
      REDIS_URL: 'redis://127.0.0.1:6379',
      SERVICE_NAME: 'Report your figures',
    });
  });

  it('renders through the queue by default only when there is a Redis, and refuses queue mode without one', () => {
    expect(validateEnv({}).REPORT_RENDER_MODE).toBe('local');
    expect(validateEnv({ REDIS_URL: 'redis://127.0.0.1:6379' }).REPORT_RENDER_MODE).toBe('queue');
    expect(validateEnv({ REDIS_URL: 'redis://127.0.0.1:6379', REPORT_RENDER_MODE: 'local' }).REPORT_RENDER_MODE).toBe('local');
    expect(() => validateEnv({ REPORT_RENDER_MODE: 'queue' })).toThrow(/REPORT_RENDER_MODE: queue needs REDIS_URL/);
    expect(() => validateEnv({ REPORT_RENDER_MODE: 'threads' })).toThrow(/REPORT_RENDER_MODE: must be local, queue or inline/);
    expect(validateEnv({ REDIS_URL: 'redis://127.0.0.1:6379', REPORT_RENDER_MODE: 'inline' }).REPORT_RENDER_MODE).toBe('inline');
  });

  it('takes REPORT_CONCURRENCY as a whole number of threads, 1 by default', () => {
    expect(validateEnv({}).REPORT_CONCURRENCY).toBe(1);
    expect(validateEnv({ REPORT_CONCURRENCY: '4' }).REPORT_CONCURRENCY).toBe(4);
    expect(() => validateEnv({ REPORT_CONCURRENCY: '0' })).toThrow(/REPORT_CONCURRENCY/);
    expect(() => validateEnv({ REPORT_CONCURRENCY: 'two' })).toThrow(/REPORT_CONCURRENCY: .*must be a whole number of threads/);
    expect(() => validateEnv({ REPORT_QUEUE_PREFIX: 'a b' })).toThrow(/REPORT_QUEUE_PREFIX/);
  });
});

describe('configuration errors never echo a secret', () => {
  const messageOf = (raw: Record<string, string>): string => {
    try {
      validateEnv(raw);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigurationError');
  };

  it('names a too-short JWT_SECRET without repeating it', () => {
    const message = messageOf({ JWT_SECRET: 'hunter2-short' });
    expect(message).toMatch(/JWT_SECRET: must be at least 32 characters/);
    expect(message).not.toContain('hunter2');
  });

  it('names a too-short ADMIN_PASSWORD without repeating it', () => {
    const message = messageOf({ ADMIN_EMAIL: 'admin@example.test', ADMIN_PASSWORD: 'pw-secret' });
    expect(message).toMatch(/ADMIN_PASSWORD: must be at least 10 characters/);
    expect(message).not.toContain('pw-secret');
  });

  it.each([
    ['DATABASE_URL', 'mysql://scs:s3cr3t-pw@db.example:3306/scs', 'mysql://scs:***@db.example:3306/scs'],
    ['DATABASE_URL', 'postgres://scs:p@ss w0rd@db.example/scs', 'postgres://scs:***@db.example/scs'],
    ['DATABASE_URL', 'postgres://db.example/scs?user=scs&password=s3cr3t-pw x', 'postgres://db.example/scs?user=scs&password=***'],
  ])('shows a bad %s (%s) with its password masked', (name, value, shown) => {
    const message = messageOf({ [name]: value });
    expect(message).toContain(`${name}: `);
    expect(message).toContain(JSON.stringify(shown));
    expect(message).not.toMatch(/s3cr3t|p@ss/);
  });

  it.each([
    ['REDIS_URL', 'redis://:s3cr3t-pw@cache.example:6379', 'got "redis://:***@cache.example:6379"'],
    ['SMTP_URL', 'smtps://mailer:s3cr3t-pw@smtp.example:465', 'got "smtps://mailer:***@smtp.example:465"'],
    ['SMTP_PASSWORD', 's3cr3t-pw', 'value not shown: it is a secret'],
    ['API_KEY', 's3cr3t-pw', 'value not shown: it is a secret'],
    ['PORT', 'abc', 'got "abc"'],
  ])('describes any %s safely, whichever variables the service comes to read', (name, value, shown) => {
    expect(describeValue(name, value)).toBe(shown);
  });
});

describe('.env.example', () => {
  it('lists every variable the service reads, and no other', () => {
    const listed = [...readFileSync(join(__dirname, '../../.env.example'), 'utf8').matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    const read = [...new Set(getMetadataStorage().getTargetValidationMetadatas(EnvironmentVariables, '', true, false).map((m) => m.propertyName))];
    expect([...new Set(listed)].sort()).toEqual(read.sort());
  });

  it('is valid as it stands, with every setting uncommented', () => {
    const text = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
    const values = Object.fromEntries([...text.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(() => validateEnv({ ...values, JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-long-enough-password' })).not.toThrow();
  });
});

describe('validateEnv: HTTP and database timeouts', () => {
  it('has bounded defaults: a locked SQLite file fails within 5 s, a slow body within 30 s', () => {
    const env = validateEnv({});
    expect(env.DATABASE_LOCK_TIMEOUT_MS).toBeLessThan(5_000);
    expect(env.HTTP_BODY_TIMEOUT_MS).toBe(30_000);
    expect(env.HTTP_HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(env.HTTP_REQUEST_TIMEOUT_MS);
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    expect(() => validateEnv({ HTTP_HEADERS_TIMEOUT_MS: '90000', HTTP_REQUEST_TIMEOUT_MS: '60000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS: the headers timeout must not exceed the request timeout/,
    );
  });
});

describe('validateEnv: email', () => {
  it('sends no email by default, and runs the scheduler except under NODE_ENV=test', () => {
    expect(validateEnv({})).toMatchObject({ SMTP_URL: undefined, REMINDER_DAYS_BEFORE: 7, ESCALATION_DAYS_AFTER: 7, REMINDERS_SCHEDULER: true });
    expect(validateEnv({ NODE_ENV: 'test' }).REMINDERS_SCHEDULER).toBe(false);
    expect(validateEnv({ NODE_ENV: 'test', REMINDERS_SCHEDULER: 'true', SMTP_URL: 'smtp://127.0.0.1:2525' })).toMatchObject({ REMINDERS_SCHEDULER: true, SMTP_URL: 'smtp://127.0.0.1:2525' });
  });

  it('never repeats an SMTP password in an error', () => {
    expect(() => validateEnv({ SMTP_URL: 'ftp://user:hunter2@mail.example' })).toThrow(/SMTP_URL: .*got "ftp:\/\/user:\*\*\*@mail.example"/);
  });
});
