import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { buildWorkerBundles } from "@/lib/process/build-worker-bundles.mjs";
import { PacketStock } from "./packet-stock";
import { SynthesisPool } from "./synthesis-pool";

await buildWorkerBundles();
const pool = new SynthesisPool({ size: 2 });
const stock = new PacketStock({ pool, publicUrl: "http://127.0.0.1:9", encryption: "none", certificatePem: null, size: 1 });
after(async () => {
  stock.stop();
  await pool.close();
});

async function until(probe: () => boolean, what: string): Promise<void> {
  // A generous ceiling: a packet is a few CPU-seconds, more on a loaded machine.
  const end = Date.now() + 180_000;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("packet stock", () => {
  it("prepares packets ahead, hands one out at once and refills", async () => {
    stock.start();
    await until(() => stock.count("ADJUDICATION") === 1 && stock.count("VERIFICATION") === 1, "the stock to fill");
    const t0 = Date.now();
    const packet = await stock.take("ADJUDICATION");
    assert.ok(Date.now() - t0 < 50, "a stocked packet is handed out without building");
    assert.equal(stock.count("ADJUDICATION"), 0);
    const [request] = packet.scenario.requests;
    assert.equal(request.kind, "ADJUDICATION");
    assert.deepEqual([...packet.bodies.keys()].sort(), [...packet.scenario.shares.keys()].sort());
    for (const body of packet.bodies.values()) assert.ok(JSON.parse(body.toString("utf8")).biometrics);
    assert.ok(request.body.includes("http://127.0.0.1:9/v1/datashare/get/"));
    await until(() => stock.count("ADJUDICATION") === 1, "the stock to refill");
  });

  it("builds what the stock does not hold (WSQ fingers) when asked", async () => {
    const packet = await stock.take("VERIFICATION", "WSQ");
    const body = JSON.parse([...packet.bodies.values()][0].toString("utf8"));
    const xml = Buffer.from(body.biometrics, "base64url").toString("utf8");
    assert.match(xml, /<BIR/);
    assert.equal(stock.count("VERIFICATION"), 1, "the stocked PNG verification stays");
  });
});
