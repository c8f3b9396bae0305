import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { readMessageMeta } from "@/lib/broker/read-message-meta";
import { decryptDatashare } from "@/lib/crypto/decrypt-datashare";
import { generatePartnerKey } from "@/lib/crypto/generate-partner-key";
import { createKeyRing } from "@/lib/crypto/key-ring";
import { parseAdjudicationRequest } from "@/lib/mosip/adjudication-request";
import { parseDatasharePayload } from "@/lib/mosip/datashare-envelope";
import { createEmbeddedSimulator, type EmbeddedSimulator, type SimulatorMessage } from "./embedded-simulator";

const key = generatePartnerKey({ commonName: "embedded-test" });
const ring = createKeyRing([{ privateKeyPem: key.privateKeyPem, certificatePem: key.certificatePem }]);
let sim: EmbeddedSimulator;
const received: SimulatorMessage[] = [];

before(async () => {
  sim = await createEmbeddedSimulator({
    seed: 9,
    adjudications: 2,
    candidates: 2,
    verifications: 1,
    certificate: key.certificate,
    ttlSeconds: 60,
  });
  for await (const m of sim.messages()) received.push(m);
});
after(() => sim.close());

describe("embedded simulator", () => {
  it("hands out every request once with the headers a STOMP consumer sees for a TextMessage", () => {
    assert.deepEqual(
      received.map((m) => m.queue),
      ["mosip-to-adjudication", "mosip-to-adjudication", "mosip-to-verification"],
    );
    for (const m of received) {
      const meta = readMessageMeta(m.headers);
      assert.equal(meta.format, "TEXT");
      assert.ok(meta.expiresAt && meta.expiresAt.getTime() > Date.now() && meta.expiresAt.getTime() <= Date.now() + 60_000);
      const parsed = parseAdjudicationRequest(m.body);
      assert.ok(parsed.ok);
      assert.equal(parsed.request.requestId, m.requestId);
    }
  });

  it("serves the datashares its requests point to, encrypted for the partner certificate", async () => {
    const parsed = parseAdjudicationRequest(received[0].body);
    assert.ok(parsed.ok);
    const url = parsed.request.applicant[0].url;
    assert.ok(url.startsWith(sim.datashare.url));
    const res = await fetch(url);
    assert.equal(res.status, 200);
    const plain = decryptDatashare(await res.text(), ring);
    assert.equal(plain.format, "VER_R2");
    const payload = parseDatasharePayload(plain.plaintext);
    assert.ok(payload.ok && payload.payload.biometricsXml?.includes("<BIR"));
    // A second download is served from the cache, identically.
    const again = decryptDatashare(await (await fetch(url)).text(), ring);
    assert.deepEqual(again.plaintext, plain.plaintext);
    assert.equal(sim.datashare.requestCount(url.split("/").pop()!), 2);
  });

  it("checks responses and summarises them", () => {
    const [first, second, ver] = received;
    const gallery = parseAdjudicationRequest(second.body);
    assert.ok(gallery.ok && gallery.request.kind === "ADJUDICATION");
    const ok = sim.receiveResponse(
      JSON.stringify({
        id: "mosip.manual.adjudication.adjudicate",
        requestId: first.requestId,
        responsetime: "2025-01-01T00:00:00.000Z",
        returnValue: 1,
        candidateList: { count: 0, candidates: [] },
      }),
      { queue: "adjudication-to-mosip" },
    );
    assert.deepEqual([ok.ok, ok.outcome], [true, "APPROVED"]);
    const bad = sim.receiveResponse(
      JSON.stringify({
        id: "mosip.manual.adjudication.adjudicate",
        requestId: second.requestId,
        responsetime: "2025-01-01T00:00:00.000Z",
        returnValue: 1,
      }),
    );
    assert.equal(bad.ok, false);
    const s = sim.summary();
    assert.deepEqual([s.responses, s.ok, s.broken], [2, 1, 1]);
    assert.deepEqual(s.unanswered, [ver.requestId]);
  });

  it("marks bytes messages with content-length", async () => {
    const bytes = await createEmbeddedSimulator({ seed: 1, adjudications: 1, candidates: 1, format: "bytes" });
    try {
      for await (const m of bytes.messages()) {
        assert.equal(m.headers["content-length"], String(Buffer.byteLength(m.body)));
        assert.equal(readMessageMeta(m.headers).format, "BYTES");
      }
    } finally {
      await bytes.close();
    }
  });
});
