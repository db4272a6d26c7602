import { HttpException } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { ROLES, Role } from '../auth/roles';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { UsersService } from '../users/users.service';
import { validateDto } from '../common/validation';
import { CreateUserDto } from '../users/dto/user.dto';
import { describeHttpError } from './cli-errors';
import { isUuid } from './lookup';

interface CreateUserOptions {
  email: string;
  name: string;
  role: Role;
  password?: string;
  partnership: string[];
}

/**
 * npm run user:create -- --email officer@wealden.gov.example --name "Priya Shah" \
 *   --role partnership-officer --partnership "Safer Wealden Partnership"
 * The password comes from --password or, better (it stays out of shell history), SCS_PASSWORD.
 */
@Command({ name: 'user:create', description: 'Create a user account' })
export class CreateUserCommand extends CommandRunner {
  constructor(
    private readonly users: UsersService,
    private readonly partnerships: PartnershipsService,
  ) {
    super();
  }

  async run(_args: string[], options: CreateUserOptions): Promise<void> {
    const password = options.password ?? process.env.SCS_PASSWORD;
    if (!password) throw new Error('give a password with --password or the SCS_PASSWORD environment variable');
    const partnershipIds = await this.resolvePartnerships(options.partnership ?? []);
    try {
      const dto = await validateDto(CreateUserDto, { email: options.email, name: options.name, role: options.role, password, partnershipIds });
      const user = await this.users.create(dto);
      console.log(`Created ${user.role} ${user.email} (id ${user.id})`);
    } catch (error) {
      if (error instanceof HttpException) throw new Error(describeHttpError(error), { cause: error });
      throw error;
    }
  }

  /** Partnerships by id or by exact name, so an operator need not look ids up. */
  private async resolvePartnerships(refs: string[]): Promise<string[]> {
    if (refs.length === 0) return [];
    const found = await this.partnerships.findByIdsOrNames(refs.filter(isUuid), refs);
    return refs.map((ref) => {
      const match = found.find((p) => p.id === ref || p.name === ref);
      if (!match) throw new Error(`no partnership with id or name "${ref}"`);
      return match.id;
    });
  }

  @Option({ flags: '--email <email>', description: 'email address (sign-in name)', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'full name', required: true })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: `one of ${ROLES.join(', ')}`, required: true })
  parseRole(value: string): Role {
    if (!(ROLES as readonly string[]).includes(value)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    return value as Role;
  }

  @Option({ flags: '--password <password>', description: 'password (or set SCS_PASSWORD)' })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--partnership <idOrName>', description: 'a partnership the officer works for (repeatable)' })
  parsePartnership(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }
}

