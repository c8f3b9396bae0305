import { createHash, randomUUID } from "node:crypto";

// A caller's id is taken as it is only when it cannot smuggle anything into a log line or a header.
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** The X-Request-Id of an HTTP request: the caller's (from a proxy or ingress) if well-formed, else a new one. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && WELL_FORMED.test(header) ? header : randomUUID();
}

/**
 * A queue message's id in the log: a short hash of the broker's message-id, so lines about one message can be
 * followed without writing the broker's id (ActiveMQ's names the producer's host).
 */
export function messageLogId(messageId: string | undefined): string {
  if (!messageId) return randomUUID().slice(0, 16);
  return createHash("sha256").update(messageId).digest("hex").slice(0, 16);
}
