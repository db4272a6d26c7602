import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '../common/clock';
import { StrategiesService } from '../strategies/strategies.service';
import { ThemesService } from '../strategies/themes.service';
import { SummaryService } from '../summary/summary.service';
import { chosenQuarter, quarterChoices } from './quarters';
import { SignedIn } from './session.guard';
import { WEB_PATHS } from './web-routes';

/** One theme (or population group) for a quarter: its RAG counts and targets, from the same summary as the dashboard. */
@ApiExcludeController()
@SignedIn()
@Controller()
export class ThemeController {
  constructor(
    private readonly themes: ThemesService,
    private readonly strategies: StrategiesService,
    private readonly summary: SummaryService,
    private readonly clock: Clock,
  ) {}

  @Get(`${WEB_PATHS.theme}/:id`)
  async theme(@Param('id', ParseUUIDPipe) id: string, @Query('period') asked: unknown, @Res() res: Response): Promise<void> {
    const theme = await this.themes.get(id);
    const strategy = await this.strategies.get(theme.strategyId);
    const period = chosenQuarter(asked, quarterChoices(strategy, this.clock));
    const scoped = await this.summary.summarise(strategy.id, { period, themeId: id });
    const summary = scoped.themes.find((t) => t.id === id);
    if (!summary) throw new NotFoundException();
    res.render('theme.njk', { title: theme.title, backLink: `${WEB_PATHS.dashboard}?period=${period}`, width: 'full', strategy, theme: summary, period });
  }
}
