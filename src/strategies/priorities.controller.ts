import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ManageAccess, ReadAccess } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { UuidParam } from '../common/params';
import { CreatePriorityDto, ListPrioritiesQuery, PriorityDto, UpdatePriorityDto } from './dto/priority.dto';
import { PrioritiesService } from './priorities.service';

@ApiTags('priorities')
@ReadAccess()
@Controller()
export class PrioritiesController {
  constructor(private readonly priorities: PrioritiesService) {}

  /** The strategy's cross-cutting and local priorities, filtered by kind, partnership or theme. */
  @ApiOperation({ summary: "List a strategy's priorities" })
  @Get('strategies/:id/priorities')
  @ApiPageResponse(PriorityDto)
  @ApiErrors(400, 404)
  list(@UuidParam('id') strategyId: string, @Query() query: ListPrioritiesQuery): Promise<Page<PriorityDto>> {
    return this.priorities.list(strategyId, query);
  }

  /** A cross-cutting priority, or a partnership's local one; its themes must belong to the same strategy (422). */
  @ApiOperation({ summary: 'Add a priority' })
  @Post('strategies/:id/priorities')
  @ManageAccess()
  @ApiErrors(400, 404, 422, 413)
  create(@UuidParam('id') strategyId: string, @Body() dto: CreatePriorityDto, @CurrentUser() actor: Actor): Promise<PriorityDto> {
    return this.priorities.create(strategyId, dto, actor);
  }

  /** One priority with the themes it runs through. */
  @ApiOperation({ summary: 'Get a priority' })
  @Get('priorities/:id')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<PriorityDto> {
    return this.priorities.get(id);
  }

  /** Change a priority; its themes must belong to the same strategy (422), and a `local` priority needs a partnership. */
  @ApiOperation({ summary: 'Change a priority' })
  @Patch('priorities/:id')
  @ManageAccess()
  @ApiErrors(400, 404, 422, 413)
  update(@UuidParam('id') id: string, @Body() dto: UpdatePriorityDto, @CurrentUser() actor: Actor): Promise<PriorityDto> {
    return this.priorities.update(id, dto, actor);
  }

  /** Delete a priority (its links to themes go with it); refused (409) while targets serve it. */
  @ApiOperation({ summary: 'Delete a priority' })
  @Delete('priorities/:id')
  @ManageAccess()
  @HttpCode(204)
  @ApiErrors(400, 404, 409)
  remove(@UuidParam('id') id: string): Promise<void> {
    return this.priorities.remove(id);
  }
}
