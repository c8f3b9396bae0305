import "server-only";
import { randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { AppEnv } from "@/lib/env/env-schema";
import { receiveRequest } from "@/lib/intake/receive-request";
import { startDownloadWorker, type DownloadWorker } from "@/lib/datashare/run-download-worker";
import { ensureDemoPartnerKey } from "@/lib/crypto/runtime-key-ring";
import { loadKeyRingFromEnv } from "@/lib/crypto/load-key-ring";
import { createEmbeddedSimulator, type EmbeddedSimulator } from "@/lib/simulator/embedded-simulator";
import type { ResponseVerdict } from "@/lib/simulator/check-response";

// The embedded default: MOSIP simulated inside the app process, for a first look and for demos. Requests take
// the same path as broker messages (receiveRequest, then the datashare download worker over HTTP), and the
// responses the outbox publishes are handed to the simulator, which checks them against MOSIP's contract.

export interface EmbeddedMosip {
  downloads: DownloadWorker;
  /** Generates and feeds a batch of new synthetic requests; returns how many cases were created. */
  addRequests(counts: { adjudications: number; verifications: number; fingerCodec?: "PNG" | "WSQ" }): Promise<number>;
  /** Where the outbox delivers when there is no broker. */
  deliverResponse(queue: string, body: string): ResponseVerdict | null;
  summary(): { batches: number; requests: number; responses: number; broken: number; unanswered: number };
  stop(): Promise<void>;
}

export function startEmbeddedMosip(prisma: PrismaClient, env: AppEnv, log: (line: string) => void): EmbeddedMosip {
  const downloads = startDownloadWorker(prisma, { ...env.mosip.datashare, log });
  const simulators: EmbeddedSimulator[] = [];
  // The simulator encrypts for the MAS partner certificate: the configured one, or the generated demo key.
  const configured = process.env.MAS_PARTNER_CERTIFICATE_FILE ? loadKeyRingFromEnv(process.env) : null;
  const certificate = configured ? configured.keys[0]?.certificate : ensureDemoPartnerKey(env).certificatePem;
  let requests = 0;

  async function addRequests(counts: { adjudications: number; verifications: number; fingerCodec?: "PNG" | "WSQ" }): Promise<number> {
    if (counts.adjudications + counts.verifications === 0) return 0;
    const sim = await createEmbeddedSimulator({
      seed: randomInt(1, 2 ** 31),
      adjudications: counts.adjudications,
      verifications: counts.verifications,
      certificate,
      fingerCodec: counts.fingerCodec,
      host: "127.0.0.1",
      port: 0,
    });
    simulators.push(sim);
    let created = 0;
    await sim.onMessage(async (m) => {
      const r = await receiveRequest(
        prisma,
        { destination: m.queue, headers: m.headers, body: Buffer.from(m.body, "utf8") },
        { maxBytes: env.mosip.maxRequestBytes, deadlineWindowMinutes: env.mosip.deadlineMinutes },
      );
      if (r.outcome === "created") created++;
      requests++;
    });
    downloads.kick();
    log(`[simulator] fed ${created} synthetic MOSIP requests (datashares at ${sim.datashare.url})`);
    return created;
  }

  return {
    downloads,
    addRequests,
    deliverResponse(queue, body) {
      const requestId = safeRequestId(body);
      const sim = simulators.find((s) => s.scenario.requests.some((r) => r.requestId === requestId)) ?? simulators[simulators.length - 1];
      return sim ? sim.receiveResponse(body, { queue }) : null;
    },
    summary() {
      const sums = simulators.map((s) => s.summary());
      return {
        batches: simulators.length,
        requests,
        responses: sums.reduce((n, s) => n + s.responses, 0),
        broken: sums.reduce((n, s) => n + s.broken, 0),
        unanswered: sums.reduce((n, s) => n + s.unanswered.length, 0),
      };
    },
    async stop() {
      await downloads.stop();
      await Promise.all(simulators.map((s) => s.close()));
    },
  };
}

function safeRequestId(body: string): string | null {
  try {
    const v = JSON.parse(body) as { requestId?: unknown };
    return typeof v.requestId === "string" ? v.requestId : null;
  } catch {
    return null;
  }
}
