import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ManageAccess, ReadAccess } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { UuidParam } from '../common/params';
import { CreateMemberDto, ListMembersQuery, MemberDto, UpdateMemberDto } from './dto/member.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@ReadAccess()
@Controller('partnerships/:id/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  /** The partner organisations sitting in a partnership. */
  @ApiOperation({ summary: "List a partnership's members" })
  @Get()
  @ApiPageResponse(MemberDto)
  @ApiErrors(400, 404)
  list(@UuidParam('id') id: string, @Query() query: ListMembersQuery): Promise<Page<MemberDto>> {
    return this.members.list(id, query);
  }

  /** Add a partner organisation (public, private, voluntary or community sector) to a partnership. */
  @ApiOperation({ summary: 'Add a member organisation' })
  @Post()
  @ManageAccess()
  @ApiErrors(400, 404, 413)
  create(@UuidParam('id') id: string, @Body() dto: CreateMemberDto, @CurrentUser() actor: Actor): Promise<MemberDto> {
    return this.members.create(id, dto, actor);
  }

  /** One partner organisation of the partnership. */
  @ApiOperation({ summary: 'Get a member organisation' })
  @Get(':memberId')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string, @UuidParam('memberId') memberId: string): Promise<MemberDto> {
    return this.members.get(id, memberId);
  }

  /** Change the organisation, sector or role of a member; `null` clears the role. */
  @ApiOperation({ summary: 'Change a member organisation' })
  @Patch(':memberId')
  @ManageAccess()
  @ApiErrors(400, 404, 413)
  update(
    @UuidParam('id') id: string,
    @UuidParam('memberId') memberId: string,
    @Body() dto: UpdateMemberDto,
    @CurrentUser() actor: Actor,
  ): Promise<MemberDto> {
    return this.members.update(id, memberId, dto, actor);
  }

  /** Remove a partner organisation from the partnership. */
  @ApiOperation({ summary: 'Remove a member organisation' })
  @Delete(':memberId')
  @ManageAccess()
  @HttpCode(204)
  @ApiErrors(400, 404)
  remove(@UuidParam('id') id: string, @UuidParam('memberId') memberId: string): Promise<void> {
    return this.members.remove(id, memberId);
  }
}
