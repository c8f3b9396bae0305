import type { Log } from "@/lib/log/logger";
import { randomUUID } from "node:crypto";
import type { BrokerEndpoint } from "@/lib/broker/parse-queue-urls";
import { keepStompConnection } from "@/lib/broker/keep-stomp-connection";
import { queueDialect, type QueueDialect } from "@/lib/broker/queue-dialect";

// The producer side of the MOSIP bridge: one STOMP connection, kept open, used to SEND responses.
// It is a second client next to the bridge's consumer (same MOSIP_QUEUE_URL, same failover order and
// backoff), so a slow or blocked consumer never holds up an answer and vice versa.
//
// What matters for exactly-once is telling apart "certainly not handed over" from "maybe handed over"
// (SendError's kind):
// - NOT_HANDED_OVER: no connection, or the frame could not be written. Safe to send again later.
// - BROKER_REFUSED: the broker answered the SEND with an ERROR frame. Not stored; needs a person.
// - RECEIPT_MISSING, or any other error (no receipt in time, connection lost after the frame was written):
//   the broker may have stored it. The caller must not resend on its own.

export type ResponseFormat = "TEXT" | "BYTES";

export interface OutgoingResponse {
  /** Bare queue name, e.g. adjudication-to-mosip. */
  destination: string;
  format: ResponseFormat;
  /** The response JSON. */
  body: string;
  requestId: string;
}

export interface SenderStatus {
  connected: boolean;
  /** Endpoint in use (or last tried), password masked. */
  url: string | null;
  connectedAt: Date | null;
  lastSentAt: Date | null;
  reconnectCount: number;
  lastError: string | null;
}

export interface ResponseSender {
  /** Resolves once the broker's RECEIPT for the message arrived (it is then persisted by the broker). */
  send(message: OutgoingResponse): Promise<void>;
  status(): SenderStatus;
  stop(): Promise<void>;
}

export type SendErrorKind = "NOT_HANDED_OVER" | "BROKER_REFUSED" | "RECEIPT_MISSING";

/** A failed send, with what it means for the message's fate (see above). */
export class SendError extends Error {
  override name = "SendError";
  constructor(
    public readonly kind: SendErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** STOMP headers of one response SEND; exported so tests can check what goes on the wire. */
export function responseHeaders(
  m: OutgoingResponse,
  receipt: string,
  dialect: QueueDialect = queueDialect("classic"),
): Record<string, string> {
  return {
    ...dialect.sendHeaders,
    // JMS PERSISTENT, like MOSIP's own producers: the answer survives a broker restart.
    persistent: "true",
    // Becomes JMSCorrelationID. MOSIP correlates by the requestId inside the JSON; this is for people
    // reading the queue in a console, and for our own checks.
    "correlation-id": m.requestId,
    // Artemis drops a second message with the same duplicate id (its duplicate detection cache), which
    // turns an admin's "send now" after a lost receipt into a no-op there. ActiveMQ Classic just keeps it
    // as a string property that MOSIP ignores.
    _AMQ_DUPL_ID: m.requestId,
    receipt,
  };
}

export interface SenderOptions {
  endpoints: BrokerEndpoint[];
  heartbeatMs?: number;
  connectTimeoutMs?: number;
  receiptTimeoutMs?: number;
  reconnect?: { baseMs: number; maxMs: number };
  log?: Log;
  /** Queue addressing of the broker (default: ActiveMQ Classic). */
  dialect?: QueueDialect;
}

export function connectResponseSender(opts: SenderOptions): ResponseSender {
  const log = opts.log ?? (() => {});
  const heartbeatMs = opts.heartbeatMs ?? 10_000;
  const receiptTimeoutMs = opts.receiptTimeoutMs ?? 30_000;
  const dialect = opts.dialect ?? queueDialect("classic");
  const backoff = opts.reconnect ?? { baseMs: 500, maxMs: 30_000 };
  const status: SenderStatus = { connected: false, url: null, connectedAt: null, lastSentAt: null, reconnectCount: 0, lastError: null };

  let stopped = false;
  // Sends waiting for their receipt on the current connection; failed when it goes away.
  const inFlight = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();

  function failInFlight(make: () => Error) {
    for (const [id, p] of inFlight) {
      inFlight.delete(id);
      p.reject(make());
    }
  }

  const conn = keepStompConnection({
    endpoints: opts.endpoints,
    heartbeatMs,
    connectTimeoutMs: opts.connectTimeoutMs,
    reconnect: backoff,
    log,
    tag: "[outbox]",
    status,
    onConnected: () => {},
    onStompError(frame) {
      // An ERROR that names our receipt is the broker's answer to that SEND: it did not store it.
      const id = frame.headers["receipt-id"];
      const p = id ? inFlight.get(id) : undefined;
      if (id && p) {
        inFlight.delete(id);
        p.reject(new SendError("BROKER_REFUSED", `broker refused the message: ${(frame.headers.message ?? "ERROR frame").slice(0, 200)}`));
      }
    },
    onClosed: () => failInFlight(() => new SendError("RECEIPT_MISSING", "connection to the broker closed before its receipt arrived")),
  });

  return {
    status: () => ({ ...status }),
    send(m) {
      const c = conn.current()?.client;
      if (stopped || !c || !c.connected) return Promise.reject(new SendError("NOT_HANDED_OVER", "not connected to the broker"));
      const receipt = randomUUID();
      return new Promise<void>((resolve, reject) => {
        // After a stall of the process (a long GC pause, a starved CPU, a synchronous start-up step) the event loop
        // runs expired timers before it reads the sockets, so this timer can fire while the receipt already waits
        // in the socket: an answer MOSIP has would become UNCERTAIN. setImmediate runs after that read.
        const timeout = setTimeout(
          () =>
            setImmediate(() => {
              if (!inFlight.delete(receipt)) return;
              reject(new SendError("RECEIPT_MISSING", `no receipt from the broker within ${receiptTimeoutMs} ms`));
            }),
          receiptTimeoutMs,
        );
        inFlight.set(receipt, {
          resolve: () => {
            clearTimeout(timeout);
            status.lastSentAt = new Date();
            resolve();
          },
          reject: (e) => {
            clearTimeout(timeout);
            reject(e);
          },
        });
        c.watchForReceipt(receipt, () => {
          const p = inFlight.get(receipt);
          if (!p) return;
          inFlight.delete(receipt);
          p.resolve();
        });
        const headers = responseHeaders(m, receipt, dialect);
        const destination = dialect.destination(m.destination);
        try {
          if (m.format === "TEXT") {
            // No content-length header: both brokers turn the SEND into a JMS TextMessage (MOSIP's default).
            c.publish({ destination, body: m.body, headers, skipContentLengthHeader: true });
          } else {
            // With content-length (stompjs adds it for binary bodies): a JMS BytesMessage of the UTF-8 JSON.
            c.publish({ destination, binaryBody: new TextEncoder().encode(m.body), headers });
          }
        } catch (e) {
          // stompjs throws before writing anything when the connection is gone.
          inFlight.delete(receipt);
          clearTimeout(timeout);
          reject(new SendError("NOT_HANDED_OVER", `not handed over: ${(e as Error).message}`));
        }
      });
    },
    async stop() {
      stopped = true;
      failInFlight(() => new SendError("RECEIPT_MISSING", "sender stopped before the receipt arrived"));
      await conn.stop();
    },
  };
}
