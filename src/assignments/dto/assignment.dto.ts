import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsObject, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';
import { IsId, IsIdList, IsIsoDate, IsOptionalNonNull, IsText } from '../../common/validators';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../assignment.entity';
import { ACTION_STATUSES, type ActionStatus } from '../planned-action.entity';

export class AccountableOfficerDto {
  /** @example "Priya Shah" */
  @IsText(200)
  name: string;

  /** @example "priya.shah@wealden.gov.example" */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(320)
  email: string;
}

export class ActionDto {
  /** @example "Extend the Neighbourhood Watch scheme to the Hailsham wards" */
  @IsText(2000)
  description: string;

  /** @example "Sussex Police, Wealden district commander" */
  @IsText(200)
  owner: string;

  /** @example "2025-09-30" */
  @IsOptional()
  @IsIsoDate()
  dueDate?: string | null;

  @ApiProperty({ enum: ACTION_STATUSES, default: 'not-started', required: false })
  @IsOptionalNonNull()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;
}

export class CreateAssignmentDto {
  /** The lead partnership, accountable for the target. */
  @IsId()
  partnershipId: string;

  /** Partnerships that support the lead. */
  @IsOptionalNonNull()
  @IsIdList(50)
  supportingPartnershipIds?: string[];

  /** The named officer who answers for the target. */
  @IsObject({ message: ({ property }) => `${property} must be an object with a name and an email` })
  @ValidateNested()
  @Type(() => AccountableOfficerDto)
  accountableOfficer: AccountableOfficerDto;

  /** At most one `active` assignment per target (409 for a second). */
  @ApiProperty({ enum: ASSIGNMENT_STATUSES, default: 'active', required: false })
  @IsOptionalNonNull()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;

  /** The action plan: what will be done, by whom, by when. */
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ActionDto)
  actions?: ActionDto[];
}

/** Fields given replace the current ones; `actions` replaces the whole action plan. */
export class UpdateAssignmentDto extends PartialType(CreateAssignmentDto, { skipNullProperties: false }) {}

export class PartnershipAssignmentsQuery extends PaginationQuery {
  /** Assignments the partnership leads, supports, or either (default). */
  @ApiProperty({ enum: ['lead', 'supporting', 'any'], required: false, default: 'any' })
  @IsOptional()
  @IsIn(['lead', 'supporting', 'any'])
  role?: 'lead' | 'supporting' | 'any';

  @ApiProperty({ enum: ASSIGNMENT_STATUSES, required: false })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;
}

export class PlannedActionDto {
  @ApiProperty({ maxLength: 2000 })
  description: string;
  @ApiProperty({ maxLength: 200 })
  owner: string;
  @ApiProperty({ format: 'date', maxLength: 10 })
  dueDate: string | null;
  @ApiProperty({ enum: ACTION_STATUSES })
  status: ActionStatus;
}

export class PartnershipRefDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ maxLength: 200 })
  name: string;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  targetId: string;
  /** The lead partnership. */
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  partnershipId: string;
  @ApiProperty({ maxLength: 200 })
  partnershipName: string;
  @ApiProperty({ maxItems: 50, items: { type: 'string', format: 'uuid', maxLength: 36 } })
  supportingPartnershipIds: string[];
  @ApiProperty({ type: () => [PartnershipRefDto], maxItems: 50 })
  supportingPartnerships: PartnershipRefDto[];
  accountableOfficer: AccountableOfficerDto;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES })
  status: AssignmentStatus;
  @ApiProperty({ type: () => [PlannedActionDto], maxItems: 100 })
  actions: PlannedActionDto[];
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 24 })
  updatedAt: Date;
}

export class AssignedTargetDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  strategyId: string;
  @ApiProperty({ maxLength: 40 })
  code: string;
  @ApiProperty({ maxLength: 300 })
  title: string;
}

/** An assignment seen from one partnership: what it is accountable for, or helps with. */
export class PartnershipAssignmentDto extends AssignmentDto {
  @ApiProperty({ enum: ['lead', 'supporting'] })
  role: 'lead' | 'supporting';
  target: AssignedTargetDto;
}

export class AccountabilityRowDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  targetId: string;
  @ApiProperty({ maxLength: 40 })
  code: string;
  @ApiProperty({ maxLength: 300 })
  title: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  themeId: string;
  @ApiProperty({ maxLength: 200 })
  themeTitle: string;
  /** Null when the target has no active assignment: nobody is accountable yet. */
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  assignmentId: string | null;
  lead: PartnershipRefDto | null;
  accountableOfficer: AccountableOfficerDto | null;
  @ApiProperty({ type: () => [PartnershipRefDto], maxItems: 50 })
  supportingPartnerships: PartnershipRefDto[];
}

/** Who is accountable for what: every live target of the strategy, its lead, officer and supporters. */
export class AccountabilityDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  strategyId: string;
  /** Targets with no active assignment. */
  unassigned: number;
  rows: AccountabilityRowDto[];
}
