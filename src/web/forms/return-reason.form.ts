import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The reason a coordinator gives for returning an update, as the API's ReturnProgressDto requires it. */
export class ReturnReasonForm {
  // Constraints run from the last written to the first; only the first problem is shown.
  @MaxLength(2000, { message: 'approvals.errors.reasonTooLong' })
  @IsNotEmpty({ message: 'approvals.errors.reasonMissing' })
  @IsString({ message: 'approvals.errors.reasonMissing' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  reason: string;
}
