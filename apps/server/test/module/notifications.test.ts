import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_QUEUE, Mailer, NotificationsModule, type MailMessage } from '../../src/notifications';
import { until } from '../jobs-fixture';
import { SMTP_USER, startSmtp } from '../notifications/smtp-fixture';
import { moduleHarness, type ModuleHarness } from './harness';

/**
 * The notifications module on real PostgreSQL and a real SMTP server (smtp-server, started here):
 * a message queued in a transaction is sent by its job, exactly when that transaction commits and
 * once per key; without SMTP_URL it becomes a private `.eml` file.
 */
let seq = 0;
const message = (over: Partial<MailMessage> = {}): MailMessage => {
  seq += 1;
  return {
    key: `test.hello:${process.pid}:${seq}`,
    kind: 'test.hello',
    reference: `ref_${seq}`,
    to: `ann.lee.${seq}@example.org`,
    subject: `Hello number ${seq}`,
    text: `Secret body ${seq}: you bought a widget.`,
    ...over,
  };
};

const row = async (h: ModuleHarness, id: string) =>
  (
    await h.sql<{ status: string; attempts: number; sent_at: Date | null; last_error: string }>(
      'SELECT status, attempts, sent_at, last_error FROM mail_messages WHERE id = $1',
      [id],
    )
  )[0];

describe('notifications over SMTP (module tier)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let h: ModuleHarness;
  let mailer: Mailer;
  const enqueue = (m: MailMessage) =>
    h.runtime.database.db.transaction((tx) => mailer.enqueue(tx, m));

  beforeAll(async () => {
    smtp = await startSmtp();
    h = await moduleHarness([NotificationsModule], {
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tender Shop <shop@example.com>' },
    });
    mailer = h.get(Mailer);
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  it('sends a queued message once its transaction commits, with a Message-ID from its id', async () => {
    const m = message();
    const id = await enqueue(m);
    expect(id).toMatch(/^mail_[0-9A-Z]{26}$/);
    const got = await until(() => smtp.received.find((r) => r.mail.subject === m.subject));
    expect(got.rcptTo).toEqual([m.to]);
    expect(got.user).toBe(SMTP_USER); // the URL's credentials logged in
    expect(got.mail.to).toMatchObject({ text: m.to });
    expect(got.mail.from?.value).toEqual([{ address: 'shop@example.com', name: 'Tender Shop' }]);
    expect(got.mail.text?.trim()).toBe(m.text);
    expect(got.mail.messageId).toBe(`<${id}@example.com>`);
    const stored = await until(async () => {
      const r = await row(h, id);
      return r?.status === 'SENT' && r;
    });
    expect(stored).toMatchObject({ attempts: 1 });
    expect(stored.sent_at).toBeInstanceOf(Date);
    // The logs say which message, never to whom or what it says.
    const logs = h.logs.join('\n');
    expect(logs).toContain(id);
    expect(logs).not.toContain(m.to);
    expect(logs).not.toContain('Secret body');
  });

  it('a transaction that rolls back queues nothing and sends nothing', async () => {
    const m = message();
    let id = '';
    await expect(
      h.runtime.database.db.transaction(async (tx) => {
        id = await mailer.enqueue(tx, m);
        throw new Error('the change this mail told of failed');
      }),
    ).rejects.toThrow('failed');
    expect(id).toMatch(/^mail_/);
    expect(await h.sql('SELECT 1 FROM mail_messages WHERE id = $1', [id])).toEqual([]);
    const jobsOf = (mailId: string) =>
      h.sql(`SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>'mailId' = $2`, [
        MAIL_QUEUE,
        mailId,
      ]);
    expect(await jobsOf(id)).toEqual([]);
    // A later message goes out (its job is where the rolled-back one's would be); that one never.
    const later = message();
    expect(await jobsOf(await enqueue(later))).toHaveLength(1);
    await until(() => smtp.received.some((r) => r.mail.subject === later.subject));
    await sleep(300);
    expect(smtp.received.some((r) => r.mail.subject === m.subject)).toBe(false);
  });

  it('one idempotency key is one message, however often (and concurrently) it is queued', async () => {
    const m = message();
    const ids = await Promise.all([enqueue(m), enqueue(m), enqueue({ ...m, subject: 'Other' })]);
    ids.push(
      await h.runtime.database.db.transaction(async (tx) => {
        await mailer.enqueue(tx, m);
        return mailer.enqueue(tx, m);
      }),
    );
    expect(new Set(ids).size).toBe(1);
    await until(async () => (await row(h, ids[0]))?.status === 'SENT');
    await sleep(500);
    const sent = smtp.received.filter((r) => r.mail.messageId === `<${ids[0]}@example.com>`);
    expect(sent).toHaveLength(1);
    const rows = await h.sql('SELECT 1 FROM mail_messages WHERE idempotency_key = $1', [m.key]);
    expect(rows).toHaveLength(1);
  });

  it('refuses a malformed message before storing anything (a caller bug, not a client error)', async () => {
    await expect(enqueue(message({ to: 'not an address' }))).rejects.toThrow(/bad to/);
    await expect(enqueue(message({ subject: 'Hi\r\nBcc: x@example.org' }))).rejects.toThrow(
      /bad subject/,
    );
  });
});

describe('notifications without SMTP_URL: .eml files (module tier)', () => {
  let h: ModuleHarness;

  beforeAll(async () => {
    h = await moduleHarness([NotificationsModule]);
  });
  afterAll(() => h?.close());

  it('writes each message as an RFC 822 file, readable only by the server (0600 in a 0700 directory)', async () => {
    const m = message({ html: '<p>Secret body</p>' });
    const id = await h.runtime.database.db.transaction((tx) => h.get(Mailer).enqueue(tx, m));
    await until(async () => (await row(h, id))?.status === 'SENT');
    const dir = h.runtime.config.mail.dir;
    const file = join(dir, `${id}.eml`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const raw = await readFile(file);
    expect(raw.toString()).toContain('\r\n'); // RFC 822 line ends
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(m.subject);
    expect(mail.to).toMatchObject({ text: m.to });
    expect(mail.text?.trim()).toBe(m.text);
    expect(mail.html).toContain('<p>Secret body</p>');
    expect(mail.messageId).toBe(`<${id}@localhost>`); // the default MAIL_FROM's domain
  });
});
