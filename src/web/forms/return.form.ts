import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The return form as posted. The figure is typed text, turned into a number once it is valid. */
export class ReturnForm {
  @Transform(trimmed)
  @IsString({ message: 'returnForm.errors.valueMissing' })
  @IsNotEmpty({ message: 'returnForm.errors.valueMissing' })
  @MaxLength(20, { message: 'returnForm.errors.valueTooLong' })
  // Digits with an optional sign, thousands commas and decimal point: 1,234.5 or -3.
  @Matches(/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/, { message: 'returnForm.errors.valueNumber' })
  value: string;

  @IsOptional()
  @IsString({ message: 'returnForm.errors.commentaryTooLong' })
  @MaxLength(10_000, { message: 'returnForm.errors.commentaryTooLong' })
  commentary?: string;

  @IsOptional()
  @IsString({ message: 'returnForm.errors.risksTooLong' })
  @MaxLength(10_000, { message: 'returnForm.errors.risksTooLong' })
  risks?: string;

  @IsOptional()
  @IsString({ message: 'returnForm.errors.nextActionsTooLong' })
  @MaxLength(10_000, { message: 'returnForm.errors.nextActionsTooLong' })
  nextActions?: string;

  @IsOptional()
  @IsIn(['draft', 'continue'])
  action?: 'draft' | 'continue';
}

export function figureOf(value: string): number {
  return Number(value.replace(/,/g, ''));
}

/** Empty text is "not given": stored as null, as the API does. */
export function optionalText(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? value!.replace(/\r\n/g, '\n').trim() : null;
}
