import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponse, ApiErrors } from '../common/error.dto';
import { ChangePasswordDto, EmailSettingsDto, UserDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { CurrentUser, Public, ReadAccess } from './access.decorators';
import { AuthService } from './auth.service';
import { AccessTokenDto, LoginDto } from './dto/login.dto';
import { LoginThrottle } from './login-throttle';
import type { Actor } from './roles';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** Exchange an email and password for a bearer token. Limited to a few attempts a minute per client. */
  @ApiOperation({ summary: 'Sign in for a bearer token' })
  @Public()
  @LoginThrottle()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto, description: 'Signed in' })
  @ApiErrors(400, 413)
  @ApiErrorResponse(401, 'Wrong email or password (the same answer for both)', { statusCode: 401, message: 'Invalid email or password', error: 'Unauthorized' })
  @ApiErrorResponse(429, 'Too many login attempts from this client; wait a minute')
  login(@Body() dto: LoginDto): Promise<AccessTokenDto> {
    return this.auth.login(dto.email, dto.password);
  }

  /**
   * Change your own password, giving the current one. Every token issued before (this one
   * included) stops working: sign in again with the new password. A wrong current password is
   * a 422 naming `currentPassword`; attempts are limited like logins.
   */
  @ApiOperation({ summary: 'Change your own password' })
  @Post('password')
  @ReadAccess()
  @LoginThrottle()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; earlier tokens no longer work' })
  @ApiErrors(400, 413, 422)
  @ApiErrorResponse(429, 'Too many attempts from this client; wait a minute')
  changePassword(@CurrentUser() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  /** The signed-in user. */
  @ApiOperation({ summary: 'Get the signed-in user' })
  @Get('me')
  @ReadAccess()
  me(@CurrentUser() actor: Actor): Promise<UserDto> {
    return this.users.get(actor.id);
  }

  /**
   * Switch your own reminder emails off (`emailReminders: false`) or on again. Off stops
   * reminders, overdue notices, "sent back" and "approved" notices and weekly digests; a
   * coordinator still gets escalations about returns long overdue.
   */
  @ApiOperation({ summary: 'Set your own email settings' })
  @Put('me/email-settings')
  @ReadAccess()
  @ApiErrors(400, 413)
  emailSettings(@CurrentUser() actor: Actor, @Body() dto: EmailSettingsDto): Promise<UserDto> {
    return this.users.setEmailReminders(actor.id, dto.emailReminders);
  }
}
