import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { JsonFragment } from 'ethers';

/** What deploying a compiled contract needs. */
export interface CompiledContract {
  abi: JsonFragment[];
  /** Creation bytecode, 0x-prefixed. */
  bytecode: string;
}

interface SolcOutput {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
  contracts?: Record<
    string,
    Record<string, { abi: JsonFragment[]; evm: { bytecode: { object: string } } }>
  >;
}

/** The EVM version we compile for: every chain and local node we deploy to runs at least Cancun. */
const EVM_VERSION = 'cancun';

/**
 * Compiles one contract of a Solidity source with the compiler the `solc` npm package bundles
 * (its soljson; nothing is downloaded), caching the result under `cacheDir` keyed by a hash of the
 * source, the compiler version and the settings. Loading and running the compiler takes about a
 * second; a cached start reads one small file.
 */
export async function compileSolidity(
  source: string,
  contractName: string,
  cacheDir: string,
): Promise<CompiledContract> {
  // `solc` itself is loaded only on a cache miss: its soljson alone takes ~0.4 s to load.
  const require = createRequire(__filename);
  const { version } = JSON.parse(await readFile(require.resolve('solc/package.json'), 'utf8')) as {
    version: string;
  };
  const key = createHash('sha256')
    .update(`${version}\0${EVM_VERSION}\0unoptimised\0${contractName}\0${source}`)
    .digest('hex')
    .slice(0, 16);
  const file = join(cacheDir, `${contractName}-${key}.json`);
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as CompiledContract;

  const solc = (await import('solc')).default as { compile(input: string): string };
  const input = {
    language: 'Solidity',
    sources: { [`${contractName}.sol`]: { content: source } },
    settings: {
      // Off: solc-js compiles about eight times faster without it (a second instead of several
      // on a busy machine), and what we compile is a local test contract whose gas matters little.
      optimizer: { enabled: false },
      evmVersion: EVM_VERSION,
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0)
    throw new Error(
      `Solidity compile failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`,
    );
  const compiled = output.contracts?.[`${contractName}.sol`]?.[contractName];
  if (!compiled) throw new Error(`Solidity source has no contract ${contractName}`);
  const result: CompiledContract = {
    abi: compiled.abi,
    bytecode: `0x${compiled.evm.bytecode.object}`,
  };
  await mkdir(cacheDir, { recursive: true });
  // Written aside and renamed: a concurrent start never reads half a file.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify(result));
  await rename(partial, file);
  return result;
}
