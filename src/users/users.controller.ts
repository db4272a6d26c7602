import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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

  /** Every user account, filtered by role, active flag or partnership. Admins only. */
  @ApiOperation({ summary: 'List users' })
  @Get()
  @ApiPageResponse(UserDto)
  @ApiErrors(400)
  list(@Query() query: ListUsersQuery): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  /** Create a user account with a role (and, for partnership officers, their partnerships). Admins only. */
  @ApiOperation({ summary: 'Create a user' })
  @Post()
  @ApiErrors(400, 409, 422, 413)
  create(@Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(dto);
  }

  /** One user account (never the password). Admins only. */
  @ApiOperation({ summary: 'Get a user' })
  @Get(':id')
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  /** Change name, role, partnerships, password, or deactivate (`active: false`). */
  @ApiOperation({ summary: 'Change a user' })
  @Patch(':id')
  @ApiErrors(400, 404, 422, 413)
  update(@UuidParam('id') id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(id, dto);
  }
}
