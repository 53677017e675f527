import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

type RawBodyRequest = FastifyRequest & { rawBody?: Buffer };

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/**
 * The API reads `application/json` bodies and nothing else. Every body parser anyone registered
 * (Nest's form and JSON parsers, Fastify's text parser, a plugin's) is removed and one JSON parser
 * put back, so any other content type — form-encoded, multipart, text, a typo — is Fastify's 415
 * `unsupported_content_type`, whatever registers a parser in future. Must run after `app.init()`
 * (Nest adds its parsers there) and before `listen`.
 *
 * The parser keeps the raw bytes (`req.rawBody`, for webhook signatures), refuses a declared
 * charset other than UTF-8 (RFC 8259: JSON is UTF-8; other bytes would be misread, not rejected)
 * and parses with Fastify's own secure parser under the instance's onProtoPoisoning and
 * onConstructorPoisoning settings (default `error`).
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  const { bodyLimit, onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parse = fastify.getDefaultJsonParser(
    onProtoPoisoning ?? 'error',
    onConstructorPoisoning ?? 'error',
  );
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit },
    (req: RawBodyRequest, body: Buffer, done) => {
      const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
        done(
          new AppError(
            'unsupported_media_type',
            'unsupported_charset',
            'JSON bodies must be UTF-8 (send charset=utf-8 or no charset)',
          ),
          undefined,
        );
        return;
      }
      req.rawBody = body;
      // Fastify's parser takes a string or a Buffer (secure-json-parse reads both).
      void parse(req, body as unknown as string, (err, value) => {
        done(err && isPoisoned(body) ? forbiddenKey() : err, value);
      });
    },
  );
}

/** True when the body is valid JSON, so the secure parser refused it for a forbidden key. */
function isPoisoned(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

const forbiddenKey = () =>
  AppError.validation(
    'The JSON body has a __proto__ or constructor.prototype key, which is not allowed',
    undefined,
    'forbidden_property',
  );
