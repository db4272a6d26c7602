import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { SummaryController } from './summary.controller';
import { summaryGenerationsProvider, SummaryCache } from './summary-cache';
import { SummaryInvalidation } from './summary-invalidation';
import { SummaryService } from './summary.service';

// A read model over other modules' tables (see summary.service.ts): it imports only the module
// whose service it calls; the tables it reads are registered once, in database/entities.ts.
@Module({
  imports: [StrategiesModule, DeadlinesModule],
  controllers: [SummaryController],
  providers: [SummaryService, SummaryCache, summaryGenerationsProvider, SummaryInvalidation],
  exports: [SummaryService],
})
export class SummaryModule {}
