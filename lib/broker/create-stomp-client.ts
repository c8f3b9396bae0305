import "server-only";
import { Client } from "@stomp/stompjs";
import { TCPWrapper } from "@stomp/tcp-wrapper";
import type { BrokerEndpoint } from "./parse-queue-urls";
import { TlsStompSocket } from "./tls-stomp-socket";

/**
 * How many heart-beat intervals of broker silence are tolerated before the connection is given up.
 *
 * ActiveMQ Classic (AbstractInactivityMonitor.writeCheck) sends a heart-beat only when it wrote nothing
 * during the previous whole interval, so its silences last up to two intervals by design: the first beat
 * comes two intervals after CONNECTED (measured against 5.17: 19.955 s for 10 s, 3.965 s for 2 s), and
 * again after every frame written just past one of its checks. stompjs' default of 2 puts its check on
 * that very instant, so a few milliseconds of broker or event-loop lag dropped a healthy idle connection.
 * 3 leaves one whole interval of slack, and a dead connection is still noticed within 4 intervals.
 */
export const HEARTBEAT_TOLERANCE = 3;

/**
 * A STOMP client over plain TCP, or TLS for stomp+ssl://, for one broker endpoint, shared by the request consumer
 * and the response sender. Reconnection is left to the caller (failover order, backoff), so stompjs' own is
 * switched off. `onTlsError` hears why a TLS connection failed (an untrusted certificate, …).
 */
export function createStompClient(ep: BrokerEndpoint, heartbeatMs: number, onTlsError: (reason: string) => void = () => {}): Client {
  const headers: Record<string, string> = { host: ep.host };
  if (ep.login !== undefined) headers.login = ep.login;
  if (ep.passcode !== undefined) headers.passcode = ep.passcode;
  return new Client({
    webSocketFactory: () => (ep.tls ? new TlsStompSocket(ep.host, ep.port, ep.tls, onTlsError) : new TCPWrapper(ep.host, ep.port)),
    connectHeaders: headers,
    reconnectDelay: 0,
    heartbeatIncoming: heartbeatMs,
    heartbeatOutgoing: heartbeatMs,
    heartbeatToleranceMultiplier: HEARTBEAT_TOLERANCE,
    // On a missed heart-beat, destroy the socket: a polite close can hang on a half-open TCP connection.
    discardWebsocketOnCommFailure: true,
    // stompjs' own connectionTimeout leaves its timer running after a refused connection; callers use a watchdog.
    connectionTimeout: 0,
    debug: () => {},
  });
}
