import { ConfigurationError, DEVELOPMENT_JWT_SECRET, jwtSecretOf, validateEnv } from './env.validation';

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
});
