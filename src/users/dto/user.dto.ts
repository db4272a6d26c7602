import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { IsId, IsIdList, IsOptionalNonNull, IsText, QueryBoolean } from '../../common/validators';
import { ROLES, type Role } from '../../auth/roles';
import { LANGUAGES, type Language } from '../../domain/language';

const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export const PASSWORD_MIN_LENGTH = 10;

export class CreateUserDto {
  /** Case-insensitive and unique. @example "officer@wealden.gov.example" */
  @Transform(lowerCase)
  @IsEmail()
  @MaxLength(320)
  email: string;

  /** @example "Priya Shah" */
  @IsText(200)
  name: string;

  @ApiProperty({ enum: ROLES, example: 'partnership-officer' })
  @IsIn(ROLES)
  role: Role;

  /** At least 10 characters. Write-only: never returned. */
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password: string;

  /** The partnerships a partnership officer works for (required for that role, empty otherwise). */
  @IsOptionalNonNull()
  @IsIdList(100)
  partnershipIds?: string[];

  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  /** The language of the user's web pages: English or Welsh. */
  @ApiProperty({ enum: LANGUAGES, maxLength: 2, required: false, default: 'en' })
  @IsOptionalNonNull()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['email'] as const), { skipNullProperties: false }) {}

export class ChangePasswordDto {
  /** The password the user signs in with now. @example "demo-password-2026" */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  /** At least 10 characters, at most 200. @example "a longer passphrase for 2027" */
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  newPassword: string;
}

export class ListUsersQuery extends PaginationQuery {
  @ApiProperty({ enum: ROLES, required: false })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  /** Users who work for this partnership. */
  @IsOptional()
  @IsId()
  partnershipId?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ format: 'email', maxLength: 320 })
  email: string;
  @ApiProperty({ maxLength: 200 })
  name: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
  @ApiProperty({ maxItems: 100, items: { type: 'string', format: 'uuid', maxLength: 36 } })
  partnershipIds: string[];
  active: boolean;
  @ApiProperty({ enum: LANGUAGES, maxLength: 2 })
  language: Language;
  /** Reminder, overdue, workflow and digest emails; false when the user switched them off (escalations still come). */
  emailReminders: boolean;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  updatedAt: Date;
}

/** The signed-in user's own email setting. */
export class EmailSettingsDto {
  /** false switches off reminders, overdue notices, "sent back"/"approved" notices and digests; escalations still come. */
  @IsBoolean()
  emailReminders: boolean;
}
