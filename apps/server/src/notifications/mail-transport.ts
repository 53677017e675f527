import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { Config } from '../platform/config/config';

/** One message as it leaves us: everything the wire needs, addresses and ids included. */
export interface OutgoingMail {
  /** The stored row's id: the file's name and the Message-ID's left part. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** When it was queued: its Date header, the same on every resend. */
  date: Date;
}

/**
 * Where mail goes: an SMTP server, or files when there is none. An abstract class, so the module
 * injects it by type and a test can stand one in. `deliver` throws when the message was not taken.
 */
export abstract class MailTransport {
  abstract readonly kind: 'smtp' | 'file';
  abstract deliver(mail: OutgoingMail): Promise<void>;
  abstract close(): void;
}

/**
 * A Message-ID derived from the row's id alone, so a message sent again after a crash between the
 * server's accept and our SENT is recognisably the same one (mail clients and servers dedupe on it).
 */
export function messageIdOf(id: string, from: string): string {
  const domain = /@([^\s>]+)>?$/.exec(from)?.[1] ?? 'localhost';
  return `<${id}@${domain}>`;
}

const fields = (mail: OutgoingMail, from: string) => ({
  from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  ...(mail.html ? { html: mail.html } : {}),
  date: mail.date,
  messageId: messageIdOf(mail.id, from),
});

class SmtpTransport extends MailTransport {
  readonly kind = 'smtp';
  private readonly transport;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    // Bounded waits: the job's own timeout must outlast a dead server, and a retry beats a hang.
    this.transport = createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      logger: false,
    });
  }

  async deliver(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail(fields(mail, this.from));
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Without SMTP: each message an RFC 822 file `<id>.eml` that any mail client opens. The directory is
 * 0700 and the files 0600, for they hold names, addresses and what people bought. Written to a
 * temporary name and renamed, so a reader never sees half a message.
 */
class FileTransport extends MailTransport {
  readonly kind = 'file';
  private readonly composer = createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });

  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {
    super();
  }

  async deliver(mail: OutgoingMail): Promise<void> {
    const { message } = await this.composer.sendMail(fields(mail, this.from));
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await chmod(this.dir, 0o700);
    const path = join(this.dir, `${mail.id}.eml`);
    const partial = `${path}.${process.pid}.tmp`;
    await writeFile(partial, message as Buffer, { mode: 0o600 });
    await chmod(partial, 0o600);
    await rename(partial, path);
  }

  close(): void {
    this.composer.close();
  }
}

/** SMTP when SMTP_URL is set, `.eml` files under DATA_DIR/mail otherwise. */
export function mailTransportFor(config: Pick<Config, 'mail'>): MailTransport {
  const { smtpUrl, from, dir } = config.mail;
  return smtpUrl ? new SmtpTransport(smtpUrl, from) : new FileTransport(dir, from);
}
