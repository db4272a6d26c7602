import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StrategiesModule } from '../strategies/strategies.module';
import { SummaryModule } from '../summary/summary.module';
import { ReportStorage } from './report-storage';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { StoredReport } from './stored-report.entity';
import { reportRendererProvider } from './render-pool/report-renderer.provider';
import { ReportPublication } from './report-publication.entity';

@Module({
  imports: [TypeOrmModule.forFeature([StoredReport, ReportPublication]), SummaryModule, StrategiesModule, PartnershipsModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportStorage, reportRendererProvider],
  exports: [ReportsService],
})
export class ReportsModule {}
