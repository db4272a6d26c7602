import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MIN_LENGTH } from '../../users/dto/user.dto';

// Constraints run from the last written to the first; only the first problem is shown.
export class ChangePasswordForm {
  @MaxLength(200, { message: 'changePassword.errors.currentMissing' })
  @IsNotEmpty({ message: 'changePassword.errors.currentMissing' })
  @IsString({ message: 'changePassword.errors.currentMissing' })
  current: string;

  @MaxLength(200, { message: 'changePassword.errors.newTooLong' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: 'changePassword.errors.newTooShort' })
  @IsNotEmpty({ message: 'changePassword.errors.newMissing' })
  @IsString({ message: 'changePassword.errors.newMissing' })
  password: string;

  @IsString({ message: 'changePassword.errors.confirmMismatch' })
  confirm: string;
}
