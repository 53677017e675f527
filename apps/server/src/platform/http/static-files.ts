import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * Serves a directory of built files (the web app, Swagger UI's assets). Deliberately tiny instead of
 * @fastify/static, whose current release requires Node 22: GET only, no directory listings, paths
 * confined to `root`, and an optional SPA fallback to index.html for client-side routes.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticOptions {
  root: string;
  /** URL prefix without a trailing slash ('' for the site root). */
  prefix: string;
  /** Files allowed (all when absent): Swagger UI needs only a handful of its package's files. */
  only?: string[];
  /** Answer unknown paths under the prefix with index.html (single-page app routing). */
  spaFallback?: boolean;
  /**
   * First path segments never answered here (not even by the fallback): an unknown `/api/…` is
   * the API's JSON 404, not the web app's page.
   */
  reserved?: string[];
}

async function readInside(root: string, relative: string): Promise<Buffer | undefined> {
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

export function serveStatic(fastify: FastifyInstance, opts: StaticOptions): void {
  const root = normalize(opts.root);
  const send = async (
    relative: string,
    reply: import('fastify').FastifyReply,
  ): Promise<boolean> => {
    if (opts.only && !opts.only.includes(relative)) return false;
    const body = await readInside(root, relative);
    if (!body) return false;
    await reply
      .type(TYPES[extname(relative)] ?? 'application/octet-stream')
      .header('cache-control', relative.endsWith('.html') ? 'no-cache' : 'public, max-age=3600')
      .send(body);
    return true;
  };
  fastify.get(`${opts.prefix}/*`, async (req, reply) => {
    const relative = decodeURIComponent((req.params as { '*': string })['*'] || 'index.html');
    if (opts.reserved?.includes(relative.split('/')[0]!)) return reply.callNotFound();
    if (await send(relative, reply)) return reply;
    if (opts.spaFallback && !extname(relative) && (await send('index.html', reply))) return reply;
    return reply.callNotFound();
  });
}
