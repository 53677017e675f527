import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { getAddress, isAddress } from 'ethers';
import { z } from 'zod';

/**
 * The only place that reads the environment. Parsed once at start; a missing or bad variable
 * stops the process with one message naming every bad variable (ConfigError).
 */

const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL (${protocols.join(', ')})` },
  );

/** An EVM address: 0x and 40 hex digits; mixed case must be a valid EIP-55 checksum. */
const evmAddress = z
  .string()
  .refine((v) => /^0x[0-9a-fA-F]{40}$/.test(v) && isAddress(v), {
    message: 'must be an EVM address (0x and 40 hex digits, EIP-55 checksum when mixed case)',
  })
  .transform((v) => getAddress(v));

/** Circle's USDC contracts on mainnet: Ethereum, and Polygon PoS's native USDC (not USDC.e). */
export const MAINNET_USDC = {
  ethereum: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  polygon: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359',
} as const;

/**
 * An address (`a@b`) or a display name and one (`Tender <a@b>`): one line, no second address, so
 * a From header cannot be made to carry anything else.
 */
const mailbox = z
  .string()
  .regex(
    /^(?:[^<>\r\n@,;"]*<[^\s<>@,;"]+@[^\s<>@,;"]+>|[^\s<>@,;"]+@[^\s<>@,;"]+)$/,
    'must be an address (no-reply@example.com) or a name and one (Tender <no-reply@example.com>)',
  );

const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(3000),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
    DATABASE_POOL_SIZE: positiveInt.max(200).default(10),
    JOBS_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(3600).default(2),
    JOBS_WORKERS: bool.default(true),
    REDIS_URL: url(['redis:', 'rediss:']).optional(),
    NODE_ID: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1-40 characters of A-Z a-z 0-9 _ . -')
      .optional(),
    // A node renews its liveness row this often; one not seen for NODE_DEAD_AFTER_SECONDS is taken
    // for dead and its chargers marked offline (a few missed renewals, not one slow one).
    NODE_HEARTBEAT_SECONDS: positiveInt.max(300).default(5),
    NODE_DEAD_AFTER_SECONDS: positiveInt.max(3600).default(20),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: positiveInt.default(15 * 60),
    REFRESH_TOKEN_TTL_SECONDS: positiveInt.default(7 * 24 * 60 * 60),
    REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    OIDC_ISSUER: z.string().min(1).optional(),
    OIDC_JWKS_URL: url(['http:', 'https:']).optional(),
    OIDC_AUDIENCE: z.string().min(1).optional(),
    CORS_ORIGINS: csv.default([]),
    TRUST_PROXY: bool.default(false),
    BODY_LIMIT_BYTES: positiveInt.default(1024 * 1024),
    AUTH_RATE_LIMIT_PER_IP: positiveInt.default(30),
    AUTH_RATE_LIMIT_PER_EMAIL: positiveInt.default(10),
    AUTH_RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(60),
    PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(500),
    // Card money is withdrawable only after this: a stolen card's deposit cannot be cashed out
    // before its chargeback arrives. 0 = at once (tests, trusted setups).
    WALLET_SETTLEMENT_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(90 * 86_400)
      .default(259_200),
    ORDER_RATE_LIMIT_PER_MINUTE: positiveInt.default(60),
    // Below a minute a slow but live checkout call (provider retries) could be taken for a dead one.
    ORDER_CHECKOUT_GRACE_SECONDS: positiveInt.min(60).default(600),
    // A checkout that holds stock: Stripe accepts 30 minutes to 24 hours.
    ORDER_CHECKOUT_EXPIRY_SECONDS: positiveInt.min(1800).max(86_400).default(1800),
    RETURN_RATE_LIMIT_PER_MINUTE: positiveInt.default(60),
    CHARGING_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(500),
    // A charger answers a remote start within seconds; a car that is not plugged in never starts.
    CHARGING_START_TIMEOUT_SECONDS: positiveInt.min(10).max(3600).default(120),
    CHARGING_HOLD_HEADROOM_SECONDS: positiveInt.min(10).max(3600).default(300),
    CHARGING_HOLD_EXPIRY_MARGIN_SECONDS: positiveInt.min(60).max(86_400).default(3600),
    /** A session's payment link (seed 000) stays open this long (Stripe allows 30 min – 24 h). */
    CHARGING_LINK_EXPIRY_MINUTES: positiveInt.min(30).max(1440).default(60),
    SEED_DEMO: bool.optional(),
    DEMO_CHARGER: bool.optional(),
    SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
    PUBLIC_URL: url(['http:', 'https:']).optional(),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_…)')
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)')
      .optional(),
    // Public by design (Stripe.js in the browser): only its shape is checked.
    STRIPE_PUBLISHABLE_KEY: z
      .string()
      .regex(/^pk_(test|live)_\w+$/, 'must be a Stripe publishable key (pk_…)')
      .optional(),
    STRIPE_SANDBOX_PORT: port.optional(),
    STRIPE_MAX_NETWORK_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    ETHEREUM_RPC_URL: url(['http:', 'https:']).optional(),
    POLYGON_RPC_URL: url(['http:', 'https:']).optional(),
    ETHEREUM_USDC_ADDRESS: evmAddress.default(MAINNET_USDC.ethereum),
    POLYGON_USDC_ADDRESS: evmAddress.default(MAINNET_USDC.polygon),
    CHAIN_EMBEDDED: bool.optional(),
    CHAIN_RPC_TIMEOUT_MS: positiveInt.min(100).max(60_000).default(5000),
    PRECHECK_RATE_LIMIT_PER_MINUTE: positiveInt.default(30),
    // Auth, if any, in the URL (smtp://user:pass@host:587); unset: .eml files under DATA_DIR/mail.
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: mailbox.default('Tender <no-reply@localhost>'),
    // 8 retries from 15 s, doubling (pg-boss adds up to 2× jitter): SMTP may be down 1–2 h.
    MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(8),
    MAIL_RETRY_DELAY_SECONDS: positiveInt.max(3600).default(15),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.OIDC_ISSUER) !== Boolean(env.OIDC_JWKS_URL)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.OIDC_ISSUER ? 'OIDC_JWKS_URL' : 'OIDC_ISSUER'],
        message: 'OIDC_ISSUER and OIDC_JWKS_URL must be set together',
      });
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_WEBHOOK_SECRET'],
        message: 'is required with STRIPE_SECRET_KEY (webhooks are how payments settle)',
      });
    }
    const mode = (key?: string) => /_(test|live)_/.exec(key ?? '')?.[1];
    if (
      env.STRIPE_PUBLISHABLE_KEY &&
      mode(env.STRIPE_PUBLISHABLE_KEY) !== mode(env.STRIPE_SECRET_KEY)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_PUBLISHABLE_KEY'],
        message: env.STRIPE_SECRET_KEY
          ? 'must be of the same mode (test/live) as STRIPE_SECRET_KEY'
          : 'needs STRIPE_SECRET_KEY (the sandbox has its own card form)',
      });
    }
    if (env.NODE_DEAD_AFTER_SECONDS < 2 * env.NODE_HEARTBEAT_SECONDS) {
      ctx.addIssue({
        code: 'custom',
        path: ['NODE_DEAD_AFTER_SECONDS'],
        message: 'must be at least twice NODE_HEARTBEAT_SECONDS (one late renewal is not death)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'is required when NODE_ENV=production',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** One EVM chain Tender reads (USDC and native balances, gas). */
export interface ChainConfig {
  chainId: number;
  /** JSON-RPC over HTTP(S). Unset: the embedded node when `chains.embedded`, else not available. */
  rpcUrl?: string;
  /** The USDC contract on a configured RPC (an embedded chain uses the token it deploys). */
  usdcAddress: string;
}

/**
 * The loaded configuration, as a Nest injection token: the abstract class is the token (a
 * constructor parameter typed `Config` needs no `@Inject`), the merged interface its fields. The
 * value registered under it is the plain object loadConfig builds.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see above
export abstract class Config {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  dataDir: string;
  database: { url?: string; poolSize: number };
  redisUrl?: string;
  /**
   * This process among the deployment's nodes (NODE_ID, else random per start): which node holds
   * a charger's connection, and the name of its pub/sub channels.
   */
  nodeId: string;
  /** Node liveness (charging/node-liveness.ts): how a dead node's chargers go offline. */
  nodes: {
    /** How often this node renews its row in `nodes` and sweeps dead nodes' chargers. */
    heartbeatSeconds: number;
    /** A node whose row is older than this is dead: its chargers are marked offline. */
    deadAfterSeconds: number;
  };
  jobs: {
    /** The durable job queue (pg-boss): how often idle workers poll, in seconds (≥ 0.5). */
    pollIntervalSeconds: number;
    /**
     * Whether this instance runs jobs and cron schedules. Off: it only queues jobs (an API-only
     * node); other instances with workers on run them.
     */
    workers: boolean;
  };
  logLevel: Env['LOG_LEVEL'];
  auth: {
    /** Absent in embedded mode: a secret is generated once and kept under DATA_DIR. */
    jwtSecret?: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    /**
     * A spent refresh token presented again this soon after its rotation, while the token that
     * rotation issued was never used, is a lost answer (a reload or a dropped connection mid-refresh),
     * not a theft: it gets a new pair instead of revoking the family. 0 turns this off.
     */
    refreshReuseGraceSeconds: number;
    oidc?: { issuer: string; jwksUrl: string; audience?: string };
    rateLimit: { perIp: number; perEmail: number; windowSeconds: number };
  };
  http: {
    corsOrigins: string[];
    trustProxy: boolean;
    bodyLimitBytes: number;
    shutdownGraceMs: number;
  };
  wallet: {
    /** Seconds after which a card deposit's money may be withdrawn (it may be spent at once). */
    settlementSeconds: number;
  };
  orders: {
    /** The platform's cut of every order, in basis points (500 = 5%). */
    platformFeeBps: number;
    /** Orders one user may create per minute (across nodes when REDIS_URL is set). */
    rateLimitPerMinute: number;
    /**
     * How old a GATEWAY order still without its payment must be before the recovery job links it
     * to its payment or, having none, releases it: longer than any live checkout call takes.
     */
    checkoutGraceSeconds: number;
    /** How long a GATEWAY order's hosted checkout (and so its units' hold) lives. */
    checkoutExpirySeconds: number;
  };
  payments: {
    /** Requests per IP per minute to the public return pages (3-D Secure, checkout, card setup). */
    returnRateLimitPerMinute: number;
  };
  charging: {
    /** The platform's cut of a charging session's revenue, in basis points (500 = 5%). */
    feeBps: number;
    /** How long a remote start may wait for the charger's StartTransaction before the hold goes. */
    startTimeoutSeconds: number;
    /**
     * A session is near its hold when the cost it would reach this many seconds from now (at its
     * average power so far) passes what is authorised: raise the hold, else stop it remotely.
     */
    holdHeadroomSeconds: number;
    /** A session still open this long before its hold expires (`capture_before`) is stopped. */
    holdExpiryMarginSeconds: number;
    /** How long a session's payment link stays open. */
    linkExpiryMinutes: number;
  };
  /** Demo users on first start: on by default only on the embedded database. */
  seedDemo: boolean;
  /** A simulated OCPP charger (the demo station's first) connected in-process after listen. */
  demoCharger: boolean;
  /** Base URL browsers use to reach us (redirects after checkout and 3-D Secure). */
  publicUrl?: string;
  stripe: {
    /** Real Stripe when set; otherwise the embedded sandbox on `sandboxPort` (unset: a free port). */
    secretKey?: string;
    webhookSecret?: string;
    /** Stripe.js's key in the browser (card entry with Elements); only with a secret key. */
    publishableKey?: string;
    sandboxPort?: number;
    maxNetworkRetries: number;
  };
  chains: {
    /**
     * Run a local EVM node (anvil) for every chain without an RPC URL, with a USDC-like token and
     * demo wallets on it. On by default only on the embedded database (`npm start`, no config).
     */
    embedded: boolean;
    /** Each JSON-RPC request's deadline; an RPC that does not answer in time is unavailable (503). */
    rpcTimeoutMs: number;
    /** USDC pre-checks per IP per minute (each costs a few calls on a metered RPC). */
    precheckRateLimitPerMinute: number;
    ethereum: ChainConfig;
    polygon: ChainConfig;
  };
  mail: {
    /** Sent by SMTP when set (smtp:// or smtps://, auth in the URL); otherwise files (below). */
    smtpUrl?: string;
    /** The From header of every message. */
    from: string;
    /** Without SMTP, each message is an RFC 822 `.eml` file here (DATA_DIR/mail). */
    dir: string;
    /** How often a message is tried again after a failure before it is FAILED. */
    retryLimit: number;
    /** The first retry's delay; each later one doubles it. */
    retryDelaySeconds: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, as shells and .env files commonly produce them. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: resolve(e.DATA_DIR),
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    redisUrl: e.REDIS_URL,
    nodeId: e.NODE_ID ?? `node-${randomBytes(6).toString('hex')}`,
    nodes: {
      heartbeatSeconds: e.NODE_HEARTBEAT_SECONDS,
      deadAfterSeconds: e.NODE_DEAD_AFTER_SECONDS,
    },
    jobs: { pollIntervalSeconds: e.JOBS_POLL_INTERVAL_SECONDS, workers: e.JOBS_WORKERS },
    logLevel: e.LOG_LEVEL,
    auth: {
      jwtSecret: e.JWT_SECRET,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
      refreshReuseGraceSeconds: e.REFRESH_REUSE_GRACE_SECONDS,
      oidc:
        e.OIDC_ISSUER && e.OIDC_JWKS_URL
          ? { issuer: e.OIDC_ISSUER, jwksUrl: e.OIDC_JWKS_URL, audience: e.OIDC_AUDIENCE }
          : undefined,
      rateLimit: {
        perIp: e.AUTH_RATE_LIMIT_PER_IP,
        perEmail: e.AUTH_RATE_LIMIT_PER_EMAIL,
        windowSeconds: e.AUTH_RATE_LIMIT_WINDOW_SECONDS,
      },
    },
    http: {
      corsOrigins: e.CORS_ORIGINS,
      trustProxy: e.TRUST_PROXY,
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    },
    wallet: { settlementSeconds: e.WALLET_SETTLEMENT_SECONDS },
    orders: {
      platformFeeBps: e.PLATFORM_FEE_BPS,
      rateLimitPerMinute: e.ORDER_RATE_LIMIT_PER_MINUTE,
      checkoutGraceSeconds: e.ORDER_CHECKOUT_GRACE_SECONDS,
      checkoutExpirySeconds: e.ORDER_CHECKOUT_EXPIRY_SECONDS,
    },
    payments: { returnRateLimitPerMinute: e.RETURN_RATE_LIMIT_PER_MINUTE },
    charging: {
      feeBps: e.CHARGING_FEE_BPS,
      startTimeoutSeconds: e.CHARGING_START_TIMEOUT_SECONDS,
      holdHeadroomSeconds: e.CHARGING_HOLD_HEADROOM_SECONDS,
      holdExpiryMarginSeconds: e.CHARGING_HOLD_EXPIRY_MARGIN_SECONDS,
      linkExpiryMinutes: e.CHARGING_LINK_EXPIRY_MINUTES,
    },
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    demoCharger: e.DEMO_CHARGER ?? e.SEED_DEMO ?? !e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    stripe: {
      secretKey: e.STRIPE_SECRET_KEY,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET,
      publishableKey: e.STRIPE_PUBLISHABLE_KEY,
      sandboxPort: e.STRIPE_SANDBOX_PORT,
      maxNetworkRetries: e.STRIPE_MAX_NETWORK_RETRIES,
    },
    chains: {
      embedded: e.CHAIN_EMBEDDED ?? !e.DATABASE_URL,
      rpcTimeoutMs: e.CHAIN_RPC_TIMEOUT_MS,
      precheckRateLimitPerMinute: e.PRECHECK_RATE_LIMIT_PER_MINUTE,
      ethereum: { chainId: 1, rpcUrl: e.ETHEREUM_RPC_URL, usdcAddress: e.ETHEREUM_USDC_ADDRESS },
      polygon: { chainId: 137, rpcUrl: e.POLYGON_RPC_URL, usdcAddress: e.POLYGON_USDC_ADDRESS },
    },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM.trim(),
      dir: resolve(e.DATA_DIR, 'mail'),
      retryLimit: e.MAIL_RETRY_LIMIT,
      retryDelaySeconds: e.MAIL_RETRY_DELAY_SECONDS,
    },
  };
}

/** The chain ids the runtime runs a local node for: those without an RPC URL, when embedded. */
export function embeddedChainIds(config: Config): number[] {
  const { embedded, ethereum, polygon } = config.chains;
  return embedded ? [ethereum, polygon].filter((c) => !c.rpcUrl).map((c) => c.chainId) : [];
}
