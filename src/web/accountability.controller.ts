import { Controller, Get, NotFoundException, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AssignmentsService } from '../assignments/assignments.service';
import type { AccountabilityDto } from '../assignments/dto/assignment.dto';
import { slug } from '../common/slug';
import { toCsv } from '../returns/csv';
import { CoordinatorScope, CoordinatorScopes } from './coordinator-scope';
import type { Translate } from './i18n/i18n';
import { SignedIn } from './session.guard';
import { WEB_PATHS } from './web-routes';

const COLUMNS = ['code', 'title', 'theme', 'lead_partnership', 'accountable_officer', 'officer_email', 'supporting_partnerships'];

type Row = AccountabilityDto['rows'][number];

/**
 * "Who is accountable for what": the API's accountability matrix as a page, filtered by theme
 * and by partnership (leading or supporting), and the same rows as CSV, written through the
 * exports' formula-neutralising writer.
 */
@ApiExcludeController()
@SignedIn('coordinator')
@Controller()
export class AccountabilityController {
  constructor(
    private readonly scopes: CoordinatorScopes,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get(WEB_PATHS.accountability)
  async matrix(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const { scope, rows, unassigned } = await this.read(query);
    const params = new URLSearchParams();
    if (scope.strategy) params.set('strategy', scope.strategy.id);
    if (scope.themeId) params.set('themeId', scope.themeId);
    if (scope.partnershipId) params.set('partnershipId', scope.partnershipId);
    res.render('accountability.njk', { title: t('accountability.title'), width: 'full', ...scope, rows, unassigned, csvLink: `${WEB_PATHS.accountability}/export.csv?${params.toString()}` });
  }

  @Get(`${WEB_PATHS.accountability}/export.csv`)
  async csv(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const { scope, rows } = await this.read(query);
    if (!scope.strategy) throw new NotFoundException();
    const csv = toCsv(
      COLUMNS,
      rows.map((r) => ({
        code: r.code,
        title: r.title,
        theme: r.themeTitle,
        lead_partnership: r.lead?.name ?? '',
        accountable_officer: r.accountableOfficer?.name ?? '',
        officer_email: r.accountableOfficer?.email ?? '',
        supporting_partnerships: r.supportingPartnerships.map((p) => p.name).join('; '),
      })),
    );
    res.attachment(`${slug(scope.strategy.title)}-accountability.csv`).type('text/csv; charset=utf-8').send(csv);
  }

  private async read(query: Record<string, unknown>): Promise<{ scope: CoordinatorScope; rows: Row[]; unassigned: number }> {
    const scope = await this.scopes.read(query);
    if (!scope.strategy) return { scope, rows: [], unassigned: 0 };
    const matrix = await this.assignments.accountability(scope.strategy.id);
    // Supporters count too: the filter answers "what is this partnership involved in".
    const involved = new Map<string, string>();
    for (const r of matrix.rows) for (const p of [...(r.lead ? [r.lead] : []), ...r.supportingPartnerships]) involved.set(p.id, p.name);
    const partnerships = [...involved].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title));
    const partnershipId = partnerships.find((p) => p.id === query.partnershipId)?.id;
    const rows = matrix.rows
      .filter((r) => !scope.themeId || r.themeId === scope.themeId)
      .filter((r) => !partnershipId || r.lead?.id === partnershipId || r.supportingPartnerships.some((p) => p.id === partnershipId));
    return { scope: { ...scope, partnerships, partnershipId }, rows, unassigned: rows.filter((r) => !r.lead).length };
  }
}
