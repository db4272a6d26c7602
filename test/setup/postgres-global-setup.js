// Decides once per run whether the PostgreSQL e2e pass can run, and says so plainly if not.
const { Client } = require('pg');

module.exports = async function postgresGlobalSetup() {
  const url = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.TEST_PG_AVAILABLE = '1';
  } catch (error) {
    process.env.TEST_PG_AVAILABLE = '0';
    const line = '='.repeat(78);
    console.warn(
      `\n${line}\nPostgreSQL is not reachable at ${url} (${error.message}).\n` +
        `SKIPPING the PostgreSQL e2e pass: only SQLite was tested. Set TEST_PG_URL to point elsewhere.\n${line}\n`,
    );
  } finally {
    await client.end().catch(() => {});
  }
};
