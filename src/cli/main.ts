import './cli-environment';
import { HttpException } from '@nestjs/common';
import { CommandFactory } from 'nest-commander';
import { describeHttpError } from './cli-errors';
import { ConfigurationError } from '../config/env.validation';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
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
