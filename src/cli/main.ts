import './cli-environment';
import { HttpException, type Type } from '@nestjs/common';
import { CommandFactory } from 'nest-commander';
import { describeHttpError } from './cli-errors';
import { ConfigurationError } from '../config/env.validation';

/**
 * The module a command runs in: `report` gets one with only what a board pack needs, so a
 * one-shot report does not load every other command's modules first (bench/report-fresh.ts);
 * every other command, and `--help`, the whole command line. Required, not imported, so that
 * only the chosen one is loaded.
 */
function moduleFor(command: string | undefined): Type {
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (command === 'report') return (require('./report-cli.module') as typeof import('./report-cli.module')).ReportCliModule;
  return (require('./cli.module') as typeof import('./cli.module')).CliModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
}

async function main(): Promise<void> {
  await CommandFactory.run(moduleFor(process.argv[2]), {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      // Commander has already printed its own words (the help, or "unknown command"): only its exit
      // code is left to give; `--help` comes here as an "error" with exit code 0.
      const commander = error as Error & { code?: string; exitCode?: number };
      if (commander.code?.startsWith('commander.')) process.exit(commander.exitCode ?? 1);
      console.error(error instanceof ConfigurationError ? error.message : `error: ${error.message}`);
      process.exit(1);
    },
    serviceErrorHandler: (error) => {
      console.error(`error: ${error instanceof HttpException ? describeHttpError(error) : error.message}`);
      process.exit(1);
    },
  });
}

void main();
