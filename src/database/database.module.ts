import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsModule } from 'nestjs-cls';
import { EnvironmentVariables } from '../config/env.validation';
import { dataSourceOptions } from './data-source-options';
import { ReferenceChecks } from './reference-checks';
import { Db, transactionsPlugin } from './transactions';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) => ({
        ...dataSourceOptions({
          url: config.get('DATABASE_URL', { infer: true }),
          path: config.get('DATABASE_PATH', { infer: true }),
          schema: config.get('DATABASE_SCHEMA', { infer: true }),
          lockTimeoutMs: config.get('DATABASE_LOCK_TIMEOUT_MS', { infer: true }),
          connectTimeoutMs: config.get('DATABASE_CONNECT_TIMEOUT_MS', { infer: true }),
        }),
        // The schema is brought up to date before the first request is served.
        migrationsRun: true,
        migrationsTransactionMode: 'each',
      }),
    }),
    ClsModule.forRoot({ global: true, plugins: [transactionsPlugin()] }),
  ],
  providers: [{ provide: Db, useExisting: TransactionHost }, ReferenceChecks],
  exports: [Db, ReferenceChecks],
})
export class DatabaseModule {}
