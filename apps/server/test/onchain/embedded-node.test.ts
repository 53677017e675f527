import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WALLETS } from '../../src/onchain';
import { startEmbeddedEvmNode } from '../../src/platform/evm/embedded-evm-node';
import { client, createTestDatabase } from '../helpers';
import { RealServers, sigkill } from '../real-server';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await sleep(50);
  }
  return !alive(pid);
}

async function chainId(url: string): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
  });
  return ((await res.json()) as { result: string }).result;
}

describe('the embedded EVM node', () => {
  it('answers for its chain id on 127.0.0.1 and ends on stop()', async () => {
    const node = await startEmbeddedEvmNode({ chainId: 137 });
    expect(node.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await chainId(node.url)).toBe('0x89');
    expect(node.devAccounts[0]?.privateKey).toMatch(/^0x[0-9a-f]{64}$/);
    expect(alive(node.pid)).toBe(true);
    await node.stop();
    expect(await gone(node.pid, 2000)).toBe(true);
    await node.stop();
  });

  it('stop() returns when the node died on its own', async () => {
    const node = await startEmbeddedEvmNode({ chainId: 1 });
    process.kill(node.pid, 'SIGKILL');
    await node.stop();
    expect(alive(node.pid)).toBe(false);
  });
});

/**
 * `node apps/server/dist/main.js` with the embedded chain on, SIGKILLed: no exit handler runs, yet
 * its anvil nodes must end (the watchdog sees its pipe close). Also what `npm start` prints.
 */
describe('the embedded chain of the real server', () => {
  const servers = new RealServers();
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataDir: string;

  beforeAll(() => servers.setUp(), 120_000);
  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'tender-chain-crash-'));
  });
  afterAll(async () => {
    await servers.tearDown();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the chains and demo wallets, and takes its anvil nodes with it when SIGKILLed', async () => {
    const server = await servers.start({
      databaseUrl: db.url,
      dataDir,
      env: { CHAIN_EMBEDDED: '1' },
    });
    // The banner follows readiness by a moment (it is printed once startApp returns).
    const deadline = Date.now() + 10_000;
    while (!server.logs.some((l) => l.includes('USDC wallets')) && Date.now() < deadline)
      await sleep(50);
    const out = server.logs.join('\n');
    const pids = [...out.matchAll(/anvil, chain (\d+), pid (\d+)/g)].map((m) => ({
      chain: m[1],
      pid: Number(m[2]),
    }));
    expect(pids.map((p) => p.chain).sort()).toEqual(['1', '137']);
    for (const { pid } of pids) expect(alive(pid)).toBe(true);
    expect(out).toMatch(/Chains: {3}Ethereum on http:\/\/127\.0\.0\.1:\d+ \(anvil, chain 1\)/);
    expect(out).toContain('Demo USDC wallets on the embedded chains');
    for (const w of DEMO_WALLETS) expect(out).toContain(w.address);

    const res = await client(server.url).post('/api/v1/payment/precheck', {
      walletAddress: DEMO_WALLETS[0]!.address,
      chain: 'polygon',
      amount: '1',
    });
    expect(res.body).toMatchObject({ ok: true });

    expect(await sigkill(server)).toBe('SIGKILL');
    for (const { pid } of pids) expect(await gone(pid, 5000), `anvil pid ${pid}`).toBe(true);
  }, 90_000);
});
