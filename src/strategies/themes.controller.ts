import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ManageAccess, ReadAccess } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { UuidParam } from '../common/params';
import { CreateThemeDto, ListThemesQuery, ThemeDto, UpdateThemeDto } from './dto/theme.dto';
import { ThemesService } from './themes.service';

@ApiTags('themes')
@ReadAccess()
@Controller()
export class ThemesController {
  constructor(private readonly themes: ThemesService) {}

  /** The themes and population groups of a strategy, in report order. */
  @ApiOperation({ summary: "List a strategy's themes" })
  @Get('strategies/:id/themes')
  @ApiPageResponse(ThemeDto)
  @ApiErrors(400, 404)
  list(@UuidParam('id') strategyId: string, @Query() query: ListThemesQuery): Promise<Page<ThemeDto>> {
    return this.themes.list(strategyId, query);
  }

  /** Add a theme (or population group) to a strategy; by default it goes after the existing ones in reports. */
  @ApiOperation({ summary: 'Add a theme or population group' })
  @Post('strategies/:id/themes')
  @ManageAccess()
  @ApiErrors(400, 404, 413)
  create(@UuidParam('id') strategyId: string, @Body() dto: CreateThemeDto, @CurrentUser() actor: Actor): Promise<ThemeDto> {
    return this.themes.create(strategyId, dto, actor);
  }

  /** One theme or population group of a strategy. */
  @ApiOperation({ summary: 'Get a theme' })
  @Get('themes/:id')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<ThemeDto> {
    return this.themes.get(id);
  }

  /** Change the title, kind, description or report position of a theme. */
  @ApiOperation({ summary: 'Change a theme' })
  @Patch('themes/:id')
  @ManageAccess()
  @ApiErrors(400, 404, 413)
  update(@UuidParam('id') id: string, @Body() dto: UpdateThemeDto, @CurrentUser() actor: Actor): Promise<ThemeDto> {
    return this.themes.update(id, dto, actor);
  }

  /** Delete a theme (its links to priorities go with it); refused (409) while targets belong to it. */
  @ApiOperation({ summary: 'Delete a theme' })
  @Delete('themes/:id')
  @ManageAccess()
  @HttpCode(204)
  @ApiErrors(400, 404, 409)
  remove(@UuidParam('id') id: string): Promise<void> {
    return this.themes.remove(id);
  }
}
