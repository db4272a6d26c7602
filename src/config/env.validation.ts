import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MaxLength,
  MinLength,
  validateSync,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting the service reads from the environment. Validated once at start-up so a typo
 * stops the process with a message naming the variable instead of failing on first use.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number' })
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(1)
  DATABASE_PATH = 'data/scs.sqlite';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, {
    message: 'must be a PostgreSQL URL such as postgres://user@localhost:5432/scs',
  })
  DATABASE_URL?: string;

  @IsIn(LOG_LEVELS as unknown as string[], { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /**
   * Keep new board packs (PDF) as files in this directory instead of in the database. Unset (the
   * default), packs live in the database, so every instance serves every pack.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(1)
  REPORTS_DIR?: string;

  /** Render a throwaway report at start-up so the first real one is fast (off in tests and on the command line). */
  @Transform(({ value }: { value: unknown }) => (value === 'false' || value === '0' ? false : value === 'true' || value === '1' ? true : value))
  @IsBoolean({ message: 'must be true or false' })
  REPORT_WARM_UP = true;

  /**
   * Board packs rendered at once, each on its own thread (in this process, or per `npm run worker`
   * process in queue mode). Each thread holds its own pdfkit, fonts and heap (about 75 MB of RSS); 1 suits 2 cores.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of threads' })
  @Min(1)
  @Max(32)
  REPORT_CONCURRENCY = 1;

  /**
   * `local`: render in this process's thread pool. `queue`: send renders to `npm run worker`
   * processes through BullMQ (needs REDIS_URL). `inline`: render on the calling thread, for a
   * one-shot process with nobody else to answer (the command line's default, cli-environment.ts).
   * Default: `queue` when REDIS_URL is set, else `local`.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['local', 'queue', 'inline'], { message: 'must be local, queue or inline' })
  REPORT_RENDER_MODE?: 'local' | 'queue' | 'inline';

  /** Key prefix of the render queue in Redis; deployments (or test runs) sharing a Redis use different ones. */
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'must be letters, digits, dots, dashes or underscores' })
  REPORT_QUEUE_PREFIX = 'scs';

  /** Queue mode: milliseconds a request waits for a worker's render before 503. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1000)
  REPORT_QUEUE_TIMEOUT_MS = 120_000;

  /** Report templates (YAML). */
  @IsString()
  @MinLength(1)
  TEMPLATES_DIR = 'templates';

  /** PostgreSQL schema to use instead of the connection's default (the e2e suite isolates workers with it). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'must be a lower-case SQL identifier' })
  DATABASE_SCHEMA?: string;

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 512kb or 5mb' })
  BODY_LIMIT = '5mb';

  /** Milliseconds a client may take to send the request line and headers. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1000)
  HTTP_HEADERS_TIMEOUT_MS = 20_000;

  /** Milliseconds a client may take to send a request body once its headers are in (408 after). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100)
  HTTP_BODY_TIMEOUT_MS = 30_000;

  /** Milliseconds a client may take to send a whole request, headers and body (a backstop, checked every 30 s). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1000)
  HTTP_REQUEST_TIMEOUT_MS = 60_000;

  /**
   * Milliseconds a SQLite write waits for another process's lock before the request gets 503.
   * better-sqlite3 waits synchronously, so this also bounds how long a locked file can stall the server.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0)
  @Max(4_000, { message: 'must be at most 4000, so a locked database answers 503 within 5 s' })
  DATABASE_LOCK_TIMEOUT_MS = 2_000;

  /** Milliseconds to wait for a PostgreSQL connection before the request gets 503. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100)
  DATABASE_CONNECT_TIMEOUT_MS = 3_000;

  /** Signs access tokens. Required in production; at least 32 characters. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (e.g. `openssl rand -base64 48`)' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'must be a duration such as 30m, 8h or 7d' })
  JWT_EXPIRES_IN = '8h';

  /** With ADMIN_PASSWORD: the first administrator, created when the database has no users. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  /** Comma-separated origins allowed to call the API from a browser; none by default. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(https?:\/\/[^\s,]+)(,\s*https?:\/\/[^\s,]+)*$/, {
    message: 'must be comma-separated origins such as https://scs.example.gov.uk',
  })
  CORS_ORIGINS?: string;

  /** Requests per minute per client across the API; 0 (the default) turns the limit off. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number (0 turns the limit off)' })
  @Min(0)
  RATE_LIMIT_PER_MINUTE = 0;

  /** Login attempts per minute per client before 429. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  LOGIN_ATTEMPTS_PER_MINUTE = 10;

  /** Express "trust proxy": the number of proxies in front of the service, so limits see real client addresses. */
  @Transform(toInt)
  @IsInt({ message: 'must be the number of trusted proxy hops (0 for none)' })
  @Min(0)
  TRUST_PROXY = 0;

  /** The service name in the web pages' header. */
  @IsString()
  @MinLength(1)
  SERVICE_NAME = 'Track your community strategy';

  /** The organisation named in the web pages' header (the generic header, not the crown). */
  @IsString()
  @MinLength(1)
  ORGANISATION_NAME = 'Local Strategic Partnership';

  /** The service name on Welsh pages. Unset: the Welsh default while SERVICE_NAME keeps its default, else SERVICE_NAME. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  SERVICE_NAME_CY?: string;

  /** The organisation on Welsh pages. Unset: the Welsh default while ORGANISATION_NAME keeps its default, else ORGANISATION_NAME. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ORGANISATION_NAME_CY?: string;

  /** Signs the web session cookie. Required in production; at least 32 characters. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (e.g. `openssl rand -base64 48`)' })
  SESSION_SECRET?: string;

  /** Web sessions are kept in Redis when set (several processes share them); in memory otherwise. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must be a Redis URL such as redis://localhost:6379' })
  REDIS_URL?: string;

  /** Where email is sent through, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@mail.example:465. Unset: no email is sent, and that is no error. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'must be an SMTP URL such as smtp://127.0.0.1:2525' })
  SMTP_URL?: string;

  /** The sender of reminders and notices. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Track your community strategy <no-reply@localhost>';

  /** The address people reach the web pages at; links in emails start with it. */
  @Matches(/^https?:\/\/[^\s]+[^/\s]$/, { message: 'must be an http(s) URL without a trailing slash, such as https://scs.example.gov.uk' })
  PUBLIC_URL = 'http://localhost:3000';

  /** Days before a return's deadline that its reminder is sent. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  @Max(60)
  REMINDER_DAYS_BEFORE = 7;

  /** Days after the overdue notice (the day after the deadline) that coordinators are told. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  @Max(90)
  ESCALATION_DAYS_AFTER = 7;

  /**
   * Run the reminder scheduler inside the server: as a BullMQ repeatable job when REDIS_URL is
   * set, else on a timer. Default true, except under NODE_ENV=test.
   */
  @Transform(({ value }: { value: unknown }) => (value === 'false' || value === '0' ? false : value === 'true' || value === '1' ? true : value))
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  REMINDERS_SCHEDULER?: boolean;

  /** Minutes between two runs of the reminder scheduler (each run also retries failed sends that are due). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(1)
  @Max(1440)
  REMINDERS_EVERY_MINUTES = 15;
  /**
   * Start of the Redis keys this deployment shares between its instances (summary cache
   * generations, login attempt counts); deployments (or test runs) sharing a Redis use different ones.
   */
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'must be letters, digits, dots, dashes or underscores' })
  REDIS_PREFIX = 'scs';

  /**
   * Summaries kept in memory per process (the least recently used go first); 0: no cache. A
   * county-size entry (300 targets) holds a few MB, so the default stays well inside the heap.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of summaries' })
  @Min(0)
  SUMMARY_CACHE_SIZE = 20;
}

/** Used only outside production, where a missing JWT_SECRET is allowed for convenience. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-never-used-in-production';

export function jwtSecretOf(secret: string | undefined, nodeEnv: string): string {
  if (secret) return secret;
  if (nodeEnv === 'production') throw new ConfigurationError('JWT_SECRET is required when NODE_ENV=production');
  return DEVELOPMENT_JWT_SECRET;
}

/** Used only outside production, where a missing SESSION_SECRET is allowed for convenience. */
export const DEVELOPMENT_SESSION_SECRET = 'development-only-session-secret-never-used-in-production';

export class ConfigurationError extends Error {}

/** Variables whose whole value is a secret: never repeated in a message, not even in part. */
const SECRET_NAME = /SECRET|PASSWORD|PASSPHRASE|TOKEN|(^|_)KEY$/i;

/**
 * A rejected value as it may be shown in a start-up error, which ends up in terminals, CI logs
 * and log shippers: secrets are not shown at all, and a URL (DATABASE_URL, REDIS_URL, SMTP_URL…)
 * is shown without the password it may carry, so the operator still sees which host was meant.
 */
export function describeValue(name: string, value: unknown): string {
  if (value === undefined) return 'not set';
  if (SECRET_NAME.test(name)) return 'value not shown: it is a secret';
  if (typeof value === 'string' && /_URL$/i.test(name)) return `got ${JSON.stringify(withoutPassword(value))}`;
  return `got ${JSON.stringify(value)}`;
}

/** `scheme://user:password@host` → `scheme://user:***@host`, for well-formed and malformed URLs alike. */
export function withoutPassword(url: string): string {
  // Greedy to the last `@`, so a password that itself holds an `@` is hidden whole.
  return url.replace(/^([^\s:/]*:\/\/[^/?#@:]*):.*@/, '$1:***@').replace(/([?&](password|pass|pwd|secret|token)=)[^&#]*/gi, '$1***');
}

export function validateEnv(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const problems = validateSync(env, { skipMissingProperties: false }).map((error) => {
    const reasons = Object.values(error.constraints ?? {}).join('; ');
    return `  - ${error.property}: ${reasons} (${describeValue(error.property, raw[error.property])})`;
  });
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    problems.push('  - JWT_SECRET: is required when NODE_ENV=production (the development default is never used there)');
  }
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push('  - HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS: the headers timeout must not exceed the request timeout');
  }
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    problems.push('  - SESSION_SECRET: is required when NODE_ENV=production (the development default is never used there)');
  }
  env.REPORT_RENDER_MODE ??= env.REDIS_URL ? 'queue' : 'local';
  if (env.REPORT_RENDER_MODE === 'queue' && !env.REDIS_URL) {
    problems.push('  - REPORT_RENDER_MODE: queue needs REDIS_URL (the render queue lives in Redis)');
  }
  env.REMINDERS_SCHEDULER ??= env.NODE_ENV !== 'test';
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    problems.push('  - ADMIN_EMAIL, ADMIN_PASSWORD: set both or neither');
  }
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return env;
}
