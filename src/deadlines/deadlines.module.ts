import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StrategiesModule } from '../strategies/strategies.module';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesService } from './deadlines.service';
import { ReturnDeadline } from './return-deadline.entity';

/** Return deadlines per quarter: the strategy's rule and coordinators' per-quarter overrides. */
@Module({
  imports: [TypeOrmModule.forFeature([ReturnDeadline]), StrategiesModule],
  controllers: [DeadlinesController],
  providers: [DeadlinesService],
  exports: [DeadlinesService],
})
export class DeadlinesModule {}
