import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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

  @Get()
  @ApiPageResponse(StrategyDto)
  @ApiErrors(400)
  list(@Query() query: ListStrategiesQuery): Promise<Page<StrategyDto>> {
    return this.strategies.list(query);
  }

  /** Record a Sustainable Community Strategy, led by an LSP, ending after it starts. */
  @Post()
  @ManageAccess()
  @ApiErrors(400, 422)
  create(@Body() dto: CreateStrategyDto, @CurrentUser() actor: Actor): Promise<StrategyDto> {
    return this.strategies.create(dto, actor);
  }

  @Get(':id')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<StrategyDto> {
    return this.strategies.get(id);
  }

  @Patch(':id')
  @ManageAccess()
  @ApiErrors(400, 404, 422)
  update(@UuidParam('id') id: string, @Body() dto: UpdateStrategyDto, @CurrentUser() actor: Actor): Promise<StrategyDto> {
    return this.strategies.update(id, dto, actor);
  }

  /** Delete an empty strategy; refused (409) while it has themes, priorities or targets — archive it instead. */
  @Delete(':id')
  @ManageAccess()
  @HttpCode(204)
  @ApiErrors(400, 404, 409)
  remove(@UuidParam('id') id: string): Promise<void> {
    return this.strategies.remove(id);
  }
}
