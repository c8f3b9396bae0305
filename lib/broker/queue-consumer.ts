import type { Log } from "@/lib/log/logger";
import { messageLogId } from "@/lib/log/request-id";
import type { IMessage } from "@stomp/stompjs";
import { backoffDelayMs } from "./backoff-delay";
import type { BrokerEndpoint } from "./parse-queue-urls";
import { createSerialQueue } from "./serial-queue";
import { keepStompConnection } from "./keep-stomp-connection";
import { queueDialect, type QueueDialect } from "./queue-dialect";

// A STOMP consumer that never loses a message:
// - client-individual ACK, sent only after the handler resolved (i.e. after the database commit);
// - one message in flight (the dialect's prefetch/window header) and a serial queue per subscription, so messages are handled one at a time, in order;
// - a handler failure is not NACKed (ActiveMQ 5.x moves NACKed messages straight to ActiveMQ.DLQ):
//   the connection is dropped instead, which makes the broker redeliver the un-acked message;
// - endpoints are tried in the configured order (like failover:(…)?randomize=false), with capped
//   exponential backoff after each full round of failures.
// Message bodies are never logged.

export interface DeliveredMessage {
  queue: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Resolve = acknowledge. Throw = leave for redelivery. */
export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface QueueConsumerOptions {
  endpoints: BrokerEndpoint[];
  queues: string[];
  handler: MessageHandler;
  /** Queue addressing of the broker (default: ActiveMQ Classic). */
  dialect?: QueueDialect;
  heartbeatMs?: number;
  connectTimeoutMs?: number;
  reconnect?: { baseMs: number; maxMs: number };
  log?: Log;
}

export interface ConsumerStatus {
  connected: boolean;
  /** Endpoint in use (or last tried), password masked. */
  url: string | null;
  connectedAt: Date | null;
  lastMessageAt: Date | null;
  /** Connections established after the first one. */
  reconnectCount: number;
  lastError: string | null;
}

export interface QueueConsumer {
  status(): ConsumerStatus;
  stop(): Promise<void>;
}

export function startQueueConsumer(opts: QueueConsumerOptions): QueueConsumer {
  const log = opts.log ?? (() => {});
  const heartbeatMs = opts.heartbeatMs ?? 10_000;
  const dialect = opts.dialect ?? queueDialect("classic");
  const backoff = opts.reconnect ?? { baseMs: 500, maxMs: 30_000 };
  const status: ConsumerStatus = {
    connected: false,
    url: null,
    connectedAt: null,
    lastMessageAt: null,
    reconnectCount: 0,
    lastError: null,
  };

  let stopped = false;
  let handlerFailures = 0;
  let serials: { idle(): Promise<void> }[] = [];
  // Each connection has a generation; work queued on an older connection is dropped, because its
  // ack ids died with it and the broker will redeliver those messages on the new connection.
  const conn = keepStompConnection({
    endpoints: opts.endpoints,
    heartbeatMs,
    connectTimeoutMs: opts.connectTimeoutMs,
    reconnect: backoff,
    log,
    tag: "[bridge]",
    status,
    onConnected(c, gen) {
      serials = [];
      for (const queue of opts.queues) {
        const serial = createSerialQueue((e) =>
          log(`[bridge] unexpected error on ${queue}: ${(e as Error).message.split("\n")[0]}`, "error"),
        );
        serials.push(serial);
        c.subscribe(dialect.destination(queue), (m) => serial.push(() => deliver(gen, queue, m)), {
          ...dialect.subscribeHeaders,
          ack: "client-individual",
        });
      }
    },
  });

  async function deliver(gen: number, queue: string, m: IMessage) {
    if (gen !== conn.generation() || stopped) return;
    status.lastMessageAt = new Date();
    try {
      await opts.handler({ queue, headers: { ...m.headers }, body: m.binaryBody });
    } catch (e) {
      handlerFailures++;
      status.lastError = `message not stored: ${(e as Error).message.split("\n")[0].slice(0, 200)}`;
      log(`[bridge] message on ${queue} not stored, left for redelivery: ${status.lastError}`, "warn", {
        queueMessageId: messageLogId(m.headers["message-id"]),
      });
      // Dropping the connection makes the broker take back the un-acked message and redeliver it.
      if (gen === conn.generation() && !stopped) conn.dropAndReconnect(backoffDelayMs(handlerFailures, backoff));
      return;
    }
    handlerFailures = 0;
    // Committed but the connection changed meanwhile: the broker redelivers, intake records a duplicate.
    if (gen !== conn.generation()) return;
    try {
      m.ack();
    } catch {
      /* socket already gone: same as above */
    }
  }

  return {
    status: () => ({ ...status }),
    async stop() {
      stopped = true;
      // Let a message being stored finish and be acknowledged, then leave cleanly.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(serials.map((s) => s.idle())), new Promise((r) => (grace = setTimeout(r, 10_000)))]);
      clearTimeout(grace);
      await conn.stop();
    },
  };
}
