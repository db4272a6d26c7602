import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ManageAccess, ReadAccess } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { PeriodParam, UuidParam } from '../common/params';
import { DeadlinesService } from './deadlines.service';
import { ListReturnDeadlinesQuery, ReturnDeadlineDto, SetReturnDeadlineDto } from './dto/return-deadline.dto';

@ApiTags('return deadlines')
@ReadAccess()
@Controller('strategies/:id/return-deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  /** The quarters whose return deadline a coordinator has overridden; every other quarter's is quarter end + returnDeadlineDays. */
  @ApiOperation({ summary: 'List overridden return deadlines' })
  @Get()
  @ApiPageResponse(ReturnDeadlineDto)
  @ApiErrors(400, 404)
  list(@UuidParam('id') strategyId: string, @Query() query: ListReturnDeadlinesQuery): Promise<Page<ReturnDeadlineDto>> {
    return this.deadlines.listOverrides(strategyId, query);
  }

  /** The return deadline in force for one quarter, and the default it overrides, if any. */
  @ApiOperation({ summary: "Get a quarter's return deadline" })
  @Get(':period')
  @ApiErrors(400, 404)
  get(@UuidParam('id') strategyId: string, @PeriodParam('period') period: string): Promise<ReturnDeadlineDto> {
    return this.deadlines.forPeriod(strategyId, period);
  }

  /** Set (or move) one quarter's return deadline, overriding quarter end + returnDeadlineDays. It may not fall before the quarter ends. */
  @ApiOperation({ summary: "Override a quarter's return deadline" })
  @Put(':period')
  @ManageAccess()
  @ApiErrors(400, 404, 413)
  set(
    @UuidParam('id') strategyId: string,
    @PeriodParam('period') period: string,
    @Body() dto: SetReturnDeadlineDto,
    @CurrentUser() actor: Actor,
  ): Promise<ReturnDeadlineDto> {
    return this.deadlines.setOverride(strategyId, period, dto, actor);
  }

  /** Remove a quarter's override: its deadline goes back to quarter end + returnDeadlineDays. */
  @ApiOperation({ summary: "Remove a quarter's deadline override" })
  @Delete(':period')
  @ManageAccess()
  @HttpCode(204)
  @ApiErrors(400, 404)
  remove(@UuidParam('id') strategyId: string, @PeriodParam('period') period: string): Promise<void> {
    return this.deadlines.removeOverride(strategyId, period);
  }
}
