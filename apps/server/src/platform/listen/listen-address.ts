import type { Config } from '../config/config';

/**
 * Where the server listens, and the URL browsers reach it at (PUBLIC_URL, else the listen
 * address). Known before the app is built — bootstrap reserves the port first — so every module
 * can inject it (`LISTEN_ADDRESS`) as a plain frozen value; nothing fills it in later.
 */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
  /** `http://host:port` as a client on this machine reaches it (0.0.0.0 and :: as 127.0.0.1). */
  readonly url: string;
  readonly publicUrl: string;
}

export function listenAddress(config: Config, port: number): ListenAddress {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return Object.freeze({ host: config.host, port, url, publicUrl: config.publicUrl ?? url });
}
