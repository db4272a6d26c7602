import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoryEntryDto } from '../audit/dto/history.dto';
import { CurrentUser, ManageAccess, ReadAccess } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { PaginationQuery } from '../common/pagination.dto';
import { UuidParam } from '../common/params';
import { CreateTargetDto, ListTargetsQuery, TargetDto, UpdateTargetDto } from './dto/target.dto';
import { TargetsService } from './targets.service';

@ApiTags('targets')
@ReadAccess()
@Controller()
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  /** The targets of a strategy (archived ones only with `archived=true`). */
  @ApiOperation({ summary: "List a strategy's targets" })
  @Get('strategies/:id/targets')
  @ApiPageResponse(TargetDto)
  @ApiErrors(400, 404)
  list(@UuidParam('id') strategyId: string, @Query() query: ListTargetsQuery): Promise<Page<TargetDto>> {
    return this.targets.list(strategyId, query);
  }

  /** A target with its trajectory: baseline, milestones, target. Its code must be new to the strategy (409). */
  @ApiOperation({ summary: 'Add a target' })
  @Post('strategies/:id/targets')
  @ManageAccess()
  @ApiErrors(400, 404, 409, 422, 413)
  create(@UuidParam('id') strategyId: string, @Body() dto: CreateTargetDto, @CurrentUser() actor: Actor): Promise<TargetDto> {
    return this.targets.create(strategyId, dto, actor);
  }

  /** One target with its trajectory (baseline, milestones, target), tolerance and version. */
  @ApiOperation({ summary: 'Get a target' })
  @Get('targets/:id')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<TargetDto> {
    return this.targets.get(id);
  }

  /** Change a target; send the `version` you read (409 if it is stale, and nothing is written). */
  @ApiOperation({ summary: 'Change a target' })
  @Patch('targets/:id')
  @ManageAccess()
  @ApiErrors(400, 404, 409, 422, 413)
  update(@UuidParam('id') id: string, @Body() dto: UpdateTargetDto, @CurrentUser() actor: Actor): Promise<TargetDto> {
    return this.targets.update(id, dto, actor);
  }

  /** Delete a target that has no progress yet; one with progress must be archived instead (409). */
  @ApiOperation({ summary: 'Delete a target' })
  @Delete('targets/:id')
  @ManageAccess()
  @HttpCode(204)
  @ApiErrors(400, 404, 409)
  remove(@UuidParam('id') id: string, @CurrentUser() actor: Actor): Promise<void> {
    return this.targets.remove(id, actor);
  }

  /** Every change to the target, its assignments and its progress updates, oldest first, with who and when. */
  @ApiOperation({ summary: "A target's change history" })
  @Get('targets/:id/history')
  @ApiPageResponse(HistoryEntryDto)
  @ApiErrors(400, 404)
  history(@UuidParam('id') id: string, @Query() query: PaginationQuery): Promise<Page<HistoryEntryDto>> {
    return this.targets.history(id, query);
  }
}
