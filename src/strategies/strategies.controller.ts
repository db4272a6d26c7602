import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { UuidParam } from '../common/params';
import { CreateStrategyDto, ListStrategiesQuery, StrategyDto, UpdateStrategyDto } from './dto/strategy.dto';
import { StrategiesService } from './strategies.service';

@ApiTags('strategies')
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
  @ApiErrors(400, 422)
  create(@Body() dto: CreateStrategyDto): Promise<StrategyDto> {
    return this.strategies.create(dto);
  }

  @Get(':id')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<StrategyDto> {
    return this.strategies.get(id);
  }

  @Patch(':id')
  @ApiErrors(400, 404, 422)
  update(@UuidParam('id') id: string, @Body() dto: UpdateStrategyDto): Promise<StrategyDto> {
    return this.strategies.update(id, dto);
  }

  /** Delete an empty strategy; refused (409) while it has themes, priorities or targets — archive it instead. */
  @Delete(':id')
  @HttpCode(204)
  @ApiErrors(400, 404, 409)
  remove(@UuidParam('id') id: string): Promise<void> {
    return this.strategies.remove(id);
  }
}
