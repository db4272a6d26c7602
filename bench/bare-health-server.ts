/**
 * The bare baseline of `npm run bench:cold-start`: Fastify and better-sqlite3, no framework,
 * opening the same database file and answering GET /api/health/ready once it can run `SELECT 1`,
 * as the product's readiness check does. What starting a Node server on this database costs.
 *   node dist-bench/bench/bare-health-server.js <database file> <port>
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const [databasePath, port] = process.argv.slice(2);
const db = new Database(databasePath);
const ping = db.prepare('SELECT 1');

const app = Fastify({ logger: false });
app.get('/api/health/ready', () => {
  ping.get();
  return { status: 'ok', info: { database: { status: 'up' } }, error: {}, details: { database: { status: 'up' } } };
});
void app.listen({ port: Number(port), host: '127.0.0.1' });
