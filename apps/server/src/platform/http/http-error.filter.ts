import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toAppError } from '../errors/error-mapper';

/** Sends every error in the one JSON shape; logs unexpected ones with the request id. */
export function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(err);
  if (appError.kind === 'internal') {
    request.log.error({ err: appError.cause ?? err }, 'unhandled error');
  }
  if (appError.retryAfterSeconds !== undefined) {
    void reply.header('Retry-After', String(appError.retryAfterSeconds));
  }
  void reply.status(appError.status).send(appError.toBody());
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}
