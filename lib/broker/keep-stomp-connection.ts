import "server-only";
import type { Log } from "@/lib/log/logger";
import type { Client, IFrame } from "@stomp/stompjs";
import { backoffDelayMs } from "./backoff-delay";
import { createStompClient, HEARTBEAT_TOLERANCE } from "./create-stomp-client";
import { startPinging } from "./start-pinging";
import type { BrokerEndpoint } from "./parse-queue-urls";

export interface ConnectionStatus {
  connected: boolean;
  /** The endpoint in use, password masked. */
  url: string | null;
  connectedAt: Date | null;
  /** Connections established after the first one. */
  reconnectCount: number;
  lastError: string | null;
}

export interface KeepConnectionOptions {
  endpoints: BrokerEndpoint[];
  heartbeatMs: number;
  connectTimeoutMs?: number;
  reconnect: { baseMs: number; maxMs: number };
  log: Log;
  /** Log prefix, e.g. "[bridge]". */
  tag: string;
  /** Updated in place, so the caller's status object can add fields of its own. */
  status: ConnectionStatus;
  onConnected(client: Client, generation: number): void;
  onStompError?(frame: IFrame): void;
  /** The connection of this generation is gone (closed, lost or dropped). */
  onClosed?(generation: number): void;
}

export interface KeptConnection {
  /** The live client and its generation, or null between connections. */
  current(): { client: Client; generation: number } | null;
  generation(): number;
  /** Drops the connection at once (the broker takes back un-acked messages) and reconnects after delayMs. */
  dropAndReconnect(delayMs: number): void;
  stop(): Promise<void>;
}

/**
 * One STOMP connection kept up across broker restarts, like MOSIP's failover:(…)?randomize=false: endpoints are
 * tried in order, a full round of failures backs off, and a lost connection starts again from the first endpoint.
 * Every connection has a generation, so callers can ignore work that belongs to a connection already gone.
 */
export function keepStompConnection(opts: KeepConnectionOptions): KeptConnection {
  const { status, log, tag } = opts;
  let stopped = false;
  let generation = 0;
  let client: Client | null = null;
  let endpointIndex = 0;
  let failedRounds = 0;
  let everConnected = false;
  let timer: NodeJS.Timeout | null = null;
  let stopPinging = () => {};

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
    let tlsProblem: string | null = null;
    const c = createStompClient(ep, opts.heartbeatMs, (reason) => {
      tlsProblem = reason;
    });
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
      stopPinging();
      stopPinging = startPinging(c, Math.floor(opts.heartbeatMs / 2));
      log(`${tag} connected to ${ep.display}`);
      opts.onConnected(c, gen);
    };
    c.onStompError = (frame) => {
      // e.g. bad credentials; the broker closes the socket next, which triggers the reconnect.
      status.lastError = `broker refused: ${(frame.headers.message ?? "ERROR frame").slice(0, 200)}`;
      opts.onStompError?.(frame);
      log(`${tag} ${ep.display}: ${status.lastError}`, "warn");
    };
    c.onHeartbeatLost = () => {
      if (gen !== generation) return;
      // stompjs destroys the socket now, but its close event comes a tick later and until then the client
      // still reports connected: a SEND written in between would go nowhere yet look uncertain. Refuse new
      // work from here on, so that only frames written before the loss are left to doubt.
      status.connected = false;
      status.lastError = `no heart-beat from ${ep.display} for ${HEARTBEAT_TOLERANCE} intervals of ${opts.heartbeatMs} ms`;
      log(`${tag} ${status.lastError}`, "warn");
    };
    c.onWebSocketError = () => {
      status.lastError = tlsProblem ? `${ep.display}: ${tlsProblem}` : `cannot reach ${ep.display}`;
    };
    c.onWebSocketClose = () => {
      clearTimeout(watchdog);
      if (gen !== generation) return;
      stopPinging();
      status.connected = false;
      opts.onClosed?.(gen);
      if (stopped) return;
      if (established) {
        log(`${tag} connection to ${ep.display} lost; reconnecting`, "warn");
        endpointIndex = 0;
        schedule(opts.reconnect.baseMs);
        return;
      }
      endpointIndex++;
      if (endpointIndex < opts.endpoints.length) {
        schedule(0);
        return;
      }
      endpointIndex = 0;
      failedRounds++;
      const delay = backoffDelayMs(failedRounds, opts.reconnect);
      if (failedRounds === 1 || failedRounds % 10 === 0)
        log(`${tag} no broker reachable (${status.lastError ?? "closed"}); retrying in ${delay} ms`, "warn");
      schedule(delay);
    };
    client = c;
    c.activate();
  }

  connect();

  return {
    current: () => (client && status.connected ? { client, generation } : null),
    generation: () => generation,
    dropAndReconnect(delayMs) {
      if (stopped) return;
      const gen = generation++;
      status.connected = false;
      const old = client;
      client = null;
      stopPinging();
      opts.onClosed?.(gen);
      void old?.deactivate({ force: true });
      endpointIndex = 0;
      schedule(delayMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const gen = generation++;
      const c = client;
      client = null;
      stopPinging();
      status.connected = false;
      opts.onClosed?.(gen);
      await c?.deactivate();
    },
  };
}
