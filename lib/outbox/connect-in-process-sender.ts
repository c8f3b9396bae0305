import type { OutgoingResponse, ResponseSender, SenderStatus } from "./connect-response-sender";

/**
 * The sender for the embedded default (no MOSIP_QUEUE_URL): responses go straight to the in-process MOSIP
 * simulator. A call that returns is as good as a broker receipt; one that throws counts as "fate unknown"
 * (UNCERTAIN), exactly as with a broker, so the embedded demo shows the same outbox states as production.
 */
export function connectInProcessSender(deliver: (queue: string, body: string) => void): ResponseSender {
  const status: SenderStatus = {
    connected: true,
    url: null,
    connectedAt: new Date(),
    lastSentAt: null,
    reconnectCount: 0,
    lastError: null,
  };
  let stopped = false;
  return {
    async send(m: OutgoingResponse) {
      if (stopped) throw new Error("sender stopped");
      deliver(m.destination, m.body);
      status.lastSentAt = new Date();
    },
    status: () => ({ ...status, connected: !stopped }),
    async stop() {
      stopped = true;
    },
  };
}
