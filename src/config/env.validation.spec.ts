import { ConfigurationError, validateEnv } from './env.validation';

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
});
