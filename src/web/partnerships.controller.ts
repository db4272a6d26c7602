import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AssignmentsService } from '../assignments/assignments.service';
import { isManager } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { CreateMemberDto } from '../partnerships/dto/member.dto';
import { CreatePartnershipDto, type PartnershipDto } from '../partnerships/dto/partnership.dto';
import { directoryOrder, membersBySector, PARTNERSHIP_KINDS, SECTORS, unrepresentedSectors } from '../partnerships/directory';
import { MembersService } from '../partnerships/members.service';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { checkDto, fields, numberOrText, orNull, serviceProblems } from './forms/dto-form';
import { FormProblems, NO_PROBLEMS } from './forms/form-errors';
import type { Translate } from './i18n/i18n';
import { SignedIn, WebActor } from './session.guard';
import { WEB_PATHS } from './web-routes';

const PARTNERSHIP_FIELDS = ['name', 'kind', 'area', 'parentId', 'statutory', 'chair', 'meetingsPerYear'] as const;
const MEMBER_FIELDS = ['organisation', 'sector', 'role'] as const;
const ALL = { page: 1, pageSize: 200 } as const;

/**
 * The partnership directory: the hierarchy (LSP → district → thematic), each partnership's
 * members by sector with any sector left out, and what it leads and supports. Coordinators add
 * and change partnerships and members through the same services as the API.
 */
@ApiExcludeController()
@SignedIn()
@Controller(WEB_PATHS.partnerships)
export class PartnershipsPageController {
  constructor(
    private readonly partnerships: PartnershipsService,
    private readonly members: MembersService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get()
  async directory(@WebActor() actor: Actor, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const all = await this.allPartnerships();
    const rows = await Promise.all(
      directoryOrder(all).map(async ({ partnership, depth }) => {
        const [members, led, supported] = await Promise.all([
          this.members.list(partnership.id, ALL),
          this.assignments.listForPartnership(partnership.id, { ...ALL, role: 'lead', status: 'active' }),
          this.assignments.listForPartnership(partnership.id, { ...ALL, role: 'supporting', status: 'active' }),
        ]);
        return { partnership, depth, members: members.total, gaps: unrepresentedSectors(members.items), leads: led.total, supports: supported.total };
      }),
    );
    res.render('partnerships/directory.njk', { title: t('partnerships.title'), width: 'full', rows, manager: isManager(actor) });
  }

  @Get('new')
  @SignedIn('coordinator')
  async newForm(@Res() res: Response): Promise<void> {
    await this.renderPartnershipForm(res, null, { kind: 'thematic' }, NO_PROBLEMS);
  }

  @Post('new')
  @HttpCode(200)
  @SignedIn('coordinator')
  async create(@WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const values = fields(req.body, PARTNERSHIP_FIELDS);
    const t = res.locals.t as Translate;
    const { dto, problems } = checkDto(CreatePartnershipDto, partnershipInput(values), 'partnerships.errors', t, PARTNERSHIP_FIELDS);
    if (problems.errors.length) return this.renderPartnershipForm(res, null, values, problems);
    try {
      const created = await this.partnerships.create(dto, actor);
      res.redirect(303, `${WEB_PATHS.partnerships}/${created.id}?saved=1`);
    } catch (error) {
      const refused = serviceProblems(error, t, PARTNERSHIP_FIELDS);
      if (!refused) throw error;
      await this.renderPartnershipForm(res, null, values, refused);
    }
  }

  @Get(':id')
  async show(@Param('id', ParseUUIDPipe) id: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const partnership = await this.partnerships.get(id);
    const [members, led, supported, parent] = await Promise.all([
      this.members.list(id, ALL),
      this.assignments.listForPartnership(id, { ...ALL, role: 'lead', status: 'active' }),
      this.assignments.listForPartnership(id, { ...ALL, role: 'supporting', status: 'active' }),
      partnership.parentId ? this.partnerships.get(partnership.parentId) : Promise.resolve(null),
    ]);
    const children = (await this.partnerships.list({ ...ALL, parentId: id })).items;
    res.render('partnerships/show.njk', {
      title: partnership.name,
      backLink: WEB_PATHS.partnerships,
      partnership,
      parent,
      children,
      sectors: membersBySector(members.items),
      gaps: unrepresentedSectors(members.items),
      led: led.items,
      supported: supported.items,
      manager: isManager(actor),
      saved: req.query.saved === '1',
    });
  }

  @Get(':id/edit')
  @SignedIn('coordinator')
  async editForm(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const p = await this.partnerships.get(id);
    await this.renderPartnershipForm(res, p, {
      name: p.name,
      kind: p.kind,
      area: p.area ?? '',
      parentId: p.parentId ?? '',
      statutory: p.statutory ? 'yes' : 'no',
      chair: p.chair ?? '',
      meetingsPerYear: p.meetingsPerYear === null ? '' : String(p.meetingsPerYear),
    }, NO_PROBLEMS);
  }

  @Post(':id/edit')
  @HttpCode(200)
  @SignedIn('coordinator')
  async update(@Param('id', ParseUUIDPipe) id: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const existing = await this.partnerships.get(id);
    const values = fields(req.body, PARTNERSHIP_FIELDS);
    const { dto, problems } = checkDto(CreatePartnershipDto, partnershipInput(values), 'partnerships.errors', t, PARTNERSHIP_FIELDS);
    if (problems.errors.length) return this.renderPartnershipForm(res, existing, values, problems);
    try {
      await this.partnerships.update(id, dto, actor);
      res.redirect(303, `${WEB_PATHS.partnerships}/${id}?saved=1`);
    } catch (error) {
      const refused = serviceProblems(error, t, PARTNERSHIP_FIELDS);
      if (!refused) throw error;
      await this.renderPartnershipForm(res, existing, values, refused);
    }
  }

  @Get(':id/members/new')
  @SignedIn('coordinator')
  async newMember(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    this.renderMemberForm(res, await this.partnerships.get(id), null, {}, NO_PROBLEMS);
  }

  @Post(':id/members/new')
  @HttpCode(200)
  @SignedIn('coordinator')
  async addMember(@Param('id', ParseUUIDPipe) id: string, @WebActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const partnership = await this.partnerships.get(id);
    const values = fields(req.body, MEMBER_FIELDS);
    const { dto, problems } = checkDto(CreateMemberDto, memberInput(values), 'members.errors', t, MEMBER_FIELDS);
    if (problems.errors.length) return this.renderMemberForm(res, partnership, null, values, problems);
    await this.members.create(id, dto, actor);
    res.redirect(303, `${WEB_PATHS.partnerships}/${id}?saved=1#members`);
  }

  @Get(':id/members/:memberId/edit')
  @SignedIn('coordinator')
  async editMember(@Param('id', ParseUUIDPipe) id: string, @Param('memberId', ParseUUIDPipe) memberId: string, @Res() res: Response): Promise<void> {
    const member = await this.members.get(id, memberId);
    this.renderMemberForm(res, await this.partnerships.get(id), memberId, { organisation: member.organisation, sector: member.sector, role: member.role ?? '' }, NO_PROBLEMS);
  }

  @Post(':id/members/:memberId/edit')
  @HttpCode(200)
  @SignedIn('coordinator')
  async updateMember(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @WebActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const t = res.locals.t as Translate;
    const partnership = await this.partnerships.get(id);
    await this.members.get(id, memberId);
    const values = fields(req.body, MEMBER_FIELDS);
    const { dto, problems } = checkDto(CreateMemberDto, memberInput(values), 'members.errors', t, MEMBER_FIELDS);
    if (problems.errors.length) return this.renderMemberForm(res, partnership, memberId, values, problems);
    await this.members.update(id, memberId, dto, actor);
    res.redirect(303, `${WEB_PATHS.partnerships}/${id}?saved=1#members`);
  }

  @Post(':id/members/:memberId/remove')
  @HttpCode(200)
  @SignedIn('coordinator')
  async removeMember(@Param('id', ParseUUIDPipe) id: string, @Param('memberId', ParseUUIDPipe) memberId: string, @Res() res: Response): Promise<void> {
    await this.members.remove(id, memberId);
    res.redirect(303, `${WEB_PATHS.partnerships}/${id}?saved=1#members`);
  }

  private async allPartnerships(): Promise<PartnershipDto[]> {
    const first = await this.partnerships.list({ page: 1, pageSize: 200 });
    const rest = [];
    for (let page = 2; (page - 1) * 200 < first.total; page++) rest.push(...(await this.partnerships.list({ page, pageSize: 200 })).items);
    return [...first.items, ...rest];
  }

  private async renderPartnershipForm(res: Response, existing: PartnershipDto | null, values: Record<string, string>, problems: FormProblems): Promise<void> {
    const t = res.locals.t as Translate;
    // A partnership cannot report to itself; the service refuses deeper loops with a reason.
    const parents = directoryOrder(await this.allPartnerships()).filter((n) => n.partnership.id !== existing?.id);
    res.render('partnerships/form.njk', {
      title: existing ? t('partnerships.editTitle', { name: existing.name }) : t('partnerships.newTitle'),
      backLink: existing ? `${WEB_PATHS.partnerships}/${existing.id}` : WEB_PATHS.partnerships,
      action: existing ? `${WEB_PATHS.partnerships}/${existing.id}/edit` : `${WEB_PATHS.partnerships}/new`,
      kinds: PARTNERSHIP_KINDS,
      parents: parents.map((n) => ({ value: n.partnership.id, text: `${'— '.repeat(n.depth)}${n.partnership.name}`, selected: n.partnership.id === values.parentId })),
      values,
      ...problems,
    });
  }

  private renderMemberForm(res: Response, partnership: PartnershipDto, memberId: string | null, values: Record<string, string>, problems: FormProblems): void {
    const t = res.locals.t as Translate;
    const base = `${WEB_PATHS.partnerships}/${partnership.id}/members`;
    res.render('partnerships/member-form.njk', {
      title: memberId ? t('members.editTitle', { name: partnership.name }) : t('members.newTitle', { name: partnership.name }),
      backLink: `${WEB_PATHS.partnerships}/${partnership.id}`,
      action: memberId ? `${base}/${memberId}/edit` : `${base}/new`,
      removeAction: memberId ? `${base}/${memberId}/remove` : null,
      sectors: SECTORS,
      values,
      ...problems,
    });
  }
}

function partnershipInput(v: Record<string, string>): Record<string, unknown> {
  return {
    name: v.name,
    kind: v.kind,
    area: orNull(v.area),
    parentId: orNull(v.parentId),
    statutory: v.statutory === 'yes',
    chair: orNull(v.chair),
    meetingsPerYear: numberOrText(v.meetingsPerYear),
  };
}

function memberInput(v: Record<string, string>): Record<string, unknown> {
  return { organisation: v.organisation, sector: v.sector, role: orNull(v.role) };
}
