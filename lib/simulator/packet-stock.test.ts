import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { buildWorkerBundles } from "@/lib/process/build-worker-bundles.mjs";
import { PacketStock, type PreparedPacket } from "./packet-stock";
import { SynthesisPool, type JobPriority } from "./synthesis-pool";

await buildWorkerBundles();
const pool = new SynthesisPool({ size: 2 });
/** Every build the stock asks the pool for, by priority, in order. */
const builds: JobPriority[] = [];
const recording: Pick<SynthesisPool, "build" | "size"> = {
  size: pool.size,
  build: (job, priority = "now") => {
    builds.push(priority);
    return pool.build(job, priority);
  },
};
const stock = new PacketStock({ pool: recording, publicUrl: "http://127.0.0.1:9", encryption: "none", certificatePem: null, size: 1 });
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
  it("takes a packet still being built for the stock instead of building another", async () => {
    stock.start();
    assert.deepEqual(builds, ["ahead"], "the stock refills one packet at a time");
    const packet = await stock.take("ADJUDICATION");
    assert.deepEqual(builds, ["ahead"], "the request took the stock's build under way; nothing was built for it");
    assert.equal(packet.scenario.requests[0].kind, "ADJUDICATION");
    assert.equal(stock.count("ADJUDICATION"), 0, "a packet taken while being built is not stocked as well");
  });

  it("prepares packets ahead, hands one out at once and refills", async () => {
    await until(() => stock.count("ADJUDICATION") === 1 && stock.count("VERIFICATION") === 1, "the stock to fill");
    const before = builds.length;
    const packet = await stock.take("ADJUDICATION");
    assert.deepEqual(builds.slice(before), ["ahead"], "a stocked packet is handed out without building; the refill starts");
    assert.equal(stock.count("ADJUDICATION"), 0);
    const [request] = packet.scenario.requests;
    assert.equal(request.kind, "ADJUDICATION");
    assert.deepEqual([...packet.bodies.keys()].sort(), [...packet.scenario.shares.keys()].sort());
    for (const body of packet.bodies.values()) assert.ok(JSON.parse(body.toString("utf8")).biometrics);
    assert.ok(request.body.includes("http://127.0.0.1:9/v1/datashare/get/"));
    await until(() => stock.count("ADJUDICATION") === 1, "the stock to refill");
  });

  it("serves the registrations it made again: a later gallery holds earlier subjects, same RID and same images", async () => {
    const own = new PacketStock({ pool, publicUrl: "http://127.0.0.1:9", encryption: "none", certificatePem: null, size: 0 });
    const biometricsOf = (p: PreparedPacket) =>
      new Map([...p.scenario.shares.values()].map((s) => [s.rid, JSON.parse(p.bodies.get(s.shareKey!)!.toString("utf8")).biometrics]));
    const first = await own.take("ADJUDICATION");
    assert.equal(own.registered, 4, "the applicant and the three candidates are registrations now");
    const second = await own.take("ADJUDICATION");
    const before = biometricsOf(first);
    const after = biometricsOf(second);
    const [request] = second.scenario.requests;
    const reused = request.gallery.filter((g) => before.has(g.rid));
    assert.ok(reused.length >= 1, "the second gallery draws on the first packet's people");
    assert.ok(!before.has(request.applicant.rid), "the applicant is a new registration");
    for (const g of reused) {
      assert.equal(after.get(g.rid), before.get(g.rid), "the same images, not a new capture");
      assert.ok(!first.scenario.shares.has(g.shareKey!), "under a share key of its own");
    }
    own.stop();
  });

  it("builds what the stock does not hold (WSQ fingers) when asked", async () => {
    const packet = await stock.take("VERIFICATION", "WSQ");
    const body = JSON.parse([...packet.bodies.values()][0].toString("utf8"));
    const xml = Buffer.from(body.biometrics, "base64url").toString("utf8");
    assert.match(xml, /<BIR/);
    assert.equal(stock.count("VERIFICATION"), 1, "the stocked PNG verification stays");
  });
});
