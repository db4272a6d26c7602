// Decides once per run whether the PostgreSQL e2e pass can run, and says so plainly if not.
// Under CI (env CI set, as CI services and .ci/run set it) an unreachable PostgreSQL fails the
// run: CI must never pass having tested SQLite only.
const { Client } = require('pg');

const inCi = () => Boolean(process.env.CI) && !/^(0|false)$/i.test(process.env.CI);

module.exports = async function postgresGlobalSetup() {
  const url = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.TEST_PG_AVAILABLE = '1';
  } catch (error) {
    process.env.TEST_PG_AVAILABLE = '0';
    if (inCi()) {
      throw new Error(
        `PostgreSQL is not reachable at ${url} (${error.message}), and CI is set: the PostgreSQL e2e pass may not be skipped in CI. ` +
          'Start PostgreSQL (.ci/run does) or point TEST_PG_URL at one.',
        { cause: error },
      );
    }
    const line = '='.repeat(78);
    console.warn(
      `\n${line}\nPostgreSQL is not reachable at ${url} (${error.message}).\n` +
        `SKIPPING the PostgreSQL e2e pass: only SQLite was tested. Set TEST_PG_URL to point elsewhere.\n${line}\n`,
    );
  } finally {
    await client.end().catch(() => {});
  }
};
