import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { FetchRequest, JsonRpcProvider, Network } from 'ethers';
import { Config } from '../platform/config/config';
import { AppError } from '../platform/errors/app-error';
import { EmbeddedEvmNodes } from '../platform/evm/embedded-evm-node';
import { Logger } from '../platform/logging/logger';
import { CHAIN_LABEL, CHAINS, type ChainName } from './chains';
import { seedEmbeddedChain } from './embedded-chain';
import { testUsdcContract } from './test-usdc';

/** A chain we can read: its provider and the USDC contract on it. */
export interface ChainConnection {
  name: ChainName;
  chainId: number;
  provider: JsonRpcProvider;
  usdcAddress: string;
  /** On a local node Tender started (with the test token and demo wallets). */
  embedded: boolean;
  /** The node's URL, for embedded chains only: a configured RPC URL may carry an API key. */
  embeddedUrl?: string;
}

/**
 * A provider for one chain. The network is static and built by hand: without `staticNetwork`
 * ethers asks the node for its chain id first (and retries forever when it is down), and the
 * network ethers registers for chain 137 carries a plugin that fetches fee data from Polygon's
 * public gas station instead of the RPC. One attempt per request, under the configured deadline:
 * the caller answers 503 rather than waiting out ethers' retries.
 */
export function rpcProvider(url: string, name: ChainName, chainId: number, timeoutMs: number) {
  const request = new FetchRequest(url);
  request.timeout = timeoutMs;
  request.setThrottleParams({ maxAttempts: 1 });
  const network = new Network(name, chainId);
  return new JsonRpcProvider(request, network, { staticNetwork: network, polling: false });
}

/**
 * The chains, each on its configured RPC URL, else on the embedded node the runtime started for
 * its chain id (set up here: token deployed, demo wallets funded), else unavailable.
 */
@Injectable()
export class ChainRegistry implements OnModuleInit, OnModuleDestroy {
  private readonly connections = new Map<ChainName, ChainConnection>();

  constructor(
    private readonly config: Config,
    private readonly nodes: EmbeddedEvmNodes,
    private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    const timeout = this.config.chains.rpcTimeoutMs;
    // Compiled (or read from the cache) once for both chains.
    let token: ReturnType<typeof testUsdcContract> | undefined;
    await Promise.all(
      CHAINS.map(async (name) => {
        const { chainId, rpcUrl, usdcAddress } = this.config.chains[name];
        if (rpcUrl) {
          const provider = rpcProvider(rpcUrl, name, chainId, timeout);
          this.connections.set(name, { name, chainId, provider, usdcAddress, embedded: false });
          return;
        }
        const node = this.nodes.forChain(chainId);
        if (!node) {
          this.logger.warn(
            { chain: name },
            `no RPC URL for ${name}: its USDC pre-check answers 503`,
          );
          return;
        }
        const provider = rpcProvider(node.url, name, chainId, timeout);
        const usdc = await seedEmbeddedChain(
          provider,
          node,
          await (token ??= testUsdcContract(this.config.dataDir)),
        );
        this.connections.set(name, {
          name,
          chainId,
          provider,
          usdcAddress: usdc,
          embedded: true,
          embeddedUrl: node.url,
        });
      }),
    );
  }

  onModuleDestroy(): void {
    for (const c of this.connections.values()) c.provider.destroy();
  }

  /** The chain's connection, or a 503 saying which setting is missing. */
  get(name: ChainName): ChainConnection {
    const connection = this.connections.get(name);
    if (connection) return connection;
    throw new AppError(
      'unavailable',
      'chain_not_configured',
      `${CHAIN_LABEL[name]} is not available on this server: no RPC URL is configured (${name.toUpperCase()}_RPC_URL)`,
    );
  }

  /** The embedded chains, for the start-up banner. */
  embedded(): ChainConnection[] {
    return CHAINS.flatMap((name) => {
      const c = this.connections.get(name);
      return c?.embedded ? [c] : [];
    });
  }
}
