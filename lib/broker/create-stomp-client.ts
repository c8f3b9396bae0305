import "server-only";
import { Client } from "@stomp/stompjs";
import { TCPWrapper } from "@stomp/tcp-wrapper";
import type { BrokerEndpoint } from "./parse-queue-urls";

/**
 * A STOMP client over plain TCP for one broker endpoint, shared by the request consumer and the response
 * sender. Reconnection is left to the caller (failover order, backoff), so stompjs' own is switched off.
 */
export function createStompClient(ep: BrokerEndpoint, heartbeatMs: number): Client {
  const headers: Record<string, string> = { host: ep.host };
  if (ep.login !== undefined) headers.login = ep.login;
  if (ep.passcode !== undefined) headers.passcode = ep.passcode;
  return new Client({
    webSocketFactory: () => new TCPWrapper(ep.host, ep.port),
    connectHeaders: headers,
    reconnectDelay: 0,
    heartbeatIncoming: heartbeatMs,
    heartbeatOutgoing: heartbeatMs,
    // On a missed heart-beat, destroy the socket: a polite close can hang on a half-open TCP connection.
    discardWebsocketOnCommFailure: true,
    // stompjs' own connectionTimeout leaves its timer running after a refused connection; callers use a watchdog.
    connectionTimeout: 0,
    debug: () => {},
  });
}
