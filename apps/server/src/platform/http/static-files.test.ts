import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './static-files';

describe('serveStatic for the web app', () => {
  const fastify = Fastify();
  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'tender-static-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(join(root, 'assets/app.js'), 'console.log(1)');
    fastify.get('/api/v1/known', () => ({ ok: true }));
    serveStatic(fastify, { root, prefix: '', spaFallback: true, reserved: ['api', 'docs'] });
    await fastify.ready();
  });
  afterAll(() => fastify.close());

  it('serves files, and client-side routes fall back to index.html', async () => {
    const js = await fastify.inject('/assets/app.js');
    expect([js.statusCode, js.headers['content-type']]).toEqual([
      200,
      'text/javascript; charset=utf-8',
    ]);
    for (const path of ['/', '/orders/ord_1', '/wallet?topup=success']) {
      const page = await fastify.inject(path);
      expect({ path, status: page.statusCode, body: page.body }).toEqual({
        path,
        status: 200,
        body: '<!doctype html><title>app</title>',
      });
    }
  });

  it('never shadows the server: reserved prefixes, missing files with an extension, paths outside root', async () => {
    expect((await fastify.inject('/api/v1/known')).json()).toEqual({ ok: true });
    for (const path of [
      '/api/v1/nope',
      '/api',
      '/docs/x',
      '/assets/missing.js',
      '/..%2f..%2fetc%2fpasswd.txt',
    ])
      expect({ path, status: (await fastify.inject(path)).statusCode }).toEqual({
        path,
        status: 404,
      });
  });
});
