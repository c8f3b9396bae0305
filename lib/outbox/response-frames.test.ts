import assert from "node:assert/strict";
import type { Server } from "node:net";
import { after, describe, it } from "node:test";
import { startQueueConsumer } from "@/lib/broker/queue-consumer";
import { queueDialect } from "@/lib/broker/queue-dialect";
import { startRecordingPeer, waitUntil } from "@/lib/broker/testing/recording-peer";
import { connectResponseSender } from "./connect-response-sender";

const peers: Server[] = [];
after(() => {
  for (const s of peers) s.close();
});

describe("the response sender's frames", () => {
  it("Artemis: a text answer goes to the bare queue name as ANYCAST, without content-length, with its duplicate id", async () => {
    const peer = await startRecordingPeer();
    peers.push(peer.server);
    const sender = connectResponseSender({ endpoints: [peer.endpoint], dialect: queueDialect("artemis"), heartbeatMs: 0 });
    try {
      await waitUntil(() => sender.status().connected);
      const body = '{"id":"mosip.manual.adjudication.adjudicate","requestId":"r-1","returnValue":1}';
      await sender.send({ destination: "adjudication-to-mosip", format: "TEXT", body, requestId: "r-1" });
      const send = await peer.next("SEND");
      assert.equal(send.headers.destination, "adjudication-to-mosip");
      assert.equal(send.headers["destination-type"], "ANYCAST");
      assert.equal("content-length" in send.headers, false, "with content-length Artemis would make a BytesMessage");
      assert.equal(send.headers._AMQ_DUPL_ID, "r-1");
      assert.equal(send.headers.persistent, "true");
      assert.equal(send.body, body);
    } finally {
      await sender.stop();
    }
  });

  it("Artemis: a bytes answer carries content-length (a BytesMessage)", async () => {
    const peer = await startRecordingPeer();
    peers.push(peer.server);
    const sender = connectResponseSender({ endpoints: [peer.endpoint], dialect: queueDialect("artemis"), heartbeatMs: 0 });
    try {
      await waitUntil(() => sender.status().connected);
      const body = '{"requestId":"r-2","returnValue":2}';
      await sender.send({ destination: "verification-to-mosip", format: "BYTES", body, requestId: "r-2" });
      const send = await peer.next("SEND");
      assert.equal(send.headers.destination, "verification-to-mosip");
      assert.equal(send.headers["destination-type"], "ANYCAST");
      assert.equal(send.headers["content-length"], String(Buffer.byteLength(body)));
    } finally {
      await sender.stop();
    }
  });

  it("ActiveMQ Classic: /queue/ destinations, prefetch 1, no routing-type headers", async () => {
    const peer = await startRecordingPeer();
    peers.push(peer.server);
    const consumer = startQueueConsumer({
      endpoints: [peer.endpoint],
      queues: ["mosip-to-verification"],
      heartbeatMs: 0,
      handler: async () => {},
    });
    const sender = connectResponseSender({ endpoints: [peer.endpoint], heartbeatMs: 0 });
    try {
      const subscribe = await peer.next("SUBSCRIBE");
      assert.equal(subscribe.headers.destination, "/queue/mosip-to-verification");
      assert.equal(subscribe.headers["activemq.prefetchSize"], "1");
      assert.equal("subscription-type" in subscribe.headers, false);
      await waitUntil(() => sender.status().connected);
      await sender.send({ destination: "verification-to-mosip", format: "TEXT", body: "{}", requestId: "r-3" });
      const send = await peer.next("SEND");
      assert.equal(send.headers.destination, "/queue/verification-to-mosip");
      assert.equal("destination-type" in send.headers, false);
      assert.equal("content-length" in send.headers, false);
    } finally {
      await sender.stop();
      await consumer.stop();
    }
  });
});
