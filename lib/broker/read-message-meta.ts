// What the STOMP headers of a delivered request tell us. ActiveMQ maps JMS onto STOMP like this
// (checked against 5.17): a TextMessage arrives without `content-length`, a BytesMessage with it;
// JMSExpiration becomes `expires` (epoch ms, 0 = never); JMSTimestamp becomes `timestamp`;
// a redelivery carries `redelivered: true`.

export type MessageFormat = "TEXT" | "BYTES";

export interface MessageMeta {
  format: MessageFormat;
  brokerMessageId: string | null;
  expiresAt: Date | null;
  timestamp: Date | null;
  redelivered: boolean;
}

export function readMessageMeta(headers: Record<string, string | undefined>): MessageMeta {
  // Artemis marks the kind explicitly; ActiveMQ Classic only through content-length.
  const declared = headers["amq-msg-type"]?.toLowerCase();
  const format: MessageFormat =
    declared === "text" ? "TEXT" : declared === "bytes" ? "BYTES" : "content-length" in headers ? "BYTES" : "TEXT";
  return {
    format,
    brokerMessageId: headers["message-id"] ?? null,
    expiresAt: epochMs(headers.expires),
    timestamp: epochMs(headers.timestamp),
    redelivered: headers.redelivered === "true",
  };
}

function epochMs(v: string | undefined): Date | null {
  if (v === undefined) return null;
  const n = Number(v.trim());
  if (!Number.isFinite(n) || n <= 0) return null;
  const d = new Date(n);
  return Number.isNaN(d.getTime()) ? null : d;
}
