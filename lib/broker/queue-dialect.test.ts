import assert from "node:assert/strict";
import type { Server } from "node:net";
import { after, describe, it } from "node:test";
import { startQueueConsumer } from "./queue-consumer";
import { queueDialect } from "./queue-dialect";
import { readMessageMeta } from "./read-message-meta";
import { startRecordingPeer } from "./testing/recording-peer";

const peers: Server[] = [];
after(() => {
  for (const s of peers) s.close();
});

describe("the consumer's frames", () => {
  it("Artemis: the consumer subscribes ANYCAST one message at a time, reads a redelivery, and acknowledges by the ack id", async () => {
    const peer = await startRecordingPeer();
    peers.push(peer.server);
    const received: Record<string, string>[] = [];
    const consumer = startQueueConsumer({
      endpoints: [peer.endpoint],
      queues: ["mosip-to-adjudication"],
      dialect: queueDialect("artemis"),
      heartbeatMs: 0,
      handler: async (m) => {
        received.push(m.headers);
      },
    });
    try {
      const subscribe = await peer.next("SUBSCRIBE");
      assert.equal(subscribe.headers.destination, "mosip-to-adjudication");
      assert.equal(subscribe.headers["subscription-type"], "ANYCAST");
      assert.equal(subscribe.headers["consumer-window-size"], "0");
      assert.equal(subscribe.headers.ack, "client-individual");
      const ack = await peer.next("ACK");
      assert.equal(ack.headers.id, "ack-1234", "STOMP 1.2 acknowledges by the MESSAGE's ack header");
      const meta = readMessageMeta(received[0]);
      assert.equal(meta.redelivered, true);
      assert.equal(meta.format, "TEXT");
      assert.equal(meta.expiresAt?.toISOString(), "2030-01-01T00:00:00.000Z");
    } finally {
      await consumer.stop();
    }
  });
});
