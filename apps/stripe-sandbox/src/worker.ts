// The sandbox's own thread, started by `startSandboxWorker` (worker-host.ts). It runs the compiled
// sandbox (`dist/worker.js`): a worker thread on Node 20 cannot load TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { startSandbox, type RunningSandbox } from './index';
import type { Logger } from './logger';
import {
  serialiseError,
  type FromWorker,
  type ToWorker,
  type WorkerOptions,
} from './worker-protocol';

const port = parentPort;
if (port === null) throw new Error('worker.ts runs only as a worker thread (startSandboxWorker)');

const post = (message: FromWorker): void => port.postMessage(message);

/** Log fields as plain data: errors become their name, message and stack. */
function fieldsOf(o: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = v instanceof Error ? serialiseError(v) : v;
  return out;
}

const logger: Logger = {
  info: (o, msg) => post({ type: 'log', level: 'info', fields: fieldsOf(o), msg }),
  warn: (o, msg) => post({ type: 'log', level: 'warn', fields: fieldsOf(o), msg }),
  error: (o, msg) => post({ type: 'log', level: 'error', fields: fieldsOf(o), msg }),
};

let sandbox: RunningSandbox | null = null;

port.on('message', (message: ToWorker) => {
  if (message.type !== 'close') return;
  const closing = sandbox === null ? Promise.resolve() : sandbox.close();
  closing.then(
    () => post({ type: 'closed' }),
    (err: unknown) => post({ type: 'close-failed', error: serialiseError(err) }),
  );
});

startSandbox({ ...(workerData as WorkerOptions), logger }).then(
  (running) => {
    sandbox = running;
    post({
      type: 'ready',
      url: running.url,
      port: running.port,
      webhookSecret: running.webhookSecret,
    });
  },
  (err: unknown) => post({ type: 'failed', error: serialiseError(err) }),
);
