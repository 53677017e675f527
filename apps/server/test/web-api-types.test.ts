import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, client, type TestApp } from './helpers';

/**
 * The web app's API types (apps/web/src/api/openapi.d.ts) are generated from the server's OpenAPI
 * document and committed, so the web app type-checks on a fresh clone without a database. This
 * test regenerates them from the running server and fails when the committed file is stale: a
 * changed route fails CI until `npm run api:types` rewrites the file and the web app compiles
 * against it.
 */
const TYPES = resolve(__dirname, '../../web/src/api/openapi.d.ts');
const HEADER =
  "// Generated from the server's OpenAPI document by `npm run api:types`. Do not edit.\n";

describe("the web app's API types", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootTestApp();
  });
  afterAll(() => app?.close());

  it('match the OpenAPI document the server serves', async () => {
    const doc = (await client(app.url).get('/openapi.json')).body as Record<string, unknown>;
    const generated = HEADER + astToString(await openapiTS(doc as never));
    if (process.env.UPDATE_API_TYPES === '1') await writeFile(TYPES, generated);
    const committed = await readFile(TYPES, 'utf8').catch(() => '');
    expect(
      committed === generated,
      'apps/web/src/api/openapi.d.ts is stale: run `npm run api:types`',
    ).toBe(true);
  });
});
