import { CommandFactory } from 'nest-commander';
import { ConfigurationError } from '../config/env.validation';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  // A command renders at most one report: warming the renderer up first would only double the work.
  process.env.REPORT_WARM_UP ??= 'false';
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      console.error(error instanceof ConfigurationError ? error.message : `error: ${error.message}`);
      process.exit(1);
    },
    serviceErrorHandler: (error) => {
      console.error(`error: ${error.message}`);
      process.exit(1);
    },
  });
}

void main();
