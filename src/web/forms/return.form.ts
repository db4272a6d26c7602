import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The return form as posted. The figure is typed text, turned into a number once it is valid. */
export class ReturnForm {
  // Constraints run from the last written to the first; only the first problem is shown.
  // Digits with an optional sign, thousands commas and decimal point: 1,234.5 or -3.
  @Matches(/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/, { message: 'returnForm.errors.valueNumber' })
  @MaxLength(20, { message: 'returnForm.errors.valueTooLong' })
  @IsNotEmpty({ message: 'returnForm.errors.valueMissing' })
  @IsString({ message: 'returnForm.errors.valueMissing' })
  @Transform(trimmed)
  value: string;

  @MaxLength(10_000, { message: 'returnForm.errors.commentaryTooLong' })
  @IsString({ message: 'returnForm.errors.commentaryTooLong' })
  @IsOptional()
  commentary?: string;

  @MaxLength(10_000, { message: 'returnForm.errors.risksTooLong' })
  @IsString({ message: 'returnForm.errors.risksTooLong' })
  @IsOptional()
  risks?: string;

  @MaxLength(10_000, { message: 'returnForm.errors.nextActionsTooLong' })
  @IsString({ message: 'returnForm.errors.nextActionsTooLong' })
  @IsOptional()
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
