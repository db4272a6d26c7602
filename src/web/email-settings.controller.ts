import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/roles';
import { UsersService } from '../users/users.service';
import { NO_PROBLEMS, toProblems } from './forms/form-errors';
import type { Translate } from './i18n/i18n';
import { SignedIn, WebActor } from './session.guard';
import { WEB_PATHS } from './web-routes';

/**
 * Your email settings: one checkbox that switches reminders and notices off or on, the same
 * setting as PUT /api/v1/auth/me/email-settings. Escalations to coordinators are not switchable.
 */
@ApiExcludeController()
@SignedIn()
@Controller()
export class EmailSettingsController {
  constructor(private readonly users: UsersService) {}

  @Get(WEB_PATHS.emailSettings)
  async form(@WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    const user = await this.users.get(actor.id);
    res.render('email-settings.njk', { title: (res.locals.t as Translate)('emailSettings.title'), emailReminders: user.emailReminders, ...NO_PROBLEMS });
  }

  @Post(WEB_PATHS.emailSettings)
  @HttpCode(200)
  async save(@WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    // An unticked checkbox sends nothing; a ticked one sends "yes". Anything else is not this form.
    const value = (req.body as Record<string, unknown>).emailReminders;
    if (value !== undefined && value !== 'yes') {
      const user = await this.users.get(actor.id);
      res.render('email-settings.njk', {
        title: t('emailSettings.title'),
        emailReminders: user.emailReminders,
        ...toProblems([{ field: 'emailReminders', key: 'emailSettings.errors.invalid' }], t),
      });
      return;
    }
    const user = await this.users.setEmailReminders(actor.id, value === 'yes');
    res.render('email-settings.njk', { title: t('emailSettings.title'), emailReminders: user.emailReminders, ...NO_PROBLEMS, saved: true });
  }
}
