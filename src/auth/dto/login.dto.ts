import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  /** @example "coordinator@demo.scs.test" */
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  email: string;

  /** @example "demo-password-2026" */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class AccessTokenDto {
  /** A signed JWT; send it as `Authorization: Bearer <accessToken>`. */
  @ApiProperty({ maxLength: 4096 })
  accessToken: string;
  /** @example "Bearer" */
  tokenType: 'Bearer';
  /** Seconds until the token expires. @example 28800 */
  expiresIn: number;
}
