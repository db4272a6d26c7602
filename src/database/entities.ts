import { Member } from '../partnerships/member.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { Priority } from '../strategies/priority.entity';
import { Strategy } from '../strategies/strategy.entity';
import { Theme } from '../strategies/theme.entity';
import { User } from '../users/user.entity';
import { PasswordReset } from '../users/password-reset.entity';
import { Assignment } from '../assignments/assignment.entity';
import { PlannedAction } from '../assignments/planned-action.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ProgressUpdate } from '../progress/progress-update.entity';
import { Milestone } from '../targets/milestone.entity';
import { Target } from '../targets/target.entity';
import { StoredReport } from '../reports/stored-report.entity';
import { ReturnDeadline } from '../deadlines/return-deadline.entity';
import { ReportPublication } from '../reports/report-publication.entity';
import { reportContentSchema } from '../reports/report-content.entity';
import { Notification } from '../notifications/notification.entity';
import type { DatabaseEngine } from './data-source-options';

/** Every entity, listed once for the application, the CLI and the migration tools. */
export const ENTITIES = [
  Partnership,
  Member,
  Strategy,
  Theme,
  Priority,
  User,
  Target,
  Milestone,
  Assignment,
  PlannedAction,
  ProgressUpdate,
  AuditEntry,
  StoredReport,
  ReturnDeadline,
  PasswordReset,
  ReportPublication,
  Notification,
];

/** ENTITIES, plus the schemas whose column types differ between the engines. */
export function entitiesFor(engine: DatabaseEngine) {
  return [...ENTITIES, reportContentSchema(engine)];
}
