import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { decryptDatashare } from "@/lib/crypto/decrypt-datashare";
import { generatePartnerKey } from "@/lib/crypto/generate-partner-key";
import { createKeyRing } from "@/lib/crypto/key-ring";
import { parseDatasharePayload } from "@/lib/mosip/datashare-envelope";
import { buildWorkerBundles } from "@/lib/process/build-worker-bundles.mjs";
import { bundleBanner, sourcesHash } from "@/lib/process/worker-bundle.mjs";
import { createScenario } from "./scenario";
import { SynthesisPool } from "./synthesis-pool";

const key = generatePartnerKey({ commonName: "synthesis-test" });
const ring = createKeyRing([{ privateKeyPem: key.privateKeyPem, certificatePem: key.certificatePem }]);
await buildWorkerBundles();
const pool = new SynthesisPool({ size: 1 });
after(() => pool.close());

const subjects = (seed: number) => [...createScenario({ seed, adjudications: 1, candidates: 1, publicUrl: "http://x" }).shares.values()];
const job = (seed: number) => ({ subjects: subjects(seed), encryption: "VER_R2" as const, certificatePem: key.certificatePem });

describe("synthesis pool", () => {
  it("builds a request's datashares in a worker thread, encrypted for the partner certificate", async () => {
    assert.equal(pool.inThreads, true);
    const bodies = await pool.run(job(1));
    assert.equal(bodies.length, 2);
    for (const body of bodies) {
      const payload = parseDatasharePayload(decryptDatashare(body.toString("utf8"), ring).plaintext);
      assert.ok(payload.ok && payload.payload.biometricsXml?.includes("<BIR"));
    }
  });

  it("runs a job someone waits for before the stock refills queued earlier", async () => {
    const done: string[] = [];
    const track = (name: string, p: Promise<unknown>) => p.then(() => done.push(name));
    // One worker: the first refill is already running, the second waits behind the request made after it.
    await Promise.all([
      track("ahead-1", pool.run(job(2), "ahead")),
      track("ahead-2", pool.run(job(3), "ahead")),
      track("now", pool.run(job(4), "now")),
    ]);
    assert.deepEqual(done, ["ahead-1", "now", "ahead-2"]);
  });
});

describe("packet worker bundle", () => {
  it("is used only while it matches the sources it was built from", () => {
    const root = mkdtempSync(join(tmpdir(), "packet-bundle-"));
    const dir = join(root, "lib", "simulator");
    mkdirSync(dir, { recursive: true });
    assert.equal(new SynthesisPool({ simulatorDir: dir }).bundle, "missing");
    writeFileSync(join(root, "a.ts"), "export const a = 1;");
    const files = ["a.ts"];
    writeFileSync(join(dir, "packet-worker.generated.mjs"), `${bundleBanner(sourcesHash(root, files)!, files, "a.ts")}export {};\n`);
    const fresh = new SynthesisPool({ simulatorDir: dir });
    assert.deepEqual([fresh.bundle, fresh.inThreads], ["fresh", true]);
    writeFileSync(join(root, "a.ts"), "export const a = 2;");
    const stale = new SynthesisPool({ simulatorDir: dir });
    assert.deepEqual([stale.bundle, stale.inThreads], ["stale", false]);
  });
});
