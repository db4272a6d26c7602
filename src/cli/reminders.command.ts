import { Command, CommandRunner, Option } from 'nest-commander';
import { NotificationsService } from '../notifications/notifications.service';

interface RemindersOptions {
  at?: Date;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * npm run reminders -- [--at 2026-04-25T09:00:00Z] [--dry-run] [--json]
 * One pass of the reminder scheduler as of the given moment (default: now), the same pass the
 * server runs every REMINDERS_EVERY_MINUTES. Safe beside running servers: every message is
 * claimed in the notifications table before it is sent, so nothing goes twice.
 */
@Command({ name: 'reminders', description: 'Send the reminders, overdue notices, escalations and digests due at a moment' })
export class RemindersCommand extends CommandRunner {
  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  async run(_args: string[], options: RemindersOptions): Promise<void> {
    const at = options.at ?? new Date();
    const result = await this.notifications.run(at, { dryRun: options.dryRun ?? false });
    if (options.json) {
      console.log(JSON.stringify(result));
      return;
    }
    if (!result.emailEnabled) console.log('SMTP_URL is not set: no email can be sent.');
    if (result.dryRun) {
      console.log(`Would send ${result.due.length} message${result.due.length === 1 ? '' : 's'} as of ${result.at}:`);
      for (const m of result.due) console.log(`  ${m.kind.padEnd(10)} ${m.recipient} (${m.language})  ${m.code} ${m.period}`);
      return;
    }
    const sent = result.deliveries.filter((d) => d.status === 'sent');
    const failed = result.deliveries.filter((d) => d.status === 'failed');
    console.log(`Sent ${sent.length} message${sent.length === 1 ? '' : 's'} as of ${result.at}${failed.length ? `; ${failed.length} failed (to be retried; see /outbox)` : ''}.`);
    for (const d of result.deliveries) console.log(`  ${d.status.padEnd(6)} ${d.kind.padEnd(10)} ${d.recipient}  ${d.period}${d.error ? `  ${d.error}` : ''}`);
  }

  @Option({ flags: '--at <instant>', description: 'the moment to run as, e.g. 2026-04-25T09:00:00Z (default: now)' })
  parseAt(value: string): Date {
    const at = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) throw new Error(`--at must be an ISO-8601 instant such as 2026-04-25T09:00:00Z, got "${value}"`);
    return at;
  }

  @Option({ flags: '--dry-run', description: 'list what is due; send and record nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--json', description: 'print the result as JSON' })
  parseJson(): boolean {
    return true;
  }
}
