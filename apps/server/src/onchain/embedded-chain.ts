import {
  Contract,
  ContractFactory,
  NonceManager,
  Wallet,
  type ContractTransactionResponse,
  type JsonRpcProvider,
} from 'ethers';
import type { RunningEvmNode } from '../platform/evm/embedded-evm-node';
import type { CompiledContract } from '../platform/evm/solidity';
import { DEMO_WALLETS } from './demo-wallets';

/**
 * Sets up a fresh embedded chain (the node keeps nothing between starts): deploys the test USDC
 * from the node's first dev account, then mints USDC to and sends native coin to each demo
 * wallet. The deployer's first transaction is the deploy, so the token's address is the same on
 * every start. About ten milliseconds: the node mines each transaction at once.
 */
export async function seedEmbeddedChain(
  provider: JsonRpcProvider,
  node: RunningEvmNode,
  token: CompiledContract,
): Promise<string> {
  const key = node.devAccounts[0]?.privateKey;
  if (!key) throw new Error(`the embedded EVM node of chain ${node.chainId} has no dev account`);
  // Counts nonces itself: the provider caches identical reads for a moment, so asking the node
  // for the next nonce right after a transaction can give the same one twice.
  const deployer = new NonceManager(new Wallet(key, provider));
  const deployed = await new ContractFactory(token.abi, token.bytecode, deployer).deploy();
  await deployed.waitForDeployment();
  const address = await deployed.getAddress();
  const usdc = new Contract(address, token.abi, deployer);
  for (const wallet of DEMO_WALLETS) {
    const mint = usdc.getFunction('mint');
    await ((await mint(wallet.address, wallet.usdc)) as ContractTransactionResponse).wait();
    await (await deployer.sendTransaction({ to: wallet.address, value: wallet.native })).wait();
  }
  return address;
}
