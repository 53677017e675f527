import { EventEmitter } from 'node:events';
import { RPCClient } from 'ocpp-rpc';
import type { Connector, SentCall, SimulatorOptions, Status } from './options';
import { defaultConfiguration, handleConfiguration, type ConfigurationKeys } from './configuration';
import { meterValue } from './meter';
import { admits, handleReservations } from './reservations';

export type { SentCall, SimulatorOptions } from './options';

const VENDOR = 'Tender';
const MODEL = 'Simulated Charger';
const FIRMWARE = 'sim-1.0.0';

/**
 * A simulated OCPP 1.6J charge point, for demos and tests. It talks to Tender only over OCPP, on
 * ocpp-rpc's RPCClient in strict mode like the central system, so what it sends is what a real
 * charger may send. It is not part of the charging module's public face: nothing in the server
 * imports it.
 */
export class SimulatedCharger extends EventEmitter {
  private rpc?: RPCClient;
  private readonly connectors = new Map<number, Connector>();
  private heartbeat?: NodeJS.Timeout;
  private heartbeatIntervalS = 300;
  private stopped = false;
  private readonly config: ConfigurationKeys;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: SimulatorOptions) {
    super();
    this.log = opts.log ?? (() => undefined);
    for (let n = 1; n <= opts.connectors; n++)
      this.connectors.set(n, { status: 'Available', meterWh: 0 });
    this.config = defaultConfiguration(opts);
  }

  /** How far the charger's clock runs ahead of the real one (its timestamps), in ms. */
  private clockAheadMs = 0;

  /** The charger's clock: what its timestamps say. */
  private now(): Date {
    return new Date(Date.now() + this.clockAheadMs);
  }

  /**
   * Moves the charger's clock forward, as if that much time had passed: a test bills 15 minutes
   * of idle time without waiting for them (the timestamps are what the central system prices).
   */
  advanceClock(ms: number): void {
    this.clockAheadMs += ms;
  }

  /**
   * The car stops drawing (its battery is full, or it pauses): SuspendedEV while the transaction
   * stays open, the meter no longer rising — the connector is idle until the stop.
   */
  async suspendEv(connectorId: number): Promise<void> {
    const c = this.connectors.get(connectorId);
    if (!c?.tx || c.status === 'SuspendedEV') return;
    await this.notify(connectorId, 'SuspendedEV');
  }

  /** The car draws again after a pause (SuspendedEV → Charging). */
  async resumeEv(connectorId: number): Promise<void> {
    const c = this.connectors.get(connectorId);
    if (!c?.tx || c.status !== 'SuspendedEV') return;
    await this.notify(connectorId, 'Charging');
  }

  /** The connector's current OCPP status. */
  status(connectorId: number): Status | undefined {
    return this.connectors.get(connectorId)?.status;
  }

  /** The transaction running on the connector, if any, with the meter in Wh. */
  transaction(connectorId: number): { id: number; meterWh: number } | undefined {
    const c = this.connectors.get(connectorId);
    return c?.tx ? { id: c.tx.id, meterWh: Math.round(c.meterWh) } : undefined;
  }

  /** Connects, boots and announces every connector. */
  async start(): Promise<void> {
    await this.connect();
    await this.boot();
  }

  /** Stops metering and heartbeats and closes the socket (running transactions stay open). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.heartbeat);
    for (const c of this.connectors.values()) clearInterval(c.tx?.timer);
    await this.rpc?.close({ force: true });
  }

  private endpoint(): string {
    const base = this.opts.url.replace(/^http/, 'ws').replace(/\/+$/, '');
    return base.endsWith('/ocpp') ? base : `${base}/ocpp`;
  }

  private async connect(): Promise<void> {
    const rpc = new RPCClient({
      endpoint: this.endpoint(),
      identity: this.opts.chargePointId,
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: false,
      ...(this.opts.password !== undefined ? { password: this.opts.password } : {}),
    } as ConstructorParameters<typeof RPCClient>[0]);
    this.handlers(rpc);
    await rpc.connect();
    this.rpc = rpc;
    this.log(`connected to ${this.endpoint()}/${this.opts.chargePointId}`);
    rpc.once('close', () => {
      if (this.rpc !== rpc || this.stopped) return;
      this.rpc = undefined;
      this.log('connection lost; reconnecting in 5 s');
      this.reconnectLater(5000);
    });
  }

  private reconnectLater(delayMs: number): void {
    setTimeout(() => {
      if (this.stopped) return;
      this.connect()
        .then(() => this.announce())
        .catch((err: Error) => {
          this.log(`reconnect failed: ${err.message}`);
          this.reconnectLater(5000);
        });
    }, delayMs).unref();
  }

  /** Sends a call and reports it; a call that cannot be sent is logged, not thrown. */
  private async send(action: string, payload: Record<string, unknown>) {
    const rpc = this.rpc;
    if (!rpc) {
      this.log(`not connected, ${action} not sent`);
      return undefined;
    }
    try {
      const result = (await rpc.call(action, payload)) as Record<string, unknown>;
      this.log(`${action} → ${JSON.stringify(result)}`);
      this.emit('sent', { action, payload, result } satisfies SentCall);
      return result;
    } catch (err) {
      this.log(`${action} failed: ${(err as Error).message}`);
      return undefined;
    }
  }

  private async boot(): Promise<void> {
    const answer = await this.send('BootNotification', {
      chargePointVendor: VENDOR,
      chargePointModel: MODEL,
      chargePointSerialNumber: `SIM-${this.opts.chargePointId}`.slice(0, 25),
      firmwareVersion: FIRMWARE,
    });
    const interval =
      typeof answer?.interval === 'number' && answer.interval > 0 ? answer.interval : 300;
    if (answer?.status !== 'Accepted') {
      // Pending or Rejected: OCPP says try again after the interval.
      setTimeout(() => void this.boot(), interval * 1000).unref();
      return;
    }
    this.heartbeatIntervalS = interval;
    this.config.set('HeartbeatInterval', { value: String(interval), readonly: false });
    this.restartHeartbeat();
    await this.announce();
  }

  private restartHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(
      () => void this.send('Heartbeat', {}),
      this.heartbeatIntervalS * 1000,
    );
    this.heartbeat.unref();
  }

  /** A StatusNotification per connector, as after a boot or a reconnect. */
  private async announce(): Promise<void> {
    for (const n of this.connectors.keys()) await this.notify(n);
  }

  private async notify(connectorId: number, status?: Status): Promise<void> {
    const c = this.connectors.get(connectorId)!;
    if (status) c.status = status;
    await this.send('StatusNotification', {
      connectorId,
      errorCode: 'NoError',
      status: c.status,
      timestamp: this.now().toISOString(),
    });
  }

  private meterValue(c: Connector) {
    return meterValue(c, this.opts.powerKw, this.now());
  }

  private async sample(connectorId: number): Promise<void> {
    const c = this.connectors.get(connectorId)!;
    const tx = c.tx;
    if (!tx) return;
    // Only a car that draws moves the meter (SuspendedEV: full or paused).
    if (c.status === 'Charging') {
      const step = (this.opts.powerKw * 1000 * this.opts.meterIntervalMs) / 3_600_000;
      const full = this.opts.evFullAfterWh;
      const room = full === undefined ? step : Math.max(0, tx.meterStartWh + full - c.meterWh);
      c.meterWh += Math.min(step, room);
    }
    tx.samples++;
    await this.send('MeterValues', {
      connectorId,
      transactionId: tx.id,
      meterValue: this.meterValue(c),
    });
    if (this.opts.misbehave?.dropAndReconnect && tx.samples === 1) await this.drop();
    const full = this.opts.evFullAfterWh;
    if (full !== undefined && c.meterWh >= tx.meterStartWh + full)
      await this.suspendEv(connectorId);
  }

  /** Drops the socket without a goodbye and comes back, as a charger on a flaky modem does. */
  private async drop(): Promise<void> {
    const rpc = this.rpc;
    this.rpc = undefined;
    this.log('dropping the connection (misbehave: dropAndReconnect)');
    await rpc?.close({ force: true });
    this.reconnectLater(200);
  }

  private async startTransaction(connectorId: number, idTag: string): Promise<void> {
    const c = this.connectors.get(connectorId)!;
    await this.notify(connectorId, 'Preparing');
    const reservationId = c.reservation?.idTag === idTag ? c.reservation.id : undefined;
    if (reservationId !== undefined) {
      clearTimeout(c.reservation!.timer);
      c.reservation = undefined;
    }
    const answer = (await this.send('StartTransaction', {
      connectorId,
      idTag,
      meterStart: Math.round(c.meterWh),
      timestamp: this.now().toISOString(),
      ...(reservationId !== undefined ? { reservationId } : {}),
    })) as { transactionId: number; idTagInfo: { status: string } } | undefined;
    if (!answer) {
      await this.notify(connectorId, 'Available');
      return;
    }
    c.tx = { id: answer.transactionId, idTag, samples: 0, meterStartWh: c.meterWh };
    if (answer.idTagInfo.status !== 'Accepted') {
      // The central system refused the idTag: end the transaction it numbered, deauthorised.
      await this.stopTransaction(connectorId, 'DeAuthorized');
      return;
    }
    await this.notify(connectorId, 'Charging');
    this.emit('started', { connectorId, transactionId: answer.transactionId });
    c.tx.timer = setInterval(() => void this.sample(connectorId), this.opts.meterIntervalMs);
  }

  private async stopTransaction(connectorId: number, reason: string): Promise<void> {
    const c = this.connectors.get(connectorId)!;
    const tx = c.tx;
    if (!tx) return;
    clearInterval(tx.timer);
    c.tx = undefined;
    const stop = {
      transactionId: tx.id,
      idTag: tx.idTag,
      meterStop: Math.round(c.meterWh),
      timestamp: this.now().toISOString(),
      reason,
      transactionData: this.meterValue(c),
    };
    await this.send('StopTransaction', stop);
    if (this.opts.misbehave?.duplicateStop) await this.send('StopTransaction', stop);
    if (this.opts.misbehave?.lateMeterValues)
      await this.send('MeterValues', {
        connectorId,
        transactionId: tx.id,
        meterValue: this.meterValue(c),
      });
    this.emit('stopped', { connectorId, transactionId: tx.id, meterStop: stop.meterStop });
    await this.notify(connectorId, 'Finishing');
    await this.notify(connectorId, 'Available');
  }

  /** Runs `work` after the current call has been answered (OCPP: the answer comes first). */
  private later(work: () => Promise<void>): void {
    setImmediate(() => void work().catch((err: Error) => this.log(`failed: ${err.message}`)));
  }

  private handlers(rpc: RPCClient): void {
    type P = Record<string, unknown>;
    const on = (action: string, fn: (p: P) => Record<string, unknown>) =>
      rpc.handle(action, ({ params }) => {
        this.log(`← ${action} ${JSON.stringify(params)}`);
        return Promise.resolve(fn(params ?? {}));
      });

    on('RemoteStartTransaction', (p) => {
      const wanted = typeof p.connectorId === 'number' ? p.connectorId : undefined;
      const idTag = String(p.idTag);
      const n = wanted ?? [...this.connectors].find(([, c]) => admits(c, idTag))?.[0];
      const c = n === undefined ? undefined : this.connectors.get(n);
      if (n === undefined || !c || !admits(c, idTag)) return { status: 'Rejected' };
      c.status = 'Preparing'; // claimed now, so a second start for it is refused
      this.later(() => this.startTransaction(n, idTag));
      return { status: 'Accepted' };
    });

    on('RemoteStopTransaction', (p) => {
      const n = [...this.connectors].find(([, c]) => c.tx?.id === p.transactionId)?.[0];
      if (n === undefined) return { status: 'Rejected' };
      this.later(() => this.stopTransaction(n, 'Remote'));
      return { status: 'Accepted' };
    });

    on('Reset', (p) => {
      const reason = p.type === 'Hard' ? 'HardReset' : 'SoftReset';
      this.later(async () => {
        for (const n of this.connectors.keys()) await this.stopTransaction(n, reason);
        await this.boot();
      });
      return { status: 'Accepted' };
    });

    on('UnlockConnector', (p) => {
      const n = Number(p.connectorId);
      if (!this.connectors.has(n)) return { status: 'NotSupported' };
      if (this.connectors.get(n)!.tx) this.later(() => this.stopTransaction(n, 'UnlockCommand'));
      return { status: 'Unlocked' };
    });

    on('ChangeAvailability', (p) => {
      const n = Number(p.connectorId);
      const targets = n === 0 ? [...this.connectors.keys()] : this.connectors.has(n) ? [n] : [];
      if (targets.length === 0) return { status: 'Rejected' };
      const status: Status = p.type === 'Inoperative' ? 'Unavailable' : 'Available';
      // A connector in a transaction changes when the transaction ends (OCPP: Scheduled).
      if (targets.some((t) => this.connectors.get(t)!.tx)) return { status: 'Scheduled' };
      this.later(async () => {
        for (const t of targets) await this.notify(t, status);
      });
      return { status: 'Accepted' };
    });

    handleConfiguration(on, this.config, (seconds) => {
      this.heartbeatIntervalS = seconds;
      this.restartHeartbeat();
    });

    on('ClearCache', () => ({ status: 'Accepted' }));
    handleReservations(on, {
      connectors: this.connectors,
      notify: (n, status) => this.notify(n, status),
      later: (work) => this.later(work),
    });

    on('TriggerMessage', (p) => {
      const n = typeof p.connectorId === 'number' ? p.connectorId : undefined;
      if (n !== undefined && !this.connectors.has(n)) return { status: 'Rejected' };
      const targets = n === undefined ? [...this.connectors.keys()] : [n];
      const work: Record<string, () => Promise<unknown>> = {
        BootNotification: () => this.boot(),
        Heartbeat: () => this.send('Heartbeat', {}),
        StatusNotification: async () => {
          for (const t of targets) await this.notify(t);
        },
        MeterValues: async () => {
          for (const t of targets) {
            const c = this.connectors.get(t)!;
            await this.send('MeterValues', {
              connectorId: t,
              ...(c.tx ? { transactionId: c.tx.id } : {}),
              meterValue: this.meterValue(c),
            });
          }
        },
        DiagnosticsStatusNotification: () =>
          this.send('DiagnosticsStatusNotification', { status: 'Idle' }),
        FirmwareStatusNotification: () =>
          this.send('FirmwareStatusNotification', { status: 'Idle' }),
      };
      const fn = work[String(p.requestedMessage)];
      if (!fn) return { status: 'NotImplemented' };
      this.later(async () => void (await fn()));
      return { status: 'Accepted' };
    });
    // Anything else (SetChargingProfile, ...) gets ocpp-rpc's NotImplemented.
  }
}

/** Starts a simulated charger: connected, booted, every connector announced Available. */
export async function startSimulatedCharger(opts: SimulatorOptions): Promise<SimulatedCharger> {
  const charger = new SimulatedCharger(opts);
  await charger.start();
  return charger;
}
