/**
 * Writes the OpenAPI document exactly as the server serves it at /api/docs-json: boots the
 * application (on a throw-away SQLite database, no network beyond loopback), fetches the
 * document over HTTP and writes it to the file named on the command line (stdout without one).
 * Used by `npm run lint:api`.
 */
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'scs-openapi-'));
  process.env.DATABASE_PATH = join(scratch, 'scs.sqlite');
  process.env.REPORTS_DIR = join(scratch, 'reports');
  process.env.REPORT_WARM_UP = 'false';
  process.env.LOG_LEVEL = 'silent';
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_SCHEMA;
  // Loaded after the environment is set: configuration is read when the modules load.
  const { AppModule } = await import('./app.module.js');
  const { configureApp } = await import('./app.setup.js');
  const { validateEnv } = await import('./config/env.validation.js');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger: false });
  try {
    configureApp(app, validateEnv(process.env));
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/docs-json`);
    if (!res.ok) throw new Error(`GET /api/docs-json answered ${res.status}`);
    const json = `${JSON.stringify(await res.json(), null, 2)}\n`;
    const out = process.argv[2];
    if (out) writeFileSync(out, json);
    else process.stdout.write(json);
  } finally {
    await app.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
