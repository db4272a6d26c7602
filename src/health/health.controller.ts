import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { ApiErrorResponse } from '../common/error.dto';
import { HealthDto } from './health.dto';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness and database reachability; needs no token. */
  @ApiOperation({ summary: 'Check the service is up' })
  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiErrorResponse(503, 'The database does not answer')
  async check(): Promise<HealthDto> {
    const engine = this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ statusCode: 503, message: 'Database unreachable', status: 'error', database: engine });
    }
    return { status: 'ok', database: engine };
  }
}
