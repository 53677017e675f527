import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestApp, type TestApp } from './helpers';

/**
 * What Fastify's router and Node's HTTP parser refuse, over raw sockets so the bytes are exactly
 * what a broken or hostile client sends (fetch would fix or refuse them first). Every answer is a
 * complete HTTP response with a body in the one error shape, never Fastify's or Node's own.
 */
describe('framing and router errors in the error shape', () => {
  let app: TestApp;
  let port: number;

  beforeAll(async () => {
    app = await bootTestApp();
    port = app.running.port;
  });
  afterAll(() => app?.close());

  /** Sends raw bytes, returns everything the server wrote until it closed (or 5 s passed). */
  const raw = (bytes: string | Buffer) =>
    new Promise<{ status: number; headers: string; body: any; text: string }>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      const timer = setTimeout(() => socket.destroy(), 5000);
      socket.on('data', (c) => chunks.push(c));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        const [head = '', ...rest] = text.split('\r\n\r\n');
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
        let body: any = rest.join('\r\n\r\n');
        try {
          body = JSON.parse(body);
        } catch {
          /* keep the text */
        }
        if (!status) reject(new Error(`no HTTP response: ${JSON.stringify(text)}`));
        else resolve({ status, headers: head, body, text });
      });
      socket.write(bytes);
    });

  const expectShape = (
    res: { status: number; body: any; text: string },
    status: number,
    code: string,
  ) => {
    expect(res.status, res.text).toBe(status);
    expect(res.body?.error, res.text).toMatchObject({
      type: 'invalid_request_error',
      code,
      message: expect.any(String),
    });
  };

  const req = (lines: string[], body = '') => `${lines.join('\r\n')}\r\n\r\n${body}`;
  const login = (headers: string[], body = '') =>
    req(['POST /api/v1/auth/login HTTP/1.1', 'Host: x', 'Connection: close', ...headers], body);

  it('bad percent-encoding in the path (FST_ERR_BAD_URL) is a 400 invalid_url', async () => {
    for (const path of ['/api/v1/products/%E0%A4%A', '/api/v1/products/%ZZ', '/api/v1/orders/%']) {
      const res = await raw(req([`GET ${path} HTTP/1.1`, 'Host: x', 'Connection: close']));
      expectShape(res, 400, 'invalid_url');
      expect(res.headers.toLowerCase()).toContain('x-request-id:');
    }
  });

  it('a path parameter over maxParamLength is a 414 in the shape', async () => {
    const res = await raw(
      login([]).replace('/api/v1/auth/login', `/api/v1/orders/${'x'.repeat(600)}/refund`),
    );
    expectShape(res, 414, 'path_parameter_too_long');
    // A GET falls through to the static files' wildcard instead: a 404 in the shape.
    const get = await raw(
      req([`GET /api/v1/products/${'x'.repeat(600)} HTTP/1.1`, 'Host: x', 'Connection: close']),
    );
    expectShape(get, 404, 'route_not_found');
  });

  it('oversize headers are a 431 with a JSON body', async () => {
    const res = await raw(
      req(['GET /health HTTP/1.1', 'Host: x', `X-Big: ${'a'.repeat(20_000)}`, 'Connection: close']),
    );
    expectShape(res, 431, 'headers_too_large');
    const long = await raw(req([`GET /api/v1/products/${'x'.repeat(20_000)} HTTP/1.1`, 'Host: x']));
    expectShape(long, 431, 'headers_too_large');
  });

  it('malformed framing is a 400 with a JSON body and the connection closed', async () => {
    const cases: [string, string, string][] = [
      [
        'Content-Length not a number',
        login(['Content-Type: application/json', 'Content-Length: abc'], '{}'),
        'invalid_content_length',
      ],
      [
        'two Content-Lengths',
        login(['Content-Type: application/json', 'Content-Length: 2', 'Content-Length: 3'], '{}'),
        'invalid_content_length',
      ],
      [
        'Content-Length and chunked',
        login(
          ['Content-Type: application/json', 'Content-Length: 2', 'Transfer-Encoding: chunked'],
          '2\r\n{}\r\n0\r\n\r\n',
        ),
        'invalid_chunked_encoding',
      ],
      [
        'chunk size not hex',
        login(
          ['Content-Type: application/json', 'Transfer-Encoding: chunked'],
          'zz\r\n{}\r\n0\r\n\r\n',
        ),
        'invalid_chunked_encoding',
      ],
      [
        'chunk without CRLF',
        login(
          ['Content-Type: application/json', 'Transfer-Encoding: chunked'],
          '2\r\n{}XX0\r\n\r\n',
        ),
        'malformed_request',
      ],
      ['not HTTP', 'HELLO\r\n\r\n', 'malformed_request'],
      [
        'raw NUL in the request line',
        'GET /api/v1/products/\u0000 HTTP/1.1\r\nHost: x\r\n\r\n',
        'malformed_request',
      ],
      [
        'header without colon',
        req(['GET /health HTTP/1.1', 'Host: x', 'Broken header']),
        'malformed_request',
      ],
    ];
    for (const [label, bytes, code] of cases) {
      const res = await raw(bytes);
      expect(res.status, `${label}: ${res.text}`).toBe(400);
      expect(res.body?.error?.type, `${label}: ${res.text}`).toBe('invalid_request_error');
      // llhttp names some of these differently across Node versions: the code is one of ours.
      expect(['invalid_content_length', 'invalid_chunked_encoding', 'malformed_request']).toContain(
        res.body.error.code,
      );
      if (code !== 'malformed_request') expect(res.body.error.code, label).toBe(code);
      expect(res.headers.toLowerCase(), label).toContain('connection: close');
    }
  });

  it('a body shorter than its Content-Length, then closed, is not a 500', async () => {
    const res = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (c) => chunks.push(c));
      socket.on('error', () => {});
      socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
      socket.end(login(['Content-Type: application/json', 'Content-Length: 50'], '{"email":'));
    });
    // Node may drop the socket without a response (the client left); never a 500.
    expect(res).not.toMatch(/^HTTP\/1\.1 5/);
  });

  it('a JSON content type with a non-UTF-8 charset is a 415, with junk parameters a 400 or 415', async () => {
    const res = await raw(
      login(['Content-Type: application/json; charset=utf-16le', 'Content-Length: 2'], '{}'),
    );
    expectShape(res, 415, 'unsupported_charset');
    for (const type of [
      'application/json; ===',
      'application/json;;;',
      'application/json; charset',
    ]) {
      const r = await raw(login([`Content-Type: ${type}`, 'Content-Length: 2'], '{}'));
      expect([400, 415], `${type}: ${r.text}`).toContain(r.status);
      expect(r.body?.error?.code, `${type}: ${r.text}`).toEqual(expect.any(String));
    }
  });
});
