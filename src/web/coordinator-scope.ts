import { Injectable } from '@nestjs/common';
import { AssignmentsService } from '../assignments/assignments.service';
import { Clock } from '../common/clock';
import type { StrategyDto } from '../strategies/dto/strategy.dto';
import { StrategiesService } from '../strategies/strategies.service';
import { ThemesService } from '../strategies/themes.service';
import { chosenQuarter, quarterChoices } from './quarters';

export interface Choice {
  id: string;
  title: string;
}

/** What a coordinator's page is about: a strategy, a quarter, and optionally one theme and one partnership. */
export interface CoordinatorScope {
  strategy: StrategyDto | null;
  strategies: StrategyDto[];
  quarters: string[];
  period: string;
  themes: Choice[];
  /** The partnerships leading at least one of the strategy's targets now, by name. */
  partnerships: Choice[];
  themeId: string | undefined;
  partnershipId: string | undefined;
}

/**
 * Reads the filter of the approvals, chasing and accountability pages from the query string:
 * anything not one of the offered choices is ignored rather than refused, as the dashboard does,
 * so a stale bookmark shows the page instead of an error.
 */
@Injectable()
export class CoordinatorScopes {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly themes: ThemesService,
    private readonly assignments: AssignmentsService,
    private readonly clock: Clock,
  ) {}

  async read(query: Record<string, unknown>): Promise<CoordinatorScope> {
    const all = (await this.strategies.list({ page: 1, pageSize: 200 })).items.sort((a, b) => a.title.localeCompare(b.title));
    const strategy = all.find((s) => s.id === query.strategy) ?? all[0] ?? null;
    if (!strategy) return { strategy: null, strategies: [], quarters: [], period: '', themes: [], partnerships: [], themeId: undefined, partnershipId: undefined };
    const quarters = quarterChoices(strategy, this.clock);
    const [themes, active] = await Promise.all([this.themes.ofStrategy(strategy.id), this.assignments.activeForStrategy(strategy.id)]);
    const leads = new Map(active.flatMap((a) => (a.partnership ? [[a.partnership.id, a.partnership.name] as const] : [])));
    const partnerships = [...leads].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title));
    const themeChoices = themes.map((t) => ({ id: t.id, title: t.title })).sort((a, b) => a.title.localeCompare(b.title));
    return {
      strategy,
      strategies: all,
      quarters,
      period: chosenQuarter(query.period, quarters),
      themes: themeChoices,
      partnerships,
      themeId: themeChoices.find((t) => t.id === query.themeId)?.id,
      partnershipId: partnerships.find((p) => p.id === query.partnershipId)?.id,
    };
  }
}

/** The scope as a query string, for links and redirects back to the same view. */
export function scopeQuery(scope: Pick<CoordinatorScope, 'strategy' | 'period' | 'themeId' | 'partnershipId'>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (scope.strategy) params.set('strategy', scope.strategy.id);
  if (scope.period) params.set('period', scope.period);
  if (scope.themeId) params.set('themeId', scope.themeId);
  if (scope.partnershipId) params.set('partnershipId', scope.partnershipId);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}
