import { Body, Controller, Headers, HttpCode, Post, Query, UploadedFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ManageAccess, ReadAccess } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { UuidParam } from '../common/params';
import { ImportQuery } from './dto/returns.dto';
import { TargetImportResultDto } from './dto/target-import.dto';
import { TargetImportService } from './target-import.service';
import { requireUpload } from './upload';
import { SpreadsheetUpload } from './upload.decorators';

@ApiTags('returns (CSV)')
@ReadAccess()
@Controller()
export class TargetImportController {
  constructor(private readonly imports: TargetImportService) {}

  /**
   * Create or update a strategy's targets, with their milestones and lead assignments, from a
   * CSV or .xlsx in the columns of `targets.csv` (so the export, edited, imports back; unchanged
   * rows change nothing). Required columns: `code`, `title`, `theme` (its title), `unit`,
   * `baseline_value`, `baseline_period`, `target_value`, `target_period`; optional `direction`,
   * `frequency`, `milestones` (`2025-26-Q2=120; 2025-26-Q3=130`), `tolerance_percent`,
   * `lead_partnership`, `accountable_officer`, `officer_email`, `supporting_partnerships`
   * (names, `;`-separated) and `archived` (`yes`/`no`). Partnerships are named, not given by id;
   * an empty lead leaves a target's assignments alone, a different lead withdraws the old one.
   * Every row is checked, then everything is stored in one transaction, or nothing and a 422
   * lists every problem by row and column. `?dryRun=true` checks and counts, storing nothing.
   */
  @ApiOperation({ summary: 'Import targets with milestones and assignments (CSV or .xlsx)' })
  @Post('strategies/:id/targets/import')
  @ManageAccess()
  @HttpCode(200)
  @SpreadsheetUpload(
    'code,title,theme,unit,direction,baseline_value,baseline_period,target_value,target_period,milestones,lead_partnership,accountable_officer,officer_email\n' +
      'NI 154,Net additional homes provided,Housing,homes,increase,100,2024-25-Q4,140,2025-26-Q4,2025-26-Q2=120,Wealden Housing Partnership,Priya Shah,priya.shah@wealden.gov.example\n',
    'The targets, as a CSV or .xlsx body or as a file upload',
  )
  @ApiErrors(400, 404, 413, 422)
  importTargets(
    @UuidParam('id') strategyId: string,
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @UploadedFile() file: { buffer: Buffer; mimetype?: string; originalname?: string } | undefined,
    @Headers('content-type') contentType: string | undefined,
    @CurrentUser() actor: Actor,
  ): Promise<TargetImportResultDto> {
    const upload = requireUpload(body, contentType, file);
    return this.imports.importTargets(strategyId, upload, query.dryRun ?? false, actor);
  }
}
