import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { UsersService } from './users.service';

/** How to make the first administrator, for the start-up log of a database that has none. */
export const CREATE_ADMIN_HINT =
  'Create one with `SCS_PASSWORD=\'a long passphrase\' npm run user:create -- --email you@example.gov.uk --name "Your Name" --role admin`, ' +
  'or start the service once with ADMIN_EMAIL and ADMIN_PASSWORD set (they apply to a database with no users).';

/**
 * On an empty database, ADMIN_EMAIL and ADMIN_PASSWORD create the first administrator.
 * Without them, a database with no active administrator is reported at start-up with how to
 * make one, so nobody is left wondering how to sign in.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly users: UsersService,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.get('ADMIN_EMAIL', { infer: true });
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    const empty = (await this.users.count()) === 0;
    if (empty && email && password) {
      await this.users.create({ email, password, name: 'Administrator', role: 'admin' });
      this.logger.log(`Created the first administrator, ${email}, from ADMIN_EMAIL and ADMIN_PASSWORD`);
      return;
    }
    if (empty) {
      this.logger.warn(`The database has no users, so nobody can sign in. ${CREATE_ADMIN_HINT}`);
    } else if (!(await this.users.hasActiveAdmin())) {
      this.logger.warn(`The database has no active administrator, so nobody can manage user accounts. ${CREATE_ADMIN_HINT}`);
    }
  }
}
