/** The chains a USDC payer may pay from (seed 000: Ethereum and Polygon). */
export const CHAINS = ['ethereum', 'polygon'] as const;
export type ChainName = (typeof CHAINS)[number];

/** Every native coin we read has 18 decimals (wei). */
export const NATIVE_DECIMALS = 18;

/** What a chain's gas is paid in. Polygon's native coin is POL (MATIC until September 2024). */
export const NATIVE_SYMBOL: Record<ChainName, string> = { ethereum: 'ETH', polygon: 'POL' };

export const CHAIN_LABEL: Record<ChainName, string> = { ethereum: 'Ethereum', polygon: 'Polygon' };

/** USDC has 6 decimals on both chains (and so does the embedded chains' test token). */
export const USDC_DECIMALS = 6;
