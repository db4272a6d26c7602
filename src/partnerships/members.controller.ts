import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  @Get()
  @ApiPageResponse(MemberDto)
  @ApiErrors(400, 404)
  list(@UuidParam('id') id: string, @Query() query: ListMembersQuery): Promise<Page<MemberDto>> {
    return this.members.list(id, query);
  }

  @Post()
  @ManageAccess()
  @ApiErrors(400, 404)
  create(@UuidParam('id') id: string, @Body() dto: CreateMemberDto, @CurrentUser() actor: Actor): Promise<MemberDto> {
    return this.members.create(id, dto, actor);
  }

  @Get(':memberId')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string, @UuidParam('memberId') memberId: string): Promise<MemberDto> {
    return this.members.get(id, memberId);
  }

  @Patch(':memberId')
  @ManageAccess()
  @ApiErrors(400, 404)
  update(
    @UuidParam('id') id: string,
    @UuidParam('memberId') memberId: string,
    @Body() dto: UpdateMemberDto,
    @CurrentUser() actor: Actor,
  ): Promise<MemberDto> {
    return this.members.update(id, memberId, dto, actor);
  }

  @Delete(':memberId')
  @ManageAccess()
  @HttpCode(204)
  @ApiErrors(400, 404)
  remove(@UuidParam('id') id: string, @UuidParam('memberId') memberId: string): Promise<void> {
    return this.members.remove(id, memberId);
  }
}
