import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { PrioritiesController } from './priorities.controller';
import { PrioritiesService } from './priorities.service';
import { Priority } from './priority.entity';
import { StrategiesController } from './strategies.controller';
import { StrategiesService } from './strategies.service';
import { Strategy } from './strategy.entity';
import { Theme } from './theme.entity';
import { ThemesController } from './themes.controller';
import { ThemesService } from './themes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Strategy, Theme, Priority]), PartnershipsModule],
  controllers: [StrategiesController, ThemesController, PrioritiesController],
  providers: [StrategiesService, ThemesService, PrioritiesService],
  exports: [StrategiesService, ThemesService, PrioritiesService],
})
export class StrategiesModule {}
