/**
 * The bare baseline of `npm run bench:summary`: Fastify, no framework, no auth, no database,
 * answering every GET with the same JSON bytes the product answered for the county summary
 * (read from a file). It is what serving a summary already in memory costs at best: the
 * ceiling a cached summary can approach.
 *   node dist-bench/bench/bare-json-server.js <json file> <port>
 */
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

const [file, port] = process.argv.slice(2);
const body = readFileSync(file);

const app = Fastify({ logger: false });
app.get('/*', (_req, reply) => {
  void reply.header('content-type', 'application/json; charset=utf-8').send(body);
});

app.listen({ port: Number(port), host: '127.0.0.1' }).then(
  () => process.send?.('ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
