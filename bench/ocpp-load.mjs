// Not a benchmark: the `ocpp` bench's load generator, forked by bench/ocpp.mjs into its own
// process so the chargers it simulates do not share the server's event loop. Raw `ws` sockets
// speaking OCPP-J frames (no RPC library per charger: on 2 cores the generator must stay lean).
// Told what to do over IPC ({ type: 'run', ... }); answers { type: 'connected' }, then
// { type: 'done', stats } and keeps its sockets open until told { type: 'close' }, so the parent
// can read the server's memory with every charger still connected.
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';

/**
 * @typedef {{ type: 'run', url: string, ids: string[], sources: string[], rate: number,
 *   warmupSeconds: number, seconds: number, connectRate: number, connectConcurrency: number }} RunOrder
 * @typedef {{ ws: WebSocket, pending: Map<string, { sentAt: number, measured: boolean }>,
 *   n: number, beat: boolean }} Charger
 */

const send = (/** @type {object} */ message) => process.send?.(message);
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

let callSeq = 0;
/** @type {Charger[]} */
const chargers = [];
/** Milliseconds from dialling to open, and from open to the BootNotification's answer. */
const handshakes = /** @type {number[]} */ ([]);
const boots = /** @type {number[]} */ ([]);
/** Round trips (ms) of the calls sent inside the measured window. */
const rtts = /** @type {number[]} */ ([]);
let measuring = false;
/** `*Total`: the whole run, boots and warm-up included (what the server's log must hold). */
const counts = {
  sent: 0,
  answered: 0,
  callErrors: 0,
  skipped: 0,
  closed: 0,
  sentTotal: 0,
  answeredTotal: 0,
};
/** @type {string | undefined} */
let firstError;

/** @param {Charger} c @param {string} action @param {object} payload */
function call(c, action, payload) {
  const id = `${++callSeq}`;
  c.pending.set(id, { sentAt: performance.now(), measured: measuring });
  counts.sentTotal += 1;
  if (measuring) counts.sent += 1;
  c.ws.send(`[2,"${id}","${action}",${JSON.stringify(payload)}]`);
  return id;
}

/** @param {Charger} c @param {Buffer} data */
function onFrame(c, data) {
  /** @type {unknown[]} */
  let frame;
  try {
    frame = JSON.parse(data.toString());
  } catch {
    return;
  }
  const [kind, id] = frame;
  if (kind === 2) {
    // The central system calling us (none expected): answer as a charger that supports nothing.
    c.ws.send(JSON.stringify([4, id, 'NotImplemented', '', {}]));
    return;
  }
  const waiting = c.pending.get(String(id));
  if (!waiting) return;
  c.pending.delete(String(id));
  counts.answeredTotal += 1;
  if (kind === 4) {
    counts.callErrors += 1;
    firstError ??= JSON.stringify(frame).slice(0, 300);
  }
  if (!waiting.measured || !measuring) return;
  counts.answered += 1;
  rtts.push(performance.now() - waiting.sentAt);
}

/**
 * Opens one charger's socket from `source` and boots it. Resolves true once its BootNotification
 * was accepted, false if the handshake or the boot failed.
 * @param {string} url @param {string} id @param {string} source
 * @returns {Promise<boolean>}
 */
function connect(url, id, source) {
  return new Promise((resolve) => {
    const dialled = performance.now();
    const ws = new WebSocket(`${url}/ocpp/${encodeURIComponent(id)}`, 'ocpp1.6', {
      localAddress: source,
      perMessageDeflate: false,
      handshakeTimeout: 30_000,
    });
    /** @type {Charger} */
    const c = { ws, pending: new Map(), n: 0, beat: false };
    let settled = false;
    const done = (/** @type {boolean} */ ok, /** @type {string} */ why = '') => {
      if (settled) return;
      settled = true;
      if (!ok) firstError ??= `${id}: ${why}`;
      resolve(ok);
    };
    ws.on('unexpected-response', (_req, res) => {
      done(false, `handshake answered ${res.statusCode}`);
      ws.terminate();
    });
    ws.on('error', (err) => done(false, err.message));
    ws.on('close', () => {
      if (settled) counts.closed += 1;
      done(false, 'closed during boot');
    });
    ws.on('open', () => {
      const opened = performance.now();
      handshakes.push(opened - dialled);
      const bootId = call(c, 'BootNotification', {
        chargePointVendor: 'Tender Bench',
        chargePointModel: 'Sim-Load',
      });
      ws.on('message', (data) => {
        const wasBoot = c.pending.has(bootId);
        onFrame(c, /** @type {Buffer} */ (data));
        if (wasBoot && !c.pending.has(bootId)) {
          boots.push(performance.now() - opened);
          chargers.push(c);
          done(true);
        }
      });
    });
  });
}

/** One scheduled message: Heartbeat and MeterValues (outside a transaction) alternately. */
function tick(/** @type {Charger} */ c) {
  // A charger has one call in flight at most (OCPP-J): a slow answer costs the next message.
  if (c.pending.size > 0 || c.ws.readyState !== WebSocket.OPEN) {
    if (measuring) counts.skipped += 1;
    return;
  }
  c.beat = !c.beat;
  if (c.beat) {
    call(c, 'Heartbeat', {});
    return;
  }
  c.n += 1;
  call(c, 'MeterValues', {
    connectorId: 1,
    meterValue: [
      {
        timestamp: new Date().toISOString(),
        sampledValue: [
          {
            value: String(1000 + c.n * 10),
            measurand: 'Energy.Active.Import.Register',
            unit: 'Wh',
          },
        ],
      },
    ],
  });
}

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) : 0;

/** @param {RunOrder} order */
async function run(order) {
  const started = performance.now();
  // Bounded connect rate: at most connectConcurrency handshakes in flight, connectRate a second.
  let next = 0;
  let connected = 0;
  let failed = 0;
  const interval = 1000 / order.connectRate;
  const worker = async () => {
    while (next < order.ids.length) {
      const i = next++;
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const source = order.sources[i % order.sources.length] ?? '127.0.0.1';
      if (await connect(order.url, order.ids[i] ?? '', source)) connected += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: order.connectConcurrency }, worker));
  const connectSeconds = (performance.now() - started) / 1000;
  handshakes.sort((a, b) => a - b);
  boots.sort((a, b) => a - b);
  send({
    type: 'connected',
    connected,
    failed,
    seconds: connectSeconds,
    firstError,
    handshake: { p50: quantile(handshakes, 0.5), p99: quantile(handshakes, 0.99) },
    boot: { p50: quantile(boots, 0.5), p99: quantile(boots, 0.99) },
  });

  // Steady load: each charger on its own period, phases spread evenly over it.
  const period = 1000 / order.rate;
  /** @type {NodeJS.Timeout[]} */
  const timers = [];
  chargers.forEach((c, i) => {
    const phase = (period * i) / chargers.length;
    timers.push(
      setTimeout(() => {
        tick(c);
        timers.push(setInterval(() => tick(c), period));
      }, phase),
    );
  });
  await sleep(order.warmupSeconds * 1000);
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  measuring = true;
  await sleep(order.seconds * 1000);
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  for (const t of timers) clearInterval(t);
  // Answers to calls sent inside the window count when they come, late ones with their whole
  // round trip (so a backlog shows in p99); every call must be answered before the report, so
  // the server's log can be checked against these totals.
  measuring = true;
  const drainUntil = performance.now() + 30_000;
  while (performance.now() < drainUntil && chargers.some((c) => c.pending.size > 0))
    await sleep(20);
  measuring = false;
  let unanswered = 0;
  for (const c of chargers) for (const p of c.pending.values()) if (p.measured) unanswered += 1;
  rtts.sort((a, b) => a - b);
  send({
    type: 'done',
    stats: {
      connected,
      failed,
      connectSeconds,
      seconds: elapsed,
      sent: counts.sent,
      answered: counts.answered,
      unanswered,
      skipped: counts.skipped,
      callErrors: counts.callErrors,
      closed: counts.closed,
      sentTotal: counts.sentTotal,
      answeredTotal: counts.answeredTotal,
      perSecond: counts.answered / elapsed,
      p50: quantile(rtts, 0.5),
      p99: quantile(rtts, 0.99),
      max: rtts.at(-1) ?? 0,
      loadCpuShare: (cpu.user + cpu.system) / 1000 / (elapsed * 1000),
      firstError,
    },
  });
}

process.on('message', (/** @type {RunOrder | { type: 'close' }} */ message) => {
  if (message.type === 'run') {
    run(message).catch((err) => {
      send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    });
  } else if (message.type === 'close') {
    for (const c of chargers) c.ws.terminate();
    process.exit(0);
  }
});
