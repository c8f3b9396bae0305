// STOMP headers for a request, as MOSIP's JMS producer ends up on the wire via ActiveMQ:
// a TextMessage is a SEND without content-length, a BytesMessage one with it; the JMS time-to-live
// (registration.processor.queue.*.request.messageTTL, seconds) becomes the `expires` header.

export type MessageFormat = "text" | "bytes";

export const DEFAULT_QUEUES = {
  adjudicationRequest: "mosip-to-adjudication",
  adjudicationResponse: "adjudication-to-mosip",
  verificationRequest: "mosip-to-verification",
  verificationResponse: "verification-to-mosip",
} as const;

export type QueueNames = { [K in keyof typeof DEFAULT_QUEUES]: string };

/** MOSIP's configured TTL (CFG: 5400 s = 90 min). */
export const DEFAULT_TTL_SECONDS = 5400;

export interface PublishHeaderOptions {
  format: MessageFormat;
  /** 0 = never expires (no header). */
  ttlSeconds: number;
  now: number;
}

/** Headers to SEND with. */
export function publishHeaders(body: string, opts: PublishHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = { persistent: "true" };
  if (opts.ttlSeconds > 0) headers.expires = String(opts.now + opts.ttlSeconds * 1000);
  if (opts.format === "bytes") headers["content-length"] = String(Buffer.byteLength(body, "utf8"));
  return headers;
}

/** Headers as a consumer sees the delivered MESSAGE (what the broker adds), for feeding the MAS without a broker. */
export function deliveryHeaders(body: string, queue: string, messageId: string, opts: PublishHeaderOptions): Record<string, string> {
  return {
    ...publishHeaders(body, opts),
    destination: `/queue/${queue}`,
    "message-id": messageId,
    timestamp: String(opts.now),
    priority: "4",
    redelivered: "false",
  };
}
