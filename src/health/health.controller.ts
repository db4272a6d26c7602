import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { ApiErrorResponse } from '../common/error.dto';
import { HealthDto } from './health.dto';

/** How long readiness waits for the database to answer a ping. */
const DATABASE_PING_TIMEOUT_MS = 1500;

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  /** Liveness and database reachability in one, as before /live and /ready; needs no token. */
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

  /** Liveness: the process is up and serving HTTP (restart it if not). Checks nothing else. */
  @ApiOperation({ summary: 'Check the process is alive (liveness)' })
  @Get('live')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ description: 'The process is up: `{ "status": "ok", "info": {}, "error": {}, "details": {} }`' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Readiness: the database answers a ping within 1.5 s (send no traffic here if not: 503). */
  @ApiOperation({ summary: 'Check the service can take traffic (readiness)' })
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ description: 'Ready: `{ "status": "ok", "info": { "database": { "status": "up" } }, … }`' })
  @ApiErrorResponse(503, 'Not ready: the database does not answer a ping within 1.5 s')
  ready(): Promise<HealthCheckResult> {
    return this.health.check([this.db.pingCheck('database').withTimeout(DATABASE_PING_TIMEOUT_MS)]);
  }
}
