import { Client } from 'pg';
import type { Logger } from '../logging/logger';
import type { SqlClient } from './tx-client';

/**
 * Wakes workers when a job sent inside a caller's transaction becomes visible. The queue cannot
 * know when that transaction commits, but PostgreSQL can: a NOTIFY issued in a transaction is
 * delivered at its commit and dropped by a rollback. Every worker instance LISTENs, so a job
 * committed on an API-only node wakes the worker nodes too. If the listening connection drops,
 * workers still find the job at their next poll; we reconnect in the background.
 */
export const WAKE_CHANNEL = 'tender_jobs';

/** Inside the transaction: ask every listening instance to fetch `queue` once it commits. */
export async function notifyOnCommit(client: SqlClient, queue: string): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [WAKE_CHANNEL, queue]);
}

export class WakeListener {
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly onWake: (queue: string) => void,
    private readonly log: Logger,
    private readonly reconnectMs = 5_000,
  ) {}

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (n) => {
      if (n.channel === WAKE_CHANNEL && n.payload) this.onWake(n.payload);
    });
    client.on('error', (err) => {
      this.log.warn({ err }, 'job wake-up listener lost; workers rely on polling until it is back');
      this.reconnectLater();
    });
    client.on('end', () => this.reconnectLater());
    await client.connect();
    await client.query(`LISTEN ${WAKE_CHANNEL}`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private reconnectLater(): void {
    if (this.stopped || this.retry) return;
    this.client = undefined;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.start().catch(() => this.reconnectLater());
    }, this.reconnectMs);
    this.retry.unref();
  }
}
