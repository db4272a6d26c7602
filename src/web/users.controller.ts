import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { Public } from '../auth/access.decorators';
import { ROLES, type Actor } from '../auth/roles';
import { directoryOrder } from '../partnerships/directory';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { CreateUserDto, type UserDto } from '../users/dto/user.dto';
import { PasswordResetsService, RESET_LINK_HOURS } from '../users/password-resets.service';
import { UsersService } from '../users/users.service';
import { checkDto, fields, list, serviceProblems } from './forms/dto-form';
import { ChangePasswordForm } from './forms/change-password.form';
import { checkForm, FormProblems, NO_PROBLEMS, toProblems } from './forms/form-errors';
import type { Translate } from './i18n/i18n';
import { SignedIn, WebActor } from './session.guard';
import { WEB_PATHS } from './web-routes';

const USER_FIELDS = ['name', 'email', 'role', 'partnershipIds'] as const;
const ALL = { page: 1, pageSize: 200 } as const;

/**
 * Users, for admins: list, create (with a one-time link to set a password rather than a password
 * the admin would know), set role and partnerships, deactivate (the session guard reads the user
 * on every request, so they are out at once) and reset a password with a one-time link.
 * UsersService applies the API's rules (an officer belongs to a partnership, nobody else does).
 */
@ApiExcludeController()
@SignedIn('admin')
@Controller(WEB_PATHS.users)
export class UsersPageController {
  constructor(
    private readonly users: UsersService,
    private readonly resets: PasswordResetsService,
    private readonly partnerships: PartnershipsService,
  ) {}

  @Get()
  async index(@Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const [users, partnerships] = await Promise.all([this.users.list(ALL), this.partnerships.list(ALL)]);
    const names = new Map(partnerships.items.map((p) => [p.id, p.name]));
    res.render('users/index.njk', {
      title: t('users.title'),
      width: 'full',
      users: users.items.map((u) => ({ ...u, partnerships: u.partnershipIds.map((id) => names.get(id) ?? id).join(', ') })),
      saved: req.query.saved === '1',
    });
  }

  @Get('new')
  async newUser(@Res() res: Response): Promise<void> {
    await this.renderForm(res, null, { role: 'partnership-officer' }, [], NO_PROBLEMS);
  }

  @Post('new')
  @HttpCode(200)
  async create(@WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const values = fields(req.body, ['name', 'email', 'role']);
    const partnershipIds = list((req.body as Record<string, unknown> | undefined)?.partnershipIds);
    // The user chooses their own password through the link; this one is never shown to anyone.
    const input = { ...values, partnershipIds, password: randomBytes(24).toString('base64url') };
    const { dto, problems } = checkDto(CreateUserDto, input, 'users.errors', t, USER_FIELDS);
    if (problems.errors.length) return this.renderForm(res, null, values, partnershipIds, problems);
    let user: UserDto;
    try {
      user = await this.users.create(dto);
    } catch (error) {
      const refused = serviceProblems(error, t, USER_FIELDS);
      if (!refused) throw error;
      return this.renderForm(res, null, values, partnershipIds, refused);
    }
    await this.showLink(user, actor, req, res, true);
  }

  @Get(':id/edit')
  async edit(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const user = await this.users.get(id);
    await this.renderForm(res, user, { name: user.name, email: user.email, role: user.role }, user.partnershipIds, NO_PROBLEMS);
  }

  @Post(':id/edit')
  @HttpCode(200)
  async update(@Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const user = await this.users.get(id);
    const values: Record<string, string> = { ...fields(req.body, ['name', 'role']), email: user.email };
    // An officer's partnerships go with the role: any other role belongs to none.
    const partnershipIds = values.role === 'partnership-officer' ? list((req.body as Record<string, unknown> | undefined)?.partnershipIds) : [];
    const { dto, problems } = checkDto(CreateUserDto, { ...values, partnershipIds, password: 'x'.repeat(20) }, 'users.errors', t, USER_FIELDS);
    if (problems.errors.length) return this.renderForm(res, user, values, partnershipIds, problems);
    try {
      await this.users.update(id, { name: dto.name, role: dto.role, partnershipIds });
    } catch (error) {
      const refused = serviceProblems(error, t, USER_FIELDS);
      if (!refused) throw error;
      return this.renderForm(res, user, values, partnershipIds, refused);
    }
    res.redirect(303, `${WEB_PATHS.users}?saved=1`);
  }

  @Post(':id/active')
  @HttpCode(200)
  async setActive(@Param('id', ParseUUIDPipe) id: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const active = (req.body as Record<string, unknown> | undefined)?.active === 'yes';
    // Locking yourself out is never what an admin means to do here.
    if (id !== actor.id) await this.users.update(id, { active });
    res.redirect(303, `${WEB_PATHS.users}?saved=1`);
  }

  @Post(':id/reset-link')
  @HttpCode(200)
  async resetLink(@Param('id', ParseUUIDPipe) id: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.showLink(await this.users.get(id), actor, req, res, false);
  }

  private async showLink(user: UserDto, actor: Actor, req: Request, res: Response, created: boolean): Promise<void> {
    const t = res.locals.t as Translate;
    const { token } = await this.resets.issue(user.id, actor);
    res.render('users/link.njk', {
      title: created ? t('users.createdTitle') : t('users.linkTitle'),
      backLink: WEB_PATHS.users,
      user,
      link: `${req.protocol}://${req.get('host') ?? 'localhost'}${WEB_PATHS.resetPassword}/${token}`,
      hours: RESET_LINK_HOURS,
    });
  }

  private async renderForm(res: Response, existing: UserDto | null, values: Record<string, string>, partnershipIds: string[], problems: FormProblems): Promise<void> {
    const t = res.locals.t as Translate;
    const all = directoryOrder((await this.partnerships.list(ALL)).items);
    res.render('users/form.njk', {
      title: existing ? t('users.editTitle', { name: existing.name }) : t('users.newTitle'),
      backLink: WEB_PATHS.users,
      action: existing ? `${WEB_PATHS.users}/${existing.id}/edit` : `${WEB_PATHS.users}/new`,
      existing,
      roles: ROLES,
      partnerships: all.map((n) => ({ value: n.partnership.id, text: n.partnership.name, checked: partnershipIds.includes(n.partnership.id) })),
      values,
      ...problems,
    });
  }
}

/** The page a one-time link opens: no sign-in, the token is the proof. */
@ApiExcludeController()
@Public()
@Controller(WEB_PATHS.resetPassword)
export class ResetPasswordController {
  constructor(private readonly resets: PasswordResetsService) {}

  @Get(':token')
  async form(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const refusal = await this.resets.refusal(token);
    res.render('users/reset-password.njk', { title: t('resetPassword.title'), refusal, action: `${WEB_PATHS.resetPassword}/${token}`, ...NO_PROBLEMS });
  }

  @Post(':token')
  @HttpCode(200)
  async reset(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    // The change-password form's rules for the new password (length, confirmation), without the current one.
    const body = { ...((req.body ?? {}) as Record<string, unknown>), current: 'not asked' };
    const { form, problems } = checkForm(ChangePasswordForm, body, t);
    if (!problems.errors.length && form.password !== form.confirm) {
      Object.assign(problems, toProblems([{ field: 'confirm', key: 'changePassword.errors.confirmMismatch' }], t));
    }
    const view = { title: t('resetPassword.title'), action: `${WEB_PATHS.resetPassword}/${token}` };
    if (problems.errors.length) return res.render('users/reset-password.njk', { ...view, refusal: await this.resets.refusal(token), ...problems });
    const refusal = await this.resets.reset(token, form.password);
    res.render('users/reset-password.njk', { ...view, refusal, done: refusal === null, ...NO_PROBLEMS });
  }
}
