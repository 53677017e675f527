import { getAddress, Interface, JsonRpcProvider, Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainRegistry, DEMO_WALLETS, type DemoWalletKind } from '../../src/onchain';
import {
  ESTIMATE_RECIPIENT,
  GAS_MARGIN_PERCENT,
  TYPICAL_TRANSFER_GAS,
} from '../../src/onchain/usdc-precheck';
import { bootTestApp, client, type TestApp } from '../helpers';

/**
 * POST /api/v1/payment/precheck against the embedded chains: the real app with CHAIN_EMBEDDED=1,
 * so the runtime starts one anvil per chain id and the module deploys the test USDC and funds the
 * demo wallets, as `npm start` does. Expected values are read from the node independently.
 */
describe('USDC pre-check on the embedded anvil', () => {
  let app: TestApp;
  let api: ReturnType<typeof client>;
  const wallet = (kind: DemoWalletKind) => DEMO_WALLETS.find((w) => w.kind === kind)!.address;
  const precheck = (body: unknown) => api.post('/api/v1/payment/precheck', body);
  const erc20 = new Interface(['function transfer(address to, uint256 value) returns (bool)']);

  beforeAll(async () => {
    app = await bootTestApp({ CHAIN_EMBEDDED: '1', PRECHECK_RATE_LIMIT_PER_MINUTE: '1000' });
    api = client(app.url);
  });
  afterAll(() => app?.close());

  /** One raw JSON-RPC call: the node's own answer, with no ethers in between. */
  async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    const body = (await res.json()) as { result?: T; error?: unknown };
    if (body.error !== undefined) throw new Error(JSON.stringify(body.error));
    return body.result as T;
  }

  /** What the node says about a USDC transfer from `from`: its gas, and the fee per gas now. */
  async function onNode(chain: 'ethereum' | 'polygon', from: string, amount: bigint) {
    const c = app.running.app.get(ChainRegistry).get(chain);
    const url = c.embeddedUrl!;
    const data = erc20.encodeFunctionData('transfer', [ESTIMATE_RECIPIENT, amount]);
    const [block, tip, estimate] = await Promise.all([
      rpc<{ baseFeePerGas: string }>(url, 'eth_getBlockByNumber', ['latest', false]),
      rpc<string>(url, 'eth_maxPriorityFeePerGas', []),
      rpc<string>(url, 'eth_estimateGas', [{ from, to: c.usdcAddress, data }]),
    ]);
    // maxFeePerGas as wallets (and ethers) set it: twice the base fee plus the tip.
    const maxFeePerGas = 2n * BigInt(block.baseFeePerGas) + BigInt(tip);
    return { maxFeePerGas, estimate: BigInt(estimate), usdcAddress: c.usdcAddress, url };
  }
  const withMargin = (gas: bigint) => (gas * (100n + GAS_MARGIN_PERCENT) + 99n) / 100n;

  it('a wallet with enough USDC and gas is ok, on both chains, with the fee the node would ask', async () => {
    for (const chain of ['ethereum', 'polygon'] as const) {
      const res = await precheck({ walletAddress: wallet('enough'), chain, amount: '12.5' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const node = await onNode(chain, wallet('enough'), 12_500_000n);
      const gasLimit = withMargin(node.estimate);
      expect(res.body).toEqual({
        ok: true,
        chain,
        chainId: chain === 'ethereum' ? 1 : 137,
        walletAddress: wallet('enough'),
        usdcAddress: node.usdcAddress,
        amount: { minor: '12500000', decimals: 6, formatted: '12.5', symbol: 'USDC' },
        usdcBalance: { minor: '500000000', decimals: 6, formatted: '500', symbol: 'USDC' },
        nativeBalance: {
          minor: '1000000000000000000',
          decimals: 18,
          formatted: '1',
          symbol: chain === 'ethereum' ? 'ETH' : 'POL',
        },
        estimatedFee: expect.objectContaining({
          minor: String(gasLimit * BigInt(res.body.estimatedFee.maxFeePerGas)),
          gasLimit: String(gasLimit),
          basis: 'estimate',
        }),
        shortfalls: [],
      });
      // A transfer to a first-time holder costs more than a plain send, less than the fallback.
      expect(node.estimate).toBeGreaterThan(21_000n);
      expect(node.estimate).toBeLessThan(TYPICAL_TRANSFER_GAS);
      expect(BigInt(res.body.estimatedFee.maxFeePerGas)).toBe(node.maxFeePerGas);
    }
  });

  it("needs its own static network on Polygon: ethers' registered one asks a public gas station", async () => {
    const { url } = await onNode('polygon', wallet('enough'), 1n);
    // What `new JsonRpcProvider(url, 137, { staticNetwork: true })` does: fee data from
    // gasstation.polygon.technology, unreachable here (and a third party in production).
    const naive = new JsonRpcProvider(url, 137, { staticNetwork: true });
    await expect(naive.getFeeData()).rejects.toThrow(/gas station/);
    naive.destroy();
    const res = await precheck({ walletAddress: wallet('enough'), chain: 'polygon', amount: '1' });
    expect(res.body.ok).toBe(true);
  });

  it('too little USDC: the shortfall names USDC and the exact difference, the fee a typical transfer', async () => {
    const res = await precheck({
      walletAddress: wallet('short_of_usdc'),
      chain: 'polygon',
      amount: '0.500001',
    });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.shortfalls).toEqual([
      {
        asset: 'USDC',
        code: 'insufficient_usdc',
        required: { minor: '500001', decimals: 6, formatted: '0.500001', symbol: 'USDC' },
        available: { minor: '250000', decimals: 6, formatted: '0.25', symbol: 'USDC' },
        missing: { minor: '250001', decimals: 6, formatted: '0.250001', symbol: 'USDC' },
      },
    ]);
    // The transfer would revert, so it cannot be simulated: a typical transfer is priced instead.
    expect(res.body.estimatedFee).toMatchObject({
      basis: 'typical',
      gasLimit: String(withMargin(TYPICAL_TRANSFER_GAS)),
    });
    // Exactly the balance is enough.
    const exact = await precheck({
      walletAddress: wallet('short_of_usdc'),
      chain: 'polygon',
      amount: '0.25',
    });
    expect(exact.body).toMatchObject({ ok: true, shortfalls: [] });
  });

  it('too little gas: the shortfall names the native coin and what the fee lacks', async () => {
    const res = await precheck({
      walletAddress: wallet('short_of_gas'),
      chain: 'ethereum',
      amount: '10',
    });
    expect(res.status).toBe(200);
    const fee = BigInt(res.body.estimatedFee.minor);
    expect(res.body.ok).toBe(false);
    expect(res.body.shortfalls).toEqual([
      {
        asset: 'NATIVE',
        code: 'insufficient_native_for_gas',
        required: expect.objectContaining({ minor: String(fee), symbol: 'ETH', decimals: 18 }),
        available: { minor: '1000000000000', decimals: 18, formatted: '0.000001', symbol: 'ETH' },
        missing: expect.objectContaining({ minor: String(fee - 10n ** 12n) }),
      },
    ]);
    expect(res.body.estimatedFee.basis).toBe('estimate');
  });

  it('an empty wallet lacks both, and a lower-case address is answered checksummed', async () => {
    const empty = Wallet.createRandom().address;
    const res = await precheck({
      walletAddress: empty.toLowerCase(),
      chain: 'polygon',
      amount: '1',
    });
    expect(res.status).toBe(200);
    expect(res.body.walletAddress).toBe(getAddress(empty));
    expect(res.body.shortfalls.map((s: { code: string }) => s.code)).toEqual([
      'insufficient_usdc',
      'insufficient_native_for_gas',
    ]);
    expect(res.body.shortfalls[1].available.minor).toBe('0');
  });

  it('an invalid wallet address is a 400 invalid_wallet_address', async () => {
    const good = wallet('enough');
    // One letter's case flipped: the EIP-55 checksum catches the typo.
    const flip = good.replace(/[a-f]/, (c) => c.toUpperCase());
    for (const walletAddress of [
      flip,
      good.slice(0, 41),
      `${good}00`,
      good.slice(2),
      'XE7338O073KYGTWWZN0F2WZ0R8PX5ZPPZS',
      '0xZZ908400098527886E0F7030069857D2E4169E',
      '',
    ]) {
      const res = await precheck({ walletAddress, chain: 'ethereum', amount: '1' });
      expect(res.status, walletAddress).toBe(400);
      expect(res.body.error, walletAddress).toMatchObject({
        type: 'invalid_request_error',
        code: 'invalid_wallet_address',
        param: 'walletAddress',
      });
    }
  });

  it('refuses bad amounts and chains: negative, zero, too many decimals, huge, floats, unknown', async () => {
    const walletAddress = wallet('enough');
    const cases: [unknown, string][] = [
      ['-1', 'invalid_amount'],
      ['0', 'invalid_amount'],
      ['0.000000', 'invalid_amount'],
      ['1.1234567', 'invalid_amount'],
      ['1e3', 'invalid_amount'],
      ['01', 'invalid_amount'],
      [' 1', 'invalid_amount'],
      ['1,5', 'invalid_amount'],
      ['NaN', 'invalid_amount'],
      ['1000000', 'amount_too_large'],
      ['999999.990001', 'amount_too_large'],
      ['9'.repeat(30), 'invalid_amount'],
      [0.5, 'validation_failed'],
      [12, 'validation_failed'],
    ];
    for (const [amount, code] of cases) {
      const res = await precheck({ walletAddress, chain: 'ethereum', amount });
      expect(res.status, String(amount)).toBe(400);
      expect(res.body.error, String(amount)).toMatchObject({ code, param: 'amount' });
    }
    const largest = await precheck({ walletAddress, chain: 'ethereum', amount: '999999.99' });
    expect(largest.status).toBe(200);
    for (const body of [
      { walletAddress, chain: 'solana', amount: '1' },
      { walletAddress, chain: 'Ethereum', amount: '1' },
      { walletAddress, amount: '1' },
      { walletAddress, chain: 'ethereum', amount: '1', extra: true },
    ]) {
      const res = await precheck(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });
});
