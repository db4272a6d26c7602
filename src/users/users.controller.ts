import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/access.decorators';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page } from '../common/pagination';
import { UuidParam } from '../common/params';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

/** User accounts (admins only). Accounts are deactivated, never deleted, so history keeps its authors. */
@ApiTags('users')
@AdminOnly()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiPageResponse(UserDto)
  @ApiErrors(400)
  list(@Query() query: ListUsersQuery): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Post()
  @ApiErrors(400, 409, 422)
  create(@Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(dto);
  }

  @Get(':id')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  /** Change name, role, partnerships, password, or deactivate (`active: false`). */
  @Patch(':id')
  @ApiErrors(400, 404, 422)
  update(@UuidParam('id') id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(id, dto);
  }
}
