import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compileSolidity, type CompiledContract } from '../platform/evm/solidity';

/**
 * The embedded chains' USDC-like token, compiled from `apps/server/contracts/TestUsdc.sol` (two
 * levels above this file both in src/ and in dist/). Compiled once per source and compiler
 * version, cached in DATA_DIR/evm-artifacts.
 */
export const TEST_USDC_SOURCE = resolve(__dirname, '..', '..', 'contracts', 'TestUsdc.sol');

export async function testUsdcContract(dataDir: string): Promise<CompiledContract> {
  const source = await readFile(TEST_USDC_SOURCE, 'utf8');
  return compileSolidity(source, 'TestUsdc', join(dataDir, 'evm-artifacts'));
}
