import { Member } from '../partnerships/member.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { Priority } from '../strategies/priority.entity';
import { Strategy } from '../strategies/strategy.entity';
import { Theme } from '../strategies/theme.entity';
import { User } from '../users/user.entity';

/** Every entity, listed once for the application, the CLI and the migration tools. */
export const ENTITIES = [Partnership, Member, Strategy, Theme, Priority, User];
