import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ManageAccess, ReadAccess } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { UuidParam } from '../common/params';
import { CreateStrategyDto, ListStrategiesQuery, StrategyDto, UpdateStrategyDto } from './dto/strategy.dto';
import { StrategiesService } from './strategies.service';

@ApiTags('strategies')
@ReadAccess()
@Controller('strategies')
export class StrategiesController {
  constructor(private readonly strategies: StrategiesService) {}

  /** Sustainable Community Strategies, filtered by status or lead partnership. */
  @ApiOperation({ summary: 'List strategies' })
  @Get()
  @ApiPageResponse(StrategyDto)
  @ApiErrors(400)
  list(@Query() query: ListStrategiesQuery): Promise<Page<StrategyDto>> {
    return this.strategies.list(query);
  }

  /** Record a Sustainable Community Strategy, led by an LSP, ending after it starts. */
  @ApiOperation({ summary: 'Record a strategy' })
  @Post()
  @ManageAccess()
  @ApiErrors(400, 422, 413)
  create(@Body() dto: CreateStrategyDto, @CurrentUser() actor: Actor): Promise<StrategyDto> {
    return this.strategies.create(dto, actor);
  }

  /** One strategy: title, area, vision, dates, status and lead partnership. */
  @ApiOperation({ summary: 'Get a strategy' })
  @Get(':id')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<StrategyDto> {
    return this.strategies.get(id);
  }

  /** Change a strategy; the end must stay after the start and the lead must be an LSP (422). */
  @ApiOperation({ summary: 'Change a strategy' })
  @Patch(':id')
  @ManageAccess()
  @ApiErrors(400, 404, 422, 413)
  update(@UuidParam('id') id: string, @Body() dto: UpdateStrategyDto, @CurrentUser() actor: Actor): Promise<StrategyDto> {
    return this.strategies.update(id, dto, actor);
  }

  /** Delete an empty strategy; refused (409) while it has themes, priorities or targets — archive it instead. */
  @ApiOperation({ summary: 'Delete an empty strategy' })
  @Delete(':id')
  @ManageAccess()
  @HttpCode(204)
  @ApiErrors(400, 404, 409)
  remove(@UuidParam('id') id: string): Promise<void> {
    return this.strategies.remove(id);
  }
}
