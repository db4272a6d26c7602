import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ManageAccess, ReadAccess } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { PaginationQuery } from '../common/pagination.dto';
import { UuidParam } from '../common/params';
import { AssignmentsService } from './assignments.service';
import {
  AccountabilityDto,
  AssignmentDto,
  CreateAssignmentDto,
  PartnershipAssignmentDto,
  PartnershipAssignmentsQuery,
  UpdateAssignmentDto,
} from './dto/assignment.dto';

@ApiTags('assignments')
@ReadAccess()
@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  /** A target's action-plan assignments, current and past, newest first. */
  @ApiOperation({ summary: "List a target's assignments" })
  @Get('targets/:id/assignments')
  @ApiPageResponse(AssignmentDto)
  @ApiErrors(400, 404)
  listForTarget(@UuidParam('id') targetId: string, @Query() query: PaginationQuery): Promise<Page<AssignmentDto>> {
    return this.assignments.listForTarget(targetId, query);
  }

  /** Assign a target to a lead partnership with a named accountable officer. A second active one → 409. */
  @ApiOperation({ summary: 'Assign a target to a lead partnership' })
  @Post('targets/:id/assignments')
  @ManageAccess()
  @ApiErrors(400, 404, 409, 422, 413)
  create(@UuidParam('id') targetId: string, @Body() dto: CreateAssignmentDto, @CurrentUser() actor: Actor): Promise<AssignmentDto> {
    return this.assignments.create(targetId, dto, actor);
  }

  /** One action-plan assignment: lead and supporting partnerships, accountable officer, status and action plan. */
  @ApiOperation({ summary: 'Get an assignment' })
  @Get('assignments/:id')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<AssignmentDto> {
    return this.assignments.get(id);
  }

  /** Change the lead, officer, supporters, action plan or status (`completed`, `withdrawn`). */
  @ApiOperation({ summary: 'Change an assignment' })
  @Patch('assignments/:id')
  @ManageAccess()
  @ApiErrors(400, 404, 409, 422, 413)
  update(@UuidParam('id') id: string, @Body() dto: UpdateAssignmentDto, @CurrentUser() actor: Actor): Promise<AssignmentDto> {
    return this.assignments.update(id, dto, actor);
  }

  /** "What is this partnership accountable for?": the assignments it leads and those it supports. */
  @ApiOperation({ summary: "List a partnership's assignments" })
  @Get('partnerships/:id/assignments')
  @ApiPageResponse(PartnershipAssignmentDto)
  @ApiErrors(400, 404)
  listForPartnership(@UuidParam('id') partnershipId: string, @Query() query: PartnershipAssignmentsQuery): Promise<Page<PartnershipAssignmentDto>> {
    return this.assignments.listForPartnership(partnershipId, query);
  }

  /** Who is accountable for what across a strategy: target → lead partnership → officer → supporting partners. */
  @ApiOperation({ summary: 'Who is accountable for what' })
  @Get('strategies/:id/accountability')
  @ApiErrors(400, 404)
  accountability(@UuidParam('id') strategyId: string): Promise<AccountabilityDto> {
    return this.assignments.accountability(strategyId);
  }
}
