import { Injectable } from '@nestjs/common';
import { UsersService } from '../identity';
import { Mailer } from '../notifications';
import type { Tx } from '../platform/database/database';
import { formatMinor } from '../platform/money';
import type { ChargingSessionRow } from './charging.schema';
import { sessionHistory } from './session-history';
import { priceOf } from './session-pricing';

const LABELS = {
  energy: 'Energy',
  time: 'Time',
  idle: 'Idle time',
  session_fee: 'Session fee',
  tax: 'Tax',
} as const;

/**
 * The driver's receipt by e-mail, queued in the transaction that records the capture (the payable
 * handler), keyed by the session: one mail however often the capture is told. Its lines are the
 * pricing engine's, from the session's frozen tariff and final usage, as the receipt endpoint's.
 */
@Injectable()
export class SessionReceipts {
  constructor(
    private readonly mailer: Mailer,
    private readonly users: UsersService,
  ) {}

  async captured(tx: Tx, s: ChargingSessionRow, captured: bigint): Promise<void> {
    if (s.status !== 'COMPLETED' || s.energyWh === null) return;
    const driver = await this.users.findActive(s.userId);
    if (!driver) return;
    const history = await sessionHistory(tx, s);
    const price = priceOf(s, s.energyWh, s.endedAt ?? s.updatedAt, s.endedAt, history);
    const money = (v: bigint) => `${formatMinor(v, s.currency)} ${s.currency.toUpperCase()}`;
    const lines = price.lines.map((l) => {
      const label = `${LABELS[l.kind]}${l.period ? ` (${l.period})` : ''}`;
      const qty =
        l.unit === 'Wh'
          ? ` — ${formatMinor(l.quantity, 'kwd')} kWh`
          : l.unit === 's'
            ? ` — ${Math.round(Number(l.quantity) / 60)} min`
            : '';
      return `${label}${qty}: ${money(l.amount.minor)}`;
    });
    await this.mailer.enqueue(tx, {
      key: `charging.receipt:${s.id}`,
      kind: 'charging.receipt',
      reference: s.id,
      to: driver.email,
      subject: `Your charging receipt: ${money(captured)}`,
      text: [
        `Charging session ${s.id}`,
        `${s.startedAt?.toISOString() ?? ''} – ${s.endedAt?.toISOString() ?? ''}`,
        '',
        ...lines,
        '',
        `Total: ${money(price.total.minor)} (tax ${money(price.tax.minor)})`,
        `Charged to your card: ${money(captured)}`,
      ].join('\n'),
    });
  }
}
