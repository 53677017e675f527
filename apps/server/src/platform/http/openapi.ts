import { dirname } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { documentErrors } from './openapi-errors';
import { serveStatic } from './static-files';

type Operation = Record<string, unknown> & { security?: unknown; description?: string };

/**
 * OpenAPI 3 at /openapi.json and Swagger UI at /docs, generated from the controllers and the same
 * zod schemas that validate requests. Every operation states its auth: `security: []` for public
 * routes, bearer otherwise, plus the roles it needs (`x-roles`), and the error responses it can
 * give in the one error shape (openapi-errors.ts).
 */
export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const base = new DocumentBuilder()
    .setTitle('Tender API')
    .setDescription(
      'Payments platform: identity, payments, marketplace, charging, checkout, coworking.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  const doc = SwaggerModule.createDocument(app, base);
  for (const path of Object.values(doc.paths)) {
    for (const op of Object.values(path) as Operation[]) {
      if (typeof op !== 'object' || op === null || !('responses' in op)) continue;
      const isPublic = op['x-auth'] === 'none';
      op.security = isPublic ? [] : [{ bearer: [] }];
      const roles = op['x-roles'] as string[] | undefined;
      const auth = isPublic
        ? 'Public.'
        : roles
          ? `Requires a bearer token with role ${roles.join(' or ')}.`
          : 'Requires a bearer token.';
      op.description = op.description ? `${auth} ${op.description}` : auth;
    }
  }
  documentErrors(doc);
  return doc;
}

const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Tender API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`;

// An external file rather than an inline script, so the page works under our strict CSP.
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

/** /openapi.json and a Swagger UI at /docs, from swagger-ui-dist's files. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const doc = buildOpenApi(app);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/openapi.json', (_req, reply) => reply.send(doc));
  fastify.get('/docs', (_req, reply) => reply.type('text/html; charset=utf-8').send(DOCS_PAGE));
  fastify.get('/docs/init.js', (_req, reply) => reply.type('text/javascript').send(DOCS_INIT));
  serveStatic(fastify, {
    root: dirname(require.resolve('swagger-ui-dist/package.json')),
    prefix: '/docs',
    only: ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'],
  });
}
