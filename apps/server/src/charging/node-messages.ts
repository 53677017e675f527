import { z } from 'zod';

/**
 * What charging's nodes say to each other over the platform's pub/sub: each node listens on its
 * own request channel and its own reply channel (named by NODE_ID, see Config).
 */
export const requestChannel = (nodeId: string) => `charging.node.${nodeId}`;
export const replyChannel = (nodeId: string) => `charging.reply.${nodeId}`;

export const NodeRequest = z.discriminatedUnion('type', [
  /** Call the charger and publish the outcome on `replyTo` under `requestId`. */
  z.object({
    type: z.literal('call'),
    requestId: z.string(),
    replyTo: z.string(),
    chargerId: z.string(),
    action: z.string(),
    payload: z.record(z.string(), z.unknown()),
  }),
  /** The charger has connected elsewhere (`connectionId`): close any other socket of it here. */
  z.object({ type: z.literal('supersede'), chargerId: z.string(), connectionId: z.string() }),
  /** Its credentials changed or it was deleted: close its socket here, if any. */
  z.object({ type: z.literal('disconnect'), chargerId: z.string(), reason: z.string() }),
]);
export type NodeRequest = z.infer<typeof NodeRequest>;

/** What a charger call came to, here or on the node holding the charger. */
export const CallOutcome = z.discriminatedUnion('outcome', [
  /** Its CallResult. */
  z.object({ outcome: z.literal('result'), result: z.record(z.string(), z.unknown()) }),
  /** Its CallError. */
  z.object({ outcome: z.literal('error'), code: z.string(), description: z.string() }),
  z.object({ outcome: z.literal('timeout') }),
  /** Not connected there (any more). */
  z.object({ outcome: z.literal('offline') }),
  /** The socket went away with the call in flight. */
  z.object({ outcome: z.literal('disconnected') }),
  /** Something unexpected on the holding node (its log has the details). */
  z.object({ outcome: z.literal('failed') }),
]);
export type CallOutcome = z.infer<typeof CallOutcome>;

export const NodeReply = z.union([
  /** The holding node heard the request and is calling the charger: it is alive. */
  z.object({ requestId: z.string(), outcome: z.literal('accepted') }),
  z.intersection(z.object({ requestId: z.string() }), CallOutcome),
]);
export type NodeReply = z.infer<typeof NodeReply>;
