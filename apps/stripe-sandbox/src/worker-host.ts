// Runs the sandbox on its own worker thread, for a process that embeds it (Tender's server).
//
// Why a thread: what a client sends the sandbox (any route, public pages included) must not be able
// to reach the embedding process's objects, and the sandbox's work — rewriting its whole state file
// after changes, rendering pages — must not run on that process's event loop. A thread has its own
// heap, globals (Object.prototype included) and loop, and unlike a child process it dies with the
// process: a server killed with SIGKILL cannot leave an orphan sandbox writing the state file.
//
// The thread runs the compiled sandbox (`<package>/dist/worker.js`): Node 20 cannot load TypeScript
// in a worker. `npm start` builds it; the server's tests build it in their global setup.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RunningSandbox, SandboxOptions } from './index';
import { silentLogger } from './logger';
import {
  deserialiseError,
  type FromWorker,
  type ToWorker,
  type WorkerOptions,
} from './worker-protocol';

/** The same file whether this module runs from `src/` (tests) or from `dist/`. */
export const WORKER_SCRIPT = join(__dirname, '..', 'dist', 'worker.js');

/** The sandbox's own close() flushes state and waits for in-flight webhook deliveries (10 s max). */
const CLOSE_TIMEOUT_MS = 15_000;

export interface SandboxWorker extends RunningSandbox {
  /** The thread it runs on (never the embedding process's). */
  threadId: number;
}

export function startSandboxWorker(options: SandboxOptions = {}): Promise<SandboxWorker> {
  if (!existsSync(WORKER_SCRIPT)) {
    return Promise.reject(
      new Error(
        `${WORKER_SCRIPT} is missing: build the sandbox first (npm run build -w apps/stripe-sandbox)`,
      ),
    );
  }
  const { logger = silentLogger, ...rest } = options;
  const workerOptions: WorkerOptions = rest;
  const worker = new Worker(WORKER_SCRIPT, { workerData: workerOptions });
  let exited = false;
  let onClosed: (() => void) | null = null;
  const exit = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      exited = true;
      resolve();
    });
  });

  return new Promise<SandboxWorker>((resolve, reject) => {
    let ready = false;
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'log':
          logger[message.level](message.fields, message.msg);
          return;
        case 'ready':
          ready = true;
          resolve({
            url: message.url,
            port: message.port,
            webhookSecret: message.webhookSecret,
            threadId: worker.threadId,
            close: () => (closing ??= close()),
          });
          return;
        case 'failed':
          reject(deserialiseError(message.error));
          void worker.terminate();
          return;
        case 'close-failed':
          logger.error({ err: deserialiseError(message.error) }, 'stripe sandbox close failed');
          onClosed?.();
          return;
        case 'closed':
          onClosed?.();
          return;
      }
    });
    worker.on('error', (err) => {
      if (!ready) reject(err);
      else logger.error({ err }, 'stripe sandbox thread failed');
    });
    worker.once('exit', (code) => {
      if (!ready) reject(new Error(`stripe sandbox thread exited (${code}) before listening`));
      else if (closing === null) logger.error({ code }, 'stripe sandbox thread exited');
    });

    let closing: Promise<void> | null = null;
    const close = async (): Promise<void> => {
      if (exited) return;
      const closed = new Promise<void>((done) => (onClosed = done));
      worker.postMessage({ type: 'close' } satisfies ToWorker);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((done) => (timer = setTimeout(done, CLOSE_TIMEOUT_MS)));
      await Promise.race([closed, exit, timeout]);
      clearTimeout(timer);
      // Its state is saved; what is left (keep-alive sockets, timers) goes with the thread.
      await worker.terminate();
    };
  });
}
