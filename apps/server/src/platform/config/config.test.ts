import { describe, expect, it } from 'vitest';
import { ConfigError, embeddedChainIds, loadConfig, MAINNET_USDC } from './config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives embedded defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(3000);
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.database.url).toBeUndefined();
    expect(c.seedDemo).toBe(true);
    expect(c.auth.accessTokenTtlSeconds).toBe(900);
    expect(c.auth.refreshTokenTtlSeconds).toBe(604800);
  });

  it('does not seed demo data on an external database unless asked', () => {
    const url = 'postgres://u@localhost:5432/db';
    expect(loadConfig({ DATABASE_URL: url }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: url, SEED_DEMO: '1' }).seedDemo).toBe(true);
  });

  it('runs embedded chains only without an external database, for chains without an RPC URL', () => {
    const url = 'postgres://u@localhost:5432/db';
    expect(embeddedChainIds(loadConfig({}))).toEqual([1, 137]);
    expect(embeddedChainIds(loadConfig({ DATABASE_URL: url }))).toEqual([]);
    expect(embeddedChainIds(loadConfig({ DATABASE_URL: url, CHAIN_EMBEDDED: '1' }))).toEqual([
      1, 137,
    ]);
    const polygonOnRpc = loadConfig({ POLYGON_RPC_URL: 'https://polygon.example/v2/key' });
    expect(embeddedChainIds(polygonOnRpc)).toEqual([1]);
    expect(polygonOnRpc.chains.polygon).toEqual({
      chainId: 137,
      rpcUrl: 'https://polygon.example/v2/key',
      usdcAddress: MAINNET_USDC.polygon,
    });
    expect(embeddedChainIds(loadConfig({ CHAIN_EMBEDDED: '0' }))).toEqual([]);
  });

  it('refuses USDC addresses that are not addresses or fail their checksum, and non-HTTP RPC URLs', () => {
    const list = problems({
      ETHEREUM_USDC_ADDRESS: MAINNET_USDC.ethereum.replace('A0b8', 'a0B8'),
      POLYGON_USDC_ADDRESS: 'XE7338O073KYGTWWZN0F2WZ0R8PX5ZPPZS',
      ETHEREUM_RPC_URL: 'wss://eth.example',
    });
    expect(list.map((p) => p.split(':')[0]).sort()).toEqual([
      'ETHEREUM_RPC_URL',
      'ETHEREUM_USDC_ADDRESS',
      'POLYGON_USDC_ADDRESS',
    ]);
    const lower = loadConfig({ ETHEREUM_USDC_ADDRESS: MAINNET_USDC.ethereum.toLowerCase() });
    // Answered checksummed, as the pre-check answers every address.
    expect(lower.chains.ethereum.usdcAddress).toBe(MAINNET_USDC.ethereum);
  });

  it('names every bad variable in one error', () => {
    const list = problems({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      JWT_SECRET: 'short',
    });
    expect(list.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'JWT_SECRET']),
    );
    expect(list).toHaveLength(4);
  });

  it('requires OIDC issuer and JWKS URL together', () => {
    expect(problems({ OIDC_ISSUER: 'https://issuer' })).toEqual([
      'OIDC_JWKS_URL: OIDC_ISSUER and OIDC_JWKS_URL must be set together',
    ]);
  });

  it('takes a Stripe publishable key only with a secret key of the same mode', () => {
    const real = { STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' };
    expect(
      loadConfig({ ...real, STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' }).stripe.publishableKey,
    ).toBe('pk_test_abc');
    expect(problems({ ...real, STRIPE_PUBLISHABLE_KEY: 'sk_test_abc' })[0]).toMatch(
      /^STRIPE_PUBLISHABLE_KEY: must be a Stripe publishable key/,
    );
    expect(problems({ ...real, STRIPE_PUBLISHABLE_KEY: 'pk_live_abc' })).toEqual([
      'STRIPE_PUBLISHABLE_KEY: must be of the same mode (test/live) as STRIPE_SECRET_KEY',
    ]);
    expect(problems({ STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' })[0]).toMatch(
      /needs STRIPE_SECRET_KEY/,
    );
  });

  it('requires JWT_SECRET in production', () => {
    expect(problems({ NODE_ENV: 'production' })[0]).toMatch(/^JWT_SECRET/);
  });

  it('renews node liveness every 5 s and takes a node for dead after 20 s; never a window under two renewals', () => {
    expect(loadConfig({}).nodes).toEqual({ heartbeatSeconds: 5, deadAfterSeconds: 20 });
    expect(loadConfig({ NODE_HEARTBEAT_SECONDS: '1', NODE_DEAD_AFTER_SECONDS: '3' }).nodes).toEqual(
      { heartbeatSeconds: 1, deadAfterSeconds: 3 },
    );
    expect(problems({ NODE_HEARTBEAT_SECONDS: '10', NODE_DEAD_AFTER_SECONDS: '15' })).toEqual([
      'NODE_DEAD_AFTER_SECONDS: must be at least twice NODE_HEARTBEAT_SECONDS (one late renewal is not death)',
    ]);
    expect(problems({ NODE_HEARTBEAT_SECONDS: '0' })[0]).toMatch(/^NODE_HEARTBEAT_SECONDS/);
  });

  it('polls jobs every 2 s by default, never faster than pg-boss allows (0.5 s)', () => {
    expect(loadConfig({}).jobs.pollIntervalSeconds).toBe(2);
    expect(loadConfig({ JOBS_POLL_INTERVAL_SECONDS: '0.5' }).jobs.pollIntervalSeconds).toBe(0.5);
    expect(problems({ JOBS_POLL_INTERVAL_SECONDS: '0.1' })[0]).toMatch(
      /^JOBS_POLL_INTERVAL_SECONDS/,
    );
  });

  it('runs job workers unless JOBS_WORKERS is off (an API-only node)', () => {
    expect(loadConfig({}).jobs.workers).toBe(true);
    expect(loadConfig({ JOBS_WORKERS: '1' }).jobs.workers).toBe(true);
    expect(loadConfig({ JOBS_WORKERS: '0' }).jobs.workers).toBe(false);
    expect(loadConfig({ JOBS_WORKERS: 'false' }).jobs.workers).toBe(false);
    expect(loadConfig({ JOBS_WORKERS: '' }).jobs.workers).toBe(true);
    expect(problems({ JOBS_WORKERS: 'off' })[0]).toMatch(/^JOBS_WORKERS/);
  });

  it('reads the platform fee (basis points), the order rate limit, the checkout grace and expiry', () => {
    expect(loadConfig({}).orders).toEqual({
      platformFeeBps: 500,
      rateLimitPerMinute: 60,
      checkoutGraceSeconds: 600,
      checkoutExpirySeconds: 1800,
    });
    const c = loadConfig({
      PLATFORM_FEE_BPS: '0',
      ORDER_RATE_LIMIT_PER_MINUTE: '5',
      ORDER_CHECKOUT_GRACE_SECONDS: '60',
      ORDER_CHECKOUT_EXPIRY_SECONDS: '3600',
    });
    expect(c.orders).toEqual({
      platformFeeBps: 0,
      rateLimitPerMinute: 5,
      checkoutGraceSeconds: 60,
      checkoutExpirySeconds: 3600,
    });
    // Stripe accepts a checkout expiry of 30 minutes to 24 hours.
    expect(problems({ ORDER_CHECKOUT_EXPIRY_SECONDS: '1799' })[0]).toMatch(
      /^ORDER_CHECKOUT_EXPIRY/,
    );
    expect(problems({ ORDER_CHECKOUT_EXPIRY_SECONDS: '86401' })[0]).toMatch(
      /^ORDER_CHECKOUT_EXPIRY/,
    );
    expect(loadConfig({}).payments.returnRateLimitPerMinute).toBe(60);
    expect(
      loadConfig({ RETURN_RATE_LIMIT_PER_MINUTE: '5' }).payments.returnRateLimitPerMinute,
    ).toBe(5);
    expect(problems({ ORDER_CHECKOUT_GRACE_SECONDS: '59' })[0]).toMatch(/^ORDER_CHECKOUT_GRACE/);
    expect(problems({ PLATFORM_FEE_BPS: '10001' })[0]).toMatch(/^PLATFORM_FEE_BPS/);
    expect(problems({ PLATFORM_FEE_BPS: '2.5' })[0]).toMatch(/^PLATFORM_FEE_BPS/);
    expect(problems({ ORDER_RATE_LIMIT_PER_MINUTE: '0' })[0]).toMatch(/^ORDER_RATE_LIMIT/);
  });

  it('treats empty strings as unset and parses lists', () => {
    const c = loadConfig({ PORT: '', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(c.port).toBe(3000);
    expect(c.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('sends mail by SMTP only with a valid smtp(s):// URL, and checks the From address', () => {
    const c = loadConfig({ DATA_DIR: '/srv/tender' });
    expect(c.mail).toEqual({
      smtpUrl: undefined,
      from: 'Tender <no-reply@localhost>',
      dir: '/srv/tender/mail',
      retryLimit: 8,
      retryDelaySeconds: 15,
    });
    const smtp = 'smtps://user:secret@mail.example.com:465';
    expect(loadConfig({ SMTP_URL: smtp, MAIL_FROM: 'shop@example.com' }).mail).toMatchObject({
      smtpUrl: smtp,
      from: 'shop@example.com',
    });
    const bad = problems({
      SMTP_URL: 'http://mail.example.com',
      MAIL_FROM: 'a@example.com, b@example.com',
      MAIL_RETRY_DELAY_SECONDS: '0',
    });
    expect(bad.map((p) => p.split(':')[0]).sort()).toEqual([
      'MAIL_FROM',
      'MAIL_RETRY_DELAY_SECONDS',
      'SMTP_URL',
    ]);
    expect(problems({ SMTP_URL: 'not a url' })[0]).toMatch(/^SMTP_URL: must be a URL/);
    expect(problems({ MAIL_FROM: 'Tender <a@b>\r\nBcc: x@y' })[0]).toMatch(/^MAIL_FROM/);
  });
});
