// Messages between `startSandboxWorker` (worker-host.ts, in the embedding process) and the
// sandbox's thread (worker.ts). Everything crossing is structured-cloned data: no object of one
// side is ever reachable from the other.
import type { SandboxOptions } from './index';

/** The options that cross to the thread (the logger stays behind: its calls come back as `log`). */
export type WorkerOptions = Omit<SandboxOptions, 'logger'>;

export interface SerialisedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

export type FromWorker =
  | { type: 'ready'; url: string; port: number; webhookSecret: string }
  | { type: 'failed'; error: SerialisedError }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; fields: Record<string, unknown>; msg?: string }
  | { type: 'closed' }
  | { type: 'close-failed'; error: SerialisedError };

export type ToWorker = { type: 'close' };

export function serialiseError(err: unknown): SerialisedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const code = (err as NodeJS.ErrnoException).code;
  return {
    name: err.name,
    message: err.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(err.stack !== undefined ? { stack: err.stack } : {}),
  };
}

export function deserialiseError(e: SerialisedError): Error {
  const err = new Error(e.message) as Error & { code?: string };
  err.name = e.name;
  if (e.code !== undefined) err.code = e.code;
  if (e.stack !== undefined) err.stack = e.stack;
  return err;
}
