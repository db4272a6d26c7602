import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { UsersService } from '../users/users.service';

/** How to make the first administrator, for the start-up log of a database that has none. */
export const CREATE_ADMIN_HINT =
  'Create one with `SCS_PASSWORD=\'a long passphrase\' npm run user:create -- --email you@example.gov.uk --name "Your Name" --role admin`, ' +
  'or start the service once with ADMIN_EMAIL and ADMIN_PASSWORD set (they apply to a database with no users).';

/**
 * The server's start-up says so when its database has no active administrator, and how to make
 * one, so nobody is left wondering how to sign in. (Part of the API, not the command line,
 * whose `user:create` is the answer.)
 */
@Injectable()
export class FirstAdminCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminCheck.name);

  constructor(
    private readonly users: UsersService,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.hasActiveAdmin()) return;
    const empty = (await this.users.count()) === 0;
    // On an empty database, ADMIN_EMAIL and ADMIN_PASSWORD make the admin (AdminBootstrap).
    if (empty && this.config.get('ADMIN_EMAIL', { infer: true })) return;
    this.logger.warn(
      empty
        ? `The database has no users, so nobody can sign in. ${CREATE_ADMIN_HINT}`
        : `The database has no active administrator, so nobody can manage user accounts. ${CREATE_ADMIN_HINT}`,
    );
  }
}
