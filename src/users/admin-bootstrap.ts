import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { UsersService } from './users.service';

/** On an empty database, ADMIN_EMAIL and ADMIN_PASSWORD create the first administrator. */
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
    if (!email || !password) return;
    if ((await this.users.count()) > 0) return;
    await this.users.create({ email, password, name: 'Administrator', role: 'admin' });
    this.logger.log(`Created the first administrator, ${email}, from ADMIN_EMAIL and ADMIN_PASSWORD`);
  }
}
