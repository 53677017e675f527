import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { RPCError, TimeoutError } from 'ocpp-rpc';
import { AppError } from '../platform/errors/app-error';
import { Logger } from '../platform/logging/logger';
import { PubSub, type Unsubscribe } from '../platform/pubsub/pubsub';
import { ChargerConnections } from './charger-connections';
import { ChargerPresence, type Holder } from './charger-presence';
import { CallOutcome, NodeReply, NodeRequest, replyChannel, requestChannel } from './node-messages';
import { OCPP16_VALIDATOR } from './ocpp-schemas';

/** How long the holding node has to say it heard a request: longer means it is gone. */
export const ACK_TIMEOUT_MS = 5_000;
/** The charger's own call timeout (30 s, the gateway's) and time for the answer to travel back. */
export const ANSWER_TIMEOUT_MS = 40_000;

/** A charger's answer to a call: its CallResult or its CallError. */
export interface ChargerAnswer {
  result: Record<string, unknown> | null;
  error: { code: string; description: string } | null;
}

interface Waiting {
  settle(reply: NodeReply): void;
}

/**
 * Calls a charger wherever it is connected. Here: straight on its socket. On another node (its
 * presence row names it): a `call` request on that node's channel, which calls the charger and
 * publishes the outcome on our reply channel under the request's id; no `accepted` within
 * ACK_TIMEOUT_MS means that node is gone, and its claim on the charger is released. A charger
 * that moved between the read of its presence and the call is looked up once more.
 */
@Injectable()
export class ChargerRouter implements OnModuleInit, OnApplicationShutdown {
  private readonly waiting = new Map<string, Waiting>();
  private readonly unsubscribes: Unsubscribe[] = [];
  private readonly log: Logger;

  constructor(
    private readonly connections: ChargerConnections,
    private readonly presence: ChargerPresence,
    private readonly pubsub: PubSub,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'ocpp-router' });
  }

  private get nodeId(): string {
    return this.presence.nodeId;
  }

  async onModuleInit(): Promise<void> {
    this.unsubscribes.push(
      await this.pubsub.subscribe(requestChannel(this.nodeId), (m) => this.onRequest(m)),
      await this.pubsub.subscribe(replyChannel(this.nodeId), (m) => this.onReply(m)),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.unsubscribes.map((u) => u()));
  }

  /**
   * Sends `action` to the charger and returns its answer, CallError included. The payload is
   * checked against OCPP 1.6's schema first (a 400, nothing sent). Not connected anywhere: 409
   * `charger_offline`; no answer in time: 503 `charger_timeout`; its socket gone mid-call: 503
   * `charger_disconnected`. No authorization here: callers check it (OcppCommands for operators).
   */
  async callCharger(
    chargerId: string,
    action: string,
    payload: Record<string, unknown>,
  ): Promise<ChargerAnswer> {
    checkPayload(action, payload);
    let outcome = await this.route(chargerId, action, payload);
    // It may have moved between the read of its row and the call: one more look.
    if (outcome.outcome === 'offline') outcome = await this.route(chargerId, action, payload);
    return answerOf(outcome);
  }

  /** Ends the charger's socket wherever it is (after its credentials changed or it was deleted). */
  async disconnect(chargerId: string, reason: string): Promise<void> {
    await this.connections.disconnect(chargerId, reason);
    const holder = await this.presence.holder(chargerId);
    if (holder && holder.nodeId !== this.nodeId) {
      const request: NodeRequest = { type: 'disconnect', chargerId, reason };
      await this.pubsub.publish(requestChannel(holder.nodeId), request);
    }
  }

  private async route(
    chargerId: string,
    action: string,
    payload: Record<string, unknown>,
  ): Promise<CallOutcome> {
    if (this.connections.clientFor(chargerId)) return this.callHere(chargerId, action, payload);
    const holder = await this.presence.holder(chargerId);
    if (!holder) return { outcome: 'offline' };
    // The row names this node but the socket is gone: its close is still being written.
    if (holder.nodeId === this.nodeId) return this.callHere(chargerId, action, payload);
    return this.callThere(holder, chargerId, action, payload);
  }

  private async callHere(
    chargerId: string,
    action: string,
    payload: Record<string, unknown>,
  ): Promise<CallOutcome> {
    const client = this.connections.clientFor(chargerId);
    if (!client) return { outcome: 'offline' };
    try {
      const result = (await client.call(action, payload)) as Record<string, unknown>;
      return { outcome: 'result', result };
    } catch (err) {
      if (err instanceof TimeoutError) return { outcome: 'timeout' };
      if (err instanceof RPCError) {
        const code = (err as RPCError & { rpcErrorCode: string }).rpcErrorCode;
        return { outcome: 'error', code, description: err.message };
      }
      // The socket went away with the call in flight (ocpp-rpc aborts pending calls then).
      if (err instanceof Error && err.name === 'AbortError') return { outcome: 'disconnected' };
      throw err;
    }
  }

  private async callThere(
    holder: Holder,
    chargerId: string,
    action: string,
    payload: Record<string, unknown>,
  ): Promise<CallOutcome> {
    const requestId = randomUUID();
    let accepted = false;
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<CallOutcome | 'gone'>((resolve) => {
      const giveUp = (after: number, what: CallOutcome | 'gone') =>
        setTimeout(() => {
          this.waiting.delete(requestId);
          resolve(what);
        }, after);
      timer = giveUp(ACK_TIMEOUT_MS, 'gone');
      this.waiting.set(requestId, {
        settle: (reply) => {
          if (reply.outcome === 'accepted') {
            if (accepted) return;
            accepted = true;
            clearTimeout(timer);
            timer = giveUp(ANSWER_TIMEOUT_MS, { outcome: 'timeout' });
            return;
          }
          clearTimeout(timer);
          this.waiting.delete(requestId);
          const { requestId: _, ...outcome } = reply;
          resolve(outcome);
        },
      });
    });
    const request: NodeRequest = {
      type: 'call',
      requestId,
      replyTo: replyChannel(this.nodeId),
      chargerId,
      action,
      payload,
    };
    try {
      await this.pubsub.publish(requestChannel(holder.nodeId), request);
    } catch (err) {
      clearTimeout(timer);
      this.waiting.delete(requestId);
      throw err;
    }
    const outcome = await answer;
    if (outcome !== 'gone') return outcome;
    // Its node never heard us: it died with the socket (or is cut off, and will claim it again
    // at the charger's next Heartbeat). Only that socket's claim is released.
    this.log.warn(
      { chargerId, nodeId: holder.nodeId },
      'the node holding the charger did not answer',
    );
    await this.presence.release(chargerId, holder.connectionId);
    return { outcome: 'offline' };
  }

  private onRequest(message: unknown): void {
    const parsed = NodeRequest.safeParse(message);
    if (!parsed.success) return this.log.warn('a node request of unknown shape; dropped');
    const request = parsed.data;
    switch (request.type) {
      case 'supersede':
        return this.connections.supersede(request.chargerId, request.connectionId);
      case 'disconnect':
        void this.connections.disconnect(request.chargerId, request.reason);
        return;
      case 'call':
        void this.serve(request);
        return;
    }
  }

  /** A call for a charger we hold, from another node: accepted at once, then its outcome. */
  private async serve(request: Extract<NodeRequest, { type: 'call' }>): Promise<void> {
    const reply = (r: CallOutcome | { outcome: 'accepted' }) =>
      this.pubsub.publish(request.replyTo, { requestId: request.requestId, ...r });
    try {
      await reply({ outcome: 'accepted' });
      let outcome: CallOutcome;
      try {
        outcome = await this.callHere(request.chargerId, request.action, request.payload);
      } catch (err) {
        this.log.error({ err, chargerId: request.chargerId }, 'a routed charger call failed');
        outcome = { outcome: 'failed' };
      }
      await reply(outcome);
    } catch (err) {
      this.log.error({ err, chargerId: request.chargerId }, 'answering a routed call failed');
    }
  }

  private onReply(message: unknown): void {
    const parsed = NodeReply.safeParse(message);
    if (!parsed.success) return this.log.warn('a node reply of unknown shape; dropped');
    this.waiting.get(parsed.data.requestId)?.settle(parsed.data);
  }
}

function checkPayload(action: string, payload: Record<string, unknown>): void {
  try {
    // Throws the schema's complaint; OCPP's schemas are synchronous, so never a promise.
    if (OCPP16_VALIDATOR.validate(`urn:${action}.req`, payload) !== true)
      throw new Error('invalid');
  } catch (err) {
    throw AppError.validation(
      `payload is not a valid ${action}: ${(err as Error).message}`,
      'payload',
      'invalid_ocpp_payload',
    );
  }
}

function answerOf(outcome: CallOutcome): ChargerAnswer {
  switch (outcome.outcome) {
    case 'result':
      return { result: outcome.result, error: null };
    case 'error':
      return { result: null, error: { code: outcome.code, description: outcome.description } };
    case 'offline':
      throw new AppError('conflict', 'charger_offline', 'The charger is not connected');
    case 'timeout':
      throw new AppError('unavailable', 'charger_timeout', 'The charger did not answer in time');
    case 'disconnected':
      throw new AppError('unavailable', 'charger_disconnected', 'The charger disconnected');
    case 'failed':
      throw new AppError('internal', 'internal_error', 'The call failed on the charger’s node');
  }
}
