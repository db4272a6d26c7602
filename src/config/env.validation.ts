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

  /** Where generated board packs (PDF) are kept. */
  @IsString()
  @MinLength(1)
  REPORTS_DIR = 'data/reports';

  /** Render a throwaway report at start-up so the first real one is fast (off in tests and on the command line). */
  @Transform(({ value }: { value: unknown }) => (value === 'false' || value === '0' ? false : value === 'true' || value === '1' ? true : value))
  @IsBoolean({ message: 'must be true or false' })
  REPORT_WARM_UP = true;

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

export function validateEnv(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const problems = validateSync(env, { skipMissingProperties: false }).map((error) => {
    const reasons = Object.values(error.constraints ?? {}).join('; ');
    return `  - ${error.property}: ${reasons} (got ${JSON.stringify(raw[error.property])})`;
  });
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    problems.push('  - JWT_SECRET: is required when NODE_ENV=production (the development default is never used there)');
  }
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    problems.push('  - SESSION_SECRET: is required when NODE_ENV=production (the development default is never used there)');
  }
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    problems.push('  - ADMIN_EMAIL, ADMIN_PASSWORD: set both or neither');
  }
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return env;
}
