import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadAccess } from '../auth/access.decorators';
import { ApiErrors } from '../common/error.dto';
import { UuidParam } from '../common/params';
import { SummaryQuery } from './dto/summary-query.dto';
import { StrategySummaryDto } from './summary.dto';
import { SummaryService } from './summary.service';

@ApiTags('summary')
@ReadAccess()
@Controller('strategies/:id/summary')
export class SummaryController {
  constructor(private readonly summary: SummaryService) {}

  /**
   * How the strategy stands at a quarter: for the strategy, each theme and each target, the
   * expected value, the latest approved actual, RAG and direction of travel, RAG counts,
   * movement since the previous quarter, and the returns still missing. Only approved
   * updates count. Defaults to the latest completed quarter. This is what the PDF report renders.
   */
  @ApiOperation({ summary: 'Summarise a strategy at a quarter' })
  @Get()
  @ApiOkResponse({ type: StrategySummaryDto })
  @ApiErrors(400, 404, 422)
  async get(@UuidParam('id') strategyId: string, @Query() query: SummaryQuery, @Res() res: Response): Promise<void> {
    // The cached summary's JSON text (summary.service.ts), not the object serialised again per request.
    const { body, etag } = await this.summary.summariseJson(strategyId, query);
    res.type('application/json').set('ETag', etag).send(body);
  }
}
