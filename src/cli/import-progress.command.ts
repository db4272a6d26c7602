import { HttpException } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { readFile } from 'node:fs/promises';
import { ReturnsService } from '../returns/returns.service';
import { StrategiesService } from '../strategies/strategies.service';
import { UsersService } from '../users/users.service';
import { toActor } from '../users/user.mapper';
import { describeHttpError } from './cli-errors';
import { findStrategy } from './lookup';

interface ImportOptions {
  strategy: string;
  file: string;
  as: string;
  dryRun?: boolean;
}

/**
 * npm run cli -- import-progress --strategy "Pride of Place" --file returns.csv --as coordinator@council.example
 * The same all-or-nothing import as the API, acting as the named user (whose rights apply).
 */
@Command({ name: 'import-progress', description: 'Import a CSV of quarterly returns (all rows or none)' })
export class ImportProgressCommand extends CommandRunner {
  constructor(
    private readonly returns: ReturnsService,
    private readonly strategies: StrategiesService,
    private readonly users: UsersService,
  ) {
    super();
  }

  async run(_args: string[], options: ImportOptions): Promise<void> {
    const strategy = await findStrategy(this.strategies, options.strategy);
    const user = await this.users.findActiveByEmail(options.as);
    if (!user) throw new Error(`no active user ${options.as}`);
    const file = { format: /\.xlsx$/i.test(options.file) ? ('xlsx' as const) : ('csv' as const), bytes: await readFile(options.file) };
    try {
      const result = await this.returns.importReturns(strategy.id, file, options.dryRun ?? false, toActor(user));
      const verb = result.dryRun ? 'Would store' : 'Stored';
      console.log(`${verb} ${result.created} new and ${result.updated} changed returns; ${result.unchanged} unchanged, ${result.skipped} empty rows skipped (${result.rows} rows).`);
    } catch (error) {
      if (error instanceof HttpException) throw new Error(describeHttpError(error), { cause: error });
      throw error;
    }
  }

  @Option({ flags: '--strategy <idOrTitle>', description: 'the strategy, by id or exact title', required: true })
  parseStrategy(value: string): string {
    return value;
  }

  @Option({ flags: '--file <path>', description: 'the CSV file', required: true })
  parseFile(value: string): string {
    return value;
  }

  @Option({ flags: '--as <email>', description: 'the user the import is made as (their rights apply)', required: true })
  parseAs(value: string): string {
    return value;
  }

  @Option({ flags: '--dry-run', description: 'validate only; store nothing' })
  parseDryRun(): boolean {
    return true;
  }
}
