import { plainToInstance, Transform } from 'class-transformer';
import {
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

  /** PostgreSQL schema to use instead of the connection's default (the e2e suite isolates workers with it). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'must be a lower-case SQL identifier' })
  DATABASE_SCHEMA?: string;

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 512kb or 5mb' })
  BODY_LIMIT = '5mb';
}

export class ConfigurationError extends Error {}

export function validateEnv(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const problems = validateSync(env, { skipMissingProperties: false }).map((error) => {
    const reasons = Object.values(error.constraints ?? {}).join('; ');
    return `  - ${error.property}: ${reasons} (got ${JSON.stringify(raw[error.property])})`;
  });
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return env;
}
