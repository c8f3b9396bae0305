import type { Client, IMessage } from "@stomp/stompjs";
import { backoffDelayMs } from "./backoff-delay";
import type { BrokerEndpoint } from "./parse-queue-urls";
import { createSerialQueue } from "./serial-queue";
import { createStompClient } from "./create-stomp-client";

// A STOMP consumer that never loses a message:
// - client-individual ACK, sent only after the handler resolved (i.e. after the database commit);
// - prefetch 1 and a serial queue per subscription, so messages are handled one at a time, in order;
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
  heartbeatMs?: number;
  connectTimeoutMs?: number;
  reconnect?: { baseMs: number; maxMs: number };
  log?: (line: string) => void;
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
  const backoff = opts.reconnect ?? { baseMs: 500, maxMs: 30_000 };
  const status: ConsumerStatus = { connected: false, url: null, connectedAt: null, lastMessageAt: null, reconnectCount: 0, lastError: null };

  let stopped = false;
  // Each connection gets a generation; work queued on an older connection is dropped, because its
  // ack ids died with it and the broker will redeliver those messages on the new connection.
  let generation = 0;
  let client: Client | null = null;
  let endpointIndex = 0;
  let failedRounds = 0;
  let handlerFailures = 0;
  let everConnected = false;
  let timer: NodeJS.Timeout | null = null;
  let serials: { idle(): Promise<void> }[] = [];

  function schedule(delayMs: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      connect();
    }, delayMs);
  }

  function connect() {
    if (stopped) return;
    const gen = ++generation;
    const ep = opts.endpoints[endpointIndex];
    status.url = ep.display;
    let established = false;
    const c = createStompClient(ep, heartbeatMs);
    const watchdog = setTimeout(() => {
      if (!established) void c.deactivate({ force: true });
    }, opts.connectTimeoutMs ?? 10_000);
    c.onConnect = () => {
      clearTimeout(watchdog);
      if (gen !== generation) return;
      established = true;
      failedRounds = 0;
      if (everConnected) status.reconnectCount++;
      everConnected = true;
      status.connected = true;
      status.connectedAt = new Date();
      log(`[bridge] connected to ${ep.display}`);
      serials = [];
      for (const queue of opts.queues) {
        const serial = createSerialQueue((e) => log(`[bridge] unexpected error on ${queue}: ${(e as Error).message}`));
        serials.push(serial);
        c.subscribe(`/queue/${queue}`, (m) => serial.push(() => deliver(gen, queue, m)), {
          ack: "client-individual",
          "activemq.prefetchSize": "1",
        });
      }
    };
    c.onStompError = (frame) => {
      // e.g. bad credentials; the broker closes the socket next, which triggers the reconnect.
      status.lastError = `broker refused: ${(frame.headers.message ?? "ERROR frame").slice(0, 200)}`;
      log(`[bridge] ${ep.display}: ${status.lastError}`);
    };
    c.onWebSocketError = () => {
      status.lastError = `cannot reach ${ep.display}`;
    };
    c.onWebSocketClose = () => {
      clearTimeout(watchdog);
      if (gen !== generation || stopped) return;
      status.connected = false;
      if (established) {
        log(`[bridge] connection to ${ep.display} lost; reconnecting`);
        endpointIndex = 0;
        schedule(backoff.baseMs);
        return;
      }
      endpointIndex++;
      if (endpointIndex < opts.endpoints.length) {
        schedule(0);
        return;
      }
      endpointIndex = 0;
      failedRounds++;
      const delay = backoffDelayMs(failedRounds, backoff);
      if (failedRounds === 1 || failedRounds % 10 === 0) log(`[bridge] no broker reachable (${status.lastError ?? "closed"}); retrying in ${delay} ms`);
      schedule(delay);
    };
    client = c;
    c.activate();
  }

  async function deliver(gen: number, queue: string, m: IMessage) {
    if (gen !== generation || stopped) return;
    status.lastMessageAt = new Date();
    try {
      await opts.handler({ queue, headers: { ...m.headers }, body: m.binaryBody });
    } catch (e) {
      handlerFailures++;
      status.lastError = `message not stored: ${(e as Error).message.split("\n")[0].slice(0, 200)}`;
      log(`[bridge] message ${m.headers["message-id"] ?? "?"} on ${queue} not stored, left for redelivery: ${status.lastError}`);
      reconnectNow(gen);
      return;
    }
    handlerFailures = 0;
    // Committed but the connection changed meanwhile: the broker redelivers, intake records a duplicate.
    if (gen !== generation) return;
    try {
      m.ack();
    } catch {
      /* socket already gone: same as above */
    }
  }

  /** Drops the connection so the broker takes back the un-acked message and redelivers it. */
  function reconnectNow(gen: number) {
    if (gen !== generation || stopped) return;
    generation++;
    status.connected = false;
    const old = client;
    client = null;
    void old?.deactivate({ force: true });
    endpointIndex = 0;
    schedule(backoffDelayMs(handlerFailures, backoff));
  }

  connect();

  return {
    status: () => ({ ...status }),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      // Let a message being stored finish and be acknowledged, then leave cleanly.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(serials.map((s) => s.idle())), new Promise((r) => (grace = setTimeout(r, 10_000)))]);
      clearTimeout(grace);
      generation++;
      const c = client;
      client = null;
      status.connected = false;
      await c?.deactivate();
    },
  };
}
