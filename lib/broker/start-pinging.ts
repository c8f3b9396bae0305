import "server-only";
import { type Client, StompSocketState } from "@stomp/stompjs";

/**
 * Sends a heart-beat (a bare EOL, as stompjs' own) every `everyMs` while the client's socket is open; returns
 * the stop function.
 *
 * Why besides stompjs' own: ActiveMQ Classic checks for incoming bytes once per interval with no grace
 * (hbGracePeriodMultiplier 1.0 in 5.17), and stompjs pings once per interval too, a few ms after the broker's
 * check window opens. The two timers drift apart, and once a ping slips past a check the broker closes the
 * connection (seen 150 and 300 s into an idle soak). Pinging twice per interval puts a ping in every window
 * whichever way they drift; STOMP allows heart-beats more often than agreed.
 */
export function startPinging(client: Client, everyMs: number): () => void {
  const timer = setInterval(() => {
    const socket = client.webSocket;
    if (client.connected && socket?.readyState === StompSocketState.OPEN) socket.send("\n");
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
