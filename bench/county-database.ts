/**
 * A SQLite file holding the county-scale strategy (bench/county-scale.ts) and a coordinator, made
 * by booting the application once in this process (migrations, then the seed), so servers started
 * afterwards in their own processes open a ready database.
 */
import { benchDirectory } from './support';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { UsersService } from '../src/users/users.service';
import { seedCountyScale } from './county-scale';

const EMAIL = 'bench-coordinator@example.test';
const PASSWORD = 'bench-password-long-enough';

export interface CountyDatabase {
  databasePath: string;
  strategyId: string;
  period: string;
  /** What a server process needs to open this database and trust this run's tokens. */
  env: Record<string, string>;
  login(baseUrl: string): Promise<string>;
}

export async function prepareCountyDatabase(): Promise<CountyDatabase> {
  // bench/support.ts chose it before the configuration module read the environment.
  const databasePath = process.env.DATABASE_PATH!;
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger: false });
  await app.init();
  let seeded;
  try {
    seeded = await seedCountyScale(app.get(DataSource), { targets: 300, themes: 11, quarters: 8 });
    await app.get(UsersService).create({ email: EMAIL, name: 'Bench Coordinator', role: 'coordinator', password: PASSWORD });
  } finally {
    await app.close();
  }
  return {
    databasePath,
    ...seeded,
    env: {
      DATABASE_PATH: databasePath,
      JWT_SECRET: process.env.JWT_SECRET!,
      REPORTS_DIR: join(benchDirectory, 'reports'),
      LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    },
    async login(baseUrl: string): Promise<string> {
      const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      });
      if (res.status !== 200 && res.status !== 201) throw new Error(`login answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
  };
}
