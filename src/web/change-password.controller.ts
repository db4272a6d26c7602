import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/roles';
import { UsersService } from '../users/users.service';
import { ChangePasswordForm } from './forms/change-password.form';
import { checkForm, NO_PROBLEMS, toProblems } from './forms/form-errors';
import type { Translate } from './i18n/i18n';
import { SignedIn, WebActor } from './session.guard';
import { WEB_PATHS } from './web-routes';

/**
 * Change your password: the current one is checked as at sign-in (UsersService.authenticate),
 * then UsersService.changePassword stores the new one as the API does, ending every other
 * session and token.
 */
@ApiExcludeController()
@SignedIn()
@Controller()
export class ChangePasswordController {
  constructor(private readonly users: UsersService) {}

  @Get(WEB_PATHS.changePassword)
  form(@Res() res: Response): void {
    res.render('change-password.njk', { title: (res.locals.t as Translate)('changePassword.title'), ...NO_PROBLEMS });
  }

  @Post(WEB_PATHS.changePassword)
  @HttpCode(200)
  async change(@WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const { form, problems } = checkForm(ChangePasswordForm, req.body, t);
    if (!problems.errors.length && form.password !== form.confirm) {
      Object.assign(problems, toProblems([{ field: 'confirm', key: 'changePassword.errors.confirmMismatch' }], t));
    }
    if (!problems.errors.length && form.password === form.current) {
      Object.assign(problems, toProblems([{ field: 'password', key: 'changePassword.errors.sameAsCurrent' }], t));
    }
    if (!problems.errors.length && !(await this.users.authenticate(actor.email, form.current))) {
      Object.assign(problems, toProblems([{ field: 'current', key: 'changePassword.errors.currentWrong' }], t));
    }
    if (problems.errors.length) {
      res.render('change-password.njk', { title: t('changePassword.title'), ...problems });
      return;
    }
    // The same change as POST /api/v1/auth/password: every earlier token and session ends. This
    // session carries on, on the new version.
    await this.users.changePassword(actor, form.current, form.password);
    const user = await this.users.findActive(actor.id);
    req.session.tokenVersion = user?.tokenVersion ?? 0;
    res.render('change-password.njk', { title: t('changePassword.title'), ...NO_PROBLEMS, done: true });
  }
}
