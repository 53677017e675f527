import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import { sendError } from './http-error.filter';

/**
 * Errors the router raises before any hook runs (bad percent-encoding `FST_ERR_BAD_URL`, a path
 * parameter over `maxParamLength`): Fastify's `frameworkErrors`, answered in the one error shape
 * by the same `sendError` as everything else. No hook ran, so the request id is set here.
 */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  void reply.header('x-request-id', req.id);
  sendError(error, req, reply);
}

/** What Node's HTTP parser reports (llhttp codes), as the AppError a client sees. */
function parserError(code: string): AppError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError(
        'headers_too_large',
        'headers_too_large',
        'The request line and headers are larger than the server accepts',
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError('request_timeout', 'request_timeout', 'The request took too long');
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return AppError.validation(
        'Content-Length is not valid',
        undefined,
        'invalid_content_length',
      );
    case 'HPE_INVALID_CHUNK_SIZE':
    case 'HPE_INVALID_TRANSFER_ENCODING':
      return AppError.validation('Invalid chunked encoding', undefined, 'invalid_chunked_encoding');
    default:
      return AppError.validation(
        'The request is not valid HTTP/1.1',
        undefined,
        'malformed_request',
      );
  }
}

/**
 * Fastify's `clientErrorHandler`: Node's parser refused the bytes (bad Content-Length, broken
 * chunked framing, oversize headers, a timeout) so there is no request, only the socket. Writes
 * the error in the one shape as a complete HTTP response — as Node does by default, and only if
 * nothing was written on the socket yet (never into the middle of another response) — then
 * closes the connection: after a framing error the rest of the stream cannot be trusted.
 */
export function clientErrorHandler(logger: Logger) {
  return (err: Error & { code?: string }, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const appError = parserError(err.code ?? '');
    logger.debug({ code: err.code, status: appError.status }, 'client error');
    if (socket.writable && socket.bytesWritten === 0) {
      const body = JSON.stringify(appError.toBody());
      socket.write(
        `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status]}\r\n` +
          'Content-Type: application/json; charset=utf-8\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\n` +
          'Connection: close\r\n\r\n' +
          body,
      );
    }
    socket.destroy();
  };
}
