import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

type Operation = Record<string, unknown> & { security?: unknown; description?: string };

/**
 * OpenAPI 3 at /openapi.json and Swagger UI at /docs, generated from the controllers and the same
 * zod schemas that validate requests. Every operation states its auth: `security: []` for public
 * routes, bearer otherwise, plus the roles it needs (`x-roles`).
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
  return doc;
}

export function setupOpenApi(app: NestFastifyApplication): void {
  const doc = buildOpenApi(app);
  SwaggerModule.setup('docs', app, doc, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
}
