import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';
import type { EnvironmentVariables } from '../config/env.validation';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends email through SMTP_URL with nodemailer. Without SMTP_URL there is nowhere to send to:
 * `enabled` is false and the scheduler records nothing, so turning email on later still sends
 * what is owed then.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(config: ConfigService<EnvironmentVariables, true>) {
    const url = config.get('SMTP_URL', { infer: true });
    this.from = config.get('MAIL_FROM', { infer: true });
    // Short timeouts: a send runs inside a scheduler pass, and a dead server must fail it (to be retried), not hang it.
    this.transport = url ? createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as Parameters<typeof createTransport>[0]) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(email: OutgoingEmail): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not set');
    await this.transport.sendMail({ from: this.from, ...email });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
