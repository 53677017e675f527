// Not a benchmark: the `ocpp` bench's limit, forked by bench/ocpp.mjs into its own process. A bare
// ocpp-rpc RPCServer in strict mode (every call and answer checked against OCPP 1.6's schemas, as
// Tender's gateway does) that accepts any identity and only answers: no database, no log. Says
// { type: 'listening', port } over IPC, answers { type: 'memory' } with its memory and CPU so far.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { RPCServer } from 'ocpp-rpc';

// The same event-loop and GC measures as Tender's in ocpp.mjs, reset at each memory snapshot.
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const gc = { ms: 0, max: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.ms += e.duration;
    gc.max = Math.max(gc.max, e.duration);
  }
}).observe({ entryTypes: ['gc'] });

const server = new RPCServer({
  protocols: ['ocpp1.6'],
  strictMode: true,
  callTimeoutMs: 30_000,
  pingIntervalMs: 30_000,
  deferPingsOnActivity: true,
  respondWithDetailedErrors: false,
  callConcurrency: 1,
  maxBadMessages: 20,
});
let clients = 0;
server.on('client', (client) => {
  clients += 1;
  client.once('close', () => (clients -= 1));
  const now = () => new Date().toISOString();
  client.handle('BootNotification', () => ({
    status: 'Accepted',
    currentTime: now(),
    interval: 300,
  }));
  client.handle('Heartbeat', () => ({ currentTime: now() }));
  client.handle('MeterValues', () => ({}));
});

const http = await server.listen(0, '127.0.0.1');
const address = http.address();
process.send?.({
  type: 'listening',
  port: address && typeof address === 'object' ? address.port : 0,
  memory: process.memoryUsage(),
});
process.on('message', (/** @type {{ type: string }} */ message) => {
  if (message.type === 'memory') {
    const { rss, heapUsed } = process.memoryUsage();
    const cpu = process.cpuUsage();
    process.send?.({
      type: 'memory',
      memory: {
        rss,
        heapUsed,
        cpu: cpu.user + cpu.system,
        loopP99: loop.percentile(99) / 1e6,
        loopMax: loop.max / 1e6,
        gcMs: gc.ms,
        gcMaxMs: gc.max,
      },
      clients,
    });
    loop.reset();
    gc.ms = 0;
    gc.max = 0;
  }
  if (message.type === 'close') {
    void server.close({ force: true }).finally(() => process.exit(0));
  }
});
