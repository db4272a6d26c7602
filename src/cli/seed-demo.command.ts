import { ConfigService } from '@nestjs/config';
import { Command, CommandRunner, Option } from 'nest-commander';
import { resolve } from 'node:path';
import { EnvironmentVariables } from '../config/env.validation';
import { DemoSeeder } from '../demo/demo-seeder';
import { demoSeedRefusal } from '../demo/seed-guard';
import { progressBar } from './progress-bar';

interface SeedOptions {
  file: string;
  json?: boolean;
  force?: boolean;
}

/**
 * npm run seed-demo -- [--file data/demo/pride-of-place.json] [--force]
 * Loads the demo data set into an empty database (npm run demo makes a fresh one and starts the
 * server). Refuses a database that holds data, and any when NODE_ENV=production, without --force.
 */
@Command({ name: 'seed-demo', description: 'Load the demo data (Pride of Place) into an empty database' })
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly seeder: DemoSeeder,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {
    super();
  }

  async run(_args: string[], options: SeedOptions): Promise<void> {
    const refusal = demoSeedRefusal(await this.seeder.contents(), this.config.get('NODE_ENV', { infer: true }), options.force === true);
    if (refusal) throw new Error(refusal);
    const data = await this.seeder.load(resolve(options.file));
    const bar = progressBar(this.seeder.steps(data), 'Seeding the demo');
    const started = Date.now();
    try {
      const result = await this.seeder.seed(data, (step) => bar.tick(step));
      bar.stop();
      if (options.json) {
        console.log(JSON.stringify(result));
      } else {
        console.log(
          `Seeded ${result.counts.partnerships} partnerships, ${result.counts.targets} targets and ${result.counts.updates} progress updates in ${((Date.now() - started) / 1000).toFixed(1)} s (strategy ${result.strategyId}).`,
        );
      }
    } catch (error) {
      bar.stop();
      throw error;
    }
  }

  @Option({ flags: '--file <path>', description: 'the demo data set', defaultValue: 'data/demo/pride-of-place.json' })
  parseFile(value: string): string {
    return value;
  }

  @Option({ flags: '--force', description: 'load the demo even into a database that holds data, or when NODE_ENV=production' })
  parseForce(): boolean {
    return true;
  }

  @Option({ flags: '--json', description: 'print the result (strategy id, logins) as JSON' })
  parseJson(): boolean {
    return true;
  }
}
