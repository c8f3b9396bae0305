// The standalone simulator against a real ActiveMQ: publishes as text and bytes, serves the shares
// the requests point to, and judges a MAS by its answers (exit 0 for a correct one, 1 otherwise).
// The "MAS" here is a few lines of STOMP that answer correctly or break the count on purpose.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Client } from "@stomp/stompjs";
import { startActiveMq, type ActiveMqBroker } from "../../scripts/lib/activemq.mjs";
import { connectStomp } from "./helpers/bridge-helpers";

let workDir: string;
let broker: ActiveMqBroker;

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), "mas-sim-"));
  broker = await startActiveMq(workDir);
});
after(async () => {
  await broker?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

interface Seen {
  queue: string;
  bytes: boolean;
  expires: boolean;
  shareStatus: number;
}

/** Answers every request; `breakCount` sends count 1 with an empty list for adjudications. */
async function fakeMas(breakCount: boolean): Promise<{ client: Client; seen: Seen[] }> {
  const client = await connectStomp(broker.stompPort);
  const seen: Seen[] = [];
  for (const queue of ["mosip-to-adjudication", "mosip-to-verification"]) {
    client.subscribe(
      `/queue/${queue}`,
      async (m) => {
        const req = JSON.parse(new TextDecoder().decode(m.binaryBody)) as { id: string; requestId: string; referenceURL: string };
        const url = req.referenceURL.startsWith("[") ? (JSON.parse(req.referenceURL) as { url: string }[])[0].url : req.referenceURL;
        const share = await fetch(url, { method: "HEAD" });
        seen.push({
          queue,
          bytes: "content-length" in m.headers,
          expires: Number(m.headers.expires) > Date.now(),
          shareStatus: share.status,
        });
        const base = { id: req.id, requestId: req.requestId, responsetime: new Date().toISOString(), returnValue: 1 };
        const adjudication = queue === "mosip-to-adjudication";
        const body = adjudication ? { ...base, candidateList: { count: breakCount ? 1 : 0, candidates: [] } } : base;
        client.publish({
          destination: `/queue/${adjudication ? "adjudication-to-mosip" : "verification-to-mosip"}`,
          body: JSON.stringify(body),
          skipContentLengthHeader: true,
        });
        m.ack();
      },
      { ack: "client-individual" },
    );
  }
  return { client, seen };
}

function runSimulator(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/simulator.ts", ...args], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stdout += d));
    child.on("exit", (code) => resolve({ code, stdout }));
  });
}

describe("scripts/simulator.ts against ActiveMQ", () => {
  it("run: text messages with TTL, LTS URLs, encrypted shares; a correct MAS exits 0", async () => {
    const mas = await fakeMas(false);
    try {
      const r = await runSimulator([
        "run",
        "2",
        "--verifications",
        "1",
        "--seed",
        "3",
        "--broker",
        broker.stompUrl,
        "--key-out",
        join(workDir, "key"),
        "--ttl",
        "600",
        "--timeout",
        "60",
      ]);
      assert.equal(r.code, 0, r.stdout);
      assert.match(r.stdout, /3 response\(s\): 3 met the contract, 0 broke it/);
      assert.deepEqual(
        mas.seen.map((s) => [s.bytes, s.expires, s.shareStatus]),
        [
          [false, true, 200],
          [false, true, 200],
          [false, true, 200],
        ],
      );
    } finally {
      await mas.client.deactivate();
    }
  });

  it("run: bytes messages; a MAS that breaks the count exits 1 and is told why", async () => {
    const mas = await fakeMas(true);
    try {
      const r = await runSimulator([
        "run",
        "1",
        "--format",
        "bytes",
        "--url-form",
        "plain",
        "--encryption",
        "none",
        "--ttl",
        "0",
        "--seed",
        "4",
        "--broker",
        broker.stompUrl,
        "--timeout",
        "60",
      ]);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stdout, /COUNT_MISMATCH/);
      assert.deepEqual(
        mas.seen.map((s) => [s.bytes, s.expires]),
        [[true, false]],
      );
    } finally {
      await mas.client.deactivate();
    }
  });
});
