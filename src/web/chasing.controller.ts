import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/roles';
import type { MissingReturnDto } from '../summary/summary.dto';
import { SummaryService } from '../summary/summary.service';
import { CoordinatorScopes } from './coordinator-scope';
import type { Translate } from './i18n/i18n';
import { SignedIn, WebActor } from './session.guard';
import { WEB_PATHS } from './web-routes';

interface PartnershipGroup {
  id: string;
  name: string;
  missing: MissingReturnDto[];
  emails: string[];
  mailto: string;
}

/**
 * Chasing: the quarter's missing returns by lead partnership, with the accountable officers, to
 * copy their addresses or open one prefilled, polite email. "Missing" is the summary's own
 * definition (summary/compute-summary.ts), the one the board pack prints. Nothing is sent from
 * here; sending reminders is the notifications module's job.
 */
@ApiExcludeController()
@SignedIn('coordinator')
@Controller()
export class ChasingController {
  constructor(
    private readonly scopes: CoordinatorScopes,
    private readonly summary: SummaryService,
  ) {}

  @Get(WEB_PATHS.chasing)
  async chasing(@Query() query: Record<string, unknown>, @WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const quarter = res.locals.quarter as (period: string) => string;
    const scope = await this.scopes.read(query);
    if (!scope.strategy) return res.render('chasing.njk', { title: t('chasing.title'), ...scope, groups: [] });
    const summary = await this.summary.summarise(scope.strategy.id, { period: scope.period, ...(scope.themeId ? { themeId: scope.themeId } : {}) });
    const missing = summary.missingReturns.filter((m) => !scope.partnershipId || m.partnershipId === scope.partnershipId);
    const letter = (rows: MissingReturnDto[]) => {
      const subject = t('chasing.subject', { strategy: scope.strategy!.title, quarter: quarter(scope.period) });
      const body = t('chasing.body', { quarter: quarter(scope.period), targets: rows.map((m) => `- ${m.code} ${m.title}`).join('\n'), name: actor.name });
      return `mailto:${emailsOf(rows).join(',')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
    };
    const groups = new Map<string, PartnershipGroup>();
    for (const m of missing) {
      const group = groups.get(m.partnershipId) ?? { id: m.partnershipId, name: m.partnershipName, missing: [], emails: [], mailto: '' };
      group.missing.push(m);
      groups.set(m.partnershipId, group);
    }
    for (const group of groups.values()) Object.assign(group, { emails: emailsOf(group.missing), mailto: letter(group.missing) });
    res.render('chasing.njk', {
      title: t('chasing.title'),
      width: 'full',
      ...scope,
      count: missing.length,
      groups: [...groups.values()],
      allEmails: emailsOf(missing).join('; '),
      mailtoAll: missing.length ? letter(missing) : '',
    });
  }
}

/** Each officer's address once, in the order first met. */
function emailsOf(rows: MissingReturnDto[]): string[] {
  return [...new Set(rows.map((m) => m.officerEmail).filter((e) => e))];
}
