import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A local EVM development node: `anvil` from the `@foundry-rs/anvil` npm package, whose binary
 * ships in a per-platform package (`@foundry-rs/anvil-linux-amd64`, …), so nothing is downloaded.
 * The node keeps its chain in memory: every start is a fresh chain at block 0.
 *
 * It must not outlive us, however we die. A SIGKILLed parent runs no exit handler, so the node is
 * started under a watchdog shell that holds the read end of a pipe only we write to: when our
 * process ends, the kernel closes the write end, the watchdog's `read` sees end-of-file and
 * terminates the node. `stop()` closes the pipe the same way, so both paths are one.
 */

export interface EmbeddedEvmNodeOptions {
  /** The chain id the node reports (`eth_chainId`) and signs for. */
  chainId: number;
  log?: (msg: string) => void;
  /** How long to wait for the node to listen (default 20 s). */
  startTimeoutMs?: number;
}

/** An account the node funded at genesis; its key is a public development key. */
export interface DevAccount {
  address: string;
  privateKey: string;
}

export interface RunningEvmNode {
  chainId: number;
  /** JSON-RPC over HTTP on 127.0.0.1. */
  url: string;
  /** The node process itself (not its watchdog). */
  pid: number;
  /** Funded with 10,000 of the native coin each. */
  devAccounts: DevAccount[];
  stop(): Promise<void>;
}

/**
 * The watchdog: fd 3 keeps our pipe (an asynchronous list's stdin is /dev/null in a
 * non-interactive shell, so the pipe is saved first); the node does not get it.
 */
const WATCHDOG = [
  'exec 3<&0',
  '"$@" 3<&- &',
  'node=$!',
  'echo "evm-node-pid $node"',
  '{ read -r _ <&3; kill "$node" 2>/dev/null; } &',
  'wait "$node"',
].join('\n');

const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/** The anvil binary of this platform's package. */
export function anvilBinary(): string {
  const pkg = `@foundry-rs/anvil-${platform()}-${ARCH[arch()] ?? arch()}`;
  const require = createRequire(__filename);
  try {
    return require.resolve(`${pkg}/bin/anvil`);
  } catch {
    throw new Error(
      `No anvil binary for ${platform()}-${arch()}: the npm package ${pkg} is missing`,
    );
  }
}

export async function startEmbeddedEvmNode(opts: EmbeddedEvmNodeOptions): Promise<RunningEvmNode> {
  const log = opts.log ?? (() => undefined);
  const work = await mkdtemp(join(tmpdir(), 'tender-evm-'));
  const configOut = join(work, 'node.json');
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--chain-id',
    String(opts.chainId),
    '--accounts',
    '1',
    '--config-out',
    configOut,
    // No page in a browser has any business with it: the server is its only client.
    '--no-cors',
    '--color',
    'never',
  ];
  const child: ChildProcess = spawn(
    '/bin/sh',
    ['-c', WATCHDOG, 'evm-node', anvilBinary(), ...args],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let exited = false;
  let output = '';
  let pid = 0;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  // Drained for good (the node logs every call): a full pipe would block it.
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (!exited) {
      child.stdin?.end();
      const timer = setTimeout(() => {
        if (pid) process.kill(pid, 'SIGKILL');
        child.kill('SIGKILL');
      }, 5_000);
      await exit;
      clearTimeout(timer);
    }
    await rm(work, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + (opts.startTimeoutMs ?? 20_000);
    let port = 0;
    while (!port || !existsSync(configOut)) {
      if (exited) throw new Error(`anvil exited during start: ${output}`);
      if (Date.now() > deadline) throw new Error(`anvil did not start in time: ${output}`);
      pid ||= Number(/evm-node-pid (\d+)/.exec(output)?.[1] ?? 0);
      port ||= Number(/Listening on 127\.0\.0\.1:(\d+)/.exec(output)?.[1] ?? 0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const written = JSON.parse(await readFile(configOut, 'utf8')) as {
      available_accounts: string[];
      private_keys: string[];
    };
    const devAccounts = written.available_accounts.map((address, i) => ({
      address,
      privateKey: written.private_keys[i] ?? '',
    }));
    const url = `http://127.0.0.1:${port}`;
    log(`embedded EVM node (anvil, chain ${opts.chainId}, pid ${pid}) ready on ${url}`);
    return { chainId: opts.chainId, url, pid, devAccounts, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * The EVM nodes the runtime started (none when every chain has an RPC URL or the embedded chain
 * is off), as an injection token: modules find the node of a chain id here.
 */
export class EmbeddedEvmNodes {
  constructor(readonly nodes: readonly RunningEvmNode[] = []) {}

  forChain(chainId: number): RunningEvmNode | undefined {
    return this.nodes.find((n) => n.chainId === chainId);
  }
}
