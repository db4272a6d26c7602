import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SignInForm {
  // class-validator runs a property's constraints from the last written to the first, and
  // reports only the first problem: so the most basic check comes last.
  @IsEmail({}, { message: 'signIn.errors.emailFormat' })
  @MaxLength(254, { message: 'signIn.errors.emailTooLong' })
  @IsNotEmpty({ message: 'signIn.errors.emailMissing' })
  @IsString({ message: 'signIn.errors.emailMissing' })
  @Transform(trimmed)
  email: string;

  @MaxLength(200, { message: 'signIn.errors.passwordTooLong' })
  @IsNotEmpty({ message: 'signIn.errors.passwordMissing' })
  @IsString({ message: 'signIn.errors.passwordMissing' })
  password: string;
}
