import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonRpcProvider } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WALLETS, OnchainModule, UsdcPrecheck } from '../../src/onchain';
import { rpcProvider } from '../../src/onchain/chain-registry';
import { seedEmbeddedChain } from '../../src/onchain/embedded-chain';
import { testUsdcContract } from '../../src/onchain/test-usdc';
import { MAINNET_USDC } from '../../src/platform/config/config';
import { AppError } from '../../src/platform/errors/app-error';
import {
  startEmbeddedEvmNode,
  type RunningEvmNode,
} from '../../src/platform/evm/embedded-evm-node';
import { freePort } from '../../src/platform/net';
import { bootTestApp, client, type ApiResponse, type TestApp } from '../helpers';
import { moduleHarness, type ModuleHarness } from '../module/harness';

const enough = DEMO_WALLETS.find((w) => w.kind === 'enough')!.address;

/** A TCP server that accepts connections and never answers: an RPC that hangs. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => void sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v2/secret-api-key`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

describe('USDC pre-check when a chain is down or not configured (HTTP)', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  let closedUrl: string;

  beforeAll(async () => {
    // Nothing listens there: connections are refused at once.
    closedUrl = `http://127.0.0.1:${await freePort()}/v2/secret-api-key`;
    // DATABASE_URL is set, so the embedded chain is off by default: Polygon has no RPC at all.
    // A long deadline: a refused connection must be answered at once, not after it or retries.
    app = await bootTestApp({
      ETHEREUM_RPC_URL: closedUrl,
      CHAIN_RPC_TIMEOUT_MS: '30000',
      PRECHECK_RATE_LIMIT_PER_MINUTE: '6',
    });
    api = client(app.url);
  });
  afterAll(() => app?.close());

  it('an unreachable RPC is a 503 chain_unavailable at once, naming the chain but never its URL', async () => {
    const started = performance.now();
    const res = await api.post('/api/v1/payment/precheck', {
      walletAddress: enough,
      chain: 'ethereum',
      amount: '1',
    });
    // Well under the deadline even on a loaded machine.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ type: 'api_error', code: 'chain_unavailable' });
    expect(res.body.error.message).toContain("Ethereum's RPC could not be reached");
    // The URL may carry the provider's API key: neither the answer nor the log shows it.
    expect(JSON.stringify(res.body)).not.toContain('secret-api-key');
    expect(app.logs.join('\n')).not.toContain('secret-api-key');
    expect(app.logs.some((l) => l.includes('ECONNREFUSED'))).toBe(true);
  });

  it('a chain without an RPC URL is a 503 chain_not_configured naming the setting', async () => {
    const res = await api.post('/api/v1/payment/precheck', {
      walletAddress: enough,
      chain: 'polygon',
      amount: '1',
    });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'chain_not_configured' });
    expect(res.body.error.message).toContain('POLYGON_RPC_URL');
  });

  it('is limited per IP (PRECHECK_RATE_LIMIT_PER_MINUTE), with Retry-After', async () => {
    // Two requests above counted already; the limit is 6.
    const statuses: number[] = [];
    let last: ApiResponse | undefined;
    for (let i = 0; i < 6; i++) {
      last = await api.post('/api/v1/payment/precheck', {
        walletAddress: enough,
        chain: 'polygon',
        amount: '1',
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([503, 503, 503, 503, 429, 429]);
    expect(last!.body.error.code).toBe('rate_limited');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('USDC pre-check on configured RPC URLs (module tier, a real anvil)', () => {
  let node: RunningEvmNode;
  let usdcAddress: string;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  const harnesses: ModuleHarness[] = [];

  beforeAll(async () => {
    silent = await silentServer();
    // A node started by the test, seeded as the embedded chain is, then named by URL: the same
    // path as a production RPC.
    node = await startEmbeddedEvmNode({ chainId: 137 });
    const provider = rpcProvider(node.url, 'polygon', 137, 5000);
    usdcAddress = await seedEmbeddedChain(
      provider,
      node,
      await testUsdcContract(join(tmpdir(), 'tender-test-artifacts')),
    );
    provider.destroy();
  });
  afterAll(async () => {
    for (const h of harnesses) await h.close();
    await node?.stop();
    await silent?.close();
  });

  async function precheckOn(env: Record<string, string>) {
    const h = await moduleHarness([OnchainModule], { env });
    harnesses.push(h);
    return h.get(UsdcPrecheck);
  }
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (err: unknown) => err as AppError,
    );

  it('reads a configured RPC and USDC address', async () => {
    const precheck = await precheckOn({
      POLYGON_RPC_URL: node.url,
      POLYGON_USDC_ADDRESS: usdcAddress,
    });
    const result = await precheck.check({
      walletAddress: enough,
      chain: 'polygon',
      amount: 1_000_000n,
    });
    expect(result).toMatchObject({ ok: true, usdcAddress, chainId: 137, shortfalls: [] });
    expect(result.usdcBalance.minor).toBe('500000000');
  });

  it('an RPC that never answers is a 503 after CHAIN_RPC_TIMEOUT_MS, not a hang', async () => {
    const precheck = await precheckOn({
      ETHEREUM_RPC_URL: silent.url,
      CHAIN_RPC_TIMEOUT_MS: '300',
    });
    const started = performance.now();
    const err = await failure(
      precheck.check({ walletAddress: enough, chain: 'ethereum', amount: 1n }),
    );
    const elapsed = performance.now() - started;
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 503, code: 'chain_unavailable' });
    expect(err!.message).toContain('did not answer in time');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2000);
  });

  it('a USDC address with no contract on that chain is a 503 saying so', async () => {
    // The mainnet default on a chain that is not mainnet: a misconfiguration, not a zero balance.
    const precheck = await precheckOn({ POLYGON_RPC_URL: node.url });
    const err = await failure(
      precheck.check({ walletAddress: enough, chain: 'polygon', amount: 1n }),
    );
    expect(err).toMatchObject({ status: 503, code: 'chain_unavailable' });
    expect(err!.message).toContain(`no USDC contract answers at ${MAINNET_USDC.polygon}`);
  });

  it('the embedded node reports the chain id it was started for', async () => {
    const plain = new JsonRpcProvider(node.url, undefined, { polling: false });
    expect((await plain.getNetwork()).chainId).toBe(137n);
    plain.destroy();
  });
});
