import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ManageAccess, ReadAccess } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { UuidParam } from '../common/params';
import { CreatePartnershipDto, ListPartnershipsQuery, PartnershipDto, UpdatePartnershipDto } from './dto/partnership.dto';
import { PartnershipsService } from './partnerships.service';

@ApiTags('partnerships')
@ReadAccess()
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsService) {}

  /** List partnerships, filtered by kind, parent or name. */
  @ApiOperation({ summary: 'List partnerships' })
  @Get()
  @ApiPageResponse(PartnershipDto)
  @ApiErrors(400)
  list(@Query() query: ListPartnershipsQuery): Promise<Page<PartnershipDto>> {
    return this.partnerships.list(query);
  }

  /** Record a partnership (an LSP, a thematic partnership or another body). */
  @ApiOperation({ summary: 'Record a partnership' })
  @Post()
  @ManageAccess()
  @ApiErrors(400, 422, 413)
  create(@Body() dto: CreatePartnershipDto, @CurrentUser() actor: Actor): Promise<PartnershipDto> {
    return this.partnerships.create(dto, actor);
  }

  /** One partnership: its kind, area, parent, chair and meeting frequency. */
  @ApiOperation({ summary: 'Get a partnership' })
  @Get(':id')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<PartnershipDto> {
    return this.partnerships.get(id);
  }

  /** Change a partnership; a new parent must exist and must not make it its own ancestor (409). */
  @ApiOperation({ summary: 'Change a partnership' })
  @Patch(':id')
  @ManageAccess()
  @ApiErrors(400, 404, 409, 422, 413)
  update(@UuidParam('id') id: string, @Body() dto: UpdatePartnershipDto, @CurrentUser() actor: Actor): Promise<PartnershipDto> {
    return this.partnerships.update(id, dto, actor);
  }

  /**
   * Delete a partnership and its member list. Refused (409) while it has child partnerships,
   * leads a strategy, owns a local priority or leads or supports an assignment.
   */
  @ApiOperation({ summary: 'Delete a partnership' })
  @Delete(':id')
  @ManageAccess()
  @HttpCode(204)
  @ApiErrors(400, 404, 409)
  remove(@UuidParam('id') id: string): Promise<void> {
    return this.partnerships.remove(id);
  }
}
