import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ManageAccess, ReadAccess, Roles } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { UuidParam } from '../common/params';
import { ApproveManyDto, ApproveManyResultDto, CreateProgressDto, ListProgressQuery, ProgressUpdateDto, ReturnProgressDto, StrategyProgressItemDto, StrategyProgressQuery, UpdateProgressDto, WorkflowStepDto } from './dto/progress.dto';
import { ProgressService } from './progress.service';

/** Officers of the lead partnership, and coordinators, write figures. */
const Reporters = () => Roles('partnership-officer', 'coordinator');

@ApiTags('progress')
@ReadAccess()
@Controller()
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  /** A target's progress updates, oldest period first, each with its expected value, RAG and direction of travel. */
  @ApiOperation({ summary: "List a target's progress updates" })
  @Get('targets/:id/progress')
  @ApiPageResponse(ProgressUpdateDto)
  @ApiErrors(400, 404)
  list(@UuidParam('id') targetId: string, @Query() query: ListProgressQuery): Promise<Page<ProgressUpdateDto>> {
    return this.progress.list(targetId, query);
  }

  /**
   * Log a figure for a quarter, as a draft. One update per target and period (409 for a
   * second: edit the first). A period outside the target's span, not due (annual targets:
   * Q4 only) or in the future → 422. Officers only for targets their partnership leads (403).
   */
  @ApiOperation({ summary: 'Log a quarterly figure' })
  @Post('targets/:id/progress')
  @Reporters()
  @ApiErrors(400, 404, 409, 422, 413)
  create(@UuidParam('id') targetId: string, @Body() dto: CreateProgressDto, @CurrentUser() actor: Actor): Promise<ProgressUpdateDto> {
    return this.progress.create(targetId, dto, actor);
  }

  /**
   * The approvals inbox: every update of the strategy for a quarter, by target code, each with
   * its figure, expected value, the RAG it would get, commentary and the lead partnership.
   * `status=submitted` lists what waits for a decision; filter by `themeId` or `partnershipId`
   * (the target's lead partnership).
   */
  @ApiOperation({ summary: "List a strategy's updates for a quarter (approvals inbox)" })
  @Get('strategies/:id/progress')
  @ApiPageResponse(StrategyProgressItemDto)
  @ApiErrors(400, 404)
  ofStrategy(@UuidParam('id') strategyId: string, @Query() query: StrategyProgressQuery): Promise<Page<StrategyProgressItemDto>> {
    return this.progress.ofStrategy(strategyId, query);
  }

  /**
   * Approve several submitted updates of the strategy in one transaction, all or none, as the
   * approvals inbox does. Each update must exist, belong to this strategy, be submitted and be
   * listed once: otherwise 422 names every bad one (`updates.N.id`) and nothing is approved. Send
   * each update's `version` as read from the inbox to be sure none changed since (409 if one did).
   */
  @ApiOperation({ summary: 'Approve several submitted updates at once' })
  @Post('strategies/:id/progress/approve')
  @ManageAccess()
  @HttpCode(200)
  @ApiErrors(400, 404, 409, 413, 422)
  async approveMany(@UuidParam('id') strategyId: string, @Body() dto: ApproveManyDto, @CurrentUser() actor: Actor): Promise<ApproveManyResultDto> {
    const items = await this.progress.approveManyOf(strategyId, dto.updates, actor);
    return { approved: items.length, items };
  }

  /** One progress update with its workflow status, expected value, RAG and direction of travel. */
  @ApiOperation({ summary: 'Get a progress update' })
  @Get('progress/:id')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<ProgressUpdateDto> {
    return this.progress.get(id);
  }

  /** Edit the figure or text; send the `version` you read (409 if stale). Approved updates: coordinators only, kept in the history. */
  @ApiOperation({ summary: 'Edit a progress update' })
  @Patch('progress/:id')
  @Reporters()
  @ApiErrors(400, 404, 409, 413)
  update(@UuidParam('id') id: string, @Body() dto: UpdateProgressDto, @CurrentUser() actor: Actor): Promise<ProgressUpdateDto> {
    return this.progress.update(id, dto, actor);
  }

  /** Delete a draft (409 for anything already submitted). */
  @ApiOperation({ summary: 'Delete a draft update' })
  @Delete('progress/:id')
  @Reporters()
  @HttpCode(204)
  @ApiErrors(400, 404, 409)
  remove(@UuidParam('id') id: string, @CurrentUser() actor: Actor): Promise<void> {
    return this.progress.remove(id, actor);
  }

  /** Submit a draft or returned update for approval. */
  @ApiOperation({ summary: 'Submit an update for approval' })
  @Post('progress/:id/submit')
  @Reporters()
  @HttpCode(200)
  @ApiErrors(400, 404, 409, 413)
  submit(@UuidParam('id') id: string, @Body() dto: WorkflowStepDto, @CurrentUser() actor: Actor): Promise<ProgressUpdateDto> {
    return this.progress.submit(id, dto, actor);
  }

  /** Approve a submitted update: from now on it counts in the RAG (409 for a draft or a returned one). */
  @ApiOperation({ summary: 'Approve a submitted update' })
  @Post('progress/:id/approve')
  @ManageAccess()
  @HttpCode(200)
  @ApiErrors(400, 404, 409, 413)
  approve(@UuidParam('id') id: string, @Body() dto: WorkflowStepDto, @CurrentUser() actor: Actor): Promise<ProgressUpdateDto> {
    return this.progress.approve(id, dto, actor);
  }

  /** Send a submitted update back to the partnership with a reason (required). */
  @ApiOperation({ summary: 'Return an update to the partnership' })
  @Post('progress/:id/return')
  @ManageAccess()
  @HttpCode(200)
  @ApiErrors(400, 404, 409, 413)
  return(@UuidParam('id') id: string, @Body() dto: ReturnProgressDto, @CurrentUser() actor: Actor): Promise<ProgressUpdateDto> {
    return this.progress.return(id, dto, actor);
  }
}
