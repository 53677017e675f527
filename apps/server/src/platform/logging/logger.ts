import type { Writable } from 'node:stream';
import pino, { type Logger as PinoLogger } from 'pino';

/**
 * pino's logger, as a Nest injection token: the abstract class is the token (a constructor
 * parameter typed `Logger` needs no `@Inject`), the merged interface gives it pino's members. The
 * value registered under it is the pino instance itself; nothing ever extends the class.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see above
export abstract class Logger {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface Logger extends PinoLogger {}

/**
 * Keys whose values never reach a log line, wherever they appear in a logged object. Card data,
 * passwords, tokens and secrets are censored by key; request logging (below) also never includes
 * headers, bodies or query strings.
 */
export const REDACTED_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'authorization',
  'cookie',
  'secret',
  'clientSecret',
  'client_secret',
  'apiKey',
  'cardNumber',
  'number',
  'cvc',
  'cvv',
] as const;

const redactPaths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export function createLogger(level: string, destination?: Writable): Logger {
  return pino(
    {
      level,
      base: { service: 'tender' },
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: {
        // Only what an operator needs to trace a request: never headers, body or query string.
        req: (req: { id?: string; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url?.split('?')[0],
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
