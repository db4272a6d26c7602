import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SignInForm {
  @Transform(trimmed)
  @IsString({ message: 'signIn.errors.emailMissing' })
  @IsNotEmpty({ message: 'signIn.errors.emailMissing' })
  @MaxLength(254, { message: 'signIn.errors.emailTooLong' })
  @IsEmail({}, { message: 'signIn.errors.emailFormat' })
  email: string;

  @IsString({ message: 'signIn.errors.passwordMissing' })
  @IsNotEmpty({ message: 'signIn.errors.passwordMissing' })
  @MaxLength(200, { message: 'signIn.errors.passwordTooLong' })
  password: string;
}
