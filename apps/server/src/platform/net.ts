import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Binds `port` on `host` (0: the OS picks one) and holds it until `release()`, so the address is
 * known, and a port in use fails, before the app is built. The HTTP server binds it again right
 * after the release; only with port 0 can another process take it in that instant.
 */
export async function reservePort(
  port: number,
  host: string,
): Promise<{ port: number; release(): Promise<void> }> {
  // Anyone connecting this early is turned away at once, so release() never waits on them.
  const srv = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen({ port, host }, resolve);
  });
  const addr = srv.address();
  if (!addr || typeof addr !== 'object') throw new Error('no port');
  let released: Promise<void> | undefined;
  return {
    port: addr.port,
    release: () => (released ??= new Promise<void>((resolve) => srv.close(() => resolve()))),
  };
}
