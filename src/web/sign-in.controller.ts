import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { LoginThrottle } from '../auth/login-throttle';
import { toActor } from '../users/user.mapper';
import { UsersService } from '../users/users.service';
import { checkForm, text, toProblems } from './forms/form-errors';
import { SignInForm } from './forms/sign-in.form';
import type { Translate } from './i18n/i18n';
import { startPageFor } from './start-page';
import { WEB_PATHS } from './web-routes';

/** Signing in and out of the web pages. The password check is the API's (UsersService.authenticate). */
@ApiExcludeController()
@Public()
@Controller()
export class SignInController {
  constructor(private readonly users: UsersService) {}

  @Get(WEB_PATHS.home)
  async home(@Req() req: Request, @Res() res: Response): Promise<void> {
    const user = req.session?.userId ? await this.users.findActive(req.session.userId) : null;
    res.redirect(303, user ? startPageFor(user.role) : WEB_PATHS.signIn);
  }

  @Get(WEB_PATHS.signIn)
  signIn(@Query('signed-out') signedOut: string | undefined, @Res() res: Response): void {
    res.render('sign-in.njk', { title: (res.locals.t as Translate)('signIn.title'), values: {}, fieldErrors: {}, signedOut: signedOut === '1' });
  }

  /**
   * Counted by the same login rate limit as POST /api/v1/auth/login. A form with problems is
   * shown again with 200, as GOV.UK services do (a 4xx page is logged as an error by browsers).
   */
  @LoginThrottle()
  @Post(WEB_PATHS.signIn)
  @HttpCode(200)
  async submit(@Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const { form, problems } = checkForm(SignInForm, req.body, t);
    const values = { email: text((req.body as Record<string, unknown> | undefined)?.email) };
    const user = problems.errors.length === 0 ? await this.users.authenticate(form.email, form.password) : null;
    if (!user) {
      const shown = problems.errors.length ? problems : toProblems([{ field: 'email', key: 'signIn.errors.wrong' }], t);
      res.render('sign-in.njk', { title: t('signIn.title'), values, ...shown });
      return;
    }
    const lang = req.session.lang;
    // A new session id on signing in, so that one planted before cannot be ridden.
    await new Promise<void>((done, fail) => req.session.regenerate((error) => (error ? fail(error) : done())));
    req.session.userId = user.id;
    req.session.tokenVersion = user.tokenVersion;
    // A language picked on the sign-in page becomes the user's; otherwise the user's own is used.
    if (lang && lang !== user.language) await this.users.update(user.id, { language: lang });
    req.session.lang = lang ?? user.language;
    await new Promise<void>((done, fail) => req.session.save((error) => (error ? fail(error) : done())));
    res.redirect(303, startPageFor(toActor(user).role));
  }

  @Post(WEB_PATHS.signOut)
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    await new Promise<void>((done) => req.session.destroy(() => done()));
    res.clearCookie('scs.sid');
    res.redirect(303, `${WEB_PATHS.signIn}?signed-out=1`);
  }
}
