import "server-only";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { AppEnv } from "@/lib/env/env-schema";
import { originOf } from "@/lib/env/datashare-origins";
import { receiveRequest } from "@/lib/intake/receive-request";
import { startDownloadWorker, type DownloadWorker } from "@/lib/datashare/run-download-worker";
import { ensureDemoPartnerKey } from "@/lib/crypto/runtime-key-ring";
import { loadKeyRingFromEnv } from "@/lib/crypto/load-key-ring";
import type { ResponseChecker, ResponseVerdict } from "@/lib/simulator/check-response";
import { startDatashareServer, type DatashareServer } from "@/lib/simulator/datashare-server";
import { certificatePemOf, scenarioChecker } from "@/lib/simulator/embedded-simulator";
import { DEFAULT_QUEUES, DEFAULT_TTL_SECONDS, deliveryHeaders } from "@/lib/simulator/message-headers";
import { PacketStock, type PreparedPacket } from "@/lib/simulator/packet-stock";
import { restampRequest } from "@/lib/simulator/scenario";
import { SynthesisPool } from "@/lib/simulator/synthesis-pool";

// The embedded default: MOSIP simulated inside the app process, for a first look and for demos. Requests take
// the same path as broker messages (receiveRequest, then the datashare download worker over HTTP), and the
// responses the outbox publishes are handed to the simulator, which checks them against MOSIP's contract.
//
// Packets (a request and its subjects' encrypted datashares) are synthesised in worker threads and kept in a small
// stock prepared ahead (lib/simulator/packet-stock.ts); a request is sent to the intake once its packet is ready,
// as MOSIP sends it once the packet exists, so no download waits on synthesis. That part needs no database, so boot
// starts it first (prepareEmbeddedPackets) and the workers build while the database opens and migrates.

export interface SimulatorCounts {
  adjudications: number;
  verifications: number;
  fingerCodec?: "PNG" | "WSQ";
}

export interface EmbeddedMosip {
  downloads: DownloadWorker;
  /** Sends new synthetic requests: at once those the stock holds, the rest as their packets are built. Returns how many. */
  addRequests(counts: SimulatorCounts): Promise<number>;
  /** Where the outbox delivers when there is no broker. */
  deliverResponse(queue: string, body: string): ResponseVerdict | null;
  summary(): { batches: number; requests: number; responses: number; broken: number; unanswered: number };
  stop(): Promise<void>;
}

// A served share stays downloadable this long after its first GET (the MAS may retry), then expires as MOSIP's do;
// without it every body ever served (a few MB each) would stay in memory.
const SERVED_SHARE_TTL_MS = 10 * 60_000;

/** The simulator's side that needs no database: synthesis workers, its datashare server and the packet stock. */
export interface EmbeddedPackets {
  pool: SynthesisPool;
  datashare: DatashareServer;
  stock: PacketStock;
  /** Bodies the datashare server serves, by share key; filled as requests are sent. */
  served: Map<string, Buffer>;
}

/** Starts the synthesis workers, the datashare server and the stock at once; no database needed. */
export async function prepareEmbeddedPackets(env: AppEnv, log: Log): Promise<EmbeddedPackets> {
  // The simulator encrypts for the MAS partner certificate: the configured one, or the generated demo key.
  const configured = process.env.MAS_PARTNER_CERTIFICATE_FILE ? loadKeyRingFromEnv(process.env) : null;
  const certificate = configured ? configured.keys[0]?.certificate : ensureDemoPartnerKey(env).certificatePem;
  const pool = new SynthesisPool({ size: env.simulator.threads });
  const served = new Map<string, Buffer>();
  const expiring = new Set<string>();
  const datashare: DatashareServer = await startDatashareServer({
    host: "127.0.0.1",
    port: 0,
    resolve: (key) => {
      const body = served.get(key) ?? null;
      if (body && !expiring.has(key)) {
        expiring.add(key);
        setTimeout(() => {
          served.delete(key);
          expiring.delete(key);
        }, SERVED_SHARE_TTL_MS).unref();
      }
      return Promise.resolve(body);
    },
  });
  const stock = new PacketStock({
    pool,
    publicUrl: datashare.url,
    encryption: certificate ? "VER_R2" : "none",
    certificatePem: certificatePemOf(certificate),
    size: env.simulator.stock,
    log,
  });
  stock.start();
  log(
    `[simulator] datashares at ${datashare.url}; packets built in ${pool.inThreads ? `${pool.size} worker thread(s)` : "the server thread"}, ${env.simulator.stock} kept ready`,
  );
  return { pool, datashare, stock, served };
}

export function startEmbeddedMosip(
  prisma: PrismaClient,
  env: AppEnv,
  log: Log,
  prepared: Promise<EmbeddedPackets> = prepareEmbeddedPackets(env, log),
): EmbeddedMosip {
  // The simulator's own datashare server is allowed implicitly, once it listens (its port is chosen then).
  const allowedOrigins = [...env.mosip.datashare.allowedOrigins];
  const downloads = startDownloadWorker(prisma, { ...env.mosip.datashare, allowedOrigins, log });
  const checkers = new Map<string, ResponseChecker>();
  let lastChecker: ResponseChecker | null = null;
  let batches = 0;
  let requests = 0;
  let feeding: Promise<void> = Promise.resolve();

  const started = prepared.then((packets) => {
    const own = originOf(packets.datashare.url);
    if (own) allowedOrigins.push(own);
    return packets;
  });

  async function feed(packet: PreparedPacket): Promise<void> {
    const { served } = await started;
    for (const [key, body] of packet.bodies) served.set(key, body);
    const checker = scenarioChecker(packet.scenario, DEFAULT_QUEUES);
    lastChecker = checker;
    for (const r of packet.scenario.requests) {
      checkers.set(r.requestId, checker);
      const queue = r.kind === "ADJUDICATION" ? DEFAULT_QUEUES.adjudicationRequest : DEFAULT_QUEUES.verificationRequest;
      const now = Date.now();
      const body = restampRequest(r, new Date(now));
      const headers = deliveryHeaders(body, queue, `ID:mosip-simulator-${packet.scenario.seed}-${++requests}`, {
        format: "text",
        ttlSeconds: DEFAULT_TTL_SECONDS,
        now,
      });
      await receiveRequest(
        prisma,
        { destination: queue, headers, body: Buffer.from(body, "utf8") },
        {
          maxBytes: env.mosip.maxRequestBytes,
          deadlineWindowMinutes: env.mosip.deadlineMinutes,
          reprocessSeconds: env.mosip.reprocessSeconds,
          allowedOrigins,
        },
      );
    }
    downloads.kick();
  }

  async function addRequests(counts: SimulatorCounts): Promise<number> {
    const total = counts.adjudications + counts.verifications;
    if (total === 0) return 0;
    const { stock } = await started;
    batches++;
    const packets = [
      ...Array.from({ length: counts.adjudications }, () => stock.take("ADJUDICATION", counts.fingerCodec)),
      ...Array.from({ length: counts.verifications }, () => stock.take("VERIFICATION", counts.fingerCodec)),
    ];
    // Each request goes to the intake as soon as its packet is ready, one at a time (the intake's transactions).
    for (const p of packets) {
      p.then(
        (packet) => {
          feeding = feeding.then(() => feed(packet)).catch((e) => log(`[simulator] could not send a request: ${(e as Error).message}`));
        },
        (e) => log(`[simulator] could not build a packet: ${(e as Error).message}`),
      );
    }
    log(`[simulator] sending ${total} synthetic MOSIP request(s) as their packets are ready`);
    return total;
  }

  return {
    downloads,
    addRequests,
    deliverResponse(queue, body) {
      const requestId = safeRequestId(body);
      const checker = (requestId ? checkers.get(requestId) : undefined) ?? lastChecker;
      return checker ? checker.check(body, { queue }) : null;
    },
    summary() {
      const sums = [...new Set(checkers.values())].map((c) => c.summary());
      return {
        batches,
        requests,
        responses: sums.reduce((n, s) => n + s.responses, 0),
        broken: sums.reduce((n, s) => n + s.broken, 0),
        unanswered: sums.reduce((n, s) => n + s.unanswered.length, 0),
      };
    },
    async stop() {
      await downloads.stop();
      const { datashare, stock, pool } = await started;
      stock.stop();
      await pool.close();
      await datashare.close();
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
