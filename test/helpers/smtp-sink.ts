import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it is sent, read back with mailparser. `reject`
 * makes it refuse recipients (with the given SMTP code) until cleared, to play a failing server.
 */
export class SmtpSink {
  readonly messages: Received[] = [];
  reject: { code: number; message: string } | null = null;
  private readonly server: SMTPServer;

  constructor(readonly port: number) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, done) => {
        if (!this.reject) return done();
        const error = new Error(this.reject.message) as Error & { responseCode: number };
        error.responseCode = this.reject.code;
        done(error);
      },
      onData: (stream, _session, done) => {
        simpleParser(stream)
          .then((mail) => {
            const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
            this.messages.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' });
            done();
          })
          .catch((error: Error) => done(error));
      },
    });
  }

  start(): Promise<void> {
    return new Promise((ok, fail) => {
      this.server.once('error', fail);
      this.server.listen(this.port, '127.0.0.1', () => ok());
    });
  }

  stop(): Promise<void> {
    return new Promise((ok) => this.server.close(() => ok()));
  }

  to(address: string): Received[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }
}

/** A port for the sink, chosen before the app's configuration is read (it is read once, at import). */
export function smtpPortFromEnv(): number {
  const port = Number(new URL(process.env.SMTP_URL!).port);
  if (!port) throw new Error('import test/helpers/smtp-env first');
  return port;
}
