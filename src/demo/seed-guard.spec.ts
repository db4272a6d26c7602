import { demoSeedRefusal } from './seed-guard';

const empty = { users: 0, strategies: 0 };

describe('demoSeedRefusal', () => {
  it('lets the demo into an empty database outside production', () => {
    expect(demoSeedRefusal(empty, 'development', false)).toBeNull();
    expect(demoSeedRefusal(empty, 'test', false)).toBeNull();
  });

  it('refuses a database that holds users or strategies, saying what it holds and how to override', () => {
    expect(demoSeedRefusal({ users: 1, strategies: 0 }, 'development', false)).toMatch(/already holds data \(1 user, 0 strategies\).*--force/);
    expect(demoSeedRefusal({ users: 3, strategies: 1 }, 'development', false)).toMatch(/already holds data \(3 users, 1 strategy\)/);
    expect(demoSeedRefusal({ users: 0, strategies: 2 }, 'test', false)).toMatch(/0 users, 2 strategies/);
  });

  it('refuses any database, even an empty one, when NODE_ENV=production', () => {
    expect(demoSeedRefusal(empty, 'production', false)).toMatch(/^Not loading the demo data: NODE_ENV is production\. .*published password/);
    expect(demoSeedRefusal({ users: 1, strategies: 1 }, 'production', false)).toMatch(/NODE_ENV is production and this database already holds data/);
  });

  it('lets --force override either reason', () => {
    expect(demoSeedRefusal({ users: 5, strategies: 1 }, 'production', true)).toBeNull();
  });
});
